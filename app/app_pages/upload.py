"""Add a case: upload a zip of a case folder, or its four CSV files, for this session only."""

import streamlit as st

from app.components.state import drop_unknown_params, render_notices
from app.components.upload import (MAX_UPLOAD_MB, handle, read_csv_uploads, read_zip_upload,
                                   render_session_cases, render_template_download)

drop_unknown_params([])
st.title("Add your own case")
st.markdown(
    "Show a chain you have studied in every view of this dashboard. Your case is checked with "
    "the same validator as the bundled cases, and kept **only in this browser session**: "
    "it is never written to the server's disk and is gone when you close the tab. Start "
    "from the template: a case folder with the headers, two example rows per table and the "
    "data dictionary."
)
render_notices()
render_template_download()

zip_tab, csv_tab = st.tabs(["A zip of a case folder", "The four CSV files"])
with zip_tab:
    with st.form("upload-zip-form"):
        archive = st.file_uploader(f"Case folder as a .zip (at most {MAX_UPLOAD_MB} MB)",
                                   type=["zip"], key="upload-zip")
        zip_submitted = st.form_submit_button("Check and add the case", type="primary")
    if zip_submitted:
        if archive is None:
            st.warning("Choose a .zip file first.")
        else:
            handle(lambda: read_zip_upload(archive), key="upload-zip-result")
with csv_tab:
    with st.form("upload-csv-form"):
        title = st.text_input("Title of the case", max_chars=200, key="upload-title")
        csvs = st.file_uploader("actors.csv, links.csv, tasks.csv and sources.csv",
                                type=["csv"], accept_multiple_files=True, key="upload-csvs")
        csv_submitted = st.form_submit_button("Check and add the case", type="primary")
    if csv_submitted:
        handle(lambda: read_csv_uploads(csvs or [], title), key="upload-csv-result")

render_session_cases()
