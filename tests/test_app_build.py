"""The Build a case page through AppTest: starting empty, from the template, from a copy;
problems named and fixed; the download; the case shown on other pages of this session only.

The grid itself is typed into by the browser test (tests/browser/test_build.py); here the
draft kept in the session is set as the grid leaves it.
"""

import io
import re
import zipfile

import pytest

from app.core import draft as drafts
from conftest import run_page
from test_draft import three_actor_draft

BUILD = "app_pages/build.py"
DRAFT_KEY = "build-draft"
GENERATIONS_KEY = "build-grid-generations"


def meta_box(at, field: str):
    """The metadata box of `field` (its key also names the draft it was drawn for)."""
    return next(box for box in [*at.text_input, *at.text_area]
                if box.key.startswith(f"build-meta-{field}-"))


def plain(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def shown(at) -> str:
    parts = [*at.markdown, *at.caption, *at.info, *at.title, *at.subheader, *at.success,
             *at.error, *at.warning]
    return plain("\n".join(str(p.value) for p in parts))


def problems_table(at):
    return next(frame.value for frame in at.dataframe
                if "Problem" in frame.value.columns or "Problème" in frame.value.columns)


def with_draft(at, draft):
    """The session's draft as the grids leave it, every box and grid drawn afresh from it (as
    starting a draft does)."""
    at.session_state[DRAFT_KEY] = draft
    generations = at.session_state[GENERATIONS_KEY]
    at.session_state[GENERATIONS_KEY] = {name: n + 1 for name, n in generations.items()}
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_an_empty_case_asks_for_its_metadata_and_says_work_is_kept_in_the_tab():
    at = run_page(BUILD)
    text = shown(at)
    assert "Your work is kept **in this browser tab only**" in text
    assert "4 problems to fix:" in text
    assert set(problems_table(at)["Column"]) == {"title", "description", "product", "period"}
    assert "Nothing to draw yet" in text
    assert at.button(key="build-show").disabled
    meta_box(at, "title").input("My chain").run()
    assert "3 problems to fix:" in shown(at)
    assert at.session_state[DRAFT_KEY].meta["title"] == "My chain"


def test_the_template_is_valid_and_drawn():
    at = run_page(BUILD, start="template")
    assert "Valid: ready to download" in shown(at)
    srcdoc = at.get("iframe")[0].proto.srcdoc
    assert '"id":"my-case:lead-firm"' in srcdoc and '"id":"my-case:workers"' in srcdoc
    assert "Drawn from the rows valid so far: 2 actors, 2 links." in shown(at)


def test_a_copy_of_a_bundled_case_in_french():
    at = run_page(BUILD, start="julie-desk", lang="fr")
    text = shown(at)
    assert "Valide\u00a0: prêt à télécharger" in text
    assert at.session_state[DRAFT_KEY].extra["phases"][0]["id"] == "by-hand"
    # Starting again from the template replaces the draft.
    at.selectbox(key="build-start-select").set_value("template").run()
    at.button(key="build-start-button").click().run()
    assert at.session_state[DRAFT_KEY].meta["title"] == "My case"
    assert meta_box(at, "title").value == "My case"
    assert at.query_params["start"] == "template"


@pytest.mark.parametrize("table, column, value, message", [
    ("actors", "actor_type", "robot", "use one of: client, ai_company"),
    ("actors", "actor_id", "Firm One", "lowercase"),
    ("actors", "certainty", "", "required"),
    ("links", "to_actor", "ghost", "ghost"),
    ("links", "source_ids", "S9", "S9"),
    ("sources", "year", "1800", "1900"),
])
def test_each_error_is_listed_then_fixed(table, column, value, message):
    at = with_draft(run_page(BUILD), three_actor_draft())
    assert "Valid: ready to download" in shown(at)
    good = at.session_state[DRAFT_KEY]
    row = 1 if len(good.tables[table]) > 1 else 0
    frame = good.tables[table].copy()
    frame.loc[row, column] = value
    with_draft(at, drafts.Draft(good.meta, good.tables | {table: frame}, good.extra))
    listed = problems_table(at)
    hit = listed[(listed["File"] == f"{table}.csv") & (listed["Column"] == column)]
    assert len(hit) >= 1, listed
    assert hit.iloc[0]["Row"] == str(row + 1) and hit.iloc[0]["Value"] == value
    assert message in hit.iloc[0]["Problem"]
    assert at.button(key="build-show").disabled
    assert "Not valid yet" in shown(at)  # the download is still there
    with_draft(at, good)
    assert "Valid: ready to download" in shown(at)


def test_a_long_problem_is_shown_whole_on_wrapped_rows():
    # A short problem ("required; the cell is empty") sits on one line; a problem of a
    # sentence or two makes the list's rows high enough for the grid to wrap it (> 64 px).
    at = run_page(BUILD)
    frame = next(f for f in at.dataframe if "Problem" in f.value.columns)
    assert not frame.proto.row_height
    good = three_actor_draft()
    actors = good.tables["actors"].copy()
    actors.loc[0, "country_source_ids"] = ""
    with_draft(at, drafts.Draft(good.meta, good.tables | {"actors": actors}, good.extra))
    frame = next(f for f in at.dataframe if "Problem" in f.value.columns)
    assert len(frame.value["Problem"].iloc[0]) > 100
    assert frame.proto.row_height > 64


def test_the_download_is_the_session_draft_as_a_case_folder():
    at = with_draft(run_page(BUILD), three_actor_draft())
    button = at.get("download_button")
    labels = [b.proto.label for b in button]
    assert "Download the case (zip)" in labels
    data = drafts.zip_bytes(at.session_state[DRAFT_KEY], "a-chain-typed-in-the-browser")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert "a-chain-typed-in-the-browser/datapackage.json" in archive.namelist()


def test_shown_on_chain_and_flows_in_this_session_only():
    at = with_draft(run_page(BUILD), three_actor_draft())
    at.button(key="build-show").click().run()
    assert not at.exception
    text = shown(at)
    assert "Added **A chain typed in the browser** for this browser session." in text
    case_id = "a-chain-typed-in-the-browser"
    at.switch_page("app_pages/chain.py")
    at.query_params["case"] = case_id
    at.run()
    assert not at.exception
    assert at.button_group(key="chain-case-select").value == case_id
    assert '"id":"a-chain-typed-in-the-browser:firm"' in at.get("iframe")[0].proto.srcdoc
    at.switch_page("app_pages/flows.py")
    at.query_params["cases"] = case_id
    at.run()
    assert not at.exception
    assert at.button_group(key="flows-cases-select").value == [case_id]
    # Back on the page, the draft is still there and up to date with what is shown.
    at.switch_page(BUILD)
    at.run()
    assert meta_box(at, "title").value == "A chain typed in the browser"
    assert at.button(key="build-show").disabled  # shown as it is
    # Another session never sees it.
    other = run_page("app_pages/chain.py", case=case_id)
    assert other.button_group(key="chain-case-select").value != case_id


def test_a_hostile_start_parameter_gets_a_notice():
    at = run_page(BUILD, start="<script>alert(1)</script>")
    assert any("start" in str(i.value) for i in at.info)
    assert "start" not in at.query_params
