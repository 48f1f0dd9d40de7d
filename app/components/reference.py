"""Shared pieces of the reference pages (platforms, key figures, sources and data).

The small frame builders here are pure pandas (no `st.*`); they would belong in a `core`
module of their own (see the report of the reference pages) and are kept private to this
module until then. Everything that reaches Markdown goes through `escape_markdown`.
"""

from __future__ import annotations

import re

import pandas as pd
import streamlit as st

from app.charts.reference_charts import REFERENCE, figure_value_text, reference_citations
from app.components.data import data_version_key, get_dataset
from app.components.downloads import render_csv_download
from app.components.state import synced_multiselect
from app.core import vocab
from app.core.load import DATA_DIR, Dataset, Reference
from app.core.sources import citations_for, rows_citing
from app.core.tables import words
from app.core.text import escape_markdown
from app.core.validate import split_ids

REFERENCE_LABEL = "Reference tables"
CASE_TABLES = ("actors", "links", "tasks")
REFERENCE_TABLES = ("platforms", "platform_links", "figures")
TABLE_LABELS = {"actors": "actors", "links": "links", "tasks": "tasks", "platforms": "platforms",
                "platform_links": "platform relations", "figures": "figures"}
URL = re.compile(r"^https?://\S+$")
DICTIONARY = DATA_DIR / "README.md"


# ---------------------------------------------------------------------------------------------
# Filters


def multiselect_from_link(label: str, options: list[str], *, key: str, param: str,
                          **kwargs) -> list[str]:
    """`synced_multiselect` (default: every option) that falls back to the default view when
    the link names no known option at all, instead of showing nothing.

    An explicitly empty `param=` still means "none selected" (that is what the widget writes
    when it is cleared). Works by adding the defaults to such a link before the widget reads
    it, so the unknown values still get their notice and the default is left out of the URL.
    """
    raw = st.query_params.get(param)
    if key not in st.session_state and raw:
        asked = [v for v in raw.split(",") if v]
        if asked and not set(asked) & set(options):
            st.query_params[param] = ",".join([*asked, *options])
    return synced_multiselect(label, options, key=key, param=param, **kwargs)


# ---------------------------------------------------------------------------------------------
# Key figures


def render_sourced_metric(row: pd.Series, lookup: dict) -> None:
    """One figure as a metric, with its scope and full citation underneath."""
    # The label as text above: a metric's own label is cut to one line.
    st.markdown(f"**{escape_markdown(row['label'])}**")
    st.metric(escape_markdown(row["label"]),
              figure_value_text(row["value"], row["value_max"], row["unit"], row["qualifier"]),
              label_visibility="collapsed")
    cites = " | ".join(citations_for(lookup, REFERENCE, row["source_ids"]))
    st.caption(escape_markdown(f"{row['scope']}. Source: {cites}"))


def render_metric_row(rows: pd.DataFrame, lookup: dict, per_row: int = 4) -> None:
    """Figures as metrics, `per_row` to a line."""
    records = [r for _, r in rows.iterrows()]
    for start in range(0, len(records), per_row):
        for col, row in zip(st.columns(per_row), records[start:start + per_row]):
            with col.container(border=True):
                render_sourced_metric(row, lookup)


def render_dispute(row: pd.Series, lookup: dict, *, heading: str) -> None:
    """A figure's dispute beside the figure: what is disputed, by whom, and the citations."""
    with st.container(border=True):
        st.markdown(f"**{escape_markdown(heading)}**")
        st.markdown(escape_markdown(f"{row['label']}: {row['text']}."))
        st.markdown(f"*{escape_markdown(row['dispute'])}*")
        keys = dispute_sources(row)
        cites = citations_for(lookup, REFERENCE, ";".join(keys))
        st.caption(escape_markdown(" | ".join(f"{k}: {c}" for k, c in zip(keys, cites))))


def dispute_sources(row: pd.Series) -> list[str]:
    """The row's sources that its dispute names (e.g. P9), else all the row's sources."""
    keys = split_ids(row["source_ids"])
    named = [k for k in keys if re.search(rf"\b{re.escape(k)}\b", str(row["dispute"]))]
    return named or keys


# ---------------------------------------------------------------------------------------------
# Sources and data


def _frames(dataset: Dataset, reference: Reference | None) -> dict[str, dict[str, pd.DataFrame]]:
    """The tables that cite sources, by where they come from (a case id or "reference")."""
    out: dict[str, dict[str, pd.DataFrame]] = {}
    for case_id in dataset.case_ids:
        out[case_id] = {t: getattr(dataset, t)[getattr(dataset, t)["case_id"] == case_id]
                        for t in CASE_TABLES}
    if reference is not None:
        out[REFERENCE] = {t: getattr(reference, t).assign(case_id=REFERENCE)
                          for t in REFERENCE_TABLES}
    return out


def _all_sources(dataset: Dataset, reference: Reference | None) -> pd.DataFrame:
    """Every source of every case and of the reference tables, with where it comes from."""
    parts = [dataset.sources]
    if reference is not None:
        parts.append(reference.sources.assign(case_id=REFERENCE))
    return pd.concat(parts, ignore_index=True)


def safe_url(value: object) -> str | None:
    """The URL when it is a plain http(s) address, else None (shown as an empty cell)."""
    text = str(value or "").strip()
    return text if URL.match(text) else None


def _where(origin: str) -> str:
    return REFERENCE_LABEL if origin == REFERENCE else origin


def _counts_text(counts: dict[str, int]) -> str:
    def label(table: str, n: int) -> str:
        plural = TABLE_LABELS.get(table, table)
        return plural[:-1] if n == 1 and plural.endswith("s") else plural
    return ", ".join(f"{n} {label(t, n)}" for t, n in counts.items() if n)


@st.cache_data(show_spinner=False, max_entries=16)
def _overview(version: tuple, reference_key: int, _reference: Reference | None
              ) -> tuple[pd.DataFrame, pd.DataFrame]:
    dataset = get_dataset()
    frames = _frames(dataset, _reference)
    sources = _all_sources(dataset, _reference)
    counts = []
    for origin, source_id in zip(sources["case_id"], sources["source_id"]):
        for table, n in rows_citing(frames[origin], origin, source_id).items():
            counts.append({"source_id": source_id, "origin": origin, "table": table, "rows": n})
    counts = pd.DataFrame(counts, columns=["source_id", "origin", "table", "rows"])
    return sources, counts


def sources_overview(reference: Reference | None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(every source row with its `case_id` origin, rows citing it per origin and table)."""
    # The reference tables are one cached object per version of their files (get_reference).
    return _overview(data_version_key(), id(reference), reference)


def source_table(sources: pd.DataFrame, counts: pd.DataFrame) -> pd.DataFrame:
    """One row per source text: key, citation, link, and how many rows cite it where."""
    rows = []
    for (source_id, citation), group in sources.groupby(["source_id", "citation"], sort=False):
        first = group.iloc[0]
        mine = counts[counts["source_id"] == source_id]
        where = []
        for origin in group["case_id"]:
            here = mine[mine["origin"] == origin]
            text = _counts_text(dict(zip(here["table"], here["rows"])))
            where.append(f"{_where(origin)}: {text or 'listed, no row cites it'}")
        rows.append({
            "Key": source_id, "Citation": citation, "Year": first["year"],
            "Kind": first["kind"], "Link": safe_url(first["url"]),
            "Rows citing it": int(mine[mine["origin"].isin(group["case_id"])]["rows"].sum()),
            "Where": "; ".join(where), "Note": first["note"],
        })
    table = pd.DataFrame(rows, columns=["Key", "Citation", "Year", "Kind", "Link",
                                        "Rows citing it", "Where", "Note"])
    order = sorted(range(len(table)), key=lambda i: _key_order(table["Key"].iloc[i]))
    return table.iloc[order].reset_index(drop=True)


def _key_order(key: str) -> tuple:
    """S0, S1 ... before P1, P2 ...: letters first, then the number as a number."""
    match = re.match(r"^([A-Za-z]*)(\d*)", key)
    letters, digits = (match.group(1), match.group(2)) if match else (key, "")
    return ({"S": 0, "P": 1}.get(letters, 2), letters, int(digits) if digits else 0, key)


def render_source_table(table: pd.DataFrame) -> None:
    st.dataframe(
        table, hide_index=True, key="sources-table", height=min(35 * (len(table) + 1) + 3, 800),
        column_config={
            "Key": st.column_config.TextColumn("Key", width=48),
            "Citation": st.column_config.TextColumn("Citation", width=440),
            "Year": st.column_config.NumberColumn("Year", format="%d", width=56),
            "Kind": st.column_config.TextColumn("Kind", width=64),
            "Link": st.column_config.LinkColumn("Link", help="DOI or web address (http/https "
                                                "only; empty when the source has none)",
                                                display_text=r"^https?://(.*)$", width=230),
            "Rows citing it": st.column_config.NumberColumn("Rows citing it", width=100),
            "Where": st.column_config.TextColumn("Cited in", width=300),
            "Note": st.column_config.TextColumn("Note", width=440),
        })


def _row_text(table: str, frame: pd.DataFrame, names: dict[str, str]) -> list[str]:
    if table == "actors":
        return frame["name"].tolist()
    if table == "links":
        return [f"{names.get(a, a)} {vocab.RELATION_LABELS.get(r, words(r))} {names.get(b, b)}"
                for a, r, b in zip(frame["from_actor"], frame["relation"], frame["to_actor"])]
    if table == "tasks":
        return frame["task"].tolist()
    if table == "platforms":
        return frame["name"].tolist()
    if table == "platform_links":
        return [f"{a} {words(r)} {b}" for a, r, b in
                zip(frame["from_platform"], frame["relation"], frame["to_platform"])]
    if table == "figures":
        return [f"{label}: {figure_value_text(v, m, u, q)}" for label, v, m, u, q in zip(
            frame["label"], frame["value"], frame["value_max"], frame["unit"],
            frame["qualifier"])]
    return [""] * len(frame)


KEY_COLUMNS = {"actors": "actor_id", "links": "link_id", "tasks": "task_id",
               "platforms": "platform_id", "platform_links": "platform_link_id",
               "figures": "figure_id"}


def citing_rows(frames: dict[str, dict[str, pd.DataFrame]], source_id: str,
                origins: list[str]) -> pd.DataFrame:
    """Every row (of the given origins) whose `source_ids` cites the source, in words."""
    rows = []
    for origin in origins:
        tables = frames.get(origin, {})
        actors = tables.get("actors")
        names = dict(zip(actors["actor_id"], actors["name"])) if actors is not None else {}
        for table, frame in tables.items():
            mine = frame[frame["source_ids"].map(lambda ids: source_id in split_ids(ids))]
            for key, text, cert in zip(mine[KEY_COLUMNS[table]], _row_text(table, mine, names),
                                       mine["certainty"]):
                rows.append({"Where": _where(origin), "Table": table, "Row": key,
                             "What": text, "Certainty": cert})
    return pd.DataFrame(rows, columns=["Where", "Table", "Row", "What", "Certainty"])


def render_citing_rows(dataset: Dataset, reference: Reference | None, sources: pd.DataFrame,
                       counts: pd.DataFrame) -> None:
    """One expander per source: counts per table per case, then the rows themselves."""
    frames = _frames(dataset, reference)
    keys = sorted(dict.fromkeys(sources["source_id"]), key=_key_order)
    for source_id in keys:
        group = sources[sources["source_id"] == source_id]
        origins = list(dict.fromkeys(group["case_id"]))
        mine = counts[(counts["source_id"] == source_id) & counts["origin"].isin(origins)]
        total = int(mine["rows"].sum())
        citation = str(group["citation"].iloc[0])
        short = citation if len(citation) <= 90 else citation[:89] + "…"
        with st.expander(f"{escape_markdown(source_id)}: {escape_markdown(short)} "
                         f"({total} row{'s' if total != 1 else ''})"):
            grid = (mine.assign(Where=mine["origin"].map(_where))
                    .pivot_table(index="Where", columns="table", values="rows", aggfunc="sum",
                                 fill_value=0, sort=False)
                    .reset_index())
            grid.columns.name = None
            st.dataframe(grid, hide_index=True, key=f"sources-counts-{source_id}")
            listing = citing_rows(frames, source_id, origins)
            if listing.empty:
                st.info("No row cites this source.", icon=":material/info:")
            else:
                st.dataframe(listing, hide_index=True, key=f"sources-rows-{source_id}")


def download_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A table as its CSV file holds it: no `case_id` column, booleans as true/false."""
    out = frame.drop(columns=["case_id"], errors="ignore").copy()
    for col in out.columns:
        if out[col].dtype == bool:
            out[col] = out[col].map({True: "true", False: "false"})
    return out


def render_case_downloads(dataset: Dataset, case_id: str) -> None:
    """The four tables of one case, each as a CSV download."""
    part = dataset.only(case_id)
    cols = st.columns(4)
    for col, table in zip(cols, ("actors", "links", "tasks", "sources")):
        with col:
            render_csv_download(download_frame(getattr(part, table)), f"{case_id}_{table}.csv",
                                key=f"sources-download-{case_id}-{table}",
                                label=f"{table}.csv ({len(getattr(part, table))} rows)")


def render_reference_downloads(reference: Reference) -> None:
    cols = st.columns(4)
    for col, table in zip(cols, ("platforms", "platform_links", "figures", "sources")):
        frame = getattr(reference, table)
        with col:
            render_csv_download(download_frame(frame), f"reference_{table}.csv",
                                key=f"sources-download-reference-{table}",
                                label=f"{table}.csv ({len(frame)} rows)")


def render_dictionary_download() -> None:
    if DICTIONARY.is_file():
        st.download_button("Data dictionary (data/README.md)", DICTIONARY.read_bytes(),
                           file_name="data-dictionary_README.md", mime="text/markdown",
                           key="sources-dictionary-download", icon=":material/download:",
                           on_click="ignore")


def reference_lookup(reference: Reference) -> dict:
    return reference_citations(reference.sources)
