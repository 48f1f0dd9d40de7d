"""Sources and data: every source with its citation and link, who cites it, and every table."""

import streamlit as st

from app.charts.reference_charts import REFERENCE
from app.components.data import get_dataset, get_reference, render_left_out
from app.components.reference import (REFERENCE_LABEL, render_case_downloads,
                                      render_citing_rows, render_dictionary_download,
                                      render_reference_downloads, render_source_table,
                                      source_table, sources_overview)
from app.components.state import drop_unknown_params, render_notices, synced_selectbox
from app.core.compare import short_title
from app.core.text import escape_markdown

PARAMS = ["scope"]
ALL = ""

drop_unknown_params(PARAMS)
st.title("Sources and data")
st.markdown(
    "Every row of the data cites its sources by key (`S0`…`S4`, `P1`…`P9`; the note of each "
    "source says whether it is primary research or a secondary account) and says how sure it "
    "is. Below: each source with its full citation and link, how many rows cite it in each "
    "case and reference table, the rows themselves, and every table to download.")
st.markdown(
    "**Licence.** The data are published under the [Creative Commons Attribution 4.0 "
    "licence (CC BY 4.0)](https://creativecommons.org/licenses/by/4.0/): share and adapt them, "
    "crediting “Data Labour Chains contributors” and the research each row cites. The code of "
    "the dashboard is under the MIT licence. The cited texts keep their own licences.  \n"
    "**Data dictionary.** Every column, vocabulary and rule is described in `data/README.md`, "
    "shipped with the data:")
render_dictionary_download()

dataset = get_dataset()
render_left_out(dataset)
reference = get_reference()
scopes = [ALL, *dataset.case_ids]
if reference is not None and REFERENCE not in dataset.case_ids:
    scopes.append(REFERENCE)
titles = dict(zip(dataset.cases["case_id"], dataset.cases["title"]))


def scope_label(value: str) -> str:
    if value == ALL:
        return "Every case and the reference tables"
    if value == REFERENCE and value not in titles:
        return REFERENCE_LABEL
    return f"Case: {short_title(titles.get(value, value))}"


scope = synced_selectbox("Show the sources of", scopes, key="sources-scope-select",
                         param="scope", default=ALL, omit_default=True, format_func=scope_label)
render_notices()

sources, counts = sources_overview(reference)
if scope != ALL:
    sources = sources[sources["case_id"] == scope]
    counts = counts[counts["origin"] == scope]
if sources.empty:
    st.info("No source is listed for this choice: pick another case above.",
            icon=":material/info:")
    st.stop()

st.header("The sources")
table = source_table(sources, counts)
st.caption(f"{len(table)} source(s). A link is shown only where the source has a DOI or web "
           "address; texts known to us through a press summary have none.")
render_source_table(table)

st.header("Which rows cite each source")
st.caption("Open a source to see how many rows of each table cite it, case by case, and the "
           "rows themselves.")
render_citing_rows(dataset, reference, sources, counts)

st.header("Download the data")
st.caption("Each table exactly as its CSV file holds it. Cells that a spreadsheet would run as "
           "a formula are written as text.")
for case_id in dataset.case_ids:
    if scope in (ALL, case_id):
        st.markdown(f"**{escape_markdown(titles[case_id])}** ({escape_markdown(case_id)})")
        render_case_downloads(dataset, case_id)
if reference is not None and scope in (ALL, REFERENCE):
    st.markdown(f"**{REFERENCE_LABEL}**: the platform inventory and the key figures")
    render_reference_downloads(reference)
