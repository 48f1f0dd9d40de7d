"""Publication exports: SVG that parses and holds the marks, PNG at print size, offline HTML."""

import io
import xml.etree.ElementTree as ET

import altair as alt
import pandas as pd
import pytest
from PIL import Image

from app.charts.chain_graph import build_chain_graph, standalone_html
from app.charts.export import PRINT_SCALE, chart_png, chart_svg, export_spec, inline_static_data
from app.charts.flow_map import flow_map_chart
from app.charts.spec import vega_lite_spec
from app.core.flows import aggregate_country_flows
from app.core.geo import country_centroids
from conftest import bundled, bundled_case_ids

BARS = vega_lite_spec(
    alt.Chart(pd.DataFrame({"function": ["preparation", "verification"], "n": [3, 2]}))
    .mark_bar().encode(x="n:Q", y="function:N").properties(width=300, height=120))


def test_svg_parses_and_contains_the_bars():
    root = ET.fromstring(chart_svg(BARS))
    assert root.tag.endswith("svg")
    groups = [el for el in root.iter() if "mark-rect" in (el.get("class") or "")]
    assert len(groups) == 1
    bars = [el for el in groups[0].iter() if el.tag.endswith("path")]
    assert len(bars) == 2  # preparation and verification


def test_png_has_the_print_size():
    # The chart is 384 x 162 on screen (its 300 x 120 plot, the axes and their labels); on
    # paper, three times that: 1,152 pixels is 9.75 cm at 300 dpi, a column's width.
    svg = ET.fromstring(chart_svg(BARS))
    assert (svg.get("width"), svg.get("height")) == ("384", "162")
    assert Image.open(io.BytesIO(chart_png(BARS))).size == (1152, 486)
    assert PRINT_SCALE == 3


def test_world_map_is_inlined_not_fetched():
    flows = aggregate_country_flows(bundled().actors, bundled().links, bundled().tasks)
    chart = vega_lite_spec(flow_map_chart(flows, country_centroids()))
    assert "app/static/countries-110m.json" in str(chart)
    spec = export_spec(chart)
    assert "app/static/" not in str(spec)
    assert "app/static/" in str(chart)  # the chart on screen is left as it was
    assert spec["width"] != "container"
    root = ET.fromstring(chart_svg(chart))
    assert sum(1 for el in root.iter() if el.tag.endswith("path")) > 100  # countries drawn


def test_only_shipped_json_files_are_inlined():
    with pytest.raises(ValueError):
        inline_static_data({"url": "app/static/../../pyproject.toml"})


@pytest.mark.parametrize("case_id", bundled_case_ids())
def test_standalone_graph_has_no_outside_reference(case_id):
    case = bundled().only(case_id)
    html = standalone_html(build_chain_graph(case.actors, case.links, case.sources),
                           title=case.case_info(case_id)["title"])
    lowered = html.lower()
    for attribute in ('src="http', "src='http", 'href="http', "href='http", "@import"):
        assert attribute not in lowered
    assert "vis.network" in html.replace("vis.Network", "vis.network")


def test_a_chart_view_keeps_json_for_exports_and_arrow_for_the_screen():
    import json

    import pyarrow as pa

    from app.components.charts import chart_view

    frame = pd.DataFrame({"function": ["preparation", "verification"], "n": [3, 2]})
    view = chart_view(alt.Chart(frame).mark_bar().encode(x="n:Q", y="function:N"),
                      "Two bars.", frame)
    json.dumps(view.spec)  # the exports' copy is plain JSON
    (name, rows), = view.spec["datasets"].items()
    assert rows == frame.to_dict("records")
    sent = view.screen["datasets"][name]
    assert isinstance(sent, bytes)  # converted once, not on every rerun
    assert pa.ipc.open_stream(sent).read_all().to_pandas().to_dict("records") == rows
    assert {k: v for k, v in view.screen.items() if k != "datasets"} == {
        k: v for k, v in view.spec.items() if k != "datasets"}
    assert ET.fromstring(chart_svg(view.spec)).tag.endswith("svg")


def test_a_chart_view_leaves_geographic_data_as_json():
    from app.components.charts import chart_view

    features = [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [47, -19]},
                 "properties": {"name": "Antananarivo"}}]

    class GeoChart:  # what Altair gives for a chart whose named dataset is GeoJSON
        def to_dict(self, validate=True):
            return {"data": {"name": "places"}, "mark": "geoshape",
                    "datasets": {"places": features}}

    view = chart_view(GeoChart(), "One place.", pd.DataFrame())
    assert view.screen["datasets"]["places"] == features  # Vega reads it as it is
