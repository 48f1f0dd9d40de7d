"""The map of where data work goes, and the matrix of who commissions whom across countries.

Pure Altair builders: flows in (from `app.core.flows.aggregate_country_flows`), chart out. The
world outline is fetched by the browser from Streamlit's static serving
(`app/static/countries-110m.json`); pass `world=` (the topology dict) to inline it instead,
for exports and tests, since vl-convert cannot fetch a relative URL.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from app.charts import palette
from app.core import vocab
from app.core.flows import NO_FUNCTION, flow_segments, involved_countries, od_matrix
from app.core.geo import WORLD_FEATURE, WORLD_URL, country_centroids, country_name

COUNTRY_PARAM = "country"
ANTARCTICA = "010"

WORDS = {
    "en": {
        "title": "Where the data work goes",
        "subtitle": "Each line runs from the country of the actor who commissions (or receives "
                    "data) to the country of the other; rings are flows within one country.",
        "not_drawn": "Not on the map: {n} link(s) with a country that is unknown or too small "
                     "for the map ({where}).",
        "from": "From", "to": "To", "country": "Country", "function": "Function",
        "relation": "Relation", "certainty": "Certainty", "links": "Links", "tasks": "Tasks",
        "workers": "Workers (where known)", "cases": "Cases", "relations": "Relations",
        "functions": "Functions", "out": "Links leaving", "in": "Links arriving",
        "domestic": "Links within the country", "documented": "Documented links",
        "reported": "Reported links", "inferred": "Inferred links",
        "od_title": "Who commissions whom, country by country",
        "od_from": "From country", "od_to": "To country",
        "od_subtitle": "Each link counted once; a link reads \"from RELATION to\" (for "
                       "supplies_data, from where the data comes).",
        "none": "no task recorded",
    },
    "fr": {
        "title": "Où va le travail des données",
        "subtitle": "Chaque trait va du pays de l'acteur qui commande (ou reçoit des données) "
                    "au pays de l'autre ; les anneaux sont des flux internes à un pays.",
        "not_drawn": "Hors carte : {n} lien(s) avec un pays inconnu ou trop petit pour la carte "
                     "({where}).",
        "from": "De", "to": "Vers", "country": "Pays", "function": "Fonction",
        "relation": "Relation", "certainty": "Certitude", "links": "Liens", "tasks": "Tâches",
        "workers": "Travailleurs (si connu)", "cases": "Cas", "relations": "Relations",
        "functions": "Fonctions", "out": "Liens sortants", "in": "Liens entrants",
        "domestic": "Liens internes au pays", "documented": "Liens documentés",
        "reported": "Liens rapportés", "inferred": "Liens déduits",
        "od_title": "Qui commande à qui, pays par pays",
        "od_from": "Pays de départ", "od_to": "Pays d'arrivée",
        "od_subtitle": "Chaque lien compté une fois ; un lien se lit « de RELATION vers » (pour "
                       "supplies_data, depuis là d'où viennent les données).",
        "none": "aucune tâche relevée",
    },
}


def _words(lang: str) -> dict[str, str]:
    return WORDS.get(lang, WORDS["en"])


def _colour_scale(colour_by: str, present: list[str]) -> alt.Scale:
    """Palette colours in vocabulary order; "none" (link without task) in neutral grey."""
    if colour_by == "function":
        colours = dict(palette.FUNCTION_COLOURS)
    else:
        # The palette defines no relation colours yet; fall back to a named Vega scheme.
        colours = dict(getattr(palette, "RELATION_COLOURS", {}))
        if not colours:
            return alt.Scale(domain=list(vocab.RELATIONS), scheme="dark2")
    if NO_FUNCTION in present:
        colours[NO_FUNCTION] = palette.NEUTRAL
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


def _flow_tooltip(w: dict[str, str], colour_by: str) -> list[alt.Tooltip]:
    tips = [
        alt.Tooltip("from_name:N", title=w["from"]),
        alt.Tooltip("to_name:N", title=w["to"]),
        alt.Tooltip(f"{colour_by}:N", title=w[colour_by]),
        alt.Tooltip("n_links:Q", title=w["links"]),
        alt.Tooltip("n_tasks:Q", title=w["tasks"]),
        alt.Tooltip("workers:Q", title=w["workers"]),
        alt.Tooltip("certainty:N", title=w["certainty"]),
        *[alt.Tooltip(f"n_{c}:Q", title=w[c]) for c in vocab.CERTAINTIES],
        alt.Tooltip("relations:N" if colour_by == "function" else "functions:N",
                    title=w["relations" if colour_by == "function" else "functions"]),
        alt.Tooltip("cases:N", title=w["cases"]),
    ]
    return tips


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
    w = _words(lang)
    if centroids is None:
        centroids = country_centroids()

    # Names in the chart's language, whatever language the flows were aggregated in.
    flows = flows.assign(
        from_name=[country_name(c, lang) for c in flows["from_country"]],
        to_name=[country_name(c, lang) for c in flows["to_country"]],
    )
    segments = _plain(flow_segments(flows, offset_by=colour_by))
    domestic = _plain(flows[flows["domestic"] & flows["to_lon"].notna()])
    places = involved_countries(flows, lang=lang)
    on_map = places[places["lon"].notna()]

    unmapped = flows[flows[["from_lon", "to_lon"]].isna().any(axis=1)]
    subtitle = [w["subtitle"]]
    if len(unmapped):
        link_ids = {i for ids in unmapped["link_ids"] for i in ids.split("; ")}
        names = sorted({n for side in ("from", "to")
                        for n in unmapped.loc[unmapped[f"{side}_lon"].isna(), f"{side}_name"]})
        subtitle.append(w["not_drawn"].format(n=len(link_ids), where=", ".join(names)))

    involved = pd.DataFrame({
        "iso_numeric": centroids.loc[centroids["alpha2"].isin(on_map["country"]), "iso_numeric"],
        "involved": True,
    })
    countries = (
        alt.Chart(_world_data(world_url, world))
        .mark_geoshape(stroke="white", strokeWidth=0.5, fill=palette.NEUTRAL)
        .transform_filter(f"datum.id != '{ANTARCTICA}'")  # room for the inhabited world
        .transform_lookup(lookup="id", from_=alt.LookupData(involved, "iso_numeric", ["involved"]))
        .encode(
            fillOpacity=alt.condition("datum.involved", alt.value(0.75), alt.value(0.3)),
            tooltip=alt.Tooltip("properties.name:N", title=w["country"]),
        )
    )

    none_label = w["none"].replace("'", "\\'")
    colour = alt.Color(
        f"{colour_by}:N", title=w[colour_by],
        scale=_colour_scale(colour_by, list(flows[colour_by].unique())),
        legend=alt.Legend(labelExpr=f"datum.label == '{NO_FUNCTION}' ? '{none_label}' "
                                   ": datum.label"),
    )
    certainty_dash = alt.StrokeDash("certainty:N", title=w["certainty"], scale=_certainty_dash())
    certainty_opacity = alt.Opacity("certainty:N", title=w["certainty"], scale=_certainty_opacity())
    tooltip = _flow_tooltip(w, colour_by)
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
            strokeWidth=alt.StrokeWidth("n_links:Q", title=w["links"], legend=link_legend,
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
            size=alt.Size("n_links:Q", title=w["links"], legend=link_legend,
                          scale=alt.Scale(domain=link_scale.domain, range=[150, 700])),
            tooltip=tooltip,
        )
    )
    dots = alt.Chart(on_map).mark_circle(size=70, stroke="white", strokeWidth=1).encode(
        longitude="lon:Q", latitude="lat:Q",
        color=alt.value(palette.TEXT),
        tooltip=[
            alt.Tooltip("name:N", title=w["country"]),
            alt.Tooltip("n_out:Q", title=w["out"]),
            alt.Tooltip("n_in:Q", title=w["in"]),
            alt.Tooltip("n_domestic:Q", title=w["domestic"]),
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
            title=alt.TitleParams(w["title"], subtitle=subtitle, anchor="start"),
        )
    )


def od_matrix_chart(flows: pd.DataFrame, *, lang: str = "en") -> alt.LayerChart:
    """Heatmap of links from country (rows) to country (columns), each cell with its count.

    Built on `app.core.flows.od_matrix` (a link counts once whatever its functions), country
    names in `lang`, the unknown bucket last. Empty cells are left blank.
    """
    w = _words(lang)
    matrix = od_matrix(flows, lang=lang)
    order_from, order_to = list(matrix.index), list(matrix.columns)
    long = matrix.stack().rename("n_links").reset_index() if len(matrix) else pd.DataFrame(
        columns=["from_country", "to_country", "n_links"])
    long = long[long["n_links"] > 0]
    top = max(1, int(long["n_links"].max())) if len(long) else 1
    base = alt.Chart(long).encode(
        y=alt.Y("from_country:N", title=w["od_from"], sort=order_from),
        x=alt.X("to_country:N", title=w["od_to"], sort=order_to,
                axis=alt.Axis(labelAngle=-40, orient="top")),
        tooltip=[alt.Tooltip("from_country:N", title=w["from"]),
                 alt.Tooltip("to_country:N", title=w["to"]),
                 alt.Tooltip("n_links:Q", title=w["links"])],
    )
    cells = base.mark_rect(stroke="white").encode(
        color=alt.Color("n_links:Q", title=w["links"],
                        # Darkest cell well short of black, so its count stays legible.
                        scale=alt.Scale(scheme="greys", domain=[0, top * 1.5]), legend=None),
    )
    text = base.mark_text(fontSize=12).encode(
        text="n_links:Q",
        color=alt.condition(f"datum.n_links >= {top * 0.6}", alt.value("white"),
                            alt.value(palette.TEXT)),
    )
    return alt.layer(cells, text).properties(
        title=alt.TitleParams(w["od_title"], subtitle=w["od_subtitle"], anchor="start"),
        width=alt.Step(34), height=alt.Step(26),
    )
