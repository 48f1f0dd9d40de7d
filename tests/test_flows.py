"""Country flows on a tiny two-case chain whose every number is checked by hand.

Case alpha: an AI firm in France outsources to a vendor in Madagascar (l1, documented), which
recruits annotators there (l2, reported) and outsources to a subcontractor of unknown country
(l4, inferred); French users supply data to the firm (l3, documented).
Case beta: a US firm outsources to a platform in China (m1, reported) and recruits workers in
Japan (m2, documented), whom the platform supervises (m3, documented).
"""

from __future__ import annotations

import pandas as pd
import pytest

from app.core.i18n import translate_count
from app.core import flows as fl
from app.core.geo import country_centroids

ACTOR_COLUMNS = ["case_id", "actor_id", "name", "actor_type", "country", "workers", "anonymised",
                 "description", "source_ids", "certainty"]
LINK_COLUMNS = ["case_id", "link_id", "from_actor", "to_actor", "relation", "description",
                "source_ids", "certainty"]
TASK_COLUMNS = ["case_id", "task_id", "actor_id", "link_id", "task", "function", "subfunction",
                "data_type", "paid", "description", "source_ids", "certainty"]


def chain_frames() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    actors = pd.DataFrame([
        ("alpha", "a_ai", "AI firm", "ai_company", "FR", None, False, "", "s1", "documented"),
        ("alpha", "a_vendor", "Vendor", "vendor", "MG", None, True, "", "s1", "documented"),
        ("alpha", "a_pool", "Annotators", "worker_pool", "MG", 100, False, "", "s1", "reported"),
        ("alpha", "a_users", "Users", "end_user", "FR", None, False, "", "s1", "documented"),
        ("alpha", "a_sub", "Subcontractor", "subcontractor", "", None, True, "", "s1", "inferred"),
        ("beta", "b_ai", "AI firm", "ai_company", "US", None, False, "", "s2", "documented"),
        ("beta", "b_plat", "Platform", "platform", "CN", None, False, "", "s2", "documented"),
        ("beta", "b_pool", "Workers", "worker_pool", "JP", 50, False, "", "s2", "documented"),
    ], columns=ACTOR_COLUMNS)
    actors["workers"] = actors["workers"].astype("Int64")
    links = pd.DataFrame([
        ("alpha", "l1", "a_ai", "a_vendor", "outsources_to", "", "s1", "documented"),
        ("alpha", "l2", "a_vendor", "a_pool", "recruits", "", "s1", "reported"),
        ("alpha", "l3", "a_users", "a_ai", "supplies_data", "", "s1", "documented"),
        ("alpha", "l4", "a_vendor", "a_sub", "outsources_to", "", "s1", "inferred"),
        ("beta", "m1", "b_ai", "b_plat", "outsources_to", "", "s2", "reported"),
        ("beta", "m2", "b_ai", "b_pool", "recruits", "", "s2", "documented"),
        ("beta", "m3", "b_plat", "b_pool", "supervises", "", "s2", "documented"),
    ], columns=LINK_COLUMNS)
    tasks = pd.DataFrame([
        ("alpha", "t1", "a_pool", "l1", "draw boxes", "preparation", "annotation", "image", True,
         "", "s1", "documented"),
        ("alpha", "t2", "a_pool", "", "check outputs", "verification", "", "image", True,
         "", "s1", "reported"),
        ("alpha", "t3", "a_users", "", "take photos", "preparation", "generation", "image", False,
         "", "s1", "documented"),
        ("alpha", "t4", "a_pool", "l1", "grade outputs", "verification", "", "text", True,
         "", "s1", "inferred"),
        ("beta", "u1", "b_pool", "m2", "answer as the bot", "impersonation", "", "audio", True,
         "", "s2", "documented"),
    ], columns=TASK_COLUMNS)
    return actors, links, tasks


@pytest.fixture(scope="module")
def frames():
    return chain_frames()


@pytest.fixture(scope="module")
def flows(frames):
    return fl.aggregate_country_flows(*frames)


def row(flows: pd.DataFrame, src: str, dst: str, function: str) -> pd.Series:
    hit = flows[(flows["from_country"] == src) & (flows["to_country"] == dst)
                & (flows["function"] == function)]
    assert len(hit) == 1, (src, dst, function)
    return hit.iloc[0]


def test_one_row_per_country_pair_and_function(flows):
    keys = set(zip(flows["from_country"], flows["to_country"], flows["function"]))
    assert keys == {
        ("FR", "MG", "preparation"), ("FR", "MG", "verification"),  # l1 carries t1 and t4
        ("MG", "MG", "verification"),  # l2 carries t2 (done by the pool, no link named)
        ("FR", "FR", "preparation"),  # l3: users' photos (supplies_data: performer = from)
        ("MG", "", "none"),  # l4: unknown country kept, no task
        ("US", "CN", "none"), ("US", "JP", "impersonation"), ("CN", "JP", "none"),
    }
    assert list(flows.columns[:3]) == ["from_country", "to_country", "function"]
    assert flows["workers"].dtype == "Int64"


def test_hand_checked_counts(flows):
    prep = row(flows, "FR", "MG", "preparation")
    assert (prep["n_links"], prep["n_tasks"], prep["certainty"]) == (1, 1, "documented")
    assert prep["workers"] is pd.NA  # the vendor's headcount is not known
    assert prep["link_ids"] == "alpha/l1" and prep["relations"] == "outsources_to"
    assert not prep["domestic"]

    local = row(flows, "MG", "MG", "verification")
    assert local["domestic"] and local["workers"] == 100 and local["certainty"] == "reported"
    assert (local["n_documented"], local["n_reported"], local["n_inferred"]) == (0, 1, 0)

    users = row(flows, "FR", "FR", "preparation")
    assert users["domestic"] and users["relations"] == "supplies_data" and users["n_tasks"] == 1

    unknown = row(flows, "MG", "", "none")
    assert unknown["to_name"] == "Unknown" and unknown["certainty"] == "inferred"
    assert not unknown["domestic"] and pd.isna(unknown["to_lon"])

    jp = row(flows, "CN", "JP", "none")
    assert jp["workers"] == 50 and jp["n_tasks"] == 0 and jp["cases"] == "beta"


def test_group_by_case_and_relation(frames):
    by_rel = fl.aggregate_country_flows(*frames, by=["case_id", "relation"])
    assert list(by_rel.columns[:4]) == ["from_country", "to_country", "case_id", "relation"]
    fr_mg = by_rel[(by_rel["from_country"] == "FR") & (by_rel["to_country"] == "MG")].iloc[0]
    assert fr_mg["n_links"] == 1 and fr_mg["n_tasks"] == 2
    assert fr_mg["functions"] == "preparation; verification"  # vocabulary order
    assert by_rel["n_links"].sum() == 7  # every link once when not split by function
    with pytest.raises(ValueError):
        fl.aggregate_country_flows(*frames, by="country")


def test_weakest_certainty_and_counts_when_links_merge():
    actors = pd.DataFrame([
        ("c", "a", "A", "ai_company", "FR", None, False, "", "s", "documented"),
        ("c", "b", "B", "vendor", "KE", 10, False, "", "s", "documented"),
        ("c", "d", "D", "vendor", "KE", 5, False, "", "s", "documented"),
    ], columns=ACTOR_COLUMNS).astype({"workers": "Int64"})
    links = pd.DataFrame([
        ("c", "x", "a", "b", "outsources_to", "", "s", "documented"),
        ("c", "y", "a", "d", "outsources_to", "", "s", "reported"),
        ("c", "z", "a", "d", "recruits", "", "s", "documented"),
    ], columns=LINK_COLUMNS)
    tasks = pd.DataFrame(columns=TASK_COLUMNS)
    out = fl.aggregate_country_flows(actors, links, tasks).iloc[0]
    assert (out["from_country"], out["to_country"], out["function"]) == ("FR", "KE", "none")
    assert out["n_links"] == 3 and out["certainty"] == "reported"
    assert (out["n_documented"], out["n_reported"], out["n_inferred"]) == (2, 1, 0)
    assert out["workers"] == 15  # b and d once each, although d is on two links
    assert fl.weakest_certainty(["documented", "inferred", "reported"]) == "inferred"
    assert fl.weakest_certainty([]) == ""


def test_filters(frames):
    only_verif = fl.aggregate_country_flows(*frames, functions=["verification"])
    assert set(only_verif["function"]) == {"verification"}
    assert set(zip(only_verif["from_country"], only_verif["to_country"])) == {
        ("FR", "MG"), ("MG", "MG")}

    documented = fl.aggregate_country_flows(*frames, certainties=["documented"])
    assert set(documented["certainty"]) == {"documented"}
    assert not ((documented["from_country"] == "MG") & (documented["to_country"] == "")).any()

    beta = fl.aggregate_country_flows(*frames, cases=["beta"])
    assert set(beta["cases"]) == {"beta"} and len(beta) == 3

    recruits = fl.aggregate_country_flows(*frames, relations="recruits")
    assert set(recruits["relations"]) == {"recruits"} and recruits["n_links"].sum() == 2

    empty = fl.aggregate_country_flows(*frames, cases=["nope"])
    assert empty.empty and "n_links" in empty.columns and "link_ids" in empty.columns
    none_left = fl.aggregate_country_flows(*frames, functions=["impersonation"], cases=["alpha"])
    assert none_left.empty


def test_dangling_actor_is_counted_as_unknown(frames):
    actors, links, tasks = frames
    broken = pd.concat([links, pd.DataFrame(
        [("alpha", "l9", "a_ai", "ghost", "outsources_to", "", "s1", "inferred")],
        columns=LINK_COLUMNS)], ignore_index=True)
    out = fl.aggregate_country_flows(actors, broken, tasks)
    ghost = out[out["link_ids"].str.contains("alpha/l9")].iloc[0]
    assert (ghost["from_country"], ghost["to_country"], ghost["to_name"]) == ("FR", "", "Unknown")


def test_od_matrix_counts_each_link_once(flows):
    matrix = fl.od_matrix(flows)
    assert list(matrix.index) == ["CN", "FR", "MG", "US"]
    assert list(matrix.columns) == ["CN", "FR", "JP", "MG", "Unknown"]
    assert matrix.loc["FR", "MG"] == 1  # l1 carries two functions, still one link
    assert matrix.loc["MG", "Unknown"] == 1 and matrix.loc["US", "JP"] == 1
    assert matrix.to_numpy().sum() == 7
    named = fl.od_matrix(flows, lang="fr")
    assert "États-Unis" in named.index and "Inconnu" in named.columns
    assert named.columns[-1] == "Inconnu"  # unknown bucket last
    # Sorted as a French reader expects: États-Unis under E, not after Z.
    assert list(named.index) == ["Chine", "États-Unis", "France", "Madagascar"]


def test_flows_touching(flows):
    mg = fl.flows_touching(flows, "MG")
    assert len(mg) == 4
    assert len(fl.flows_touching(flows, "")) == 1
    assert fl.flows_touching(flows, "DE").empty


def test_involved_countries(flows):
    places = fl.involved_countries(flows).set_index("country")
    assert set(places.index) == {"", "CN", "FR", "JP", "MG", "US"}
    assert places.loc["MG", ["n_out", "n_in", "n_domestic", "n_links"]].tolist() == [1, 1, 1, 3]
    assert places.loc["US", "n_out"] == 2 and places.loc["JP", "n_in"] == 2
    assert pd.isna(places.loc["", "lon"]) and places.loc["", "name"] == "Unknown"


def test_endpoints_and_antimeridian_flag(flows):
    centroids = country_centroids().set_index("alpha2")
    fr_mg = row(flows, "FR", "MG", "preparation")
    assert fr_mg["from_lon"] == pytest.approx(centroids.loc["FR", "lon"])
    assert fr_mg["to_lat"] == pytest.approx(centroids.loc["MG", "lat"])
    crossing = dict(zip(zip(flows["from_country"], flows["to_country"]),
                        flows["crosses_antimeridian"]))
    assert crossing[("US", "CN")] and crossing[("US", "JP")]
    assert not crossing[("FR", "MG")] and not crossing[("CN", "JP")]
    assert not crossing[("MG", "")]


def test_segments_split_pacific_flows_at_the_edge(flows):
    segments = fl.flow_segments(flows)
    assert {"segment", "lon", "lat", "lon2", "lat2"} <= set(segments.columns)
    assert segments[["lon", "lon2"]].abs().max().max() <= 180
    # Domestic flows (rings) and the unknown end are not segments.
    assert not segments["domestic"].any() and (segments["to_country"] != "").all()
    for dst in ("CN", "JP"):
        parts = segments[(segments["from_country"] == "US") & (segments["to_country"] == dst)]
        assert parts["segment"].tolist() == [0, 1]
        first, second = parts.iloc[0], parts.iloc[1]
        # US goes west to the left edge, comes back from the right edge towards Asia.
        assert first["lon"] < -90 and first["lon2"] == pytest.approx(-fl.EDGE_LON)
        assert second["lon"] == pytest.approx(fl.EDGE_LON) and second["lon2"] > 100
        assert first["lat2"] == pytest.approx(second["lat"])  # the two halves meet
        assert min(first["lat"], second["lat2"]) <= first["lat2"] <= max(first["lat"],
                                                                          second["lat2"])
    fr_mg = segments[(segments["from_country"] == "FR") & (segments["to_country"] == "MG")]
    assert fr_mg["segment"].tolist() == [0, 0]  # one segment per function, none split


def test_segments_hand_checked_crossing_point():
    flows = pd.DataFrame([{
        "from_country": "JP", "to_country": "US", "domestic": False,
        "from_lon": 170.0, "from_lat": 10.0, "to_lon": -170.0, "to_lat": 30.0,
    }])
    parts = fl.flow_segments(flows)
    assert parts[["lon", "lat", "lon2", "lat2"]].round(3).values.tolist() == [
        [170.0, 10.0, fl.EDGE_LON, 20.0],
        [-fl.EDGE_LON, 20.0, -170.0, 30.0],
    ]


def test_offsets_separate_parallel_flows(flows):
    plain = fl.flow_segments(flows)
    spread = fl.flow_segments(flows, offset_by="function", spacing=2.0)
    pick = (spread["from_country"] == "FR") & (spread["to_country"] == "MG")
    a, b = spread[pick].iloc[0], spread[pick].iloc[1]
    gap = ((a["lon"] - b["lon"]) ** 2 + (a["lat"] - b["lat"]) ** 2) ** 0.5
    assert gap == pytest.approx(2.0)
    single = (plain["from_country"] == "CN") & (plain["to_country"] == "JP")
    assert spread[single]["lon"].iloc[0] == pytest.approx(plain[single]["lon"].iloc[0])


def test_collation_ignores_accents_and_case():
    names = ["Zambie", "États-Unis", "Espagne", "équateur", "France"]
    assert sorted(names, key=fl.collation_key) == [
        "équateur", "Espagne", "États-Unis", "France", "Zambie"]


@pytest.mark.parametrize("n, en, fr", [
    (0, "0 links", "0 lien"), (1, "1 link", "1 lien"), (2, "2 links", "2 liens"),
    (1234, "1,234 links", "1\u202f234 liens")])
def test_count_text_agrees_with_the_number(n, en, fr):
    assert translate_count("flows.n_links", n, "en") == en
    assert translate_count("flows.n_links", n, "fr") == fr
