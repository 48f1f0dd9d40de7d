"""Legends and explanations of the vocabularies, drawn from the one definition in core.vocab."""

from html import escape

import streamlit as st

from app.charts.chain_graph import ChainGraph, legend_html
from app.charts.palette import FUNCTION_COLOURS
from app.components.i18n import current_language, t
from app.core import vocab
from app.core.i18n import vocab_label, vocab_meaning

# A reference: the same in every language.
FUNCTION_SOURCE = "Tubaro, Casilli & Coville (2020), *Big Data & Society*"


def _swatch(colour: str, label: str, shape: str = "square") -> str:
    radius = "50%" if shape == "dot" else "3px"
    return (f'<span style="display:inline-flex;align-items:center;margin:0 1.1em .3em 0;">'
            f'<span style="width:1em;height:1em;border-radius:{radius};background:{colour};'
            f'border:1px solid #0003;margin-right:.4em;display:inline-block"></span>'
            f"{escape(label)}</span>")


def render_functions_explained() -> None:
    lang = current_language()
    cols = st.columns(len(vocab.FUNCTIONS))
    for col, function in zip(cols, vocab.FUNCTIONS):
        with col.container(border=True):
            st.html(_swatch(FUNCTION_COLOURS[function], vocab_label("function", function, lang)))
            st.markdown(vocab_meaning("function", function, lang))
    st.caption(t("vocabulary.functions_note", source=FUNCTION_SOURCE))


def render_graph_legend(graph: ChainGraph | None = None) -> None:
    """The chain graph's legend: actor types by colour and shape, certainty by line style;
    with `graph`, only those it draws."""
    st.html(legend_html(current_language(), graph))
