"""The compare page's shared pieces: its cached view, the grid of defined measures, the charts.

Everything the page shows from the data is built once per data version, choice of cases and
language (`compare_view`), then only drawn on each rerun: Altair's conversion and the pandas
tables cost more than drawing. Pure values only in the cache (no `st.*` inside), shared
read-only by every session (`cached_view`).
"""

from __future__ import annotations

from dataclasses import dataclass

import altair as alt
import pandas as pd
import streamlit as st

from app.charts.compare_charts import (certainty_share_chart, chain_length_chart,
                                       chain_small_chart, unpaid_share_chart)
from app.charts.function_charts import function_share_chart
from app.charts.style import with_number_locale
from app.components.charts import ChartView, chart_view, render_chart
from app.components.data import cached_view, data_version_key, get_dataset
from app.components.i18n import current_language, t
from app.core import functions
from app.core.compare import (GRID_MEASURES, MEASURE_BY_COLUMN, certainty_share_table,
                              certainty_summary, chain_extent, compare_cases,
                              function_share_table, function_summary, longest_chain_answer,
                              measure_cell, measures_table, short_title, small_chain_summary,
                              unpaid_summary)
from app.core.i18n import localized, translate
from app.core.load import Dataset
from app.core.tables import chain_table
from app.core.text import escape_markdown


@dataclass(frozen=True)
class GridRow:
    """One measure of the grid: its name and definition, then per case its value and detail."""

    label: str
    definition: str
    cells: tuple[tuple[str, str, str], ...]  # (case id, value, detail) in the cases' order


@dataclass(frozen=True)
class SmallChain:
    """One case's compact chain, drawn on the scale shared by every case compared."""

    case_id: str
    chart: ChartView


@dataclass(frozen=True)
class CompareView:
    """Everything the compare page draws for one choice of cases, in one language."""

    answer: str  # which case has the longest chain, in words
    case_titles: tuple[str, ...]  # the grid's column heads: short titles, in the cases' order
    grid: tuple[GridRow, ...]
    length: ChartView
    functions: ChartView
    unpaid: ChartView
    certainty: ChartView
    small_chains: tuple[SmallChain, ...]
    table: pd.DataFrame  # every measure of every case


def _measure_grid(measures: pd.DataFrame, lang: str) -> tuple[GridRow, ...]:
    rows = list(measures.iterrows())
    return tuple(
        GridRow(MEASURE_BY_COLUMN[column].label(lang), MEASURE_BY_COLUMN[column].definition(lang),
                tuple((row["case_id"], *measure_cell(column, row, lang)) for _, row in rows))
        for column in GRID_MEASURES)


def _function_chart(function_shares: pd.DataFrame, titles: dict[str, str], lang: str,
                    ) -> alt.TopLevelMixin:
    labelled = function_shares.assign(label=[short_title(titles[c])
                                             for c in function_shares["case_id"]])
    chart = with_number_locale(
        function_share_chart(labelled, lang=lang, selection_name=None, show_subfunctions=False,
                             title=translate("compare.functions.title", lang)), lang)
    # The case axis' title above its long names, so that it never runs over them.
    return chart.configure_axisY(
        labelLimit=320, titleAngle=0, titleAlign="right", titleAnchor="end",
        titleBaseline="bottom", titleX=-8, titleY=-6)


def _small_chains(dataset: Dataset, measures: pd.DataFrame,
                  lang: str) -> tuple[SmallChain, ...]:
    """One compact chain per case, all on the scale of the largest."""
    case_ids = list(measures["case_id"])
    by_case = measures.set_index("case_id")
    parts = [dataset.only(c) for c in case_ids]
    extents = [chain_extent(p.actors, p.links) for p in parts]
    x_max = max((e[0] for e in extents), default=0)
    n_rows = max((e[1] for e in extents), default=1)
    out = []
    for i, (case_id, part) in enumerate(zip(case_ids, parts)):
        title = short_title(localized(part.cases, "title", lang).iloc[0])
        chart = chain_small_chart(part.actors, part.links, title=title, x_max=x_max,
                                  n_rows=n_rows, legend=i == 0, lang=lang)
        out.append(SmallChain(case_id, chart_view(
            chart, small_chain_summary(by_case.loc[case_id], lang),
            chain_table(part.sources, part.actors, part.links, lang))))
    return tuple(out)


@cached_view(max_entries=64)
def _compare_view(version: tuple, case_ids: tuple[str, ...], lang: str) -> CompareView:
    dataset = get_dataset()
    chosen = dataset.only(list(case_ids))
    measures = compare_cases(chosen, list(case_ids), lang)
    function_shares = functions.function_shares(chosen.tasks)
    certainty_shares = functions.certainty_shares(chosen.links)
    titles = dict(zip(dataset.cases["case_id"], localized(dataset.cases, "title", lang)))
    answer = longest_chain_answer(measures.assign(title=measures["title"].map(short_title)),
                                  lang)
    return CompareView(
        answer=answer,
        case_titles=tuple(short_title(title) for title in measures["title"]),
        grid=_measure_grid(measures, lang),
        length=chart_view(chain_length_chart(measures, lang=lang), answer,
                          measures_table(measures, lang, ["title", "chain_length",
                                                          "documented_chain_length"])),
        functions=chart_view(_function_chart(function_shares, titles, lang),
                             function_summary(function_shares, titles, lang),
                             function_share_table(function_shares, titles, lang)),
        unpaid=chart_view(unpaid_share_chart(measures, lang=lang),
                          unpaid_summary(measures, lang),
                          measures_table(measures, lang,
                                         ["title", "n_tasks", "n_unpaid", "unpaid_share"])),
        certainty=chart_view(
            certainty_share_chart(certainty_shares, {c: titles[c] for c in case_ids},
                                  lang=lang),
            certainty_summary(measures, lang),
            certainty_share_table(certainty_shares, titles, lang)),
        small_chains=_small_chains(dataset, measures, lang),
        table=measures_table(measures, lang))


def compare_view(case_ids: list[str]) -> CompareView:
    """The page's view of `case_ids` in the current language, built on its first request."""
    return _compare_view(data_version_key(), tuple(case_ids), current_language())


def render_measure_grid(view: CompareView) -> None:
    """Measures as rows, cases as columns; each measure named and defined in its first column."""
    widths = [2.2] + [1.0] * len(view.case_titles)
    head = st.columns(widths, vertical_alignment="bottom")
    head[0].markdown(f"**{t('compare.grid.measure')}**")
    for col, title in zip(head[1:], view.case_titles):
        col.markdown(f"**{escape_markdown(title)}**")
    for row in view.grid:
        with st.container(border=True):
            cols = st.columns(widths)
            cols[0].markdown(f"**{escape_markdown(row.label)}**")
            cols[0].caption(escape_markdown(row.definition))
            for col, (case_id, value, detail) in zip(cols[1:], row.cells):
                col.metric(t("compare.grid.metric", measure=escape_markdown(row.label),
                             case=escape_markdown(case_id)), value,
                           label_visibility="collapsed")
                if detail:
                    col.caption(escape_markdown(detail))


def render_definition(column: str) -> None:
    """A measure's name and definition, above the chart that shows it."""
    lang = current_language()
    measure = MEASURE_BY_COLUMN[column]
    st.subheader(measure.label(lang), anchor=False)
    st.caption(escape_markdown(measure.definition(lang)))


def render_small_chains(view: CompareView) -> None:
    """One compact chain per case, on the same scale, each with its links and their sources."""
    for chain in view.small_chains:
        render_chart(chain.chart, key=f"compare-chain-{chain.case_id}",
                     file_stem=f"{chain.case_id}_chain-links")
