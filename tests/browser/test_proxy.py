"""Two replicas behind HAProxy on loopback, as `scripts/serve.sh` runs them (started once for
the module): a session stays on its replica, Streamlit's static files come from the proxy's
cache compressed, and a reader whose replica dies keeps a working page on the live one."""

from __future__ import annotations

import gzip
import re
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.browser.conftest import ARTIFACTS, PROJECT, screenshot, wait_for_app

sys.path.insert(0, str(PROJECT))  # `deploy` is a folder of the project, not a package

from deploy.haproxy import COOKIE  # noqa: E402
from deploy.local import LocalRoom, haproxy_path  # noqa: E402

pytestmark = pytest.mark.browser
VIEW = "/chain?case=voice-assistant&function=verification&lang=fr"
RECOVERY_S = 10.0
CHROME_ENCODINGS = "gzip, deflate, br, zstd"


@pytest.fixture(scope="module")
def room():
    if haproxy_path() is None:
        pytest.skip("haproxy is not installed (scripts/run-tests.sh installs Debian's haproxy)")
    with LocalRoom(2, log_dir=ARTIFACTS / "proxy") as started:
        yield started


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1440, "height": 1600},
                                  accept_downloads=True)
    page = context.new_page()
    yield page
    context.close()


def stats(room: LocalRoom, backend: str) -> dict[str, int]:
    """Connections each replica has taken in `backend` since the proxy started (stot)."""
    lines = room.admin("show stat").splitlines()
    header = lines[0].lstrip("# ").split(",")
    out = {}
    for line in lines[1:]:
        row = dict(zip(header, line.split(",")))
        if row.get("pxname") == backend and row.get("svname", "").startswith("r"):
            out[row["svname"]] = int(row["stot"] or 0)
    return out


def serving_replica(page) -> str:
    cookies = {c["name"]: c["value"] for c in page.context.cookies()}
    assert cookies.get(COOKIE) in ("r1", "r2"), cookies
    return cookies[COOKIE]


def wait_for_graph(page, timeout=45_000):
    page.frame_locator("iframe").first.locator("#mynetwork canvas").wait_for(timeout=timeout)
    page.locator(".st-key-chain-documented-toggle input").wait_for(state="attached",
                                                                  timeout=timeout)


def get(url: str, encoding: str = CHROME_ENCODINGS) -> tuple[dict, bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding})
    with urllib.request.urlopen(request, timeout=30) as resp:
        return {k.lower(): v for k, v in resp.headers.items()}, resp.read()


def test_static_file_comes_from_the_cache_compressed(room):
    _, html = get(room.base + "/", encoding="identity")
    script = re.search(rb'src="\./(static/js/index\.[^"]+\.js)"', html)
    assert script, html[:500]
    url = f"{room.base}/{script.group(1).decode()}"
    _, plain = get(url, encoding="identity")
    replicas_before = sum(stats(room, "assets-replicas").values())
    first_headers, first = get(url)
    second_headers, second = get(url)
    replicas_after = sum(stats(room, "assets-replicas").values())
    for headers in (first_headers, second_headers):
        assert headers.get("content-encoding") == "gzip", headers
        assert "set-cookie" not in headers  # a cookie would make it uncacheable
    assert gzip.decompress(second) == plain
    assert len(second) < len(plain) / 1.8, (len(second), len(plain))
    # The second answer came from the proxy's cache: HAProxy adds Age, and no replica was
    # asked (at most one request, the first, went through to a replica).
    assert "age" in second_headers, second_headers
    assert replicas_after - replicas_before <= 1
    assert script.group(1).decode().rsplit("/", 1)[-1] not in ("",)
    cache = room.admin("show cache")
    assert re.search(r"size:\d+", cache), cache


def test_session_stays_on_its_replica_across_reruns(room, page):
    page.goto(room.base + "/chain?case=voice-assistant&show=links")  # its table, to download
    wait_for_app(page)
    wait_for_graph(page)
    mine = serving_replica(page)
    other = "r2" if mine == "r1" else "r1"
    pages_before, sessions_before = stats(room, "pages"), stats(room, "sessions")
    toggle = page.locator(".st-key-chain-documented-toggle label")
    for expected in (True, False, True):
        toggle.click()
        page.wait_for_function(
            f"() => location.search.includes('documented=1') === {str(expected).lower()}")
        wait_for_app(page)
        # A request of the session's own (a download made on click) must reach its replica.
        with page.expect_download() as download:
            page.locator(".st-key-chain-links-download button").click()
        assert Path(download.value.path()).read_bytes().count(b"\n") >= 2
    pages_after, sessions_after = stats(room, "pages"), stats(room, "sessions")
    assert serving_replica(page) == mine
    assert pages_after[other] == pages_before[other], (pages_before, pages_after)
    assert pages_after[mine] > pages_before[mine]
    assert sessions_after == sessions_before  # one websocket all along, no reconnect


def test_killed_replica_page_keeps_working_on_the_live_one(room, page):
    page.goto(room.base + VIEW)
    wait_for_app(page)
    wait_for_graph(page)
    dead = serving_replica(page)
    started = time.monotonic()
    try:
        with page.expect_websocket(timeout=RECOVERY_S * 1000) as reconnect:
            room.kill(dead)
        reconnect.value.wait_for_event("framereceived", timeout=RECOVERY_S * 1000)
        wait_for_app(page, timeout=RECOVERY_S * 1000)
        wait_for_graph(page, timeout=RECOVERY_S * 1000)
        recovered_s = time.monotonic() - started
        screenshot(page, "proxy-after-failover")
        (ARTIFACTS / "proxy" / "failover.txt").write_text(
            f"page working on the live replica {recovered_s:.2f} s after the kill\n")
        assert recovered_s <= RECOVERY_S
        assert serving_replica(page) != dead
        # The same view: case, function and language from the link.
        for param in ("case=voice-assistant", "function=verification", "lang=fr"):
            assert param in page.url, page.url
        toggle = page.locator(".st-key-chain-documented-toggle")
        assert toggle.inner_text().strip() == "Liens documentés seuls"
        assert not toggle.locator("input").is_checked()

        # The very first widget change works (it used to snap back).
        toggle.locator("label").click()
        page.wait_for_function("() => location.search.includes('documented=1')")
        wait_for_app(page)
        assert toggle.locator("input").is_checked()
        assert "function=verification" in page.url

        # The very first download works (it used to fail silently).
        with page.expect_download(timeout=15_000) as download:
            page.get_by_role("button", name=re.compile("Télécharger ce graphe")).click()
        html = Path(download.value.path()).read_text(encoding="utf-8")
        assert "mynetwork" in html
        assert page.locator("[data-testid=stException]").count() == 0
    finally:
        room.restart(dead)


def test_presentation_goes_on_after_its_replica_dies(room, page):
    page.goto(room.base + "/chain?case=voice-assistant&present=1&step=2")
    wait_for_app(page)
    page.get_by_text("Step 2 of 5").wait_for()
    dead = serving_replica(page)
    try:
        with page.expect_websocket(timeout=RECOVERY_S * 1000) as reconnect:
            room.kill(dead)
        reconnect.value.wait_for_event("framereceived", timeout=RECOVERY_S * 1000)
        wait_for_app(page, timeout=RECOVERY_S * 1000)
        assert serving_replica(page) != dead
        page.get_by_role("button", name="Next").click()  # the presenter's first click
        page.wait_for_function("() => location.search.includes('step=3')")
        wait_for_app(page)
        page.get_by_text("Step 3 of 5").wait_for()
        assert page.locator("[data-testid=stException]").count() == 0
    finally:
        room.restart(dead)


def test_uploaded_case_lost_with_its_replica_is_explained(room, page):
    page.goto(room.base + "/upload?lang=en")
    wait_for_app(page)
    page.locator("[data-testid=stFileUploaderDropzoneInput]").first.set_input_files(
        str(PROJECT / "tests" / "fixtures" / "hostile" / "valid-tiny.zip"))
    page.get_by_text("valid-tiny.zip").first.wait_for()
    page.get_by_role("button", name="Check and add the case").first.click()
    page.get_by_text("Its chain").click()
    page.wait_for_function("() => location.search.includes('uploads=uploaded-tiny')")
    wait_for_app(page)
    page.get_by_role("heading", name="Tiny test chain").wait_for()
    dead = serving_replica(page)
    try:
        with page.expect_websocket(timeout=RECOVERY_S * 1000):
            room.kill(dead)
        page.get_by_text("Your uploaded case is no longer here").wait_for(
            timeout=RECOVERY_S * 1000)
        wait_for_app(page)
        screenshot(page, "proxy-upload-lost")
        assert "uploaded-tiny" in page.get_by_text("Your uploaded case is no longer here")\
            .inner_text()
        assert page.get_by_role("link", name="Upload it again").count() == 1
        assert page.locator("[data-testid=stException]").count() == 0
        page.get_by_role("link", name="Upload it again").click()
        page.wait_for_url(re.compile(r"/upload\?"))
        wait_for_app(page)
        page.locator("[data-testid=stFileUploaderDropzoneInput]").first.wait_for(
            state="attached")
    finally:
        room.restart(dead)


@pytest.fixture(scope="module")
def small_room():
    """One replica that takes one session: the next visitor is past capacity."""
    if haproxy_path() is None:
        pytest.skip("haproxy is not installed (scripts/run-tests.sh installs Debian's haproxy)")
    with LocalRoom(1, sessions_per_replica=1, log_dir=ARTIFACTS / "proxy-small") as started:
        yield started


def test_visitor_past_capacity_gets_the_busy_page_and_open_sessions_go_on(small_room, page):
    import asyncio
    import threading

    from bench.wsclient import Session, change, changeable

    # The websocket reader lives on its own event loop (Playwright's sync API holds this one).
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()

    def on_loop(coro, timeout=60):
        return asyncio.run_coroutine_threadsafe(coro, loop).result(timeout)

    reader = Session(small_room.port)
    try:
        on_loop(reader.connect())
        assert on_loop(reader.run(page="chain", query="case=voice-assistant")).ok
        # The room is full: a new visitor's page load is answered by the proxy.
        busy = page.goto(small_room.base + VIEW)
        assert busy.status == 503
        assert busy.headers.get("retry-after") == "5"
        page.get_by_text("Many people are opening this dashboard right now.").wait_for()
        page.get_by_text("Beaucoup de personnes ouvrent ce tableau de bord").wait_for()
        screenshot(page, "proxy-busy")
        # The open session is not hurt: its reruns still work.
        widget = changeable(reader, ("chain-documented-toggle",))
        assert on_loop(reader.run(widgets=change(widget))).ok
    finally:
        on_loop(reader.close())
        loop.call_soon_threadsafe(loop.stop)
        thread.join(5)
    # Once the session has closed, the page's own reload lets the visitor in, same link.
    page.locator("[data-testid=stAppViewContainer]").wait_for(timeout=20_000)
    wait_for_app(page)
    for param in ("case=voice-assistant", "function=verification", "lang=fr"):
        assert param in page.url, page.url
