"""Country flows: the cached flow frames, the map and the matrix, their text alternatives."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from typing import NamedTuple

import altair as alt
import pandas as pd
import streamlit as st

from app.charts.flow_map import COUNTRY_PARAM, flow_map_chart, od_matrix_chart, value_label
from app.charts.style import for_screen
from app.components.charts import ChartView, chart_view, render_chart, selected_values
from app.components.data import cached_view, data_version_key, get_dataset
from app.components.i18n import current_language, t
from app.components.state import choice_popover, chosen_summary, notice
from app.core import vocab
from app.core.flows import (NO_FUNCTION, UNKNOWN_COUNTRY, aggregate_country_flows,
                            collation_key, flows_touching, od_matrix)
from app.core.geo import country_name
from app.core.i18n import localized, translate, translate_count
from app.core.load import Dataset
from app.core.sources import citation_lookup, citations_for
from app.core.text import escape_markdown

ALL = ""
# The URL token for the unknown bucket (actors no source places in a country).
UNKNOWN_TOKEN = "unknown"
COLOUR_CHOICES = ("function", "relation")
MAP_HEIGHT = 560
MAX_PAIRS_NAMED = 8
COUNTRY_SELECT_KEY = "flows-country-select"
CASES_PARAM = "cases"


# --- shared by both analysis pages -------------------------------------------------------

def short_title(title: str) -> str:
    """A case title without its trailing "(countries)" part, for axes and legends."""
    head = title.rsplit(" (", 1)[0].strip() if title.endswith(")") else title
    return head or title


def case_titles(dataset: Dataset, lang: str = "en") -> dict[str, str]:
    """Each case's short title in `lang` (the English one, marked, where a case has none).

    Worked out once per dataset and language (pills and tables ask on every run); read-only.
    """
    def make() -> dict[str, str]:
        cases = dataset.cases.copy()
        for column in [c for c in ("title", f"title_{lang}") if c in cases.columns]:
            cases[column] = cases[column].fillna("").map(lambda t: short_title(t) if t else t)
        return dict(zip(cases["case_id"], localized(cases, "title", lang)))

    return dataset.derived(("case_titles", lang), make)


def synced_cases(dataset: Dataset, *, key: str, label: str | None = None) -> list[str]:
    """The cases as pills, kept in the URL as `?cases=a,b` (omitted when all are chosen).

    Unknown ids in a link are dropped with a notice; a link naming no known case shows all.
    Pills rather than a multiselect: every case title stays readable on a projector. They wait
    in a pop-over whose button says which cases are shown (`choice_popover`).
    """
    options = dataset.case_ids
    if key not in st.session_state or not set(st.session_state[key]) <= set(options):
        raw = st.query_params.get(CASES_PARAM)
        value = list(options)
        if raw:
            asked = [v for v in raw.split(",") if v]
            value = [v for v in options if v in asked] or list(options)
            unknown = [v for v in asked if v not in options]
            if unknown:
                notice(CASES_PARAM, ",".join(unknown), "state.reason.not_one_of",
                       allowed=escape_markdown(", ".join(options)))
        st.session_state[key] = value
    titles = case_titles(dataset, current_language())
    label = label or t("flows.cases_label")
    # Pills and pop-overs render their labels as Markdown: titles come from the data, so they
    # are escaped.
    def title(case_id: str) -> str:
        return escape_markdown(titles.get(case_id, case_id))

    with choice_popover(label, chosen_summary(st.session_state[key], options, title), key=key):
        chosen = st.pills(label, options, selection_mode="multi", key=key, format_func=title)
    chosen = [c for c in options if c in chosen]
    if set(chosen) == set(options):
        st.query_params.pop(CASES_PARAM, None)
    elif st.query_params.get(CASES_PARAM) != ",".join(chosen):
        st.query_params[CASES_PARAM] = ",".join(chosen)
    return chosen


def preselect(chart: alt.TopLevelMixin, name: str, field: str, value: str | None):
    """Show a point selection as already made (the view restored from the URL)."""
    if value is None:
        return chart
    params = chart.params if chart.params is not alt.Undefined else []
    for param in params:
        if getattr(param, "name", None) == name:
            param.value = [{field: value}]
    return chart


def take_pick(chart_key: str, param: str, target_key: str, allowed: Sequence[str]) -> None:
    """Callback of a chart's selection: what was clicked becomes the filter widget's value.

    An empty selection is ignored (a chart's state starts empty); the clear controls reset.
    """
    picked = [v for v in selected_values(st.session_state.get(chart_key), param, param)
              if v in allowed]
    if picked:
        st.session_state[target_key] = picked[0]


# --- flows ---------------------------------------------------------------------------------

def _country_options(dataset: Dataset, lang: str = "en") -> list[str]:
    """Every country of the loaded actors (by name in `lang`), then the unknown bucket;
    "" = all."""
    codes = sorted({c for c in dataset.actors["country"] if c},
                   key=lambda c: collation_key(country_name(c, lang)))
    unknown = [UNKNOWN_TOKEN] if (dataset.actors["country"] == "").any() else []
    return [ALL, *codes, *unknown]


@cached_view(max_entries=64)
def _cached_country_options(version: tuple, lang: str) -> list[str]:
    """Kept per data version: sorting every actor's country by name is redone on no rerun."""
    return _country_options(get_dataset(), lang)


def country_options(lang: str = "en") -> list[str]:
    """The country filter's options for the loaded data, in `lang`'s name order."""
    return _cached_country_options(data_version_key(), lang)


def country_label(code: str, lang: str | None = None) -> str:
    """A country option as shown: its name in the interface language, or "All countries"."""
    lang = lang or current_language()
    if code == ALL:
        return translate("flows.all_countries", lang)
    return country_name("" if code == UNKNOWN_TOKEN else code, lang)


def country_code(token: str) -> str:
    return UNKNOWN_COUNTRY if token == UNKNOWN_TOKEN else token


def clear_country() -> None:
    st.session_state[COUNTRY_SELECT_KEY] = ALL


def _filters(function: str, relation: str, certainty: str) -> dict:
    return {"functions": [function] if function else None,
            "relations": [relation] if relation else None,
            "certainties": [certainty] if certainty else None}


class FlowQuery(NamedTuple):
    """What the page asks for: the cases, the filters ("" = all) and the map's colouring.

    Hashable, so that it keys every cached view of the flows.
    """

    cases: tuple[str, ...]
    function: str
    relation: str
    certainty: str
    colour_by: str


@cached_view(max_entries=256)
def _flow_frames(version: tuple, query: FlowQuery) -> tuple[pd.DataFrame, pd.DataFrame,
                                                             pd.DataFrame]:
    """Flows by colour, per country pair, and per case and pair; keyed by data and filters."""
    dataset = get_dataset()
    common = {"cases": list(query.cases),
              **_filters(query.function, query.relation, query.certainty)}
    frames = [aggregate_country_flows(dataset.actors, dataset.links, dataset.tasks, by=by,
                                      **common)
              for by in ([query.colour_by], [], ["case_id"])]
    return frames[0], frames[1], frames[2]


def _wrap_subtitle(chart: alt.TopLevelMixin, width: int) -> alt.TopLevelMixin:
    """A long subtitle on several lines instead of cut short with an ellipsis."""
    title = chart.title
    if isinstance(title, alt.TitleParams) and isinstance(title.subtitle, str):
        title.subtitle = textwrap.wrap(title.subtitle, width)
    return chart


@cached_view(max_entries=128)
def _map_chart(version: tuple, query: FlowQuery, country: str | None, lang: str) -> ChartView:
    """The map, `country` shown as picked, with its summary and table: built and converted
    once per view, since converting an Altair chart costs more than drawing it."""
    flows = _flow_frames(version, query)[0]
    # The tooltips name the cases by their titles in `lang`, not by their ids.
    titles = case_titles(get_dataset(), lang)
    flows = flows.assign(cases=["; ".join(titles.get(c, c) for c in ids.split("; "))
                                for ids in flows["cases"]])
    chart = flow_map_chart(flows, colour_by=query.colour_by, height=MAP_HEIGHT, lang=lang)
    view = _flows_view(version, query, lang)
    return chart_view(for_screen(preselect(chart, COUNTRY_PARAM, "country", country), lang),
                      view.map_summary, view.table)


def drawable(flows: pd.DataFrame) -> bool:
    """Whether at least one flow has both ends on the map."""
    return bool(flows[["from_lon", "to_lon"]].notna().all(axis=1).any())


def _link_citations(dataset: Dataset) -> dict[str, list[str]]:
    lookup = citation_lookup(dataset.sources)
    return {f"{case}/{link}": citations_for(lookup, case, ids)
            for case, link, ids in dataset.links[["case_id", "link_id", "source_ids"]]
            .itertuples(index=False)}


def _label(value: str, kind: str, lang: str) -> str:
    return value_label(kind, value, lang) if value else value


def flow_table(dataset: Dataset, flows: pd.DataFrame, colour_by: str,
               lang: str = "en") -> pd.DataFrame:
    """The flows as rows a reader can check: from, to, what, how many, how sure, who says so.

    Headers, countries, vocabulary and case titles in `lang`; link ids and citations as given.
    """
    kind = "function" if colour_by == "relation" else "relation"
    cited = _link_citations(dataset)
    titles = case_titles(dataset, lang)

    def head(name: str) -> str:
        return translate(f"flows.table.{name}", lang)

    def sources(link_ids: str) -> str:
        seen = dict.fromkeys(c for i in link_ids.split("; ") for c in cited.get(i, []))
        return " | ".join(seen)

    table = pd.DataFrame({
        head("from"): [country_name(c, lang) for c in flows["from_country"]],
        head("to"): [country_name(c, lang) for c in flows["to_country"]],
        head(colour_by): [_label(v, colour_by, lang) for v in flows[colour_by]],
        head("links"): flows["n_links"].astype("int64"),
        head("tasks"): flows["n_tasks"].astype("int64"),
        head("workers"): flows["workers"],
        head("certainty"): [_label(v, "certainty", lang) for v in flows["certainty"]],
        head(f"{kind}s"): ["; ".join(_label(v, kind, lang) for v in s.split("; ") if v)
                           for s in flows[f"{kind}s"]],
        head("cases"): ["; ".join(titles.get(c, c) for c in s.split("; "))
                        for s in flows["cases"]],
        head("link_ids"): flows["link_ids"],
        head("sources"): [sources(ids) for ids in flows["link_ids"]],
    })
    if table[head("workers")].isna().all():
        table = table.drop(columns=head("workers"))
    return table


def _pair(from_code: str, to_code: str, lang: str) -> str:
    return f"{country_name(from_code, lang)} → {country_name(to_code, lang)}"


def _n_links(flows: pd.DataFrame) -> int:
    """Distinct links behind some flows (a link can sit in several rows)."""
    return len({i for ids in flows["link_ids"] for i in ids.split("; ")})


def _known(flows: pd.DataFrame) -> pd.Series:
    return (flows["from_country"] != UNKNOWN_COUNTRY) & (flows["to_country"] != UNKNOWN_COUNTRY)


def _cross_border(flows: pd.DataFrame) -> pd.DataFrame:
    """Flows between two different known countries, most links first."""
    cross = flows[_known(flows) & ~flows["domestic"]]
    return cross.sort_values(["n_links", "from_name", "to_name"],
                             ascending=[False, True, True])


def flow_summary(pairs: pd.DataFrame, lang: str = "en") -> str:
    """One sentence on the cross-border flows, e.g. "5 links cross 4 borders: A → B (2), ...",
    in `lang`, numbers written the way it writes them."""
    if pairs.empty:
        return translate("flows.no_match", lang)
    cross = _cross_border(pairs)
    n_cross = _n_links(cross)
    if n_cross:
        named = [translate("flows.summary.pair", lang, pair=_pair(f, t, lang), n=int(n))
                 for f, t, n in cross[["from_country", "to_country", "n_links"]]
                 .itertuples(index=False)]
        more = len(named) - MAX_PAIRS_NAMED
        listed = ", ".join(named[:MAX_PAIRS_NAMED])
        if more > 0:
            listed = translate("flows.summary.more", lang, listed=listed, more=more)
        text = translate_count("flows.summary.cross", n_cross, lang,
                          borders=translate_count("flows.summary.borders", len(cross), lang),
                          pairs=listed)
    else:
        text = translate("flows.summary.no_cross", lang)
    domestic = pairs[pairs["domestic"]].sort_values("n_links", ascending=False)
    if len(domestic):
        n = int(domestic["n_links"].sum())
        where = ", ".join(translate("flows.summary.within", lang,
                                    country=country_name(c, lang), n=int(k))
                          for c, k in domestic[["from_country", "n_links"]]
                          .itertuples(index=False))
        text += " " + translate_count("flows.summary.domestic", n, lang, where=where)
    unknown = pairs[~_known(pairs)]
    if len(unknown):
        text += " " + translate_count("flows.summary.unknown", _n_links(unknown), lang,
                                 unknown=country_name(UNKNOWN_COUNTRY, lang))
    return text


CASE_COUNTRY_COLUMNS = ["case", "countries", "n_countries", "n_cross", "borders"]


def countries_per_case(dataset: Dataset, per_case: pd.DataFrame,
                       lang: str = "en") -> pd.DataFrame:
    """For each case, the countries its (filtered) chain touches and the borders it crosses.

    Columns (`CASE_COUNTRY_COLUMNS`): the case's title, its countries' names (the unknown
    bucket last), how many known countries, how many links cross a border, and which borders.
    """
    titles = dict(zip(dataset.cases["case_id"], localized(dataset.cases, "title", lang)))
    rows = []
    for case_id in [c for c in dataset.case_ids if c in set(per_case["case_id"])]:
        g = per_case[per_case["case_id"] == case_id]
        codes = set(g["from_country"]) | set(g["to_country"])
        cross = _cross_border(g)
        named = sorted((country_name(c, lang) for c in codes if c), key=collation_key)
        if UNKNOWN_COUNTRY in codes:
            named.append(country_name(UNKNOWN_COUNTRY, lang))
        rows.append({
            "case": titles.get(case_id, case_id),
            "countries": ", ".join(named),
            "n_countries": len([c for c in codes if c]),
            "n_cross": _n_links(cross),
            "borders": "; ".join(_pair(f, t, lang) for f, t in
                                 cross[["from_country", "to_country"]]
                                 .itertuples(index=False)),
        })
    return pd.DataFrame(rows, columns=CASE_COUNTRY_COLUMNS)


def case_countries_markdown(table: pd.DataFrame, lang: str = "en") -> str:
    """Which countries each chain crosses, as a short Markdown list (all data text escaped)."""
    lines = []
    for row in table.to_dict("records"):
        counts = translate("flows.case_countries.counts", lang,
                           countries=translate_count("flows.n_countries", row["n_countries"],
                                                     lang),
                           links=translate_count("flows.n_cross_links", row["n_cross"], lang))
        lines.append(translate("flows.case_countries.line", lang,
                               case=escape_markdown(row["case"]),
                               countries=escape_markdown(row["countries"]), counts=counts))
    return "\n".join(lines)


def map_summary(flows: pd.DataFrame, pairs: pd.DataFrame, colour_by: str,
                lang: str = "en") -> str:
    """What the map draws, in words: lines, rings, and what it cannot place."""
    placed = pairs[pairs[["from_lon", "to_lon"]].notna().all(axis=1)]
    lines, rings = placed[~placed["domestic"]], placed[placed["domestic"]]
    order = [*(vocab.RELATIONS if colour_by == "relation" else vocab.FUNCTIONS), NO_FUNCTION]
    # In the sentence, functions in lower case like the relations ("préparation, recrute").
    colours = [_label(v, colour_by, lang).lower() for v in order if v in set(flows[colour_by])]
    drawn = []
    if len(lines):
        drawn.append(translate_count("flows.map_summary.lines", len(lines), lang))
    if len(rings):
        drawn.append(translate_count("flows.map_summary.rings", len(rings), lang))
    text = translate("flows.map_summary.text", lang,
                     drawn=translate("flows.and", lang).join(drawn),
                     by=translate(f"flows.colour.{colour_by}", lang).lower(),
                     colours=", ".join(colours))
    unplaced = pairs[pairs[["from_lon", "to_lon"]].isna().any(axis=1)]
    if len(unplaced):
        text += " " + translate_count("flows.map_summary.unplaced", _n_links(unplaced), lang)
    return text


def render_flow_map(query: FlowQuery, view: FlowsView, country: str) -> None:
    """The map; a click on a country's dot becomes the `country` filter (and the URL's)."""
    lang = current_language()
    if not view.drawable:
        st.info(t("flows.map.none_drawable"), icon=":material/public_off:")
        return
    on_map = country if country not in (ALL, UNKNOWN_TOKEN) else None
    chart = _map_chart(data_version_key(), query, on_map, lang)
    # The key carries the country so that a change of it starts a fresh selection state.
    key = f"flows-map-{country or 'all'}"
    allowed = [c for c in country_options(lang) if c not in (ALL, UNKNOWN_TOKEN)]
    render_chart(chart, key=key, file_stem="country-flows",
                 on_select=partial(take_pick, key, COUNTRY_PARAM, COUNTRY_SELECT_KEY, allowed),
                 selection_mode=COUNTRY_PARAM)


def od_summary(pairs: pd.DataFrame, lang: str = "en",
               matrix: pd.DataFrame | None = None) -> str:
    """The matrix in words: how many links between how many countries, and the biggest flow."""
    matrix = od_matrix(pairs, lang=lang) if matrix is None else matrix
    names = set(matrix.index) | set(matrix.columns)
    unknown = country_name(UNKNOWN_COUNTRY, lang)
    text = translate("flows.od_summary.text", lang,
                     links=translate_count("flows.n_links", _n_links(pairs), lang),
                     countries=translate_count("flows.n_countries", len(names), lang),
                     counting=(translate("flows.od_summary.counting_unknown", lang,
                                         unknown=unknown) if unknown in names else ""))
    cross = _cross_border(pairs)
    if len(cross):
        top = cross.iloc[0]
        text += " " + translate("flows.od_summary.top", lang,
                                origin=country_name(top["from_country"], lang),
                                destination=country_name(top["to_country"], lang),
                                n=int(top["n_links"]))
    return text


@cached_view(max_entries=128)
def _od_chart(version: tuple, query: FlowQuery, lang: str) -> ChartView:
    """The matrix with its summary and table, built and converted once per view (as the map)."""
    pairs = _flow_frames(version, query)[1]
    chart = _wrap_subtitle(od_matrix_chart(pairs, lang=lang), 70).properties(width="container")
    view = _flows_view(version, query, lang)
    return chart_view(for_screen(chart, lang), view.od_summary, view.od_table)


def render_od_matrix(query: FlowQuery) -> None:
    """The origin-destination matrix (each link once) and its table."""
    render_chart(_od_chart(data_version_key(), query, current_language()),
                 key="flows-od-matrix", file_stem="country-flows-matrix")


# --- the page's views, cached ----------------------------------------------------------------

@dataclass(frozen=True)
class FlowsView:
    """Every text and table of the page that the country filter does not change."""

    summary: str  # the borders crossed, in one sentence
    drawable: bool  # whether any flow has both ends on the map
    map_summary: str
    table: pd.DataFrame  # every flow
    od_summary: str
    od_table: pd.DataFrame
    case_countries: str  # Markdown list: the countries each chain crosses


@cached_view(max_entries=128)
def _flows_view(version: tuple, query: FlowQuery, lang: str) -> FlowsView | None:
    """Made once per view so that a rerun only draws it; None when no flow matches."""
    flows, pairs, per_case = _flow_frames(version, query)
    if flows.empty:
        return None
    dataset = get_dataset()
    matrix = od_matrix(pairs, lang=lang)
    corner = translate("flows.od_table.corner", lang)
    return FlowsView(
        summary=flow_summary(pairs, lang),
        drawable=drawable(flows),
        map_summary=map_summary(flows, pairs, query.colour_by, lang),
        table=flow_table(dataset, flows, query.colour_by, lang),
        od_summary=od_summary(pairs, lang, matrix),
        od_table=matrix.rename_axis(index=corner, columns=None).reset_index(),
        case_countries=case_countries_markdown(countries_per_case(dataset, per_case, lang),
                                               lang))


def flows_view(query: FlowQuery) -> FlowsView | None:
    """The page's texts and tables for `query` in the interface language; None when no flow
    matches."""
    return _flows_view(data_version_key(), query, current_language())


@cached_view(max_entries=128)
def _country_table(version: tuple, query: FlowQuery, country: str, lang: str) -> pd.DataFrame:
    """The flow table narrowed to one country, made once per view (empty if none touch it)."""
    shown = flows_touching(_flow_frames(version, query)[0], country_code(country))
    if shown.empty:
        return pd.DataFrame()
    return flow_table(get_dataset(), shown, query.colour_by, lang)


def flows_table(query: FlowQuery, view: FlowsView, country: str) -> pd.DataFrame:
    """The table under the map: every flow, or those that start or end in `country`."""
    if country == ALL:
        return view.table
    return _country_table(data_version_key(), query, country, current_language())


def render_case_countries(view: FlowsView) -> None:
    """Which countries each chain crosses (the list made in `_flows_view`)."""
    st.markdown(view.case_countries)
