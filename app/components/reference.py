"""The reference pages' shared pieces: sourced metrics and disputes, the list of sources with the
rows citing each, and the downloads of every table.

Only rendering and caching here: the tables themselves are built by `app.core.reference`, the
charts by `app.charts.reference_charts`. Everything that reaches Markdown goes through
`escape_markdown`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from app.charts.reference_charts import (funnel_chart, market_chart, offer_type_chart,
                                         platform_map_chart, platform_relations_chart,
                                         platform_timeline_chart, range_chart, share_chart,
                                         unit_price_chart)
from app.components.charts import ChartView, chart_view
from app.components.data import (cached_view, data_version_key, get_dataset,
                                 reference_tables, reference_version_key)
from app.components.downloads import render_csv_download
from app.components.i18n import current_language, t, tn
from app.components.tables import render_table
from app.core import vocab
from app.core.i18n import translate, translate_count
from app.core.load import DATA_DIR, Dataset, Reference
from app.core.reference import (FIGURE_COLUMNS, FIGURE_COLUMNS_BRIEF, REFERENCE, all_sources,
                                by_source_summary, cited_keys, citing_frames, citing_rows,
                                differing_figures, dispute_sources, download_frame, figure_rows,
                                figure_summary, figure_table, founded_before, founded_before_answer,
                                headquarters_summary, keyed_citations, links_between, market_rows,
                                market_summary, offer_counts, offer_summary, platform_points,
                                platform_relation_table, platform_table, reference_citations,
                                relation_sentences, separator, source_counts, source_entry,
                                source_heading, source_records, source_table, timeline_summary)
from app.core.sources import citations_for
from app.core.text import escape_markdown

DICTIONARY = DATA_DIR / "README.md"
# Topics of the key figures drawn as charts, above the tables of the other topics.
CHARTED_TOPICS = ("france_microworkers", "madagascar_study", "madagascar_pay", "market",
                  "unit_prices")
FOUNDED_BEFORE = 2000  # the platforms page answers: which platforms were founded before it?


# ---------------------------------------------------------------------------------------------
# Views of the reference tables
#
# Built once per version of the reference files, language and filter, then drawn on every
# run: Altair's conversion and the pandas tables cost more than drawing. Pure values only (no
# `st.*` inside), shared read-only by every session (`cached_view`).


@dataclass(frozen=True)
class SourcedMetric:
    """One figure shown as a number: label, value as it reads, scope and full citations."""

    label: str
    text: str
    caption: str


@dataclass(frozen=True)
class Dispute:
    """A disputed figure: the figure, the dispute, and the citations of who disputes it."""

    figure: str
    dispute: str
    citations: str


@dataclass(frozen=True)
class TopicView:
    """What the figures page draws for one topic; pieces the topic has not are left empty."""

    chart: ChartView | None = None  # for the Madagascar study: its shares (if any)
    warning: str = ""  # figures that differ by source, or forecasts among measurements
    disputes: tuple[Dispute, ...] = ()  # critiques, beside the chart
    caption: str = ""  # the chart's sources, critics left out
    metrics: tuple[SourcedMetric, ...] = ()  # figures shown as numbers
    brief_table: pd.DataFrame | None = None  # an uncharted topic's figures, in short


@dataclass(frozen=True)
class PlatformsView:
    """Everything the platforms page draws for one choice of offer types."""

    answer: str  # which of them were founded before `FOUNDED_BEFORE`
    shown: str  # how many of the inventory are shown
    answer_sources: str
    map: ChartView
    timeline: ChartView
    offers: ChartView
    relations: ChartView | None  # None when no relation links two platforms shown
    table: pd.DataFrame


def _figure_topic_view(topic: str, rows: pd.DataFrame, reference: Reference,
                       lookup: dict, lang: str) -> TopicView:
    def table_of(frame: pd.DataFrame, columns: Sequence[str] = FIGURE_COLUMNS) -> pd.DataFrame:
        figures = reference.figures[reference.figures["figure_id"].isin(frame["figure_id"])]
        return figure_table(figures, reference.sources, lang, columns)

    def figure_chart(chart, summary: str, frame: pd.DataFrame) -> ChartView:
        return chart_view(chart, summary, table_of(frame))

    if topic == "france_microworkers":
        disputed = rows[rows["dispute"] != ""]
        critics = {k for _, row in disputed.iterrows() for k in dispute_sources(row)}
        return TopicView(
            chart=figure_chart(funnel_chart(rows, lang=lang),
                               figure_summary(rows.sort_values("value", ascending=False), lang),
                               rows),
            disputes=tuple(Dispute(
                translate("figures.dispute.figure", lang, label=row["label"], text=row["text"]),
                row["dispute"], keyed_citations(lookup, dispute_sources(row), lang))
                for _, row in disputed.iterrows()),
            caption=translate("figures.funnel.caption", lang, sources=keyed_citations(
                lookup, cited_keys(rows["source_ids"], leave_out=critics), lang)))
    if topic == "madagascar_study":
        shares = rows[rows["unit"] == "percent"]
        return TopicView(
            metrics=tuple(SourcedMetric(row["label"], row["text"], translate(
                "figures.metric.caption", lang, scope=row["scope"],
                sources=" | ".join(citations_for(lookup, REFERENCE, row["source_ids"]))))
                for _, row in rows[rows["unit"] != "percent"].iterrows()),
            chart=figure_chart(
                share_chart(shares, lang=lang,
                            title=translate("figures.madagascar.shares_title", lang)),
                translate("figures.with_sources", lang, summary=figure_summary(shares, lang),
                          sources=", ".join(cited_keys(shares["source_ids"]))),
                shares) if len(shares) else None)
    if topic == "madagascar_pay":
        secondary = set(rows["certainty"]) == {"reported"}
        return TopicView(
            chart=figure_chart(range_chart(rows, lang=lang), by_source_summary(rows, lang), rows),
            warning=translate(
                "figures.pay.differ_secondary" if secondary else "figures.pay.differ", lang,
                figures=differing_figures(rows, lang)) if rows["dispute"].ne("").any() else "")
    if topic == "market":
        forecasts = rows[rows["kind"] == "forecast"]
        return TopicView(
            chart=figure_chart(market_chart(rows, lang=lang),
                               market_summary(market_rows(rows, lang), lang), rows),
            warning=translate("figures.market.forecasts", lang, count=len(forecasts),
                              total=len(rows), scopes=separator(lang).join(
                                  dict.fromkeys(forecasts["scope"]))) if len(forecasts) else "")
    if topic == "unit_prices":
        return TopicView(chart=figure_chart(unit_price_chart(rows, lang=lang),
                                            figure_summary(rows, lang), rows))
    return TopicView(brief_table=table_of(rows, FIGURE_COLUMNS_BRIEF))


@cached_view(max_entries=8)
def _figure_topic_views(version: int, lang: str) -> dict[str, TopicView]:
    reference = reference_tables(version)
    rows = figure_rows(reference.figures, reference.sources, lang)
    lookup = reference_citations(reference.sources)
    return {topic: _figure_topic_view(topic, rows[rows["topic"] == topic], reference, lookup,
                                      lang)
            for topic in dict.fromkeys(reference.figures["topic"])}


def figure_topic_views() -> dict[str, TopicView]:
    """Every topic of the key figures (with rows), as the figures page draws it.

    A topic's charts and texts depend only on its own rows: built once for all topics, the page
    picks the chosen ones.
    """
    return _figure_topic_views(reference_version_key(), current_language())


@cached_view(max_entries=64)
def _figures_table(version: int, topics: tuple[str, ...], lang: str) -> pd.DataFrame:
    reference = reference_tables(version)
    return figure_table(reference.figures[reference.figures["topic"].isin(topics)],
                        reference.sources, lang)


def figures_table(topics: Sequence[str]) -> pd.DataFrame:
    """Every figure of these topics, in the reference's order (whatever order they are in)."""
    return _figures_table(reference_version_key(), tuple(sorted(set(topics))),
                          current_language())


@cached_view(max_entries=64)
def _platforms_view(version: int, offers: tuple[str, ...], lang: str) -> PlatformsView | None:
    reference = reference_tables(version)
    platforms = reference.platforms[reference.platforms["offer_type"].isin(offers)]
    if platforms.empty:
        return None
    early = founded_before(platforms, FOUNDED_BEFORE)
    lookup = reference_citations(reference.sources)
    cited = keyed_citations(lookup, cited_keys((early if len(early) else platforms)["source_ids"]),
                            lang)
    points = platform_points(platforms, lang=lang)
    links = links_between(reference.platform_links, platforms["platform_id"])

    def table(columns: Sequence[str]) -> pd.DataFrame:
        return platform_table(platforms, reference.sources, lang, columns)

    return PlatformsView(
        answer=founded_before_answer(platforms, FOUNDED_BEFORE, lang),
        shown=translate_count("platforms.shown", len(platforms), lang,
                              total=len(reference.platforms)),
        answer_sources=translate("platforms.answer_sources", lang, sources=cited),
        map=chart_view(
            platform_map_chart(points, lang=lang),
            headquarters_summary(points, lang) + " " + translate("platforms.map.placement", lang),
            table(("platform", "offer", "headquarters", "country", "founded"))),
        timeline=chart_view(
            platform_timeline_chart(platforms, before=FOUNDED_BEFORE, lang=lang),
            timeline_summary(platforms, FOUNDED_BEFORE, lang),
            table(("platform", "founded", "offer", "headquarters"))),
        offers=chart_view(
            offer_type_chart(platforms, lang=lang),
            offer_summary(offer_counts(platforms, list(vocab.OFFER_TYPES), lang), lang),
            table(("platform", "offer"))),
        relations=None if links.empty else chart_view(
            platform_relations_chart(platforms, links, lang=lang),
            separator(lang).join(relation_sentences(reference.platforms, links, lang)) + ".",
            platform_relation_table(reference.platforms, links, reference.sources, lang)),
        table=platform_table(platforms, reference.sources, lang))


def platforms_view(offers: Sequence[str]) -> PlatformsView | None:
    """The platforms page for these offer types (in any order), or None when none has them."""
    chosen = tuple(offer for offer in vocab.OFFER_TYPES if offer in set(offers))
    return _platforms_view(reference_version_key(), chosen, current_language())


# ---------------------------------------------------------------------------------------------
# Key figures


def render_sourced_metric(metric: SourcedMetric) -> None:
    """One figure as a metric, with its scope and full citation under it."""
    # The label as text above: a metric's own label is cut to one line.
    st.markdown(f"**{escape_markdown(metric.label)}**")
    st.metric(escape_markdown(metric.label), metric.text, label_visibility="collapsed")
    st.caption(escape_markdown(metric.caption))


def render_metric_row(metrics: Sequence[SourcedMetric], per_row: int = 4) -> None:
    """Figures as metrics, `per_row` to a line."""
    for start in range(0, len(metrics), per_row):
        for col, metric in zip(st.columns(per_row), metrics[start:start + per_row]):
            with col.container(border=True):
                render_sourced_metric(metric)


def render_dispute(dispute: Dispute, *, heading: str) -> None:
    """A figure's dispute beside the figure: what is disputed, by whom, and the citations."""
    with st.container(border=True):  # one text element: each element costs a phone's render
        st.markdown(f"**{escape_markdown(heading)}**\n\n{escape_markdown(dispute.figure)}"
                    f"\n\n*{escape_markdown(dispute.dispute)}*")
        st.caption(escape_markdown(dispute.citations))


# ---------------------------------------------------------------------------------------------
# Sources and data


@cached_view(max_entries=16)
def _overview(version: tuple, reference_key: int, _reference: Reference | None
              ) -> tuple[pd.DataFrame, pd.DataFrame]:
    dataset = get_dataset()
    sources = all_sources(dataset, _reference)
    return sources, source_counts(citing_frames(dataset, _reference), sources)


@dataclass(frozen=True)
class SourceEntry:
    """One source on the sources page: its key, its heading and Markdown entry, and the rows
    citing it."""

    key: str
    heading: str
    text: str
    rows: pd.DataFrame

    def markdown(self) -> str:
        return f"#### {self.heading}\n\n{self.text}"


@dataclass(frozen=True)
class SourcesView:
    """What the sources page shows for one scope: one entry per source, and the same list as a
    table for download."""

    entries: tuple[SourceEntry, ...]
    table: pd.DataFrame

    def keys(self) -> list[str]:
        """Each key once, in the list's order: the choices of citing rows (a key with two texts
        shows the rows of both)."""
        return list(dict.fromkeys(entry.key for entry in self.entries))

    def entries_for(self, key: str) -> tuple[SourceEntry, ...]:
        """The entries of a key: one, or one per text when cases give the key different texts."""
        return tuple(e for e in self.entries if e.key == key)


@cached_view(max_entries=64)
def _sources_view(version: tuple, reference_key: int, scope: str, lang: str,
                  _reference: Reference | None) -> SourcesView | None:
    dataset = get_dataset()
    sources, counts = _overview(version, reference_key, _reference)
    if scope:
        sources = sources[sources["case_id"] == scope]
        counts = counts[counts["origin"] == scope]
    if sources.empty:
        return None
    frames = citing_frames(dataset, _reference)
    records = source_records(sources, counts, lang)
    entries = []
    for record in records.to_dict("records"):
        key = str(record["key"])
        same = (sources["source_id"] == key) & (sources["citation"] == record["citation"])
        origins = list(dict.fromkeys(sources.loc[same, "case_id"]))
        entries.append(SourceEntry(key, source_heading(record), source_entry(record, lang),
                                   citing_rows(frames, key, origins, lang)))
    return SourcesView(tuple(entries), source_table(records, lang))


def sources_view(reference: Reference | None, scope: str) -> SourcesView | None:
    """The sources of `scope` ("" for all) and the rows citing each, in the current language;
    None when there is none. Made once per data version, scope and language."""
    return _sources_view(data_version_key(), reference_version_key() if reference else 0,
                         scope, current_language(), reference)


def render_source_list(view: SourcesView) -> None:
    """Each source as an entry of a reference list. Text only: the rows citing a source are
    drawn when the reader asks for them (`render_citing_rows`), the list as a CSV with the
    other downloads (`render_source_list_download`). One Markdown element for the whole list:
    one element per entry cost a phone a tenth of the page's first render."""
    st.markdown("\n\n".join(entry.markdown() for entry in view.entries))


def render_source_list_download(view: SourcesView) -> None:
    render_csv_download(view.table, "sources-list.csv", key="sources-list-download",
                        label=t("sources.download_list"))


def render_citing_rows(entry: SourceEntry, n: int = 0) -> None:
    """One source's entry, then every row that cites it, as a table and a CSV (`n`: which of
    the key's texts, when cases give one key several)."""
    st.markdown(entry.markdown())
    if entry.rows.empty:
        st.info(t("sources.no_citing_row"), icon=":material/info:")
        return
    st.caption(tn("sources.rows_caption", len(entry.rows), source=escape_markdown(entry.key)))
    suffix = f"-{n + 1}" if n else ""
    render_table(entry.rows, key=f"sources-rows-table{suffix}")
    render_csv_download(entry.rows, f"sources-rows-{entry.key}{suffix}.csv",
                        key=f"sources-rows-download{suffix}")


def _render_downloads(frames: dict[str, pd.DataFrame], stem: str, key: str) -> None:
    for col, (table, frame) in zip(st.columns(len(frames)), frames.items()):
        with col:
            render_csv_download(download_frame(frame), f"{stem}_{table}.csv",
                                key=f"sources-download-{key}-{table}",
                                label=tn("sources.download.table", len(frame), table=table))


def render_case_downloads(dataset: Dataset, case_id: str) -> None:
    """The four tables of one case, each as a CSV download."""
    part = dataset.only(case_id)
    _render_downloads({t_: getattr(part, t_) for t_ in ("actors", "links", "tasks", "sources")},
                      case_id, case_id)


def render_reference_downloads(reference: Reference) -> None:
    """The four reference tables, each as a CSV download."""
    _render_downloads({t_: getattr(reference, t_) for t_ in
                       ("platforms", "platform_links", "figures", "sources")},
                      "reference", "reference")


def render_dictionary_download() -> None:
    if DICTIONARY.is_file():
        st.download_button(t("sources.dictionary_download"), DICTIONARY.read_bytes(),
                           file_name="data-dictionary_README.md", mime="text/markdown",
                           key="sources-dictionary-download", icon=":material/download:",
                           on_click="ignore")
