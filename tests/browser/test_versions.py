"""Cited views in a real browser: a link to version 1.0.0 with its notice, the same view on the
current data, an unknown version, the share link's round trip, and the dossier opened offline."""

import json
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import PROJECT, assert_clean, screenshot, wait_for_app

pytestmark = pytest.mark.browser
CASES = PROJECT / "data" / "cases"
CASE = "voice-assistant"


def current_version(case_id: str) -> str:
    return json.loads((CASES / case_id / "datapackage.json").read_text("utf-8"))["version"]


def notice(page):
    return page.locator("[data-testid=stAlert]").filter(has_text="data version")


def test_a_link_to_1_0_0_shows_the_notice_and_the_way_back(server, watched):
    page = watched.page
    page.set_viewport_size({"width": 1440, "height": 1400})
    page.goto(f"{server}/chain?case={CASE}&v={CASE}:1.0.0")
    wait_for_app(page)
    page.frame_locator("iframe").first.locator("#mynetwork canvas").wait_for()
    alert = notice(page)
    expect(alert).to_have_count(1)
    expect(alert).to_contain_text("in data version 1.0.0")
    expect(alert).to_contain_text(f"current version is {current_version(CASE)}")
    back = alert.get_by_role("link", name="The same view on the current data")
    query = parse_qs(urlsplit(back.get_attribute("href")).query)
    assert query["case"] == [CASE] and "v" not in query
    screenshot(page, "version-pinned-chain")
    # The pin stays for the session: another page shows the same notice.
    page.get_by_role("link", name="Country flows").click()
    wait_for_app(page)
    expect(notice(page)).to_have_count(1)
    assert parse_qs(urlsplit(page.url).query)["v"] == [f"{CASE}:1.0.0"]
    assert_clean(watched)


def test_the_same_view_without_a_version_has_no_notice(server, watched):
    page = watched.page
    page.goto(f"{server}/chain?case={CASE}")
    wait_for_app(page)
    page.frame_locator("iframe").first.locator("#mynetwork canvas").wait_for()
    expect(notice(page)).to_have_count(0)
    assert_clean(watched)


def test_an_unknown_version_says_so_and_shows_the_current_data(server, watched):
    page = watched.page
    page.goto(f"{server}/chain?case={CASE}&v={CASE}:9.9.9")
    wait_for_app(page)
    alert = page.locator("[data-testid=stAlert]").filter(has_text="never released")
    expect(alert).to_have_count(1)
    expect(alert).to_contain_text(f"current data (version {current_version(CASE)})")
    assert_clean(watched)


def shared_link(page) -> str:
    page.get_by_text("Share and cite this view").click()
    code = page.locator("[data-testid=stSidebar] [data-testid=stCode]").first
    expect(code).to_contain_text("v=", timeout=30_000)
    return code.inner_text().strip()


@pytest.mark.parametrize("version", ["current", "1.0.0"])
def test_the_share_link_round_trips_to_the_same_view_and_version(server, watched, version):
    page = watched.page
    pinned = "" if version == "current" else f"&v={CASE}:{version}"
    page.goto(f"{server}/chain?case={CASE}&function=verification{pinned}")
    wait_for_app(page)
    link = shared_link(page)
    expected = current_version(CASE) if version == "current" else version
    assert parse_qs(urlsplit(link).query)["v"] == [f"{CASE}:{expected}"]
    if version == "1.0.0":
        page.get_by_text("Cite the research behind this view").wait_for()
        screenshot(page, "version-cite-panel")
    page.goto(link)
    wait_for_app(page)
    expect(page.get_by_role("button", name="Function of the work: Verification")).to_be_visible()
    assert parse_qs(urlsplit(page.url).query)["function"] == ["verification"]
    expect(notice(page)).to_have_count(0 if version == "current" else 1)
    assert shared_link(page) == link
    assert_clean(watched)


def test_the_dossier_opens_offline_with_zero_requests(server, watched, browser, tmp_path):
    page = watched.page
    page.goto(f"{server}/chain?case={CASE}&v={CASE}:1.0.0")
    wait_for_app(page)
    with page.expect_download() as download:
        page.get_by_role("button", name="Download this case as a dossier").click()
    path = tmp_path / "dossier.html"
    download.value.save_as(path)
    html = path.read_text("utf-8")
    assert "<svg" in html and "Data version 1.0.0" in html
    # A fresh browser context with no server: every request is recorded and refused.
    context = browser.new_context(viewport={"width": 1440, "height": 900}, offline=True)
    requests = []
    context.route("**/*", lambda route: (requests.append(route.request.url),
                                         route.continue_() if route.request.url.startswith(
                                             "file://") else route.abort()))
    offline = context.new_page()
    offline.goto(path.as_uri())
    offline.wait_for_load_state("load")
    # The paper figure, inline: its actors' names are drawn as SVG text.
    expect(offline.locator("figure svg text").first).to_be_visible()
    expect(offline.locator("table")).to_have_count(3)
    expect(offline.get_by_role("heading", name="Changelog")).to_be_visible()
    assert requests == [path.as_uri()]
    offline.screenshot(path=str(PROJECT / "tests" / "artifacts" / "version-dossier.png"),
                       full_page=True)
    context.close()
    assert re.search(r'<a href="http://127\.0\.0\.1:\d+/chain\?case=voice-assistant[^"]*'
                     r'v=voice-assistant:1\.0\.0', html)
    assert_clean(watched)
