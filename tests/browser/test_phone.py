"""A scanned link on a phone (390x844, touch): the page itself, not the menu, and nothing to
scroll sideways but a wide table."""

from __future__ import annotations

import pytest

from tests.browser.conftest import LOCAL_HOSTS, wait_for_app

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}
PAGES = ["", "chain?case=voice-assistant", "flows", "functions", "compare", "compare?show=chains",
         "platforms",
         "figures", "sources", "upload"]

# How far the page reaches sideways, leaving out what scrolls inside its own box (Streamlit's
# data grid scrolls a wide table within the screen's width).
OVERFLOW = """() => {
  const width = window.innerWidth;
  const wide = [...document.querySelectorAll('[data-testid=stMain] *')].filter(e => {
    if (e.closest('[data-testid=stDataFrame], [data-testid=stTable]')) return false;
    const box = e.getBoundingClientRect();
    return box.width > 0 && box.right > width + 1;
  }).slice(0, 5).map(e => `${e.tagName.toLowerCase()}[data-testid=${e.dataset.testid || ''}]`
                          + ` right=${Math.round(e.getBoundingClientRect().right)}`);
  return {width, scrollWidth: document.scrollingElement.scrollWidth, wide};
}"""


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()

    def route(route):
        from urllib.parse import urlparse

        url = route.request.url
        if url.startswith(("data:", "blob:", "about:")) or urlparse(url).hostname in LOCAL_HOSTS:
            route.continue_()
        else:
            route.abort()

    context.route("**/*", route)
    yield page
    context.close()


def settled(page) -> None:
    wait_for_app(page)
    page.wait_for_function("""() => {
      const main = document.querySelector('[data-testid=stMainBlockContainer]');
      return !!main && !!main.querySelector('[data-testid=stMarkdownContainer]')
             && !document.querySelector('[data-stale=true]')
             && [...main.querySelectorAll('[data-testid=stVegaLiteChart]')]
                  .every(c => c.querySelector('.vega-embed canvas, .vega-embed svg'));
    }""", timeout=30_000)


@pytest.mark.parametrize("path", PAGES)
def test_phone_opens_on_the_page_with_nothing_to_scroll_sideways(server, phone, path):
    phone.goto(f"{server}/{path}")
    settled(phone)
    sidebar = phone.locator("[data-testid=stSidebar]")
    assert sidebar.get_attribute("data-collapsed") == "true"
    box = sidebar.bounding_box()
    assert box is None or box["x"] + box["width"] <= 1  # off the screen
    reach = phone.evaluate(OVERFLOW)
    assert reach["scrollWidth"] <= reach["width"], reach
    assert not reach["wide"], reach
