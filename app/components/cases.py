"""Case cards and the case picker shared by pages."""

import unicodedata

import streamlit as st

from app.components.i18n import current_language, t, tn, with_lang
from app.components.pages import CHAIN, page
from app.core.geo import country_name
from app.core.i18n import localized, localized_value, vocab_label, vocab_meaning
from app.core.load import Dataset
from app.core.phases import phase_labels
from app.core.text import escape_markdown

CARDS_PER_ROW = 3
# How each scope stands out on a card: a sector map must never pass for a product's chain.
SCOPE_BADGES = {"product": ("blue", ":material/inventory_2:"),
                "sector": ("orange", ":material/hub:")}


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
                render_scope_badge(info["scope"])
                st.subheader(escape_markdown(localized_value(info, "title", lang)), anchor=False)
                lines = [t("cases.product", product=escape_markdown(
                    localized_value(info, "product", lang))),
                    t("cases.countries", countries=escape_markdown(countries)
                      or t("cases.countries_not_given"))]
                phases = phase_labels(dataset, case_id, lang)
                if phases:
                    lines.append(t("cases.phases", phases=escape_markdown(
                        " → ".join(phases.values()))))
                lines.append(t("cases.size", actors=tn("count.actors", n_actors),
                               links=tn("count.links", n_links), tasks=tn("count.tasks", n_tasks)))
                st.markdown("\n\n".join(lines))
                if info["origin"] != "bundled":
                    st.caption(t("cases.loaded_from", origin=origin_label(info["origin"])))
                st.page_link(page(CHAIN), label=t("cases.open_chain"),
                             icon=":material/account_tree:",
                             query_params=with_lang({"case": case_id}))


def render_scope_badge(scope: str) -> None:
    """The case's scope as a coloured badge, its meaning on hover."""
    lang = current_language()
    colour, icon = SCOPE_BADGES.get(scope, SCOPE_BADGES["product"])
    st.badge(vocab_label("scope", scope, lang), icon=icon, color=colour,
             help=vocab_meaning("scope", scope, lang))


def render_scope_line(scope: str) -> None:
    """One case's scope in words, under its title."""
    lang = current_language()
    st.markdown(t("scope.line", scope=vocab_label("scope", scope, lang),
                  meaning=vocab_meaning("scope", scope, lang)))


def sector_cases(dataset: Dataset, case_ids: list[str]) -> list[str]:
    """The chosen cases that map a sector rather than one product's chain."""
    return [c for c in case_ids if dataset.case_info(c)["scope"] == "sector"]


def render_scope_of_chosen(dataset: Dataset, case_ids: list[str]) -> None:
    """Under a choice of cases: which of them is a sector map, so that none is misread."""
    titles = case_titles(dataset, current_language())
    sectors = sector_cases(dataset, case_ids)
    if sectors:
        st.caption(t("scope.chosen_sector", cases=escape_markdown(
            ", ".join(titles[c] for c in sectors))))
    elif case_ids:
        st.caption(t("scope.chosen_products"))
