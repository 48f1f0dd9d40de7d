"""Views pinned to a data version, through the whole app (AppTest): the cited rows, the notice,
the link back to the current data, unknown versions, the share link and the cited sources."""

import csv
import json
from urllib.parse import parse_qsl, urlsplit

import pytest

from conftest import PROJECT, run_page

CASES = PROJECT / "data" / "cases"
RELEASES = PROJECT / "data" / "releases"


def rows(folder, table):
    with open(folder / f"{table}.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def current_version(case_id):
    return json.loads((CASES / case_id / "datapackage.json").read_text("utf-8"))["version"]


TABS = {"links": "Links", "actors": "Actors", "tasks": "Tasks"}


def changed_citation():
    """A case, a table, and a source its rows cite whose citation differs between 1.0.0 and
    now (read from the files themselves, not through the app)."""
    for folder in sorted(CASES.iterdir()):
        old_folder = RELEASES / folder.name / "1.0.0"
        if not old_folder.is_dir():
            continue
        old = {r["source_id"]: r["citation"] for r in rows(old_folder, "sources")}
        new = {r["source_id"]: r["citation"] for r in rows(folder, "sources")}
        for table in TABS:
            cited = {k.strip() for r in rows(folder, table) for k in r["source_ids"].split(";")}
            for key in sorted(cited):
                if key in old and key in new and old[key] != new[key]:
                    return folder.name, table, old[key], new[key]
    pytest.fail("no cited source changed since 1.0.0: nothing to show a pinned view with")


def table_text(table: str, **params) -> tuple[object, str]:
    """Open the chain page with `params` and `table` shown; the app and its table's text."""
    at = run_page("app_pages/chain.py", show=table, **params)
    frame = at.dataframe[0].value
    return at, " ".join(str(v) for v in frame.to_numpy().ravel())


def test_a_link_to_1_0_0_shows_1_0_0_rows_and_the_notice():
    case_id, table, old, new = changed_citation()
    at, shown = table_text(table, case=case_id, v=f"{case_id}:1.0.0")
    assert old in shown and new not in shown
    [warning] = at.warning
    text = warning.value
    assert "1\\.0\\.0" in text or "1.0.0" in text
    assert current_version(case_id) in text
    package = json.loads((CASES / case_id / "datapackage.json").read_text("utf-8"))
    newest = package["changelog"][0]
    assert newest["version"] in text  # what changed since, from the changelog
    # The way back: the same view (same case), no version.
    link = text[text.index("](") + 2:text.rindex(")")]
    params = dict(parse_qsl(urlsplit(link).query))
    assert params["case"] == case_id and "v" not in params


def test_the_same_view_without_a_version_shows_the_current_rows():
    case_id, table, old, new = changed_citation()
    at, shown = table_text(table, case=case_id)
    assert new in shown and old not in shown
    assert not at.warning


def test_the_pin_follows_the_reader_to_other_pages():
    case_id, *_ = changed_citation()
    at = run_page("app_pages/chain.py", case=case_id, v=f"{case_id}:1.0.0")
    at.switch_page("app_pages/sources.py").run()
    assert not at.exception
    assert at.query_params["v"] == f"{case_id}:1.0.0"
    assert len(at.warning) == 1


def test_the_french_notice():
    case_id, *_ = changed_citation()
    at = run_page("app_pages/chain.py", case=case_id, v=f"{case_id}:1.0.0", lang="fr")
    assert "Vous lisez" in at.warning[0].value
    assert "données actuelles" in at.warning[0].value


def test_an_unknown_version_shows_current_data_with_a_notice():
    case_id, table, old, new = changed_citation()
    at, shown = table_text(table, case=case_id, v=f"{case_id}:9.9.9")
    assert new in shown and old not in shown
    notices = [i.value for i in at.info if "9\\.9\\.9" in i.value]
    assert notices and "never released" in notices[0] and "1.0.0" in notices[0]


@pytest.mark.parametrize("raw", ["not-a-version", "nosuchcase:1.0.0"])
def test_a_version_that_cannot_be_read_is_dropped_with_a_notice(raw):
    at = run_page("app_pages/chain.py", case="voice-assistant", v=raw)
    assert "v" not in at.query_params
    assert any("`v`" in i.value for i in at.info)


def share_link(at) -> str:
    at.session_state["share-panel"] = True
    at.run()
    return at.sidebar.code[0].value


def test_the_share_link_names_the_version_and_reopens_the_same_view():
    case_id = "voice-assistant"
    at = run_page("app_pages/chain.py", case=case_id, function="verification")
    link = share_link(at)
    params = dict(parse_qsl(urlsplit(link).query))
    assert params["v"] == f"{case_id}:{current_version(case_id)}"
    assert "v=voice-assistant:" in link  # readable, not percent-encoded
    again = run_page("app_pages/chain.py", **params)
    assert again.button_group(key="chain-function-select").value == "verification"
    assert not again.warning and dict(parse_qsl(urlsplit(share_link(again)).query)) == params


def test_a_pinned_view_s_share_link_keeps_its_version():
    case_id, *_ = changed_citation()
    at = run_page("app_pages/chain.py", case=case_id, v=f"{case_id}:1.0.0")
    params = dict(parse_qsl(urlsplit(share_link(at)).query))
    assert params["v"] == f"{case_id}:1.0.0"


def test_reference_pages_name_the_reference_version():
    at = run_page("app_pages/figures.py")
    params = dict(parse_qsl(urlsplit(share_link(at)).query))
    reference = json.loads((PROJECT / "data" / "reference" / "datapackage.json").read_text(
        "utf-8"))["version"]
    assert f"reference:{reference}" in params["v"].split(",")


def test_the_cite_panel_gives_the_sources_behind_the_view():
    at = run_page("app_pages/chain.py", case="voice-assistant")
    share_link(at)
    codes = [c.value for c in at.sidebar.code]
    text, bibtex = codes[-2], codes[-1]
    cited = {k.strip() for table in ("actors", "links", "tasks")
             for r in rows(CASES / "voice-assistant", table) for k in r["source_ids"].split(";")}
    for key in cited:
        assert f"[{key}]" in text
    assert bibtex.count("@misc{src-") == len(cited)
    assert "doi = {10.1177/2053951720919776}" in bibtex  # S3's DOI


def test_the_dossier_button_is_on_the_chain_page():
    at = run_page("app_pages/chain.py", case="canteen-terminal")
    assert "chain-dossier-download" in {str(b.key) for b in at.get("download_button")}


def test_a_case_from_the_data_dir_keeps_its_own_version_in_links(monkeypatch):
    from conftest import CASES as FIXTURE_CASES

    monkeypatch.setenv("DLC_DATA_DIR", str(FIXTURE_CASES))
    version = json.loads((FIXTURE_CASES / "tiny" / "datapackage.json").read_text(
        "utf-8"))["version"]
    at = run_page("app_pages/chain.py", case="tiny")
    link = share_link(at)
    assert dict(parse_qsl(urlsplit(link).query))["v"] == f"tiny:{version}"
    again = run_page("app_pages/chain.py", case="tiny", v=f"tiny:{version}")
    assert not again.info and not again.warning
    unknown = run_page("app_pages/chain.py", case="tiny", v="tiny:9.9.9")
    assert any("never released" in i.value for i in unknown.info)


def test_a_hostile_version_parameter_stays_text_and_brief():
    raw = ",".join(["<script>alert(1)</script>"] * 30 + ["[x](http://203.0.113.9/p.png):1.0.0"])
    at = run_page("app_pages/chain.py", case="voice-assistant", v=raw)
    notices = [i.value for i in at.info if "`v`" in i.value]
    assert 1 <= len(notices) <= 6
    assert all("<script>" not in n and "](http" not in n for n in notices)
    assert "v" not in at.query_params
