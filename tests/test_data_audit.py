"""The bundled data against the classes of defect the audit of December 2026 found.

These read the CSV files themselves, with their own small parsers, rather than through the
validator, so that they stay a second opinion on it. `DLC_AUDIT_DATA` may name another data
folder (e.g. an older copy) to run the same checks on it.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import re
from pathlib import Path

import pytest

from conftest import PROJECT

DATA = Path(os.environ.get("DLC_AUDIT_DATA") or PROJECT / "data")
CASES = sorted(p for p in (DATA / "cases").iterdir() if p.is_dir())
PACKAGES = CASES + [DATA / "reference"]
CITING_TABLES = ("actors", "links", "tasks", "platforms", "platform_links", "figures")
# The texts of a row that speak for it (a figure's `dispute` names *other* sources on purpose).
OWN_TEXTS = ("name", "description", "task", "label", "scope", "notes")


def rows(folder: Path, table: str) -> list[dict]:
    path = folder / f"{table}.csv"
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def keys(cell: str) -> list[str]:
    return [k.strip() for k in cell.split(";") if k.strip()]


def named(text: str, known: set[str]) -> set[str]:
    return {k for k in known if re.search(rf"(?<![\w-]){re.escape(k)}(?![\w-])", text)}


def every_row(table_names=CITING_TABLES):
    for folder in PACKAGES:
        for table in table_names:
            for row in rows(folder, table):
                yield folder.name, table, row


def row_id(row: dict) -> str:
    return next(iter(row.values()))


# --- a documented row cites a primary source ---------------------------------------------------

@pytest.mark.parametrize("folder", PACKAGES, ids=lambda p: p.name)
def test_every_source_says_whether_it_is_primary(folder):
    sources = rows(folder, "sources")
    assert sources and all(s.get("primary") in ("true", "false") for s in sources), [
        (s["source_id"], s.get("primary")) for s in sources]


def test_a_documented_row_cites_at_least_one_primary_source():
    primary = {(f.name, s["source_id"]) for f in PACKAGES for s in rows(f, "sources")
               if s.get("primary") == "true"}
    wrong = [(case, table, row_id(row)) for case, table, row in every_row()
             if row["certainty"] == "documented"
             and not any((case, k) in primary for k in keys(row["source_ids"]))]
    assert wrong == []


def test_primary_sources_are_the_researchers_own_texts():
    # The data dictionary's list: S0-S4, P1 and P7 are primary; press, summaries and the
    # translation (P2-P6, P8, P9) are not.
    expected = {"S0", "S1", "S2", "S3", "S4", "P1", "P7"}
    for folder in PACKAGES:
        for source in rows(folder, "sources"):
            assert (source.get("primary") == "true") == (source["source_id"] in expected), (
                folder.name, source["source_id"])


# --- a row's certainty agrees with what its own text says -------------------------------------

SAYS_INFERRED = re.compile(r"\binferred\b|\bour reading\b|\bis not clear\b|\bare assumed\b|"
                           r"\bis assumed\b", re.IGNORECASE)


def test_a_row_that_calls_itself_inferred_is_marked_inferred():
    wrong = [(case, table, row_id(row), row["certainty"]) for case, table, row in every_row()
             if row["certainty"] != "inferred"
             and SAYS_INFERRED.search(row.get("description", "") + " " + row.get("task", ""))]
    assert wrong == []


def test_the_links_and_tasks_of_an_inferred_actor_are_inferred():
    wrong = []
    for folder in CASES:
        inferred = {a["actor_id"] for a in rows(folder, "actors") if a["certainty"] == "inferred"}
        for link in rows(folder, "links"):
            if {link["from_actor"], link["to_actor"]} & inferred and \
                    link["certainty"] != "inferred":
                wrong.append((folder.name, link["link_id"]))
        for task in rows(folder, "tasks"):
            if task["actor_id"] in inferred and task["certainty"] != "inferred":
                wrong.append((folder.name, task["task_id"]))
    assert wrong == []


# --- a country needs a cited source that gives it ------------------------------------------------

def test_a_country_names_a_cited_source_that_gives_it():
    wrong = []
    for folder in CASES:
        primary = {s["source_id"] for s in rows(folder, "sources") if s.get("primary") == "true"}
        for actor in rows(folder, "actors"):
            given_by = keys(actor.get("country_source_ids", ""))
            cited = keys(actor["source_ids"])
            if bool(actor["country"]) != bool(given_by) or not set(given_by) <= set(cited):
                wrong.append((folder.name, actor["actor_id"], actor["country"], given_by))
            # A country is as sure as its row.
            if given_by and actor["certainty"] == "documented" and not set(given_by) & primary:
                wrong.append((folder.name, actor["actor_id"], actor["country"], "not primary"))
    assert wrong == []


def test_platform_countries_come_from_table_1():
    # A platform's country is its headquarters in S2's Table 1, which every platform row cites.
    assert all("S2" in keys(p["source_ids"]) for p in rows(DATA / "reference", "platforms"))


# --- a figure does not exceed an upper bound its own texts give ---------------------------------

# "up to N" and its kin, not an age ("under 34", "moins de 34 ans" bound people, not a count).
BOUND = re.compile(r"(?:up to|less than|below|jusqu'à|moins de)\s+'?«?\s*"
                   r"(\d{1,3}(?:[,\u202f\u00a0 ]\d{3})+|\d+(?:[.,]\d+)?)(?![\d.,])(?!\s*ans\b)",
                   re.IGNORECASE)


def bounds(text: str) -> list[float]:
    found = []
    for number in BOUND.findall(text):
        grouped = re.fullmatch(r"\d{1,3}(?:[,\u202f\u00a0 ]\d{3})+", number)
        found.append(float(re.sub(r"[,\u202f\u00a0 ]", "", number) if grouped
                           else number.replace(",", ".")))
    return found


def test_bounds_are_read_in_both_languages():
    assert bounds("rounded 'up to 250,000' in S2") == [250000.0]
    assert bounds("« jusqu'à 250 000 » dans S2") == [250000.0]
    assert bounds("up to 1.5 hours; less than a dime") == [1.5]
    assert bounds("data workers under 34; de moins de 34 ans") == []


def test_a_figure_does_not_exceed_an_upper_bound_in_its_own_texts():
    wrong = []
    for figure in rows(DATA / "reference", "figures"):
        value = float(figure["value_max"] or figure["value"])
        texts = " ".join(figure.get(c, "") for c in ("label", "scope", "label_fr", "scope_fr"))
        for bound in bounds(texts):
            if value > bound:
                wrong.append((figure["figure_id"], value, bound))
    assert wrong == []


def test_a_figure_cites_no_source_whose_number_contradicts_it():
    # The case the audit found: S2 l.125 says "up to 250,000" occasional micro-workers.
    figure = {f["figure_id"]: f for f in rows(DATA / "reference", "figures")}
    occasional = figure["fr-microworkers-occasional"]
    assert float(occasional["value"]) == 266126
    assert "S2" not in keys(occasional["source_ids"])


# --- English and French texts cite the same sources ----------------------------------------------

def test_a_row_names_only_sources_it_cites_and_the_same_in_french():
    wrong = []
    for folder in PACKAGES:
        known = {s["source_id"] for s in rows(folder, "sources")}
        for table in CITING_TABLES:
            for row in rows(folder, table):
                cited = set(keys(row["source_ids"]))
                for column in OWN_TEXTS:
                    english = named(row.get(column, ""), known)
                    french = named(row.get(f"{column}_fr", ""), known)
                    if english - cited:
                        wrong.append((folder.name, table, row_id(row), column, english - cited))
                    if row.get(f"{column}_fr") and french != english:
                        wrong.append((folder.name, table, row_id(row), f"{column}_fr", french))
                if row.get("dispute_fr") and named(row["dispute"], known) != named(
                        row["dispute_fr"], known):
                    wrong.append((folder.name, table, row_id(row), "dispute_fr"))
    assert wrong == []


# --- every package is released with a changelog ----------------------------------------------

SEMVER = re.compile(r"^(\d+)\.(\d+)\.(\d+)$")
AUDITED = {"canteen-terminal", "retail-video-surveillance", "voice-assistant", "reference"}


@pytest.mark.parametrize("folder", PACKAGES, ids=lambda p: p.name)
def test_package_changelog(folder):
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    changelog = package.get("changelog")
    assert isinstance(changelog, list) and changelog
    versions = [tuple(int(n) for n in SEMVER.match(e["version"]).groups()) for e in changelog]
    assert changelog[0]["version"] == package["version"]
    assert versions == sorted(versions, reverse=True) and len(set(versions)) == len(versions)
    first = changelog[-1]
    assert first["version"] == "1.0.0" and first["date"] == package["created"][:10]
    for entry in changelog:
        dt.date.fromisoformat(entry["date"])
        assert entry["summary"].strip() and entry["summary_fr"].strip()
        for change in entry.get("changes", []):
            assert all(str(change.get(k, "")).strip()
                       for k in ("rows", "change", "why", "evidence")), change
    # The corrections of the audit changed facts in the four packages it covered: a minor
    # release at least (a package added later may still be at its first release).
    if folder.name in AUDITED:
        assert versions[0] >= (1, 1, 0)
    else:  # the cases curated after it from S2 and S3
        assert versions == [(1, 0, 0)]
