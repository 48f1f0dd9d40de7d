"""Cached access to the data, and the messages about cases that could not be loaded."""

from __future__ import annotations

import os
import time
from pathlib import Path

import streamlit as st

from app.components.i18n import current_language, t, tn
from app.core.errors import DataError
from app.core.load import (CASES_DIR, DATA_DIR_VARIABLE, ORIGIN_UPLOAD, REFERENCE_DIR, Dataset,
                           Reference, add_case, folder_cases, load_dataset)
from app.core.versions import load_dataset_at, load_reference_at
from app.core.text import escape_markdown
from app.core.upload import UploadedCase

MAX_PROBLEMS_SHOWN = 5
# Cached views are keyed by the data version, which holds upload digests: an upload's views
# leave the server's memory at the latest this long after they were last built.
VIEW_TTL_SECONDS = 3600
UPLOADS_KEY = "upload-cases"
MERGED_KEY = "upload-merged-dataset"


# A page asks for the data version several times per run, and a crowd runs pages at once:
# the files are looked at once per this many seconds (an edited CSV shows within it).
FINGERPRINT_SECONDS = 1.0
_fingerprints: dict[tuple[Path, ...], tuple[float, tuple]] = {}


def _fingerprint(*roots: Path) -> tuple:
    """Sizes and times of the data files: a cheap key that changes when a CSV is edited."""
    now = time.monotonic()
    seen = _fingerprints.get(roots)
    if seen is not None and now - seen[0] < FINGERPRINT_SECONDS:
        return seen[1]
    stamps = []
    for root in roots:
        if root.is_dir():
            for path in sorted(root.rglob("*")):
                if path.is_file():
                    stat = path.stat()
                    stamps.append((str(path), stat.st_size, stat.st_mtime_ns))
    _fingerprints[roots] = (now, tuple(stamps))
    return tuple(stamps)


def cached_view(max_entries: int):
    """Caches what a page shows (texts, tables, chart specs) for every session: built once per
    key, then shared as it is. Not copied on each read (`st.cache_resource`), so a rerun only
    draws it; callers must never modify what it returns."""
    return st.cache_resource(show_spinner=False, max_entries=max_entries, ttl=VIEW_TTL_SECONDS)


def _extra_dir() -> Path | None:
    value = os.environ.get(DATA_DIR_VARIABLE, "").strip()
    return Path(value) if value else None


# Which released versions this session's view is pinned to (`v=` in the link): case id ->
# version, and the reference's version. Written by `app/components/versions.py` before the page
# runs, read here, so that every page shows the pinned data; empty = the current data.
PINNED_CASES_KEY = "data-pinned-cases"
PINNED_REFERENCE_KEY = "data-pinned-reference"


def pinned_cases() -> tuple[tuple[str, str], ...]:
    return tuple(sorted(st.session_state.get(PINNED_CASES_KEY, {}).items()))


@st.cache_resource(show_spinner=False, max_entries=8)
def _load_dataset(extra_dir: str | None, files_key: int,
                  pins: tuple[tuple[str, str], ...] = ()) -> Dataset:
    # `files_key` (the files' stamp) is in the cache key: a name starting with "_" would be
    # left out of it by Streamlit, and an edited CSV never read again.
    if not pins:
        return load_dataset(CASES_DIR, Path(extra_dir) if extra_dir else None)
    extra = folder_cases(Path(extra_dir), DATA_DIR_VARIABLE) if extra_dir else None
    return load_dataset_at(dict(pins), CASES_DIR, extra_checked=extra)


@st.cache_resource(show_spinner=False, max_entries=4)
def _load_reference(key: tuple) -> Reference | DataError:
    try:
        return load_reference_at(key[1] if isinstance(key, tuple) else None, REFERENCE_DIR)
    except DataError as error:
        return error


def data_files_stamp() -> tuple:
    """Path, size and time of every data file in use: what a citation's data digest covers.

    None for a view pinned to released versions: those are named by their version and never
    change, while a digest of the current files would describe other data."""
    if pinned_cases() or st.session_state.get(PINNED_REFERENCE_KEY):
        return ()
    extra = _extra_dir()
    return _fingerprint(CASES_DIR, *([extra] if extra else []), REFERENCE_DIR)


def data_version_key() -> tuple:
    """What the cached views depend on: the extra folder, every data file's stamp, and the
    content of this session's uploads (so that no session ever sees another's upload)."""
    extra = _extra_dir()
    roots = [CASES_DIR] + ([extra] if extra else [])
    uploads = tuple((case_id, case.digest) for case_id, case in session_uploads().items())
    return (str(extra) if extra else None, hash(_fingerprint(*roots)), uploads, pinned_cases())


def get_dataset() -> Dataset:
    """All cases that load, plus this session's uploads; shared read-only, never modify it.

    Files are read once per change; uploaded cases live only in this browser session.
    """
    version = data_version_key()
    extra, files_key, uploads_key, pins = version
    dataset = _load_dataset(extra, files_key, pins)
    if not uploads_key:
        return dataset
    # Kept in the session, not in a shared cache: an upload leaves with its session.
    merged = st.session_state.get(MERGED_KEY)
    if merged is None or merged[0] != version:
        for case_id, case in session_uploads().items():
            dataset = add_case(dataset, case.files, case_id, ORIGIN_UPLOAD)
        merged = (version, dataset)
        st.session_state[MERGED_KEY] = merged
    return merged[1]


def session_uploads() -> dict[str, UploadedCase]:
    """This session's uploaded cases, by case id (kept in memory, gone with the session)."""
    return st.session_state.setdefault(UPLOADS_KEY, {})


def reference_version_key() -> tuple:
    """What views of the reference tables depend on: every reference file's stamp, and the
    released version the view is pinned to (None: the current files)."""
    return (hash(_fingerprint(REFERENCE_DIR)), st.session_state.get(PINNED_REFERENCE_KEY))


def get_reference() -> Reference | None:
    """The reference tables, or None (with a message on screen) when they are broken."""
    result = _load_reference(reference_version_key())
    if isinstance(result, DataError):
        render_problems(result.name, "reference", result.problems)
        return None
    return result


def reference_tables(version: tuple) -> Reference:
    """The reference tables for a cached view (which must not draw): the page has already
    called `get_reference`, which shows why they are broken; raised here only if they broke
    since."""
    loaded = _load_reference(version)
    if isinstance(loaded, DataError):
        raise loaded
    return loaded


def render_problems(name: str, origin: str, problems) -> None:
    """A visible, plain-text message naming a broken case and its first problems.

    `origin` is where the folder comes from: "bundled", "upload", "reference" (the reference
    tables) or the name of the variable that points to it.
    """
    lang = current_language()
    lines = [f"- {escape_markdown(p.describe(lang))}" for p in problems[:MAX_PROBLEMS_SHOWN]]
    more = len(problems) - MAX_PROBLEMS_SHOWN
    if more > 0:
        lines.append("- " + t("data.more_problems", more=more))
    where = (t(f"data.origin.{origin}") if origin in ("bundled", "upload", "reference")
             else escape_markdown(origin))
    st.warning(t("data.left_out", name=escape_markdown(name), origin=where,
                 problems=tn("count.problems", len(problems))) + "\n" + "\n".join(lines),
               icon=":material/warning:")


def get_cases_or_stop() -> Dataset:
    """The dataset for a page about cases: broken cases reported, and the page stopped with a
    message when no case at all could be loaded."""
    dataset = get_dataset()
    render_left_out(dataset)
    if not dataset.case_ids:
        st.warning(t("data.no_case_loaded"))
        st.stop()
    return dataset


def render_left_out(dataset: Dataset) -> None:
    for case in dataset.left_out:
        render_problems(case.case_id, case.origin, case.problems)
