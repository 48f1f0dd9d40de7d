"""Sources and data: every source with its citation and link, who cites it, and every table."""

import streamlit as st

from app.components.data import get_dataset, get_reference, render_left_out
from app.components.i18n import current_language, t, tn
from app.components.reference import (render_case_downloads, render_citing_rows,
                                      render_dictionary_download, render_reference_downloads,
                                      render_source_table, sources_view)
from app.components.state import drop_unknown_params, render_notices, synced_selectbox
from app.core.compare import short_title
from app.core.i18n import localized
from app.core.reference import REFERENCE
from app.core.text import escape_markdown

PARAMS = ["scope"]
ALL = ""

drop_unknown_params(PARAMS)
lang = current_language()
st.title(t("sources.title"))
st.markdown(t("sources.intro"))
st.markdown(t("sources.licence"))
render_dictionary_download()

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


scope = synced_selectbox(t("sources.scope_select"), scopes, key="sources-scope-select",
                         param="scope", default=ALL, omit_default=True, format_func=scope_label)
render_notices()

view = sources_view(reference, scope)
if view is None:
    st.info(t("sources.none_listed"), icon=":material/info:")
    st.stop()

st.header(t("sources.header.sources"))
st.caption(tn("sources.count_caption", len(view.table)))
render_source_table(view.table)

st.header(t("sources.header.citing"))
st.caption(t("sources.citing_caption"))
render_citing_rows(view)

st.header(t("sources.header.download"))
st.caption(t("sources.download_caption"))
for case_id in dataset.case_ids:
    if scope in (ALL, case_id):
        st.markdown(f"**{escape_markdown(titles[case_id])}** ({escape_markdown(case_id)})")
        render_case_downloads(dataset, case_id)
if reference is not None and scope in (ALL, REFERENCE):
    st.markdown(t("sources.reference_downloads"))
    render_reference_downloads(reference)
