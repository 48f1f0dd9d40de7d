"""The chain as a graph: reachability, filters, layers and chain metrics (app.core.network)."""

from __future__ import annotations

import random
import subprocess
import sys

import pandas as pd
import pytest

from app.core import network
from app.core.network import (
    COMMISSION_REVERSED,
    chain_length,
    downstream_of,
    filter_by_function,
    filter_documented,
    intermediaries,
    layer_positions,
    related_to,
    upstream_of,
)

ACTOR_COLS = ["case_id", "actor_id", "name", "actor_type", "country", "workers", "anonymised",
              "description", "source_ids", "certainty"]
LINK_COLS = ["case_id", "link_id", "from_actor", "to_actor", "relation", "description",
             "source_ids", "certainty"]
TASK_COLS = ["case_id", "task_id", "actor_id", "link_id", "task", "function", "subfunction",
             "data_type", "paid", "description", "source_ids", "certainty"]


def actors_df(rows, case_id="voice"):
    """rows: (actor_id, actor_type, country[, workers[, certainty]])."""
    out = []
    for r in rows:
        actor_id, atype, country = r[:3]
        workers = r[3] if len(r) > 3 else None
        certainty = r[4] if len(r) > 4 else "documented"
        out.append([case_id, actor_id, actor_id.replace("_", " ").title(), atype, country,
                    workers, False, "", "S1", certainty])
    df = pd.DataFrame(out, columns=ACTOR_COLS)
    df["workers"] = df["workers"].astype("Int64")
    df["anonymised"] = df["anonymised"].astype(bool)
    return df


def links_df(rows, case_id="voice"):
    """rows: (link_id, from, to, relation[, certainty])."""
    out = [[case_id, r[0], r[1], r[2], r[3], "", "S1", r[4] if len(r) > 4 else "documented"]
           for r in rows]
    return pd.DataFrame(out, columns=LINK_COLS)


def tasks_df(rows, case_id="voice"):
    """rows: (task_id, actor_id, link_id, function)."""
    out = [[case_id, t, a, lid, "a task", f, "", "audio", True, "", "S1", "documented"]
           for t, a, lid, f in rows]
    df = pd.DataFrame(out, columns=TASK_COLS)
    df["paid"] = df["paid"].astype(bool)
    return df


# The voice-assistant chain (Tubaro & Casilli 2022): the lead firm outsources to a Chinese
# platform, which relies on a Japanese service and a Spanish subcontractor to recruit workers
# in France; an Italian company supervises them; they sign up to the lead firm's own platform;
# users' conversations are the data.
VOICE_ACTORS = [
    ("lead", "ai_company", "US"),
    ("cn_platform", "platform", "CN"),
    ("jp_service", "platform", "JP"),
    ("es_sub", "subcontractor", "ES"),
    ("fr_workers", "worker_pool", "FR", 40),
    ("it_supervisor", "supervisor", "IT"),
    ("own_platform", "platform", "US"),
    ("users", "end_user", ""),
]
VOICE_LINKS = [
    ("l1", "lead", "cn_platform", "outsources_to"),
    ("l2", "cn_platform", "jp_service", "outsources_to"),
    ("l3", "cn_platform", "es_sub", "outsources_to"),
    ("l4", "jp_service", "fr_workers", "recruits"),
    ("l5", "es_sub", "fr_workers", "recruits", "reported"),
    ("l6", "it_supervisor", "fr_workers", "supervises"),
    ("l7", "lead", "own_platform", "operates"),
    ("l8", "fr_workers", "own_platform", "supplies_data", "inferred"),
    ("l9", "users", "lead", "supplies_data"),
]


@pytest.fixture
def voice():
    actors = actors_df(VOICE_ACTORS)
    links = links_df(VOICE_LINKS)
    tasks = tasks_df([
        ("t1", "fr_workers", "l5", "verification"),
        ("t2", "users", "", "preparation"),
    ])
    return actors, links, tasks


# --- reachability ------------------------------------------------------------------------------

def test_upstream_and_downstream_follow_link_direction(voice):
    _, links, _ = voice
    assert upstream_of(links, "fr_workers") == {
        "jp_service", "es_sub", "it_supervisor", "cn_platform", "lead", "users"}
    assert downstream_of(links, "fr_workers") == {"own_platform"}
    assert downstream_of(links, "lead") == {
        "cn_platform", "jp_service", "es_sub", "fr_workers", "own_platform"}
    assert upstream_of(links, "lead") == {"users"}


def test_related_to_is_self_plus_up_and_down_not_siblings(voice):
    _, links, _ = voice
    assert related_to(links, "it_supervisor") == {"it_supervisor", "fr_workers", "own_platform"}
    assert related_to(links, "jp_service") == {
        "jp_service", "cn_platform", "lead", "users", "fr_workers", "own_platform"}


def test_reverse_reads_relations_backwards(voice):
    _, links, _ = voice
    assert upstream_of(links, "fr_workers", reverse=COMMISSION_REVERSED) == {
        "jp_service", "es_sub", "it_supervisor", "cn_platform", "lead", "own_platform"}
    assert downstream_of(links, "lead", reverse=COMMISSION_REVERSED) >= {"users"}


def test_unknown_actor_has_no_relations(voice):
    _, links, _ = voice
    assert upstream_of(links, "nobody") == set()
    assert related_to(links, "nobody") == {"nobody"}


def test_cases_do_not_mix():
    links = pd.concat([
        links_df([("l1", "a", "b", "outsources_to")], case_id="one"),
        links_df([("l1", "b", "c", "outsources_to")], case_id="two"),
    ], ignore_index=True)
    assert upstream_of(links, "b", case_id="one") == {"a"}
    assert downstream_of(links, "b", case_id="one") == set()
    assert downstream_of(links, "b", case_id="two") == {"c"}
    # a one-case chain a -> b must not continue into the other case's b -> c
    assert downstream_of(links, "a") == {"b"}


CYCLE_ACTORS = [("a", "ai_company", "US"), ("b", "platform", "FR"), ("c", "vendor", "FR"),
                ("w", "worker_pool", "MG")]
CYCLE_LINKS = [("l1", "a", "b", "outsources_to"), ("l2", "b", "c", "outsources_to"),
               ("l3", "c", "a", "outsources_to"), ("l4", "c", "w", "recruits"),
               ("l5", "w", "w", "supervises")]


def test_cycles_terminate_everywhere():
    actors, links = actors_df(CYCLE_ACTORS), links_df(CYCLE_LINKS)
    assert upstream_of(links, "a") == {"b", "c"}
    assert downstream_of(links, "a") == {"b", "c", "w"}
    assert related_to(links, "w") == {"a", "b", "c", "w"}
    pos = layer_positions(actors, links)
    # the depth-first search starts at the AI company, so the link back to it is dropped
    assert pos == {"a": (0, 0), "b": (1, 0), "c": (2, 0), "w": (3, 0)}
    assert chain_length(actors, links) == 3
    assert intermediaries(actors, links) == ["b", "c"]


def test_two_node_cycle_without_root_type():
    actors = actors_df([("p", "platform", "FR"), ("v", "vendor", "FR")])
    links = links_df([("l1", "p", "v", "outsources_to"), ("l2", "v", "p", "outsources_to")])
    assert layer_positions(actors, links) == {"p": (0, 0), "v": (1, 0)}
    assert chain_length(actors, links) == 0


# --- filters -----------------------------------------------------------------------------------

def test_filter_by_function_keeps_the_commissioning_chain(voice):
    actors, links, tasks = voice
    a, l = filter_by_function(actors, links, tasks, "verification")
    assert set(a["actor_id"]) == {"lead", "cn_platform", "jp_service", "es_sub", "fr_workers",
                                  "it_supervisor", "own_platform"}
    assert set(l["link_id"]) == {"l1", "l2", "l3", "l4", "l5", "l6", "l7", "l8"}
    assert list(a.index) == list(range(len(a)))


def test_filter_by_function_drops_other_branches(voice):
    actors, links, tasks = voice
    a, l = filter_by_function(actors, links, tasks, "preparation")
    # users supply their conversations to the lead firm: the firm is their commissioner
    assert set(a["actor_id"]) == {"users", "lead"}
    assert set(l["link_id"]) == {"l9"}
    a, l = filter_by_function(actors, links, tasks, "impersonation")
    assert a.empty and l.empty
    assert list(a.columns) == list(actors.columns)


def test_filter_by_function_keeps_links_named_by_tasks(voice):
    actors, links, tasks = voice
    extra = tasks_df([("t3", "own_platform", "l8", "impersonation")])
    a, l = filter_by_function(actors, links, pd.concat([tasks, extra]), "impersonation")
    assert set(l["link_id"]) == {"l7", "l8"}  # l7: the lead firm runs the platform
    assert set(a["actor_id"]) == {"lead", "own_platform", "fr_workers"}


def test_filter_by_function_side_branch():
    actors = actors_df([("lead", "ai_company", "US"), ("p", "platform", "FR"),
                        ("w1", "worker_pool", "FR"), ("w2", "worker_pool", "MG")])
    links = links_df([("l1", "lead", "p", "outsources_to"), ("l2", "p", "w1", "recruits"),
                      ("l3", "p", "w2", "recruits")])
    tasks = tasks_df([("t1", "w1", "", "verification"), ("t2", "w2", "l3", "preparation")])
    a, l = filter_by_function(actors, links, tasks, "verification")
    assert set(a["actor_id"]) == {"lead", "p", "w1"}
    assert set(l["link_id"]) == {"l1", "l2"}


def test_filter_documented(voice):
    _, links, _ = voice
    doc = filter_documented(links)
    assert set(doc["link_id"]) == {"l1", "l2", "l3", "l4", "l6", "l7", "l9"}
    assert (doc["certainty"] == "documented").all()


# --- layers ------------------------------------------------------------------------------------

def test_layer_positions_voice(voice):
    actors, links, _ = voice
    assert layer_positions(actors, links) == {
        "lead": (0, 0),
        "cn_platform": (1, 0), "own_platform": (1, 1),
        # the supervisor has no known commissioner: it sits just left of the workers
        "jp_service": (2, 0), "es_sub": (2, 1), "it_supervisor": (2, 2),
        "fr_workers": (3, 0),
        "users": (4, 0),  # end users: a column of their own at the outer end
    }


def test_layer_positions_deterministic_and_order_free(voice):
    actors, links, _ = voice
    first = layer_positions(actors, links)
    assert layer_positions(actors, links) == first
    rng = random.Random(3)
    for _ in range(5):
        a = actors.sample(frac=1, random_state=rng.randrange(1000))
        l = links.sample(frac=1, random_state=rng.randrange(1000))
        assert layer_positions(a, l) == first


def test_roots_left_of_worker_pools_and_clients_first():
    # canteen shape: the start-up sells to the canteen operator and outsources to a vendor
    actors = actors_df([("startup", "ai_company", "FR"), ("canteen", "client", "FR"),
                        ("vendor", "vendor", "MG"), ("mg_workers", "worker_pool", "MG"),
                        ("fr_staff", "worker_pool", "FR"), ("diners", "end_user", "FR")])
    links = links_df([("l1", "startup", "canteen", "sells_to"),
                      ("l2", "startup", "vendor", "outsources_to"),
                      ("l3", "vendor", "mg_workers", "recruits"),
                      ("l4", "canteen", "fr_staff", "recruits"),
                      ("l5", "diners", "startup", "supplies_data")])
    pos = layer_positions(actors, links)
    assert pos["canteen"][0] == 0 and pos["startup"][0] == 1
    assert pos["mg_workers"][0] > pos["vendor"][0] > pos["startup"][0]
    assert pos["diners"][0] == max(p[0] for p in pos.values())
    assert chain_length(actors, links) == 3  # canteen -> start-up -> vendor -> workers
    assert intermediaries(actors, links) == ["vendor"]


def test_isolated_actors():
    actors = actors_df([("lead", "ai_company", "US"), ("p", "platform", "US"),
                        ("w", "worker_pool", "FR"), ("lost", "worker_pool", "FR"),
                        ("other", "vendor", "FR")])
    links = links_df([("l1", "lead", "p", "outsources_to"), ("l2", "p", "w", "recruits"),
                      ("bad", "lead", "ghost", "outsources_to")])
    pos = layer_positions(actors, links)
    assert pos["lost"][0] == pos["w"][0] == 2
    assert pos["other"] == (0, 1)
    assert set(pos) == set(actors["actor_id"])


def test_empty_tables():
    actors, links = actors_df([]), links_df([])
    assert layer_positions(actors, links) == {}
    assert chain_length(actors, links) == 0
    assert intermediaries(actors, links) == []


def test_per_case_functions_refuse_several_cases(voice):
    actors, links, _ = voice
    both = pd.concat([actors, actors.assign(case_id="other")], ignore_index=True)
    with pytest.raises(ValueError, match="one case"):
        layer_positions(both, links)
    with pytest.raises(ValueError):
        chain_length(both, links)


# --- chain metrics -----------------------------------------------------------------------------

def test_chain_length_voice(voice):
    actors, links, _ = voice
    # lead -> Chinese platform -> Japanese service (or Spanish subcontractor) -> workers
    assert chain_length(actors, links) == 3


def test_intermediaries_voice(voice):
    actors, links, _ = voice
    # the Italian supervisor counts (it stands between the firm and its workers); the lead
    # firm's own platform does not (operated in-house); end users are not intermediaries
    assert intermediaries(actors, links) == ["cn_platform", "jp_service", "es_sub",
                                             "it_supervisor"]


def test_chain_length_without_workers():
    actors = actors_df([("lead", "ai_company", "US"), ("p", "platform", "US")])
    links = links_df([("l1", "lead", "p", "outsources_to")])
    assert chain_length(actors, links) == 0
    assert intermediaries(actors, links) == []


# --- scale and purity --------------------------------------------------------------------------

def synthetic(n_actors=5000, n_links=10000, seed=1):
    rng = random.Random(seed)
    types = list(network.vocab.ACTOR_TYPES)
    actors = actors_df([(f"a{i}", types[i % len(types)], "FR", i) for i in range(n_actors)],
                       case_id="big")
    rows = []
    for j in range(n_links):
        a, b = rng.randrange(n_actors), rng.randrange(n_actors)
        rows.append((f"l{j}", f"a{a}", f"a{b}",
                     rng.choice(["outsources_to", "recruits", "sells_to", "supplies_data"])))
    return actors, links_df(rows, case_id="big")


def test_scale_5000_actors_10000_links():
    actors, links = synthetic()
    pos = layer_positions(actors, links)  # random graph: many cycles
    assert len(pos) == 5000
    assert chain_length(actors, links) >= 1
    assert isinstance(intermediaries(actors, links), list)
    assert len(related_to(links, "a0")) > 1
    tasks = tasks_df([(f"t{i}", f"a{i}", "", "verification") for i in range(0, 5000, 50)],
                     case_id="big")
    a, l = filter_by_function(actors, links, tasks, "verification")
    assert 0 < len(a) <= 5000


def test_core_imports_no_ui_library():
    code = ("import sys, app.core.network; "
            "bad = {'streamlit', 'altair', 'pyvis'} & set(sys.modules); "
            "assert not bad, bad")
    subprocess.run([sys.executable, "-c", code], check=True)
