"""Problem messages: every one is a catalogue entry, in English and in good French."""

import ast
import re
import zipfile
from pathlib import Path

import pytest

from app.core.errors import DataError, OneOf, Problem, UnknownCase
from app.core.i18n import fields_of
from app.core.messages import problems as catalogue
from app.core.upload import UploadError, from_csv_files, read_zip
from app.core.validate import check_folder, read_folder
from conftest import BROKEN, CASES, FIXTURES, PROJECT

CORE = PROJECT / "app" / "core"
CODE_FILES = sorted(p for p in CORE.glob("*.py"))
NBSP = "\u202f"


def problem_keys_in_code() -> set[str]:
    """Every `"problem.…"` string literal of app/core (outside the catalogue)."""
    keys = set()
    for path in CODE_FILES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                    and re.fullmatch(r"problem\.[a-z0-9_.]+", node.value):
                keys.add(node.value)
    return keys


# ---------------------------------------------------------------- the catalogue

def test_code_uses_keys_of_the_catalogue():
    used = problem_keys_in_code()
    assert len(used) > 50
    assert used - set(catalogue.MESSAGES) == set()


def test_no_message_of_the_catalogue_is_dead():
    assert set(catalogue.MESSAGES) - problem_keys_in_code() == set()


def test_entries_are_named_problem_and_take_no_reserved_field():
    """(Both languages and the same fields are checked for the whole catalogue in
    test_i18n.py.) Every key here is a `problem.`, and none asks for `key` or `lang`, which
    translate(key, lang, **values) takes itself; every failing key listed at once."""
    bad = [key for key, entry in sorted(catalogue.MESSAGES.items())
           if not key.startswith("problem.") or fields_of(entry["en"]) & {"key", "lang"}]
    assert not bad, bad


def test_french_typography():
    """Stricter than the interface's: no colon without its space even before a value, French
    quotes « » with their spaces; every failing key listed at once."""
    bad = []
    for key, entry in sorted(catalogue.MESSAGES.items()):
        french = entry["fr"]
        text = re.sub(r"https?://", "", french)
        if re.search(r"\S[:;?!]", text):
            bad.append(f"{key}: a space goes before : ; ? ! in {french!r}")
        if "'{" in french or '"' in french:
            bad.append(f"{key}: French quotes are « » in {french!r}")
        if "«" in french and "« " not in french:
            bad.append(f"{key}: a space goes inside « » in {french!r}")
    assert not bad, "\n".join(bad)


# ---------------------------------------------------------------- the Problem API

def test_problem_api():
    problem = Problem.of("actors.csv", "problem.not_allowed", line=2, column="actor_type",
                         value="robot", allowed=("client", "ai_company"))
    assert problem.key == "problem.not_allowed"
    assert problem.params == (("allowed", ("client", "ai_company")),)
    assert problem.message == "not allowed; use one of: client, ai_company"
    assert problem.text("fr") == (
        "valeur non autorisée\u00a0; utilisez l'une de\u00a0: client, ai_company")
    assert str(problem) == problem.describe("en") == (
        "actors.csv, line 2, column 'actor_type', value 'robot': "
        "not allowed; use one of: client, ai_company")
    assert problem.describe("fr") == (
        "actors.csv, ligne 2, colonne «\u00a0actor_type\u00a0», valeur «\u00a0robot\u00a0»\u00a0: "
        "valeur non autorisée\u00a0; utilisez l'une de\u00a0: client, ai_company")
    assert problem.as_row("fr") == {"file": "actors.csv", "line": 2, "column": "actor_type",
                                    "value": "robot", "message": problem.text("fr")}
    assert problem.as_row()["message"] == problem.message
    assert hash(problem) == hash(Problem.of("actors.csv", "problem.not_allowed", line=2,
                                            column="actor_type", value="robot",
                                            allowed=["client", "ai_company"]))


def test_alternatives_are_joined_in_the_language():
    problem = Problem.of("tasks.csv", "problem.subfunction_needed", function="preparation",
                         allowed=OneOf(("generation", "annotation")))
    assert problem.message == "a preparation task needs a subfunction: generation or annotation"
    assert problem.text("fr") == ("une tâche «\u00a0preparation\u00a0» doit avoir une "
                                  "sous-fonction\u00a0: generation ou annotation")


def test_numbers_follow_the_language_but_lines_and_years_never_get_a_separator():
    rows = Problem.of("actors.csv", "problem.too_many_rows", limit=50_000)
    assert rows.message == "more than 50,000 rows; split the case or trim it"
    assert rows.text("fr").startswith(f"plus de 50{NBSP}000 lignes")
    far = Problem.of("actors.csv", "problem.duplicate_key", line=12345, column="actor_id",
                     value="a", key_column="actor_id", first_line="1234")
    assert str(far) == ("actors.csv, line 12345, column 'actor_id', value 'a': "
                        "duplicate actor_id; already used on line 1234")
    assert far.describe("fr").startswith("actors.csv, ligne 12345, ")
    assert far.describe("fr").endswith("déjà utilisé à la ligne 1234")
    year = Problem.of("sources.csv", "problem.at_least", minimum="1900")
    assert (year.message, year.text("fr")) == ("must be at least 1900",
                                               "doit être supérieur ou égal à 1900")


def test_long_values_are_shortened_in_both_languages():
    problem = Problem.of("actors.csv", "problem.required", line=2, column="name", value="x" * 500)
    for lang in ("en", "fr"):
        assert len(problem.describe(lang)) < 150


def test_errors_keep_an_english_str_and_speak_french():
    problem = Problem.of("voice-assistant", "problem.case_loaded")
    error = DataError("voice-assistant", [problem])
    assert str(error) == ("voice-assistant: 1 problem(s): voice-assistant: a case with this id "
                          "is already loaded; give the upload another name")
    assert error.text("fr") == ("voice-assistant\u00a0: 1 problème(s)\u00a0: "
                                "voice-assistant\u00a0: un cas de même identifiant est déjà "
                                "chargé\u00a0; donnez un autre nom à l'envoi")
    unknown = UnknownCase("ghost", ["tiny", "voice-assistant"])
    assert str(unknown) == "unknown case 'ghost'; known cases: tiny, voice-assistant"
    assert unknown.text("fr") == (
        "cas inconnu «\u00a0ghost\u00a0»\u00a0; cas connus\u00a0: tiny, voice-assistant")


# ---------------------------------------------------------------- French of real problems

FRENCH = {
    "bad-vocabulary": "actors.csv, ligne 2, colonne «\u00a0actor_type\u00a0», valeur "
                      "«\u00a0robot\u00a0»\u00a0: valeur non autorisée\u00a0; utilisez l'une "
                      "de\u00a0: client, ai_company, platform, vendor, subcontractor, supervisor, "
                      "worker_pool, end_user",
    "empty-required": "actors.csv, ligne 3, colonne «\u00a0name\u00a0», valeur "
                      "«\u00a0\u00a0»\u00a0: obligatoire\u00a0; la cellule est vide",
    "duplicate-id": "actors.csv, ligne 5, colonne «\u00a0actor_id\u00a0», valeur "
                    "«\u00a0firm\u00a0»\u00a0: actor_id en double\u00a0; déjà utilisé à la ligne 2",
    "unknown-actor": "links.csv, ligne 3, colonne «\u00a0to_actor\u00a0», valeur "
                     "«\u00a0ghost\u00a0»\u00a0: aucun actor_id «\u00a0ghost\u00a0» dans "
                     "actors.csv",
    "missing-column": "actors.csv, ligne 1\u00a0: colonne «\u00a0certainty\u00a0» "
                      "manquante\u00a0; l'en-tête doit contenir actor_id, name, actor_type, "
                      "source_ids, certainty",
    "missing-file": "tasks.csv\u00a0: fichier manquant\u00a0; un dossier doit contenir actors.csv, "
                    "links.csv, tasks.csv, sources.csv",
    "subfunction-missing": "tasks.csv, ligne 2, colonne «\u00a0subfunction\u00a0», valeur "
                           "«\u00a0\u00a0»\u00a0: une tâche «\u00a0preparation\u00a0» doit avoir "
                           "une sous-fonction\u00a0: generation ou annotation",
    "wrong-cell-count": "links.csv, ligne 3\u00a0: la ligne compte 8 cellules mais l'en-tête "
                        "compte 7 colonnes",
}

# Words that would betray an untranslated message (codes, names and values are left out).
ENGLISH = re.compile(r"\b(line|column|value|must|the|not|allowed|use|one of|required|missing|"
                     r"or|file|cell|empty|duplicate|already|with|needs?|has|cannot|only|leave|"
                     r"appears|twice|cites|is|no|in|e\.g|refused|upload|zip holds|folder|"
                     r"problem)\b")


def english_leftovers(text: str) -> list[str]:
    """English words outside « quoted » values and outside lists of codes."""
    text = re.sub(r"«[^»]*»", "", text)
    text = re.sub(r"[\w-]+\.(csv|json|zip)\b", "", text)
    return ENGLISH.findall(text)


@pytest.mark.parametrize("name", sorted(FRENCH))
def test_hand_checked_french(name):
    assert check_folder(BROKEN / name).problems[0].describe("fr") == FRENCH[name]


@pytest.mark.parametrize("name", sorted(p.name for p in BROKEN.iterdir()))
def test_every_broken_fixture_reads_in_french(name):
    problems = check_folder(BROKEN / name).problems
    assert problems
    for problem in problems:
        french = problem.describe("fr")
        assert english_leftovers(french) == [], french
        assert english_leftovers(problem.describe("en")), "the check must catch English"


def uploads_in_french() -> list[str]:
    texts = []
    for path in sorted((FIXTURES / "hostile").glob("*.zip")):
        try:
            read_zip(path.name, path.read_bytes())
        except UploadError as error:
            texts += [p.describe("fr") for p in error.problems]
    files = {k: v for k, v in read_folder(CASES / "tiny").items() if k.endswith(".csv")}
    files.pop("tasks.csv")
    files["evil.csv"] = b"a,b\n"
    for title in ("", "x" * 300, "A title"):
        try:
            from_csv_files(files, title)
        except UploadError as error:
            texts += [p.describe("fr") for p in error.problems]
    return texts


def test_upload_refusals_read_in_french():
    texts = uploads_in_french()
    assert len(texts) >= 12
    for text in texts:
        assert english_leftovers(text) == [], text
    assert ("bomb.zip\u00a0: refusé\u00a0: une fois décompressé, le zip occuperait 100 Mo, "
            "plus que les 20 Mo permis pour un cas") in texts


def test_zip_member_problems_in_french(tmp_path: Path):
    archive = tmp_path / "evil.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        handle.writestr("../actors.csv", "x")
    with pytest.raises(UploadError) as error:
        read_zip(archive.name, archive.read_bytes())
    assert error.value.problems[0].describe("fr") == (
        "evil.zip, valeur «\u00a0../actors.csv\u00a0»\u00a0: refusé\u00a0: le zip contient un "
        "chemin qui sort du dossier («\u00a0..\u00a0»)")


# ---------------------------------------------------------------- no sentence in the code

def calls(tree: ast.AST, *names: str):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else (
                f"{func.value.id}.{func.attr}" if isinstance(func, ast.Attribute)
                and isinstance(func.value, ast.Name) else None)
            if name in names:
                yield name, node


@pytest.mark.parametrize("path", CODE_FILES, ids=lambda p: p.name)
def test_no_problem_is_built_from_a_sentence(path):
    """Problems are made with `Problem.of(file, "problem.key", ...)`, never from a raw text."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for name, node in calls(tree, "Problem", "Problem.of", "_refuse", "problem"):
        where = f"{path.name}:{node.lineno}"
        assert name != "Problem", f"{where}: use Problem.of(file, key, ...)"
        key = node.args[0] if name == "problem" else node.args[1]
        assert not isinstance(key, (ast.JoinedStr, ast.BinOp)), f"{where}: a built sentence"
        if isinstance(key, ast.Constant):
            assert key.value in catalogue.MESSAGES, f"{where}: {key.value!r} is not a key"
        else:
            assert isinstance(key, ast.Name), f"{where}: the message must be a key"
