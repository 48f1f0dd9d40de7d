"""The steps of a presented view, one idea each: country flows, task functions, the comparison.

Pure pandas, like `app.core.story` for a chain: each step names what the view draws (`focus`),
says it in one caption in the language asked for, and lists the sources behind it. Captions
are made from the data and the message catalogue (`slides.*`); citations stay as they are.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from app.core import vocab
from app.core.compare import (MEASURES, certainty_summary, function_summary,
                              longest_chain_answer, measure_cell, short_title, unpaid_summary)
from app.core.flows import NO_FUNCTION, UNKNOWN_COUNTRY, aggregate_country_flows
from app.core.functions import function_counts, function_shares
from app.core.geo import country_name
from app.core.i18n import localized, translate, translate_count, vocab_label
from app.core.sources import citation_lookup, citations_for
from app.core.story import listed

# Country pairs told one by one; the last step draws them all and counts the rest.
MAX_PAIRS = 8
# Tasks named as examples of a function.
MAX_EXAMPLES = 2
WHOLE = ""  # the `focus` of a step that shows the whole view


@dataclass(frozen=True)
class Slide:
    """One step of a presented view: what it draws, its heading, what to say, and why."""

    focus: str  # a country pair "FR>MG", a function, a measure's column, or WHOLE
    heading: str
    caption: str
    sources: tuple[str, ...]
    certainties: tuple[str, ...]
    shown: tuple[str, ...] = ()  # the country pairs drawn so far (flows)
    note: str = ""  # said in smaller type under the caption (a measure's definition)


def _citations(lookup: dict, keyed_ids: list[tuple[str, str]]) -> tuple[str, ...]:
    """The citations of (case id, source ids) pairs, each once, in order of first use."""
    out: list[str] = []
    for case_id, ids in keyed_ids:
        for citation in citations_for(lookup, case_id, ids):
            if citation not in out:
                out.append(citation)
    return tuple(out)


def pair_key(from_country: str, to_country: str) -> str:
    return f"{from_country}>{to_country}"


def flow_slides(actors: pd.DataFrame, links: pd.DataFrame, tasks: pd.DataFrame,
                sources: pd.DataFrame, case_ids: list[str], lang: str) -> list[Slide]:
    """One step per commissioning -> performing country pair, biggest first (at most
    MAX_PAIRS), the map growing with each; the last step draws every flow."""
    flows = aggregate_country_flows(actors, links, tasks, cases=case_ids, by=[], lang=lang)
    if flows.empty:
        return []
    lookup = citation_lookup(sources)
    link_rows = links.assign(key=links["case_id"] + "/" + links["link_id"]).set_index("key")
    known = (flows["from_country"] != UNKNOWN_COUNTRY) & (flows["to_country"] != UNKNOWN_COUNTRY)
    cross = flows[known & ~flows["domestic"]]
    slides: list[Slide] = []
    shown: list[str] = []
    for _, row in cross.head(MAX_PAIRS).iterrows():
        keys = [k for k in row["link_ids"].split("; ") if k in link_rows.index]
        chosen = link_rows.loc[keys]
        pair = pair_key(row["from_country"], row["to_country"])
        shown.append(pair)
        relations = [vocab_label("relation", r, lang) for r in row["relations"].split("; ") if r]
        functions = [vocab_label("function", f, lang).lower()
                     for f in row["functions"].split("; ") if f and f != NO_FUNCTION]
        caption = translate("slides.flows.pair", lang, origin=row["from_name"],
                            destination=row["to_name"],
                            links=translate_count("flows.n_links", int(row["n_links"]), lang),
                            relations=listed(relations, lang))
        if functions:
            caption += " " + translate("slides.flows.pair_functions", lang,
                                       functions=listed(functions, lang))
        slides.append(Slide(
            pair, translate("slides.flows.pair_heading", lang, origin=row["from_name"],
                            destination=row["to_name"]),
            caption, _citations(lookup, list(zip(chosen["case_id"], chosen["source_ids"]))),
            tuple(c for c in vocab.CERTAINTIES if row[f"n_{c}"]), tuple(shown)))
    countries = set(flows["from_country"]) | set(flows["to_country"])
    countries.discard(UNKNOWN_COUNTRY)
    caption = translate("slides.flows.whole", lang,
                        links=translate_count("flows.n_links", int(flows["n_links"].sum()), lang),
                        countries=translate_count("flows.n_countries", len(countries), lang),
                        pairs=translate_count("slides.flows.n_pairs", len(cross), lang))
    if len(cross) > MAX_PAIRS:
        caption += " " + translate_count("slides.flows.more_pairs", len(cross) - MAX_PAIRS, lang)
    chosen = links[links["case_id"].isin(case_ids)]
    slides.append(Slide(
        WHOLE, translate("slides.flows.whole_heading", lang), caption,
        _citations(lookup, list(zip(chosen["case_id"], chosen["source_ids"])))[:MAX_PAIRS],
        tuple(c for c in vocab.CERTAINTIES if c in set(chosen["certainty"])),
        tuple(pair_key(a, b) for a, b in zip(flows["from_country"], flows["to_country"]))))
    return slides


def function_slides(actors: pd.DataFrame, tasks: pd.DataFrame, sources: pd.DataFrame,
                    case_ids: list[str], lang: str) -> list[Slide]:
    """The three functions of the tasks at a glance, then one step per function done in these
    cases: how many tasks, examples of them, where they are done, and the sources."""
    chosen = tasks[tasks["case_id"].isin(case_ids)]
    if chosen.empty:
        return []
    lookup = citation_lookup(sources)
    counts = function_counts(chosen)
    parts = [translate("slides.functions.count", lang,
                       tasks=translate_count("slides.n_tasks", n, lang),
                       function=translate(f"functions.of_function.{f}", lang,
                                          name=vocab_label("function", f, lang).lower()))
             for f, n in counts.items()]
    slides = [Slide(WHOLE, translate("slides.functions.whole_heading", lang),
                    translate("slides.functions.whole", lang,
                              tasks=translate_count("slides.n_tasks", len(chosen), lang),
                              counts=listed(parts, lang)),
                    (), ())]
    where = dict(zip(actors["case_id"] + "/" + actors["actor_id"], actors["country"]))
    named = chosen.assign(name=localized(chosen, "task", lang))
    for function, n in counts.items():
        if not n:
            continue
        rows = named[named["function"] == function]
        examples = [translate("slides.quoted", lang, text=name)
                    for name in list(dict.fromkeys(rows["name"]))[:MAX_EXAMPLES]]
        countries = sorted({country_name(c, lang) for c in
                            (rows["case_id"] + "/" + rows["actor_id"]).map(where).fillna("")
                            if c})
        label = vocab_label("function", function, lang)
        caption = translate("slides.functions.function", lang,
                            tasks=translate_count("slides.n_tasks", n, lang),
                            function=label, examples=listed(examples, lang))
        if countries:
            caption += " " + translate("slides.functions.countries", lang,
                                       countries=listed(countries, lang))
        slides.append(Slide(function, label, caption,
                            _citations(lookup, list(zip(rows["case_id"], rows["source_ids"]))),
                            tuple(c for c in vocab.CERTAINTIES if c in set(rows["certainty"]))))
    return slides


def compare_slides(measures: pd.DataFrame, tasks: pd.DataFrame, links: pd.DataFrame,
                   sources: pd.DataFrame, lang: str) -> list[Slide]:
    """One step per measure of the comparison (`app.core.compare.MEASURES`): its name, its
    definition, and what it says of each case. `measures` is a `compare_cases` frame."""
    if measures.empty:
        return []
    case_ids = list(measures["case_id"])
    titles = dict(zip(measures["case_id"], measures["title"].map(short_title)))
    chosen_tasks = tasks[tasks["case_id"].isin(case_ids)]
    shares = function_shares(chosen_tasks)
    n_sources = sources[sources["case_id"].isin(case_ids)].groupby("case_id").size()
    # One line for every case: how many sources its data rest on.
    cited = (translate("slides.compare.values_separator", lang).join(
        translate_count("slides.compare.case_sources", int(n_sources.get(c, 0)), lang,
                        case=titles[c]) for c in case_ids),)
    certainties = tuple(c for c in vocab.CERTAINTIES
                        if c in set(links.loc[links["case_id"].isin(case_ids), "certainty"]))
    short = measures.assign(title=measures["title"].map(short_title))
    said = {"chain_length": longest_chain_answer(short, lang),
            "function_shares": function_summary(shares, titles, lang),
            "unpaid_share": unpaid_summary(short, lang),
            "certainty_shares": certainty_summary(short, lang)}
    slides = []
    for measure in MEASURES:
        column = measure.column
        if column in said:
            values = said[column]
        else:
            values = translate("slides.compare.values_separator", lang).join(
                translate("slides.compare.value", lang, case=titles[row["case_id"]],
                          value=measure_cell(column, row, lang)[0])
                for _, row in measures.iterrows()) + "."
        slides.append(Slide(column, measure.label(lang), values, cited, certainties,
                            note=measure.definition(lang)))
    return slides
