"""The compare measures, checked by hand on the tiny fixture and on the real cases."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest

from app.core import network
from app.core.compare import (COLUMNS, GRID_MEASURES, MEASURES, certainty_summary,
                              chain_extent, chain_small_frames, compare_cases,
                              function_summary, longest_chain_answer, measure_cell,
                              measures_table, short_title, small_chain_summary, unpaid_summary)
from app.core.functions import function_shares
from app.core.errors import UnknownCase
from app.core.load import build_dataset, load_dataset


@pytest.fixture(scope="module")
def real():
    return load_dataset(extra_dir=None)


@pytest.fixture(scope="module")
def measures(real):
    return compare_cases(real).set_index("case_id")


def test_tiny_case_by_hand(tiny_dataset):
    # firm (FR) -outsources-> platform (MG) -recruits-> workers (MG); users (no country)
    # -supplies data-> firm. Tasks: t1 preparation paid, t2 verification paid, t3 verification
    # unpaid. Links: one documented, one reported, one inferred.
    row = compare_cases(tiny_dataset).iloc[0]
    assert row["case_id"] == "tiny"
    assert (row["n_actors"], row["n_links"], row["n_tasks"]) == (4, 3, 3)
    assert row["chain_length"] == 2  # firm -> platform -> workers
    assert row["documented_chain_length"] == 0  # only firm -> platform is documented
    assert row["n_intermediaries"] == 1 and row["intermediaries"] == "Test platform"
    assert row["n_countries"] == 2 and row["countries"] == "France; Madagascar"
    assert row["n_actors_unknown_country"] == 1
    assert row["n_cross_border_links"] == 1  # FR -> MG; MG -> MG is domestic
    assert row["n_links_unknown_country"] == 1  # users have no country
    assert row["share_preparation"] == pytest.approx(1 / 3)
    assert row["share_verification"] == pytest.approx(2 / 3)
    assert row["share_impersonation"] == 0
    assert row["n_unpaid"] == 1 and row["unpaid_share"] == pytest.approx(1 / 3)
    for cert in ("documented", "reported", "inferred"):
        assert row[f"share_{cert}"] == pytest.approx(1 / 3)


def test_voice_assistant_by_hand(real, measures):
    row = measures.loc["voice-assistant"]
    # lead firm -> Chinese platform -> Japanese service (or Spanish subcontractor) -> workers
    assert row["chain_length"] == 3
    assert row["documented_chain_length"] == 3  # only the end users' link is inferred
    case = real.only("voice-assistant")
    ids = network.intermediaries(case.actors, case.links)
    names = dict(zip(case.actors["actor_id"], case.actors["name"]))
    assert row["n_intermediaries"] == len(ids) == 4
    assert row["intermediaries"] == "; ".join(names[i] for i in ids)
    assert "Microtask platform managed by the lead firm" not in row["intermediaries"]
    assert row["n_countries"] == 6
    assert row["countries"] == "China; France; Italy; Japan; Spain; United States"
    assert row["n_actors_unknown_country"] == 1  # the smart-speaker users
    # US-CN, CN-JP, CN-ES, JP-FR, ES-FR, IT-FR, US-FR cross; US-US (operates) does not;
    # users -> lead firm has an unknown end.
    assert row["n_cross_border_links"] == 7
    assert row["n_links_unknown_country"] == 1
    assert row["share_preparation"] == pytest.approx(4 / 8)
    assert row["share_verification"] == pytest.approx(3 / 8)
    assert row["share_impersonation"] == pytest.approx(1 / 8)
    assert row["n_unpaid"] == 1 and row["unpaid_share"] == pytest.approx(1 / 8)
    # S1's figure note states l1-l7; the sign-up link l8 (read as recruiting) and the users'
    # link l9 are inferred.
    assert row["share_documented"] == pytest.approx(7 / 9)
    assert row["share_reported"] == 0
    assert row["share_inferred"] == pytest.approx(2 / 9)


def test_france_madagascar_cases_by_hand(measures):
    canteen = measures.loc["canteen-terminal"]
    assert canteen["chain_length"] == 3  # canteen operator -> start-up -> vendor -> workers
    assert canteen["documented_chain_length"] == 0
    assert canteen["n_intermediaries"] == 2
    # No source says where the canteen operator or the canteen users are: l1 and l6 have an
    # unknown end, as have l3 and l5 (the crowdwork platforms' country is not given).
    assert (canteen["n_countries"], canteen["n_cross_border_links"],
            canteen["n_links_unknown_country"]) == (2, 1, 4)
    assert canteen["share_impersonation"] == 0
    assert canteen["unpaid_share"] == pytest.approx(1 / 3)
    retail = measures.loc["retail-video-surveillance"]
    assert (retail["chain_length"], retail["documented_chain_length"]) == (3, 0)
    assert retail["intermediaries"] == "Informal house-based operation near Antananarivo"
    assert (retail["n_countries"], retail["n_cross_border_links"]) == (2, 2)
    # Of 8 links only l5 and l6 rest on P2 alone (reported); l1 is S0's, and the Malagasy
    # links and S0's two joint findings (l7, l8) are inferred.
    assert retail["share_reported"] == pytest.approx(2 / 8)
    assert retail["share_documented"] == pytest.approx(1 / 8)
    assert retail["share_inferred"] == pytest.approx(5 / 8)


def test_shape_order_and_types(real):
    frame = compare_cases(real, ["voice-assistant", "canteen-terminal"])
    assert list(frame.columns) == COLUMNS
    assert list(frame["case_id"]) == ["voice-assistant", "canteen-terminal"]
    assert frame["chain_length"].dtype == "int64"
    assert frame["unpaid_share"].dtype == "float64"
    shares = frame[["share_preparation", "share_verification", "share_impersonation"]]
    assert shares.sum(axis=1).tolist() == pytest.approx([1.0, 1.0])


def test_unknown_case_is_refused(real):
    with pytest.raises(UnknownCase):
        compare_cases(real, ["no-such-case"])


def test_case_without_tasks_has_zero_shares(tiny_dataset):
    bare = build_dataset([])  # an empty dataset has the right columns
    dataset = type(tiny_dataset)(tiny_dataset.cases, tiny_dataset.actors, tiny_dataset.links,
                                 bare.tasks, tiny_dataset.sources)
    row = compare_cases(dataset).iloc[0]
    assert row["n_tasks"] == 0 and row["unpaid_share"] == 0
    assert row["share_preparation"] == row["share_verification"] == 0
    assert row["chain_length"] == 2


def test_every_measure_is_defined_in_every_language():
    for measure in MEASURES:
        for lang in ("en", "fr"):
            assert measure.definition(lang).endswith(".") and len(measure.definition(lang)) > 40
            assert measure.label(lang)
        assert measure.definition("fr") != measure.definition("en")
        assert measure.column in COLUMNS or measure.column in ("function_shares",
                                                                "certainty_shares")
    assert MEASURES[0].label("fr") == "Longueur de la chaîne"


PRODUCT_CASES = ["canteen-terminal", "retail-video-surveillance", "voice-assistant"]


def test_longest_chain_answer(measures):
    frame = measures.loc[PRODUCT_CASES].reset_index()
    frame["title"] = frame["title"].map(short_title)
    answer = longest_chain_answer(frame)
    assert answer.startswith("All 3 cases have a longest chain of 3 links.")
    assert "only Voice-assistant verification chain keeps a chain of 3 links" in answer
    assert "Most intermediaries: Voice-assistant verification chain (4)." in answer
    one_longer = frame.assign(chain_length=[3, 4, 3])
    assert "The longest chain is 4 links, in " + one_longer["title"][1] in \
        longest_chain_answer(one_longer)
    none = frame.assign(chain_length=0, documented_chain_length=0, n_intermediaries=0)
    assert longest_chain_answer(none) == ("No case has a chain from a client or lead firm to "
                                          "workers. Counting documented links only, no case "
                                          "has a complete chain.")
    assert longest_chain_answer(pd.DataFrame(columns=COLUMNS)) == ""


def test_longest_chain_answer_in_french(real):
    frame = compare_cases(real, PRODUCT_CASES, lang="fr")
    frame["title"] = frame["title"].map(short_title)
    voice = "Chaîne de vérification d'un assistant vocal"
    assert longest_chain_answer(frame, "fr") == (
        "Dans les 3 cas, la plus longue chaîne compte 3 liens. En ne comptant que les liens "
        f"documentés, seul le cas «\u00a0{voice}\u00a0» garde une chaîne de 3 liens. Le plus "
        f"d'intermédiaires\u00a0: {voice} (4).")
    one = frame.assign(chain_length=[1, 4, 1], documented_chain_length=[1, 1, 0],
                       n_intermediaries=0)
    assert longest_chain_answer(one, "fr") == (
        f"La plus longue chaîne compte 4 liens\u00a0: {one['title'][1]}. En ne comptant que les "
        f"liens documentés, les cas {one['title'][0]} et {one['title'][1]} gardent une chaîne de 1 "
        "lien.")


def test_new_cases_by_hand(measures):
    auto = measures.loc["automotive-micro-work"]
    # car makers -> Appen (inferred) -> Figure Eight -> Clixsense -> the platforms' workers;
    # documented only: car makers -> Figure Eight -> Clixsense -> workers.
    assert (auto["chain_length"], auto["documented_chain_length"]) == (4, 3)
    assert auto["n_intermediaries"] == 10  # every platform and vendor but Gengo.ai (no workers)
    assert auto["countries"] == "Australia; France; Germany; Japan; United States"
    # Appen -> Figure Eight, Appen/Clickworker/Lionbridge -> workers in France, Lionbridge ->
    # Gengo.ai; every other link stays in one country or has an end of unknown country.
    assert auto["n_cross_border_links"] == 5
    assert auto["n_unpaid"] == 0
    julie = measures.loc["julie-desk"]
    # clients -buy from-> Julie Desk -recruits-> operators, both documented.
    assert (julie["chain_length"], julie["documented_chain_length"]) == (2, 2)
    assert (julie["n_intermediaries"], julie["n_countries"]) == (0, 1)
    assert julie["share_impersonation"] == julie["share_verification"] == 0.5


def test_longest_chain_answer_with_five_cases(measures):
    frame = measures.reset_index()
    frame["title"] = frame["title"].map(short_title)
    answer = longest_chain_answer(frame)
    assert answer.startswith("The longest chain is 4 links, in Automotive sector's micro-work "
                             "chain.")
    assert "Most intermediaries: Automotive sector's micro-work chain (10)." in answer


def test_compare_cases_in_french(real):
    row = compare_cases(real, ["voice-assistant"], lang="fr").iloc[0]
    assert row["title"].startswith("Chaîne de vérification d'un assistant vocal (États-Unis")
    # Sorted as a French reader expects: "États-Unis" under E, not after "Japon".
    assert row["countries"] == ("Chine\u00a0; Espagne\u00a0; États-Unis\u00a0; France\u00a0; "
                                "Italie\u00a0; Japon")
    assert row["intermediaries"].split("\u00a0; ")[0] == "Plateforme chinoise"
    assert row["chain_length"] == 3  # the measures themselves do not change


def test_grid_cells_by_hand(tiny_dataset):
    row = compare_cases(tiny_dataset).iloc[0]
    cells = {c: measure_cell(c, row) for c in GRID_MEASURES}
    assert cells == {
        "chain_length": ("2 links", ""),
        "documented_chain_length": ("0 links", ""),
        "n_intermediaries": ("1", "Test platform"),
        "n_countries": ("2", "France; Madagascar (+ 1 actor of unknown country)"),
        "n_cross_border_links": ("1 of 3", "1 more with an end of unknown country"),
    }
    fr = compare_cases(tiny_dataset, lang="fr").iloc[0]
    cells = {c: measure_cell(c, fr, "fr") for c in GRID_MEASURES}
    assert cells == {
        "chain_length": ("2 liens", ""),
        "documented_chain_length": ("0 lien", ""),  # French: singular below 2
        "n_intermediaries": ("1", "Test platform [EN]"),  # no French name in the fixture
        "n_countries": ("2", "France\u00a0; Madagascar (+ 1 acteur de pays inconnu)"),
        "n_cross_border_links": ("1 sur 3", "1 de plus avec une extrémité de pays inconnu"),
    }


def test_measures_table_headers(tiny_dataset):
    frame = compare_cases(tiny_dataset)
    table = measures_table(frame)
    assert list(table.columns)[:3] == ["Case id", "Case", "Actors"]
    assert "Share of tasks: preparation" in table.columns
    assert "Share of links: inferred" in table.columns
    assert table["Share of tasks: verification"].iloc[0] == 0.667
    fr = measures_table(compare_cases(tiny_dataset, lang="fr"), "fr",
                        ["title", "chain_length", "share_preparation", "share_documented"])
    assert list(fr.columns) == ["Cas", "Longueur de la chaîne (liens)",
                                "Part des tâches\u00a0: préparation",
                                "Part des liens\u00a0: documenté"]


def test_summaries_by_hand(tiny_dataset):
    frame = compare_cases(tiny_dataset)
    titles = {"tiny": "Tiny test chain"}
    shares = function_shares(tiny_dataset.tasks)
    # 2 of the 3 tasks are verification.
    assert function_summary(shares, titles) == \
        "Largest function per case: Tiny test chain: Verification (67% of 3 tasks)."
    assert function_summary(shares, titles, "fr") == (
        "Fonction principale par cas\u00a0: Tiny test chain\u00a0: Vérification (67\u202f% de 3 "
        "tâches).")
    assert unpaid_summary(frame) == "Unpaid share of tasks: Tiny test chain: 1 of 3 (33%)."
    assert unpaid_summary(frame, "fr") == (
        "Part des tâches non payées\u00a0: Tiny test chain\u00a0: 1 sur 3 (33\u202f%).")
    assert certainty_summary(frame) == \
        "Share of links documented by a primary source: Tiny test chain: 33%."
    assert small_chain_summary(frame.iloc[0]) == (
        "Tiny test chain: 4 actors and 3 links; the longest chain from a client or lead firm to "
        "workers has 2 links (0 links counting documented links only), through 1 intermediary.")
    french = compare_cases(tiny_dataset, lang="fr").iloc[0]
    assert small_chain_summary(french, "fr").startswith(
        "Tiny test chain [EN]\u00a0: 4 acteurs et 3 liens\u00a0; la plus longue chaîne")


def test_small_chain_frames_follow_layer_positions(real):
    case = real.only("voice-assistant")
    nodes, edges = chain_small_frames(case.actors, case.links)
    layers_ = network.layer_positions(case.actors, case.links)
    assert dict(zip(nodes["actor_id"], nodes["x"])) == {a: float(lay) for a, (lay, _) in
                                                         layers_.items()}
    # Column 2 holds three actors, centred on 0.
    assert sorted(nodes.loc[nodes["x"] == 2, "y"]) == [-1.0, 0.0, 1.0]
    points = edges.groupby("link_id")["point"].count()
    assert points["l1"] == 2  # lead firm -> Chinese platform: next column, straight
    assert points["l9"] == 3  # users (last column) -> lead firm: an arc
    l9 = edges[edges["link_id"] == "l9"].sort_values("point")
    assert l9["y"].iloc[1] < nodes["y"].min()  # the arc passes above every actor
    sentence = edges.loc[edges["link_id"] == "l6", "sentence"].iloc[0]
    assert sentence == "Italian company (supervisor) supervises Workers in France"
    assert chain_extent(case.actors, case.links) == (4, 3)
    nodes, edges = chain_small_frames(case.actors, case.links, "fr")
    sentence = edges.loc[edges["link_id"] == "l6", "sentence"].iloc[0]
    assert sentence == "Entreprise italienne (superviseur) supervise Travailleurs en France"
    lead = nodes.set_index("actor_id").loc["lead-firm"]
    assert (lead["type_label"], lead["country_name"], lead["certainty_label"]) == (
        "Entreprise d'IA", "États-Unis", "Documenté")


def test_short_title():
    assert short_title("Automated canteen checkout terminal (France – Madagascar)") == \
        "Automated canteen checkout terminal"
    assert short_title("No brackets") == "No brackets"
    assert short_title("(only brackets)") == "(only brackets)"


def test_compare_and_reference_builders_import_no_streamlit():
    charts = ("import sys, app.charts.compare_charts, app.charts.reference_charts; "
              "assert 'streamlit' not in sys.modules")
    subprocess.run([sys.executable, "-c", charts], check=True)
    core = ("import sys, app.core.compare, app.core.reference; "
            "bad = {'streamlit', 'altair', 'pyvis'} & set(sys.modules); assert not bad, bad")
    subprocess.run([sys.executable, "-c", core], check=True)
