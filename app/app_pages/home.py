"""Home: what the dashboard shows, the three functions of data work, one card per case."""

import streamlit as st

from app.components.cases import render_case_cards
from app.components.data import get_dataset, render_left_out
from app.components.i18n import t
from app.components.state import drop_unknown_params, render_notices
from app.components.vocabulary import render_functions_explained

drop_unknown_params([])
st.title(t("app.title"))
st.markdown(t("home.intro") + "\n\n" + t("home.how"))
render_notices()
dataset = get_dataset()
render_left_out(dataset)

st.header(t("home.functions"))
render_functions_explained()

st.header(t("home.cases"))
render_case_cards(dataset)
