"""Case cards and the case picker shared by pages."""

import unicodedata

import streamlit as st

from app.components.i18n import current_language, t, tn, with_lang
from app.components.pages import CHAIN, page
from app.core.geo import country_name
from app.core.i18n import localized, localized_value
from app.core.load import Dataset
from app.core.text import escape_markdown

CARDS_PER_ROW = 3


def sort_key(text: str) -> str:
    """Alphabetical order as a reader expects it: "États-Unis" between "Espagne" and "France"."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()


def case_countries(dataset: Dataset, case_id: str, lang: str = "en") -> list[str]:
    codes = dataset.actors.loc[dataset.actors["case_id"] == case_id, "country"]
    return sorted({country_name(c, lang) for c in codes if c}, key=sort_key)


def case_titles(dataset: Dataset, lang: str) -> dict[str, str]:
    """Every case's title in `lang` (English, marked, where a translation is missing)."""
    return dict(zip(dataset.cases["case_id"], localized(dataset.cases, "title", lang)))


def origin_label(origin: str) -> str:
    """Where a case comes from, in words: an upload, or the folder named by a variable."""
    if origin in ("bundled", "upload"):
        return t(f"data.origin.{origin}")
    return escape_markdown(origin)


def render_case_cards(dataset: Dataset) -> None:
    """One bordered card per case: title, product, countries, size, and a link to its chain."""
    if not dataset.case_ids:
        st.warning(t("cases.none_loaded"))
        return
    lang = current_language()
    rows = [dataset.case_ids[i:i + CARDS_PER_ROW]
            for i in range(0, len(dataset.case_ids), CARDS_PER_ROW)]
    for row in rows:
        for col, case_id in zip(st.columns(CARDS_PER_ROW), row):
            info = dataset.case_info(case_id)
            n_actors = int((dataset.actors["case_id"] == case_id).sum())
            n_links = int((dataset.links["case_id"] == case_id).sum())
            n_tasks = int((dataset.tasks["case_id"] == case_id).sum())
            countries = ", ".join(case_countries(dataset, case_id, lang))
            with col.container(border=True):
                st.subheader(escape_markdown(localized_value(info, "title", lang)), anchor=False)
                st.markdown(t("cases.product", product=escape_markdown(
                    localized_value(info, "product", lang))))
                st.markdown(t("cases.countries", countries=escape_markdown(countries)
                              or t("cases.countries_not_given")))
                st.markdown(t("cases.size", actors=tn("count.actors", n_actors),
                              links=tn("count.links", n_links), tasks=tn("count.tasks", n_tasks)))
                if info["origin"] != "bundled":
                    st.caption(t("cases.loaded_from", origin=origin_label(info["origin"])))
                st.page_link(page(CHAIN), label=t("cases.open_chain"),
                             icon=":material/account_tree:",
                             query_params=with_lang({"case": case_id}))
