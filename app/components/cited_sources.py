"""The cite panel's second part: the primary sources behind the view, as text and BibTeX."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from app.components.data import get_dataset, get_reference
from app.components.i18n import t
from app.components.versions import REFERENCE_PAGES
from app.core.cite_sources import SOURCE_COLUMNS, cited_sources, sources_bibtex, sources_text


def view_sources(url_path: str, case_ids: list[str]) -> pd.DataFrame:
    """The sources cited by the rows of the cases the view shows (every case when it names
    none), and by the reference tables on the pages that show them."""
    dataset = get_dataset()
    if case_ids:
        dataset = dataset.only([c for c in case_ids if c in dataset.case_ids])
    parts = [cited_sources(dataset.sources, (dataset.actors, dataset.links, dataset.tasks))]
    if url_path in REFERENCE_PAGES:
        reference = get_reference()
        if reference is not None:
            parts.append(cited_sources(reference.sources, (
                reference.platforms, reference.platform_links, reference.figures)))
    rows = pd.concat([p for p in parts if not p.empty] or [pd.DataFrame(columns=SOURCE_COLUMNS)],
                     ignore_index=True)
    return rows.drop_duplicates(subset=["source_id", "citation"]).reset_index(drop=True)


def render_cited_sources(url_path: str, case_ids: list[str]) -> None:
    """The sources behind the view, as a reference list and as BibTeX (DOIs where known)."""
    rows = view_sources(url_path, case_ids)
    if rows.empty:
        st.caption(t("cite.sources_none"))
        return
    st.caption(t("cite.sources", count=len(rows)))
    st.code(sources_text(rows), language=None, wrap_lines=True)
    st.code(sources_bibtex(rows), language="latex", wrap_lines=True)
