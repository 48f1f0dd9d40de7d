"""Charts of the reference pages: the platform inventory and the key figures.

Pure builders (no Streamlit): the reference tables of `app.core.load.Reference` in, Altair
charts or display tables out. Everything is built from the rows (by `figure_id`, `topic`,
`kind`, `qualifier`, `dispute`), never from numbers typed here. The small frame helpers
(`platform_points`, `figure_value_text`, `platform_table`...) are pure pandas and would sit in
a `core` module of their own; they live here because only these pages use them.
"""

from __future__ import annotations

import math
import textwrap

import altair as alt
import pandas as pd

from app.charts import palette
from app.core import network, vocab
from app.core.geo import WORLD_FEATURE, WORLD_URL, country_centroids, country_name
from app.core.sources import citation_lookup, citations_for
from app.core.tables import words

REFERENCE = "reference"  # the `case_id` under which reference rows are cited
ANTARCTICA = "010"

# Offer types in Paul Tol's colour-blind-safe "muted" scheme (sand, teal, indigo: from generalist
# to specialised in AI, light to dark), distinct from the function colours (Tol "vibrant") and
# the actor types (Okabe-Ito). These belong in app/charts/palette.py as OFFER_TYPE_COLOURS, with
# the other vocabularies' colours.
OFFER_TYPE_COLOURS: dict[str, str] = {
    "generalist": "#DDCC77",
    "generalist_ai": "#44AA99",
    "specialized_ai": "#332288",
}
OFFER_TYPE_LABELS: dict[str, str] = {
    "generalist": "Generalist",
    "generalist_ai": "Generalist with an AI offer",
    "specialized_ai": "Specialised in AI",
}
PLATFORM_RELATION_LABELS: dict[str, str] = {
    "gives_access_to": "gives access to",
    "owns": "owns",
    "runs_worker_platform": "runs the worker platform",
    "became_part_of": "became part of",
}
QUALIFIER_WORDS: dict[str, str] = {
    "exact": "", "about": "about ", "up_to": "up to ", "over": "over ", "below": "below ",
}
QUALIFIER_SHAPES: dict[str, str] = {
    "exact": "circle", "about": "circle", "up_to": "triangle-left", "over": "triangle-right",
    "below": "triangle-left",
}
TOPIC_TITLES: dict[str, str] = {
    "france_microworkers": "Micro-workers in France",
    "france_platforms": "Micro-work platforms in France",
    "france_survey": "Who micro-works in France",
    "madagascar_study": "The France–Madagascar study",
    "madagascar_pay": "Pay of Malagasy data workers",
    "study_design": "How the canteen and retail cases were studied",
    "ai_impersonation": "Humans behind 'AI'",
    "market": "Market sizes",
    "unit_prices": "Unit prices of annotation",
    "time_costs": "Time spent on data",
}
MAP_RADIUS = 4.5  # degrees between a country's centre and each of its platforms' dots


def topic_title(topic: str) -> str:
    """A figure topic as a heading: the known titles, else the key in words."""
    return TOPIC_TITLES.get(topic, words(str(topic)).capitalize())


def _offer_scale() -> alt.Scale:
    return alt.Scale(**palette.altair_scale(OFFER_TYPE_COLOURS))


def _offer_legend(**kwargs) -> alt.Legend:
    labels = "{" + ", ".join(f"'{k}': '{v}'" for k, v in OFFER_TYPE_LABELS.items()) + "}"
    return alt.Legend(title="Offer", labelExpr=f"{labels}[datum.label] || datum.label",
                      labelFontSize=13, titleFontSize=13, **kwargs)


def reference_citations(sources: pd.DataFrame) -> dict[tuple[str, str], str]:
    """Citation lookup of the reference sources, for `app.core.sources.citations_for`."""
    return citation_lookup(sources.assign(case_id=REFERENCE))


def _cite(lookup: dict, source_ids: pd.Series) -> list[str]:
    return [" | ".join(citations_for(lookup, REFERENCE, ids)) for ids in source_ids]


# ---------------------------------------------------------------------------------------------
# Platforms


def cluster_radius(n: int, radius: float = MAP_RADIUS) -> float:
    """Degrees between a country's centre and its platforms' dots: wider for more platforms."""
    return 0.0 if n <= 1 else radius * max(1.0, n / 4)


def platform_points(platforms: pd.DataFrame, centroids: pd.DataFrame | None = None,
                    radius: float = MAP_RADIUS) -> pd.DataFrame:
    """Where to draw each platform on a world map: its headquarters' country, spread out.

    The inventory gives cities but no coordinates, so each platform is placed at its
    country's centroid (`app.core.geo.country_centroids`); when a country has several, they sit
    on a circle around it (`cluster_radius`: `radius` degrees, wider from five platforms on),
    evenly spaced clockwise from the top in the order
    founded, then name: deterministic, so every load draws the same map. Adds `country_name`,
    `n_in_country`, `lon`, `lat` (NaN for a country not on the map) and `country_lon`,
    `country_lat` (the centroid).
    """
    if centroids is None:
        centroids = country_centroids()
    where = centroids.drop_duplicates("alpha2").set_index("alpha2")[["lon", "lat"]]
    frame = platforms.sort_values(["country", "founded", "name"]).copy()
    frame["country_name"] = [country_name(c) for c in frame["country"]]
    frame["n_in_country"] = frame.groupby("country")["platform_id"].transform("size")
    frame["rank"] = frame.groupby("country").cumcount()
    frame["country_lon"] = [where["lon"].get(c, math.nan) for c in frame["country"]]
    frame["country_lat"] = [where["lat"].get(c, math.nan) for c in frame["country"]]
    lons, lats = [], []
    for n, i, lon, lat in zip(frame["n_in_country"], frame["rank"], frame["country_lon"],
                              frame["country_lat"]):
        if n <= 1:
            lons.append(lon)
            lats.append(lat)
            continue
        angle = math.pi / 2 - 2 * math.pi * i / n
        # Degrees of longitude shrink towards the poles: widen them so the circle stays round.
        stretch = 1 / max(math.cos(math.radians(lat)), 0.3) if not math.isnan(lat) else 1
        r = cluster_radius(n, radius)
        lons.append(lon + r * stretch * math.cos(angle))
        lats.append(lat + r * math.sin(angle))
    frame["lon"], frame["lat"] = lons, lats
    frame["offer_label"] = frame["offer_type"].map(lambda t: OFFER_TYPE_LABELS.get(t, words(t)))
    return frame.drop(columns="rank").sort_values(["founded", "name"]).reset_index(drop=True)


def _world(world_url: str, world: dict | None):
    if world is not None:
        return alt.InlineData(values=world,
                              format=alt.DataFormat(type="topojson", feature=WORLD_FEATURE))
    return alt.topo_feature(world_url, WORLD_FEATURE)


def platform_map_chart(points: pd.DataFrame, *, world_url: str = WORLD_URL,
                       world: dict | None = None, width: int | str = "container",
                       height: int = 560) -> alt.LayerChart:
    """The platforms on a world map by the country of their headquarters.

    `points` comes from `platform_points`. Layers: the countries (`mark_geoshape`, equalEarth,
    the countries holding a headquarters darker), spokes from a country's centre to each dot of
    its cluster, a dot per platform coloured by offer type (`OFFER_TYPE_COLOURS`), and one
    label per country ("United States: 6"), below a cluster or above a lone dot. The outline is
    fetched from Streamlit's static serving (`world_url`); pass `world` to inline a topology.
    """
    on_map = points[points["lon"].notna()]
    hq = on_map.drop_duplicates("country")
    labels = hq.assign(text=[f"{n}: {k}" for n, k in zip(hq["country_name"], hq["n_in_country"])],
                       # Below a cluster, above a lone dot (so neighbours' labels part).
                       label_lat=[lat - cluster_radius(k) - 3.5 if k > 1 else lat + 3.5
                                  for lat, k in zip(hq["country_lat"], hq["n_in_country"])],
                       baseline=["top" if k > 1 else "bottom" for k in hq["n_in_country"]])
    involved = pd.DataFrame({"alpha2": list(hq["country"]), "involved": True})
    ids = country_centroids()[["iso_numeric", "alpha2"]].merge(involved, on="alpha2")
    countries = (
        alt.Chart(_world(world_url, world))
        .mark_geoshape(stroke="white", strokeWidth=0.5, fill=palette.NEUTRAL)
        .transform_filter(f"datum.id != '{ANTARCTICA}'")
        .transform_lookup(lookup="id", from_=alt.LookupData(ids, "iso_numeric", ["involved"]))
        .encode(fillOpacity=alt.condition("datum.involved", alt.value(0.75), alt.value(0.3)),
                tooltip=alt.Tooltip("properties.name:N", title="Country"))
    )
    dots = alt.Chart(on_map).mark_circle(size=190, stroke="white", strokeWidth=1.2,
                                         opacity=1).encode(
        longitude="lon:Q", latitude="lat:Q",
        color=alt.Color("offer_type:N", scale=_offer_scale(),
                        legend=_offer_legend(orient="bottom", direction="horizontal")),
        tooltip=[alt.Tooltip("name:N", title="Platform"),
                 alt.Tooltip("offer_label:N", title="Offer"),
                 alt.Tooltip("hq_city:N", title="Headquarters"),
                 alt.Tooltip("country_name:N", title="Country"),
                 alt.Tooltip("founded:Q", title="Founded", format="d")],
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
        title=alt.TitleParams("Where the platforms have their headquarters", anchor="start",
                              subtitle="Placed by country (the inventory gives cities, not "
                                       "coordinates); several platforms in one country are "
                                       "spread around its centre."))


def platform_timeline_chart(platforms: pd.DataFrame, *, before: int = 2000,
                            width: int | str = "container") -> alt.LayerChart:
    """Platforms by founding year, oldest first, with the years before `before` shaded.

    Dots coloured by offer type, each labelled with its year; a grey band covers the years
    before `before` and the subtitle names the platforms in it, so the chart answers "which
    platforms were founded before 2000" at a glance.
    """
    data = platforms.sort_values(["founded", "name"]).copy()
    data["offer_label"] = data["offer_type"].map(lambda t: OFFER_TYPE_LABELS.get(t, words(t)))
    data["founded"] = data["founded"].astype(int)
    order = list(data["name"])
    low = min(int(data["founded"].min()) if len(data) else before, before) - 2
    high = max(int(data["founded"].max()) if len(data) else before, before) + 4
    n_before = int((data["founded"] < before).sum())
    x = alt.X("founded:Q", title="Year founded",
              scale=alt.Scale(domain=[low, high], nice=False),
              axis=alt.Axis(format="d", tickMinStep=1, labelFontSize=13))
    band = alt.Chart(pd.DataFrame({"x": [low], "x2": [before]})).mark_rect(
        color=palette.NEUTRAL, opacity=0.25).encode(
        x=alt.X("x:Q", scale=alt.Scale(domain=[low, high], nice=False)), x2="x2:Q")
    rule = alt.Chart(pd.DataFrame({"x": [before]})).mark_rule(
        color=palette.TEXT, strokeDash=[4, 3]).encode(
        x=alt.X("x:Q", scale=alt.Scale(domain=[low, high], nice=False)))
    base = alt.Chart(data).encode(
        x=x, y=alt.Y("name:N", sort=order, title=None,
                     axis=alt.Axis(labelFontSize=13, labelLimit=260)),
        tooltip=[alt.Tooltip("name:N", title="Platform"),
                 alt.Tooltip("founded:Q", title="Founded", format="d"),
                 alt.Tooltip("offer_label:N", title="Offer"),
                 alt.Tooltip("hq_city:N", title="Headquarters")],
    )
    dots = base.mark_circle(size=200, stroke=palette.TEXT, strokeWidth=0.8, opacity=1).encode(
        color=alt.Color("offer_type:N", scale=_offer_scale(),
                        legend=_offer_legend(orient="bottom", direction="horizontal")))
    years = base.mark_text(align="left", dx=11, fontSize=13, color=palette.TEXT).encode(
        text=alt.Text("founded:Q", format="d"))
    names = ", ".join(data.loc[data["founded"] < before, "name"]) or "none"
    return alt.layer(band, rule, dots, years).properties(
        width=width, height=alt.Step(30),
        title=alt.TitleParams("When the platforms were founded", anchor="start",
                              subtitle=f"Shaded: founded before {before} ({n_before}: {names})."))


def offer_type_chart(platforms: pd.DataFrame, *, width: int | str = "container") -> alt.LayerChart:
    """How many platforms of each offer type, each bar labelled with the platforms' names."""
    types = list(vocab.OFFER_TYPES)
    rows = []
    for offer in types:
        mine = platforms[platforms["offer_type"] == offer].sort_values(["founded", "name"])
        if len(mine):
            rows.append({"offer_type": offer, "offer_label": OFFER_TYPE_LABELS.get(offer, offer),
                         "n_platforms": len(mine), "names": ", ".join(mine["name"])})
    data = pd.DataFrame(rows, columns=["offer_type", "offer_label", "n_platforms", "names"])
    top = int(data["n_platforms"].max()) if len(data) else 1
    base = alt.Chart(data).encode(
        y=alt.Y("offer_label:N", sort=[OFFER_TYPE_LABELS[t] for t in types], title=None,
                axis=alt.Axis(labelFontSize=13, labelLimit=260)),
        x=alt.X("n_platforms:Q", title="Platforms",
                scale=alt.Scale(domain=[0, top * 3.2]),
                axis=alt.Axis(format="d", tickMinStep=1, values=list(range(top + 1)))),
        tooltip=[alt.Tooltip("offer_label:N", title="Offer"),
                 alt.Tooltip("n_platforms:Q", title="Platforms"),
                 alt.Tooltip("names:N", title="Which")],
    )
    bars = base.mark_bar(height={"band": 0.7}).encode(
        color=alt.Color("offer_type:N", scale=_offer_scale(), legend=None))
    text = base.mark_text(align="left", dx=6, fontSize=13, color=palette.TEXT).encode(
        text="names:N")
    return alt.layer(bars, text).properties(
        width=width, height=alt.Step(44),
        title=alt.TitleParams("What the platforms offer", anchor="start"))


def platform_relations_frames(platforms: pd.DataFrame, platform_links: pd.DataFrame
                              ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Nodes and edges of the relations between platforms, laid out left to right.

    Only platforms that take part in a relation are drawn. Columns are placed by
    `app.core.network.layer_positions` (the platforms read as actors of one chain, each
    relation as a link in its sentence direction), rows centred on 0. Edges carry `sentence`
    ("Clixsense gives access to Figure Eight") and `verb`.
    """
    names = dict(zip(platforms["platform_id"], platforms["name"]))
    links = platform_links[platform_links["from_platform"].isin(names)
                           & platform_links["to_platform"].isin(names)]
    ids = list(dict.fromkeys([*links["from_platform"], *links["to_platform"]]))
    actors = pd.DataFrame({"actor_id": ids, "actor_type": "platform"})
    as_links = pd.DataFrame({"from_actor": links["from_platform"].tolist(),
                             "to_actor": links["to_platform"].tolist(),
                             "relation": "outsources_to"})
    layers = network.layer_positions(actors, as_links) if ids else {}
    counts: dict[int, int] = {}
    for lay, _ in layers.values():
        counts[lay] = counts.get(lay, 0) + 1
    place = {a: (float(lay), order - (counts[lay] - 1) / 2) for a, (lay, order) in layers.items()}
    offer = dict(zip(platforms["platform_id"], platforms["offer_type"]))
    nodes = pd.DataFrame({
        "platform_id": ids, "name": [names[i] for i in ids],
        "offer_type": [offer[i] for i in ids],
        "x": [place[i][0] for i in ids], "y": [place[i][1] for i in ids],
    })
    verbs = [PLATFORM_RELATION_LABELS.get(r, words(r)) for r in links["relation"]]
    edges = pd.DataFrame({
        "platform_link_id": links["platform_link_id"].tolist(),
        "x": [place[a][0] for a in links["from_platform"]],
        "y": [place[a][1] for a in links["from_platform"]],
        "x2": [place[b][0] for b in links["to_platform"]],
        "y2": [place[b][1] for b in links["to_platform"]],
        "verb": verbs,
        "sentence": [f"{names[a]} {v} {names[b]}" for a, v, b in
                     zip(links["from_platform"], verbs, links["to_platform"])],
        "certainty": links["certainty"].tolist(),
    })
    edges["mid_x"] = (edges["x"] + edges["x2"]) / 2
    edges["mid_y"] = (edges["y"] + edges["y2"]) / 2
    # Arrow heads sit just short of the target dot, pointing the way the sentence reads.
    edges["head_x"] = edges["x2"] - 0.09 * (edges["x2"] - edges["x"]).map(
        lambda d: 0 if d == 0 else math.copysign(1, d))
    edges["head_shape"] = ["triangle-left" if x2 < x else "triangle-right"
                           for x, x2 in zip(edges["x"], edges["x2"])]
    return nodes, edges


def platform_relations_chart(platforms: pd.DataFrame, platform_links: pd.DataFrame, *,
                             width: int | str = "container") -> alt.LayerChart:
    """Who gives access to, owns or runs whom among the platforms, as a small node-link chart.

    Dots coloured by offer type, arrows (a line and a triangle head) with the relation written
    above, certainty as the line's dash; laid out by `platform_relations_frames`.
    """
    nodes, edges = platform_relations_frames(platforms, platform_links)
    last = int(nodes["x"].max()) if len(nodes) else 0
    half = max((abs(v) for v in nodes["y"]), default=0.0)
    x = alt.X("x:Q", axis=None, scale=alt.Scale(domain=[-0.4, last + 0.4], nice=False))
    y = alt.Y("y:Q", axis=None,
              scale=alt.Scale(domain=[-half - 0.7, half + 0.7], reverse=True, nice=False))
    certainties = list(vocab.CERTAINTIES)
    dash = alt.StrokeDash("certainty:N", legend=None,
                          scale=alt.Scale(domain=certainties,
                                          range=[palette.CERTAINTY_STROKE_DASH[c]
                                                 for c in certainties]))
    tips = [alt.Tooltip("sentence:N", title="Relation"),
            alt.Tooltip("certainty:N", title="Certainty")]
    lines = alt.Chart(edges).mark_rule(strokeWidth=2, color=palette.TEXT).encode(
        x=x, y=y, x2="x2:Q", y2="y2:Q", strokeDash=dash, tooltip=tips)
    heads = alt.Chart(edges).mark_point(filled=True, size=160, color=palette.TEXT,
                                        opacity=1).encode(
        x=alt.X("head_x:Q", axis=None, scale=alt.Scale(domain=[-0.4, last + 0.4], nice=False)),
        y=alt.Y("y2:Q", axis=None,
                scale=alt.Scale(domain=[-half - 0.7, half + 0.7], reverse=True, nice=False)),
        shape=alt.Shape("head_shape:N", legend=None,
                        scale=alt.Scale(domain=["triangle-left", "triangle-right"],
                                        range=["triangle-left", "triangle-right"])),
        tooltip=tips)
    verbs = alt.Chart(edges).mark_text(dy=-12, fontSize=13, fontStyle="italic",
                                       color=palette.TEXT).encode(
        x=alt.X("mid_x:Q", axis=None, scale=alt.Scale(domain=[-0.4, last + 0.4], nice=False)),
        y=alt.Y("mid_y:Q", axis=None,
                scale=alt.Scale(domain=[-half - 0.7, half + 0.7], reverse=True, nice=False)),
        text="verb:N")
    dots = alt.Chart(nodes).mark_circle(size=420, stroke="white", strokeWidth=1.5,
                                        opacity=1).encode(
        x=x, y=y, color=alt.Color("offer_type:N", scale=_offer_scale(), legend=None),
        tooltip=[alt.Tooltip("name:N", title="Platform")])
    names = alt.Chart(nodes).mark_text(dy=24, fontSize=14, fontWeight="bold",
                                       color=palette.TEXT).encode(x=x, y=y, text="name:N")
    return alt.layer(lines, heads, verbs, dots, names).properties(
        width=width, height=int(110 * (2 * half + 1.6)), view=alt.ViewBackground(stroke=None),
        title=alt.TitleParams("Relations between the platforms", anchor="start"))


def platform_table(platforms: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """The inventory as a readable table: offer, headquarters, founding year, notes, sources."""
    lookup = reference_citations(sources)
    data = platforms.sort_values(["founded", "name"])
    return pd.DataFrame({
        "Platform": data["name"],
        "Offer": data["offer_type"].map(lambda t: OFFER_TYPE_LABELS.get(t, words(t))),
        "Headquarters": data["hq_city"],
        "Country": data["country"].map(country_name),
        "Founded": data["founded"],
        "Notes": data["notes"],
        "Certainty": data["certainty"],
        "Sources": _cite(lookup, data["source_ids"]),
    }).reset_index(drop=True)


def platform_relation_table(platforms: pd.DataFrame, platform_links: pd.DataFrame,
                            sources: pd.DataFrame) -> pd.DataFrame:
    """The relations as sentences "X gives access to Y", with the source's words and citations."""
    lookup = reference_citations(sources)
    names = dict(zip(platforms["platform_id"], platforms["name"]))
    verbs = [PLATFORM_RELATION_LABELS.get(r, words(r)) for r in platform_links["relation"]]
    return pd.DataFrame({
        "Relation": [f"{names.get(a, a)} {v} {names.get(b, b)}" for a, v, b in
                     zip(platform_links["from_platform"], verbs, platform_links["to_platform"])],
        "What the source says": platform_links["description"].tolist(),
        "Certainty": platform_links["certainty"].tolist(),
        "Sources": _cite(lookup, platform_links["source_ids"]),
    })


# ---------------------------------------------------------------------------------------------
# Figures


def _number(value: float) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def figure_value_text(value: float, value_max: float | None, unit: str, qualifier: str) -> str:
    """A figure as it reads: "over 1,000 USD million", "96–126 EUR per month", "56.1%"."""
    number = _number(value)
    if value_max is not None and value_max is not pd.NA and not (
            isinstance(value_max, float) and math.isnan(value_max)):
        number = f"{number}–{_number(value_max)}"
    text = f"{number}%" if unit == "percent" else f"{number} {unit}"
    return QUALIFIER_WORDS.get(qualifier, f"{words(qualifier)} ") + text


def figure_rows(figures: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """The figures with their value as text (`text`) and full citations (`citations`) added."""
    lookup = reference_citations(sources)
    return figures.assign(
        text=[figure_value_text(v, m, u, q) for v, m, u, q in zip(
            figures["value"], figures["value_max"], figures["unit"], figures["qualifier"])],
        citations=_cite(lookup, figures["source_ids"]),
    )


def figure_table(figures: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Every figure grouped by topic: value, unit, qualifier, year, scope, kind, dispute, sources.

    Topics keep the order of their first row; the `Sources` column holds full citations.
    """
    rows = figure_rows(figures, sources)
    rank = {t: i for i, t in enumerate(dict.fromkeys(rows["topic"]))}
    rows = rows.assign(_rank=rows["topic"].map(rank)).sort_values("_rank", kind="stable")
    return pd.DataFrame({
        "Topic": rows["topic"].map(topic_title),
        "Figure": rows["label"],
        "Reads": rows["text"],
        "Value": rows["value"],
        "Up to": rows["value_max"],
        "Unit": rows["unit"],
        "Qualifier": rows["qualifier"],
        "Year": rows["year"],
        "Scope": rows["scope"],
        "Kind": rows["kind"],
        "Dispute": rows["dispute"],
        "Certainty": rows["certainty"],
        "Sources": rows["citations"],
    }).reset_index(drop=True)


def _plain(frame: pd.DataFrame) -> pd.DataFrame:
    """Nullable numbers as plain floats, so the frame serialises to plain JSON (NA -> null)."""
    out = frame.copy()
    for col in out.columns:
        if isinstance(out[col].dtype, (pd.Int64Dtype, pd.Float64Dtype)):
            out[col] = out[col].astype("float64")
    return out


def funnel_chart(rows: pd.DataFrame, *, width: int | str = "container") -> alt.LayerChart:
    """Nested counts as a funnel: the widest first, each bar centred, disputed ones hatched.

    `rows` are figures of one topic (e.g. `france_microworkers`), in the worker pools' colour
    (`palette.ACTOR_TYPE_COLOURS["worker_pool"]`). A row with a `dispute` is drawn lighter with
    a dashed outline and "disputed" in its label.
    """
    data = _plain(rows.sort_values("value", ascending=False))
    data["x"] = -data["value"] / 2
    data["x2"] = data["value"] / 2
    data["mid"] = 0.0
    data["disputed"] = data["dispute"].astype(str) != ""
    data["number"] = [_number(v) + (" (disputed)" if d else "")
                      for v, d in zip(data["value"], data["disputed"])]
    data["name"] = [textwrap.shorten(str(n), 60) for n in data["label"]]
    order = list(data["name"])
    top = float(data["value"].max()) if len(data) else 1.0
    scale = alt.Scale(domain=[-top / 2, top / 2], nice=False)
    base = alt.Chart(data).encode(
        y=alt.Y("name:N", sort=order, title=None, axis=alt.Axis(labelFontSize=13, labelLimit=330)),
        tooltip=[alt.Tooltip("label:N", title="Figure"),
                 alt.Tooltip("value:Q", title="Value", format=",~f"),
                 alt.Tooltip("dispute:N", title="Dispute"),
                 alt.Tooltip("source_ids:N", title="Sources")],
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


def share_chart(rows: pd.DataFrame, *, width: int | str = "container",
                title: str = "") -> alt.LayerChart:
    """Percentages (figures whose unit is "percent") as bars on a 0-100% axis, labelled."""
    data = _plain(rows).assign(share=lambda d: d["value"] / 100)
    data["name"] = [textwrap.shorten(str(n), 60) for n in data["label"]]
    base = alt.Chart(data).encode(
        y=alt.Y("name:N", sort=list(data["name"]), title=None,
                axis=alt.Axis(labelFontSize=13, labelLimit=330)),
        x=alt.X("share:Q", title="Share", scale=alt.Scale(domain=[0, 1]),
                axis=alt.Axis(format="%")),
        tooltip=[alt.Tooltip("label:N", title="Figure"),
                 alt.Tooltip("text:N", title="Value"),
                 alt.Tooltip("scope:N", title="Scope"),
                 alt.Tooltip("source_ids:N", title="Sources")],
    )
    bars = base.mark_bar(color=palette.ACTOR_TYPE_COLOURS["worker_pool"], height={"band": 0.7})
    text = base.mark_text(align="left", dx=5, fontSize=13, fontWeight="bold",
                          color=palette.TEXT).encode(text="text:N")
    chart = alt.layer(bars, text).properties(width=width, height=alt.Step(40))
    if title:
        chart = chart.properties(title=alt.TitleParams(title, anchor="start"))
    return chart


def range_chart(rows: pd.DataFrame, *, width: int | str = "container") -> alt.LayerChart:
    """Ranges (`value` to `value_max`) side by side, one row per source, on a shared axis.

    For figures that differ between sources (the Malagasy pay: P3 and P5): each row is named by
    its sources, drawn as a thick bar from the lower to the upper bound with both ends written.
    """
    data = _plain(rows).copy()
    data["value_max"] = data["value_max"].fillna(data["value"])
    data["row"] = [f"{ids.replace(';', ', ')}: {label}" for ids, label in
                   zip(data["source_ids"], data["label"])]
    low = float(data["value"].min()) if len(data) else 0.0
    high = float(data["value_max"].max()) if len(data) else 1.0
    pad = max((high - low) * 0.35, 1.0)
    unit = str(data["unit"].iloc[0]) if len(data) else ""
    scale = alt.Scale(domain=[max(0.0, low - pad), high + pad], nice=False)
    base = alt.Chart(data).encode(
        y=alt.Y("row:N", sort=list(data["row"]), title=None,
                axis=alt.Axis(labelFontSize=13, labelLimit=360)),
        tooltip=[alt.Tooltip("text:N", title="Value"), alt.Tooltip("dispute:N", title="Dispute"),
                 alt.Tooltip("certainty:N", title="Certainty")],
    )
    bars = base.mark_bar(color=palette.ACTOR_TYPE_COLOURS["worker_pool"], height=18,
                         cornerRadius=3).encode(
        x=alt.X("value:Q", title=unit, scale=scale, axis=alt.Axis(labelFontSize=13)),
        x2="value_max:Q")
    lows = base.mark_text(align="right", dx=-6, fontSize=14, fontWeight="bold",
                          color=palette.TEXT).encode(x=alt.X("value:Q", scale=scale),
                                                     text=alt.Text("value:Q", format=",~f"))
    highs = base.mark_text(align="left", dx=6, fontSize=14, fontWeight="bold",
                           color=palette.TEXT).encode(x=alt.X("value_max:Q", scale=scale),
                                                      text=alt.Text("value_max:Q", format=",~f"))
    return alt.layer(bars, lows, highs).properties(width=width, height=alt.Step(46))


def market_chart(rows: pd.DataFrame, *, width: int | str = "container") -> alt.LayerChart:
    """Market sizes by year, the forecasts drawn hollow with a dashed outline and said so.

    Rows of the same market are grouped by their label without "(forecast)"; bars are solid
    grey for figures published as measured (`kind` industry) and hollow for `kind` forecast,
    each labelled with its value as the source words it ("over 1,000 USD million").
    """
    data = _plain(rows).copy()
    data["market"] = data["label"].str.replace(r"\s*\(forecast\)\s*$", "", regex=True)
    data["forecast"] = data["kind"] == "forecast"
    data["year_label"] = [f"{int(y)}" if not pd.isna(y) else "" for y in data["year"]]
    data["tag"] = [f"{t} ({y}{', industry forecast' if f else ''})" for t, y, f in
                   zip(data["text"], data["year_label"], data["forecast"])]
    data["name"] = ["\n".join(textwrap.wrap(m, 28)) for m in data["market"]]
    top = float(data["value"].max()) if len(data) else 1.0
    base = alt.Chart(data).encode(
        y=alt.Y("name:N", title=None, sort=list(dict.fromkeys(data["name"])),
                axis=alt.Axis(labelFontSize=13, labelLimit=300,
                              labelExpr="split(datum.label, '\\n')")),
        yOffset=alt.YOffset("year_label:N"),
        x=alt.X("value:Q", title=str(data["unit"].iloc[0]) if len(data) else "",
                scale=alt.Scale(domain=[0, top * 1.6]), axis=alt.Axis(format=",~f", tickCount=8)),
        tooltip=[alt.Tooltip("label:N", title="Figure"), alt.Tooltip("text:N", title="Value"),
                 alt.Tooltip("year_label:N", title="Year"), alt.Tooltip("kind:N", title="Kind"),
                 alt.Tooltip("scope:N", title="Scope")],
    )
    bars = base.mark_bar(height={"band": 0.8}, stroke=palette.TEXT, strokeWidth=1.5).encode(
        fill=alt.condition("datum.forecast", alt.value("white"), alt.value(palette.NEUTRAL)),
        strokeDash=alt.condition("datum.forecast", alt.value([6, 4]), alt.value([1, 0])))
    text = base.mark_text(align="left", dx=6, fontSize=13, color=palette.TEXT).encode(
        text="tag:N")
    return alt.layer(bars, text).properties(
        width=width, height=alt.Step(30),
        title=alt.TitleParams("Market sizes", anchor="start",
                              subtitle="Hollow dashed bars are industry forecasts, not "
                                       "measurements."))


def unit_price_chart(rows: pd.DataFrame, *, width: int | str = "container") -> alt.LayerChart:
    """Unit prices on a log axis: a dot for a value, a bar for a range, a triangle for a bound.

    "over" points right and "below" / "up to" point left (`QUALIFIER_SHAPES`), so a price
    given as "less than a dime" is not read as exactly USD 0.10. Each row is labelled with the
    value as the source words it.
    """
    data = _plain(rows).copy()
    data["value_max"] = data["value_max"].fillna(data["value"])
    data["name"] = [textwrap.shorten(str(n), 62) for n in data["label"]]
    low = float(data["value"].min()) if len(data) else 0.01
    high = float(data["value_max"].max()) if len(data) else 1.0
    scale = alt.Scale(type="log", domain=[low / 3, high * 12], nice=False)
    units = sorted(set(data["unit"]))
    base = alt.Chart(data).encode(
        y=alt.Y("name:N", sort=list(data["name"]), title=None,
                axis=alt.Axis(labelFontSize=13, labelLimit=380)),
        tooltip=[alt.Tooltip("label:N", title="Figure"), alt.Tooltip("text:N", title="Value"),
                 alt.Tooltip("scope:N", title="Scope")],
    )
    ranges = base.mark_bar(height=12, color=palette.TEXT).encode(
        x=alt.X("value:Q", scale=scale, title=" / ".join(units),
                axis=alt.Axis(format="$,.2~f", labelFontSize=13)),
        x2="value_max:Q")
    marks = base.mark_point(filled=True, size=220, color=palette.TEXT, opacity=1).encode(
        x=alt.X("value:Q", scale=scale),
        shape=alt.Shape("qualifier:N", legend=None,
                        scale=alt.Scale(domain=list(QUALIFIER_SHAPES),
                                        range=list(QUALIFIER_SHAPES.values()))))
    text = base.mark_text(align="left", dx=14, fontSize=13, color=palette.TEXT).encode(
        x=alt.X("value_max:Q", scale=scale), text="text:N")
    return alt.layer(ranges, marks, text).properties(
        width=width, height=alt.Step(44),
        title=alt.TitleParams("Unit prices of annotation tasks", anchor="start",
                              subtitle="Triangles point the way of a bound: ▶ more than, "
                                       "◀ less than; a bar is a range."))
