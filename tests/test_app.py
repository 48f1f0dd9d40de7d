"""Every page through Streamlit's AppTest: with and without parameters, and hostile ones."""

import pytest

from app.core.load import load_dataset
from conftest import bundled_case_ids, run_page as run

CASE_IDS = bundled_case_ids()
# One value per branch: unknown, markup (escaped), too long (shortened), empty (no notice).
# Path-like and Markdown values are in tests/fixtures/hostile/expected.json's queries.
HOSTILE = ["no-such-case", "<script>alert(1)</script>", "x" * 10_000, ""]




def case_links(at) -> list:
    return [link for link in at.get("page_link") if link.proto.label == "Open the chain"]




def test_home_lists_every_case():
    at = run()
    assert at.title[0].value == "Data Labour Chains"
    assert len(case_links(at)) == len(CASE_IDS) >= 3


@pytest.mark.parametrize("case_id", CASE_IDS)
def test_chain_page_for_each_case(case_id):
    at = run("app_pages/chain.py", case=case_id)
    assert at.button_group(key="chain-case-select").value == case_id
    iframe = at.get("iframe")[0].proto
    assert "vis-network" in iframe.srcdoc and "https://" not in iframe.srcdoc
    assert at.query_params["case"] == case_id


def test_chain_page_without_parameters_shows_first_case():
    at = run("app_pages/chain.py")
    assert at.button_group(key="chain-case-select").value == CASE_IDS[0]


@pytest.mark.parametrize("value", HOSTILE)
def test_chain_page_with_hostile_case(value):
    at = run("app_pages/chain.py", case=value)
    assert at.button_group(key="chain-case-select").value == CASE_IDS[0]
    if value:
        assert any("Ignored the link's `case`" in str(i.value) for i in at.info)
        assert len(case_links(at)) == len(CASE_IDS)  # the cases are offered
    for info in at.info:
        assert "<script>" not in str(info.value) and len(str(info.value)) < 400


def test_filters_restore_from_the_link():
    at = run("app_pages/chain.py", case="voice-assistant", function="verification",
             documented="1", physics="1")
    assert at.button_group(key="chain-function-select").value == "verification"
    assert at.toggle(key="chain-documented-toggle").value is True
    assert at.toggle(key="chain-physics-toggle").value is True


def test_bad_filters_are_dropped_with_a_notice():
    at = run("app_pages/chain.py", case="voice-assistant", function="astrology",
             documented="maybe", colour="red")
    assert at.button_group(key="chain-function-select").value == ""
    notices = " ".join(str(i.value) for i in at.info)
    assert "`function`" in notices and "`documented`" in notices and "`colour`" in notices


def test_bad_layout_is_dropped_with_a_notice():
    at = run("app_pages/chain.py", case="voice-assistant", layout="spiral")
    assert at.button_group(key="chain-layout-select").value == "lanes"
    notices = " ".join(str(i.value) for i in at.info)
    assert "`layout`" in notices and "spiral" in notices


def test_focus_on_an_actor_and_change_of_case_clears_it():
    first = load_dataset(extra_dir=None).only("voice-assistant").actors["actor_id"].iloc[0]
    at = run("app_pages/chain.py", case="voice-assistant", focus=first)
    assert at.button_group(key="chain-actor-select").value == first
    at.button_group(key="chain-case-select").set_value(CASE_IDS[0]).run()
    assert not at.exception
    assert at.button_group(key="chain-actor-select").value == ""
    assert "focus" not in at.query_params


def test_widget_change_goes_into_the_url():
    at = run("app_pages/chain.py", case="voice-assistant")
    at.toggle(key="chain-documented-toggle").set_value(True).run()
    assert at.query_params["documented"] == "1"
    at.button_group(key="chain-function-select").set_value("preparation").run()
    assert at.query_params["function"] == "preparation"


def test_share_panel_is_filled_only_when_opened():
    # Closed, it costs a run nothing (no QR code, no citation); opened, it cites the view.
    at = run("app_pages/chain.py", case="voice-assistant")
    assert [e.label for e in at.sidebar.expander] == ["Share and cite this view", "Give a talk"]
    assert not at.sidebar.code
    at.session_state["share-panel"] = True
    at.run()
    link, text, bibtex, *sources = (c.value for c in at.sidebar.code)
    assert "case=voice-assistant" in link and "case=voice-assistant" in text
    assert bibtex.startswith("@misc{dlc-chain-")
    assert sources[0].startswith("[") and sources[1].startswith("@misc{src-")


def test_the_navigation_is_kept_in_the_session_and_follows_the_language():
    at = run("app_pages/chain.py", case="voice-assistant")
    lang, pages, _ = at.session_state["navigation-pages"]
    assert lang == "en" and list(pages) == ["Chains", "Analyses", "Reference"]
    at.run()
    assert at.session_state["navigation-pages"][1] is pages  # not made again on a rerun
    at.sidebar.get("button_group")[0].set_value("fr").run()
    lang, pages, by_file = at.session_state["navigation-pages"]
    assert by_file["app_pages/chain.py"] is pages["Chaînes"][1]
    assert lang == "fr" and list(pages) == ["Chaînes", "Analyses", "Références"]
    assert pages["Chaînes"][1].title == "Chaîne de valeur"


def test_the_language_outlives_the_switchs_forgotten_state():
    # The switch waits in a pop-over: a browser that never opened it never drew it, and
    # Streamlit then forgets its state when the reader changes page by the navigation, whose
    # links carry no parameter. The session still shows the language it last showed.
    at = run("app_pages/upload.py", lang="fr")
    assert at.session_state["lang-kept"] == "fr"
    forgotten = run("app_pages/upload.py", state={"lang-kept": "fr"})
    assert forgotten.title[0].value == "Ajouter votre propre cas"
    assert forgotten.query_params["lang"] == "fr"
    # A link's language still wins over the one kept.
    linked = run("app_pages/upload.py", lang="en", state={"lang-kept": "fr"})
    assert linked.title[0].value == "Add your own case"


def test_the_chain_as_text_draws_a_table_only_on_request():
    # First render: the graph without any table; then the one asked for, its choice in the link.
    at = run("app_pages/chain.py", case="voice-assistant")
    assert not at.dataframe and "show" not in at.query_params
    assert at.button_group(key="chain-tables").label == "Show as a table"
    at.button_group(key="chain-tables").set_value("links").run()
    assert len(at.dataframe) == 1 and "Relation" in at.dataframe[0].value.columns
    assert at.query_params["show"] == "links"
    assert "chain-links-download" in {str(b.key) for b in at.get("download_button")}
    at.button_group(key="chain-tables").set_value("actors").run()
    assert len(at.dataframe) == 1 and "Workers" in at.dataframe[0].value.columns
    keys = {str(b.key) for b in at.get("download_button")}
    assert "chain-actors-download" in keys and "chain-links-download" not in keys
    linked = run("app_pages/chain.py", case="voice-assistant", show="tasks")
    assert len(linked.dataframe) == 1 and "Task" in linked.dataframe[0].value.columns
