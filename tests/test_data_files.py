"""The app and the data folders: an edited CSV shows on the next run, and cases that cannot be
loaded are named on the page, with why.

Each test gives the app a `DLC_DATA_DIR` of its own (a copy of the tiny case, edited or broken
here), so the expected names and messages are written from what the test put there.
"""

from conftest import rerun, run_page, shown_in_graph

CHAIN = "app_pages/chain.py"
HOME = None


def warnings(at) -> list[str]:
    return [str(w.value).replace("\\", "").replace("**", "") for w in at.warning]


def test_an_edited_csv_is_read_again(extra_cases, monkeypatch):
    from app.components import data

    monkeypatch.setattr(data, "FINGERPRINT_SECONDS", 0)  # look at the files on every run
    folder = extra_cases("tiny")
    at = run_page(CHAIN, case="tiny", show="links")
    names = set(at.dataframe[0].value["From"]) | set(at.dataframe[0].value["To"])
    assert "Test platform" in names
    actors = folder / "actors.csv"
    actors.write_text(actors.read_text("utf-8").replace("Test platform", "Renamed platform"),
                      "utf-8")
    rerun(at)
    names = set(at.dataframe[0].value["From"]) | set(at.dataframe[0].value["To"])
    assert "Renamed platform" in names and "Test platform" not in names
    assert "Renamed platform" in at.get("iframe")[0].proto.srcdoc


def test_a_new_link_in_the_csv_shows_in_the_graph(extra_cases, monkeypatch):
    from app.components import data

    monkeypatch.setattr(data, "FINGERPRINT_SECONDS", 0)
    folder = extra_cases("tiny")
    at = run_page(CHAIN, case="tiny")
    assert shown_in_graph(at)[1] == {"l1", "l2", "l3"}
    links = folder / "links.csv"
    links.write_text(links.read_text("utf-8")
                     + "l4,firm,workers,supervises,The firm checks the work.,A1,reported\n",
                     "utf-8")
    rerun(at)
    assert shown_in_graph(at)[1] == {"l1", "l2", "l3", "l4"}


def test_a_case_clashing_with_a_bundled_id_is_named_with_its_folder_variable(extra_cases):
    extra_cases("tiny", case_id="voice-assistant")
    at = run_page(HOME)
    [warning] = warnings(at)
    assert warning.startswith("Left out: voice-assistant (DLC_DATA_DIR), 1 problem:")
    assert "already loaded from bundled" in warning
    # The bundled case is the one served, and the home page lists it once.
    links = [link for link in at.get("page_link") if link.proto.label == "Open the chain"]
    assert sum("case=voice-assistant" in link.proto.query_string for link in links) == 1


def test_a_broken_case_is_named_with_its_first_problems_and_how_many_more(extra_cases):
    folder = extra_cases("tiny", case_id="many-problems")
    actors = folder / "actors.csv"
    # Four actor types and four certainties that the vocabulary does not have: 8 problems.
    text = actors.read_text("utf-8")
    for word in ("ai_company", "platform,MG", "worker_pool", "end_user"):
        text = text.replace(word, word.replace(word.split(",")[0], "robot"), 1)
    for word in ("documented", "reported", "inferred"):
        text = text.replace(f",{word}\n", ",certain\n")
    actors.write_text(text, "utf-8")
    at = run_page(CHAIN, case="tiny")
    [warning] = warnings(at)
    lines = warning.splitlines()
    assert lines[0] == "Left out: many-problems (DLC_DATA_DIR), 8 problems:"
    assert len(lines) == 1 + 5 + 1  # the first five problems, then how many more
    assert all(line.startswith("- actors.csv, line ") for line in lines[1:6])
    assert "value 'robot'" in lines[1]
    assert lines[6].startswith("- … and 3 more")
    # The other cases are served: the page shows the first of them.
    assert at.button_group(key="chain-case-select").value
