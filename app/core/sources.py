"""Citations: from a row's `source_ids` to the full references it rests on."""

from __future__ import annotations

import re

import pandas as pd

from app.core.validate import split_ids


def citation_lookup(sources: pd.DataFrame) -> dict[tuple[str, str], str]:
    """(case_id, source_id) -> full citation, built once per table of sources."""
    return {(row.case_id, row.source_id): row.citation
            for row in sources[["case_id", "source_id", "citation"]].itertuples(index=False)}


def citations_for(sources: pd.DataFrame | dict, case_id: str, source_ids: str) -> list[str]:
    """The full citations of a `;`-separated `source_ids` cell, in the order cited.

    `sources` is either the sources table or a lookup from `citation_lookup` (faster when
    many rows are cited).
    """
    lookup = sources if isinstance(sources, dict) else citation_lookup(sources)
    return [lookup.get((case_id, key)) or f"{key} (source not found)"
            for key in split_ids(source_ids)]


def rows_citing(frames: dict[str, pd.DataFrame], case_id: str, source_id: str) -> dict[str, int]:
    """How many rows of each table cite one source."""
    counts = {}
    for name, frame in frames.items():
        mine = frame[frame["case_id"] == case_id]["source_ids"]
        counts[name] = int(mine.map(lambda ids: source_id in split_ids(ids)).sum())
    return counts


_YEAR = re.compile(r"\((\d{4}[a-z]?|n\.d\.)\)")


def short_citation(citation: str, year: object = "") -> str:
    """"Tubaro & Casilli (2019)" from a full reference "Tubaro, P. & Casilli, A. A. (2019)...":
    surnames before the year (one, two, or the first "et al."), else the reference's start."""
    text = " ".join(str(citation).split())
    match = _YEAR.search(text)
    year_text = match.group(1) if match else (str(year) if str(year) not in ("", "nan", "<NA>")
                                              else "")
    head = text[:match.start()] if match else text
    people = [p.strip() for p in re.split(r"\s*&\s*|\s+and\s+|\s+et\s+", head) if p.strip()]
    surnames: list[str] = []
    for person in people:
        for part in re.split(r",\s*(?=[A-Z][a-zà-ÿ'-]{1,}\b(?!\.))", person):
            name = part.split(",")[0].strip()
            if name and not re.fullmatch(r"([A-Z]\.\s*)+", name):
                surnames.append(name)
    if not surnames or len(head) > 120 or not match:
        words = text.split()
        short = " ".join(words[:6]) + ("…" if len(words) > 6 else "")
        return f"{short} ({year_text})" if year_text and year_text not in short else short
    if len(surnames) == 1:
        who = surnames[0]
    elif len(surnames) == 2:
        who = f"{surnames[0]} & {surnames[1]}"
    else:
        who = f"{surnames[0]} et al."
    return f"{who} ({year_text})"
