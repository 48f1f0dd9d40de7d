"""How every chart reads: numbers written the way the reader's language writes them, and type
big enough for the back of a room."""

from __future__ import annotations

import textwrap

import altair as alt

# How Vega writes numbers in French: "266 126", "56,1", "50 %" (a d3-format locale; English is
# Vega's default). No chart formats money with it: amounts carry their unit in their labels.
NUMBER_LOCALES: dict[str, dict] = {
    "fr": {"decimal": ",", "thousands": "\u202f", "grouping": [3], "currency": ["", "\u00a0€"],
           "percent": "\u202f%"},
}


def with_number_locale(chart: alt.TopLevelMixin, lang: str) -> alt.TopLevelMixin:
    """The chart with Vega's number format for `lang` (axes, tooltips, labels formatted by
    Vega); English, Vega's default, is left as is."""
    if lang not in NUMBER_LOCALES:
        return chart
    return chart.configure(locale={"number": NUMBER_LOCALES[lang]})


# A chart drawn in a box narrower than this (a phone's screen) puts a legend's entries in two
# columns and its legends one under the other: in a row they reach past the screen's edge.
NARROW_PX = 600
LEGEND_COLUMNS = f"containerSize()[0] < {NARROW_PX} ? 2 : 0"
LEGENDS_STACKED = "{anchor: 'start', direction: 'vertical'}"
LEGEND_LAYOUT = (f"containerSize()[0] < {NARROW_PX} ? "
                 f"{{top: {LEGENDS_STACKED}, bottom: {LEGENDS_STACKED}}} : {{}}")
NARROW_LABEL_SHARE = 0.4  # of a narrow chart's width, at most, for the names along its axis


def label_limit(px: int) -> alt.ExprRef:
    """How wide an axis's labels may be: `px`, but in a narrow chart (a phone) at most
    `NARROW_LABEL_SHARE` of its width, so that the bars and their values keep the rest (the
    chart's summary under it gives every name in full)."""
    return alt.ExprRef(expr=f"containerSize()[0] < {NARROW_PX} ? min({px}, max(90, "
                            f"containerSize()[0] * {NARROW_LABEL_SHARE})) : {px}")


def for_screen(chart: alt.TopLevelMixin, lang: str = "en") -> alt.TopLevelMixin:
    """Type big enough to read from the back of a room; legends under the chart, in a row (in
    columns on a phone); numbers on axes and in tooltips written the way `lang` writes them."""
    # One `configure_legend`: a second would replace the first's settings, not add to them.
    return (with_number_locale(chart, lang)
            .configure_axis(labelFontSize=13, titleFontSize=13, labelLimit=280)
            .configure_legend(labelFontSize=12, titleFontSize=12, orient="bottom",
                              direction="horizontal", symbolSize=90, columnPadding=8,
                              columns=alt.ExprRef(expr=LEGEND_COLUMNS),
                              layout=alt.ExprRef(expr=LEGEND_LAYOUT))
            .configure_title(fontSize=17, subtitleFontSize=13, limit=0))


# On a slide (presentation mode, a projector seen from the back of a room) no chart text is
# smaller than this: axis labels and titles, legends, chart titles and mark labels.
SLIDE_MIN_PX = 20
SLIDE_GROWTH = 1.6  # larger type grows as much, so that titles stay above labels
_FONT_KEYS = {"fontSize", "labelFontSize", "titleFontSize", "subtitleFontSize"}
# A legend's labels get as much more room as their type (Vega cuts them at 160 px), so that a
# slide keeps whole what the page shows whole ("Aucune tâche relevée").
_SLIDE_CONFIG = {"axis": {"labelFontSize": SLIDE_MIN_PX, "titleFontSize": SLIDE_MIN_PX},
                 "legend": {"labelFontSize": SLIDE_MIN_PX, "titleFontSize": SLIDE_MIN_PX,
                            "labelLimit": round(160 * SLIDE_GROWTH)},
                 "title": {"fontSize": 26, "subtitleFontSize": SLIDE_MIN_PX},
                 "text": {"fontSize": SLIDE_MIN_PX}}


def _slide_size(size):
    """A number grown for the slide; an expression (type that grows by itself) kept."""
    if isinstance(size, (int, float)) and not isinstance(size, bool):
        return max(SLIDE_MIN_PX, round(size * SLIDE_GROWTH))
    return size


def _grown(node):
    if isinstance(node, dict):
        return {key: (_slide_size(value) if key in _FONT_KEYS
                      else value if key in ("datasets", "data", "values") else _grown(value))
                for key, value in node.items()}
    if isinstance(node, list):
        return [_grown(item) for item in node]
    return node


def for_slide(spec: dict) -> dict:
    """A chart's Vega-Lite JSON with the slide's type: every text size grown, none under
    SLIDE_MIN_PX, whether set in the chart's configuration, on an axis or on a mark."""
    grown = _grown(spec)
    config = {part: dict(settings) if isinstance(settings, dict) else settings
              for part, settings in grown.get("config", {}).items()}
    for part, sizes in _SLIDE_CONFIG.items():
        for key, size in sizes.items():
            config.setdefault(part, {}).setdefault(key, size)
    return {**grown, "config": config}


# A phone's chart (390 px less the page's margins), and the width of a letter of a title, in
# em, a little wider than the average, so that a wrapped line never reaches the edge.
PHONE_CHART_PX = 340
TITLE_LETTER_EM = 0.6
_UNKNOWN_TITLE_PX = 17  # a size given as an expression (type that grows with the chart)


def _lines(text, size_px, width_px: int):
    """A title's text (one line, or already a list of lines) in lines of at most the letters
    that fit; anything else (an expression) as it is."""
    if isinstance(text, str):
        text = [text]
    if not isinstance(text, list) or not all(isinstance(line, str) for line in text):
        return text
    size = size_px if isinstance(size_px, (int, float)) else _UNKNOWN_TITLE_PX
    letters = max(12, int(width_px / (size * TITLE_LETTER_EM)))
    lines = [part for line in text for part in (textwrap.wrap(line, letters) or [line])]
    return lines if len(lines) > 1 else lines[0]


def titles_wrapped(spec: dict, width_px: int = PHONE_CHART_PX) -> dict:
    """The chart's Vega-Lite JSON with its title and subtitle broken into lines that fit
    `width_px`: Vega never wraps a title, it cuts it ("Where the data work ..."), and a phone
    has room for half a title's words."""
    title = spec.get("title")
    if not title:
        return spec
    title = {"text": title} if isinstance(title, (str, list)) else dict(title)
    config = spec.get("config", {}).get("title", {})
    title["text"] = _lines(title.get("text"), title.get("fontSize", config.get("fontSize", 13)),
                           width_px)
    if "subtitle" in title:
        title["subtitle"] = _lines(title["subtitle"], title.get(
            "subtitleFontSize", config.get("subtitleFontSize", 12)), width_px)
    return {**spec, "title": title}
