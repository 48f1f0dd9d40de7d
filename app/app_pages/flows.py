"""Country flows: where the data work goes, from the commissioning country to the performing one."""

import streamlit as st

from app.charts.flow_map import value_label
from app.components.cases import render_scope_of_chosen
from app.components.charts import MORE_PARAM, choose_more
from app.components.data import get_cases_or_stop
from app.components.downloads import render_csv_download
from app.components.flows import (ALL, COLOUR_CHOICES, COUNTRY_SELECT_KEY, FlowQuery,
                                  clear_country, country_label, country_options, flows_table,
                                  flows_view, render_case_countries, render_flow_map,
                                  render_od_matrix, synced_cases)
from app.components.i18n import current_language, t
from app.components.pages import FLOWS
from app.components.present import presenting, render_present_link
from app.components.present_views import present_page
from app.components.state import (drop_unknown_params, render_notices, synced_selectbox,
                                  synced_value)
from app.components.tables import render_table
from app.core import vocab
from app.core.flows import NO_FUNCTION
from app.core.text import escape_markdown

PARAMS = ["cases", "function", "relation", "certainty", "colour", "country", "step", MORE_PARAM]


def capitalised(text: str) -> str:
    """A label as an option of a list: "Outsources to" (relations read as verbs)."""
    return text[:1].upper() + text[1:]


def filters_label(choices: list[dict], chosen: dict[str, str]) -> str:
    """The pop-over's button: "Filters and colours", or what is chosen ("Filters: Verification
    · Documented · lines coloured by relation"), so that a shared view says how it is narrowed."""
    # A filter by its value; the colours and the table's country in words.
    worded = {"colour": lambda shown: t("flows.filters.colour", by=shown.lower()),
              "country": lambda shown: t("flows.filters.country", country=shown)}
    named = [worded.get(choice["param"], str)(choice["format_func"](chosen[choice["param"]]))
             for choice in choices if chosen[choice["param"]] != choice["default"]]
    return t("flows.filters.chosen", chosen=" · ".join(named)) if named else t(
        "flows.filters.none")


def render_flows_table(query: FlowQuery, view, country: str) -> None:
    """The flows drawn on the map as a table, only a country's when one is picked."""
    st.header(t("flows.table.heading"))
    table = flows_table(query, view, country)
    if country != ALL:
        name = escape_markdown(country_label(country, lang))
        text, button = st.columns([5, 1], vertical_alignment="center")
        text.markdown(t("flows.only_country", country=name))
        button.button(t("flows.clear_country"), key="flows-clear-country",
                      on_click=clear_country, icon=":material/close:")
    if table.empty:
        st.info(t("flows.no_flow_in_country",
                  country=escape_markdown(country_label(country, lang))),
                icon=":material/info:")
        return
    render_table(table, key="flows-table")
    stem = "country-flows" + ("" if country == ALL else f"_{country}")
    render_csv_download(table, f"{stem}.csv", key="flows-table-csv",
                        label=t("flows.download_table"))
    st.caption(t("flows.table.caption"))


lang = current_language()
drop_unknown_params(PARAMS)
if presenting():
    present_page("flows")
    st.stop()
st.title(t("flows.title"))
dataset = get_cases_or_stop()

st.markdown(t("flows.intro"))

cases = synced_cases(dataset, key="flows-cases-select")
render_scope_of_chosen(dataset, cases)
# The map's filters and colours, restored from the link (`function`, `relation`, `certainty`,
# `colour`, `country`). They sit in a pop-over whose button names what is chosen: on a phone
# the map comes first, and a page without a select box in view opens faster (the browser loads
# the select box's code when the pop-over is first opened).
CHOICES = [
    dict(label=t("flows.function.label"), options=[ALL, *vocab.FUNCTIONS, NO_FUNCTION],
         key="flows-function-select", param="function", default=ALL,
         format_func=lambda f: t("flows.function.all") if f == ALL else value_label(
             "function", f, lang),
         help=t("flows.function.help")),
    dict(label=t("flows.relation.label"), options=[ALL, *vocab.RELATIONS],
         key="flows-relation-select", param="relation", default=ALL,
         format_func=lambda r: t("flows.relation.all") if r == ALL else capitalised(
             value_label("relation", r, lang))),
    dict(label=t("flows.certainty.label"), options=[ALL, *vocab.CERTAINTIES],
         key="flows-certainty-select", param="certainty", default=ALL,
         format_func=lambda c: t("flows.certainty.all") if c == ALL else value_label(
             "certainty", c, lang),
         help=t("flows.certainty.help")),
    dict(label=t("flows.colour.label"), options=COLOUR_CHOICES, key="flows-colour-select",
         param="colour", default="function", format_func=lambda c: t(f"flows.colour.{c}")),
    dict(label=t("flows.country.label"), options=country_options(lang), key=COUNTRY_SELECT_KEY,
         param="country", default=ALL, format_func=lambda c: country_label(c, lang),
         help=t("flows.country.help")),
]
chosen = {c["param"]: synced_value(c["options"], key=c["key"], param=c["param"],
                                   default=c["default"]) for c in CHOICES}
with st.popover(filters_label(CHOICES, chosen), icon=":material/tune:"):
    function, relation, certainty, colour_by, country = (
        synced_selectbox(omit_default=True, **choice) for choice in CHOICES)
render_notices()

if not cases:
    st.info(t("flows.no_cases_chosen"), icon=":material/info:")
    st.stop()
query = FlowQuery(tuple(cases), function, relation, certainty, colour_by)
view = flows_view(query)
if view is None:
    st.info(t("flows.no_match_hint"), icon=":material/filter_alt_off:")
    st.stop()

st.markdown(f"**{escape_markdown(view.summary)}**")
render_flow_map(query, view, country)
render_present_link(FLOWS, "flows")
# The table of flows on request too (a country picked on the map asks for it): the first
# interactive table costs a phone more than the map.
more = choose_more({"matrix": t("flows.more.matrix"), "countries": t("flows.more.countries"),
                    "table": t("flows.table.heading")}, key="flows-more")
if more == "matrix":
    render_od_matrix(query)
elif more == "countries":
    st.subheader(t("flows.case_countries.heading"), anchor=False)
    render_case_countries(view)
if more == "table" or country != ALL:
    render_flows_table(query, view, country)
