"""The two analysis pages in a real Chromium: map and charts drawn, offline, no error box."""

from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import (POPOVER_BODY, assert_clean, choose, open_choice, screenshot,
                                    wait_for_app, wait_for_charts, wait_until_drawn)

pytestmark = pytest.mark.browser


def test_flows_page(server, watched):
    page = watched.page
    page.goto(f"{server}/flows")
    wait_for_app(page)
    wait_for_charts(page, 1)  # the map; the matrix on request
    page.get_by_text("cross", exact=False).first.wait_for()
    assert page.locator("[data-testid=stDataFrame]").count() == 0  # the table on request
    # The world outline came from the app's own static folder.
    page.wait_for_function("() => performance.getEntriesByType('resource').some("
                           "e => e.name.includes('/app/static/countries-110m.json'))")
    assert any("/app/static/countries-110m.json" in url for url in watched.requests)
    assert page.locator(".vega-embed").count() == 1
    choose(page, "Also show", "Origin–destination matrix")
    page.wait_for_url(lambda url: "show=matrix" in url, timeout=15_000)
    wait_for_charts(page, 1)
    choose(page, "Also show", "The flows, from and to")
    page.wait_for_url(lambda url: "show=table" in url, timeout=15_000)
    page.locator("[data-testid=stDataFrame] canvas").first.wait_for()
    screenshot(page, "flows")
    assert_clean(watched)


def test_flows_filters_open_from_their_button(server, watched):
    page = watched.page
    page.goto(f"{server}/flows")
    wait_for_app(page)
    wait_for_charts(page, 1)
    # No select box in view: the filters are behind a button that names what is chosen.
    assert page.locator("[data-testid=stSelectbox]").count() == 0
    page.get_by_role("button", name="Filters and colours").click()
    certainty = page.get_by_role("combobox", name="Certainty of the links")
    certainty.wait_for()
    assert page.locator("[data-testid=stSelectbox]").count() == 5
    certainty.click()
    page.get_by_role("option", name="Documented", exact=True).click()
    page.wait_for_url(lambda url: "certainty=documented" in url, timeout=15_000)
    page.keyboard.press("Escape")
    page.get_by_role("button", name="Filters: Documented").wait_for()
    wait_for_app(page)
    wait_for_charts(page, 1)
    assert_clean(watched)


def test_functions_page(server, watched):
    page = watched.page
    page.goto(f"{server}/functions?show=table")
    wait_for_app(page)
    wait_for_charts(page, 1)  # the diagram; the shares and breakdowns on request
    page.get_by_text("Tubaro, P., Casilli, A. A. & Coville, M. (2020)").wait_for()
    page.locator("[data-testid=stDataFrame] canvas").first.wait_for()
    wait_until_drawn(page)
    screenshot(page, "functions")
    assert_clean(watched)


def test_click_on_a_function_filters_the_page(server, watched):
    page = watched.page
    page.goto(f"{server}/functions")
    wait_for_app(page)
    wait_for_charts(page, 1)
    diagram = page.locator(".vega-embed").first
    box = diagram.bounding_box()
    # The right-hand box of the diagram (x 70-98 of 100): verification of the outputs.
    page.mouse.click(box["x"] + box["width"] * 0.84, box["y"] + box["height"] * 0.62)
    page.wait_for_url(lambda url: "function=verification" in url, timeout=15_000)
    # Verification: canteen t2, retail t4, t5, voice t1, t4, t5, Julie Desk t2.
    page.get_by_text("verification tasks only (7)").wait_for()
    wait_for_app(page)
    wait_until_drawn(page)
    # The view stays put: no selection bounces the filter back.
    query = parse_qs(urlparse(page.url).query)
    assert urlparse(page.url).path == "/functions"
    assert {k: v for k, v in query.items() if k != "lang"} == {"function": ["verification"]}
    # The function's button above the diagram names the choice; "All functions" clears it.
    functions = open_choice(page, "Function: Verification")
    expect(functions.get_by_role("radio", name="Verification")).to_be_checked()
    functions.get_by_role("radio", name="All functions").click()
    page.get_by_role("button", name="Function: All functions").wait_for()
    page.locator(POPOVER_BODY).wait_for(state="detached")  # a single choice closes it
    page.wait_for_url(lambda url: "function=" not in url, timeout=15_000)
    wait_for_charts(page, 1)
    assert_clean(watched)


@pytest.mark.parametrize("path", ["flows", "functions"])
def test_hostile_case_shows_as_text(hostile_server, watched, path):
    page = watched.page
    page.goto(f"{hostile_server}/{path}?cases=injection")
    wait_for_app(page)
    wait_for_charts(page, 1)
    page.get_by_text("<script>alert('title')</script> Injection test").first.wait_for()
    screenshot(page, f"{path}-injection")
    assert page.locator("img[src=x]").count() == 0
    assert_clean(watched)


def test_click_on_a_country_narrows_the_table(server, watched):
    import io

    from PIL import Image

    page = watched.page
    page.goto(f"{server}/flows?cases=retail-video-surveillance")
    wait_for_app(page)
    wait_for_charts(page, 1)
    world = page.locator(".vega-embed").first

    def dark_pixels() -> tuple[list, float, dict]:
        # Country dots are the darkest marks on the map (palette TEXT, drawn at Vega-Lite's
        # default opacity of 0.7 for circles, so dark grey), between the title and
        # the legends (at the bottom, in a row).
        box = world.bounding_box()
        image = Image.open(io.BytesIO(world.screenshot())).convert("RGB")
        scale = image.width / box["width"]
        top, bottom = int(image.height * 0.15), image.height - int(90 * scale)
        return [(x, y) for y in range(top, bottom) for x in range(image.width)
                if max(image.getpixel((x, y))) < 120], scale, box

    # The marks are painted once the world outline has arrived: wait for the country dots.
    page.wait_for_function("""() => {
        const map = document.querySelector('.vega-embed');
        const dots = map && map.querySelectorAll('svg g.mark-symbol path');
        return !!dots && dots.length > 0
          && [...dots].every(d => d.getBoundingClientRect().width > 0);
      }""", timeout=15_000)
    wait_until_drawn(page)
    dark, scale, box = dark_pixels()
    assert dark
    # In this chain the dots are France and Madagascar; Madagascar is the southernmost.
    x, y = max(dark, key=lambda p: p[1])
    page.mouse.click(box["x"] + x / scale, box["y"] + (y - 3) / scale)
    page.wait_for_url("**country=MG**", timeout=15_000)
    page.get_by_text("Only the flows that start or end in").wait_for()
    wait_for_app(page)
    wait_for_charts(page, 1)
    wait_until_drawn(page)
    screenshot(page, "flows-country")
    assert_clean(watched)


def test_flows_page_in_french(server, watched):
    page = watched.page
    page.goto(f"{server}/flows?lang=fr&show=table")
    wait_for_app(page)
    wait_for_charts(page, 1)
    page.get_by_text("15 liens franchissent 12 frontières", exact=False).first.wait_for()
    page.get_by_role("heading", name="Flux entre pays").wait_for()
    page.locator("[data-testid=stDataFrame] canvas").first.wait_for()
    # The map's legend and title are drawn in French (Vega renders them as SVG or canvas
    # text; the chart's accessible description carries the French summary).
    page.get_by_text("La carte relie", exact=False).first.wait_for()
    wait_until_drawn(page)
    screenshot(page, "flows-fr")
    assert_clean(watched)


def test_functions_page_in_french(server, watched):
    page = watched.page
    page.goto(f"{server}/functions?lang=fr&show=table")
    wait_for_app(page)
    wait_for_charts(page, 1)
    page.get_by_text("Schéma d'après la figure 1 de Tubaro", exact=False).wait_for()
    page.get_by_text("Sur 31 tâches dans les cas choisis", exact=False).first.wait_for()
    page.locator("[data-testid=stDataFrame] canvas").first.wait_for()
    wait_until_drawn(page)
    screenshot(page, "functions-fr")
    # A click on a box of the French diagram filters the page just as in English.
    diagram = page.locator(".vega-embed").first
    box = diagram.bounding_box()
    page.mouse.click(box["x"] + box["width"] * 0.84, box["y"] + box["height"] * 0.62)
    page.wait_for_url("**function=verification**", timeout=15_000)
    page.get_by_text("ne montrent que les tâches de vérification (7)").wait_for()
    assert "lang=fr" in page.url
    assert_clean(watched)
