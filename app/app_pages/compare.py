"""Compare cases: chain length, intermediaries, countries and shares side by side, each defined."""

import streamlit as st

from app.charts.compare_charts import (certainty_share_chart, chain_length_chart,
                                       unpaid_share_chart)
from app.charts.function_charts import function_share_chart
from app.charts.reference_charts import with_number_locale
from app.components.charts import render_chart
from app.components.compare import (compare_measures, render_definition, render_measure_grid,
                                    render_small_chains)
from app.components.data import get_cases_or_stop
from app.components.downloads import render_csv_download
from app.components.i18n import current_language, t
from app.components.state import drop_unknown_params, render_notices, synced_multiselect
from app.core.compare import (certainty_share_table, certainty_summary, function_share_table,
                              function_summary, longest_chain_answer, measures_table,
                              short_title, unpaid_summary)
from app.core.i18n import localized
from app.core.text import escape_markdown

PARAMS = ["cases"]

drop_unknown_params(PARAMS)
lang = current_language()
st.title(t("compare.title"))
dataset = get_cases_or_stop()

titles = dict(zip(dataset.cases["case_id"], localized(dataset.cases, "title", lang)))
chosen = synced_multiselect(t("compare.cases_select"), dataset.case_ids,
                            key="compare-cases-select", param="cases",
                            format_func=lambda c: short_title(titles[c]),
                            placeholder=t("compare.cases_placeholder"))
render_notices()
case_ids = [c for c in dataset.case_ids if c in chosen]
if not case_ids:
    st.info(t("compare.none_selected"), icon=":material/info:")
    st.stop()

measures, function_shares, certainty_shares = compare_measures(case_ids)
answer = longest_chain_answer(measures.assign(title=measures["title"].map(short_title)), lang)
st.markdown("**" + escape_markdown(answer) + "**")
st.caption(t("compare.answer_caption", expander=t("charts.data_and_exports")))

st.header(t("compare.section.chains"))
render_measure_grid(measures)
render_chart(chain_length_chart(measures, lang=lang), key="compare-length-chart",
             summary=answer,
             table=measures_table(measures, lang, ["title", "chain_length",
                                                   "documented_chain_length"]),
             file_stem="compare_chain-length")

st.header(t("compare.section.work"))
render_definition("function_shares")
labelled = function_shares.assign(label=[short_title(titles[c])
                                         for c in function_shares["case_id"]])
render_chart(
    # The case axis' title above its long names, so that it never runs over them.
    with_number_locale(function_share_chart(labelled, lang=lang, selection_name=None,
                                            show_subfunctions=False,
                                            title=t("compare.functions.title")), lang)
    .configure_axisY(labelLimit=320, titleAngle=0, titleAlign="right", titleAnchor="end",
                     titleBaseline="bottom", titleX=-8, titleY=-6),
    key="compare-function-chart", summary=function_summary(function_shares, titles, lang),
    table=function_share_table(function_shares, titles, lang),
    file_stem="compare_function-shares")

render_definition("unpaid_share")
render_chart(
    unpaid_share_chart(measures, lang=lang), key="compare-unpaid-chart",
    summary=unpaid_summary(measures, lang),
    table=measures_table(measures, lang, ["title", "n_tasks", "n_unpaid", "unpaid_share"]),
    file_stem="compare_unpaid-share")

render_definition("certainty_shares")
render_chart(
    certainty_share_chart(certainty_shares, {c: titles[c] for c in case_ids}, lang=lang),
    key="compare-certainty-chart", summary=certainty_summary(measures, lang),
    table=certainty_share_table(certainty_shares, titles, lang),
    file_stem="compare_certainty-shares")

st.header(t("compare.section.side_by_side"))
st.caption(t("compare.side_by_side_caption"))
render_small_chains(measures)

st.header(t("compare.section.table"))
table = measures_table(measures, lang)
st.dataframe(table, hide_index=True, key="compare-measures-table")
render_csv_download(table, "compare_measures.csv", key="compare-measures-download")
