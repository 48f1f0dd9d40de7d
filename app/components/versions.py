"""Views pinned to a data version: the `v` link parameter, the notice, and the cited link.

A link's `v=voice-assistant:1.0.0` (pairs separated by commas, `reference:1.0.0` for the
reference tables; a bare `v=1.0.0` pins every package that has that version) makes every page
of this session show those packages as released in that version. The pin is kept for the
session, like the language, so that the reader can move between pages; the notice on every
page says which version is shown, what changed since, and links to the same view on the
current data. A version never released shows the current data with a notice.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import streamlit as st

from app.components.data import (PINNED_CASES_KEY, PINNED_REFERENCE_KEY, get_dataset,
                                 get_reference)
from app.components.i18n import current_language, t
from app.components.state import notice
from app.core.errors import UnknownCase
from app.core.i18n import localized_value, translate
from app.core.load import CASES_DIR, ORIGIN_DATA_DIR, ORIGIN_UPLOAD, REFERENCE_DIR
from app.core.text import markdown_link
from app.core.version_text import notice_markdown
from app.core.versions import (REFERENCE_PACKAGE, PinOutcome, format_pins, package_of,
                               parse_pins, released_versions, resolve_pins)

VERSION_PARAM = "v"
REQUEST_KEY = "data-pin-request"
OUTCOMES_KEY = "data-pin-outcomes"
# Pages whose views show the reference tables: their links name the reference's version too.
REFERENCE_PAGES = ("platforms", "figures", "sources")
MAX_NOTICES = 3
# Characters left as they are in the `v` value of a shared link, so that it stays readable.
_READABLE = ":,"


def _bundled_versions() -> dict[str, str]:
    """The current version of every bundled package (case folders and the reference)."""
    versions = {}
    folders = sorted(p for p in CASES_DIR.iterdir() if p.is_dir() and not p.name.startswith("."))
    for folder in folders + [REFERENCE_DIR]:
        version = str(package_of(folder).get("version", ""))
        if version:
            versions[REFERENCE_PACKAGE if folder == REFERENCE_DIR else folder.name] = version
    return versions


def _clear() -> None:
    for key in (PINNED_CASES_KEY, PINNED_REFERENCE_KEY, OUTCOMES_KEY):
        st.session_state.pop(key, None)


def apply_version_pins() -> None:
    """Before the page runs: read `v` from the link (or keep this session's), and set which
    released versions the data of this run come from."""
    raw = st.query_params.get(VERSION_PARAM)
    if raw is None:
        raw = st.session_state.get(REQUEST_KEY)
        if raw:
            st.query_params[VERSION_PARAM] = raw  # moving to another page keeps the version
    first_time = raw != st.session_state.get(REQUEST_KEY)
    st.session_state[REQUEST_KEY] = raw
    if not raw:
        _clear()
        return
    request = parse_pins(raw)
    current = _bundled_versions()
    dataset = get_dataset()
    # Cases of `DLC_DATA_DIR` have no kept releases: only their current version can be shown.
    outside = dataset.cases[dataset.cases["origin"] == ORIGIN_DATA_DIR]
    current |= {c: v for c, v in zip(outside["case_id"], outside["version"]) if v}
    if request.bare:
        pins = {p: request.bare for p in current
                if request.bare == current[p] or request.bare in released_versions(p)}
        if not pins:  # no package has it: say so once, for the whole link
            pins = {p: request.bare for p in current if p != REFERENCE_PACKAGE}
    else:
        pins = request.pins
    aliases = dataset.case_aliases()
    unknown = [p for p in pins if p not in current and p not in aliases]
    if first_time:
        # A few notices say it; a link made of fifty bad parts does not fill the page.
        for part in request.unreadable[:MAX_NOTICES]:
            notice(VERSION_PARAM, part, "state.reason.version_format")
        for package in unknown[:MAX_NOTICES]:
            notice(VERSION_PARAM, f"{package}:{pins[package]}", "state.reason.no_such_package")
    if request.unreadable or unknown:  # the link keeps what it can use, as other settings do
        pins = {p: v for p, v in pins.items() if p not in unknown}
        raw = format_pins(pins) if not request.bare else request.bare
        st.session_state[REQUEST_KEY] = raw
        if raw:
            st.query_params[VERSION_PARAM] = raw
        else:
            del st.query_params[VERSION_PARAM]
    pins = {aliases.get(p, p): v for p, v in pins.items()}
    outcomes = resolve_pins(pins, current)
    st.session_state[PINNED_CASES_KEY] = {o.package: o.shown for o in outcomes
                                          if o.is_old and o.package != REFERENCE_PACKAGE}
    st.session_state[PINNED_REFERENCE_KEY] = next(
        (o.shown for o in outcomes if o.is_old and o.package == REFERENCE_PACKAGE), None)
    st.session_state[OUTCOMES_KEY] = [o for o in outcomes if o.is_old or not o.found]


def _url_with(page_url: str, params: dict[str, str]) -> str:
    scheme, netloc, path, _, _ = urlsplit(page_url)
    query = urlencode(sorted((k, v) for k, v in params.items() if v != ""), safe=_READABLE)
    return urlunsplit((scheme, netloc, path, query, ""))


def current_data_url(url_path: str) -> str:
    """This view's address without its data version: the same view on the current data."""
    page_url = st.context.url or f"http://localhost:8501/{url_path}"
    params = {k: st.query_params.get(k, "") for k in st.query_params}
    for param in (VERSION_PARAM, "embed", "embed_options"):
        params.pop(param, None)
    return _url_with(page_url, params)


def _label(package: str, lang: str) -> str:
    if package == REFERENCE_PACKAGE:
        return translate("version.reference", lang)
    try:
        title = localized_value(get_dataset().case_info(package), "title", lang)
    except UnknownCase:  # a case gone from the data is named by its id
        title = package
    return translate("version.case_label", lang, title=title)


def _current_package(package: str) -> dict:
    return package_of(REFERENCE_DIR if package == REFERENCE_PACKAGE else CASES_DIR / package)


def render_version_notice(slot, url_path: str) -> None:
    """Fill `slot` (made before the page ran, so that the notice stands above it) with one
    notice per package shown in another version than the current one, or never released."""
    outcomes: list[PinOutcome] = st.session_state.get(OUTCOMES_KEY) or []
    if not outcomes:
        return
    lang = current_language()
    link = markdown_link(t("version.current_link"), current_data_url(url_path))
    with slot.container():
        for outcome in outcomes:
            text = notice_markdown(outcome, _label(outcome.package, lang),
                                   _current_package(outcome.package),
                                   released_versions(outcome.package), lang)
            if outcome.is_old:
                st.warning(f"{text}\n\n{link}", icon=":material/history:")
            else:
                st.info(f"{text}\n\n{link}", icon=":material/info:")


def notice_slot(url_path: str):
    """The version notice above the page, shown at once; `render_version_notice` fills it
    again once the page has run, so that its link carries the settings the page has just
    written into the address."""
    if not st.session_state.get(OUTCOMES_KEY):
        return None
    slot = st.empty()
    render_version_notice(slot, url_path)
    return slot


def view_versions(url_path: str, case_ids: list[str]) -> dict[str, str]:
    """The data version of each package a view shows, as shown (pinned or current).

    `case_ids` are the cases the page says it shows; none means every case (uploads left
    out: nobody else can open them). Reference pages add the reference's version.
    """
    dataset = get_dataset()
    cases = dataset.cases[dataset.cases["origin"] != ORIGIN_UPLOAD]
    if case_ids:
        cases = cases[cases["case_id"].isin(case_ids)]
    versions = {c: v for c, v in zip(cases["case_id"], cases["version"]) if v}
    if url_path in REFERENCE_PAGES:
        reference = get_reference() if url_path else None
        if reference is not None and reference.package.get("version"):
            versions[REFERENCE_PACKAGE] = str(reference.package["version"])
    return versions


def with_data_versions(url: str, url_path: str, case_ids: list[str]) -> str:
    """A view's link naming the data version it shows (`v=`), so that it reopens as cited."""
    versions = view_versions(url_path, case_ids)
    scheme, netloc, path, query, _ = urlsplit(url)
    params = dict(parse_qsl(query, keep_blank_values=True))
    params.pop(VERSION_PARAM, None)
    if versions:
        params[VERSION_PARAM] = format_pins(versions)
    return _url_with(urlunsplit((scheme, netloc, path, "", "")), params)
