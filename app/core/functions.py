"""What the data work is for: tasks counted by function (preparation, verification,
impersonation; Tubaro, Casilli & Coville 2020) and by who, where and whether it is paid.

All functions take the tidy frames of the loaders (all cases together, `case_id` first). Counts
are of distinct tasks. Breakdowns return long ("tidy") frames in vocabulary order, ready for a
chart or a table.
"""

from __future__ import annotations

import pandas as pd

from app.core import vocab
from app.core.flows import collation_key
from app.core.geo import country_name
from app.core.i18n import vocab_label

BREAKDOWNS = ("case_id", "country", "actor_type", "paid", "data_type")
FUNCTION_ORDER: tuple[str, ...] = tuple(vocab.FUNCTIONS)
SUBFUNCTION_ORDER: tuple[str, ...] = ("", *vocab.SUBFUNCTIONS)


def _rank(values: pd.Series, order) -> pd.Series:
    rank = {v: i for i, v in enumerate(order)}
    return values.map(lambda v: rank.get(v, len(rank)))


def function_counts(tasks: pd.DataFrame) -> dict[str, int]:
    """Number of tasks per function, every function present (0 if none), in vocabulary order."""
    counts = tasks["function"].value_counts()
    return {f: int(counts.get(f, 0)) for f in FUNCTION_ORDER}


def function_breakdown(actors: pd.DataFrame, tasks: pd.DataFrame, by: str,
                       *, lang: str = "en") -> pd.DataFrame:
    """Tasks counted by `by` x function x subfunction, in long form.

    `by` is one of "case_id", "country" or "actor_type" (of the actor doing the task),
    "paid" or "data_type". Columns: *by*, `label` (what to print, in `lang`: the country's
    name with "Unknown" for "", the vocabulary label of an actor type, kind of data or
    paid/unpaid; the case id itself), `function`, `subfunction` ("" outside preparation),
    `n_tasks`, and `share` (of the tasks in the same *by* group). Only non-empty combinations
    are listed. Rows follow the vocabulary order of *by* (countries by name, accents ignored,
    unknown last; paid before unpaid), then of function and subfunction.
    """
    if by not in BREAKDOWNS:
        raise ValueError(f"cannot break functions down by {by!r}; choose among {list(BREAKDOWNS)}")
    columns = [by, "label", "function", "subfunction", "n_tasks", "share"]
    frame = tasks
    if by in ("country", "actor_type"):
        who = actors[["case_id", "actor_id", by]]
        frame = tasks.merge(who, on=["case_id", "actor_id"], how="left")
        # A task whose actor is missing still counts, in the unknown bucket.
        frame[by] = frame[by].fillna("")
    if frame.empty:
        return pd.DataFrame(columns=columns)
    # Task ids are unique within a case only.
    frame = frame.assign(_task=frame["case_id"] + "/" + frame["task_id"])
    counts = (
        frame.groupby([by, "function", "subfunction"], sort=False)["_task"]
        .nunique().rename("n_tasks").reset_index()
    )
    counts["share"] = counts["n_tasks"] / counts.groupby(by)["n_tasks"].transform("sum")
    if by == "country":
        counts["label"] = counts[by].map(lambda c: country_name(c, lang))
        counts["_u"] = counts[by] == ""
        counts["_name"] = counts["label"].map(collation_key)
        by_keys = ["_u", "_name"]
    elif by == "paid":
        counts["label"] = counts[by].map(lambda v: vocab_label("paid", bool(v), lang))
        counts["_u"] = ~counts[by].astype(bool)
        by_keys = ["_u"]
    elif by in ("actor_type", "data_type"):
        counts["label"] = counts[by].map(lambda v: vocab_label(by, v, lang))
        order = vocab.ACTOR_TYPES if by == "actor_type" else vocab.DATA_TYPES
        counts["_u"] = _rank(counts[by], order)
        by_keys = ["_u", by]
    else:
        counts["label"] = counts[by]
        by_keys = [by]
    counts["_f"] = _rank(counts["function"], FUNCTION_ORDER)
    counts["_s"] = _rank(counts["subfunction"], SUBFUNCTION_ORDER)
    counts = counts.sort_values([*by_keys, "_f", "_s"]).reset_index(drop=True)
    return counts[columns]


def function_shares(tasks: pd.DataFrame) -> pd.DataFrame:
    """Per case, the number and share of tasks serving each function.

    Columns: `case_id`, `function`, `n_tasks`, `share` (0..1, summing to 1 within a case that
    has tasks). Every function is listed for every case, with 0 where there is none.
    """
    cases = sorted(tasks["case_id"].unique())
    grid = pd.MultiIndex.from_product([cases, FUNCTION_ORDER], names=["case_id", "function"])
    counts = tasks.groupby(["case_id", "function"])["task_id"].nunique().reindex(grid, fill_value=0)
    out = counts.rename("n_tasks").reset_index()
    totals = out.groupby("case_id")["n_tasks"].transform("sum")
    out["share"] = (out["n_tasks"] / totals.where(totals > 0)).fillna(0.0)
    out["n_tasks"] = out["n_tasks"].astype("int64")
    return out


def unpaid_share(tasks: pd.DataFrame, by: str | None = "case_id") -> pd.DataFrame:
    """How much of the data work is unpaid: per case (default) or over all tasks (by=None).

    Columns: `case_id` (unless by=None), `n_tasks`, `n_unpaid`, `unpaid_share` (0..1).
    """
    flagged = tasks.assign(_unpaid=~tasks["paid"].astype(bool))
    if by is None:
        n = int(len(flagged))
        unpaid = int(flagged["_unpaid"].sum())
        return pd.DataFrame([{"n_tasks": n, "n_unpaid": unpaid,
                              "unpaid_share": unpaid / n if n else 0.0}])
    out = flagged.groupby(by, sort=True).agg(n_tasks=("task_id", "size"),
                                             n_unpaid=("_unpaid", "sum")).reset_index()
    out["n_unpaid"] = out["n_unpaid"].astype("int64")
    out["unpaid_share"] = out["n_unpaid"] / out["n_tasks"]
    return out


def certainty_shares(links: pd.DataFrame) -> pd.DataFrame:
    """Per case, how many links are documented, reported or inferred.

    Columns: `case_id`, `certainty` (vocabulary order, all three listed), `n_links`, `share`.
    """
    cases = sorted(links["case_id"].unique())
    order = tuple(vocab.CERTAINTIES)
    grid = pd.MultiIndex.from_product([cases, order], names=["case_id", "certainty"])
    counts = (links.groupby(["case_id", "certainty"])["link_id"].nunique()
              .reindex(grid, fill_value=0))
    out = counts.rename("n_links").reset_index()
    totals = out.groupby("case_id")["n_links"].transform("sum")
    out["share"] = (out["n_links"] / totals.where(totals > 0)).fillna(0.0)
    out["n_links"] = out["n_links"].astype("int64")
    return out
