"""Text alternatives of the views: the chain as readable tables, with full citations.

Pure pandas, so that a test can check them and every page shows the same columns.
"""

from __future__ import annotations

import pandas as pd

from app.core import vocab
from app.core.geo import country_name
from app.core.sources import citation_lookup, citations_for


def words(value: str) -> str:
    """A vocabulary value as words: `worker_pool` -> `worker pool`."""
    return value.replace("_", " ")


def chain_table(sources: pd.DataFrame, actors: pd.DataFrame, links: pd.DataFrame) -> pd.DataFrame:
    """The chain as sentences: from, relation, to, countries, certainty, sources."""
    lookup = citation_lookup(sources)
    names = actors.set_index("actor_id")[["name", "country"]]
    table = (links.join(names, on="from_actor").join(names.add_suffix("_to"), on="to_actor"))
    return pd.DataFrame({
        "From": table["name"],
        "Relation": table["relation"].map(lambda r: vocab.RELATION_LABELS.get(r, words(r))),
        "To": table["name_to"],
        "From country": table["country"].map(country_name),
        "To country": table["country_to"].map(country_name),
        "Certainty": table["certainty"],
        "What the source says": table["description"],
        "Sources": [" | ".join(citations_for(lookup, case, ids))
                    for case, ids in zip(table["case_id"], table["source_ids"])],
    })


def actor_table(sources: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    """The actors with what they do, where, how sure, and who says so."""
    lookup = citation_lookup(sources)
    return pd.DataFrame({
        "Actor": actors["name"],
        "Type": actors["actor_type"].map(words),
        "Country": actors["country"].map(country_name),
        "Workers": actors["workers"],
        "What the source says": actors["description"],
        "Certainty": actors["certainty"],
        "Sources": [" | ".join(citations_for(lookup, case, ids))
                    for case, ids in zip(actors["case_id"], actors["source_ids"])],
    })


def task_table(sources: pd.DataFrame, tasks: pd.DataFrame, actors: pd.DataFrame, *,
               function: str | None = None) -> pd.DataFrame:
    """The tasks done by the actors shown: who, what, which function, paid or not, who says so."""
    tasks = tasks[tasks["actor_id"].isin(actors["actor_id"])]
    if function:
        tasks = tasks[tasks["function"] == function]
    lookup = citation_lookup(sources)
    names = dict(zip(actors["actor_id"], actors["name"]))
    return pd.DataFrame({
        "Task": tasks["task"],
        "Done by": tasks["actor_id"].map(names),
        "Function": tasks["function"],
        "Subfunction": tasks["subfunction"],
        "Data": tasks["data_type"],
        "Paid": tasks["paid"].map({True: "paid", False: "unpaid"}),
        "What the source says": tasks["description"],
        "Certainty": tasks["certainty"],
        "Sources": [" | ".join(citations_for(lookup, case, ids))
                    for case, ids in zip(tasks["case_id"], tasks["source_ids"])],
    })
