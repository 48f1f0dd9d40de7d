"""What `streamlit run app/serve.py` serves: the app, with each page's address answered by
Streamlit's own page shell plus what Streamlit cannot know: the server's root, the code and
fonts the page's first render needs, and where a phone's menu sits.

Why: a cited link or a QR code opens a page's own address (`/chain?case=...`).
- Streamlit's frontend cannot tell whether `/chain` is a page or the prefix the app is served
  under, so it first asks `/chain/_stcore/health`, waits after the 404 and only then asks
  `/_stcore/health`: 0.1 s and one more round trip before every cited view starts. It reads
  the root from `window.__streamlit` when a host sets it; the shell sets it.
- Streamlit fetches an element's code when the element first arrives, after the page's
  script has run: a chart's (Vega, 26 files) only then starts downloading. The shell names
  those files, so the browser fetches and compiles them while the script runs (at low
  priority, behind what the app needs to start).
- A phone's menu sits in the header (app/components/frame.py): styled by the page itself,
  it would first appear above the title and then move.
The same app also runs without it (`streamlit run app/streamlit_app.py`), only slower.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path

import streamlit
from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.routing import Route
from streamlit import config
from streamlit.starlette import App

from app.components.frame import MENU_STYLE
from app.components.pages import SECTIONS

STREAMLIT_STATIC = Path(streamlit.__file__).parent / "static"
STREAMLIT_SHELL = STREAMLIT_STATIC / "index.html"
STREAMLIT_JS = STREAMLIT_STATIC / "static" / "js"
STREAMLIT_FONTS = STREAMLIT_STATIC / "static" / "media"

# What each page draws on its first render, by the name of Streamlit's browser code for each
# kind of element; the code of anything drawn later still comes when it is drawn. Buttons and
# pills (the language switch, the case and topic choosers) wait in pop-overs, drawn when
# opened (app/components/i18n.py, app/components/state.py), so only the build page, whose
# table chooser is in view, needs their code ("ButtonGroup") at once.
# tests/browser/test_pages.py and test_phone.py check that a page fetches nothing on first
# render that its shell does not name.
VEGA_CHART, IFRAME = "ArrowVegaLiteChart", "IFrame"
FIRST_RENDER = {
    "": ("Html", "PageLink"),
    "chain": (IFRAME, "Html", "Checkbox", "DownloadButton", "PageLink"),
    "flows": (VEGA_CHART, "PageLink"),
    "functions": (VEGA_CHART, "PageLink"),
    "compare": (VEGA_CHART, "PageLink"),
    "platforms": (VEGA_CHART,),
    "figures": (VEGA_CHART,),
    "sources": (),
    "upload": ("FileUploader", "TextInput", "DownloadButton"),
    "build": ("ButtonGroup", "Selectbox", "Checkbox", "TextInput", "TextArea", "Button",
              "DataFrame", "DownloadButton"),
}
# Streamlit's fonts a page's first render uses beyond the upright text face its shell
# preloads: icons, italics (captions, notes), and code (source keys).
FONTS = {"every": ("MaterialSymbols-Rounded", "SourceSansVF-Italic"),
         "sources": ("SourceCodeVF-Upright",), "build": ("SourceCodeVF-Upright",)}


def root_path() -> str:
    """The app's root as the browser sees it: `/`, or `/<server.baseUrlPath>/`."""
    base = (config.get_option("server.baseUrlPath") or "").strip("/")
    return f"/{base}/" if base else "/"


def element_code(entry_js: str, element: str) -> list[str]:
    """The files of Streamlit's browser code that draw one kind of element: its module and
    every module that one imports, as the build lists them to fetch side by side
    (`import("./<Element>.<hash>.js"), __vite__mapDeps([...])` in the entry file)."""
    table = re.search(r"m\.f=\[([^\]]*)\]", entry_js)
    found = re.search(r"import\([`\"]\./(" + re.escape(element) + r"\.[\w-]+\.js)[`\"]\)"
                      r"(?:\.then\([^)]*\))?,__vite__mapDeps\(\[([\d,]+)\]\)", entry_js)
    if table is None or found is None:
        return []
    files = [path.rsplit("/", 1)[-1]  # "./X.js", and "../css/X.css" for the styles
             for path in re.findall(r"[\"`]([^\"`]+)[\"`]", table.group(1))]
    deps = [files[int(i)] for i in found.group(2).split(",")]
    # Styles are left to Streamlit, which adds them as style sheets (only the table has one).
    return [name for name in dict.fromkeys([found.group(1), *deps]) if name.endswith(".js")]


def font_files(media: Path, families: list[str]) -> list[str]:
    """Streamlit's font files (`static/media/<family>.<hash>.woff2`) of these families."""
    return [path.name for family in families for path in sorted(media.glob(f"{family}.*woff2"))]


def page_shell(streamlit_shell: str, root: str, modules: Sequence[str] = (),
               fonts: Sequence[str] = (), style: str = "") -> str:
    """Streamlit's page shell with the server's root set before its code runs, these files
    of its code (`static/js/`) and fonts (`static/media/`) fetched with its own, and this
    style sheet (our own constant text, never a reader's)."""
    root_js = json.dumps(root).replace("<", "\\u003c")  # a string, whatever the config holds
    hint = (f"<script>window.__streamlit = {{BACKEND_BASE_URL: location.origin + {root_js}}};"
            "</script>\n    ")
    # At low priority: the app's own start (its code, the health check that opens the
    # websocket) comes first; at the default high priority these delayed it by ~0.1 s.
    links = [f'<link rel="modulepreload" fetchpriority="low" crossorigin '
             f'href="./static/js/{name}">'
             for name in modules if f'"./static/js/{name}"' not in streamlit_shell]
    links += [f'<link rel="preload" href="./static/media/{name}" as="font" type="font/woff2" '
              "crossorigin>" for name in fonts if f'"./static/media/{name}"' not in streamlit_shell]
    if style:
        links.append(f"<style>{style}</style>")
    script = streamlit_shell.index("<script")
    head_end = streamlit_shell.rindex("\n", 0, streamlit_shell.index("</head>")) + 1
    return (streamlit_shell[:script] + hint + streamlit_shell[script:head_end]
            + "".join(f"    {link}\n" for link in links) + streamlit_shell[head_end:])


def page_paths(root: str) -> dict[str, str]:
    """Every page's address, with its url_path (the home's is empty: the root itself)."""
    return {f"{root}{url}": url for pages in SECTIONS.values() for _, url, *_ in pages}


def page_shells(root: str) -> dict[str, str]:
    """Each page's address and the shell it is answered with."""
    streamlit_shell = STREAMLIT_SHELL.read_text(encoding="utf-8")
    entry = next(STREAMLIT_JS.glob("index.*.js"), None)
    entry_js = entry.read_text(encoding="utf-8") if entry else ""  # then the root alone
    shells = {}
    for path, url in page_paths(root).items():
        modules = [name for element in FIRST_RENDER.get(url, ())
                   for name in element_code(entry_js, element)]
        fonts = font_files(STREAMLIT_FONTS, [*FONTS["every"], *FONTS.get(url, ())])
        shells[path] = page_shell(streamlit_shell, root, list(dict.fromkeys(modules)), fonts,
                                  MENU_STYLE)
    return shells


def _shell_routes() -> list[Route]:
    def answer_with(shell: str):
        async def answer(_request: Request) -> HTMLResponse:
            # As Streamlit answers its shell: never cached, so an upgrade's code is fetched.
            return HTMLResponse(shell, headers={"Cache-Control": "no-cache"})
        return answer

    return [Route(path, answer_with(shell), methods=["GET", "HEAD"])
            for path, shell in page_shells(root_path()).items()]


app = App("streamlit_app.py", routes=_shell_routes())
