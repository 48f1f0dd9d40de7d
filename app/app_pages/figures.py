"""Key figures: the numbers of the research, each with its scope, source and any dispute."""

from functools import partial

import streamlit as st

from app.components.charts import MORE_PARAM, choose_more, render_chart
from app.components.data import get_reference
from app.components.downloads import render_csv_download
from app.components.i18n import current_language, t
from app.components.reference import (CHARTED_TOPICS, figure_topic_views, figures_table,
                                      render_dispute, render_metric_row)
from app.components.state import drop_unknown_params, render_notices, synced_multiselect
from app.components.tables import render_table
from app.core.reference import header, topic_title
from app.core.text import escape_markdown

PARAMS = ["topics", MORE_PARAM]

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
                            buttons=True)
render_notices()
if not chosen:
    st.info(t("figures.none_selected"), icon=":material/info:")
    st.stop()

# Charts, texts and tables come ready from the cache: a run only draws them.
views = figure_topic_views()


def topic_view(topic: str):
    """The topic's view when it is chosen (and has figures), else None."""
    return views.get(topic) if topic in chosen else None


def render_funnel(funnel) -> None:
    st.header(topic_title("france_microworkers", lang))
    left, right = st.columns([3, 2])
    with left:
        render_chart(funnel.chart, key="figures-funnel", file_stem="figures_france-microworkers")
    with right:
        for dispute in funnel.disputes:
            render_dispute(dispute, heading=t("figures.dispute.heading"))
        st.caption(escape_markdown(funnel.caption))


def render_madagascar(study, pay) -> None:
    st.header(t("figures.madagascar.header"))
    if study:
        render_metric_row(study.metrics)
        if study.chart:
            render_chart(study.chart, key="figures-madagascar-shares",
                         file_stem="figures_madagascar-shares")
    if pay:
        st.subheader(topic_title("madagascar_pay", lang), anchor=False)
        if pay.warning:
            st.warning(escape_markdown(pay.warning), icon=":material/compare:")
        render_chart(pay.chart, key="figures-madagascar-pay", file_stem="figures_madagascar-pay")


def render_market(market) -> None:
    st.header(topic_title("market", lang))
    if market.warning:
        st.warning(escape_markdown(market.warning), icon=":material/trending_up:")
    render_chart(market.chart, key="figures-market", file_stem="figures_market")


def render_prices(prices) -> None:
    st.header(topic_title("unit_prices", lang))
    render_chart(prices.chart, key="figures-prices", file_stem="figures_unit-prices")


# The charted topics chosen, in the page's order: the first is drawn, the others on request.
funnel, study, pay = (topic_view(topic) for topic in
                      ("france_microworkers", "madagascar_study", "madagascar_pay"))
market, prices = topic_view("market"), topic_view("unit_prices")
charted = {name: (draw, title) for name, draw, title in (
    ("france_microworkers", funnel and partial(render_funnel, funnel),
     topic_title("france_microworkers", lang)),
    ("madagascar", (study or pay) and partial(render_madagascar, study, pay),
     t("figures.madagascar.header")),
    ("market", market and partial(render_market, market), topic_title("market", lang)),
    ("unit_prices", prices and partial(render_prices, prices), topic_title("unit_prices", lang)),
) if draw}


def render_others(others: list[str]) -> None:
    """The figures no chart shows, a table per topic."""
    st.header(t("figures.others.header"))
    for topic in others:
        st.subheader(topic_title(topic, lang), anchor=False)
        render_table(views[topic].brief_table, key=f"figures-table-{topic}", column_config={
            header("figures.col", "scope", lang): st.column_config.TextColumn(width="large"),
            header("figures.col", "sources", lang): st.column_config.TextColumn(width="medium"),
            header("figures.col", "year", lang): st.column_config.NumberColumn(format="%d")})


def render_everything() -> None:
    """Every figure of the chosen topics in one table, with its CSV."""
    st.header(t("figures.all.header"))
    everything = figures_table(chosen)
    # Raw values as the reader's browser writes numbers; "Reads" has them as the interface does.
    render_table(everything, key="figures-table-all", column_config={
        header("figures.col", "year", lang): st.column_config.NumberColumn(format="%d"),
        header("figures.col", "value", lang): st.column_config.NumberColumn(format="localized"),
        header("figures.col", "value_max", lang): st.column_config.NumberColumn(
            format="localized")})
    render_csv_download(everything, "key-figures.csv", key="figures-download")


others = [topic for topic in chosen if topic not in CHARTED_TOPICS]
tables = {"others": (partial(render_others, others), t("figures.others.header"))} if others \
    else {}
tables["table"] = (render_everything, t("figures.all.header"))
if charted:  # the first chart drawn; the others, and the tables, on request
    first, *rest = charted
    charted[first][0]()
    further = {name: charted[name] for name in rest} | tables
    more = choose_more({name: title for name, (_, title) in further.items()}, key="figures-more")
    if more:
        further[more][0]()
else:  # no chart chosen: the tables are the page
    for draw, _ in tables.values():
        draw()
