"""The five bundled cases on every page that shows or compares cases, in English and French:
each case's scope said, Julie Desk's phases shown and filtering its chain.

Expected values come from the fact sheet's choices (3 actors, 3 links and 2 tasks for Julie
Desk; 19 actors, 27 links and 12 tasks for the automotive sector map), not from the code.
"""

import re

import pytest

from app.core.text import escape_markdown
from conftest import run_page as run

CHAIN = "app_pages/chain.py"
FIVE = ["automotive-micro-work", "canteen-terminal", "julie-desk", "retail-video-surveillance",
        "voice-assistant"]


def plain(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def shown(at) -> str:
    parts = [*at.markdown, *at.caption, *at.info, *at.title, *at.subheader]
    return plain("\n".join(str(p.value) for p in parts))


def badges(at) -> list[str]:
    """Badges are Markdown directives: `:orange-badge[:material/hub: Sector map]`."""
    return re.findall(r":(\w+)-badge\[(?::material/\w+: )?([^\]]+)\]",
                      "\n".join(str(m.value) for m in at.markdown))


@pytest.mark.parametrize("lang, product, sector", [
    ("en", "Product chain", "Sector map"), ("fr", "Chaîne d'un produit", "Carte d'un secteur")])
def test_home_cards_say_each_cases_scope(lang, product, sector):
    at = run(lang=lang)
    links = [link for link in at.get("page_link") if "case=" in str(link.proto.query_string)
             or link.proto.label in ("Open the chain", "Ouvrir la chaîne")]
    assert len(links) == 5
    found = badges(at)
    assert found.count(("orange", sector)) == 1  # the automotive case only
    assert found.count(("blue", product)) == 4
    text = shown(at)
    if lang == "en":
        assert "**Phases:** 1. By hand (8 months) → 2. Human-computer loop" in text
        assert "3 actors · 3 links · 2 tasks" in text
        assert "19 actors · 27 links · 12 tasks" in text
    else:
        assert "**Phases\u00a0:** 1. À la main (8 mois) → 2. Boucle humain-machine" in text
        assert "19 acteurs · 27 liens · 12 tâches" in text


@pytest.mark.parametrize("lang, scope_line", [
    ("en", "**Scope:** Sector map. A map of a whole sector"),
    ("fr", "**Portée\u00a0:** Carte d'un secteur. La carte de tout un secteur")])
def test_automotive_chain_says_it_is_a_sector_map(lang, scope_line):
    at = run(CHAIN, case="automotive-micro-work", lang=lang)
    text = shown(at)
    assert scope_line in text
    assert at.get("iframe"), "the graph is drawn"
    # Every actor and link is listed in the text alternative.
    word = "links" if lang == "en" else "liens"
    assert f"27 {word}" in text and ("19 actors" in text or "19 acteurs" in text)
    # A case without phases has no phase filter.
    with pytest.raises(KeyError):
        at.button_group(key="chain-phase-select")


def test_julie_desk_phase_filter_narrows_the_chain():
    at = run(CHAIN, case="julie-desk")
    assert "**Scope:** Product chain." in shown(at)
    select = at.button_group(key="chain-phase-select")
    # Drawn as buttons, whose labels are Markdown: the phases' names from the data escaped.
    assert select.options == ["All phases", *map(escape_markdown, ["1. By hand (8 months)",
                                                                    "2. Human-computer loop"])]
    # By hand: the firm did the work itself; the operators were not there yet.
    select.set_value("by-hand").run()
    assert not at.exception
    assert at.query_params["phase"] == "by-hand"
    srcdoc = at.get("iframe")[0].proto.srcdoc
    assert '"id":"julie-desk:jd-firm"' in srcdoc
    assert '"id":"julie-desk:jd-operators"' not in srcdoc
    # The loop: the operators validate every reply.
    at.button_group(key="chain-phase-select").set_value("loop").run()
    assert '"id":"julie-desk:jd-operators"' in at.get("iframe")[0].proto.srcdoc
    at.button_group(key="chain-tables").set_value("tasks").run()
    tasks = at.dataframe[-1].value
    assert list(tasks["Phase"]) == ["2. Human-computer loop"]


def test_julie_desk_phase_from_the_link_in_french():
    at = run(CHAIN, case="julie-desk", phase="loop", lang="fr")
    assert at.button_group(key="chain-phase-select").value == "loop"
    assert escape_markdown("2. Boucle humain-machine") in at.button_group(
        key="chain-phase-select").options
    assert "**Portée\u00a0:** Chaîne d'un produit." in shown(at)


@pytest.mark.parametrize("case, value, reason", [
    ("julie-desk", "<script>alert(1)</script>", "it is not one of by-hand, loop"),
    ("voice-assistant", "loop", "this case has no phases"),
])
def test_bad_phase_in_the_link_is_dropped_with_a_notice(case, value, reason):
    at = run(CHAIN, case=case, phase=value)
    notices = " ".join(str(i.value) for i in at.info)
    assert "Ignored the link's `phase`" in notices and reason in plain(notices)
    assert "<script>" not in notices
    assert "phase" not in at.query_params


def test_changing_case_forgets_the_phase():
    at = run(CHAIN, case="julie-desk", phase="loop")
    at.button_group(key="chain-case-select").set_value("voice-assistant").run()
    assert not at.exception and "phase" not in at.query_params


@pytest.mark.parametrize("page", ["app_pages/flows.py", "app_pages/functions.py"])
@pytest.mark.parametrize("lang, words", [
    ("en", "Sector map, not one company's supply chain: Automotive sector's micro-work chain"),
    ("fr", "Carte d'un secteur, pas la chaîne d'approvisionnement d'une entreprise : Chaîne de "
           "micro-travail du secteur automobile")])
def test_flows_and_functions_say_which_case_is_a_sector_map(page, lang, words):
    at = run(page, lang=lang)
    assert at.get("pills")[0].value == FIVE
    assert words in shown(at).replace("\u00a0", " ").replace("**", "")
    only_products = run(page, cases="canteen-terminal,julie-desk", lang=lang)
    assert "Sector map" not in shown(only_products)
    assert ("Every case chosen is a product chain" in shown(only_products)) == (lang == "en")


def test_functions_task_table_shows_julie_desks_phases():
    at = run("app_pages/functions.py", cases="julie-desk", show="table")
    tasks = at.dataframe[-1].value
    assert list(tasks.columns[:3]) == ["Case", "Phase", "Task"]
    assert dict(zip(tasks["Phase"], tasks["Function"])) == {
        "1. By hand (8 months)": "Impersonation", "2. Human-computer loop": "Verification"}
    # No phases among the chosen cases: no Phase column.
    other = run("app_pages/functions.py", cases="voice-assistant",
                show="table").dataframe[-1].value
    assert "Phase" not in other.columns


@pytest.mark.parametrize("lang, note", [
    ("en", "Automotive sector's micro-work chain: a sector map, not one product's chain."),
    ("fr", "Chaîne de micro-travail du secteur automobile : la carte d'un secteur, pas la "
           "chaîne d'un produit.")])
def test_compare_says_which_measures_mean_something_else(lang, note):
    at = run("app_pages/compare.py", lang=lang)
    text = shown(at).replace("\u00a0", " ")
    assert note in text
    assert at.pills(key="compare-cases-select").value == FIVE
    # Without the sector map the note is not shown.
    at = run("app_pages/compare.py", cases="julie-desk,voice-assistant", lang=lang)
    assert note not in shown(at).replace("\u00a0", " ")


def test_sources_page_counts_the_new_cases_rows():
    at = run("app_pages/sources.py", scope="julie-desk")
    text = shown(at)
    # Julie Desk cites S3 alone: 3 actors, 3 links, 2 tasks.
    assert "(8 rows): julie-desk: 3 actors, 3 links, 2 tasks" in text


@pytest.mark.parametrize("lang, opening", [
    ("en", "A sector map, not one company's supply chain: Autonomous and connected vehicles"),
    ("fr", "La carte d'un secteur, pas la chaîne d'approvisionnement d'une entreprise : "
           "Véhicules autonomes et connectés")])
def test_presenting_the_sector_map_says_it_first(lang, opening):
    at = run(CHAIN, case="automotive-micro-work", present="1", lang=lang)
    assert opening in shown(at).replace("\u00a0", " ")
    julie = run(CHAIN, case="julie-desk", present="1", lang=lang)
    assert "sector" not in shown(julie) and "secteur" not in shown(julie)
