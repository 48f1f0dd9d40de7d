"""Presentation mode (`?present=1`): no sidebar, toolbar or widgets, large type, a story.

The frame every presented view shares (the style, the step in the URL, the buttons a clicker
presses, the caption and its sources), and the chain's own story. The other views' steps are
in `app.components.present_views`; talks that line views up, in `app.components.talk`.
"""

from __future__ import annotations

import streamlit as st

from app.components.chain import (figure_files, offer_figure_in_share_panel, render_chain_graph,
                                  render_figure_downloads)
from app.components.data import cached_view, data_version_key, get_dataset
from app.components.i18n import current_language, t, tn, with_lang
from app.components.pages import CHAIN, page
from app.components.share import current_view_url
from app.components.state import param_is_on, set_param
from app.core.i18n import localized_value, vocab_label
from app.core.sources import short_citation
from app.core.story import Step, build_story
from app.core.text import escape_markdown

PRESENT_PARAM = "present"
TALK_PARAM = "talk"
STEP_PARAM = "step"
BLANK_KEY = "present-blank"
# At 1920x1080 the title and the step buttons take the top 160 px, the caption the last 100.
PRESENT_GRAPH_HEIGHT = 800
PRESENT_CHART_HEIGHT = 620
MAX_SOURCES = 3  # sources named under a step
# The step's caption, kept in sight over a figure taller than the window.
CAPTION_KEY = "present-caption"

# The keys a presenter's clicker sends (most send PageDown/PageUp, some the arrows; "B" blanks
# the screen on many). Streamlit binds one key to one button: the first key of each move is on
# its visible button, the others on buttons of their own, not displayed (`.st-key-present-keys`:
# out of the page and of what a screen reader reads, the key still works).
# "." (which some clickers send to blank the screen) cannot be bound: Streamlit takes no
# punctuation keys.
EXTRA_KEYS = (("next", "Right"), ("next", "Space"), ("previous", "Left"), ("first", "Home"),
              ("last", "End"), ("blank", "B"))

# Our own CSS (no data in it). Sizes in rem scale with the root font size.
_STYLE = """<style>
/* 22 px on a 1920-wide screen; a smaller screen shows the same slide smaller, down to 16 px. */
html { font-size: clamp(16px, 1.146vw, 22px); }
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"] {
  display: none !important;
}
.block-container, [data-testid="stMainBlockContainer"] {
  padding: 1.2rem 1.5rem 2rem !important; max-width: 100% !important;
}
.st-key-present-caption p { font-size: 1.45rem; line-height: 1.4; }
/* Where the figure runs below the window, the caption stays in sight at the bottom, on white
   (sticky on the block's wrapper, which moves within the whole page). */
[data-testid="stLayoutWrapper"]:has(> .st-key-present-caption) {
  position: sticky; bottom: 0; z-index: 2; background: #FFFFFF;
}
.st-key-present-caption { padding-top: 0.4rem; box-shadow: 0 -1px 0 #C9CED4; }
.st-key-present-note p, .st-key-present-sources p { font-size: 0.8rem; }
.st-key-present-keys { display: none !important; }
/* A phone (the audience opening a talk's link): usual type, and the buttons two by two so that
   the step's figure starts on the first screen; no key hints where there is no keyboard. The
   caption and sources follow the figure instead of covering half of it. */
@media (max-width: 640px) {
  html { font-size: 16px; }
  [data-testid="stLayoutWrapper"]:has(> .st-key-present-caption) { position: static; }
  .st-key-present-controls [data-testid="stHorizontalBlock"] {
    flex-flow: row wrap !important; gap: 0.5rem !important;
  }
  .st-key-present-controls [data-testid="stColumn"] {
    flex: 1 1 calc(50% - 0.5rem) !important; min-width: calc(50% - 0.5rem) !important;
    width: calc(50% - 0.5rem) !important;
  }
  .st-key-present-controls [aria-label^="Shortcut"] { display: none !important; }
}
</style>"""
# The blank screen: black over everything, until "B" is pressed again.
_BLANK = """<style>
body::after { content: ""; position: fixed; inset: 0; background: #000; z-index: 999999; }
</style>"""


def talking() -> bool:
    """A talk link (`?talk=...`): several views presented in a row."""
    return TALK_PARAM in st.query_params


def presenting() -> bool:
    return param_is_on(PRESENT_PARAM) or talking()


def render_present_link(page_file: str, view: str) -> None:
    """The view's "Present" button: a link to the same page with the same settings and
    `present=1`, so that the presentation can be opened in a window of its own, or shared."""
    params = {k: st.query_params.get(k, "") for k in st.query_params}
    params.pop(STEP_PARAM, None)
    st.page_link(page(page_file), label=t(f"present.open.{view}"), icon=":material/slideshow:",
                 query_params=with_lang(params | {PRESENT_PARAM: "1"}))


def apply_presentation_style() -> None:
    st.html(_STYLE)
    if st.session_state.get(BLANK_KEY):
        st.html(_BLANK)


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


def step_number(total: int) -> int:
    """The step in the URL (1-based), kept within 1..total; a bad value starts at 1. The URL
    is set to the step shown."""
    raw = st.query_params.get(STEP_PARAM, "1")
    number = int(raw) if raw.isdigit() and len(raw) < 4 else 1
    number = min(max(number, 1), max(total, 1))
    set_param(STEP_PARAM, str(number))
    return number


def _go(number: int) -> None:
    set_param(STEP_PARAM, str(number))


def _leave() -> None:
    for param in (PRESENT_PARAM, TALK_PARAM, STEP_PARAM):
        set_param(param, None)
    st.session_state.pop(BLANK_KEY, None)


def _blank() -> None:
    st.session_state[BLANK_KEY] = not st.session_state.get(BLANK_KEY, False)


def render_step_controls(total: int, number: int) -> None:
    """Previous / next / leave buttons that move the step in the URL, bound to the keys a
    clicker sends; a press runs the page once (the move is made before it runs)."""
    moves = {"previous": max(number - 1, 1), "next": min(number + 1, total), "first": 1,
             "last": total}
    cols = st.container(key="present-controls").columns([2, 2, 5, 2])
    cols[0].button(t("present.previous"), key="present-previous", shortcut="PageUp",
                   icon=":material/arrow_back:", disabled=number <= 1, width="stretch",
                   on_click=_go, args=(moves["previous"],))
    cols[1].button(t("present.next"), key="present-next", shortcut="PageDown",
                   icon=":material/arrow_forward:", disabled=number >= total, type="primary",
                   width="stretch", on_click=_go, args=(moves["next"],))
    cols[2].markdown(t("present.step", number=number, total=total))
    cols[3].button(t("present.leave"), key="present-leave", shortcut="Esc", width="stretch",
                   on_click=_leave)
    labels = {"next": t("present.next"), "previous": t("present.previous"),
              "first": t("present.first"), "last": t("present.last"),
              "blank": t("present.blank")}
    with st.container(key="present-keys"):
        for move, key in EXTRA_KEYS:
            handler = {"on_click": _blank} if move == "blank" else {
                "on_click": _go, "args": (moves[move],)}
            st.button(labels[move], key=f"present-key-{key.lower()}", shortcut=key, **handler)


def render_step_text(caption: str, sources: tuple[str, ...], certainties: tuple[str, ...],
                     note: str = "", *, citations: bool = True) -> None:
    """The step's caption in large type; under it, smaller, what it rests on. Both stay in
    sight at the bottom of the window while the step's figure runs below it (a 720-high
    projector), as a subtitle does: a fact on screen is never without its source.

    `sources` are references, shown as "Author (year)"; with `citations=False`, lines that
    only count them (the comparison's "case: n sources"), shown as they are."""
    lang = current_language()
    with st.container(key=CAPTION_KEY):
        st.markdown(escape_markdown(caption))
        if note:
            with st.container(key="present-note"):
                st.markdown(escape_markdown(note))
        if sources:
            with st.container(key="present-sources"):
                st.markdown(_sources_line(sources, certainties, lang, citations))


def _sources_line(sources: tuple[str, ...], certainties: tuple[str, ...], lang: str,
                  citations: bool) -> str:
    """A few sources, references as "Author (year)" so that they fit on one line of a slide;
    the view itself (leave the presentation) gives them in full."""
    cited = " | ".join(short_citation(source) if citations else source
                       for source in sources[:MAX_SOURCES])
    if len(sources) > MAX_SOURCES:
        cited += " " + tn("present.more_sources", len(sources) - MAX_SOURCES)
    if not certainties:
        return t("present.sources", sources=escape_markdown(cited))
    certainty = ", ".join(vocab_label("certainty", c, lang).lower() for c in certainties)
    return t("present.certainty_sources", certainty=escape_markdown(certainty),
             sources=escape_markdown(cited))


@cached_view(max_entries=64)
def _story(version: tuple, case_id: str, lang: str) -> list[Step]:
    dataset = get_dataset()
    case = dataset.only(case_id)
    return build_story(dataset.case_info(case_id), case.actors, case.links, case.sources,
                       lang=lang)


def chain_steps(case_id: str) -> list[Step]:
    """The chain's story in the interface language (cached for every session)."""
    return _story(data_version_key(), case_id, current_language())


def render_chain_step(case_id: str, step: Step, before: Step | None = None) -> None:
    """The graph grown to this step from the one `before` (its new actors brought into view),
    its caption and sources, and the figure's downloads."""
    layout = st.query_params.get("layout")
    shown = set(before.actor_ids) if before else set()
    _, _, _, graph = render_chain_graph(case_id, height=PRESENT_GRAPH_HEIGHT,
                                        revealed=(step.actor_ids, step.link_ids),
                                        layout=layout, presenting=True,
                                        follow=tuple(a for a in step.actor_ids
                                                     if a not in shown))
    render_step_text(step.caption, step.sources, step.certainties)
    files = figure_files(graph, case_id, current_view_url(page(CHAIN).url_path))
    offer_figure_in_share_panel(files, case_id)
    render_figure_downloads(files, case_id, key="present-figure")


def render_presentation(case_id: str) -> None:
    """One case told step by step: the graph grows, a caption and its source under it."""
    apply_presentation_style()
    steps = chain_steps(case_id)
    if not steps:
        st.info(t("present.no_actors"))
        return
    number = step_number(len(steps))
    st.subheader(escape_markdown(localized_value(get_dataset().case_info(case_id), "title",
                                                 current_language())), anchor=False)
    # The buttons above the graph: on a 1080-high screen they stay in reach at every step.
    render_step_controls(len(steps), number)
    render_chain_step(case_id, steps[number - 1], steps[number - 2] if number > 1 else None)
