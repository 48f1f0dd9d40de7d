"""The reference pages' shared pieces: sourced metrics and disputes, the table of sources, the
rows citing each source, and the downloads of every table.

Only rendering and caching here: the tables themselves are built by `app.core.reference`.
Everything that reaches Markdown goes through `escape_markdown`.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from app.components.data import (VIEW_TTL_SECONDS, data_version_key, get_dataset,
                                 reference_version_key)
from app.components.downloads import render_csv_download
from app.components.i18n import current_language, t, tn
from app.core.load import DATA_DIR, Dataset, Reference
from app.core.reference import (REFERENCE, all_sources, citing_counts, citing_frames,
                                citing_rows, dispute_sources, download_frame, header,
                                key_order, keyed_citations, source_counts)
from app.core.sources import citations_for
from app.core.text import escape_markdown

DICTIONARY = DATA_DIR / "README.md"
SOURCE_TABLE_WIDTHS = {"key": 48, "citation": 440, "year": 56, "kind": 110, "link": 230,
                       "rows": 150, "cited_in": 300, "note": 440}


# ---------------------------------------------------------------------------------------------
# Key figures


def render_sourced_metric(row: pd.Series, lookup: dict) -> None:
    """One figure (a `figure_rows` row) as a metric, with its scope and full citation under it."""
    # The label as text above: a metric's own label is cut to one line.
    st.markdown(f"**{escape_markdown(row['label'])}**")
    st.metric(escape_markdown(row["label"]), row["text"], label_visibility="collapsed")
    cites = " | ".join(citations_for(lookup, REFERENCE, row["source_ids"]))
    st.caption(escape_markdown(t("figures.metric.caption", scope=row["scope"], sources=cites)))


def render_metric_row(rows: pd.DataFrame, lookup: dict, per_row: int = 4) -> None:
    """Figures as metrics, `per_row` to a line."""
    records = [r for _, r in rows.iterrows()]
    for start in range(0, len(records), per_row):
        for col, row in zip(st.columns(per_row), records[start:start + per_row]):
            with col.container(border=True):
                render_sourced_metric(row, lookup)


def render_dispute(row: pd.Series, lookup: dict, *, heading: str) -> None:
    """A figure's dispute beside the figure: what is disputed, by whom, and the citations."""
    with st.container(border=True):
        st.markdown(f"**{escape_markdown(heading)}**")
        st.markdown(escape_markdown(t("figures.dispute.figure", label=row["label"],
                                      text=row["text"])))
        st.markdown(f"*{escape_markdown(row['dispute'])}*")
        st.caption(escape_markdown(keyed_citations(lookup, dispute_sources(row),
                                                   current_language())))


# ---------------------------------------------------------------------------------------------
# Sources and data


@st.cache_data(show_spinner=False, max_entries=16, ttl=VIEW_TTL_SECONDS)
def _overview(version: tuple, reference_key: int, _reference: Reference | None
              ) -> tuple[pd.DataFrame, pd.DataFrame]:
    dataset = get_dataset()
    sources = all_sources(dataset, _reference)
    return sources, source_counts(citing_frames(dataset, _reference), sources)


def sources_overview(reference: Reference | None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(every source row with its `case_id` origin, rows citing it per origin and table)."""
    # `get_reference` gives one object per version of the reference files.
    return _overview(data_version_key(), reference_version_key() if reference else 0, reference)


def render_source_table(table: pd.DataFrame) -> None:
    """The `source_table` of the sources shown, with safe links and readable widths."""
    lang = current_language()

    def col(key: str) -> str:
        return header("sources.col", key, lang)

    config = {col(k): st.column_config.TextColumn(col(k), width=w)
              for k, w in SOURCE_TABLE_WIDTHS.items()}
    config[col("year")] = st.column_config.NumberColumn(col("year"), format="%d",
                                                        width=SOURCE_TABLE_WIDTHS["year"])
    config[col("rows")] = st.column_config.NumberColumn(col("rows"),
                                                        width=SOURCE_TABLE_WIDTHS["rows"])
    config[col("link")] = st.column_config.LinkColumn(
        col("link"), help=t("sources.link_help"), display_text=r"^https?://(.*)$",
        width=SOURCE_TABLE_WIDTHS["link"])
    st.dataframe(table, hide_index=True, key="sources-table", column_config=config,
                 height=min(35 * (len(table) + 1) + 3, 800))


def render_citing_rows(dataset: Dataset, reference: Reference | None, sources: pd.DataFrame,
                       counts: pd.DataFrame) -> None:
    """One expander per source: counts per table per case, then the rows themselves."""
    lang = current_language()
    frames = citing_frames(dataset, reference)
    for source_id in sorted(dict.fromkeys(sources["source_id"]), key=key_order):
        group = sources[sources["source_id"] == source_id]
        origins = list(dict.fromkeys(group["case_id"]))
        mine = counts[(counts["source_id"] == source_id) & counts["origin"].isin(origins)]
        citation = str(group["citation"].iloc[0])
        short = citation if len(citation) <= 90 else citation[:89] + "…"
        label = t("sources.expander", source=escape_markdown(source_id),
                  citation=escape_markdown(short),
                  rows=tn("sources.rows_count", int(mine["rows"].sum())))
        with st.expander(label):
            st.dataframe(citing_counts(mine, lang), hide_index=True,
                         key=f"sources-counts-{source_id}")
            listing = citing_rows(frames, source_id, origins, lang)
            if listing.empty:
                st.info(t("sources.no_citing_row"), icon=":material/info:")
            else:
                st.dataframe(listing, hide_index=True, key=f"sources-rows-{source_id}")


def _render_downloads(frames: dict[str, pd.DataFrame], stem: str, key: str) -> None:
    for col, (table, frame) in zip(st.columns(len(frames)), frames.items()):
        with col:
            render_csv_download(download_frame(frame), f"{stem}_{table}.csv",
                                key=f"sources-download-{key}-{table}",
                                label=tn("sources.download.table", len(frame), table=table))


def render_case_downloads(dataset: Dataset, case_id: str) -> None:
    """The four tables of one case, each as a CSV download."""
    part = dataset.only(case_id)
    _render_downloads({t_: getattr(part, t_) for t_ in ("actors", "links", "tasks", "sources")},
                      case_id, case_id)


def render_reference_downloads(reference: Reference) -> None:
    """The four reference tables, each as a CSV download."""
    _render_downloads({t_: getattr(reference, t_) for t_ in
                       ("platforms", "platform_links", "figures", "sources")},
                      "reference", "reference")


def render_dictionary_download() -> None:
    if DICTIONARY.is_file():
        st.download_button(t("sources.dictionary_download"), DICTIONARY.read_bytes(),
                           file_name="data-dictionary_README.md", mime="text/markdown",
                           key="sources-dictionary-download", icon=":material/download:",
                           on_click="ignore")
