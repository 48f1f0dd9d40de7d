"""Country flows checked number by number on small hand-made chains and map geometries.

Written against the mutants of `app/core/flows.py` that the other tests let through (see
tests/mutation/RESULTS.md). Every expected value is worked out by hand in the comments, from
the rules in the module's docstring, not read off the code's output.

The chain: case c1, an AI firm in France (FR) outsources to a vendor in Germany (DE, 40
workers, k1) and also runs it (operates, k2); Italian users (IT, 1,000) supply data to the
firm (k3); the vendor recruits a pool at home (DE, 7 workers, k4) and outsources to a
subcontractor of unknown country (k5). Case c2: another French firm outsources to a German
vendor (5 workers, j1).
"""

from __future__ import annotations

import math

import pandas as pd
import pytest

from app.core import flows as fl

ACTOR_COLUMNS = ["case_id", "actor_id", "name", "actor_type", "country", "workers"]
LINK_COLUMNS = ["case_id", "link_id", "from_actor", "to_actor", "relation", "certainty"]
TASK_COLUMNS = ["case_id", "task_id", "actor_id", "link_id", "function"]

FLOW_COLUMNS = ["from_country", "to_country", "function", "n_links", "n_tasks", "workers",
                "certainty", "n_documented", "n_reported", "n_inferred", "domestic", "cases",
                "n_cases", "relations", "functions", "link_ids", "from_name", "to_name",
                "from_lon", "from_lat", "to_lon", "to_lat", "crosses_antimeridian"]


def chain():
    actors = pd.DataFrame([
        ("c1", "ai", "AI firm", "ai_company", "FR", None),
        ("c1", "vend", "Vendor", "vendor", "DE", 40),
        ("c1", "users", "Users", "end_user", "IT", 1000),
        ("c1", "pool", "Pool", "worker_pool", "DE", 7),
        ("c1", "sub", "Sub", "subcontractor", "", None),
        ("c2", "ai2", "AI firm 2", "ai_company", "FR", None),
        ("c2", "vend2", "Vendor 2", "vendor", "DE", 5),
    ], columns=ACTOR_COLUMNS).astype({"workers": "Int64"})
    links = pd.DataFrame([
        ("c1", "k1", "ai", "vend", "outsources_to", "documented"),
        ("c1", "k2", "ai", "vend", "operates", "reported"),
        ("c1", "k3", "users", "ai", "supplies_data", "inferred"),
        ("c1", "k4", "vend", "pool", "recruits", "documented"),
        ("c1", "k5", "vend", "sub", "outsources_to", "reported"),
        ("c2", "j1", "ai2", "vend2", "outsources_to", "documented"),
    ], columns=LINK_COLUMNS)
    tasks = pd.DataFrame([
        ("c1", "t1", "pool", "k1", "impersonation"),
        ("c1", "t2", "pool", "k1", "preparation"),
        ("c1", "t3", "vend", "", "verification"),  # no link: carried by k1 and k2 (vend performs)
        ("c1", "t4", "users", "", "preparation"),  # carried by k3 (supplies_data: users perform)
        ("c2", "u1", "vend2", "j1", "preparation"),
    ], columns=TASK_COLUMNS)
    return actors, links, tasks


CENTROIDS = pd.DataFrame({"alpha2": ["FR", "DE", "IT"], "lon": [2.0, 10.0, 12.0],
                          "lat": [46.0, 51.0, 43.0]})


@pytest.fixture(scope="module")
def flows():
    return fl.aggregate_country_flows(*chain(), centroids=CENTROIDS)


def test_rows_in_order_of_links_then_countries_then_function(flows):
    # Two links: FR->DE preparation (k1, j1) and verification (k1, k2); then one link each,
    # by from country, to country ("" first) and function.
    assert list(zip(flows["from_country"], flows["to_country"], flows["function"])) == [
        ("FR", "DE", "preparation"), ("FR", "DE", "verification"),
        ("DE", "", "none"), ("DE", "DE", "none"),
        ("FR", "DE", "impersonation"), ("IT", "FR", "preparation"),
    ]
    assert list(flows.columns) == FLOW_COLUMNS
    assert list(flows.index) == [0, 1, 2, 3, 4, 5]


def test_counts_by_hand(flows):
    by_key = {(r.from_country, r.to_country, r.function): r for r in flows.itertuples()}
    prep = by_key["FR", "DE", "preparation"]
    assert (prep.n_links, prep.n_tasks, prep.workers) == (2, 2, 45)  # vendors 40 + 5
    assert (prep.cases, prep.n_cases, prep.link_ids) == ("c1; c2", 2, "c1/k1; c2/j1")
    verif = by_key["FR", "DE", "verification"]
    assert (verif.n_links, verif.n_tasks, verif.workers) == (2, 1, 40)  # t3 once, vendor once
    assert (verif.certainty, verif.n_documented, verif.n_reported) == ("reported", 1, 1)
    assert verif.relations == "outsources_to; operates"  # vocabulary order, not alphabetical
    assert (verif.cases, verif.n_cases, verif.link_ids) == ("c1", 1, "c1/k1; c1/k2")
    users = by_key["IT", "FR", "preparation"]
    assert users.workers == 1000  # supplies_data: the users perform
    assert (users.certainty, users.n_inferred) == ("inferred", 1)
    home = by_key["DE", "DE", "none"]
    assert (home.n_tasks, home.workers) == (0, 7)  # a link with no task carries none
    unknown = by_key["DE", "", "none"]
    assert unknown.n_tasks == 0 and unknown.workers is pd.NA  # headcount not known
    assert [bool(d) for d in flows["domestic"]] == [False, False, False, True, False, False]
    assert flows["domestic"].dtype == bool


def test_names_and_endpoints(flows):
    first = flows.iloc[0]
    assert (first["from_name"], first["to_name"]) == ("France", "Germany")
    assert (first["from_lon"], first["from_lat"], first["to_lon"], first["to_lat"]) == (
        2.0, 46.0, 10.0, 51.0)
    french = fl.aggregate_country_flows(*chain(), centroids=CENTROIDS, lang="fr")
    assert list(zip(french["from_name"], french["to_name"])) == [
        ("France", "Allemagne"), ("France", "Allemagne"), ("Allemagne", "Inconnu"),
        ("Allemagne", "Allemagne"), ("France", "Allemagne"), ("Italie", "France")]


def test_functions_in_vocabulary_order_when_grouped_by_relation():
    flows = fl.aggregate_country_flows(*chain(), by="relation", centroids=CENTROIDS)
    assert list(flows.columns[:3]) == ["from_country", "to_country", "relation"]
    out = flows[(flows["from_country"] == "FR") & (flows["relation"] == "outsources_to")].iloc[0]
    # k1 carries t1, t2, t3 and j1 carries u1: preparation, verification, impersonation.
    assert out["functions"] == "preparation; verification; impersonation"
    assert (out["n_links"], out["n_tasks"]) == (2, 4)


def test_grouping_errors_name_the_bad_key():
    with pytest.raises(ValueError, match=r"cannot group flows by \['country'\]"):
        fl.aggregate_country_flows(*chain(), by="country")


@pytest.mark.parametrize("filters", [{"cases": ["nowhere"]}, {"functions": ["nothing"]}])
def test_nothing_left_gives_an_empty_frame_with_every_column(filters):
    empty = fl.aggregate_country_flows(*chain(), **filters)
    assert empty.empty and list(empty.columns) == FLOW_COLUMNS
    assert {c: str(empty[c].dtype) for c in ["n_links", "workers", "domestic"]} == {
        "n_links": "int64", "workers": "Int64", "domestic": "bool"}


def test_join_keeps_text_drops_blanks_and_puts_unknown_values_last():
    assert fl._join(["b", "", None, "a", "b"]) == "a; b"
    assert fl._join(["zz", "operates", "outsources_to"], ["outsources_to", "operates"]) == (
        "outsources_to; operates; zz")


def test_collation_key_ignores_accents_and_case():
    assert fl.collation_key("États-Unis") == "etats-unis"


def test_add_endpoints_and_the_antimeridian():
    centroids = pd.DataFrame({"alpha2": ["AA", "BB", "CC", "DD"],
                              "lon": [-100.0, 80.5, 80.0, 100.0], "lat": [10.0, 20.0, 30.0, 0.0]})
    flows = pd.DataFrame({"from_country": ["AA", "AA", "AA", "DD"],
                          "to_country": ["BB", "CC", "", "AA"]})
    out = fl.add_endpoints(flows, centroids)
    assert out["to_lon"].tolist()[:2] == [80.5, 80.0] and out["to_lat"].tolist()[:2] == [20.0, 30.0]
    assert out["from_lat"].tolist() == [10.0, 10.0, 10.0, 0.0]
    # 180.5 degrees apart, exactly 180, unknown end, 200 apart.
    assert out["crosses_antimeridian"].tolist() == [True, False, False, True]
    assert out["crosses_antimeridian"].dtype == bool


def test_wrapped_end():
    assert fl._wrapped_end(180.0, 1.0) == (180.0, 179.999)
    assert fl._wrapped_end(180.5, 1.0) == (-179.5, -179.999)


def one_flow(a, b, c, d):
    return pd.DataFrame({"from_country": ["AA"], "to_country": ["BB"], "domestic": [False],
                         "from_lon": [a], "from_lat": [b], "to_lon": [c], "to_lat": [d]})


E = 179.999
# (from lon, from lat, to lon, to lat) -> segments (lon, lat, lon2, lat2), worked out by hand.
WRAP_CASES = [
    ((0, 0, 180, 10), [(0, 0, 180, 10)]),  # exactly 180 apart: left as is
    ((0, 0, -180, 10), [(0, 0, -180, 10)]),
    ((-0.5, 0, 180, 10), [(-0.5, 0, -180, 10)]),  # 180.5 apart: the short way
    ((0.5, 0, -180, 10), [(0.5, 0, 180, 10)]),
    ((180, 0, -170, 10), [(180, 0, E, 0), (-E, 0, -170, 10)]),  # -170 becomes 190: split
    ((180, 0, 170, 10), [(180, 0, 170, 10)]),
    ((170, 0, 180, 10), [(170, 0, 180, 10)]),
    # Ends pushed past the edge (as the sideways spread does):
    ((180.5, 0, 170, 10), [(-179.5, 0, -E, 5 / 10.5), (E, 5 / 10.5, 170, 10)]),
    ((170, 0, 180.5, 10), [(170, 0, E, 100 / 10.5), (-E, 100 / 10.5, -179.5, 10)]),
    ((185, 0, 190, 10), [(-175, 0, -170, 10)]),  # both beyond: moved back whole
    ((180.5, 0, 185, 10), [(-179.5, 0, -175, 10)]),
    ((185, 0, 180, 10), [(-175, 0, -E, 10), (E, 10, 180, 10)]),
    ((185, 0, 180.5, 10), [(-175, 0, -179.5, 10)]),
    ((-180, 0, -185, 10), [(-180, 0, -E, 0), (E, 0, 175, 10)]),
    ((-180.5, 0, -185, 10), [(179.5, 0, 175, 10)]),
    ((-185, 0, -180, 10), [(175, 0, E, 10), (-E, 10, -180, 10)]),
    ((-185, 0, -170, 10), [(175, 0, E, 10 / 3), (-E, 10 / 3, -170, 10)]),
    ((-185, 0, -180.5, 10), [(175, 0, 179.5, 10)]),
]


@pytest.mark.parametrize(("ends", "expected"), WRAP_CASES, ids=[str(c[0]) for c in WRAP_CASES])
def test_segments_near_the_edge(ends, expected):
    seg = fl.flow_segments(one_flow(*[float(v) for v in ends]))
    assert seg["segment"].tolist() == list(range(len(expected)))
    got = list(zip(seg["lon"], seg["lat"], seg["lon2"], seg["lat2"]))
    assert got == [pytest.approx(e) for e in expected]


def pair_flows(ends: list[tuple[str, str]], where: dict[str, tuple[float, float]]):
    return pd.DataFrame({
        "from_country": [f for f, _ in ends], "to_country": [t for _, t in ends],
        "domestic": [False] * len(ends),
        "from_lon": [where[f][0] for f, _ in ends], "from_lat": [where[f][1] for f, _ in ends],
        "to_lon": [where[t][0] for _, t in ends], "to_lat": [where[t][1] for _, t in ends]})


def coords(seg):
    return [pytest.approx(v) for v in zip(seg["lon"], seg["lat"], seg["lon2"], seg["lat2"])]


def test_sideways_spread_of_one_pair_both_ways():
    # AA (10, 20) to BB (40, 60): dx 30, dy 40, length 50; the normal is (-0.8, 0.6). Three
    # flows share the pair, spread by -10, 0, +10 degrees; BB->AA uses the same normal.
    flows = pair_flows([("AA", "BB"), ("AA", "BB"), ("BB", "AA")],
                       {"AA": (10.0, 20.0), "BB": (40.0, 60.0)})
    seg = fl.flow_segments(flows, offset_by="function", spacing=10)
    assert list(zip(seg["lon"], seg["lat"], seg["lon2"], seg["lat2"])) == [
        pytest.approx((18, 14, 48, 54)), pytest.approx((10, 20, 40, 60)),
        pytest.approx((32, 66, 2, 26))]
    assert list(seg.columns) == [*flows.columns, "segment", "lon", "lat", "lon2", "lat2"]
    assert list(seg.index) == [0, 1, 2]
    unspread = fl.flow_segments(flows)
    assert unspread["lon"].tolist() == [10, 10, 40] and unspread["lon2"].tolist() == [40, 40, 10]


def test_two_flows_spread_by_the_default_spacing():
    # Along a meridian (dx 0, dy 10): the normal points west; shifts -0.75 and +0.75.
    flows = pair_flows([("AA", "BB"), ("AA", "BB")], {"AA": (0.0, 0.0), "BB": (0.0, 10.0)})
    seg = fl.flow_segments(flows, offset_by="function")
    assert coords(seg) == [(0.75, 0, 0.75, 10), (-0.75, 0, -0.75, 10)]


def test_spread_past_the_edge_comes_back_from_the_other_side():
    # Two Pacific flows along the meridian 179.5, spread by 1.5 each side: the first moves
    # east to 181 and is drawn at -179, the second west to 178.
    flows = pair_flows([("AA", "BB"), ("AA", "BB")], {"AA": (179.5, 0.0), "BB": (179.5, 10.0)})
    seg = fl.flow_segments(flows, offset_by="function", spacing=3)
    assert coords(seg) == [(-179, 0, -179, 10), (178, 0, 178, 10)]


def test_flows_between_places_at_the_same_point_are_not_moved():
    flows = pair_flows([("AA", "BB"), ("AA", "BB")], {"AA": (5.0, 5.0), "BB": (5.0, 5.0)})
    seg = fl.flow_segments(flows, offset_by="function")
    assert coords(seg) == [(5, 5, 5, 5), (5, 5, 5, 5)]


def test_nothing_drawable_keeps_the_columns():
    flows = one_flow(float("nan"), 0.0, 10.0, 10.0)
    seg = fl.flow_segments(flows)
    assert seg.empty
    assert list(seg.columns) == [*flows.columns, "segment", "lon", "lat", "lon2", "lat2"]


# Flows by hand for the matrix and the country list: link c/a carries two functions (two
# rows), c/x and c/y go together from IT to FR, c/d stays in Germany, c/z goes to no country.
def table():
    rows = [("FR", "DE", "c/a; c/b", False), ("FR", "DE", "c/a", False),
            ("DE", "", "c/z", False), ("IT", "FR", "c/x; c/y", False), ("DE", "DE", "c/d", True)]
    where = {"FR": (2.0, 46.0), "DE": (10.0, 51.0), "IT": (12.0, 43.0), "": (math.nan, math.nan)}
    frame = pd.DataFrame(rows, columns=["from_country", "to_country", "link_ids", "domestic"])
    for side in ("from", "to"):
        frame[f"{side}_lon"] = [where[c][0] for c in frame[f"{side}_country"]]
        frame[f"{side}_lat"] = [where[c][1] for c in frame[f"{side}_country"]]
    return frame


def test_od_matrix_counts_each_link_once():
    matrix = fl.od_matrix(table())
    expected = pd.DataFrame([[1, 0, 1], [2, 0, 0], [0, 2, 0]], index=["DE", "FR", "IT"],
                            columns=["DE", "FR", "Unknown"], dtype="int64")
    expected.index.name, expected.columns.name = "from_country", "to_country"
    pd.testing.assert_frame_equal(matrix, expected)
    assert fl.od_matrix(table().iloc[0:0]).empty


def test_involved_countries_by_hand():
    got = fl.involved_countries(table(), lang="fr")
    assert list(got.columns) == ["country", "name", "n_out", "n_in", "n_domestic", "n_links",
                                 "lon", "lat"]
    assert got["country"].tolist() == ["", "DE", "FR", "IT"]
    assert got["name"].tolist() == ["Inconnu", "Allemagne", "France", "Italie"]
    assert got["n_out"].tolist() == [0, 1, 2, 2]  # DE: z; FR: a, b; IT: x, y
    assert got["n_in"].tolist() == [1, 2, 2, 0]  # "": z; DE: a, b; FR: x, y
    assert got["n_domestic"].tolist() == [0, 1, 0, 0]
    assert got["n_links"].tolist() == [1, 4, 4, 2]
    assert got["lon"].tolist()[1:] == [10.0, 2.0, 12.0]
    assert got["lat"].tolist()[1:] == [51.0, 46.0, 43.0]
    assert list(fl.involved_countries(table().iloc[0:0]).columns) == list(got.columns)


def test_flows_touching_keeps_the_columns_and_renumbers():
    got = fl.flows_touching(table(), "FR")
    assert got["link_ids"].tolist() == ["c/a; c/b", "c/a", "c/x; c/y"]
    assert list(got.columns) == list(table().columns) and list(got.index) == [0, 1, 2]
