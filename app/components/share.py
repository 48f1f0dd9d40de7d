"""The share panel on every page: the view's link, a QR code of it, and a ready citation."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from app.components.chain import FIGURE_KEY, FIGURE_TYPES, download_name
from app.components.cited_sources import render_cited_sources
from app.components.data import data_files_stamp, get_dataset
from app.components.i18n import current_language, t
from app.components.versions import with_data_versions
from app.core.share import citation_bibtex, citation_text, data_version, qr_code, view_url

VIEW_TITLE_KEY = "share-view-title"
VIEW_CASES_KEY = "share-view-cases"
SHARE_PANEL_KEY = "share-panel"
FALLBACK_BASE = "http://localhost:8501/"


def describe_view(title: str, case_ids: list[str] | None = None) -> None:
    """Called by a page: how its current view is named in citations (in the current language),
    and which cases it shows."""
    st.session_state[VIEW_TITLE_KEY] = title
    st.session_state[VIEW_CASES_KEY] = list(case_ids or [])


def current_view_url(url_path: str) -> str:
    """The absolute link to what is on screen now: this page and its URL parameters."""
    page_url = st.context.url or FALLBACK_BASE + url_path
    params = {k: st.query_params.get(k, "") for k in st.query_params}
    params.pop("embed", None)
    params.pop("embed_options", None)
    return view_url(page_url, params)


def render_share_panel(page, where) -> None:
    """In `where` (the sidebar, or the phone's menu): link, QR code (PNG and SVG), and the
    citation as text and BibTeX."""
    title = st.session_state.pop(VIEW_TITLE_KEY, page.title)
    case_ids = st.session_state.pop(VIEW_CASES_KEY, [])
    figure = st.session_state.pop(FIGURE_KEY, None)
    panel = where.expander(t("share.title"), icon=":material/share:", key=SHARE_PANEL_KEY,
                           on_change="rerun")
    if not panel.open:
        # Filled only when opened: most views are never cited, and the panel's QR code and
        # code blocks would cost every run and every first load.
        return
    lang = current_language()
    url = with_data_versions(current_view_url(page.url_path), page.url_path, case_ids)
    data = data_version(get_dataset(), case_ids, data_files_stamp(), lang=lang)
    today = dt.date.today()
    slug = page.url_path or "home"
    with panel:
        st.caption(t("share.link"))
        st.code(url, language=None, wrap_lines=True)
        png = qr_code(url, "png")
        st.image(png, caption=t("share.qr"), width=180, alt=t("share.qr"))
        cols = st.columns(2)
        cols[0].download_button(t("share.qr_png"), png, file_name=f"qr_{slug}_{today}.png",
                                mime="image/png", key="share-qr-png", on_click="ignore")
        cols[1].download_button(t("share.qr_svg"), lambda: qr_code(url, "svg"),
                                file_name=f"qr_{slug}_{today}.svg", mime="image/svg+xml",
                                key="share-qr-svg", on_click="ignore")
        st.caption(t("share.cite"))
        st.code(citation_text(title, url, data, today, lang=lang), language=None,
                wrap_lines=True)
        st.code(citation_bibtex(title, url, data, today, slug, lang=lang), language="latex",
                wrap_lines=True)
        if figure is not None:
            files, case_id = figure
            st.caption(t("share.figure"))
            cols = st.columns(3)
            for col, kind in zip(cols, FIGURE_TYPES):
                col.download_button(t(f"figure.{kind}"), files[kind],
                                    file_name=download_name(case_id, "chain-figure", kind),
                                    mime=FIGURE_TYPES[kind], key=f"share-figure-{kind}",
                                    on_click="ignore")
        render_cited_sources(page.url_path, case_ids)
