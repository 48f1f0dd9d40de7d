"""A presenter's clicker at projector size: the keys it sends move the steps of every presented
view, and a talk of three views plays through to its QR code, which opens the talk again."""

import io
import json
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

from conftest import bundled_case_ids
from tests.browser.conftest import PROJECT, screenshot, wait_for_app, watch

pytestmark = pytest.mark.browser

PROJECTOR = {"width": 1920, "height": 1080}
BLANK = "() => getComputedStyle(document.body, '::after').backgroundColor === 'rgb(0, 0, 0)'"
# Step counts worked out from the bundled data: the voice assistant's chain has five columns,
# its flows cross seven borders (plus the whole map), the functions are an overview plus the
# three functions, the comparison has eight measures.
VIEWS = [("chain", "/chain?case=voice-assistant&present=1", 5),
         ("flows", "/flows?cases=voice-assistant&present=1", 8),
         ("functions", "/functions?present=1", 4)]
TALK = "chain:voice-assistant,flows:voice-assistant,compare"
TALK_STEPS = 5 + 8 + 8 + 1


def pins() -> str:
    """The `v=` of a talk that shows every case: each case's version, as its package says."""
    packages = {c: PROJECT / "data" / "cases" / c / "datapackage.json" for c in bundled_case_ids()}
    return ",".join(f"{c}:{json.loads(packages[c].read_text('utf-8'))['version']}"
                    for c in sorted(packages))


@pytest.fixture
def projector(browser):
    """A 1920x1080 page whose requests off the machine are refused and recorded."""
    context = browser.new_context(viewport=PROJECTOR)
    seen = watch(context)
    yield seen.page, seen.outside
    context.close()


def ready(page):
    """The step is drawn and its buttons (and so their keys) are live."""
    expect(page.locator(".st-key-present-key-end button")).to_have_count(1, timeout=45_000)
    # Finished, and the last step's figure gone (Streamlit fades it out just after the run).
    page.wait_for_function("() => !document.querySelector('[data-testid=stStatusWidget]')"
                           " && !document.querySelector('[data-stale=true]')", timeout=45_000)


def drawn(page, figure: str):
    """The step's figure is drawn, and the last step's is gone: a chart (Vega) or the chain's
    graph (a canvas in its frame)."""
    charts = "document.querySelectorAll('.vega-embed svg, .vega-embed canvas').length"
    graphs = ("[...document.querySelectorAll('iframe')].filter(f => f.contentDocument && "
              "f.contentDocument.querySelector('canvas')).length")
    frames = "document.querySelectorAll('iframe').length"
    wanted = (f"{charts} >= 1 && {frames} === 0" if figure == "chart"
              else f"{graphs} >= 1 && {charts} === 0")
    page.wait_for_function(f"() => {wanted}", timeout=30_000)


def step_of(page) -> int:
    return int(parse_qs(urlsplit(page.url).query)["step"][0])


def press(page, key: str, expected: int) -> None:
    page.keyboard.press(key)
    page.wait_for_function(f"() => new URLSearchParams(location.search).get('step') === "
                           f"'{expected}'", timeout=20_000)
    ready(page)
    expect(page.get_by_text(f"of {page_total(page)}").first).to_be_visible()


def page_total(page) -> str:
    text = page.locator("[data-testid=stMarkdownContainer]", has_text="Step ").first.inner_text()
    return text.rsplit(" ", 1)[-1]


@pytest.mark.parametrize("name, path, total", VIEWS, ids=[v[0] for v in VIEWS])
def test_every_clicker_key_moves_the_steps(server, projector, name, path, total):
    page, outside = projector
    page.goto(server + path)
    ready(page)
    assert step_of(page) == 1 and page_total(page) == str(total)
    drawn(page, "graph" if name == "chain" else "chart")
    screenshot(page, f"present-clicker-{name}-step1")
    for key, expected in [("PageDown", 2), ("ArrowRight", 3), ("Space", 4), ("PageUp", 3),
                          ("ArrowLeft", 2), ("End", total), ("Home", 1)]:
        press(page, key, expected)
    page.keyboard.press("b")  # a clicker's "blank screen" button
    page.wait_for_function(BLANK, timeout=20_000)
    page.keyboard.press("b")
    page.wait_for_function(f"() => !({BLANK[6:]})", timeout=20_000)
    assert step_of(page) == 1
    page.keyboard.press("Escape")
    page.wait_for_function("() => !new URLSearchParams(location.search).has('present')",
                           timeout=20_000)
    expect(page.locator(".st-key-present-next")).to_have_count(0, timeout=45_000)
    assert page.locator("[data-testid=stException]").count() == 0
    assert outside == []


def test_the_clicker_keys_still_work_after_a_click_in_the_graph(server, projector):
    """A click in the chain's graph gives its frame the keyboard; the clicker's keys must
    still reach the step buttons."""
    page, outside = projector
    page.goto(server + "/chain?case=voice-assistant&present=1")
    ready(page)
    drawn(page, "graph")
    for key, expected in [("PageDown", 2), ("ArrowRight", 3), ("Space", 4), ("PageUp", 3),
                          ("ArrowLeft", 2), ("End", 5), ("Home", 1)]:
        canvas = page.frame_locator("iframe").first.locator("#mynetwork canvas")
        canvas.click(position={"x": 20, "y": 20})
        # The frame has the keyboard: what is pressed now is pressed inside the graph.
        page.wait_for_function("() => document.activeElement && "
                               "document.activeElement.tagName === 'IFRAME'", timeout=10_000)
        press(page, key, expected)
    page.frame_locator("iframe").first.locator("#mynetwork canvas").click(
        position={"x": 20, "y": 20})
    page.keyboard.press("Escape")
    page.wait_for_function("() => !new URLSearchParams(location.search).has('present')",
                           timeout=20_000)
    assert page.locator("[data-testid=stException]").count() == 0
    assert outside == []


def test_a_talk_of_three_views_plays_to_its_qr_code(server, projector):
    zxingcpp = pytest.importorskip("zxingcpp")
    from PIL import Image

    page, outside = projector
    page.goto(f"{server}/?talk={TALK}")
    ready(page)
    parts_seen = []
    for number in range(1, TALK_STEPS + 1):
        heading = page.locator("[data-testid=stHeading]").first.inner_text()
        if heading not in parts_seen:
            parts_seen.append(heading)
            if number <= 5 + 8 + 8:
                drawn(page, "graph" if number <= 5 else "chart")
            screenshot(page, f"present-talk-step{number}")
        assert not page.locator("[data-testid=stSidebar]").is_visible()
        if number < TALK_STEPS:
            press(page, "PageDown", number + 1)
    assert parts_seen[:3] == [
        "Part 1 of 3: Chain: Voice-assistant verification chain",
        "Part 2 of 3: Country flows: Voice-assistant verification chain",
        "Part 3 of 3: Comparison: all cases"]
    assert parts_seen[3] == "This talk on your phone"
    image = page.get_by_role("img", name="QR code of this talk")
    image.wait_for()
    screenshot(page, "present-talk-qr")
    src = image.get_attribute("src")
    png = page.request.get(src if src.startswith("http") else server + src).body()
    decoded = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))[0].text
    # The talk's link, naming the data version of every case it shows (so that it reopens as
    # cited).
    assert decoded == f"{server}/?talk={TALK}&v={pins()}"
    # The address under it, to type: the same link without its scheme.
    expect(page.get_by_text(f"{server.split('://')[1]}/?talk={TALK}&v={pins()}")).to_be_visible()
    assert page.get_by_role("button", name="Next").is_disabled()
    # The QR code opens the talk at its first step.
    page.goto(decoded)
    ready(page)
    assert step_of(page) == 1
    assert page.locator("[data-testid=stException]").count() == 0
    assert outside == []


@pytest.mark.parametrize("path", ["/compare?present=1&step=6",
                                  "/functions?present=1&step=3&lang=fr"])
def test_screenshots_of_presented_views(server, projector, path):
    page, outside = projector
    page.goto(server + path)
    ready(page)
    page.wait_for_function("() => document.querySelectorAll('.vega-embed svg, "
                           ".vega-embed canvas').length >= 1", timeout=30_000)
    screenshot(page, "present" + path.replace("/", "-").replace("?", "-").replace("&", "-")
               .replace("=", ""))
    assert page.locator("[data-testid=stException]").count() == 0
    assert outside == []


@pytest.mark.parametrize("step, lang", [(1, "en"), (2, "en"), (4, "fr")])
def test_the_presented_functions_diagram_fills_the_slide(server, projector, step, lang):
    """At 1920x1080 the diagram is as tall as the room needs, and its smallest text is 20 px
    or more; the caption under it stays on the screen."""
    page, outside = projector
    page.goto(f"{server}/functions?present=1&step={step}&lang={lang}")
    ready(page)
    drawn(page, "chart")
    # The diagram's texts (its title, box labels and counts), as the browser sizes them.
    texts = ".vega-embed svg text"
    page.wait_for_function(f"() => [...document.querySelectorAll('{texts}')]"
                           ".some(t => /[0-9]/.test(t.textContent))", timeout=30_000)
    box = page.locator(".vega-embed").first.bounding_box()
    assert box["height"] >= 500
    sizes = page.evaluate(f"[...document.querySelectorAll('{texts}')].filter(t => "
                          "t.textContent.trim()).map(t => parseFloat(getComputedStyle(t).fontSize))")
    assert len(sizes) >= 12 and min(sizes) >= 20, sorted(set(sizes))
    caption = page.locator(".st-key-present-caption").bounding_box()
    assert caption["y"] + caption["height"] <= PROJECTOR["height"]
    assert outside == []


def pick_view(page, views, label: str) -> None:
    """Types a view's name in the list and picks it. A run still going when the view is
    picked (the panel's own, on a busy machine) may empty what was typed or picked: typed
    and picked again then, as a reader would."""
    for _ in range(4):
        views.locator("input").click()
        views.locator("input").fill(label)
        try:
            page.get_by_role("option", name=label).click(timeout=5_000)
            expect(views.get_by_text(label[:12])).to_be_visible(timeout=5_000)
            return
        except (PlaywrightTimeoutError, AssertionError):
            continue
    raise AssertionError(f"the view {label!r} could not be picked")


def test_the_talk_panel_builds_a_talk_and_starts_it(server, projector):
    page, outside = projector
    page.goto(f"{server}/chain?case=voice-assistant")
    expect(page.locator("[data-testid=stVegaLiteChart], iframe").first).to_be_visible(
        timeout=45_000)
    page.wait_for_function("() => !document.querySelector('[data-testid=stStatusWidget]')")
    page.get_by_text("Give a talk").click()
    views = page.locator(".st-key-talk-builder-views")
    expect(views.locator("input")).to_be_visible(timeout=30_000)
    wait_for_app(page)  # the run that opened the panel is over
    for label in ("Comparison: all cases", "Chain: Julie Desk scheduling assistant"):
        pick_view(page, views, label)
    page.keyboard.press("Escape")  # close the list of views
    expect(page.get_by_text(f"/?talk=compare,chain:julie-desk&lang=en&v={pins()}")).to_be_visible()
    # Out of the list first: a click straight from it onto a button is taken by the list.
    page.get_by_text("Link to the talk:").click()
    page.get_by_role("button", name="Start the talk").click()
    page.wait_for_function("() => new URLSearchParams(location.search).get('talk') === "
                           "'compare,chain:julie-desk'", timeout=20_000)
    ready(page)
    expect(page.get_by_text("Part 1 of 2: Comparison: all cases")).to_be_visible()
    assert not page.locator("[data-testid=stSidebar]").is_visible()
    assert outside == []


@pytest.mark.parametrize("path", ["/flows?cases=voice-assistant&present=1&step=2",
                                  "/functions?present=1&step=2"])
def test_a_presented_view_on_a_phone_starts_with_its_figure(server, browser, path):
    """The audience opens a talk on a phone: the step buttons two by two, the figure on the
    first screen and not covered by the caption, nothing wider than the screen."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    seen = watch(context)
    page = seen.page
    page.goto(server + path)
    ready(page)
    drawn(page, "chart")
    previous = page.locator(".st-key-present-previous").bounding_box()
    following = page.locator(".st-key-present-next").bounding_box()
    assert abs(previous["y"] - following["y"]) < 2 and previous["x"] < following["x"]
    figure = page.locator(".vega-embed").first.bounding_box()
    assert figure["y"] < 844 / 2
    # The caption and its sources follow the figure, not kept over it as on a projector.
    caption = page.locator(".st-key-present-caption").bounding_box()
    assert caption["y"] >= figure["y"] + figure["height"] - 1, (caption, figure)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert seen.outside == []
    context.close()


@pytest.mark.parametrize("viewport, path", [
    ({"width": 1920, "height": 1080}, "/flows?present=1&step=2"),
    ({"width": 1440, "height": 900}, "/flows?present=1&step=2&lang=fr"),
    ({"width": 1440, "height": 900}, "/chain?case=voice-assistant&present=1&step=3")])
def test_a_step_keeps_its_caption_and_sources_on_screen(server, browser, viewport, path):
    """The figure may run below the window; what the step says and what it rests on do not:
    the caption and its sources, one line of "Author (year)", stay at the bottom of the
    screen."""
    context = browser.new_context(viewport=viewport)
    seen = watch(context)
    page = seen.page
    page.goto(server + path)
    ready(page)
    sources = page.locator(".st-key-present-sources")
    expect(sources).to_contain_text("(20")  # a year: the short form of a citation
    for block in (page.locator(".st-key-present-caption"), sources):
        box = block.bounding_box()
        assert 0 <= box["y"] and box["y"] + box["height"] <= viewport["height"] + 1, box
    line = page.evaluate("parseFloat(getComputedStyle(document.querySelector("
                         "'.st-key-present-sources p')).lineHeight)")
    assert sources.bounding_box()["height"] < 2 * line  # a single line
    assert seen.outside == []
    context.close()
