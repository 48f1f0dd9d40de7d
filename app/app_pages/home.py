"""Home: what the dashboard shows, the three functions of data work, one card per case."""

import streamlit as st

from app.components.cases import render_case_cards
from app.components.data import get_dataset, render_left_out
from app.components.state import drop_unknown_params, render_notices
from app.components.vocabulary import render_functions_explained

drop_unknown_params([])
st.title("Data Labour Chains")
st.markdown(
    "What is sold as an *AI product* is largely a production process. Behind an automated "
    "canteen checkout, a camera that is said to spot shoplifters or a smart speaker, people "
    "prepare the data, check what the model outputs, and sometimes do in real time what the "
    "algorithm is said to do. The work travels through platforms, vendors and sub-contractors "
    "to other countries, and part of it is done, unpaid, by the product's own users."
)
st.markdown(
    "This dashboard shows those chains as the research has documented them: **who** does the "
    "data work, **in which country**, **for whom**, and **through how many intermediaries**. "
    "Every actor, link and task says which source states it and how sure that is — "
    "*documented* by the researchers, *reported* by a secondary source, or *inferred* where "
    "no source says it and the chain would otherwise be broken."
)
render_notices()
dataset = get_dataset()
render_left_out(dataset)

st.header("Three functions of data work")
render_functions_explained()

st.header("Case studies")
render_case_cards(dataset)
