"""Compare cases: chain length, intermediaries, countries and shares side by side, each defined."""

import streamlit as st

from app.charts.compare_charts import (certainty_share_chart, chain_length_chart,
                                       unpaid_share_chart)
from app.charts.function_charts import function_share_chart
from app.components.charts import render_chart
from app.components.compare import (compare_measures, measures_table, render_definition,
                                    render_measure_grid, render_small_chains)
from app.components.data import get_dataset, render_left_out
from app.components.downloads import render_csv_download
from app.components.reference import multiselect_from_link
from app.components.state import drop_unknown_params, render_notices
from app.core.compare import longest_chain_answer, short_title
from app.core.text import escape_markdown

PARAMS = ["cases"]

drop_unknown_params(PARAMS)
st.title("Compare cases")
dataset = get_dataset()
render_left_out(dataset)
if not dataset.case_ids:
    st.warning("No case could be loaded; see the messages above.")
    st.stop()

titles = dict(zip(dataset.cases["case_id"], dataset.cases["title"]))
chosen = multiselect_from_link("Cases to compare", dataset.case_ids,
                               key="compare-cases-select", param="cases",
                               format_func=lambda c: short_title(titles[c]),
                               placeholder="Pick cases")
render_notices()
case_ids = [c for c in dataset.case_ids if c in chosen]
if not case_ids:
    st.info("No case is selected: pick at least one case above to compare.",
            icon=":material/info:")
    st.stop()

measures, function_shares, certainty_shares = compare_measures(case_ids)
answer = longest_chain_answer(measures.assign(title=[short_title(t) for t in measures["title"]]))
st.markdown("**" + escape_markdown(answer) + "**")
st.caption("The links of each chain, with the full citation of their sources, are listed under "
           "each small chain at the bottom of the page (“The data behind this chart”).")

st.header("Chains, intermediaries and countries")
render_measure_grid(measures)
render_chart(chain_length_chart(measures), key="compare-length-chart",
             summary=answer, table=measures_table(measures)[
                 ["Case", "Chain length (links)", "Chain length, documented links only"]],
             file_stem="compare_chain-length")

st.header("What the work is, and how sure we are")
render_definition("function_shares")
labelled = function_shares.assign(label=[short_title(titles[c])
                                         for c in function_shares["case_id"]])
top = labelled.loc[labelled.groupby("case_id")["share"].idxmax()]
render_chart(
    function_share_chart(labelled, selection_name=None, show_subfunctions=False,
                         title="What the data work is for")
    .configure_axisY(labelLimit=320, titlePadding=12),
    key="compare-function-chart",
    summary="Largest function per case: " + "; ".join(
        f"{short_title(titles[c])}: {f} ({s:.0%} of {int(n)} tasks)" for c, f, s, n in zip(
            top["case_id"], top["function"], top["share"],
            measures.set_index("case_id").loc[top["case_id"], "n_tasks"])) + ".",
    table=labelled[["label", "function", "n_tasks", "share"]].rename(columns={
        "label": "Case", "function": "Function", "n_tasks": "Tasks", "share": "Share"}),
    file_stem="compare_function-shares")

render_definition("unpaid_share")
render_chart(
    unpaid_share_chart(measures), key="compare-unpaid-chart",
    summary="Unpaid share of tasks: " + "; ".join(
        f"{short_title(t)}: {u} of {n} ({s:.0%})" for t, u, n, s in zip(
            measures["title"], measures["n_unpaid"], measures["n_tasks"],
            measures["unpaid_share"])) + ".",
    table=measures_table(measures)[["Case", "Tasks", "Unpaid tasks", "Share of unpaid tasks"]],
    file_stem="compare_unpaid-share")

render_definition("certainty_shares")
documented = measures.set_index("case_id")["share_documented"]
render_chart(
    certainty_share_chart(certainty_shares, {c: titles[c] for c in case_ids}),
    key="compare-certainty-chart",
    summary="Share of links documented by a primary source: " + "; ".join(
        f"{short_title(titles[c])}: {documented[c]:.0%}" for c in case_ids) + ".",
    table=certainty_shares.assign(case_id=[short_title(titles[c])
                                           for c in certainty_shares["case_id"]]).rename(
        columns={"case_id": "Case", "certainty": "Certainty", "n_links": "Links",
                 "share": "Share"}),
    file_stem="compare_certainty-shares")

st.header("The chains side by side")
st.caption("Each chain reads left to right, from who commissions the work to who does it; end "
           "users, whose inputs are data too, stand at the right. Every chain is drawn on the "
           "same scale, so equal lengths line up. Hover a dot or a line for details.")
render_small_chains(measures)

st.header("All measures in one table")
table = measures_table(measures)
st.dataframe(table, hide_index=True, key="compare-measures-table")
render_csv_download(table, "compare_measures.csv", key="compare-measures-download")
