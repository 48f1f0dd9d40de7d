"""The chain figure for papers and slides: SVG, PDF and PNG from the screen's own layout.

Each export must parse, carry every actor's name (as its wrapped lines) and the figure note,
and reach for nothing outside the file.
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET

import pytest

from app.charts import chain_figure as cf
from app.charts import chain_layout as cl
from app.charts.chain_graph import build_chain_graph, reveal
from conftest import bundled, bundled_case_ids

URL = "http://localhost:8501/chain?case=voice-assistant&layout=lanes"
SVG_NS = "{http://www.w3.org/2000/svg}"


def figure(case_id: str, lang: str = "en", **kw):
    case = bundled().only(case_id)
    graph = build_chain_graph(case.actors, case.links, case.sources, lang=lang, **kw)
    note = cf.figure_note(title=f"Title of {case_id}", citations=["Tubaro & Casilli (2019)",
                                                                  "Le Ludec et al. (2023)"],
                          data_version=f"{case_id} 1.0.0", url=URL, lang=lang,
                          layout=graph.layout)
    return graph, cf.figure_spec(graph, title=f"Title of {case_id}", note=note, lang=lang), note


# The actor types' names in the legend, in English (as the data dictionary words them).
LEGEND_TYPES = {"client": "Client", "ai_company": "AI company", "platform": "Platform",
                "vendor": "Vendor", "subcontractor": "Subcontractor",
                "supervisor": "Supervisor", "worker_pool": "Workers", "end_user": "End users"}


def svg_texts(svg: bytes) -> list[str]:
    root = ET.fromstring(svg)
    return ["".join(el.itertext()) for el in root.iter(f"{SVG_NS}text")]


@pytest.mark.parametrize("case_id", bundled_case_ids())
def test_svg_parses_and_names_every_actor_and_the_note(case_id):
    graph, spec, note = figure(case_id)
    svg = cf.figure_svg(spec)
    texts = svg_texts(svg)
    joined = "\n".join(texts)
    for lay in graph.layouts:
        for placed in lay.actors.values():
            for line in placed.lines:
                assert line in joined, line
        for lane in lay.lanes:
            assert all(line in joined for line in lane.name_lines)
    flat = "".join(texts).replace(" ", "")
    assert note.replace(" ", "") in flat  # every word of the note, wrapped or not
    assert f"Title of {case_id}" in joined
    # The legend: the actor types and certainties drawn, and no other.
    drawn = {n["actor_type"] for n in graph.nodes}
    for actor_type, label in LEGEND_TYPES.items():
        assert (label in texts) == (actor_type in drawn), (label, drawn)
    assert "Documented link" in texts
    assert not re.search(rb"(href|src)=[\"'](https?:)?//", svg)
    assert b"<image" not in svg


@pytest.mark.parametrize("case_id", bundled_case_ids())
def test_pdf_parses_and_carries_names_and_note(case_id):
    import pypdf  # a test dependency: missing, the test fails rather than skips
    graph, spec, note = figure(case_id, lang="fr")
    pdf = cf.figure_pdf(spec)
    assert pdf.startswith(b"%PDF")
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    flat = re.sub(r"\s+", "", text)
    for lay in graph.layouts:
        for placed in lay.actors.values():
            for line in placed.lines:
                assert re.sub(r"\s+", "", line) in flat, line
    assert re.sub(r"\s+", "", note) in flat
    assert "Paysnonindiqué" in flat or case_id == "retail-video-surveillance"
    assert b"/URI" not in pdf and b"http://cdn" not in pdf


def test_png_has_the_print_size():
    from PIL import Image

    graph, spec, _ = figure("voice-assistant")
    png = cf.figure_png(spec)
    image = Image.open(io.BytesIO(png))
    # twice the drawing's width (1,228 units: the lane names beside five columns) plus the
    # 16-unit padding on each side, 2 x (1228 + 32) = 2,520 pixels, and at most a few more
    # for the lane bands' outer stroke: a figure about 21 cm wide at 300 dpi
    assert round(graph.frame["width"]) == 1228
    assert 2520 <= image.size[0] <= 2530
    assert image.size[1] > 1500


def test_the_figure_shows_what_the_screen_shows():
    # focused: greyed actors keep their grey; a presenter's step hides what is not yet told
    case = bundled().only("voice-assistant")
    focused = build_chain_graph(case.actors, case.links, case.sources,
                                focus="spanish-subcontractor")
    spec = cf.figure_spec(focused, title="t", note="n")
    markers = next(layer for layer in spec["vconcat"][0]["layer"]
                   if layer["mark"].get("type") == "point" and "shape" in layer["encoding"])
    values = markers["data"]["values"]
    # the greyed ones: pale grey (#BBBBBB at 30 % over white) in a grey outline
    assert {(m["fill"], m["stroke"]) for m in values} >= {("#EBEBEB", "#BBBBBB")}
    # outlines dashed as on screen: inferred [2, 5] (vis-network's), documented solid
    assert {tuple(m["dash"]) for m in values} >= {(2, 5), (1, 0)}
    step = reveal(focused, ["lead-firm", "chinese-platform"], ["l1"])
    spec = cf.figure_spec(step, title="t", note="n")
    texts = "".join(svg_texts(cf.figure_svg(spec))).replace(" ", "")
    assert "Chineseplatform" in texts and "WorkersinFrance" not in texts


def test_names_sit_on_a_white_halo_that_breaks_the_links_crossing_them():
    # The retail case's start-up sends a link downwards through its own name: on paper as on
    # screen, the line stops round the letters (a white outline, 4 units wide, under them).
    graph, spec, _ = figure("retail-video-surveillance")
    layers = spec["vconcat"][0]["layer"]
    names = next(i for i, layer in enumerate(layers) if layer["mark"].get("type") == "text"
                 and "color" in layer["encoding"] and layer["mark"].get("align") == "center")
    halo = layers[names - 1]
    assert halo["data"] == layers[names]["data"]
    assert (halo["mark"]["stroke"], halo["mark"]["fill"], halo["mark"]["strokeWidth"]) == (
        "white", "white", 4)
    font = graph.options["nodes"]["font"]
    assert (font["strokeWidth"], font["strokeColor"]) == (4, "#ffffff")


def test_columns_layout_exports_too_and_says_so():
    graph, spec, note = figure("retail-video-surveillance", layout="columns")
    assert graph.layout == "columns" and "one lane per country" not in note
    assert svg_texts(cf.figure_svg(spec))


def test_arrow_tip_touches_the_marker_and_points_along_the_link():
    x, y, angle = cf._arrow_tip([(0.0, 0.0), (100.0, 0.0)], 10)
    assert (x, y) == pytest.approx((90, 0)) and angle == pytest.approx(90)
    x, y, angle = cf._arrow_tip([(0.0, 0.0), (0.0, 100.0)], 10)
    assert (x, y) == pytest.approx((0, 90)) and angle == pytest.approx(180)
    assert cl.FONT > 0
