"""The pages of the app, with titles in the reader's language.

Pages link to each other by file (`st.page_link(page(CHAIN), ...)`): a path relative to the
main script, the same in every language, so that pages never import each other. The `url_path`
values are in papers and slides: never change them.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from app.core.i18n import translate

PAGES_DIR = Path(__file__).resolve().parents[1] / "app_pages"

HOME = "app_pages/home.py"
CHAIN = "app_pages/chain.py"
FLOWS = "app_pages/flows.py"
FUNCTIONS = "app_pages/functions.py"
COMPARE = "app_pages/compare.py"
PLATFORMS = "app_pages/platforms.py"
FIGURES = "app_pages/figures.py"
SOURCES = "app_pages/sources.py"
UPLOAD = "app_pages/upload.py"
BUILD = "app_pages/build.py"

# Where a session keeps its navigation (see `build_pages`).
PAGES_KEY = "navigation-pages"

# (file, url_path, title key, Material icon), by section of the navigation.
SECTIONS: dict[str, list[tuple[str, str, str, str]]] = {
    "nav.section.chains": [
        (HOME, "", "page.home", "home"),
        (CHAIN, "chain", "page.chain", "account_tree"),
    ],
    "nav.section.analyses": [
        (FLOWS, "flows", "page.flows", "public"),
        (FUNCTIONS, "functions", "page.functions", "category"),
        (COMPARE, "compare", "page.compare", "compare_arrows"),
    ],
    "nav.section.reference": [
        (PLATFORMS, "platforms", "page.platforms", "hub"),
        (FIGURES, "figures", "page.figures", "bar_chart"),
        (SOURCES, "sources", "page.sources", "menu_book"),
        (UPLOAD, "upload", "page.upload", "upload_file"),
        (BUILD, "build", "page.build", "edit_note"),
    ],
}


def _page(file: str, url_path: str, title: str, icon: str) -> st.Page:
    path = PAGES_DIR / Path(file).name
    if file == HOME:
        return st.Page(path, title=title, icon=f":material/{icon}:", default=True)
    return st.Page(path, title=title, icon=f":material/{icon}:", url_path=url_path)


def build_pages(lang: str) -> dict[str, list[st.Page]]:
    """The navigation (section title -> pages) with titles in `lang`.

    Kept in the session, made again when the language changes: making them (Streamlit resolves
    every page's file) cost a tenth of a rerun. Never shared between sessions: `st.Page`
    objects kept in a module and shared by all sessions made some sessions of a crowd show
    "This page cannot be called directly" (a session's runs come one after another).
    """
    kept = st.session_state.get(PAGES_KEY)
    if kept is None or kept[0] != lang:
        by_file = {file: _page(file, url, translate(key, lang), icon)
                   for pages in SECTIONS.values() for file, url, key, icon in pages}
        sections = {translate(section, lang): [by_file[file] for file, *_ in pages]
                    for section, pages in SECTIONS.items()}
        kept = (lang, sections, by_file)
        st.session_state[PAGES_KEY] = kept
    return kept[1]


def page(file: str) -> st.Page | str:
    """What `st.page_link` is given for one of the files above: this session's page, which
    it links to without resolving the file again (the file itself before the navigation is
    made)."""
    kept = st.session_state.get(PAGES_KEY)
    return kept[2][file] if kept else file
