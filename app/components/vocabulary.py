"""Legends and explanations of the vocabularies, drawn from the one definition in core.vocab."""

from html import escape

import streamlit as st

from app.charts.chain_graph import legend_html
from app.charts.palette import FUNCTION_COLOURS
from app.core import vocab

FUNCTION_SOURCE = "Tubaro, Casilli & Coville (2020), *Big Data & Society*"


def _swatch(colour: str, label: str, shape: str = "square") -> str:
    radius = "50%" if shape == "dot" else "3px"
    return (f'<span style="display:inline-flex;align-items:center;margin:0 1.1em .3em 0;">'
            f'<span style="width:1em;height:1em;border-radius:{radius};background:{colour};'
            f'border:1px solid #0003;margin-right:.4em;display:inline-block"></span>'
            f"{escape(label)}</span>")


def render_functions_explained() -> None:
    cols = st.columns(len(vocab.FUNCTIONS))
    for col, (function, meaning) in zip(cols, vocab.FUNCTIONS.items()):
        with col.container(border=True):
            st.html(_swatch(FUNCTION_COLOURS[function], function.capitalize()))
            st.markdown(meaning)
    st.caption(f"After {FUNCTION_SOURCE}. Verification and impersonation blur when humans "
               "correct a system in real time; each task shows the function its source names.")


def render_graph_legend() -> None:
    """The chain graph's legend: actor types by colour and shape, certainty by line style."""
    st.html(legend_html())
