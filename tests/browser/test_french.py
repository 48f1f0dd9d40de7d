"""The app in French in a real Chromium: every page drawn, the language kept while browsing."""

from urllib.parse import parse_qs, urlsplit

import pytest

from conftest import bundled_case_ids
from tests.browser.conftest import (PROJECT, assert_clean, choose, screenshot, wait_for_app,
                                    wait_until_drawn)

pytestmark = pytest.mark.browser
CASE_IDS = bundled_case_ids()
HOSTILE = PROJECT / "tests" / "fixtures" / "hostile"
# url_path -> what the page shows when drawn (a French text, or a chart or graph to wait for).
PAGES = {
    "": "text=Études de cas",
    "chain": "iframe",
    "flows": ".vega-embed",
    "functions": ".vega-embed",
    "compare": ".vega-embed",
    "platforms": ".vega-embed",
    "figures": ".vega-embed",
    "sources": "text=Citée dans",
    "upload": "[data-testid=stFileUploader]",
}


def lang_of(url: str) -> list[str]:
    return parse_qs(urlsplit(url).query).get("lang", [])


@pytest.mark.parametrize("path", list(PAGES), ids=lambda p: p or "home")
def test_every_page_in_french(server, watched, path):
    page = watched.page
    page.goto(f"{server}/{path}?lang=fr")
    wait_for_app(page)
    page.locator(PAGES[path]).first.wait_for(timeout=30_000)
    wait_until_drawn(page)
    # The navigation is in French on every page.
    sidebar = page.locator("[data-testid=stSidebar]")
    sidebar.get_by_text("Chaîne de valeur", exact=True).wait_for()
    sidebar.get_by_text("Ajouter votre propre cas", exact=True).wait_for()
    screenshot(page, f"fr-{path or 'home'}")
    assert lang_of(page.url) == ["fr"]
    assert_clean(watched)


def test_home_in_french(server, watched):
    page = watched.page
    page.goto(f"{server}/?lang=fr")
    wait_for_app(page)
    page.get_by_role("heading", name="Chaînes du travail des données").wait_for()
    page.get_by_text("Trois fonctions du travail des données").wait_for()
    page.get_by_text("Ce qui est vendu comme un produit d'IA").wait_for()
    page.get_by_text("Ouvrir la chaîne").nth(len(CASE_IDS) - 1).wait_for()
    page.get_by_text("Madagascar").first.wait_for()
    assert page.get_by_text("Open the chain").count() == 0
    assert_clean(watched)


def test_chain_in_french(server, watched):
    page = watched.page
    page.goto(f"{server}/chain?case=voice-assistant&lang=fr")
    wait_for_app(page)
    page.frame_locator("iframe").first.locator("#mynetwork canvas").wait_for(timeout=30_000)
    page.get_by_role("heading", name="États-Unis", exact=False).first.wait_for()
    page.get_by_text("La chaîne en texte").wait_for()
    page.get_by_text("Lien documenté").wait_for()  # the legend
    choose(page, "Afficher en tableau", "Acteurs")
    # The table asked for is drawn by a rerun: the actors' table and its download come then.
    page.locator(".st-key-chain-actors-download").get_by_text(
        "Télécharger ce tableau (CSV)").wait_for()
    screenshot(page, "fr-chain-actors")
    assert_clean(watched)


def test_language_follows_a_page_link(server, watched):
    page = watched.page
    page.goto(f"{server}/?lang=fr")
    wait_for_app(page)
    # Every card drawn first: with five cases the last one comes in a second row.
    last = page.get_by_text("Ouvrir la chaîne").nth(len(CASE_IDS) - 1)
    last.wait_for()
    last.click()
    page.wait_for_url(f"**/chain?case={CASE_IDS[-1]}*")
    wait_for_app(page)
    page.get_by_text("La chaîne en texte").wait_for()
    assert lang_of(page.url) == ["fr"]
    # The sidebar's navigation carries no parameter: the session keeps the language.
    page.locator("[data-testid=stSidebar]").get_by_text("Ajouter votre propre cas",
                                                        exact=True).click()
    page.wait_for_url("**/upload*")
    wait_for_app(page)
    page.get_by_role("heading", name="Ajouter votre propre cas").wait_for()
    page.wait_for_function("() => location.search.includes('lang=fr')")
    assert_clean(watched)


def test_switching_language(server, watched):
    page = watched.page
    page.goto(f"{server}/?lang=fr")
    wait_for_app(page)
    page.get_by_role("heading", name="Chaînes du travail des données").wait_for()
    choose(page, "Language / Langue", "English", scope=page.locator("[data-testid=stSidebar]"))
    page.get_by_role("heading", name="Data Labour Chains").wait_for()
    page.wait_for_function("() => location.search.includes('lang=en')")
    assert_clean(watched)


def test_first_visit_follows_the_browser_language(server, watched_context):
    seen = watched_context(locale="fr-FR", viewport={"width": 1600, "height": 1200})
    page = seen.page
    page.goto(server)
    wait_for_app(page)
    page.get_by_role("heading", name="Chaînes du travail des données").wait_for()
    assert_clean(seen)


def test_presentation_in_french(server, watched_context):
    seen = watched_context(viewport={"width": 1920, "height": 1080})
    page = seen.page
    page.goto(f"{server}/chain?case=voice-assistant&present=1&lang=fr")
    wait_for_app(page)
    page.frame_locator("iframe").first.locator("#mynetwork canvas").wait_for(timeout=30_000)
    page.get_by_text("Le produit : Enceinte connectée").wait_for()
    page.get_by_text("Étape").first.wait_for()
    screenshot(page, "fr-present-step1")
    page.get_by_role("button", name="Suivant").click()
    page.wait_for_url("**step=2*")
    wait_for_app(page)
    page.get_by_text("sous-traite à").first.wait_for()
    screenshot(page, "fr-present-step2")
    assert lang_of(page.url) == ["fr"]
    assert_clean(seen)


def test_share_panel_cites_in_french(server, watched):
    page = watched.page
    page.goto(f"{server}/chain?case=voice-assistant&lang=fr")
    wait_for_app(page)
    page.get_by_text("Partager et citer cette vue").click()
    page.get_by_text("Consulté le", exact=False).first.wait_for()
    page.get_by_text("langid = {french}", exact=False).first.wait_for()
    screenshot(page, "fr-share-panel")
    assert_clean(watched)


def test_refused_upload_is_explained_in_french(server, watched):
    page = watched.page
    page.goto(f"{server}/upload?lang=fr")
    wait_for_app(page)
    page.locator("[data-testid=stFileUploaderDropzoneInput]").first.set_input_files(
        str(HOSTILE / "traversal.zip"))
    page.get_by_text("traversal.zip").first.wait_for()
    page.get_by_role("button", name="Vérifier et ajouter le cas").first.click()
    page.get_by_text("Le cas n'a pas été ajouté").wait_for(timeout=30_000)
    page.get_by_text("Télécharger la liste des problèmes (CSV)").wait_for()
    wait_until_drawn(page)
    screenshot(page, "fr-upload-refused")
    assert_clean(watched)
