"""Platforms: the 11 micro-work platforms of the inventory, on a map, in time, by offer, related."""

import streamlit as st

from app.charts.reference_charts import (offer_type_chart, platform_map_chart,
                                         platform_relations_chart, platform_timeline_chart)
from app.components.charts import render_chart
from app.components.data import get_reference
from app.components.downloads import render_csv_download
from app.components.i18n import current_language, t, tn
from app.components.state import drop_unknown_params, render_notices, synced_multiselect
from app.core import vocab
from app.core.i18n import vocab_label
from app.core.reference import (cited_keys, founded_before, founded_before_answer, header,
                                headquarters_summary, keyed_citations, links_between,
                                offer_counts, offer_summary, platform_points,
                                platform_relation_table, platform_table, reference_citations,
                                relation_sentences, separator, timeline_summary)
from app.core.text import escape_markdown

PARAMS = ["offer"]
BEFORE = 2000

drop_unknown_params(PARAMS)
lang = current_language()
st.title(t("platforms.title"))
st.markdown(t("platforms.intro"))
reference = get_reference()
if reference is None:
    st.stop()

offers = synced_multiselect(
    t("platforms.offer_select"), list(vocab.OFFER_TYPES), key="platforms-offer-select",
    param="offer", format_func=lambda o: vocab_label("offer_type", o, lang),
    placeholder=t("platforms.offer_placeholder"))
render_notices()
platforms = reference.platforms[reference.platforms["offer_type"].isin(offers)]
if platforms.empty:
    st.info(t("platforms.none_selected"), icon=":material/info:")
    st.stop()

answer = founded_before_answer(platforms, BEFORE, lang)
st.markdown(f"**{escape_markdown(answer)}.** "
            + tn("platforms.shown", len(platforms), total=len(reference.platforms)))
early = founded_before(platforms, BEFORE)
lookup = reference_citations(reference.sources)
cited = keyed_citations(lookup, cited_keys((early if len(early) else platforms)["source_ids"]),
                        lang)
st.caption(escape_markdown(t("platforms.answer_sources", sources=cited)))


points = platform_points(platforms, lang=lang)
render_chart(
    platform_map_chart(points, lang=lang), key="platforms-map",
    summary=headquarters_summary(points, lang) + " " + t("platforms.map.placement"),
    table=platform_table(platforms, reference.sources, lang,
                         ("platform", "offer", "headquarters", "country", "founded")),
    file_stem="platforms_headquarters")
render_chart(
    platform_timeline_chart(platforms, before=BEFORE, lang=lang), key="platforms-timeline",
    summary=timeline_summary(platforms, BEFORE, lang),
    table=platform_table(platforms, reference.sources, lang,
                         ("platform", "founded", "offer", "headquarters")),
    file_stem="platforms_founded")
render_chart(
    offer_type_chart(platforms, lang=lang), key="platforms-offer-chart",
    summary=offer_summary(offer_counts(platforms, list(vocab.OFFER_TYPES), lang), lang),
    table=platform_table(platforms, reference.sources, lang, ("platform", "offer")),
    file_stem="platforms_offer")

st.header(t("platforms.relations.header"))
links = links_between(reference.platform_links, platforms["platform_id"])
if links.empty:
    st.info(t("platforms.relations.none"), icon=":material/info:")
else:
    render_chart(platform_relations_chart(platforms, links, lang=lang),
                 key="platforms-relations",
                 summary=separator(lang).join(relation_sentences(reference.platforms, links, lang))
                 + ".",
                 table=platform_relation_table(reference.platforms, links, reference.sources,
                                               lang),
                 file_stem="platforms_relations")
st.caption(t("platforms.relations.outside"))

st.header(t("platforms.notes.header"))
table = platform_table(platforms, reference.sources, lang)
st.dataframe(table, hide_index=True, key="platforms-table", column_config={
    header("platforms.col", "notes", lang): st.column_config.TextColumn(width="large"),
    header("platforms.col", "sources", lang): st.column_config.TextColumn(width="medium"),
    header("platforms.col", "founded", lang): st.column_config.NumberColumn(format="%d")})
render_csv_download(table, "platforms.csv", key="platforms-download")
