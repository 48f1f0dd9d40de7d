"""The compare and reference pages in a real Chromium: charts drawn, no error, nothing leaves."""

import re

import pytest
from playwright.sync_api import expect

from conftest import bundled_case_ids
from tests.browser.conftest import assert_clean, choose, screenshot, wait_for_app, wait_until_drawn
from tests.browser.conftest import wait_for_charts as wait_for_drawn

pytestmark = pytest.mark.browser
CASE_IDS = bundled_case_ids()


def wait_for_charts(page, n: int, timeout: int = 30_000) -> int:
    """Wait until at least `n` Vega views are drawn, none of them squashed; return how many."""
    sizes = wait_for_drawn(page, n, timeout)
    assert all(w > 100 and h > 50 for w, h in sizes), sizes
    return len(sizes)


def test_compare(server, watched):
    page = watched.page
    page.goto(f"{server}/compare")
    wait_for_app(page)
    assert wait_for_charts(page, 1) == 1  # the chain lengths; the rest on request
    # The automotive sector map: car makers -> Appen -> Figure Eight -> Clixsense -> workers.
    page.get_by_text("The longest chain is 4 links").first.wait_for()
    choose(page, "Also show", "The chains side by side")
    page.wait_for_url(lambda url: "show=chains" in url, timeout=15_000)
    # One small chain per case, under the lengths.
    assert wait_for_charts(page, 1 + len(CASE_IDS)) == 1 + len(CASE_IDS)
    choose(page, "Also show", "Every measure, defined")
    page.locator("[data-testid=stMetricValue]").first.wait_for()
    screenshot(page, "compare")
    assert_clean(watched)


def test_compare_two_cases_from_the_link(server, watched):
    page = watched.page
    page.goto(f"{server}/compare?cases=voice-assistant,canteen-terminal&show=chains")
    wait_for_app(page)
    assert wait_for_charts(page, 3) == 3
    assert "cases=" in page.url
    assert_clean(watched)


def test_platforms(server, watched):
    page = watched.page
    page.goto(f"{server}/platforms")
    wait_for_app(page)
    assert wait_for_charts(page, 1) == 1  # the map; timeline, offer types, relations on request
    page.get_by_text("Founded before 2000: Pactera").first.wait_for()
    # The world outline comes from the app's own static folder.
    page.wait_for_function(
        "() => performance.getEntriesByType('resource')"
        ".some(e => e.name.includes('/app/static/countries-110m.json'))", timeout=15_000)
    wait_until_drawn(page)
    screenshot(page, "platforms")
    assert_clean(watched)


def test_figures(server, watched):
    page = watched.page
    page.goto(f"{server}/figures?show=market")
    wait_for_app(page)
    # The funnel, and the market sizes asked for by the link.
    assert wait_for_charts(page, 2) == 2
    page.get_by_text("Critique of this figure").wait_for()
    page.get_by_text("Industry forecasts, not measurements").first.wait_for()
    screenshot(page, "figures")
    assert_clean(watched)


def test_sources(server, watched):
    page = watched.page
    page.goto(f"{server}/sources")
    wait_for_app(page)
    page.get_by_role("heading", name="S2 · Article · 2019").wait_for(timeout=30_000)
    link = page.get_by_role("link", name="doi.org/10.1007/s40812-019-00121-1")
    assert link.get_attribute("href") == "https://doi.org/10.1007/s40812-019-00121-1"
    assert page.locator("[data-testid=stDataFrame]").count() == 0  # text until a source is chosen
    # No select box or download button on first show: the dictionary, the list and four
    # tables per case and four reference tables when asked for.
    main = page.locator("[data-testid=stMainBlockContainer]")
    assert main.locator("[data-testid=stSelectbox]").count() == 0
    downloads = main.locator("[data-testid=stDownloadButton]")
    expect(downloads).to_have_count(0)
    page.get_by_text("The data dictionary, this list and every table (CSV)").click()
    expect(downloads).to_have_count(4 * len(CASE_IDS) + 4 + 2)
    wait_for_app(page)  # that run over
    screenshot(page, "sources")
    # Choosing a source (a button per key) shows the rows citing it and puts it into the link.
    choose(page, "Show the rows citing", "P6")
    page.wait_for_url("**source=P6**")
    page.get_by_role("heading", name="Rows citing P6").wait_for()
    page.locator("[data-testid=stDataFrame]").first.wait_for(timeout=30_000)
    page.get_by_text("The 3 rows that cite P6.").wait_for()
    screenshot(page, "sources-rows")
    assert_clean(watched)


def test_hostile_source_shows_as_text(hostile_server, watched):
    page = watched.page
    page.goto(f"{hostile_server}/sources?scope=injection&source=H1")
    wait_for_app(page)
    page.get_by_role("heading", name="Rows citing H1").wait_for(timeout=30_000)
    page.get_by_text("<script>alert('citation')</script> href javascript:alert(1)").first.wait_for()
    page.get_by_text("<img src=x onerror=alert('note')>").first.wait_for()
    main = page.locator("[data-testid=stMain]")
    hrefs = main.locator("a[href]").evaluate_all("links => links.map(a => a.href)")
    assert all(h.startswith(("http://203.0.113.9/source", "https://creativecommons.org/"))
               or h.startswith(hostile_server) for h in hrefs), hrefs
    page.locator("[data-testid=stDataFrame]").first.wait_for(timeout=30_000)
    page.get_by_role("button", name=re.compile("H1$")).wait_for()  # the chosen source
    assert page.locator("img[src=x]").count() == 0
    screenshot(page, "sources-injection")
    assert_clean(watched)


def test_hostile_link_falls_back_with_a_notice(server, watched):
    page = watched.page
    page.goto(f"{server}/platforms?offer=%3Cscript%3Ealert(1)%3C/script%3E")
    wait_for_app(page)
    page.get_by_text("Ignored the link's").wait_for()
    assert wait_for_charts(page, 1) == 1
    assert_clean(watched)


# --- in French: what a French reader sees, numbers and all -------------------------------------

NNBSP = "\u202f"


def axis_texts(page) -> str:
    """The text Vega drew in the SVG charts (axes, labels, legends), or "" for canvas ones."""
    return " ".join(page.locator(".vega-embed svg text").all_inner_texts())


def test_compare_in_french(server, watched):
    page = watched.page
    page.goto(f"{server}/compare?lang=fr&show=grid")
    wait_for_app(page)
    assert wait_for_charts(page, 1) == 1
    page.get_by_text("La plus longue chaîne compte 4 liens").first.wait_for()
    page.get_by_role("button", name="Afficher aussi\u00a0: Chaque mesure, définie").wait_for()
    page.get_by_text("Longueur de la chaîne", exact=True).first.wait_for()
    wait_until_drawn(page)
    screenshot(page, "compare-fr")
    assert "lang=fr" in page.url
    assert_clean(watched)


def test_platforms_in_french(server, watched):
    page = watched.page
    page.goto(f"{server}/platforms?lang=fr")
    wait_for_app(page)
    assert wait_for_charts(page, 1) == 1
    page.get_by_text("Plateformes fondées avant 2000 : Pactera").first.wait_for()
    page.wait_for_function(
        "() => performance.getEntriesByType('resource')"
        ".some(e => e.name.includes('/app/static/countries-110m.json'))", timeout=15_000)
    wait_until_drawn(page)
    screenshot(page, "platforms-fr")
    assert_clean(watched)


def test_figures_in_french(server, watched):
    page = watched.page
    page.goto(f"{server}/figures?lang=fr&show=market")
    wait_for_app(page)
    assert wait_for_charts(page, 2) == 2
    page.get_by_text("Critique de ce chiffre").wait_for()
    page.get_by_text("Prévisions du secteur, pas des mesures").first.wait_for()
    # 266 126 with a narrow no-break space, as French writes it.
    page.get_by_text(f"266{NNBSP}126 personnes").first.wait_for()
    wait_until_drawn(page)
    screenshot(page, "figures-fr")
    assert_clean(watched)


def test_sources_in_french(server, watched):
    page = watched.page
    page.goto(f"{server}/sources?lang=fr&source=S1")
    wait_for_app(page)
    page.get_by_role("heading", name="Lignes qui citent S1").wait_for(timeout=30_000)
    page.locator("[data-testid=stDataFrame]").first.wait_for(timeout=30_000)
    page.get_by_role("heading", name="P9 · Presse · 2019").wait_for()
    page.get_by_text("Citée dans").first.wait_for()
    page.get_by_text("Télécharger les données").wait_for()
    wait_until_drawn(page)
    screenshot(page, "sources-fr")
    assert_clean(watched)
