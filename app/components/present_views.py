"""The country flows, the task functions and the comparison presented step by step, like the
chain: one idea per step (`app.core.slides`), its figure, its caption and its sources.

Each view is a `Deck`: a title, a number of steps and a way to draw one, so that a view plays
alone (`?present=1` on its page) or as a part of a talk (`app.components.talk`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import altair as alt
import pandas as pd
import streamlit as st

from app.charts.flow_map import flow_map_chart
from app.charts.function_charts import FUNCTION_PARAM, function_diagram_chart
from app.charts.style import for_screen, for_slide
from app.components.cases import case_titles
from app.components.charts import ChartView, chart_view, for_this_screen
from app.components.compare import compare_view
from app.components.data import cached_view, data_version_key, get_cases_or_stop, get_dataset
from app.components.flows import preselect
from app.components.frame import on_phone
from app.components.functions import diagram_summary, diagram_view
from app.components.i18n import current_language, t
from app.components.present import (PRESENT_CHART_HEIGHT, apply_presentation_style,
                                    chain_steps, render_chain_step, render_step_controls,
                                    render_step_text, step_number)
from app.components.state import notice, render_notices
from app.core.compare import GRID_MEASURES, compare_cases, short_title
from app.core import vocab
from app.core.flows import aggregate_country_flows
from app.core.functions import function_counts
from app.core.load import Dataset
from app.core.slides import (WHOLE, Slide, compare_slides, flow_slides, function_slides,
                             pair_key)
from app.core.text import escape_markdown

CASES_PARAM = "cases"
# The comparison's measures drawn as a chart (the others as one number per case).
# The presented functions diagram fills the slide between the buttons and the caption; its
# type grows with its width, up to twice the page's (the smallest label, 11 px, is 22 px on a
# 1920-wide projector); under 480 px (a narrow window; a phone gets the page's diagram, its
# boxes one under the other) it shrinks to stay in its boxes.
PRESENT_DIAGRAM_HEIGHT = 510
# A phone's slide map: the world is 170 px tall at 340 px wide; the rest is its title (up to
# seven lines) and its legend.
PHONE_MAP_HEIGHT = 500
DIAGRAM_GROWTH = "(width < 480 ? width / 480 : clamp(width / 900, 1, 2.2))"
COMPARE_CHARTS = {"chain_length": "length", "documented_chain_length": "length",
                  "function_shares": "functions", "unpaid_share": "unpaid",
                  "certainty_shares": "certainty"}


@dataclass(frozen=True)
class Deck:
    """A presented view: its title, how many steps it has, and how to draw step n (1-based)."""

    title: str
    total: int
    draw: Callable[[int], None]


def presented_cases(dataset: Dataset) -> list[str]:
    """The link's `cases=a,b` (every case when absent); unknown ids dropped with a notice."""
    raw = st.query_params.get(CASES_PARAM, "")
    asked = [c for c in raw.split(",") if c]
    unknown = [c for c in asked if c not in dataset.case_ids]
    if unknown:
        notice(CASES_PARAM, ",".join(unknown), "state.reason.not_one_of",
               allowed=escape_markdown(", ".join(dataset.case_ids)))
    return [c for c in dataset.case_ids if c in asked] or list(dataset.case_ids)


def slide_spec(view: ChartView) -> dict:
    """A slide's chart as this screen needs it: the slide's type (`for_slide`) on a screen that
    a room reads from afar; on a phone, held in the hand, the page's type, which leaves a
    chart of 340 px room for its marks."""
    return for_this_screen(view.screen) if on_phone() else for_slide(view.screen)


def _draw_chart(view: ChartView, key: str, alt_text: str | None = None) -> None:
    st.vega_lite_chart(slide_spec(view), key=key, theme=None, width="stretch",
                       alt=alt_text or view.summary)


# --- country flows ---------------------------------------------------------------------------

@cached_view(max_entries=64)
def _flow_slides(version: tuple, cases: tuple[str, ...], lang: str) -> list[Slide]:
    dataset = get_dataset()
    return flow_slides(dataset.actors, dataset.links, dataset.tasks, dataset.sources,
                       list(cases), lang)


@cached_view(max_entries=256)
def _flow_step_map(version: tuple, cases: tuple[str, ...], shown: tuple[str, ...],
                   lang: str, height: int) -> ChartView:
    """The map with the country pairs told so far, coloured by function."""
    dataset = get_dataset()
    flows = aggregate_country_flows(dataset.actors, dataset.links, dataset.tasks,
                                    cases=list(cases), by="function", lang=lang)
    pairs = [pair_key(a, b) for a, b in zip(flows["from_country"], flows["to_country"])]
    drawn = flows[[pair in shown for pair in pairs]]
    chart = flow_map_chart(drawn, colour_by="function", selectable=False, height=height,
                           lang=lang)
    return chart_view(for_screen(chart, lang), "", drawn)


def flows_deck(cases: list[str], title: str) -> Deck:
    version, lang = data_version_key(), current_language()
    slides = _flow_slides(version, tuple(cases), lang)

    def draw(number: int) -> None:
        slide = slides[number - 1]
        st.markdown(f"### {escape_markdown(slide.heading)}")
        view = _flow_step_map(version, tuple(cases), slide.shown, lang,
                              PHONE_MAP_HEIGHT if on_phone() else PRESENT_CHART_HEIGHT)
        _draw_chart(view, f"present-flows-{number}", slide.caption)
        render_step_text(slide.caption, slide.sources, slide.certainties)

    return Deck(title, len(slides), draw)


# --- task functions --------------------------------------------------------------------------

@cached_view(max_entries=64)
def _function_slides(version: tuple, cases: tuple[str, ...], lang: str) -> list[Slide]:
    dataset = get_dataset()
    return function_slides(dataset.actors, dataset.tasks, dataset.sources, list(cases), lang)


def _growing(base: float, power: int = 1) -> dict:
    """A size that grows with the chart's width (see DIAGRAM_GROWTH)."""
    return {"expr": f"round({base} * pow({DIAGRAM_GROWTH}, {power}))"}


def _for_the_room(chart: alt.LayerChart) -> alt.LayerChart:
    """The diagram's labels, arrows and box outlines sized for the back of a room."""
    for layer in chart.layer:
        mark = layer.mark
        if not isinstance(mark, alt.MarkDef):
            continue
        if mark.type == "text" and mark.fontSize:
            mark.fontSize = _growing(mark.fontSize)
        elif mark.type == "point" and mark.size:
            mark.size = _growing(mark.size, 2)
        elif mark.strokeWidth:
            mark.strokeWidth = _growing(mark.strokeWidth)
    return chart


@cached_view(max_entries=64)
def _function_step_diagram(version: tuple, cases: tuple[str, ...], focus: str,
                           lang: str, stacked: bool) -> ChartView:
    """The diagram as tall as the slide allows, the step's function picked in it; on a phone
    (`stacked`), the page's diagram, its boxes one under the other."""
    tasks = get_dataset().tasks
    tasks = tasks[tasks["case_id"].isin(cases)]
    counts = function_counts(tasks)
    prepared = tasks.loc[tasks["function"] == "preparation", "subfunction"].value_counts()
    subcounts = {s: int(prepared.get(s, 0)) for s in vocab.SUBFUNCTIONS}
    if stacked:
        return diagram_view(counts, subcounts, focus, lang, stacked=True)
    chart = _for_the_room(function_diagram_chart(counts, subcounts=subcounts, selectable=True,
                                                 height=PRESENT_DIAGRAM_HEIGHT, lang=lang))
    chart = preselect(chart, FUNCTION_PARAM, "function", focus or None)
    chart = for_screen(chart, lang).configure_title(
        fontSize=_growing(15), subtitleFontSize=_growing(10), limit=0)
    return chart_view(chart, diagram_summary(counts, subcounts, lang), pd.DataFrame())


def functions_deck(cases: list[str], title: str) -> Deck:
    version, lang = data_version_key(), current_language()
    slides = _function_slides(version, tuple(cases), lang)

    def draw(number: int) -> None:
        slide = slides[number - 1]
        st.markdown(f"### {escape_markdown(slide.heading)}")
        # The diagram, the step's function picked in it (none at the overview).
        view = _function_step_diagram(version, tuple(cases),
                                      "" if slide.focus == WHOLE else slide.focus, lang,
                                      on_phone())
        _draw_chart(view, f"present-functions-{number}")
        render_step_text(slide.caption, slide.sources, slide.certainties)

    return Deck(title, len(slides), draw)


# --- the comparison --------------------------------------------------------------------------

@cached_view(max_entries=64)
def _compare_slides(version: tuple, cases: tuple[str, ...], lang: str) -> list[Slide]:
    dataset = get_dataset()
    measures = compare_cases(dataset.only(list(cases)), list(cases), lang)
    return compare_slides(measures, dataset.tasks, dataset.links, dataset.sources, lang)


def compare_deck(cases: list[str], title: str) -> Deck:
    slides = _compare_slides(data_version_key(), tuple(cases), current_language())

    def draw(number: int) -> None:
        slide = slides[number - 1]
        st.markdown(f"### {escape_markdown(slide.heading)}")
        view = compare_view(cases)
        # A chart and a row of numbers in containers of their own: a figure drawn in the place
        # of another of a different kind would keep the other's height.
        if slide.focus in COMPARE_CHARTS:
            with st.container(key="present-compare-chart"):
                _draw_chart(getattr(view, COMPARE_CHARTS[slide.focus]),
                            f"present-compare-{number}")
        else:  # one large number per case
            row = view.grid[GRID_MEASURES.index(slide.focus)]
            titles = case_titles(get_dataset(), current_language())
            with st.container(key="present-compare-numbers"):
                for col, (case, value, detail) in zip(st.columns(len(row.cells)), row.cells):
                    col.metric(escape_markdown(short_title(titles.get(case, case))), value)
                    if detail:
                        col.caption(escape_markdown(detail))
        render_step_text(slide.caption, slide.sources, slide.certainties, note=slide.note,
                         citations=False)

    return Deck(title, len(slides), draw)


# --- the chain, as a deck --------------------------------------------------------------------

def chain_deck(case_id: str, title: str) -> Deck:
    steps = chain_steps(case_id)
    return Deck(title, len(steps), lambda number: render_chain_step(
        case_id, steps[number - 1], steps[number - 2] if number > 1 else None))


# --- a view presented on its own page --------------------------------------------------------

def present_deck(deck: Deck) -> None:
    """A view alone: its title, the clicker's buttons, then the step's figure and caption."""
    if not deck.total:
        st.info(t("present.no_steps"), icon=":material/info:")
        return
    number = step_number(deck.total)
    st.subheader(escape_markdown(deck.title), anchor=False)
    render_step_controls(deck.total, number)
    deck.draw(number)


def present_page(view: str) -> None:
    """`?present=1` on the flows, functions or compare page, for the link's cases."""
    apply_presentation_style()
    dataset = get_cases_or_stop()
    cases = presented_cases(dataset)
    render_notices()
    makers = {"flows": flows_deck, "functions": functions_deck, "compare": compare_deck}
    present_deck(makers[view](cases, t(f"page.{view}")))
