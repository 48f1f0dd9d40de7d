"""Key figures: the numbers of the research, each with its scope, source and any dispute."""

import streamlit as st

from app.charts.reference_charts import (funnel_chart, market_chart, range_chart, share_chart,
                                         unit_price_chart)
from app.components.charts import render_chart
from app.components.data import get_reference
from app.components.downloads import render_csv_download
from app.components.i18n import current_language, t
from app.components.reference import render_dispute, render_metric_row
from app.components.state import drop_unknown_params, render_notices, synced_multiselect
from app.core.reference import (FIGURE_COLUMNS, FIGURE_COLUMNS_BRIEF, by_source_summary, cited_keys,
                                differing_figures, dispute_sources, figure_rows, figure_summary,
                                figure_table, header, keyed_citations, market_rows,
                                market_summary, reference_citations, separator,
                                topic_title)
from app.core.text import escape_markdown

PARAMS = ["topics"]
# Topics drawn as charts above the table of the other figures.
CHARTED = ("france_microworkers", "madagascar_study", "madagascar_pay", "market", "unit_prices")

drop_unknown_params(PARAMS)
lang = current_language()
st.title(t("figures.title"))
st.markdown(t("figures.intro"))
reference = get_reference()
if reference is None:
    st.stop()

topics = list(dict.fromkeys(reference.figures["topic"]))
chosen = synced_multiselect(t("figures.topics_select"), topics, key="figures-topics-select",
                            param="topics", format_func=lambda topic: topic_title(topic, lang),
                            placeholder=t("figures.topics_placeholder"))
render_notices()
if not chosen:
    st.info(t("figures.none_selected"), icon=":material/info:")
    st.stop()

rows = figure_rows(reference.figures, reference.sources, lang)
lookup = reference_citations(reference.sources)


def topic_rows(topic: str):
    return rows[rows["topic"] == topic] if topic in chosen else rows.iloc[0:0]


def table_of(frame, columns=FIGURE_COLUMNS):
    figures = reference.figures[reference.figures["figure_id"].isin(frame["figure_id"])]
    return figure_table(figures, reference.sources, lang, columns)


funnel = topic_rows("france_microworkers")
if len(funnel):
    st.header(topic_title("france_microworkers", lang))
    left, right = st.columns([3, 2])
    with left:
        render_chart(funnel_chart(funnel, lang=lang), key="figures-funnel",
                     summary=figure_summary(funnel.sort_values("value", ascending=False), lang),
                     table=table_of(funnel), file_stem="figures_france-microworkers")
    with right:
        disputed = funnel[funnel["dispute"] != ""]
        for _, row in disputed.iterrows():
            render_dispute(row, lookup, heading=t("figures.dispute.heading"))
        critics = {k for _, row in disputed.iterrows() for k in dispute_sources(row)}
        st.caption(escape_markdown(t("figures.funnel.caption", sources=keyed_citations(
            lookup, cited_keys(funnel["source_ids"], leave_out=critics), lang))))

study = topic_rows("madagascar_study")
pay = topic_rows("madagascar_pay")
if len(study) or len(pay):
    st.header(t("figures.madagascar.header"))
if len(study):
    render_metric_row(study[study["unit"] != "percent"], lookup)
    shares = study[study["unit"] == "percent"]
    if len(shares):
        render_chart(
            share_chart(shares, lang=lang, title=t("figures.madagascar.shares_title")),
            key="figures-madagascar-shares",
            summary=t("figures.with_sources", summary=figure_summary(shares, lang),
                      sources=", ".join(cited_keys(shares["source_ids"]))),
            table=table_of(shares), file_stem="figures_madagascar-shares")
if len(pay):
    st.subheader(topic_title("madagascar_pay", lang), anchor=False)
    if pay["dispute"].ne("").any():
        secondary = set(pay["certainty"]) == {"reported"}
        st.warning(escape_markdown(t(
            "figures.pay.differ_secondary" if secondary else "figures.pay.differ",
            figures=differing_figures(pay, lang))), icon=":material/compare:")
    render_chart(range_chart(pay, lang=lang), key="figures-madagascar-pay",
                 summary=by_source_summary(pay, lang), table=table_of(pay),
                 file_stem="figures_madagascar-pay")

market = topic_rows("market")
if len(market):
    st.header(topic_title("market", lang))
    forecasts = market[market["kind"] == "forecast"]
    if len(forecasts):
        st.warning(escape_markdown(t("figures.market.forecasts", count=len(forecasts),
                                     total=len(market),
                                     scopes=separator(lang).join(dict.fromkeys(forecasts["scope"])))),
                   icon=":material/trending_up:")
    render_chart(market_chart(market, lang=lang), key="figures-market",
                 summary=market_summary(market_rows(market, lang), lang),
                 table=table_of(market), file_stem="figures_market")

prices = topic_rows("unit_prices")
if len(prices):
    st.header(topic_title("unit_prices", lang))
    render_chart(unit_price_chart(prices, lang=lang), key="figures-prices",
                 summary=figure_summary(prices, lang), table=table_of(prices),
                 file_stem="figures_unit-prices")

others = [topic for topic in chosen if topic not in CHARTED]
if others:
    st.header(t("figures.others.header"))
    for topic in others:
        st.subheader(topic_title(topic, lang), anchor=False)
        st.dataframe(table_of(topic_rows(topic), FIGURE_COLUMNS_BRIEF), hide_index=True,
                     key=f"figures-table-{topic}", column_config={
                         header("figures.col", "scope", lang):
                             st.column_config.TextColumn(width="large"),
                         header("figures.col", "sources", lang):
                             st.column_config.TextColumn(width="medium"),
                         header("figures.col", "year", lang):
                             st.column_config.NumberColumn(format="%d")})

st.header(t("figures.all.header"))
everything = figure_table(reference.figures[reference.figures["topic"].isin(chosen)],
                          reference.sources, lang)
# Raw values as the reader's browser writes numbers; "Reads" has them as the interface does.
st.dataframe(everything, hide_index=True, key="figures-table-all", column_config={
    header("figures.col", "year", lang): st.column_config.NumberColumn(format="%d"),
    header("figures.col", "value", lang): st.column_config.NumberColumn(format="localized"),
    header("figures.col", "value_max", lang): st.column_config.NumberColumn(format="localized")})
render_csv_download(everything, "key-figures.csv", key="figures-download")
