"""The frame around every page: the sidebar on a wide screen, a menu above the page on a phone.

Both hold the same things: the pages, the language switch, the share panel and the talk
builder. On a phone the sidebar starts closed, yet it was drawn all the same, which slowed a
phone's first render (bench/RESULTS.md); Streamlit draws a popover's content only when it is
opened.
"""

from __future__ import annotations

import streamlit as st

from app.components.i18n import render_language_switch, t, with_lang
from app.components.pages import SECTIONS, page
from app.core.devices import is_phone

MENU_KEY = "phone-menu"
# The menu's button sits in the header's empty left corner (where a wide screen has the
# sidebar's button) and stays there while the page scrolls, so it costs the page no space.
# The page shells carry it (app/serve.py): a style element drawn by the page would come after
# the button and move it once on screen.
MENU_STYLE = (f'[class*="st-key-{MENU_KEY}-"] {{ position: fixed; top: .625rem; left: 1rem; '
              "z-index: 999991; width: auto; }")


def on_phone() -> bool:
    """Whether this session's browser is a phone's (its request headers say so)."""
    return is_phone(st.context.headers)


def render_phone_menu(url_path: str):
    """The menu button above the page: the language switch first (one line, the first thing
    a visitor from abroad needs), then every page by section. Returns the menu, where the
    share and talk panels go after the page has run. A menu of its own on each page, so that
    it is closed when the page it opened comes up."""
    menu = st.popover(t("nav.menu"), icon=":material/menu:",
                      key=f"{MENU_KEY}-{url_path or 'home'}")
    render_language_switch(menu, folded=False)
    with menu:
        for section, pages in SECTIONS.items():
            st.caption(t(section))
            for file, _, title, icon in pages:
                st.page_link(page(file), label=t(title), icon=f":material/{icon}:",
                             query_params=with_lang())
    return menu
