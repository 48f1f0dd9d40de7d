"""The data contract, declared once: tables, columns, types, required fields, keys.

The validator checks folders against it, the loaders read through it, and it is published as
Frictionless Table Schema inside each `datapackage.json` so that the standard
`frictionless validate` tool agrees with ours. Run `python -m app.core.schema PATH` to
(re)publish the schemas into the data packages found under PATH.
"""

from __future__ import annotations

import csv
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from app.core import vocab

ID_PATTERN = r"^[a-z0-9][a-z0-9_-]*$"
SOURCE_IDS_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_-]*( *; *[A-Za-z0-9][A-Za-z0-9_-]*)*$"
SOURCE_KEY_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_-]*$"
COUNTRY_PATTERN = r"^[A-Z]{2}$"
TRUE_VALUES = ("true",)
FALSE_VALUES = ("false",)


@dataclass(frozen=True)
class Column:
    """One CSV column: its type, whether it must be filled, and what values are allowed.

    `kind` adds a meaning beyond the storage type: `id` (a slug key), `country` (ISO 3166-1
    alpha-2, checked with pycountry), `source_ids` (`;`-separated source keys), `url`.
    """

    name: str
    type: str  # string | integer | number | boolean
    required: bool
    description: str
    vocabulary: tuple[str, ...] | None = None
    kind: str | None = None
    minimum: int | None = None


@dataclass(frozen=True)
class Table:
    name: str
    description: str
    columns: tuple[Column, ...]
    primary_key: str
    # column -> (table, column) it must match
    foreign_keys: dict[str, tuple[str, str]] = field(default_factory=dict)

    @property
    def filename(self) -> str:
        return f"{self.name}.csv"

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    @property
    def required_names(self) -> list[str]:
        return [c.name for c in self.columns if c.required]

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


def _vocab(values: dict[str, str]) -> tuple[str, ...]:
    return tuple(values)


SOURCE_IDS = Column(
    "source_ids", "string", True, "Keys of the sources that state this row, separated by `;`.",
    kind="source_ids",
)
CERTAINTY = Column(
    "certainty", "string", True, "How sure the row is.", vocabulary=_vocab(vocab.CERTAINTIES)
)

ACTORS = Table(
    "actors",
    "The organisations and groups of people in the chain.",
    (
        Column("actor_id", "string", True, "Key of the actor within its case.", kind="id"),
        Column("name", "string", True,
               "Name, or the anonymised label wherever the source anonymises the actor."),
        Column("actor_type", "string", True, "Role of the actor in the chain.",
               vocabulary=_vocab(vocab.ACTOR_TYPES)),
        Column("country", "string", False,
               "ISO 3166-1 alpha-2 code of where the actor is; empty when no source says.",
               kind="country"),
        Column("country_source_ids", "string", False,
               "Keys of the cited sources that give the country, separated by `;`; filled "
               "exactly when `country` is.", kind="source_ids"),
        Column("workers", "integer", False, "Headcount of a worker pool, where a source gives it.",
               minimum=0),
        Column("anonymised", "boolean", False,
               "true when the source withholds the actor's name (the label must stay generic)."),
        Column("description", "string", False, "What the actor does in this chain."),
        SOURCE_IDS,
        CERTAINTY,
        Column("name_fr", "string", False, "The name in French (anonymised labels too)."),
        Column("description_fr", "string", False, "The description in French."),
    ),
    primary_key="actor_id",
)

LINKS = Table(
    "links",
    "Who works for whom: each row reads as a sentence `from RELATION to`.",
    (
        Column("link_id", "string", True, "Key of the link within its case.", kind="id"),
        Column("from_actor", "string", True, "actor_id of the actor the sentence starts with."),
        Column("to_actor", "string", True, "actor_id of the actor the sentence ends with."),
        Column("relation", "string", True, "What the first actor does to the second.",
               vocabulary=_vocab(vocab.RELATIONS)),
        Column("description", "string", False, "The link in the source's words, paraphrased."),
        SOURCE_IDS,
        CERTAINTY,
        Column("description_fr", "string", False, "The description in French."),
    ),
    primary_key="link_id",
    foreign_keys={"from_actor": ("actors", "actor_id"), "to_actor": ("actors", "actor_id")},
)

TASKS = Table(
    "tasks",
    "The data work done in the chain, by whom, and which function it serves.",
    (
        Column("task_id", "string", True, "Key of the task within its case.", kind="id"),
        Column("actor_id", "string", True, "actor_id of who does the task."),
        Column("link_id", "string", False, "link_id of the commission the task is done under."),
        Column("task", "string", True, "The task in a few words."),
        Column("function", "string", True, "Which function of data work the task serves.",
               vocabulary=_vocab(vocab.FUNCTIONS)),
        Column("subfunction", "string", False,
               "For preparation: generation or annotation; empty otherwise.",
               vocabulary=_vocab(vocab.SUBFUNCTIONS)),
        Column("data_type", "string", True, "The kind of data worked on.",
               vocabulary=_vocab(vocab.DATA_TYPES)),
        Column("paid", "boolean", True, "false for unpaid work (e.g. end users' inputs)."),
        Column("description", "string", False, "The task in more detail, with any doubt stated."),
        SOURCE_IDS,
        CERTAINTY,
        Column("phase", "string", False,
               "Key of the phase of the case the task belongs to, one of the `phases` of its "
               "datapackage.json; empty when the case has no phases.", kind="id"),
        Column("task_fr", "string", False, "The task in French."),
        Column("description_fr", "string", False, "The description in French."),
    ),
    primary_key="task_id",
    foreign_keys={"actor_id": ("actors", "actor_id"), "link_id": ("links", "link_id")},
)

SOURCES = Table(
    "sources",
    "The texts the rows cite.",
    (
        Column("source_id", "string", True, "Key cited in `source_ids` columns.",
               kind="source_key"),
        Column("citation", "string", True, "Full citation, in the source's own language."),
        Column("year", "integer", True, "Year of publication.", minimum=1900),
        Column("url", "string", False, "Where to read it (DOI link or web address).", kind="url"),
        Column("kind", "string", True, "What sort of text it is.",
               vocabulary=_vocab(vocab.SOURCE_KINDS)),
        Column("primary", "boolean", False,
               "true for the researchers' own texts and fieldwork (a primary source), false "
               "for press, summaries and translations."),
        Column("note", "string", False, "What the source covers, and how far it can be trusted."),
    ),
    primary_key="source_id",
)

CASE_TABLES: tuple[Table, ...] = (ACTORS, LINKS, TASKS, SOURCES)

PLATFORMS = Table(
    "platforms",
    "Inventory of micro-work platforms (Tubaro & Casilli 2019, Table 1).",
    (
        Column("platform_id", "string", True, "Key of the platform.", kind="id"),
        Column("name", "string", True, "Name of the platform."),
        Column("offer_type", "string", True, "What the platform offers.",
               vocabulary=_vocab(vocab.OFFER_TYPES)),
        Column("hq_city", "string", True, "City of the headquarters, as corrected if misspelt."),
        Column("country", "string", True, "ISO 3166-1 alpha-2 code of the headquarters.",
               kind="country"),
        Column("founded", "integer", True, "Year the platform was founded.", minimum=1900),
        Column("notes", "string", False, "Notes from the inventory."),
        SOURCE_IDS,
        CERTAINTY,
        Column("notes_fr", "string", False, "The notes in French."),
    ),
    primary_key="platform_id",
)

PLATFORM_LINKS = Table(
    "platform_links",
    "Who gives access to, owns or runs whom among the platforms.",
    (
        Column("platform_link_id", "string", True, "Key of the relation.", kind="id"),
        Column("from_platform", "string", True, "platform_id the sentence starts with."),
        Column("to_platform", "string", True, "platform_id the sentence ends with."),
        Column("relation", "string", True, "The relation.",
               vocabulary=_vocab(vocab.PLATFORM_RELATIONS)),
        Column("description", "string", False, "The relation in words."),
        SOURCE_IDS,
        CERTAINTY,
        Column("description_fr", "string", False, "The description in French."),
    ),
    primary_key="platform_link_id",
    foreign_keys={"from_platform": ("platforms", "platform_id"),
                  "to_platform": ("platforms", "platform_id")},
)

FIGURES = Table(
    "figures",
    "Key figures of the research, each with its scope, source and any dispute.",
    (
        Column("figure_id", "string", True, "Key of the figure.", kind="id"),
        Column("topic", "string", True, "Group of related figures (e.g. france_microworkers).",
               kind="id"),
        Column("label", "string", True, "What is measured."),
        Column("value", "number", True, "The value (lower bound of a range)."),
        Column("value_max", "number", False, "Upper bound when the source gives a range."),
        Column("unit", "string", True, "Unit of the value (people, percent, EUR per month...)."),
        Column("qualifier", "string", True, "How the value is to be read.",
               vocabulary=_vocab(vocab.QUALIFIERS)),
        Column("value_text", "string", False,
               "The value in the source's words when the source gives no number (e.g. 'a few "
               "dollars per image'); shown instead of value and qualifier."),
        Column("year", "integer", False, "Year the figure refers to.", minimum=1900),
        Column("scope", "string", True, "Population, place or market the figure covers."),
        Column("kind", "string", True, "What sort of figure it is.",
               vocabulary=_vocab(vocab.FIGURE_KINDS)),
        Column("dispute", "string", False, "Any critique or conflicting figure, with its source."),
        SOURCE_IDS,
        CERTAINTY,
        Column("label_fr", "string", False, "The label in French."),
        Column("scope_fr", "string", False, "The scope in French."),
        Column("dispute_fr", "string", False, "The dispute in French."),
        Column("value_text_fr", "string", False, "The value in words, in French."),
    ),
    primary_key="figure_id",
)

REFERENCE_TABLES: tuple[Table, ...] = (PLATFORMS, PLATFORM_LINKS, FIGURES, SOURCES)


def table_schema(table: Table) -> dict:
    """The Frictionless Table Schema of one table.

    It carries types, required fields, vocabularies, patterns and keys; what Table Schema
    cannot say (country codes known to ISO, sources cited, spreadsheet formulas) is checked by
    our validator only.
    """
    fields = []
    for col in table.columns:
        spec: dict = {"name": col.name, "type": col.type, "description": col.description}
        constraints: dict = {}
        if col.required:
            constraints["required"] = True
        if col.vocabulary:
            constraints["enum"] = list(col.vocabulary)
        if col.minimum is not None:
            constraints["minimum"] = col.minimum
        pattern = {"id": ID_PATTERN, "country": COUNTRY_PATTERN, "source_key": SOURCE_KEY_PATTERN,
                   "source_ids": SOURCE_IDS_PATTERN}.get(col.kind or "")
        if pattern:
            constraints["pattern"] = pattern
        if constraints:
            spec["constraints"] = constraints
        if col.type == "boolean":
            spec["trueValues"] = list(TRUE_VALUES)
            spec["falseValues"] = list(FALSE_VALUES)
        fields.append(spec)
    schema: dict = {"fields": fields, "primaryKey": [table.primary_key], "missingValues": [""]}
    if table.foreign_keys:
        schema["foreignKeys"] = [
            {"fields": [col], "reference": {"resource": ref_table, "fields": [ref_col]}}
            for col, (ref_table, ref_col) in table.foreign_keys.items()
        ]
    return schema


def resource(table: Table, header: list[str] | None = None) -> dict:
    """A Data Package resource entry for one table, schema included.

    With the file's `header`, optional columns the file does not have are left out of the
    schema (older folders lack columns added since), so that Frictionless checks the file as
    it is; without it, the schema lists every column of the contract.
    """
    if header is not None:
        table = Table(table.name, table.description,
                      tuple(c for c in table.columns if c.required or c.name in header),
                      table.primary_key, table.foreign_keys)
    return {
        "name": table.name,
        "path": table.filename,
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "description": table.description,
        "schema": table_schema(table),
    }


def file_header(path: Path) -> list[str] | None:
    """The column names of a CSV file's first line, or None when there is no such file."""
    if not path.is_file():
        return None
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [name.strip() for name in next(csv.reader(handle), [])]


def package_resources(folder: Path, tables: tuple[Table, ...]) -> list[dict]:
    """The resources a folder's datapackage.json must carry: each table as its file has it."""
    return [resource(t, file_header(folder / t.filename)) for t in tables]


def publish(package_path: Path, tables: tuple[Table, ...]) -> bool:
    """Write the current schemas into a datapackage.json, keeping its other properties.

    Returns True when the file changed. Used by maintainers after changing the contract.
    """
    package = json.loads(package_path.read_text(encoding="utf-8"))
    package["resources"] = package_resources(package_path.parent, tables)
    text = json.dumps(package, indent=2, ensure_ascii=False) + "\n"
    if package_path.read_text(encoding="utf-8") == text:
        return False
    package_path.write_text(text, encoding="utf-8")
    return True


def main(argv: list[str]) -> int:
    roots = [Path(a) for a in argv] or [Path("data")]
    for root in roots:
        for package_path in sorted(root.rglob("datapackage.json")):
            if "releases" in package_path.relative_to(root).parts[:-1]:
                continue  # released versions are kept as they were released
            tables = REFERENCE_TABLES if package_path.parent.name == "reference" else CASE_TABLES
            changed = publish(package_path, tables)
            print(f"{'updated' if changed else 'unchanged'}: {package_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
