"""A real `streamlit run` on loopback and Debian's Chromium driven by Playwright.

Every request the page makes is recorded; anything not on the loopback address is aborted
and reported, so a test can prove the app works with no network at all.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

import pytest

PROJECT = Path(__file__).parents[2]
ARTIFACTS = PROJECT / "tests" / "artifacts"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]
LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def streamlit_server(env_extra: dict | None = None):
    """Start the app on a free loopback port; yield its base URL; stop it."""
    port = free_port()
    env = os.environ | {"STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"} | (env_extra or {})
    cmd = [sys.executable, "-m", "streamlit", "run", "app/streamlit_app.py",
           "--server.address", "127.0.0.1", "--server.port", str(port),
           "--server.headless", "true"]
    proc = subprocess.Popen(cmd, cwd=PROJECT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as resp:
                    if resp.status == 200:
                        break
            except OSError:
                time.sleep(0.3)
        else:
            proc.kill()
            raise RuntimeError("streamlit did not start:\n" + proc.stdout.read().decode())
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="session")
def server():
    with streamlit_server() as base:
        yield base


@pytest.fixture(scope="session")
def hostile_server():
    """The app with a case folder full of injection strings added through DLC_DATA_DIR."""
    folder = PROJECT / "tests" / "fixtures" / "hostile-cases"
    with streamlit_server({"DLC_DATA_DIR": str(folder)}) as base:
        yield base


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `bash scripts/run-tests.sh`, which installs "
                    "Debian's chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Watched:
    """A page plus what it did: requests, outside requests, dialogs, console errors."""

    def __init__(self, page):
        self.page = page
        self.requests: list[str] = []
        self.outside: list[str] = []
        self.dialogs: list[str] = []
        self.console_errors: list[str] = []


@pytest.fixture
def watched(browser):
    context = browser.new_context(viewport={"width": 1600, "height": 2400})
    page = context.new_page()
    seen = Watched(page)

    def route(route):
        url = route.request.url
        seen.requests.append(url)
        host = urlparse(url).hostname or ""
        if url.startswith(("data:", "blob:", "about:")) or host in LOCAL_HOSTS:
            route.continue_()
        else:
            seen.outside.append(url)
            route.abort()

    context.route("**/*", route)
    page.on("dialog", lambda d: (seen.dialogs.append(d.message), d.dismiss()))
    page.on("console", lambda m: m.type == "error" and seen.console_errors.append(m.text))
    yield seen
    context.close()


def wait_for_app(page, timeout=45_000):
    page.wait_for_selector("[data-testid=stAppViewContainer]", timeout=timeout)
    # The script has finished when Streamlit stops showing its running indicator.
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=stStatusWidget]')", timeout=timeout)


def screenshot(page, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path))
    return path


CHARTS = ".vega-embed canvas, .vega-embed svg"


def assert_clean(watched) -> None:
    """No error box, no request off the machine, no dialog."""
    page = watched.page
    assert page.locator("[data-testid=stException]").count() == 0
    assert watched.outside == [], watched.outside
    assert watched.dialogs == [], watched.dialogs


def wait_for_charts(page, n: int, timeout: int = 30_000) -> list[tuple[float, float]]:
    """Wait until at least `n` Vega views are drawn; return their sizes."""
    page.wait_for_function(
        f"() => document.querySelectorAll('{CHARTS}').length >= {n}", timeout=timeout)
    return page.locator(CHARTS).evaluate_all(
        "els => els.map(e => { const r = e.getBoundingClientRect(); return [r.width, r.height]; })")
