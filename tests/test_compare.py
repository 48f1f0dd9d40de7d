"""The compare measures, checked by hand on the tiny fixture and on the real cases."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest

from app.core import network
from app.core.compare import (COLUMNS, MEASURES, compare_cases, longest_chain_answer,
                              short_title)
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
    assert row["share_documented"] == pytest.approx(8 / 9)
    assert row["share_reported"] == 0
    assert row["share_inferred"] == pytest.approx(1 / 9)


def test_france_madagascar_cases_by_hand(measures):
    canteen = measures.loc["canteen-terminal"]
    assert canteen["chain_length"] == 3  # canteen operator -> start-up -> vendor -> workers
    assert canteen["documented_chain_length"] == 0
    assert canteen["n_intermediaries"] == 2
    assert (canteen["n_countries"], canteen["n_cross_border_links"],
            canteen["n_links_unknown_country"]) == (2, 1, 2)
    assert canteen["share_impersonation"] == 0
    assert canteen["unpaid_share"] == pytest.approx(1 / 3)
    retail = measures.loc["retail-video-surveillance"]
    assert (retail["chain_length"], retail["documented_chain_length"]) == (3, 0)
    assert retail["intermediaries"] == "Informal house-based operation near Antananarivo"
    assert (retail["n_countries"], retail["n_cross_border_links"]) == (2, 2)
    assert retail["share_reported"] == pytest.approx(3 / 6)


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


def test_every_measure_is_defined():
    for measure in MEASURES:
        assert measure.definition.endswith(".") and len(measure.definition) > 40
        assert measure.column in COLUMNS or measure.column in ("function_shares",
                                                                "certainty_shares")


def test_longest_chain_answer(measures):
    frame = measures.reset_index()
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


def test_short_title():
    assert short_title("Automated canteen checkout terminal (France – Madagascar)") == \
        "Automated canteen checkout terminal"
    assert short_title("No brackets") == "No brackets"
    assert short_title("(only brackets)") == "(only brackets)"


def test_compare_and_reference_builders_import_no_streamlit():
    charts = ("import sys, app.charts.compare_charts, app.charts.reference_charts; "
              "assert 'streamlit' not in sys.modules")
    subprocess.run([sys.executable, "-c", charts], check=True)
    core = ("import sys, app.core.compare; "
            "bad = {'streamlit', 'altair', 'pyvis'} & set(sys.modules); assert not bad, bad")
    subprocess.run([sys.executable, "-c", core], check=True)
