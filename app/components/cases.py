"""Case cards and the case picker shared by pages."""

import streamlit as st

from app.components.pages import CHAIN
from app.core.geo import country_name
from app.core.load import Dataset
from app.core.text import escape_markdown

CARDS_PER_ROW = 3


def case_countries(dataset: Dataset, case_id: str) -> list[str]:
    codes = dataset.actors.loc[dataset.actors["case_id"] == case_id, "country"]
    return sorted({country_name(c) for c in codes if c})


def render_case_cards(dataset: Dataset) -> None:
    """One bordered card per case: title, product, countries, size, and a link to its chain."""
    if not dataset.case_ids:
        st.warning("No case could be loaded. Check the messages above, or run "
                   "`python -m app.core.validate data/cases`.")
        return
    rows = [dataset.case_ids[i:i + CARDS_PER_ROW]
            for i in range(0, len(dataset.case_ids), CARDS_PER_ROW)]
    for row in rows:
        for col, case_id in zip(st.columns(CARDS_PER_ROW), row):
            info = dataset.case_info(case_id)
            n_actors = int((dataset.actors["case_id"] == case_id).sum())
            n_links = int((dataset.links["case_id"] == case_id).sum())
            n_tasks = int((dataset.tasks["case_id"] == case_id).sum())
            with col.container(border=True):
                st.subheader(escape_markdown(info["title"]), anchor=False)
                st.markdown(f"**Product:** {escape_markdown(info['product'])}")
                st.markdown("**Countries:** " + escape_markdown(
                    ", ".join(case_countries(dataset, case_id)) or "not given"))
                st.markdown(f"{n_actors} actors · {n_links} links · {n_tasks} tasks")
                if info["origin"] != "bundled":
                    st.caption(f"Loaded from {escape_markdown(info['origin'])}")
                st.page_link(CHAIN, label="Open the chain", icon=":material/account_tree:",
                             query_params={"case": case_id})
