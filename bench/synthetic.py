"""Synthetic case folders of any size, generated at run time for the scale benchmark.

`make_case(n_actors, seed)` returns the files of a valid case folder ({file name: bytes}) that
passes `app.core.validate.check_files`: a layered chain

    client <-sells_to- ai_company -outsources_to-> platform -outsources_to-> vendor/subcontractor
        -recruits-> worker_pool            end_user -supplies_data-> ai_company

with about two links per actor (every actor outside the AI companies gets two parents from the
layer above, or two AI companies it supplies data to), one task per worker pool and per group of
end users, five sources, and a mix of certainties (so that "documented links only" changes the
graph). The same (n_actors, seed) always gives the same bytes.
"""

from __future__ import annotations

import csv
import io
import json
import random
from pathlib import Path

from app.core import schema

# Share of the actors per type; worker pools take what is left.
SHARES = {"client": 0.04, "ai_company": 0.04, "platform": 0.08, "vendor": 0.08,
          "subcontractor": 0.08, "end_user": 0.10}
PREFIX = {"client": "client", "ai_company": "ai", "platform": "platform", "vendor": "vendor",
          "subcontractor": "sub", "worker_pool": "workers", "end_user": "users"}
LABEL = {"client": "Client", "ai_company": "AI company", "platform": "Platform",
         "vendor": "Vendor", "subcontractor": "Subcontractor", "worker_pool": "Worker pool",
         "end_user": "End users"}
COUNTRIES = ["FR", "US", "MG", "KE", "IN", "PH", "VE", "CN", "JP", "ES", "IT", "DE", "BR", "NG",
             "UG", "PK", "BD", "RO", "MA", "SN"]
CERTAINTY_WEIGHTS = (("documented", 60), ("reported", 25), ("inferred", 15))
FUNCTIONS = ("preparation", "verification", "impersonation")
DATA_TYPES = ("image", "video", "audio", "text", "other")
SOURCES = [
    ("S1", "Synthetic, A. (2024). A made-up fieldwork report on data work. Journal of Tests, "
           "1(1), 1-20.", "2024", "https://example.org/s1", "article"),
    ("S2", "Synthetic, B. & Case, C. (2023). Invented chains of subcontracting. In Benchmarks "
           "and Their Data, 10-30.", "2023", "", "chapter"),
    ("S3", "Generated, D. (2022). A research blog post that does not exist.", "2022",
     "https://example.org/s3", "blog"),
    ("S4", "Press, E. (2021). A newspaper story about nothing in particular.", "2021", "",
     "press"),
    ("S5", "Report, F. (2020). Numbers for a benchmark.", "2020", "", "report"),
]
PRIMARY = {s[0] for s in SOURCES if s[4] != "press"}  # press is a secondary source
MIN_ACTORS = 7  # one of each type


def type_counts(n_actors: int) -> dict[str, int]:
    """How many actors of each type a case of `n_actors` holds (at least one of each)."""
    if n_actors < MIN_ACTORS:
        raise ValueError(f"a synthetic case needs at least {MIN_ACTORS} actors, got {n_actors}")
    counts = {t: max(1, int(round(n_actors * share))) for t, share in SHARES.items()}
    counts["worker_pool"] = n_actors - sum(counts.values())
    if counts["worker_pool"] < 1:  # small cases: take from the largest share
        counts["end_user"] -= 1 - counts["worker_pool"]
        counts["worker_pool"] = 1
    return counts


def _csv(table: schema.Table, rows: list[dict]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=table.column_names, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def _country_source(cited: str) -> str:
    """The cited source that gives an actor's country: a primary one where there is one."""
    keys = cited.split(";")
    return next((k for k in keys if k in PRIMARY), keys[0])


def _pick(rng: random.Random, pool: list[str], k: int = 2) -> list[str]:
    return rng.sample(pool, min(k, len(pool)))


def make_case(n_actors: int, seed: int = 0, case_id: str | None = None) -> dict[str, bytes]:
    """The files of a valid case folder named `case_id` (default `synthetic-N`)."""
    case_id = case_id or f"synthetic-{n_actors}"
    rng = random.Random(f"{seed}-{n_actors}")
    counts = type_counts(n_actors)
    width = len(str(max(counts.values())))
    ids: dict[str, list[str]] = {
        t: [f"{PREFIX[t]}-{i:0{width}d}" for i in range(1, counts[t] + 1)]
        for t in ("client", "ai_company", "platform", "vendor", "subcontractor", "worker_pool",
                  "end_user")
    }
    certainties = [c for c, _ in CERTAINTY_WEIGHTS]
    weights = [w for _, w in CERTAINTY_WEIGHTS]

    def certainty() -> str:
        return rng.choices(certainties, weights)[0]

    def sources(sureness: str = "") -> str:
        keys = sorted(rng.sample([s[0] for s in SOURCES], rng.choice((1, 1, 2))))
        if sureness == "documented" and not set(keys) & PRIMARY:
            keys = sorted(keys + ["S1"])  # a documented row cites a primary source
        return ";".join(keys)

    def row_certainty(*actors_involved: str) -> str:
        """A link or task of an inferred actor is inferred too."""
        drawn = certainty()
        return "inferred" if any(a in inferred for a in actors_involved) else drawn

    actors: list[dict] = []
    inferred: set[str] = set()
    for atype, members in ids.items():
        for i, actor_id in enumerate(members, 1):
            workers = ""
            if atype == "worker_pool" and rng.random() < 0.7:
                workers = str(rng.choice((12, 40, 150, 800, 2500, 12000)))
            country = rng.choice(COUNTRIES) if rng.random() < 0.9 else ""
            anonymised = rng.choice(("true", "false", ""))
            sureness = certainty()
            cited = sources(sureness)
            if sureness == "inferred":
                inferred.add(actor_id)
            actors.append({
                "actor_id": actor_id, "name": f"{LABEL[atype]} {i}", "actor_type": atype,
                "country": country, "country_source_ids": country and _country_source(cited),
                "workers": workers, "anonymised": anonymised,
                "description": f"Synthetic {LABEL[atype].lower()} number {i}, generated for the "
                               "benchmark.",
                "source_ids": cited, "certainty": sureness,
            })

    links: list[dict] = []

    def link(a: str, b: str, relation: str) -> str:
        link_id = f"l{len(links) + 1}"
        sureness = row_certainty(a, b)
        links.append({"link_id": link_id, "from_actor": a, "to_actor": b, "relation": relation,
                      "description": f"Synthetic link {link_id}.",
                      "source_ids": sources(sureness), "certainty": sureness})
        return link_id

    for client in ids["client"]:
        for ai in _pick(rng, ids["ai_company"]):
            link(ai, client, "sells_to")
    for platform in ids["platform"]:
        for ai in _pick(rng, ids["ai_company"]):
            link(ai, platform, "outsources_to")
    for middle in ids["vendor"] + ids["subcontractor"]:
        for platform in _pick(rng, ids["platform"]):
            link(platform, middle, "outsources_to")
    recruiters = ids["vendor"] + ids["subcontractor"]
    work_links: dict[str, str] = {}
    for pool in ids["worker_pool"]:
        parents = _pick(rng, recruiters, 1) + _pick(rng, ids["platform"], 1)
        for parent in parents:
            link_id = link(parent, pool, "recruits")
            work_links.setdefault(pool, link_id)
    for users in ids["end_user"]:
        for ai in _pick(rng, ids["ai_company"]):
            link(users, ai, "supplies_data")

    tasks: list[dict] = []
    for i, pool in enumerate(ids["worker_pool"]):
        function = FUNCTIONS[i % len(FUNCTIONS)]
        sureness = row_certainty(pool)
        tasks.append({
            "task_id": f"t{len(tasks) + 1}", "actor_id": pool, "link_id": work_links[pool],
            "task": f"Synthetic {function} task", "function": function,
            "subfunction": rng.choice(("generation", "annotation")) if function == "preparation"
            else "",
            "data_type": rng.choice(DATA_TYPES), "paid": "true",
            "description": "Generated for the benchmark.", "source_ids": sources(sureness),
            "certainty": sureness,
        })
    for users in ids["end_user"]:
        sureness = row_certainty(users)
        tasks.append({
            "task_id": f"t{len(tasks) + 1}", "actor_id": users, "link_id": "",
            "task": "Use the product, whose inputs become training data",
            "function": "preparation", "subfunction": "generation",
            "data_type": rng.choice(DATA_TYPES), "paid": "false",
            "description": "Generated for the benchmark.", "source_ids": sources(sureness),
            "certainty": sureness,
        })

    source_rows = [{"source_id": s, "citation": c, "year": y, "url": u, "kind": k,
                    "primary": "true" if s in PRIMARY else "false",
                    "note": "Invented for the benchmark."} for s, c, y, u, k in SOURCES]

    package = {
        "name": case_id,
        "title": f"Synthetic chain of {n_actors:,} actors",
        "description": "A generated case for the performance benchmark; nothing in it is real.",
        "product": "Synthetic AI product",
        "period": "None (generated)",
        "version": "0.0.0",
        "licenses": [{"name": "CC0-1.0", "title": "Public domain dedication"}],
        "sources": [{"title": f"{s[0]}: {s[1][:60]}"} for s in SOURCES],
        "resources": [schema.resource(t) for t in schema.CASE_TABLES],
    }
    return {
        "datapackage.json": (json.dumps(package, indent=2) + "\n").encode("utf-8"),
        "actors.csv": _csv(schema.ACTORS, actors),
        "links.csv": _csv(schema.LINKS, links),
        "tasks.csv": _csv(schema.TASKS, tasks),
        "sources.csv": _csv(schema.SOURCES, source_rows),
    }


def write_case(root: Path, n_actors: int, seed: int = 0) -> Path:
    """Write `synthetic-N/` inside ROOT (a folder usable as DLC_DATA_DIR); returns the folder."""
    folder = Path(root) / f"synthetic-{n_actors}"
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in make_case(n_actors, seed).items():
        (folder / name).write_bytes(data)
    return folder
