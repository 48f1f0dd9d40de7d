"""The cases side by side: one row of chain measures per case, each measure defined once here.

Pure pandas. Every measure reuses the per-case rules of `app.core.network` (chain length,
intermediaries) and `app.core.functions` (shares of tasks per function, unpaid share, links per
certainty), so the compare page and the other pages can never disagree. The definitions shown
on the page under each measure are `MEASURES`, next to the code that computes them.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from app.core import network, vocab
from app.core.functions import certainty_shares, function_shares, unpaid_share
from app.core.geo import country_name
from app.core.load import Dataset


@dataclass(frozen=True)
class Measure:
    """A column of `compare_cases`, its name on screen and its one-sentence definition."""

    column: str
    label: str
    definition: str


MEASURES: tuple[Measure, ...] = (
    Measure("chain_length", "Chain length",
            "The longest path, in links, from a client or lead firm to a pool of workers, "
            "following who commissions whom (a client buying from the AI company adds a link; "
            "data supplied by end users is not part of the chain)."),
    Measure("documented_chain_length", "Chain length, documented links only",
            "The same path counted on the links that a primary research source states; 0 means "
            "the sources document no complete chain from a client or lead firm to workers."),
    Measure("n_intermediaries", "Intermediaries",
            "Platforms, vendors, subcontractors and supervisors standing between a client or "
            "lead firm and its workers; a platform the lead firm runs itself is not counted."),
    Measure("n_countries", "Countries",
            "Distinct countries of the case's actors (actors whose country no source gives are "
            "left out and counted apart)."),
    Measure("n_cross_border_links", "Cross-border links",
            "Links between two actors in different countries; a link with an end whose country "
            "is unknown is not counted."),
    Measure("function_shares", "Share of tasks per function",
            "Of the case's tasks, the share serving each function: preparation (generating or "
            "annotating training data), verification (checking outputs), impersonation (humans "
            "doing what the AI is said to do)."),
    Measure("unpaid_share", "Share of unpaid tasks",
            "Of the case's tasks, the share done without pay (e.g. end users' inputs)."),
    Measure("certainty_shares", "Share of links by certainty",
            "Of the case's links, the share documented by a primary source, reported by a "
            "single secondary source, or inferred where no source says it."),
)
MEASURE_BY_COLUMN: dict[str, Measure] = {m.column: m for m in MEASURES}

FUNCTION_SHARE_COLUMNS = [f"share_{f}" for f in vocab.FUNCTIONS]
CERTAINTY_SHARE_COLUMNS = [f"share_{c}" for c in vocab.CERTAINTIES]
COLUMNS = [
    "case_id", "title", "n_actors", "n_links", "n_tasks",
    "chain_length", "documented_chain_length",
    "n_intermediaries", "intermediaries",
    "n_countries", "countries", "n_actors_unknown_country",
    "n_cross_border_links", "n_links_unknown_country",
    *FUNCTION_SHARE_COLUMNS, "n_unpaid", "unpaid_share", *CERTAINTY_SHARE_COLUMNS,
]


def _cross_border(actors: pd.DataFrame, links: pd.DataFrame) -> tuple[int, int]:
    """(links between two known, different countries; links with an end of unknown country)."""
    where = dict(zip(actors["actor_id"], actors["country"]))
    crossing = unknown = 0
    for a, b in zip(links["from_actor"], links["to_actor"]):
        ca, cb = where.get(a, ""), where.get(b, "")
        if not ca or not cb:
            unknown += 1
        elif ca != cb:
            crossing += 1
    return crossing, unknown


def compare_cases(dataset: Dataset, case_ids: list[str] | None = None) -> pd.DataFrame:
    """One row per case (in the order given, default all) with the measures of `MEASURES`.

    Columns: `case_id`, `title`, `n_actors`, `n_links`, `n_tasks`; `chain_length` and
    `documented_chain_length` (`network.chain_length` on all links, then on the documented
    ones only); `n_intermediaries` and `intermediaries` (names from `network.intermediaries`,
    "; "-joined); `n_countries`, `countries` (English names, sorted, "; "-joined) and
    `n_actors_unknown_country`; `n_cross_border_links` (both ends known and different) and
    `n_links_unknown_country`; `share_preparation`, `share_verification`,
    `share_impersonation` (0..1 of the case's tasks, `functions.function_shares`); `n_unpaid`
    and `unpaid_share`; `share_documented`, `share_reported`, `share_inferred` (0..1 of the
    case's links, `functions.certainty_shares`). A case without tasks or links has shares 0.
    Unknown case ids raise `UnknownCase`.
    """
    chosen = dataset.only(case_ids) if case_ids is not None else dataset
    ids = list(case_ids) if case_ids is not None else dataset.case_ids
    titles = dict(zip(chosen.cases["case_id"], chosen.cases["title"]))
    functions = function_shares(chosen.tasks).pivot(index="case_id", columns="function",
                                                    values="share")
    certainty = certainty_shares(chosen.links).pivot(index="case_id", columns="certainty",
                                                     values="share")
    unpaid = unpaid_share(chosen.tasks).set_index("case_id") if len(chosen.tasks) else None

    rows = []
    for case_id in ids:
        actors = chosen.actors[chosen.actors["case_id"] == case_id]
        links = chosen.links[chosen.links["case_id"] == case_id]
        tasks = chosen.tasks[chosen.tasks["case_id"] == case_id]
        names = dict(zip(actors["actor_id"], actors["name"]))
        middle = network.intermediaries(actors, links)
        codes = {c for c in actors["country"] if c}
        crossing, unknown = _cross_border(actors, links)
        row = {
            "case_id": case_id,
            "title": titles[case_id],
            "n_actors": len(actors),
            "n_links": len(links),
            "n_tasks": len(tasks),
            "chain_length": network.chain_length(actors, links),
            "documented_chain_length": network.chain_length(actors,
                                                            network.filter_documented(links)),
            "n_intermediaries": len(middle),
            "intermediaries": "; ".join(names[a] for a in middle),
            "n_countries": len(codes),
            "countries": "; ".join(sorted(country_name(c) for c in codes)),
            "n_actors_unknown_country": int((actors["country"] == "").sum()),
            "n_cross_border_links": crossing,
            "n_links_unknown_country": unknown,
            "n_unpaid": 0,
            "unpaid_share": 0.0,
        }
        for function, column in zip(vocab.FUNCTIONS, FUNCTION_SHARE_COLUMNS):
            row[column] = float(functions.at[case_id, function]) if case_id in functions.index \
                else 0.0
        for cert, column in zip(vocab.CERTAINTIES, CERTAINTY_SHARE_COLUMNS):
            row[column] = float(certainty.at[case_id, cert]) if case_id in certainty.index \
                else 0.0
        if unpaid is not None and case_id in unpaid.index:
            row["n_unpaid"] = int(unpaid.at[case_id, "n_unpaid"])
            row["unpaid_share"] = float(unpaid.at[case_id, "unpaid_share"])
        rows.append(row)
    frame = pd.DataFrame(rows, columns=COLUMNS)
    ints = [c for c in COLUMNS if c.startswith("n_") or c.endswith("chain_length")]
    return frame.astype({c: "int64" for c in ints})


def _and(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _links(n: int) -> str:
    return f"{n} link{'' if n == 1 else 's'}"


def longest_chain_answer(measures: pd.DataFrame) -> str:
    """Which case has the longest chain, in words, from a `compare_cases` frame.

    Says when cases tie, what the documented links alone support, and which case has the
    most intermediaries; "" for an empty frame.
    """
    if measures.empty:
        return ""
    sentences = []
    top = int(measures["chain_length"].max())
    leaders = measures.loc[measures["chain_length"] == top, "title"].tolist()
    if top == 0:
        sentences.append("No case has a chain from a client or lead firm to workers.")
    elif len(leaders) == len(measures) > 1:
        sentences.append(f"All {len(measures)} cases have a longest chain of {_links(top)}.")
    else:
        sentences.append(f"The longest chain is {_links(top)}, in {_and(leaders)}.")
    doc = int(measures["documented_chain_length"].max())
    doc_leaders = measures.loc[measures["documented_chain_length"] == doc, "title"].tolist()
    if doc == 0:
        sentences.append("Counting documented links only, no case has a complete chain.")
    else:
        only = "only " if len(doc_leaders) == 1 and len(measures) > 1 else ""
        sentences.append(f"Counting documented links only, {only}{_and(doc_leaders)} "
                         f"{'keeps' if len(doc_leaders) == 1 else 'keep'} a chain of "
                         f"{_links(doc)}.")
    most = int(measures["n_intermediaries"].max())
    if most > 0:
        many = measures.loc[measures["n_intermediaries"] == most, "title"].tolist()
        sentences.append(f"Most intermediaries: {_and(many)} ({most}).")
    return " ".join(sentences)


def short_title(title: str) -> str:
    """A case title without its bracketed list of countries, for chart axes and headings."""
    head, sep, _ = str(title).partition(" (")
    return head if sep and head else str(title)
