"""The interface language: chosen in the sidebar (or a phone's menu), carried in the URL
(`?lang=fr`)."""

from __future__ import annotations

import streamlit as st

from app.components.notices import notice
from app.core.i18n import LANGUAGES, negotiate, translate, translate_count

LANG_PARAM = "lang"
LANG_KEY = "lang-select"
# The language last shown, kept apart from the switch's own state: Streamlit forgets the state
# of a widget that the browser has never drawn (the switch, in a pop-over not yet opened) when
# the reader moves to another page by the navigation, whose links carry no parameter.
KEPT_KEY = "lang-kept"
# The switch's label is the same in every language, so that anyone can find it.
SWITCH_LABEL = "Language / Langue"


def current_language() -> str:
    """The language of this run: the switch's value, else the link's, else the browser's."""
    chosen = st.session_state.get(LANG_KEY)
    if chosen in LANGUAGES:
        return chosen
    return negotiate(st.query_params.get(LANG_PARAM), st.context.locale)


def t(key: str, **values: object) -> str:
    """The interface text `key` in the current language."""
    return translate(key, current_language(), **values)


def tn(key: str, count: int, **values: object) -> str:
    """A text that agrees with a number: `key.one` or `key.other`, with `{count}` filled.

    English says "1 link" and "0 links"; French "0 lien" and "1 lien" (singular below 2).
    """
    return translate_count(key, count, current_language(), **values)


def with_lang(params: dict[str, str] | None = None) -> dict[str, str]:
    """A page link's parameters plus the current language, so that the language follows."""
    return {**(params or {}), LANG_PARAM: current_language()}


def choose_language() -> str:
    """This session's language: once chosen, the switch's; at first, the link's, else the
    one this session last showed, else the browser's (a link asking for a language the app
    does not have gets a notice)."""
    if st.session_state.get(LANG_KEY) not in LANGUAGES:
        asked = st.query_params.get(LANG_PARAM)
        if asked is not None and asked not in LANGUAGES:
            notice(LANG_PARAM, asked, "state.reason.languages", languages=", ".join(LANGUAGES))
        if asked not in LANGUAGES and st.session_state.get(KEPT_KEY) in LANGUAGES:
            asked = st.session_state[KEPT_KEY]
        st.session_state[LANG_KEY] = negotiate(asked, st.context.locale)
    st.session_state[KEPT_KEY] = st.session_state[LANG_KEY]
    return st.session_state[LANG_KEY]


def render_language_switch(where, *, folded: bool = True) -> str:
    """English / Français in `where` (the sidebar, or the phone's menu); the choice goes into
    the link of the view.

    Folded (in the sidebar) into a pop-over whose button names the language: its buttons are
    drawn, and their code loaded, only when it is opened, so a page opens without them
    (bench/RESULTS.md); its key carries the language, so that a choice closes it. The phone's
    menu is itself a pop-over."""
    lang = choose_language()
    if folded:
        where = where.popover(translate("choice.shown", lang, label=SWITCH_LABEL,
                                        shown=LANGUAGES[lang]),
                              icon=":material/translate:", key=f"{LANG_KEY}-choice-{lang}",
                              width="stretch")
    # Sent with the switch on every run, as `state.keep_drawn_value` does for every choice in
    # a pop-over: else the switch, first drawn after another choice, showed neither language.
    st.session_state[LANG_KEY] = lang
    lang = where.segmented_control(
        SWITCH_LABEL, list(LANGUAGES), key=LANG_KEY, format_func=LANGUAGES.get,
        selection_mode="single", required=True)
    if st.query_params.get(LANG_PARAM) != lang:
        st.query_params[LANG_PARAM] = lang
    return lang
