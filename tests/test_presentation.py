"""Presentation mode through AppTest on the tiny case: what each step shows and hides, the step
kept within the story, and leaving the mode.

The expected steps are written here from the tiny case's CSVs (tests/fixtures/cases/tiny), not
from the story builder: its chain reads left to right as the firm (ai_company) outsources to the
platform (l1), which recruits the workers (l2); the end users, who supply data to the firm
(l3), stand at the far end of the layout, as end users do in every case. One column is
revealed per step, with the links between what is on screen.
"""

import pytest

from conftest import rerun, run_page, shown_in_graph

CHAIN = "app_pages/chain.py"

# step -> (actors shown, links shown, what the caption says)
TINY_STEPS = {
    1: ({"firm"}, set(), ("The product: A test classifier. It starts with Test firm (France).",)),
    2: ({"firm", "platform"}, {"l1"}, ("Test firm outsources to Test platform (Madagascar).",)),
    3: ({"firm", "platform", "workers"}, {"l1", "l2"},
        ("Test platform recruits Test workers (Madagascar).",)),
    4: ({"firm", "platform", "workers", "users"}, {"l1", "l2", "l3"},
        ("Test users ", " data to Test firm.")),
}


@pytest.fixture
def tiny_in_app(extra_cases):
    extra_cases("tiny")


def present(step: str | None = None, **params):
    if step is not None:
        params["step"] = step
    return run_page(CHAIN, case="tiny", present="1", **params)


def caption(at) -> str:
    """The step's caption as read (Markdown escapes removed)."""
    texts = [str(m.value) for m in at.markdown]
    step_line = next(i for i, text in enumerate(texts) if text.startswith("Step **"))
    return texts[step_line + 1].replace("\\", "")


@pytest.mark.parametrize("step", sorted(TINY_STEPS))
def test_each_step_shows_only_what_it_has_revealed(tiny_in_app, step):
    actors, links, words = TINY_STEPS[step]
    at = present(str(step))
    assert shown_in_graph(at) == (actors, links)
    assert all(part in caption(at) for part in words), caption(at)
    assert f"Step **{step}** of 4" in [m.value for m in at.markdown]


@pytest.mark.parametrize("asked, kept", [("0", 1), ("99", 4), ("abc", 1), ("-2", 1)])
def test_step_is_kept_within_the_story(tiny_in_app, asked, kept):
    at = present(asked)
    assert at.query_params["step"] == str(kept)
    assert shown_in_graph(at) == TINY_STEPS[kept][:2]


def test_next_and_previous_move_the_step(tiny_in_app):
    at = present()
    assert at.query_params["step"] == "1"
    assert at.button(key="present-previous").disabled
    at.button(key="present-next").click()
    rerun(at)
    assert at.query_params["step"] == "2" and shown_in_graph(at) == TINY_STEPS[2][:2]
    at.button(key="present-previous").click()
    rerun(at)
    assert at.query_params["step"] == "1" and shown_in_graph(at) == TINY_STEPS[1][:2]
    last = present("4")
    assert last.button(key="present-next").disabled


def test_leaving_the_presentation_drops_present_and_step(tiny_in_app):
    at = present("3")
    at.button(key="present-leave").click()
    rerun(at)
    assert "present" not in at.query_params and "step" not in at.query_params
    assert at.query_params["case"] == "tiny"
    # The ordinary chain page, whole: its widgets are back and nothing is hidden.
    assert at.button_group(key="chain-case-select").value == "tiny"
    assert shown_in_graph(at) == TINY_STEPS[4][:2]
