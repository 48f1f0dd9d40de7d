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


# "(2019)", "(2019a)", "(2023, 30 March)" or "(n.d.)" after the authors.
_YEAR = re.compile(r"\((\d{4}[a-z]?)(?:,[^)]*)?\)|\((n\.d\.)\)")
# A reference that opens on its authors but gives no year there ("Cornet, M. & Le Ludec, C.
# Abstract of ..."): surnames with their initials, then the title.
_PERSON = r"[A-Z][\w'-]+(?: [A-Z]?[\w'-]+){0,3}, (?:[A-Z]\.(?:-[A-Z]\.)? ?)+"
_AUTHORS = re.compile(rf"^{_PERSON}(?:(?:, | & | and | et ){_PERSON})*(?=[A-Z(])")
_QUOTES = {"«": "»", "“": "”", "‘": "’", '"': '"', "'": "'"}  # opening: closing


def short_citation(citation: str, year: object = "") -> str:
    """"Tubaro & Casilli (2019)" from a full reference "Tubaro, P. & Casilli, A. A. (2019)...":
    surnames before the year (one, two, or the first "et al."); else, for a reference that
    opens on a title or a publication, its first words."""
    text = " ".join(str(citation).split())
    match = _YEAR.search(text)
    given = str(year) if str(year) not in ("", "nan", "<NA>") else ""
    year_text = (match.group(1) or match.group(2)) if match else given
    authors = None if match else _AUTHORS.match(text)
    head = text[:match.start()] if match else (authors.group(0) if authors else text)
    surnames = _surnames(head) if (match or authors) and len(head) <= 120 else []
    if not surnames:
        return _first_words(text, year_text)
    if len(surnames) == 1:
        who = surnames[0]
    elif len(surnames) == 2:
        who = f"{surnames[0]} & {surnames[1]}"
    else:
        who = f"{surnames[0]} et al."
    return f"{who} ({year_text})" if year_text else who


def _surnames(head: str) -> list[str]:
    """The surnames of "Tubaro, P., Casilli, A. A. & Coville, M."; none when the words before
    the year are not a list of people (a title that cites someone)."""
    people = [p.strip() for p in re.split(r"\s*&\s*|\s+and\s+|\s+et\s+", head) if p.strip()]
    surnames: list[str] = []
    for person in people:
        for part in re.split(r",\s*(?=[A-Z][a-zà-ÿ'-]{1,}\b(?!\.))", person):
            name = part.split(",")[0].strip()
            if name and not re.fullmatch(r"([A-Z]\.\s*)+", name):
                surnames.append(name)
    if any(". " in name or len(name.split()) > 4 for name in surnames):
        return []
    return surnames


def _first_words(text: str, year_text: str) -> str:
    """A reference's first six words, cut before a quotation they would leave open."""
    words = text.split()
    short = " ".join(words[:6])
    opened = next((i for i, c in enumerate(short) if c in _QUOTES and (
        i == 0 or short[i - 1] == " ") and _QUOTES[c] not in short[i + 1:]), None)
    if len(words) > 6 and opened:  # not at 0: a quoted title stays
        short = short[:opened].rstrip(" .,:;")
    elif len(words) > 6:
        short += "…"
    return f"{short} ({year_text})" if year_text and year_text not in short else short
