"""How every chart reads: numbers written the way the reader's language writes them, and type
big enough for the back of a room."""

from __future__ import annotations

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


def for_screen(chart: alt.TopLevelMixin, lang: str = "en") -> alt.TopLevelMixin:
    """Type big enough to read from the back of a room; legends under the chart, in a row;
    numbers on axes and in tooltips written the way `lang` writes them."""
    return (with_number_locale(chart, lang)
            .configure_axis(labelFontSize=13, titleFontSize=13, labelLimit=280)
            .configure_legend(labelFontSize=12, titleFontSize=12, orient="bottom",
                              direction="horizontal", columns=0, symbolSize=90,
                              columnPadding=8)
            .configure_title(fontSize=17, subtitleFontSize=13, limit=0))
