"""Every chart is shown the same way: the chart, a one-line summary, and the table behind it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import altair as alt
import pandas as pd
import streamlit as st
from streamlit import dataframe_util

from app.charts.export import chart_png, chart_svg
from app.charts.spec import vega_lite_spec
from app.charts.style import titles_wrapped
from app.components.downloads import render_csv_download
from app.components.frame import on_phone
from app.components.i18n import t
from app.components.state import render_notices, synced_choice
from app.components.tables import render_table
from app.core.text import escape_markdown


@dataclass(frozen=True)
class ChartView:
    """A chart as a page shows it, made once per view in a cached function.

    `spec` is the chart's Vega-Lite JSON (for the SVG/PNG exports); `screen` is the same with
    each dataset already in the Arrow form Streamlit sends, so that a rerun converts nothing.
    `summary` is a sentence a screen reader (or a reader of the paper) can use instead of the
    chart; `table` is the data behind it.
    """

    spec: dict
    screen: dict
    summary: str
    table: pd.DataFrame


def _is_table(rows: object) -> bool:
    return (isinstance(rows, list) and all(isinstance(r, dict) for r in rows)
            and not any(r.get("type") == "Feature" for r in rows))


def chart_view(chart: alt.TopLevelMixin, summary: str, table: pd.DataFrame) -> ChartView:
    """Convert a built chart once: its JSON, and its JSON with Arrow datasets for the screen."""
    spec = vega_lite_spec(chart)
    screen = dict(spec)
    if isinstance(spec.get("datasets"), dict):
        # Named tables go as Arrow bytes (what Streamlit would make of them on every run);
        # geographic data stays JSON, which Vega reads as it is.
        screen["datasets"] = {
            name: (dataframe_util.convert_anything_to_arrow_bytes(pd.DataFrame(rows))
                   if _is_table(rows) else rows)
            for name, rows in spec["datasets"].items()}
    return ChartView(spec, screen, summary, table)


def for_this_screen(spec: dict) -> dict:
    """A chart's JSON as this reader's screen needs it: on a phone, its title in lines."""
    return titles_wrapped(spec) if on_phone() else spec


def render_chart(view: ChartView, *, key: str, file_stem: str, on_select: str = "ignore",
                 selection_mode=None):
    """Draw a chart with its text alternative; returns the selection event if any.

    The table is shown in an expander and offered as CSV, the figure as SVG and PNG.
    """
    file_stem = f"{file_stem}_{dt.date.today().isoformat()}"  # say what and when
    kwargs = {"on_select": on_select}
    if selection_mode is not None:
        kwargs["selection_mode"] = selection_mode
    summary, table = view.summary, view.table
    event = st.vega_lite_chart(for_this_screen(view.screen), key=key, theme=None,
                               width="stretch", alt=summary, **kwargs)
    st.caption(escape_markdown(summary))
    data = st.expander(t("charts.data_and_exports"), key=f"{key}-data", on_change="rerun")
    if not data.open:
        # Filled only when opened, like the share panel: most readers never open it, and its
        # table and three buttons would otherwise be sent again on every rerun.
        return event
    with data:
        render_table(table, key=f"{key}-table")
        cols = st.columns(3)
        with cols[0]:
            render_csv_download(table, f"{file_stem}.csv", key=f"{key}-csv",
                                label=t("charts.data_csv"))
        # Rendered only when clicked: a figure costs about half a second.
        cols[1].download_button(t("charts.figure_svg"), lambda: chart_svg(view.spec),
                                file_name=f"{file_stem}.svg", mime="image/svg+xml",
                                key=f"{key}-svg", icon=":material/image:", on_click="ignore")
        cols[2].download_button(t("charts.figure_png"), lambda: chart_png(view.spec),
                                file_name=f"{file_stem}.png", mime="image/png",
                                key=f"{key}-png", icon=":material/image:", on_click="ignore")
    return event


MORE_PARAM = "show"  # the further chart a link asks for (`?show=matrix`)


def choose_more(options: dict[str, str], *, key: str, label: str | None = None) -> str | None:
    """Which further chart or table to show, if any: a page opens with its main chart only.

    `options` maps each one's name (its value in the link) to its label. Drawing everything
    on first show made pages open slowly on phones: each chart is a Vega view to build, and
    the first interactive table loads the browser's largest piece of code (about 1.2 MB).
    """
    if not options:
        return None
    chosen = synced_choice(label or t("charts.more.label"), list(options), key=key,
                           param=MORE_PARAM, format_func=options.get,
                           help=t("charts.more.help"))
    render_notices()  # a link's unknown `show`, said where the choice is
    return chosen


def selected_values(event, param: str, field: str) -> list[str]:
    """The values of one field picked in a chart's point selection (AppTest gives plain dicts)."""
    if not event:
        return []
    selection = event["selection"] if isinstance(event, dict) else event.selection
    points = selection.get(param, []) if isinstance(selection, dict) else []
    if isinstance(points, dict):  # interval selections give {field: [values]}
        return [str(v) for v in points.get(field, [])]
    return [str(p[field]) for p in points if isinstance(p, dict) and field in p]
