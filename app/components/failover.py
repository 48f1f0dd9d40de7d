"""A page that survives the replica serving it: rerun on reconnect, and lost uploads said.

Behind a load balancer, when the replica holding a session dies, the browser reconnects to a
live one, which holds a new, empty session. Streamlit's frontend (1.67) asks for a run on
reconnecting only when it has never run, when a run was cut off, or when the page has a
fragment that reruns on a timer; otherwise the new replica waits for the next interaction,
so the first widget change is lost (the page snaps back) and a download button fails
silently. A fragment with `run_every` makes the frontend rerun the whole page on every
reconnect, from the URL and the widgets it holds. Its interval is long on purpose: it is
there for its effect on reconnection, and ticks twice a day at most (its cost is measured in
bench/RESULTS.md).

Uploaded cases live in the memory of the session that received them. So that a reader whose
replica died learns that their case is gone (rather than meeting an "unknown case" notice),
the link of a session with uploads names them (`uploads=`); a session that does not hold a
case the link names says so, and how to bring it back.
"""

from __future__ import annotations

import re
from datetime import timedelta

import streamlit as st

from app.components.data import session_uploads
from app.components.pages import UPLOAD, page
from app.core.i18n import translate
from app.core.schema import ID_PATTERN
from app.core.text import escape_markdown

UPLOADS_PARAM = "uploads"
# setInterval in the browser takes at most 2**31 - 1 ms (24.8 days); twelve hours keeps well
# inside it while never ticking during a talk.
RECONNECT_TICK = timedelta(hours=12)
_CASE_ID = re.compile(ID_PATTERN)


@st.fragment(run_every=RECONNECT_TICK)
def _rerun_on_reconnect() -> None:
    """Draws nothing: its timer is what makes the frontend rerun the page on reconnect."""


def rerun_on_reconnect() -> None:
    _rerun_on_reconnect()


def _named_uploads() -> list[str]:
    raw = st.query_params.get(UPLOADS_PARAM, "")
    # Only what a case id can be (the data contract's pattern), so nothing odd reaches the page.
    return [case_id for case_id in dict.fromkeys(raw.split(","))
            if len(case_id) <= 100 and _CASE_ID.match(case_id)]


def render_lost_uploads(lang: str) -> None:
    """Say which uploaded cases the link names that this session does not hold."""
    held = session_uploads()
    lost = [case_id for case_id in _named_uploads() if case_id not in held]
    if not lost:
        return
    st.warning(translate("serving.uploads_lost", lang,
                         cases=", ".join(escape_markdown(c) for c in lost)),
               icon=":material/cloud_off:")
    st.page_link(page(UPLOAD), label=translate("serving.uploads_lost.link", lang),
                 icon=":material/upload:", query_params={"lang": lang})


def mark_uploads_in_link() -> None:
    """Name this session's uploaded cases in the link (and nothing once there are none)."""
    held = ",".join(session_uploads())
    if held:
        if st.query_params.get(UPLOADS_PARAM) != held:
            st.query_params[UPLOADS_PARAM] = held
    elif UPLOADS_PARAM in st.query_params:
        del st.query_params[UPLOADS_PARAM]
