"""Downloads whose contents are safe to open: CSV cells never run as spreadsheet formulas."""

import pandas as pd
import streamlit as st

from app.components.i18n import t
from app.core.text import neutralise_formula


def safe_csv(frame: pd.DataFrame) -> bytes:
    """UTF-8 CSV (with BOM, so spreadsheets pick the encoding) with formula-like cells quoted."""
    cleaned = frame.copy()
    for col in cleaned.columns:
        if cleaned[col].dtype == object or pd.api.types.is_string_dtype(cleaned[col]):
            cleaned[col] = cleaned[col].map(neutralise_formula)
    cleaned.columns = [neutralise_formula(str(c)) for c in cleaned.columns]
    return cleaned.to_csv(index=False).encode("utf-8-sig")


def render_csv_download(frame: pd.DataFrame, file_name: str, *, key: str,
                        label: str | None = None) -> None:
    """A CSV download button; the label defaults to "Download this table (CSV)", translated."""
    # Built only when clicked: most tables on a page are never downloaded.
    st.download_button(label or t("downloads.table_csv"), lambda: safe_csv(frame),
                       file_name=file_name,
                       mime="text/csv", key=key, icon=":material/download:", on_click="ignore")
