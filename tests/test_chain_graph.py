"""The chain graph: node and edge lists first, then the two HTML flavours and their safety."""

from __future__ import annotations

import dataclasses
import json
import math
import random
import re
import subprocess
import sys

import pandas as pd
import pytest

from app.charts import chain_graph as cg
from app.charts import chain_layout
from app.charts import palette
from app.charts.chain_graph import (
    ChainGraph,
    build_chain_graph,
    chain_graph_html,
    legend_items,
    reveal,
    standalone_html,
)
from app.core import vocab
from conftest import ACTOR_TYPE_HEX, OKABE_ITO, bundled

ACTOR_COLS = ["case_id", "actor_id", "name", "actor_type", "country", "workers", "anonymised",
              "description", "source_ids", "certainty"]
LINK_COLS = ["case_id", "link_id", "from_actor", "to_actor", "relation", "description",
             "source_ids", "certainty"]
SOURCE_COLS = ["case_id", "source_id", "citation", "year", "url", "kind", "note"]


def actors_df(rows, case_id="voice"):
    """rows: (actor_id, name, actor_type, country, workers, certainty, description, source_ids)."""
    df = pd.DataFrame([[case_id, r[0], r[1], r[2], r[3], r[4], False, r[6], r[7], r[5]]
                       for r in rows], columns=ACTOR_COLS)
    df["workers"] = df["workers"].astype("Int64")
    df["anonymised"] = df["anonymised"].astype(bool)
    return df


def links_df(rows, case_id="voice"):
    """rows: (link_id, from, to, relation, certainty)."""
    return pd.DataFrame([[case_id, r[0], r[1], r[2], r[3], "", "S1", r[4]] for r in rows],
                        columns=LINK_COLS)


def sources_df(rows, case_id="voice"):
    return pd.DataFrame([[case_id, sid, cit, 2022, "https://doi.org/10.0/x", "chapter", ""]
                         for sid, cit in rows], columns=SOURCE_COLS)


VOICE_ACTORS = [
    ("lead", "Smart-speaker producer", "ai_company", "US", None, "documented",
     "Lead firm.", "S1"),
    ("cn_platform", "Chinese platform", "platform", "CN", None, "documented", "", "S1"),
    ("jp_service", "Japanese online service", "platform", "JP", None, "documented", "", "S1"),
    ("es_sub", "Spanish subcontractor", "subcontractor", "ES", None, "reported", "", "S1;P6"),
    ("fr_workers", "Workers in France", "worker_pool", "FR", 1000, "documented",
     "Transcribe and check.", "S1"),
    ("it_supervisor", "Italian company", "supervisor", "IT", None, "documented", "", "S1"),
    ("own_platform", "Lead firm's microtask platform", "platform", "US", None, "inferred", "",
     "S1"),
    ("users", "Smart-speaker users", "end_user", "", None, "inferred", "", "S1"),
]
VOICE_LINKS = [
    ("l1", "lead", "cn_platform", "outsources_to", "documented"),
    ("l2", "cn_platform", "jp_service", "outsources_to", "documented"),
    ("l3", "cn_platform", "es_sub", "outsources_to", "documented"),
    ("l4", "jp_service", "fr_workers", "recruits", "documented"),
    ("l5", "es_sub", "fr_workers", "recruits", "reported"),
    ("l6", "it_supervisor", "fr_workers", "supervises", "documented"),
    ("l7", "lead", "own_platform", "operates", "documented"),
    ("l8", "fr_workers", "own_platform", "supplies_data", "inferred"),
    ("l9", "users", "lead", "supplies_data", "inferred"),
]
VOICE_SOURCES = [
    ("S1", "Tubaro, P. & Casilli, A. A. (2022). Human listeners and virtual assistants."),
    ("P6", "Concetti contrastivi (2023). Italian translation of excerpts."),
]


@pytest.fixture
def voice():
    return actors_df(VOICE_ACTORS), links_df(VOICE_LINKS), sources_df(VOICE_SOURCES)


def by_actor(graph: ChainGraph) -> dict[str, dict]:
    return {n["actor_id"]: n for n in graph.nodes}


def by_link(graph: ChainGraph) -> dict[str, dict]:
    return {e["link_id"]: e for e in graph.edges}


# --- nodes and edges ---------------------------------------------------------------------------

def test_counts_and_ids(voice):
    g = build_chain_graph(*voice)
    assert len(g.nodes) == 8 and len(g.edges) == 9
    ids = {n["id"] for n in g.nodes}
    assert "voice:lead" in ids
    assert all(e["from"] in ids and e["to"] in ids for e in g.edges)
    assert all(e["arrows"] == "to" for e in g.edges)


def test_colours_shapes_and_sizes_by_type(voice):
    nodes = by_actor(build_chain_graph(*voice))
    for n in nodes.values():
        hexa = ACTOR_TYPE_HEX[n["actor_type"]]
        assert n["color"]["border"] == hexa
        # documented: the type's colour; less sure: paler (every channel nearer to white)
        fill = n["color"]["background"]
        if n["certainty"] == "documented":
            assert fill == hexa
        else:
            assert all(int(fill[i:i + 2], 16) > int(hexa[i:i + 2], 16) or hexa[i:i + 2] == "FF"
                       for i in (1, 3, 5)), (fill, hexa)
        assert "opacity" not in n  # an opaque marker: no link shows through it
        assert n["shape"] == ("diamond" if n["actor_type"] == "end_user" else "dot")
    assert nodes["fr_workers"]["size"] > nodes["lead"]["size"]
    assert cg.worker_size(10**12) == cg.WORKER_SIZE_MAX
    assert cg.worker_size(0) == cg.WORKER_SIZE_MIN
    assert cg.worker_size(pd.NA) == cg.NODE_SIZE


def test_labels_and_node_tooltips(voice):
    nodes = by_actor(build_chain_graph(*voice))
    # names wrapped at the layout's width; the country is the lane, not a suffix
    assert nodes["fr_workers"]["label"].split("\n") == cg.chain_layout.wrap_label(
        "Workers in France")
    assert nodes["fr_workers"]["label"].replace("\n", " ") == "Workers in France"
    assert "(FR)" not in nodes["fr_workers"]["label"]
    assert nodes["users"]["label"].replace("\n", " ") == "Smart-speaker users"
    tip = nodes["es_sub"]["title"]
    assert "Spanish subcontractor" in tip and "Subcontractor" in tip and "Spain" in tip
    assert "Certainty: reported" in tip
    assert "Human listeners and virtual assistants" in tip and "Concetti contrastivi" in tip
    assert "Workers: 1,000" in nodes["fr_workers"]["title"]
    assert "Transcribe and check." in nodes["fr_workers"]["title"]


def test_edges_labels_dashes_and_opacity_by_certainty(voice):
    edges = by_link(build_chain_graph(*voice))
    assert edges["l1"]["relation_label"] == "outsources to"
    assert edges["l9"]["relation_label"] == "supplies data to"
    # Its sentence agrees with its subject, people as a group; a firm's reads as the label.
    assert edges["l9"]["title"].startswith("Smart-speaker users supply data to ")
    assert edges["l1"]["title"].split("\n")[0].split(" outsources to ")[1]
    # drawn only where the layout found room clear of every label and link
    layout = build_chain_graph(*voice).layouts[0]
    for lid, e in edges.items():
        assert ("label" in e) == (f"voice:{lid}" in layout.edge_labels)
        if "label" in e:
            assert e["label"] == e["relation_label"]
    assert any("label" in e for e in edges.values())
    for e in edges.values():
        assert e["dashes"] == palette.CERTAINTY_DASHES[e["certainty"]]
        assert e["color"]["opacity"] == palette.CERTAINTY_OPACITY[e["certainty"]]
    assert edges["l1"]["dashes"] is False and edges["l5"]["dashes"] == [10, 6]
    assert edges["l2"]["title"].startswith("Chinese platform outsources to Japanese online service")
    assert "Certainty: documented" in edges["l2"]["title"]
    assert "Human listeners" in edges["l2"]["title"]


def test_french_labels_tooltips_and_legend(voice):
    actors, links, sources = voice
    actors["name_fr"] = ["Fabricant d'enceintes", "Plateforme chinoise", "", "", "", "", "", ""]
    actors["description_fr"] = ["Donneur d'ordres.", "", "", "", "", "", "", ""]
    graph = build_chain_graph(actors, links, sources, lang="fr")
    nodes, edges = by_actor(graph), by_link(graph)
    lead = nodes["lead"]["title"]
    assert lead.startswith("Fabricant d'enceintes\nEntreprise d'IA \u00b7 États-Unis (US)")
    assert "Donneur d'ordres." in lead and "Certitude\u00a0: documenté" in lead
    assert "Sources\u00a0:" in lead and "Human listeners" in lead  # citations stay as they are
    # English where French is missing, marked as such.
    assert nodes["jp_service"]["label"].replace("\n", " ") == "Japanese online service [EN]"
    assert "Travailleurs\u00a0: 1\u202f000" in nodes["fr_workers"]["title"]
    assert "pays non précisé" in nodes["users"]["title"]
    assert edges["l1"]["relation_label"] == "sous-traite à"
    assert edges["l2"]["title"].startswith("Plateforme chinoise sous-traite à Japanese online")
    items = legend_items("fr")
    assert ("Utilisateurs finaux", palette.ACTOR_TYPE_COLOURS["end_user"], "diamond") in items
    assert "Lien déduit" in [label for label, _, _ in items]
    page = standalone_html(graph, title="Assistants vocaux", lang="fr")
    assert '<html lang="fr">' in page and "Survolez un acteur" in page


def test_missing_source_is_named_not_hidden(voice):
    actors, links, sources = voice
    actors.loc[0, "source_ids"] = "S1; ZZ"
    tip = by_actor(build_chain_graph(actors, links, sources))["lead"]["title"]
    assert "ZZ (source not found)" in tip


def test_positions_deterministic_and_left_to_right(voice):
    g1, g2 = build_chain_graph(*voice), build_chain_graph(*voice)
    assert [(n["id"], n["x"], n["y"]) for n in g1.nodes] == [(n["id"], n["x"], n["y"])
                                                             for n in g2.nodes]
    nodes = by_actor(g1)
    assert nodes["lead"]["x"] < nodes["cn_platform"]["x"] < nodes["jp_service"]["x"]
    assert nodes["jp_service"]["x"] < nodes["fr_workers"]["x"] < nodes["users"]["x"]
    # lanes: the lead firm's country on top, the end users (no country) at the bottom
    assert nodes["lead"]["y"] < nodes["cn_platform"]["y"] < nodes["fr_workers"]["y"]
    assert nodes["users"]["y"] == max(n["y"] for n in nodes.values())
    assert nodes["lead"]["y"] == nodes["own_platform"]["y"]  # same lane, same row


def test_cases_get_unique_ids_and_their_own_sources(voice):
    actors, links, sources = voice
    other = sources_df([("S1", "Another citation entirely.")], case_id="other")
    g = build_chain_graph(
        pd.concat([actors, actors.assign(case_id="other")], ignore_index=True),
        pd.concat([links, links.assign(case_id="other")], ignore_index=True),
        pd.concat([sources, other], ignore_index=True),
    )
    ids = [n["id"] for n in g.nodes]
    assert len(ids) == len(set(ids)) == 16
    assert len({e["id"] for e in g.edges}) == 18
    lead = {n["case_id"]: n for n in g.nodes if n["actor_id"] == "lead"}
    assert "Another citation" in lead["other"]["title"]
    assert "Another citation" not in lead["voice"]["title"]
    assert lead["other"]["x"] == lead["voice"]["x"]
    workers = [n for n in g.nodes if n["actor_id"] == "fr_workers"]
    assert workers[0]["y"] != workers[1]["y"]  # one band per case


def test_broken_rows_do_not_break_the_page(voice):
    actors, links, sources = voice
    links = pd.concat([links, links_df([("l99", "lead", "ghost", "sells_to", "documented"),
                                        ("l1", "lead", "users", "operates", "maybe")])],
                      ignore_index=True)
    actors = pd.concat([actors, actors.iloc[[0]]], ignore_index=True)
    g = build_chain_graph(actors, links, sources)
    assert len(g.nodes) == 8 and len(g.edges) == 9


# --- focus -------------------------------------------------------------------------------------

def test_focus_greys_what_is_not_on_a_chain_through_it(voice):
    g = build_chain_graph(*voice, focus="es_sub")
    nodes, edges = by_actor(g), by_link(g)
    greyed = {a for a, n in nodes.items() if n["greyed"]}
    assert greyed == {"jp_service", "it_supervisor"}
    for a, n in nodes.items():
        if a in greyed:
            # grey, at 30 % over white: #BBBBBB -> 0.3 * 187 + 0.7 * 255 = 234.6
            assert n["color"]["background"] == "#EBEBEB"
            assert n["color"]["border"] == palette.NEUTRAL
        else:
            assert n["color"]["border"] == ACTOR_TYPE_HEX[n["actor_type"]]
    assert {lid for lid, e in edges.items() if e["greyed"]} == {"l2", "l4", "l6", "l7"}
    assert edges["l2"]["color"]["color"] == palette.NEUTRAL
    assert edges["l3"]["color"]["color"] == palette.TEXT


def test_focus_forms_agree_and_unknown_focus_greys_nothing(voice):
    def flags(g):
        return [n["greyed"] for n in g.nodes] + [e["greyed"] for e in g.edges]

    plain = build_chain_graph(*voice, focus="es_sub")
    assert flags(build_chain_graph(*voice, focus="voice:es_sub")) == flags(plain)
    assert flags(build_chain_graph(*voice, focus=("voice", "es_sub"))) == flags(plain)
    assert not any(flags(build_chain_graph(*voice, focus="nobody")))
    assert not any(flags(build_chain_graph(*voice)))


def test_focus_keeps_the_buying_client_lit():
    actors = actors_df([
        ("shop", "Supermarkets", "client", "FR", None, "documented", "", "S1"),
        ("startup", "Start-up", "ai_company", "FR", None, "documented", "", "S1"),
        ("w", "Watchers", "worker_pool", "MG", None, "documented", "", "S1"),
        ("w2", "Annotators", "worker_pool", "MG", None, "documented", "", "S1"),
    ])
    links = links_df([("l1", "startup", "shop", "sells_to", "documented"),
                      ("l2", "startup", "w", "recruits", "documented"),
                      ("l3", "startup", "w2", "recruits", "documented")])
    nodes = by_actor(build_chain_graph(actors, links, sources_df(VOICE_SOURCES), focus="w"))
    assert not nodes["shop"]["greyed"] and not nodes["startup"]["greyed"]
    assert nodes["w2"]["greyed"]


# --- options and legend ------------------------------------------------------------------------

@pytest.mark.parametrize(("width", "height", "window", "expected"), [
    (300, 200, 1000, 448),   # small: labels at 1.6 x 14 px, not the 32 px the frame would allow
    (700, 100, 1000, 240),  # wide: as wide as the frame, never shorter than the smallest frame
    (500, 1000, 1000, 1400),  # tall: grown with the lanes until labels reach 14 px
    (500, 3000, 1000, 640),  # too tall even so: the usual height, the rest a drag away
    (3000, 300, 1000, 420),  # wider than the window in 14-px type: that size, scrolled sideways
    (3000, 2000, 640, 2800),  # the same in the narrowest window that scrolls
    (3000, 2000, 639, 426),  # a phone's: the whole width, as tall as it then is
    (3000, 3000, 1000, 1000),  # too tall in 14-px type (4,200): the window's width, 3.3 px
])
def test_the_frame_follows_the_drawing(voice, width, height, window, expected):
    """A drawing `width` x `height` in 10-px type, in a frame usually 640 tall."""
    graph = build_chain_graph(*voice)
    graph = dataclasses.replace(graph, frame=graph.frame | {
        "width": width, "height": height, "font": 10})
    assert cg.frame_height(graph, window, max_px=640, label_px=14) == expected


def test_a_slide_shrinks_its_labels_a_little_before_it_scrolls_sideways(voice):
    graph = build_chain_graph(*voice)

    def drawing(width: float) -> cg.ChainGraph:
        return dataclasses.replace(graph, frame=graph.frame | {
            "width": width, "height": 1500, "font": 10})

    # on a 1920-wide screen (a 1854-px frame), 14-px labels need 1,890 px: a page scrolls; a
    # slide shrinks them to 13.7 px and shows its width
    assert cg.frame_height(drawing(1350), 1854, max_px=640, label_px=14) == 2100
    assert cg.frame_height(drawing(1350), 1854, max_px=640, label_px=14, slide=True) == 2060
    # 2,596 px: 10 px would be too small even for a slide; it scrolls too
    assert cg.frame_height(drawing(1854), 1854, max_px=640, label_px=14, slide=True) == 2100
    # a smaller screen shows the same slide smaller (7.65 px aimed for, 7.4 px to fit)
    assert cg.frame_height(drawing(1350), 1000, max_px=640, label_px=14, slide=True) == 1111
    page = cg.chain_graph_html(drawing(800), slide=True, follow=("lead", "nobody"))
    data = json.loads(re.search(r"var data = (\{.*\});", page).group(1))
    assert (data["shrink"], data["wideNote"]) == (cg.SLIDE_SHRINK, "")
    assert data["follow"] == ["voice:lead"]


def test_s_curves_reach_vis_network_as_cubic_curves_with_their_direction():
    case = bundled().only("voice-assistant")
    graph = build_chain_graph(case.actors, case.links, case.sources)
    edges = {edge["id"]: edge for edge in graph.edges}
    s_routes = {key: route for key, route in graph.layouts[0].routes.items()
                if route[0] in chain_layout.S_DIRECTION}
    assert s_routes  # the producer's links down to the platforms
    for key, (kind, roundness) in s_routes.items():
        assert edges[key]["smooth"] == {"enabled": True, "type": "cubicBezier",
                                        "roundness": roundness,
                                        "forceDirection": chain_layout.S_DIRECTION[kind]}


def test_physics_off_by_default(voice):
    assert build_chain_graph(*voice).options["physics"]["enabled"] is False
    on = build_chain_graph(*voice, physics=True).options["physics"]
    assert on["enabled"] is True and on["solver"] == "barnesHut" and on["stabilization"]
    assert build_chain_graph(*voice).options["interaction"]["hover"] is True


def test_legend_items():
    items = legend_items()
    assert len(items) == len(vocab.ACTOR_TYPES) + len(vocab.CERTAINTIES)
    types = items[: len(vocab.ACTOR_TYPES)]
    assert [c for _, c, _ in types] == [ACTOR_TYPE_HEX[t] for t in vocab.ACTOR_TYPES]
    assert ("End users", "#009E73", "diamond") in items
    assert ("AI company", "#0072B2", "dot") in items
    # One colour per actor type, all Okabe-Ito's but the supervisors' grey.
    colours = [c for _, c, _ in types]
    assert len(set(colours)) == len(colours) == 8
    assert set(colours) - OKABE_ITO == {"#7F7F7F"}
    assert [s for _, _, s in items[len(vocab.ACTOR_TYPES):]] == ["solid", "dashed", "dotted"]


def test_legend_of_a_graph_names_only_what_it_draws(voice):
    # The voice fixture has no client and no vendor: seven of the eight actor types and all
    # three certainties; hidden items are not drawn.
    graph = build_chain_graph(*voice)
    drawn = {n["actor_type"] for n in graph.nodes}
    labels = [label for label, _, _ in legend_items("en", graph)]
    assert "Vendor" not in labels and "Client" not in labels
    assert len(drawn) == 6 and len(labels) == 6 + 3
    only_lead = reveal(graph, ["lead"], [])
    assert [label for label, _, _ in legend_items("en", only_lead)] == [
        "AI company", "Documented link"]


# --- HTML --------------------------------------------------------------------------------------

PAYLOAD_NAME = "<img src=x onerror=alert(1)>"
PAYLOAD_DESC = 'see href="javascript:alert(2)" </script><script>alert(1)</script> & \u2028'
EXTERNAL = re.compile(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//|url\(\s*["']?(?:https?:)?//"""
                      r"""|@import""", re.I)


@pytest.fixture
def hostile(voice):
    actors, links, sources = voice
    actors.loc[0, "name"] = PAYLOAD_NAME
    actors.loc[0, "description"] = PAYLOAD_DESC
    links.loc[0, "description"] = PAYLOAD_DESC
    sources.loc[0, "citation"] = "</script><img src=y onerror=alert(3)> href"
    return build_chain_graph(actors, links, sources)


def embedded_data(page: str) -> dict:
    match = re.search(r"var data = (.*);\n  var container", page)
    assert match
    return json.loads(match.group(1))


@pytest.mark.parametrize("flavour", ["linked", "standalone"])
def test_xss_payload_only_as_escaped_json(hostile, flavour):
    if flavour == "linked":
        page = chain_graph_html(hostile)
    else:
        page = standalone_html(hostile, title=PAYLOAD_NAME + " </script>")
    lower = page.lower()
    assert lower.count("<script") == 2  # the library (linked or inlined) and ours
    assert lower.count("</script") == 2
    assert "<img" not in lower and "\u2028" not in page
    assert "onerror=alert(1)" in page  # present, but only as text inside escaped JSON
    assert "\\u003cimg src=x onerror=alert(1)\\u003e" in page
    assert "\\u003c/script\\u003e\\u003cscript\\u003ealert(1)" in page
    assert not EXTERNAL.search(page)
    # the embedded JSON reads back to exactly the graph
    data = embedded_data(page)
    assert data["nodes"] == json.loads(json.dumps(hostile.nodes))
    assert data["edges"][0]["title"].startswith(PAYLOAD_NAME)
    # tooltips are turned into text-only DOM elements, never HTML
    assert "textContent = item.title" in page and "innerHTML" not in page.split("var data")[1]


def test_linked_page_loads_vis_from_static_assets(voice):
    page = chain_graph_html(build_chain_graph(*voice), height_px=500)
    assert '<script src="app/static/vis-9.1.2/vis-network.min.js"></script>' in page
    assert 'href="app/static/vis-9.1.2/vis-network.css"' in page
    assert "height:500px" in page
    assert len(page) < 40_000
    assert "http://" not in page and "https://" not in page.replace("https://doi", "")
    custom = chain_graph_html(build_chain_graph(*voice), assets_url="static/vis/")
    assert 'src="static/vis/vis-network.min.js"' in custom
    for bad in ("https://cdn.example/vis", "//cdn.example/vis", "javascript:alert(1)",
                "data:text/javascript,1"):
        with pytest.raises(ValueError):
            chain_graph_html(build_chain_graph(*voice), assets_url=bad)


def test_standalone_is_self_contained(voice):
    page = standalone_html(build_chain_graph(*voice), title="Voice assistants & co")
    assert "<h1>Voice assistants &amp; co</h1>" in page
    assert "<title>Voice assistants &amp; co</title>" in page
    assert "<link" not in page and "<script src" not in page.lower()
    assert not EXTERNAL.search(page)
    assert "vis.Network" in page and "vis-network" in page  # library inlined
    assert 'class="dlc-legend"' in page and "End users" in page
    # The legend names the types drawn, and only those: the fixture has no client.
    assert " Client</li>" not in page and " Subcontractor</li>" in page


def test_safe_json_escapes_everything_that_could_close_a_script():
    text = cg.safe_json({"a": "</script><!-- & \u2028\u2029 >"})
    assert not set("<>&") & set(text)
    assert "\u2028" not in text and "\u2029" not in text
    assert json.loads(text) == {"a": "</script><!-- & \u2028\u2029 >"}


def test_assets_and_licences_are_shipped():
    for name in ("vis-network.min.js", "vis-network.css", "LICENSE-MIT", "LICENSE-APACHE-2.0"):
        assert (cg.ASSETS_DIR / name).is_file(), name
    assert (cg.ASSETS_DIR.parent / "README.md").is_file()
    assert "@version 9.1.2" in (cg.ASSETS_DIR / "vis-network.min.js").read_text()[:400]


# --- scale and purity --------------------------------------------------------------------------

def test_scale_5000_actors_build_and_render():
    rng = random.Random(7)
    types = list(vocab.ACTOR_TYPES)
    countries = ["FR", "MG", "US", "CN", "JP", "ES", "IT", ""]
    actors = actors_df([(f"a{i}", f"Actor {i}", types[i % len(types)], countries[i % 8],
                         i if i % 3 else None, list(vocab.CERTAINTIES)[i % 3], "", "S1")
                        for i in range(5000)], case_id="big")
    links = links_df([(f"l{j}", f"a{rng.randrange(5000)}", f"a{rng.randrange(5000)}",
                       rng.choice(list(vocab.RELATIONS)), "documented") for j in range(10000)],
                     case_id="big")
    sources = sources_df(VOICE_SOURCES, case_id="big")
    g = build_chain_graph(actors, links, sources, focus="a1")
    assert len(g.nodes) == 5000 and len(g.edges) == 10000
    assert all(math.isfinite(n["x"]) and math.isfinite(n["y"]) for n in g.nodes)
    assert chain_graph_html(g).count("<script") == 2


def test_charts_import_no_streamlit():
    code = ("import sys, app.charts.chain_graph; "
            "assert 'streamlit' not in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_cycle_collection_is_back_as_it_was_after_a_build(tiny_dataset):
    import gc

    case = tiny_dataset.only("tiny")
    assert gc.isenabled()
    build_chain_graph(case.actors, case.links, case.sources)
    assert gc.isenabled()
    gc.disable()
    try:
        build_chain_graph(case.actors, case.links, case.sources)
        assert not gc.isenabled()  # a caller that turned it off keeps it off
    finally:
        gc.enable()


# --- built with pyvis, rendered with our template ----------------------------------------------

def test_graph_is_assembled_by_pyvis_and_rendered_by_our_template(voice, monkeypatch):
    from pyvis.network import Network

    calls = {"node": 0, "edge": 0}
    add_node, add_edge = Network.add_node, Network.add_edge

    def counting_node(self, *a, **k):
        calls["node"] += 1
        return add_node(self, *a, **k)

    def counting_edge(self, *a, **k):
        calls["edge"] += 1
        return add_edge(self, *a, **k)

    monkeypatch.setattr(Network, "add_node", counting_node)
    monkeypatch.setattr(Network, "add_edge", counting_edge)
    graph = build_chain_graph(*voice)
    assert calls == {"node": 8, "edge": 9}
    net = cg.new_network()
    assert net.path == cg.TEMPLATE_FILE and net.template_dir == str(cg.TEMPLATE_DIR)
    page = chain_graph_html(graph)
    for outside in ("bootstrap", "cdnjs", "jsdelivr", "unpkg", "innerHTML"):
        assert outside not in page
    assert "beforeDrawing" in page and "window.chainNetwork = net" in page
    data = embedded_data(page)
    assert " ".join(data["lanes"][0]["name"]) == "United States"
    assert data["frame"]["width"] > 0 and data["frame"]["font"] == cg.chain_layout.FONT


def test_a_colour_over_white_is_computed_channel_by_channel():
    # #0072B2 at half strength over white: (0+255)/2, (114+255)/2, (178+255)/2, rounded
    assert palette.over_white("#0072B2", 0.5) == "#80B8D8"
    assert palette.over_white("#0072B2", 1.0) == "#0072B2"
    assert palette.over_white("#0072B2", 0.0) == "#FFFFFF"
