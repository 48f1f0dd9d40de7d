"""What `streamlit run app/serve.py` serves: the app, with each page's address answered by
Streamlit's own page shell plus one line that names the server's root.

Why: opened at a page's own address (`/chain?case=...`, the links in papers and QR codes),
Streamlit's frontend cannot tell whether `/chain` is a page or the prefix the app is served
under, so it first asks `/chain/_stcore/health`, waits after the 404 and only then asks
`/_stcore/health`: 0.1 s and one more round trip before every cited view starts, which a
conference's Wi-Fi makes longer. The frontend reads the root from `window.__streamlit`
when a host sets it; the shell below sets it, so a page's first request goes to the right
place. The same app also runs without it (`streamlit run app/streamlit_app.py`).
"""

from __future__ import annotations

from pathlib import Path

import streamlit
from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.routing import Route
from streamlit import config
from streamlit.starlette import App

from app.components.pages import SECTIONS

STREAMLIT_SHELL = Path(streamlit.__file__).parent / "static" / "index.html"


def root_path() -> str:
    """The app's root as the browser sees it: `/`, or `/<server.baseUrlPath>/`."""
    base = (config.get_option("server.baseUrlPath") or "").strip("/")
    return f"/{base}/" if base else "/"


def page_shell(streamlit_shell: str, root: str) -> str:
    """Streamlit's page shell with the server's root set before its code runs."""
    hint = (f'<script>window.__streamlit = {{BACKEND_BASE_URL: location.origin + "{root}"}};'
            "</script>\n    ")
    at = streamlit_shell.index("<script")
    return streamlit_shell[:at] + hint + streamlit_shell[at:]


def page_paths(root: str) -> list[str]:
    """Every page's address but the home's (at the root, the frontend needs no hint)."""
    return [f"{root}{url}" for pages in SECTIONS.values() for _, url, *_ in pages if url]


def _shell_routes() -> list[Route]:
    root = root_path()
    shell = page_shell(STREAMLIT_SHELL.read_text(encoding="utf-8"), root)

    async def answer(_request: Request) -> HTMLResponse:
        # As Streamlit answers its shell: never cached, so an upgrade's new code is fetched.
        return HTMLResponse(shell, headers={"Cache-Control": "no-cache"})

    return [Route(path, answer, methods=["GET", "HEAD"]) for path in page_paths(root)]


app = App("streamlit_app.py", routes=_shell_routes())
