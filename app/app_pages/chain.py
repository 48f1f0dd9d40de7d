"""Value chain: one case's actors and links as an interactive graph, with its text alternative."""

import streamlit as st

from app.components.cases import render_case_cards
from app.components.chain import chain_view, download_name, render_chain_graph
from app.components.data import get_dataset, render_left_out
from app.components.downloads import render_csv_download
from app.components.pages import CHAIN
from app.components.present import presenting, render_presentation
from app.components.share import describe_view
from app.components.state import (checked_param, drop_unknown_params, render_notices,
                                  synced_selectbox, synced_toggle)
from app.components.vocabulary import render_graph_legend
from app.core import vocab
from app.core.tables import actor_table, chain_table, task_table
from app.core.text import escape_markdown

PARAMS = ["case", "focus", "function", "documented", "physics", "step"]
ALL = ""

drop_unknown_params(PARAMS)
dataset = get_dataset()
render_left_out(dataset)
if not dataset.case_ids:
    st.title("Value chain")
    st.warning("No case could be loaded; see the messages above.")
    st.stop()

if presenting():
    render_presentation(checked_param("case", dataset.case_ids, dataset.case_ids[0],
                                      aliases=dataset.case_aliases()))
    st.stop()

requested = st.query_params.get("case")
if requested is not None and requested not in dataset.case_ids + list(dataset.case_aliases()):
    with st.expander("The cases you can open", expanded=True):
        render_case_cards(dataset)


def _forget_focus() -> None:
    st.session_state.pop("chain-actor-select", None)
    st.query_params.pop("focus", None)


titles = dict(zip(dataset.cases["case_id"], dataset.cases["title"]))
controls = st.columns([3, 3, 2, 2])
with controls[0]:
    case_id = synced_selectbox("Case study", dataset.case_ids, key="chain-case-select",
                               param="case", format_func=titles.get, on_change=_forget_focus,
                               aliases=dataset.case_aliases())
case = dataset.only(case_id)
actor_names = dict(zip(case.actors["actor_id"], case.actors["name"]))
with controls[1]:
    focus = synced_selectbox(
        "Highlight an actor's chain", [ALL] + list(actor_names), key="chain-actor-select",
        param="focus", default=ALL, omit_default=True,
        format_func=lambda a: "No highlight" if a == ALL else actor_names[a],
        help="Keeps in colour the actor and everything upstream and downstream of it.")
with controls[2]:
    function = synced_selectbox(
        "Function of the work", [ALL] + list(vocab.FUNCTIONS), key="chain-function-select",
        param="function", default=ALL, omit_default=True,
        format_func=lambda f: "All functions" if f == ALL else f.capitalize(),
        help="Only the actors and links that carry tasks of this function, with the chain "
             "that commissions them.")
with controls[3]:
    documented_only = synced_toggle("Documented links only", key="chain-documented-toggle",
                                    param="documented")
    physics = synced_toggle("Let the graph move", key="chain-physics-toggle", param="physics",
                            help="Turns on the physics simulation; off, the layout is fixed "
                                 "and the same on every load.")
render_notices()

info = dataset.case_info(case_id)
describe_view(f"value chain of {info['title']}", [case_id])
compact = st.context.is_embedded
st.title(escape_markdown(info["title"]))
if not compact:
    st.markdown(f"**AI product:** {escape_markdown(info['product'])}  \n"
                f"**Period:** {escape_markdown(info['period'])}")
    st.markdown(escape_markdown(info["description"]))

standalone, n_actors, n_links = render_chain_graph(
    case_id, function=function or None, documented_only=documented_only, focus=focus or None,
    physics=physics)
render_graph_legend()
st.caption("Hover an actor or a link to read what the source says, how sure it is and the full "
           "citation. Arrows read as sentences: *from* does something *to*. Scroll to zoom, drag "
           "to move.")
buttons = st.columns(2)
buttons[0].download_button(
    "Download this graph (HTML, works offline)", standalone,
    file_name=download_name(case_id, "chain-graph", "html"), mime="text/html",
    key="chain-graph-download", icon=":material/download:", on_click="ignore")
buttons[1].page_link(CHAIN, label="Present this chain step by step", icon=":material/slideshow:",
                     query_params={"case": case_id, "present": "1"})
if compact:
    st.stop()

actors, links = chain_view(dataset, case_id, function=function or None,
                           documented_only=documented_only)
st.header("The chain as text")
st.caption(f"{n_links} links between {n_actors} actors, as shown in the graph above.")
links_tab, actors_tab, tasks_tab = st.tabs(["Links", "Actors", "Tasks"])
with links_tab:
    links_frame = chain_table(case.sources, actors, links)
    st.dataframe(links_frame, hide_index=True, key="chain-links-table")
    render_csv_download(links_frame, download_name(case_id, "chain-links", "csv"),
                        key="chain-links-download")
with actors_tab:
    actors_frame = actor_table(case.sources, actors)
    st.dataframe(actors_frame, hide_index=True, key="chain-actors-table")
    render_csv_download(actors_frame, download_name(case_id, "chain-actors", "csv"),
                        key="chain-actors-download")
with tasks_tab:
    tasks_frame = task_table(case.sources, case.tasks, actors, function=function or None)
    st.dataframe(tasks_frame, hide_index=True, key="chain-tasks-table")
    render_csv_download(tasks_frame, download_name(case_id, "chain-tasks", "csv"),
                        key="chain-tasks-download")
