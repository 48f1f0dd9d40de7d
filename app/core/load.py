"""Loaders: every case folder, validated, as tidy DataFrames across cases.

Cases come from the bundled `data/cases/` and, in addition, from every case folder inside the
directory named by the environment variable `DLC_DATA_DIR`. A broken case is left out and
reported with its problems; every other case still loads. Text columns are `str` with "" for
empty, `workers` is nullable `Int64`, booleans are `bool`.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import pandas as pd

from app.core import schema
from app.core.errors import DataError, Problem, UnknownCase
from app.core.vocab import DEFAULT_SCOPE
from app.core.validate import Checked, check_files, check_folder, read_folder

T = TypeVar("T")

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = PROJECT_ROOT / "data"
CASES_DIR = DATA_DIR / "cases"
REFERENCE_DIR = DATA_DIR / "reference"
DATA_DIR_VARIABLE = "DLC_DATA_DIR"

TRANSLATED_PACKAGE_KEYS = ("title", "description", "product", "period")
CASE_COLUMNS = ["case_id", "title", "description", "product", "period", "licence", "version",
                "origin", "aliases", "scope", "phases"] + [f"{k}_fr" for k in TRANSLATED_PACKAGE_KEYS]
ORIGIN_BUNDLED = "bundled"
ORIGIN_DATA_DIR = DATA_DIR_VARIABLE
ORIGIN_UPLOAD = "upload"


@dataclass(frozen=True)
class CaseProblems:
    """A case that was left out, and why."""

    case_id: str
    origin: str
    problems: tuple[Problem, ...]


@dataclass(frozen=True)
class Dataset:
    """All loaded cases: one row per case in `cases`, the four tables with a `case_id` column."""

    cases: pd.DataFrame
    actors: pd.DataFrame
    links: pd.DataFrame
    tasks: pd.DataFrame
    sources: pd.DataFrame
    left_out: tuple[CaseProblems, ...] = field(default=())
    # A loaded dataset is shared read-only by every session, so its parts are worked out once.
    _parts: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def derived(self, key: Hashable, make: Callable[[], T]) -> T:
        """What `make` works out from this dataset, made once per key and then shared: callers
        must not modify it."""
        if key not in self._parts:
            self._parts[key] = make()
        return self._parts[key]

    @property
    def case_ids(self) -> list[str]:
        return list(self.derived("case_ids", lambda: tuple(self.cases["case_id"])))

    def only(self, case_ids: list[str] | str) -> Dataset:
        """The same dataset restricted to some cases (unknown ids raise UnknownCase).

        Kept once made: callers must not modify the frames of a dataset (none does).
        """
        wanted = (case_ids,) if isinstance(case_ids, str) else tuple(case_ids)
        known = self.case_ids
        for case_id in wanted:
            if case_id not in known:
                raise UnknownCase(case_id, known)

        def keep(frame: pd.DataFrame) -> pd.DataFrame:
            return frame[frame["case_id"].isin(wanted)].reset_index(drop=True)

        return self.derived(("only", wanted), lambda: Dataset(
            keep(self.cases), keep(self.actors), keep(self.links), keep(self.tasks),
            keep(self.sources), self.left_out))

    def case_aliases(self) -> dict[str, str]:
        """Former case ids -> current ones, so that links printed with an old id still open."""
        return dict(self.derived("aliases", lambda: {
            old: case_id for case_id, olds in zip(self.cases["case_id"], self.cases["aliases"])
            for old in olds if old not in self.case_ids}))

    def case_phases(self, case_id: str) -> tuple[tuple[str, str, str], ...]:
        """A case's phases in time order: (id, label, French label); none for most cases."""
        return tuple(self.case_info(case_id)["phases"])

    def case_info(self, case_id: str) -> dict:
        """One case's title, description, product, period... (a copy: change it freely)."""
        infos = self.derived("infos", lambda: {row["case_id"]: row
                                               for row in self.cases.to_dict("records")})
        if case_id not in infos:
            raise UnknownCase(case_id, self.case_ids)
        return dict(infos[case_id])


def table_frame(table: schema.Table, checked_rows: list, case_id: str) -> pd.DataFrame:
    """Typed DataFrame of one validated table, with `case_id` first."""
    records = [{c: row.cells.get(c, "") for c in table.column_names} for row in checked_rows]
    frame = pd.DataFrame(records, columns=table.column_names, dtype=object)
    for col in table.columns:
        values = frame[col.name]
        if col.type == "integer":
            frame[col.name] = pd.array([int(v) if v else None for v in values], dtype="Int64")
        elif col.type == "number":
            frame[col.name] = pd.array([float(v) if v else None for v in values], dtype="Float64")
        elif col.type == "boolean":
            frame[col.name] = pd.array([v == "true" for v in values], dtype=bool)
        else:
            frame[col.name] = values.astype(str)
    frame.insert(0, "case_id", case_id)
    return frame


def _licence(package: dict) -> str:
    licences = package.get("licenses") or []
    names = [str(item.get("name", "")) for item in licences if isinstance(item, dict)]
    return ", ".join(n for n in names if n)


def case_record(checked: Checked, origin: str) -> dict:
    package = checked.package
    return {"case_id": checked.name, "title": str(package.get("title", checked.name)),
            "description": str(package.get("description", "")),
            "product": str(package.get("product", "")), "period": str(package.get("period", "")),
            "licence": _licence(package), "version": str(package.get("version", "")),
            "origin": origin, "aliases": tuple(package.get("aliases") or ()),
            "scope": str(package.get("scope") or DEFAULT_SCOPE),
            "phases": tuple((p["id"], p["label"], str(p.get("label_fr") or ""))
                            for p in package.get("phases") or ())} | {
            f"{k}_fr": str(package.get(f"{k}_fr") or "") for k in TRANSLATED_PACKAGE_KEYS}


def empty_frame(table: schema.Table) -> pd.DataFrame:
    return table_frame(table, [], "").iloc[0:0]


def build_dataset(checked_cases: list[tuple[Checked, str]]) -> Dataset:
    """Assemble validated cases into one Dataset; invalid or duplicate ones are left out."""
    records, left_out = [], []
    frames: dict[str, list[pd.DataFrame]] = {t.name: [] for t in schema.CASE_TABLES}
    seen: dict[str, str] = {}
    for checked, origin in checked_cases:
        if checked.name in seen:
            left_out.append(CaseProblems(checked.name, origin, (Problem.of(
                checked.name, "problem.case_loaded_from", origin=seen[checked.name]),)))
            continue
        if not checked.ok:
            left_out.append(CaseProblems(checked.name, origin, tuple(checked.problems)))
            continue
        seen[checked.name] = origin
        records.append(case_record(checked, origin))
        for table in schema.CASE_TABLES:
            frames[table.name].append(table_frame(table, checked.rows[table.name], checked.name))

    def concat(table: schema.Table) -> pd.DataFrame:
        parts = frames[table.name]
        return pd.concat(parts, ignore_index=True) if parts else empty_frame(table)

    return Dataset(pd.DataFrame(records, columns=CASE_COLUMNS),
                   *(concat(t) for t in schema.CASE_TABLES), left_out=tuple(left_out))


def folder_cases(root: Path, origin: str) -> list[tuple[Checked, str]]:
    """Validate every case folder directly inside ROOT (sorted, hidden folders skipped)."""
    if not root.is_dir():
        return [(Checked(root.name or str(root), {}, {}, [Problem.of(
            str(root), "problem.not_a_folder")]), origin)]
    folders = sorted(p for p in root.iterdir()
                     if p.is_dir() and not p.is_symlink() and not p.name.startswith("."))
    return [(check_folder(folder), origin) for folder in folders]


def load_dataset(cases_dir: Path = CASES_DIR, extra_dir: Path | None | str = "env") -> Dataset:
    """Load the bundled cases and those of `DLC_DATA_DIR` (or `extra_dir`, when given)."""
    if extra_dir == "env":
        extra = os.environ.get(DATA_DIR_VARIABLE, "").strip()
        extra_dir = Path(extra) if extra else None
    checked = folder_cases(cases_dir, ORIGIN_BUNDLED)
    if extra_dir is not None:
        checked += folder_cases(Path(extra_dir), ORIGIN_DATA_DIR)
    return build_dataset(checked)


def add_case(dataset: Dataset, files: dict[str, bytes], case_id: str, origin: str) -> Dataset:
    """A new Dataset with one more case given in memory (an upload); raises DataError if bad."""
    checked = check_files(files, case_id)
    if not checked.ok:
        raise DataError(case_id, checked.problems)
    if case_id in dataset.case_ids:
        raise DataError(case_id, [Problem.of(case_id, "problem.case_loaded")])
    added = build_dataset([(checked, origin)])

    def join(a: pd.DataFrame, b: pd.DataFrame) -> pd.DataFrame:
        return pd.concat([a, b], ignore_index=True)

    return Dataset(join(dataset.cases, added.cases), join(dataset.actors, added.actors),
                   join(dataset.links, added.links), join(dataset.tasks, added.tasks),
                   join(dataset.sources, added.sources), dataset.left_out)


@dataclass(frozen=True)
class Reference:
    """The shared reference tables: platform inventory, their relations, key figures."""

    platforms: pd.DataFrame
    platform_links: pd.DataFrame
    figures: pd.DataFrame
    sources: pd.DataFrame
    package: dict


def reference_from(checked) -> Reference:
    """The reference tables of a folder's checked contents (current or released)."""
    frames = {t.name: table_frame(t, checked.rows[t.name], "reference").drop(columns="case_id")
              for t in schema.REFERENCE_TABLES}
    return Reference(frames["platforms"], frames["platform_links"], frames["figures"],
                     frames["sources"], checked.package)


def load_reference(folder: Path = REFERENCE_DIR) -> Reference:
    """Load `data/reference/`; raises DataError when it breaks the contract."""
    checked = check_files(read_folder(folder), folder.name, reference=True)
    if not checked.ok:
        raise DataError(f"reference tables ({folder.name})", checked.problems)
    return reference_from(checked)
