"""Generated chains for layout tests: seeded, so every run draws the same chains.

A chain of `n` actors over several countries, shaped like the cases: lead firms (and a client)
at the head, platforms, vendors and sub-contractors passing work down, supervisors beside
them, worker pools at the end, end users supplying data; some actors with no country, some
names long enough to wrap over several lines.
"""

from __future__ import annotations

import random

import pandas as pd

COUNTRIES = ["FR", "MG", "US", "CN", "JP", "ES", "IT", "KE", "IN", "PH", "VE", "DE"]
WORDS = ["data", "annotation", "services", "platform", "workers", "verification", "company",
         "outsourcing", "micro-task", "regional", "subsidiary", "transcription", "partners",
         "moderation", "Antananarivo", "international", "labelling", "crowd"]


def generated_chain(n: int, seed: int = 0, countries: int = 8,
                    case_id: str = "generated") -> tuple[pd.DataFrame, pd.DataFrame]:
    rng = random.Random(seed)
    pool = COUNTRIES[:countries]
    layers = [("ai_company", max(1, n // 12)), ("client", max(1, n // 20)),
              ("platform", max(1, n // 6)), ("vendor", max(1, n // 7)),
              ("subcontractor", max(1, n // 7)), ("supervisor", max(1, n // 20))]
    used = sum(k for _, k in layers)
    ends = max(1, n // 12)
    layers += [("worker_pool", max(1, n - used - ends)), ("end_user", ends)]
    actors, ids = [], {}
    for atype, count in layers:
        for _ in range(count):
            if len(actors) >= n:
                break
            i = len(actors)
            words = rng.sample(WORDS, rng.choice([1, 2, 3, 4, 6]))
            name = f"{atype.replace('_', ' ').title()} {i} " + " ".join(words)
            country = "" if rng.random() < 0.12 else rng.choice(pool)
            actors.append((f"a{i}", name, atype, country))
            ids.setdefault(atype, []).append(f"a{i}")
    links = []

    def link(a: str, b: str, relation: str) -> None:
        links.append((f"l{len(links)}", a, b, relation))

    heads = ids.get("ai_company", [])
    middle = ids.get("platform", []) + ids.get("vendor", []) + ids.get("subcontractor", [])
    rng.shuffle(middle)
    for c in ids.get("client", []):
        link(rng.choice(heads), c, "sells_to")
    for i, m in enumerate(middle):  # each intermediary gets work from a head or an earlier one
        upstream = heads + middle[:i]
        link(rng.choice(upstream[-6:] if i and rng.random() < 0.6 else heads), m,
             "outsources_to")
    for w in ids.get("worker_pool", []):
        link(rng.choice(middle or heads), w, "recruits")
        if rng.random() < 0.2 and middle:
            link(rng.choice(middle), w, "recruits")
    for s in ids.get("supervisor", []):
        link(s, rng.choice(ids.get("worker_pool", heads)), "supervises")
    for u in ids.get("end_user", []):
        link(u, rng.choice(heads), "supplies_data")
    actor_frame = pd.DataFrame(
        [[case_id, a, name, atype, country, pd.NA, False, "", "S1", "documented"]
         for a, name, atype, country in actors],
        columns=["case_id", "actor_id", "name", "actor_type", "country", "workers",
                 "anonymised", "description", "source_ids", "certainty"])
    actor_frame["workers"] = actor_frame["workers"].astype("Int64")
    link_frame = pd.DataFrame(
        [[case_id, lid, a, b, rel, "", "S1", rng.choice(["documented", "reported", "inferred"])]
         for lid, a, b, rel in links],
        columns=["case_id", "link_id", "from_actor", "to_actor", "relation", "description",
                 "source_ids", "certainty"])
    return actor_frame, link_frame
