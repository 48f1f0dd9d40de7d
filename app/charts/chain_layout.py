"""Geometry of the chain drawing: country lanes, columns, rows, ordering, link routes.

Pure geometry (numpy for the crossing tests; no pandas, no drawing library): the interactive
graph (`chain_graph`) and the figure for papers (`chain_figure`) both place what this module
computes, so the screen and the paper show the same picture. Every length is in drawing
units, where the label font is `FONT` units high; a viewer scales the whole drawing to its
frame. Labels, boxes and link curves themselves are in `chain_shapes`.

The picture: one horizontal lane per country (a last one for actors whose country no source
gives), actors left to right by their column in the chain (`network.layer_positions`), and,
inside a lane, as many rows as the busiest column needs; short names of one column may share
a row, side by side, when that makes their lane shorter. Lanes and actors are ordered to keep
links short and crossings few (every lane order up to seven countries, else barycentre sweeps
and swaps; median sweeps within lanes; all bounded). Then every link gets the straightest
shape (straight, or one of vis-network's curves) that crosses no marker or label of an actor
that is not its ends; when none does, an actor in the way trades places with a neighbour or
moves to another row of its lane (a bounded repair). Label boxes are estimated from the text
with wide per-character widths, so a drawn label fits inside its box. A chain with more
columns than the page's (or slide's) width holds at the label size aimed for wraps its labels
narrower; its height is what its lanes need (the frame grows with them).
"""

from __future__ import annotations

import itertools
import math
from functools import lru_cache
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

from app.charts.chain_shapes import (CURVE_STEPS, CURVES, FONT, LINE_HEIGHT, MAX_LINES,
                                     ROUTES, S_CURVES, S_DIRECTION, STRAIGHT, WIDE_WRAP_WIDTH,
                                     WRAP_WIDTH, Box, char_width, crossings, link_middle,
                                     link_path, path_box, path_hits_box, route_paths,
                                     segment_hits_box, text_width, via_point, wrap_label)

__all__ = ["CURVE_STEPS", "FONT", "LINE_HEIGHT", "MAX_LINES", "ROUTES", "S_DIRECTION",
           "STRAIGHT", "WIDE_WRAP_WIDTH", "WRAP_WIDTH", "Box", "char_width", "link_path",
           "path_box", "path_hits_box", "segment_hits_box", "text_width", "via_point",
           "wrap_label"]

COLUMN_GAP = 2.5 * FONT  # room for an arrow between two labels
COLUMN_PITCH = WRAP_WIDTH + COLUMN_GAP
LABEL_GAP = 3.0  # vis-network draws a dot's label 3 units below the marker
ROW_GAP = 0.6 * FONT
SLOT_GAP = 1.0 * FONT  # between two actors sharing a row of a column
LANE_PAD = 0.35 * FONT
GUTTER = 7.0 * FONT  # the lane names' column, left of the drawing
GUTTER_WRAP = 6.6 * FONT
LANE_FONT = 0.9 * FONT
MARGIN = 0.6 * FONT
# Once the actors have their places, a link may take a shape that makes the frame this much
# taller rather than run through the name of an actor it joins (its arrow would end in it).
OWN_LABEL_EXCESS = 2.0 * FONT
EDGE_FONT = 0.8 * FONT
UNKNOWN_LANE = ""
# The straight line and the curves first, then the S-curves, worked out only for a link that no
# curve clears (they come last in `ROUTES`, so this changes no choice, only its cost).
ROUTE_GROUPS = ([STRAIGHT] + CURVES, S_CURVES)
SWEEPS = 4  # barycentre sweeps (each one left to right and back): bounded, so near-linear
EXHAUSTIVE_LANES = 7  # up to this many countries, every lane order is tried
# Beyond this, no chain is read label by label: links drawn straight, no repair pass, no
# relation labels (the tooltips and the tables still give every relation).
REPAIR_MAX_ACTORS = 150
REPAIR_ROUNDS = 60
REPAIR_BUDGET = 480  # a link's shapes are remembered, so routings cost little
PACK_MAX_ACTORS = 40  # up to this many, short names may share a row (a chain read on one slide)
# The widths a drawing may take and still show its labels at the sizes aimed for: the chain
# page's frame on a 1440-wide laptop (980 px) at 14 px labels, a 1920-wide slide's (1854 px,
# less a little for a chain of more than PACK_MAX_ACTORS, which is laid out once and whose
# links may bend out past it) at 20 px. A chain with more columns than fit wraps its labels
# narrower, down to MIN_WRAP.
PAGE_WIDTH = 980 * FONT / 14
SLIDE_WIDTH = 1830 * FONT / 20
MIN_WRAP = 6.5 * FONT
FIT_TRIES = 3
FIT_EXCESS = 1.25

LAYOUTS = ("lanes", "columns")
DEFAULT_LAYOUT = "lanes"


# ---------------------------------------------------------------------------------------------
# Input and output


@dataclass(frozen=True)
class Actor:
    """What the layout needs of an actor: id, label text, lane (country code, "" unknown),
    column in the chain and marker radius."""

    key: str
    label: str
    lane: str
    column: int
    radius: float = 16.0


@dataclass(frozen=True)
class Link:
    key: str
    tail: str
    head: str
    label: str = ""


@dataclass
class Lane:
    key: str
    name: str
    name_lines: list[str]
    y0: float = 0.0
    y1: float = 0.0
    rows: int = 1
    row_height: float = 0.0


@dataclass
class Placed:
    actor: Actor
    lines: list[str]
    x: float = 0.0
    y: float = 0.0
    row: int = 0
    slot: int = 0  # place among the actors sharing its row and column, left to right

    @property
    def marker(self) -> Box:
        r = self.actor.radius
        return Box(self.x - r, self.y - r, self.x + r, self.y + r)

    @property
    def label_box(self) -> Box:
        width = max((text_width(line) for line in self.lines), default=0.0)
        top = self.y + self.actor.radius + LABEL_GAP
        return Box(self.x - width / 2, top, self.x + width / 2, top + LINE_HEIGHT * len(self.lines))


@dataclass
class Layout:
    """Positions of actors, lanes and the relation labels that fit; `width` and `height` are
    the drawing's frame (lane names included), from (0, 0)."""

    mode: str
    actors: dict[str, Placed]
    links: list[Link]
    lanes: list[Lane]
    width: float
    height: float
    edge_labels: dict[str, Box] = field(default_factory=dict)
    repaired: bool = True
    routes: dict[str, tuple[str, float]] = field(default_factory=dict)
    pitch: float = COLUMN_PITCH
    offset: tuple[float, float] = (0.0, 0.0)  # where the lanes' left and top moved to

    def segment(self, link: Link) -> tuple[float, float, float, float]:
        a, b = self.actors[link.tail], self.actors[link.head]
        return a.x, a.y, b.x, b.y

    def route(self, link: Link) -> tuple[str, float]:
        return self.routes.get(link.key, STRAIGHT)

    def path(self, link: Link, route: tuple[str, float] | None = None) -> list[tuple[float, float]]:
        """The link as drawn, as points: straight, or one of vis-network's curves."""
        return link_path(*self.segment(link), route or self.route(link))

    def midpoint(self, link: Link) -> tuple[float, float]:
        return link_middle(*self.segment(link), self.route(link))


# ---------------------------------------------------------------------------------------------
# Geometry checks (used by the repair pass and by the tests)


def _boxes(placed: Placed) -> tuple[Box, Box]:
    return placed.marker, placed.label_box


def label_overlaps(layout: Layout) -> list[tuple[str, str]]:
    """Pairs of actors whose label or marker boxes overlap each other, and relation labels that
    overlap an actor's boxes or another relation label."""
    items: list[tuple[str, Box]] = []
    for key, p in layout.actors.items():
        items += [(key, p.marker), (key, p.label_box)]
    items += [(f"link:{k}", b) for k, b in layout.edge_labels.items()]
    items.sort(key=lambda kb: kb[1].x0)
    found: set[tuple[str, str]] = set()
    for i, (ka, a) in enumerate(items):  # sweep on x: only boxes that start before a ends
        for kb, b in items[i + 1:]:
            if b.x0 >= a.x1:
                break
            if ka != kb and a.overlaps(b):
                found.add((min(ka, kb), max(ka, kb)))
    return sorted(found)


def _column_index(layout: Layout) -> dict[float, list[Placed]]:
    by_x: dict[float, list[Placed]] = {}
    for p in layout.actors.values():
        by_x.setdefault(p.x, []).append(p)
    return by_x


def _hits_of_path(layout: Layout, link: Link, path: list[tuple[float, float]],
                  columns: dict[float, list[Placed]], tolerance: float = 1.0) -> list[str]:
    """Actors (not the link's ends) whose marker or label the path crosses, and "frame" when
    the path leaves the drawing."""
    hits: list[str] = []
    pb = path_box(path)
    if pb.x0 < 0 or pb.y0 < 0 or pb.x1 > layout.width or pb.y1 > layout.height:
        hits.append("frame")
    for x, members in columns.items():
        if x + layout.pitch < pb.x0 or x - layout.pitch > pb.x1:
            continue
        for p in members:
            if p.actor.key in (link.tail, link.head):
                continue
            if any(path_hits_box(path, b.shrunk(tolerance), pb) for b in _boxes(p)):
                hits.append(p.actor.key)
    return hits


def links_through_labels(layout: Layout, *, tolerance: float = 1.0) -> list[tuple[str, str]]:
    """(link, actor) pairs where a link, as drawn, crosses the marker or label of an actor that
    is not one of its ends, or a relation label that is not its own ("link:<key>"), or leaves
    the frame ("frame")."""
    found: list[tuple[str, str]] = []
    columns = _column_index(layout)
    for link in layout.links:
        path = layout.path(link)
        found += [(link.key, hit) for hit in _hits_of_path(layout, link, path, columns,
                                                           tolerance)]
        for key, box in layout.edge_labels.items():
            if key != link.key and path_hits_box(path, box.shrunk(tolerance)):
                found.append((link.key, f"link:{key}"))
    return found


def drawing_box(layout: Layout) -> Box:
    """The box around everything drawn: markers, labels, lane names and bands."""
    boxes = [b for p in layout.actors.values() for b in _boxes(p)]
    boxes += [Box(MARGIN, lane.y0, layout.width - MARGIN, lane.y1) for lane in layout.lanes
              if layout.mode == "lanes"]
    if not boxes:
        return Box(0, 0, 0, 0)
    return Box(min(b.x0 for b in boxes), min(b.y0 for b in boxes),
               max(b.x1 for b in boxes), max(b.y1 for b in boxes))


# ---------------------------------------------------------------------------------------------
# Ordering


def _neighbours(actors: dict[str, Actor], links: Iterable[Link]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {k: [] for k in actors}
    for link in links:
        if link.tail in actors and link.head in actors and link.tail != link.head:
            out[link.tail].append(link.head)
            out[link.head].append(link.tail)
    return out


def _lane_order(actors: dict[str, Actor], nbrs: dict[str, list[str]]) -> list[str]:
    """Known countries first, ordered to keep linked countries near each other (total span of
    the links between lanes, smallest first), the chain's head country on top when that costs
    nothing; the unknown lane last."""
    first_col: dict[str, tuple[int, int]] = {}
    for a in actors.values():
        rank = (a.column, 0)
        first_col[a.lane] = min(first_col.get(a.lane, rank), rank)
    known = sorted((k for k in first_col if k != UNKNOWN_LANE),
                   key=lambda k: (first_col[k], k))
    weights: dict[tuple[str, str], int] = {}
    for key, others in nbrs.items():
        la = actors[key].lane
        for other in others:
            lb = actors[other].lane
            if la != lb and la != UNKNOWN_LANE and lb != UNKNOWN_LANE and la < lb:
                weights[(la, lb)] = weights.get((la, lb), 0) + 1
    # links to the unknown lane pull their country downwards, next to it
    to_unknown: dict[str, int] = {}
    for key, others in nbrs.items():
        if actors[key].lane != UNKNOWN_LANE:
            to_unknown[actors[key].lane] = to_unknown.get(actors[key].lane, 0) + sum(
                1 for o in others if actors[o].lane == UNKNOWN_LANE)

    def cost(order: Sequence[str]) -> tuple[float, int, float]:
        pos = {k: i for i, k in enumerate(order)}
        span = sum(w * abs(pos[a] - pos[b]) for (a, b), w in weights.items())
        # ties: lanes in the order the chain reaches them (its head on top), then near the
        # unknown lane the countries linked to it
        inversions = sum(1 for i, a in enumerate(order) for b in order[i + 1:]
                         if first_col[a] > first_col[b])
        pull = sum(w * (len(order) - pos[k]) for k, w in to_unknown.items())
        return span, inversions, pull

    if len(known) <= EXHAUSTIVE_LANES:
        best = min(itertools.permutations(known), key=lambda o: (cost(o), o))
        order = list(best)
    else:
        order = list(known)
        for _ in range(SWEEPS * 2):  # barycentre of each lane's linked lanes
            pos = {k: i for i, k in enumerate(order)}
            bary: dict[str, float] = {}
            for k in order:
                linked = [(pos[b if a == k else a], w) for (a, b), w in weights.items()
                          if k in (a, b)]
                total = sum(w for _, w in linked)
                bary[k] = (sum(p * w for p, w in linked) / total) if total else pos[k]
            order.sort(key=lambda k: (bary[k], pos[k]))
        # then, while one helps, a lane swapped with another or moved to another place (which
        # carries a block of lanes past the rest in one step); each pass is bounded: lanes
        # squared
        order = min((order, list(known)), key=cost)
        best = cost(order)
        for _ in range(SWEEPS * 4):
            improved = False
            for i in range(len(order)):
                for j in range(len(order)):
                    if i == j:
                        continue
                    swapped = order.copy()
                    swapped[i], swapped[j] = swapped[j], swapped[i]
                    moved = order[:i] + order[i + 1:]
                    moved.insert(j, order[i])
                    for candidate in (swapped, moved):
                        c = cost(candidate)
                        if c < best:
                            best, order, improved = c, candidate, True
            if not improved:
                break
        # upside down, the same order spans as much, and may read more in the chain's order
        order = min((order, order[::-1]), key=cost)
    if UNKNOWN_LANE in first_col:
        order.append(UNKNOWN_LANE)
    return order


def _order_within_lanes(actors: dict[str, Actor], nbrs: dict[str, list[str]],
                        lane_index: dict[str, int]) -> dict[str, tuple[int, int]]:
    """(lane index, row) of every actor: barycentre sweeps over columns, rows kept close to
    the rows of each actor's neighbours."""
    cells: dict[tuple[int, int], list[str]] = {}  # (column, lane) -> actors in order
    for key in sorted(actors, key=lambda k: (actors[k].column, lane_index[actors[k].lane], k)):
        a = actors[key]
        cells.setdefault((a.column, lane_index[a.lane]), []).append(key)
    lane_rows: dict[int, int] = {}
    for (_, lane), members in cells.items():
        lane_rows[lane] = max(lane_rows.get(lane, 1), len(members))
    # first rows: in id order
    row: dict[str, int] = {}
    for members in cells.values():
        for i, key in enumerate(members):
            row[key] = i
    offsets: dict[int, int] = {}
    total = 0
    for lane in sorted(lane_rows):
        offsets[lane] = total
        total += lane_rows[lane]

    def level(key: str) -> float:
        return offsets[lane_index[actors[key].lane]] + row[key]

    columns = sorted({c for c, _ in cells})
    for sweep in range(SWEEPS * 2):
        ordered = columns if sweep % 2 == 0 else columns[::-1]
        for column in ordered:
            for lane in sorted(lane_rows):
                members = cells.get((column, lane))
                if not members:
                    continue
                wanted: dict[str, float] = {}
                for key in members:
                    levels = sorted(level(n) for n in nbrs[key] if actors[n].column != column)
                    if levels:  # median of the neighbours' levels, as a row of this lane
                        mid = len(levels) // 2
                        med = levels[mid] if len(levels) % 2 else (levels[mid - 1] +
                                                                   levels[mid]) / 2
                        wanted[key] = med - offsets[lane]
                    else:
                        wanted[key] = row[key]
                members.sort(key=lambda k: (wanted[k], row[k], k))
                rows = lane_rows[lane]
                previous = -1
                for i, key in enumerate(members):
                    want = int(round(min(max(wanted[key], 0), rows - 1)))
                    row[key] = min(max(want, previous + 1), rows - (len(members) - i))
                    previous = row[key]
    return {k: (lane_index[actors[k].lane], row[k]) for k in actors}


# ---------------------------------------------------------------------------------------------
# Placement


def _place(placed: dict[str, Placed], lanes: list[Lane], lane_of: dict[str, int],
           gutter: float, pitch: float = COLUMN_PITCH) -> float:
    """x, y of every actor from its column, row and slot; lane heights from their tallest row
    (rows of one height leave links room to pass between them). Actors sharing a row of a
    column sit side by side, centred on the column. Returns the drawing's height. One pass
    over the actors."""
    row_need: dict[int, float] = {}
    radius: dict[int, float] = {}
    rows: dict[int, int] = {}
    shared: dict[tuple[int, int, int], list[Placed]] = {}
    for p in placed.values():
        lane = lane_of[p.actor.key]
        need = 2 * p.actor.radius + LABEL_GAP + LINE_HEIGHT * len(p.lines) + ROW_GAP
        row_need[lane] = max(row_need.get(lane, 0.0), need)
        radius[lane] = max(radius.get(lane, 0.0), p.actor.radius)
        rows[lane] = max(rows.get(lane, 1), p.row + 1)
        shared.setdefault((lane, p.actor.column, p.row), []).append(p)
    y = MARGIN
    for i, lane in enumerate(lanes):
        name_height = LINE_HEIGHT * len(lane.name_lines) + 2 * LANE_PAD if gutter else 0.0
        lane.row_height = row_need.get(i, 2 * FONT)
        lane.rows = max(lane.rows, rows.get(i, 1))
        inner = max(lane.rows * lane.row_height, name_height)
        lane.y0 = y
        lane.y1 = y + inner + 2 * LANE_PAD
        y = lane.y1
    for (i, column, row), members in shared.items():
        lane = lanes[i]
        centre = gutter + MARGIN + column * pitch + pitch / 2
        members.sort(key=lambda q: (q.slot, q.actor.key))
        widths = [_footprint(q) for q in members]
        x = centre - (sum(widths) + SLOT_GAP * (len(members) - 1)) / 2
        for q, w in zip(members, widths):
            q.x = x + w / 2
            q.y = lane.y0 + LANE_PAD + row * lane.row_height + radius.get(i, 16.0) + ROW_GAP / 2
            x += w + SLOT_GAP
    return y + MARGIN


def _footprint(p: Placed) -> float:
    """The width an actor takes in its row: its label or its marker, the wider."""
    return max(max((text_width(line) for line in p.lines), default=0.0), 2 * p.actor.radius)


def _pack_cells(placed: dict[str, Placed], lane_of: dict[str, int], cell_width: float) -> None:
    """Actors of one lane and column whose labels are narrow share a row, side by side, where
    that makes their lane shorter: a crowded column (many short names, as in a sector map)
    then costs fewer rows. Cells that do not set their lane's height keep one actor a row."""
    cells: dict[tuple[int, int], list[Placed]] = {}
    for p in placed.values():
        cells.setdefault((lane_of[p.actor.key], p.actor.column), []).append(p)
    packed: dict[tuple[int, int], list[list[Placed]]] = {}
    for cell, members in cells.items():
        members.sort(key=lambda q: (q.row, q.actor.key))
        groups: list[list[Placed]] = []
        used = 0.0
        for p in members:
            w = _footprint(p)
            if groups and used + SLOT_GAP + w <= cell_width:
                groups[-1].append(p)
                used += SLOT_GAP + w
            else:
                groups.append([p])
                used = w
        packed[cell] = groups
    target: dict[int, int] = {}
    for (lane, _), groups in packed.items():
        target[lane] = max(target.get(lane, 1), len(groups))
    for (lane, _), members in cells.items():
        rows = target[lane]
        if len(members) <= rows:  # fits one a row: keep the ordering's rows, within the lane
            previous = -1
            for i, p in enumerate(members):
                p.row = min(max(p.row, previous + 1), rows - (len(members) - i))
                p.slot = 0
                previous = p.row
            continue
        for r, group in enumerate(packed[(lane, members[0].actor.column)]):
            for slot, p in enumerate(group):
                p.row, p.slot = r, slot


def _route_links(layout: Layout, stop_above: int | None = None, *,
                 final: bool = False) -> list[tuple[Link, list[str]]]:
    """Give every link the straightest shape that crosses nothing (and, if it can, not its own
    ends' labels either: a link leaving downwards would run through the name it leaves);
    returns the links no shape clears, each with what its least-blocked shape crosses (or
    stops once more than `stop_above` are blocked: a repair move that bad is not kept). All
    shapes of a link are tested against all boxes in one go. The `final` routing, once the
    actors have their places, would rather make the frame a little taller
    (`OWN_LABEL_EXCESS`) than end a link's arrow in a name."""
    keys = list(layout.actors)
    boxes = np.array([[b.x0 + 1, b.y0 + 1, b.x1 - 1, b.y1 - 1]
                      for k in keys for b in _boxes(layout.actors[k])]).reshape(-1, 4)
    owners = np.repeat(np.arange(len(keys)), 2)
    is_label = np.tile([False, True], len(keys))
    index = {k: i for i, k in enumerate(keys)}
    blocked = []
    layout.routes = {}
    # The sides of the line between two actors that their links already take (straight, left,
    # right, whichever way a link goes): a second link between the same two actors must take
    # another side, or one of the two would be hidden under the other.
    taken: dict[tuple[str, str], set[int]] = {}
    for link in layout.links:
        ends = (index[link.tail], index[link.head])
        end_box = (owners == ends[0]) | (owners == ends[1])
        pair = tuple(sorted((link.tail, link.head)))
        beside = taken.setdefault(pair, set())
        x0, y0, x1, y1 = layout.segment(link)
        if 0 not in beside and _straight_clear(boxes, end_box & ~is_label, x0, y0, x1, y1,
                                               layout):
            # the first shape tried, and most links take it: the curves need no checking
            layout.routes[link.key] = STRAIGHT
            beside.add(0)
            continue
        dx, dy = round(x1 - x0, 3), round(y1 - y0, 3)
        flip = 1 if link.tail == pair[0] else -1
        choice: tuple[str, float] | None = None
        fallback: tuple[str, float] | None = None  # clear, but through an end's label
        outside: tuple[str, float] | None = None  # clear, but out of the frame (grown later)
        taller: tuple[str, float] | None = None  # clear, the frame a little taller
        doubled: tuple[str, float] | None = None  # clear, but over a link of the same pair
        best: tuple[int, list[str], tuple[str, float]] | None = None
        side_of: dict[tuple[str, float], int] = {}
        excess_of: dict[tuple[str, float], float] = {}
        for group, routes in enumerate(ROUTE_GROUPS):
            shape = _shapes(dx, dy, group)
            lo, hi = shape.lo + (x0, y0), shape.hi + (x0, y0)
            near = (boxes[:, 0] < hi[0]) & (boxes[:, 2] > lo[0]) & (boxes[:, 1] < hi[1]) & \
                (boxes[:, 3] > lo[1])
            near &= ~end_box | is_label  # an end's marker is where the link starts or stops
            cand = np.flatnonzero(near)
            crossed_by = _crossed(dx, dy, boxes[cand] - (x0, y0, x0, y0), group)
            extents = shape.extents + (x0, y0, x0, y0)
            # how far each shape reaches out of the frame (which grows by as much)
            sideways = np.maximum.reduce([-extents[:, 0], extents[:, 2] - layout.width,
                                          np.zeros(len(routes))])
            excess = np.maximum.reduce([sideways, -extents[:, 1],
                                        extents[:, 3] - layout.height])
            near_owners, near_ends = owners[cand], end_box[cand]
            for i, route in enumerate(routes):
                side_of[route], excess_of[route] = flip * shape.sides[i], float(excess[i])
                crossed = crossed_by[i]
                if not crossed.any():
                    hits, own = [], False
                else:
                    own = bool((near_ends & crossed).any())
                    hits = [keys[o] for o in
                            dict.fromkeys(near_owners[crossed & ~near_ends].tolist())]
                if not hits:
                    if side_of[route] in beside:  # clear, but over a link between the same two
                        doubled = doubled or route
                        continue
                    if not own and not excess_of[route]:
                        choice = route
                        break
                    if not excess_of[route]:
                        fallback = fallback or route
                        continue
                    if outside is None or excess_of[route] < excess_of[outside]:
                        outside = route  # the one that grows the frame least
                    if final and not own and not sideways[i] and \
                            excess_of[route] <= OWN_LABEL_EXCESS and taller is None:
                        taller = route
                elif best is None or len(hits) < best[0]:
                    best = (len(hits), hits, route)
            if choice:
                break
        route = choice or taller or fallback or doubled or outside
        if route is None:
            assert best is not None
            route = best[2]
            blocked.append((link, best[1]))
            if stop_above is not None and len(blocked) > stop_above:
                return blocked
        layout.routes[link.key] = route
        beside.add(side_of[route])
    return blocked


@dataclass(frozen=True)
class _Shapes:
    """The shapes of a route group for a link from (0, 0) to (dx, dy): its segments (and which
    route each belongs to), their extent, each shape's bounding box and the side it bulges to."""

    starts: np.ndarray
    stops: np.ndarray
    route_of: np.ndarray
    lo: np.ndarray
    hi: np.ndarray
    extents: np.ndarray  # one row a route: x0, y0, x1, y1
    sides: tuple[int, ...]


@lru_cache(maxsize=1 << 14)
def _shapes(dx: float, dy: float, group: int) -> _Shapes:
    """A link's shapes of one of `ROUTE_GROUPS` depend only on where its head is from its tail:
    the repair pass moves actors, lanes shift whole, and most links keep their shapes
    (computed once)."""
    paths = route_paths(0.0, 0.0, dx, dy, ROUTE_GROUPS[group])
    starts = np.concatenate([p[:-1] for p in paths])
    stops = np.concatenate([p[1:] for p in paths])
    extents = np.array([[p[:, 0].min(), p[:, 1].min(), p[:, 0].max(), p[:, 1].max()]
                        for p in paths])
    return _Shapes(starts, stops,
                   np.concatenate([np.full(len(p) - 1, i) for i, p in enumerate(paths)]),
                   np.minimum(starts, stops).min(axis=0), np.maximum(starts, stops).max(axis=0),
                   extents, tuple(_bulge(dx, dy, p) for p in paths))


def _bulge(dx: float, dy: float, path: np.ndarray) -> int:
    """Which side of the line from (0, 0) to (dx, dy) a path bulges to: 0 (straight), 1, -1."""
    cx, cy = path[:, 0].mean(), path[:, 1].mean()
    offset = (dx * cy - dy * cx) / (math.hypot(dx, dy) or 1.0)
    return 0 if abs(offset) < 4 else (1 if offset > 0 else -1)


_CROSSED: dict[bytes, list[np.ndarray]] = {}
_CROSSED_MAX = 1 << 15


def _crossed(dx: float, dy: float, near: np.ndarray, group: int) -> list[np.ndarray]:
    """For each route of a group of `ROUTE_GROUPS` for a link from (0, 0) to (dx, dy), which of
    the `near` boxes (placed from the link's tail) it crosses; remembered, as the repair pass
    asks again for links it did not move."""
    key = np.array([dx, dy, group]).tobytes() + np.round(near, 3).tobytes()
    found = _CROSSED.get(key)
    if found is None:
        shape = _shapes(dx, dy, group)
        routes = len(ROUTE_GROUPS[group])
        if len(near):
            hits = crossings(shape.starts, shape.stops, near)
            found = [hits[shape.route_of == i].any(axis=0) for i in range(routes)]
        else:
            found = [np.zeros(0, dtype=bool)] * routes
        if len(_CROSSED) >= _CROSSED_MAX:
            _CROSSED.clear()
        _CROSSED[key] = found
    return found


def _straight_clear(boxes: np.ndarray, skip: np.ndarray, x0: float, y0: float, x1: float,
                    y1: float, layout: Layout) -> bool:
    """Whether the straight line crosses no box but the `skip` ones (its ends' markers) and
    stays in the frame."""
    if min(x0, x1) < 0 or min(y0, y1) < 0 or max(x0, x1) > layout.width or \
            max(y0, y1) > layout.height:
        return False
    near = (boxes[:, 0] < max(x0, x1)) & (boxes[:, 2] > min(x0, x1)) & \
        (boxes[:, 1] < max(y0, y1)) & (boxes[:, 3] > min(y0, y1)) & ~skip
    # few boxes lie near one line: checked one by one, faster than arrays this small
    return not any(segment_hits_box(x0, y0, x1, y1, Box(*boxes[i]))
                   for i in np.flatnonzero(near).tolist())


def _moves(layout: Layout, lane_of: dict[str, int], key: str) -> list[list[tuple[str, int, int]]]:
    """Ways to move an actor, as (actor, row, slot) assignments: trade places with an actor of
    its cell (the lane keeps its height), a free row of its lane, a new row below."""
    p = layout.actors[key]
    lane_i = lane_of[key]
    mates = [q for q in layout.actors.values() if lane_of[q.actor.key] == lane_i and
             q.actor.column == p.actor.column and q is not p]
    out = [[(key, q.row, q.slot), (q.actor.key, p.row, p.slot)]
           for q in sorted(mates, key=lambda q: (abs(q.row - p.row), q.slot, q.actor.key))[:2]]
    taken = {q.row for q in mates} | {p.row}
    rows = layout.lanes[lane_i].rows
    free = sorted((r for r in range(rows) if r not in taken),
                  key=lambda r: (abs(r - p.row), r))[:2]
    return out + [[(key, r, 0)] for r in free] + [[(key, rows, 0)]]


def _repair(layout: Layout, lane_of: dict[str, int], gutter: float) -> bool:
    """Route the links; while some cannot pass clear, move an actor in the way (or an end of
    the link): trade places with a neighbour of its cell, or take another row of its lane,
    keeping a move only if fewer links stay blocked (the lane growing least among equals). A
    bounded number of rounds. True when every link passes clear."""
    blocked = _route_links(layout)
    # routings tried in all: bounds the time on any chain (each costs in proportion to links)
    budget = int(REPAIR_BUDGET * min(1.0, 64 / max(len(layout.links), 1)))

    def apply(move: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
        undo = [(k, layout.actors[k].row, layout.actors[k].slot) for k, _, _ in move]
        for k, row, slot in move:
            layout.actors[k].row, layout.actors[k].slot = row, slot
            lane = layout.lanes[lane_of[k]]
            lane.rows = max(lane.rows, row + 1)
        return undo

    for _ in range(REPAIR_ROUNDS):
        if not blocked or budget <= 0:
            break
        link, hits = blocked[0]
        blocked_keys = {lk.key for lk, _ in blocked}
        movers = [h for h in hits if h != "frame"][:2] + [link.head, link.tail]
        best: tuple[int, int, list] | None = None  # (blocked count, rows added, move)
        rows_before = [lane.rows for lane in layout.lanes]
        for key in dict.fromkeys(movers):
            for move in _moves(layout, lane_of, key):
                budget -= 1
                undo = apply(move)
                layout.height = _place(layout.actors, layout.lanes, lane_of, gutter, layout.pitch)
                # only a move leaving fewer links blocked than now, and than the best one so
                # far, can be kept: routing stops as soon as this one cannot be
                bound = len(blocked_keys) - 1 if best is None else \
                    min(len(blocked_keys) - 1, len(blocked_keys) + best[0])
                delta = len(_route_links(layout, max(bound, 0))) - len(blocked_keys)
                grown = sum(lane.rows for lane in layout.lanes) - sum(rows_before)
                if best is None or (delta, grown) < best[:2]:
                    best = (delta, grown, move)
                apply(undo)
                for lane, n in zip(layout.lanes, rows_before):
                    lane.rows = n
        if best is None or best[0] >= 0:
            # nothing helps at once: open a new row for the first actor in the way
            key = movers[0]
            apply([(key, layout.lanes[lane_of[key]].rows, 0)])
        else:
            apply(best[2])
        layout.height = _place(layout.actors, layout.lanes, lane_of, gutter, layout.pitch)
        blocked = _route_links(layout)
        budget -= 1
    return not blocked


def _grow_frame(layout: Layout) -> None:
    """Make room for links that bend out of the drawing: shift everything and grow the frame."""
    points = [pt for lk in layout.links for pt in layout.path(lk)]
    if not points:
        return
    pad = MARGIN
    left = min(0.0, min(x for x, _ in points) - pad)
    top = min(0.0, min(y for _, y in points) - pad)
    right = max(layout.width, max(x for x, _ in points) + pad)
    bottom = max(layout.height, max(y for _, y in points) + pad)
    if (left, top, right, bottom) == (0.0, 0.0, layout.width, layout.height):
        return
    for p in layout.actors.values():
        p.x -= left
        p.y -= top
    for lane in layout.lanes:
        lane.y0 -= top
        lane.y1 -= top
    layout.offset = (layout.offset[0] - left, layout.offset[1] - top)
    layout.width, layout.height = right - left, bottom - top


def _compact_rows(layout: Layout, lane_of: dict[str, int]) -> None:
    """Drop rows no actor uses (left by the repair pass)."""
    for i, lane in enumerate(layout.lanes):
        used = sorted({p.row for p in layout.actors.values() if lane_of[p.actor.key] == i})
        remap = {r: j for j, r in enumerate(used)}
        for p in layout.actors.values():
            if lane_of[p.actor.key] == i:
                p.row = remap[p.row]
        lane.rows = max(len(used), 1)


def _fit_edge_labels(layout: Layout) -> dict[str, Box]:
    """Relation labels, at the middle of their link, kept only where they touch no marker, no
    actor label, no other relation label and no other link."""
    blocking = [b for p in layout.actors.values() for b in _boxes(p)]
    kept: dict[str, Box] = {}
    paths = {lk.key: layout.path(lk) for lk in layout.links}
    for link in layout.links:
        if not link.label:
            continue
        mx, my = layout.midpoint(link)
        w, h = text_width(link.label, EDGE_FONT) + 6, EDGE_FONT * 1.3
        box = Box(mx - w / 2, my - h / 2, mx + w / 2, my + h / 2)
        if box.x0 < 0 or box.y0 < 0 or box.x1 > layout.width or box.y1 > layout.height:
            continue
        if any(box.overlaps(b) for b in blocking) or any(box.overlaps(b) for b in kept.values()):
            continue
        if any(k != link.key and path_hits_box(pth, box) for k, pth in paths.items()):
            continue
        kept[link.key] = box
    return kept


def chain_layout(actors: Sequence[Actor], links: Sequence[Link], *, mode: str = DEFAULT_LAYOUT,
                 lane_names: dict[str, str] | None = None,
                 wrap_width: float = WRAP_WIDTH, max_width: float | None = None) -> Layout:
    """Lay the chain out: lanes by country (`mode="lanes"`) or one band (`"columns"`).

    Deterministic: the same actors and links, in any order, give the same picture. Links whose
    ends are unknown are left out. `lane_names` maps a lane key (country code, "" for unknown)
    to its name in the reader's language. `wrap_width`: labels' width (wider on a slide, where
    width is plenty and height is short). `max_width`: the drawing's width aimed for; a chain
    with more columns than fit at `wrap_width` wraps its labels narrower (`fitted_wrap`).
    """
    if mode not in LAYOUTS:
        raise ValueError(f"layout must be one of {LAYOUTS}, got {mode!r}")
    lane_names = lane_names or {}
    first = min((a.column for a in actors), default=0)
    actors = [Actor(a.key, a.label, a.lane, a.column - first, a.radius) for a in actors]
    by_key: dict[str, Actor] = {}
    for a in sorted(actors, key=lambda a: a.key):
        if a.key not in by_key:
            by_key[a.key] = a if mode == "lanes" else Actor(a.key, a.label, UNKNOWN_LANE,
                                                             a.column, a.radius)
    kept_links = sorted((lk for lk in links if lk.tail in by_key and lk.head in by_key
                         and lk.tail != lk.head), key=lambda lk: lk.key)
    nbrs = _neighbours(by_key, kept_links)
    lane_keys = _lane_order(by_key, nbrs) if by_key else []
    lane_index = {k: i for i, k in enumerate(lane_keys)}
    cells = _order_within_lanes(by_key, nbrs, lane_index)
    gutter = GUTTER if mode == "lanes" else 0.0
    columns = max((a.column for a in by_key.values()), default=0) + 1
    if max_width:
        wrap_width = fitted_wrap(columns, gutter, wrap_width, max_width)

    def arrange(pack: bool) -> Layout:
        lanes = [Lane(k, lane_names.get(k, k), wrap_label(lane_names.get(k, k), GUTTER_WRAP,
                                                          LANE_FONT, 4))
                 for k in lane_keys]
        placed = {k: Placed(a, wrap_label(a.label, wrap_width), row=cells[k][1])
                  for k, a in by_key.items()}
        lane_of = {k: cells[k][0] for k in by_key}
        if pack:
            _pack_cells(placed, lane_of, wrap_width)
        return _settle(mode, placed, kept_links, lanes, lane_of, gutter, wrap_width + COLUMN_GAP)

    def best() -> Layout:
        layout = arrange(pack=small)
        if small and not layout.repaired:  # packed rows left a link blocked: try one a row
            plain = arrange(pack=False)
            layout = min((layout, plain), key=lambda lay: (len(links_through_labels(lay)),
                                                           lay.height))
        return layout

    small = len(by_key) <= PACK_MAX_ACTORS
    layout = best()
    # links bending out of the drawing widened it past the width aimed for: narrower labels
    for _ in range(FIT_TRIES):
        # (only when a little too wide: a chain far wider cannot fit, and each try costs a layout)
        if not max_width or not max_width + 1 < layout.width <= FIT_EXCESS * max_width or \
                wrap_width <= MIN_WRAP or len(by_key) > PACK_MAX_ACTORS:
            break
        wrap_width = max(MIN_WRAP, wrap_width - math.ceil((layout.width - max_width) / columns))
        narrower = best()
        if narrower.width < layout.width and (narrower.repaired or not layout.repaired):
            layout = narrower
    return layout


def fitted_wrap(columns: int, gutter: float, wrap_width: float, max_width: float) -> float:
    """The widest label wrap, at most `wrap_width` and at least `MIN_WRAP`, with which
    `columns` columns and the lane names fit in `max_width`."""
    room = (max_width - gutter - 2 * MARGIN) / max(columns, 1) - COLUMN_GAP
    return max(MIN_WRAP, min(wrap_width, math.floor(room)))


def _settle(mode: str, placed: dict[str, Placed], links: list[Link], lanes: list[Lane],
            lane_of: dict[str, int], gutter: float, pitch: float) -> Layout:
    """Place the actors in their rows, then route the links and repair what they cross."""
    for i, lane in enumerate(lanes):
        lane.rows = max([1] + [p.row + 1 for p in placed.values() if lane_of[p.actor.key] == i])
    height = _place(placed, lanes, lane_of, gutter, pitch)
    columns = max((p.actor.column for p in placed.values()), default=0) + 1
    width = gutter + 2 * MARGIN + columns * pitch
    layout = Layout(mode, placed, links, lanes, width, height, pitch=pitch)
    if len(placed) <= REPAIR_MAX_ACTORS:
        _repair(layout, lane_of, gutter)
        before = len(_route_links(layout))
        rows = {k: (p.row, p.slot) for k, p in placed.items()}
        lane_rows = [lane.rows for lane in lanes]
        _compact_rows(layout, lane_of)
        layout.height = _place(placed, lanes, lane_of, gutter, pitch)
        if len(_route_links(layout)) > before:  # compacting undid part of the repair: undo it
            for k, p in placed.items():
                p.row, p.slot = rows[k]
            for lane, n in zip(lanes, lane_rows):
                lane.rows = n
            layout.height = _place(placed, lanes, lane_of, gutter, pitch)
        _route_links(layout, final=True)
        _grow_frame(layout)
        layout.repaired = not links_through_labels(layout)
        layout.edge_labels = _fit_edge_labels(layout)
    else:
        layout.repaired = False
    return layout
