"""A case built in the browser, without Streamlit: drafts made empty, from the template and
as copies; checked by the validator of uploads with rows numbered as in the editor; the valid
part for the drawing; edits folded in; the zip accepted by both validators."""

import csv
import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from app.core import draft as drafts
from app.core import schema
from app.core.messages import MESSAGES
from app.core.validate import check_files
from conftest import PROJECT

FRICTIONLESS = Path(sys.executable).parent / "frictionless"


def three_actor_draft() -> drafts.Draft:
    """The case a new user builds: three actors, two links, one task, one source."""
    draft = drafts.with_meta(drafts.empty_draft(), title="A chain typed in the browser",
                             product="Image recognition", period="2024",
                             description="A firm, its platform and its workers.")
    edits = {
        "sources": [{"source_id": "S1", "citation": "Author, A. (2024). Fieldwork.",
                     "year": 2024.0, "kind": "article", "primary": True}],
        "actors": [
            {"actor_id": "firm", "name": "AI firm", "actor_type": "ai_company",
             "source_ids": ["S1"], "certainty": "documented", "country": "FR",
             "country_source_ids": ["S1"], "anonymised": False},
            {"actor_id": "platform", "name": "Task platform", "actor_type": "platform",
             "source_ids": ["S1"], "certainty": "documented", "anonymised": False},
            {"actor_id": "workers", "name": "Data workers", "actor_type": "worker_pool",
             "source_ids": ["S1"], "certainty": "documented", "country": "MG",
             "country_source_ids": ["S1"], "workers": 120, "anonymised": False}],
        "links": [
            {"link_id": "l1", "from_actor": "firm", "to_actor": "platform",
             "relation": "outsources_to", "source_ids": ["S1"], "certainty": "documented"},
            {"link_id": "l2", "from_actor": "platform", "to_actor": "workers",
             "relation": "recruits", "source_ids": ["S1"], "certainty": "documented"}],
        "tasks": [{"task_id": "t1", "actor_id": "workers", "task": "Check labels",
                   "function": "verification", "data_type": "image", "paid": True,
                   "source_ids": ["S1"], "certainty": "documented"}],
    }
    for table, rows in edits.items():
        draft = drafts.apply_edits(draft, table, {"added_rows": rows})
    return draft


def test_an_empty_draft_asks_only_for_the_case_metadata():
    checked = drafts.check(drafts.empty_draft(), "my-case")
    assert {(p.file, p.column) for p in checked.problems} == {
        ("datapackage.json", "title"), ("datapackage.json", "description"),
        ("datapackage.json", "product"), ("datapackage.json", "period")}
    assert all(len(frame) == 0 for frame in checked.valid.values())


def test_the_template_is_valid_and_has_two_rows_per_table():
    draft = drafts.template_draft()
    assert drafts.row_counts(draft) == {"actors": 2, "links": 2, "tasks": 2, "sources": 2}
    assert draft.meta["title"] == "My case"
    assert drafts.check(draft, "my-case").ok


def test_a_copy_of_every_bundled_case_is_valid():
    from app.core.load import load_dataset

    dataset = load_dataset(extra_dir=None)
    for case_id in dataset.case_ids:
        copy = drafts.from_dataset(dataset, case_id)
        assert drafts.check(copy, f"{case_id}-copy").ok, case_id
    # Julie Desk's phases come with its tasks; the copy is titled as one, in both languages.
    julie = drafts.from_dataset(dataset, "julie-desk")
    assert julie.meta["title"] == "Copy of " + dataset.case_info("julie-desk")["title"]
    assert julie.extra["title_fr"] == "Copie de " + dataset.case_info("julie-desk")["title_fr"]
    assert [p["id"] for p in julie.extra["phases"]] == ["by-hand", "loop"]  # data/cases/julie-desk


def test_the_typed_case_is_valid_and_drawn_whole():
    checked = drafts.check(three_actor_draft(), "a-chain")
    assert checked.ok, [str(p) for p in checked.problems]
    assert [len(checked.valid[t]) for t in ("actors", "links", "tasks", "sources")] == [
        3, 2, 1, 1]
    assert list(checked.valid["actors"]["country"]) == ["FR", "", "MG"]


@pytest.mark.parametrize("table, column, value, key", [
    ("actors", "actor_type", "robot", "problem.not_allowed"),
    ("actors", "actor_id", "Firm One", "problem.id"),
    ("actors", "certainty", "", "problem.required"),
    ("actors", "name", " AI firm", "problem.spaces"),
    ("actors", "country", "XX", "problem.country"),
    ("actors", "name", "=HYPERLINK(1)", "problem.formula"),
    ("actors", "workers", "many", "problem.whole_number"),
    ("links", "to_actor", "ghost", "problem.unknown_reference"),
    ("links", "source_ids", "S9", "problem.unknown_source"),
    ("links", "link_id", "l1", "problem.duplicate_key"),
    ("tasks", "subfunction", "annotation", "problem.subfunction_extra"),
    ("sources", "year", "1800", "problem.at_least"),
    ("sources", "url", "ftp://x", "problem.url"),
])
def test_each_kind_of_error_names_table_row_column_and_value(table, column, value, key):
    """Row 2 of the editor (line 3 of its file) is broken; the problem says so."""
    draft = three_actor_draft()
    row = 1 if len(draft.tables[table]) > 1 else 0
    frame = draft.tables[table].copy()
    frame.loc[row, column] = value
    broken = drafts.Draft(draft.meta, draft.tables | {table: frame}, draft.extra)
    problems = drafts.check(broken, "a-chain").problems
    found = [p for p in problems if p.key == key]
    assert found, [str(p) for p in problems]
    assert (found[0].file, found[0].line, found[0].column, found[0].value) == (
        f"{table}.csv", row + 1, column, value)
    assert found[0].text("fr") and found[0].text("en") != key


def test_the_valid_part_leaves_out_broken_rows_and_what_rests_on_them():
    draft = three_actor_draft()
    actors = draft.tables["actors"].copy()
    actors.loc[1, "actor_type"] = "robot"  # the platform
    checked = drafts.check(drafts.Draft(draft.meta, draft.tables | {"actors": actors}),
                           "a-chain")
    assert list(checked.valid["actors"]["actor_id"]) == ["firm", "workers"]
    assert list(checked.valid["links"]["link_id"]) == []  # both links touch the platform
    assert list(checked.valid["tasks"]["task_id"]) == ["t1"]


def test_a_line_break_in_a_cell_keeps_rows_numbered_as_in_the_editor():
    draft = three_actor_draft()
    actors = draft.tables["actors"].copy()
    actors.loc[0, "description"] = "two\nlines"
    actors.loc[2, "actor_type"] = "robot"
    problems = drafts.check(drafts.Draft(draft.meta, draft.tables | {"actors": actors}),
                            "a-chain").problems
    assert [(p.file, p.line, p.column) for p in problems] == [
        ("actors.csv", 3, "actor_type")]


def test_limits_of_uploads_apply():
    draft = drafts.with_meta(three_actor_draft(), title="x" * 201)
    assert "problem.title_too_long" in {p.key for p in drafts.check(draft, "x").problems}


def test_edits_from_the_grid_are_folded_in():
    draft = three_actor_draft()
    edited = drafts.apply_edits(draft, "actors", {
        "edited_rows": {"0": {"name": "Lead firm", "workers": 12.0}},
        "deleted_rows": [1], "added_rows": [{"actor_id": "new", "anonymised": True}]})
    frame = edited.tables["actors"]
    assert list(frame["actor_id"]) == ["firm", "workers", "new"]
    assert list(frame["name"]) == ["Lead firm", "Data workers", ""]
    assert list(frame["workers"]) == ["12", "120", ""]
    assert list(frame["anonymised"]) == ["false", "false", "true"]
    assert draft.tables["actors"]["name"][0] == "AI firm"  # the draft itself is unchanged


def test_the_grid_gets_typed_cells_and_gives_text_back():
    draft = three_actor_draft()
    frame = drafts.editor_frame(draft, "actors")
    assert frame.loc[0, "source_ids"] == ["S1"]
    assert frame.loc[2, "workers"] == 120 and frame.loc[0, "anonymised"] is False or (
        not frame.loc[0, "anonymised"])
    assert frame.loc[1, "country"] is None  # a drop-down with nothing chosen
    assert drafts.cell_text(["S1", "P2"]) == "S1;P2"
    assert drafts.cell_text(2024.0) == "2024"
    assert drafts.cell_text(None) == "" and drafts.cell_text(float("nan")) == ""
    assert drafts.options(draft, "actors") == ["firm", "platform", "workers"]


def test_drop_downs_name_actors_and_links_and_keep_the_key_the_cell_holds():
    draft = three_actor_draft()
    actors = drafts.option_labels(draft, "actors")
    assert list(actors) == drafts.options(draft, "actors")
    assert actors["workers"] == "Data workers (workers)"
    links = drafts.option_labels(draft, "links")
    assert links["l1"] == "l1: firm → platform"
    # A row not named yet is offered by its key alone.
    unnamed = drafts.apply_edits(draft, "actors", {"added_rows": [{"actor_id": "x9"}]})
    assert drafts.option_labels(unnamed, "actors")["x9"] == "x9"


def test_the_case_id_comes_from_the_title_and_never_takes_a_shown_case():
    assert drafts.case_id_for("Voice assistant") == "voice-assistant"
    assert drafts.case_id_for("Voice assistant", {"voice-assistant"}) == "voice-assistant-2"
    assert drafts.case_id_for("") == "my-case"


def _unzip(data: bytes, into: Path) -> Path:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        archive.extractall(into)
    assert len({n.split("/")[0] for n in names}) == 1
    return into / names[0].split("/")[0]


def test_the_zip_passes_both_validators(tmp_path):
    folder = _unzip(drafts.zip_bytes(three_actor_draft(), "a-chain"), tmp_path)
    assert folder.name == "a-chain"
    assert sorted(p.name for p in folder.iterdir()) == [
        "actors.csv", "datapackage.json", "links.csv", "sources.csv", "tasks.csv"]
    ours = subprocess.run([sys.executable, "-m", "app.core.validate", str(folder)],
                          cwd=PROJECT, capture_output=True, text=True)
    assert ours.returncode == 0, ours.stdout
    theirs = subprocess.run([str(FRICTIONLESS), "validate", str(folder / "datapackage.json")],
                            cwd=PROJECT, capture_output=True, text=True)
    assert theirs.returncode == 0, theirs.stdout
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert package["name"] == "a-chain"
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    assert package["sources"] == [{"title": "Author, A. (2024). Fieldwork."}]


def test_a_zip_of_an_invalid_draft_keeps_the_work_and_runs_no_formula():
    draft = three_actor_draft()
    actors = draft.tables["actors"].copy()
    actors.loc[0, "name"] = "=HYPERLINK(\"http://203.0.113.9\")"
    actors.loc[1, "name"] = "<img src=x onerror=alert(1)>"
    data = drafts.zip_bytes(drafts.Draft(draft.meta, draft.tables | {"actors": actors}), "x")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        rows = list(csv.DictReader(io.StringIO(archive.read("x/actors.csv").decode())))
    assert [r["name"] for r in rows] == ["'=HYPERLINK(\"http://203.0.113.9\")",
                                         "<img src=x onerror=alert(1)>", "Data workers"]


def test_the_draft_becomes_the_case_an_upload_becomes():
    case = drafts.to_case(three_actor_draft(), "a-chain")
    assert case.case_id == "a-chain"
    assert check_files(case.files, "a-chain").ok


def test_every_column_is_explained_in_both_languages():
    for table in schema.CASE_TABLES:
        for column in table.columns:
            entry = MESSAGES[f"build.help.{table.name}.{column.name}"]
            assert entry["en"].strip() and entry["fr"].strip()


def test_countries_are_offered_by_name_in_the_readers_language():
    french = drafts.country_options("fr")
    assert len(french) == len(set(french)) > 240
    # "Équateur" sorts among the E's in French; "Ecuador" in English.
    assert french.index("EC") < french.index("ES") < french.index("FR")
    assert drafts.country_options("en").index("DE") < drafts.country_options("en").index("GH")
