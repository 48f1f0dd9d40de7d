"""Task functions: what the data work is for (preparation, verification, impersonation)."""

import streamlit as st

from app.components.data import get_dataset, render_left_out
from app.components.downloads import render_csv_download
from app.components.flows import ALL, synced_cases
from app.components.functions import (BY_LABELS, FUNCTION_SELECT_KEY, clear_function,
                                      render_breakdown, render_diagram, render_shares,
                                      task_list, task_views)
from app.components.state import drop_unknown_params, render_notices, synced_selectbox
from app.core import vocab
from app.core.text import escape_markdown

PARAMS = ["cases", "function", "by"]

drop_unknown_params(PARAMS)
st.title("Task functions")
dataset = get_dataset()
render_left_out(dataset)
if not dataset.case_ids:
    st.warning("No case could be loaded; see the messages above.")
    st.stop()

st.markdown("Data work serves three functions in making AI (Tubaro, Casilli & Coville 2020): "
            "**preparation** of the training data (generating it, or annotating it), "
            "**verification** of what a trained model outputs, and **impersonation**, where "
            "people do in real time what the model is said to do. Click a function in any "
            "chart to filter the breakdowns and the task list.")

cases = synced_cases(dataset, key="functions-cases-select")
controls = st.columns([2, 2, 2, 3], vertical_alignment="bottom")
with controls[0]:
    function = synced_selectbox(
        "Function", [ALL, *vocab.FUNCTIONS], key=FUNCTION_SELECT_KEY, param="function",
        default=ALL, omit_default=True,
        format_func=lambda f: "All functions" if f == ALL else f.capitalize())
with controls[1]:
    by = synced_selectbox("Break the tasks down by", list(BY_LABELS), key="functions-by-select",
                          param="by", default="country", omit_default=True,
                          format_func=BY_LABELS.get)
with controls[2]:
    st.button("Clear function filter", key="functions-clear-function", on_click=clear_function,
              disabled=function == ALL, icon=":material/filter_alt_off:", width="stretch")
render_notices()

if not cases:
    st.info("Choose at least one case study to see its tasks.", icon=":material/info:")
    st.stop()
views = task_views(cases, function, by)
render_diagram(views, function)
if not sum(views["counts"].values()):
    st.info("No task is recorded in the chosen cases.", icon=":material/info:")
    st.stop()

if function and not views["n_chosen"]:
    st.info(f"No {escape_markdown(function)} task is recorded in the chosen cases. Clear the "
            "function filter or choose other cases.", icon=":material/filter_alt_off:")
    st.stop()
if function:
    st.markdown(f"The breakdowns and the task list show **{escape_markdown(function)}** tasks "
                f"only ({views['n_chosen']}).")
left, right = st.columns(2, gap="large")
with left:
    render_shares(views, function)
with right:
    render_breakdown(views, by, function, name="by")
left, right = st.columns(2, gap="large")
with left:
    render_breakdown(views, "paid", function)
with right:
    render_breakdown(views, "data_type", function)

st.header("The tasks")
tasks = task_list(dataset, cases, function)
st.dataframe(tasks, hide_index=True, key="functions-task-table")
render_csv_download(tasks, f"tasks{'_' + function if function else ''}.csv",
                    key="functions-task-csv")
st.caption("Each task names the source that states it and how sure that is.")
