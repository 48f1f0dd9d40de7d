"""Release a data package: validate it, bump its version, record the changelog entry, keep it.

Run it after editing a case folder (or `data/reference`):

    python -m app.core.release data/cases/voice-assistant --level minor \\
        --message "Workers in France: certainty 'reported'" \\
        --message-fr "Travailleurs en France : certitude « rapportée »"

A changed fact (actor, link, task, certainty, figure, country) is a `minor` release, a
correction of wording or metadata a `patch`. `--changes FILE.json` adds the entry's list of
changes (`rows`, `change`, `why`, `evidence`). The released files are copied to
`data/releases/<package>/<version>/`, so that a link citing that version shows them again.

A folder that does not validate is refused with its problems. Nothing is half-written: the
copy is made in a temporary folder beside the releases and renamed into place, and the
folder's `datapackage.json` is replaced in one step; if any step fails, what was done is undone.

`--record` keeps the folder as the version it already declares, without bumping (for a
version released before this command existed). Exit status 0 on success, 1 when refused,
2 on a bad argument.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from app.core.errors import Problem
from app.core.validate import PACKAGE_FILE, check_files, is_reference, read_folder
from app.core.versions import LEVELS, RELEASES_DIR, bump, parse_version, release_folder

CHANGE_KEYS = ("rows", "change", "why", "evidence")


class ReleaseRefused(Exception):
    """A release that was not made, and why (problems of the folder, or a plain reason)."""

    def __init__(self, reason: str, problems: list[Problem] | None = None):
        self.reason = reason
        self.problems = list(problems or [])
        super().__init__(reason)


@dataclass(frozen=True)
class Released:
    package: str
    old_version: str
    version: str
    snapshot: Path


def package_name(folder: Path) -> str:
    return "reference" if is_reference(folder) else folder.name


def _dump(package: dict) -> bytes:
    return (json.dumps(package, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def _validated(files: dict[str, bytes], name: str, reference: bool, what: str) -> None:
    checked = check_files(files, name, reference=reference)
    if not checked.ok:
        raise ReleaseRefused(f"{what} does not validate", checked.problems)


def changelog_entry(version: str, date: dt.date, message: str, message_fr: str,
                    changes: list[dict] | None = None) -> dict:
    """One changelog entry in the shared format (`changes` left out when there are none)."""
    if not message.strip() or not message_fr.strip():
        raise ReleaseRefused("a release needs a summary in English (--message) and in French "
                             "(--message-fr)")
    entry = {"version": version, "date": date.isoformat(), "summary": message.strip(),
             "summary_fr": message_fr.strip()}
    if changes:
        for index, change in enumerate(changes, 1):
            if not isinstance(change, dict) or not all(
                    isinstance(change.get(k), str) and change[k].strip() for k in CHANGE_KEYS):
                raise ReleaseRefused(f"change {index} must give {', '.join(CHANGE_KEYS)} as "
                                     "non-empty texts")
        entry["changes"] = [{k: change[k].strip() for k in CHANGE_KEYS} for change in changes]
    return entry


def _write_snapshot(files: dict[str, bytes], target: Path) -> None:
    """Copy the files into `target`, which appears whole or not at all."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    staging.chmod(0o755)
    try:
        for name, data in sorted(files.items()):
            (staging / name).write_bytes(data)
        os.rename(staging, target)  # fails if target exists: a version is never overwritten
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _replace_file(path: Path, data: bytes) -> None:
    """Write `path` in one step (a temporary file beside it, then renamed over it)."""
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}-", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def release(folder: Path, level: str = "patch", message: str = "", message_fr: str = "",
            changes: list[dict] | None = None, date: dt.date | None = None,
            releases_dir: Path = RELEASES_DIR, record: bool = False) -> Released:
    """Release the package in `folder` (see the module's doc); raises ReleaseRefused."""
    folder = Path(folder)
    if not (folder / PACKAGE_FILE).is_file():
        raise ReleaseRefused(f"{folder}: no {PACKAGE_FILE} here")
    reference = is_reference(folder)
    name = package_name(folder)
    files = read_folder(folder)
    _validated(files, name, reference, str(folder))
    package = json.loads(files[PACKAGE_FILE].decode("utf-8-sig"))
    old = str(package.get("version", ""))
    if parse_version(old) is None:
        raise ReleaseRefused(f"{folder}/{PACKAGE_FILE}: version {old!r} is not a semantic "
                             "version such as 1.0.0")
    if record:
        target = release_folder(name, old, releases_dir)
        if target.exists():
            raise ReleaseRefused(f"version {old} of {name} is already kept in {target}")
        _write_snapshot(files, target)
        return Released(name, old, old, target)
    if level not in LEVELS:
        raise ReleaseRefused(f"--level must be one of {', '.join(LEVELS)}")
    new = bump(old, level)
    target = release_folder(name, new, releases_dir)
    if target.exists():
        raise ReleaseRefused(f"version {new} of {name} is already kept in {target}")
    entry = changelog_entry(new, date or dt.date.today(), message, message_fr, changes)
    previous = package.get("changelog") or []
    if not isinstance(previous, list):
        raise ReleaseRefused(f"{folder}/{PACKAGE_FILE}: changelog must be a list")
    updated = dict(package, version=new, changelog=[entry] + previous)
    new_files = dict(files, **{PACKAGE_FILE: _dump(updated)})
    _validated(new_files, name, reference, f"{folder} with the new changelog entry")
    _write_snapshot(new_files, target)
    try:
        _replace_file(folder / PACKAGE_FILE, new_files[PACKAGE_FILE])
    except BaseException:
        shutil.rmtree(target, ignore_errors=True)
        raise
    return Released(name, old, new, target)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m app.core.release",
        description="Validate a data package, bump its version, record its changelog entry "
                    "and keep a copy of the released files.")
    parser.add_argument("path", type=Path, help="a case folder, or data/reference")
    parser.add_argument("--level", choices=LEVELS, default="patch",
                        help="minor for a changed fact, patch for wording or metadata")
    parser.add_argument("--message", default="", help="what changed, in English")
    parser.add_argument("--message-fr", default="", help="what changed, in French")
    parser.add_argument("--changes", type=Path,
                        help="a JSON file: a list of {rows, change, why, evidence}")
    parser.add_argument("--date", type=dt.date.fromisoformat, help="YYYY-MM-DD (default today)")
    parser.add_argument("--releases", type=Path, default=RELEASES_DIR,
                        help="where released versions are kept (default data/releases)")
    parser.add_argument("--record", action="store_true",
                        help="keep the folder as the version it declares, without bumping")
    args = parser.parse_args(argv)
    changes = None
    if args.changes:
        try:
            changes = json.loads(args.changes.read_text(encoding="utf-8"))
        except (OSError, ValueError) as err:
            print(f"{args.changes}: {err}", file=sys.stderr)
            return 2
        if not isinstance(changes, list):
            print(f"{args.changes}: expected a JSON list of changes", file=sys.stderr)
            return 2
    try:
        done = release(args.path, args.level, args.message, args.message_fr, changes,
                       args.date, args.releases, args.record)
    except ReleaseRefused as refused:
        print(f"refused: {refused.reason}", file=sys.stderr)
        for problem in refused.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    if done.old_version == done.version:
        print(f"kept {done.package} {done.version} in {done.snapshot}")
    else:
        print(f"released {done.package} {done.old_version} -> {done.version}; "
              f"kept in {done.snapshot}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
