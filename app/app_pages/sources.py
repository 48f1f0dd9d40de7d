"""Sources and data: every source with its citation, link and note, the rows citing it, and every
table to download."""

import streamlit as st

from app.components.data import get_dataset, get_reference, render_left_out
from app.components.i18n import current_language, t, tn
from app.components.reference import (render_case_downloads, render_citing_rows,
                                      render_dictionary_download, render_reference_downloads,
                                      render_source_list, render_source_list_download,
                                      sources_view)
from app.components.state import drop_unknown_params, render_notices, synced_selectbox
from app.core.compare import short_title
from app.core.i18n import localized
from app.core.reference import REFERENCE
from app.core.text import escape_markdown

PARAMS = ["scope", "source"]
ALL = ""
NONE = ""

drop_unknown_params(PARAMS)
lang = current_language()
st.title(t("sources.title"))
st.markdown(t("sources.intro"))
st.markdown(t("sources.licence"))

dataset = get_dataset()
render_left_out(dataset)
reference = get_reference()
scopes = [ALL, *dataset.case_ids]
if reference is not None and REFERENCE not in dataset.case_ids:
    scopes.append(REFERENCE)
titles = dict(zip(dataset.cases["case_id"], localized(dataset.cases, "title", lang)))


def scope_label(value: str) -> str:
    if value == ALL:
        return t("sources.scope.all")
    if value == REFERENCE and value not in titles:
        return t("sources.reference_tables")
    return t("sources.scope.case", case=short_title(titles.get(value, value)))


def _forget_source() -> None:
    st.session_state.pop("sources-source-select", None)
    st.query_params.pop("source", None)


# Both choices as buttons, each in a pop-over whose button names what is chosen: every option
# seen at once when opened, and a text page with no select box, buttons or download button in
# view opens faster (the browser loads their code only for a page that shows one).
scope = synced_selectbox(t("sources.scope_select"), scopes, key="sources-scope-select",
                         param="scope", default=ALL, omit_default=True, format_func=scope_label,
                         on_change=_forget_source, buttons=True)
view = sources_view(reference, scope)
if view is None:
    render_notices()
    st.info(t("sources.none_listed"), icon=":material/info:")
    st.stop()

source = synced_selectbox(
    t("sources.rows_select"), [NONE, *view.keys()], key="sources-source-select", param="source",
    default=NONE, omit_default=True,
    format_func=lambda key: t("sources.rows_select.none") if key == NONE else escape_markdown(
        key),
    help=t("sources.rows_select_help"), buttons=True)
render_notices()

if source != NONE:
    st.header(t("sources.header.rows", source=escape_markdown(source)))
    for n, entry in enumerate(view.entries_for(source)):
        render_citing_rows(entry, n)

st.header(t("sources.header.sources"))
st.caption(tn("sources.count_caption", len(view.entries)))
render_source_list(view)

st.header(t("sources.header.download"))
st.caption(t("sources.download_caption"))
# Filled only when opened, like the share panel: four buttons per case on first show made this
# text page the slowest to open.
tables = st.expander(t("sources.download_tables"), key="sources-downloads", on_change="rerun",
                     icon=":material/download:")
if tables.open:
    with tables:
        with st.container(horizontal=True):
            render_dictionary_download()
            render_source_list_download(view)
        for case_id in dataset.case_ids:
            if scope in (ALL, case_id):
                st.markdown(f"**{escape_markdown(titles[case_id])}** ({escape_markdown(case_id)})")
                render_case_downloads(dataset, case_id)
        if reference is not None and scope in (ALL, REFERENCE):
            st.markdown(t("sources.reference_downloads"))
            render_reference_downloads(reference)
