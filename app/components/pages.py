"""The pages of the app, defined once so that pages can link to each other without imports."""

from pathlib import Path

import streamlit as st

PAGES_DIR = Path(__file__).resolve().parents[1] / "app_pages"

HOME = st.Page(PAGES_DIR / "home.py", title="Home", icon="🏠", default=True)
CHAIN = st.Page(PAGES_DIR / "chain.py", title="Value chain", icon="🔗", url_path="chain")

PAGES = [HOME, CHAIN]
