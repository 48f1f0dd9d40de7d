"""Charts of the compare page: chain lengths, unpaid and certainty shares, and small chains.

Pure Altair builders on the frames of `app.core.compare` (measures, and the layout of the small
chains) and `app.core.functions` (shares of tasks per function are drawn by
`app.charts.function_charts.function_share_chart`, reused as is). The small chains are compact
node-link drawings: no iframe, one Vega view per case, the same x scale for every case so that
chain lengths compare at a glance. Every text is in the language asked for (`lang`).
"""

from __future__ import annotations

import textwrap

import altair as alt
import pandas as pd

from app.charts import palette
from app.charts.flow_map import label_expr
from app.charts.style import LEGEND_COLUMNS, LEGENDS_STACKED, with_number_locale
from app.core import vocab
from app.core.compare import chain_extent, chain_small_frames, short_title
from app.core.i18n import format_percent, translate, translate_count, vocab_label

ROW_HEIGHT = 78  # pixels per actor in the fullest column of a small chain
CASE_LABEL_WIDTH = 26  # characters per line of a case's name on an axis (fits a phone)
AXIS_TITLE_WIDTH = 34  # characters per line of an axis title
ACTOR_SHAPES = {t: ("diamond" if t == "end_user" else "circle") for t in vocab.ACTOR_TYPES}
LENGTH_SERIES = {"all": palette.NEUTRAL, "documented": palette.TEXT}


def _case_axis() -> alt.Axis:
    """Case names on lines of `CASE_LABEL_WIDTH` characters (`case_label`, split here), so that
    the bars keep most of a phone's width."""
    return alt.Axis(title=None, labelLimit=320, labelFontSize=13,
                    labelExpr="split(datum.label, '\\n')")


def _case_labels(cases) -> list[str]:
    return ["\n".join(textwrap.wrap(c, CASE_LABEL_WIDTH)) or c for c in cases]


def _case_band(labels, minimum: int) -> int:
    """Pixels per case on the y axis: at least `minimum`, more for a name on three lines."""
    lines = max((str(label).count("\n") + 1 for label in labels), default=1)
    return max(minimum, 16 * lines + 8)


def _axis_title(text: str) -> list[str]:
    """A long axis title on several lines: one line would reach past a phone's screen."""
    return textwrap.wrap(text, AXIS_TITLE_WIDTH) or [text]


def _titled(measures: pd.DataFrame) -> pd.DataFrame:
    cases = [short_title(t) for t in measures["title"]]
    return measures.assign(case=cases, case_label=_case_labels(cases))


def _certainty_legend_labels(lang: str) -> str:
    return label_expr({c: vocab_label("certainty", c, lang) for c in vocab.CERTAINTIES})


def chain_length_chart(measures: pd.DataFrame, *, lang: str = "en",
                       width: int | str = "container") -> alt.LayerChart:
    """Two bars per case: longest chain on all links, and on documented links only.

    `measures` is a `compare_cases` frame. Bars in the palette's neutral grey (all links) and
    text colour (documented only), cases in the frame's order, each bar labelled with its
    number of links.
    """
    data = _titled(measures)
    series = {translate(f"compare.chart.length.{k}", lang): colour
              for k, colour in LENGTH_SERIES.items()}
    long = pd.DataFrame({
        "case": [c for c in data["case"] for _ in series],
        "case_label": [c for c in data["case_label"] for _ in series],
        "series": list(series) * len(data),
        "links": [int(v) for pair in zip(data["chain_length"], data["documented_chain_length"])
                  for v in pair],
    })
    order = list(data["case_label"])
    top = max(1, int(long["links"].max()) if len(long) else 1)
    counting = translate("compare.chart.length.counting", lang)
    base = alt.Chart(long).encode(
        y=alt.Y("case_label:N", sort=order, axis=_case_axis()),
        yOffset=alt.YOffset("series:N", sort=list(series)),
        x=alt.X("links:Q", title=_axis_title(translate("compare.chart.length.axis", lang)),
                scale=alt.Scale(domain=[0, top + 0.5]),
                axis=alt.Axis(format="d", tickMinStep=1, values=list(range(top + 1)))),
        tooltip=[alt.Tooltip("case:N", title=translate("compare.col.title", lang)),
                 alt.Tooltip("series:N", title=counting),
                 alt.Tooltip("links:Q", title=translate("compare.col.n_links", lang))],
    )
    bars = base.mark_bar(height={"band": 0.9}).encode(
        color=alt.Color("series:N", title=counting, sort=list(series),
                        scale=alt.Scale(domain=list(series), range=list(series.values())),
                        legend=alt.Legend(orient="bottom", direction="vertical",
                                          labelFontSize=13, labelLimit=400)),
    )
    labels = base.mark_text(align="left", dx=4, fontSize=13, color=palette.TEXT).encode(
        text=alt.Text("links:Q", format="d"))
    return with_number_locale(alt.layer(bars, labels).properties(
        width=width, height=alt.Step(_case_band(order, 44) // 2),
        title=alt.TitleParams(translate("compare.chart.length.title", lang), anchor="start")),
        lang)


def unpaid_share_chart(measures: pd.DataFrame, *, lang: str = "en",
                       width: int | str = "container") -> alt.LayerChart:
    """One bar per case: the share of its tasks done without pay, labelled "n of N tasks"."""
    data = _titled(measures)
    data = data.assign(label=[translate_count("compare.chart.unpaid.label", int(n), lang, part=int(u))
                              for u, n in zip(data["n_unpaid"], data["n_tasks"])])
    base = alt.Chart(data).encode(
        y=alt.Y("case_label:N", sort=list(data["case_label"]), axis=_case_axis()),
        x=alt.X("unpaid_share:Q", title=_axis_title(translate("compare.chart.unpaid.axis", lang)),
                scale=alt.Scale(domain=[0, 1]), axis=alt.Axis(format="%", tickCount=10)),
        tooltip=[alt.Tooltip("case:N", title=translate("compare.col.title", lang)),
                 alt.Tooltip("unpaid_share:Q", title=translate("compare.col.unpaid_share", lang),
                             format=".0%"),
                 alt.Tooltip("n_unpaid:Q", title=translate("compare.col.n_unpaid", lang)),
                 alt.Tooltip("n_tasks:Q", title=translate("compare.col.n_tasks", lang))],
    )
    bars = base.mark_bar(color=palette.TEXT, height={"band": 0.7})
    labels = base.mark_text(align="left", dx=5, fontSize=13, color=palette.TEXT).encode(
        text="label:N")
    return with_number_locale(alt.layer(bars, labels).properties(
        width=width, height=alt.Step(_case_band(data["case_label"], 40)),
        title=alt.TitleParams(translate("compare.chart.unpaid.title", lang), anchor="start")),
        lang)


def certainty_share_chart(shares: pd.DataFrame, titles: dict[str, str], *, lang: str = "en",
                          width: int | str = "container") -> alt.LayerChart:
    """Each case's links as one 100% bar split into documented, reported and inferred.

    `shares` is `app.core.functions.certainty_shares(links)`; `titles` maps case ids to titles
    (shown without their list of countries). Certainty is never colour alone: segments share
    the text colour and differ by opacity (`palette.CERTAINTY_OPACITY`) and outline
    (`palette.CERTAINTY_STROKE_DASH`), and each carries its name and percentage.
    """
    data = shares[shares["n_links"] > 0].copy()
    data["case"] = [short_title(titles.get(c, c)) for c in data["case_id"]]
    data["case_label"] = _case_labels(data["case"])
    data["rank"] = [list(vocab.CERTAINTIES).index(c) for c in data["certainty"]]
    data["certainty_label"] = [vocab_label("certainty", c, lang) for c in data["certainty"]]
    data["label"] = [f"{name} {format_percent(s, lang)}" if s >= 0.14 else format_percent(s, lang)
                     for name, s in zip(data["certainty_label"], data["share"])]
    order = _case_labels(short_title(titles.get(c, c)) for c in titles
                         if c in set(data["case_id"]))
    certainties = list(vocab.CERTAINTIES)
    certainty = translate("compare.col.certainty", lang)
    legend = alt.Legend(labelExpr=_certainty_legend_labels(lang))
    base = alt.Chart(data).encode(
        y=alt.Y("case_label:N", sort=order, axis=_case_axis()),
        x=alt.X("sum(n_links):Q", stack="normalize",
                title=_axis_title(translate("compare.chart.certainty.axis", lang)),
                axis=alt.Axis(format="%")),
        order=alt.Order("rank:Q"),
        tooltip=[alt.Tooltip("case:N", title=translate("compare.col.title", lang)),
                 alt.Tooltip("certainty_label:N", title=certainty),
                 alt.Tooltip("n_links:Q", title=translate("compare.col.n_links", lang)),
                 alt.Tooltip("share:Q", title=translate("compare.col.share", lang),
                             format=".0%")],
    )
    bars = base.mark_bar(color=palette.TEXT, stroke=palette.TEXT, strokeWidth=1.5,
                         height={"band": 0.7}).encode(
        opacity=alt.Opacity("certainty:N", title=certainty, sort=certainties, legend=legend,
                            scale=alt.Scale(type="ordinal", domain=certainties,
                                            range=[palette.CERTAINTY_OPACITY[c]
                                                   for c in certainties])),
        strokeDash=alt.StrokeDash("certainty:N", title=certainty, sort=certainties,
                                  legend=legend,
                                  scale=alt.Scale(domain=certainties,
                                                  range=[palette.CERTAINTY_STROKE_DASH[c]
                                                         for c in certainties])),
    )
    labels = base.mark_text(align="center", fontSize=13, color="white",
                            fontWeight="bold").encode(
        x=alt.X("sum(n_links):Q", stack="normalize", bandPosition=0.5),
        text="label:N")
    return with_number_locale(alt.layer(bars, labels).properties(
        width=width, height=alt.Step(_case_band(order, 40)),
        title=alt.TitleParams(translate("compare.chart.certainty.title", lang), anchor="start")),
        lang)


# ---------------------------------------------------------------------------------------------
# Small chains


def _legend(title: str, show: bool, labels: str, symbol: str = "") -> alt.Legend | None:
    if not show:
        return None
    extra = {"symbolType": "stroke", "symbolStrokeWidth": 2, "symbolSize": 500} if symbol else {}
    return alt.Legend(title=title, orient="top", direction="horizontal", titleOrient="left",
                      columns=alt.ExprRef(expr=LEGEND_COLUMNS),
                      labelFontSize=13, titleFontSize=13, labelExpr=labels, **extra)


def chain_small_chart(actors: pd.DataFrame, links: pd.DataFrame, *, title: str = "",
                      x_max: int | None = None, n_rows: int | None = None,
                      legend: bool = False, lang: str = "en",
                      width: int | str = "container") -> alt.LayerChart:
    """One case's chain as a compact static node-link chart (left to right: who commissions whom).

    Actors are dots coloured by type (`palette.ACTOR_TYPE_COLOURS`; end users are diamonds),
    with their name beneath and the actor's certainty as opacity; links are lines whose dash
    gives their certainty (`palette.CERTAINTY_STROKE_DASH`), with the sentence in the tooltip.
    Pass the same `x_max` (last column) and `n_rows` (fullest column) to every case of a small
    multiple, from `app.core.compare.chain_extent`, so that equal lengths look equal. `legend`
    puts the legends of actor types (colour and shape) and link certainty (dash) above the
    chart: give it to the first chart of a small multiple only.
    """
    nodes, edges = chain_small_frames(actors, links, lang)
    last, rows = chain_extent(actors, links)
    x_max = max(last, x_max or 0)
    n_rows = max(rows, n_rows or 1)
    half = (n_rows - 1) / 2
    x = alt.X("x:Q", axis=None, scale=alt.Scale(domain=[-0.45, x_max + 0.45], nice=False))
    y = alt.Y("y:Q", axis=None,
              scale=alt.Scale(domain=[-half - 1.0, half + 1.1], reverse=True, nice=False))
    certainties = list(vocab.CERTAINTIES)
    certainty = translate("compare.col.certainty", lang)
    type_labels = label_expr({t: vocab_label("actor_type", t, lang) for t in vocab.ACTOR_TYPES})
    actors_title = translate("compare.chart.chains.actors", lang)
    lines = alt.Chart(edges).mark_line(interpolate="basis", strokeWidth=1.6,
                                       color=palette.TEXT).encode(
        x=x, y=y, detail="link_id:N", order="point:Q",
        strokeDash=alt.StrokeDash("certainty:N",
                                  legend=_legend(translate("compare.chart.chains.links", lang),
                                                 legend, _certainty_legend_labels(lang),
                                                 symbol="stroke"),
                                  scale=alt.Scale(domain=certainties,
                                                  range=[palette.CERTAINTY_STROKE_DASH[c]
                                                         for c in certainties])),
        opacity=alt.Opacity("certainty:N", legend=None,
                            scale=alt.Scale(type="ordinal", domain=certainties,
                                            range=[palette.CERTAINTY_OPACITY[c]
                                                   for c in certainties])),
        tooltip=[alt.Tooltip("sentence:N", title=translate("compare.chart.chains.link", lang)),
                 alt.Tooltip("certainty_label:N", title=certainty)],
    )
    types = list(vocab.ACTOR_TYPES)
    dots = alt.Chart(nodes).mark_point(filled=True, size=380, stroke="white",
                                       strokeWidth=1.5).encode(
        x=x, y=y,
        color=alt.Color("actor_type:N", legend=_legend(actors_title, legend, type_labels),
                        scale=alt.Scale(**palette.altair_scale(palette.ACTOR_TYPE_COLOURS))),
        shape=alt.Shape("actor_type:N", legend=_legend(actors_title, legend, type_labels),
                        scale=alt.Scale(domain=types, range=[ACTOR_SHAPES[t] for t in types])),
        opacity=alt.Opacity("certainty:N", legend=None,
                            scale=alt.Scale(type="ordinal", domain=certainties,
                                            range=[palette.CERTAINTY_OPACITY[c]
                                                   for c in certainties])),
        tooltip=[alt.Tooltip("name:N", title=translate("compare.chart.chains.actor", lang)),
                 alt.Tooltip("type_label:N", title=translate("compare.chart.chains.type", lang)),
                 alt.Tooltip("country_name:N",
                             title=translate("compare.chart.chains.country", lang)),
                 alt.Tooltip("certainty_label:N", title=certainty)],
    )
    names = alt.Chart(nodes).mark_text(baseline="top", dy=14, fontSize=12, lineBreak="\n",
                                       color=palette.TEXT).encode(x=x, y=y, text="label:N")
    # A white halo under each name keeps it readable where a line passes behind it.
    halo = names.mark_text(baseline="top", dy=14, fontSize=12, lineBreak="\n", color="white",
                           stroke="white", strokeWidth=4, strokeJoin="round")
    chart = alt.layer(lines, dots, halo, names).properties(
        width=width, height=int(ROW_HEIGHT * (n_rows + 1.6)),
        view=alt.ViewBackground(stroke=None))
    if title:
        chart = chart.properties(title=alt.TitleParams(title, anchor="start", fontSize=15))
    # The two legends above the chart one under the other: side by side they are wider than a
    # phone's screen, and read as well stacked on a wide one.
    return chart.configure_legend(layout=alt.ExprRef(expr=f"{{top: {LEGENDS_STACKED}}}"))
