"""Legends and explanations of the vocabularies, drawn from the one definition in core.vocab."""

from html import escape

import streamlit as st

from app.charts.palette import ACTOR_TYPE_COLOURS, CERTAINTY_CSS, FUNCTION_COLOURS
from app.core import vocab
from app.core.tables import words

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


def render_actor_legend() -> None:
    items = []
    for actor_type in vocab.ACTOR_TYPES:
        shape = "square" if actor_type == "end_user" else "dot"
        items.append(_swatch(ACTOR_TYPE_COLOURS[actor_type], words(actor_type), shape))
    st.html('<div style="line-height:1.6">' + "".join(items) + "</div>")


def render_certainty_legend() -> None:
    items = [
        f'<span style="display:inline-flex;align-items:center;margin:0 1.1em .3em 0;">'
        f'<span style="width:2.2em;border-top:3px {CERTAINTY_CSS[c]} #444;margin-right:.4em;'
        f'display:inline-block"></span>{escape(c)}</span>'
        for c in vocab.CERTAINTIES
    ]
    st.html('<div style="line-height:1.6">Links: ' + "".join(items) + "</div>")
