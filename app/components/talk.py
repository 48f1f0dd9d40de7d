"""A talk: views presented one after another with one clicker, ending on the audience step
(the talk's link as a large QR code and a short address); and the sidebar panel that builds
the link.
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

import streamlit as st

from app.components.cases import case_titles
from app.components.data import get_cases_or_stop, get_dataset
from app.components.i18n import current_language, t
from app.components.pages import HOME, page
from app.components.present import (STEP_PARAM, TALK_PARAM, apply_presentation_style,
                                    render_step_controls, step_number)
from app.components.present_views import (Deck, chain_deck, compare_deck, flows_deck,
                                          functions_deck)
from app.components.share import FALLBACK_BASE
from app.components.state import drop_unknown_params, notice, render_notices, set_param
from app.components.versions import VERSION_PARAM, view_versions
from app.core.compare import short_title
from app.core.share import qr_code
from app.core.talk import (TalkPart, locate, parse_talk, readable_address, talk_cases,
                           talk_link, talk_value)
from app.core.versions import format_pins
from app.core.text import escape_markdown

QR_WIDTH = 620
TALK_PAGE_PATH = ""  # a talk plays on the home page
_STYLE = """<style>
.st-key-talk-address code { font-size: 1.5rem !important; line-height: 1.5; }
.st-key-talk-audience p { font-size: 1.3rem; }
</style>"""
MAKERS = {"chain": lambda part, title: chain_deck(part.cases[0], title),
          "flows": lambda part, title: flows_deck(list(part.cases), title),
          "functions": lambda part, title: functions_deck(list(part.cases), title),
          "compare": lambda part, title: compare_deck(list(part.cases), title)}


def part_title(part: TalkPart, lang: str) -> str:
    """"The chain of Julie Desk", "Country flows: all cases"."""
    titles = case_titles(get_dataset(), lang)
    cases = (", ".join(short_title(titles.get(c, c)) for c in part.cases) if part.cases
             else t("talk.all_cases"))
    return t(f"talk.view.{part.view}", cases=cases)


def _deck(part: TalkPart, lang: str) -> Deck:
    dataset = get_dataset()
    cases = part.cases or tuple(dataset.case_ids)
    return MAKERS[part.view](TalkPart(part.view, cases), part_title(part, lang))


def app_root(url_path: str) -> str:
    """The app's own address (where a talk link points), from the page being shown."""
    scheme, netloc, path, _, _ = urlsplit(st.context.url or FALLBACK_BASE + url_path)
    path = path.rstrip("/")
    if url_path and path.endswith("/" + url_path):
        path = path[: -len(url_path) - 1]
    return urlunsplit((scheme, netloc, path + "/", "", ""))


def _talk_lang() -> str | None:
    """The language a talk link carries: the one its own link asked for, if any."""
    return st.query_params.get("lang")


def talk_versions(parts: list[TalkPart]) -> dict[str, str]:
    """The data version of each case the talk shows, as shown (pinned or current): its link
    names them, like a cited view's link."""
    return view_versions(TALK_PAGE_PATH, talk_cases(parts))


def render_audience_step(link: str) -> None:
    """The last step: the talk's link for the room, as a large QR code and as text."""
    st.html(_STYLE)
    qr_column, text_column = st.columns([3, 4], vertical_alignment="center")
    qr_column.image(qr_code(link, "png", scale=12), width=QR_WIDTH, alt=t("talk.qr_alt"))
    with text_column:
        with st.container(key="talk-audience"):
            st.markdown(t("talk.audience.caption"))
        with st.container(key="talk-address"):
            # Shown as code: an address, never a link to follow from the projector.
            st.code(readable_address(link), language=None, wrap_lines=True)


def play_talk(url_path: str) -> None:
    """The talk in the link (`?talk=...&step=n`): one step of one of its views, or the
    audience step after the last one. Parts that cannot be played are dropped with a notice."""
    drop_unknown_params([TALK_PARAM, STEP_PARAM])
    apply_presentation_style()
    dataset = get_cases_or_stop()
    lang = current_language()
    parts, refused = parse_talk(st.query_params.get(TALK_PARAM, ""), dataset.case_ids,
                                dataset.case_aliases())
    for refusal in refused:
        notice(TALK_PARAM, refusal.value, refusal.reason)
    if refused and parts:  # the link keeps the parts that play, so that its QR code does too
        set_param(TALK_PARAM, talk_value(parts))
    render_notices()
    if not parts:
        st.info(t("talk.nothing"), icon=":material/info:")
        return
    decks = [_deck(part, lang) for part in parts]
    counts = [deck.total for deck in decks]
    total = sum(counts) + 1
    number = step_number(total)
    where = locate(counts, number)
    if where is None:
        st.subheader(t("talk.audience.heading"), anchor=False)
    else:
        index, _ = where
        st.subheader(t("talk.part", number=index + 1, total=len(decks),
                       view=escape_markdown(decks[index].title)), anchor=False)
    render_step_controls(total, number)
    if where is None:
        render_audience_step(talk_link(app_root(url_path), parts, _talk_lang(),
                                       talk_versions(parts)))
    else:
        index, local = where
        # Each part in a container of its own: a figure drawn where the last part had one of
        # another kind (a chart where the chain's frame was) would keep that frame's height.
        with st.container(key=f"talk-part-{index + 1}"):
            decks[index].draw(local)


def _options(case_ids: list[str]) -> dict[str, TalkPart]:
    """The views a talk can line up, by their `talk=` token."""
    parts = ([TalkPart("chain", (c,)) for c in case_ids]
             + [TalkPart("flows", (c,)) for c in case_ids]
             + [TalkPart("flows"), TalkPart("functions"), TalkPart("compare")])
    return {part.token(): part for part in parts}


def render_talk_builder(url_path: str, where) -> None:
    """In `where` (the sidebar, or the phone's menu): pick views in order, get the talk's link
    and start it."""
    panel = where.expander(t("talk.builder.title"), icon=":material/slideshow:",
                           key="talk-panel", on_change="rerun")
    if not panel.open:  # filled only when opened, like the share panel
        return
    lang = current_language()
    options = _options(get_dataset().case_ids)
    with panel:
        chosen = st.multiselect(t("talk.builder.views"), list(options), key="talk-builder-views",
                                format_func=lambda token: part_title(options[token], lang),
                                placeholder=t("talk.builder.placeholder"),
                                help=t("talk.builder.help"))
        if not chosen:
            return
        parts = [options[token] for token in chosen]
        versions = talk_versions(parts)
        st.caption(t("talk.builder.link"))
        st.code(talk_link(app_root(url_path), parts, lang, versions), language=None,
                wrap_lines=True)
        if st.button(t("talk.builder.start"), key="talk-builder-start",
                     icon=":material/slideshow:", type="primary"):
            st.switch_page(page(HOME), query_params={TALK_PARAM: talk_value(parts),
                                                     "lang": lang,
                                                     VERSION_PARAM: format_pins(versions)})
