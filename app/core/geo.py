"""Countries: names (via pycountry) and map coordinates (computed from the bundled world TopoJSON).

The world map is world-atlas 2.0.2 `countries-110m.json` (Natural Earth, ISC licence), kept in
`app/static/` so Streamlit serves it at `app/static/countries-110m.json` and the charts never
reach the network. Centroids are derived from that very file, not typed by hand, so a country's
dot always sits on the shape the map draws.
"""

from __future__ import annotations

import gettext
import json
import logging
from functools import lru_cache
from pathlib import Path

import pandas as pd
import pycountry

log = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).resolve().parent.parent / "static"
WORLD_PATH = STATIC_DIR / "countries-110m.json"
# What Streamlit's static file serving answers to (`[server] enableStaticServing = true`).
WORLD_URL = "app/static/countries-110m.json"
WORLD_FEATURE = "countries"

CENTROID_COLUMNS = ["iso_numeric", "alpha2", "name", "lon", "lat"]

UNKNOWN_NAMES = {"en": "Unknown", "fr": "Inconnu"}


def load_world(path: str | Path = WORLD_PATH) -> dict:
    """Read the world TopoJSON and return it as a dict (the `Topology` object).

    The default is the bundled `app/static/countries-110m.json`; its countries are in
    `topology["objects"]["countries"]["geometries"]`, each with an ISO 3166 numeric `id`
    (a string such as "250") and `properties.name`.
    """
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def _decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Arcs as absolute lon/lat points (undo delta encoding and quantization if present)."""
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        if transform:
            (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
            x = y = 0
            points = []
            for dx, dy, *_ in arc:
                x += dx
                y += dy
                points.append((x * sx + tx, y * sy + ty))
        else:
            points = [(p[0], p[1]) for p in arc]
        arcs.append(points)
    return arcs


Point = tuple[float, float]


def _ring(arc_indexes: list[int], arcs: list[list[Point]]) -> list[Point]:
    """Stitch a ring from arc indexes; a negative index ~i means arc i reversed."""
    points: list[tuple[float, float]] = []
    for index in arc_indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        # Consecutive arcs share their joining point: keep it once.
        points.extend(arc if not points else arc[1:])
    return points


def _unwrap(ring: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Make longitudes continuous along the ring so a ring crossing +-180 is not torn apart."""
    if not ring:
        return ring
    out = [ring[0]]
    offset = 0.0
    for (lon0, _), (lon, lat) in zip(ring, ring[1:]):
        step = lon - lon0
        if step > 180:
            offset -= 360
        elif step < -180:
            offset += 360
        out.append((lon + offset, lat))
    return out


def _ring_area_centroid(ring: list[tuple[float, float]]) -> tuple[float, float, float]:
    """Planar (lon/lat) absolute area and centroid of a closed ring, by the shoelace formula."""
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
        cross = x0 * y1 - x1 * y0
        a += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if a == 0:
        xs, ys = zip(*ring)
        return 0.0, sum(xs) / len(xs), sum(ys) / len(ys)
    return abs(a) / 2, cx / (3 * a), cy / (3 * a)


def _polygon_area_centroid(polygon: list[list[int]], arcs) -> tuple[float, float, float]:
    """Area and area-weighted centroid of a polygon (first ring the outline, the rest holes)."""
    total = sx = sy = 0.0
    for k, ring_arcs in enumerate(polygon):
        ring = _unwrap(_ring(ring_arcs, arcs))
        if len(ring) < 3:
            continue
        area, x, y = _ring_area_centroid(ring)
        if k > 0:
            # A hole is unwrapped on its own; bring it next to the outline before subtracting.
            if total and abs(x - sx / total) > 180:
                x += 360 if x < sx / total else -360
            area = -area
        total += area
        sx += area * x
        sy += area * y
    if total <= 0:
        return 0.0, float("nan"), float("nan")
    return total, sx / total, sy / total


def _wrap_lon(lon: float) -> float:
    return (lon + 180.0) % 360.0 - 180.0


def _alpha2(numeric: str) -> str | None:
    country = pycountry.countries.get(numeric=str(numeric).zfill(3))
    return country.alpha_2 if country else None


def _centroids(topology: dict) -> pd.DataFrame:
    arcs = _decode_arcs(topology)
    rows, skipped = [], []
    for geometry in topology["objects"][WORLD_FEATURE]["geometries"]:
        label = geometry.get("properties", {}).get("name", "?")
        numeric = geometry.get("id")
        alpha2 = _alpha2(numeric) if numeric is not None else None
        if alpha2 is None:
            # world-atlas gives no ISO numeric code to Kosovo, N. Cyprus and Somaliland.
            skipped.append(label)
            continue
        if geometry["type"] == "Polygon":
            polygons = [geometry["arcs"]]
        elif geometry["type"] == "MultiPolygon":
            polygons = geometry["arcs"]
        else:
            skipped.append(label)
            continue
        # The largest polygon only: mainland France, not France plus French Guiana.
        area, lon, lat = max(
            (_polygon_area_centroid(p, arcs) for p in polygons), key=lambda t: t[0]
        )
        if area <= 0:
            skipped.append(label)
            continue
        rows.append((str(numeric), alpha2, label, _wrap_lon(lon), lat))
    if skipped:
        log.info("No centroid for (no ISO numeric code or no area): %s", ", ".join(skipped))
    frame = pd.DataFrame(rows, columns=CENTROID_COLUMNS)
    frame.attrs["skipped"] = skipped
    return frame


@lru_cache(maxsize=4)
def _centroids_of_file(path: str) -> pd.DataFrame:
    return _centroids(load_world(path))


def country_centroids(topology: dict | str | Path | None = None) -> pd.DataFrame:
    """One row per country of the world TopoJSON: where to put its dot and arc ends.

    Columns: `iso_numeric` (str, as in the TopoJSON `id`, e.g. "250"), `alpha2` (ISO 3166-1
    alpha-2 via pycountry), `name` (the map's own English label), `lon`, `lat` (degrees). The
    point is the area-weighted centroid of the country's largest polygon, computed on the
    decoded arcs with longitudes unwrapped across +-180 (so Fiji and Russia land right), then
    wrapped back into [-180, 180). Geometries without an ISO numeric code (Kosovo, N. Cyprus,
    Somaliland in world-atlas) are skipped; their labels are in `frame.attrs["skipped"]`.
    Pass a topology dict, a path, or nothing for the bundled map (cached per path).
    """
    if topology is None or isinstance(topology, (str, Path)):
        path = str(Path(topology) if topology is not None else WORLD_PATH)
        return _centroids_of_file(path).copy()
    return _centroids(topology)


@lru_cache(maxsize=1)
def _french() -> gettext.NullTranslations:
    try:
        return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    except OSError:  # catalogue missing: fall back to English rather than fail
        return gettext.NullTranslations()


@lru_cache(maxsize=1024)
def country_name(alpha2: str, lang: str = "en") -> str:
    """The everyday name of a country from its ISO alpha-2 code, in English or French.

    Uses pycountry's `common_name` when it has one ("South Korea", "Iran"), else its `name`;
    French comes from the iso-codes gettext catalogue shipped with pycountry. An empty code is
    the explicit unknown bucket: "Unknown" / "Inconnu". A code pycountry does not know is
    returned unchanged, so it stays visible rather than vanishing.
    """
    if not alpha2:
        return UNKNOWN_NAMES.get(lang, UNKNOWN_NAMES["en"])
    country = pycountry.countries.get(alpha_2=alpha2.upper())
    if country is None:
        return alpha2
    name = getattr(country, "common_name", None) or country.name
    if lang == "fr":
        return _french().gettext(name)
    return name
