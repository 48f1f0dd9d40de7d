"""Curation rules a machine can check: how sure a row may be given the sources it cites.

The validator runs these after the cells and cross-references are clean. They follow the
certainty rules of `data/README.md`:

- a `documented` row cites at least one primary source (`primary` = true in sources.csv);
- an actor's `country` names, in `country_source_ids`, a cited source that gives it, and a
  `documented` actor's country is given by a primary source;
- an `inferred` row says in its description what is inferred;
- a source key named in a row's text is one the row cites, and the French text names the
  same keys as the English one;
- a link or task that involves an `inferred` actor is `inferred` too (an actor that no source
  ties to the case is `inferred`, and so is all it does there);
- a figure's upper bound (`value_max`) is not below its value.

Rules that need a column (`primary`, `country_source_ids`) apply when the folder has it, so
that folders written before the column existed still load; the bundled packages have both.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from app.core.errors import Problem

# Text columns whose source keys must be cited by the row, with their French twins.
# `dispute` is left out on purpose: it names the *other* sources a figure conflicts with.
TEXT_COLUMNS = ("name", "description", "task", "label", "scope", "notes")


def _keys(text: str) -> list[str]:
    return [part.strip() for part in text.split(";") if part.strip()]


def named_keys(text: str, keys: Iterable[str]) -> set[str]:
    """The source keys (from `keys`) that `text` names as whole words: "(P2; S3 l.200)"."""
    return {k for k in keys if re.search(rf"(?<![\w-]){re.escape(k)}(?![\w-])", text)}


def _primary_sources(rows: Mapping[str, list]) -> dict[str, bool] | None:
    """source key -> primary, or None when sources.csv has no `primary` column."""
    sources = rows.get("sources") or []
    if not sources or "primary" not in sources[0].cells:
        return None
    return {r.cells["source_id"]: r.cells.get("primary") == "true" for r in sources}


def check_rows(filenames: Mapping[str, str], rows: Mapping[str, list]) -> list[Problem]:
    """Every curation problem of a folder whose cells and references are already clean."""
    problems: list[Problem] = []
    primary = _primary_sources(rows)
    all_keys = {r.cells["source_id"] for r in rows.get("sources") or []}
    for table, table_rows in rows.items():
        if table == "sources":
            continue
        filename = filenames[table]
        for row in table_rows:
            problems += _certainty_problems(filename, row, primary)
            problems += _text_problems(filename, row, all_keys)
            if table == "actors":
                problems += _country_problems(filename, row, primary)
            if table == "figures":
                problems += _range_problems(filename, row)
    problems += _sureness_problems(filenames, rows)
    return problems


def _sureness_problems(filenames: Mapping[str, str], rows: Mapping[str, list]) -> list[Problem]:
    """The links and tasks of an inferred actor are inferred."""
    if "actors" not in rows:
        return []
    inferred = {r.cells["actor_id"] for r in rows["actors"] if r.cells["certainty"] == "inferred"}
    found = []
    for table, columns in (("links", ("from_actor", "to_actor")), ("tasks", ("actor_id",))):
        for row in rows.get(table, []):
            certainty = row.cells["certainty"]
            for column in columns:
                actor = row.cells.get(column, "")
                if actor in inferred and certainty != "inferred":
                    found.append(Problem.of(
                        filenames[table], "problem.rests_on_inferred", line=row.line,
                        column="certainty", value=certainty, column_name=column, other=actor))
    return found


def _certainty_problems(filename: str, row, primary: dict[str, bool] | None) -> list[Problem]:
    cells = row.cells
    certainty = cells.get("certainty", "")
    cited = _keys(cells.get("source_ids", ""))
    found = []
    if certainty == "documented" and primary is not None and not any(
            primary.get(k) for k in cited):
        found.append(Problem.of(filename, "problem.documented_needs_primary", line=row.line,
                                column="certainty", value=certainty,
                                cited=", ".join(cited)))
    if certainty == "inferred" and "description" in cells and not cells["description"].strip():
        found.append(Problem.of(filename, "problem.inferred_needs_description", line=row.line,
                                column="description", value=""))
    return found


def _text_problems(filename: str, row, all_keys: set[str]) -> list[Problem]:
    cells = row.cells
    cited = set(_keys(cells.get("source_ids", "")))
    found = []
    for column in TEXT_COLUMNS:
        english, french = cells.get(column, ""), cells.get(f"{column}_fr", "")
        en_keys = named_keys(english, all_keys)
        for key in sorted(en_keys - cited):
            found.append(Problem.of(filename, "problem.text_names_uncited", line=row.line,
                                    column=column, value=english, source=key,
                                    cited=", ".join(sorted(cited))))
        if french:
            fr_keys = named_keys(french, all_keys)
            if fr_keys != en_keys:
                found.append(Problem.of(filename, "problem.french_names_other_sources",
                                        line=row.line, column=f"{column}_fr", value=french,
                                        french=", ".join(sorted(fr_keys)) or "-",
                                        english=", ".join(sorted(en_keys)) or "-"))
    return found


def _country_problems(filename: str, row, primary: dict[str, bool] | None) -> list[Problem]:
    cells = row.cells
    if "country_source_ids" not in cells:
        return []
    country, given_by = cells.get("country", ""), cells["country_source_ids"]
    if country and not given_by:
        return [Problem.of(filename, "problem.country_unsourced", line=row.line,
                           column="country_source_ids", value=country)]
    if given_by and not country:
        return [Problem.of(filename, "problem.country_source_without_country", line=row.line,
                           column="country_source_ids", value=given_by)]
    cited = _keys(cells.get("source_ids", ""))
    found = [Problem.of(filename, "problem.country_source_not_cited", line=row.line,
                        column="country_source_ids", value=given_by, source=key,
                        cited=", ".join(cited))
             for key in _keys(given_by) if key not in cited]
    if not found and given_by and cells.get("certainty") == "documented" \
            and primary is not None and not any(primary.get(k) for k in _keys(given_by)):
        found.append(Problem.of(filename, "problem.country_source_not_primary", line=row.line,
                                column="country_source_ids", value=given_by))
    return found


def _range_problems(filename: str, row) -> list[Problem]:
    low, high = row.cells.get("value", ""), row.cells.get("value_max", "")
    if low and high and float(high) < float(low):
        return [Problem.of(filename, "problem.range_reversed", line=row.line,
                           column="value_max", value=high, low=low)]
    return []
