"""The cases side by side: one row of chain measures per case, each measure defined once here.

Pure pandas. Every measure reuses the per-case rules of `app.core.network` (chain length,
intermediaries, the layout of the small chains) and `app.core.functions` (shares of tasks per
function, unpaid share, links per certainty), so the compare page and the other pages can never
disagree. The names and definitions shown on the page are `MEASURES`, next to the code that
computes them, worded in the message catalogue (`compare.measure.*`) in every language.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

import pandas as pd

from app.core import network, vocab
from app.core.flows import collation_key
from app.core.functions import certainty_shares, function_shares, unpaid_share
from app.core.geo import country_name
from app.core.i18n import format_percent, localized, translate, translate_count, vocab_label
from app.core.load import Dataset
from app.core.reference import joined, separator

LABEL_WIDTH = 24  # characters per line of an actor's name under its dot in a small chain


@dataclass(frozen=True)
class Measure:
    """A column of `compare_cases`, with its name and one-sentence definition in the catalogue."""

    column: str

    def label(self, lang: str = "en") -> str:
        return translate(f"compare.measure.{self.column}", lang)

    def definition(self, lang: str = "en") -> str:
        return translate(f"compare.measure.{self.column}.definition", lang)


MEASURES: tuple[Measure, ...] = tuple(Measure(c) for c in (
    "chain_length", "documented_chain_length", "n_intermediaries", "n_countries",
    "n_cross_border_links", "function_shares", "unpaid_share", "certainty_shares"))
MEASURE_BY_COLUMN: dict[str, Measure] = {m.column: m for m in MEASURES}
# The measures shown as numbers in the grid, in this order (the shares are charts).
GRID_MEASURES = ("chain_length", "documented_chain_length", "n_intermediaries", "n_countries",
                 "n_cross_border_links")

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


def compare_cases(dataset: Dataset, case_ids: list[str] | None = None,
                  lang: str = "en") -> pd.DataFrame:
    """One row per case (in the order given, default all) with the measures of `MEASURES`.

    Columns: `case_id`, `title` (in `lang`); `n_actors`, `n_links`, `n_tasks`; `chain_length`
    and `documented_chain_length` (`network.chain_length` on all links, then on the documented
    ones only); `n_intermediaries` and `intermediaries` (names in `lang`, from
    `network.intermediaries`, "; "-joined, " ; " in French); `n_countries`, `countries` (names
    in `lang`, sorted ignoring accents, joined likewise) and `n_actors_unknown_country`; `n_cross_border_links` (both
    ends known and different) and `n_links_unknown_country`; `share_preparation`,
    `share_verification`, `share_impersonation` (0..1 of the case's tasks,
    `functions.function_shares`); `n_unpaid` and `unpaid_share`; `share_documented`,
    `share_reported`, `share_inferred` (0..1 of the case's links,
    `functions.certainty_shares`). A case without tasks or links has shares 0. Unknown case ids
    raise `UnknownCase`.
    """
    chosen = dataset.only(case_ids) if case_ids is not None else dataset
    ids = list(case_ids) if case_ids is not None else dataset.case_ids
    titles = dict(zip(chosen.cases["case_id"], localized(chosen.cases, "title", lang)))
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
        names = dict(zip(actors["actor_id"], localized(actors, "name", lang)))
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
            "intermediaries": separator(lang).join(names[a] for a in middle),
            "n_countries": len(codes),
            "countries": separator(lang).join(sorted((country_name(c, lang) for c in codes),
                                          key=collation_key)),
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


def short_title(title: str) -> str:
    """A case title without its bracketed list of countries, for chart axes and headings."""
    head, sep, _ = str(title).partition(" (")
    return head if sep and head else str(title)


def _links(n: int, lang: str) -> str:
    return translate_count("compare.links", n, lang)


def longest_chain_answer(measures: pd.DataFrame, lang: str = "en") -> str:
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
        sentences.append(translate("compare.answer.no_chain", lang))
    elif len(leaders) == len(measures) > 1:
        sentences.append(translate("compare.answer.all_tie", lang, count=len(measures),
                                   links=_links(top, lang)))
    else:
        sentences.append(translate("compare.answer.longest", lang, links=_links(top, lang),
                                   cases=joined(leaders, lang)))
    doc = int(measures["documented_chain_length"].max())
    doc_leaders = measures.loc[measures["documented_chain_length"] == doc, "title"].tolist()
    if doc == 0:
        sentences.append(translate("compare.answer.no_documented", lang))
    else:
        only = len(doc_leaders) == 1 and len(measures) > 1
        key = ("compare.answer.documented_only" if only else
               "compare.answer.documented_one" if len(doc_leaders) == 1 else
               "compare.answer.documented_many")
        sentences.append(translate(key, lang, cases=joined(doc_leaders, lang),
                                   links=_links(doc, lang)))
    most = int(measures["n_intermediaries"].max())
    if most > 0:
        many = measures.loc[measures["n_intermediaries"] == most, "title"].tolist()
        sentences.append(translate("compare.answer.most_intermediaries", lang,
                                   cases=joined(many, lang), count=most))
    return " ".join(sentences)


def measure_cell(column: str, row: pd.Series, lang: str = "en") -> tuple[str, str]:
    """The value of a grid measure for one case ("3 links", "7 of 9"), and a line of detail
    under it (who the intermediaries are, which countries, links of unknown country)."""
    if column in ("chain_length", "documented_chain_length"):
        return _links(int(row[column]), lang), ""
    if column == "n_intermediaries":
        return str(int(row[column])), row["intermediaries"] or translate("compare.cell.none",
                                                                          lang)
    if column == "n_countries":
        detail = row["countries"] or translate("compare.cell.none_given", lang)
        if row["n_actors_unknown_country"]:
            detail += " " + translate_count("compare.cell.unknown_actors",
                                    int(row["n_actors_unknown_country"]), lang)
        return str(int(row[column])), detail
    if column == "n_cross_border_links":
        detail = ""
        if row["n_links_unknown_country"]:
            detail = translate_count("compare.cell.unknown_links", int(row["n_links_unknown_country"]),
                             lang)
        return translate("compare.cell.of", lang, part=int(row[column]),
                         whole=int(row["n_links"])), detail
    return str(row[column]), ""


def measures_table(measures: pd.DataFrame, lang: str = "en",
                   columns: list[str] | None = None) -> pd.DataFrame:
    """The measures (all, or only `columns`) with headers in `lang` (`compare.col.*`), shares
    rounded to 3 decimals and case titles shortened."""
    table = measures.copy()
    table["title"] = table["title"].map(short_title)
    for col in table.columns:
        if col.startswith("share_") or col == "unpaid_share":
            table[col] = table[col].round(3)
    if columns is not None:
        table = table[columns]
    return table.rename(columns={c: _column_header(c, lang) for c in table.columns})


def _column_header(column: str, lang: str) -> str:
    """`share_preparation` -> "Share of tasks: preparation" (the vocabulary's own label)."""
    if column in FUNCTION_SHARE_COLUMNS:
        return translate("compare.col.share_tasks", lang, function=vocab_label(
            "function", column.removeprefix("share_"), lang).lower())
    if column in CERTAINTY_SHARE_COLUMNS:
        return translate("compare.col.share_links", lang, certainty=vocab_label(
            "certainty", column.removeprefix("share_"), lang).lower())
    return translate(f"compare.col.{column}", lang)


def _label_by_case(frame: pd.DataFrame, titles: dict[str, str]) -> list[str]:
    return [short_title(titles.get(c, c)) for c in frame["case_id"]]


def function_share_table(shares: pd.DataFrame, titles: dict[str, str],
                         lang: str = "en") -> pd.DataFrame:
    """A `function_shares` frame for people: case, function (in `lang`), tasks, share."""
    return pd.DataFrame({
        translate("compare.col.title", lang): _label_by_case(shares, titles),
        translate("compare.col.function", lang): [vocab_label("function", f, lang)
                                                  for f in shares["function"]],
        translate("compare.col.n_tasks", lang): shares["n_tasks"].tolist(),
        translate("compare.col.share", lang): shares["share"].round(3).tolist(),
    })


def certainty_share_table(shares: pd.DataFrame, titles: dict[str, str],
                          lang: str = "en") -> pd.DataFrame:
    """A `certainty_shares` frame for people: case, certainty (in `lang`), links, share."""
    return pd.DataFrame({
        translate("compare.col.title", lang): _label_by_case(shares, titles),
        translate("compare.col.certainty", lang): [vocab_label("certainty", c, lang)
                                                   for c in shares["certainty"]],
        translate("compare.col.n_links", lang): shares["n_links"].tolist(),
        translate("compare.col.share", lang): shares["share"].round(3).tolist(),
    })


def function_summary(shares: pd.DataFrame, titles: dict[str, str], lang: str = "en") -> str:
    """The largest function of each case, with its share of the case's tasks."""
    data = shares[shares["n_tasks"] > 0]
    if data.empty:
        return translate("compare.functions.summary_none", lang)
    totals = data.groupby("case_id")["n_tasks"].sum()
    top = data.loc[data.groupby("case_id", sort=False)["share"].idxmax()]
    return translate("compare.functions.summary", lang, items=separator(lang).join(
        translate("compare.functions.summary_item", lang, case=short_title(titles.get(c, c)),
                  function=vocab_label("function", f, lang), share=format_percent(s, lang),
                  tasks=translate_count("compare.tasks", int(totals[c]), lang))
        for c, f, s in zip(top["case_id"], top["function"], top["share"])))


def unpaid_summary(measures: pd.DataFrame, lang: str = "en") -> str:
    """The unpaid share of each case's tasks ("1 of 8 (13%)")."""
    return translate("compare.unpaid.summary", lang, items=separator(lang).join(
        translate("compare.unpaid.summary_item", lang, case=short_title(t), part=int(u),
                  whole=int(n), share=format_percent(s, lang))
        for t, u, n, s in zip(measures["title"], measures["n_unpaid"], measures["n_tasks"],
                              measures["unpaid_share"])))


def certainty_summary(measures: pd.DataFrame, lang: str = "en") -> str:
    """The share of each case's links documented by a primary source."""
    return translate("compare.certainty.summary", lang, items=separator(lang).join(
        translate("compare.summary_item", lang, case=short_title(t),
                  value=format_percent(s, lang))
        for t, s in zip(measures["title"], measures["share_documented"])))


def small_chain_summary(row: pd.Series, lang: str = "en") -> str:
    """One case's small chain in a sentence: actors, links, longest chain, intermediaries."""
    return translate("compare.chains.summary", lang, case=short_title(row["title"]),
                     actors=translate_count("compare.actors", int(row["n_actors"]), lang),
                     links=_links(int(row["n_links"]), lang),
                     longest=_links(int(row["chain_length"]), lang),
                     documented=_links(int(row["documented_chain_length"]), lang),
                     intermediaries=translate_count("compare.intermediaries",
                                            int(row["n_intermediaries"]), lang))


# ---------------------------------------------------------------------------------------------
# Small chains


def _column_counts(layers: dict) -> dict[int, int]:
    counts: dict[int, int] = {}
    for lay, _ in layers.values():
        counts[lay] = counts.get(lay, 0) + 1
    return counts


def chain_extent(actors: pd.DataFrame, links: pd.DataFrame) -> tuple[int, int]:
    """(last column, most actors in one column) of a case's layout, to share scales across cases."""
    layers = network.layer_positions(actors, links)
    if not layers:
        return 0, 1
    counts = _column_counts(layers)
    return max(counts), max(counts.values())


def chain_small_frames(actors: pd.DataFrame, links: pd.DataFrame, lang: str = "en"
                       ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Nodes and edge points of one case's small chain, laid out by `network.layer_positions`.

    Nodes: `actor_id`, `name` (in `lang`), `label` (the name wrapped on lines of `LABEL_WIDTH`
    characters), `actor_type`, `type_label`, `country` (code), `country_name`, `certainty`,
    `certainty_label`, `x` (column), `y` (row, each column centred on 0). Edge points:
    `link_id`, `point` (0, 1[, 2]), `x`, `y`, `certainty`, `certainty_label`, `sentence`
    ("A outsources to B"): straight between neighbouring columns (either way), an arc over the
    top row (or under the bottom row, for a link in the lower half) for a link that skips
    columns or stays in one, so that it does not run through the actors between.
    """
    layers = network.layer_positions(actors, links)
    counts = _column_counts(layers)
    place = {a: (float(lay), order - (counts[lay] - 1) / 2) for a, (lay, order) in layers.items()}
    shown = localized(actors, "name", lang).tolist()
    names = dict(zip(actors["actor_id"], shown))
    nodes = pd.DataFrame({
        "actor_id": actors["actor_id"].tolist(),
        "name": shown,
        "label": ["\n".join(textwrap.wrap(str(n), LABEL_WIDTH)) for n in shown],
        "actor_type": actors["actor_type"].tolist(),
        "type_label": [vocab_label("actor_type", t, lang) for t in actors["actor_type"]],
        "country": actors["country"].tolist(),
        "country_name": [country_name(c, lang) for c in actors["country"]],
        "certainty": actors["certainty"].tolist(),
        "certainty_label": [vocab_label("certainty", c, lang) for c in actors["certainty"]],
        "x": [place.get(a, (0.0, 0.0))[0] for a in actors["actor_id"]],
        "y": [place.get(a, (0.0, 0.0))[1] for a in actors["actor_id"]],
    })
    top = min((y for _, y in place.values()), default=0.0)
    bottom = max((y for _, y in place.values()), default=0.0)
    points = []
    for lid, a, b, rel, cert in zip(links["link_id"], links["from_actor"], links["to_actor"],
                                    links["relation"], links["certainty"]):
        if a not in place or b not in place:
            continue
        (x1, y1), (x2, y2) = place[a], place[b]
        sentence = f"{names[a]} {vocab_label('relation', rel, lang)} {names[b]}"
        path = [(x1, y1)]
        if abs(x2 - x1) != 1:
            # An arc over the top row, or under the bottom row's names when the link starts and
            # ends in the lower half. A basis curve through three points peaks at
            # (y1 + 2 * control + y2) / 4.
            spread = 0.08 * max(abs(x2 - x1) - 2, 0)
            peak = (bottom + 0.75 + spread) if y1 + y2 > 0 else (top - 0.5 - spread)
            path.append(((x1 + x2) / 2 if x1 != x2 else x1 + 0.4, (4 * peak - y1 - y2) / 2))
        path.append((x2, y2))
        for i, (x, y) in enumerate(path):
            points.append({"link_id": lid, "point": i, "x": x, "y": y, "certainty": cert,
                           "certainty_label": vocab_label("certainty", cert, lang),
                           "sentence": sentence})
    edges = pd.DataFrame(points, columns=["link_id", "point", "x", "y", "certainty",
                                          "certainty_label", "sentence"])
    return nodes, edges
