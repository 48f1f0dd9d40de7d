"""The compare page's shared pieces: cached measures, the grid of defined measures, small chains."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from app.charts.compare_charts import chain_small_chart
from app.components.charts import render_chart
from app.components.data import VIEW_TTL_SECONDS, data_version_key, get_dataset
from app.components.i18n import current_language, t
from app.core import functions
from app.core.compare import (GRID_MEASURES, MEASURE_BY_COLUMN, chain_extent, compare_cases,
                              measure_cell, short_title, small_chain_summary)
from app.core.i18n import localized
from app.core.tables import chain_table
from app.core.text import escape_markdown


@st.cache_data(show_spinner=False, max_entries=64, ttl=VIEW_TTL_SECONDS)
def _measures(version: tuple, case_ids: tuple[str, ...], lang: str
              ) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    dataset = get_dataset().only(list(case_ids))
    return (compare_cases(dataset, list(case_ids), lang),
            functions.function_shares(dataset.tasks), functions.certainty_shares(dataset.links))


def compare_measures(case_ids: list[str]) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Measures (one row per case), shares of tasks per function and of links per certainty."""
    return _measures(data_version_key(), tuple(case_ids), current_language())


def render_measure_grid(measures: pd.DataFrame) -> None:
    """Measures as rows, cases as columns; each measure named and defined in its first column."""
    lang = current_language()
    widths = [2.2] + [1.0] * len(measures)
    head = st.columns(widths, vertical_alignment="bottom")
    head[0].markdown(f"**{t('compare.grid.measure')}**")
    for col, title in zip(head[1:], measures["title"]):
        col.markdown(f"**{escape_markdown(short_title(title))}**")
    for column in GRID_MEASURES:
        measure = MEASURE_BY_COLUMN[column]
        with st.container(border=True):
            cols = st.columns(widths)
            cols[0].markdown(f"**{escape_markdown(measure.label(lang))}**")
            cols[0].caption(escape_markdown(measure.definition(lang)))
            for col, (_, row) in zip(cols[1:], measures.iterrows()):
                value, detail = measure_cell(column, row, lang)
                col.metric(t("compare.grid.metric", measure=escape_markdown(measure.label(lang)),
                             case=escape_markdown(row["case_id"])), value,
                           label_visibility="collapsed")
                if detail:
                    col.caption(escape_markdown(detail))


def render_definition(column: str) -> None:
    """A measure's name and definition, above the chart that shows it."""
    lang = current_language()
    measure = MEASURE_BY_COLUMN[column]
    st.subheader(measure.label(lang), anchor=False)
    st.caption(escape_markdown(measure.definition(lang)))


@st.cache_data(show_spinner=False, max_entries=64, ttl=VIEW_TTL_SECONDS)
def _small_chain_specs(version: tuple, case_ids: tuple[str, ...], lang: str) -> list[dict]:
    dataset = get_dataset()
    parts = [dataset.only(c) for c in case_ids]
    extents = [chain_extent(p.actors, p.links) for p in parts]
    x_max = max((e[0] for e in extents), default=0)
    n_rows = max((e[1] for e in extents), default=1)
    out = []
    for i, (case_id, part) in enumerate(zip(case_ids, parts)):
        title = short_title(localized(part.cases, "title", lang).iloc[0])
        chart = chain_small_chart(part.actors, part.links, title=title, x_max=x_max,
                                  n_rows=n_rows, legend=i == 0, lang=lang)
        out.append({"case_id": case_id, "chart": chart,
                    "table": chain_table(part.sources, part.actors, part.links, lang)})
    return out


def render_small_chains(measures: pd.DataFrame) -> None:
    """One compact chain per case, on the same scale, each with its links and their sources."""
    lang = current_language()
    by_case = measures.set_index("case_id")
    for item in _small_chain_specs(data_version_key(), tuple(measures["case_id"]), lang):
        render_chart(item["chart"], key=f"compare-chain-{item['case_id']}",
                     summary=small_chain_summary(by_case.loc[item["case_id"]], lang),
                     table=item["table"], file_stem=f"{item['case_id']}_chain-links")
