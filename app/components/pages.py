"""The pages of the app, defined once so that pages can link to each other without imports."""

from pathlib import Path

import streamlit as st

PAGES_DIR = Path(__file__).resolve().parents[1] / "app_pages"


def _page(file: str, title: str, icon: str, **kwargs) -> st.Page:
    return st.Page(PAGES_DIR / file, title=title, icon=f":material/{icon}:", **kwargs)


HOME = _page("home.py", "Home", "home", default=True)
CHAIN = _page("chain.py", "Value chain", "account_tree", url_path="chain")
FLOWS = _page("flows.py", "Country flows", "public", url_path="flows")
FUNCTIONS = _page("functions.py", "Task functions", "category", url_path="functions")
COMPARE = _page("compare.py", "Compare cases", "compare_arrows", url_path="compare")
PLATFORMS = _page("platforms.py", "Platforms", "hub", url_path="platforms")
FIGURES = _page("figures.py", "Key figures", "bar_chart", url_path="figures")
SOURCES = _page("sources.py", "Sources and data", "menu_book", url_path="sources")
UPLOAD = _page("upload.py", "Add your own case", "upload_file", url_path="upload")

PAGES = {
    "Chains": [HOME, CHAIN],
    "Analyses": [FLOWS, FUNCTIONS, COMPARE],
    "Reference": [PLATFORMS, FIGURES, SOURCES, UPLOAD],
}
