"""Link parameters that could not be used: noted while a page restores its view, shown by
`state.render_notices` in the language of the run (kept apart so that the language switch
can note a bad `lang` without importing the view state)."""

from __future__ import annotations

import streamlit as st

from app.core.errors import shorten
from app.core.text import escape_markdown

NOTICES_KEY = "url-notices"


def notice(param: str, raw: str, reason: str, **values: object) -> None:
    """Remember, for `render_notices`, a link parameter that could not be used and why.

    `reason` is a catalogue key (`state.reason.*`) and `values` fill it; the notice is worded
    when shown, in the language of that run. Values must already be safe Markdown.
    """
    st.session_state.setdefault(NOTICES_KEY, []).append(
        (param, escape_markdown(shorten(raw, 40)), reason, values))
