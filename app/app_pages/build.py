"""Build a case: edit a chain as four tables, see it checked and drawn as you type, take it
away as a data package, and show it on every page for this session."""

import streamlit as st

from app.components.build import (START_PARAM, draft_case_id, render_actions, render_checks,
                                  render_dictionary, render_live_chain, render_meta,
                                  render_start, render_tables)
from app.components.i18n import t
from app.components.state import drop_unknown_params, render_notices
from app.core import draft as drafts

drop_unknown_params([START_PARAM])
st.title(t("page.build"))
st.markdown(t("build.intro"))
st.info(t("build.kept_note"), icon=":material/info:")
notices = st.container()  # filled once the start choice has read the link

draft = render_start()
with notices:
    render_notices()
draft = render_meta(draft)
checked = drafts.check(draft, draft_case_id(draft))
st.subheader(t("build.tables_heading"), anchor=False)
render_tables(draft)  # the page's width: a table has up to a dozen columns
render_checks(checked)
render_live_chain(checked)
render_actions(draft, checked)
render_dictionary()
