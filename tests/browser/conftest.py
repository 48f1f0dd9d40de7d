"""A real `streamlit run` on loopback and Debian's Chromium driven by Playwright.

Every request the page makes is recorded; anything not on the loopback address is aborted
and reported, so a test can prove the app works with no network at all.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

import pytest

from bench.browser import PHONE_USER_AGENT
from conftest import free_ports

PROJECT = Path(__file__).parents[2]
ARTIFACTS = PROJECT / "tests" / "artifacts"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]
LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}
# A phone as the bench loads one (390x844, touch, a phone browser's user agent): the app gives
# it the phone frame, a menu in the header instead of the sidebar (app/components/frame.py).
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True,
         "user_agent": PHONE_USER_AGENT}
PHONE_MENU = "[class*=st-key-phone-menu-] [data-testid=stPopoverButton]"


def free_port() -> int:
    return free_ports(1)[0]


@contextmanager
def streamlit_server(env_extra: dict | None = None):
    """Start the app on a free loopback port; yield its base URL; stop it."""
    port = free_port()
    env = os.environ | {"STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"} | (env_extra or {})
    cmd = [sys.executable, "-m", "streamlit", "run", "app/serve.py",
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


def watch(context) -> Watched:
    """A new page of `context` whose requests, outside requests (aborted), dialogs and console
    errors are recorded; `assert_clean` fails on any outside request or dialog."""
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
    return seen


@pytest.fixture
def watched(browser):
    context = browser.new_context(viewport={"width": 1600, "height": 2400})
    yield watch(context)
    context.close()


@pytest.fixture
def watched_context(browser):
    """`watched_context(**options)`: a watched page in a context with these options (a
    locale, a viewport); closed after the test."""
    contexts = []

    def make(**options) -> Watched:
        contexts.append(browser.new_context(**options))
        return watch(contexts[-1])

    yield make
    for context in contexts:
        context.close()


# The run has drawn something and is over: the main block holds elements, none of them is a
# stale one left from the previous run or a placeholder, and Streamlit shows no running
# indicator. (No indicator alone is also true before the first run has begun.)
_RUN_FINISHED = """() => {
  const main = document.querySelector('[data-testid=stMainBlockContainer]');
  return !!main && !!main.querySelector('[data-testid=stElementContainer]')
    && !main.querySelector('[data-stale=true]')
    && !document.querySelector('[data-testid=stSkeleton]')
    && !document.querySelector('[data-testid=stStatusWidget]');
}"""

# Every chart has a drawing with a size, every table its canvas, every font is loaded.
_DRAWN = """() => document.fonts.status === 'loaded'
  && [...document.querySelectorAll('.vega-embed')].every(e => {
       const c = e.querySelector('canvas, svg');
       return c && c.getBoundingClientRect().width > 0 && c.getBoundingClientRect().height > 0;
     })
  && [...document.querySelectorAll('[data-testid=stDataFrame]')].every(
       e => e.querySelector('canvas'))"""


def wait_for_app(page, timeout=45_000):
    """Wait until the script's run has finished and what it drew is on the page."""
    page.wait_for_selector("[data-testid=stAppViewContainer]", timeout=timeout)
    page.wait_for_function(_RUN_FINISHED, timeout=timeout)


def next_frames(page, frames: int = 2) -> None:
    """Let the browser paint what is already laid out (a condition, not a delay: it returns
    after `frames` animation frames)."""
    page.evaluate("n => new Promise(done => { const step = k => k ? "
                  "requestAnimationFrame(() => step(k - 1)) : done(); step(n); })", frames)


def wait_until_drawn(page, timeout=30_000) -> None:
    """Before a screenshot: the run is over, every chart and table is drawn with a size, the
    fonts are loaded, and the browser has painted it."""
    wait_for_app(page, timeout=timeout)
    page.wait_for_function(_DRAWN, timeout=timeout)
    next_frames(page)


def screenshot(page, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path))
    return path


CHARTS = ".vega-embed canvas, .vega-embed svg"
POPOVER_BODY = "[data-testid=stPopoverBody]"


def open_choice(page, label: str, scope=None):
    """Open the pop-over whose button names the choice `label` ("Also show: none"); return
    its body, where the choice's buttons are."""
    # Escaped for JavaScript's regular expressions, which refuse Python's escaped spaces.
    start = re.sub(r"([.*+?^${}()|[\]\\/])", r"\\\1", label)
    (scope or page).get_by_role("button", name=re.compile(f"^{start}")).click()
    body = page.locator(POPOVER_BODY)
    body.wait_for()
    return body


def choose(page, label: str, option: str, scope=None) -> None:
    """Choose `option` among the buttons of the choice `label`, then close its pop-over."""
    open_choice(page, label, scope).get_by_role("radio", name=option, exact=True).click()
    page.keyboard.press("Escape")
    page.locator(POPOVER_BODY).wait_for(state="detached")


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
