"""The page shell `app/serve.py` answers each page's address with: Streamlit's own, plus the
server's root set before Streamlit's code runs, plus the code and fonts of what the page draws
first, fetched with Streamlit's own."""

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
STREAMLIT_SHELL, page_paths, page_shell, root_path, element_code = (
    serve.STREAMLIT_SHELL, serve.page_paths, serve.page_shell, serve.root_path,
    serve.element_code)
ENTRY_JS = next(serve.STREAMLIT_JS.glob("index.*.js")).read_text(encoding="utf-8")


def test_shell_is_streamlits_own_with_the_root_named_before_its_code():
    original = STREAMLIT_SHELL.read_text(encoding="utf-8")
    shell = page_shell(original, "/")
    assert shell.count(HINT) == 1
    assert shell.index(HINT) < shell.index('<script type="module"')
    assert shell.replace(f'<script>{HINT}"/"}};</script>\n    ', "") == original
    assert page_shell(original, "/", [], []) == shell


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


def test_every_page_has_its_shell():
    urls = [url for pages in SECTIONS.values() for _, url, *_ in pages]
    assert page_paths("/") == {f"/{url}": url for url in urls}
    assert list(page_paths("/dlc/"))[:2] == ["/dlc/", "/dlc/chain"]
    assert set(serve.FIRST_RENDER) == set(urls)


def test_an_elements_code_is_found_in_streamlits_build():
    """Every file exists; Vega's code is there (the file names carry a hash of their content,
    so a new Streamlit renames them: this finds them again or fails here)."""
    js = serve.STREAMLIT_JS
    vega = element_code(ENTRY_JS, serve.VEGA_CHART)
    assert vega[0].startswith("ArrowVegaLiteChart.")
    assert {name.split(".")[0] for name in vega} >= {"embed", "vega-interpreter", "Quiver"}
    named = {element for elements in serve.FIRST_RENDER.values() for element in elements}
    for element in named:
        files = element_code(ENTRY_JS, element)
        assert files and files[0].startswith(f"{element}."), element
        assert all((js / name).is_file() and name.endswith(".js") for name in files), element
    assert element_code(ENTRY_JS, "NoSuchElement") == []


def test_fonts_are_found_in_streamlits_build():
    media = serve.STREAMLIT_FONTS
    for families in serve.FONTS.values():
        assert [name.split(".")[0] for name in serve.font_files(media, list(families))] == list(
            families)


def test_shell_preloads_only_what_streamlits_shell_does_not():
    original = STREAMLIT_SHELL.read_text(encoding="utf-8")
    vega = element_code(ENTRY_JS, serve.VEGA_CHART)
    shell = page_shell(original, "/", vega, ["SourceSansVF-Italic.ttf.X.woff2"])
    links = [line.strip() for line in shell.splitlines() if line not in original.splitlines()]
    added = [name for name in vega if f'"./static/js/{name}"' not in original]
    assert 10 < len(added) < len(vega)  # Streamlit already preloads the modules all share
    assert links[1:-1] == [f'<link rel="modulepreload" fetchpriority="low" crossorigin '
                           f'href="./static/js/{name}">' for name in added]
    assert links[-1] == ('<link rel="preload" href="./static/media/SourceSansVF-Italic.ttf.X.'
                         'woff2" as="font" type="font/woff2" crossorigin>')
    assert shell.index(links[-1]) < shell.index("</head>")


def test_each_page_is_answered_with_its_own_shell():
    shells = serve.page_shells("/")
    assert set(shells) == set(page_paths("/"))
    assert "ArrowVegaLiteChart." in shells["/flows"] and "IFrame." in shells["/chain"]
    assert "ArrowVegaLiteChart." not in shells["/"] + shells["/sources"]
    assert all(HINT in shell for shell in shells.values())
    # Buttons and pills wait in pop-overs but on the build page, whose table chooser is in view.
    assert [path for path, shell in shells.items() if "ButtonGroup." in shell] == ["/build"]
    assert "SourceCodeVF-Upright" in shells["/sources"]


def test_every_shell_places_the_phones_menu_before_the_page_draws():
    from app.components.frame import MENU_KEY, MENU_STYLE

    assert f'[class*="st-key-{MENU_KEY}-"]' in MENU_STYLE and "position: fixed" in MENU_STYLE
    for shell in serve.page_shells("/").values():
        assert shell.index(f"<style>{MENU_STYLE}</style>") < shell.index("</head>")
    assert "<style>" not in page_shell(STREAMLIT_SHELL.read_text(encoding="utf-8"), "/")
