"""The validator's edges, each with the problem it must give (or not) stated by hand.

Written against the mutants of `app/core/validate.py` that the other tests let through (see
tests/mutation/RESULTS.md): where a bad byte is, files at exactly the size limit, folders that
are or are not cases, and the command line run in-process.
"""

from __future__ import annotations

import shutil

import pytest

from app.core import validate as v
from conftest import CASES

LIMIT = 5 * 1024 * 1024  # 5 MB, the most a curated table may be


@pytest.mark.parametrize(("data", "offset", "line", "column"), [
    (b"a,b\n\xff,1\n", 4, 2, "a"),  # first cell of line 2
    (b"a,b\n,\xff\n", 5, 2, "b"),  # after an empty first cell
    (b"a,b\nx,y,\xff\n", 8, 2, None),  # a third cell: the header has two columns
    (b"a,\xff\n", 2, 1, None),  # in the header itself
    (b"actor id,name\nx,\xff\n", 16, 2, "name"),  # a header name with a space
])
def test_where_a_bad_byte_is(data, offset, line, column):
    header, rows, problems = v.read_csv("actors.csv", data)
    assert (header, rows) == (None, [])
    assert [(p.file, p.key, p.line, p.column, p.value) for p in problems] == [
        ("actors.csv", "problem.not_utf8_csv", line, column, "byte 0xFF")]
    assert data[offset] == 0xFF


def test_a_table_of_exactly_the_limit_is_read():
    body = (b"x" * 199 + b"\n") * 26214 + b"y" * 77 + b"\n"
    data = b"a\n" + body
    assert len(data) == LIMIT
    header, rows, problems = v.read_csv("actors.csv", data)
    assert (header, len(rows), problems) == (["a"], 26215, [])
    _, _, problems = v.read_csv("actors.csv", data + b"z")
    assert [(p.key, p.params) for p in problems] == [("problem.table_too_large", (("size", 5),))]
    assert str(problems[0]) == ("actors.csv: the file is larger than 5 MB, the most a curated "
                                "table may be")


def test_a_nul_byte_means_a_binary_file():
    assert v.read_csv("links.csv", b"a,b\n1,\x00\n") == (
        None, [], [v.Problem.of("links.csv", "problem.binary_file")])


def test_subfunction_problems_name_the_cell():
    def row(function, sub):
        return v.Row(4, {"function": function, "subfunction": sub})

    needed = v._check_subfunction("tasks.csv", row("preparation", "sorting"))
    assert [(p.line, p.column, p.value, dict(p.params)["function"]) for p in needed] == [
        (4, "subfunction", "sorting", "preparation")]
    assert "generation or annotation" in needed[0].message
    extra = v._check_subfunction("tasks.csv", row("verification", "annotation"))
    assert [(p.key, p.line, p.column, p.value) for p in extra] == [
        ("problem.subfunction_extra", 4, "subfunction", "annotation")]
    # An older tasks.csv without the column: a verification task is fine, a preparation one
    # reports the empty cell.
    assert v._check_subfunction("tasks.csv", v.Row(5, {"function": "verification"})) == []
    missing = v._check_subfunction("tasks.csv", v.Row(5, {"function": "preparation"}))
    assert [(p.key, p.value) for p in missing] == [("problem.subfunction_needed", "")]


def test_task_phase_problems_name_the_cell():
    rows = {"tasks": [v.Row(2, {"phase": "later"}), v.Row(3, {"phase": ""}), v.Row(4, {})]}
    package = {"phases": [{"id": "loop", "label": "Loop"}, {"id": "by-hand", "label": "Hand"}]}
    unknown = v._check_task_phases(package, rows)
    assert [(p.key, p.line, p.column, p.value) for p in unknown] == [
        ("problem.unknown_phase", 2, "phase", "later")]
    assert unknown[0].message.endswith("are loop or by-hand")
    none = v._check_task_phases({}, rows)
    assert [(p.key, p.line, p.column, p.value) for p in none] == [
        ("problem.no_phases", 2, "phase", "later")]


def test_is_reference(tmp_path):
    named = tmp_path / "reference"
    named.mkdir()
    assert v.is_reference(named)  # by its name, platforms.csv or not
    other = tmp_path / "platforms-here"
    other.mkdir()
    assert not v.is_reference(other)
    (other / "platforms.csv").write_text("platform_id\n", encoding="utf-8")
    assert v.is_reference(other)  # by its platforms table, whatever its name


def test_read_folder_reads_only_the_contract_files(tmp_path):
    folder = tmp_path / "case"
    folder.mkdir()
    (folder / "actors.csv").write_bytes(b"a" * (LIMIT + 10))
    (folder / "notes.txt").write_text("not part of a case", encoding="utf-8")
    (folder / "links.csv").mkdir()  # a folder with a table's name is not a table
    (folder / "tasks.csv").symlink_to(folder / "notes.txt")  # nor is a link
    files = v.read_folder(folder)
    assert list(files) == ["actors.csv"]
    assert len(files["actors.csv"]) == LIMIT + 1  # enough to tell it is too large, no more


def test_case_folders(tmp_path):
    with_package = tmp_path / "one"
    with_package.mkdir()
    (with_package / "datapackage.json").write_text("{}", encoding="utf-8")
    assert v.case_folders(with_package) == [with_package]
    with_actors = tmp_path / "two"
    with_actors.mkdir()
    (with_actors / "actors.csv").write_text("actor_id\n", encoding="utf-8")
    assert v.case_folders(with_actors) == [with_actors]
    reference = tmp_path / "reference"
    reference.mkdir()
    assert v.case_folders(reference) == [reference]
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "a-file.csv").write_text("x\n", encoding="utf-8")
    assert v.case_folders(tmp_path) == [with_package, reference, with_actors]


def test_command_line_usage(tmp_path, capsys):
    usage = "usage: python -m app.core.validate PATH  (a case folder or a folder of cases)\n"
    for argv in ([], [str(tmp_path), str(tmp_path)], [str(tmp_path / "nowhere")]):
        assert v.main(argv) == 2
        assert capsys.readouterr() == ("", usage)
    empty = tmp_path / "empty"
    empty.mkdir()
    assert v.main([str(empty)]) == 1
    assert capsys.readouterr() == ("", f"{empty}: no case folder found\n")


def test_command_line_on_cases(tmp_path, capsys):
    good = tmp_path / "cases" / "tiny"
    shutil.copytree(CASES / "tiny", good)
    assert v.main([str(good)]) == 0
    assert capsys.readouterr().out == f"ok: {good}\n1 of 1 folder(s) valid\n"
    bad = tmp_path / "cases" / "broken"
    shutil.copytree(CASES / "tiny", bad)
    text = (bad / "links.csv").read_text(encoding="utf-8").replace(",platform,workers,",
                                                                    ",platform,ghost,")
    (bad / "links.csv").write_text(text, encoding="utf-8")
    assert v.main([str(tmp_path / "cases")]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"2 problem(s) in {bad}:"
    assert out[1] == ("  datapackage.json, column 'name', value 'tiny': 'name' must be the "
                      "folder's name, 'broken'")
    assert out[2] == ("  links.csv, line 3, column 'to_actor', value 'ghost': no actor_id "
                      "'ghost' in actors.csv")
    assert out[3:] == [f"ok: {good}", "1 of 2 folder(s) valid"]
    assert v.main([str(bad), ]) == 1
    assert capsys.readouterr().out.endswith("\n0 of 1 folder(s) valid\n")


def test_phase_ids():
    assert v.phase_ids({}) == ()
    assert v.phase_ids({"phases": [{"id": "a", "label": "A"}, {"id": "b", "label": "B"}]}) == (
        "a", "b")
    assert v.phase_ids({"phases": [{"id": "a"}]}) == ()  # a bad entry: none


# --- Cells, tables and the package, checked in memory -----------------------------------------

def column(filename: str, name: str):
    from app.core import schema

    table = next(t for t in schema.CASE_TABLES + schema.REFERENCE_TABLES
                 if t.filename == filename)
    return next(c for c in table.columns if c.name == name)


def cell_problem(filename: str, name: str, value: str):
    found = v._check_cell(filename, v.Row(7, {name: value}), column(filename, name))
    return None if found is None else (found.key, found.line, found.column, found.value,
                                       dict(found.params))


@pytest.mark.parametrize(("filename", "name", "value", "expected"), [
    ("actors.csv", "name", " Firm", ("problem.spaces", {})),
    ("sources.csv", "year", "1899", ("problem.at_least", {"minimum": "1900"})),
    ("sources.csv", "year", "1900", None),  # the minimum itself is allowed
    ("actors.csv", "workers", "0", None),
    ("figures.csv", "value", "12.5", None),
    ("figures.csv", "value", "twelve", ("problem.number", {})),
    ("figures.csv", "value", "1e999", ("problem.number", {})),  # a number, but not finite
    ("sources.csv", "source_id", "S 1", ("problem.source_key", {})),
    ("sources.csv", "source_id", "A1", None),
])
def test_cell_checks(filename, name, value, expected):
    got = cell_problem(filename, name, value)
    if expected is None:
        assert got is None
    else:
        assert got == (expected[0], 7, name, value, expected[1])


def tiny_files() -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in (CASES / "tiny").iterdir()}


def described(problems):
    return [(p.file, p.key, p.line, p.column, p.value) for p in problems]


def test_every_table_is_checked_after_a_missing_or_broken_one():
    files = tiny_files()
    del files["actors.csv"]
    files["links.csv"] = b""
    files["tasks.csv"] = files["tasks.csv"].replace(b"task_id,", b"task_id,task_id,", 1)
    files["sources.csv"] = files["sources.csv"].replace(b"source_id,", b"", 1)
    checked = v.check_files(files, "tiny")
    assert [(p.file, p.key, p.line) for p in checked.problems] == [
        ("actors.csv", "problem.missing_file", None),
        ("links.csv", "problem.empty_file", None),
        ("tasks.csv", "problem.column_twice", 1),
        ("sources.csv", "problem.missing_column", 1),
    ]
    assert dict(checked.problems[2].params)["name"] == "task_id"
    assert dict(checked.problems[3].params)["name"] == "source_id"


def test_a_missing_column_stops_the_cell_checks_of_its_table():
    files = tiny_files()
    lines = files["actors.csv"].decode("utf-8").splitlines()
    # Drop the certainty column (the last one) from the header and every row.
    files["actors.csv"] = "\n".join(line.rsplit(",", 1)[0] for line in lines).encode() + b"\n"
    assert described(v.check_files(files, "tiny").problems) == [
        ("actors.csv", "problem.missing_column", 1, None, None)]


def test_an_absent_optional_reference_column_is_no_problem():
    files = tiny_files()
    lines = files["tasks.csv"].decode("utf-8").splitlines()
    # tasks.csv without link_id (the third column): the tasks name no link.
    files["tasks.csv"] = "\n".join(",".join(c for i, c in enumerate(line.split(",")) if i != 2)
                                   for line in lines).encode() + b"\n"
    assert v.check_files(files, "tiny").problems == []


def test_unknown_references_name_the_cell():
    files = tiny_files()
    files["links.csv"] = files["links.csv"].replace(b"l2,platform,workers,recruits,",
                                                    b"l2,platform,ghost,recruits,")
    files["links.csv"] = files["links.csv"].replace(b",A1,reported", b",A1;Z9,reported")
    assert described(v.check_files(files, "tiny").problems) == [
        ("links.csv", "problem.unknown_reference", 3, "to_actor", "ghost"),
        ("links.csv", "problem.unknown_source", 3, "source_ids", "A1;Z9"),
    ]


def package_problems(package: bytes | None = None, **changes):
    import json

    files = tiny_files()
    if package is None:
        data = json.loads(files["datapackage.json"])
        data.update(changes)
        package = json.dumps(data).encode("utf-8")
    files["datapackage.json"] = package
    return v.check_package(files, "tiny", v.CASE_PACKAGE_KEYS)


def test_package_file_problems():
    big = b"{" + b" " * (LIMIT - 2) + b"}"
    assert len(big) == LIMIT
    package, problems = package_problems(big)  # exactly the limit: read, found empty
    assert (package, problems[0].key) == ({}, "problem.package_name")
    package, problems = package_problems(big + b" ")
    assert (package, [(p.file, p.key, dict(p.params)) for p in problems]) == (
        {}, [("datapackage.json", "problem.file_too_large", {"size": 5})])
    assert package_problems(b"{\xff}")[1] == [
        v.Problem.of("datapackage.json", "problem.not_utf8")]
    package, problems = package_problems(b'{\n  "name": "tiny",\n  oops\n}')
    assert (package, [(p.file, p.key, p.line, dict(p.params)) for p in problems]) == (
        {}, [("datapackage.json", "problem.bad_json", 3,
              {"detail": "Expecting property name enclosed in double quotes"})])
    assert package_problems(b"[1, 2]") == (
        {}, [v.Problem.of("datapackage.json", "problem.json_object")])


def test_package_fields():
    _, problems = package_problems(name=None, title="", product=7, title_fr=["x"],
                                   aliases=["old-name", "Bad Alias"], scope="everything")
    assert [(p.file, p.key, p.column, p.value, dict(p.params)) for p in problems] == [
        ("datapackage.json", "problem.package_name", "name", "None", {"name": "tiny"}),
        ("datapackage.json", "problem.package_required", "title", None, {"field": "title"}),
        ("datapackage.json", "problem.package_text", "product", None, {"field": "product"}),
        ("datapackage.json", "problem.package_text", "title_fr", None, {"field": "title_fr"}),
        ("datapackage.json", "problem.aliases", "aliases", "['old-name', 'Bad Alias']", {}),
        ("datapackage.json", "problem.package_scope", "scope", "everything",
         {"allowed": v.OneOf(("product", "sector"))}),
    ]


def test_package_without_a_name():
    import json

    data = json.loads(tiny_files()["datapackage.json"])
    del data["name"]
    _, problems = package_problems(json.dumps(data).encode())
    assert described(problems) == [("datapackage.json", "problem.package_name", None, "name", "")]


@pytest.mark.parametrize("key", ["title", "description", "product", "period", "title_fr",
                                 "description_fr", "product_fr", "period_fr"])
def test_every_package_text_must_be_text(key):
    _, problems = package_problems(**{key: 12})
    assert described(problems) == [("datapackage.json", "problem.package_text", None, key, None)]


@pytest.mark.parametrize("aliases", ["old-name", [3], ["Bad Alias"]])
def test_aliases_must_be_a_list_of_keys(aliases):
    _, problems = package_problems(aliases=aliases)
    assert described(problems) == [("datapackage.json", "problem.aliases", None, "aliases",
                                    str(aliases))]


def test_a_bad_folder_name():
    assert v.check_files(tiny_files(), "Tiny Case") == v.Checked(
        "Tiny Case", {}, {}, [v.Problem.of("Tiny Case", "problem.folder_name")])


def test_command_line_counts_every_folder(tmp_path, capsys):
    root = tmp_path / "cases"
    for name in ("a-good", "b-bad", "c-bad"):
        shutil.copytree(CASES / "tiny", root / name)
    (root / "a-good" / "datapackage.json").write_text(
        (CASES / "tiny" / "datapackage.json").read_text(encoding="utf-8").replace(
            '"name": "tiny"', '"name": "a-good"'), encoding="utf-8")
    assert v.main([str(root)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"ok: {root / 'a-good'}"
    assert [line for line in out if not line.startswith("  ")][1:] == [
        f"1 problem(s) in {root / 'b-bad'}:", f"1 problem(s) in {root / 'c-bad'}:",
        "1 of 3 folder(s) valid"]


# --- Reading a CSV, and a package's phases ----------------------------------------------------

def test_a_stray_quote_is_refused_not_guessed():
    header, rows, problems = v.read_csv("links.csv", b'a,b\n1,2\n"x"y,1\n')
    assert (header, rows) == (["a", "b"], [v.Row(2, {"a": "1", "b": "2"})])
    assert [(p.file, p.key, p.line, dict(p.params)) for p in problems] == [
        ("links.csv", "problem.bad_csv", 3, {"detail": "',' expected after '\"'"})]


def test_line_breaks_inside_a_cell_are_kept_as_written():
    _, rows, problems = v.read_csv("actors.csv", b'a,b\r\n"x\r\ny",1\r\n2,3\r\n')
    assert problems == []
    assert rows == [v.Row(2, {"a": "x\r\ny", "b": "1"}), v.Row(4, {"a": "2", "b": "3"})]


def test_rows_after_a_short_one_are_still_read():
    _, rows, problems = v.read_csv("tasks.csv", b"a,b\n1\n2,3\n")
    assert rows == [v.Row(3, {"a": "2", "b": "3"})]
    assert [(p.key, p.line, dict(p.params)) for p in problems] == [
        ("problem.cell_count", 2, {"cells": "1", "columns": "2"})]


def test_row_limit():
    _, rows, problems = v.read_csv("tasks.csv", b"a\n" + b"1\n" * 50_000)
    assert (len(rows), problems) == (50_000, [])
    assert v.read_csv("tasks.csv", b"a\n" + b"1\n" * 50_001) == (
        ["a"], [], [v.Problem.of("tasks.csv", "problem.too_many_rows", limit=50_000)])


def test_an_empty_file():
    assert v.read_csv("sources.csv", b"") == (
        None, [], [v.Problem.of("sources.csv", "problem.empty_file")])


@pytest.mark.parametrize(("phases", "key", "value"), [
    ("à la main", "problem.phases_list", '"à la main"'),
    (None, "problem.phases_list", "null"),
    (["loop"], "problem.phase_entry", '"loop"'),
    ([{"id": "loop", "label": "Loop", "label_fr": 3}], "problem.phase_entry",
     '{"id": "loop", "label": "Loop", "label_fr": 3}'),
    ([{"id": "a", "label": "À"}, {"id": "a", "label": "B"}], "problem.phase_twice",
     '{"id": "a", "label": "B"}'),
])
def test_phase_problems_show_the_entry(phases, key, value):
    assert described(v._check_phases(phases)) == [("datapackage.json", key, None, "phases", value)]


def test_old_mac_line_endings_are_lines():
    assert v.read_csv("actors.csv", b"a,b\r1,2\r") == (
        ["a", "b"], [v.Row(2, {"a": "1", "b": "2"})], [])


def test_tables_after_one_with_a_short_row_are_checked():
    files = tiny_files()
    files["actors.csv"] = files["actors.csv"] + b"extra\n"
    files["links.csv"] = files["links.csv"].replace(b"l2,platform,workers,recruits,",
                                                    b"l2,platform,workers,hires,")
    assert [(p.file, p.key, p.line) for p in v.check_files(files, "tiny").problems] == [
        ("actors.csv", "problem.cell_count", 6),
        ("links.csv", "problem.not_allowed", 3),
    ]
