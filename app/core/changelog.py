"""A package's `version` and `changelog`: what changed in the data, release by release.

`changelog` is optional (packages written before it existed still load), but when present it
is a list, newest first, of releases:

    {"version": "1.1.0", "date": "2026-12-04", "summary": "...", "summary_fr": "...",
     "changes": [{"rows": "actors.csv: mg-workers", "change": "...", "why": "...",
                  "evidence": "S0 l.1-14"}]}

Versions are semantic versions, strictly descending; the first entry's is the package's
`version`; dates are ISO dates (YYYY-MM-DD); `changes` may be left out of a first release.
Each problem names `datapackage.json`, the property (`changelog[1].date`) and the value.
"""

from __future__ import annotations

import datetime as dt
import re

from app.core.errors import Problem, shorten

PACKAGE_FILE = "datapackage.json"
SEMVER = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)"
                    r"(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z.-]+)?$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
CHANGE_KEYS = ("rows", "change", "why", "evidence")


def version_key(version: str) -> tuple:
    """Semantic-version precedence: 1.10.0 > 1.9.0 > 1.9.0-rc.1 (build metadata ignored)."""
    match = SEMVER.match(version)
    if not match:
        raise ValueError(version)
    major, minor, patch, pre = match.groups()
    core = (int(major), int(minor), int(patch))
    if pre is None:
        return core + (1, ())
    parts = tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in pre.split("."))
    return core + (0, parts)


def _is_date(text: object) -> bool:
    if not isinstance(text, str) or not ISO_DATE.match(text):
        return False
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _problem(key: str, where: str, value: object, **params: object) -> Problem:
    return Problem.of(PACKAGE_FILE, key, column=where, value=str(value), **params)


def _text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def check_version(package: dict) -> list[Problem]:
    """`version` (when given) is a semantic version, and `changelog` (when given) is valid."""
    problems: list[Problem] = []
    version = package.get("version")
    if version is not None and not (isinstance(version, str) and SEMVER.match(version)):
        problems.append(_problem("problem.version_semver", "version", version))
    if "changelog" in package:
        problems += check_changelog(package["changelog"], version)
    return problems


def check_changelog(changelog: object, version: object) -> list[Problem]:
    """Every problem of a `changelog` property, for a package at `version`."""
    if not isinstance(changelog, list) or not changelog:
        return [_problem("problem.changelog_list", "changelog", _short(changelog))]
    problems: list[Problem] = []
    versions: list[tuple[int, str]] = []
    for index, entry in enumerate(changelog):
        where = f"changelog[{index}]"
        if not isinstance(entry, dict):
            problems.append(_problem("problem.changelog_entry", where, _short(entry)))
            continue
        number = entry.get("version")
        if isinstance(number, str) and SEMVER.match(number):
            versions.append((index, number))
        else:
            problems.append(_problem("problem.changelog_version", f"{where}.version",
                                     number if number is not None else ""))
        if not _is_date(entry.get("date")):
            problems.append(_problem("problem.changelog_date", f"{where}.date",
                                     entry.get("date", "")))
        for field in ("summary", "summary_fr"):
            if not _text(entry.get(field)):
                problems.append(_problem("problem.changelog_summary", f"{where}.{field}",
                                         entry.get(field, ""), field=field))
        problems += _check_changes(entry, where)
    if versions and versions[0][0] == 0 and isinstance(version, str) \
            and versions[0][1] != version:
        problems.append(_problem("problem.changelog_first", "changelog[0].version",
                                 versions[0][1], version=version))
    for (_, newer), (index, older) in zip(versions, versions[1:]):
        if version_key(older) >= version_key(newer):
            problems.append(_problem("problem.changelog_order", f"changelog[{index}].version",
                                     older, newer=newer))
    return problems


def _check_changes(entry: dict, where: str) -> list[Problem]:
    if "changes" not in entry:
        return []
    changes = entry["changes"]
    if not isinstance(changes, list):
        return [_problem("problem.changelog_changes", f"{where}.changes", _short(changes))]
    problems = []
    for number, change in enumerate(changes):
        here = f"{where}.changes[{number}]"
        if not isinstance(change, dict):
            problems.append(_problem("problem.changelog_changes", here, _short(change)))
            continue
        for field in CHANGE_KEYS:
            if not _text(change.get(field)):
                problems.append(_problem("problem.changelog_change_field", f"{here}.{field}",
                                         change.get(field, ""), field=field,
                                         fields=CHANGE_KEYS))
    return problems


def _short(value: object) -> str:
    return shorten(str(value), 40)
