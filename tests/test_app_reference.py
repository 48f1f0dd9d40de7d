"""The compare and reference pages through AppTest: defaults, each filter, empty results and
hostile links."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df

from app.components.downloads import safe_csv
from app.core.load import load_dataset
from app.core.reference import download_frame
from conftest import CASES, FIXTURES, bundled_case_ids, bundled_reference, rerun
from conftest import run_page as run

CASE_IDS = bundled_case_ids()
# One value per way a link's value can go wrong on screen: markup, a link to an image off the
# machine, and a value too long to show. (An unknown or path-like value takes the same
# "not one of" branch as these.)
HOSTILE = ["<script>alert(1)</script>", "![p](http://203.0.113.9/p.png)", "x" * 10_000]
def topics() -> list[str]:
    """The figures' topics, in the reference's order."""
    return list(dict.fromkeys(bundled_reference().figures["topic"]))


PAGES = {
    "compare": ("app_pages/compare.py", "cases"),
    "platforms": ("app_pages/platforms.py", "offer"),
    "figures": ("app_pages/figures.py", "topics"),
    "sources": ("app_pages/sources.py", "scope"),
}




def specs(at) -> list[dict]:
    return [json.loads(c.proto.spec) for c in at.get("vega_lite_chart")]


def chart_rows(at, title: str) -> list[pd.DataFrame]:
    """The data of the chart with this title (Streamlit sends it apart from the spec, as Arrow)."""
    for chart in at.get("vega_lite_chart"):
        if json.loads(chart.proto.spec).get("title", {}).get("text") == title:
            return [convert_arrow_bytes_to_pandas_df(d.data.data) for d in chart.proto.datasets]
    raise AssertionError(f"no chart titled {title!r}")


def find_table(at, *columns: str, containing: str | None = None,
               last: bool = False) -> pd.DataFrame:
    """The first (or last) table shown with these columns and, if given, a cell `containing`.

    AppTest does not expose the `key` of a read-only dataframe, so tables are found by content.
    """
    frames = list(at.dataframe)
    for frame in reversed(frames) if last else frames:
        value = frame.value
        if set(columns) <= set(value.columns) and (
                containing is None or value.astype(str).eq(containing).any().any()):
            return value
    raise AssertionError(f"no table with columns {columns} containing {containing!r}")


def expander_tables(at, label_start: str) -> list[pd.DataFrame]:
    for exp in at.expander:
        if exp.label.startswith(label_start):
            return [d.value for d in exp.dataframe]
    raise AssertionError(f"no expander starting {label_start!r}")


def my_downloads(at) -> list:
    """The page's download buttons (the sidebar has its own)."""
    return [b for b in at.get("download_button") if str(b.key).startswith("sources-")]


def infos(at) -> str:
    return "\n".join(str(i.value) for i in at.info)


def everything(at) -> str:
    parts = [str(e.value) for kind in ("markdown", "caption", "info", "warning", "title",
                                       "header", "subheader") for e in getattr(at, kind)]
    return "\n".join(parts)


# --- every page, without parameters ------------------------------------------------------------

@pytest.mark.parametrize("name", PAGES)
def test_page_without_parameters(name):
    at = run(PAGES[name][0])
    assert at.title[0].value
    if name != "sources":  # the main chart; the others on request (`show=`)
        assert len(at.get("vega_lite_chart")) == 1
    assert not at.info  # no notice, no empty message


@pytest.mark.parametrize("name", PAGES)
def test_hostile_values_fall_back_to_the_default_view(name):
    page, param = PAGES[name]
    default = run(page)
    for value in HOSTILE:
        at = run(page, **{param: value})
        notices = infos(at)
        assert f"Ignored the link's `{param}`" in notices, value
        for info in at.info:
            assert "<script>" not in str(info.value) and len(str(info.value)) < 500
            assert "](http" not in str(info.value)
        assert len(at.get("vega_lite_chart")) == len(default.get("vega_lite_chart"))
        # The link now names the default view: the bad value is gone, not kept beside it.
        assert at.query_params.get(param) == default.query_params.get(param), value


@pytest.mark.parametrize("name", PAGES)
def test_unknown_parameter_is_dropped_with_a_notice(name):
    at = run(PAGES[name][0], colour="red", focus="<script>")
    notices = infos(at)
    assert "`colour`" in notices and "`focus`" in notices
    assert "colour" not in at.query_params


# --- compare -----------------------------------------------------------------------------------

def test_compare_defaults_to_every_case_and_answers_the_question():
    at = run("app_pages/compare.py")
    assert at.pills(key="compare-cases-select").value == CASE_IDS
    text = everything(at)
    # The automotive sector map: car makers -> Appen (inferred) -> Figure Eight -> Clixsense ->
    # workers, 4 links; the three product chains 3 each, Julie Desk 2.
    assert "The longest chain is 4 links, in Automotive sector's micro-work chain." in \
        text.replace("\\", "")
    # Said once, under the chart; the sources of each link are where the chooser leads.
    assert text.count("The longest chain is") == 1
    assert "choose “The chains side by side” below" in text
    # The sector map is said to be one, with what its measures mean.
    assert "a sector map, not one product's chain" in text
    # The length chart; on request one small chain per case, or one measure's chart.
    assert len(at.get("vega_lite_chart")) == 1
    assert "cases" not in at.query_params  # the default stays out of the link
    assert len(run("app_pages/compare.py", show="chains").get("vega_lite_chart")) == (
        1 + len(CASE_IDS))
    unpaid = run("app_pages/compare.py", show="unpaid_share")
    assert len(unpaid.get("vega_lite_chart")) == 2
    assert unpaid.query_params["show"] == "unpaid_share"


def test_compare_filter_restores_from_the_link():
    at = run("app_pages/compare.py", cases="voice-assistant,canteen-terminal", show="chains")
    assert at.pills(key="compare-cases-select").value == ["canteen-terminal",
                                                                "voice-assistant"]
    assert len(at.get("vega_lite_chart")) == 1 + 2
    (data,) = chart_rows(at, "Longest chain of commissions, in links")
    assert set(data["case"]) == {"Automated canteen checkout terminal",
                                 "Voice-assistant verification chain"}


def test_compare_widget_change_goes_into_the_link():
    at = run("app_pages/compare.py", show="chains")
    at.pills(key="compare-cases-select").set_value(["voice-assistant"]).run()
    assert not at.exception
    assert at.query_params["cases"] == "voice-assistant"
    assert len(at.get("vega_lite_chart")) == 1 + 1


def test_compare_empty_selection_shows_a_message():
    at = run("app_pages/compare.py")
    at.pills(key="compare-cases-select").set_value([]).run()
    assert not at.exception
    assert "No case is selected" in infos(at)
    assert not at.get("vega_lite_chart")
    at = run("app_pages/compare.py", cases="")
    assert "No case is selected" in infos(at)


def test_compare_keeps_known_cases_of_a_half_bad_link():
    at = run("app_pages/compare.py", cases="voice-assistant,<b>nope</b>")
    assert at.pills(key="compare-cases-select").value == ["voice-assistant"]
    assert "Ignored the link's `cases`" in infos(at)


# --- platforms ---------------------------------------------------------------------------------

def test_platforms_default_answers_founded_before_2000():
    at = run("app_pages/platforms.py")
    text = everything(at).replace("\\", "")
    assert "Founded before 2000: Pactera (1995, Dalian), Appen (1996, Chatswood) and " \
           "Lionbridge (1996, Waltham)" in text
    assert "Tubaro, P. & Casilli, A. A. (2019)" in text  # with its source
    assert not at.dataframe  # the table is drawn on request
    table = find_table(run("app_pages/platforms.py", show="notes"), "Platform", "Notes")
    assert len(table) == 11 and "Sources" in table.columns


def test_platforms_offer_filter():
    at = run("app_pages/platforms.py", offer="generalist", show="relations")
    assert at.pills(key="platforms-offer-select").value == ["generalist"]
    assert len(find_table(run("app_pages/platforms.py", offer="generalist", show="notes"),
                          "Platform", "Notes")) == 3
    # No relation links two generalist platforms: a message instead of the chart.
    assert "No relation between the platforms shown" in infos(at)
    at = run("app_pages/platforms.py", offer="generalist,specialized_ai", show="relations")
    assert len(find_table(run("app_pages/platforms.py", offer="generalist,specialized_ai",
                              show="notes"), "Platform", "Notes")) == 7
    assert any(s.get("title", {}).get("text") == "Relations between the platforms"
               for s in specs(at))


def test_platforms_widget_and_empty_result():
    at = run("app_pages/platforms.py")
    at.pills(key="platforms-offer-select").set_value(["specialized_ai"]).run()
    assert at.query_params["offer"] == "specialized_ai"
    at.pills(key="platforms-offer-select").set_value([]).run()
    assert not at.exception
    assert "No platform has the offer types selected" in infos(at)
    assert not at.get("vega_lite_chart")


# --- figures -----------------------------------------------------------------------------------

def test_figures_default_shows_every_topic():
    at = run("app_pages/figures.py")
    assert at.pills(key="figures-topics-select").value == topics()
    text = "\n".join(everything(page).replace("\\", "") for page in (
        at, run("app_pages/figures.py", show="madagascar"),
        run("app_pages/figures.py", show="market")))
    assert "Critique of this figure" in text and "exaggerated" in text
    assert "Secondary figures that differ: P3 gives 96–126 EUR per month; P5 gives " \
           "90–120 EUR per month" in text
    assert "Industry forecasts, not measurements" in text
    assert not at.dataframe  # the tables are drawn on request
    assert len(find_table(run("app_pages/figures.py", show="table"), "Topic", "Figure",
                          last=True)) == len(bundled_reference().figures)


def test_figures_topic_filter():
    at = run("app_pages/figures.py", topics="market,france_survey")
    assert at.pills(key="figures-topics-select").value == ["france_survey", "market"]
    titles = [s.get("title", {}).get("text") for s in specs(at)]
    assert titles == ["Market sizes"]
    table = find_table(run("app_pages/figures.py", topics="market,france_survey", show="table"),
                       "Topic", "Figure", last=True)
    assert set(table["Topic"]) == {"Who micro-works in France", "Market sizes"}
    others = run("app_pages/figures.py", topics="market,france_survey", show="others")
    survey = find_table(others, "Figure", "Reads",
                        containing="Complete responses to the Foule Factory survey")
    assert "Topic" not in survey.columns and len(survey) == 6


def test_figures_empty_result():
    at = run("app_pages/figures.py")
    at.pills(key="figures-topics-select").set_value([]).run()
    assert not at.exception
    assert "No topic is selected" in infos(at)


# --- sources -----------------------------------------------------------------------------------

def source_entries(at) -> dict[str, str]:
    """The sources page's reference list: each entry's Markdown by its source key."""
    entries = {}
    for block in at.markdown:
        text = str(block.value)
        if text.startswith("#### "):  # the list is one Markdown text, an entry per heading
            for entry in ("\n\n" + text).split("\n\n#### ")[1:]:
                entries[entry.split(" ", 1)[0]] = "#### " + entry
    return entries


def test_sources_lists_every_source_with_safe_links():
    at = run("app_pages/sources.py")
    entries = source_entries(at)
    assert set(entries) == {"S0", "S1", "S2", "S3", "S4", *(f"P{i}" for i in range(1, 10))}
    assert list(entries)[:2] == ["S0", "S1"] and list(entries)[-1] == "P9"
    s2 = entries["S2"]
    assert s2.startswith("#### S2 · Article · 2019\n\n")
    assert "[doi\\.org/10\\.1007/s40812\\-019\\-00121\\-1]" \
        "(https://doi.org/10.1007/s40812-019-00121-1)" in s2
    assert ("**Cited in** (75 rows): automotive\\-micro\\-work\\: 19 actors, 23 links, 12 tasks; "
            "voice\\-assistant\\: 2 tasks") in s2
    assert "**Note.** Primary" in s2
    # No citing rows are drawn until a source is chosen: the page stays text.
    assert not at.dataframe and [e.label for e in at.expander] == [
        "The data dictionary, this list and every table (CSV)", "Share and cite this view",
        "Give a talk"]
    # Text and buttons only: the two choices are rows of buttons, and the data dictionary, the
    # list and the tables (four per case, four reference tables) come when asked for.
    assert not at.selectbox and not my_downloads(at)
    assert at.segmented_control(key="sources-source-select").options == [
        "None", *entries]
    at.session_state["sources-downloads"] = True
    assert len(my_downloads(rerun(at))) == 4 * len(CASE_IDS) + 4 + 2


def test_sources_scope_filter():
    at = run("app_pages/sources.py", scope="voice-assistant")
    assert list(source_entries(at)) == ["S1", "S2", "S3", "P6"]
    assert "**Cited in** (21 rows): voice\\-assistant\\: 8 actors" in source_entries(at)["S1"]
    at.session_state["sources-downloads"] = True
    assert len(my_downloads(rerun(at))) == 4 + 2
    at = run("app_pages/sources.py", scope="reference")
    assert "S1" not in source_entries(at) and "P9" in source_entries(at)


def test_rows_citing_a_source_are_listed():
    at = run("app_pages/sources.py", scope="voice-assistant", source="S1")
    assert at.segmented_control(key="sources-source-select").value == "S1"
    assert at.header[0].value == "Rows citing S1"
    rows = find_table(at, "Where", "Table", "What")
    assert len(rows) == 21 and set(rows["Where"]) == {"voice-assistant"}
    assert set(rows["Table"]) == {"actors", "links", "tasks"}
    assert "Italian company (supervisor) supervises Workers in France" in set(rows["What"])
    assert "The 21 rows that cite S1." in [c.value for c in at.caption]
    # Every scope: S1 is cited in the canteen case too.
    at = run("app_pages/sources.py", source="S1")
    assert set(find_table(at, "Where", "Table", "What")["Where"]) == {
        "canteen-terminal", "voice-assistant"}


def test_choosing_a_source_goes_into_the_link_and_a_new_scope_forgets_it():
    at = run("app_pages/sources.py")
    at.segmented_control(key="sources-source-select").set_value("P6").run()
    assert at.query_params["source"] == "P6"
    assert len(find_table(at, "Where", "Table", "What")) == 3
    at.segmented_control(key="sources-scope-select").set_value("reference").run()
    assert "source" not in at.query_params and not at.dataframe and not infos(at)


@pytest.mark.parametrize("value", [*HOSTILE, "S1"])
def test_hostile_or_out_of_scope_source_falls_back_to_the_list(value):
    at = run("app_pages/sources.py", scope="reference", source=value)
    assert "Ignored the link's `source`" in infos(at)
    assert not at.dataframe and at.segmented_control(key="sources-source-select").value == ""
    assert "source" not in at.query_params


def test_downloads_cannot_run_formulas():
    actors = load_dataset(extra_dir=None).only(CASE_IDS[0]).actors
    frame = download_frame(actors.assign(name="=HYPERLINK(\"http://x\")"))
    text = safe_csv(frame).decode("utf-8-sig")
    assert "'=HYPERLINK" in text and "case_id" not in text.splitlines()[0]
    assert ",true," in text or ",false," in text  # booleans as the data contract writes them


# --- in French ---------------------------------------------------------------------------------

NNBSP = "\u202f"  # the French thousands separator


def plain(at) -> str:
    """Every text of the page as read (the escapes that keep data literal removed)."""
    return everything(at).replace("\\", "")


def chart_titles(at) -> list[str]:
    return [s.get("title", {}).get("text") for s in specs(at)]


@pytest.mark.parametrize("name", PAGES)
def test_every_page_runs_in_french_without_english_titles(name):
    english = run(PAGES[name][0])
    at = run(PAGES[name][0], lang="fr")
    assert at.title[0].value != english.title[0].value
    assert not at.info  # no notice, no empty message
    assert len(at.get("vega_lite_chart")) == len(english.get("vega_lite_chart"))
    titles = set(chart_titles(at)) - {None}
    assert not titles & set(chart_titles(english)) - {"Voice", ""}, titles
    headers = {h.value for h in at.header} | {h.value for h in at.subheader}
    assert not headers & ({h.value for h in english.header} - {"Notes et sources"})
    for chart in specs(at):
        if "config" in chart and "locale" in chart["config"]:
            assert chart["config"]["locale"]["number"]["thousands"] == NNBSP


def test_compare_in_french():
    at = run("app_pages/compare.py", lang="fr", show="function_shares")
    assert at.title[0].value == "Comparer les cas"
    assert at.pills(key="compare-cases-select").label == "Cas à comparer"
    text = plain(at)
    assert ("La plus longue chaîne compte 4 liens\u00a0: Chaîne de micro-travail du secteur "
            "automobile.") in text
    assert "la carte d'un secteur, pas la chaîne d'un produit" in text
    grid = run("app_pages/compare.py", lang="fr", show="grid")
    assert "Longueur de la chaîne" in plain(grid) and "Liens transfrontaliers" in plain(grid)
    assert "Parmi les tâches du cas, la part qui sert chaque fonction" in text
    assert ("Chine\u00a0; Espagne\u00a0; États-Unis\u00a0; France\u00a0; Italie\u00a0; "
            "Japon") in plain(grid)
    assert "Plus longue chaîne de commandes, en liens" in chart_titles(at)
    table = find_table(run("app_pages/compare.py", lang="fr", show="table"), "Cas",
                       "Longueur de la chaîne (liens)", last=True)
    assert "Part des tâches\u00a0: préparation" in table.columns
    (data,) = chart_rows(at, "Plus longue chaîne de commandes, en liens")
    assert "Chaîne de vérification d'un assistant vocal" in set(data["case"])
    assert [m.value for m in grid.metric][:2] == ["4 liens", "3 liens"]  # automotive, canteen
    assert "lang=fr" not in str(at.query_params.get("cases", ""))  # values stay codes


def test_platforms_in_french():
    at = run("app_pages/platforms.py", lang="fr", offer="generalist,specialized_ai",
             show="relations")
    assert at.pills(key="platforms-offer-select").value == ["generalist",
                                                                  "specialized_ai"]
    assert at.query_params["offer"] == "generalist,specialized_ai"  # codes in the link
    text = plain(at)
    assert "Plateformes fondées avant 2000\u00a0: Pactera (1995, Dalian) et Appen (1996, " \
           "Chatswood)." in text
    assert "plateformes affichées sur 11 dans l'inventaire" in text
    assert "Tubaro, P. & Casilli, A. A. (2019)" in text  # citations as published
    table = find_table(run("app_pages/platforms.py", lang="fr", offer="generalist,specialized_ai",
                           show="notes"), "Plateforme", "Notes")
    assert len(table) == 7 and set(table["Pays"]) >= {"États-Unis", "Australie", "Chine"}
    assert table[table["Plateforme"] == "Appen"]["Offre"].iloc[0] == "Spécialisée dans l'IA"
    assert "Relations entre les plateformes" in chart_titles(at)


def test_figures_in_french():
    at = run("app_pages/figures.py", lang="fr")
    madagascar = run("app_pages/figures.py", lang="fr", show="madagascar")
    text = "\n".join(plain(page) for page in (
        at, madagascar, run("app_pages/figures.py", lang="fr", show="market")))
    assert f"266{NNBSP}126 personnes" in text  # French thousands: a narrow no-break space
    assert "266,126" not in text
    assert "Critique de ce chiffre" in text and "exagéré" in text
    assert ("Chiffres secondaires qui divergent\u00a0: P3 donne 96–126 EUR par mois\u00a0; "
            "P5 donne 90–120 EUR par mois") in text
    assert "Prévisions du secteur, pas des mesures" in text
    assert "296 personnes" in [m.value for m in madagascar.metric]
    table = find_table(run("app_pages/figures.py", lang="fr", show="table"), "Thème", "Chiffre",
                       last=True)
    assert len(table) == len(bundled_reference().figures)
    assert "Taille des marchés" in set(table["Thème"])
    assert at.pills(key="figures-topics-select").value == topics()


def test_a_long_list_of_allowed_values_says_how_many_more():
    at = run("app_pages/sources.py", source="S9")
    assert "it is not one of S0, S1, S2, S3, S4, P1, P2, P3 and 6 more." in infos(at)
    at = run("app_pages/sources.py", lang="fr", source="S9")
    assert ("ce n'est pas l'une des valeurs S0, S1, S2, S3, S4, P1, P2, P3 et 6 autres."
            in infos(at))
    at = run("app_pages/sources.py", scope="voice-assistant", source="S9")
    assert "it is not one of S1, S2, S3, P6." in infos(at)


def test_sources_in_french():
    at = run("app_pages/sources.py", lang="fr", scope="voice-assistant", source="S1",
             state={"sources-downloads": True})
    assert at.segmented_control(key="sources-scope-select").value == "voice-assistant"
    entries = source_entries(at)
    assert list(entries) == ["S1", "S2", "S3", "P6"]
    assert entries["S2"].startswith("#### S2 · Article · 2019")
    assert "**Citée dans** (2 lignes)\u00a0: voice\\-assistant\u00a0\\: 2 tâches" in entries["S2"]
    rows = find_table(at, "Où", "Table", "Contenu")
    assert "Entreprise italienne (superviseur) supervise Travailleurs en France" in set(
        rows["Contenu"])
    assert at.header[0].value == "Lignes qui citent S1"
    labels = [b.proto.label for b in my_downloads(at)]
    assert "actors.csv (8 lignes)" in labels
    assert "Dictionnaire des données (data/README.md)" in labels
    assert "Cette liste sous forme de tableau (CSV)" in labels


# --- unusual data: an empty case and a hostile one (through DLC_DATA_DIR) ----------------------

@pytest.fixture
def empty_case_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cases" / "empty"
    folder.mkdir(parents=True)
    for table in ("actors", "links", "tasks", "sources"):
        header = (CASES / "tiny" / f"{table}.csv").read_text().splitlines()[0]
        (folder / f"{table}.csv").write_text(header + "\n")
    package = json.loads((CASES / "tiny" / "datapackage.json").read_text())
    package["name"] = "empty"
    (folder / "datapackage.json").write_text(json.dumps(package))
    monkeypatch.setenv("DLC_DATA_DIR", str(tmp_path / "cases"))
    return folder


@pytest.fixture
def same_key_other_text(tmp_path, monkeypatch):
    """The tiny case with its source A1 renamed S1, which the bundled cases cite for a
    different text."""
    folder = tmp_path / "cases" / "tiny"
    folder.mkdir(parents=True)
    for path in (CASES / "tiny").iterdir():
        (folder / path.name).write_text(path.read_text().replace("A1", "S1"))
    monkeypatch.setenv("DLC_DATA_DIR", str(tmp_path / "cases"))


def test_a_key_with_two_texts_keeps_the_rows_of_each(same_key_other_text):
    at = run("app_pages/sources.py", source="S1")
    assert not at.exception
    headings = [line for m in at.markdown for line in m.value.split("\n")
                if line.startswith("#### S1")]
    assert headings == ["#### S1 · Blog post · 2022", "#### S1 · Article · 2020"] * 2
    first, second = (t.value for t in at.dataframe)
    assert "tiny" not in set(first["Where"]) and set(second["Where"]) == {"tiny"}
    assert len(second) == 3 + 2 + 2  # the tiny case's actors, links and tasks citing A1


def test_an_empty_case_is_compared_and_has_no_sources(empty_case_dir):
    at = run("app_pages/compare.py", cases="empty")
    assert at.pills(key="compare-cases-select").value == ["empty"]
    at = run("app_pages/compare.py")
    assert "empty" in at.pills(key="compare-cases-select").value
    at = run("app_pages/sources.py", scope="empty")
    assert "No source is listed for this choice" in infos(at)


@pytest.fixture
def hostile_dir(monkeypatch):
    monkeypatch.setenv("DLC_DATA_DIR", str(FIXTURES / "hostile-cases"))


@pytest.mark.parametrize("name", PAGES)
def test_pages_with_hostile_data(hostile_dir, name):
    at = run(PAGES[name][0])
    text = everything(at)
    assert "<script>" not in text.replace("\\<script\\>", "")
    assert "![pixel](http" not in text

