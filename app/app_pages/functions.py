"""Task functions: what the data work is for (preparation, verification, impersonation)."""

import streamlit as st

from app.components.cases import render_scope_of_chosen
from app.components.charts import MORE_PARAM, choose_more
from app.components.data import get_cases_or_stop
from app.components.downloads import render_csv_download
from app.components.flows import ALL, synced_cases
from app.components.functions import (BY_OPTIONS, FUNCTION_SELECT_KEY, breakdowns_beside,
                                      by_label, functions_view, of_function, render_breakdown,
                                      render_diagram, render_shares)
from app.components.i18n import current_language, t
from app.components.pages import FUNCTIONS
from app.components.present import presenting, render_present_link
from app.components.present_views import present_page
from app.components.state import (drop_invalid_value, drop_unknown_params, render_notices,
                                   synced_selectbox)
from app.components.tables import render_table
from app.core import vocab
from app.core.i18n import vocab_label

PARAMS = ["cases", "function", "by", "step", MORE_PARAM]

lang = current_language()
drop_unknown_params(PARAMS)
if presenting():
    present_page("functions")
    st.stop()
st.title(t("functions.title"))
dataset = get_cases_or_stop()

st.markdown(t("functions.intro"))

cases = synced_cases(dataset, key="functions-cases-select")
render_scope_of_chosen(dataset, cases)
drop_invalid_value("by", BY_OPTIONS)  # its select box is drawn with the breakdowns
if "by" in st.query_params and MORE_PARAM not in st.query_params \
        and "functions-more" not in st.session_state:
    # A link naming a breakdown (made before they were drawn on request) opens with them.
    st.query_params[MORE_PARAM] = "breakdowns"
# The function is the diagram's own control (a click on a box picks it too), so it is drawn
# with it; what the tasks are broken down by belongs to the breakdowns, drawn on request.
function = synced_selectbox(
    t("functions.function.label"), [ALL, *vocab.FUNCTIONS], key=FUNCTION_SELECT_KEY,
    param="function", default=ALL, omit_default=True, buttons=True,
    format_func=lambda f: t("flows.function.all") if f == ALL else vocab_label(
        "function", f, lang))
render_notices()

if not cases:
    st.info(t("functions.no_cases_chosen"), icon=":material/info:")
    st.stop()
view = functions_view(cases, function)
render_diagram(view, function)
if not view.n_tasks:
    st.info(t("functions.none_recorded"), icon=":material/info:")
    st.stop()
render_present_link(FUNCTIONS, "functions")

if function and not view.n_chosen:
    st.info(t("functions.no_function_task_hint", function=of_function(function, lang)),
            icon=":material/filter_alt_off:")
    st.stop()
if function:
    st.markdown(t("functions.only_function", function=of_function(function, lang, bold=True),
                  n=view.n_chosen))
more = choose_more({"shares": t("functions.more.shares"),
                    "breakdowns": t("functions.more.breakdowns"),
                    "table": t("functions.tasks.heading")},
                   key="functions-more")
if more == "shares":
    render_shares(view, function)
elif more == "breakdowns":
    with st.columns(3)[0]:  # as wide as its longest option needs
        by = synced_selectbox(t("functions.by.label"), list(BY_OPTIONS),
                              key="functions-by-select", param="by", default="country",
                              omit_default=True, format_func=lambda b: by_label(b, lang))
    left, right = st.columns(2, gap="large")
    with left:
        render_breakdown(cases, by, function, name="by")
    beside = breakdowns_beside(by)
    with right:
        render_breakdown(cases, beside[0], function)
    render_breakdown(cases, beside[1], function)
elif more == "table":  # on request, as the charts: the first table costs a phone most
    st.header(t("functions.tasks.heading"))
    render_table(view.tasks, key="functions-task-table")
    render_csv_download(view.tasks, f"tasks{'_' + function if function else ''}.csv",
                        key="functions-task-csv", label=t("flows.download_table"))
    st.caption(t("functions.tasks.caption"))
