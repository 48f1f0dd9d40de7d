"""Country flows: where the data work goes, from the commissioning country to the performing one."""

import streamlit as st

from app.components.data import get_dataset, render_left_out
from app.components.downloads import render_csv_download
from app.components.flows import (ALL, COLOUR_CHOICES, COUNTRY_SELECT_KEY, clear_country,
                                  countries_per_case, country_code, country_label,
                                  country_options, flow_frames, flow_summary, flow_table,
                                  render_case_countries, render_flow_map, render_od_matrix,
                                  synced_cases)
from app.components.state import drop_unknown_params, render_notices, synced_selectbox
from app.core import vocab
from app.core.flows import NO_FUNCTION, flows_touching
from app.core.text import escape_markdown

PARAMS = ["cases", "function", "relation", "certainty", "colour", "country"]

drop_unknown_params(PARAMS)
st.title("Country flows")
dataset = get_dataset()
render_left_out(dataset)
if not dataset.case_ids:
    st.warning("No case could be loaded; see the messages above.")
    st.stop()

st.markdown("Every link of the chains drawn between countries, in the direction of its sentence "
            "“*from* RELATION *to*”: from the country that commissions the work to the one "
            "that does it (for data supplied by users, from where the data comes). Line style "
            "shows how sure the link is: solid documented, dashed reported, dotted inferred.")

cases = synced_cases(dataset, key="flows-cases-select")
controls = st.columns(5)
with controls[0]:
    function = synced_selectbox(
        "Function of the work", [ALL, *vocab.FUNCTIONS, NO_FUNCTION],
        key="flows-function-select", param="function", default=ALL, omit_default=True,
        format_func=lambda f: {ALL: "All functions", NO_FUNCTION: "No task recorded"}.get(
            f, f.capitalize()),
        help="Only the links under which (or for whose performer) tasks of this function are "
             "recorded.")
with controls[1]:
    relation = synced_selectbox(
        "Relation", [ALL, *vocab.RELATIONS], key="flows-relation-select", param="relation",
        default=ALL, omit_default=True,
        format_func=lambda r: "All relations" if r == ALL else vocab.RELATION_LABELS[r])
with controls[2]:
    certainty = synced_selectbox(
        "Certainty of the links", [ALL, *vocab.CERTAINTIES], key="flows-certainty-select",
        param="certainty", default=ALL, omit_default=True,
        format_func=lambda c: "Any certainty" if c == ALL else c.capitalize(),
        help="Documented: stated by the researchers; reported: by a secondary source; "
             "inferred: by no source.")
with controls[3]:
    colour_by = synced_selectbox("Colour the lines by", COLOUR_CHOICES,
                                 key="flows-colour-select", param="colour", default="function",
                                 omit_default=True, format_func=str.capitalize)
with controls[4]:
    country = synced_selectbox(
        "Narrow the table to a country", country_options(dataset), key=COUNTRY_SELECT_KEY,
        param="country", default=ALL, omit_default=True, format_func=country_label,
        help="Or click a country's dot on the map.")
render_notices()

if not cases:
    st.info("Choose at least one case study to see its flows.", icon=":material/info:")
    st.stop()
flows, pairs, per_case = flow_frames(cases, function=function, relation=relation,
                                     certainty=certainty, colour_by=colour_by)
if flows.empty:
    st.info("No link matches these filters. Choose another function, relation or certainty, "
            "or more case studies.", icon=":material/filter_alt_off:")
    st.stop()

st.markdown(f"**{escape_markdown(flow_summary(pairs))}**")
render_flow_map(cases, function=function, relation=relation, certainty=certainty,
                colour_by=colour_by, country=country, flows=flows, pairs=pairs)
matrix_column, cases_column = st.columns([1, 1], gap="large")
with matrix_column:
    render_od_matrix(cases, function=function, relation=relation, certainty=certainty,
                     colour_by=colour_by, pairs=pairs)
with cases_column:
    st.subheader("Which countries each chain crosses", anchor=False)
    render_case_countries(countries_per_case(dataset, per_case))

st.header("The flows, from and to")
shown = flows if country == ALL else flows_touching(flows, country_code(country))
if country != ALL:
    name = escape_markdown(country_label(country))
    text, button = st.columns([5, 1], vertical_alignment="center")
    text.markdown(f"Only the flows that start or end in **{name}**.")
    button.button("Clear country", key="flows-clear-country", on_click=clear_country,
                  icon=":material/close:")
if shown.empty:
    st.info(f"No flow starts or ends in {escape_markdown(country_label(country))} with these "
            "filters.", icon=":material/info:")
else:
    table = flow_table(dataset, shown, colour_by)
    st.dataframe(table, hide_index=True, key="flows-table")
    stem = "country-flows" + ("" if country == ALL else f"_{country}")
    render_csv_download(table, f"{stem}.csv", key="flows-table-csv")
    st.caption("A flow with two functions (or relations) appears once per function, so do not "
               "add up the Links column across rows; the matrix counts each link once.")
