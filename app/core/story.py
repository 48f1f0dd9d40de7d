"""A chain told step by step, for a presenter: from the product sold to the people doing the work.

Each step reveals the next column of the chain's left-to-right layout (the same layers as the
graph), with a one-sentence caption made from the links it reveals and the sources behind them.
Captions are worded in the language asked for, from the actors' names in that language and the
relations' verbs of the catalogue; citations stay in their original language.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from app.core import network
from app.core.geo import country_name
from app.core.i18n import (DEFAULT_LANGUAGE, localized, localized_value, relation_verb,
                           translate)
from app.core.sources import citation_lookup, citations_for


@dataclass(frozen=True)
class Step:
    """What is on screen at one step: actors and links shown so far, and what to say."""

    actor_ids: tuple[str, ...]
    link_ids: tuple[str, ...]
    caption: str
    sources: tuple[str, ...]
    certainties: tuple[str, ...]


def _name(actors: dict[str, pd.Series], actor_id: str, introduced: set[str], lang: str) -> str:
    """The actor's name, with its country the first time the story mentions it."""
    row = actors[actor_id]
    first = actor_id not in introduced
    introduced.add(actor_id)
    where = country_name(row["country"], lang) if row["country"] and first else ""
    return f"{row['name']} ({where})" if where else str(row["name"])


def listed(parts: list[str], lang: str) -> str:
    """'A, B and C' / 'A, B et C'."""
    and_ = translate("story.and", lang)
    if len(parts) <= 2:
        return and_.join(parts)
    return ", ".join(parts[:-1]) + and_ + parts[-1]


def _links_sentence(links: pd.DataFrame, actors: dict[str, pd.Series],
                    introduced: set[str], lang: str) -> str:
    """'A outsources to B and C; D recruits E.' from the links revealed at one step."""
    clauses = []
    for (from_actor, relation), group in links.groupby(["from_actor", "relation"], sort=False):
        verb = relation_verb(relation, actors[from_actor]["actor_type"], lang)
        subject = _name(actors, from_actor, introduced, lang)
        targets = listed([_name(actors, t, introduced, lang) for t in group["to_actor"]], lang)
        clauses.append(f"{subject} {verb} {targets}")
    text = translate("story.clause_separator", lang).join(clauses)
    return text[:1].upper() + text[1:] + "." if text else ""


def build_story(case_info: dict, actors: pd.DataFrame, links: pd.DataFrame,
                sources: pd.DataFrame, lang: str = DEFAULT_LANGUAGE) -> list[Step]:
    """The steps of one case's story in `lang`; the last step shows the whole chain.

    Names, the product and relation verbs are in `lang` (English, marked, where a translation
    is missing); sources are cited as they are.
    """
    if actors.empty:
        return []
    lookup = citation_lookup(sources)
    case_id = case_info["case_id"]
    named = actors.assign(name=localized(actors, "name", lang))
    by_id = {row["actor_id"]: row for _, row in named.iterrows()}
    layers = network.layer_positions(actors, links)
    columns = sorted({layer for layer, _ in layers.values()})
    steps: list[Step] = []
    shown: list[str] = []
    shown_links: list[str] = []
    introduced: set[str] = set()
    for index, column in enumerate(columns):
        new = [a for a, (layer, _) in sorted(layers.items(), key=lambda kv: kv[1])
               if layer == column]
        shown += new
        visible = set(shown)
        revealed = links[links["from_actor"].isin(visible) & links["to_actor"].isin(visible)
                         & ~links["link_id"].isin(shown_links)]
        shown_links += revealed["link_id"].tolist()
        if index == 0:
            # A sector map is said to be one before anything else (see vocab.SCOPES).
            start = ("story.start_sector" if case_info.get("scope") == "sector"
                     else "story.start")
            caption = translate(
                start, lang, product=localized_value(case_info, "product", lang),
                actors=listed([_name(by_id, a, introduced, lang) for a in new], lang))
            cited = actors[actors["actor_id"].isin(new)]
        else:
            caption = _links_sentence(revealed, by_id, introduced, lang) or translate(
                "story.also", lang,
                actors=listed([_name(by_id, a, introduced, lang) for a in new], lang))
            cited = revealed if not revealed.empty else actors[actors["actor_id"].isin(new)]
        citations = []
        for ids in cited["source_ids"]:
            for citation in citations_for(lookup, case_id, ids):
                if citation not in citations:
                    citations.append(citation)
        steps.append(Step(tuple(shown), tuple(shown_links), caption, tuple(citations),
                          tuple(sorted(set(cited["certainty"])))))
    return steps
