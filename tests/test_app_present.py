"""Presenting the flows, functions and comparison, and talks, through AppTest."""

import json
from urllib.parse import parse_qsl

import pytest

from conftest import PROJECT, bundled_case_ids, run_page

CLICKER_BUTTONS = ["present-previous", "present-next", "present-leave", "present-key-right",
                   "present-key-space", "present-key-left", "present-key-home",
                   "present-key-end", "present-key-b"]


def markdown(at) -> list[str]:
    return [str(m.value) for m in at.markdown]


def step_line(at) -> str:
    return next(m for m in markdown(at) if m.startswith("Step **"))


@pytest.mark.parametrize("page, params, step, heading", [
    ("flows", {"cases": "voice-assistant"}, "Step **1** of 8", "### China → Spain"),
    ("functions", {"cases": "julie-desk"}, "Step **1** of 3",
     "### Three functions of the data work"),
    ("compare", {}, "Step **1** of 8", "### Chain length"),
])
def test_each_view_presents_its_first_step(page, params, step, heading):
    at = run_page(f"app_pages/{page}.py", present="1", **params)
    assert step_line(at) == step
    assert heading in markdown(at)
    assert [b.key for b in at.button] == CLICKER_BUTTONS
    assert len(at.selectbox) == len(at.multiselect) == len(at.button_group) == 0  # no widget
    # of the page itself
    assert at.query_params["step"] == "1"


def test_a_step_names_its_sources_short_and_the_comparison_counts_them_whole():
    """Under a step: references as "Author (year)"; the comparison's line, which counts each
    case's sources, as it is (every case named)."""
    flows = run_page("app_pages/flows.py", present="1", cases="voice-assistant", step="2")
    line = next(m for m in markdown(flows) if "Sources:" in m).replace("\\", "")
    assert "Tubaro (2022)" in line and "Research blog posts" not in line
    compare = run_page("app_pages/compare.py", present="1")
    line = next(m for m in markdown(compare) if "Sources:" in m).replace("\\", "")
    assert "Julie Desk scheduling assistant: 1 source;" in line
    assert line.endswith("Voice-assistant verification chain: 4 sources"), line


def test_next_and_the_clicker_keys_move_the_step():
    at = run_page("app_pages/flows.py", present="1", cases="voice-assistant")
    at.button(key="present-next").click().run()
    assert step_line(at) == "Step **2** of 8"
    at.button(key="present-key-end").click().run()
    assert step_line(at) == "Step **8** of 8"
    assert "### The whole map" in markdown(at)
    at.button(key="present-key-left").click().run()
    assert step_line(at) == "Step **7** of 8"
    at.button(key="present-key-home").click().run()
    assert step_line(at) == "Step **1** of 8"


def test_leaving_returns_to_the_page():
    at = run_page("app_pages/compare.py", present="1", step="4")
    at.button(key="present-leave").click().run()
    assert "present" not in at.query_params and "step" not in at.query_params
    assert at.pills(key="compare-cases-select")  # the page's own controls are back


def test_a_bad_step_or_case_is_noted_not_raised():
    at = run_page("app_pages/functions.py", present="1", step="9999", cases="nope,julie-desk")
    assert step_line(at) == "Step **1** of 3"
    assert any("nope" in str(i.value) for i in at.info)


def released(case_id: str) -> str:
    """A case's current version, as its package declares it."""
    package = PROJECT / "data" / "cases" / case_id / "datapackage.json"
    return json.loads(package.read_text("utf-8"))["version"]


def pins(case_ids) -> str:
    return ",".join(f"{c}:{released(c)}" for c in sorted(case_ids))


def test_a_talk_moves_across_views_and_ends_on_its_qr_step():
    talk = "chain:voice-assistant,flows:voice-assistant,compare"
    at = run_page("app_pages/home.py", talk=talk, step="5")
    assert step_line(at) == "Step **5** of 22"  # 5 chain steps, 8 of flows, 8 measures, QR
    assert at.subheader[0].value.startswith("Part 1 of 3")
    at.button(key="present-key-space").click().run()
    assert step_line(at) == "Step **6** of 22"
    assert at.subheader[0].value.startswith("Part 2 of 3")
    assert "### China → Spain" in markdown(at)
    at.button(key="present-key-end").click().run()
    assert at.subheader[0].value == "This talk on your phone"
    # The comparison shows every case: the link names the version of each.
    assert [c.value for c in at.code] == [
        f"localhost:8501/?talk={talk}&v={pins(bundled_case_ids())}"]
    assert at.button(key="present-next").disabled


def test_a_hostile_talk_keeps_what_plays_and_says_what_it_dropped():
    at = run_page("app_pages/home.py", talk="chain:nope,<b>x</b>,functions", step="1")
    notes = [str(i.value) for i in at.info]
    assert len(notes) == 2 and "it names a case that is not loaded" in notes[0]
    assert at.query_params["talk"] == "functions"
    assert step_line(at) == "Step **1** of 5"


def test_a_talk_of_nothing_says_how_a_talk_is_written():
    at = run_page("app_pages/home.py", talk="")
    assert any("talk=chain:" in str(i.value) for i in at.info)
    assert not at.button


def test_the_talk_builder_makes_the_link_in_the_order_picked():
    at = run_page("app_pages/chain.py", case="voice-assistant")
    assert not [m for m in at.sidebar.multiselect if m.key == "talk-builder-views"]  # closed
    at.session_state["talk-panel"] = True
    at.run()
    views = at.sidebar.multiselect(key="talk-builder-views")
    views.select("compare").run()
    at.sidebar.multiselect(key="talk-builder-views").select("chain:julie-desk").run()
    codes = [c.value for c in at.sidebar.code]
    assert codes[-1] == ("http://localhost:8501/?talk=compare,chain:julie-desk&lang=en"
                         f"&v={pins(bundled_case_ids())}")
    at.sidebar.button(key="talk-builder-start").click().run()
    assert not at.exception
    assert at.query_params["talk"] == "compare,chain:julie-desk"
    assert at.query_params["v"] == pins(bundled_case_ids())
    assert at.subheader[0].value.replace("\\", "") == "Part 1 of 2: Comparison: all cases"


@pytest.mark.parametrize("page, params, label", [
    ("flows", {"cases": "voice-assistant", "relation": "outsources_to"},
     "Present these flows step by step"),
    ("functions", {"cases": "julie-desk", "function": "verification"},
     "Present these functions step by step"),
    ("compare", {"cases": "julie-desk,voice-assistant"}, "Present this comparison step by step"),
])
def test_each_view_has_a_present_link_that_keeps_its_settings(page, params, label):
    at = run_page(f"app_pages/{page}.py", **params)
    links = [link for link in at.get("page_link") if link.proto.label == label]
    assert len(links) == 1
    query = dict(parse_qsl(links[0].proto.query_string))
    assert query == params | {"present": "1", "lang": "en"}
    assert links[0].proto.page == page


def test_the_present_link_is_in_french_too():
    at = run_page("app_pages/compare.py", lang="fr")
    labels = [link.proto.label for link in at.get("page_link")]
    assert "Présenter cette comparaison pas à pas" in labels


def test_a_talk_of_some_cases_pins_only_theirs():
    at = run_page("app_pages/home.py", talk="chain:julie-desk,flows:voice-assistant", step="99")
    assert at.subheader[0].value == "This talk on your phone"
    assert [c.value for c in at.code] == [
        "localhost:8501/?talk=chain:julie-desk,flows:voice-assistant"
        f"&v={pins(['julie-desk', 'voice-assistant'])}"]


def test_a_cited_talk_reopens_as_cited():
    """A talk link pinned to an older release shows that release, and its QR step names it."""
    at = run_page("app_pages/home.py", talk="chain:voice-assistant",
                  v="voice-assistant:1.0.0", step="99")
    assert [c.value for c in at.code] == [
        "localhost:8501/?talk=chain:voice-assistant&v=voice-assistant:1.0.0"]
    assert any("1.0.0" in str(w.value) for w in at.warning)  # the version notice


def font_sizes(node) -> list:
    """Every text size set in a Vega-Lite spec (configuration, axes, legends, marks)."""
    if isinstance(node, dict):
        return [size for key, value in node.items() if key != "datasets"
                for size in ([value] if key in {"fontSize", "labelFontSize", "titleFontSize",
                                                "subtitleFontSize"} else font_sizes(value))]
    if isinstance(node, list):
        return [size for item in node for size in font_sizes(item)]
    return []


@pytest.mark.parametrize("page, params", [
    ("flows", {"cases": "voice-assistant", "step": "3"}),
    ("compare", {"step": "1"}),
    ("functions", {"cases": "julie-desk", "step": "2"}),
])
def test_presented_charts_use_the_slides_type(page, params):
    # Read from the back of a room: no chart text under 20 px, wherever it is set; sizes that
    # grow with the chart's width (the functions diagram) are expressions, not numbers.
    at = run_page(f"app_pages/{page}.py", present="1", **params)
    specs = [json.loads(chart.proto.spec) for chart in at.get("vega_lite_chart")]
    assert specs
    for spec in specs:
        sizes = [s for s in font_sizes(spec) if not isinstance(s, dict)]
        assert sizes and min(sizes) >= 20, sizes
        assert spec["config"]["axis"]["labelFontSize"] >= 20
    page_chart = json.loads(run_page(f"app_pages/{page}.py", **{
        k: v for k, v in params.items() if k != "step"}).get("vega_lite_chart")[0].proto.spec)
    assert min(s for s in font_sizes(page_chart) if not isinstance(s, dict)) < 20  # pages: screen


def test_a_presented_legend_keeps_its_labels_whole():
    # Slide type is 1.6 times the page's: a legend's labels get as much more room, so that
    # "Aucune tâche relevée" is not cut to "Aucune tâche rel…" on a French slide.
    import vl_convert as vlc

    from app.charts.export import export_spec

    at = run_page("app_pages/flows.py", present="1", lang="fr", step="1")
    spec = json.loads(at.get("vega_lite_chart")[0].proto.spec)
    assert spec["config"]["legend"]["labelLimit"] == 256
    svg = vlc.vegalite_to_svg(export_spec(spec))
    assert "Aucune tâche relevée" in svg and "Aucune tâche rel…" not in svg
