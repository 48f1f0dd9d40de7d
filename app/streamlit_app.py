"""Entry point: page configuration, language and navigation.

Run with `streamlit run app/streamlit_app.py`.
"""

import streamlit as st

from app.components.failover import (mark_uploads_in_link, render_lost_uploads,
                                     rerun_on_reconnect)
from app.components.frame import on_phone, render_phone_menu
from app.components.housekeeping import note_run
from app.components.i18n import choose_language, current_language, render_language_switch
from app.components.pages import build_pages
from app.components.present import apply_embedded_style, presenting, talking
from app.components.share import render_share_panel
from app.components.talk import play_talk, render_talk_builder
from app.components.versions import apply_version_pins, notice_slot, render_version_notice
from app.core.i18n import translate

# The app's static folder (`app/static/favicon.png`), by its address, which the browser puts
# after the server's: a Material icon here would make the browser fetch the favicon from
# Google, and a file path would be read and hashed again on every run.
FAVICON = "/app/static/favicon.png"

note_run()  # memory is tidied once runs stop for a while

# The sidebar starts open on a wide screen and closed on a narrow one ("auto"), so that a QR
# code's link shows the page, not the menu; a phone has a menu above the page instead
# (app/components/frame.py). Presenting, or embedded in an article (`?embed=true`), there is
# neither: the language then comes from the link (or the browser), and the page keeps to its
# content.
bare = presenting() or st.context.is_embedded
phone = not bare and on_phone()
lang = current_language() if bare else choose_language()
st.set_page_config(page_title=translate("app.title", lang), page_icon=FAVICON,
                   layout="wide", initial_sidebar_state="collapsed" if bare or phone else "auto")
if st.context.is_embedded:
    apply_embedded_style()
page = st.navigation(build_pages(lang), position="hidden" if bare or phone else "sidebar")
if bare:
    frame = None
elif phone:
    frame = render_phone_menu(page.url_path)
else:
    frame = st.sidebar  # under the navigation, which Streamlit puts first
    render_language_switch(frame)
# Before the page, which may stop the run (presentation mode, an embedded chain): behind a
# load balancer, a page whose replica died reruns on the live one at once, and the link names
# this session's uploaded cases, so that another replica can say they are gone.
rerun_on_reconnect()
render_lost_uploads(lang)
mark_uploads_in_link()
apply_version_pins()  # a link citing a data version shows that version on every page
slot = notice_slot(page.url_path)
try:
    if talking():  # a talk plays its own views, whichever page its link opens
        play_talk(page.url_path)
    else:
        page.run()
finally:  # also when the page stops early: the notice must say which data are shown
    if slot is not None:
        render_version_notice(slot, page.url_path)
if frame is not None:
    render_share_panel(page, frame)
    render_talk_builder(page.url_path, frame)
