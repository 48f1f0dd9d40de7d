"""The chain as a figure for papers and slides: SVG, PDF and PNG, rendered on the server.

Drawn from the very geometry of the screen graph (`ChainGraph.layouts`: lanes, positions,
wrapped labels, link shapes and the relation labels that fit), as one Vega-Lite spec that
vl-convert renders offline, so the paper shows what the screen shows, filtered or focused as it
is. Below the drawing: a legend (actor types, certainty line styles) and a figure note in the
reader's language (case title, short citations, data version, the view's link).
"""

from __future__ import annotations

import math

import vl_convert

from app.charts import chain_layout, palette
from app.charts.chain_graph import LABEL_HALO, ChainGraph, legend_items
from app.core.i18n import DEFAULT_LANGUAGE, translate

PRINT_SCALE = 2  # PNG pixels per drawing unit: a figure about 3,000 px wide
NOTE_FONT = 15.0
NOTE_LINE = 20.0
LEGEND_FONT = 15.0
ARROW = 11.0  # arrowhead size, drawing units


def _arrow_tip(path: list[tuple[float, float]], radius: float) -> tuple[float, float, float]:
    """Where the arrow touches the head's marker, and its angle in degrees (Vega: clockwise
    from up)."""
    hx, hy = path[-1]
    for i in range(len(path) - 1, 0, -1):  # walk back until outside the marker
        px, py = path[i - 1]
        if math.hypot(px - hx, py - hy) >= radius:
            break
    dx, dy = hx - px, hy - py
    length = math.hypot(dx, dy) or 1.0
    tx, ty = hx - dx / length * radius, hy - dy / length * radius
    angle = math.degrees(math.atan2(dx, -dy))
    return tx, ty, angle


def figure_spec(graph: ChainGraph, *, title: str, note: str, lang: str = DEFAULT_LANGUAGE
                ) -> dict:
    """A self-contained Vega-Lite spec of the chain figure (no data by URL, white background)."""
    frame = graph.frame or {"width": 600.0, "height": 200.0}
    width, height = float(frame["width"]), float(frame["height"])
    nodes = {n["id"]: n for n in graph.nodes if not n.get("hidden")}
    lanes, lane_names, links, arrows, markers, labels, edge_labels = [], [], [], [], [], [], []
    top = 0.0
    for lay in graph.layouts:
        if lay.mode == "lanes":
            for i, lane in enumerate(lay.lanes):
                lanes.append({"x": chain_layout.MARGIN, "x2": width - chain_layout.MARGIN,
                              "y": lane.y0 + top, "y2": lane.y1 + top,
                              "fill": "#F3F5F7" if i % 2 == 0 else "#FFFFFF"})
                lane_names.append({"x": lay.offset[0] + chain_layout.MARGIN + 8,
                                   "y": lane.y0 + top + 10,
                                   "text": lane.name_lines,
                                   "style": "italic" if lane.key == "" else "normal",
                                   "weight": "normal" if lane.key == "" else "bold"})
        for link in lay.links:
            edge = next((e for e in graph.edges if e["id"] == link.key), None)
            if edge is None or edge.get("hidden") or link.tail not in nodes or \
                    link.head not in nodes:
                continue
            cert = edge.get("certainty")
            cert = cert if cert in palette.CERTAINTY_STROKE_DASH else "inferred"
            colour = edge["color"]["color"]
            opacity = edge["color"]["opacity"]
            path = [(x, y + top) for x, y in lay.path(link)]
            for order, (x, y) in enumerate(path):
                links.append({"link": link.key, "order": order, "x": x, "y": y,
                              "dash": cert, "colour": colour, "opacity": opacity})
            tx, ty, angle = _arrow_tip(path, float(nodes[link.head].get("size", 16)) + 2)
            arrows.append({"x": tx, "y": ty, "angle": angle, "colour": colour,
                           "opacity": opacity})
            if "label" in edge and link.key in lay.edge_labels:
                box = lay.edge_labels[link.key]
                edge_labels.append({"x": (box.x0 + box.x1) / 2, "y": (box.y0 + box.y1) / 2 + top,
                                    "x0": box.x0, "x1": box.x1, "y0": box.y0 + top,
                                    "y1": box.y1 + top, "text": edge["label"]})
        for key, p in lay.actors.items():
            node = nodes.get(key)
            if node is None:
                continue
            r = float(node.get("size", 16))
            diamond = node.get("shape") == "diamond"
            dashes = node.get("shapeProperties", {}).get("borderDashes") or [1, 0]
            markers.append({"x": p.x, "y": p.y + top, "fill": node["color"]["background"],
                            "stroke": node["color"]["border"], "dash": list(dashes),
                            "shape": "diamond" if diamond else "circle",
                            # Vega point size is an area; a diamond's box is its width squared
                            "size": (2 * r) ** 2 if diamond else math.pi * r * r})
            labels.append({"x": p.x, "y": p.y + top + r + chain_layout.LABEL_GAP,
                           "text": p.lines, "colour": node["font"]["color"]})
        top += lay.height + 2 * chain_layout.FONT

    x = {"field": "x", "type": "quantitative", "axis": None,
         "scale": {"domain": [0, width], "range": [0, width], "nice": False, "zero": False}}
    y = {"field": "y", "type": "quantitative", "axis": None,
         "scale": {"domain": [0, height], "range": [0, height], "nice": False, "zero": False}}
    font = "DejaVu Sans, Liberation Sans, Arial, sans-serif"
    layers: list[dict] = []
    if lanes:
        layers.append({"data": {"values": lanes}, "mark": {"type": "rect", "stroke": "#C9CED4",
                                                           "strokeWidth": 0.8},
                       "encoding": {"x": x, "x2": {"field": "x2"}, "y": y, "y2": {"field": "y2"},
                                    "fill": {"field": "fill", "type": "nominal", "scale": None}}})
        layers.append({"data": {"values": lane_names},
                       "mark": {"type": "text", "align": "left", "baseline": "top",
                                "fontSize": chain_layout.LANE_FONT, "font": font,
                                "lineHeight": chain_layout.LINE_HEIGHT, "color": "#3E4C59"},
                       "encoding": {"x": x, "y": y, "text": {"field": "text"},
                                    "fontStyle": {"field": "style", "type": "nominal",
                                                  "scale": None},
                                    "fontWeight": {"field": "weight", "type": "nominal",
                                                   "scale": None}}})
    if links:
        layers.append({"data": {"values": links},
                       "mark": {"type": "line", "strokeWidth": 1.6, "interpolate": "linear"},
                       "encoding": {"x": x, "y": y, "detail": {"field": "link"},
                                    "order": {"field": "order", "type": "quantitative"},
                                    "color": {"field": "colour", "type": "nominal",
                                              "scale": None},
                                    "opacity": {"field": "opacity", "type": "quantitative",
                                                "scale": None},
                                    "strokeDash": {"field": "dash", "type": "nominal",
                                                   "scale": {"domain": list(
                                                       palette.CERTAINTY_STROKE_DASH),
                                                       "range": list(
                                                       palette.CERTAINTY_STROKE_DASH.values())},
                                                   "legend": None}}})
        layers.append({"data": {"values": arrows},
                       "mark": {"type": "point", "shape": "M0,-1L0.7,0.8L-0.7,0.8Z",
                                "filled": True, "size": ARROW * ARROW * 1.4},
                       "encoding": {"x": x, "y": y,
                                    "angle": {"field": "angle", "type": "quantitative",
                                              "scale": None},
                                    "color": {"field": "colour", "type": "nominal",
                                              "scale": None},
                                    "opacity": {"field": "opacity", "type": "quantitative",
                                                "scale": None}}})
    if edge_labels:
        layers.append({"data": {"values": edge_labels},
                       "mark": {"type": "rect", "color": "white"},
                       "encoding": {"x": {**x, "field": "x0"}, "x2": {"field": "x1"},
                                    "y": {**y, "field": "y0"}, "y2": {"field": "y1"}}})
        layers.append({"data": {"values": edge_labels},
                       "mark": {"type": "text", "fontSize": chain_layout.EDGE_FONT,
                                "font": font, "color": palette.TEXT, "baseline": "middle"},
                       "encoding": {"x": x, "y": y, "text": {"field": "text"}}})
    if markers:
        layers.append({"data": {"values": markers},
                       "mark": {"type": "point", "filled": True, "strokeWidth": 2,
                                "opacity": 1},
                       "encoding": {"x": x, "y": y,
                                    "shape": {"field": "shape", "type": "nominal", "scale": None},
                                    "size": {"field": "size", "type": "quantitative",
                                             "scale": None},
                                    "fill": {"field": "fill", "type": "nominal", "scale": None},
                                    "stroke": {"field": "stroke", "type": "nominal",
                                               "scale": None},
                                    "strokeDash": {"field": "dash", "type": "nominal",
                                                   "scale": None}}})
        names = {"type": "text", "baseline": "top", "align": "center",
                 "fontSize": chain_layout.FONT, "font": font, "lineHeight": chain_layout.FONT}
        # A white halo under each name, as on the screen: a link that has to pass through a
        # name (its own end's) breaks around the letters instead of striking them through.
        layers.append({"data": {"values": labels},
                       "mark": names | {"fill": "white", "stroke": "white",
                                        "strokeWidth": LABEL_HALO, "strokeJoin": "round",
                                        "aria": False},
                       "encoding": {"x": x, "y": y, "text": {"field": "text"}}})
        layers.append({"data": {"values": labels}, "mark": names,
                       "encoding": {"x": x, "y": y, "text": {"field": "text"},
                                    "color": {"field": "colour", "type": "nominal",
                                              "scale": None}}})
    drawing = {"width": width, "height": height, "layer": layers or [{"mark": "point"}]}
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "background": "white",
        "padding": 16,
        "title": {"text": title, "anchor": "start", "fontSize": 22, "font": font,
                  "color": palette.TEXT, "offset": 10},
        "config": {"view": {"stroke": None}, "font": font},
        "vconcat": [drawing, _legend(width, lang, font, graph), _note(width, note, font)],
        "spacing": 14,
    }


def _legend(width: float, lang: str, font: str, graph: ChainGraph) -> dict:
    """The actor types and certainties the figure draws: coloured markers and line styles."""
    items = legend_items(lang, graph)
    points, lines, texts = [], [], []
    x, y, row_height = 0.0, 10.0, 26.0
    for label, colour, shape in items:
        item_width = 46 + chain_layout.text_width(label, LEGEND_FONT)
        if x + item_width > width:
            x, y = 0.0, y + row_height
        if shape in palette.CERTAINTY_CSS.values():
            cert = next(c for c, css in palette.CERTAINTY_CSS.items() if css == shape)
            lines += [{"x": x, "y": y, "c": cert, "o": 0}, {"x": x + 34, "y": y, "c": cert,
                                                             "o": 1}]
        else:
            points.append({"x": x + 10, "y": y, "fill": colour,
                           "shape": "diamond" if shape == "diamond" else "circle"})
        texts.append({"x": x + 42, "y": y, "text": label})
        x += item_width + 18
    height = y + 14
    enc_x = {"field": "x", "type": "quantitative", "axis": None,
             "scale": {"domain": [0, width], "range": [0, width], "nice": False, "zero": False}}
    enc_y = {"field": "y", "type": "quantitative", "axis": None,
             "scale": {"domain": [0, height], "range": [0, height], "nice": False,
                       "zero": False}}
    return {"width": width, "height": height, "layer": [
        {"data": {"values": points}, "mark": {"type": "point", "filled": True, "size": 260},
         "encoding": {"x": enc_x, "y": enc_y,
                      "shape": {"field": "shape", "type": "nominal", "scale": None},
                      "color": {"field": "fill", "type": "nominal", "scale": None}}},
        {"data": {"values": lines}, "mark": {"type": "line", "strokeWidth": 2.2,
                                             "color": palette.TEXT},
         "encoding": {"x": enc_x, "y": enc_y, "detail": {"field": "c"},
                      "order": {"field": "o", "type": "quantitative"},
                      "strokeDash": {"field": "c", "type": "nominal", "legend": None,
                                     "scale": {"domain": list(palette.CERTAINTY_STROKE_DASH),
                                               "range": list(
                                                   palette.CERTAINTY_STROKE_DASH.values())}}}},
        {"data": {"values": texts}, "mark": {"type": "text", "align": "left",
                                             "baseline": "middle", "fontSize": LEGEND_FONT,
                                             "font": font, "color": palette.TEXT},
         "encoding": {"x": enc_x, "y": enc_y, "text": {"field": "text"}}},
    ]}


def _note(width: float, note: str, font: str) -> dict:
    lines = []
    for paragraph in note.split("\n"):
        lines += chain_layout.wrap_label(paragraph, width - 10, NOTE_FONT, max_lines=12)
    height = NOTE_LINE * len(lines) + 4
    return {"width": width, "height": height,
            "data": {"values": [{"x": 0, "y": 0, "text": lines}]},
            "mark": {"type": "text", "align": "left", "baseline": "top", "fontSize": NOTE_FONT,
                     "lineHeight": NOTE_LINE, "font": font, "color": palette.TEXT},
            "encoding": {
                "x": {"field": "x", "type": "quantitative", "axis": None,
                      "scale": {"domain": [0, width], "range": [0, width], "zero": False}},
                "y": {"field": "y", "type": "quantitative", "axis": None,
                      "scale": {"domain": [0, height], "range": [0, height], "zero": False}},
                "text": {"field": "text"}}}


def figure_note(*, title: str, citations: list[str], data_version: str, url: str,
                lang: str = DEFAULT_LANGUAGE, layout: str = chain_layout.DEFAULT_LAYOUT) -> str:
    """The note under the figure, in the reader's language."""
    key = "figure.note" if layout == "lanes" else "figure.note_columns"
    return translate(key, lang, title=title,
                     sources="; ".join(citations) or translate("figure.no_sources", lang),
                     data=data_version, url=url)


def figure_svg(spec: dict) -> bytes:
    return vl_convert.vegalite_to_svg(spec, allowed_base_urls=[]).encode("utf-8")


def figure_pdf(spec: dict) -> bytes:
    return vl_convert.vegalite_to_pdf(spec, allowed_base_urls=[])


def figure_png(spec: dict, scale: int = PRINT_SCALE) -> bytes:
    return vl_convert.vegalite_to_png(spec, scale=scale, allowed_base_urls=[])
