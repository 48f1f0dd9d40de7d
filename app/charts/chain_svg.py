"""The chain graph as a static SVG: the same positions, colours and line styles as the
interactive graph, for a file that must open without any script (the dossier).

Every text from the data is escaped; the SVG references nothing outside itself.
"""

from __future__ import annotations

import math
from html import escape

from app.charts import palette
from app.charts.chain_graph import ChainGraph

MARGIN = 90
LABEL_LINE = 15
DASH = {"documented": "", "reported": "8 5", "inferred": "2 4"}


def _dash(certainty: str) -> str:
    pattern = DASH.get(certainty, DASH["inferred"])
    return f' stroke-dasharray="{pattern}"' if pattern else ""


def _label_lines(label: str, width: int = 22) -> list[str]:
    """A node's label on short lines (words kept whole), as the interactive graph shows it."""
    lines: list[str] = []
    for part in str(label).split("\n"):
        line = ""
        for word in part.split():
            if line and len(line) + 1 + len(word) > width:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}".strip()
        lines.append(line)
    return [line for line in lines if line][:5]


def chain_svg(graph: ChainGraph, *, title: str) -> str:
    """An SVG drawing of `graph` (nodes at their computed x/y), sized to its content."""
    nodes = {n["id"]: n for n in graph.nodes}
    if not nodes:
        return ""
    xs = [float(n["x"]) for n in nodes.values()]
    ys = [float(n["y"]) for n in nodes.values()]
    left, top = min(xs) - MARGIN - 40, min(ys) - MARGIN
    width = max(xs) - min(xs) + 2 * MARGIN + 80
    height = height0 = max(ys) - min(ys) + 2 * MARGIN + 40
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" '
        f'viewBox="{left:.0f} {top:.0f} {width:.0f} {height:.0f}" '
        f'width="100%" style="max-width:{width:.0f}px" '
        f'font-family="system-ui, sans-serif" font-size="12">',
        f"<title>{escape(title)}</title>",
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" '
        f'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" '
        f'fill="{palette.TEXT}"/></marker></defs>',
    ]
    lowest = max(ys) + MARGIN
    for edge in graph.edges:
        a, b = nodes.get(edge["from"]), nodes.get(edge["to"])
        if a is None or b is None:
            continue
        x1, y1, x2, y2 = float(a["x"]), float(a["y"]), float(b["x"]), float(b["y"])
        length = math.hypot(x2 - x1, y2 - y1) or 1.0
        # Stop at the edge of the target's circle, so that the arrow head shows.
        reach = float(b.get("size", 16)) + 4
        x2, y2 = x2 - (x2 - x1) * reach / length, y2 - (y2 - y1) * reach / length
        certainty = str(edge.get("certainty", ""))
        opacity = palette.CERTAINTY_OPACITY.get(certainty, 0.55)
        if x2 <= x1:  # drawn right to left: arc clear of the rows, as the graph does
            mx, my = (x1 + x2) / 2, (y1 + y2) / 2 + 40 + 0.3 * abs(x1 - x2)
            path = f"M{x1:.1f},{y1:.1f} Q{mx:.1f},{my:.1f} {x2:.1f},{y2:.1f}"
            lx, ly = mx, (y1 + y2) / 4 + my / 2 + 4  # the curve's lowest point
            lowest = max(lowest, ly + 20)
        else:
            path = f"M{x1:.1f},{y1:.1f} L{x2:.1f},{y2:.1f}"
            lx, ly = (x1 + x2) / 2, (y1 + y2) / 2 - 6
        parts.append(f'<path class="link" d="{path}" fill="none" stroke="{palette.TEXT}" '
                     f'stroke-width="1.6" stroke-opacity="{opacity}"{_dash(certainty)} '
                     f'marker-end="url(#arrow)"/>')
        parts.append(f'<text x="{lx:.1f}" y="{ly:.1f}" text-anchor="middle" font-size="11" '
                     f'fill="{palette.TEXT}" paint-order="stroke" stroke="#ffffff" '
                     f'stroke-width="3">{escape(str(edge.get("label", "")))}</text>')
    for node in nodes.values():
        x, y = float(node["x"]), float(node["y"])
        size = float(node.get("size", 16))
        colour = escape(str(node["color"]["background"]))
        certainty = str(node.get("certainty", ""))
        opacity = palette.CERTAINTY_OPACITY.get(certainty, 0.55)
        if node.get("shape") == "diamond":
            shape = (f'<path d="M{x:.1f},{y - size:.1f} L{x + size:.1f},{y:.1f} '
                     f'L{x:.1f},{y + size:.1f} L{x - size:.1f},{y:.1f} z"')
        else:
            shape = f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{size:.1f}"'
        parts.append(f'{shape} class="actor" fill="{colour}" fill-opacity="{opacity}" stroke="{colour}" '
                     f'stroke-width="2"{_dash(certainty)}/>')
        lines = _label_lines(str(node.get("label", "")))
        spans = "".join(f'<tspan x="{x:.1f}" dy="{LABEL_LINE if i else 0}">{escape(line)}'
                        f"</tspan>" for i, line in enumerate(lines))
        parts.append(f'<text x="{x:.1f}" y="{y + size + 16:.1f}" text-anchor="middle" '
                     f'fill="{palette.TEXT}">{spans}</text>')
    parts.append("</svg>")
    height = max(height, lowest - top)
    parts[0] = parts[0].replace(f" {width:.0f} {height0:.0f}\"", f" {width:.0f} {height:.0f}\"")
    return "\n".join(parts)
