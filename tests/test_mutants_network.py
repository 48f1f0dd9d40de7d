"""The chain graph on hand-drawn cases: the longest chain, filters keeping rows and columns,
and reachability within one case.

Written against the mutants of `app/core/network.py` that the other tests let through (see
tests/mutation/RESULTS.md). Expected values are counted by hand from the drawings in comments.
"""

from __future__ import annotations

import pandas as pd

from app.core import network as nw

ACTOR_COLUMNS = ["case_id", "actor_id", "actor_type"]
LINK_COLUMNS = ["case_id", "link_id", "from_actor", "to_actor", "relation", "certainty"]


def actors(*rows):
    return pd.DataFrame(rows, columns=ACTOR_COLUMNS)


def links(*rows):
    return pd.DataFrame(rows, columns=LINK_COLUMNS)


def test_longest_chain_starts_only_at_a_client_or_lead_firm():
    # firm -> a -> b -> pool is 3 links. The firm also reaches s, which feeds the pool, but s
    # is reached late: a vendor nobody commissions heads q1 -> q2 -> q3 -> s. That chain does
    # not start at a client or lead firm, so it does not count, and the short way through s
    # (2 links) must not replace the long one.
    people = actors(("c", "firm", "ai_company"), ("c", "sup", "vendor"), ("c", "a", "vendor"),
                    ("c", "b", "subcontractor"), ("c", "s", "subcontractor"),
                    ("c", "q1", "subcontractor"), ("c", "q2", "subcontractor"),
                    ("c", "q3", "subcontractor"), ("c", "pool", "worker_pool"))
    edges = [("firm", "a"), ("a", "b"), ("b", "pool"), ("firm", "s"), ("sup", "q1"),
             ("q1", "q2"), ("q2", "q3"), ("q3", "s"), ("s", "pool")]
    chain = links(*[("c", f"k{i}", x, y, "outsources_to", "documented")
                    for i, (x, y) in enumerate(edges)])
    assert nw.chain_length(people, chain) == 3


def test_filters_keep_columns_and_renumber_rows():
    people = actors(("c", "firm", "ai_company"), ("c", "pool", "worker_pool"),
                    ("c", "other", "worker_pool"))
    chain = links(("c", "k1", "firm", "pool", "recruits", "reported"),
                  ("c", "k2", "firm", "other", "recruits", "documented"))
    tasks = pd.DataFrame({"case_id": ["c", "c"], "task_id": ["t1", "t2"],
                          "actor_id": ["pool", "other"], "link_id": ["", ""],
                          "function": ["preparation", "verification"],
                          "phase": ["early", "late"]})
    # Rows taken from a larger table keep labels 10, 11, 12: the masks must follow them.
    people.index, chain.index, tasks.index = [10, 11, 12], [20, 21], [30, 31]
    kept_actors, kept_links = nw.filter_by_phase(people, chain, tasks, "late")
    assert kept_actors.to_dict("list") == {"case_id": ["c", "c"], "actor_id": ["firm", "other"],
                                           "actor_type": ["ai_company", "worker_pool"]}
    assert kept_links["link_id"].tolist() == ["k2"] and list(kept_links.index) == [0]
    assert list(kept_links.columns) == LINK_COLUMNS
    kept_actors, kept_links = nw.filter_by_phase(people, chain, tasks, "early")
    assert kept_actors["actor_id"].tolist() == ["firm", "pool"]
    assert kept_links["link_id"].tolist() == ["k1"]
    documented = nw.filter_documented(chain)
    assert documented.to_dict("list") == {"case_id": ["c"], "link_id": ["k2"],
                                          "from_actor": ["firm"], "to_actor": ["other"],
                                          "relation": ["recruits"],
                                          "certainty": ["documented"]}
    assert list(documented.index) == [0]


def test_filters_of_an_empty_case_keep_their_columns():
    none_actors, none_links = nw.filter_by_function(
        actors(), links(), pd.DataFrame(columns=["case_id", "actor_id", "link_id", "function"]),
        "preparation")
    assert none_actors.empty and list(none_actors.columns) == ACTOR_COLUMNS
    assert none_links.empty and list(none_links.columns) == LINK_COLUMNS


def test_reachability_stays_in_the_case_given():
    # The same ids in two cases: in c1 the firm outsources to the vendor; in c2 the vendor
    # sells to the firm (read backwards in the commissioning direction).
    chain = links(("c1", "k1", "firm", "vendor", "outsources_to", "documented"),
                  ("c1", "k2", "vendor", "pool", "recruits", "documented"),
                  ("c2", "m1", "vendor", "firm", "sells_to", "documented"),
                  ("c2", "m2", "other", "vendor", "outsources_to", "documented"))
    assert nw.upstream_of(chain, "vendor", case_id="c2") == {"other"}
    assert nw.upstream_of(chain, "vendor") == {"firm", "other"}
    assert nw.related_to(chain, "firm", case_id="c2") == {"firm", "vendor", "other"}
    # Read as commissions, the firm buys from the vendor, which "other" also commissions: a
    # sibling of the firm, not related through it.
    assert nw.related_to(chain, "firm", case_id="c2", reverse=nw.COMMISSION_REVERSED) == {
        "firm", "vendor"}
    assert nw.related_to(chain, "pool", case_id="c1", reverse=nw.COMMISSION_REVERSED) == {
        "pool", "vendor", "firm"}
