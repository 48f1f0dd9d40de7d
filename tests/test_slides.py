"""The steps of the presented flows, functions and comparison, and talk links, without Streamlit.

Expected texts are worked out by hand from the tiny case (tests/fixtures/cases/tiny): a French
firm outsources to a Malagasy platform, which recruits Malagasy workers; users of unknown
country supply data to the firm. Three tasks: one of preparation, two of verification.
"""

import pytest

from app.core.compare import compare_cases
from app.core.slides import WHOLE, compare_slides, flow_slides, function_slides
from app.core.talk import (TalkPart, locate, parse_talk, readable_address, talk_cases,
                           talk_link, talk_value)

A1 = "Author, A. (2020). A made-up article. Journal of Tests 1(1)."
A2 = "Reporter (2021). A made-up press piece."


def test_flows_one_step_per_border_crossed_then_the_whole_map(tiny_dataset):
    d = tiny_dataset
    slides = flow_slides(d.actors, d.links, d.tasks, d.sources, ["tiny"], "en")
    assert [s.focus for s in slides] == ["FR>MG", WHOLE]
    pair, whole = slides
    assert pair.heading == "France → Madagascar"
    # l1 carries no task: no sentence about the work.
    assert pair.caption == "1 link from France to Madagascar: outsources to."
    assert pair.sources == (A1,)
    assert pair.certainties == ("documented",)
    assert pair.shown == ("FR>MG",)
    # Three links: FR -> MG, MG -> MG (workers recruited at home), unknown -> FR (users).
    assert whole.caption == "In all: 3 links between 2 countries; 1 country pair across a border."
    assert set(whole.shown) == {"FR>MG", "MG>MG", ">FR"}
    assert set(whole.certainties) == {"documented", "reported", "inferred"}


def test_flows_in_french(tiny_dataset):
    d = tiny_dataset
    pair, whole = flow_slides(d.actors, d.links, d.tasks, d.sources, ["tiny"], "fr")
    assert pair.caption == "1 lien\u00a0: France → Madagascar (sous-traite à)."
    assert whole.caption.startswith("En tout\u00a0: 3 liens entre 2 pays\u00a0; 1 paire de pays")


def test_flows_of_no_case_have_no_step(tiny_dataset):
    d = tiny_dataset
    assert flow_slides(d.actors, d.links, d.tasks, d.sources, ["elsewhere"], "en") == []


def test_functions_overview_then_one_step_per_function_done(tiny_dataset):
    d = tiny_dataset
    slides = function_slides(d.actors, d.tasks, d.sources, ["tiny"], "en")
    # No impersonation task in the case: no step for it.
    assert [s.focus for s in slides] == [WHOLE, "preparation", "verification"]
    whole, preparation, verification = slides
    assert whole.caption == ("3 tasks in these cases: 1 task of preparation, 2 tasks of "
                             "verification and 0 tasks of impersonation.")
    assert preparation.caption == ("Preparation: 1 task, for instance “Label images”. "
                                   "Done in Madagascar.")
    assert preparation.sources == (A1,)
    # The users' task has no country: Madagascar only.
    assert verification.caption == ("Verification: 2 tasks, for instance “Check outputs” and "
                                    "“Confirm results”. Done in Madagascar.")
    assert verification.sources == (A1, A2)
    assert verification.certainties == ("reported", "inferred")


def test_functions_in_french_elide_and_agree(tiny_dataset):
    d = tiny_dataset
    whole = function_slides(d.actors, d.tasks, d.sources, ["tiny"], "fr")[0]
    assert whole.caption == ("3 tâches dans ces cas\u00a0: 1 tâche de préparation, 2 tâches de "
                             "vérification et 0 tâche d'imitation.")


def test_compare_one_step_per_measure(tiny_dataset):
    d = tiny_dataset
    measures = compare_cases(d, ["tiny"], "en")
    slides = compare_slides(measures, d.tasks, d.links, d.sources, "en")
    assert [s.focus for s in slides] == [
        "chain_length", "documented_chain_length", "n_intermediaries", "n_countries",
        "n_cross_border_links", "function_shares", "unpaid_share", "certainty_shares"]
    by_focus = {s.focus: s for s in slides}
    assert by_focus["n_countries"].caption == "Tiny test chain: 2."
    assert by_focus["n_cross_border_links"].caption == "Tiny test chain: 1 of 3."
    assert by_focus["n_countries"].heading == "Countries"
    assert by_focus["n_countries"].note.startswith("Distinct countries of the case's actors")
    assert by_focus["chain_length"].sources == ("Tiny test chain: 2 sources",)


def test_compare_of_nothing_has_no_step(tiny_dataset):
    d = tiny_dataset
    measures = compare_cases(d, ["tiny"], "en").iloc[0:0]
    assert compare_slides(measures, d.tasks, d.links, d.sources, "en") == []


CASES = ["julie-desk", "voice-assistant"]


def test_a_talk_reads_its_parts_in_order():
    parts, refused = parse_talk("chain:voice-assistant,flows:voice-assistant,compare", CASES)
    assert parts == [TalkPart("chain", ("voice-assistant",)),
                     TalkPart("flows", ("voice-assistant",)), TalkPart("compare")]
    assert refused == []
    assert talk_value(parts) == "chain:voice-assistant,flows:voice-assistant,compare"


def test_a_talk_takes_several_cases_and_renamed_ones():
    parts, _ = parse_talk("compare:julie-desk.old-voice,chain", CASES,
                          aliases={"old-voice": "voice-assistant"})
    assert parts == [TalkPart("compare", ("julie-desk", "voice-assistant")),
                     TalkPart("chain", ("julie-desk",))]  # a chain without case: the first


@pytest.mark.parametrize("raw, reason", [
    ("slides", "talk.reason.view"),
    ("<script>alert(1)</script>", "talk.reason.view"),
    ("chain:nowhere", "talk.reason.case"),
    ("flows:julie-desk.../etc/passwd", "talk.reason.case"),
    ("chain:julie-desk.voice-assistant", "talk.reason.one_case"),
    ("x" * 500, "talk.reason.too_long"),
])
def test_a_hostile_part_is_refused_with_its_reason(raw, reason):
    parts, refused = parse_talk(raw + ",functions", CASES)
    assert [r.reason for r in refused] == [reason]
    assert parts == ([] if reason == "talk.reason.too_long" else [TalkPart("functions")])


def test_a_talk_has_at_most_eight_views():
    parts, refused = parse_talk(",".join(["compare"] * 10), CASES)
    assert len(parts) == 8 and [r.reason for r in refused] == ["talk.reason.too_many"] * 2


def test_the_talk_link_reads_as_typed():
    parts = [TalkPart("chain", ("julie-desk",)), TalkPart("compare")]
    link = talk_link("https://example.org/dlc/", parts, "fr")
    assert link == "https://example.org/dlc/?talk=chain:julie-desk,compare&lang=fr"
    assert readable_address(link) == "example.org/dlc/?talk=chain:julie-desk,compare&lang=fr"


def test_the_talk_link_names_the_data_versions_it_shows():
    parts = [TalkPart("chain", ("voice-assistant",)), TalkPart("flows", ("julie-desk",))]
    link = talk_link("http://host/", parts, "en",
                     {"voice-assistant": "1.1.1", "julie-desk": "1.0.0"})
    assert link == ("http://host/?talk=chain:voice-assistant,flows:julie-desk&lang=en"
                    "&v=julie-desk:1.0.0,voice-assistant:1.1.1")
    assert talk_link("http://host/", parts, None, {}) == (
        "http://host/?talk=chain:voice-assistant,flows:julie-desk")


def test_a_talk_shows_the_cases_its_parts_name_or_every_case():
    assert talk_cases([TalkPart("chain", ("b",)), TalkPart("compare", ("a", "b"))]) == ["b", "a"]
    assert talk_cases([TalkPart("chain", ("b",)), TalkPart("functions")]) == []


def test_a_talk_step_is_found_in_its_part():
    counts = [5, 8, 8]
    assert locate(counts, 1) == (0, 1)
    assert locate(counts, 5) == (0, 5)
    assert locate(counts, 6) == (1, 1)
    assert locate(counts, 21) == (2, 8)
    assert locate(counts, 22) is None  # the audience step
