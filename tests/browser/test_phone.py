"""A scanned link on a phone (390x844, touch, a phone's browser): the page itself with a menu
above it, no sidebar, and nothing to scroll sideways but a wide table. A narrow desktop window
keeps the sidebar, closed."""

from __future__ import annotations

import pytest

from tests.browser.conftest import PHONE, PHONE_MENU, assert_clean, wait_for_app

pytestmark = pytest.mark.browser
SIZE = PHONE["viewport"]
PAGES = ["", "chain?case=voice-assistant", "flows", "functions", "compare", "compare?show=chains",
         "platforms", "figures", "sources", "upload"]
MENU_BODY = "[data-testid=stPopoverBody]"

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
def phone(watched_context):
    return watched_context(**PHONE)


def settled(page) -> None:
    wait_for_app(page)
    page.wait_for_function("""() => {
      const main = document.querySelector('[data-testid=stMainBlockContainer]');
      return !!main && !!main.querySelector('[data-testid=stMarkdownContainer]')
             && !document.querySelector('[data-stale=true]')
             && [...main.querySelectorAll('[data-testid=stVegaLiteChart]')]
                  .every(c => c.querySelector('.vega-embed canvas, .vega-embed svg'));
    }""", timeout=30_000)


def assert_nothing_to_scroll_sideways(page) -> None:
    reach = page.evaluate(OVERFLOW)
    assert reach["scrollWidth"] <= reach["width"], reach
    assert not reach["wide"], reach


@pytest.mark.parametrize("path", PAGES)
def test_a_phone_opens_on_the_page_with_its_menu_in_the_header(server, phone, path):
    page = phone.page
    page.goto(f"{server}/{path}")
    settled(page)
    assert page.locator("[data-testid=stSidebar]").count() == 0
    menu = page.locator(PHONE_MENU).bounding_box()
    header = page.locator("[data-testid=stHeader]").bounding_box()
    assert menu is not None and header is not None
    assert menu["y"] >= 0 and menu["y"] + menu["height"] <= header["y"] + header["height"], (
        menu, header)
    assert page.locator(MENU_BODY).count() == 0  # closed
    assert_nothing_to_scroll_sideways(page)
    assert_clean(phone)


@pytest.mark.parametrize("path", ["", "flows"])
def test_a_narrow_desktop_window_starts_with_its_sidebar_closed(server, watched_context, path):
    watched = watched_context(viewport=SIZE)
    page = watched.page
    page.goto(f"{server}/{path}")
    settled(page)
    sidebar = page.locator("[data-testid=stSidebar]")
    assert sidebar.get_attribute("data-collapsed") == "true"
    box = sidebar.bounding_box()
    assert box is None or box["x"] + box["width"] <= 1  # off the screen
    assert page.locator(PHONE_MENU).count() == 0
    assert_nothing_to_scroll_sideways(page)
    assert_clean(watched)


def test_the_phone_menu_holds_the_pages_the_language_and_the_share_panel(server, phone):
    page = phone.page
    page.goto(f"{server}/functions")
    settled(page)
    page.locator(PHONE_MENU).click()
    body = page.locator(MENU_BODY)
    body.wait_for()
    assert body.locator("[data-testid=stPageLink]").count() == 10
    assert_nothing_to_scroll_sideways(page)
    body.get_by_text("Français", exact=True).click()
    page.wait_for_url("**/functions?lang=fr")
    page.wait_for_function("() => document.querySelector('h1')?.innerText"
                           " === 'Fonctions des tâches'")
    body.get_by_text("Flux entre pays").click()  # the menu stays open while it is used
    page.wait_for_url("**/flows?lang=fr")
    settled(page)
    assert page.locator("h1").first.inner_text() == "Flux entre pays"
    assert page.locator(MENU_BODY).count() == 0  # the new page's menu is closed
    page.locator(PHONE_MENU).click()
    page.locator(MENU_BODY).get_by_text("Partager et citer cette vue").click()
    link = page.locator(f"{MENU_BODY} [data-testid=stCode]").first
    link.wait_for()
    assert "/flows?" in link.inner_text() and "lang=fr" in link.inner_text()
    assert_clean(phone)


@pytest.mark.parametrize("path", ["flows", "functions", "compare", "figures", "platforms"])
def test_a_phones_choices_wait_in_pop_overs_and_their_code_with_them(server, phone, path):
    # Pills and rows of buttons sit in pop-overs whose buttons say what is chosen: the chart
    # comes higher, and their code is not loaded before the page is drawn.
    page = phone.page
    page.goto(f"{server}/{path}")
    settled(page)
    assert page.locator("[data-testid=stButtonGroup]").count() == 0
    assert not any("/ButtonGroup." in url for url in phone.requests), phone.requests
    page.get_by_role("button", name="Also show: none").wait_for()
    assert_clean(phone)


def test_a_phone_chooses_its_cases_in_a_pop_over_that_names_them(server, phone):
    page = phone.page
    page.goto(f"{server}/flows")
    settled(page)
    page.get_by_role("button", name="Case studies: all 5").click()
    page.get_by_role("button", name="Julie Desk scheduling assistant").click()
    page.wait_for_url(lambda url: "cases=" in url and "julie-desk" not in url, timeout=15_000)
    page.get_by_role("button", name="Case studies: 4 of 5").wait_for()
    page.get_by_text("26 links have an end whose country").wait_for()
    assert_clean(phone)


# Every line of every chart title (Vega draws charts as SVG here): where it reaches, and
# whether Vega cut it with an ellipsis, which it does to a title wider than the chart.
TITLE_LINES = """() => [...document.querySelectorAll('.vega-embed svg')].flatMap(svg => {
  const box = svg.getBoundingClientRect();
  return [...svg.querySelectorAll('.role-title text, .role-title-text text')].map(t => {
    const r = t.getBoundingClientRect();
    return {text: t.textContent, left: r.left - box.left, right: r.right - box.left,
            width: box.width};
  });
})"""


@pytest.mark.parametrize("path", ["flows", "functions", "platforms", "compare",
                                  "flows?present=1", "platforms?lang=fr"])
def test_a_phones_chart_titles_come_whole_in_lines_that_fit(server, phone, path):
    page = phone.page
    page.goto(f"{server}/{path}")
    settled(page)
    page.wait_for_function("() => !!document.querySelector('.vega-embed svg .role-title text')")
    lines = page.evaluate(TITLE_LINES)
    for line in lines:
        assert "…" not in line["text"], line
        assert line["left"] >= -2 and line["right"] <= line["width"] + 1, line
    assert_clean(phone)


# The diagram's boxes and texts, and every text of a chart, in px within the chart's box.
DIAGRAM = """() => {
  const svg = document.querySelector('.vega-embed svg'), box = svg.getBoundingClientRect();
  const place = e => { const r = e.getBoundingClientRect();
    return {left: r.left - box.left, right: r.right - box.left, top: r.top - box.top,
            bottom: r.bottom - box.top}; };
  return {
    width: box.width,
    boxes: [...svg.querySelectorAll('.mark-rect path')].map(place),
    texts: [...svg.querySelectorAll('.mark-text text')].filter(t => t.textContent.trim())
      .map(t => ({text: t.textContent, size: parseFloat(getComputedStyle(t).fontSize),
                  ...place(t)})),
    all: [...svg.querySelectorAll('text')].filter(t => t.textContent.trim())
      .map(t => ({text: t.textContent, ...place(t)})),
  };
}"""


@pytest.mark.parametrize("path", ["functions", "functions?present=1&step=2&lang=fr"])
def test_a_phones_functions_diagram_stands_in_a_column_in_readable_type(server, phone, path):
    """Three boxes side by side leave each 100 px of a phone's width, and their type shrank to
    7 px: on a phone they go one under the other, in the page's type, no line on another."""
    page = phone.page
    page.goto(f"{server}/{path}")
    settled(page)
    page.wait_for_function("() => document.querySelectorAll('.vega-embed svg .mark-rect path')"
                           ".length === 3")
    drawn = page.evaluate(DIAGRAM)
    boxes = drawn["boxes"]
    assert all(b["right"] - b["left"] >= 0.8 * drawn["width"] for b in boxes), boxes
    assert all(upper["bottom"] < lower["top"] for upper, lower in zip(boxes, boxes[1:])), boxes
    texts = sorted(drawn["texts"], key=lambda t: t["top"])
    assert len(texts) >= 13 and min(t["size"] for t in texts) >= 13, texts
    for upper, lower in zip(texts, texts[1:]):
        assert upper["bottom"] <= lower["top"] + 1, (upper, lower)
    assert_clean(phone)


@pytest.mark.parametrize("path", ["compare?present=1&step=2", "flows?present=1&step=9&lang=fr"])
def test_a_phones_slide_chart_keeps_its_text_inside_and_room_for_its_marks(server, phone, path):
    """A slide's type is for a room's screen: on a phone it took the bars' room and ran out of
    the chart. There the slide's chart keeps the page's type."""
    page = phone.page
    page.goto(f"{server}/{path}")
    settled(page)
    page.wait_for_function("() => !!document.querySelector('.vega-embed svg text')")
    drawn = page.evaluate(DIAGRAM)
    for text in drawn["all"]:
        assert text["left"] >= -1 and text["right"] <= drawn["width"] + 1, text
    if path.startswith("compare"):
        bars = drawn["boxes"]
        assert bars and max(b["right"] for b in bars) - min(b["left"] for b in bars) >= 120, bars
    assert_clean(phone)
