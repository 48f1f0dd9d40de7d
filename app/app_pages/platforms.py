"""Platforms: the 11 micro-work platforms of the inventory, on a map, in time, by offer, related."""

import streamlit as st

from app.components.charts import MORE_PARAM, choose_more, render_chart
from app.components.data import get_reference
from app.components.downloads import render_csv_download
from app.components.i18n import current_language, t
from app.components.reference import platforms_view
from app.components.state import drop_unknown_params, render_notices, synced_multiselect
from app.components.tables import render_table
from app.core import vocab
from app.core.i18n import vocab_label
from app.core.reference import header
from app.core.text import escape_markdown

PARAMS = ["offer", MORE_PARAM]

drop_unknown_params(PARAMS)
lang = current_language()
st.title(t("platforms.title"))
st.markdown(t("platforms.intro"))
reference = get_reference()
if reference is None:
    st.stop()

offers = synced_multiselect(
    t("platforms.offer_select"), list(vocab.OFFER_TYPES), key="platforms-offer-select",
    param="offer", format_func=lambda o: vocab_label("offer_type", o, lang), buttons=True)
render_notices()
# Charts, texts and tables come ready from the cache: a run only draws them.
view = platforms_view(offers)
if view is None:
    st.info(t("platforms.none_selected"), icon=":material/info:")
    st.stop()

st.markdown(f"**{escape_markdown(view.answer)}.** " + view.shown)
st.caption(escape_markdown(view.answer_sources))

render_chart(view.map, key="platforms-map", file_stem="platforms_headquarters")
more = choose_more({"timeline": t("platforms.timeline.title"),
                    "offers": t("platforms.offer.title"),
                    "relations": t("platforms.relations.header"),
                    "notes": t("platforms.notes.header")}, key="platforms-more")
if more == "timeline":
    render_chart(view.timeline, key="platforms-timeline", file_stem="platforms_founded")
elif more == "offers":
    render_chart(view.offers, key="platforms-offer-chart", file_stem="platforms_offer")
elif more == "relations":
    st.header(t("platforms.relations.header"))
    if view.relations is None:
        st.info(t("platforms.relations.none"), icon=":material/info:")
    else:
        render_chart(view.relations, key="platforms-relations",
                     file_stem="platforms_relations")
    st.caption(t("platforms.relations.outside"))
elif more == "notes":  # the table on request: the first one costs a phone more than the map
    st.header(t("platforms.notes.header"))
    render_table(view.table, key="platforms-table", column_config={
        header("platforms.col", "notes", lang): st.column_config.TextColumn(width="large"),
        header("platforms.col", "sources", lang): st.column_config.TextColumn(width="medium"),
        header("platforms.col", "founded", lang): st.column_config.NumberColumn(format="%d")})
    render_csv_download(view.table, "platforms.csv", key="platforms-download")
