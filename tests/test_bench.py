"""The benchmark's own parts, fast and without a server: the synthetic cases it generates and
the way it turns measurements into rows, so that the benchmark cannot break silently.
(The benchmark itself, `python -m bench`, is not run by the test suite.)"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

import pytest

# `bench` is a folder of the project, not an installed package.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.core import network  # noqa: E402
from app.core.load import build_dataset  # noqa: E402
from app.core.validate import check_files  # noqa: E402
from bench import report, synthetic  # noqa: E402
from bench.report import FAIL, INFO, PASS, SKIP, measure  # noqa: E402


@pytest.mark.parametrize("n", [50, 500])
def test_synthetic_case_passes_the_validator_with_the_expected_counts(n):
    files = synthetic.make_case(n, seed=1)
    checked = check_files(files, f"synthetic-{n}")
    assert checked.ok, checked.problems[:5]
    counts = synthetic.type_counts(n)
    assert sum(counts.values()) == n
    assert len(checked.rows["actors"]) == n
    assert 1.5 * n <= len(checked.rows["links"]) <= 2.5 * n  # about two links per actor
    assert len(checked.rows["tasks"]) == counts["worker_pool"] + counts["end_user"]
    assert len(checked.rows["sources"]) == len(synthetic.SOURCES)
    types = [r.cells["actor_type"] for r in checked.rows["actors"]]
    assert {t: types.count(t) for t in counts} == counts
    assert json.loads(files["datapackage.json"])["name"] == f"synthetic-{n}"


def test_synthetic_case_is_deterministic_and_seeded():
    assert synthetic.make_case(50, seed=3) == synthetic.make_case(50, seed=3)
    assert synthetic.make_case(50, seed=3) != synthetic.make_case(50, seed=4)


def test_synthetic_chain_is_layered_client_to_workers():
    checked = check_files(synthetic.make_case(500), "synthetic-500")
    dataset = build_dataset([(checked, "test")])
    layers = network.layer_positions(dataset.actors, dataset.links)
    types = dict(zip(dataset.actors["actor_id"], dataset.actors["actor_type"]))
    column = {t: {layers[a][0] for a, at in types.items() if at == t} for t in set(types.values())}
    assert column["client"] == {0}
    assert max(column["ai_company"]) < min(column["platform"])
    assert max(column["platform"]) < min(column["vendor"] | column["subcontractor"])
    assert max(column["vendor"] | column["subcontractor"]) < max(column["worker_pool"])
    assert min(column["end_user"]) > max(column["worker_pool"])
    relations = set(zip(dataset.links["relation"],
                        dataset.links["to_actor"].map(types)))
    assert {r for r, to in relations if to == "worker_pool"} == {"recruits"}


def test_synthetic_case_refuses_too_few_actors():
    with pytest.raises(ValueError):
        synthetic.make_case(3)


def test_ratio_rows_pass_and_fail_on_the_ratio():
    ok = measure("first render", "/chain", 1.4, "s", baseline=1.0, limit=1.5)
    assert (ok.ratio, ok.target, ok.status) == (pytest.approx(1.4), "<= 1.5x", PASS)
    bad = measure("first render", "/chain", 3.2, "s", baseline=2.0, limit=1.5)
    assert bad.ratio == pytest.approx(1.6) and bad.status == FAIL


def test_plain_rows_check_the_value_and_keep_their_unit():
    assert measure("rerun", "bytes", 99.0, "KB", limit=100).status == PASS
    row = measure("rerun", "bytes", 101.0, "KB", limit=100)
    assert (row.status, row.target) == (FAIL, "<= 100 KB")
    assert measure("crowd", "given back", 0.6, limit=0.5, op=">=").status == PASS
    assert measure("crowd", "errors", 0, limit=0).status == PASS
    assert measure("crowd", "errors", 3, limit=0).status == FAIL
    assert measure("scale", "no target", 5.0, "s").status == INFO
    assert measure("scale", "missing", None, "s", limit=2).status == report.ERROR
    assert measure("scale", "nan", float("nan"), "s", limit=2).status == report.ERROR


def test_table_prints_every_row_with_ratio_target_and_result():
    rows = [measure("first render", "hello world", 0.9, "s"),
            measure("first render", "/chain", 1.8, "s", baseline=0.9, limit=1.5,
                    note="cold 2.5 s"),
            measure("rerun", "bytes", 57.0, "KB", limit=100),
            report.skipped("first render", "/figures", "page not found (404)")]
    lines = report.table_lines(rows)
    assert len(lines) == 2 + len(rows)
    assert len({len(line) for line in lines}) == 1  # aligned
    chain = lines[3]
    assert "1.80 s" in chain and "900 ms" in chain and "2.00x" in chain
    assert "<= 1.5x" in chain and "FAIL (cold 2.5 s)" in chain
    assert "57.0 KB" in lines[4] and "PASS" in lines[4]
    assert SKIP in lines[5] and "404" in lines[5]
    assert report.verdict(rows) == "1 passed, 1 failed, 0 errors, 1 skipped"


def test_first_visit_downloads_are_noted_against_hello_world():
    assert report.downloads_note(62, 2_660_000) == "62 files, 2.7 MB"
    assert (report.downloads_note(129, 5_410_000, baseline=2_660_000)
            == "129 files, 5.4 MB (2.03x hello's)")
    assert report.downloads_note(None, None, baseline=2_660_000) == ""  # not counted
    assert report.downloads_note(0, 0) == ""


def test_results_file_is_strict_json_and_reads_back(tmp_path):
    rows = [measure("scale", "hover", float("nan"), "s", limit=2.0),
            measure("rerun", "chain", 0.05, "s", baseline=0.04, limit=2.0)]
    path = tmp_path / "latest.json"
    report.write_json(path, rows, raw={"p95": float("nan"), "sizes": (50, 500)})
    data = json.loads(path.read_text(), parse_constant=lambda c: pytest.fail(f"{c} in JSON"))
    assert data["raw"] == {"p95": None, "sizes": [50, 500]}
    assert data["verdict"].startswith("1 passed")
    back = report.load_rows(path)
    assert back[1].ratio == pytest.approx(1.25) and back[1].status == PASS
    assert back[0].value is None and back[0].status == report.ERROR


def test_percentile_and_summary():
    values = [float(v) for v in range(1, 101)]
    assert report.percentile(values, 50) == pytest.approx(50.5)
    assert report.percentile(values, 95) == pytest.approx(95.05)
    assert math.isnan(report.percentile([], 95))
    assert report.summary([2.0, 1.0, 3.0])["median"] == 2.0
    assert report.summary([]) == {"n": 0}


def test_client_changes_toggles_and_select_boxes_back_and_forth():
    from bench.wsclient import Widget, change

    toggle = Widget(id="$$ID-abc-chain-documented-toggle", kind="checkbox", value=False)
    assert change(toggle)[0].bool_value is True
    assert change(toggle)[0].bool_value is False
    select = Widget(id="$$ID-def-flows-colour-select", kind="selectbox", value="Function",
                    options=["Function", "Relation"])
    assert change(select)[0].string_value == "Relation"
    assert change(select)[0].string_value == "Function"


def test_client_talks_to_loopback_only():
    from bench.wsclient import Session

    with pytest.raises(ValueError):
        Session(8501, host="example.org")


def test_command_line_has_a_quick_mode():
    from bench.run import QUICK, Profile, main

    assert QUICK.render_repeats < Profile().render_repeats
    assert QUICK.crowd_sessions < Profile().crowd_sessions == 50
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0


def test_servers_run_with_the_environment_and_session_ttl_the_app_is_served_with(tmp_path):
    import re

    from streamlit import config

    from bench import servers

    launcher = (servers.PROJECT / "scripts" / "run-app.sh").read_text(encoding="utf-8")
    assert f"streamlit run {servers.APP_SCRIPT} " in launcher  # the same app, page shells too
    for name, value in servers.SERVICE_ENV.items():
        assert re.search(rf'export {name}="\$\{{{name}:-{value}\}}"', launcher), name
    default = config._config_options_template["server.disconnectedSessionTTL"].default_val
    assert servers.STREAMLIT_SESSION_TTL_S == default
    assert servers.session_ttl_s(tmp_path) == default  # a project without a config
    (tmp_path / ".streamlit").mkdir()
    (tmp_path / ".streamlit" / "config.toml").write_text(
        "[server]\nheadless = true\ndisconnectedSessionTTL = 30\n", encoding="utf-8")
    assert servers.session_ttl_s(tmp_path) == 30


def test_render_rows_judge_chart_pages_against_the_floor_and_text_pages_against_hello():
    results = {
        "hello": {"runs_s": [1.0, 1.0, 1.0], "cold_s": 1.1, "kind": "text", "info": {}},
        "chart-floor": {"runs_s": [1.3, 1.4, 1.2], "cold_s": 1.5, "kind": "charts", "info": {}},
        "home": {"runs_s": [1.4, 1.5, 1.6], "cold_s": 1.6, "kind": "text", "info": {}},
        "chain": {"runs_s": [1.6, 1.6, 1.7], "cold_s": 1.9, "kind": "graph", "info": {}},
        "flows": {"runs_s": [1.7, 1.7, 1.7], "cold_s": 2.0, "kind": "charts", "info": {}},
        "figures": {"skip": "page not found (404)"},
    }
    pages = [("home", "/"), ("chain", "/chain"), ("flows", "/flows"), ("figures", "/figures")]
    rows = report.render_rows("phone render", results, pages, text_limit=1.5, chart_limit=1.25)
    by_name = {row.measure: row for row in rows}
    assert [row.section for row in rows] == ["phone render"] * 6
    assert by_name["floor: hello world + one Vega chart"].ratio == pytest.approx(1.3)
    home = by_name["/ [text]"]  # 1.5 / 1.0 against hello world
    assert (home.ratio, home.target, home.status) == (pytest.approx(1.5), "<= 1.5x", PASS)
    chain = by_name["/chain [graph] vs floor"]  # 1.6 / 1.3
    assert (chain.baseline, chain.target, chain.status) == (1.3, "<= 1.25x", PASS)
    assert chain.ratio == pytest.approx(1.6 / 1.3)
    flows = by_name["/flows [charts] vs floor"]  # 1.7 / 1.3 = 1.31
    assert flows.status == FAIL and "1.70x hello" in flows.note
    # Each round against the floor of the same round: 1.7/1.3, 1.7/1.4, 1.7/1.2.
    assert "round by round 1.31x (1.21-1.42x)" in flows.note
    assert "round by round 1.50x (1.40-1.60x)" in home.note  # a text page: against hello
    assert by_name["/figures"].status == SKIP


def test_render_rows_say_what_a_page_of_its_own_address_costs_the_floor():
    results = {
        "hello": {"runs_s": [1.0], "cold_s": 1.1, "kind": "text", "info": {}},
        "chart-floor": {"runs_s": [1.2, 1.2], "cold_s": 1.5, "kind": "charts", "info": {}},
        "chart-floor-subpage": {"runs_s": [1.3, 1.5, 1.5], "cold_s": 1.6, "kind": "charts",
                                "info": {}},
    }
    results["flows"] = {"runs_s": [1.8], "cold_s": 2.0, "kind": "charts", "info": {}}
    rows = report.render_rows("first render", results, [("flows", "/flows")], text_limit=1.5,
                              chart_limit=1.25)
    subpage, flows = rows[-2:]
    assert subpage.measure == "the floor at a page's own address (/chart)"
    assert (subpage.value, subpage.baseline) == (1.5, 1.2)  # medians; against the floor
    assert subpage.ratio == pytest.approx(1.25) and subpage.target == ""  # information only
    # Judged against the floor at `/` (1.8 / 1.2), and said against the other (1.8 / 1.5).
    assert flows.ratio == pytest.approx(1.5) and flows.status == FAIL
    assert "1.20x the floor at /chart" in flows.note


def test_round_by_round_needs_paired_rounds():
    # Rounds of 2/1, 3/2, 5/2: the median of the ratios, not the ratio of the medians (1.5).
    assert report.round_by_round([2.0, 3.0, 5.0], [1.0, 2.0, 2.0]) == \
        "round by round 2.00x (1.50-2.50x)"
    assert report.round_by_round([2.0, 3.0], [1.0, 2.0, 2.0]) == ""  # a load failed
    assert report.round_by_round([2.0], [1.0]) == ""  # one round says nothing of spread
    assert report.round_by_round([2.0, 3.0], None) == ""


def test_render_rows_without_hello_world_is_one_error_row():
    rows = report.render_rows("first render", {"hello": {"error": "timeout"}}, [("home", "/")],
                              text_limit=1.5, chart_limit=1.25)
    assert [row.status for row in rows] == [report.ERROR] and "timeout" in rows[0].note


class _RecordingBrowser:
    """Stands in for bench.browser.Browser: every load is quick and recorded in order."""

    def __init__(self):
        self.loads: list[str] = []

    def load(self, url, **_):
        from bench.browser import Load
        self.loads.append(url)
        return Load(seconds=1.0, kind="charts")


def test_first_render_rounds_load_every_page_once_in_an_order_of_their_own():
    from bench.browser import DESKTOP
    from bench.run import _render_device

    targets = [(name, f"http://127.0.0.1/{name}", "charts")
               for name in ("hello", "floor", "chain", "flows", "platforms")]
    browser = _RecordingBrowser()
    results = _render_device(browser, DESKTOP, targets, repeats=4)
    assert all(len(result["runs_s"]) == 4 for result in results.values())
    cold, timed = browser.loads[:5], browser.loads[5:]
    assert cold == [url for _, url, _ in targets]
    rounds = [timed[i:i + 5] for i in range(0, 20, 5)]
    assert all(sorted(r) == sorted(cold) for r in rounds)
    # No page always follows the same one (a floor is not always after hello-world) ...
    assert len({tuple(r) for r in rounds}) > 1
    # ... and the orders are the same in every run, so two runs compare.
    again = _RecordingBrowser()
    _render_device(again, DESKTOP, targets, repeats=4)
    assert again.loads == browser.loads
