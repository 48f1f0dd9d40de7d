"""Country-to-country flows of data work: who commissions whom, from where to where.

Design (read this before drawing an arrow):

- Every link becomes one flow from the country of its `from_actor` to the country of its
  `to_actor`, in the direction of the link's sentence "from RELATION to". For the commissioning
  relations (outsources_to, recruits, sells_to, supervises, operates) that is from the
  commissioning country to the performing one. For `supplies_data` it is the other way round:
  the link reads "end users supply data to the firm", so the flow goes from where the data is
  produced to the firm that uses it. The direction is kept as in the link, never flipped, so a
  flow always reads like its source row.
- The *performing* side of a link is its `to_actor`, except for `supplies_data`, where it is
  the `from_actor` (the people whose inputs are the data). A link carries the function(s) of
  the tasks done under it (`tasks.link_id`) plus those of tasks that its performing actor does
  without naming a link. A link with no task gets the function "none". A link whose tasks serve
  two functions appears in both function rows (so `n_links` must not be summed across
  functions: use the `link_ids` column or `od_matrix`, which count each link once).
- An actor without a country is the explicit unknown bucket: its code stays "" (named "Unknown"
  / "Inconnu"), it is counted and listed, never dropped; it just has no place on the map.
- The certainty of an aggregated flow is the weakest certainty of its links (documented is
  stronger than reported, which is stronger than inferred); the counts per certainty are kept.
- Antimeridian: the map draws straight segments between projected points, and d3 wraps every
  longitude back into +-180, so shifting an endpoint by 360 degrees would not help. A flow whose
  endpoints are more than 180 degrees of longitude apart (US <-> China, US <-> Japan) is drawn
  the short way, across the Pacific, as two segments that meet the map's edge at +-180
  (`flow_segments`, column `segment`). `crosses_antimeridian` flags such flows.
"""

from __future__ import annotations

from collections.abc import Iterable

import unicodedata

import numpy as np
import pandas as pd

from app.core import vocab
from app.core.geo import country_centroids, country_name

NO_FUNCTION = "none"
UNKNOWN_COUNTRY = ""
# Strongest first, as in the vocabulary.
CERTAINTY_ORDER: tuple[str, ...] = tuple(vocab.CERTAINTIES)
GROUPINGS = ("case_id", "function", "relation")
# Where an arc meets the map's edge: a hair inside +-180 so d3 keeps it on the right side.
EDGE_LON = 179.999

FLOW_COLUMNS_AFTER_KEYS = [
    "n_links", "n_tasks", "workers", "certainty",
    *[f"n_{c}" for c in CERTAINTY_ORDER],
    "domestic", "cases", "n_cases", "relations", "functions", "link_ids",
    "from_name", "to_name", "from_lon", "from_lat", "to_lon", "to_lat", "crosses_antimeridian",
]


def weakest_certainty(values: Iterable[str]) -> str:
    """The weakest of some certainties (inferred < reported < documented); "" if none."""
    known = [v for v in values if v in CERTAINTY_ORDER]
    return max(known, key=CERTAINTY_ORDER.index) if known else ""


def collation_key(name: str) -> str:
    """A sort key that files "États-Unis" under E, not after Z: accents and case ignored."""
    plain = unicodedata.normalize("NFKD", name)
    return "".join(c for c in plain if not unicodedata.combining(c)).casefold()


def _as_set(values) -> set[str] | None:
    if values is None:
        return None
    if isinstance(values, str):
        return {values}
    return set(values)


def _join(values: Iterable[str], order: Iterable[str] | None = None) -> str:
    unique = {v for v in values if isinstance(v, str) and v}
    if order is not None:
        rank = {v: i for i, v in enumerate(order)}
        return "; ".join(sorted(unique, key=lambda v: (rank.get(v, len(rank)), v)))
    return "; ".join(sorted(unique))


def _link_functions(links: pd.DataFrame, tasks: pd.DataFrame) -> pd.DataFrame:
    """(case_id, link_id, function, task_id) for every task a link carries; task_id "" if none."""
    cols = ["case_id", "link_id", "function", "task_id"]
    t = tasks[["case_id", "task_id", "actor_id", "link_id", "function"]]
    under_link = t[t["link_id"] != ""][cols]
    loose = t[t["link_id"] == ""].drop(columns="link_id")
    by_performer = links[["case_id", "link_id", "performer"]].merge(
        loose, left_on=["case_id", "performer"], right_on=["case_id", "actor_id"]
    )[cols]
    pairs = pd.concat([under_link, by_performer], ignore_index=True).drop_duplicates()
    pairs = pairs.merge(links[["case_id", "link_id"]], on=["case_id", "link_id"])
    without = links[["case_id", "link_id"]].merge(
        pairs[["case_id", "link_id"]].drop_duplicates(), how="left", indicator=True
    )
    without = without[without["_merge"] == "left_only"][["case_id", "link_id"]]
    without = without.assign(function=NO_FUNCTION, task_id="")
    return pd.concat([pairs, without], ignore_index=True)


def _empty_flows(keys: list[str]) -> pd.DataFrame:
    frame = pd.DataFrame(columns=["from_country", "to_country", *keys, *FLOW_COLUMNS_AFTER_KEYS])
    return frame.astype({"n_links": "int64", "n_tasks": "int64", "workers": "Int64",
                         "domestic": "bool", "n_cases": "int64", "crosses_antimeridian": "bool",
                         **{f"n_{c}": "int64" for c in CERTAINTY_ORDER}})


def aggregate_country_flows(
    actors: pd.DataFrame,
    links: pd.DataFrame,
    tasks: pd.DataFrame,
    *,
    functions: Iterable[str] | None = None,
    relations: Iterable[str] | None = None,
    certainties: Iterable[str] | None = None,
    cases: Iterable[str] | None = None,
    by: str | Iterable[str] = ("function",),
    centroids: pd.DataFrame | None = None,
    lang: str = "en",
) -> pd.DataFrame:
    """Aggregate the links of the chains into flows between countries, one row per group.

    Groups are (`from_country`, `to_country`, *by*), *by* drawn from "case_id", "function"
    (a task function or "none") and "relation"; the default is by function. Filters keep only
    the given functions, link relations, link certainties and cases (None = all). Columns after
    the keys: `n_links` (distinct links), `n_tasks` (distinct tasks carried), `workers` (Int64:
    summed headcount of the distinct performing actors whose headcount is known; <NA> if none),
    `certainty` (weakest of the links), `n_documented`/`n_reported`/`n_inferred` (links per
    certainty), `domestic` (from == to, unknown excluded), `cases`, `n_cases`, `relations`,
    `functions` ("; "-joined, vocabulary order), `link_ids` ("case_id/link_id; ..."),
    `from_name`/`to_name` (country names in `lang`), `from_lon`/`from_lat`/`to_lon`/`to_lat`
    (centroids from `centroids`, default the bundled map; NaN when unknown or not on the map)
    and `crosses_antimeridian`. Direction and the other rules are in the module docstring.
    """
    keys = [by] if isinstance(by, str) else list(by)
    bad = [k for k in keys if k not in GROUPINGS]
    if bad:
        raise ValueError(f"cannot group flows by {bad}; choose among {list(GROUPINGS)}")

    wanted_cases = _as_set(cases)
    wanted_relations = _as_set(relations)
    wanted_certainties = _as_set(certainties)
    wanted_functions = _as_set(functions)

    lk = links
    if wanted_cases is not None:
        lk = lk[lk["case_id"].isin(wanted_cases)]
    if wanted_relations is not None:
        lk = lk[lk["relation"].isin(wanted_relations)]
    if wanted_certainties is not None:
        lk = lk[lk["certainty"].isin(wanted_certainties)]
    if lk.empty:
        return _empty_flows(keys)

    place = actors[["case_id", "actor_id", "country", "workers"]]
    lk = lk[["case_id", "link_id", "from_actor", "to_actor", "relation", "certainty"]].copy()
    for side in ("from", "to"):
        lk = lk.merge(
            place.rename(columns={"actor_id": f"{side}_actor", "country": f"{side}_country",
                                  "workers": f"{side}_workers"}),
            on=["case_id", f"{side}_actor"], how="left",
        )
        # A dangling actor reference (the validator reports it) still counts, as unknown.
        lk[f"{side}_country"] = lk[f"{side}_country"].fillna(UNKNOWN_COUNTRY)
    supplies = lk["relation"] == "supplies_data"
    lk["performer"] = lk["to_actor"].where(~supplies, lk["from_actor"])
    lk["performer_workers"] = lk["to_workers"].where(~supplies, lk["from_workers"])

    pairs = _link_functions(lk, tasks)
    if wanted_functions is not None:
        pairs = pairs[pairs["function"].isin(wanted_functions)]
    rows = lk.merge(pairs, on=["case_id", "link_id"])
    if rows.empty:
        return _empty_flows(keys)
    rows["link_key"] = rows["case_id"] + "/" + rows["link_id"]
    rows["task_key"] = (rows["case_id"] + "/" + rows["task_id"]).where(rows["task_id"] != "")

    function_order = [*vocab.FUNCTIONS, NO_FUNCTION]
    out = []
    for group_values, g in rows.groupby(["from_country", "to_country", *keys], sort=False):
        record = dict(zip(["from_country", "to_country", *keys], group_values))
        per_link = g.drop_duplicates("link_key")
        performers = g.drop_duplicates(["case_id", "performer"])["performer_workers"].dropna()
        record.update(
            n_links=len(per_link),
            n_tasks=g["task_key"].nunique(),
            workers=int(performers.sum()) if len(performers) else pd.NA,
            certainty=weakest_certainty(per_link["certainty"]),
            **{f"n_{c}": int((per_link["certainty"] == c).sum()) for c in CERTAINTY_ORDER},
            domestic=bool(record["from_country"] != UNKNOWN_COUNTRY
                          and record["from_country"] == record["to_country"]),
            cases=_join(g["case_id"]),
            n_cases=g["case_id"].nunique(),
            relations=_join(g["relation"], vocab.RELATIONS),
            functions=_join(g["function"], function_order),
            link_ids=_join(g["link_key"]),
        )
        out.append(record)

    flows = pd.DataFrame(out)
    flows["workers"] = flows["workers"].astype("Int64")
    flows["from_name"] = flows["from_country"].map(lambda c: country_name(c, lang))
    flows["to_name"] = flows["to_country"].map(lambda c: country_name(c, lang))
    flows = add_endpoints(flows, centroids)
    sort_keys = ["n_links", "from_country", "to_country", *keys]
    flows = flows.sort_values(sort_keys, ascending=[False] + [True] * (len(sort_keys) - 1))
    return flows.reset_index(drop=True)[
        ["from_country", "to_country", *keys, *FLOW_COLUMNS_AFTER_KEYS]
    ]


def add_endpoints(flows: pd.DataFrame, centroids: pd.DataFrame | None = None) -> pd.DataFrame:
    """Add `from_lon`, `from_lat`, `to_lon`, `to_lat` and `crosses_antimeridian` to flows.

    Endpoints are the country centroids (default: the bundled map's). They are NaN for the
    unknown bucket and for countries too small for the 110m map (e.g. Singapore, Malta); such
    flows stay in the table but cannot be drawn. `crosses_antimeridian` is true when the two
    ends are more than 180 degrees of longitude apart, i.e. the short way crosses +-180.
    """
    if centroids is None:
        centroids = country_centroids()
    where = centroids.set_index("alpha2")[["lon", "lat"]]
    out = flows.copy()
    for side in ("from", "to"):
        codes = out[f"{side}_country"]
        out[f"{side}_lon"] = codes.map(where["lon"]).astype("float64")
        out[f"{side}_lat"] = codes.map(where["lat"]).astype("float64")
    gap = (out["to_lon"] - out["from_lon"]).abs()
    out["crosses_antimeridian"] = (gap > 180).fillna(False).astype(bool)
    return out


def flow_segments(flows: pd.DataFrame, *, offset_by: str | None = None,
                  spacing: float = 1.5) -> pd.DataFrame:
    """The straight segments that draw the non-domestic flows on the map, one row each.

    Keeps every flow column and adds `segment` (0, or 0 and 1 for a flow split at the
    antimeridian), `lon`, `lat`, `lon2`, `lat2` (degrees, each within +-180). Flows with an
    unknown or unmapped end, and domestic flows (drawn as dots), are left out. With
    `offset_by` (e.g. "function"), flows between the same two countries are spread apart
    sideways by `spacing` degrees so that each stays visible; the two directions of a pair
    share one spread, so A->B and B->A do not overlap either.
    """
    columns = [*flows.columns, "segment", "lon", "lat", "lon2", "lat2"]
    drawable = flows[
        ~flows["domestic"] & flows[["from_lon", "from_lat", "to_lon", "to_lat"]].notna().all(axis=1)
    ].copy()
    if drawable.empty:
        return pd.DataFrame(columns=columns)

    x0 = drawable["from_lon"].to_numpy(float)
    y0 = drawable["from_lat"].to_numpy(float)
    x1 = drawable["to_lon"].to_numpy(float)
    y1 = drawable["to_lat"].to_numpy(float)
    # Take the short way round: bring the far end within 180 degrees of the near one.
    x1 = np.where(x1 - x0 > 180, x1 - 360, np.where(x1 - x0 < -180, x1 + 360, x1))

    if offset_by is not None and len(drawable) > 1:
        pair = [tuple(sorted(p)) for p in zip(drawable["from_country"], drawable["to_country"])]
        drawable["_pair"] = pair
        drawable["_rank"] = drawable.groupby("_pair").cumcount()
        size = drawable.groupby("_pair")["_pair"].transform("size").to_numpy()
        shift = (drawable["_rank"].to_numpy() - (size - 1) / 2) * spacing
        # A normal to the pair's canonical direction (alphabetical order of the codes).
        forward = np.array([f == p[0] for f, p in zip(drawable["from_country"], pair)])
        dx = np.where(forward, x1 - x0, x0 - x1)
        dy = np.where(forward, y1 - y0, y0 - y1)
        length = np.hypot(dx, dy)
        length[length == 0] = 1
        nx, ny = -dy / length * shift, dx / length * shift
        x0, x1, y0, y1 = x0 + nx, x1 + nx, y0 + ny, y1 + ny
        drawable = drawable.drop(columns=["_pair", "_rank"])

    records = []
    for (_, row), a, b, c, d in zip(drawable.iterrows(), x0, y0, x1, y1):
        base = row.to_dict()
        if (a > 180 and c > 180) or (a < -180 and c < -180):
            shift = 360.0 if a < -180 else -360.0
            a, c = a + shift, c + shift
        if abs(a) <= 180 and abs(c) <= 180:
            records.append({**base, "segment": 0, "lon": a, "lat": b, "lon2": c, "lat2": d})
            continue
        # Split where the straight (lon/lat) line meets the edge of the map, and bring the
        # piece beyond the edge back in from the other side.
        edge = 180.0 if max(a, c) > 180 else -180.0
        sign = 1.0 if edge > 0 else -1.0
        lat_edge = b + (edge - a) / (c - a) * (d - b)
        start_lon, start_edge = _wrapped_end(a, sign)
        end_lon, end_edge = _wrapped_end(c, sign)
        records.append({**base, "segment": 0, "lon": start_lon, "lat": b,
                        "lon2": start_edge, "lat2": lat_edge})
        records.append({**base, "segment": 1, "lon": end_edge, "lat": lat_edge,
                        "lon2": end_lon, "lat2": d})
    return pd.DataFrame(records, columns=columns).reset_index(drop=True)


def _wrapped_end(lon: float, sign: float) -> tuple[float, float]:
    """An end of a split flow back within +-180, and where its piece meets the map's edge."""
    if abs(lon) > 180:
        return lon - sign * 360, -sign * EDGE_LON
    return lon, sign * EDGE_LON


def od_matrix(flows: pd.DataFrame, *, lang: str | None = None) -> pd.DataFrame:
    """Origin-destination matrix of links: rows = from country, columns = to country.

    Values are numbers of distinct links (a link carrying two functions counts once), 0 where
    there is none. Labels are alpha-2 codes with the unknown bucket labelled "Unknown"; with
    `lang` ("en"/"fr") they are country names in that language instead. Rows and columns are
    sorted by label, the unknown bucket last.
    """
    if flows.empty:
        return pd.DataFrame(dtype="int64")
    links = flows[["from_country", "to_country", "link_ids"]].copy()
    links["link_id"] = links["link_ids"].str.split("; ")
    links = links.explode("link_id").drop_duplicates(["from_country", "to_country", "link_id"])
    counts = links.groupby(["from_country", "to_country"]).size()
    matrix = counts.unstack(fill_value=0)

    def label(code: str) -> str:
        if lang is None:
            return code or country_name("", "en")
        return country_name(code, lang)

    def order(codes) -> list[str]:
        return sorted(codes, key=lambda c: (c == UNKNOWN_COUNTRY, collation_key(label(c))))

    matrix = matrix.reindex(index=order(matrix.index), columns=order(matrix.columns), fill_value=0)
    matrix.index = [label(c) for c in matrix.index]
    matrix.columns = [label(c) for c in matrix.columns]
    matrix.index.name, matrix.columns.name = "from_country", "to_country"
    return matrix.astype("int64")


def flows_touching(flows: pd.DataFrame, country: str) -> pd.DataFrame:
    """The flows that start or end in a country (alpha-2 code; "" for the unknown bucket)."""
    mask = (flows["from_country"] == country) | (flows["to_country"] == country)
    return flows[mask].reset_index(drop=True)


def involved_countries(flows: pd.DataFrame, *, lang: str = "en") -> pd.DataFrame:
    """Every country at either end of some flow, with its totals, for dots and selections.

    Columns: `country` (alpha-2, "" = unknown), `name`, `n_out` / `n_in` / `n_domestic`
    (distinct links leaving, entering, staying), `n_links` (distinct links touching it),
    `lon`, `lat` (from the flows' endpoints; NaN when not on the map).
    """
    cols = ["country", "name", "n_out", "n_in", "n_domestic", "n_links", "lon", "lat"]
    if flows.empty:
        return pd.DataFrame(columns=cols)
    ends = []
    for side, kind in (("from", "out"), ("to", "in")):
        part = flows[[f"{side}_country", f"{side}_lon", f"{side}_lat", "link_ids", "domestic"]]
        part = part.set_axis(["country", "lon", "lat", "link_ids", "domestic"], axis=1)
        ends.append(part.assign(kind=np.where(part["domestic"], "domestic", kind)))
    ends = pd.concat(ends, ignore_index=True)
    ends["link_id"] = ends["link_ids"].str.split("; ")
    ends = ends.explode("link_id")
    records = []
    for code, g in ends.groupby("country", sort=True):
        distinct = g.drop_duplicates(["kind", "link_id"])
        records.append({
            "country": code,
            "name": country_name(code, lang),
            "n_out": int((distinct["kind"] == "out").sum()),
            "n_in": int((distinct["kind"] == "in").sum()),
            "n_domestic": int((distinct["kind"] == "domestic").sum()),
            "n_links": int(g["link_id"].nunique()),
            "lon": g["lon"].iloc[0],
            "lat": g["lat"].iloc[0],
        })
    return pd.DataFrame(records, columns=cols)
