"""Chart builders of the compare and reference pages, checked through `chart.to_dict()`."""

from __future__ import annotations

import pytest

from app.charts import palette
from app.charts import reference_charts as rc
from app.charts.compare_charts import (certainty_share_chart, chain_length_chart,
                                       chain_small_chart, unpaid_share_chart)
from app.core import reference as core
from app.core import vocab
from conftest import ACTOR_TYPE_HEX, FUNCTION_HEX, OFFER_TYPE_HEX, scale_pairs
from app.core.compare import compare_cases
from app.core.functions import certainty_shares
from app.core.geo import WORLD_URL
from app.core.load import load_dataset, load_reference

NNBSP = "\u202f"  # the French thousands separator
FRENCH_NUMBERS = {"decimal": ",", "thousands": NNBSP, "grouping": [3],
                  "currency": ["", "\u00a0€"], "percent": NNBSP + "%"}


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
    return core.figure_rows(reference.figures, reference.sources)


@pytest.fixture(scope="module")
def figures_fr(reference):
    return core.figure_rows(reference.figures, reference.sources, "fr")


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
    # S1's figure note states 7 of the 9 links; l8 (sign-up read as recruiting) and the users'
    # link l9 are inferred.
    assert voice == {"documented": "Documented 78%", "inferred": "Inferred 22%"}
    assert "Inferred" in enc["opacity"]["legend"]["labelExpr"]


def test_small_chain_chart_encodings(dataset):
    case = dataset.only("voice-assistant")
    spec = chain_small_chart(case.actors, case.links, title="Voice", x_max=5, n_rows=4).to_dict()
    lines, dots, halo, names = layers(spec)
    assert [mark(x) for x in (lines, dots, halo, names)] == ["line", "point", "text", "text"]
    assert lines["mark"]["interpolate"] == "basis"
    assert lines["encoding"]["strokeDash"]["scale"]["range"] == [
        palette.CERTAINTY_STROKE_DASH[c] for c in vocab.CERTAINTIES]
    colour = dots["encoding"]["color"]["scale"]
    assert colour["domain"] == list(vocab.ACTOR_TYPES)
    assert scale_pairs(colour) == ACTOR_TYPE_HEX
    shapes = dict(zip(dots["encoding"]["shape"]["scale"]["domain"],
                      dots["encoding"]["shape"]["scale"]["range"]))
    assert shapes["end_user"] == "diamond" and shapes["worker_pool"] == "circle"
    assert dots["encoding"]["color"]["legend"] is None  # no legend unless asked
    assert lines["encoding"]["x"]["scale"]["domain"] == [-0.45, 5.45]  # shared x scale
    assert spec["title"]["text"] == "Voice"
    with_legend = chain_small_chart(case.actors, case.links, legend=True).to_dict()
    assert layers(with_legend)[1]["encoding"]["color"]["legend"]["orient"] == "top"


# --- platforms ---------------------------------------------------------------------------------

def test_platform_map_chart(reference):
    spec = rc.platform_map_chart(core.platform_points(reference.platforms)).to_dict()
    assert spec["projection"]["type"] == "equalEarth"
    kinds = [mark(x) for x in spec["layer"]]
    assert kinds == ["geoshape", "rule", "circle", "text", "text"]
    world = spec["layer"][0]["data"]
    assert world["url"] == WORLD_URL and world["format"]["feature"] == "countries"
    dots = spec["layer"][2]
    assert scale_pairs(dots["encoding"]["color"]["scale"]) == OFFER_TYPE_HEX
    labels = [r["text"] for layer in spec["layer"][3:] for r in values(spec, layer)]
    assert sorted(labels) == ["Australia: 1", "China: 1", "France: 2", "Germany: 1",
                              "United States: 6"]
    spokes = values(spec, spec["layer"][1])
    assert len(spokes) == 8  # the dots of the US (6) and France (2)


def test_offer_type_colours_are_their_own():
    used = {*ACTOR_TYPE_HEX.values(), *FUNCTION_HEX.values()}
    assert not set(OFFER_TYPE_HEX.values()) & used
    assert len(set(OFFER_TYPE_HEX.values())) == len(vocab.OFFER_TYPES) == 3
    assert list(palette.OFFER_TYPE_COLOURS.items()) == list(OFFER_TYPE_HEX.items())


def test_timeline_answers_founded_before_2000(reference):
    spec = rc.platform_timeline_chart(reference.platforms, before=2000).to_dict()
    assert spec["title"]["subtitle"] == ("Shaded: founded before 2000 (3: Pactera, Appen, "
                                         "Lionbridge).")
    band, rule, dots, years = spec["layer"]
    assert values(spec, band) == [{"x": 1993, "x2": 2000}]
    assert values(spec, rule) == [{"x": 2000}]
    order = dots["encoding"]["y"]["sort"]
    assert order[:3] == ["Pactera", "Appen", "Lionbridge"] and order[-1] == "Wirk"
    assert scale_pairs(dots["encoding"]["color"]["scale"]) == OFFER_TYPE_HEX


def test_offer_type_chart(reference):
    spec = rc.offer_type_chart(reference.platforms).to_dict()
    rows = {r["offer_type"]: (r["n_platforms"], r["names"]) for r in
            values(spec, spec["layer"][0])}
    assert rows["generalist"] == (3, "Pactera, Amazon Mechanical Turk, Clixsense")
    assert rows["generalist_ai"][0] == 4 and rows["specialized_ai"][0] == 4


def test_platform_relations_chart(reference):
    spec = rc.platform_relations_chart(reference.platforms, reference.platform_links).to_dict()
    assert [mark(x) for x in spec["layer"]] == ["rule", "point", "text", "circle", "text"]
    verbs = [r["verb"] for r in values(spec, spec["layer"][2])]
    assert verbs == ["gives access to", "became part of"]
    assert spec["title"]["text"] == "Relations between the platforms"


# --- figures -----------------------------------------------------------------------------------

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


def test_figure_names_give_way_to_the_bars_on_a_phone_only(figures):
    # A name may take 330 px, but on a phone (a chart under 600 px wide) at most 40% of the
    # chart, so that the bars and their values keep the rest. On paper (900 px wide) the
    # longest name is printed whole.
    import xml.etree.ElementTree as ET

    from app.charts.export import chart_svg
    from app.charts.spec import vega_lite_spec

    rows = figures[figures["topic"] == "france_microworkers"]
    chart = rc.funnel_chart(rows)
    limit = chart.to_dict()["layer"][0]["encoding"]["y"]["axis"]["labelLimit"]
    assert limit == {"expr": "containerSize()[0] < 600 ? min(330, max(90, "
                             "containerSize()[0] * 0.4)) : 330"}
    texts = [el.text for el in ET.fromstring(chart_svg(vega_lite_spec(chart))).iter()
             if el.tag.endswith("text") and el.text]
    assert "Occasional micro-workers (registered on platforms)" in texts


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
    # S3 l.149 gives segmentation only in words: "a few dollars per image".
    assert labels == ["a few dollars per image", "below 0.1 USD per item",
                      "0.01–0.02 USD per item"]


def test_share_chart(figures):
    rows = figures[(figures["topic"] == "madagascar_study") & (figures["unit"] == "percent")]
    spec = rc.share_chart(rows, title="Who").to_dict()
    data = values(spec, spec["layer"][0])
    assert [r["share"] for r in data] == pytest.approx([0.68, 0.84, 0.75])
    assert spec["layer"][0]["encoding"]["x"]["axis"]["format"] == "%"
    assert spec["title"]["text"] == "Who"


def test_compare_charts_fit_a_phone_screen(dataset):
    """Case names and axis titles come on short lines, and the small chains' legends stack, so
    that no chart reaches past a 390-pixel screen."""
    measures = compare_cases(dataset)
    for chart in (chain_length_chart(measures), unpaid_share_chart(measures)):
        spec = chart.to_dict()
        y = spec["layer"][0]["encoding"]["y"]
        labels = {r["case_label"] for r in values(spec, spec["layer"][0])}
        assert y["field"] == "case_label" and "split(" in y["axis"]["labelExpr"]
        assert all(len(line) <= 26 for label in labels for line in label.split("\n"))
        assert "Voice-assistant\nverification chain" in labels
        title = spec["layer"][0]["encoding"]["x"]["title"]
        assert len(title) >= 2 and all(len(line) <= 34 for line in title)
    case = dataset.only("voice-assistant")
    small = chain_small_chart(case.actors, case.links, legend=True).to_dict()
    assert "vertical" in small["config"]["legend"]["layout"]["expr"]


# --- in French ---------------------------------------------------------------------------------

def test_compare_charts_in_french(dataset):
    measures = compare_cases(dataset, lang="fr")
    length = chain_length_chart(measures, lang="fr").to_dict()
    assert length["title"]["text"] == "Plus longue chaîne de commandes, en liens"
    assert length["config"]["locale"]["number"] == FRENCH_NUMBERS
    series = {r["series"] for r in values(length, length["layer"][0])}
    assert series == {"Tous les liens", "Liens documentés seulement"}
    cases = {r["case"] for r in values(length, length["layer"][0])}
    assert "Chaîne de vérification d'un assistant vocal" in cases
    unpaid = unpaid_share_chart(measures, lang="fr").to_dict()
    labels = {r["case"]: r["label"] for r in values(unpaid, unpaid["layer"][0])}
    assert labels["Chaîne de vérification d'un assistant vocal"] == "1 sur 8 tâches"
    assert " ".join(unpaid["layer"][0]["encoding"]["x"]["title"]) == \
        "Part des tâches du cas qui ne sont pas payées"
    titles = dict(zip(dataset.cases["case_id"], dataset.cases["title_fr"]))
    certainty = certainty_share_chart(certainty_shares(dataset.links), titles,
                                      lang="fr").to_dict()
    voice = {r["certainty"]: r["label"] for r in values(certainty, certainty["layer"][0])
             if r["case_id"] == "voice-assistant"}
    assert voice == {"documented": f"Documenté 78{NNBSP}%", "inferred": f"Déduit 22{NNBSP}%"}
    assert '"Déduit"' in certainty["layer"][0]["encoding"]["opacity"]["legend"]["labelExpr"]


def test_small_chain_in_french(dataset):
    case = dataset.only("voice-assistant")
    spec = chain_small_chart(case.actors, case.links, legend=True, lang="fr").to_dict()
    lines, dots, halo, names = layers(spec)
    assert "Plateforme chinoise" in {r["name"] for r in values(spec, dots)}
    assert "sous-traite à" in values(spec, lines)[0]["sentence"]
    assert [t["title"] for t in dots["encoding"]["tooltip"]] == ["Acteur", "Type", "Pays",
                                                                 "Certitude"]
    legend = dots["encoding"]["color"]["legend"]
    assert legend["title"] == "Acteurs\u00a0:" and "Entreprise d'IA" in legend["labelExpr"]


def test_platform_charts_in_french(reference):
    points = core.platform_points(reference.platforms, lang="fr")
    spec = rc.platform_map_chart(points, lang="fr").to_dict()
    assert spec["title"]["text"] == "Où les plateformes ont leur siège"
    labels = sorted(r["text"] for layer in spec["layer"][3:] for r in values(spec, layer))
    assert labels == ["Allemagne\u00a0: 1", "Australie\u00a0: 1", "Chine\u00a0: 1",
                      "France\u00a0: 2", "États-Unis\u00a0: 6"]
    dots = spec["layer"][2]
    assert "Spécialisée dans l'IA" in dots["encoding"]["color"]["legend"]["labelExpr"]
    assert dots["encoding"]["tooltip"][4]["title"] == "Fondée en"
    countries = values(spec, {"data": spec["layer"][0]["transform"][1]["from"]["data"]})
    assert {"alpha2": "US", "country_name": "États-Unis"}.items() <= next(
        r for r in countries if r["alpha2"] == "US").items()
    timeline = rc.platform_timeline_chart(reference.platforms, lang="fr").to_dict()
    assert timeline["title"]["subtitle"] == ("En grisé\u00a0: fondées avant 2000 (3\u00a0: "
                                             "Pactera, Appen, Lionbridge).")
    relations = rc.platform_relations_chart(reference.platforms, reference.platform_links,
                                            lang="fr").to_dict()
    assert [r["verb"] for r in values(relations, relations["layer"][2])] == [
        "donne accès à", "a été intégrée à"]
    offers = rc.offer_type_chart(reference.platforms, lang="fr").to_dict()
    assert {r["offer_label"] for r in values(offers, offers["layer"][0])} == {
        "Généraliste", "Généraliste avec une offre pour l'IA", "Spécialisée dans l'IA"}


def test_figure_charts_in_french(figures_fr):
    funnel = rc.funnel_chart(figures_fr[figures_fr["topic"] == "france_microworkers"],
                             lang="fr").to_dict()
    data = values(funnel, funnel["layer"][0])
    assert data[0]["number"] == f"266{NNBSP}126 (contesté)"
    assert data[0]["name"].startswith("Micro-travailleurs occasionnels")
    market = rc.market_chart(figures_fr[figures_fr["topic"] == "market"], lang="fr").to_dict()
    assert market["config"]["locale"]["number"] == FRENCH_NUMBERS
    assert market["layer"][0]["encoding"]["x"]["title"] == "millions USD"
    tags = [r["tag"] for r in values(market, market["layer"][0]) if r["forecast"]]
    assert tags == [f"plus de 1{NNBSP}000 millions USD (2023, prévision du secteur)",
                    f"1{NNBSP}200 millions USD (2023, prévision du secteur)"]
    assert market["title"]["text"] == "Taille des marchés"
    prices = rc.unit_price_chart(figures_fr[figures_fr["topic"] == "unit_prices"],
                                 lang="fr").to_dict()
    assert [r["text"] for r in values(prices, prices["layer"][2])] == [
        "quelques dollars par image", "moins de 0,1 USD par élément",
        "0,01–0,02 USD par élément"]
    pay = rc.range_chart(figures_fr[figures_fr["topic"] == "madagascar_pay"],
                         lang="fr").to_dict()
    assert pay["layer"][0]["encoding"]["x"]["title"] == "EUR par mois"
    shares = figures_fr[(figures_fr["topic"] == "madagascar_study")
                        & (figures_fr["unit"] == "percent")]
    spec = rc.share_chart(shares, lang="fr").to_dict()
    assert [r["text"] for r in values(spec, spec["layer"][0])] == [
        f"68{NNBSP}%", f"84{NNBSP}%", f"75{NNBSP}%"]
    assert spec["layer"][0]["encoding"]["x"]["title"] == "Part"


def test_english_charts_keep_vega_defaults(measures):
    assert "locale" not in chain_length_chart(measures).to_dict().get("config", {})


def test_legends_fold_on_a_phone_and_stay_in_a_row_on_paper(dataset):
    """On a box narrower than 600 px a legend's entries go in two columns and legends stack;
    an exported figure is as wide as paper, so its legends stay in a row."""
    import json

    from app.charts.export import EXPORT_WIDTH, export_spec
    from app.charts.style import for_screen

    spec = for_screen(chain_length_chart(compare_cases(dataset))).to_dict()
    legend = spec["config"]["legend"]
    assert legend["columns"]["expr"] == "containerSize()[0] < 600 ? 2 : 0"
    assert legend["layout"]["expr"].startswith("containerSize()[0] < 600 ? {top:")
    assert legend["orient"] == "bottom" and legend["labelFontSize"] == 12  # kept beside them
    paper = export_spec(spec)
    assert "containerSize" not in json.dumps(paper)
    assert paper["config"]["legend"]["columns"]["expr"] == f"{EXPORT_WIDTH} < 600 ? 2 : 0"
    assert EXPORT_WIDTH >= 600
