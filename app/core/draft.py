"""A case being built in the browser: its metadata and four tables, checked as it is edited.

A draft holds every cell as the text it will have in its CSV file, so that what is checked is
exactly what is downloaded. It is checked by the one validator (`app.core.validate`), through
the same in-memory case an upload becomes (`app.core.upload.UploadedCase`), within the same
limits; its problems name the table, the row (as numbered in the editor), the column, the value
and what is allowed. What is valid so far is given as typed frames for a live drawing, and the
whole draft, valid or not, as the zip of a case folder.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field, replace

import pandas as pd
import pycountry

from app.core import schema
from app.core.errors import Problem, shorten
from app.core.geo import country_name
from app.core.i18n import translate
from app.core.load import Dataset, table_frame
from app.core.text import neutralise_formula
from app.core.upload import (MAX_TITLE_CHARS, MAX_UPLOAD_BYTES, UploadedCase, read_zip,
                             slugify, template_zip)
from app.core.validate import (MAX_ROWS, PACKAGE_FILE, Checked, Row, check_files, is_formula,
                               read_csv, split_ids)

TABLES: tuple[schema.Table, ...] = schema.CASE_TABLES
TABLE_BY_NAME: dict[str, schema.Table] = {t.name: t for t in TABLES}
META_FIELDS = ("title", "product", "period", "description", "licence")
# Open licences a published case can carry, as Data Package `licenses` entries (SPDX ids).
LICENCES: dict[str, str] = {
    "CC-BY-4.0": "https://creativecommons.org/licenses/by/4.0/",
    "CC-BY-SA-4.0": "https://creativecommons.org/licenses/by-sa/4.0/",
    "CC-BY-NC-4.0": "https://creativecommons.org/licenses/by-nc/4.0/",
    "CC0-1.0": "https://creativecommons.org/publicdomain/zero/1.0/",
    "ODC-By-1.0": "https://opendatacommons.org/licenses/by/1-0/",
    "ODbL-1.0": "https://opendatacommons.org/licenses/odbl/1-0/",
}
DEFAULT_LICENCE = "CC-BY-4.0"
DEFAULT_CASE_ID = "my-case"
# Package properties a copy keeps from its original (its phases, scope and French texts).
CARRIED_KEYS = ("scope", "phases", "title_fr", "description_fr", "product_fr", "period_fr")
# Which vocabulary (`app.core.i18n.VOCABULARY_KINDS`) a column's values come from.
VOCABULARY_OF_COLUMN = {"actor_type": "actor_type", "relation": "relation",
                        "function": "function", "subfunction": "subfunction",
                        "data_type": "data_type", "certainty": "certainty",
                        "kind": "source_kind"}
ZIP_NAME = "{case_id}.zip"


@dataclass(frozen=True)
class Draft:
    """A case in the making: metadata texts and the four tables as text cells ("" = empty).

    `extra` holds package properties kept from a copied case that the page does not edit.
    """

    meta: dict[str, str]
    tables: dict[str, pd.DataFrame]
    extra: dict = field(default_factory=dict)


@dataclass(frozen=True)
class DraftCheck:
    """What the validator says of a draft: its problems (rows numbered as in the editor, 1 for
    the first row) and, per table, the typed rows that have none, for a live drawing."""

    case_id: str
    problems: list[Problem]
    valid: dict[str, pd.DataFrame]

    @property
    def ok(self) -> bool:
        return not self.problems


def cell_text(value: object) -> str:
    """The CSV text of an edited cell: empty for nothing, `true`/`false`, keys joined by `;`,
    whole numbers without a decimal point."""
    if value is None or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return ";".join(cell_text(v) for v in value if cell_text(v))
    if hasattr(value, "tolist") and not isinstance(value, str):  # numpy arrays and scalars
        return cell_text(value.tolist())
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def text_frame(table: schema.Table, records: list[dict] | pd.DataFrame) -> pd.DataFrame:
    """A table of the contract as text cells: every column, in order, "" for empty."""
    rows = records.to_dict("records") if isinstance(records, pd.DataFrame) else records
    data = [{c: cell_text(r.get(c)) for c in table.column_names} for r in rows]
    return pd.DataFrame(data, columns=table.column_names, dtype=object).reset_index(drop=True)


def empty_draft() -> Draft:
    meta = dict.fromkeys(META_FIELDS, "") | {"licence": DEFAULT_LICENCE}
    return Draft(meta, {t.name: text_frame(t, []) for t in TABLES})


def _licence_of(package: dict) -> str:
    for item in package.get("licenses") or []:
        if isinstance(item, dict) and item.get("name") in LICENCES:
            return item["name"]
    return DEFAULT_LICENCE


def _meta_of(package: dict) -> dict[str, str]:
    meta = {k: str(package.get(k) or "") for k in META_FIELDS if k != "licence"}
    return meta | {"licence": _licence_of(package)}


def from_files(files: dict[str, bytes]) -> Draft:
    """A draft from a case folder's files (as an upload has them); unreadable parts are empty."""
    try:
        package = json.loads(files.get(PACKAGE_FILE, b"{}").decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        package = {}
    if not isinstance(package, dict):
        package = {}
    tables = {}
    for table in TABLES:
        _, rows, _ = read_csv(table.filename, files.get(table.filename, b""))
        tables[table.name] = text_frame(table, [r.cells for r in rows])
    extra = {k: package[k] for k in CARRIED_KEYS if k in package}
    return Draft(_meta_of(package), tables, extra)


def template_draft() -> Draft:
    """The template case of the upload page (two example rows per table), as a draft."""
    return from_files(read_zip("case-template.zip", template_zip(b"")).files)


def from_dataset(dataset: Dataset, case_id: str) -> Draft:
    """A copy of a loaded case (bundled, from a folder, or uploaded in this session)."""
    info = dataset.case_info(case_id)
    tables = {}
    for table in TABLES:
        frame = getattr(dataset, table.name)
        tables[table.name] = text_frame(table, frame[frame["case_id"] == case_id])
    meta = {k: str(info.get(k) or "") for k in META_FIELDS if k != "licence"}
    licence = info.get("licence") if info.get("licence") in LICENCES else DEFAULT_LICENCE
    extra = {k: info[k] for k in ("title_fr", "description_fr", "product_fr", "period_fr")
             if info.get(k)}
    # Titled as a copy: shown on every page beside its original, it must not pass for it.
    meta["title"] = copy_title(meta["title"], "en")
    if extra.get("title_fr"):
        extra["title_fr"] = copy_title(str(extra["title_fr"]), "fr")
    if info.get("scope") and info["scope"] != "product":
        extra["scope"] = info["scope"]
    if info.get("phases"):
        extra["phases"] = [{"id": i, "label": label} | ({"label_fr": fr} if fr else {})
                           for i, label, fr in info["phases"]]
    return Draft(meta | {"licence": licence}, tables, extra)


def copy_title(title: str, lang: str) -> str:
    """"Copy of <title>", within the length a title may have."""
    text = translate("build.copy_title", lang, title=title)
    return text if len(text) <= MAX_TITLE_CHARS else text[:MAX_TITLE_CHARS - 1] + "…"


def case_id_for(title: str, taken: set[str] | list[str] = ()) -> str:
    """The draft's case id: from its title, made unique among the cases already shown."""
    base = slugify(title, DEFAULT_CASE_ID)
    case_id, number = base, 2
    while case_id in taken:
        case_id = f"{base}-{number}"
        number += 1
    return case_id


def _csv_with_lines(table: schema.Table, frame: pd.DataFrame, *, safe: bool = False,
                    ) -> tuple[bytes, dict[int, int]]:
    """A table's CSV bytes, and for each row the file line it starts on -> its row number.

    A cell with a line break spans lines, so rows and lines are counted as they are written.
    `safe` quotes cells a spreadsheet would run as formulas (the validator refuses them, so a
    valid case is unchanged): a download of a draft that is not valid yet runs nothing.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(table.column_names)
    lines: dict[int, int] = {}
    line = 2
    for number, record in enumerate(frame[table.column_names].itertuples(index=False), 1):
        start = buffer.tell()
        cells = [cell_text(v) for v in record]
        writer.writerow([neutralise_formula(c) if safe and is_formula(c) else c
                         for c in cells])
        lines[line] = number
        line += buffer.getvalue()[start:].count("\n")
    return buffer.getvalue().encode("utf-8"), lines


def _package(draft: Draft, case_id: str) -> dict:
    meta = draft.meta
    licence = meta.get("licence") if meta.get("licence") in LICENCES else DEFAULT_LICENCE
    sources = draft.tables["sources"]
    cited = [{"title": c} for c in sources["citation"] if c.strip()] if len(sources) else []
    package = {"name": case_id}
    package |= {k: meta.get(k, "").strip() for k in META_FIELDS if k != "licence"}
    package |= {"licenses": [{"name": licence, "path": LICENCES[licence]}],
                "sources": cited or [{"title": "see sources.csv"}]}
    package |= {k: v for k, v in draft.extra.items() if k in CARRIED_KEYS}
    package["resources"] = [schema.resource(t) for t in TABLES]
    return package


def case_files(draft: Draft, case_id: str, *, safe: bool = False,
               ) -> tuple[dict[str, bytes], dict[str, dict[int, int]]]:
    """The case folder's files, and for each CSV its line -> row number map."""
    files: dict[str, bytes] = {}
    rows_of_lines: dict[str, dict[int, int]] = {}
    for table in TABLES:
        files[table.filename], rows_of_lines[table.filename] = _csv_with_lines(
            table, draft.tables[table.name], safe=safe)
    package = _package(draft, case_id)
    files[PACKAGE_FILE] = (json.dumps(package, indent=2, ensure_ascii=False) + "\n").encode()
    return files, rows_of_lines


def to_case(draft: Draft, case_id: str) -> UploadedCase:
    """The draft as the in-memory case an upload becomes, for the session's cases."""
    return UploadedCase(case_id, case_files(draft, case_id)[0])


def _limit_problems(draft: Draft, files: dict[str, bytes]) -> list[Problem]:
    """The limits of an upload, which the validator alone does not check."""
    problems = []
    title = " ".join(draft.meta.get("title", "").split())
    if len(title) > MAX_TITLE_CHARS:
        problems.append(Problem.of(PACKAGE_FILE, "problem.title_too_long", column="title",
                                   value=shorten(title), limit=str(MAX_TITLE_CHARS)))
    if sum(len(data) for data in files.values()) > MAX_UPLOAD_BYTES:
        problems.append(Problem.of("upload", "problem.upload_files_too_large",
                                   size=MAX_UPLOAD_BYTES // 2**20))
    for table in TABLES:
        if len(draft.tables[table.name]) > MAX_ROWS:
            problems.append(Problem.of(table.filename, "problem.too_many_rows", limit=MAX_ROWS))
    return problems


def _as_rows(problem: Problem, rows_of_lines: dict[str, dict[int, int]]) -> Problem:
    lines = rows_of_lines.get(problem.file)
    if lines is None or problem.line is None or problem.line not in lines:
        return problem
    return replace(problem, line=lines[problem.line])


def _valid_rows(checked: Checked, problems: list[Problem]) -> dict[str, list[Row]]:
    """The rows of each table that no problem names, whose references are valid rows too."""
    bad = {(p.file, p.line) for p in problems}
    bad_files = {p.file for p in problems if p.line is None}  # a whole table refused
    rows = {t.name: [r for r in checked.rows.get(t.name, [])
                     if t.filename not in bad_files and (t.filename, r.line) not in bad]
            for t in TABLES}
    keys = {t.name: {r.cells[t.primary_key] for r in rows[t.name]} for t in TABLES}
    for table in (schema.LINKS, schema.TASKS):  # links first: tasks may name a link
        rows[table.name] = [
            r for r in rows[table.name]
            if all(not r.cells.get(col) or r.cells[col] in keys[ref]
                   for col, (ref, _) in table.foreign_keys.items())
            and all(k in keys["sources"] for k in split_ids(r.cells.get("source_ids", "")))]
        keys[table.name] = {r.cells[table.primary_key] for r in rows[table.name]}
    rows["actors"] = [r for r in rows["actors"]
                      if all(k in keys["sources"] for k in split_ids(r.cells["source_ids"]))]
    return rows


def check(draft: Draft, case_id: str) -> DraftCheck:
    """Check a draft with the validator of uploads and `python -m app.core.validate`."""
    files, rows_of_lines = case_files(draft, case_id)
    checked = check_files(files, case_id)
    problems = _limit_problems(draft, files) + checked.problems
    valid = _valid_rows(checked, problems)
    frames = {t.name: table_frame(t, valid[t.name], case_id) for t in TABLES}
    return DraftCheck(case_id, [_as_rows(p, rows_of_lines) for p in problems], frames)


def zip_bytes(draft: Draft, case_id: str) -> bytes:
    """The draft as the zip of a case folder `<case_id>/` (datapackage.json and four CSVs),
    whether it is valid or not, so that nothing typed is lost."""
    files, _ = case_files(draft, case_id, safe=True)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in (PACKAGE_FILE,) + tuple(t.filename for t in TABLES):
            archive.writestr(f"{case_id}/{name}", files[name])
    return buffer.getvalue()


# -- The editor's side: typed cells for the grid, and edits folded back into text --------

def column_kind(table: schema.Table, column: schema.Column) -> str:
    """How the editor offers a column: `vocabulary`, `country`, `actor`, `link`, `sources`
    (several source keys), `boolean`, `integer` or `text`."""
    if column.name in VOCABULARY_OF_COLUMN and column.vocabulary:
        return "vocabulary"
    if column.kind == "country":
        return "country"
    if column.kind == "source_ids":
        return "sources"
    reference = table.foreign_keys.get(column.name)
    if reference:
        return "actor" if reference[0] == "actors" else "link"
    if column.type == "boolean":
        return "boolean"
    if column.type == "integer":
        return "integer"
    return "text"


def editor_order(table: schema.Table) -> list[str]:
    """The grid's columns: the required ones first (left, where a new row starts), then the
    optional ones, the French translations last; the files keep the contract's order."""
    def rank(column: schema.Column) -> int:
        return 0 if column.required else 2 if column.name.endswith("_fr") else 1

    return [c.name for c in sorted(table.columns, key=rank)]


def _editor_value(kind: str, text: str) -> object:
    if kind == "sources":
        return split_ids(text)
    if kind == "boolean":
        return {"true": True, "false": False}.get(text)
    if kind == "integer":
        return int(text) if re.fullmatch(r"\d{1,15}", text) else None
    if kind in ("vocabulary", "country", "actor", "link"):
        return text or None  # a drop-down shows nothing chosen
    return text


def editor_frame(draft: Draft, table_name: str) -> pd.DataFrame:
    """A table as the grid edits it: lists of source keys, booleans, whole numbers, None for
    nothing chosen.

    A whole number the grid cannot hold (typed as text in a file) is shown empty; the
    draft keeps its text until that cell is edited.
    """
    table = TABLE_BY_NAME[table_name]
    frame = draft.tables[table_name]
    data = {}
    for column in table.columns:
        kind = column_kind(table, column)
        values = [_editor_value(kind, v) for v in frame[column.name]]
        if kind == "integer":
            data[column.name] = pd.array(values, dtype="Int64")
        elif kind == "boolean":
            data[column.name] = pd.array(values, dtype="boolean")
        else:
            data[column.name] = pd.Series(values, dtype=object)
    return pd.DataFrame(data, columns=table.column_names)


def apply_edits(draft: Draft, table_name: str, edits: dict) -> Draft:
    """The draft after the grid's edits of one table: `edited_rows` ({position: {column:
    value}}), `added_rows` ([{column: value}]) and `deleted_rows` ([position]), positions
    counted from 0 in the table the grid was given."""
    table = TABLE_BY_NAME[table_name]
    records = draft.tables[table_name].to_dict("records")
    for position, changes in (edits.get("edited_rows") or {}).items():
        index = int(position)
        if 0 <= index < len(records):
            for column, value in changes.items():
                if column in table.column_names:
                    records[index][column] = cell_text(value)
    deleted = {int(p) for p in edits.get("deleted_rows") or []}
    records = [r for i, r in enumerate(records) if i not in deleted]
    for added in edits.get("added_rows") or []:
        records.append({c: cell_text(v) for c, v in added.items() if c in table.column_names})
    return replace(draft, tables=draft.tables | {table_name: text_frame(table, records)})


def replace_table(draft: Draft, table_name: str, frame: pd.DataFrame) -> Draft:
    """The draft with one table replaced (as text cells)."""
    return replace(draft, tables=draft.tables | {
        table_name: text_frame(TABLE_BY_NAME[table_name], frame)})


def with_meta(draft: Draft, **meta: str) -> Draft:
    """The draft with some metadata texts changed."""
    return replace(draft, meta=draft.meta | {k: v for k, v in meta.items() if k in META_FIELDS})


def options(draft: Draft, table_name: str) -> list[str]:
    """The keys of a table's rows so far (actor ids, link ids, source keys), for drop-downs."""
    table = TABLE_BY_NAME[table_name]
    keys = [k for k in draft.tables[table_name][table.primary_key] if k]
    return list(dict.fromkeys(keys))


def option_labels(draft: Draft, table_name: str) -> dict[str, str]:
    """How a drop-down names each key: an actor by its name (a reader knows "Data workers", not
    "w3"), a link by its two ends; the key follows, as it is what the cell holds."""
    frame = draft.tables[table_name]
    labels = {}
    for row in frame.to_dict("records"):
        key = row[TABLE_BY_NAME[table_name].primary_key]
        if not key or key in labels:
            continue
        if table_name == "actors" and row["name"]:
            labels[key] = f"{row['name']} ({key})"
        elif table_name == "links" and row["from_actor"] and row["to_actor"]:
            labels[key] = f"{key}: {row['from_actor']} → {row['to_actor']}"
        else:
            labels[key] = key
    return labels


def row_counts(draft: Draft) -> dict[str, int]:
    """How many rows each table has that are not all empty."""
    return {name: int((frame != "").any(axis=1).sum()) if len(frame) else 0
            for name, frame in draft.tables.items()}


def country_options(lang: str) -> list[str]:
    """Every ISO 3166-1 alpha-2 code, in the order of the countries' names in `lang`."""
    codes = [c.alpha_2 for c in pycountry.countries]
    def key(code: str) -> str:  # "Équateur" among the E's
        name = unicodedata.normalize("NFKD", country_name(code, lang))
        return "".join(ch for ch in name if not unicodedata.combining(ch)).casefold()

    return sorted(codes, key=key)
