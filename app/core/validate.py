"""The validator: checks a case folder (or the reference folder) against the contract.

It works on file contents in memory, so the same checks serve the bundled data, a folder
named by `DLC_DATA_DIR` and an upload. Every problem names the file, the line (the header is
line 1), the column, the bad value and what is allowed.

Run it on a case folder or a folder of cases:

    python -m app.core.validate data/cases/voice-assistant
    python -m app.core.validate data/cases

Exit status 0 when everything is clean, 1 when a problem was found, 2 on a bad argument.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pycountry

from app.core import schema
from app.core.changelog import check_version
from app.core.curation import check_rows
from app.core.errors import OneOf, Problem, shorten
from app.core.vocab import FORMULA_PREFIXES, SCOPES, SUBFUNCTIONS_OF

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_ROWS = 50_000
PACKAGE_FILE = "datapackage.json"
CASE_PACKAGE_KEYS = ("title", "description", "product", "period", "licenses", "sources")
REFERENCE_PACKAGE_KEYS = ("title", "description", "licenses", "sources")

_ID = re.compile(schema.ID_PATTERN)
_SOURCE_KEY = re.compile(schema.SOURCE_KEY_PATTERN)
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


@dataclass(frozen=True)
class Row:
    """One data row as text, with the line it starts on."""

    line: int
    cells: dict[str, str]


@dataclass(frozen=True)
class Checked:
    """The result of validating one folder: its package metadata, rows, and problems."""

    name: str
    package: dict
    rows: dict[str, list[Row]]
    problems: list[Problem]

    @property
    def ok(self) -> bool:
        return not self.problems


@lru_cache(maxsize=None)
def _known_country(code: str) -> bool:
    return pycountry.countries.get(alpha_2=code) is not None


def is_formula(text: str) -> bool:
    """True when a spreadsheet would run the cell as a formula (numbers are fine)."""
    return text.startswith(FORMULA_PREFIXES) and not _NUMBER.match(text)


def split_ids(text: str) -> list[str]:
    """The keys of a `;`-separated `source_ids` cell."""
    return [part.strip() for part in text.split(";") if part.strip()]


def _encoding_problem(filename: str, data: bytes, offset: int) -> Problem:
    """Where the first non-UTF-8 byte is: line, and column when the header can tell."""
    line_start = data.rfind(b"\n", 0, offset) + 1
    line = data[:offset].count(b"\n") + 1
    header = next(csv.reader([data.split(b"\n", 1)[0].decode("latin-1")]), [])
    before = data[line_start:offset].decode("latin-1")
    index = next(csv.reader([before]), [""]).__len__() - 1 if before else 0
    column = header[index].strip() if line > 1 and 0 <= index < len(header) else None
    return Problem.of(filename, "problem.not_utf8_csv", line=line, column=column,
                      value=f"byte 0x{data[offset]:02X}")


def read_csv(filename: str, data: bytes) -> tuple[list[str] | None, list[Row], list[Problem]]:
    """Decode and parse a CSV, refusing what is too big, not UTF-8 or not a table."""
    if len(data) > MAX_FILE_BYTES:
        return None, [], [Problem.of(filename, "problem.table_too_large",
                                     size=MAX_FILE_BYTES // 2**20)]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        return None, [], [_encoding_problem(filename, data, err.start)]
    if "\x00" in text:
        return None, [], [Problem.of(filename, "problem.binary_file")]
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[Row] = []
    problems: list[Problem] = []
    header: list[str] | None = None
    try:
        start = 1
        for record in reader:
            if header is None:
                header = [h.strip() for h in record]
            elif any(cell.strip() for cell in record):
                if len(record) != len(header):
                    problems.append(Problem.of(filename, "problem.cell_count", line=start,
                                               cells=str(len(record)), columns=str(len(header))))
                    start = reader.line_num + 1
                    continue
                rows.append(Row(start, dict(zip(header, record))))
                if len(rows) > MAX_ROWS:
                    return header, [], [Problem.of(filename, "problem.too_many_rows",
                                                   limit=MAX_ROWS)]
            start = reader.line_num + 1
    except csv.Error as err:
        return header, rows, [Problem.of(filename, "problem.bad_csv", line=reader.line_num,
                                         detail=str(err))]
    if header is None:
        return None, [], [Problem.of(filename, "problem.empty_file")]
    return header, rows, problems


def _check_cell(filename: str, row: Row, col: schema.Column) -> Problem | None:
    value = row.cells.get(col.name, "")
    stripped = value.strip()

    def problem(key: str, **params: object) -> Problem:
        return Problem.of(filename, key, line=row.line, column=col.name, value=value, **params)

    if not stripped:
        return problem("problem.required") if col.required else None
    if value != stripped:
        return problem("problem.spaces")
    if col.type == "string" and is_formula(value):
        return problem("problem.formula")
    if col.vocabulary and value not in col.vocabulary:
        return problem("problem.not_allowed", allowed=tuple(col.vocabulary))
    if col.type == "integer":
        if not re.fullmatch(r"\d+", value):
            return problem("problem.whole_number")
        if col.minimum is not None and int(value) < col.minimum:
            return problem("problem.at_least", minimum=str(col.minimum))  # a year: no separator
    if col.type == "number":
        if not _NUMBER.match(value) or not math.isfinite(float(value)):
            return problem("problem.number")
    if col.type == "boolean" and value not in schema.TRUE_VALUES + schema.FALSE_VALUES:
        return problem("problem.boolean")
    if col.kind == "id" and not _ID.match(value):
        return problem("problem.id")
    if col.kind == "source_key" and not _SOURCE_KEY.match(value):
        return problem("problem.source_key")
    if col.kind == "country" and not (re.fullmatch(r"[A-Z]{2}", value) and _known_country(value)):
        return problem("problem.country")
    if col.kind == "url" and not re.match(r"^https?://\S+$", value):
        return problem("problem.url")
    return None


def check_tables(files: dict[str, bytes], tables: tuple[schema.Table, ...]) -> tuple[
        dict[str, list[Row]], list[Problem]]:
    """Check every table of a folder: files, columns, cells, keys, cross-references."""
    problems: list[Problem] = []
    rows_by_table: dict[str, list[Row]] = {}
    for table in tables:
        if table.filename not in files:
            problems.append(Problem.of(table.filename, "problem.missing_file",
                                       files=tuple(t.filename for t in tables)))
            continue
        header, rows, read_problems = read_csv(table.filename, files[table.filename])
        if header is None:
            problems += read_problems
            continue
        # Optional columns may be absent (older folders); they then read as empty.
        missing = [c for c in table.required_names if c not in header]
        for name in missing:
            problems.append(Problem.of(table.filename, "problem.missing_column", line=1,
                                       name=name, columns=tuple(table.required_names)))
        duplicates = {h for h in header if header.count(h) > 1}
        for name in sorted(duplicates):
            problems.append(Problem.of(table.filename, "problem.column_twice", line=1,
                                       name=name))
        if missing or duplicates:
            continue
        problems += read_problems
        if read_problems:
            continue
        seen: dict[str, int] = {}
        for row in rows:
            for col in table.columns:
                found = _check_cell(table.filename, row, col)
                if found:
                    problems.append(found)
            key = row.cells[table.primary_key]
            if key in seen:
                problems.append(Problem.of(table.filename, "problem.duplicate_key",
                                           line=row.line, column=table.primary_key, value=key,
                                           key_column=table.primary_key,
                                           first_line=str(seen[key])))
            else:
                seen[key] = row.line
        rows_by_table[table.name] = rows
    problems += _check_references(tables, rows_by_table)
    if not problems:  # the curation rules read clean cells and resolved references only
        problems += check_rows({t.name: t.filename for t in tables}, rows_by_table)
    return rows_by_table, problems


def _check_references(tables: tuple[schema.Table, ...],
                      rows_by_table: dict[str, list[Row]]) -> list[Problem]:
    problems: list[Problem] = []
    keys = {t.name: {r.cells[t.primary_key] for r in rows_by_table.get(t.name, [])}
            for t in tables}
    sources_loaded = "sources" in rows_by_table
    for table in tables:
        for row in rows_by_table.get(table.name, []):
            for col, (ref_table, ref_col) in table.foreign_keys.items():
                value = row.cells.get(col, "")
                if value and ref_table in rows_by_table and value not in keys[ref_table]:
                    problems.append(Problem.of(table.filename, "problem.unknown_reference",
                                               line=row.line, column=col, value=value,
                                               ref_column=ref_col, ref=shorten(value),
                                               ref_file=f"{ref_table}.csv"))
            if "source_ids" in table.column_names and sources_loaded:
                for key in split_ids(row.cells["source_ids"]):
                    if key not in keys["sources"]:
                        problems.append(Problem.of(table.filename, "problem.unknown_source",
                                                   line=row.line, column="source_ids",
                                                   value=row.cells["source_ids"],
                                                   source=shorten(key)))
            if table.name == "tasks":
                problems += _check_subfunction(table.filename, row)
    return problems


def _check_subfunction(filename: str, row: Row) -> list[Problem]:
    function, sub = row.cells["function"], row.cells.get("subfunction", "")
    allowed = SUBFUNCTIONS_OF.get(function)
    if allowed is None:
        return []  # the function itself is already reported
    if allowed and sub not in allowed:
        return [Problem.of(filename, "problem.subfunction_needed", line=row.line,
                           column="subfunction", value=sub, function=function,
                           allowed=OneOf(tuple(allowed)))]
    if not allowed and sub:
        return [Problem.of(filename, "problem.subfunction_extra", line=row.line,
                           column="subfunction", value=sub, function=function)]
    return []


def check_package(files: dict[str, bytes], name: str, keys: tuple[str, ...]) -> tuple[
        dict, list[Problem]]:
    """Read datapackage.json and check the metadata a citation needs."""
    if PACKAGE_FILE not in files:
        return {}, [Problem.of(PACKAGE_FILE, "problem.missing_package", keys=("name",) + keys)]
    data = files[PACKAGE_FILE]
    if len(data) > MAX_FILE_BYTES:
        return {}, [Problem.of(PACKAGE_FILE, "problem.file_too_large",
                               size=MAX_FILE_BYTES // 2**20)]
    try:
        package = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return {}, [Problem.of(PACKAGE_FILE, "problem.not_utf8")]
    except json.JSONDecodeError as err:
        return {}, [Problem.of(PACKAGE_FILE, "problem.bad_json", line=err.lineno,
                               detail=err.msg)]
    if not isinstance(package, dict):
        return {}, [Problem.of(PACKAGE_FILE, "problem.json_object")]
    problems = []
    if package.get("name") != name:
        problems.append(Problem.of(PACKAGE_FILE, "problem.package_name", column="name",
                                   value=str(package.get("name", "")), name=name))
    for key in keys:
        if not package.get(key):
            problems.append(Problem.of(PACKAGE_FILE, "problem.package_required", column=key,
                                       field=key))
    for key in ("title", "description", "product", "period", "title_fr", "description_fr",
                "product_fr", "period_fr"):
        if key in package and not isinstance(package[key], str):
            problems.append(Problem.of(PACKAGE_FILE, "problem.package_text", column=key,
                                       field=key))
    problems += check_version(package)
    aliases = package.get("aliases", [])
    if not isinstance(aliases, list) or not all(
            isinstance(a, str) and _ID.match(a) for a in aliases):
        problems.append(Problem.of(PACKAGE_FILE, "problem.aliases", column="aliases",
                                   value=str(aliases)))
    if "scope" in package and package["scope"] not in SCOPES:
        problems.append(Problem.of(PACKAGE_FILE, "problem.package_scope", column="scope",
                                   value=shorten(str(package["scope"])),
                                   allowed=OneOf(tuple(SCOPES))))
    problems += _check_phases(package.get("phases", []))
    return package, problems


def _check_phases(phases: object) -> list[Problem]:
    """`phases`: a list, in time order, of {"id": key, "label": text, "label_fr": text}."""
    def bad(detail_key: str, value: object) -> list[Problem]:
        return [Problem.of(PACKAGE_FILE, detail_key, column="phases",
                           value=shorten(json.dumps(value, ensure_ascii=False)))]

    if not isinstance(phases, list):
        return bad("problem.phases_list", phases)
    seen: set[str] = set()
    for phase in phases:
        if not isinstance(phase, dict) or not isinstance(phase.get("id"), str) or not _ID.match(
                phase["id"]) or not isinstance(phase.get("label"), str) or not phase[
                "label"].strip() or not isinstance(phase.get("label_fr", ""), str):
            return bad("problem.phase_entry", phase)
        if phase["id"] in seen:
            return bad("problem.phase_twice", phase)
        seen.add(phase["id"])
    return []


def phase_ids(package: dict) -> tuple[str, ...]:
    """The keys of a package's phases, in time order (none when it declares none or bad ones)."""
    phases = package.get("phases", [])
    if _check_phases(phases):
        return ()
    return tuple(p["id"] for p in phases)


def _check_task_phases(package: dict, rows: dict[str, list[Row]]) -> list[Problem]:
    """A task's phase must be one the package declares."""
    allowed = phase_ids(package)
    problems = []
    for row in rows.get("tasks", []):
        value = row.cells.get("phase", "")
        if value and value not in allowed:
            if allowed:
                problems.append(Problem.of("tasks.csv", "problem.unknown_phase", line=row.line,
                                           column="phase", value=value,
                                           allowed=OneOf(allowed)))
            else:
                problems.append(Problem.of("tasks.csv", "problem.no_phases", line=row.line,
                                           column="phase", value=value))
    return problems


def check_files(files: dict[str, bytes], name: str, *, reference: bool = False) -> Checked:
    """Validate a folder given as {file name: bytes}: the one entry point for every origin."""
    if not _ID.match(name):
        return Checked(name, {}, {}, [Problem.of(name, "problem.folder_name")])
    tables = schema.REFERENCE_TABLES if reference else schema.CASE_TABLES
    keys = REFERENCE_PACKAGE_KEYS if reference else CASE_PACKAGE_KEYS
    package, problems = check_package(files, name, keys)
    rows, table_problems = check_tables(files, tables)
    if not reference:
        table_problems += _check_task_phases(package, rows)
    return Checked(name, package, rows, problems + table_problems)


def read_folder(folder: Path) -> dict[str, bytes]:
    """The files of a folder that the contract knows, as bytes (never more than the limit + 1)."""
    wanted = {PACKAGE_FILE} | {t.filename for t in schema.CASE_TABLES + schema.REFERENCE_TABLES}
    files = {}
    for path in sorted(folder.iterdir()):
        if path.name in wanted and path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                files[path.name] = handle.read(MAX_FILE_BYTES + 1)
    return files


def check_folder(folder: Path) -> Checked:
    """Validate one case folder, or the reference folder, on disk."""
    return check_files(read_folder(folder), folder.name, reference=is_reference(folder))


def is_reference(folder: Path) -> bool:
    return (folder / "platforms.csv").exists() or folder.name == "reference"


def case_folders(path: Path) -> list[Path]:
    """The case folders at PATH: PATH itself when it is one, else its sub-folders."""
    if (path / PACKAGE_FILE).exists() or (path / "actors.csv").exists() or is_reference(path):
        return [path]
    return sorted(p for p in path.iterdir() if p.is_dir() and not p.name.startswith("."))


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not Path(argv[0]).is_dir():
        print("usage: python -m app.core.validate PATH  (a case folder or a folder of cases)",
              file=sys.stderr)
        return 2
    folders = case_folders(Path(argv[0]))
    if not folders:
        print(f"{argv[0]}: no case folder found", file=sys.stderr)
        return 1
    failed = 0
    for folder in folders:
        checked = check_folder(folder)
        if checked.ok:
            print(f"ok: {folder}")
            continue
        failed += 1
        print(f"{len(checked.problems)} problem(s) in {folder}:")
        for problem in checked.problems:
            print(f"  {problem}")
    print(f"{len(folders) - failed} of {len(folders)} folder(s) valid")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
