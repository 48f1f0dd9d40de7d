"""The five cases in a real Chromium, in English and French: scope badges on the home cards,
the 19-actor automotive sector map drawn and presented, Julie Desk's phases filtering its graph,
the comparison's note on what a sector map's measures mean.

Expected counts come from the fact sheet's choices (see data/README.md), not from the code.
"""

import pytest

from tests.browser.conftest import assert_clean, choose, screenshot, wait_for_app

pytestmark = pytest.mark.browser

NODES = "() => window.chainNetwork.body.data.nodes.length"
EDGES = "() => window.chainNetwork.body.data.edges.length"


def graph(page):
    frame = page.frame_locator("iframe").first
    frame.locator("#mynetwork canvas").wait_for(state="visible", timeout=30_000)
    return frame


def count(page, script: str) -> int:
    return page.frame_locator("iframe").first.locator("#mynetwork").evaluate(script)


@pytest.mark.parametrize("lang, sector, product, open_chain", [
    ("en", "Sector map", "Product chain", "Open the chain"),
    ("fr", "Carte d'un secteur", "Chaîne d'un produit", "Ouvrir la chaîne")])
@pytest.mark.parametrize("width, height", [(1440, 900), (390, 844)])
def test_home_cards_show_each_scope(server, watched, lang, sector, product, open_chain,
                                    width, height):
    page = watched.page
    page.set_viewport_size({"width": width, "height": height})
    page.goto(f"{server}/?lang={lang}")
    wait_for_app(page)
    page.get_by_text(open_chain).nth(4).wait_for()
    assert page.get_by_text(open_chain).count() == 5
    # The badges as shown (a badge with a tooltip is in the page twice, once hidden).
    assert page.locator(".stMarkdownBadge:visible", has_text=sector).count() == 1
    assert page.locator(".stMarkdownBadge:visible", has_text=product).count() == 4
    page.locator(".stMarkdownBadge:visible", has_text=sector).scroll_into_view_if_needed()
    screenshot(page, f"cases-home-{lang}-{width}")
    assert_clean(watched)


@pytest.mark.parametrize("lang, scope", [("en", "Sector map."), ("fr", "Carte d'un secteur.")])
def test_automotive_sector_map_is_drawn(server, watched, lang, scope):
    page = watched.page
    page.set_viewport_size({"width": 1440, "height": 900})
    page.goto(f"{server}/chain?case=automotive-micro-work&lang={lang}")
    wait_for_app(page)
    graph(page)
    page.get_by_text(scope).first.wait_for()
    assert count(page, NODES) == 19 and count(page, EDGES) == 27
    page.locator("iframe").first.scroll_into_view_if_needed()
    screenshot(page, f"cases-chain-automotive-{lang}")
    assert_clean(watched)


def test_presenting_the_sector_map(server, watched):
    page = watched.page
    page.set_viewport_size({"width": 1920, "height": 1080})
    page.goto(f"{server}/chain?case=automotive-micro-work&present=1")
    wait_for_app(page)
    graph(page)
    page.get_by_text("A sector map, not one company's supply chain").wait_for()
    screenshot(page, "cases-present-automotive-1")
    # Step by step to the last one, where the whole map is shown.
    step = page.get_by_text("Step 1 of")
    total = int(step.inner_text().split()[-1])
    for number in range(2, total + 1):
        page.get_by_role("button", name="Next").click()
        page.get_by_text(f"Step {number} of {total}").wait_for()
        wait_for_app(page)
    graph(page)
    assert count(page, NODES) == 19
    screenshot(page, "cases-present-automotive-last")
    assert_clean(watched)


@pytest.mark.parametrize("lang, loop_label, nodes, edges", [
    ("en", "2. Human-computer loop", 3, 3),
    ("fr", "1. À la main (8 mois)", 2, 2)])
def test_julie_desk_phase_filter(server, watched, lang, loop_label, nodes, edges):
    """By hand: the firm and its clients only (the operators came later); the loop: all three."""
    page = watched.page
    page.set_viewport_size({"width": 1440, "height": 900})
    page.goto(f"{server}/chain?case=julie-desk&lang={lang}")
    wait_for_app(page)
    graph(page)
    assert count(page, NODES) == 3
    choose(page, "Phase", loop_label)
    page.wait_for_url("**phase=*")
    wait_for_app(page)
    page.wait_for_function(
        f"() => {{ const f = document.querySelector('iframe'); const n = f && "
        f"f.contentWindow.chainNetwork; return n && n.body.data.nodes.length === {nodes}; }}")
    assert count(page, EDGES) == edges
    screenshot(page, f"cases-chain-julie-desk-{lang}")
    assert_clean(watched)


@pytest.mark.parametrize("lang, note", [
    ("en", "a sector map, not one product's chain"),
    ("fr", "la carte d'un secteur, pas la chaîne d'un produit")])
def test_compare_note_on_the_sector_map(server, watched, lang, note):
    page = watched.page
    page.set_viewport_size({"width": 1440, "height": 900})
    page.goto(f"{server}/compare?lang={lang}")
    wait_for_app(page)
    page.locator(".vega-embed").first.wait_for(timeout=30_000)
    page.get_by_text(note).scroll_into_view_if_needed()
    screenshot(page, f"cases-compare-{lang}")
    assert_clean(watched)
