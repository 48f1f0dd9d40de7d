"""Value chain: one case's actors and links as an interactive graph, with its text alternative."""

import streamlit as st

from app.components.cases import case_titles, render_case_cards, render_scope_line
from app.charts.chain_layout import DEFAULT_LAYOUT, LAYOUTS
from app.components.charts import MORE_PARAM, choose_more
from app.components.chain import (chain_tables, download_name, figure_files,
                                  offer_figure_in_share_panel, render_chain_graph,
                                  render_embedded_note, render_figure_downloads)
from app.components.data import get_cases_or_stop
from app.components.dossier import render_dossier_download
from app.components.downloads import render_csv_download
from app.components.i18n import current_language, t, tn, with_lang
from app.components.pages import CHAIN, page
from app.components.present import presenting, render_presentation
from app.components.share import current_view_url, describe_view
from app.components.state import (checked_param, drop_unknown_params, notice, render_notices,
                                  synced_selectbox, synced_toggle)
from app.components.tables import render_table
from app.components.vocabulary import render_graph_legend
from app.core import vocab
from app.core.i18n import localized, localized_value, vocab_label
from app.core.phases import phase_labels
from app.core.text import escape_markdown

PARAMS = ["case", "focus", "function", "phase", "documented", "physics", "step", "layout",
          MORE_PARAM]
ALL = ""

drop_unknown_params(PARAMS)
lang = current_language()
dataset = get_cases_or_stop()

if presenting():
    render_presentation(checked_param("case", dataset.case_ids, dataset.case_ids[0],
                                      aliases=dataset.case_aliases()))
    st.stop()

requested = st.query_params.get("case")
if requested is not None and requested not in dataset.case_ids + list(dataset.case_aliases()):
    with st.expander(t("chain.cases_you_can_open"), expanded=True):
        render_case_cards(dataset)


def _forget_focus() -> None:
    """A new case: its actors and phases are not the last one's."""
    for key, param in (("chain-actor-select", "focus"), ("chain-phase-select", "phase")):
        st.session_state.pop(key, None)
        st.query_params.pop(param, None)


titles = case_titles(dataset, lang)
# Graph first: a compact row of controls, the graph, then what explains it. Each choice opens
# from a button that names it, so the graph comes with no select box's code to load first.
# Buttons render their labels as Markdown: names from the data are escaped.
with st.container(horizontal=True, vertical_alignment="center"):
    case_id = synced_selectbox(t("chain.case_select"), dataset.case_ids, key="chain-case-select",
                               param="case", format_func=lambda c: escape_markdown(titles[c]),
                               on_change=_forget_focus,
                               aliases=dataset.case_aliases(), buttons=True)
    case = dataset.only(case_id)
    actor_names = dict(zip(case.actors["actor_id"], localized(case.actors, "name", lang)))
    focus = synced_selectbox(
        t("chain.focus_select"), [ALL] + list(actor_names), key="chain-actor-select",
        param="focus", default=ALL, omit_default=True,
        format_func=lambda a: t("chain.no_highlight") if a == ALL else escape_markdown(
            actor_names[a]),
        help=t("chain.focus_help"), buttons=True)
    function = synced_selectbox(
        t("chain.function_select"), [ALL] + list(vocab.FUNCTIONS), key="chain-function-select",
        param="function", default=ALL, omit_default=True,
        format_func=lambda f: t("chain.all_functions") if f == ALL else vocab_label(
            "function", f, lang),
        help=t("chain.function_help"), buttons=True)
    phases = phase_labels(dataset, case_id, lang)
    phase = ALL
    if phases:
        phase = synced_selectbox(
            t("chain.phase_select"), [ALL] + list(phases), key="chain-phase-select",
            param="phase", default=ALL, omit_default=True,
            format_func=lambda p: t("chain.all_phases") if p == ALL else escape_markdown(
                phases[p]),
            help=t("chain.phase_help"), buttons=True)
    elif "phase" in st.query_params:
        notice("phase", st.query_params["phase"], "state.reason.no_phases")
        del st.query_params["phase"]
    layout = synced_selectbox(
        t("chain.layout_select"), list(LAYOUTS), key="chain-layout-select", param="layout",
        default=DEFAULT_LAYOUT, omit_default=True,
        format_func=lambda v: t(f"chain.layout.{v}"), help=t("chain.layout_help"), buttons=True)
    documented_only = synced_toggle(t("chain.documented_toggle"), key="chain-documented-toggle",
                                    param="documented")
    physics = synced_toggle(t("chain.physics_toggle"), key="chain-physics-toggle",
                            param="physics", help=t("chain.physics_help"))
render_notices()

info = dataset.case_info(case_id)
title = localized_value(info, "title", lang)
describe_view(t("chain.view_title", title=title), [case_id])
compact = st.context.is_embedded

standalone, n_actors, n_links, graph = render_chain_graph(
    case_id, function=function or None, documented_only=documented_only, focus=focus or None,
    physics=physics, phase=phase or None, layout=layout or DEFAULT_LAYOUT)
render_graph_legend(graph)
st.caption(t("chain.graph_help"))
render_scope_line(info["scope"])
view_link = current_view_url(page(CHAIN).url_path)
render_embedded_note(graph, case_id, view_link)
files = figure_files(graph, case_id, view_link)
offer_figure_in_share_panel(files, case_id)
if graph.nodes:
    render_figure_downloads(files, case_id, key="chain-figure")
with st.container(horizontal=True, vertical_alignment="center"):
    st.download_button(
        t("chain.download_graph"), standalone,
        file_name=download_name(case_id, "chain-graph", "html"), mime="text/html",
        key="chain-graph-download", icon=":material/download:", on_click="ignore")
    if not compact:
        render_dossier_download(case_id, download_name(case_id, "dossier", "html"))
    st.page_link(page(CHAIN), label=t("chain.present"), icon=":material/slideshow:",
                 query_params=with_lang({"case": case_id, "present": "1"}), width="content")
if compact:
    st.stop()

st.header(escape_markdown(title), anchor=False)
st.markdown(t("chain.product_period",
              product=escape_markdown(localized_value(info, "product", lang)),
              period=escape_markdown(localized_value(info, "period", lang))))
st.markdown(escape_markdown(localized_value(info, "description", lang)))

st.header(t("chain.as_text"))
st.caption(t("chain.as_text_caption", links=tn("count.links", n_links),
             actors=tn("count.actors", n_actors)))
# A table on request, one at a time, its choice in the link (`show=links`): the first
# interactive table loads the browser's largest piece of code, which the graph does not need.
TABLES = ("links", "actors", "tasks")
shown = choose_more({name: t(f"chain.tab.{name}") for name in TABLES}, key="chain-tables",
                    label=t("chain.tables.label"))
if shown:
    frame = dict(zip(TABLES, chain_tables(case_id, function=function or None,
                                          documented_only=documented_only,
                                          phase=phase or None)))[shown]
    render_table(frame, key=f"chain-{shown}-table")
    render_csv_download(frame, download_name(case_id, f"chain-{shown}", "csv"),
                        key=f"chain-{shown}-download")
