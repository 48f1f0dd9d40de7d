"""Links, QR codes and citations of a view: what a researcher pastes into a paper or a slide."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

import segno

from app.core.i18n import DEFAULT_LANGUAGE, format_date, translate
from app.core.load import Dataset

PACKAGE = "data-labour-chains"
BIBTEX_LANGUAGES = {"en": "english", "fr": "french"}  # biblatex's `langid`


@lru_cache(maxsize=1)
def app_version() -> str:
    """The dashboard's version, as installed (pyproject.toml); read once per process."""
    try:
        return metadata.version(PACKAGE)
    except metadata.PackageNotFoundError:
        return "unknown"


@lru_cache(maxsize=16)
def _files_digest(paths: tuple[tuple[str, int, int], ...]) -> str:
    sha = hashlib.sha256()
    for path, _, _ in paths:
        sha.update(path.encode() + b"\0" + Path(path).read_bytes())
    return sha.hexdigest()[:10]


def data_version(dataset: Dataset, case_ids: list[str], files: tuple = (),
                 lang: str = DEFAULT_LANGUAGE) -> str:
    """Which data a view shows: each case's declared version, and a digest of the files.

    `files` is a tuple of (path, size, mtime) of the data files; the digest changes whenever a
    byte of them does, so a citation pins exactly the data that was on screen. Worded in
    `lang` ("all cases (files 1a2b…)" / "tous les cas (fichiers 1a2b…)").
    """
    versions = dict(zip(dataset.cases["case_id"], dataset.cases["version"]))
    unversioned = translate("cite.unversioned", lang)
    parts = [f"{c} {versions.get(c) or unversioned}" for c in case_ids if c in versions]
    digest = _files_digest(tuple(files)) if files else ""
    text = translate("cite.list_separator", lang).join(parts) if parts else translate(
        "cite.all_cases", lang)
    return translate("cite.with_files", lang, data=text, digest=digest) if digest else text


def view_url(page_url: str, params: dict[str, str]) -> str:
    """The page's address with exactly the view's parameters, in a stable order."""
    scheme, netloc, path, _, _ = urlsplit(page_url)
    query = urlencode(sorted((k, v) for k, v in params.items() if v != ""))
    return urlunsplit((scheme, netloc, path, query, ""))


def _bibtex_text(text: str) -> str:
    """Text that BibTeX prints as is (braces and backslashes cannot open a command)."""
    replacements = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "%": r"\%",
                    "&": r"\&", "#": r"\#", "$": r"\$", "_": r"\_", "~": r"\~{}",
                    "^": r"\^{}"}
    return "".join(replacements.get(ch, ch) for ch in text)


def citation_text(view_title: str, url: str, data: str, accessed: dt.date,
                  lang: str = DEFAULT_LANGUAGE) -> str:
    """An APA-like reference of the view in `lang`, with the link and both versions.

    "… Retrieved November 25, 2026, from https://…" / "… Consulté le 25 novembre 2026, à
    l'adresse https://…". `view_title` is expected in the same language.
    """
    return translate("cite.text", lang, author=translate("cite.author", lang),
                     year=str(accessed.year), title=translate("app.title", lang),
                     view=view_title, version=app_version(), data=data,
                     date=format_date(accessed, lang), url=url)


def citation_bibtex(view_title: str, url: str, data: str, accessed: dt.date,
                    key_hint: str = "view", lang: str = DEFAULT_LANGUAGE) -> str:
    """The same reference as a BibTeX @misc entry in `lang` (biblatex reads `urldate` and
    `langid` too)."""
    key = "dlc-" + "".join(ch for ch in key_hint.lower() if ch.isalnum() or ch == "-")[:40]
    title = translate("cite.bibtex_title", lang, title=translate("app.title", lang),
                      view=_bibtex_text(view_title))
    note = translate("cite.bibtex_note", lang, version=app_version(), data=_bibtex_text(data),
                     date=accessed.isoformat())
    return "\n".join([
        f"@misc{{{key}-{accessed.isoformat()},",
        f"  author = {{{{{translate('cite.author', lang)}}}}},",
        f"  title = {{{title}}},",
        f"  year = {{{accessed.year}}},",
        f"  howpublished = {{\\url{{{url}}}}},",
        f"  url = {{{url}}},",
        f"  urldate = {{{accessed.isoformat()}}},",
        f"  langid = {{{BIBTEX_LANGUAGES.get(lang, lang)}}},",
        f"  note = {{{note}}},",
        "}",
    ])


@lru_cache(maxsize=256)
def qr_code(url: str, kind: str = "png", scale: int = 8) -> bytes:
    """The link as a QR code, PNG or SVG, for slides and posters."""
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind=kind, scale=scale, border=2)
    return buffer.getvalue()
