"""The chain graph and its text alternative, cached by case and filters."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from app.charts.chain_graph import build_chain_graph, chain_graph_html, standalone_html
from app.components.data import data_version_key, get_dataset
from app.core import network
from app.core.load import Dataset

GRAPH_HEIGHT = 640


def chain_view(dataset: Dataset, case_id: str, *, function: str | None,
               documented_only: bool) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The actors and links of one case that the filters keep."""
    case = dataset.only(case_id)
    actors, links = case.actors, case.links
    if function:
        actors, links = network.filter_by_function(actors, links, case.tasks, function)
    if documented_only:
        links = network.filter_documented(links)
        kept = set(links["from_actor"]) | set(links["to_actor"])
        actors = actors[actors["actor_id"].isin(kept)]
    return actors.reset_index(drop=True), links.reset_index(drop=True)


@st.cache_data(show_spinner=False, max_entries=256)
def _graph_pages(version: tuple, case_id: str, function: str | None, documented_only: bool,
                 focus: str | None, physics: bool) -> tuple[str, str, int, int]:
    """Embedded and standalone HTML of one view; keyed by data version and filters."""
    dataset = get_dataset()
    actors, links = chain_view(dataset, case_id, function=function,
                               documented_only=documented_only)
    sources = dataset.sources[dataset.sources["case_id"] == case_id]
    graph = build_chain_graph(actors, links, sources, focus=focus, physics=physics)
    title = dataset.case_info(case_id)["title"]
    return (chain_graph_html(graph, height_px=GRAPH_HEIGHT),
            standalone_html(graph, title=title), len(actors), len(links))


def render_chain_graph(case_id: str, *, function: str | None, documented_only: bool,
                       focus: str | None, physics: bool) -> tuple[str, int, int]:
    """Draw the graph; returns the standalone HTML (for download) and the counts shown."""
    embedded, standalone, n_actors, n_links = _graph_pages(
        data_version_key(), case_id, function, documented_only, focus, physics)
    if n_actors == 0:
        st.info("No actor or link matches these filters. Clear the function filter or the "
                "“documented links only” switch to see the chain.")
    else:
        st.iframe(embedded, height=GRAPH_HEIGHT + 10)
    return standalone, n_actors, n_links


def download_name(case_id: str, view: str, extension: str) -> str:
    """File names that say what they hold: case, view and date."""
    return f"{case_id}_{view}_{dt.date.today().isoformat()}.{extension}"
