"""Platforms: the 11 micro-work platforms of the inventory, on a map, in time, by offer, related."""

import streamlit as st

from app.charts.reference_charts import (OFFER_TYPE_LABELS, REFERENCE, offer_type_chart,
                                         platform_map_chart, reference_citations,
                                         platform_points, platform_relation_table,
                                         platform_relations_chart, platform_table,
                                         platform_timeline_chart)
from app.components.charts import render_chart
from app.components.data import get_reference
from app.components.downloads import render_csv_download
from app.components.reference import multiselect_from_link
from app.components.state import drop_unknown_params, render_notices
from app.core import vocab
from app.core.sources import citations_for
from app.core.text import escape_markdown
from app.core.validate import split_ids

PARAMS = ["offer"]
BEFORE = 2000

drop_unknown_params(PARAMS)
st.title("Platforms")
st.markdown(
    "The micro-work platforms with an AI offer and operations in France inventoried by Tubaro "
    "& Casilli (2019, Table 1), June 2017 – March 2019: where they have their headquarters, "
    "when they were founded, what they offer, and who gives access to or owns whom.")
reference = get_reference()
if reference is None:
    st.stop()

offers = multiselect_from_link(
    "Offer type", list(vocab.OFFER_TYPES), key="platforms-offer-select", param="offer",
    format_func=lambda t: OFFER_TYPE_LABELS.get(t, t), placeholder="Pick offer types")
render_notices()
platforms = reference.platforms[reference.platforms["offer_type"].isin(offers)]
if platforms.empty:
    st.info("No platform has the offer types selected: pick at least one offer type above.",
            icon=":material/info:")
    st.stop()

table = platform_table(platforms, reference.sources)
early = platforms[platforms["founded"] < BEFORE].sort_values(["founded", "name"])
answer = (f"Founded before {BEFORE}: " + ", ".join(
    f"{n} ({y}, {c})" for n, y, c in zip(early["name"], early["founded"], early["hq_city"]))
    if len(early) else f"None of the platforms shown was founded before {BEFORE}")
st.markdown(f"**{escape_markdown(answer)}.** {len(platforms)} platform(s) shown, of "
            f"{len(reference.platforms)} in the inventory.")
cited = list(dict.fromkeys(k for ids in (early if len(early) else platforms)["source_ids"]
                            for k in split_ids(ids)))
st.caption("Source: " + escape_markdown(" | ".join(
    f"{k}: {c}" for k, c in zip(cited, citations_for(reference_citations(reference.sources),
                                                      REFERENCE, ";".join(cited)))))
           + ". The citation of each row is in the table at the bottom of the page.")

points = platform_points(platforms)
by_country = points.drop_duplicates("country").sort_values("n_in_country", ascending=False)
render_chart(
    platform_map_chart(points), key="platforms-map",
    summary="Headquarters by country: " + ", ".join(
        f"{n} {k}" for n, k in zip(by_country["country_name"], by_country["n_in_country"]))
    + ". Dots are placed at the country's centre, not the city (the inventory gives no "
      "coordinates); several platforms in one country are spread on a circle around it.",
    table=table[["Platform", "Offer", "Headquarters", "Country", "Founded"]],
    file_stem="platforms_headquarters")
render_chart(
    platform_timeline_chart(platforms, before=BEFORE), key="platforms-timeline",
    summary=answer + f". Newest: {platforms.loc[platforms['founded'].idxmax(), 'name']} "
                     f"({int(platforms['founded'].max())}).",
    table=table[["Platform", "Founded", "Offer", "Headquarters"]],
    file_stem="platforms_founded")
counts = platforms["offer_type"].value_counts()
render_chart(
    offer_type_chart(platforms), key="platforms-offer-chart",
    summary="Platforms by offer: " + "; ".join(
        f"{OFFER_TYPE_LABELS.get(t, t)}: {int(counts[t])}" for t in vocab.OFFER_TYPES
        if t in counts) + ".",
    table=table[["Platform", "Offer"]], file_stem="platforms_offer")

st.header("Who gives access to, owns or runs whom")
shown = set(platforms["platform_id"])
links = reference.platform_links[reference.platform_links["from_platform"].isin(shown)
                                 & reference.platform_links["to_platform"].isin(shown)]
relations = platform_relation_table(reference.platforms, links, reference.sources)
if links.empty:
    st.info("No relation between the platforms shown: add offer types to see them.",
            icon=":material/info:")
else:
    render_chart(platform_relations_chart(platforms, links), key="platforms-relations",
                 summary="; ".join(relations["Relation"]) + ".", table=relations,
                 file_stem="platforms_relations")
st.caption("Relations to services outside the inventory (UHRS of Microsoft, Gengo.ai, Spare5, "
           "Foule Factory) have no headquarters or founding year in the source; they are "
           "described in the platforms' notes below.")

st.header("Notes and sources")
st.dataframe(table, hide_index=True, key="platforms-table",
             column_config={"Notes": st.column_config.TextColumn(width="large"),
                            "Sources": st.column_config.TextColumn(width="medium"),
                            "Founded": st.column_config.NumberColumn(format="%d")})
render_csv_download(table, "platforms.csv", key="platforms-download")
