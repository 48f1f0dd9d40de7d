"""Entry point: page configuration and navigation. Run with `streamlit run app/streamlit_app.py`."""

from pathlib import Path

import streamlit as st

from app.components.pages import PAGES
from app.components.present import presenting
from app.components.share import render_share_panel

# A local file: a Material icon here would make the browser fetch the favicon from Google.
FAVICON = Path(__file__).parent / "static" / "favicon.png"

st.set_page_config(page_title="Data Labour Chains", page_icon=str(FAVICON), layout="wide",
                   initial_sidebar_state="expanded")
page = st.navigation(PAGES, position="hidden" if presenting() else "sidebar")
page.run()
if not presenting():
    render_share_panel(page)
