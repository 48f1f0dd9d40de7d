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
from app.components.data import VIEW_TTL_SECONDS, data_version_key, get_dataset
from app.components.flows import ALL, case_titles, for_screen, preselect, take_pick
from app.components.i18n import current_language, t
from app.core import vocab
from app.core.functions import function_breakdown, function_counts, function_shares
from app.core.geo import country_name
from app.core.i18n import format_number, format_percent, localized, translate, translate_count, vocab_label
from app.core.load import Dataset
from app.core.sources import citation_lookup, citations_for

FUNCTION_SELECT_KEY = "functions-function-select"
# What the tasks can be broken down by (the `by` of the link); shown as `functions.by.*`.
BY_OPTIONS = ("country", "actor_type", "case_id", "paid", "data_type")
# The article the diagram follows: a reference, so in its own language whatever the interface's.
REFERENCE = ("Tubaro, P., Casilli, A. A. & Coville, M. (2020). *The trainer, the verifier, the "
             "imitator: Three ways in which human platform workers support artificial "
             "intelligence.* Big Data & Society, 7(1). doi:10.1177/2053951720919776")
MAX_GROUPS_NAMED = 6
BAR_STEP = 36
DIAGRAM_HEIGHT = 250


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


def clear_function() -> None:
    st.session_state[FUNCTION_SELECT_KEY] = ALL


def _tasks(dataset: Dataset, cases: Sequence[str], function: str = ALL) -> pd.DataFrame:
    tasks = dataset.tasks[dataset.tasks["case_id"].isin(list(cases))]
    return tasks[tasks["function"] == function] if function else tasks


def _label_groups(breakdown: pd.DataFrame, by: str, titles: dict[str, str]) -> pd.DataFrame:
    """Cases by their short titles (the other groupings come labelled from the breakdown)."""
    out = breakdown.copy()
    if by == "case_id":
        out["label"] = out["case_id"].map(lambda c: titles.get(c, c))
    return out


@st.cache_data(show_spinner=False, max_entries=256, ttl=VIEW_TTL_SECONDS)
def _views(version: tuple, cases: tuple[str, ...], function: str, by: str,
           lang: str) -> dict[str, pd.DataFrame | dict]:
    """Counts, shares and breakdowns of the chosen cases (breakdowns of `function` only)."""
    dataset = get_dataset()
    titles = case_titles(dataset, lang)
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
        "lang": lang,
        **{name: _label_groups(function_breakdown(dataset.actors, chosen, name, lang=lang),
                               name, titles)
           for name in dict.fromkeys([by, "paid", "data_type"])},
    }


def task_views(cases: Sequence[str], function: str, by: str) -> dict:
    return _views(data_version_key(), tuple(cases), function, by, current_language())


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


def render_diagram(views: dict, function: str) -> None:
    lang = views["lang"]
    key = _key("diagram", function)
    chart = _larger_text(function_diagram_chart(views["counts"], subcounts=views["subcounts"],
                                                selectable=True, height=DIAGRAM_HEIGHT,
                                                lang=lang), 1.3)
    table = pd.DataFrame({
        t("functions.table.function"): [vocab_label("function", f, lang)
                                        for f in views["counts"]],
        t("functions.table.tasks"): list(views["counts"].values())})
    render_chart(_present(chart, function, lang), key=key,
                 summary=diagram_summary(views["counts"], views["subcounts"], lang),
                 table=table, file_stem="task-functions", on_select=_pick(key),
                 selection_mode=FUNCTION_PARAM)
    st.caption(t("functions.citation", reference=REFERENCE))


def render_shares(views: dict, function: str) -> None:
    lang = views["lang"]
    shares = views["shares"]
    key = _key("shares", function)
    chart = function_share_chart(shares, title=t("functions.shares_title"), lang=lang)
    # The title already says these are cases; the axis title only crowds the long labels.
    chart = chart.encode(y=chart.encoding.y.title(None))
    table = pd.DataFrame({
        t("functions.table.case"): shares["label"],
        t("functions.table.function"): shares["function"].map(
            lambda f: vocab_label("function", f, lang)),
        t("functions.table.tasks"): shares["n_tasks"],
        t("functions.table.share"): shares["share"].round(3)})
    render_chart(_present(chart, function, lang, bars=True), key=key,
                 summary=share_summary(shares, lang), table=table,
                 file_stem="task-function-shares", on_select=_pick(key),
                 selection_mode=FUNCTION_PARAM)


def render_breakdown(views: dict, by: str, function: str, *, name: str | None = None) -> None:
    """One breakdown chart (tasks of the chosen function only, when one is chosen)."""
    lang = views["lang"]
    breakdown = views[by]
    name = name or by
    if breakdown.empty:
        if function:
            st.info(t("functions.no_function_task", function=of_function(function, lang)),
                    icon=":material/info:")
        else:
            st.info(t("functions.none_recorded"), icon=":material/info:")
        return
    builders = {"paid": paid_chart, "data_type": data_type_chart}
    if by in builders:
        chart = builders[by](breakdown, lang=lang)
    else:
        chart = function_bar_chart(breakdown, by, lang=lang)
    key = _key(name, function)
    render_chart(_present(chart, function, lang, bars=True), key=key,
                 summary=breakdown_summary(breakdown, by, lang),
                 table=breakdown_table(breakdown, by, lang),
                 file_stem=f"task-functions-by-{by}", on_select=_pick(key),
                 selection_mode=FUNCTION_PARAM)


TASK_COLUMNS = ("case", "task", "done_by", "country", "function", "subfunction", "data",
                "paid", "description", "certainty", "sources")


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
    columns = {
        "case": tasks["case_id"].map(lambda c: titles.get(c, c)),
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
    return pd.DataFrame({translate(f"functions.tasks.{name}", lang): columns[name]
                         for name in TASK_COLUMNS})
