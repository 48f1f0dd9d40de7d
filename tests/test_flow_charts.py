"""The map, the origin-destination matrix and the function charts, checked through their specs.

One render of the map with the world inlined (vl-convert, no browser, no network) proves the
spec draws; everything else reads `chart.to_dict()`.
"""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest
import vl_convert as vlc

from app.charts import palette
from app.charts.flow_map import COUNTRY_PARAM, flow_map_chart, od_matrix_chart
from app.charts.function_charts import (
    COLUMN,
    FUNCTION_PARAM,
    data_type_chart,
    fit_text_to_width,
    function_bar_chart,
    function_diagram_chart,
    function_share_chart,
    paid_chart,
    subfunction_chart,
)
from app.core import vocab
from conftest import FUNCTION_HEX, scale_pairs
from app.core.flows import aggregate_country_flows
from app.core.functions import function_breakdown, function_counts, function_shares
from app.core.geo import WORLD_URL, load_world

ACTORS = ["case_id", "actor_id", "name", "actor_type", "country", "workers", "anonymised",
          "description", "source_ids", "certainty"]
LINKS = ["case_id", "link_id", "from_actor", "to_actor", "relation", "description",
         "source_ids", "certainty"]
TASKS = ["case_id", "task_id", "actor_id", "link_id", "task", "function", "subfunction",
         "data_type", "paid", "description", "source_ids", "certainty"]


@pytest.fixture(scope="module")
def frames():
    actors = pd.DataFrame([
        ("a", "firm", "Firm", "ai_company", "FR", None, False, "", "s", "documented"),
        ("a", "pool", "Pool", "worker_pool", "MG", 30, False, "", "s", "documented"),
        ("a", "users", "Users", "end_user", "FR", None, False, "", "s", "documented"),
        ("a", "ghost", "Sub", "subcontractor", "", None, True, "", "s", "inferred"),
        ("b", "firm", "Firm", "ai_company", "US", None, False, "", "s", "documented"),
        ("b", "pool", "Pool", "worker_pool", "JP", 8, False, "", "s", "reported"),
    ], columns=ACTORS).astype({"workers": "Int64"})
    links = pd.DataFrame([
        ("a", "l1", "firm", "pool", "outsources_to", "", "s", "documented"),
        ("a", "l2", "users", "firm", "supplies_data", "", "s", "reported"),
        ("a", "l3", "pool", "ghost", "outsources_to", "", "s", "inferred"),
        ("b", "l1", "firm", "pool", "recruits", "", "s", "reported"),
    ], columns=LINKS)
    tasks = pd.DataFrame([
        ("a", "t1", "pool", "l1", "boxes", "preparation", "annotation", "image", True, "", "s",
         "documented"),
        ("a", "t2", "pool", "l1", "grade", "verification", "", "text", True, "", "s",
         "documented"),
        ("a", "t3", "users", "l2", "photos", "preparation", "generation", "image", False, "",
         "s", "reported"),
        ("b", "t1", "pool", "l1", "act", "impersonation", "", "audio", True, "", "s",
         "reported"),
    ], columns=TASKS)
    return actors, links, tasks


@pytest.fixture(scope="module")
def flows(frames):
    return aggregate_country_flows(*frames)


def marks(spec: dict) -> list[str]:
    out = []
    for layer in spec["layer"]:
        mark = layer["mark"]
        out.append(mark if isinstance(mark, str) else mark["type"])
    return out


def all_params(spec: dict) -> list[dict]:
    found = list(spec.get("params", []))
    for layer in spec.get("layer", []):
        found += all_params(layer)
    return found


def test_flow_map_layers_and_projection(flows):
    spec = flow_map_chart(flows, width=600).to_dict()
    assert marks(spec) == ["geoshape", "rule", "point", "circle"]
    assert spec["projection"] == {"type": "equalEarth"}
    world = spec["layer"][0]["data"]
    assert world["url"] == WORLD_URL == "app/static/countries-110m.json"
    assert world["format"] == {"type": "topojson", "feature": "countries"}


def test_flow_map_arcs_encodings(flows):
    spec = flow_map_chart(flows, width=600).to_dict()
    arcs = spec["layer"][1]["encoding"]
    assert {c: arcs[c]["field"] for c in ("longitude", "latitude", "longitude2", "latitude2")} == {
        "longitude": "lon", "latitude": "lat", "longitude2": "lon2", "latitude2": "lat2"}
    colour = arcs["color"]["scale"]
    assert colour["domain"][:3] == list(vocab.FUNCTIONS)
    # l3 carries no task: neutral grey
    assert scale_pairs(colour) == FUNCTION_HEX | {"none": "#7F7F7F"}
    dash = arcs["strokeDash"]
    assert dash["field"] == "certainty"
    assert dash["scale"]["domain"] == list(vocab.CERTAINTIES)
    assert dash["scale"]["range"] == list(palette.CERTAINTY_STROKE_DASH.values())
    assert arcs["strokeWidth"]["field"] == "n_links"
    tips = {t["field"] for t in arcs["tooltip"]}
    assert {"from_name", "to_name", "n_links", "certainty_label", "cases"} <= tips


def test_flow_map_rings_dots_and_selection(flows):
    spec = flow_map_chart(flows, width=600).to_dict()
    datasets = spec["datasets"]
    rings = datasets[spec["layer"][2]["data"]["name"]]
    assert [(r["from_country"], r["function"]) for r in rings] == [("FR", "preparation")]
    dots = datasets[spec["layer"][3]["data"]["name"]]
    assert sorted(d["country"] for d in dots) == ["FR", "JP", "MG", "US"]  # unknown: no dot
    params = all_params(spec)
    country = [p for p in params if p["name"] == COUNTRY_PARAM]
    assert len(country) == 1
    assert country[0]["select"]["type"] == "point"
    assert country[0]["select"]["fields"] == ["country"]
    assert not all_params(flow_map_chart(flows, selectable=False).to_dict())


def test_flow_map_pacific_flow_is_two_segments(flows):
    spec = flow_map_chart(flows, width=600).to_dict()
    segments = spec["datasets"][spec["layer"][1]["data"]["name"]]
    us_jp = [s for s in segments if (s["from_country"], s["to_country"]) == ("US", "JP")]
    assert [s["segment"] for s in us_jp] == [0, 1]
    assert all(abs(s[k]) <= 180 for s in segments for k in ("lon", "lon2"))
    json.dumps(segments, allow_nan=False)  # workers <NA> became null, not NaN


def test_flow_map_notes_what_it_cannot_draw(flows):
    subtitle = flow_map_chart(flows).to_dict()["title"]["subtitle"]
    assert any("1 link with" in line and "Unknown" in line for line in subtitle)
    french = flow_map_chart(flows, lang="fr").to_dict()["title"]
    assert french["text"] == "Où va le travail des données"
    assert any("Inconnu" in line for line in french["subtitle"])


def test_flow_map_by_relation(frames):
    by_relation = aggregate_country_flows(*frames, by="relation")
    spec = flow_map_chart(by_relation, colour_by="relation", width=600).to_dict()
    colour = spec["layer"][1]["encoding"]["color"]
    assert colour["field"] == "relation"
    assert colour["scale"]["domain"] == list(vocab.RELATIONS)
    with pytest.raises(ValueError):
        flow_map_chart(aggregate_country_flows(*frames), colour_by="relation")
    with pytest.raises(ValueError):
        flow_map_chart(by_relation, colour_by="certainty")


def test_flow_map_renders_offline_with_inline_world(flows):
    chart = flow_map_chart(flows, world=load_world(), width=600, height=320)
    spec = chart.to_dict()
    inline = spec["layer"][0]["data"]
    assert inline["format"] == {"type": "topojson", "feature": "countries"}
    values = inline.get("values") or spec["datasets"][inline["name"]]
    assert values["type"] == "Topology"
    svg = vlc.vegalite_to_svg(chart.to_json())
    assert svg.lstrip().startswith("<svg")
    assert svg.count("<path") > 150  # the countries, the lines, the legends


def test_empty_flows_still_make_a_map(frames):
    empty = aggregate_country_flows(*frames, cases=["nothing"])
    spec = flow_map_chart(empty, width=600).to_dict()
    assert marks(spec) == ["geoshape", "rule", "point", "circle"]


def test_od_matrix_chart(flows):
    spec = od_matrix_chart(flows).to_dict()
    assert marks(spec) == ["rect", "text"]
    cells = spec["datasets"][spec["data"]["name"]] if "data" in spec else \
        spec["datasets"][spec["layer"][0]["data"]["name"]]
    got = {(c["from_country"], c["to_country"]): c["n_links"] for c in cells}
    assert got == {("France", "France"): 1, ("France", "Madagascar"): 1,
                   ("Madagascar", "Unknown"): 1, ("United States", "Japan"): 1}
    assert spec["layer"][1]["encoding"]["text"]["field"] == "n_links"


def test_function_diagram(frames):
    _, _, tasks = frames
    counts = function_counts(tasks)
    spec = function_diagram_chart(counts, subcounts={"generation": 1, "annotation": 1}).to_dict()
    assert marks(spec) == ["rect", "rule", "point", "text", "text", "text", "text"]
    boxes = spec["datasets"][spec["layer"][0]["data"]["name"]]
    assert [(b["function"], b["n_tasks"]) for b in boxes] == [
        ("preparation", 2), ("impersonation", 1), ("verification", 1)]  # Figure 1's order
    assert boxes[0]["x2"] < boxes[1]["x"] and boxes[1]["x2"] < boxes[2]["x"]
    colour = spec["layer"][0]["encoding"]["color"]["scale"]
    assert colour["domain"] == list(vocab.FUNCTIONS)
    assert scale_pairs(colour) == FUNCTION_HEX
    texts = {t["text"] for t in spec["datasets"][spec["layer"][3]["data"]["name"]]}
    assert {"Data", "Model", "Outputs", "2 tasks", "1 task", "generation 1, annotation 1"} <= texts
    assert not all_params(spec)
    pick = all_params(function_diagram_chart(counts, selectable=True).to_dict())
    assert [p["name"] for p in pick] == [FUNCTION_PARAM]
    svg = vlc.vegalite_to_svg(function_diagram_chart(counts, width=600).to_json())
    assert "Impersonation" in svg


def test_function_diagram_in_a_column_puts_the_boxes_one_under_the_other(frames):
    # A phone's diagram: Data on top, arrows running down, each box's lines in the same order
    # and at the same distances under its top as in Figure 1's row.
    counts = function_counts(frames[2])
    row = function_diagram_chart(counts, subcounts={"generation": 1, "annotation": 1}).to_dict()
    column = function_diagram_chart(counts, subcounts={"generation": 1, "annotation": 1},
                                    layout=COLUMN).to_dict()
    assert marks(column) == marks(row)
    boxes = column["datasets"][column["layer"][0]["data"]["name"]]
    assert [b["function"] for b in boxes] == ["preparation", "impersonation", "verification"]
    assert all((b["x"], b["x2"]) == (2, 98) for b in boxes)
    assert boxes[0]["y"] > boxes[1]["y2"] and boxes[1]["y"] > boxes[2]["y2"]  # top to bottom
    assert column["layer"][2]["mark"]["shape"] == "triangle-down"
    arrows = column["datasets"][column["layer"][1]["data"]["name"]]
    assert all(a["x"] == a["x2"] and a["y"] > a["y2"] for a in arrows)

    def under_top(spec):
        top = {b["function"]: b["y2"] for b in spec["datasets"][spec["layer"][0]["data"]["name"]]}
        texts = spec["datasets"][spec["layer"][3]["data"]["name"]]
        return [(t["text"], top[t["function"]] - t["y"]) for t in texts]

    assert under_top(column) == under_top(row)
    svg = vlc.vegalite_to_svg(function_diagram_chart(counts, width=340, height=600,
                                                     layout=COLUMN).to_json())
    assert "Impersonation" in svg


def test_function_diagram_texts_shrink_with_a_narrow_chart_only(frames):
    # On a phone the boxes are about 100 px wide: "Impersonation" in 14-px bold would run out
    # of its box. Under the full width the texts scale with the chart; from it, they keep
    # their sizes (13, 14, 11 and 12 px).
    counts = function_counts(frames[2])

    def sizes(width: int) -> set[float]:
        chart = fit_text_to_width(function_diagram_chart(counts, width=width), 640)
        svg = vlc.vegalite_to_svg(chart.to_json())
        return {float(v) for v in re.findall(r'<text[^>]*font-size="([0-9.]+)px"', svg)}

    assert {11, 12, 13, 14} <= sizes(640) and sizes(900) == sizes(640)
    assert {5.5, 6, 6.5, 7} <= sizes(320)  # half, at half the width


def test_function_bar_chart(frames):
    actors, _, tasks = frames
    breakdown = function_breakdown(actors, tasks, "country")
    spec = function_bar_chart(breakdown, "country").to_dict()
    assert spec["mark"]["type"] == "bar"
    enc = spec["encoding"]
    assert enc["y"]["field"] == "label" and enc["y"]["sort"] == ["France", "Japan", "Madagascar"]
    assert enc["x"]["aggregate"] == "sum" and enc["x"]["field"] == "n_tasks"
    colour = enc["color"]["condition"]
    assert colour["field"] == "function" and colour["param"] == "function"
    assert colour["scale"]["domain"] == list(vocab.FUNCTIONS)
    assert enc["color"]["value"] == palette.NEUTRAL
    assert enc["opacity"]["field"] == "subfunction"
    (param,) = spec["params"]
    assert param["name"] == "function" and param["select"] == {"type": "point",
                                                               "fields": ["function"]}
    assert spec["title"]["text"] == "What the data work is for, by country of who does it"
    assert enc["x"]["title"] == "Number of tasks"

    static = function_bar_chart(breakdown, "country", selection_name=None).to_dict()
    assert "params" not in static and static["encoding"]["color"]["field"] == "function"
    renamed = function_bar_chart(breakdown, "country", selection_name="fn_pick").to_dict()
    assert renamed["params"][0]["name"] == "fn_pick"
    assert vlc.vegalite_to_svg(function_bar_chart(breakdown, "country", width=400).to_json())


def test_other_breakdown_charts(frames):
    actors, _, tasks = frames
    paid = paid_chart(function_breakdown(actors, tasks, "paid")).to_dict()
    assert paid["encoding"]["y"]["sort"] == ["paid", "unpaid"]
    kinds = data_type_chart(function_breakdown(actors, tasks, "data_type")).to_dict()
    assert kinds["encoding"]["y"]["sort"] == ["Image", "Audio", "Text"]
    sub = subfunction_chart(function_breakdown(actors, tasks, "case_id"), "case_id").to_dict()
    rows = sub["datasets"][sub["data"]["name"]]
    assert {r["function"] for r in rows} == {"preparation"} and "params" not in sub
    shares = function_share_chart(function_shares(tasks)).to_dict()
    assert shares["encoding"]["x"]["stack"] == "normalize"
    assert shares["encoding"]["x"]["title"] == "Share of tasks"


def test_charts_on_the_loaded_fixture_case(tiny_dataset):
    data = tiny_dataset
    flows = aggregate_country_flows(data.actors, data.links, data.tasks)
    assert "" in set(flows["from_country"])  # the users have no country: kept
    spec = flow_map_chart(flows, width=500).to_dict()
    assert marks(spec) == ["geoshape", "rule", "point", "circle"]
    spec = function_bar_chart(function_breakdown(data.actors, data.tasks, "actor_type"),
                              "actor_type").to_dict()
    assert spec["encoding"]["y"]["sort"] == ["Workers", "End users"]


# --- In French ------------------------------------------------------------------------------

def titles_of(spec: dict) -> list[str]:
    """Every title of a spec (chart, axes, legends, tooltips), wherever it sits."""
    found = []

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("title", "text", "subtitle") and isinstance(value, str):
                    found.append(value)
                elif key == "subtitle" and isinstance(value, list):
                    found.extend(v for v in value if isinstance(v, str))
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk({k: v for k, v in spec.items() if k != "datasets"})
    return found


def test_flow_map_in_french(flows):
    spec = flow_map_chart(flows, lang="fr").to_dict()
    titles = titles_of(spec)
    assert spec["title"]["text"] == "Où va le travail des données"
    assert any(line.startswith("Hors carte\u00a0: 1 lien avec")
               for line in spec["title"]["subtitle"])
    assert {"Pays", "De", "Vers", "Fonction", "Certitude", "Liens", "Tâches",
            "Liens documentés", "Relations", "Cas"} <= set(titles)
    assert not {"From", "To", "Function", "Certainty", "Links", "Tasks"} & set(titles)
    arcs = spec["layer"][1]["encoding"]
    # The data keep their codes; the legends and tooltips read them in French.
    assert arcs["color"]["scale"]["domain"][:3] == list(vocab.FUNCTIONS)
    assert '"Préparation"' in arcs["color"]["legend"]["labelExpr"]
    assert '"Aucune tâche relevée"' in arcs["color"]["legend"]["labelExpr"]
    assert '"Documenté"' in arcs["strokeDash"]["legend"]["labelExpr"]
    segments = spec["datasets"][spec["layer"][1]["data"]["name"]]
    fr_mg = next(s for s in segments if (s["from_country"], s["to_country"]) == ("FR", "MG"))
    assert fr_mg["colour_label"] in {"Préparation", "Vérification"}
    assert fr_mg["certainty_label"] == "Documenté"
    assert fr_mg["others_label"] == "sous-traite à"
    us_jp = next(s for s in segments if s["from_country"] == "US")
    assert us_jp["to_name"] == "Japon" and us_jp["from_name"] == "États-Unis"
    # Hovering any country of the map names it in French too.
    shapes = spec["layer"][0]
    assert shapes["encoding"]["tooltip"]["field"] == "shown_name"
    names = spec["datasets"][shapes["transform"][2]["from"]["data"]["name"]]
    assert {"iso_numeric": "724", "shown_name": "Espagne"} in names
    svg = vlc.vegalite_to_svg(flow_map_chart(flows, world=load_world(), lang="fr",
                                             width=600, height=320).to_json())
    assert "Préparation" in svg and "Documenté" in svg


def test_flow_map_by_relation_in_french(frames):
    by_relation = aggregate_country_flows(*frames, by="relation")
    spec = flow_map_chart(by_relation, colour_by="relation", lang="fr").to_dict()
    colour = spec["layer"][1]["encoding"]["color"]
    assert colour["title"] == "Relation"
    assert '"sous-traite à"' in colour["legend"]["labelExpr"]
    assert '"fournit des données à"' in colour["legend"]["labelExpr"]


def test_od_matrix_chart_in_french(flows):
    spec = od_matrix_chart(flows, lang="fr").to_dict()
    assert spec["title"]["text"] == "Qui commande à qui, pays par pays"
    layer = spec["layer"][0]["encoding"]
    assert layer["y"]["title"] == "Pays de départ" and layer["x"]["title"] == "Pays d'arrivée"
    # Names in French, sorted as a French reader expects: États-Unis under E, Inconnu last.
    assert layer["y"]["sort"] == ["États-Unis", "France", "Madagascar"]
    assert layer["x"]["sort"] == ["France", "Japon", "Madagascar", "Inconnu"]


def test_function_charts_in_french(frames):
    actors, _, tasks = frames
    diagram = function_diagram_chart(function_counts(tasks), lang="fr",
                                     subcounts={"generation": 1, "annotation": 0}).to_dict()
    assert diagram["title"]["text"] == ("Trois fonctions du travail des données dans la "
                                        "fabrique de l'IA")
    texts = {t["text"] for t in diagram["datasets"][diagram["layer"][3]["data"]["name"]]}
    assert {"Données", "Modèle", "Résultats", "Préparation", "Vérification", "Imitation",
            "2 tâches", "1 tâche", "génération 1, annotation 0"} <= texts
    assert "Préparation" in vlc.vegalite_to_svg(
        function_diagram_chart(function_counts(tasks), lang="fr", width=600).to_json())

    bars = function_bar_chart(function_breakdown(actors, tasks, "country", lang="fr"),
                              "country", lang="fr").to_dict()
    assert bars["title"]["text"] == ("À quoi sert le travail des données, par pays de qui "
                                     "l'exécute")
    assert bars["encoding"]["x"]["title"] == "Nombre de tâches"
    assert bars["encoding"]["y"]["title"] == "Pays"
    assert bars["encoding"]["y"]["sort"] == ["France", "Japon", "Madagascar"]
    colour = bars["encoding"]["color"]["condition"]
    assert colour["title"] == "Fonction" and '"Vérification"' in colour["legend"]["labelExpr"]
    assert bars["encoding"]["opacity"]["title"] == "Détail de la préparation"
    assert '"Génération"' in bars["encoding"]["opacity"]["legend"]["labelExpr"]
    assert {t["title"] for t in bars["encoding"]["tooltip"]} == {
        "Pays", "Fonction", "Détail de la préparation", "Nombre de tâches"}
    rows = bars["datasets"][bars["data"]["name"]]
    assert {r["function_label"] for r in rows} == {"Préparation", "Vérification", "Imitation"}

    paid = paid_chart(function_breakdown(actors, tasks, "paid", lang="fr"), lang="fr").to_dict()
    assert paid["encoding"]["y"]["sort"] == ["payé", "non payé"]
    assert paid["encoding"]["y"]["title"] == "Payé ou non"
    kinds = data_type_chart(function_breakdown(actors, tasks, "data_type", lang="fr"),
                            lang="fr").to_dict()
    assert kinds["encoding"]["y"]["sort"] == ["Image", "Audio", "Texte"]
    shares = function_share_chart(function_shares(tasks), lang="fr").to_dict()
    assert shares["encoding"]["x"]["title"] == "Part des tâches"
    sub = subfunction_chart(function_breakdown(actors, tasks, "case_id"), "case_id",
                            lang="fr").to_dict()
    assert sub["title"]["text"].startswith("Préparation\u00a0: produire")


def test_every_key_of_these_pages_exists():
    """Counts (`translate_count`) and the keys built from a value, which the catalogue test of
    tests/test_i18n.py cannot see in the code."""
    import re
    from pathlib import Path

    from app.components.functions import BY_OPTIONS, TASK_COLUMNS
    from app.core.messages import MESSAGES

    root = Path(__file__).parents[1] / "app"
    files = ["app_pages/flows.py", "app_pages/functions.py", "components/flows.py",
             "components/functions.py", "charts/flow_map.py", "charts/function_charts.py"]
    counted = {key for f in files for key in re.findall(
        r"""translate_count\(\s*(?:WORDS_KEY \+ )?["']([a-z0-9_.]+)["']""",
        (root / f).read_text(encoding="utf-8"))}
    assert len(counted) > 10
    expected = [f"{key}.{form}" for key in counted for form in ("one", "other")
                if not key.startswith("not_drawn")]
    expected += ["flows.map.not_drawn.one", "flows.map.not_drawn.other"]
    expected += [f"flows.table.{c}" for c in ("from", "to", "function", "relation", "links",
                                              "tasks", "workers", "certainty", "functions",
                                              "relations", "cases", "link_ids", "sources")]
    expected += [f"flows.colour.{c}" for c in ("function", "relation")]
    expected += [f"flows.map.n_{c}" for c in vocab.CERTAINTIES]
    expected += [f"functions.tasks.{c}" for c in TASK_COLUMNS]
    for by in BY_OPTIONS:
        expected += [f"functions.by.{by}", f"functions.breakdown_summary.by.{by}",
                     f"functions.chart.by.{by}", f"functions.chart.axis.{by}"]
    for f in vocab.FUNCTIONS:
        expected += [f"functions.of_function.{f}", f"functions.chart.box.{f}.heading",
                     f"functions.chart.box.{f}.detail"]
    assert [k for k in expected if k not in MESSAGES] == []
