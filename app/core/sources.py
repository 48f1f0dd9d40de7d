"""Citations: from a row's `source_ids` to the full references it rests on."""

from __future__ import annotations

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
