"""The chain as a directed graph: who is upstream of whom, layers for drawing, chain metrics.

Pure pandas + stdlib. Every function reads the tidy tables of the loaders (`case_id` first,
then the schema columns) and works on plain dicts and sets, so the cost stays near-linear in
the number of actors and links (thousands of each in milliseconds). Actor ids are unique
within a case only: internally every actor is keyed by `(case_id, actor_id)`, so tables
holding several cases never mix.

Two readings of a link are used:

- the *link direction* (`from_actor -> to_actor`, the sentence "from RELATION to"), used by
  `upstream_of`, `downstream_of` and `related_to` unless told otherwise;
- the *commissioning direction*, used for layers, the function filter and the chain metrics:
  the same, except that `sells_to` and `supplies_data` links are read backwards
  (`COMMISSION_REVERSED`). The buyer of a product commissions its seller, so a client comes
  before the AI company that sells to it; data supplied to a firm flows against the chain of
  commissions, so the people supplying it do not sit upstream of the firm.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Collection, Iterable

import pandas as pd

from app.core import vocab

Key = tuple[str, str]  # (case_id, actor_id)

# Relations read backwards when following the chain of commissions (see module docstring).
COMMISSION_REVERSED: frozenset[str] = frozenset({"sells_to", "supplies_data"})
# Types that can head a chain: the buyers and the lead firms.
ROOT_TYPES: frozenset[str] = frozenset({"client", "ai_company"})
# Types counted as intermediaries between a lead firm and its workers.
INTERMEDIARY_TYPES: frozenset[str] = frozenset(
    {"platform", "vendor", "subcontractor", "supervisor"}
)

_TYPE_RANK: dict[str, int] = {t: i for i, t in enumerate(vocab.ACTOR_TYPES)}


# ---------------------------------------------------------------------------------------------
# Plain-Python views of the tables


def _col(df: pd.DataFrame, name: str, default: object = "") -> list:
    """A column as a list; a missing column (e.g. no `case_id` in a one-case test) as defaults."""
    if name in df.columns:
        return df[name].tolist()
    return [default] * len(df)


def _cases(df: pd.DataFrame) -> list[str]:
    return [str(c) for c in _col(df, "case_id", "")]


def _rank(actor_type: str) -> int:
    return _TYPE_RANK.get(actor_type, len(_TYPE_RANK))


def _oriented_edges(links: pd.DataFrame, reverse: Collection[str] = ()) -> list[tuple[Key, Key]]:
    """One (tail, head) pair per link, with links whose relation is in `reverse` turned round."""
    reverse = frozenset(reverse)
    out: list[tuple[Key, Key]] = []
    for case, a, b, rel in zip(
        _cases(links), _col(links, "from_actor"), _col(links, "to_actor"), _col(links, "relation")
    ):
        if rel in reverse:
            a, b = b, a
        out.append(((case, a), (case, b)))
    return out


def _adjacency(edges: Iterable[tuple[Key, Key]]) -> tuple[dict, dict]:
    succ: dict[Key, list[Key]] = {}
    pred: dict[Key, list[Key]] = {}
    for a, b in edges:
        succ.setdefault(a, []).append(b)
        pred.setdefault(b, []).append(a)
    return succ, pred


def _reach(adj: dict[Key, list[Key]], seeds: Iterable[Key]) -> set[Key]:
    """Every key reachable from the seeds through `adj` (seeds excluded unless on a cycle)."""
    seen: set[Key] = set()
    queue = deque(seeds)
    while queue:
        for nxt in adj.get(queue.popleft(), ()):
            if nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    return seen


def _seeds(links: pd.DataFrame, actor_id: str, case_id: str | None) -> list[Key]:
    if case_id is not None:
        return [(str(case_id), actor_id)]
    return [(c, actor_id) for c in dict.fromkeys(_cases(links))]


# ---------------------------------------------------------------------------------------------
# Reachability


def upstream_of(
    links: pd.DataFrame, actor_id: str, *, case_id: str | None = None, reverse: Collection[str] = ()
) -> set[str]:
    """The actor ids from which `actor_id` can be reached by following links.

    Links are followed in their direction (`from_actor -> to_actor`), except those whose
    relation is in `reverse` (pass `COMMISSION_REVERSED` for the commissioning direction).
    Cycles are safe; the actor itself is never in the result. Give `case_id` when `links` holds
    several cases; without it the actor id is looked up in every case and the results joined.
    """
    _, pred = _adjacency(_oriented_edges(links, reverse))
    return {a for _, a in _reach(pred, _seeds(links, actor_id, case_id))} - {actor_id}


def downstream_of(
    links: pd.DataFrame, actor_id: str, *, case_id: str | None = None, reverse: Collection[str] = ()
) -> set[str]:
    """The actor ids that `actor_id` reaches by following links; see `upstream_of` for the rules.

    Cycles are safe; the actor itself is never in the result.
    """
    succ, _ = _adjacency(_oriented_edges(links, reverse))
    return {a for _, a in _reach(succ, _seeds(links, actor_id, case_id))} - {actor_id}


def related_to(
    links: pd.DataFrame, actor_id: str, *, case_id: str | None = None, reverse: Collection[str] = ()
) -> set[str]:
    """The actor itself plus everything upstream and downstream of it (not siblings).

    Two firms commissioning the same workers are not related through them: only chains that
    run through the actor count. Same arguments as `upstream_of`.
    """
    succ, pred = _adjacency(_oriented_edges(links, reverse))
    seeds = _seeds(links, actor_id, case_id)
    keys = _reach(succ, seeds) | _reach(pred, seeds)
    return {a for _, a in keys} | {actor_id}


def focus_keys(
    links: pd.DataFrame, seeds: Iterable[Key], reverse: Collection[str] = ()
) -> tuple[set[Key], set[int]]:
    """For graph builders: the keys related to the seed actors, and the positions of the links
    lying on a chain through them.

    A link is on such a chain when its head is a seed or upstream of one, or its tail is a
    seed or downstream of one (read in the orientation given by `reverse`). Links between two
    related actors that do not pass through a seed (e.g. a firm's other branch) are not.
    """
    edges = _oriented_edges(links, reverse)
    succ, pred = _adjacency(edges)
    seeds = set(seeds)
    up = _reach(pred, seeds) | seeds
    down = _reach(succ, seeds) | seeds
    on_chain = {i for i, (a, b) in enumerate(edges) if b in up or a in down}
    return up | down, on_chain


# ---------------------------------------------------------------------------------------------
# Filters


def filter_documented(links: pd.DataFrame) -> pd.DataFrame:
    """Only the links whose certainty is `documented` (stated by a primary research source).

    Actors are left to the caller: an actor keeps its own certainty, whatever its links'.
    """
    return links[links["certainty"] == "documented"].reset_index(drop=True)


def filter_by_function(
    actors: pd.DataFrame, links: pd.DataFrame, tasks: pd.DataFrame, function: str
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The part of the chain that carries tasks of one function (preparation, verification...).

    Rule: keep (1) the actors doing a task of that function; (2) the links those tasks name in
    `link_id`, with both their ends; (3) the chain that commissions the work: every link whose
    head, in the commissioning direction (`sells_to` and `supplies_data` read backwards), is a
    doer or upstream of a doer, with both its ends. So the lead firm, its platforms and
    subcontractors, their supervisors and the client buying the product stay visible, while
    branches that lead only to other work (and end users merely supplying data) drop out.
    Rows keep their original order; indexes are reset.
    """
    return filter_by_tasks(actors, links, tasks[tasks["function"] == function])


def filter_by_phase(
    actors: pd.DataFrame, links: pd.DataFrame, tasks: pd.DataFrame, phase: str
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The part of the chain that carries the tasks of one phase (same rule as a function)."""
    return filter_by_tasks(actors, links, tasks[tasks["phase"] == phase])


def filter_by_tasks(
    actors: pd.DataFrame, links: pd.DataFrame, chosen: pd.DataFrame
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The part of the chain that carries the `chosen` tasks (rule: see `filter_by_function`)."""
    tasks, fmask = chosen, pd.Series(True, index=chosen.index)
    doers: set[Key] = set(zip(_cases(tasks[fmask]), _col(tasks[fmask], "actor_id")))
    named: set[Key] = {
        (c, lid) for c, lid in zip(_cases(tasks[fmask]), _col(tasks[fmask], "link_id")) if lid
    }
    edges = _oriented_edges(links, COMMISSION_REVERSED)
    _, pred = _adjacency(edges)
    upstream = _reach(pred, doers) | doers

    keep_links: list[bool] = []
    kept: set[Key] = set(doers)
    for (tail, head), case, lid in zip(edges, _cases(links), _col(links, "link_id")):
        keep = head in upstream or (case, lid) in named
        keep_links.append(keep)
        if keep:
            kept.add(tail)
            kept.add(head)
    amask = [k in kept for k in zip(_cases(actors), _col(actors, "actor_id"))]
    return (
        actors[pd.Series(amask, index=actors.index, dtype=bool)].reset_index(drop=True),
        links[pd.Series(keep_links, index=links.index, dtype=bool)].reset_index(drop=True),
    )


# ---------------------------------------------------------------------------------------------
# Layers


def _one_case(actors: pd.DataFrame, links: pd.DataFrame) -> None:
    cases = set(_cases(actors)) | set(_cases(links))
    if len(cases) > 1:
        raise ValueError(f"expected one case, got {len(cases)}: group the tables by case_id first")


def _case_graph(
    actors: pd.DataFrame, links: pd.DataFrame
) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """Actor types by id and commissioning-direction edges between known actors, one case."""
    types = dict(zip(_col(actors, "actor_id"), _col(actors, "actor_type")))
    edges = [
        (a, b)
        for (_, a), (_, b) in _oriented_edges(links, COMMISSION_REVERSED)
        if a in types and b in types
    ]
    return types, edges


def _acyclic(nodes: list[str], edges: list[tuple[str, str]], types: dict[str, str]):
    """Drop self-loops, duplicates and back edges found by a deterministic depth-first search.

    The search starts from actors with no incoming link, then from any actor left, each time
    in (actor type order, actor id) order, so the same tables always give the same DAG: in a
    cycle between a lead firm and a platform, the link back to the lead firm is the one dropped.
    Returns (successors, predecessors) of the DAG.
    """
    key = lambda n: (_rank(types.get(n, "")), n)  # noqa: E731
    succ: dict[str, list[str]] = {n: [] for n in nodes}
    indeg: dict[str, int] = dict.fromkeys(nodes, 0)
    seen_edge: set[tuple[str, str]] = set()
    for a, b in edges:
        if a != b and (a, b) not in seen_edge:
            seen_edge.add((a, b))
            succ[a].append(b)
            indeg[b] += 1
    for n in succ:
        succ[n].sort(key=key)

    state: dict[str, int] = {}  # 1 = on the stack, 2 = done
    dag_succ: dict[str, list[str]] = {n: [] for n in nodes}
    starts = sorted(nodes, key=lambda n: (indeg[n] > 0, *key(n)))
    for start in starts:
        if start in state:
            continue
        state[start] = 1
        stack = [(start, iter(succ[start]))]
        while stack:
            node, children = stack[-1]
            for child in children:
                s = state.get(child)
                if s == 1:
                    continue  # back edge: dropped
                dag_succ[node].append(child)
                if s is None:
                    state[child] = 1
                    stack.append((child, iter(succ[child])))
                    break
            else:
                state[node] = 2
                stack.pop()
    dag_pred: dict[str, list[str]] = {n: [] for n in nodes}
    for a, bs in dag_succ.items():
        for b in bs:
            dag_pred[b].append(a)
    return dag_succ, dag_pred


def _topological(nodes: list[str], succ: dict, pred: dict) -> list[str]:
    indeg = {n: len(pred[n]) for n in nodes}
    queue = deque(n for n in nodes if indeg[n] == 0)
    order: list[str] = []
    while queue:
        n = queue.popleft()
        order.append(n)
        for m in succ[n]:
            indeg[m] -= 1
            if indeg[m] == 0:
                queue.append(m)
    return order


def _layers(types: dict[str, str], edges: list[tuple[str, str]]) -> dict[str, tuple[int, int]]:
    ends = [n for n, t in types.items() if t == "end_user"]
    core = [n for n, t in types.items() if t != "end_user"]
    core_set = set(core)
    succ, pred = _acyclic(core, [(a, b) for a, b in edges if a in core_set and b in core_set],
                          types)
    layer: dict[str, int] = {}
    for n in _topological(core, succ, pred):
        layer[n] = max((layer[p] + 1 for p in pred[n]), default=0)
    # Sources that are not buyers or lead firms (a supervisor, a platform whose commissioner
    # is unknown) sit just left of what they feed, not in the lead firms' column.
    for n in core:
        if not pred[n] and succ[n] and types[n] not in ROOT_TYPES:
            layer[n] = min(layer[m] for m in succ[n]) - 1
    last = max(layer.values(), default=-1)
    for n in core:
        if not pred[n] and not succ[n] and types[n] == "worker_pool":
            layer[n] = max(last, 0)
    for n in ends:
        layer[n] = last + 1

    by_layer: dict[int, list[str]] = {}
    for n, lay in layer.items():
        by_layer.setdefault(lay, []).append(n)
    positions: dict[str, tuple[int, int]] = {}
    for lay, members in by_layer.items():
        members.sort(key=lambda n: (_rank(types[n]), n))
        for i, n in enumerate(members):
            positions[n] = (lay, i)
    return positions


def layer_positions(actors: pd.DataFrame, links: pd.DataFrame) -> dict[str, tuple[int, int]]:
    """Column (layer) and row (order) of every actor of one case, for a left-to-right drawing.

    Rule: links are read in the commissioning direction (`sells_to` and `supplies_data`
    backwards); back edges of cycles are dropped by a deterministic depth-first search; each
    actor's column is the longest path to it from an actor with no incoming link, so clients
    and lead firms come first and worker pools last. An actor with no incoming link that is not
    a client or AI company (e.g. a supervisor) is pulled right, next to what it feeds. End
    users always get a column of their own after everyone else, at the outer end of the chain
    (their unpaid data work is drawn beside, not inside, the chain of commissions); a worker
    pool with no link goes to the last worker column. Within a column actors are ordered by
    `vocab.ACTOR_TYPES` order, then actor id. Raises ValueError if the tables hold several cases.
    """
    _one_case(actors, links)
    return _layers(*_case_graph(actors, links))


# ---------------------------------------------------------------------------------------------
# Chain metrics (for comparing cases)


def _chain(types: dict[str, str], edges: list[tuple[str, str]]):
    """Roots, DAG and the worker pools reached from the roots, for one case."""
    nodes = list(types)
    succ, pred = _acyclic(nodes, edges, types)
    roots = [n for n in nodes if types[n] in ROOT_TYPES and not pred[n]]
    reached = _reach(succ, roots)  # type: ignore[arg-type]
    pools = [n for n in reached if types[n] == "worker_pool"]
    return nodes, succ, pred, roots, pools


def chain_length(actors: pd.DataFrame, links: pd.DataFrame) -> int:
    """Longest chain, in links, from a client or lead firm to a worker pool, in one case.

    Links are read in the commissioning direction (see `layer_positions`) with cycles broken
    the same way; a chain starts at a client or AI company with no incoming link. A client
    buying from an AI company adds one link. Returns 0 when no worker pool is reached from such
    an actor. Raises ValueError if the tables hold several cases.
    """
    _one_case(actors, links)
    types, edges = _case_graph(actors, links)
    nodes, succ, pred, roots, pools = _chain(types, edges)
    if not pools:
        return 0
    dist: dict[str, int] = dict.fromkeys(roots, 0)
    for n in _topological(nodes, succ, pred):
        if n in dist:
            for m in succ[n]:
                if dist.get(m, -1) < dist[n] + 1:
                    dist[m] = dist[n] + 1
    return max(dist.get(p, 0) for p in pools)


def intermediaries(actors: pd.DataFrame, links: pd.DataFrame) -> list[str]:
    """The third parties between the clients / lead firms and the workers of one case.

    Rule: the platforms, vendors, subcontractors and supervisors upstream (commissioning
    direction) of a worker pool that a client or lead firm reaches, i.e. on a chain of
    commissions leading to those workers or feeding into it (a company supervising the workers
    counts even when no source says who hired it), minus actors a client or lead firm
    `operates` (in-house platforms are not third parties). Cycles are safe. For the
    voice-assistant chain: the Chinese platform, the Japanese service, the Spanish
    subcontractor and the Italian supervisor, but not the lead firm's own platform. Ordered by actor type, then actor id.
    Raises ValueError if the tables hold several cases.
    """
    _one_case(actors, links)
    types, edges = _case_graph(actors, links)
    _, _, _, roots, _ = _chain(types, edges)
    succ, pred = _adjacency((("", a), ("", b)) for a, b in edges)
    pools = {k for k in _reach(succ, [("", r) for r in roots]) if types[k[1]] == "worker_pool"}
    upstream = {a for _, a in _reach(pred, pools)}
    in_house = {
        b for a, b, rel in zip(_col(links, "from_actor"), _col(links, "to_actor"),
                               _col(links, "relation"))
        if rel == "operates" and types.get(a) in ROOT_TYPES
    }
    found = [n for n in upstream if types.get(n) in INTERMEDIARY_TYPES and n not in in_house]
    return sorted(found, key=lambda n: (_rank(types[n]), n))
