"""The Country flows and Task functions pages through AppTest: views, filters, selections, URLs.

Expected counts are hand-checked against data/cases/*/links.csv and tasks.csv (comments say
which rows); a change of the bundled data should be reflected here on purpose.
"""

from __future__ import annotations

import json
import re

import pytest
from streamlit.testing.v1 import AppTest

from app.core.load import load_dataset
from conftest import FIXTURES, bundled_case_ids, run_page as run

FLOWS = "app_pages/flows.py"
FUNCTIONS = "app_pages/functions.py"
CASE_IDS = bundled_case_ids()
LONG = "x" * 10_000




def charts(at) -> list:
    return list(at.get("vega_lite_chart"))


def chart_keys(at) -> list[str]:
    return [c.key for c in charts(at)]


def plain(text: str) -> str:
    """Markdown text as read on screen: the escapes that keep data literal removed."""
    return re.sub(r"\\(.)", r"\1", text)


def raw_html(text: str) -> bool:
    """Whether Markdown text holds a tag that is not escaped (so would reach the page)."""
    return re.search(r"(?<!\\)<[a-zA-Z/!]", text) is not None


def infos(at) -> str:
    return "\n".join(str(i.value) for i in at.info)


def markdown(at) -> str:
    return plain("\n".join(str(m.value) for m in at.markdown))


def captions(at) -> str:
    return plain("\n".join(str(c.value) for c in at.caption))


# Which "Also show" choice draws a page's table (drawn on request since first renders were cut).
TABLE_CHOICE = {"flows-table": "flows-more", "functions-task-table": "functions-more"}


def table(at, key: str):
    """The page's main table, asked for as a reader does when not drawn: the last one (charts'
    own tables come before, in expanders).

    Streamlit gives a dataframe without selections no element id, so `key` only names it here.
    """
    more = at.button_group(key=TABLE_CHOICE[key])
    if more.value != "table" and not (key == "flows-table" and "country" in at.query_params):
        more.set_value("table").run()
        assert not at.exception, [e.value for e in at.exception]
    assert at.dataframe, f"no table, expected {key}"
    return at.dataframe[-1].value


def select_in_chart(at: AppTest, key_prefix: str, param: str, values: list[dict]) -> AppTest:
    """Simulate a click in an Altair chart: send its selection as the browser would.

    AppTest cannot click a chart, and a selection chart's state may not be written through
    `session_state`; so the chart's widget state goes with the other widgets' into the next run.
    """
    chart = next(c for c in charts(at) if (c.key or "").startswith(key_prefix))
    states = at._tree.get_widget_states()
    state = states.widgets.add()
    state.id = chart.proto.id
    state.string_value = json.dumps({"selection": {param: values}})
    at._run(states)
    assert not at.exception, [e.value for e in at.exception]
    return at


# --- Country flows --------------------------------------------------------------------------

def test_flows_default_view():
    at = run(FLOWS)
    assert at.title[0].value == "Country flows"
    assert at.get("pills")[0].value == CASE_IDS
    # The map only: the origin-destination matrix and the table are drawn on request.
    assert chart_keys(at) == ["flows-map-all"] and not at.dataframe
    more = next(b for b in at.get("button_group") if b.key == "flows-more")
    assert more.value is None and more.options == ["Origin–destination matrix",
                                                   "Countries of each chain",
                                                   "The flows, from and to"]
    # 54 links: 7 canteen + 8 retail + 9 voice + 27 automotive + 3 Julie Desk. Cross-border:
    # canteen l2, retail l2 and l4 (France -> Madagascar), voice l1-l6 and l8 (10 links over 8
    # country pairs), and in the automotive chain Appen (AU) -> Figure Eight (US), Appen (AU),
    # Clickworker (DE), Lionbridge (US) -> workers in France, Lionbridge (US) -> Gengo.ai (JP):
    # 5 links over 4 new pairs (US -> France is voice l8's too). 15 links, 12 pairs.
    text = markdown(at)
    assert "15 links cross 12 borders" in text
    assert "France → Madagascar (3), United States → France (2)" in text
    # Within one country: France 4 (canteen l7; retail l5, l6, l8) + 2 (Wirk -> Foule Factory
    # -> workers in France), Madagascar 2 (canteen l4, retail l3), United States 1 (voice l7)
    # + 1 (Figure Eight -> Clixsense). Unknown end: canteen l1, l6 (no source says where the
    # canteen operator or users are), l3, l5 (crowdwork platforms); retail l1 (no source says
    # where the supermarkets are), l7 (end users); voice l9 (users); all 3 Julie Desk links (only
    # the firm has a country) and the other 19 automotive links: 7 + 22.
    assert "10 stay within one country (France 6, Madagascar 2, United States 2)" in text
    assert "29 links have an end whose country no source gives" in text
    flows = table(at, "flows-table")
    # One row per (from, to, function): 26 for the three product chains; the two new cases
    # give 19 combinations, of which 5 already exist (France -> Unknown and France -> France
    # without a task, France -> France and United States -> France preparation, United States
    # -> United States without a task): 14 more.
    assert len(flows) == 40
    assert "Unknown" in set(flows["From"]) | set(flows["To"])
    assert flows["Sources"].str.len().min() > 0  # every flow cites its sources
    # Only the language (written by the sidebar's switch) and the table asked for are in the link.
    assert {k: v for k, v in at.query_params.items() if k != "lang"} == {"show": "table"}


def test_a_charts_data_and_exports_are_filled_only_when_opened():
    # Closed, a rerun sends the chart and its summary only; opened, its table and exports.
    at = run(FLOWS, show="matrix")
    panels = [e for e in at.expander if e.label == "The data behind this chart, and exports"]
    assert len(panels) == 2 and not any(e.dataframe for e in panels)
    assert not at.dataframe  # nor the page's own table, drawn on request
    assert not [b for b in at.get("download_button") if str(b.key).startswith("flows-map")]
    at.session_state["flows-map-all-data"] = True
    at.run()
    map_panel = next(e for e in at.expander if e.label == "The data behind this chart, and exports")
    assert len(map_panel.dataframe) == 1 and len(map_panel.dataframe[0].value) == 40
    assert {str(b.key) for b in at.get("download_button")} >= {
        "flows-map-all-csv", "flows-map-all-svg", "flows-map-all-png"}
    assert len(at.dataframe) == 1  # the matrix's panel stays closed


@pytest.mark.parametrize("case_id, cross, rows", [
    # Canteen rows: FR->Unknown none (l1, l3), FR->MG none (l2), MG->MG and Unknown->MG
    # preparation (t1 on l4, l5), Unknown->FR verification (l6), FR->FR preparation (l7).
    ("canteen-terminal", "1 link crosses 1 border: France → Madagascar (1)", 6),
    # Retail rows: FR->Unknown none (l1), FR->MG none (l2) and preparation (l4), MG->MG
    # impersonation (l3), FR->FR preparation (l5, l8) and none (l6: t4 has no link),
    # Unknown->FR verification (l7).
    ("retail-video-surveillance", "2 links cross 1 border: France → Madagascar (2)", 7),
    ("voice-assistant", "7 links cross 7 borders", 17),
])
def test_flows_for_each_case(case_id, cross, rows):
    at = run(FLOWS, cases=case_id)
    assert at.get("pills")[0].value == [case_id]
    assert cross in markdown(at)
    assert len(table(at, "flows-table")) == rows
    assert at.query_params["cases"] == case_id


@pytest.mark.parametrize("params, expected", [
    # Verification tasks: canteen t2 (l6), retail t4 (l6), voice t1 (l1) and t4, t5 done by
    # the workers in France without a link, so on every link to them (l4, l5, l6, l8).
    ({"function": "verification"}, "5 links cross 5 borders"),
    # Outsourcing: canteen l2, l3; retail l2, l4; voice l1, l2, l3 (canteen l3 ends unknown).
    ({"relation": "outsources_to"}, "6 links cross 4 borders"),
    # Inferred: canteen l1-l7; retail l2, l3, l4, l7, l8; voice l8, l9. Cross-border: canteen
    # l2, retail l2, l4 (France -> Madagascar), voice l8 (United States -> France). No inferred
    # link of the two new cases joins two known countries.
    ({"certainty": "inferred"}, "4 links cross 2 borders"),
    # Documented: retail l1 (France -> unknown), voice l1-l7 (l1-l6 cross six borders), and the
    # 5 automotive cross-border links, all documented, over 5 new pairs (AU -> US, AU -> FR,
    # DE -> FR, US -> FR, US -> JP).
    ({"certainty": "documented"}, "11 links cross 11 borders"),
    # Links with no task: canteen l1, l2, l3; retail l1, l2, l6; voice l2, l3, l7; automotive
    # Appen -> Figure Eight and Lionbridge -> Gengo.ai cross borders too.
    ({"function": "none"}, "6 links cross 5 borders"),
])
def test_flows_filters_change_the_view(params, expected):
    at = run(FLOWS, **params)
    assert expected in markdown(at)
    assert len(charts(at)) == 1
    for key, value in params.items():
        assert at.query_params[key] == value


def test_flows_colour_by_relation():
    at = run(FLOWS, colour="relation", cases="voice-assistant")
    assert at.selectbox(key="flows-colour-select").value == "relation"
    spec = json.loads(charts(at)[0].proto.spec)
    assert "relation" in json.dumps(spec["layer"][1]["encoding"]["color"])
    # One row per link in this chain: each carries one relation.
    assert len(table(at, "flows-table")) == 9
    assert "Relation" in table(at, "flows-table").columns


def popover_labels(at) -> list[str]:
    def blocks(node):
        for child in getattr(node, "children", {}).values():
            yield child
            yield from blocks(child)
    return [b.proto.popover.label for b in blocks(at.main)
            if type(b.proto).__name__ == "Block" and b.proto.WhichOneof("type") == "popover"]


@pytest.mark.parametrize("params, label", [
    ({}, "Filters and colours"),
    ({"function": "verification"}, "Filters: Verification"),
    ({"certainty": "documented", "colour": "relation", "country": "MG"},
     "Filters: Documented · lines coloured by relation · table narrowed to Madagascar"),
    ({"relation": "recruits", "lang": "fr"}, "Filtres\u00a0: Recrute"),
    # A value that is not allowed is dropped with a notice, and not named as chosen.
    ({"certainty": "sure", "function": "verification"}, "Filters: Verification"),
])
def test_flows_filters_button_names_what_is_chosen(params, label):
    at = run(FLOWS, **params)
    # Beside the cases' and Also show's pop-overs, one for the filters.
    assert [p for p in popover_labels(at) if p.startswith(("Filters", "Filtres"))] == [label]
    # The select boxes are inside the pop-over, with the link's values.
    for key, value in params.items():
        if key in ("function", "relation", "colour", "country"):
            assert at.selectbox(key=f"flows-{key}-select").value == value


def test_flows_filters_that_empty_the_view():
    # Supervision (voice l6) is documented, never inferred.
    at = run(FLOWS, relation="supervises", certainty="inferred")
    assert "No link matches these filters" in infos(at)
    assert charts(at) == []
    assert not at.dataframe


def test_flows_without_any_case():
    at = run(FLOWS)
    at.get("pills")[0].set_value([]).run()
    assert not at.exception
    assert "Choose at least one case study" in infos(at)
    assert charts(at) == []


@pytest.mark.parametrize("param, value", [
    ("cases", "../../etc/passwd"), ("country", "<script>alert(1)</script>"),
    ("function", LONG), ("relation", "<img src=x onerror=alert(1)>"), ("certainty", LONG),
    ("colour", "javascript:alert(1)"), ("cases", LONG), ("bogus", "1"),
    ("show", "<script>alert(1)</script>"),
])
def test_flows_hostile_params_give_the_default_view(param, value):
    at = run(FLOWS, **{param: value})
    assert len(charts(at)) == 1
    assert at.get("pills")[0].value == CASE_IDS
    notice = infos(at)
    assert f"Ignored the link's `{param}`" in notice
    assert not raw_html(notice) and len(notice) < 400
    assert param not in at.query_params
    assert len(table(at, "flows-table")) == 40


def test_flows_country_from_the_url_narrows_the_table():
    at = run(FLOWS, country="MG")
    assert at.selectbox(key="flows-country-select").value == "MG"
    # Touching Madagascar: France -> Madagascar without task (canteen l2, retail l2) and with
    # preparation (retail l4); Unknown -> Madagascar (canteen l5); Madagascar -> Madagascar
    # preparation (canteen l4) and impersonation (retail l3).
    flows = table(at, "flows-table")
    assert len(flows) == 5
    assert set(flows["From"]) == {"France", "Unknown", "Madagascar"}
    assert set(flows["To"]) == {"Madagascar"}
    assert "Only the flows that start or end in **Madagascar**" in markdown(at)
    # The map shows the country as selected, under a key of its own.
    assert chart_keys(at)[0] == "flows-map-MG"
    spec = json.loads(charts(at)[0].proto.spec)
    assert {"country": "MG"} in spec["params"][0]["value"]


def test_flows_unknown_country_bucket():
    at = run(FLOWS, country="unknown")
    # France -> Unknown without task (canteen l1, l3; retail l1; Julie Desk l1), Unknown ->
    # Madagascar preparation (canteen l5), Unknown -> France verification (canteen l6, retail
    # l7), Unknown -> United States preparation (voice l9). Julie Desk: France -> Unknown
    # verification (the operators). Automotive: Unknown -> Unknown with and without a task,
    # Unknown -> United States, Australia, Germany, France and Japan without one (car makers,
    # Google, Uber commissioning), United States -> Unknown with a task (Clixsense) and without
    # (Mighty AI -> Spare5).
    flows = table(at, "flows-table")
    assert len(flows) == 14
    assert (flows["From"] == "Unknown").sum() == 10 and (flows["To"] == "Unknown").sum() == 6


def test_flows_click_on_the_map_narrows_the_table_and_goes_into_the_url():
    at = run(FLOWS)
    select_in_chart(at, "flows-map", "country", [{"country": "MG"}])
    assert at.selectbox(key="flows-country-select").value == "MG"
    assert at.query_params["country"] == "MG"
    assert len(table(at, "flows-table")) == 5
    # Clearing restores every flow and drops the parameter.
    at.button(key="flows-clear-country").click().run()
    assert not at.exception
    assert at.selectbox(key="flows-country-select").value == ""
    assert "country" not in at.query_params
    assert len(table(at, "flows-table")) == 40


def test_flows_click_on_nothing_keeps_the_country():
    at = run(FLOWS, country="FR")
    select_in_chart(at, "flows-map", "country", [])
    assert at.selectbox(key="flows-country-select").value == "FR"


def test_flows_country_with_no_flow_under_the_filters():
    # Italy only supervises (voice l6).
    at = run(FLOWS, country="IT", relation="recruits")
    assert "No flow starts or ends in Italy" in infos(at)
    assert len(charts(at)) == 1


# --- Task functions -------------------------------------------------------------------------

def test_functions_default_view():
    at = run(FUNCTIONS)
    assert at.title[0].value == "Task functions"
    # The diagram only: the shares per case and the breakdowns are drawn on request.
    assert chart_keys(at) == ["functions-diagram-all"]
    # 31 tasks: canteen t1-t3, retail t1-t6, voice t1-t8, automotive t1-t12, Julie Desk t1-t2.
    assert len(table(at, "functions-task-table")) == 31
    # Preparation: canteen t1, t3; retail t2, t3, t6; voice t2, t3, t6, t8 (generation:
    # canteen t3, retail t3, t6, voice t3, t8); all 12 automotive tasks (generation: the two
    # recordings and the two driver-monitoring data sets, t8, t9, t11, t12). Verification:
    # canteen t2, retail t4, t5, voice t1, t4, t5, Julie Desk t2. Impersonation: retail t1,
    # voice t7, Julie Desk t1.
    text = captions(at)
    assert ("Of 31 tasks in the chosen cases, 21 prepare the data (9 generation, 12 "
            "annotation), 7 verify the model's outputs and 3 impersonate the model") in text
    assert "Tubaro, P., Casilli, A. A. & Coville, M. (2020)" in text
    # What share of each chain's data work is verification: voice 3 of 8.
    shares = run(FUNCTIONS, show="shares")
    assert chart_keys(shares) == ["functions-diagram-all", "functions-shares-all"]
    assert ("Voice-assistant verification chain: 50% preparation, 38% verification"
            in captions(shares))
    function_buttons = at.segmented_control(key="functions-function-select")
    assert function_buttons.value == ""
    assert function_buttons.options == ["All functions", "Preparation", "Verification",
                                        "Impersonation"]
    # What the tasks are broken down by is asked with the breakdowns, not before.
    assert not [s for s in at.selectbox if s.key == "functions-by-select"]


@pytest.mark.parametrize("case_id, n_tasks", [
    ("canteen-terminal", 3), ("retail-video-surveillance", 6), ("voice-assistant", 8)])
def test_functions_for_each_case(case_id, n_tasks):
    at = run(FUNCTIONS, cases=case_id)
    tasks = table(at, "functions-task-table")
    assert len(tasks) == n_tasks
    assert set(tasks["Case"]) == {load_dataset(extra_dir=None).cases.set_index("case_id")
                                  .loc[case_id, "title"].rsplit(" (", 1)[0]}


@pytest.mark.parametrize("function, n_tasks", [
    ("preparation", 21), ("verification", 7), ("impersonation", 3)])
def test_functions_filter_by_function(function, n_tasks):
    at = run(FUNCTIONS, function=function)
    tasks = table(at, "functions-task-table")
    assert len(tasks) == n_tasks and set(tasks["Function"]) == {function.capitalize()}
    assert at.segmented_control(key="functions-function-select").value == function
    # Charts are keyed by the function, and show it as selected.
    assert f"functions-diagram-{function}" in chart_keys(at)
    spec = json.loads(charts(at)[0].proto.spec)
    assert {"function": function} in spec["params"][0]["value"]


@pytest.mark.parametrize("by, label", [
    ("country", "Country of who does it"), ("actor_type", "Type of actor doing it"),
    ("case_id", "Case study"), ("paid", "Paid or unpaid"), ("data_type", "Kind of data")])
def test_functions_breakdowns(by, label):
    at = run(FUNCTIONS, by=by, show="breakdowns")
    assert at.selectbox(key="functions-by-select").value == by
    keys = chart_keys(at)
    assert len(keys) == 4 and "functions-by-all" in keys
    # The chosen breakdown is not drawn a second time under it.
    shown_under = {key.removeprefix("functions-").removesuffix("-all") for key in keys[-2:]}
    assert by not in shown_under and len(shown_under) == 2
    assert shown_under == ({"paid", "data_type"} if by not in ("paid", "data_type")
                           else {"paid", "data_type", "country"} - {by})
    if by != "country":
        assert at.query_params["by"] == by


def test_functions_unpaid_work_is_counted():
    at = run(FUNCTIONS, show="breakdowns")
    # Unpaid: canteen t2 (verification), retail t3 (preparation), t5 (verification), voice t8
    # (preparation).
    assert "unpaid 4 (preparation 2, verification 2)" in captions(at)


def test_functions_filters_that_empty_the_view():
    # The canteen chain records no impersonation.
    at = run(FUNCTIONS, cases="canteen-terminal", function="impersonation")
    assert "No impersonation task is recorded in the chosen cases" in infos(at)
    assert chart_keys(at) == ["functions-diagram-impersonation"]  # the diagram shows the 0
    assert all("Task" not in d.value.columns for d in at.dataframe)


@pytest.mark.parametrize("param, value", [
    ("cases", "../../etc/passwd"), ("function", "<script>alert(1)</script>"), ("by", LONG),
    ("cases", LONG), ("country", "MG"), ("show", LONG)])
def test_functions_hostile_params_give_the_default_view(param, value):
    at = run(FUNCTIONS, **{param: value})
    assert len(charts(at)) == 1
    notice = infos(at)
    assert f"Ignored the link's `{param}`" in notice
    assert not raw_html(notice) and len(notice) < 400
    assert param not in at.query_params
    assert len(table(at, "functions-task-table")) == 31


def test_functions_click_on_a_function_filters_everything():
    at = run(FUNCTIONS, show="breakdowns")
    select_in_chart(at, "functions-diagram", "function", [{"function": "verification"}])
    assert at.segmented_control(key="functions-function-select").value == "verification"
    assert at.query_params["function"] == "verification"
    # Verification: canteen t2, retail t4, t5, voice t1, t4, t5, Julie Desk t2.
    assert "functions-paid-verification" in chart_keys(at)
    assert len(table(at, "functions-task-table")) == 7
    # A click in another chart moves the filter.
    at.query_params["show"] = "shares"
    at.session_state["functions-more"] = "shares"
    at.run()
    select_in_chart(at, "functions-shares", "function", [{"function": "impersonation"}])
    assert at.query_params["function"] == "impersonation"
    assert len(table(at, "functions-task-table")) == 3
    # "All functions" clears the filter.
    at.segmented_control(key="functions-function-select").set_value("").run()
    assert not at.exception
    assert "function" not in at.query_params
    assert len(table(at, "functions-task-table")) == 31


def test_functions_ignores_a_selection_of_something_else():
    at = run(FUNCTIONS, show="breakdowns")
    select_in_chart(at, "functions-by", "function", [{"function": "<script>"}])
    assert at.segmented_control(key="functions-function-select").value == ""
    assert len(table(at, "functions-task-table")) == 31


# --- Hostile data ---------------------------------------------------------------------------

@pytest.mark.parametrize("page", [FLOWS, FUNCTIONS])
def test_pages_show_hostile_data_as_text(page, monkeypatch):
    monkeypatch.setenv("DLC_DATA_DIR", str(FIXTURES / "hostile-cases"))
    at = run(page, cases="injection")
    assert charts(at)
    shown = [str(e.value) for e in [*at.markdown, *at.info, *at.caption, *at.title]]
    assert not any(raw_html(text) for text in shown)
    assert not any(re.search(r"(?<!\\)\]\(http", text) for text in shown)


# --- In French ------------------------------------------------------------------------------

NBSP, NNBSP = "\u00a0", "\u202f"


def spec_texts(at) -> str:
    """Every chart's spec and data as text (titles, legends, tooltips, data labels)."""
    import pyarrow as pa

    texts = []
    for chart in charts(at):
        texts.append(json.dumps(json.loads(chart.proto.spec), ensure_ascii=False))
        for dataset in chart.proto.datasets:
            frame = pa.ipc.open_stream(dataset.data.data).read_pandas()
            texts.append(frame.to_json(force_ascii=False))
    return "\n".join(texts)


def test_flows_in_french():
    at = run(FLOWS, lang="fr")
    assert at.title[0].value == "Flux entre pays"
    text = markdown(at)
    # The same hand-checked counts as in English, in a French sentence.
    assert f"15 liens franchissent 12 frontières{NBSP}: France → Madagascar (3)" in text
    assert "10 restent à l'intérieur d'un pays (France 6, Madagascar 2, États-Unis 2)" in text
    assert "29 liens ont une extrémité dont aucune source ne donne le pays" in text
    countries = run(FLOWS, lang="fr", show="countries")
    assert "Les pays que traverse chaque chaîne" in [s.value for s in countries.subheader]
    # The canteen chain: France, Madagascar and the unknown bucket (not counted as a country).
    assert "France, Madagascar, Inconnu (2 pays, 1 lien transfrontalier)" in markdown(countries)
    assert at.selectbox(key="flows-function-select").options[0] == "Toutes les fonctions"
    assert "Préparation" in at.selectbox(key="flows-function-select").options
    assert "Sous-traite à" in at.selectbox(key="flows-relation-select").options
    # Countries in French alphabetical order: Germany (Allemagne) comes with the automotive case.
    assert at.selectbox(key="flows-country-select").options[:3] == [
        "Tous les pays", "Allemagne", "Australie"]
    # The charts: titles, axes, legends and tooltips in French; codes stay the data.
    specs = spec_texts(at) + spec_texts(run(FLOWS, lang="fr", show="matrix"))
    for french in ("Où va le travail des données", "Qui commande à qui, pays par pays",
                   "Pays de départ", "Liens documentés", "Préparation", "Inconnu",
                   "sous-traite à"):
        assert french in specs, french
    assert "Where the data work goes" not in specs
    assert "Borne d'encaissement automatique de cantine" in specs  # cases named in tooltips
    assert "La carte relie" in captions(at) and "en couleur selon la fonction" in captions(at)
    # Values and the link stay codes: the language changes what is shown, not the view.
    assert at.selectbox(key="flows-function-select").value == ""
    assert dict(at.query_params) == {"lang": "fr"}
    flows = table(run(FLOWS, lang="fr", show="table"), "flows-table")
    assert list(flows.columns[:4]) == ["De", "Vers", "Fonction", "Liens"]
    assert "Inconnu" in set(flows["De"]) | set(flows["Vers"])
    assert "Aucune tâche relevée" in set(flows["Fonction"])
    assert {"Documenté", "Rapporté", "Déduit"} >= set(flows["Certitude la plus faible"])
    assert any(c.startswith("Borne d'encaissement") for c in flows["Cas"])


def test_flows_in_french_with_a_country_and_no_match():
    at = run(FLOWS, lang="fr", country="US")
    assert at.selectbox(key="flows-country-select").value == "US"
    assert f"Seulement les flux partant de ce pays ou y arrivant{NBSP}: **États-Unis**" in \
        markdown(at)
    assert at.button(key="flows-clear-country").label == "Retirer le pays"
    at = run(FLOWS, lang="fr", relation="supervises", certainty="inferred")
    assert "Aucun lien ne correspond à ces filtres" in infos(at)


def test_flows_numbers_in_french():
    at = run(FLOWS, lang="fr")
    # Vega writes the charts' numbers the French way too (decimal comma, narrow spaces).
    locale = json.loads(charts(at)[0].proto.spec)["config"]["locale"]["number"]
    assert locale["decimal"] == "," and locale["thousands"] == NNBSP


def test_functions_in_french():
    at = run(FUNCTIONS, lang="fr", show="breakdowns")
    shares = run(FUNCTIONS, lang="fr", show="shares")
    assert at.title[0].value == "Fonctions des tâches"
    text = captions(at) + captions(shares)
    assert ("Sur 31 tâches dans les cas choisis, 21 préparent les données (9 génération, "
            "12 annotation), 7 vérifient les résultats du modèle et 3 imitent le modèle") in text
    # Percentages the French way: a narrow no-break space before %.
    assert (f"Chaîne de vérification d'un assistant vocal{NBSP}: 50{NNBSP}% préparation, "
            f"38{NNBSP}% vérification") in text
    assert "non payé 4 (préparation 2, vérification 2)" in text
    assert "Schéma d'après la figure 1 de Tubaro, P., Casilli, A. A. & Coville, M. (2020)" in text
    specs = spec_texts(at) + spec_texts(shares)
    for french in ("Trois fonctions du travail des données", "Préparation", "Imitation",
                   "Résultats", "Nombre de tâches", "Part des tâches",
                   "par pays de qui l'exécute",
                   "21 tâches"):  # the 21 preparation tasks, as the diagram counts them
        assert french in specs, french
    assert "Three functions of data work" not in specs
    assert (at.segmented_control(key="functions-function-select").options[0]
            == "Toutes les fonctions")
    breakdowns = run(FUNCTIONS, lang="fr", show="breakdowns")
    assert breakdowns.selectbox(key="functions-by-select").options[0] == "Pays de qui l'exécute"
    tasks = table(run(FUNCTIONS, lang="fr", show="table"), "functions-task-table")
    # Julie Desk's tasks have phases, so the table has a Phase column.
    assert list(tasks.columns[:5]) == ["Cas", "Phase", "Tâche", "Exécutée par", "Pays"]
    assert set(tasks["Phase"]) == {"", "1. À la main (8 mois)", "2. Boucle humain-machine"}
    assert set(tasks["Fonction"]) == {"Préparation", "Vérification", "Imitation"}
    assert set(tasks["Payée"]) == {"payé", "non payé"}
    assert set(tasks["Pays"]) == {"France", "Madagascar", "Inconnu"}
    # Curated texts in French where the data has them (every bundled row has).
    assert not tasks["Tâche"].str.endswith("[EN]").any()
    assert not tasks["Exécutée par"].str.endswith("[EN]").any()


def test_functions_in_french_filtered():
    at = run(FUNCTIONS, lang="fr", function="verification", by="actor_type", show="breakdowns")
    assert "ne montrent que les tâches de **vérification** (7)" in markdown(at)
    assert "7 tâches par type d'acteur qui l'exécute" in captions(at)
    assert set(table(at, "functions-task-table")["Fonction"]) == {"Vérification"}
    assert at.query_params["function"] == "verification"
    at = run(FUNCTIONS, lang="fr", cases="canteen-terminal", function="impersonation")
    assert "Aucune tâche de imitation" not in infos(at)
    assert "Aucune tâche d'imitation n'est relevée" in infos(at)
