"""Country centroids from the bundled TopoJSON, and country names (no network)."""

from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd
import pytest

from app.core import geo


@pytest.fixture(scope="module")
def centroids() -> pd.DataFrame:
    return geo.country_centroids()


def at(centroids: pd.DataFrame, alpha2: str) -> tuple[float, float]:
    row = centroids.set_index("alpha2").loc[alpha2]
    return float(row["lon"]), float(row["lat"])


def test_bundled_world_is_the_110m_countries_topology():
    world = geo.load_world()
    assert world["type"] == "Topology"
    assert len(world["objects"][geo.WORLD_FEATURE]["geometries"]) == 177
    assert geo.WORLD_URL == "app/static/countries-110m.json"
    assert (geo.STATIC_DIR / "world-atlas-LICENSE").read_text().startswith("Copyright")


def test_centroid_columns_and_skipped(centroids):
    assert list(centroids.columns) == ["iso_numeric", "alpha2", "name", "lon", "lat"]
    assert centroids["alpha2"].is_unique
    # 177 shapes, 3 without an ISO numeric code in world-atlas.
    assert len(centroids) == 174
    assert sorted(centroids.attrs["skipped"]) == ["Kosovo", "N. Cyprus", "Somaliland"]
    assert centroids["lon"].between(-180, 180).all()
    assert centroids["lat"].between(-90, 90).all()
    assert centroids.set_index("alpha2").loc["FR", "iso_numeric"] == "250"


@pytest.mark.parametrize("alpha2, lon, lat", [("FR", 2.5, 46.5), ("MG", 46.7, -19.0)])
def test_centroids_near_known_points(centroids, alpha2, lon, lat):
    got_lon, got_lat = at(centroids, alpha2)
    assert abs(got_lon - lon) <= 3 and abs(got_lat - lat) <= 3


def test_large_and_antimeridian_countries(centroids):
    assert -105 < at(centroids, "US")[0] < -90  # mainland, not pulled by Alaska/Hawaii
    assert 40 < at(centroids, "RU")[0] < 110  # not torn by Chukotka across +-180
    fiji_lon = at(centroids, "FJ")[0]
    assert abs(abs(fiji_lon) - 178) < 2.5  # near the antimeridian, never near 0


def test_centroids_are_cached_and_copied():
    first = geo.country_centroids()
    first.loc[:, "lon"] = 0.0
    second = geo.country_centroids()
    assert second["lon"].abs().sum() > 0
    assert geo._centroids_of_file.cache_info().hits >= 1


def test_decoding_a_quantized_topology_by_hand():
    # A 2 x 1 rectangle from (10, 20) to (12, 21), quantized with scale 0.5 / translate (10, 20)
    # and delta-encoded; plus a triangle that is smaller and must be ignored.
    topology = {
        "type": "Topology",
        "transform": {"scale": [0.5, 0.5], "translate": [10, 20]},
        "arcs": [
            [[0, 0], [4, 0], [0, 2], [-4, 0], [0, -2]],
            [[20, 20], [1, 0], [0, 1], [-1, -1]],
        ],
        "objects": {"countries": {"type": "GeometryCollection", "geometries": [
            {"type": "MultiPolygon", "arcs": [[[0]], [[1]]], "id": "250",
             "properties": {"name": "Testland"}},
            {"type": "Polygon", "arcs": [[~0]], "properties": {"name": "No code"}},
        ]}},
    }
    frame = geo.country_centroids(topology)
    assert frame.attrs["skipped"] == ["No code"]
    row = frame.iloc[0]
    assert (row["alpha2"], row["name"]) == ("FR", "Testland")
    assert row["lon"] == pytest.approx(11.0) and row["lat"] == pytest.approx(20.5)


def test_a_polygon_across_the_antimeridian_is_unwrapped():
    # Square from lon 170 to -170 (i.e. 190), lat -10..10: its centre is at 180, not at 0.
    ring = [[170, -10], [-170, -10], [-170, 10], [170, 10], [170, -10]]
    topology = {"type": "Topology", "arcs": [ring], "objects": {"countries": {
        "type": "GeometryCollection",
        "geometries": [{"type": "Polygon", "arcs": [[0]], "id": "242"}]}}}
    row = geo.country_centroids(topology).iloc[0]
    assert abs(abs(row["lon"]) - 180) < 1e-6
    assert row["lat"] == pytest.approx(0.0, abs=1e-9)


def test_polygon_with_a_hole():
    outer = [[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]]
    hole = [[2, 1], [3, 1], [3, 3], [2, 3], [2, 1]]  # area 2, centred at (2.5, 2)
    topology = {"type": "Topology", "arcs": [outer, hole], "objects": {"countries": {
        "type": "GeometryCollection",
        "geometries": [{"type": "Polygon", "arcs": [[0], [1]], "id": "250"}]}}}
    row = geo.country_centroids(topology).iloc[0]
    # (16 * 2 - 2 * 2.5) / 14 for lon; lat stays 2 by symmetry.
    assert row["lon"] == pytest.approx((16 * 2 - 2 * 2.5) / 14)
    assert row["lat"] == pytest.approx(2.0)


@pytest.mark.parametrize("code, lang, expected", [
    ("US", "en", "United States"),
    ("US", "fr", "États-Unis"),
    ("MG", "fr", "Madagascar"),
    ("KR", "en", "South Korea"),
    ("", "en", "Unknown"),
    ("", "fr", "Inconnu"),
    ("XX", "en", "XX"),
])
def test_country_names(code, lang, expected):
    assert geo.country_name(code, lang) == expected


def test_core_and_chart_modules_import_no_streamlit():
    code = (
        "import sys, json\n"
        "import app.core.geo, app.core.flows, app.core.functions\n"
        "core = sorted(m for m in ('streamlit', 'altair') if m in sys.modules)\n"
        "import app.charts.flow_map, app.charts.function_charts\n"
        "print(json.dumps([core, 'streamlit' in sys.modules]))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    core_modules, charts_import_streamlit = json.loads(out.stdout)
    assert core_modules == []
    assert charts_import_streamlit is False
