"""Compare cases: chain length, intermediaries, countries and shares side by side, each defined."""

import streamlit as st

from app.components.cases import render_scope_of_chosen, sector_cases
from app.components.charts import MORE_PARAM, choose_more, render_chart
from app.components.compare import (compare_view, render_definition, render_measure_grid,
                                    render_small_chains)
from app.components.data import get_cases_or_stop
from app.components.downloads import render_csv_download
from app.components.i18n import current_language, t
from app.components.pages import COMPARE
from app.components.present import presenting, render_present_link
from app.components.present_views import present_page
from app.components.state import drop_unknown_params, render_notices, synced_multiselect
from app.components.tables import render_table
from app.core.compare import MEASURE_BY_COLUMN, short_title
from app.core.i18n import localized
from app.core.text import escape_markdown

PARAMS = ["cases", "step", MORE_PARAM]
# The measure charts drawn on request: the view's field, the chart's key, the exports' name.
CHARTS = {"function_shares": ("functions", "compare-function-chart", "compare_function-shares"),
          "unpaid_share": ("unpaid", "compare-unpaid-chart", "compare_unpaid-share"),
          "certainty_shares": ("certainty", "compare-certainty-chart",
                               "compare_certainty-shares")}

drop_unknown_params(PARAMS)
if presenting():
    present_page("compare")
    st.stop()
lang = current_language()
st.title(t("compare.title"))
dataset = get_cases_or_stop()

titles = dict(zip(dataset.cases["case_id"], localized(dataset.cases, "title", lang)))
chosen = synced_multiselect(t("compare.cases_select"), dataset.case_ids,
                            key="compare-cases-select", param="cases",
                            format_func=lambda c: short_title(titles[c]), buttons=True)
render_notices()
case_ids = [c for c in dataset.case_ids if c in chosen]
if not case_ids:
    st.info(t("compare.none_selected"), icon=":material/info:")
    st.stop()

sectors = sector_cases(dataset, case_ids)
if not sectors:
    render_scope_of_chosen(dataset, case_ids)
else:  # the note says which cases are sector maps, and what that does to the measures
    with st.container(border=True, key="compare-scope-note"):
        st.markdown(t("compare.scope_note", cases=escape_markdown(
            ", ".join(short_title(titles[c]) for c in sectors))))
view = compare_view(case_ids)

st.header(t("compare.section.chains"))
# The chart's caption is the page's answer (which chain is longest), said once, under it.
render_chart(view.length, key="compare-length-chart", file_stem="compare_chain-length")
render_present_link(COMPARE, "compare")
st.caption(t("compare.answer_caption", chains=t("compare.section.side_by_side"),
             expander=t("charts.data_and_exports")))

# The rest on request: each chart is a Vega view to build, the small chains one per case, the
# grid of measures a few dozen elements, and the first interactive table the browser's largest
# piece of code.
more = choose_more({"grid": t("compare.more.grid"),
                    **{column: MEASURE_BY_COLUMN[column].label(lang) for column in CHARTS},
                    "chains": t("compare.section.side_by_side"),
                    "table": t("compare.section.table")}, key="compare-more")
if more == "grid":
    render_measure_grid(view)
elif more in CHARTS:
    field, chart_key, file_stem = CHARTS[more]
    st.header(t("compare.section.work"))
    render_definition(more)
    render_chart(getattr(view, field), key=chart_key, file_stem=file_stem)
elif more == "chains":
    st.header(t("compare.section.side_by_side"))
    st.caption(t("compare.side_by_side_caption"))
    render_small_chains(view)
elif more == "table":
    st.header(t("compare.section.table"))
    render_table(view.table, key="compare-measures-table")
    render_csv_download(view.table, "compare_measures.csv", key="compare-measures-download")
