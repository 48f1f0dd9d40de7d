"""Presentation mode (`?present=1`): no sidebar, toolbar or widgets, large type, a story."""

from __future__ import annotations

import streamlit as st

from app.components.chain import (figure_files, offer_figure_in_share_panel, render_chain_graph,
                                  render_figure_downloads)
from app.components.data import cached_view, data_version_key, get_dataset
from app.components.i18n import current_language, t
from app.components.pages import CHAIN, page
from app.components.share import current_view_url
from app.components.state import param_is_on, set_param
from app.core.i18n import localized_value, vocab_label
from app.core.story import Step, build_story
from app.core.text import escape_markdown

PRESENT_PARAM = "present"
# At 1920x1080 the title and the step buttons take the top 160 px, the caption the last 100.
PRESENT_GRAPH_HEIGHT = 800

# Our own CSS (no data in it). Sizes in rem scale with the root font size.
_STYLE = """<style>
html { font-size: 22px; }
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"] {
  display: none !important;
}
.block-container, [data-testid="stMainBlockContainer"] {
  padding: 1.2rem 1.5rem 2rem !important; max-width: 100% !important;
}
.st-key-present-caption p { font-size: 1.45rem; line-height: 1.4; }
.st-key-present-sources p { font-size: 0.8rem; }
</style>"""


def presenting() -> bool:
    return param_is_on(PRESENT_PARAM)


def apply_presentation_style() -> None:
    st.html(_STYLE)


# Our own CSS for `?embed=true`: an iframe in a web article has no room to spare.
_EMBEDDED_STYLE = """<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"] { display: none !important; }
.block-container, [data-testid="stMainBlockContainer"] {
  padding: 0.5rem 1rem 1rem !important; max-width: 100% !important;
}
h1 { font-size: 1.6rem !important; padding-top: 0 !important; }
</style>"""


def apply_embedded_style() -> None:
    st.html(_EMBEDDED_STYLE)


def step_number(steps: list[Step]) -> int:
    """The step in the URL (1-based), kept within the story; a bad value starts at 1."""
    raw = st.query_params.get("step", "1")
    number = int(raw) if raw.isdigit() and len(raw) < 4 else 1
    return min(max(number, 1), max(len(steps), 1))


def render_story_controls(steps: list[Step], number: int) -> None:
    """Previous / next buttons that move the step in the URL."""
    cols = st.columns([1, 1, 6, 2])
    if cols[0].button(t("present.previous"), key="present-previous",
                      icon=":material/arrow_back:", disabled=number <= 1, width="stretch"):
        set_param("step", str(number - 1))
        st.rerun()
    if cols[1].button(t("present.next"), key="present-next", icon=":material/arrow_forward:",
                      disabled=number >= len(steps), type="primary", width="stretch"):
        set_param("step", str(number + 1))
        st.rerun()
    cols[2].markdown(t("present.step", number=number, total=len(steps)))
    if cols[3].button(t("present.leave"), key="present-leave", width="stretch"):
        set_param(PRESENT_PARAM, None)
        set_param("step", None)
        st.rerun()


def render_step_text(step: Step) -> None:
    lang = current_language()
    with st.container(key="present-caption"):
        st.markdown(escape_markdown(step.caption))
    with st.container(key="present-sources"):
        certainty = ", ".join(vocab_label("certainty", c, lang).lower() for c in step.certainties)
        st.markdown(t("present.certainty_sources", certainty=escape_markdown(certainty),
                      sources=escape_markdown(" | ".join(step.sources))))


@cached_view(max_entries=64)
def _story(version: tuple, case_id: str, lang: str) -> list[Step]:
    dataset = get_dataset()
    case = dataset.only(case_id)
    return build_story(dataset.case_info(case_id), case.actors, case.links, case.sources,
                       lang=lang)


def render_presentation(case_id: str) -> None:
    """One case told step by step: the graph grows, a caption and its source under it."""
    apply_presentation_style()
    lang = current_language()
    steps = _story(data_version_key(), case_id, lang)
    if not steps:
        st.info(t("present.no_actors"))
        return
    number = step_number(steps)
    set_param("step", str(number))
    step = steps[number - 1]
    st.subheader(escape_markdown(localized_value(get_dataset().case_info(case_id), "title",
                                                 lang)), anchor=False)
    # The buttons above the graph: on a 1080-high screen they stay in reach at every step.
    render_story_controls(steps, number)
    layout = st.query_params.get("layout")
    _, _, _, graph = render_chain_graph(case_id, height=PRESENT_GRAPH_HEIGHT,
                                        revealed=(step.actor_ids, step.link_ids),
                                        layout=layout, presenting=True)
    render_step_text(step)
    files = figure_files(graph, case_id, current_view_url(page(CHAIN).url_path))
    offer_figure_in_share_panel(files, case_id)
    render_figure_downloads(files, case_id, key="present-figure")
