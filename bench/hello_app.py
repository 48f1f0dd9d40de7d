"""The baseline: a hello-world Streamlit app, run with the same Streamlit and settings."""

import streamlit as st

st.write("Hello, world")
