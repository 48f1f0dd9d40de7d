"""The map of where data work goes, and the matrix of who commissions whom across countries.

Pure Altair builders: flows in (from `app.core.flows.aggregate_country_flows`), chart out. The
world outline is fetched by the browser from Streamlit's static serving
(`app/static/countries-110m.json`); pass `world=` (the topology dict) to inline it instead,
for exports and tests, since vl-convert cannot fetch a relative URL.
"""

from __future__ import annotations

import json

import altair as alt
import pandas as pd

from app.charts import palette
from app.core import vocab
from app.core.flows import (NO_FUNCTION, flow_segments, involved_countries,
                            od_matrix)
from app.core.geo import WORLD_FEATURE, WORLD_URL, country_centroids, country_name
from app.core.i18n import translate, translate_count, vocab_label

COUNTRY_PARAM = "country"
ANTARCTICA = "010"

WORDS_KEY = "flows.map."


def _w(key: str, lang: str, **values: object) -> str:
    """A text of these charts in `lang` (the catalogue keys `flows.map.*`)."""
    return translate(WORDS_KEY + key, lang, **values)


def value_label(kind: str, value: str, lang: str) -> str:
    """How a function, relation or certainty of a flow reads: its vocabulary label, and
    "No task recorded" for a link without a task."""
    if kind == "function" and value == NO_FUNCTION:
        return translate("flows.no_task", lang)
    return vocab_label(kind, value, lang)


def label_expr(labels: dict[str, str]) -> str:
    """A Vega `labelExpr` that shows each code of a legend as its label (codes stay the data)."""
    expr = "datum.label"
    for code, label in reversed(labels.items()):
        expr = (f"datum.label == {json.dumps(code, ensure_ascii=False)} ? "
                f"{json.dumps(label, ensure_ascii=False)} : {expr}")
    return expr


def _colour_scale(colour_by: str, present: list[str]) -> alt.Scale:
    """Palette colours in vocabulary order; "none" (link without task) in muted grey."""
    colours = dict(palette.FUNCTION_COLOURS if colour_by == "function"
                   else palette.RELATION_COLOURS)
    if NO_FUNCTION in present:
        colours[NO_FUNCTION] = palette.NO_TASK
    return alt.Scale(**palette.altair_scale(colours))


def _certainty_dash() -> alt.Scale:
    return alt.Scale(**{"domain": list(palette.CERTAINTY_STROKE_DASH),
                        "range": list(palette.CERTAINTY_STROKE_DASH.values())})


def _certainty_opacity() -> alt.Scale:
    # "ordinal", not Vega-Lite's default "point" (which would interpolate between two ends).
    return alt.Scale(type="ordinal", **{"domain": list(palette.CERTAINTY_OPACITY),
                        "range": list(palette.CERTAINTY_OPACITY.values())})


def _world_data(world_url: str, world: dict | None):
    if world is not None:
        return alt.InlineData(values=world,
                              format=alt.DataFormat(type="topojson", feature=WORLD_FEATURE))
    return alt.topo_feature(world_url, WORLD_FEATURE)


def _flow_tooltip(colour_by: str, lang: str) -> list[alt.Tooltip]:
    """The tooltip of a line or ring: labels in `lang` (the `*_label` columns of `_labelled`)."""
    other = "relation" if colour_by == "function" else "function"
    return [
        alt.Tooltip("from_name:N", title=_w("from", lang)),
        alt.Tooltip("to_name:N", title=_w("to", lang)),
        alt.Tooltip("colour_label:N", title=_w(colour_by, lang)),
        alt.Tooltip("n_links:Q", title=_w("links", lang)),
        alt.Tooltip("n_tasks:Q", title=_w("tasks", lang)),
        alt.Tooltip("workers:Q", title=_w("workers", lang)),
        alt.Tooltip("certainty_label:N", title=_w("certainty", lang)),
        *[alt.Tooltip(f"n_{c}:Q", title=_w(f"n_{c}", lang)) for c in vocab.CERTAINTIES],
        alt.Tooltip("others_label:N", title=_w(f"{other}s", lang)),
        alt.Tooltip("cases:N", title=_w("cases", lang)),
    ]


def _labelled(flows: pd.DataFrame, colour_by: str, lang: str) -> pd.DataFrame:
    """The flows with what the tooltips print: country names and vocabulary labels in `lang`."""
    other = "relation" if colour_by == "function" else "function"

    def others(joined: str) -> str:
        return "; ".join(value_label(other, v, lang) for v in joined.split("; ") if v)

    return flows.assign(
        from_name=[country_name(c, lang) for c in flows["from_country"]],
        to_name=[country_name(c, lang) for c in flows["to_country"]],
        colour_label=[value_label(colour_by, v, lang) for v in flows[colour_by]],
        certainty_label=[value_label("certainty", v, lang) if v else "" for v in
                         flows["certainty"]],
        others_label=[others(v) for v in flows[f"{other}s"]],
    )


def _plain(frame: pd.DataFrame) -> pd.DataFrame:
    """Nullable integers become floats so the frame serialises to plain JSON (NA -> null)."""
    out = frame.copy()
    for col in out.columns:
        if isinstance(out[col].dtype, pd.Int64Dtype):
            out[col] = out[col].astype("Float64").astype("float64")
    return out


def flow_map_chart(
    flows: pd.DataFrame,
    centroids: pd.DataFrame | None = None,
    *,
    world_url: str = WORLD_URL,
    world: dict | None = None,
    colour_by: str = "function",
    selectable: bool = True,
    lang: str = "en",
    width: int | str = "container",
    height: int = 400,
) -> alt.LayerChart:
    """World map of the flows: grey countries, straight lines between countries, rings inside.

    Layers: (1) the countries (`mark_geoshape`, equalEarth projection, those touched by a flow
    a shade darker); (2) one `mark_rule` per drawn segment (`app.core.flows.flow_segments`:
    flows across the Pacific are split at +-180), width by number of links, colour by
    `colour_by` ("function" or "relation", which must be a column of `flows`) from the
    palette, line style and opacity by certainty; (3) rings (`mark_point`) for flows within
    one country, sized by links; (4) a dot per involved country carrying the point selection
    `country` (fields ["country"], alpha-2 codes) when `selectable`, for Streamlit's
    `on_select`. Flows lacking an end on the map are counted in the subtitle, not dropped
    silently. `centroids` defaults to the bundled map's; `world` inlines a topology dict.
    """
    if colour_by not in ("function", "relation"):
        raise ValueError("colour_by must be 'function' or 'relation'")
    if colour_by not in flows.columns:
        raise ValueError(
            f"flows have no {colour_by!r} column: aggregate them with by=[{colour_by!r}]")
    if centroids is None:
        centroids = country_centroids()

    # Names and labels in the chart's language, whatever language the flows were made in.
    flows = _labelled(flows, colour_by, lang)
    segments = _plain(flow_segments(flows, offset_by=colour_by))
    domestic = _plain(flows[flows["domestic"] & flows["to_lon"].notna()])
    places = involved_countries(flows, lang=lang)
    on_map = places[places["lon"].notna()]

    unmapped = flows[flows[["from_lon", "to_lon"]].isna().any(axis=1)]
    subtitle = [_w("subtitle", lang)]
    if len(unmapped):
        link_ids = {i for ids in unmapped["link_ids"] for i in ids.split("; ")}
        names = sorted({n for side in ("from", "to")
                        for n in unmapped.loc[unmapped[f"{side}_lon"].isna(), f"{side}_name"]})
        subtitle.append(translate_count(WORDS_KEY + "not_drawn", len(link_ids), lang,
                                   where=", ".join(names)))

    involved = pd.DataFrame({
        "iso_numeric": centroids.loc[centroids["alpha2"].isin(on_map["country"]), "iso_numeric"],
        "involved": True,
    })
    countries = (
        alt.Chart(_world_data(world_url, world))
        .mark_geoshape(stroke="white", strokeWidth=0.5, fill=palette.NEUTRAL)
        .transform_filter(f"datum.id != '{ANTARCTICA}'")  # room for the inhabited world
        .transform_lookup(lookup="id", from_=alt.LookupData(involved, "iso_numeric", ["involved"]))
    )
    name_field = "properties.name"  # the map file's own (English) names
    if lang != "en":
        names = pd.DataFrame({"iso_numeric": centroids["iso_numeric"],
                              "shown_name": [country_name(c, lang) for c in centroids["alpha2"]]})
        countries = countries.transform_lookup(
            lookup="id", from_=alt.LookupData(names, "iso_numeric", ["shown_name"]),
        ).transform_calculate(shown_name="datum.shown_name || datum.properties.name")
        name_field = "shown_name"
    countries = countries.encode(
        fillOpacity=alt.condition("datum.involved", alt.value(0.75), alt.value(0.3)),
        tooltip=alt.Tooltip(f"{name_field}:N", title=_w("country", lang)),
    )

    order = [*(vocab.FUNCTIONS if colour_by == "function" else vocab.RELATIONS), NO_FUNCTION]
    colour = alt.Color(
        f"{colour_by}:N", title=_w(colour_by, lang),
        scale=_colour_scale(colour_by, list(flows[colour_by].unique())),
        legend=alt.Legend(labelExpr=label_expr(
            {v: value_label(colour_by, v, lang) for v in order})),
    )
    certainty_legend = alt.Legend(labelExpr=label_expr(
        {c: value_label("certainty", c, lang) for c in vocab.CERTAINTIES}))
    certainty_dash = alt.StrokeDash("certainty:N", title=_w("certainty", lang),
                                    scale=_certainty_dash(), legend=certainty_legend)
    certainty_opacity = alt.Opacity("certainty:N", title=_w("certainty", lang),
                                    scale=_certainty_opacity(), legend=certainty_legend)
    tooltip = _flow_tooltip(colour_by, lang)
    max_links = max(1, int(flows["n_links"].max())) if len(flows) else 1
    link_scale = alt.Scale(domain=[1, max(2, max_links)])
    link_values = sorted({int(v) for v in flows["n_links"]})
    if len(link_values) > 4:
        link_values = sorted({link_values[0], link_values[len(link_values) // 2], link_values[-1]})
    link_legend = alt.Legend(values=link_values, format="d")

    arcs = (
        alt.Chart(segments)
        .mark_rule(strokeCap="round")
        .encode(
            longitude="lon:Q", latitude="lat:Q", longitude2="lon2:Q", latitude2="lat2:Q",
            color=colour,
            strokeDash=certainty_dash,
            opacity=certainty_opacity,
            strokeWidth=alt.StrokeWidth("n_links:Q", title=_w("links", lang),
                                        legend=link_legend,
                                        scale=alt.Scale(domain=link_scale.domain,
                                                        range=[1.5, 6])),
            tooltip=tooltip,
        )
    )
    rings = (
        alt.Chart(domestic)
        .mark_point(filled=False, strokeWidth=2.5)
        .encode(
            longitude="to_lon:Q", latitude="to_lat:Q",
            color=colour,
            strokeDash=certainty_dash,
            opacity=certainty_opacity,
            size=alt.Size("n_links:Q", title=_w("links", lang), legend=link_legend,
                          scale=alt.Scale(domain=link_scale.domain, range=[150, 700])),
            tooltip=tooltip,
        )
    )
    dots = alt.Chart(on_map).mark_circle(size=70, stroke="white", strokeWidth=1).encode(
        longitude="lon:Q", latitude="lat:Q",
        color=alt.value(palette.TEXT),
        tooltip=[
            alt.Tooltip("name:N", title=_w("country", lang)),
            alt.Tooltip("n_out:Q", title=_w("out", lang)),
            alt.Tooltip("n_in:Q", title=_w("in", lang)),
            alt.Tooltip("n_domestic:Q", title=_w("domestic", lang)),
        ],
    )
    if selectable:
        pick = alt.selection_point(name=COUNTRY_PARAM, fields=["country"], on="click",
                                   clear="dblclick")
        dots = dots.add_params(pick).encode(
            color=alt.condition(pick, alt.value(palette.TEXT), alt.value(palette.NEUTRAL)),
            size=alt.condition(pick, alt.value(90), alt.value(50)),
        )

    return (
        alt.layer(countries, arcs, rings, dots)
        .project(type="equalEarth")
        .resolve_scale(color="shared")
        .properties(
            width=width, height=height,
            title=alt.TitleParams(_w("title", lang), subtitle=subtitle, anchor="start"),
        )
    )


def od_matrix_chart(flows: pd.DataFrame, *, lang: str = "en") -> alt.LayerChart:
    """Heatmap of links from country (rows) to country (columns), each cell with its count.

    Built on `app.core.flows.od_matrix` (a link counts once whatever its functions), country
    names in `lang`, the unknown bucket last. Empty cells are left blank.
    """
    matrix = od_matrix(flows, lang=lang)
    order_from, order_to = list(matrix.index), list(matrix.columns)
    long = matrix.stack().rename("n_links").reset_index() if len(matrix) else pd.DataFrame(
        columns=["from_country", "to_country", "n_links"])
    long = long[long["n_links"] > 0]
    top = max(1, int(long["n_links"].max())) if len(long) else 1
    base = alt.Chart(long).encode(
        y=alt.Y("from_country:N", title=_w("od_from", lang), sort=order_from),
        x=alt.X("to_country:N", title=_w("od_to", lang), sort=order_to,
                axis=alt.Axis(labelAngle=-40, orient="top")),
        tooltip=[alt.Tooltip("from_country:N", title=_w("from", lang)),
                 alt.Tooltip("to_country:N", title=_w("to", lang)),
                 alt.Tooltip("n_links:Q", title=_w("links", lang))],
    )
    cells = base.mark_rect(stroke="white").encode(
        color=alt.Color("n_links:Q", title=_w("links", lang),
                        # Darkest cell well short of black, so its count stays legible.
                        scale=alt.Scale(scheme="greys", domain=[0, top * 1.5]), legend=None),
    )
    text = base.mark_text(fontSize=12).encode(
        text="n_links:Q",
        color=alt.condition(f"datum.n_links >= {top * 0.6}", alt.value("white"),
                            alt.value(palette.TEXT)),
    )
    return alt.layer(cells, text).properties(
        title=alt.TitleParams(_w("od_title", lang), subtitle=_w("od_subtitle", lang),
                              anchor="start"),
        width=alt.Step(34), height=alt.Step(26),
    )
