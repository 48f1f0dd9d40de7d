"""Data versions: released packages kept as they were, and views pinned to one of them.

Every release of a package (a case folder or `data/reference`) is kept as a full copy of its
files in `data/releases/<package>/<version>/` (a few dozen KB per version; git stores a file
that did not change between versions only once). A view pinned to a version (`v=` in a link)
reads that copy; the current data stay in `data/cases/` and `data/reference/`.

The `v` parameter lists `package:version` pairs separated by commas, e.g.
`v=voice-assistant:1.0.0` or `v=canteen-terminal:1.1.0,reference:1.0.0`. A bare version
(`v=1.0.0`) pins every package the view shows (`bare_pins`). Nothing here writes.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from app.core import schema
from app.core.curation import check_rows
from app.core.errors import DataError
from app.core.load import (CASES_DIR, DATA_DIR, ORIGIN_BUNDLED, REFERENCE_DIR, Dataset,
                           Reference, build_dataset, folder_cases, load_reference, reference_from)
from app.core.validate import PACKAGE_FILE, Checked, check_files, read_folder

RELEASES_DIR = DATA_DIR / "releases"
REFERENCE_PACKAGE = "reference"
LEVELS = ("patch", "minor", "major")
_SEMVER = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$")
_PACKAGE = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
MAX_PINS = 50


def parse_version(text: str) -> tuple[int, int, int] | None:
    """(major, minor, patch) of a semantic version "1.2.3", or None when it is not one."""
    match = _SEMVER.match(text.strip()) if isinstance(text, str) else None
    return tuple(int(part) for part in match.groups()) if match else None  # type: ignore


def bump(version: str, level: str) -> str:
    """The next version at `level`: 1.2.3 -> patch 1.2.4, minor 1.3.0, major 2.0.0."""
    parts = parse_version(version)
    if parts is None:
        raise ValueError(f"not a semantic version: {version!r}")
    if level not in LEVELS:
        raise ValueError(f"level must be one of {', '.join(LEVELS)}: {level!r}")
    major, minor, patch = parts
    if level == "major":
        return f"{major + 1}.0.0"
    if level == "minor":
        return f"{major}.{minor + 1}.0"
    return f"{major}.{minor}.{patch + 1}"


def release_folder(package: str, version: str, releases_dir: Path = RELEASES_DIR) -> Path:
    """Where one released version of a package is kept (checked names only: never a path
    taken from a link)."""
    if not _PACKAGE.match(package) or parse_version(version) is None:
        raise ValueError(f"not a package and version: {package!r} {version!r}")
    return releases_dir / package / version


def released_versions(package: str, releases_dir: Path = RELEASES_DIR) -> list[str]:
    """The versions of a package kept in the releases folder, oldest first."""
    folder = releases_dir / package
    if not _PACKAGE.match(package) or not folder.is_dir():
        return []
    found = [p.name for p in folder.iterdir()
             if p.is_dir() and parse_version(p.name) and (p / PACKAGE_FILE).is_file()]
    return sorted(found, key=parse_version)


def check_release(package: str, version: str, releases_dir: Path = RELEASES_DIR) -> Checked:
    """Validate one released version, as the package it was (named `package`).

    A release is shown as it was cited: curation rules added to the validator after it was
    released (which the later versions satisfy) do not keep it from loading; its files must
    still be readable tables that keep the contract's types, keys and references.
    """
    folder = release_folder(package, version, releases_dir)
    reference = package == REFERENCE_PACKAGE
    checked = check_files(read_folder(folder), package, reference=reference)
    if checked.ok:
        return checked
    tables = schema.REFERENCE_TABLES if reference else schema.CASE_TABLES
    later = set(check_rows({t.name: t.filename for t in tables}, checked.rows))
    return Checked(checked.name, checked.package, checked.rows,
                   [p for p in checked.problems if p not in later])


def changelog(package: dict) -> list[dict]:
    """The package's changelog entries (newest first), skipping anything that is not one."""
    entries = package.get("changelog") or []
    return [e for e in entries if isinstance(e, dict) and parse_version(str(e.get("version")))] \
        if isinstance(entries, list) else []


def changes_between(package: dict, old: str, new: str) -> list[dict]:
    """The changelog entries after `old` up to and including `new` (newest first): what a
    reader of a link made on `old` has not seen. Empty when `old` is not older."""
    low, high = parse_version(old), parse_version(new)
    if low is None or high is None or low >= high:
        return []
    return [e for e in changelog(package) if low < parse_version(e["version"]) <= high]


@dataclass(frozen=True)
class PinRequest:
    """What a `v` parameter asked for: package -> version, and the parts it could not read."""

    pins: dict[str, str]
    unreadable: tuple[str, ...]
    bare: str | None = None


def parse_pins(raw: str | None) -> PinRequest:
    """Read `v=pkg:1.0.0,pkg2:1.1.0` (or a bare `v=1.0.0`). Never raises."""
    if not raw:
        return PinRequest({}, ())
    raw = raw.strip()
    if parse_version(raw):
        return PinRequest({}, (), bare=raw)
    pins: dict[str, str] = {}
    unreadable: list[str] = []
    for part in [p.strip() for p in raw.split(",") if p.strip()][:MAX_PINS]:
        package, _, version = part.partition(":")
        package, version = package.strip(), version.strip()
        if _PACKAGE.match(package) and parse_version(version):
            pins[package] = version
        else:
            unreadable.append(part)
    return PinRequest(pins, tuple(unreadable))


def format_pins(pins: dict[str, str]) -> str:
    """The `v` value of some pins, in a stable order (the reference last)."""
    order = sorted(pins, key=lambda p: (p == REFERENCE_PACKAGE, p))
    return ",".join(f"{p}:{pins[p]}" for p in order)


@dataclass(frozen=True)
class PinOutcome:
    """How one asked version was served: `shown` is the version on screen, `current` the
    package's current one; `found` is False when the version is unknown (current data shown)."""

    package: str
    asked: str
    shown: str
    current: str
    found: bool

    @property
    def is_old(self) -> bool:
        return self.found and self.shown != self.current


def resolve_pins(pins: dict[str, str], current: dict[str, str],
                 releases_dir: Path = RELEASES_DIR) -> list[PinOutcome]:
    """For each asked package that exists: the version that will be shown.

    The current version is shown from the current files; another released version from its
    copy; a version never released gets the current data (and `found=False`).
    """
    outcomes = []
    for package, asked in pins.items():
        if package not in current:
            continue
        now = current[package]
        if asked == now:
            outcomes.append(PinOutcome(package, asked, now, now, True))
        elif asked in released_versions(package, releases_dir):
            outcomes.append(PinOutcome(package, asked, asked, now, True))
        else:
            outcomes.append(PinOutcome(package, asked, now, now, False))
    return outcomes


def load_dataset_at(pins: dict[str, str], cases_dir: Path = CASES_DIR,
                    releases_dir: Path = RELEASES_DIR,
                    extra_checked: list | None = None) -> Dataset:
    """The bundled cases with some of them as they were in a released version.

    `pins` maps case ids to versions that exist in the releases folder (see `resolve_pins`);
    other cases load from their current folder. `extra_checked` adds cases from elsewhere
    (the `DLC_DATA_DIR` ones), never pinned.
    """
    checked = []
    for item, origin in folder_cases(cases_dir, ORIGIN_BUNDLED):
        version = pins.get(item.name)
        if version and version != str(item.package.get("version", "")):
            item = check_release(item.name, version, releases_dir)
        checked.append((item, origin))
    return build_dataset(checked + list(extra_checked or []))


def load_reference_at(version: str | None, folder: Path = REFERENCE_DIR,
                      releases_dir: Path = RELEASES_DIR) -> Reference:
    """The reference tables, current or as released in `version` (raises DataError if bad)."""
    if not version:
        return load_reference(folder)
    checked = check_release(REFERENCE_PACKAGE, version, releases_dir)
    if not checked.ok:
        raise DataError(f"reference tables ({version})", checked.problems)
    return reference_from(checked)


def package_of(folder: Path) -> dict:
    """A folder's datapackage.json as a dict ({} when missing or unreadable)."""
    try:
        package = json.loads((folder / PACKAGE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return package if isinstance(package, dict) else {}
