"""The reference tables made readable: the platform inventory, the key figures and the sources.

Pure pandas and stdlib, for the platforms, key-figures and sources pages and their charts: where
to draw each platform on a map, how a figure reads ("over 1,000 USD million", "plus de
1 000 millions USD"), the display tables with full citations, and which rows cite a source.
Every text comes in the language asked for: interface words from the message catalogue,
vocabulary values through `vocab_label`, curated texts through `localized` (their `*_fr`
columns); citations stay in their original language.
"""

from __future__ import annotations

import math
import re
import textwrap
from collections.abc import Iterable, Mapping, Sequence

import pandas as pd

from app.core import network
from app.core.geo import country_centroids, country_name
from app.core.i18n import format_number, localized, translate, translate_count, vocab_label
from app.core.load import Dataset, Reference
from app.core.messages import MESSAGES
from app.core.sources import citation_lookup, citations_for, rows_citing
from app.core.tables import words
from app.core.text import escape_markdown, markdown_link
from app.core.validate import split_ids

REFERENCE = "reference"  # the `case_id` under which reference rows are cited
MAP_RADIUS = 4.5  # degrees between a country's centre and each of its platforms' dots
CASE_TABLES = ("actors", "links", "tasks")
REFERENCE_TABLES = ("platforms", "platform_links", "figures")
KEY_COLUMNS = {"actors": "actor_id", "links": "link_id", "tasks": "task_id",
               "platforms": "platform_id", "platform_links": "platform_link_id",
               "figures": "figure_id"}
_URL = re.compile(r"^https?://\S+$")
_NARROW_NBSP = "\u202f"


def _is_missing(value: object) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def separator(lang: str) -> str:
    """Between the items of a list in a sentence: "; " / " ; "."""
    return translate("sources.list_separator", lang)


def joined(items: Sequence[str], lang: str) -> str:
    """"A, B and C" / "A, B et C"."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + translate("compare.and", lang) + items[-1]


def _header(frame: pd.DataFrame, prefix: str, lang: str) -> pd.DataFrame:
    """Column keys (`platform`, `offer`...) as headers in `lang` (`prefix.platform`...)."""
    return frame.rename(columns={c: translate(f"{prefix}.{c}", lang) for c in frame.columns})


def header(prefix: str, column: str, lang: str) -> str:
    """One column header of a display table (`header("platforms.col", "notes", "fr")`)."""
    return translate(f"{prefix}.{column}", lang)


# ---------------------------------------------------------------------------------------------
# Citations


def reference_citations(sources: pd.DataFrame) -> dict[tuple[str, str], str]:
    """Citation lookup of the reference sources, for `app.core.sources.citations_for`."""
    return citation_lookup(sources.assign(case_id=REFERENCE))


def cite_rows(lookup: dict, source_ids: Iterable[str]) -> list[str]:
    """The full citations of each row's `source_ids`, " | "-joined, in the order cited."""
    return [" | ".join(citations_for(lookup, REFERENCE, ids)) for ids in source_ids]


def cited_keys(source_ids: Iterable[str], leave_out: Iterable[str] = ()) -> list[str]:
    """The distinct source keys of several `source_ids` cells, in the order first cited."""
    skip = set(leave_out)
    return [k for k in dict.fromkeys(k for ids in source_ids for k in split_ids(ids))
            if k not in skip]


def keyed_citations(lookup: dict, keys: Sequence[str], lang: str) -> str:
    """"S2: Tubaro, P. … | P9: Barraud …": each key with its full citation."""
    cites = citations_for(lookup, REFERENCE, ";".join(keys))
    return " | ".join(translate("sources.keyed_citation", lang, source=k, citation=c)
                      for k, c in zip(keys, cites))


# ---------------------------------------------------------------------------------------------
# Platforms


def offer_label(offer: str, lang: str) -> str:
    return vocab_label("offer_type", offer, lang)


def cluster_radius(n: int, radius: float = MAP_RADIUS) -> float:
    """Degrees between a country's centre and its platforms' dots: wider for more platforms."""
    return 0.0 if n <= 1 else radius * max(1.0, n / 4)


def platform_points(platforms: pd.DataFrame, centroids: pd.DataFrame | None = None,
                    radius: float = MAP_RADIUS, lang: str = "en") -> pd.DataFrame:
    """Where to draw each platform on a world map: its headquarters' country, spread out.

    The inventory gives cities but no coordinates, so each platform is placed at its
    country's centroid (`app.core.geo.country_centroids`); when a country has several, they sit
    on a circle around it (`cluster_radius`: `radius` degrees, wider from five platforms on),
    evenly spaced clockwise from the top in the order founded, then name: deterministic, so
    every load draws the same map. Adds `country_name` and `offer_label` (in `lang`),
    `n_in_country`, `lon`, `lat` (NaN for a country not on the map) and `country_lon`,
    `country_lat` (the centroid); sorted by founding year, then name.
    """
    if centroids is None:
        centroids = country_centroids()
    where = centroids.drop_duplicates("alpha2").set_index("alpha2")[["lon", "lat"]]
    frame = platforms.sort_values(["country", "founded", "name"]).copy()
    frame["country_name"] = [country_name(c, lang) for c in frame["country"]]
    frame["n_in_country"] = frame.groupby("country")["platform_id"].transform("size")
    frame["rank"] = frame.groupby("country").cumcount()
    frame["country_lon"] = [where["lon"].get(c, math.nan) for c in frame["country"]]
    frame["country_lat"] = [where["lat"].get(c, math.nan) for c in frame["country"]]
    lons, lats = [], []
    for n, i, lon, lat in zip(frame["n_in_country"], frame["rank"], frame["country_lon"],
                              frame["country_lat"]):
        if n <= 1:
            lons.append(lon)
            lats.append(lat)
            continue
        angle = math.pi / 2 - 2 * math.pi * i / n
        # Degrees of longitude shrink towards the poles: widen them so the circle stays round.
        stretch = 1 / max(math.cos(math.radians(lat)), 0.3) if not math.isnan(lat) else 1
        r = cluster_radius(n, radius)
        lons.append(lon + r * stretch * math.cos(angle))
        lats.append(lat + r * math.sin(angle))
    frame["lon"], frame["lat"] = lons, lats
    frame["offer_label"] = [offer_label(t, lang) for t in frame["offer_type"]]
    return frame.drop(columns="rank").sort_values(["founded", "name"]).reset_index(drop=True)


def country_labels(points: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One label per country holding a headquarters ("United States: 6"), placed below its
    cluster or above a lone dot so that neighbours' labels part: `text`, `label_lat`,
    `baseline` added to the first point of each country on the map."""
    hq = points[points["lon"].notna()].drop_duplicates("country")
    return hq.assign(
        text=[translate("platforms.map.country_count", lang, country=n, n=k)
              for n, k in zip(hq["country_name"], hq["n_in_country"])],
        label_lat=[lat - cluster_radius(k) - 3.5 if k > 1 else lat + 3.5
                   for lat, k in zip(hq["country_lat"], hq["n_in_country"])],
        baseline=["top" if k > 1 else "bottom" for k in hq["n_in_country"]])


def map_countries(involved: Iterable[str], lang: str,
                  centroids: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every country of the world map with its name in `lang` and whether it holds a
    headquarters: `iso_numeric` (the map's feature id), `alpha2`, `involved`, `country_name`
    (the map's own name for a feature with no ISO code)."""
    if centroids is None:
        centroids = country_centroids()
    ids = centroids[["iso_numeric", "alpha2", "name"]].drop_duplicates("iso_numeric")
    return pd.DataFrame({
        "iso_numeric": ids["iso_numeric"], "alpha2": ids["alpha2"],
        "involved": ids["alpha2"].isin(set(involved)),
        "country_name": [country_name(c, lang) if c else n
                         for c, n in zip(ids["alpha2"], ids["name"])],
    }).reset_index(drop=True)


def founded_before(platforms: pd.DataFrame, before: int) -> pd.DataFrame:
    """The platforms founded before the year `before`, oldest first (then by name)."""
    return platforms[platforms["founded"] < before].sort_values(["founded", "name"])


def founded_before_answer(platforms: pd.DataFrame, before: int, lang: str) -> str:
    """"Founded before 2000: Pactera (1995, Dalian), …", or that none of them was."""
    early = founded_before(platforms, before)
    if early.empty:
        return translate("platforms.answer.none_before", lang, year=str(before))
    named = [translate("platforms.answer.platform", lang, name=n, year=str(int(y)), city=c)
             for n, y, c in zip(early["name"], early["founded"], early["hq_city"])]
    return translate("platforms.answer.before", lang, year=str(before),
                     platforms=joined(named, lang))


def timeline_summary(platforms: pd.DataFrame, before: int, lang: str) -> str:
    """The answer about `before`, and the newest platform shown."""
    newest = platforms.sort_values(["founded", "name"]).iloc[-1]
    return translate("platforms.timeline.summary", lang,
                     answer=founded_before_answer(platforms, before, lang), name=newest["name"],
                     year=str(int(newest["founded"])))


def headquarters_summary(points: pd.DataFrame, lang: str) -> str:
    """Headquarters by country, most first ("United States 6, France 2, …")."""
    by_country = points.drop_duplicates("country").sort_values(
        ["n_in_country", "country_name"], ascending=[False, True])
    return translate("platforms.map.summary", lang, countries=", ".join(
        translate("platforms.map.country_count", lang, country=n, n=k)
        for n, k in zip(by_country["country_name"], by_country["n_in_country"])))


def offer_counts(platforms: pd.DataFrame, offer_types: Sequence[str], lang: str) -> pd.DataFrame:
    """How many platforms of each offer type (in `offer_types` order, empty ones left out):
    `offer_type`, `offer_label`, `n_platforms`, `names` (oldest first)."""
    rows = []
    for offer in offer_types:
        mine = platforms[platforms["offer_type"] == offer].sort_values(["founded", "name"])
        if len(mine):
            rows.append({"offer_type": offer, "offer_label": offer_label(offer, lang),
                         "n_platforms": len(mine), "names": ", ".join(mine["name"])})
    return pd.DataFrame(rows, columns=["offer_type", "offer_label", "n_platforms", "names"])


def offer_summary(counts: pd.DataFrame, lang: str) -> str:
    return translate("platforms.offer.summary", lang, offers=separator(lang).join(
        translate("platforms.offer.count", lang, offer=label, n=n)
        for label, n in zip(counts["offer_label"], counts["n_platforms"])))


def links_between(platform_links: pd.DataFrame, platform_ids: Iterable[str]) -> pd.DataFrame:
    """The relations whose both ends are among `platform_ids`."""
    shown = set(platform_ids)
    return platform_links[platform_links["from_platform"].isin(shown)
                          & platform_links["to_platform"].isin(shown)]


def relation_sentences(platforms: pd.DataFrame, platform_links: pd.DataFrame,
                       lang: str) -> list[str]:
    """Each relation as its sentence: "Clixsense gives access to Figure Eight"."""
    names = dict(zip(platforms["platform_id"], platforms["name"]))
    return [f"{names.get(a, a)} {vocab_label('platform_relation', r, lang)} {names.get(b, b)}"
            for a, r, b in zip(platform_links["from_platform"], platform_links["relation"],
                               platform_links["to_platform"])]


def platform_relations_frames(platforms: pd.DataFrame, platform_links: pd.DataFrame,
                              lang: str = "en") -> tuple[pd.DataFrame, pd.DataFrame]:
    """Nodes and edges of the relations between platforms, laid out left to right.

    Only platforms that take part in a relation are drawn. Columns are placed by
    `app.core.network.layer_positions` (the platforms read as actors of one chain, each
    relation as a link in its sentence direction), rows centred on 0. Edges carry `sentence`
    ("Clixsense gives access to Figure Eight"), `verb`, `certainty` (the code) and
    `certainty_label`, the midpoint (`mid_x`, `mid_y`) and an arrow head (`head_x`,
    `head_shape`) just short of the target, pointing the way the sentence reads.
    """
    names = dict(zip(platforms["platform_id"], platforms["name"]))
    links = links_between(platform_links, names)
    ids = list(dict.fromkeys([*links["from_platform"], *links["to_platform"]]))
    actors = pd.DataFrame({"actor_id": ids, "actor_type": "platform"})
    as_links = pd.DataFrame({"from_actor": links["from_platform"].tolist(),
                             "to_actor": links["to_platform"].tolist(),
                             "relation": "outsources_to"})
    layers = network.layer_positions(actors, as_links) if ids else {}
    counts: dict[int, int] = {}
    for lay, _ in layers.values():
        counts[lay] = counts.get(lay, 0) + 1
    place = {a: (float(lay), order - (counts[lay] - 1) / 2) for a, (lay, order) in layers.items()}
    offer = dict(zip(platforms["platform_id"], platforms["offer_type"]))
    nodes = pd.DataFrame({
        "platform_id": ids, "name": [names[i] for i in ids],
        "offer_type": [offer[i] for i in ids],
        "x": [place[i][0] for i in ids], "y": [place[i][1] for i in ids],
    })
    edges = pd.DataFrame({
        "platform_link_id": links["platform_link_id"].tolist(),
        "x": [place[a][0] for a in links["from_platform"]],
        "y": [place[a][1] for a in links["from_platform"]],
        "x2": [place[b][0] for b in links["to_platform"]],
        "y2": [place[b][1] for b in links["to_platform"]],
        "verb": [vocab_label("platform_relation", r, lang) for r in links["relation"]],
        "sentence": relation_sentences(platforms, links, lang),
        "certainty": links["certainty"].tolist(),
        "certainty_label": [vocab_label("certainty", c, lang) for c in links["certainty"]],
    })
    edges["mid_x"] = (edges["x"] + edges["x2"]) / 2
    edges["mid_y"] = (edges["y"] + edges["y2"]) / 2
    edges["head_x"] = edges["x2"] - 0.09 * (edges["x2"] - edges["x"]).map(
        lambda d: 0 if d == 0 else math.copysign(1, d))
    edges["head_shape"] = ["triangle-left" if x2 < x else "triangle-right"
                           for x, x2 in zip(edges["x"], edges["x2"])]
    return nodes, edges


PLATFORM_COLUMNS = ("platform", "offer", "headquarters", "country", "founded", "notes",
                    "certainty", "sources")


def platform_table(platforms: pd.DataFrame, sources: pd.DataFrame, lang: str = "en",
                   columns: Sequence[str] = PLATFORM_COLUMNS) -> pd.DataFrame:
    """The inventory as a readable table, oldest first: platform, offer, headquarters, country,
    year founded, notes (in `lang`), certainty and full citations; only `columns`, headed in
    `lang` (`platforms.col.*`)."""
    lookup = reference_citations(sources)
    data = platforms.sort_values(["founded", "name"])
    table = pd.DataFrame({
        "platform": data["name"],
        "offer": [offer_label(t, lang) for t in data["offer_type"]],
        "headquarters": data["hq_city"],
        "country": [country_name(c, lang) for c in data["country"]],
        "founded": data["founded"],
        "notes": localized(data, "notes", lang),
        "certainty": [vocab_label("certainty", c, lang) for c in data["certainty"]],
        "sources": cite_rows(lookup, data["source_ids"]),
    }).reset_index(drop=True)
    return _header(table[list(columns)], "platforms.col", lang)


def platform_relation_table(platforms: pd.DataFrame, platform_links: pd.DataFrame,
                            sources: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """The relations as sentences "X gives access to Y", with the source's words (in `lang`),
    certainty and full citations."""
    lookup = reference_citations(sources)
    table = pd.DataFrame({
        "relation": relation_sentences(platforms, platform_links, lang),
        "says": localized(platform_links, "description", lang).tolist(),
        "certainty": [vocab_label("certainty", c, lang) for c in platform_links["certainty"]],
        "sources": cite_rows(lookup, platform_links["source_ids"]),
    })
    return _header(table, "platforms.col", lang)


# ---------------------------------------------------------------------------------------------
# Key figures


def topic_title(topic: str, lang: str = "en") -> str:
    """A figure topic as a heading: the catalogue's title, else the key in words."""
    key = f"figures.topic.{topic}"
    return translate(key, lang) if key in MESSAGES else words(str(topic)).capitalize()


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", str(text).lower()).strip("_")


def unit_text(unit: str, lang: str = "en", value: object = None) -> str:
    """A figure's unit in `lang` ("EUR per month" / "EUR par mois"); an unknown one as given.

    A counted unit agrees with `value` ("1 hour", "1.5 hours"; French "1,5 heure", singular
    below 2); without a value it is plural.
    """
    key = f"figures.unit.{_slug(unit)}"
    if f"{key}.other" in MESSAGES:
        return translate_count(key, 2 if _is_missing(value) else float(value), lang)
    return translate(key, lang) if key in MESSAGES else str(unit)


def figure_number(value: object, lang: str = "en") -> str:
    """A figure's number as the source gives it: "14,903", "56.1", "0.01" (French: "14 903",
    "56,1", "0,01"); at most two decimals, trailing zeros dropped; "" when missing."""
    if _is_missing(value):
        return ""
    value = float(value)
    if value.is_integer():
        return format_number(value, lang, 0)
    decimals = len(f"{value:.2f}".rstrip("0").split(".")[1])
    return format_number(value, lang, decimals)


def figure_value_text(value: object, value_max: object, unit: str, qualifier: str,
                      lang: str = "en") -> str:
    """A figure as it reads: "over 1,000 USD million", "96–126 EUR per month", "56.1%";
    in French "plus de 1 000 millions USD", "96–126 EUR par mois", "56,1 %"."""
    number = figure_number(value, lang)
    if not _is_missing(value_max):
        number = f"{number}–{figure_number(value_max, lang)}"
    if unit == "percent":
        text = f"{number}{_NARROW_NBSP}%" if lang == "fr" else f"{number}%"
    else:
        last = value if _is_missing(value_max) else value_max
        text = f"{number} {unit_text(unit, lang, last)}"
    if qualifier in ("", "exact"):
        return text
    return f"{vocab_label('qualifier', qualifier, lang)} {text}"


def figure_texts(figures: pd.DataFrame, lang: str = "en") -> list[str]:
    """Each figure as it reads; one that its source gives only in words (`value_text`: "a few
    dollars per image") reads in those words, not as the number we place it at on a chart."""
    words = localized(figures, "value_text", lang)
    return [w or figure_value_text(v, m, u, q, lang) for w, v, m, u, q in zip(
        words, figures["value"], figures["value_max"], figures["unit"], figures["qualifier"])]


def figure_rows(figures: pd.DataFrame, sources: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """The figures in `lang`: `label`, `scope` and `dispute` localized (the English columns
    kept as `label_en`...), and added: `text` (the value as it reads), `unit_label`,
    `kind_label`, `certainty_label`, `name` (the label shortened to one line), `citations`
    (full) and `market` (the label without its trailing
    "(forecast)", to group a forecast with the measurement it extends)."""
    lookup = reference_citations(sources)
    out = figures.assign(
        label_en=figures["label"], scope_en=figures["scope"], dispute_en=figures["dispute"],
        label=localized(figures, "label", lang), scope=localized(figures, "scope", lang),
        dispute=localized(figures, "dispute", lang).where(figures["dispute"] != "", ""),
        text=figure_texts(figures, lang),
        unit_label=[unit_text(u, lang) for u in figures["unit"]],
        kind_label=[vocab_label("figure_kind", k, lang) for k in figures["kind"]],
        certainty_label=[vocab_label("certainty", c, lang) for c in figures["certainty"]],
        citations=cite_rows(lookup, figures["source_ids"]),
    )
    out["name"] = [textwrap.shorten(str(n), 60) for n in out["label"]]
    forecast = out["kind"] == "forecast"
    out["market"] = out["label"].where(
        ~forecast, out["label"].str.replace(r"\s*\([^()]*\)\s*$", "", regex=True))
    return out


FIGURE_COLUMNS = ("topic", "figure", "reads", "value", "value_max", "unit", "qualifier", "year",
                  "scope", "kind", "dispute", "certainty", "sources")
FIGURE_COLUMNS_BRIEF = tuple(c for c in FIGURE_COLUMNS if c not in ("topic", "value",
                                                                      "value_max"))


def figure_table(figures: pd.DataFrame, sources: pd.DataFrame, lang: str = "en",
                 columns: Sequence[str] = FIGURE_COLUMNS) -> pd.DataFrame:
    """Every figure grouped by topic: value as it reads, value, upper bound, unit, qualifier,
    year, scope, kind, dispute, certainty and full citations, in `lang`.

    Topics keep the order of their first row; only `columns` (keys of `FIGURE_COLUMNS`), headed
    in `lang` (`figures.col.*`).
    """
    rows = figure_rows(figures, sources, lang)
    rank = {t: i for i, t in enumerate(dict.fromkeys(rows["topic"]))}
    rows = rows.assign(_rank=rows["topic"].map(rank)).sort_values("_rank", kind="stable")
    table = pd.DataFrame({
        "topic": [topic_title(t, lang) for t in rows["topic"]],
        "figure": rows["label"],
        "reads": rows["text"],
        "value": rows["value"],
        "value_max": rows["value_max"],
        "unit": rows["unit_label"],
        "qualifier": [vocab_label("qualifier", q, lang) for q in rows["qualifier"]],
        "year": rows["year"],
        "scope": rows["scope"],
        "kind": rows["kind_label"],
        "dispute": rows["dispute"],
        "certainty": [vocab_label("certainty", c, lang) for c in rows["certainty"]],
        "sources": rows["citations"],
    }).reset_index(drop=True)
    return _header(table[list(columns)], "figures.col", lang)


def dispute_sources(row: pd.Series) -> list[str]:
    """The row's sources that its (English) dispute names (e.g. P9), else all its sources."""
    keys = split_ids(row["source_ids"])
    dispute = str(row.get("dispute_en", row["dispute"]))
    named = [k for k in keys if re.search(rf"\b{re.escape(k)}\b", dispute)]
    return named or keys


def figure_summary(rows: pd.DataFrame, lang: str) -> str:
    """"Label: value; label: value." in the rows' order."""
    return translate("figures.summary", lang, items=separator(lang).join(
        translate("figures.summary_item", lang, label=label, text=text)
        for label, text in zip(rows["label"], rows["text"])))


def by_source_summary(rows: pd.DataFrame, lang: str) -> str:
    """"P3: 96–126 EUR per month; P5: 90–120 EUR per month." (figures that differ by source)."""
    return translate("figures.summary", lang, items=separator(lang).join(
        translate("figures.summary_item", lang, label=ids.replace(";", ", "), text=text)
        for ids, text in zip(rows["source_ids"], rows["text"])))


def differing_figures(rows: pd.DataFrame, lang: str) -> str:
    """"P3 gives 96–126 EUR per month; P5 gives 90–120 EUR per month"."""
    return separator(lang).join(translate("figures.pay.gives", lang, sources=ids.replace(";", ", "),
                               text=text)
                     for ids, text in zip(rows["source_ids"], rows["text"]))


def funnel_rows(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Nested counts, widest first, with `disputed` and `number` ("266,126 (disputed)")."""
    data = rows.sort_values("value", ascending=False).copy()
    data["disputed"] = data["dispute"].astype(str) != ""
    data["number"] = [figure_number(v, lang) + (translate("figures.funnel.disputed", lang)
                                                if d else "")
                      for v, d in zip(data["value"], data["disputed"])]
    return data


def range_rows(rows: pd.DataFrame) -> pd.DataFrame:
    """Ranges named by their sources ("P3: Monthly pay …"), upper bound filled by the value."""
    data = rows.copy()
    data["value_max"] = data["value_max"].astype("Float64").fillna(data["value"])
    data["row"] = [f"{ids.replace(';', ', ')}: {label}" for ids, label in
                   zip(data["source_ids"], data["label"])]
    return data


def market_rows(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Market sizes grouped by market: `forecast`, `year_label`, `name` (wrapped) and `tag`
    ("over 1,000 USD million (2023, industry forecast)")."""
    data = rows.copy()
    data["forecast"] = data["kind"] == "forecast"
    data["year_label"] = ["" if _is_missing(y) else str(int(y)) for y in data["year"]]
    data["tag"] = [translate("figures.market.tag_forecast" if f else "figures.market.tag", lang,
                             text=t, year=y)
                   for t, y, f in zip(data["text"], data["year_label"], data["forecast"])]
    data["name"] = ["\n".join(textwrap.wrap(m, 28)) for m in data["market"]]
    return data


def market_summary(rows: pd.DataFrame, lang: str) -> str:
    return translate("figures.summary", lang, items=separator(lang).join(
        translate("figures.summary_item", lang, label=label, text=tag)
        for label, tag in zip(rows["market"], rows["tag"])))


def price_rows(rows: pd.DataFrame) -> pd.DataFrame:
    """Unit prices: upper bound filled by the value, `name` shortened to one line."""
    data = rows.copy()
    data["value_max"] = data["value_max"].astype("Float64").fillna(data["value"])
    data["name"] = [textwrap.shorten(str(n), 62) for n in data["label"]]
    return data


# ---------------------------------------------------------------------------------------------
# Sources and the rows citing them


def citing_frames(dataset: Dataset, reference: Reference | None
                  ) -> dict[str, dict[str, pd.DataFrame]]:
    """The tables that cite sources, by where they come from (a case id or `REFERENCE`)."""
    out: dict[str, dict[str, pd.DataFrame]] = {}
    for case_id in dataset.case_ids:
        out[case_id] = {t: getattr(dataset, t)[getattr(dataset, t)["case_id"] == case_id]
                        for t in CASE_TABLES}
    if reference is not None:
        out[REFERENCE] = {t: getattr(reference, t).assign(case_id=REFERENCE)
                          for t in REFERENCE_TABLES}
    return out


def all_sources(dataset: Dataset, reference: Reference | None) -> pd.DataFrame:
    """Every source of every case and of the reference tables, `case_id` saying where from."""
    parts = [dataset.sources]
    if reference is not None:
        parts.append(reference.sources.assign(case_id=REFERENCE))
    return pd.concat(parts, ignore_index=True)


def source_counts(frames: dict[str, dict[str, pd.DataFrame]], sources: pd.DataFrame
                  ) -> pd.DataFrame:
    """How many rows of each table cite each source, per origin: `source_id`, `origin`,
    `table`, `rows` (`app.core.sources.rows_citing` for each source)."""
    counts = []
    for origin, source_id in zip(sources["case_id"], sources["source_id"]):
        for table, n in rows_citing(frames.get(origin, {}), origin, source_id).items():
            counts.append({"source_id": source_id, "origin": origin, "table": table, "rows": n})
    return pd.DataFrame(counts, columns=["source_id", "origin", "table", "rows"])


def safe_url(value: object) -> str | None:
    """The URL when it is a plain http(s) address, else None (shown as an empty cell)."""
    text = "" if _is_missing(value) else str(value or "").strip()
    return text if _URL.match(text) else None


def origin_label(origin: str, lang: str) -> str:
    """Where rows come from: a case id as it is, the reference tables by name."""
    return translate("sources.reference_tables", lang) if origin == REFERENCE else origin


def table_label(table: str, lang: str) -> str:
    """A table's name in `lang` ("platform relations" / "relations entre plateformes")."""
    key = f"sources.table.{table}"
    return translate(key, lang) if key in MESSAGES else words(table)


def counts_text(counts: dict[str, int], lang: str) -> str:
    """"8 actors, 9 links, 1 task" / "8 acteurs, 9 liens, 1 tâche" (tables with no row left out)."""
    parts = []
    for table, n in counts.items():
        if n:
            key = f"sources.count.{table}"
            parts.append(translate_count(key, n, lang) if f"{key}.one" in MESSAGES
                         else f"{n} {words(table)}")
    return ", ".join(parts)


def key_order(key: str) -> tuple:
    """S0, S1 … before P1, P2 …: letters first, then the number as a number."""
    match = re.match(r"^([A-Za-z]*)(\d*)", key)
    letters, digits = (match.group(1), match.group(2)) if match else (key, "")
    return ({"S": 0, "P": 1}.get(letters, 2), letters, int(digits) if digits else 0, key)


SOURCE_COLUMNS = ("key", "citation", "year", "kind", "link", "rows", "cited_in", "note")


def source_records(sources: pd.DataFrame, counts: pd.DataFrame, lang: str = "en"
                   ) -> pd.DataFrame:
    """One row per source text (`SOURCE_COLUMNS`): key, citation (as published), year, kind,
    link (http(s) only, else None), how many rows cite it, where ("voice-assistant: 2 tasks;
    Reference tables: 1 figure") and the note (in `lang`); keys in `key_order`."""
    rows = []
    notes = localized(sources, "note", lang)
    for (source_id, citation), group in sources.groupby(["source_id", "citation"], sort=False):
        first = group.iloc[0]
        mine = counts[counts["source_id"] == source_id]
        where = []
        for origin in group["case_id"]:
            here = mine[mine["origin"] == origin]
            text = counts_text(dict(zip(here["table"], here["rows"])), lang)
            where.append(translate("sources.where", lang, origin=origin_label(origin, lang),
                                   counts=text or translate("sources.no_row", lang)))
        rows.append({
            "key": source_id, "citation": citation, "year": first["year"],
            "kind": vocab_label("source_kind", first["kind"], lang),
            "link": safe_url(first["url"]),
            "rows": int(mine[mine["origin"].isin(group["case_id"])]["rows"].sum()),
            "cited_in": separator(lang).join(where), "note": notes.loc[group.index[0]],
        })
    table = pd.DataFrame(rows, columns=list(SOURCE_COLUMNS))
    table = table.iloc[sorted(range(len(table)), key=lambda i: key_order(table["key"].iloc[i]))]
    return table.reset_index(drop=True)


def source_table(records: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """`source_records` (made in `lang`) headed in `lang` (`sources.col.*`): the list of
    sources as a table."""
    return _header(records, "sources.col", lang)


def source_heading(record: Mapping[str, object]) -> str:
    """"S2 · Article · 2019": a `source_records` row's key, kind and year (when known), as
    Markdown that shows the data's text literally."""
    parts = [record["key"], record["kind"]]
    if not _is_missing(record["year"]):
        parts.append(int(record["year"]))
    return " · ".join(escape_markdown(str(p)) for p in parts if str(p))


def source_entry(record: Mapping[str, object], lang: str) -> str:
    """A `source_records` row as two Markdown paragraphs: the full citation and its link
    (http(s) only); then the note, and where and how often it is cited. Every text from the
    data is escaped, so a citation cannot turn into a link, an image or HTML."""
    citation = [escape_markdown(record["citation"])]
    if not _is_missing(record["link"]) and record["link"]:
        link = str(record["link"])
        citation.append(markdown_link(re.sub(r"^https?://", "", link), link))
    about = []
    note = "" if _is_missing(record["note"]) else str(record["note"]).strip()
    if note:
        about.append(translate("sources.entry.note", lang, note=escape_markdown(note)))
    about.append(translate(
        "sources.entry.cited_in", lang, where=escape_markdown(record["cited_in"]),
        rows=translate_count("sources.rows_count", int(record["rows"]), lang)))
    return "  \n".join(citation) + "\n\n" + "  \n".join(about)


def _row_texts(table: str, frame: pd.DataFrame, names: dict[str, str], lang: str) -> list[str]:
    if table in ("actors", "platforms"):
        return (localized(frame, "name", lang) if table == "actors" else frame["name"]).tolist()
    if table == "links":
        return [f"{names.get(a, a)} {vocab_label('relation', r, lang)} {names.get(b, b)}"
                for a, r, b in zip(frame["from_actor"], frame["relation"], frame["to_actor"])]
    if table == "tasks":
        return localized(frame, "task", lang).tolist()
    if table == "platform_links":
        return [f"{a} {vocab_label('platform_relation', r, lang)} {b}" for a, r, b in
                zip(frame["from_platform"], frame["relation"], frame["to_platform"])]
    if table == "figures":
        return [translate("figures.summary_item", lang, label=label, text=text)
                for label, text in zip(localized(frame, "label", lang),
                                       figure_texts(frame, lang))]
    return [""] * len(frame)


def citing_rows(frames: dict[str, dict[str, pd.DataFrame]], source_id: str,
                origins: Sequence[str], lang: str = "en") -> pd.DataFrame:
    """Every row (of the given origins) whose `source_ids` cites the source, in words: where,
    table, row key, what it says ("Italian company supervises Workers in France") and its
    certainty, headed in `lang` (`sources.col.*`)."""
    rows = []
    for origin in origins:
        tables = frames.get(origin, {})
        actors = tables.get("actors")
        names = (dict(zip(actors["actor_id"], localized(actors, "name", lang)))
                 if actors is not None else {})
        for table, frame in tables.items():
            mine = frame[frame["source_ids"].map(lambda ids: source_id in split_ids(ids))]
            for key, text, cert in zip(mine[KEY_COLUMNS[table]],
                                       _row_texts(table, mine, names, lang), mine["certainty"]):
                rows.append({"where": origin_label(origin, lang),
                             "table": table_label(table, lang), "row": key, "what": text,
                             "certainty": vocab_label("certainty", cert, lang)})
    return _header(pd.DataFrame(rows, columns=["where", "table", "row", "what", "certainty"]),
                   "sources.col", lang)


def download_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A table as its CSV file holds it: no `case_id` column, booleans as true/false."""
    out = frame.drop(columns=["case_id"], errors="ignore").copy()
    for col in out.columns:
        if out[col].dtype == bool:
            out[col] = out[col].map({True: "true", False: "false"})
    return out
