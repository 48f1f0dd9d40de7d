"""The page shell `app/serve.py` answers a page's address with: Streamlit's own, plus the
server's root set before Streamlit's code runs, at every page's address but the home's."""

from __future__ import annotations

import pytest
from streamlit import config

from app.components.pages import SECTIONS

HINT = "window.__streamlit = {BACKEND_BASE_URL: location.origin + "


def _import_serve():
    """Import app.serve, whose `st.App` names the process's main script, then forget that
    name again, so that the other tests of this process read the config as before."""
    kept = config._main_script_path
    try:
        import app.serve as serve
    finally:
        config._main_script_path = kept
    return serve


serve = _import_serve()
STREAMLIT_SHELL, page_paths, page_shell, root_path = (
    serve.STREAMLIT_SHELL, serve.page_paths, serve.page_shell, serve.root_path)


def test_shell_is_streamlits_own_with_the_root_named_before_its_code():
    original = STREAMLIT_SHELL.read_text(encoding="utf-8")
    shell = page_shell(original, "/")
    assert shell.count(HINT) == 1
    assert shell.index(HINT) < shell.index('<script type="module"')
    assert shell.replace(f'<script>{HINT}"/"}};</script>\n    ', "") == original


def test_shell_names_a_base_url_path():
    shell = page_shell(STREAMLIT_SHELL.read_text(encoding="utf-8"), "/dlc/")
    assert f'{HINT}"/dlc/"}}' in shell


@pytest.mark.parametrize(("option", "root"), [("", "/"), ("dlc", "/dlc/"), ("/a/b/", "/a/b/")])
def test_root_follows_the_base_url_path_option(option, root):
    config.set_option("server.baseUrlPath", option)
    try:
        assert root_path() == root
    finally:
        config.set_option("server.baseUrlPath", "")


def test_every_page_but_home_has_its_shell():
    urls = [url for pages in SECTIONS.values() for _, url, *_ in pages]
    assert page_paths("/") == [f"/{url}" for url in urls if url]
    assert "/chain" in page_paths("/") and "/" not in page_paths("/")
    assert page_paths("/dlc/")[0] == "/dlc/chain"
