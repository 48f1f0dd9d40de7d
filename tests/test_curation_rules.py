"""The validator's curation rules and the package changelog: each with its exact message.

Each test breaks one thing in a copy of a valid folder and checks where the problem is said
to be (file, line, column, value) and what it says, in English and French.
"""

from __future__ import annotations

import io
import json
import shutil
import zipfile

import pytest

from app.core.changelog import check_changelog, check_version, version_key
from app.core.errors import DataError
from app.core.load import REFERENCE_DIR, add_case, load_dataset
from app.core.upload import UploadError, read_zip
from app.core.validate import check_folder
from conftest import CASES


@pytest.fixture
def tiny(tmp_path):
    folder = tmp_path / "tiny"
    shutil.copytree(CASES / "tiny", folder)
    return folder


def edit(folder, name: str, old: str, new: str) -> None:
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text, (name, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def where(problem) -> tuple:
    return problem.file, problem.line, problem.column, problem.value


def with_primary(folder, a1: str = "true", a2: str = "false") -> None:
    """Give tiny's sources.csv the `primary` column."""
    edit(folder, "sources.csv", "source_id,citation,year,url,kind,note",
         "source_id,citation,year,url,kind,primary,note")
    edit(folder, "sources.csv", "article,Primary", f"article,{a1},Primary")
    edit(folder, "sources.csv", "press,Secondary", f"press,{a2},Secondary")


def with_country_sources(folder) -> None:
    """Give tiny's actors.csv the `country_source_ids` column, filled as it should be."""
    path = folder / "actors.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    given = {"firm": "A1", "platform": "A1", "workers": "A2", "users": ""}
    out = [lines[0].replace("country,", "country,country_source_ids,")]
    for line in lines[1:]:
        cells = line.split(",")
        out.append(",".join(cells[:4] + [given[cells[0]]] + cells[4:]))
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


# --- a documented row cites a primary source ---------------------------------------------------

def test_folders_without_the_new_columns_still_pass(tiny):
    assert check_folder(tiny).problems == []
    with_primary(tiny)
    with_country_sources(tiny)
    assert check_folder(tiny).problems == []


def test_documented_row_without_a_primary_source(tiny):
    with_primary(tiny, a1="false")
    problems = check_folder(tiny).problems
    # firm, platform (actors), l1 (links), t1 (tasks) are documented and cite only A1.
    assert [(p.file, p.line) for p in problems] == [
        ("actors.csv", 2), ("actors.csv", 3), ("links.csv", 2), ("tasks.csv", 2)]
    first = problems[0]
    assert where(first) == ("actors.csv", 2, "certainty", "documented")
    assert str(first) == (
        "actors.csv, line 2, column 'certainty', value 'documented': a documented row must cite "
        "at least one primary source (primary = true in sources.csv), but it cites only A1; "
        "cite a primary source, or mark the row reported or inferred")
    assert first.describe("fr") == (
        "actors.csv, ligne 2, colonne «\u00a0certainty\u00a0», valeur "
        "«\u00a0documented\u00a0»\u00a0: une ligne «\u00a0documented\u00a0» doit citer au moins "
        "une source primaire (primary = true dans sources.csv), or elle ne cite que A1\u00a0; "
        "citez une source primaire, ou marquez la ligne «\u00a0reported\u00a0» ou "
        "«\u00a0inferred\u00a0»")


def test_an_empty_primary_cell_is_not_primary(tiny):
    with_primary(tiny, a1="")
    assert len(check_folder(tiny).problems) == 4


# --- a country needs a cited source that gives it ------------------------------------------------

def test_country_without_its_source(tiny):
    with_country_sources(tiny)
    edit(tiny, "actors.csv", "firm,Test firm,ai_company,FR,A1,", "firm,Test firm,ai_company,FR,,")
    [problem] = check_folder(tiny).problems
    assert where(problem) == ("actors.csv", 2, "country_source_ids", "FR")
    assert problem.message == (
        "a country needs the key of a cited source that gives it in country_source_ids; leave "
        "the country empty when no source says where the actor is")
    assert problem.text("fr").startswith("un pays doit être accompagné, dans country_source_ids")


def test_country_source_that_the_row_does_not_cite(tiny):
    with_country_sources(tiny)
    edit(tiny, "actors.csv", "firm,Test firm,ai_company,FR,A1,", "firm,Test firm,ai_company,FR,A2,")
    [problem] = check_folder(tiny).problems
    assert where(problem) == ("actors.csv", 2, "country_source_ids", "A2")
    assert problem.message == "country source 'A2' is not among the row's source_ids (A1)"
    assert problem.text("fr") == (
        "la source du pays «\u00a0A2\u00a0» ne figure pas parmi les source_ids de la ligne (A1)")


def test_country_source_without_a_country(tiny):
    with_country_sources(tiny)
    edit(tiny, "actors.csv", "users,Test users,end_user,,,", "users,Test users,end_user,,A2,")
    [problem] = check_folder(tiny).problems
    assert where(problem) == ("actors.csv", 5, "country_source_ids", "A2")
    assert problem.message == "country_source_ids is filled but country is empty; fill both or " \
                              "neither"


# --- the links and tasks of an inferred actor are inferred --------------------------------------

def test_link_of_an_inferred_actor_must_be_inferred(tiny):
    edit(tiny, "links.csv", "feed the model.,A2,inferred", "feed the model.,A2,reported")
    [problem] = check_folder(tiny).problems
    assert where(problem) == ("links.csv", 4, "certainty", "reported")
    assert problem.message == ("the row rests on from_actor 'users', which is inferred (no "
                               "source ties it to the case); mark this row inferred too")
    assert problem.text("fr") == (
        "la ligne repose sur from_actor «\u00a0users\u00a0», qui est «\u00a0inferred\u00a0» "
        "(aucune source ne le rattache au cas)\u00a0; marquez aussi cette ligne "
        "«\u00a0inferred\u00a0»")


def test_task_of_an_inferred_actor_must_be_inferred(tiny):
    edit(tiny, "tasks.csv", "was recognised.,A2,inferred", "was recognised.,A2,reported")
    [problem] = check_folder(tiny).problems
    assert where(problem) == ("tasks.csv", 4, "certainty", "reported")
    assert "actor_id 'users', which is inferred" in problem.message


def test_inferred_row_needs_a_description(tiny):
    edit(tiny, "actors.csv", "Use the product.,A2,inferred", ",A2,inferred")
    [problem] = check_folder(tiny).problems
    assert where(problem) == ("actors.csv", 5, "description", "")
    assert problem.message == ("an inferred row must say in its description what is inferred "
                               "and what is not known")


# --- texts name only the sources the row cites, the same in both languages -------------------

def test_text_names_a_source_the_row_does_not_cite(tiny):
    edit(tiny, "actors.csv", "Makes the classifier.,A1,", "Makes the classifier (A2).,A1,")
    [problem] = check_folder(tiny).problems
    assert where(problem) == ("actors.csv", 2, "description", "Makes the classifier (A2).")
    assert problem.message == ("the text names source 'A2', which the row does not cite "
                               "(source_ids: A1); add it to source_ids or reword the text")


def test_french_text_names_other_sources(tiny):
    path = tiny / "links.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[0] += ",description_fr"
    lines[1] = lines[1].replace("annotation.,A1", "annotation (A1).,A1") + \
        ",L'entreprise externalise l'annotation (A2)."
    lines[2] += ",La plateforme recrute des travailleurs."
    lines[3] += ",Les corrections des utilisateurs alimentent le modèle."
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    [problem] = check_folder(tiny).problems
    assert where(problem)[:3] == ("links.csv", 2, "description_fr")
    assert problem.message == ("the French text names the sources A2 but the English text "
                               "names A1; a translation cites the same sources")
    assert problem.text("fr") == ("le texte français nomme les sources A2, mais le texte "
                                  "anglais nomme A1\u00a0; une traduction cite les mêmes sources")


def test_a_figure_range_upside_down(tmp_path):
    folder = tmp_path / "reference"
    shutil.copytree(REFERENCE_DIR, folder)
    edit(folder, "figures.csv", "Monthly pay of Malagasy data workers,96,126,",
         "Monthly pay of Malagasy data workers,96,90,")
    [problem] = check_folder(folder).problems
    assert where(problem) == ("figures.csv", 22, "value_max", "90")
    assert problem.message == "the upper bound is below the value (96); value holds the lower " \
                              "bound"


def test_bundled_data_meets_every_rule():
    for folder in sorted((REFERENCE_DIR.parent / "cases").iterdir()) + [REFERENCE_DIR]:
        assert check_folder(folder).problems == [], folder.name


# --- version and changelog -----------------------------------------------------------------------

GOOD = [
    {"version": "1.1.0", "date": "2026-12-04", "summary": "Corrections.",
     "summary_fr": "Corrections.",
     "changes": [{"rows": "actors.csv: a", "change": "x", "why": "y", "evidence": "S0 l.6"}]},
    {"version": "1.0.0", "date": "2026-11-25", "summary": "First release.",
     "summary_fr": "Première version."},
]


def problems_of(changelog, version="1.1.0") -> list[tuple]:
    return [(p.column, p.value, p.message) for p in check_changelog(changelog, version)]


def test_a_valid_changelog():
    assert check_changelog(GOOD, "1.1.0") == []
    assert check_version({"version": "1.1.0", "changelog": GOOD}) == []
    assert check_version({"version": "2.0.0-rc.1"}) == []  # no changelog: nothing to check


@pytest.mark.parametrize("changelog, expected", [
    ({"version": "1.1.0"}, [("changelog", "{'version': '1.1.0'}",
                             "'changelog' must be a list of releases, newest first (or be left "
                             "out)")]),
    ([], [("changelog", "[]", "'changelog' must be a list of releases, newest first (or be left "
                              "out)")]),
    (["1.1.0"], [("changelog[0]", "1.1.0", "a changelog entry must be an object with version, "
                                           "date, summary and summary_fr")]),
    ([{**GOOD[0], "version": "1.1"}, GOOD[1]],
     [("changelog[0].version", "1.1", "must be a semantic version: MAJOR.MINOR.PATCH, e.g. "
                                      "1.1.0")]),
    ([{**GOOD[0], "date": "2026-13-01"}, GOOD[1]],
     [("changelog[0].date", "2026-13-01", "must be a date written YYYY-MM-DD, e.g. 2026-12-04")]),
    ([GOOD[0], {**GOOD[1], "date": "25 Nov 2026"}],
     [("changelog[1].date", "25 Nov 2026", "must be a date written YYYY-MM-DD, e.g. 2026-12-04")]),
    ([{**GOOD[0], "summary_fr": " "}, GOOD[1]],
     [("changelog[0].summary_fr", " ", "'summary_fr' is required: the release summarised in "
                                       "English (summary) and in French (summary_fr)")]),
    ([{k: v for k, v in GOOD[0].items() if k != "summary"}, GOOD[1]],
     [("changelog[0].summary", "", "'summary' is required: the release summarised in English "
                                   "(summary) and in French (summary_fr)")]),
    ([{**GOOD[0], "version": "1.2.0"}, GOOD[1]],
     [("changelog[0].version", "1.2.0", "the newest entry must be the package's version, "
                                        "1.1.0")]),
    ([GOOD[1], GOOD[0]],
     [("changelog[0].version", "1.0.0", "the newest entry must be the package's version, 1.1.0"),
      ("changelog[1].version", "1.1.0", "versions must go down strictly, newest first; this "
                                        "one follows 1.0.0")]),
    ([GOOD[0], {**GOOD[1], "version": "1.1.0"}],
     [("changelog[1].version", "1.1.0", "versions must go down strictly, newest first; this "
                                        "one follows 1.1.0")]),
    ([{**GOOD[0], "changes": "all rows"}, GOOD[1]],
     [("changelog[0].changes", "all rows", "'changes' must be a list of objects, one per "
                                           "change")]),
    ([{**GOOD[0], "changes": [{"rows": "a", "change": "b", "why": "c"}]}, GOOD[1]],
     [("changelog[0].changes[0].evidence", "", "'evidence' is required in every change: rows, "
                                               "change, why, evidence")]),
])
def test_changelog_problems(changelog, expected):
    assert problems_of(changelog) == expected


def test_package_version_must_be_semver():
    [problem] = check_version({"version": "v1"})
    assert (problem.file, problem.column, problem.value) == ("datapackage.json", "version", "v1")
    assert problem.text("fr") == ("doit être un numéro de version sémantique\u00a0: "
                                  "MAJEUR.MINEUR.CORRECTIF, par exemple 1.1.0")


def test_version_order_follows_semver():
    assert version_key("1.10.0") > version_key("1.9.0") > version_key("1.9.0-rc.2") \
        > version_key("1.9.0-rc.1") > version_key("1.8.9")


def test_changelog_problem_names_the_file_and_property(tiny):
    package = json.loads((tiny / "datapackage.json").read_text())
    package["version"] = "1.1.0"
    package["changelog"] = [{**GOOD[0], "date": "yesterday"}, GOOD[1]]
    (tiny / "datapackage.json").write_text(json.dumps(package))
    [problem] = check_folder(tiny).problems
    assert str(problem) == ("datapackage.json, column 'changelog[0].date', value 'yesterday': "
                            "must be a date written YYYY-MM-DD, e.g. 2026-12-04")


# --- uploads with and without a changelog --------------------------------------------------------

def zipped(folder) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in sorted(folder.iterdir()):
            archive.write(path, f"{folder.name}/{path.name}")
    return buffer.getvalue()


def upload(folder):
    case = read_zip(f"{folder.name}.zip", zipped(folder))
    return add_case(load_dataset(extra_dir=None), case.files, case.case_id, "upload")


def test_upload_without_a_changelog_loads(tiny):
    package = json.loads((tiny / "datapackage.json").read_text())
    assert "changelog" not in package
    assert "tiny" in upload(tiny).case_ids


def test_upload_with_a_valid_changelog_loads(tiny):
    package = json.loads((tiny / "datapackage.json").read_text())
    package.update(version="1.1.0", changelog=GOOD)
    (tiny / "datapackage.json").write_text(json.dumps(package))
    dataset = upload(tiny)
    assert dataset.case_info("tiny")["version"] == "1.1.0"


def test_upload_with_a_broken_changelog_is_refused(tiny):
    package = json.loads((tiny / "datapackage.json").read_text())
    package.update(version="1.1.0", changelog=[GOOD[1]])
    (tiny / "datapackage.json").write_text(json.dumps(package))
    with pytest.raises((DataError, UploadError)) as refused:
        upload(tiny)
    assert str(refused.value.problems[0]) == (
        "datapackage.json, column 'changelog[0].version', value '1.0.0': the newest entry must "
        "be the package's version, 1.1.0")


def test_the_upload_template_follows_the_rules():
    from app.core.upload import template_zip
    from app.core.validate import check_files

    case = read_zip("template.zip", template_zip(b"dictionary"))
    assert b"country_source_ids" in case.files["actors.csv"].splitlines()[0]
    assert b",primary," in case.files["sources.csv"].splitlines()[0]
    assert check_files(case.files, case.case_id).problems == []


def test_a_documented_actors_country_comes_from_a_primary_source(tiny):
    with_primary(tiny)
    with_country_sources(tiny)
    # The firm is documented (A1, primary); its country given by the press piece A2 only.
    edit(tiny, "actors.csv", "firm,Test firm,ai_company,FR,A1,,true,Makes the classifier.,A1,",
         "firm,Test firm,ai_company,FR,A2,,true,Makes the classifier.,A1;A2,")
    [problem] = check_folder(tiny).problems
    assert where(problem) == ("actors.csv", 2, "country_source_ids", "A2")
    assert problem.message == ("a documented actor's country must be given by a primary "
                               "source; name one in country_source_ids, or leave the country "
                               "empty")
