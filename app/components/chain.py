"""The chain graph and its text alternative, cached by case and filters."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pandas as pd
import streamlit as st

from app.charts import chain_figure
from app.charts.chain_graph import (EMBEDDED_LABEL_PX, PAGE_LABEL_PX, SLIDE_LABEL_PX, ChainGraph,
                                    build_chain_graph, chain_graph_html, frame_height, reveal,
                                    standalone_html)
from app.charts.chain_layout import DEFAULT_LAYOUT, LAYOUTS
from app.components.data import cached_view, data_files_stamp, data_version_key, get_dataset
from app.components.i18n import current_language, t
from app.components.versions import with_data_versions
from app.core import network
from app.core.i18n import localized_value
from app.core.load import Dataset
from app.core.share import data_version
from app.core.sources import short_citation
from app.core.phases import phase_labels
from app.core.tables import actor_table, chain_table, task_table
from app.core.text import escape_markdown
from app.core.validate import split_ids

# The frame's largest height, and the width the page is expected to give the graph (the page
# corrects the height to its real width once drawn): a 1440-wide window with the sidebar open,
# and a 1920-wide slide.
GRAPH_HEIGHT = 660
GRAPH_WIDTH_GUESS = 980
PRESENT_WIDTH_GUESS = 1860
FIGURE_KEY = "chain-figure-files"
FIGURE_TYPES = {"svg": "image/svg+xml", "pdf": "application/pdf", "png": "image/png"}


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


def layout_choice(value: str | None) -> str:
    return value if value in LAYOUTS else DEFAULT_LAYOUT


@cached_view(max_entries=256)
def _chain_graph(version: tuple, case_id: str, function: str | None, documented_only: bool,
                 focus: str | None, physics: bool,
                 revealed: tuple[tuple[str, ...], tuple[str, ...]] | None,
                 phase: str | None, layout: str, wide: bool, lang: str) -> ChainGraph:
    """The graph of one view; keyed by the data version, every filter, the layout, the label
    width and the language."""
    dataset = get_dataset()
    actors, links = chain_view(dataset, case_id, function=function,
                               documented_only=documented_only, phase=phase)
    sources = dataset.sources[dataset.sources["case_id"] == case_id]
    graph = build_chain_graph(actors, links, sources, focus=focus, physics=physics, lang=lang,
                              layout=layout, wide_labels=wide)
    return graph if revealed is None else reveal(graph, *revealed)


@cached_view(max_entries=256)
def _embedded_html(view: tuple, height: int, max_height: int, label_px: int,
                   follow: tuple[str, ...]) -> str:
    """The page fragment of one view (same key as `_chain_graph`, plus the heights, the label
    size aimed for and the actors to bring into view)."""
    presenting = view[-2]
    return chain_graph_html(_chain_graph(*view), height_px=height, lang=view[-1],
                            max_height_px=max_height, label_px=label_px, slide=presenting,
                            follow=follow)


def _view_citations(case_id: str, graph: ChainGraph) -> list[str]:
    """Short citations of the sources behind what the view shows, in the case's order."""
    dataset = get_dataset()
    case = dataset.only(case_id)
    shown_actors = {n["actor_id"] for n in graph.nodes if not n.get("hidden")}
    shown_links = {e["link_id"] for e in graph.edges if not e.get("hidden")}
    cited: set[str] = set()
    for aid, ids in zip(case.actors["actor_id"], case.actors["source_ids"]):
        if aid in shown_actors:
            cited |= set(split_ids(str(ids)))
    for lid, ids in zip(case.links["link_id"], case.links["source_ids"]):
        if lid in shown_links:
            cited |= set(split_ids(str(ids)))
    out = []
    for sid, citation, year in zip(case.sources["source_id"], case.sources["citation"],
                                   case.sources.get("year", [""] * len(case.sources))):
        short = short_citation(str(citation), year)
        if sid in cited and short not in out:
            out.append(short)
    return out


def figure_note(graph: ChainGraph, case_id: str, url: str) -> str:
    """The figure's note: case title, short citations of the sources drawn, data version and
    the view's link (naming the data version shown, so that it leads back to what it drew)."""
    lang = current_language()
    dataset = get_dataset()
    return chain_figure.figure_note(
        title=localized_value(dataset.case_info(case_id), "title", lang),
        citations=_view_citations(case_id, graph),
        data_version=data_version(dataset, [case_id], data_files_stamp(), lang=lang),
        url=with_data_versions(url, "chain", [case_id]), lang=lang, layout=graph.layout)


def figure_files(graph: ChainGraph, case_id: str, url: str) -> dict[str, Callable[[], bytes]]:
    """SVG, PDF and PNG makers of the view's figure; each renders only when downloaded."""
    lang = current_language()
    title = localized_value(get_dataset().case_info(case_id), "title", lang)

    def spec() -> dict:
        return chain_figure.figure_spec(graph, title=title, note=figure_note(graph, case_id, url),
                                        lang=lang)

    return {"svg": lambda: chain_figure.figure_svg(spec()),
            "pdf": lambda: chain_figure.figure_pdf(spec()),
            "png": lambda: chain_figure.figure_png(spec())}


def render_embedded_note(graph: ChainGraph, case_id: str, url: str) -> None:
    """Embedded in another page, the graph says what it shows and where it comes from: the
    exported figure's note under it, as plain text."""
    if st.context.is_embedded and graph.nodes:
        st.caption(escape_markdown(figure_note(graph, case_id, url)))


def render_figure_downloads(files: dict[str, Callable[[], bytes]], case_id: str, *,
                            key: str) -> None:
    """Three download buttons in a row after their label: the figure as SVG, PDF and print
    PNG (a row that wraps on a phone)."""
    with st.container(horizontal=True, vertical_alignment="center"):
        st.markdown(t("figure.download"), help=t("figure.help"), width="content")
        for kind in FIGURE_TYPES:
            st.download_button(t(f"figure.{kind}"), files[kind],
                               file_name=download_name(case_id, "chain-figure", kind),
                               mime=FIGURE_TYPES[kind], key=f"{key}-{kind}",
                               icon=":material/download:", on_click="ignore")


def offer_figure_in_share_panel(files: dict[str, Callable[[], bytes]], case_id: str) -> None:
    """The share panel (drawn after the page) offers the same figure."""
    st.session_state[FIGURE_KEY] = (files, case_id)


def render_chain_graph(case_id: str, *, function: str | None = None,
                       documented_only: bool = False, focus: str | None = None,
                       physics: bool = False, height: int = GRAPH_HEIGHT,
                       revealed: tuple[tuple[str, ...], tuple[str, ...]] | None = None,
                       phase: str | None = None, layout: str = DEFAULT_LAYOUT,
                       presenting: bool = False, follow: tuple[str, ...] = (),
                       ) -> tuple[Callable[[], str], int, int, ChainGraph]:
    """Draw the graph; returns a maker of the standalone HTML (built only when downloaded),
    the numbers of actors and links shown, and the graph (for its figure).

    `revealed` (actor ids, link ids) shows only part of the chain, for the presenter's steps;
    `follow`: the actors that step brings in, scrolled into view on a drawing wider or taller
    than the window.
    `height` is the frame's largest height; its height follows the drawing's proportions.
    """
    lang = current_language()
    layout = layout_choice(layout)
    view = (data_version_key(), case_id, function, documented_only, focus, physics, revealed,
            phase, layout, presenting, lang)
    graph = _chain_graph(*view)
    if not graph.nodes:
        st.info(t("chain.nothing_matches"))
    else:
        guess = PRESENT_WIDTH_GUESS if presenting else GRAPH_WIDTH_GUESS
        label_px = (SLIDE_LABEL_PX if presenting else
                    EMBEDDED_LABEL_PX if st.context.is_embedded else PAGE_LABEL_PX)
        first = frame_height(graph, guess, max_px=height, label_px=label_px, slide=presenting)
        st.iframe(_embedded_html(view, first, height, label_px, follow), height=first + 6)
    title = localized_value(get_dataset().case_info(case_id), "title", lang)
    return ((lambda: standalone_html(graph, title=title, lang=lang)), len(graph.nodes),
            len(graph.edges), graph)


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
