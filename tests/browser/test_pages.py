"""What a person sees in a real Chromium: pages drawn, graph on its canvas, nothing leaves."""

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from conftest import bundled_case_ids
from tests.browser.conftest import (POPOVER_BODY, assert_clean, choose, next_frames, open_choice,
                                    screenshot, wait_for_app)

pytestmark = pytest.mark.browser
CASE_IDS = bundled_case_ids()


def wait_for_graph(page):
    frame = page.frame_locator("iframe").first
    canvas = frame.locator("#mynetwork canvas")
    canvas.wait_for(state="visible", timeout=30_000)
    return frame, canvas


def test_home(server, watched):
    page = watched.page
    page.goto(server)
    wait_for_app(page)
    page.get_by_text("Three functions of data work").wait_for()
    page.get_by_text("Open the chain").nth(len(CASE_IDS) - 1).wait_for()
    assert page.get_by_text("Open the chain").count() == len(CASE_IDS)
    screenshot(page, "home")
    assert_clean(watched)


@pytest.mark.parametrize("path", ["", "chain?case=voice-assistant", "flows", "functions",
                                  "compare", "platforms", "figures", "sources"])
def test_choices_wait_in_pop_overs_that_name_them_and_their_code_with_them(server, watched,
                                                                          path):
    # The language, the cases, a function, a topic, a source, Also show: each row of buttons
    # or pills waits in a pop-over whose button says what is chosen, so a page opens without
    # their code.
    page = watched.page
    page.goto(f"{server}/{path}")
    wait_for_app(page)
    sidebar = page.locator("[data-testid=stSidebar]")
    sidebar.get_by_role("button", name="Language / Langue: English").wait_for()
    assert page.locator("[data-testid=stButtonGroup]").count() == 0
    assert not any("/ButtonGroup." in url for url in watched.requests), watched.requests
    assert_clean(watched)


def test_a_single_choice_closes_its_pop_over_and_a_multiple_one_stays_open(server, watched):
    # As a select box closes once a value is picked; cases are picked several at a time. A
    # pop-over first opened after another choice shows what is chosen, and a click in it
    # changes that, not the widget's default (all five cases unpicked, then Julie Desk alone).
    page = watched.page
    page.goto(f"{server}/functions")
    wait_for_app(page)
    body = page.locator(POPOVER_BODY)
    open_choice(page, "Function: All functions").get_by_role(
        "radio", name="Verification", exact=True).click()
    page.get_by_role("button", name="Function: Verification").wait_for()
    body.wait_for(state="detached")
    open_choice(page, "Case studies: all 5").get_by_role(
        "button", name="Julie Desk scheduling assistant").click()
    page.get_by_role("button", name="Case studies: 4 of 5").wait_for()
    assert body.is_visible()
    page.keyboard.press("Escape")
    body.wait_for(state="detached")
    functions = open_choice(page, "Function: Verification")
    expect(functions.get_by_role("radio", checked=True)).to_have_text(["Verification"])
    page.keyboard.press("Escape")
    body.wait_for(state="detached")
    sidebar = page.locator("[data-testid=stSidebar]")
    languages = open_choice(page, "Language / Langue: English", sidebar)
    expect(languages.get_by_role("radio", checked=True)).to_have_text(["English"])
    languages.get_by_role("radio", name="Français", exact=True).click()
    sidebar.get_by_role("button", name="Language / Langue\u00a0: Français").wait_for()
    body.wait_for(state="detached")
    assert "function=verification" in page.url and "lang=fr" in page.url
    assert "julie-desk" not in page.url and "voice-assistant" in page.url
    assert page.locator("[data-testid=stAlert]").count() == 0
    assert_clean(watched)


def test_the_tab_shows_the_apps_own_icon_from_the_machine(server, watched):
    page = watched.page
    page.goto(f"{server}/flows")
    wait_for_app(page)
    # Streamlit's own icon until the page's configuration arrives, then the app's.
    ours = "l => l.href.endsWith('/app/static/favicon.png')"
    page.wait_for_function(f"() => [...document.querySelectorAll('link[rel*=icon]')].some({ours})")
    href = page.locator("link[rel*=icon]").first.evaluate("l => l.href")
    assert href == f"{server}/app/static/favicon.png", href
    answer = page.request.get(href)
    assert answer.status == 200 and answer.headers["content-type"] == "image/png"
    assert_clean(watched)


@pytest.mark.parametrize("path", ["/chain?case=voice-assistant", "/flows", "/sources"])
def test_a_page_at_its_own_address_asks_the_servers_root_at_once(server, watched, path):
    """A cited link or a QR code opens a page's address: the browser must not first look for
    the server under the page (a 404, then a 0.1 s wait), as Streamlit does with no hint."""
    page = watched.page
    page.goto(f"{server}{path}")
    wait_for_app(page)
    page_name = path.split("?")[0]
    asked = [url.split("?")[0].removeprefix(server) for url in watched.requests
             if "/_stcore/health" in url or "/_stcore/host-config" in url]
    assert set(asked) == {"/_stcore/health", "/_stcore/host-config"}, asked
    assert not any(url.removeprefix(server).startswith(f"{page_name}/")
                   for url in watched.requests), watched.requests
    assert_clean(watched)


@pytest.mark.parametrize("path", ["/", "/chain?case=voice-assistant", "/flows", "/functions",
                                  "/compare", "/platforms", "/figures", "/sources", "/upload",
                                  "/build"])
def test_a_page_fetches_on_first_render_only_code_its_shell_names(server, watched, path):
    """The shell of app/serve.py names the code and fonts of what the page draws first, to be
    fetched while its script runs: a page that comes to draw another kind of element first
    needs it named there (FIRST_RENDER), or its first render waits for that code again."""
    page = watched.page
    shell = page.request.get(f"{server}{path}").text()
    page.goto(f"{server}{path}")
    wait_for_app(page)
    # Charts drawn (their code is fetched after the run) and fonts loaded; the build page's
    # tables are in closed panels, so not every table is drawn.
    page.wait_for_function("() => document.fonts.status === 'loaded' && [...document"
                           ".querySelectorAll('.vega-embed')].every(e => e.querySelector("
                           "'canvas, svg'))")
    next_frames(page)
    fetched = [url.split("?")[0].rsplit("/", 1)[-1] for url in watched.requests
               if "/static/js/" in url or "/static/media/" in url]
    assert fetched
    unnamed = [name for name in dict.fromkeys(fetched)
               if f'/{name}"' not in shell]
    assert unnamed == [], f"{path} fetched {unnamed}: name their element in app/serve.py"
    assert_clean(watched)


@pytest.mark.parametrize("case_id", CASE_IDS)
def test_chain_graph_is_drawn_offline(server, watched, case_id):
    page = watched.page
    page.goto(f"{server}/chain?case={case_id}")
    wait_for_app(page)
    frame, canvas = wait_for_graph(page)
    box = canvas.bounding_box()
    # The frame's height follows the lanes: two lanes (Julie Desk) make a short one.
    assert box["width"] > 400 and box["height"] > 250
    # The canvas has been painted: some pixels are not the background.
    painted = frame.locator("#mynetwork canvas").evaluate(
        """c => { const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                  let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
                  return n; }""")
    assert painted > 1000
    screenshot(page, f"chain-{case_id}")
    assert_clean(watched)
    # vis-network came from the app itself.
    assert any("/app/static/vis-9.1.2/vis-network.min.js" in url for url in watched.requests)


def test_opening_a_card_keeps_the_case_in_the_url(server, watched):
    page = watched.page
    page.goto(server)
    wait_for_app(page)
    # Every card drawn first: with five cases the last one comes in a second row.
    last = page.get_by_text("Open the chain").nth(len(CASE_IDS) - 1)
    last.wait_for()
    last.click()
    page.wait_for_url(f"**/chain?case={CASE_IDS[-1]}&lang=en")  # the language follows
    wait_for_graph(page)
    assert_clean(watched)


def test_injection_strings_show_as_text(hostile_server, watched):
    page = watched.page
    page.goto(f"{hostile_server}/chain?case=injection")
    wait_for_app(page)
    frame, canvas = wait_for_graph(page)
    page.get_by_role("heading", name="<script>alert('title')</script> Injection test").wait_for()
    # Hover every node so that tooltips are built from the hostile titles.
    box = canvas.bounding_box()
    spots = frame.locator("#mynetwork").evaluate(
        """() => { const net = window.chainNetwork; const pos = net.getPositions();
                   return Object.values(pos).map(p => net.canvasToDOM(p)); }""")
    tooltips = []
    inside = canvas.element_handle().owner_frame()
    for spot in spots:
        page.mouse.move(box["x"] + spot["x"], box["y"] + spot["y"])
        # The node's own tooltip: shown, and not the one of the node before.
        try:
            inside.wait_for_function(
                """last => { const tip = document.querySelector('.vis-tooltip');
                             return tip && tip.style.visibility !== 'hidden'
                                 && tip.innerText && tip.innerText !== last; }""",
                arg=tooltips[-1] if tooltips else "", timeout=5_000)
        except PlaywrightTimeout:
            continue  # the spot is shared with a node hovered before
        tooltips.append(frame.locator(".vis-tooltip").first.inner_text())
    assert any("<img src=x onerror=alert('name')>" in t for t in tooltips), tooltips
    assert any("</script><script>alert('script')</script>" in t for t in tooltips), tooltips
    choose(page, "Show as a table", "Actors")
    page.locator(".st-key-chain-actors-download").wait_for()
    wait_for_app(page)
    screenshot(page, "chain-injection")
    assert watched.dialogs == []
    assert watched.outside == []
    assert page.locator("img[src=x]").count() == 0
    assert frame.locator("img, svg, iframe").count() == 0
    assert page.locator("[data-testid=stException]").count() == 0


def test_unknown_case_offers_the_cases(server, watched):
    page = watched.page
    page.goto(f"{server}/chain?case=%3Cscript%3Ealert(1)%3C/script%3E")
    wait_for_app(page)
    page.get_by_text("Ignored the link's").wait_for()
    page.get_by_text("Open the chain").nth(len(CASE_IDS) - 1).wait_for()
    assert page.get_by_text("Open the chain").count() == len(CASE_IDS)
    wait_for_graph(page)
    assert_clean(watched)
