"""Task functions: the cached task views, the diagram and breakdown charts, the task list."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

import altair as alt
import pandas as pd
import streamlit as st

from app.charts.function_charts import (FUNCTION_PARAM, data_type_chart, function_bar_chart,
                                        function_diagram_chart, function_share_chart,
                                        paid_chart)
from app.components.charts import render_chart
from app.components.data import data_version_key, get_dataset
from app.components.flows import ALL, case_titles, for_screen, preselect, take_pick
from app.core import vocab
from app.core.functions import function_breakdown, function_counts, function_shares
from app.core.geo import country_name
from app.core.load import Dataset
from app.core.tables import task_table

FUNCTION_SELECT_KEY = "functions-function-select"
BY_LABELS = {
    "country": "Country of who does it",
    "actor_type": "Type of actor doing it",
    "case_id": "Case study",
    "paid": "Paid or unpaid",
    "data_type": "Kind of data",
}
CITATION = ("Diagram after Figure 1 of Tubaro, P., Casilli, A. A. & Coville, M. (2020). *The "
            "trainer, the verifier, the imitator: Three ways in which human platform workers "
            "support artificial intelligence.* Big Data & Society, 7(1). "
            "doi:10.1177/2053951720919776")
MAX_GROUPS_NAMED = 6
BAR_STEP = 36
DIAGRAM_HEIGHT = 250


def clear_function() -> None:
    st.session_state[FUNCTION_SELECT_KEY] = ALL


def _tasks(dataset: Dataset, cases: Sequence[str], function: str = ALL) -> pd.DataFrame:
    tasks = dataset.tasks[dataset.tasks["case_id"].isin(list(cases))]
    return tasks[tasks["function"] == function] if function else tasks


def _label_groups(breakdown: pd.DataFrame, by: str, titles: dict[str, str]) -> pd.DataFrame:
    """Readable group labels: short case titles, actor types and kinds of data as words."""
    out = breakdown.copy()
    if by == "case_id":
        out["label"] = out["case_id"].map(lambda c: titles.get(c, c))
    elif by == "actor_type":
        out["label"] = out["actor_type"].map(lambda a: vocab.ACTOR_TYPE_LABELS.get(a, a))
    elif by == "data_type":
        out["label"] = out["data_type"].str.capitalize()
    return out


@st.cache_data(show_spinner=False, max_entries=256)
def _views(version: tuple, cases: tuple[str, ...], function: str,
           by: str) -> dict[str, pd.DataFrame | dict]:
    """Counts, shares and breakdowns of the chosen cases (breakdowns of `function` only)."""
    dataset = get_dataset()
    titles = case_titles(dataset)
    everything = _tasks(dataset, cases)
    chosen = _tasks(dataset, cases, function)
    prep = everything[everything["function"] == "preparation"]["subfunction"].value_counts()
    shares = function_shares(everything)
    shares["label"] = shares["case_id"].map(lambda c: titles.get(c, c))
    return {
        "counts": function_counts(everything),
        "subcounts": {s: int(prep.get(s, 0)) for s in vocab.SUBFUNCTIONS},
        "shares": shares,
        "n_chosen": len(chosen),
        **{name: _label_groups(function_breakdown(dataset.actors, chosen, name), name, titles)
           for name in dict.fromkeys([by, "paid", "data_type"])},
    }


def task_views(cases: Sequence[str], function: str, by: str) -> dict:
    return _views(data_version_key(), tuple(cases), function, by)


def _n(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def diagram_summary(counts: dict[str, int], subcounts: dict[str, int]) -> str:
    total = sum(counts.values())
    prep = ", ".join(f"{n} {s}" for s, n in subcounts.items())
    return (f"Of {_n(total, 'task')} in the chosen cases, {counts['preparation']} prepare the "
            f"data ({prep}), {counts['verification']} verify the model's outputs and "
            f"{counts['impersonation']} impersonate the model.")


def share_summary(shares: pd.DataFrame) -> str:
    parts = []
    for label, g in shares.groupby("label", sort=False):
        total = int(g["n_tasks"].sum())
        if not total:
            continue
        split = ", ".join(f"{row.share:.0%} {row.function}" for row in g.itertuples()
                          if row.n_tasks)
        parts.append(f"{label}: {split} (of {_n(total, 'task')})")
    return "; ".join(parts) + "." if parts else "No task is recorded in the chosen cases."


def breakdown_summary(breakdown: pd.DataFrame, by: str) -> str:
    if breakdown.empty:
        return "No task."
    groups = breakdown.groupby("label", sort=False)["n_tasks"].sum()
    total = int(groups.sum())
    parts = []
    for label, n in list(groups.items())[:MAX_GROUPS_NAMED]:
        rows = breakdown[breakdown["label"] == label]
        per = rows.groupby("function", sort=False)["n_tasks"].sum()
        parts.append(f"{label} {int(n)} ({', '.join(f'{f} {int(k)}' for f, k in per.items())})")
    more = len(groups) - MAX_GROUPS_NAMED
    tail = f" and {more} more" if more > 0 else ""
    return f"{_n(total, 'task')} by {BY_LABELS[by].lower()}: {'; '.join(parts)}{tail}."


def breakdown_table(breakdown: pd.DataFrame, by: str) -> pd.DataFrame:
    return pd.DataFrame({
        BY_LABELS[by]: breakdown["label"],
        "Function": breakdown["function"],
        "Subfunction": breakdown["subfunction"],
        "Tasks": breakdown["n_tasks"].astype("int64"),
        "Share of the group": breakdown["share"].round(3),
    })


def _pick(key: str) -> partial:
    return partial(take_pick, key, FUNCTION_PARAM, FUNCTION_SELECT_KEY, list(vocab.FUNCTIONS))


def _present(chart, function: str, *, bars: bool = False):
    """The chart as shown: the URL's function already selected, type sized for a projector."""
    if bars:
        chart = chart.properties(height=alt.Step(BAR_STEP))
    return for_screen(preselect(chart, FUNCTION_PARAM, "function", function or None))


def _larger_text(chart: alt.LayerChart, factor: float) -> alt.LayerChart:
    """The diagram's labels scaled up for a projector (the builder fixes their sizes)."""
    for layer in chart.layer:
        mark = layer.mark
        if isinstance(mark, alt.MarkDef) and mark.type == "text" and mark.fontSize:
            mark.fontSize = round(mark.fontSize * factor)
    return chart


def _key(name: str, function: str) -> str:
    # The key carries the function so that a change of it starts a fresh selection state.
    return f"functions-{name}-{function or 'all'}"


def render_diagram(views: dict, function: str) -> None:
    key = _key("diagram", function)
    chart = _larger_text(function_diagram_chart(views["counts"], subcounts=views["subcounts"],
                                                selectable=True, height=DIAGRAM_HEIGHT), 1.3)
    table = pd.DataFrame({"Function": list(views["counts"]),
                          "Tasks": list(views["counts"].values())})
    render_chart(_present(chart, function), key=key,
                 summary=diagram_summary(views["counts"], views["subcounts"]), table=table,
                 file_stem="task-functions", on_select=_pick(key),
                 selection_mode=FUNCTION_PARAM)
    st.caption(CITATION)


def render_shares(views: dict, function: str) -> None:
    shares = views["shares"]
    key = _key("shares", function)
    chart = function_share_chart(shares, title="What share of each case's data work serves "
                                               "each function")
    # The title already says these are cases; the axis title only crowds the long labels.
    chart = chart.encode(y=chart.encoding.y.title(None))
    table = pd.DataFrame({"Case": shares["label"], "Function": shares["function"],
                          "Tasks": shares["n_tasks"], "Share": shares["share"].round(3)})
    render_chart(_present(chart, function, bars=True), key=key,
                 summary=share_summary(shares), table=table, file_stem="task-function-shares",
                 on_select=_pick(key), selection_mode=FUNCTION_PARAM)


def render_breakdown(views: dict, by: str, function: str, *, name: str | None = None) -> None:
    """One breakdown chart (tasks of the chosen function only, when one is chosen)."""
    breakdown = views[by]
    name = name or by
    if breakdown.empty:
        st.info(f"No {function + ' ' if function else ''}task in the chosen cases.",
                icon=":material/info:")
        return
    builders = {"paid": paid_chart, "data_type": data_type_chart}
    if by in builders:
        chart = builders[by](breakdown)
    else:
        chart = function_bar_chart(breakdown, by)
    key = _key(name, function)
    render_chart(_present(chart, function, bars=True), key=key,
                 summary=breakdown_summary(breakdown, by),
                 table=breakdown_table(breakdown, by), file_stem=f"task-functions-by-{by}",
                 on_select=_pick(key), selection_mode=FUNCTION_PARAM)


def task_list(dataset: Dataset, cases: Sequence[str], function: str) -> pd.DataFrame:
    """The tasks of the chosen cases (and function), one table with a Case and a Country."""
    titles = case_titles(dataset)
    parts = []
    for case_id in cases:
        case = dataset.only(case_id)
        table = task_table(case.sources, case.tasks, case.actors, function=function or None)
        tasks = case.tasks[case.tasks["actor_id"].isin(case.actors["actor_id"])]
        if function:
            tasks = tasks[tasks["function"] == function]
        where = dict(zip(case.actors["actor_id"], case.actors["country"]))
        table.insert(0, "Case", titles.get(case_id, case_id))
        table.insert(3, "Country", [country_name(where.get(a, "")) for a in tasks["actor_id"]])
        parts.append(table)
    if not parts:
        return pd.DataFrame()
    return pd.concat(parts, ignore_index=True)
