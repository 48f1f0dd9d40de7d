"""Charts of the reference pages: the platform inventory and the key figures.

Pure Altair builders (no Streamlit). The frames they draw come from `app.core.reference`
(`platform_points`, `platform_relations_frames`, `offer_counts`, `figure_rows` and the
`*_rows` helpers of each figure chart), already in the language asked for; the builders only add
titles, axes, legends and tooltips in that language (`lang`) and encode. Everything is built
from the rows (by `figure_id`, `topic`, `kind`, `qualifier`, `dispute`), never from numbers
typed here.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from app.charts import palette
from app.charts.flow_map import label_expr
from app.charts.style import label_limit, with_number_locale
from app.core import vocab
from app.core.geo import WORLD_FEATURE, WORLD_URL
from app.core.i18n import translate, vocab_label
from app.core.reference import (country_labels, founded_before, funnel_rows, map_countries,
                                market_rows, offer_counts, platform_relations_frames,
                                price_rows, range_rows)

ANTARCTICA = "010"
QUALIFIER_SHAPES: dict[str, str] = {
    "exact": "circle", "about": "circle", "up_to": "triangle-left", "over": "triangle-right",
    "below": "triangle-left",
}
def _t(key: str, lang: str) -> str:
    return translate(key, lang)


def _offer_scale() -> alt.Scale:
    return alt.Scale(**palette.altair_scale(palette.OFFER_TYPE_COLOURS))


def _offer_legend(lang: str, **kwargs) -> alt.Legend:
    labels = {t: vocab_label("offer_type", t, lang) for t in vocab.OFFER_TYPES}
    return alt.Legend(title=_t("platforms.col.offer", lang), labelExpr=label_expr(labels),
                      labelFontSize=13, titleFontSize=13, labelLimit=400, **kwargs)


# ---------------------------------------------------------------------------------------------
# Platforms


def _world(world_url: str, world: dict | None):
    if world is not None:
        return alt.InlineData(values=world,
                              format=alt.DataFormat(type="topojson", feature=WORLD_FEATURE))
    return alt.topo_feature(world_url, WORLD_FEATURE)


def _platform_tooltip(lang: str, *, country: bool = True) -> list[alt.Tooltip]:
    return [alt.Tooltip("name:N", title=_t("platforms.col.platform", lang)),
            alt.Tooltip("offer_label:N", title=_t("platforms.col.offer", lang)),
            alt.Tooltip("hq_city:N", title=_t("platforms.col.headquarters", lang)),
            *([alt.Tooltip("country_name:N", title=_t("platforms.col.country", lang))]
              if country else []),
            alt.Tooltip("founded:Q", title=_t("platforms.col.founded", lang), format="d")]


def platform_map_chart(points: pd.DataFrame, *, lang: str = "en", world_url: str = WORLD_URL,
                       world: dict | None = None, width: int | str = "container",
                       height: int = 560) -> alt.LayerChart:
    """The platforms on a world map by the country of their headquarters.

    `points` comes from `app.core.reference.platform_points`. Layers: the countries
    (`mark_geoshape`, equalEarth, the countries holding a headquarters darker), spokes from a
    country's centre to each dot of its cluster, a dot per platform coloured by offer type
    (`palette.OFFER_TYPE_COLOURS`), and one label per country ("United States: 6"), below a
    cluster or above a lone dot. The outline is fetched from Streamlit's static serving
    (`world_url`); pass `world` to inline a topology. Hovering a country gives its name in
    `lang`.
    """
    on_map = points[points["lon"].notna()]
    labels = country_labels(points, lang)
    ids = map_countries(labels["country"], lang)
    countries = (
        alt.Chart(_world(world_url, world))
        .mark_geoshape(stroke="white", strokeWidth=0.5, fill=palette.NEUTRAL)
        .transform_filter(f"datum.id != '{ANTARCTICA}'")
        .transform_lookup(lookup="id", from_=alt.LookupData(ids, "iso_numeric",
                                                            ["involved", "country_name"]))
        .encode(fillOpacity=alt.condition("datum.involved", alt.value(0.75), alt.value(0.3)),
                tooltip=alt.Tooltip("country_name:N", title=_t("platforms.col.country", lang)))
    )
    dots = alt.Chart(on_map).mark_circle(size=190, stroke="white", strokeWidth=1.2,
                                         opacity=1).encode(
        longitude="lon:Q", latitude="lat:Q",
        color=alt.Color("offer_type:N", scale=_offer_scale(),
                        legend=_offer_legend(lang, orient="bottom", direction="horizontal")),
        tooltip=_platform_tooltip(lang),
    )
    label_style = {"fontSize": 13, "fontWeight": "bold", "color": palette.TEXT}
    below = alt.Chart(labels[labels["baseline"] == "top"]).mark_text(
        baseline="top", **label_style).encode(
        longitude="country_lon:Q", latitude="label_lat:Q", text="text:N")
    above = alt.Chart(labels[labels["baseline"] == "bottom"]).mark_text(
        baseline="bottom", **label_style).encode(
        longitude="country_lon:Q", latitude="label_lat:Q", text="text:N")
    # Spokes tie the dots of a cluster to the centre of their country.
    spokes = alt.Chart(on_map[on_map["n_in_country"] > 1]).mark_rule(
        color=palette.TEXT, strokeWidth=1, opacity=0.6).encode(
        longitude="country_lon:Q", latitude="country_lat:Q",
        longitude2="lon:Q", latitude2="lat:Q")
    return alt.layer(countries, spokes, dots, below, above).project(
        type="equalEarth").properties(
        width=width, height=height,
        title=alt.TitleParams(_t("platforms.map.title", lang), anchor="start",
                              subtitle=_t("platforms.map.subtitle", lang)))


def platform_timeline_chart(platforms: pd.DataFrame, *, before: int = 2000, lang: str = "en",
                            width: int | str = "container") -> alt.LayerChart:
    """Platforms by founding year, oldest first, with the years before `before` shaded.

    Dots coloured by offer type, each labelled with its year; a grey band covers the years
    before `before` and the subtitle names the platforms in it, so the chart answers "which
    platforms were founded before 2000" at a glance.
    """
    data = platforms.sort_values(["founded", "name"]).copy()
    data["offer_label"] = [vocab_label("offer_type", t, lang) for t in data["offer_type"]]
    data["founded"] = data["founded"].astype(int)
    order = list(data["name"])
    low = min(int(data["founded"].min()) if len(data) else before, before) - 2
    high = max(int(data["founded"].max()) if len(data) else before, before) + 4
    early = founded_before(data, before)
    domain = alt.Scale(domain=[low, high], nice=False)
    x = alt.X("founded:Q", title=_t("platforms.timeline.axis", lang), scale=domain,
              axis=alt.Axis(format="d", tickMinStep=1, labelFontSize=13))
    band = alt.Chart(pd.DataFrame({"x": [low], "x2": [before]})).mark_rect(
        color=palette.NEUTRAL, opacity=0.25).encode(x=alt.X("x:Q", scale=domain), x2="x2:Q")
    rule = alt.Chart(pd.DataFrame({"x": [before]})).mark_rule(
        color=palette.TEXT, strokeDash=[4, 3]).encode(x=alt.X("x:Q", scale=domain))
    base = alt.Chart(data).encode(
        x=x, y=alt.Y("name:N", sort=order, title=None,
                     axis=alt.Axis(labelFontSize=13, labelLimit=label_limit(260))),
        tooltip=_platform_tooltip(lang, country=False),
    )
    dots = base.mark_circle(size=200, stroke=palette.TEXT, strokeWidth=0.8, opacity=1).encode(
        color=alt.Color("offer_type:N", scale=_offer_scale(),
                        legend=_offer_legend(lang, orient="bottom", direction="horizontal")))
    years = base.mark_text(align="left", dx=11, fontSize=13, color=palette.TEXT).encode(
        text=alt.Text("founded:Q", format="d"))
    names = ", ".join(early["name"]) or _t("platforms.timeline.none", lang)
    return alt.layer(band, rule, dots, years).properties(
        width=width, height=alt.Step(30),
        title=alt.TitleParams(_t("platforms.timeline.title", lang), anchor="start",
                              subtitle=translate("platforms.timeline.subtitle", lang,
                                                 year=str(before), count=len(early),
                                                 names=names)))


def offer_type_chart(platforms: pd.DataFrame, *, lang: str = "en",
                     width: int | str = "container") -> alt.LayerChart:
    """How many platforms of each offer type, each bar labelled with the platforms' names."""
    data = offer_counts(platforms, list(vocab.OFFER_TYPES), lang)
    top = int(data["n_platforms"].max()) if len(data) else 1
    n_platforms = _t("platforms.offer.axis", lang)
    base = alt.Chart(data).encode(
        y=alt.Y("offer_label:N", sort=list(data["offer_label"]), title=None,
                axis=alt.Axis(labelFontSize=13, labelLimit=label_limit(260))),
        x=alt.X("n_platforms:Q", title=n_platforms, scale=alt.Scale(domain=[0, top * 3.2]),
                axis=alt.Axis(format="d", tickMinStep=1, values=list(range(top + 1)))),
        tooltip=[alt.Tooltip("offer_label:N", title=_t("platforms.col.offer", lang)),
                 alt.Tooltip("n_platforms:Q", title=n_platforms),
                 alt.Tooltip("names:N", title=_t("platforms.offer.which", lang))],
    )
    bars = base.mark_bar(height={"band": 0.7}).encode(
        color=alt.Color("offer_type:N", scale=_offer_scale(), legend=None))
    text = base.mark_text(align="left", dx=6, fontSize=13, color=palette.TEXT).encode(
        text="names:N")
    return alt.layer(bars, text).properties(
        width=width, height=alt.Step(44),
        title=alt.TitleParams(_t("platforms.offer.title", lang), anchor="start"))


def platform_relations_chart(platforms: pd.DataFrame, platform_links: pd.DataFrame, *,
                             lang: str = "en", width: int | str = "container") -> alt.LayerChart:
    """Who gives access to, owns or runs whom among the platforms, as a small node-link chart.

    Dots coloured by offer type, arrows (a line and a triangle head) with the relation written
    above, certainty as the line's dash; laid out by
    `app.core.reference.platform_relations_frames`.
    """
    nodes, edges = platform_relations_frames(platforms, platform_links, lang)
    last = int(nodes["x"].max()) if len(nodes) else 0
    half = max((abs(v) for v in nodes["y"]), default=0.0)
    x_scale = alt.Scale(domain=[-0.4, last + 0.4], nice=False)
    y_scale = alt.Scale(domain=[-half - 0.7, half + 0.7], reverse=True, nice=False)
    x = alt.X("x:Q", axis=None, scale=x_scale)
    y = alt.Y("y:Q", axis=None, scale=y_scale)
    certainties = list(vocab.CERTAINTIES)
    dash = alt.StrokeDash("certainty:N", legend=None,
                          scale=alt.Scale(domain=certainties,
                                          range=[palette.CERTAINTY_STROKE_DASH[c]
                                                 for c in certainties]))
    tips = [alt.Tooltip("sentence:N", title=_t("platforms.col.relation", lang)),
            alt.Tooltip("certainty_label:N", title=_t("platforms.col.certainty", lang))]
    lines = alt.Chart(edges).mark_rule(strokeWidth=2, color=palette.TEXT).encode(
        x=x, y=y, x2="x2:Q", y2="y2:Q", strokeDash=dash, tooltip=tips)
    heads = alt.Chart(edges).mark_point(filled=True, size=160, color=palette.TEXT,
                                        opacity=1).encode(
        x=alt.X("head_x:Q", axis=None, scale=x_scale),
        y=alt.Y("y2:Q", axis=None, scale=y_scale),
        shape=alt.Shape("head_shape:N", legend=None,
                        scale=alt.Scale(domain=["triangle-left", "triangle-right"],
                                        range=["triangle-left", "triangle-right"])),
        tooltip=tips)
    verbs = alt.Chart(edges).mark_text(dy=-12, fontSize=13, fontStyle="italic",
                                       color=palette.TEXT).encode(
        x=alt.X("mid_x:Q", axis=None, scale=x_scale),
        y=alt.Y("mid_y:Q", axis=None, scale=y_scale), text="verb:N")
    dots = alt.Chart(nodes).mark_circle(size=420, stroke="white", strokeWidth=1.5,
                                        opacity=1).encode(
        x=x, y=y, color=alt.Color("offer_type:N", scale=_offer_scale(), legend=None),
        tooltip=[alt.Tooltip("name:N", title=_t("platforms.col.platform", lang))])
    names = alt.Chart(nodes).mark_text(dy=24, fontSize=14, fontWeight="bold",
                                       color=palette.TEXT).encode(x=x, y=y, text="name:N")
    return alt.layer(lines, heads, verbs, dots, names).properties(
        width=width, height=int(110 * (2 * half + 1.6)), view=alt.ViewBackground(stroke=None),
        title=alt.TitleParams(_t("platforms.relations.title", lang), anchor="start"))


# ---------------------------------------------------------------------------------------------
# Figures: each takes rows of `app.core.reference.figure_rows` (already in `lang`).


def _plain(frame: pd.DataFrame) -> pd.DataFrame:
    """Nullable numbers as plain floats, so the frame serialises to plain JSON (NA -> null)."""
    out = frame.copy()
    for col in out.columns:
        if isinstance(out[col].dtype, (pd.Int64Dtype, pd.Float64Dtype)):
            out[col] = out[col].astype("float64")
    return out


def _figure_tips(lang: str, *fields: str) -> list[alt.Tooltip]:
    titles = {"label": "figures.col.figure", "text": "figures.col.reads",
              "scope": "figures.col.scope", "dispute": "figures.col.dispute",
              "source_ids": "figures.col.sources", "certainty_label": "figures.col.certainty",
              "year_label": "figures.col.year", "kind_label": "figures.col.kind"}
    return [alt.Tooltip(f"{f}:N", title=_t(titles[f], lang)) for f in fields]


def funnel_chart(rows: pd.DataFrame, *, lang: str = "en",
                 width: int | str = "container") -> alt.LayerChart:
    """Nested counts as a funnel: the widest first, each bar centred, disputed ones hatched.

    `rows` are figures of one topic (e.g. `france_microworkers`), in the worker pools' colour
    (`palette.ACTOR_TYPE_COLOURS["worker_pool"]`). A row with a `dispute` is drawn lighter with
    a dashed outline and "disputed" in its label.
    """
    data = _plain(funnel_rows(rows, lang))
    data["x"] = -data["value"] / 2
    data["x2"] = data["value"] / 2
    data["mid"] = 0.0
    order = list(data["name"])
    top = float(data["value"].max()) if len(data) else 1.0
    scale = alt.Scale(domain=[-top / 2, top / 2], nice=False)
    base = alt.Chart(data).encode(
        y=alt.Y("name:N", sort=order, title=None,
                axis=alt.Axis(labelFontSize=13, labelLimit=label_limit(330))),
        tooltip=_figure_tips(lang, "label", "text", "dispute", "source_ids"),
    )
    colour = palette.ACTOR_TYPE_COLOURS["worker_pool"]
    bars = base.mark_bar(color=colour, stroke=colour, strokeWidth=2,
                         height={"band": 0.8}).encode(
        x=alt.X("x:Q", axis=None, scale=scale), x2="x2:Q",
        fillOpacity=alt.condition("datum.disputed", alt.value(0.3), alt.value(1.0)),
        strokeDash=alt.condition("datum.disputed", alt.value([6, 4]), alt.value([1, 0])))
    # Written in the middle of a wide bar, just right of a narrow one.
    wide = f"datum.value > {top} * 0.3"
    inside = base.transform_filter(wide).mark_text(
        fontSize=14, fontWeight="bold", color=palette.TEXT, align="center").encode(
        x=alt.X("mid:Q", axis=None, scale=scale), text="number:N")
    beside = base.transform_filter(f"!({wide})").mark_text(
        fontSize=14, fontWeight="bold", color=palette.TEXT, align="left", dx=8).encode(
        x=alt.X("x2:Q", axis=None, scale=scale), text="number:N")
    return alt.layer(bars, inside, beside).properties(width=width, height=alt.Step(64))


def share_chart(rows: pd.DataFrame, *, lang: str = "en", width: int | str = "container",
                title: str = "") -> alt.LayerChart:
    """Percentages (figures whose unit is "percent") as bars on a 0-100% axis, labelled."""
    data = _plain(rows).assign(share=lambda d: d["value"] / 100)
    base = alt.Chart(data).encode(
        y=alt.Y("name:N", sort=list(data["name"]), title=None,
                axis=alt.Axis(labelFontSize=13, labelLimit=label_limit(330))),
        x=alt.X("share:Q", title=_t("figures.shares.axis", lang), scale=alt.Scale(domain=[0, 1]),
                axis=alt.Axis(format="%", tickCount=10)),
        tooltip=_figure_tips(lang, "label", "text", "scope", "source_ids"),
    )
    bars = base.mark_bar(color=palette.ACTOR_TYPE_COLOURS["worker_pool"], height={"band": 0.7})
    text = base.mark_text(align="left", dx=5, fontSize=13, fontWeight="bold",
                          color=palette.TEXT).encode(text="text:N")
    chart = alt.layer(bars, text).properties(width=width, height=alt.Step(40))
    if title:
        chart = chart.properties(title=alt.TitleParams(title, anchor="start"))
    return with_number_locale(chart, lang)


def range_chart(rows: pd.DataFrame, *, lang: str = "en",
                width: int | str = "container") -> alt.LayerChart:
    """Ranges (`value` to `value_max`) side by side, one row per source, on a shared axis.

    For figures that differ between sources (the Malagasy pay: P3 and P5): each row is named by
    its sources, drawn as a thick bar from the lower to the upper bound with both ends written.
    """
    data = _plain(range_rows(rows))
    low = float(data["value"].min()) if len(data) else 0.0
    high = float(data["value_max"].max()) if len(data) else 1.0
    pad = max((high - low) * 0.35, 1.0)
    unit = str(data["unit_label"].iloc[0]) if len(data) else ""
    scale = alt.Scale(domain=[max(0.0, low - pad), high + pad], nice=False)
    base = alt.Chart(data).encode(
        y=alt.Y("row:N", sort=list(data["row"]), title=None,
                axis=alt.Axis(labelFontSize=13, labelLimit=label_limit(360))),
        tooltip=_figure_tips(lang, "text", "dispute", "certainty_label"),
    )
    bars = base.mark_bar(color=palette.ACTOR_TYPE_COLOURS["worker_pool"], height=18,
                         cornerRadius=3).encode(
        x=alt.X("value:Q", title=unit, scale=scale, axis=alt.Axis(labelFontSize=13, tickCount=8)),
        x2="value_max:Q")
    lows = base.mark_text(align="right", dx=-6, fontSize=14, fontWeight="bold",
                          color=palette.TEXT).encode(x=alt.X("value:Q", scale=scale),
                                                     text=alt.Text("value:Q", format=",~f"))
    highs = base.mark_text(align="left", dx=6, fontSize=14, fontWeight="bold",
                           color=palette.TEXT).encode(x=alt.X("value_max:Q", scale=scale),
                                                      text=alt.Text("value_max:Q", format=",~f"))
    return with_number_locale(
        alt.layer(bars, lows, highs).properties(width=width, height=alt.Step(46)), lang)


def market_chart(rows: pd.DataFrame, *, lang: str = "en",
                 width: int | str = "container") -> alt.LayerChart:
    """Market sizes by year, the forecasts drawn hollow with a dashed outline and said so.

    Rows of the same market are grouped by `market` (their label without "(forecast)"); bars
    are solid grey for figures published as measured (`kind` industry) and hollow for `kind`
    forecast, each labelled with its value as the source words it ("over 1,000 USD million
    (2023, industry forecast)").
    """
    data = _plain(market_rows(rows, lang))
    top = float(data["value"].max()) if len(data) else 1.0
    base = alt.Chart(data).encode(
        y=alt.Y("name:N", title=None, sort=list(dict.fromkeys(data["name"])),
                axis=alt.Axis(labelFontSize=13, labelLimit=label_limit(300),
                              labelExpr="split(datum.label, '\\n')")),
        yOffset=alt.YOffset("year_label:N"),
        x=alt.X("value:Q", title=str(data["unit_label"].iloc[0]) if len(data) else "",
                scale=alt.Scale(domain=[0, top * 1.6]), axis=alt.Axis(format=",~f", tickCount=8)),
        tooltip=_figure_tips(lang, "label", "text", "year_label", "kind_label", "scope"),
    )
    bars = base.mark_bar(height={"band": 0.8}, stroke=palette.TEXT, strokeWidth=1.5).encode(
        fill=alt.condition("datum.forecast", alt.value("white"), alt.value(palette.NEUTRAL)),
        strokeDash=alt.condition("datum.forecast", alt.value([6, 4]), alt.value([1, 0])))
    text = base.mark_text(align="left", dx=6, fontSize=13, color=palette.TEXT).encode(
        text="tag:N")
    return with_number_locale(alt.layer(bars, text).properties(
        width=width, height=alt.Step(30),
        title=alt.TitleParams(_t("figures.market.title", lang), anchor="start",
                              subtitle=_t("figures.market.subtitle", lang))), lang)


def unit_price_chart(rows: pd.DataFrame, *, lang: str = "en",
                     width: int | str = "container") -> alt.LayerChart:
    """Unit prices on a log axis: a dot for a value, a bar for a range, a triangle for a bound.

    "over" points right and "below" / "up to" point left (`QUALIFIER_SHAPES`), so a price
    given as "less than a dime" is not read as exactly USD 0.10. Each row is labelled with the
    value as the source words it.
    """
    data = _plain(price_rows(rows))
    low = float(data["value"].min()) if len(data) else 0.01
    high = float(data["value_max"].max()) if len(data) else 1.0
    scale = alt.Scale(type="log", domain=[low / 3, high * 12], nice=False)
    units = list(dict.fromkeys(data["unit_label"]))
    base = alt.Chart(data).encode(
        y=alt.Y("name:N", sort=list(data["name"]), title=None,
                axis=alt.Axis(labelFontSize=13, labelLimit=label_limit(380))),
        tooltip=_figure_tips(lang, "label", "text", "scope"),
    )
    ranges = base.mark_bar(height=12, color=palette.TEXT).encode(
        x=alt.X("value:Q", scale=scale, title=" / ".join(units),
                axis=alt.Axis(format=",.2~f", labelFontSize=13)),
        x2="value_max:Q")
    marks = base.mark_point(filled=True, size=220, color=palette.TEXT, opacity=1).encode(
        x=alt.X("value:Q", scale=scale),
        shape=alt.Shape("qualifier:N", legend=None,
                        scale=alt.Scale(domain=list(QUALIFIER_SHAPES),
                                        range=list(QUALIFIER_SHAPES.values()))))
    text = base.mark_text(align="left", dx=14, fontSize=13, color=palette.TEXT).encode(
        x=alt.X("value_max:Q", scale=scale), text="text:N")
    return with_number_locale(alt.layer(ranges, marks, text).properties(
        width=width, height=alt.Step(44),
        title=alt.TitleParams(_t("figures.prices.title", lang), anchor="start",
                              subtitle=_t("figures.prices.subtitle", lang))), lang)
