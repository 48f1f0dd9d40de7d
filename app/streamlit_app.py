"""Entry point: page configuration and navigation. Run with `streamlit run app/streamlit_app.py`."""

import streamlit as st

from app.components.pages import PAGES

st.set_page_config(page_title="Data Labour Chains", page_icon=":material/account_tree:", layout="wide",
                   initial_sidebar_state="expanded")
st.navigation(PAGES).run()
