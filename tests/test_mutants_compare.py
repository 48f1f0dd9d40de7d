"""The compare measures, sentences and small chains, checked on hand-made cases in both languages.

Written against the mutants of `app/core/compare.py` that the other tests let through (see
tests/mutation/RESULTS.md). Expected texts are the catalogue's sentences filled in by hand;
expected positions follow the small chain's rules in `chain_small_frames`' docstring.

The tiny fixture case (tests/fixtures/cases/tiny): a French firm outsources to a platform in
Madagascar (documented), which recruits workers there (reported); users of no country supply
data to the firm (inferred). Tasks: one preparation (paid), two verification (one unpaid).
"""

from __future__ import annotations

import pandas as pd
import pytest

from app.core import compare as cp
from app.core.load import build_dataset


def test_cross_border_counts_dangling_actors_as_unknown():
    actors = pd.DataFrame({"actor_id": ["a", "b", "c"], "country": ["FR", "DE", ""]})
    links = pd.DataFrame({"from_actor": ["a", "a", "a", "a", "ghost"],
                          "to_actor": ["b", "a", "c", "ghost", "b"]})
    # a->b crosses; a->a stays; a->c, a->ghost and ghost->b have an end of unknown country.
    assert cp._cross_border(actors, links) == (1, 3)


def test_case_without_links_or_tasks(tiny_dataset):
    bare = build_dataset([])
    dataset = type(tiny_dataset)(tiny_dataset.cases, tiny_dataset.actors, bare.links,
                                 bare.tasks, tiny_dataset.sources)
    row = cp.compare_cases(dataset).iloc[0]
    assert (row["n_links"], row["n_tasks"], row["n_unpaid"], row["unpaid_share"]) == (0, 0, 0, 0.0)
    assert [row[f"share_{c}"] for c in ("documented", "reported", "inferred")] == [0.0] * 3


def test_no_case_chosen_keeps_integer_columns(tiny_dataset):
    frame = cp.compare_cases(tiny_dataset, [])
    assert frame.empty and list(frame.columns) == cp.COLUMNS
    for column in ("n_actors", "n_links", "chain_length", "documented_chain_length",
                   "n_cross_border_links"):
        assert frame[column].dtype == "int64", column


def test_grid_cells_without_details():
    row = pd.Series({"n_intermediaries": 0, "intermediaries": "", "n_countries": 0,
                     "countries": "", "n_actors_unknown_country": 0, "n_cross_border_links": 2,
                     "n_links": 5, "n_links_unknown_country": 0, "n_actors": 4})
    assert cp.measure_cell("n_intermediaries", row, "fr") == ("0", "aucun")
    assert cp.measure_cell("n_intermediaries", row) == ("0", "none")
    assert cp.measure_cell("n_countries", row, "fr") == ("0", "aucun indiqué")
    assert cp.measure_cell("n_countries", row) == ("0", "none given")
    assert cp.measure_cell("n_cross_border_links", row) == ("2 of 5", "")
    assert cp.measure_cell("n_actors", row) == ("4", "")


def test_measures_table_rounds_shares_and_shortens_titles(tiny_dataset):
    table = cp.measures_table(cp.compare_cases(tiny_dataset), columns=["title", "unpaid_share"])
    assert table.to_dict("list") == {"Case": ["Tiny test chain"], "Share of unpaid tasks": [0.333]}


def test_short_title_edge_cases():
    assert cp.short_title("Chain (A) (B)") == "Chain"
    assert cp.short_title(" (France)") == " (France)"  # nothing before the bracket: kept


def test_chain_extent_of_an_empty_case():
    empty = pd.DataFrame(columns=["case_id", "actor_id", "actor_type"])
    links = pd.DataFrame(columns=["case_id", "link_id", "from_actor", "to_actor", "relation"])
    assert cp.chain_extent(empty, links) == (0, 1)


def measures(*rows):
    """A compare frame with only what the sentences read: title, chain lengths, intermediaries."""
    return pd.DataFrame(rows, columns=["title", "chain_length", "documented_chain_length",
                                       "n_intermediaries"])


def test_longest_chain_answer_for_one_case():
    one = measures(("Alpha", 3, 2, 1))
    assert cp.longest_chain_answer(one) == (
        "The longest chain is 3 links, in Alpha. Counting documented links only, Alpha keeps "
        "a chain of 2 links. Most intermediaries: Alpha (1).")
    assert cp.longest_chain_answer(one, "fr") == (
        "La plus longue chaîne compte 3 liens\u00a0: Alpha. En ne comptant que les liens "
        "documentés, le cas «\u00a0Alpha\u00a0» garde une chaîne de 2 liens. Le plus "
        "d'intermédiaires\u00a0: Alpha (1).")


def test_longest_chain_answer_for_two_cases():
    tie = measures(("Alpha", 3, 2, 0), ("Beta", 3, 1, 0))
    assert cp.longest_chain_answer(tie) == (
        "All 2 cases have a longest chain of 3 links. Counting documented links only, only "
        "Alpha keeps a chain of 2 links.")
    apart = measures(("Alpha", 3, 0, 2), ("Beta", 2, 0, 2))
    assert cp.longest_chain_answer(apart, "fr") == (
        "La plus longue chaîne compte 3 liens\u00a0: Alpha. En ne comptant que les liens "
        "documentés, aucun cas n'a de chaîne complète. Le plus d'intermédiaires\u00a0: Alpha et "
        "Beta (2).")
    two_of_three = measures(("Alpha", 3, 0, 0), ("Beta", 3, 0, 0), ("Gamma", 1, 0, 0))
    assert cp.longest_chain_answer(two_of_three, "fr").startswith(
        "La plus longue chaîne compte 3 liens\u00a0: Alpha et Beta. ")
    none = measures(("Alpha", 0, 0, 0), ("Beta", 0, 0, 0))
    assert cp.longest_chain_answer(none, "fr") == (
        "Aucun cas n'a de chaîne allant d'un client ou d'un donneur d'ordre jusqu'aux "
        "travailleurs. En ne comptant que les liens documentés, aucun cas n'a de chaîne "
        "complète.")


def shares(*rows):
    return pd.DataFrame(rows, columns=["case_id", "function", "n_tasks", "share"])


def test_function_summary_keeps_case_order_and_french_lists():
    data = shares(("b", "preparation", 1, 0.25), ("b", "verification", 3, 0.75),
                  ("a", "preparation", 2, 1.0), ("a", "verification", 0, 0.0))
    titles = {"b": "Bee (FR)"}  # no title for "a": its id is shown
    assert cp.function_summary(data, titles, "fr") == (
        "Fonction principale par cas\u00a0: Bee\u00a0: Vérification (75\u202f% de 4 tâches)\u00a0; "
        "a\u00a0: Préparation (100\u202f% de 2 tâches).")


def test_function_summary_with_no_task():
    data = shares(("a", "preparation", 0, 0.0), ("a", "verification", 0, 0.0))
    assert cp.function_summary(data, {}) == "No task is recorded for the cases selected."
    assert cp.function_summary(data, {}, "fr") == (
        "Aucune tâche n'est relevée pour les cas choisis.")


def test_summaries_of_two_cases_in_french():
    frame = pd.DataFrame({"title": ["Alpha (FR)", "Beta"], "n_unpaid": [1, 0],
                          "n_tasks": [4, 2], "unpaid_share": [0.25, 0.0],
                          "share_documented": [0.5, 1.0]})
    assert cp.unpaid_summary(frame, "fr") == (
        "Part des tâches non payées\u00a0: Alpha\u00a0: 1 sur 4 (25\u202f%)\u00a0; Beta\u00a0: 0 "
        "sur 2 (0\u202f%).")
    assert cp.certainty_summary(frame, "fr") == (
        "Part des liens documentés par une source primaire\u00a0: Alpha\u00a0: 50\u202f%\u00a0; "
        "Beta\u00a0: 100\u202f%.")


def test_small_chain_summary_in_french():
    row = pd.Series({"title": "Alpha (FR)", "n_actors": 5, "n_links": 4, "chain_length": 3,
                     "documented_chain_length": 2, "n_intermediaries": 2})
    assert cp.small_chain_summary(row, "fr") == (
        "Alpha\u00a0: 5 acteurs et 4 liens\u00a0; la plus longue chaîne d'un client ou d'un "
        "donneur d'ordre jusqu'aux travailleurs compte 3 liens (2 liens en ne comptant que les "
        "liens documentés), avec 2 intermédiaires.")


def test_share_tables_for_people():
    titles = {"c": "Chain (FR)"}
    functions = shares(("c", "preparation", 2, 2 / 3), ("x", "impersonation", 1, 1 / 3))
    table = cp.function_share_table(functions, titles, "fr")
    assert table.to_dict("list") == {"Cas": ["Chain", "x"],
                                     "Fonction": ["Préparation", "Imitation"],
                                     "Tâches": [2, 1], "Part": [0.667, 0.333]}
    certainty = pd.DataFrame([("c", "documented", 1, 1 / 3), ("c", "inferred", 2, 2 / 3)],
                             columns=["case_id", "certainty", "n_links", "share"])
    table = cp.certainty_share_table(certainty, titles, "fr")
    assert table.to_dict("list") == {"Cas": ["Chain", "Chain"],
                                     "Certitude": ["Documenté", "Déduit"],
                                     "Liens": [1, 2], "Part": [0.333, 0.667]}


# A small chain: the firm outsources to two vendors, both recruit the pool; the firm also
# supervises the pool directly; end users (two groups) supply data to the firm and a vendor.
# (k8, between the two groups of end users, is there only to draw a link within a column.)
# Columns by the layout's rules: firm 0; the vendors 1 (v1 above v2); pool 2; end users 3
# (fans above users). Rows are centred: a column of two has rows -0.5 and 0.5.
SMALL_ACTORS = pd.DataFrame({
    "case_id": "c",
    "actor_id": ["firm", "v1", "v2", "pool", "users", "fans"],
    "name": ["Firm", "Data annotation vendor of Madagascar", "Vendor two", "Pool", "Users",
             "Fans"],
    "actor_type": ["ai_company", "vendor", "vendor", "worker_pool", "end_user", "end_user"],
    "country": ["FR", "MG", "MG", "MG", "", ""],
    "certainty": ["documented", "reported", "inferred", "documented", "inferred", "inferred"],
})
SMALL_LINKS = pd.DataFrame([
    ("c", "k0", "firm", "ghost", "outsources_to", "documented"),  # unknown actor: not drawn
    ("c", "k1", "firm", "v1", "outsources_to", "documented"),
    ("c", "k2", "firm", "v2", "outsources_to", "reported"),
    ("c", "k3", "v1", "pool", "recruits", "documented"),
    ("c", "k4", "v2", "pool", "recruits", "inferred"),
    ("c", "k5", "users", "firm", "supplies_data", "inferred"),
    ("c", "k6", "firm", "pool", "supervises", "documented"),
    ("c", "k7", "users", "v2", "supplies_data", "inferred"),
    ("c", "k8", "fans", "users", "supervises", "inferred"),
    ("c", "k9", "fans", "firm", "supplies_data", "inferred"),
], columns=["case_id", "link_id", "from_actor", "to_actor", "relation", "certainty"])


@pytest.fixture(scope="module")
def small():
    return cp.chain_small_frames(SMALL_ACTORS, SMALL_LINKS, "fr")


def test_small_chain_nodes(small):
    nodes, _ = small
    assert list(nodes.columns) == ["actor_id", "name", "label", "actor_type", "type_label",
                                   "country", "country_name", "certainty", "certainty_label",
                                   "x", "y"]
    at = nodes.set_index("actor_id")
    # No French name: the English one, marked; wrapped at 24 characters a line.
    assert at.loc["v1", "name"] == "Data annotation vendor of Madagascar [EN]"
    assert at.loc["v1", "label"] == "Data annotation vendor\nof Madagascar [EN]"
    assert (at.loc["v2", "actor_type"], at.loc["v2", "country"], at.loc["v2", "certainty"]) == (
        "vendor", "MG", "inferred")
    assert dict(zip(nodes["actor_id"], zip(nodes["x"], nodes["y"]))) == {
        "firm": (0.0, 0.0), "v1": (1.0, -0.5), "v2": (1.0, 0.5), "pool": (2.0, 0.0),
        "users": (3.0, 0.5), "fans": (3.0, -0.5)}


def test_small_chain_edges(small):
    _, edges = small
    assert list(edges.columns) == ["link_id", "point", "x", "y", "certainty",
                                   "certainty_label", "sentence"]
    path = {lid: list(zip(g["x"], g["y"])) for lid, g in edges.groupby("link_id", sort=False)}
    assert list(path) == ["k1", "k2", "k3", "k4", "k5", "k6", "k7", "k8", "k9"]  # not k0
    assert path["k1"] == [(0, 0), (1, -0.5)]  # neighbouring columns: straight
    assert path["k3"] == [(1, -0.5), (2, 0)]
    # Arcs: the middle point is the control of a curve peaking at (y1 + 2 c + y2) / 4.
    # k5, users (3, 0.5) -> firm (0, 0): lower half, skips 2 columns (spread 0.08): peak at
    # bottom 0.5 + 0.75 + 0.08 = 1.33, control y (4 * 1.33 - 0.5 - 0) / 2 = 2.41.
    assert path["k5"] == [(3, 0.5), (1.5, pytest.approx(2.41)), (0, 0)]
    # k6, firm (0, 0) -> pool (2, 0): upper half, spread 0: peak -0.5 - 0.5 = -1, control -2.
    assert path["k6"] == [(0, 0), (1, pytest.approx(-2)), (2, 0)]
    # k7, users (3, 0.5) -> v2 (1, 0.5): lower half, spread 0: peak 1.25, control 2.
    assert path["k7"] == [(3, 0.5), (2, pytest.approx(2)), (1, 0.5)]
    # k8, fans (3, -0.5) -> users (3, 0.5), one column: x beside it, peak -1, control -2.
    assert path["k8"] == [(3, -0.5), (pytest.approx(3.4), pytest.approx(-2)), (3, 0.5)]
    # k9, fans (3, -0.5) -> firm (0, 0): upper half, spread 0.08: peak -0.5 - 0.5 - 0.08 =
    # -1.08, control (4 * -1.08 + 0.5 - 0) / 2 = -1.91.
    assert path["k9"] == [(3, -0.5), (1.5, pytest.approx(-1.91)), (0, 0)]
    k2 = edges[edges["link_id"] == "k2"].iloc[0]
    assert (k2["certainty"], k2["certainty_label"]) == ("reported", "Rapporté")
    assert edges["point"].tolist()[:4] == [0, 1, 0, 1]


def test_small_chain_of_nothing():
    actors = SMALL_ACTORS.iloc[0:0]
    nodes, edges = cp.chain_small_frames(actors, SMALL_LINKS.iloc[0:0])
    assert nodes.empty and edges.empty
    assert list(edges.columns) == ["link_id", "point", "x", "y", "certainty",
                                   "certainty_label", "sentence"]
