"""Text alternatives of the views: the chain as readable tables, with full citations.

Pure pandas, so that a test can check them and every page shows the same columns. Headers,
vocabulary values, country names and the curated texts are in the language asked for;
citations stay in their original language.
"""

from __future__ import annotations

import pandas as pd

from app.core.geo import country_name
from app.core.i18n import format_number, localized, translate, vocab_label
from app.core.sources import citation_lookup, citations_for


def words(value: str) -> str:
    """A vocabulary value as words: `worker_pool` -> `worker pool`."""
    return value.replace("_", " ")


def _labels(values: pd.Series, kind: str, lang: str, *, lower: bool = False) -> pd.Series:
    def label(value: object) -> str:
        if value is None or value == "" or (isinstance(value, float) and pd.isna(value)):
            return ""
        text = vocab_label(kind, value, lang)
        return text.lower() if lower else text
    return values.map(label)


def _count(value: object, lang: str) -> str:
    """A headcount as read in `lang` (`1,000` / `1 000`); empty when the source gives none."""
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return ""
    return format_number(int(value), lang)


def _sources(lookup: dict, frame: pd.DataFrame) -> list[str]:
    return [" | ".join(citations_for(lookup, case, ids))
            for case, ids in zip(frame["case_id"], frame["source_ids"])]


def _header(key: str, lang: str) -> str:
    return translate(f"table.{key}", lang)


def chain_table(sources: pd.DataFrame, actors: pd.DataFrame, links: pd.DataFrame,
                lang: str = "en") -> pd.DataFrame:
    """The chain as sentences: from, relation, to, countries, certainty, sources."""
    lookup = citation_lookup(sources)
    named = actors.assign(name=localized(actors, "name", lang))
    names = named.set_index("actor_id")[["name", "country"]]
    table = (links.join(names, on="from_actor").join(names.add_suffix("_to"), on="to_actor"))
    return pd.DataFrame({
        _header("from", lang): table["name"],
        _header("relation", lang): _labels(table["relation"], "relation", lang),
        _header("to", lang): table["name_to"],
        _header("from_country", lang): table["country"].map(lambda c: country_name(c, lang)),
        _header("to_country", lang): table["country_to"].map(lambda c: country_name(c, lang)),
        _header("certainty", lang): _labels(table["certainty"], "certainty", lang, lower=True),
        _header("source_says", lang): localized(table, "description", lang),
        _header("sources", lang): _sources(lookup, table),
    })


def actor_table(sources: pd.DataFrame, actors: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """The actors with what they do, where, how sure, and who says so."""
    lookup = citation_lookup(sources)
    return pd.DataFrame({
        _header("actor", lang): localized(actors, "name", lang),
        _header("type", lang): _labels(actors["actor_type"], "actor_type", lang),
        _header("country", lang): actors["country"].map(lambda c: country_name(c, lang)),
        _header("workers", lang): actors["workers"].map(lambda n: _count(n, lang)),
        _header("source_says", lang): localized(actors, "description", lang),
        _header("certainty", lang): _labels(actors["certainty"], "certainty", lang, lower=True),
        _header("sources", lang): _sources(lookup, actors),
    })


def task_table(sources: pd.DataFrame, tasks: pd.DataFrame, actors: pd.DataFrame, *,
               function: str | None = None, phase: str | None = None,
               phases: dict[str, str] | None = None, lang: str = "en") -> pd.DataFrame:
    """The tasks done by the actors shown: who, what, which function, paid or not, who says so.

    `phases` (id -> label, for a case that has phases) adds a Phase column, in time order.
    """
    tasks = tasks[tasks["actor_id"].isin(actors["actor_id"])]
    if function:
        tasks = tasks[tasks["function"] == function]
    if phase:
        tasks = tasks[tasks["phase"] == phase]
    lookup = citation_lookup(sources)
    names = dict(zip(actors["actor_id"], localized(actors, "name", lang)))
    phase_column = {_header("phase", lang): tasks["phase"].map(
        lambda p: (phases or {}).get(p, ""))} if phases else {}
    return pd.DataFrame(phase_column | {
        _header("task", lang): localized(tasks, "task", lang),
        _header("done_by", lang): tasks["actor_id"].map(names),
        _header("function", lang): _labels(tasks["function"], "function", lang),
        _header("subfunction", lang): _labels(tasks["subfunction"], "subfunction", lang),
        _header("data", lang): _labels(tasks["data_type"], "data_type", lang),
        _header("paid", lang): _labels(tasks["paid"], "paid", lang),
        _header("source_says", lang): localized(tasks, "description", lang),
        _header("certainty", lang): _labels(tasks["certainty"], "certainty", lang, lower=True),
        _header("sources", lang): _sources(lookup, tasks),
    })
