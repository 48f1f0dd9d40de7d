"""Publication exports of any chart: SVG and print-resolution PNG, rendered on the server.

Charts in the app load shipped files by URL (`app/static/...`, served by Streamlit); the
renderer has no server to ask, so those files are put inline first. Nothing is fetched.
"""

from __future__ import annotations

import copy
import json
from functools import lru_cache
from pathlib import Path

import vl_convert

STATIC_DIR = Path(__file__).resolve().parents[1] / "static"
STATIC_PREFIX = "app/static/"
PRINT_SCALE = 3  # 3x the screen size: about 300 dpi for a figure a column wide
EXPORT_WIDTH = 900  # charts sized "container" on screen get this width on paper
# Size of a chart that sets none (on screen the page sizes it): Altair's default theme.
EXPORT_VIEW = {"continuousWidth": 300, "continuousHeight": 300}


@lru_cache(maxsize=8)
def _static_json(name: str) -> object:
    path = (STATIC_DIR / name).resolve()
    if path.parent != STATIC_DIR.resolve() or path.suffix != ".json":
        raise ValueError(f"not a shipped data file: {name}")
    return json.loads(path.read_text(encoding="utf-8"))


def inline_static_data(spec: object) -> object:
    """The spec with every `{"url": "app/static/<file>.json"}` replaced by the file's values."""
    if isinstance(spec, dict):
        url = spec.get("url")
        if isinstance(url, str) and url.startswith(STATIC_PREFIX):
            inlined = {k: v for k, v in spec.items() if k != "url"}
            inlined["values"] = _static_json(url[len(STATIC_PREFIX):])
            return inlined
        return {k: inline_static_data(v) for k, v in spec.items()}
    if isinstance(spec, list):
        return [inline_static_data(v) for v in spec]
    return spec


def export_spec(spec: dict) -> dict:
    """A self-contained copy of a chart's Vega-Lite spec (`spec.vega_lite_spec`) with a fixed
    size (paper has no container) and a white background."""
    spec = inline_static_data(copy.deepcopy(spec))
    # Paper is as wide as the export: what a chart sizes by its box (legends on a phone) reads
    # that width instead.
    spec = json.loads(json.dumps(spec).replace("containerSize()[0]", str(EXPORT_WIDTH)))
    if spec.get("width") == "container":
        spec["width"] = EXPORT_WIDTH
    view = spec.setdefault("config", {}).setdefault("view", {})
    for key, value in EXPORT_VIEW.items():
        view.setdefault(key, value)
    spec.setdefault("background", "white")
    return spec


def chart_svg(spec: dict) -> bytes:
    return vl_convert.vegalite_to_svg(export_spec(spec), allowed_base_urls=[]).encode("utf-8")


def chart_png(spec: dict, scale: int = PRINT_SCALE) -> bytes:
    return vl_convert.vegalite_to_png(export_spec(spec), scale=scale, allowed_base_urls=[])
