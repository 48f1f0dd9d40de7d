"""The case dossier download: one offline HTML file of the case at the data version shown."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import streamlit as st

from app.charts.dossier import DossierInput, dossier_html
from app.components.data import PINNED_CASES_KEY, get_dataset
from app.components.i18n import current_language, t
from app.components.versions import with_data_versions
from app.core.load import CASES_DIR, DATA_DIR_VARIABLE, ORIGIN_BUNDLED, ORIGIN_DATA_DIR
from app.core.share import app_version
from app.core.versions import package_of, release_folder

FALLBACK_BASE = "http://localhost:8501/"


def shown_package(case_id: str, origin: str) -> dict:
    """The datapackage.json of the version of a case on screen (pinned or current)."""
    if origin == ORIGIN_BUNDLED:
        pinned = st.session_state.get(PINNED_CASES_KEY, {}).get(case_id)
        return package_of(release_folder(case_id, pinned) if pinned else CASES_DIR / case_id)
    extra = os.environ.get(DATA_DIR_VARIABLE, "").strip()
    if origin == ORIGIN_DATA_DIR and extra:
        return package_of(Path(extra) / case_id)
    return {}


def case_link(case_id: str) -> str:
    """The chain page of one case, at the data version shown, in the current language."""
    scheme, netloc, *_ = urlsplit(st.context.url or FALLBACK_BASE)
    if scheme not in ("http", "https"):
        scheme, netloc, *_ = urlsplit(FALLBACK_BASE)
    url = urlunsplit((scheme, netloc, "/chain", f"case={case_id}&lang={current_language()}", ""))
    return with_data_versions(url, "chain", [case_id])


def render_dossier_download(case_id: str, file_name: str) -> None:
    """A button that downloads the case as one self-contained HTML file (made on click)."""
    dataset = get_dataset()
    info = dataset.case_info(case_id)
    given = DossierInput(dataset.only(case_id), case_id, shown_package(case_id, info["origin"]),
                         case_link(case_id), app_version(), dt.date.today(), current_language())
    st.download_button(t("dossier.download"), lambda: dossier_html(given), file_name=file_name,
                       mime="text/html", key="chain-dossier-download", help=t("dossier.help"),
                       icon=":material/folder_zip:", on_click="ignore")
