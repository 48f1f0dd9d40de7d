"""Shapes the chain drawing is made of, apart from any chain: label text measured and wrapped,
boxes, the links' curves (the ones vis-network draws), and whether a link crosses a box.

Pure geometry (numpy for crossing many segments with many boxes at once), used by
`chain_layout` to place actors and route links and by the tests to check them.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

FONT = 18.0  # label font size, in drawing units
LINE_HEIGHT = 1.25 * FONT
WRAP_WIDTH = 9.5 * FONT  # labels wrap at this width (on a slide: `WIDE_WRAP_WIDTH`)
WIDE_WRAP_WIDTH = 12.5 * FONT
MAX_LINES = 5  # a longer name ends in "…" (the tooltip and the tables give it in full)


# ---------------------------------------------------------------------------------------------
# Text measure


_NARROW = set("ijlftrI.,;:'!|()[]- /\\\"`")
_WIDE = set("mwMW@%&")


def char_width(ch: str, font: float = FONT) -> float:
    """A generous width for one character of a sans-serif font (DejaVu Sans is the widest
    common one), so that an estimated box holds the drawn text."""
    if ch in _NARROW:
        return 0.45 * font
    if ch in _WIDE:
        return 1.0 * font
    if unicodedata.east_asian_width(ch) in ("W", "F"):
        return 1.05 * font
    if unicodedata.combining(ch):
        return 0.0
    if ch.isupper() or ch.isdigit():
        return 0.78 * font
    return 0.66 * font


@lru_cache(maxsize=1 << 16)
def text_width(text: str, font: float = FONT) -> float:
    return sum(char_width(c, font) for c in text)


def _break_word(word: str, width: float, font: float) -> tuple[str, str]:
    """The first line of a word too long for one, and the rest: after its last hyphen that
    fits, else cut with a hyphen (none between ideographs, which break anywhere)."""
    at = max((i + 1 for i, ch in enumerate(word[:-1])
              if ch == "-" and text_width(word[:i + 1], font) <= width), default=0)
    if at:
        return word[:at], word[at:]
    cut = 1
    while cut < len(word) and text_width(word[:cut + 1] + "-", font) <= width:
        cut += 1
    ideographs = _wide(word[cut - 1]) or (cut < len(word) and _wide(word[cut]))
    if ideographs:
        while cut < len(word) and text_width(word[:cut + 1], font) <= width:
            cut += 1
        return word[:cut], word[cut:]
    return word[:cut] + "-", word[cut:]


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")


def wrap_label(text: str, width: float = WRAP_WIDTH, font: float = FONT,
               max_lines: int = MAX_LINES) -> list[str]:
    """Lines of at most `width` (estimated), broken at spaces; a word longer than a line
    breaks after a hyphen of its own or is cut with one; more than `max_lines` lines end in an
    ellipsis."""
    words = " ".join(str(text).split()).split(" ")
    lines: list[str] = []
    line = ""
    for word in words:
        candidate = f"{line} {word}" if line else word
        if text_width(candidate, font) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
            line = ""
        while text_width(word, font) > width:  # a word too long for one line
            piece, word = _break_word(word, width, font)
            lines.append(piece)
        line = word
    if line or not lines:
        lines.append(line)
    if len(lines) > max_lines:
        last = lines[max_lines - 1]
        while last and text_width(last + "…", font) > width:
            last = last[:-1]
        lines = lines[:max_lines - 1] + [last.rstrip() + "…"]
    return lines


@dataclass(frozen=True)
class Box:
    x0: float
    y0: float
    x1: float
    y1: float

    def overlaps(self, other: Box) -> bool:
        return self.x0 < other.x1 and other.x0 < self.x1 and self.y0 < other.y1 and \
            other.y0 < self.y1

    def shrunk(self, by: float) -> Box:
        return Box(self.x0 + by, self.y0 + by, self.x1 - by, self.y1 - by)



# ---------------------------------------------------------------------------------------------
# Link shapes: straight, the quadratic curves vis-network draws for curvedCW / curvedCCW, and
# its cubic S-curves (cubicBezier with a forced direction), which never leave the box their two
# ends span: a long link that bulges out of the drawing grows the whole frame, and shrinks
# every label with it.

STRAIGHT = ("straight", 0.0)
S_VERTICAL, S_HORIZONTAL = "sVertical", "sHorizontal"
S_DIRECTION = {S_VERTICAL: "vertical", S_HORIZONTAL: "horizontal"}  # vis-network's names
CURVES = [(kind, r) for r in (0.2, 0.4, 0.6) for kind in ("curvedCW", "curvedCCW")]
S_CURVES = [(kind, r) for r in (0.5, 0.9) for kind in (S_VERTICAL, S_HORIZONTAL)]
ROUTES = [STRAIGHT] + CURVES + S_CURVES  # in the order they are preferred
CURVE_STEPS = 16


def via_point(x0: float, y0: float, x1: float, y1: float,
              route: tuple[str, float]) -> tuple[float, float]:
    """The control point vis-network 9 computes for a curvedCW / curvedCCW edge (its
    `_getViaCoordinates`), so the curve checked here is the curve drawn."""
    kind, roundness = route
    if kind == "straight":
        return (x0 + x1) / 2, (y0 + y1) / 2
    dx, dy = x1 - x0, y0 - y1
    radius = math.hypot(dx, dy)
    turn = 0.5 * roundness + 0.5 if kind == "curvedCW" else 0.5 * -roundness + 0.5
    angle = (math.atan2(dy, dx) + turn * math.pi) % (2 * math.pi)
    reach = (0.5 * roundness + 0.5) * radius
    return x0 + reach * math.sin(angle), y0 + reach * math.cos(angle)


def control_points(x0: float, y0: float, x1: float, y1: float,
                   route: tuple[str, float]) -> np.ndarray:
    """The Bézier control points of a link's shape, as vis-network 9 computes them: its two
    ends; the via point of a curve between them; the two of an S-curve (its cubicBezier
    `_getViaCoordinates`, `roundness` of the way along the forced direction from each end)."""
    kind, roundness = route
    if kind == "straight":
        return np.array([[x0, y0], [x1, y1]])
    if kind == S_HORIZONTAL:
        dx = x1 - x0
        return np.array([[x0, y0], [x0 + roundness * dx, y0], [x1 - roundness * dx, y1],
                         [x1, y1]])
    if kind == S_VERTICAL:
        dy = y1 - y0
        return np.array([[x0, y0], [x0, y0 + roundness * dy], [x1, y1 - roundness * dy],
                         [x1, y1]])
    return np.array([[x0, y0], via_point(x0, y0, x1, y1, route), [x1, y1]])


def _bernstein(t: np.ndarray, points: int) -> np.ndarray:
    """The Bernstein basis of a Bézier curve with `points` control points, at each `t`."""
    n = points - 1
    return np.stack([math.comb(n, k) * t ** k * (1 - t) ** (n - k) for k in range(points)],
                    axis=1)


_T = np.linspace(0.0, 1.0, CURVE_STEPS + 1)
_BASIS = {points: _bernstein(_T, points) for points in (3, 4)}
_MIDDLE = {points: _bernstein(np.array([0.5]), points) for points in (2, 3, 4)}


def route_paths(x0: float, y0: float, x1: float, y1: float,
                routes: list[tuple[str, float]] = ROUTES) -> list[np.ndarray]:
    """Every shape of `routes` for one link, as point arrays (a curve as `CURVE_STEPS`
    segments)."""
    out = []
    for route in routes:
        controls = control_points(x0, y0, x1, y1, route)
        out.append(controls if len(controls) == 2 else _BASIS[len(controls)] @ controls)
    return out


def link_path(x0: float, y0: float, x1: float, y1: float,
              route: tuple[str, float]) -> list[tuple[float, float]]:
    controls = control_points(x0, y0, x1, y1, route)
    points = controls if len(controls) == 2 else _BASIS[len(controls)] @ controls
    return [(float(x), float(y)) for x, y in points]


def link_middle(x0: float, y0: float, x1: float, y1: float,
                route: tuple[str, float]) -> tuple[float, float]:
    """Where vis-network puts a link's label: its curve at half way (t = 0.5)."""
    controls = control_points(x0, y0, x1, y1, route)
    x, y = (_MIDDLE[len(controls)] @ controls)[0]
    return float(x), float(y)


def path_hits_box(path: list[tuple[float, float]], box: Box, bounds: Box | None = None) -> bool:
    if not (bounds or path_box(path)).overlaps(box):
        return False
    return any(segment_hits_box(*path[i], *path[i + 1], box) for i in range(len(path) - 1))


def path_box(path: list[tuple[float, float]]) -> Box:
    xs, ys = [p[0] for p in path], [p[1] for p in path]
    return Box(min(xs) - 0.5, min(ys) - 0.5, max(xs) + 0.5, max(ys) + 0.5)


# ---------------------------------------------------------------------------------------------
# Crossings


def segment_hits_box(x0: float, y0: float, x1: float, y1: float, box: Box) -> bool:
    """Whether the segment crosses the inside of the box (Liang-Barsky clipping)."""
    dx, dy = x1 - x0, y1 - y0
    t0, t1 = 0.0, 1.0
    for p, q in ((-dx, x0 - box.x0), (dx, box.x1 - x0), (-dy, y0 - box.y0), (dy, box.y1 - y0)):
        if p == 0:
            if q <= 0:
                return False
            continue
        r = q / p
        if p < 0:
            if r > t1:
                return False
            t0 = max(t0, r)
        else:
            if r < t0:
                return False
            t1 = min(t1, r)
    return t0 < t1


def crossings(starts: np.ndarray, ends: np.ndarray, boxes: np.ndarray) -> np.ndarray:
    """Segments x boxes: whether segment i crosses the inside of box j (rows x0, y0, x1, y1),
    by Liang-Barsky clipping of all of them at once."""
    x0, y0 = starts[:, 0:1], starts[:, 1:2]
    dx, dy = ends[:, 0:1] - x0, ends[:, 1:2] - y0
    bx0, by0, bx1, by1 = boxes[:, 0], boxes[:, 1], boxes[:, 2], boxes[:, 3]
    shape = (len(starts), len(boxes))
    t0, t1 = np.zeros(shape), np.ones(shape)
    ok = np.ones(shape, dtype=bool)
    with np.errstate(divide="ignore", invalid="ignore"):
        for p, q in ((-dx, x0 - bx0), (dx, bx1 - x0), (-dy, y0 - by0), (dy, by1 - y0)):
            p = np.broadcast_to(p, shape)
            zero = p == 0
            ok &= ~(zero & (q <= 0))
            r = q / np.where(zero, 1.0, p)
            t0 = np.where((p < 0) & ~zero, np.maximum(t0, r), t0)
            t1 = np.where((p > 0) & ~zero, np.minimum(t1, r), t1)
    return ok & (t0 < t1)
