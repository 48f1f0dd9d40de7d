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
