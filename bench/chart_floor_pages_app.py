"""The one-chart floor served as a sub-page (`/chart`), as every page of the app but its home.

Streamlit's browser code, opened at `/chart`, first looks for the server under `/chart`
(`/chart/_stcore/health`), and after the 404 waits 100 ms before trying `/`: a cost of every
page with its own address, which the floor at `/` does not pay. Reported for information.
"""

from pathlib import Path

import streamlit as st


def home() -> None:
    st.write("Hello, world")


floor = st.Page(str(Path(__file__).with_name("chart_floor_app.py")), title="Chart",
                url_path="chart")
st.navigation([st.Page(home, title="Home", default=True), floor], position="hidden").run()
