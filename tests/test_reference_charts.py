"""Chart builders of the compare and reference pages, checked through `chart.to_dict()`."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from app.charts import palette
from app.charts import reference_charts as rc
from app.charts.compare_charts import (certainty_share_chart, chain_extent, chain_length_chart,
                                       chain_small_chart, chain_small_frames,
                                       unpaid_share_chart)
from app.core import network, vocab
from app.core.compare import compare_cases
from app.core.functions import certainty_shares
from app.core.geo import WORLD_URL, country_centroids
from app.core.load import load_dataset, load_reference


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(extra_dir=None)


@pytest.fixture(scope="module")
def measures(dataset):
    return compare_cases(dataset)


@pytest.fixture(scope="module")
def reference():
    return load_reference()


@pytest.fixture(scope="module")
def figures(reference):
    return rc.figure_rows(reference.figures, reference.sources)


def layers(spec: dict) -> list[dict]:
    return spec.get("layer", [spec])


def mark(layer: dict) -> str:
    m = layer["mark"]
    return m if isinstance(m, str) else m["type"]


def values(spec: dict, layer: dict) -> list[dict]:
    """The inline rows a layer draws (Altair moves them into `datasets`)."""
    name = (layer.get("data") or spec.get("data") or {}).get("name")
    return spec["datasets"][name] if name else []


# --- compare -----------------------------------------------------------------------------------

def test_chain_length_chart(measures):
    spec = chain_length_chart(measures).to_dict()
    bars, text = layers(spec)
    assert (mark(bars), mark(text)) == ("bar", "text")
    colour = bars["encoding"]["color"]
    assert colour["scale"]["range"] == [palette.NEUTRAL, palette.TEXT]
    assert bars["encoding"]["yOffset"]["field"] == "series"
    rows = values(spec, bars)
    voice = {r["series"]: r["links"] for r in rows
             if r["case"] == "Voice-assistant verification chain"}
    assert voice == {"All links": 3, "Documented links only": 3}
    canteen = {r["series"]: r["links"] for r in rows if r["case"].startswith("Automated")}
    assert canteen == {"All links": 3, "Documented links only": 0}
    assert text["encoding"]["text"]["field"] == "links"


def test_unpaid_share_chart(measures):
    spec = unpaid_share_chart(measures).to_dict()
    bars, text = layers(spec)
    assert bars["mark"]["color"] == palette.TEXT
    assert bars["encoding"]["x"]["field"] == "unpaid_share"
    assert bars["encoding"]["x"]["scale"]["domain"] == [0, 1]
    labels = {r["case"]: r["label"] for r in values(spec, bars)}
    assert labels["Voice-assistant verification chain"] == "1 of 8 tasks"


def test_certainty_share_chart(dataset):
    titles = dict(zip(dataset.cases["case_id"], dataset.cases["title"]))
    spec = certainty_share_chart(certainty_shares(dataset.links), titles).to_dict()
    bars, text = layers(spec)
    enc = bars["encoding"]
    certainties = list(vocab.CERTAINTIES)
    assert enc["opacity"]["scale"]["domain"] == certainties
    assert enc["opacity"]["scale"]["range"] == [palette.CERTAINTY_OPACITY[c] for c in certainties]
    assert enc["strokeDash"]["scale"]["range"] == [palette.CERTAINTY_STROKE_DASH[c]
                                                  for c in certainties]
    assert enc["x"]["stack"] == "normalize"
    rows = values(spec, bars)
    assert all(r["n_links"] > 0 for r in rows)  # empty segments are not drawn
    voice = {r["certainty"]: r["label"] for r in rows if r["case_id"] == "voice-assistant"}
    assert voice == {"documented": "documented 89%", "inferred": "11%"}


def test_small_chain_frames_follow_layer_positions(dataset):
    case = dataset.only("voice-assistant")
    nodes, edges = chain_small_frames(case.actors, case.links)
    layers_ = network.layer_positions(case.actors, case.links)
    assert dict(zip(nodes["actor_id"], nodes["x"])) == {a: float(lay) for a, (lay, _) in
                                                         layers_.items()}
    # Column 2 holds three actors, centred on 0.
    assert sorted(nodes.loc[nodes["x"] == 2, "y"]) == [-1.0, 0.0, 1.0]
    points = edges.groupby("link_id")["point"].count()
    assert points["l1"] == 2  # lead firm -> Chinese platform: next column, straight
    assert points["l9"] == 3  # users (last column) -> lead firm: an arc
    l9 = edges[edges["link_id"] == "l9"].sort_values("point")
    assert l9["y"].iloc[1] < nodes["y"].min()  # the arc passes above every actor
    sentence = edges.loc[edges["link_id"] == "l6", "sentence"].iloc[0]
    assert sentence == "Italian company (supervisor) supervises Workers in France"
    assert chain_extent(case.actors, case.links) == (4, 3)


def test_small_chain_chart_encodings(dataset):
    case = dataset.only("voice-assistant")
    spec = chain_small_chart(case.actors, case.links, title="Voice", x_max=5, n_rows=4).to_dict()
    lines, dots, halo, names = layers(spec)
    assert [mark(x) for x in (lines, dots, halo, names)] == ["line", "point", "text", "text"]
    assert lines["mark"]["interpolate"] == "basis"
    assert lines["encoding"]["strokeDash"]["scale"]["range"] == [
        palette.CERTAINTY_STROKE_DASH[c] for c in vocab.CERTAINTIES]
    colour = dots["encoding"]["color"]["scale"]
    assert colour == palette.altair_scale(palette.ACTOR_TYPE_COLOURS)
    shapes = dict(zip(dots["encoding"]["shape"]["scale"]["domain"],
                      dots["encoding"]["shape"]["scale"]["range"]))
    assert shapes["end_user"] == "diamond" and shapes["worker_pool"] == "circle"
    assert dots["encoding"]["color"]["legend"] is None  # no legend unless asked
    assert lines["encoding"]["x"]["scale"]["domain"] == [-0.45, 5.45]  # shared x scale
    assert spec["title"]["text"] == "Voice"
    with_legend = chain_small_chart(case.actors, case.links, legend=True).to_dict()
    assert layers(with_legend)[1]["encoding"]["color"]["legend"]["orient"] == "top"


# --- platforms ---------------------------------------------------------------------------------

def test_platform_points_are_spread_deterministically(reference):
    points = rc.platform_points(reference.platforms)
    again = rc.platform_points(reference.platforms)
    pd.testing.assert_frame_equal(points, again)
    centres = country_centroids().set_index("alpha2")
    lone = points[points["country"] == "CN"].iloc[0]
    assert (lone["lon"], lone["lat"]) == pytest.approx(
        (centres.loc["CN", "lon"], centres.loc["CN", "lat"]))
    us = points[points["country"] == "US"]
    assert len(us) == 6 and us["n_in_country"].eq(6).all()
    assert len(set(zip(us["lon"].round(3), us["lat"].round(3)))) == 6
    radius = rc.cluster_radius(6)
    assert radius == pytest.approx(rc.MAP_RADIUS * 1.5)
    lat = centres.loc["US", "lat"]
    for lon_, lat_ in zip(us["lon"], us["lat"]):
        dx = (lon_ - centres.loc["US", "lon"]) * math.cos(math.radians(lat))
        assert math.hypot(dx, lat_ - lat) == pytest.approx(radius, rel=1e-6)
    # The first of a cluster (oldest) sits straight above the centre.
    first = us.sort_values(["founded", "name"]).iloc[0]
    assert first["name"] == "Lionbridge"
    assert first["lat"] == pytest.approx(lat + radius)


def test_platform_points_unknown_country(reference):
    odd = reference.platforms.head(1).assign(country="XK")
    points = rc.platform_points(odd)
    assert math.isnan(points["lon"].iloc[0])


def test_platform_map_chart(reference):
    spec = rc.platform_map_chart(rc.platform_points(reference.platforms)).to_dict()
    assert spec["projection"]["type"] == "equalEarth"
    kinds = [mark(x) for x in spec["layer"]]
    assert kinds == ["geoshape", "rule", "circle", "text", "text"]
    world = spec["layer"][0]["data"]
    assert world["url"] == WORLD_URL and world["format"]["feature"] == "countries"
    dots = spec["layer"][2]
    assert dots["encoding"]["color"]["scale"] == palette.altair_scale(rc.OFFER_TYPE_COLOURS)
    labels = [r["text"] for layer in spec["layer"][3:] for r in values(spec, layer)]
    assert sorted(labels) == ["Australia: 1", "China: 1", "France: 2", "Germany: 1",
                              "United States: 6"]
    spokes = values(spec, spec["layer"][1])
    assert len(spokes) == 8  # the dots of the US (6) and France (2)


def test_offer_type_colours_are_their_own():
    used = {*palette.ACTOR_TYPE_COLOURS.values(), *palette.FUNCTION_COLOURS.values()}
    assert not set(rc.OFFER_TYPE_COLOURS.values()) & used
    assert list(rc.OFFER_TYPE_COLOURS) == list(vocab.OFFER_TYPES)


def test_timeline_answers_founded_before_2000(reference):
    spec = rc.platform_timeline_chart(reference.platforms, before=2000).to_dict()
    assert spec["title"]["subtitle"] == ("Shaded: founded before 2000 (3: Pactera, Appen, "
                                         "Lionbridge).")
    band, rule, dots, years = spec["layer"]
    assert values(spec, band) == [{"x": 1993, "x2": 2000}]
    assert values(spec, rule) == [{"x": 2000}]
    order = dots["encoding"]["y"]["sort"]
    assert order[:3] == ["Pactera", "Appen", "Lionbridge"] and order[-1] == "Wirk"
    assert dots["encoding"]["color"]["scale"]["range"] == list(rc.OFFER_TYPE_COLOURS.values())


def test_offer_type_chart(reference):
    spec = rc.offer_type_chart(reference.platforms).to_dict()
    rows = {r["offer_type"]: (r["n_platforms"], r["names"]) for r in
            values(spec, spec["layer"][0])}
    assert rows["generalist"] == (3, "Pactera, Amazon Mechanical Turk, Clixsense")
    assert rows["generalist_ai"][0] == 4 and rows["specialized_ai"][0] == 4


def test_platform_relations(reference):
    nodes, edges = rc.platform_relations_frames(reference.platforms, reference.platform_links)
    assert dict(zip(nodes["platform_id"], nodes["x"])) == {"clixsense": 0.0,
                                                           "figure-eight": 1.0, "appen": 2.0}
    assert list(edges["sentence"]) == ["Clixsense gives access to Figure Eight",
                                       "Figure Eight became part of Appen"]
    assert list(edges["head_shape"]) == ["triangle-right", "triangle-right"]
    spec = rc.platform_relations_chart(reference.platforms, reference.platform_links).to_dict()
    assert [mark(x) for x in spec["layer"]] == ["rule", "point", "text", "circle", "text"]
    table = rc.platform_relation_table(reference.platforms, reference.platform_links,
                                       reference.sources)
    assert table["Relation"].tolist() == list(edges["sentence"])
    assert table["Sources"].iloc[0].startswith("Tubaro, P. & Casilli, A. A. (2019)")


def test_platform_table_cites_in_full(reference):
    table = rc.platform_table(reference.platforms, reference.sources)
    assert len(table) == 11
    assert table["Platform"].iloc[0] == "Pactera"
    appen = table[table["Platform"] == "Appen"].iloc[0]
    assert appen["Offer"] == "Specialised in AI" and appen["Country"] == "Australia"
    assert " | " in appen["Sources"] and "Big Data & Society" in appen["Sources"]


# --- figures -----------------------------------------------------------------------------------

@pytest.mark.parametrize("args, text", [
    ((14903.0, None, "people", "exact"), "14,903 people"),
    ((96.0, 126.0, "EUR per month", "exact"), "96–126 EUR per month"),
    ((1000.0, pd.NA, "USD million", "over"), "over 1,000 USD million"),
    ((56.1, None, "percent", "exact"), "56.1%"),
    ((25.0, None, "percent", "up_to"), "up to 25%"),
    ((0.1, None, "USD per item", "below"), "below 0.1 USD per item"),
    ((1.5, float("nan"), "hours", "about"), "about 1.5 hours"),
])
def test_figure_value_text(args, text):
    assert rc.figure_value_text(*args) == text


def test_figure_table_grouped_with_citations(reference):
    table = rc.figure_table(reference.figures, reference.sources)
    assert len(table) == len(reference.figures)
    assert list(table.columns) == ["Topic", "Figure", "Reads", "Value", "Up to", "Unit",
                                   "Qualifier", "Year", "Scope", "Kind", "Dispute",
                                   "Certainty", "Sources"]
    # Grouped: each topic's rows are contiguous.
    runs = (table["Topic"] != table["Topic"].shift()).sum()
    assert runs == table["Topic"].nunique()
    p9 = table[table["Figure"].str.startswith("Occasional")].iloc[0]
    assert "Barraud de Lagerie" in p9["Sources"] and "exaggerated" in p9["Dispute"]


def test_funnel_chart(figures):
    rows = figures[figures["topic"] == "france_microworkers"]
    spec = rc.funnel_chart(rows).to_dict()
    bars = spec["layer"][0]
    data = values(spec, bars)
    assert [r["value"] for r in data] == [266126, 52337, 14903]
    assert [r["disputed"] for r in data] == [True, False, False]
    assert data[0]["number"] == "266,126 (disputed)"
    assert bars["mark"]["color"] == palette.ACTOR_TYPE_COLOURS["worker_pool"]
    assert bars["encoding"]["x"]["scale"]["domain"] == [-133063.0, 133063.0]


def test_pay_ranges_side_by_side(figures):
    rows = figures[figures["topic"] == "madagascar_pay"]
    spec = rc.range_chart(rows).to_dict()
    data = values(spec, spec["layer"][0])
    assert [(r["row"][:2], r["value"], r["value_max"]) for r in data] == [
        ("P3", 96, 126), ("P5", 90, 120)]
    assert spec["layer"][0]["encoding"]["x2"]["field"] == "value_max"
    assert spec["layer"][0]["encoding"]["x"]["title"] == "EUR per month"


def test_market_chart_marks_forecasts(figures):
    rows = figures[figures["topic"] == "market"]
    spec = rc.market_chart(rows).to_dict()
    bars = spec["layer"][0]
    data = values(spec, bars)
    assert {r["market"] for r in data} == {"Market for third-party data-labelling solutions",
                                          "Market for data generation and annotation"}
    forecasts = [r["tag"] for r in data if r["forecast"]]
    assert forecasts == ["over 1,000 USD million (2023, industry forecast)",
                         "1,200 USD million (2023, industry forecast)"]
    assert bars["encoding"]["fill"]["condition"]["value"] == "white"
    assert "forecasts" in spec["title"]["subtitle"]


def test_unit_price_chart(figures):
    rows = figures[figures["topic"] == "unit_prices"]
    spec = rc.unit_price_chart(rows).to_dict()
    ranges, points, text = spec["layer"]
    assert ranges["encoding"]["x"]["scale"]["type"] == "log"
    shapes = dict(zip(points["encoding"]["shape"]["scale"]["domain"],
                      points["encoding"]["shape"]["scale"]["range"]))
    assert shapes["over"] == "triangle-right" and shapes["below"] == "triangle-left"
    labels = [r["text"] for r in values(spec, text)]
    assert labels == ["over 1 USD per image", "below 0.1 USD per item",
                      "0.01–0.02 USD per item"]


def test_share_chart(figures):
    rows = figures[(figures["topic"] == "madagascar_study") & (figures["unit"] == "percent")]
    spec = rc.share_chart(rows, title="Who").to_dict()
    data = values(spec, spec["layer"][0])
    assert [r["share"] for r in data] == pytest.approx([0.68, 0.84, 0.75])
    assert spec["layer"][0]["encoding"]["x"]["axis"]["format"] == "%"
    assert spec["title"]["text"] == "Who"


def test_topic_titles():
    assert rc.topic_title("market") == "Market sizes"
    assert rc.topic_title("new_topic") == "New topic"
