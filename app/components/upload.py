"""Bringing a case in for this session: the upload form, its checks, and its messages."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from app.components.data import get_dataset, session_uploads
from app.components.downloads import render_csv_download
from app.components.i18n import current_language, t, tn, with_lang
from app.components.pages import CHAIN, COMPARE, FLOWS, FUNCTIONS, page
from app.core.errors import DataError, Problem
from app.core.i18n import localized_value
from app.core.load import DATA_DIR, ORIGIN_UPLOAD, add_case
from app.core.text import escape_markdown
from app.core.upload import (MAX_UPLOAD_BYTES, UploadedCase, UploadError, check_size,
                             from_csv_files, read_zip, template_zip)

MAX_PROBLEMS_LISTED = 50
MAX_UPLOAD_MB = MAX_UPLOAD_BYTES // 2**20
PROBLEM_COLUMNS = ("file", "line", "column", "value", "message")
# A problem is often a sentence or two (a whole row's, say): past what one line of the wide
# "Problem" column holds, the list's rows are four lines high, and the grid wraps text in rows
# taller than 4rem, so no problem is cut.
ONE_LINE_CHARS = 70
WRAPPED_ROW_HEIGHT = 96


def check_upload(case: UploadedCase) -> list[Problem]:
    """The validator's problems for an upload, checked against the cases already loaded."""
    try:
        add_case(get_dataset(), case.files, case.case_id, ORIGIN_UPLOAD)
    except DataError as error:
        return error.problems
    return []


def accept(case: UploadedCase) -> None:
    session_uploads()[case.case_id] = case


def read_zip_upload(uploaded) -> UploadedCase:
    data = uploaded.getvalue()
    return read_zip(uploaded.name, data)


def read_csv_uploads(uploaded_files, title: str) -> UploadedCase:
    files = {}
    for uploaded in uploaded_files:
        data = uploaded.getvalue()
        check_size(uploaded.name, data)
        files[uploaded.name] = data
    return from_csv_files(files, title)


def render_problems_list(problems: list[Problem], *, key: str, summary: str | None = None,
                         line_label: str | None = None,
                         file_name: str = "upload-problems.csv") -> None:
    """Every problem, worded as the validator words it, and the list as a download.

    `summary` replaces the upload's "not added" line; `line_label` names the line column
    (a case built in the browser numbers rows, not file lines)."""
    lang = current_language()
    st.error(summary or t("upload.refused", problems=tn("count.problems", len(problems))),
             icon=":material/error:")
    frame = pd.DataFrame([p.as_row(lang) for p in problems], columns=list(PROBLEM_COLUMNS))
    # A problem of the whole package (its title, say) has no line: an empty cell, not "None".
    frame["line"] = ["" if pd.isna(n) else str(int(n)) for n in frame["line"]]
    names = {c: line_label if c == "line" and line_label else t(f"upload.column.{c}")
             for c in PROBLEM_COLUMNS}
    frame.columns = list(names.values())
    shown = frame.head(MAX_PROBLEMS_LISTED)
    long = shown[names["message"]].str.len().max() > ONE_LINE_CHARS if len(shown) else False
    st.dataframe(shown, hide_index=True, key=f"{key}-table",
                 row_height=WRAPPED_ROW_HEIGHT if long else None,
                 column_config={names["line"]: st.column_config.TextColumn(width="small"),
                                names["message"]: st.column_config.TextColumn(width="large")})
    if len(problems) > MAX_PROBLEMS_LISTED:
        st.caption(t("upload.first_shown", shown=MAX_PROBLEMS_LISTED))
    render_csv_download(frame, file_name, key=f"{key}-download",
                        label=t("upload.download_problems"))


def render_success(case_id: str, title: str) -> None:
    st.success(t("upload.added", title=escape_markdown(title)), icon=":material/check_circle:")
    links = [(CHAIN, "upload.link.chain", {"case": case_id}),
             (FLOWS, "upload.link.flows", {"cases": case_id}),
             (FUNCTIONS, "upload.link.functions", {"cases": case_id}),
             (COMPARE, "upload.link.compare", {})]
    for col, (file, label, params) in zip(st.columns(len(links)), links):
        col.page_link(page(file), label=t(label), query_params=with_lang(params))


def render_template_download() -> None:
    dictionary = (DATA_DIR / "README.md").read_bytes()
    st.download_button(t("upload.template"), template_zip(dictionary),
                       file_name="case-template.zip", mime="application/zip",
                       key="upload-template-download", icon=":material/download:",
                       on_click="ignore")


def render_session_cases() -> None:
    uploads = session_uploads()
    if not uploads:
        return
    st.subheader(t("upload.session_cases"), anchor=False)
    dataset = get_dataset()
    lang = current_language()
    for case_id in list(uploads):
        cols = st.columns([5, 1])
        title = (localized_value(dataset.case_info(case_id), "title", lang)
                 if case_id in dataset.case_ids else case_id)
        cols[0].markdown(f"**{escape_markdown(title)}** (`{escape_markdown(case_id)}`)")
        if cols[1].button(t("upload.remove"), key=f"upload-remove-{case_id}"):
            del uploads[case_id]
            st.rerun()


def handle(reader, key: str) -> None:
    """Read, check and accept an upload, or list why not."""
    try:
        case = reader()
    except UploadError as error:
        render_problems_list(error.problems, key=key)
        return
    problems = check_upload(case)
    if problems:
        render_problems_list(problems, key=key)
        return
    accept(case)
    info = get_dataset().case_info(case.case_id)
    render_success(case.case_id, localized_value(info, "title", current_language()))

