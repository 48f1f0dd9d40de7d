"""The validator: one broken folder per kind of error, each with its exact message."""

import shutil
import subprocess
import sys

import pytest

from app.core.validate import check_folder, is_formula
from conftest import BROKEN, CASES, PROJECT

# folder -> (file, line, column, message) of the first problem reported
EXPECTED = {
    "missing-file": ("tasks.csv", None, None,
                     "missing file; a folder needs actors.csv, links.csv, tasks.csv, sources.csv"),
    "missing-package": ("datapackage.json", None, None,
                        "missing file; a folder needs a datapackage.json with name, title, "
                        "description, product, period, licenses, sources"),
    "package-name": ("datapackage.json", None, "name",
                     "'name' must be the folder's name, 'package-name'"),
    "missing-column": ("actors.csv", 1, None,
                       "missing column 'certainty'; the header must have actor_id, name, "
                       "actor_type, source_ids, certainty"),
    "empty-required": ("actors.csv", 3, "name", "required; the cell is empty"),
    "bad-vocabulary": ("actors.csv", 2, "actor_type",
                       "not allowed; use one of: client, ai_company, platform, vendor, "
                       "subcontractor, supervisor, worker_pool, end_user"),
    "unknown-country": ("actors.csv", 3, "country",
                        "not an ISO 3166-1 alpha-2 country code (e.g. FR, MG, US); leave it "
                        "empty when no source says"),
    "duplicate-id": ("actors.csv", 5, "actor_id", "duplicate actor_id; already used on line 2"),
    "unknown-actor": ("links.csv", 3, "to_actor", "no actor_id 'ghost' in actors.csv"),
    "unknown-link": ("tasks.csv", 3, "link_id", "no link_id 'l9' in links.csv"),
    "unknown-source": ("links.csv", 4, "source_ids",
                       "cites source 'Z9' that is not in sources.csv"),
    "bad-year": ("sources.csv", 3, "year", "must be a whole number (digits only)"),
    "bad-headcount": ("actors.csv", 4, "workers", "must be a whole number (digits only)"),
    "bad-boolean": ("tasks.csv", 4, "paid", "must be true or false"),
    "not-utf8": ("actors.csv", 5, "name", 'the file is not UTF-8 text; save it as "CSV UTF-8"'),
    "formula": ("actors.csv", 3, "description",
                "starts like a spreadsheet formula (=, +, -, @), which a spreadsheet would run; "
                "start the text with a word instead"),
    "subfunction-missing": ("tasks.csv", 2, "subfunction",
                            "a preparation task needs a subfunction: generation or annotation"),
    "subfunction-extra": ("tasks.csv", 3, "subfunction",
                          "only preparation tasks have a subfunction; leave it empty for "
                          "verification"),
    "bad-id": ("actors.csv", 2, "actor_id",
               "must be a lowercase key: letters a-z, digits, '-' or '_'"),
    "bad-url": ("sources.csv", 2, "url",
                "must be a web address starting with https:// or http://"),
    "wrong-cell-count": ("links.csv", 3, None, "the row has 8 cells but the header has 7 columns"),
}


def test_every_broken_fixture_is_listed():
    assert sorted(p.name for p in BROKEN.iterdir()) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_folder_message(name):
    checked = check_folder(BROKEN / name)
    assert not checked.ok
    first = checked.problems[0]
    assert (first.file, first.line, first.column, first.message) == EXPECTED[name]


def test_message_names_file_line_column_and_value():
    problem = check_folder(BROKEN / "bad-vocabulary").problems[0]
    assert str(problem).startswith("actors.csv, line 2, column 'actor_type', value 'robot': ")


def test_valid_fixture_is_clean():
    assert check_folder(CASES / "tiny").problems == []


def test_file_too_large(tmp_path):
    folder = tmp_path / "huge"
    shutil.copytree(CASES / "tiny", folder)
    (folder / "datapackage.json").write_text(
        (folder / "datapackage.json").read_text().replace('"name": "tiny"', '"name": "huge"'))
    padding = "x" * 1000
    with (folder / "actors.csv").open("a") as handle:
        for i in range(5300):
            handle.write(f"a{i},Name {i},worker_pool,FR,,false,{padding},A1,documented\n")
    problem = check_folder(folder).problems[0]
    assert (problem.file, problem.line) == ("actors.csv", None)
    assert problem.message == "the file is larger than 5 MB, the most a curated table may be"


@pytest.mark.parametrize("text, formula", [
    ("=1+1", True), ("+33 1 23", True), ("-x", True), ("@SUM(A1)", True), ("-12.5", False),
    ("+3", False), ("plain", False), ("1e5", False),
])
def test_formula_detection(text, formula):
    assert is_formula(text) is formula


def run_cli(path):
    return subprocess.run([sys.executable, "-m", "app.core.validate", str(path)],
                          capture_output=True, text=True, cwd=PROJECT, timeout=60)


def test_cli_exit_codes():
    clean = run_cli(CASES / "tiny")
    assert clean.returncode == 0 and "ok:" in clean.stdout
    broken = run_cli(BROKEN)
    assert broken.returncode == 1
    assert "links.csv, line 3, column 'to_actor', value 'ghost'" in broken.stdout
    assert f"0 of {len(EXPECTED)} folder(s) valid" in broken.stdout
    assert run_cli(PROJECT / "no-such-folder").returncode == 2


# --- A case's scope and phases (package properties) and a task's phase -----------------------

def _tiny_copy(tmp_path, package_changes: dict, phase_cell: str | None = None):
    import json

    folder = tmp_path / "tiny"
    shutil.copytree(CASES / "tiny", folder)
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    package.update(package_changes)
    (folder / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    if phase_cell is not None:
        lines = (folder / "tasks.csv").read_text(encoding="utf-8").splitlines()
        lines = [lines[0] + ",phase"] + [f"{line}," for line in lines[1:]]
        lines[2] = lines[2] + phase_cell  # task t2, line 3 of the file
        (folder / "tasks.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


TWO_PHASES = [{"id": "by-hand", "label": "By hand", "label_fr": "À la main"},
              {"id": "loop", "label": "Loop"}]


@pytest.mark.parametrize("changes, phase_cell, expected", [
    ({"scope": "region"}, None,
     ("datapackage.json", None, "scope", "'scope' must be product or sector (a product's chain, "
                                         "or a map of a sector)")),
    ({"phases": "by hand, then loop"}, None,
     ("datapackage.json", None, "phases", "'phases' must be a list of the case's phases in time "
                                          "order, each with an 'id' (a lowercase key), a 'label' "
                                          "and, optionally, a 'label_fr'")),
    ({"phases": [{"id": "Loop!", "label": "Loop"}]}, None,
     ("datapackage.json", None, "phases", "each phase needs an 'id' (a lowercase key) and a "
                                          "non-empty 'label'; 'label_fr', if present, must be "
                                          "text")),
    ({"phases": TWO_PHASES + [{"id": "loop", "label": "Again"}]}, None,
     ("datapackage.json", None, "phases", "this phase id is declared twice in 'phases'")),
    ({"phases": TWO_PHASES}, "later",
     ("tasks.csv", 3, "phase", "not a phase of this case; the phases declared in "
                               "datapackage.json are by-hand or loop")),
    ({}, "loop",
     ("tasks.csv", 3, "phase", "the case declares no 'phases' in datapackage.json; declare them "
                               "there or leave the cell empty")),
])
def test_scope_and_phase_problems(tmp_path, changes, phase_cell, expected):
    problems = check_folder(_tiny_copy(tmp_path, changes, phase_cell)).problems
    assert len(problems) == 1, [p.describe() for p in problems]
    problem = problems[0]
    assert (problem.file, problem.line, problem.column, problem.message) == expected


def test_scope_and_phases_that_are_right(tmp_path):
    folder = _tiny_copy(tmp_path, {"scope": "sector", "phases": TWO_PHASES}, "loop")
    assert check_folder(folder).problems == []
    # French: the same problem worded in French, with the codes kept.
    bad = check_folder(_tiny_copy(tmp_path / "fr", {"scope": "région"})).problems[0]
    assert bad.text("fr") == ("«\u00a0scope\u00a0» doit valoir product ou sector (la chaîne d'un "
                              "produit, ou la carte d'un secteur)")
