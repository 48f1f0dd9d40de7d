"""Presentation mode stepped through at projector size, and the share panel's QR code."""

import io
import json
from urllib.parse import parse_qs, urlsplit

import pytest

from conftest import bundled, bundled_case_ids
from app.core.story import build_story
from tests.browser.conftest import PROJECT, assert_clean, screenshot, wait_for_app, wait_until_drawn

pytestmark = pytest.mark.browser


def steps_of(case_id):
    case = bundled().only(case_id)
    return build_story(bundled().case_info(case_id), case.actors, case.links, case.sources)


@pytest.mark.parametrize("case_id", bundled_case_ids())
def test_presentation_steps_through_the_chain(server, watched_context, case_id):
    seen = watched_context(viewport={"width": 1920, "height": 1080})
    page = seen.page
    page.goto(f"{server}/chain?case={case_id}&present=1")
    wait_for_app(page)
    steps = steps_of(case_id)
    assert len(steps) >= 3
    for number, step in enumerate(steps, start=1):
        page.get_by_text(f"of {len(steps)}").first.wait_for()
        page.frame_locator("iframe").first.locator("#mynetwork canvas").wait_for()
        page.get_by_text(step.caption[:40]).first.wait_for()
        # The graph drawn shows this step's actors and links, and hides the others.
        graph = page.frame_locator("iframe").first.locator("#mynetwork").element_handle()
        graph.owner_frame().wait_for_function(
            """want => { const data = window.chainNetwork && window.chainNetwork.body.data;
                 const shown = set => set.get({filter: item => !item.hidden}).length;
                 return !!data && shown(data.nodes) === want[0]
                   && shown(data.edges) === want[1]; }""",
            arg=[len(step.actor_ids), len(step.link_ids)], timeout=15_000)
        assert parse_qs(urlsplit(page.url).query)["step"] == [str(number)]
        assert not page.locator("[data-testid=stSidebar]").is_visible()
        assert page.locator("[data-testid=stSelectbox]").count() == 0
        wait_until_drawn(page)
        screenshot(page, f"present-{case_id}-step{number}")
        if number < len(steps):
            page.get_by_role("button", name="Next").click()
            page.wait_for_url(f"**step={number + 1}*")
            wait_for_app(page)
    assert page.get_by_role("button", name="Next").is_disabled()
    assert_clean(seen)


def test_share_panel_qr_code_decodes_to_the_current_url(server, watched):
    import zxingcpp  # a test dependency: missing, the test fails rather than skips
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
    # What the embedded view draws: the chain's graph, or the page's charts.
    if path.startswith("/chain"):
        page.frame_locator("iframe").first.locator("#mynetwork canvas").wait_for()
    else:
        page.locator(".vega-embed canvas, .vega-embed svg").first.wait_for()
    wait_until_drawn(page)
    assert not page.locator("[data-testid=stSidebar]").is_visible()
    # The compact layout: the page's own padding, not Streamlit's wide default.
    padding = page.locator("[data-testid=stMainBlockContainer]").evaluate(
        "e => parseFloat(getComputedStyle(e).paddingTop)")
    assert padding <= 16, padding
    assert page.get_by_text("Share and cite this view").count() == 0
    assert page.locator("[data-testid=stException]").count() == 0
    assert watched.outside == []
    screenshot(page, "embed" + path.split("?")[0].replace("/", "-"))
