"""Presentation mode stepped through at projector size, and the share panel's QR code."""

import io
import json
from urllib.parse import parse_qs, urlsplit

import pytest

from app.core.load import load_dataset
from app.core.story import build_story
from tests.browser.conftest import PROJECT, screenshot, wait_for_app

pytestmark = pytest.mark.browser
DATASET = load_dataset(extra_dir=None)


def steps_of(case_id):
    case = DATASET.only(case_id)
    return build_story(DATASET.case_info(case_id), case.actors, case.links, case.sources)


@pytest.mark.parametrize("case_id", DATASET.case_ids)
def test_presentation_steps_through_the_chain(server, browser, case_id):
    context = browser.new_context(viewport={"width": 1920, "height": 1080})
    outside = []
    context.route("**/*", lambda route: (
        route.continue_() if urlsplit(route.request.url).hostname in ("127.0.0.1", None, "")
        else (outside.append(route.request.url), route.abort())))
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{server}/chain?case={case_id}&present=1")
    wait_for_app(page)
    steps = steps_of(case_id)
    assert len(steps) >= 3
    for number, step in enumerate(steps, start=1):
        page.get_by_text(f"of {len(steps)}").first.wait_for()
        page.frame_locator("iframe").first.locator("#mynetwork canvas").wait_for()
        page.get_by_text(step.caption[:40]).first.wait_for()
        assert parse_qs(urlsplit(page.url).query)["step"] == [str(number)]
        assert not page.locator("[data-testid=stSidebar]").is_visible()
        assert page.locator("[data-testid=stSelectbox]").count() == 0
        page.wait_for_timeout(300)
        screenshot(page, f"present-{case_id}-step{number}")
        if number < len(steps):
            page.get_by_role("button", name="Next").click()
            page.wait_for_url(f"**step={number + 1}*")
            wait_for_app(page)
    assert page.get_by_role("button", name="Next").is_disabled()
    assert page.locator("[data-testid=stException]").count() == 0
    assert outside == [] and dialogs == []
    context.close()


def test_share_panel_qr_code_decodes_to_the_current_url(server, watched):
    zxingcpp = pytest.importorskip("zxingcpp")
    from PIL import Image

    page = watched.page
    page.goto(f"{server}/chain?case=voice-assistant&function=verification")
    wait_for_app(page)
    page.get_by_text("Share and cite this view").click()
    image = page.get_by_role("img", name="QR code of this view")
    image.wait_for()
    png = page.request.get(image.get_attribute("src") if image.get_attribute("src").startswith(
        "http") else server + image.get_attribute("src")).body()
    decoded = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))[0].text
    # The page's own address, plus the data version it shows (so that it reopens as cited).
    version = json.loads((PROJECT / "data" / "cases" / "voice-assistant" /
                          "datapackage.json").read_text("utf-8"))["version"]
    assert urlsplit(decoded)[:3] == urlsplit(page.url)[:3]
    assert parse_qs(urlsplit(decoded).query) == parse_qs(urlsplit(page.url).query) | {
        "v": [f"voice-assistant:{version}"]}
    page.get_by_text("@misc{dlc-chain-").wait_for()
    screenshot(page, "share-panel")
    assert watched.outside == []


@pytest.mark.parametrize("path", ["/chain?case=voice-assistant", "/flows", "/figures"])
def test_embed_mode_is_compact(server, watched, path):
    page = watched.page
    page.set_viewport_size({"width": 900, "height": 1400})
    page.goto(f"{server}{path}{'&' if '?' in path else '?'}embed=true")
    wait_for_app(page)
    page.wait_for_timeout(1500)
    assert not page.locator("[data-testid=stSidebar]").is_visible()
    assert page.get_by_text("Share and cite this view").count() == 0
    assert page.locator("[data-testid=stException]").count() == 0
    assert watched.outside == []
    screenshot(page, "embed" + path.split("?")[0].replace("/", "-"))
