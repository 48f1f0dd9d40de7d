"""Task functions: the cached task views, the diagram and breakdown charts, the task list."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial

import altair as alt
import pandas as pd
import streamlit as st

from app.charts.function_charts import (COLUMN, FUNCTION_PARAM, ROW, data_type_chart,
                                        fit_text_to_width, function_bar_chart,
                                        function_diagram_chart, function_share_chart, paid_chart)
from app.charts.style import for_screen
from app.components.charts import ChartView, chart_view, render_chart
from app.components.data import cached_view, data_version_key, get_dataset
from app.components.flows import ALL, case_titles, preselect, take_pick
from app.components.frame import on_phone
from app.components.i18n import current_language, t
from app.core import vocab
from app.core.functions import function_breakdown, function_counts, function_shares
from app.core.geo import country_name
from app.core.i18n import (format_number, format_percent, localized, translate, translate_count,
                           vocab_label)
from app.core.load import Dataset
from app.core.phases import phase_labels
from app.core.sources import citation_lookup, citations_for

FUNCTION_SELECT_KEY = "functions-function-select"
# What the tasks can be broken down by (the `by` of the link); shown as `functions.by.*`.
BY_OPTIONS = ("country", "actor_type", "case_id", "paid", "data_type")
# Shown under the chosen breakdown: pay and kind of data, or the default breakdown in place of
# whichever of them is the chosen one, so that no chart shows twice.
BESIDE = ("paid", "data_type", "country")
# The article the diagram follows: a reference, so in its own language whatever the interface's.
REFERENCE = ("Tubaro, P., Casilli, A. A. & Coville, M. (2020). *The trainer, the verifier, the "
             "imitator: Three ways in which human platform workers support artificial "
             "intelligence.* Big Data & Society, 7(1). doi:10.1177/2053951720919776")
MAX_GROUPS_NAMED = 6
BAR_STEP = 36
DIAGRAM_HEIGHT = 250
DIAGRAM_FULL_WIDTH = 640  # the diagram's texts, 1.3 times the builder's, fit its boxes from here
STACKED_DIAGRAM_HEIGHT = 600  # a phone's diagram, its boxes one under the other


def by_label(by: str, lang: str) -> str:
    """What a breakdown is by, as an option of the select box ("Country of who does it")."""
    return translate(f"functions.by.{by}", lang)


def function_word(function: str, lang: str) -> str:
    """A function as a word inside a sentence: "preparation", "vérification"."""
    return vocab_label("function", function, lang).lower()


def of_function(function: str, lang: str, *, bold: bool = False) -> str:
    """A function as it qualifies tasks: "verification" (tasks), (tâches) "d'imitation"."""
    name = function_word(function, lang)
    return translate(f"functions.of_function.{function}", lang,
                     name=f"**{name}**" if bold else name)


def _tasks(dataset: Dataset, cases: Sequence[str], function: str = ALL) -> pd.DataFrame:
    tasks = dataset.tasks[dataset.tasks["case_id"].isin(list(cases))]
    return tasks[tasks["function"] == function] if function else tasks


def _label_groups(breakdown: pd.DataFrame, by: str, titles: dict[str, str]) -> pd.DataFrame:
    """Cases by their short titles (the other groupings come labelled from the breakdown)."""
    out = breakdown.copy()
    if by == "case_id":
        out["label"] = out["case_id"].map(lambda c: titles.get(c, c))
    return out


def diagram_summary(counts: dict[str, int], subcounts: dict[str, int], lang: str = "en") -> str:
    return translate(
        "functions.diagram_summary", lang,
        total=translate_count("functions.n_tasks", sum(counts.values()), lang),
        prepare=translate_count("functions.diagram_summary.prepare", counts["preparation"], lang),
        split=", ".join(f"{format_number(n, lang)} {vocab_label('subfunction', s, lang).lower()}"
                        for s, n in subcounts.items()),
        verify=translate_count("functions.diagram_summary.verify", counts["verification"], lang),
        impersonate=translate_count("functions.diagram_summary.impersonate",
                               counts["impersonation"], lang))


def share_summary(shares: pd.DataFrame, lang: str = "en") -> str:
    parts = []
    for label, g in shares.groupby("label", sort=False):
        total = int(g["n_tasks"].sum())
        if not total:
            continue
        split = ", ".join(f"{format_percent(row.share, lang)} {function_word(row.function, lang)}"
                          for row in g.itertuples() if row.n_tasks)
        parts.append(translate("functions.share_summary.case", lang, case=label, split=split,
                               total=translate_count("functions.n_tasks", total, lang)))
    if not parts:
        return translate("functions.none_recorded", lang)
    return translate("functions.summary.end", lang,
                     text=translate("flows.separator", lang).join(parts))


def breakdown_summary(breakdown: pd.DataFrame, by: str, lang: str = "en") -> str:
    if breakdown.empty:
        return translate("functions.no_task", lang)
    groups = breakdown.groupby("label", sort=False)["n_tasks"].sum()
    parts = []
    for label, n in list(groups.items())[:MAX_GROUPS_NAMED]:
        rows = breakdown[breakdown["label"] == label]
        per = rows.groupby("function", sort=False)["n_tasks"].sum()
        split = ", ".join(translate("functions.breakdown_summary.count", lang,
                                    what=function_word(f, lang), n=int(k))
                          for f, k in per.items())
        parts.append(translate("functions.breakdown_summary.group", lang, group=label,
                               n=int(n), split=split))
    listed = translate("flows.separator", lang).join(parts)
    more = len(groups) - MAX_GROUPS_NAMED
    if more > 0:
        listed = translate("flows.summary.more", lang, listed=listed, more=more)
    return translate("functions.breakdown_summary", lang,
                     total=translate_count("functions.n_tasks", int(groups.sum()), lang),
                     by=translate(f"functions.breakdown_summary.by.{by}", lang),
                     groups=listed)


def breakdown_table(breakdown: pd.DataFrame, by: str, lang: str = "en") -> pd.DataFrame:
    def head(name: str) -> str:
        return translate(f"functions.table.{name}", lang)

    return pd.DataFrame({
        by_label(by, lang): breakdown["label"],
        head("function"): breakdown["function"].map(lambda f: vocab_label("function", f, lang)),
        head("subfunction"): breakdown["subfunction"].map(
            lambda s: vocab_label("subfunction", s, lang) if s else ""),
        head("tasks"): breakdown["n_tasks"].astype("int64"),
        head("share_of_group"): breakdown["share"].round(3),
    })


def _pick(key: str) -> partial:
    return partial(take_pick, key, FUNCTION_PARAM, FUNCTION_SELECT_KEY, list(vocab.FUNCTIONS))


def _present(chart, function: str, lang: str, *, bars: bool = False):
    """The chart as shown: the URL's function already selected, type sized for a projector."""
    if bars:
        chart = chart.properties(height=alt.Step(BAR_STEP))
    return for_screen(preselect(chart, FUNCTION_PARAM, "function", function or None), lang)


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


# ---------------------------------------------------------------------------------------------
# Cached views
#
# Built once per data version, choice of cases, function (shown as already selected in every
# chart, so part of the key) and language, then only drawn on each rerun: Altair's conversion
# and the pandas tables cost more than drawing. Pure values only (no `st.*` inside), shared
# read-only by every session (`cached_view`).


@dataclass(frozen=True)
class FunctionsView:
    """What the page draws for one choice of cases and function, whatever the breakdown."""

    n_tasks: int  # tasks of the chosen cases, of any function
    n_chosen: int  # of them, the tasks of the chosen function (all when none is chosen)
    diagram: ChartView
    shares: ChartView
    tasks: pd.DataFrame  # the task list under the charts


def diagram_view(counts: dict[str, int], subcounts: dict[str, int], function: str,
                 lang: str, stacked: bool) -> ChartView:
    """The diagram as Figure 1 draws it, or on a phone (`stacked`) its boxes one under the
    other, where its type keeps its size."""
    chart = _larger_text(function_diagram_chart(
        counts, subcounts=subcounts, selectable=True, lang=lang,
        height=STACKED_DIAGRAM_HEIGHT if stacked else DIAGRAM_HEIGHT,
        layout=COLUMN if stacked else ROW), 1.3)
    if not stacked:
        chart = fit_text_to_width(chart, DIAGRAM_FULL_WIDTH)
    table = pd.DataFrame({
        translate("functions.table.function", lang): [vocab_label("function", f, lang)
                                                      for f in counts],
        translate("functions.table.tasks", lang): list(counts.values())})
    return chart_view(_present(chart, function, lang),
                      diagram_summary(counts, subcounts, lang), table)


def _shares_view(shares: pd.DataFrame, function: str, lang: str) -> ChartView:
    chart = function_share_chart(shares, title=translate("functions.shares_title", lang),
                                 lang=lang)
    # The title already says these are cases; the axis title only crowds the long labels.
    chart = chart.encode(y=chart.encoding.y.title(None))
    table = pd.DataFrame({
        translate("functions.table.case", lang): shares["label"],
        translate("functions.table.function", lang): shares["function"].map(
            lambda f: vocab_label("function", f, lang)),
        translate("functions.table.tasks", lang): shares["n_tasks"],
        translate("functions.table.share", lang): shares["share"].round(3)})
    return chart_view(_present(chart, function, lang, bars=True),
                      share_summary(shares, lang), table)


@cached_view(max_entries=256)
def _functions_view(version: tuple, cases: tuple[str, ...], function: str,
                    lang: str, stacked: bool) -> FunctionsView:
    dataset = get_dataset()
    titles = case_titles(dataset, lang)
    everything = _tasks(dataset, cases)
    counts = function_counts(everything)
    prep = everything[everything["function"] == "preparation"]["subfunction"].value_counts()
    shares = function_shares(everything)
    shares["label"] = shares["case_id"].map(lambda c: titles.get(c, c))
    return FunctionsView(
        n_tasks=sum(counts.values()),
        n_chosen=len(_tasks(dataset, cases, function)),
        diagram=diagram_view(counts, {s: int(prep.get(s, 0)) for s in vocab.SUBFUNCTIONS},
                             function, lang, stacked),
        shares=_shares_view(shares, function, lang),
        tasks=task_list(dataset, cases, function, lang))


def functions_view(cases: Sequence[str], function: str) -> FunctionsView:
    """The page's view of `cases` and `function` in the current language, for this screen."""
    return _functions_view(data_version_key(), tuple(cases), function, current_language(),
                           on_phone())


@cached_view(max_entries=512)
def _breakdown_view(version: tuple, cases: tuple[str, ...], function: str, by: str,
                    lang: str) -> ChartView | None:
    """One breakdown of the chosen function's tasks (all tasks when none is chosen); None when
    there is no task to break down. Cached on its own: changing `by` rebuilds only this one."""
    dataset = get_dataset()
    tasks = _tasks(dataset, cases, function)
    breakdown = _label_groups(function_breakdown(dataset.actors, tasks, by, lang=lang), by,
                              case_titles(dataset, lang))
    if breakdown.empty:
        return None
    builders = {"paid": paid_chart, "data_type": data_type_chart}
    if by in builders:
        chart = builders[by](breakdown, lang=lang)
    else:
        chart = function_bar_chart(breakdown, by, lang=lang)
    return chart_view(_present(chart, function, lang, bars=True),
                      breakdown_summary(breakdown, by, lang),
                      breakdown_table(breakdown, by, lang))


# ---------------------------------------------------------------------------------------------
# Drawing


def _render_selectable(chart: ChartView, key: str, file_stem: str) -> None:
    """A chart whose click on a function picks it in the function select box."""
    render_chart(chart, key=key, file_stem=file_stem, on_select=_pick(key),
                 selection_mode=FUNCTION_PARAM)


def render_diagram(view: FunctionsView, function: str) -> None:
    _render_selectable(view.diagram, _key("diagram", function), "task-functions")
    st.caption(t("functions.citation", reference=REFERENCE))


def render_shares(view: FunctionsView, function: str) -> None:
    _render_selectable(view.shares, _key("shares", function), "task-function-shares")


def breakdowns_beside(by: str) -> tuple[str, str]:
    """The two breakdowns drawn under the one chosen (`by`), never the same as it."""
    first, second = [other for other in BESIDE if other != by][:2]
    return first, second


def render_breakdown(cases: Sequence[str], by: str, function: str, *,
                     name: str | None = None) -> None:
    """One breakdown chart (tasks of the chosen function only, when one is chosen)."""
    lang = current_language()
    chart = _breakdown_view(data_version_key(), tuple(cases), function, by, lang)
    if chart is None:
        if function:
            st.info(t("functions.no_function_task", function=of_function(function, lang)),
                    icon=":material/info:")
        else:
            st.info(t("functions.none_recorded"), icon=":material/info:")
        return
    _render_selectable(chart, _key(name or by, function), f"task-functions-by-{by}")


TASK_COLUMNS = ("case", "phase", "task", "done_by", "country", "function", "subfunction",
                "data", "paid", "description", "certainty", "sources")


def task_list(dataset: Dataset, cases: Sequence[str], function: str,
              lang: str = "en") -> pd.DataFrame:
    """The tasks of the chosen cases (and function), one table with a Case and a Country.

    Curated texts (task, actor, what the source says) in `lang` where the data has them, the
    English marked where it has not; vocabulary, countries and headers in `lang`.
    """
    titles = case_titles(dataset, lang)
    tasks = _tasks(dataset, cases, function)
    actors = dataset.actors.assign(name_shown=localized(dataset.actors, "name", lang))
    tasks = tasks.merge(actors[["case_id", "actor_id", "name_shown", "country"]],
                        on=["case_id", "actor_id"], how="inner")
    tasks = tasks.assign(_order=tasks["case_id"].map({c: i for i, c in enumerate(cases)}))
    tasks = tasks.sort_values("_order", kind="stable").reset_index(drop=True)
    lookup = citation_lookup(dataset.sources)
    phases = {c: phase_labels(dataset, c, lang) for c in cases}
    columns = {
        "case": tasks["case_id"].map(lambda c: titles.get(c, c)),
        "phase": [phases.get(c, {}).get(p, "") for c, p in zip(tasks["case_id"], tasks["phase"])],
        "task": localized(tasks, "task", lang),
        "done_by": tasks["name_shown"],
        "country": tasks["country"].map(lambda c: country_name(c, lang)),
        "function": tasks["function"].map(lambda f: vocab_label("function", f, lang)),
        "subfunction": tasks["subfunction"].map(
            lambda s: vocab_label("subfunction", s, lang) if s else ""),
        "data": tasks["data_type"].map(lambda d: vocab_label("data_type", d, lang)),
        "paid": tasks["paid"].map(lambda p: vocab_label("paid", bool(p), lang)),
        "description": localized(tasks, "description", lang),
        "certainty": tasks["certainty"].map(lambda c: vocab_label("certainty", c, lang)),
        "sources": [" | ".join(citations_for(lookup, case, ids))
                    for case, ids in zip(tasks["case_id"], tasks["source_ids"])],
    }
    # The phase column only where a chosen case has phases: most have none.
    shown = [n for n in TASK_COLUMNS if n != "phase" or any(phases.values())]
    return pd.DataFrame({translate(f"functions.tasks.{name}", lang): columns[name]
                         for name in shown})
