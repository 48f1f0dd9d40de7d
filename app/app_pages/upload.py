"""Add a case: upload a zip of a case folder, or its four CSV files, for this session only."""

import streamlit as st

from app.components.i18n import t
from app.components.state import drop_unknown_params, render_notices
from app.components.upload import (MAX_UPLOAD_MB, handle, read_csv_uploads, read_zip_upload,
                                   render_session_cases, render_template_download)

drop_unknown_params([])
st.title(t("page.upload"))
st.markdown(t("upload.intro"))
render_notices()
render_template_download()

zip_tab, csv_tab = st.tabs([t("upload.tab.zip"), t("upload.tab.csv")])
with zip_tab:
    with st.form("upload-zip-form"):
        archive = st.file_uploader(t("upload.zip_label", size=MAX_UPLOAD_MB), type=["zip"],
                                   key="upload-zip")
        zip_submitted = st.form_submit_button(t("upload.submit"), type="primary")
    if zip_submitted:
        if archive is None:
            st.warning(t("upload.choose_zip"))
        else:
            handle(lambda: read_zip_upload(archive), key="upload-zip-result")
with csv_tab:
    with st.form("upload-csv-form"):
        title = st.text_input(t("upload.title_label"), max_chars=200, key="upload-title")
        csvs = st.file_uploader(t("upload.csv_label"), type=["csv"], accept_multiple_files=True,
                                key="upload-csvs")
        csv_submitted = st.form_submit_button(t("upload.submit"), type="primary")
    if csv_submitted:
        handle(lambda: read_csv_uploads(csvs or [], title), key="upload-csv-result")

render_session_cases()
