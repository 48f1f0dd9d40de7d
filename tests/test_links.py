"""Every view is a link: links restore their view, and links made by earlier versions still do."""

import json
from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest
from streamlit.testing.v1 import AppTest

from conftest import FIXTURES, PROJECT, run_page

CORPUS = json.loads((FIXTURES / "links.json").read_text(encoding="utf-8"))["links"]
PAGE_FILES = {"": "app_pages/home.py"} | {
    page: f"app_pages/{page}.py" for page in ("chain", "flows", "functions", "compare",
                                               "platforms", "figures", "sources", "upload",
                                               "build")}


def open_link(url: str) -> AppTest:
    parts = urlsplit(url)
    return run_page(PAGE_FILES[parts.path.strip("/")],
                    **dict(parse_qsl(parts.query, keep_blank_values=True)))


def widget_value(at: AppTest, key: str):
    for kind in ("selectbox", "toggle", "multiselect", "button_group"):
        try:
            return getattr(at, kind)(key=key).value
        except KeyError:
            continue
    raise KeyError(key)


@pytest.mark.parametrize("link", CORPUS, ids=lambda link: link["url"])
def test_old_links_keep_opening_the_same_view(link, monkeypatch):
    if "data_dir" in link:
        monkeypatch.setenv("DLC_DATA_DIR", str(PROJECT / link["data_dir"]))
    at = open_link(link["url"])
    for key, expected in link.get("state", {}).items():
        assert widget_value(at, key) == expected, key
    if "shows" in link:
        shown = [*at.markdown, *at.header, *at.title]
        assert any(link["shows"] in str(m.value) for m in shown)


VIEWS = [
    {"chain-case-select": "voice-assistant", "chain-function-select": "verification"},
    {"chain-case-select": "canteen-terminal", "chain-documented-toggle": True},
    {"chain-case-select": "voice-assistant", "chain-actor-select": "japanese-service",
     "chain-physics-toggle": True},
    {"chain-case-select": "retail-video-surveillance", "chain-function-select": "impersonation",
     "chain-documented-toggle": True},
    {"chain-case-select": "canteen-terminal", "chain-layout-select": "columns"},
    {"chain-case-select": "julie-desk", "chain-phase-select": "by-hand"},
]


@pytest.mark.parametrize("view", VIEWS, ids=lambda v: "-".join(map(str, v.values())))
def test_round_trip(view):
    at = run_page("app_pages/chain.py")
    for key, value in view.items():  # set as a user would, one widget at a time
        widget = at.button_group(key=key) if isinstance(value, str) else at.toggle(key=key)
        widget.set_value(value).run()
        assert not at.exception
    url = "/chain?" + urlencode({k: at.query_params[k] for k in at.query_params})
    restored = open_link(url)
    for key, value in view.items():
        assert widget_value(restored, key) == value, (key, url)
