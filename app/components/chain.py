"""The chain graph and its text alternative, cached by case and filters."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pandas as pd
import streamlit as st

from app.charts.chain_graph import (ChainGraph, build_chain_graph, chain_graph_html, reveal,
                                    standalone_html)
from app.components.data import cached_view, data_version_key, get_dataset
from app.components.i18n import current_language, t
from app.core import network
from app.core.i18n import localized_value
from app.core.load import Dataset
from app.core.phases import phase_labels
from app.core.tables import actor_table, chain_table, task_table

GRAPH_HEIGHT = 640


def chain_view(dataset: Dataset, case_id: str, *, function: str | None,
               documented_only: bool, phase: str | None = None,
               ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The actors and links of one case that the filters keep."""
    case = dataset.only(case_id)
    actors, links = case.actors, case.links
    if function or phase:
        tasks = case.tasks
        if function:
            tasks = tasks[tasks["function"] == function]
        if phase:
            tasks = tasks[tasks["phase"] == phase]
        actors, links = network.filter_by_tasks(actors, links, tasks)
    if documented_only:
        links = network.filter_documented(links)
        kept = set(links["from_actor"]) | set(links["to_actor"])
        actors = actors[actors["actor_id"].isin(kept)]
    return actors.reset_index(drop=True), links.reset_index(drop=True)


@cached_view(max_entries=256)
def _chain_graph(version: tuple, case_id: str, function: str | None, documented_only: bool,
                 focus: str | None, physics: bool,
                 revealed: tuple[tuple[str, ...], tuple[str, ...]] | None,
                 phase: str | None, lang: str) -> ChainGraph:
    """The graph of one view; keyed by the data version, every filter and the language."""
    dataset = get_dataset()
    actors, links = chain_view(dataset, case_id, function=function,
                               documented_only=documented_only, phase=phase)
    sources = dataset.sources[dataset.sources["case_id"] == case_id]
    graph = build_chain_graph(actors, links, sources, focus=focus, physics=physics, lang=lang)
    return graph if revealed is None else reveal(graph, *revealed)


@cached_view(max_entries=256)
def _embedded_html(view: tuple, height: int) -> str:
    """The page fragment of one view (same key as `_chain_graph`, plus the height)."""
    return chain_graph_html(_chain_graph(*view), height_px=height, lang=view[-1])


def render_chain_graph(case_id: str, *, function: str | None = None,
                       documented_only: bool = False, focus: str | None = None,
                       physics: bool = False, height: int = GRAPH_HEIGHT,
                       revealed: tuple[tuple[str, ...], tuple[str, ...]] | None = None,
                       phase: str | None = None) -> tuple[Callable[[], str], int, int]:
    """Draw the graph; returns a maker of the standalone HTML (built only when downloaded)
    and the numbers of actors and links shown.

    `revealed` (actor ids, link ids) shows only part of the chain, for the presenter's steps.
    """
    lang = current_language()
    view = (data_version_key(), case_id, function, documented_only, focus, physics, revealed,
            phase, lang)
    graph = _chain_graph(*view)
    if not graph.nodes:
        st.info(t("chain.nothing_matches"))
    else:
        st.iframe(_embedded_html(view, height), height=height + 10)
    title = localized_value(get_dataset().case_info(case_id), "title", lang)
    return ((lambda: standalone_html(graph, title=title, lang=lang)), len(graph.nodes),
            len(graph.edges))


@cached_view(max_entries=256)
def _chain_tables(version: tuple, case_id: str, function: str | None, documented_only: bool,
                  phase: str | None, lang: str,
                  ) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    dataset = get_dataset()
    case = dataset.only(case_id)
    actors, links = chain_view(dataset, case_id, function=function,
                               documented_only=documented_only, phase=phase)
    return (chain_table(case.sources, actors, links, lang=lang),
            actor_table(case.sources, actors, lang=lang),
            task_table(case.sources, case.tasks, actors, function=function, phase=phase,
                       phases=phase_labels(dataset, case_id, lang), lang=lang))


def chain_tables(case_id: str, *, function: str | None, documented_only: bool,
                 phase: str | None = None) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The chain as text, as the graph shows it: its links, actors and tasks with sources."""
    return _chain_tables(data_version_key(), case_id, function, documented_only, phase,
                         current_language())


def download_name(case_id: str, view: str, extension: str) -> str:
    """File names that say what they hold: case, view and date."""
    return f"{case_id}_{view}_{dt.date.today().isoformat()}.{extension}"
