"""The research behind a view: the sources its rows cite, as a reference list and as BibTeX.

A citation of the dashboard says where the reader saw the chain; the primary sources say
who found it. Sources keep their own citation text (in their own language); the DOI is taken
from the address (`https://doi.org/10…`) or from the citation (`doi:10…`) where there is one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

from app.core.share import _bibtex_text
from app.core.validate import split_ids

_DOI = re.compile(r"\b(10\.\d{4,9}/[^\s\"<>{}]+)", re.IGNORECASE)
SOURCE_COLUMNS = ["source_id", "citation", "year", "url", "kind", "note", "doi"]


def doi_of(url: str, citation: str = "") -> str:
    """The DOI of a source ("10.1177/…") from its address or its citation, else ""."""
    for text in (url or "", citation or ""):
        if "doi" in text.lower():
            match = _DOI.search(text)
            if match:
                return match.group(1).rstrip(".,;)")
    return ""


def cited_keys(frames: Iterable[pd.DataFrame]) -> set[tuple[str, str]]:
    """(case_id, source key) of every source cited by the rows of `frames`."""
    keys = set()
    for frame in frames:
        if frame is None or frame.empty or "source_ids" not in frame.columns:
            continue
        cases = frame["case_id"] if "case_id" in frame.columns else [""] * len(frame)
        for case_id, cell in zip(cases, frame["source_ids"]):
            keys.update((case_id, key) for key in split_ids(str(cell)))
    return keys


def cited_sources(sources: pd.DataFrame, frames: Iterable[pd.DataFrame]) -> pd.DataFrame:
    """The sources cited by the rows of `frames`, once each (a source cited by several cases
    with the same text is listed once), ordered by year then key, with a `doi` column.

    `sources` has a `case_id` column when the rows come from several cases; without it (the
    reference tables) keys are matched on their own.
    """
    keys = cited_keys(frames)
    if sources.empty or not keys:
        return pd.DataFrame(columns=SOURCE_COLUMNS)
    if "case_id" in sources.columns:
        wanted = sources[[(c, k) in keys for c, k in zip(sources["case_id"],
                                                          sources["source_id"])]]
    else:
        wanted = sources[sources["source_id"].isin({k for _, k in keys})]
    rows = wanted.drop_duplicates(subset=["source_id", "citation"]).copy()
    rows["doi"] = [doi_of(u, c) for u, c in zip(rows["url"], rows["citation"])]
    rows = rows.sort_values(["year", "source_id"], key=lambda s: s.astype(str))
    return rows[SOURCE_COLUMNS].reset_index(drop=True)


def sources_text(rows: pd.DataFrame) -> str:
    """One reference per line: `[S1] Citation. https://… (doi:…)` (DOI only when the address
    does not already give it)."""
    lines = []
    for row in rows.to_dict("records"):
        line = f"[{row['source_id']}] {str(row['citation']).strip()}"
        if row["url"]:
            line += f" {row['url']}"
        if row["doi"] and row["doi"].lower() not in str(row["url"]).lower() + str(
                row["citation"]).lower():
            line += f" doi:{row['doi']}"
        lines.append(line)
    return "\n".join(lines)


def _bibtex_key(source_id: str, seen: set[str]) -> str:
    base = "src-" + re.sub(r"[^A-Za-z0-9_-]", "", source_id)
    key, n = base, 2
    while key in seen:
        key, n = f"{base}-{n}", n + 1
    seen.add(key)
    return key


def _verbatim(text: str) -> str:
    """An address or a DOI as BibTeX reads it verbatim: braces and spaces cannot appear."""
    return re.sub(r"[{}\\\s]", lambda m: f"%{ord(m.group()):02X}", text)


def sources_bibtex(rows: pd.DataFrame) -> str:
    """The sources as BibTeX @misc entries: the full citation as `note` (the dataset keeps
    citations as text, not split into authors and titles), with year, DOI and address."""
    seen: set[str] = set()
    entries = []
    for row in rows.to_dict("records"):
        fields = [f"  note = {{{_bibtex_text(str(row['citation']).strip())}}},",
                  f"  year = {{{_bibtex_text(str(row['year']))}}},"]
        if row["doi"]:
            fields.append(f"  doi = {{{_verbatim(row['doi'])}}},")
        if row["url"]:
            fields.append(f"  url = {{{_verbatim(str(row['url']))}}},")
        fields.append(f"  keywords = {{{_bibtex_text(str(row['kind']))}}},")
        entries.append("\n".join([f"@misc{{{_bibtex_key(str(row['source_id']), seen)},",
                                  *fields, "}"]))
    return "\n\n".join(entries)
