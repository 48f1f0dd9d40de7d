"""The compare page's shared pieces: cached measures, the grid of defined measures, small chains."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from app.charts.compare_charts import chain_extent, chain_small_chart
from app.components.charts import render_chart
from app.components.data import data_version_key, get_dataset
from app.core import functions
from app.core.compare import MEASURE_BY_COLUMN, compare_cases, short_title
from app.core.tables import chain_table
from app.core.text import escape_markdown

# The measures shown as numbers in the grid, in this order (the shares are charts).
GRID_MEASURES = ("chain_length", "documented_chain_length", "n_intermediaries", "n_countries",
                 "n_cross_border_links")
# Column names of the downloadable table of measures.
TABLE_LABELS = {
    "case_id": "Case id", "title": "Case", "n_actors": "Actors", "n_links": "Links",
    "n_tasks": "Tasks", "chain_length": "Chain length (links)",
    "documented_chain_length": "Chain length, documented links only",
    "n_intermediaries": "Intermediaries", "intermediaries": "Who the intermediaries are",
    "n_countries": "Countries", "countries": "Which countries",
    "n_actors_unknown_country": "Actors of unknown country",
    "n_cross_border_links": "Cross-border links",
    "n_links_unknown_country": "Links with an end of unknown country",
    "share_preparation": "Share of tasks: preparation",
    "share_verification": "Share of tasks: verification",
    "share_impersonation": "Share of tasks: impersonation",
    "n_unpaid": "Unpaid tasks", "unpaid_share": "Share of unpaid tasks",
    "share_documented": "Share of links: documented",
    "share_reported": "Share of links: reported", "share_inferred": "Share of links: inferred",
}


@st.cache_data(show_spinner=False, max_entries=64)
def _measures(version: tuple, case_ids: tuple[str, ...]) -> tuple[pd.DataFrame, pd.DataFrame,
                                                                   pd.DataFrame]:
    dataset = get_dataset().only(list(case_ids))
    return (compare_cases(dataset, list(case_ids)), functions.function_shares(dataset.tasks),
            functions.certainty_shares(dataset.links))


def compare_measures(case_ids: list[str]) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Measures (one row per case), shares of tasks per function and of links per certainty."""
    return _measures(data_version_key(), tuple(case_ids))


def _links(n: int) -> str:
    return f"{n} link{'' if n == 1 else 's'}"


def _cell(column: str, row: pd.Series) -> tuple[str, str]:
    """The value of a measure for one case, and a line of detail under it."""
    if column in ("chain_length", "documented_chain_length"):
        return _links(int(row[column])), ""
    if column == "n_intermediaries":
        return str(int(row[column])), row["intermediaries"] or "none"
    if column == "n_countries":
        detail = row["countries"] or "none given"
        if row["n_actors_unknown_country"]:
            detail += f" (+ {int(row['n_actors_unknown_country'])} actor(s) of unknown country)"
        return str(int(row[column])), detail
    if column == "n_cross_border_links":
        detail = ""
        if row["n_links_unknown_country"]:
            detail = f"{int(row['n_links_unknown_country'])} more with an end of unknown country"
        return f"{int(row[column])} of {int(row['n_links'])}", detail
    return str(row[column]), ""


def render_measure_grid(measures: pd.DataFrame) -> None:
    """Measures as rows, cases as columns; each measure named and defined in its first column."""
    widths = [2.2] + [1.0] * len(measures)
    head = st.columns(widths, vertical_alignment="bottom")
    head[0].markdown("**Measure**")
    for col, title in zip(head[1:], measures["title"]):
        col.markdown(f"**{escape_markdown(short_title(title))}**")
    for column in GRID_MEASURES:
        measure = MEASURE_BY_COLUMN[column]
        with st.container(border=True):
            cols = st.columns(widths)
            cols[0].markdown(f"**{measure.label}**")
            cols[0].caption(measure.definition)
            for col, (_, row) in zip(cols[1:], measures.iterrows()):
                value, detail = _cell(column, row)
                col.metric(f"{measure.label}: {escape_markdown(row['case_id'])}", value,
                           label_visibility="collapsed")
                if detail:
                    col.caption(escape_markdown(detail))


def render_definition(column: str) -> None:
    """A measure's name and definition, above the chart that shows it."""
    measure = MEASURE_BY_COLUMN[column]
    st.subheader(measure.label, anchor=False)
    st.caption(measure.definition)


def measures_table(measures: pd.DataFrame) -> pd.DataFrame:
    """The measures with readable column names, shares rounded to 3 decimals."""
    table = measures.copy()
    for col in table.columns:
        if col.startswith("share_") or col == "unpaid_share":
            table[col] = table[col].round(3)
    return table.rename(columns=TABLE_LABELS)


@st.cache_data(show_spinner=False, max_entries=64)
def _small_chain_specs(version: tuple, case_ids: tuple[str, ...]) -> list[dict]:
    dataset = get_dataset()
    parts = [dataset.only(c) for c in case_ids]
    extents = [chain_extent(p.actors, p.links) for p in parts]
    x_max = max((e[0] for e in extents), default=0)
    n_rows = max((e[1] for e in extents), default=1)
    out = []
    for i, (case_id, part) in enumerate(zip(case_ids, parts)):
        title = short_title(part.case_info(case_id)["title"])
        chart = chain_small_chart(part.actors, part.links, title=title, x_max=x_max,
                                  n_rows=n_rows, legend=i == 0)
        out.append({"case_id": case_id, "title": title, "chart": chart,
                    "table": chain_table(part.sources, part.actors, part.links)})
    return out


def render_small_chains(measures: pd.DataFrame) -> None:
    """One compact chain per case, on the same scale, each with its links and their sources."""
    by_case = measures.set_index("case_id")
    for item in _small_chain_specs(data_version_key(), tuple(measures["case_id"])):
        row = by_case.loc[item["case_id"]]
        summary = (f"{item['title']}: {int(row['n_actors'])} actors and "
                   f"{int(row['n_links'])} links; the longest chain from a client or lead firm "
                   f"to workers has {_links(int(row['chain_length']))} "
                   f"({_links(int(row['documented_chain_length']))} counting documented links "
                   f"only), through {int(row['n_intermediaries'])} intermediaries.")
        render_chart(item["chart"], key=f"compare-chain-{item['case_id']}", summary=summary,
                     table=item["table"], file_stem=f"{item['case_id']}_chain-links")
