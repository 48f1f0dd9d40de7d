"""Key figures: the numbers of the research, each with its scope, source and any dispute."""

import streamlit as st

from app.charts.reference_charts import (REFERENCE, figure_rows, figure_table, funnel_chart,
                                         market_chart, range_chart, share_chart, topic_title,
                                         unit_price_chart)
from app.components.charts import render_chart
from app.components.data import get_reference
from app.components.downloads import render_csv_download
from app.components.reference import (dispute_sources, multiselect_from_link,
                                      reference_lookup, render_dispute, render_metric_row)
from app.components.state import drop_unknown_params, render_notices
from app.core.sources import citations_for
from app.core.text import escape_markdown
from app.core.validate import split_ids

PARAMS = ["topics"]
# Topics drawn as charts above the table of the other figures.
CHARTED = ("france_microworkers", "madagascar_study", "madagascar_pay", "market", "unit_prices")

drop_unknown_params(PARAMS)
st.title("Key figures")
st.markdown(
    "The numbers the research gives, each with what it covers, how it is to be read "
    "(*about*, *over*, *up to*...), the full citation of its source and any dispute. Estimates "
    "from researchers, survey results and counts stand apart from industry figures and "
    "forecasts; where two sources disagree, both are shown.")
reference = get_reference()
if reference is None:
    st.stop()

topics = list(dict.fromkeys(reference.figures["topic"]))
chosen = multiselect_from_link("Topics", topics, key="figures-topics-select", param="topics",
                               format_func=topic_title, placeholder="Pick topics")
render_notices()
if not chosen:
    st.info("No topic is selected: pick at least one topic above to see its figures.",
            icon=":material/info:")
    st.stop()

rows = figure_rows(reference.figures, reference.sources)
lookup = reference_lookup(reference)


def topic_rows(topic: str):
    return rows[rows["topic"] == topic]


def table_of(frame):
    return figure_table(reference.figures[reference.figures["figure_id"].isin(frame["figure_id"])],
                        reference.sources)


funnel = topic_rows("france_microworkers")
if "france_microworkers" in chosen and len(funnel):
    st.header(topic_title("france_microworkers"))
    ordered = funnel.sort_values("value", ascending=False)
    left, right = st.columns([3, 2])
    with left:
        render_chart(
            funnel_chart(funnel), key="figures-funnel",
            summary="; ".join(f"{label}: {text}" for label, text in
                              zip(ordered["label"], ordered["text"])) + ".",
            table=table_of(funnel), file_stem="figures_france-microworkers")
    with right:
        disputed = funnel[funnel["dispute"] != ""]
        for _, row in disputed.iterrows():
            render_dispute(row, lookup, heading="Critique of this figure")
        critics = {k for _, row in disputed.iterrows() for k in dispute_sources(row)}
        keys = [k for k in dict.fromkeys(k for ids in funnel["source_ids"]
                                         for k in split_ids(ids)) if k not in critics]
        st.caption(escape_markdown(
            "Each level counts people meeting a looser definition of activity than the one "
            "below it. Sources of the estimate: " + " | ".join(
                f"{k}: {c}" for k, c in zip(keys, citations_for(lookup, REFERENCE,
                                                                 ";".join(keys))))))

study = topic_rows("madagascar_study")
pay = topic_rows("madagascar_pay")
if ("madagascar_study" in chosen and len(study)) or ("madagascar_pay" in chosen and len(pay)):
    st.header("Data workers in Madagascar")
if "madagascar_study" in chosen and len(study):
    render_metric_row(study[study["unit"] != "percent"], lookup)
    shares = study[study["unit"] == "percent"]
    if len(shares):
        render_chart(
            share_chart(shares, title="Who the Malagasy data workers are"),
            key="figures-madagascar-shares",
            summary="; ".join(f"{label}: {text}" for label, text in
                              zip(shares["label"], shares["text"]))
            + " (" + ", ".join(dict.fromkeys(shares["source_ids"])) + ").",
            table=table_of(shares), file_stem="figures_madagascar-shares")
if "madagascar_pay" in chosen and len(pay):
    st.subheader(topic_title("madagascar_pay"), anchor=False)
    secondary = set(pay["certainty"]) == {"reported"}
    if pay["dispute"].ne("").any():
        st.warning(
            ("Secondary figures that differ: " if secondary else "Figures that differ: ")
            + escape_markdown("; ".join(f"{ids.replace(';', ', ')} gives {text}" for ids, text in
                                        zip(pay["source_ids"], pay["text"])))
            + ". Neither is confirmed by a primary source we hold.", icon=":material/compare:")
    render_chart(
        range_chart(pay), key="figures-madagascar-pay",
        summary="; ".join(f"{ids.replace(';', ', ')}: {text}" for ids, text in
                          zip(pay["source_ids"], pay["text"])) + ".",
        table=table_of(pay), file_stem="figures_madagascar-pay")

market = topic_rows("market")
if "market" in chosen and len(market):
    st.header(topic_title("market"))
    forecasts = market[market["kind"] == "forecast"]
    if len(forecasts):
        st.warning(escape_markdown(
            f"Industry forecasts, not measurements: {len(forecasts)} of these {len(market)} "
            "figures are forecasts made by an industry analyst ("
            + "; ".join(dict.fromkeys(forecasts["scope"])) + ")."),
            icon=":material/trending_up:")
    render_chart(
        market_chart(market), key="figures-market",
        summary="; ".join(f"{label}: {text}{' (forecast)' if kind == 'forecast' else ''}"
                          for label, text, kind in zip(market["label"], market["text"],
                                                       market["kind"])) + ".",
        table=table_of(market), file_stem="figures_market")

prices = topic_rows("unit_prices")
if "unit_prices" in chosen and len(prices):
    st.header(topic_title("unit_prices"))
    render_chart(
        unit_price_chart(prices), key="figures-prices",
        summary="; ".join(f"{label}: {text}" for label, text in
                          zip(prices["label"], prices["text"])) + ".",
        table=table_of(prices), file_stem="figures_unit-prices")

others = [t for t in chosen if t not in CHARTED]
if others:
    st.header("Other figures")
    for topic in others:
        st.subheader(topic_title(topic), anchor=False)
        table = table_of(topic_rows(topic)).drop(columns=["Topic", "Value", "Up to"])
        st.dataframe(table, hide_index=True, key=f"figures-table-{topic}",
                     column_config={"Scope": st.column_config.TextColumn(width="large"),
                                    "Sources": st.column_config.TextColumn(width="medium"),
                                    "Year": st.column_config.NumberColumn(format="%d")})

st.header("Every figure shown, with its source")
everything = figure_table(reference.figures[reference.figures["topic"].isin(chosen)],
                          reference.sources)
st.dataframe(everything, hide_index=True, key="figures-table-all",
             column_config={"Year": st.column_config.NumberColumn(format="%d")})
render_csv_download(everything, "key-figures.csv", key="figures-download")
