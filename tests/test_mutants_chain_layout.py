"""Tests that kill the surviving mutants of chain_layout (see tests/mutation/RESULTS.md).

Chains of two or three actors whose geometry is worked out by hand from the drawing's
constants, written out here as numbers: the label font is 18 units, so a line is 22.5 high,
the margin 10.8, a lane's padding 6.3, the gap under a row 10.8, the gap between two actors
sharing a row 18, and a column 216 wide (a label 171 wide and 45 for the arrow); the lane
names' column on the left is 126 wide. A marker's radius is 16 and a label starts 3 below it.
"""

from __future__ import annotations

import itertools
import random

import numpy as np
import pytest

from app.charts import chain_layout as cl

# A row holds a marker (32), the gap to its label (3), one line (22.5) and the gap (10.8): 68.3.
# A lane: 10.8 of margin above, then 6.3 + 68.3 + 6.3. An actor sits 6.3 + 16 + 5.4 below its
# lane's top.
ROW = 68.3
FIRST_LANE = (10.8, 10.8 + 6.3 + ROW + 6.3)  # 10.8 to 91.7
FIRST_ROW_Y = 10.8 + 6.3 + 16 + 5.4  # 38.5


def xy(layout: cl.Layout) -> dict[str, tuple[float, float]]:
    return {k: (round(p.x, 6), round(p.y, 6)) for k, p in layout.actors.items()}


def test_two_actors_of_one_country_one_column_apart():
    layout = cl.chain_layout([cl.Actor("a", "Ab", "FR", 0), cl.Actor("b", "Ab", "FR", 1)],
                             [cl.Link("l", "a", "b")])
    # columns centred at 126 + 10.8 + 108 and one column further
    assert xy(layout) == {"a": (244.8, 38.5), "b": (460.8, 38.5)}
    assert layout.width == pytest.approx(126 + 2 * 10.8 + 2 * 216)  # 579.6
    assert layout.height == pytest.approx(FIRST_LANE[1] + 10.8)  # 102.5
    [lane] = layout.lanes
    assert (lane.key, lane.rows) == ("FR", 1)
    assert (lane.y0, lane.y1) == pytest.approx(FIRST_LANE)
    assert lane.row_height == pytest.approx(ROW)
    assert layout.routes == {"l": ("straight", 0.0)}
    assert layout.offset == (0.0, 0.0) and layout.repaired


def test_the_columns_layout_has_no_lane_names_column():
    layout = cl.chain_layout([cl.Actor("a", "Ab", "FR", 0), cl.Actor("b", "Ab", "MG", 1)],
                             [cl.Link("l", "a", "b")], mode="columns")
    assert xy(layout) == {"a": (118.8, 38.5), "b": (334.8, 38.5)}
    assert layout.width == pytest.approx(2 * 10.8 + 2 * 216)
    assert [lane.key for lane in layout.lanes] == [""]


def test_lanes_stack_down_the_chain_and_the_unknown_country_comes_last():
    layout = cl.chain_layout([cl.Actor("c", "Ab", "", 2), cl.Actor("b", "Ab", "MG", 1),
                              cl.Actor("a", "Ab", "FR", 0)],
                             [cl.Link("l2", "b", "c"), cl.Link("l1", "a", "b")])
    assert [lane.key for lane in layout.lanes] == ["FR", "MG", ""]
    tops = [10.8 + i * (ROW + 12.6) for i in range(4)]  # 10.8, 91.7, 172.6, 253.5
    assert [(lane.y0, lane.y1) for lane in layout.lanes] == [
        pytest.approx((tops[i], tops[i + 1])) for i in range(3)]
    assert xy(layout) == {"a": (244.8, 38.5), "b": (460.8, 119.4), "c": (676.8, 200.3)}
    assert layout.height == pytest.approx(tops[3] + 10.8)
    assert layout.width == pytest.approx(126 + 2 * 10.8 + 3 * 216)
    assert layout.routes == {"l1": ("straight", 0.0), "l2": ("straight", 0.0)}


def test_short_names_of_one_column_share_a_row_side_by_side():
    layout = cl.chain_layout([cl.Actor("b", "B", "FR", 0), cl.Actor("a", "A", "FR", 0)], [])
    # each takes its marker's width, 32, with 18 between: 82 centred on 244.8
    assert xy(layout) == {"a": (219.8, 38.5), "b": (269.8, 38.5)}
    assert [(p.row, p.slot) for _, p in sorted(layout.actors.items())] == [(0, 0), (0, 1)]
    assert layout.lanes[0].rows == 1
    assert layout.height == pytest.approx(FIRST_LANE[1] + 10.8)
    assert layout.width == pytest.approx(126 + 2 * 10.8 + 216)


def test_fitted_wrap_keeps_the_columns_within_the_width():
    # (400 - 2 x 10.8) / 2 - 45 = 144.2: labels 144 wide
    assert cl.fitted_wrap(2, 0.0, 171.0, 400.0) == 144
    # (700 - 126 - 21.6) / 4 - 45 = 93.1, below the narrowest allowed, 6.5 x 18
    assert cl.fitted_wrap(4, 126.0, 171.0, 700.0) == 117.0
    assert cl.fitted_wrap(1, 0.0, 171.0, 1000.0) == 171.0  # room for more: the width asked
    assert cl.fitted_wrap(0, 0.0, 171.0, 400.0) == 171.0  # no column counts as one: 333.4


def test_drawing_box_holds_markers_labels_and_lane_bands():
    actors = [cl.Actor("a", "Ab", "FR", 0), cl.Actor("b", "Ab", "FR", 1)]
    links = [cl.Link("l", "a", "b")]
    # in columns: from a's marker (118.8 - 16, 38.5 - 16) to b's marker's right side and the
    # foot of the labels (38.5 + 16 + 3 + 22.5)
    box = cl.drawing_box(cl.chain_layout(actors, links, mode="columns"))
    assert (box.x0, box.y0, box.x1, box.y1) == pytest.approx((102.8, 22.5, 350.8, 80.0))
    # in lanes: the band, from the margin to the width less the margin
    box = cl.drawing_box(cl.chain_layout(actors, links))
    assert (box.x0, box.y0, box.x1, box.y1) == pytest.approx((10.8, 10.8, 568.8, 91.7))
    empty = cl.Layout("columns", {}, [], [], 100.0, 100.0)
    assert cl.drawing_box(empty) == cl.Box(0, 0, 0, 0)


def test_label_overlaps_names_each_pair_once_in_order():
    # Labels "Ab" are 25.92 wide (A 14.04, b 11.88); markers 32. Three actors on a line:
    # c and a 20 apart (markers overlap), b far off.
    actors = {k: cl.Placed(cl.Actor(k, "Ab", "FR", 0), ["Ab"], x=x, y=50.0)
              for k, x in (("c", 100.0), ("a", 120.0), ("b", 400.0))}
    layout = cl.Layout("lanes", actors, [], [], 600.0, 200.0)
    assert cl.label_overlaps(layout) == [("a", "c")]
    # a relation label over b's label (which spans y 69 to 91.5)
    layout.edge_labels = {"l": cl.Box(390.0, 80.0, 410.0, 90.0)}
    assert cl.label_overlaps(layout) == [("a", "c"), ("b", "link:l")]
    # touching edges are not an overlap: a box starting where b's marker ends (x 416)
    layout.edge_labels = {"l": cl.Box(416.0, 40.0, 430.0, 60.0)}
    assert cl.label_overlaps(layout) == [("a", "c")]


def test_drawing_box_of_an_actor_outside_every_lane_band():
    placed = cl.Placed(cl.Actor("a", "Ab", "FR", 0), ["Ab"], x=100.0, y=300.0)
    lane = cl.Lane("FR", "France", ["France"], y0=10.0, y1=100.0)
    box = cl.drawing_box(cl.Layout("lanes", {"a": placed}, [], [lane], 600.0, 400.0))
    # the band (10.8 to 589.2, 10 to 100) and the actor, whose label ends 300 + 16 + 3 + 22.5 down
    assert (box.x0, box.y0, box.x1, box.y1) == pytest.approx((10.8, 10.0, 589.2, 341.5))


def test_label_overlaps_finds_pairs_past_a_narrow_box():
    # Relation labels only, sorted by their left side: the first, wide, overlaps the second
    # and the third; the second ends before the third starts; the fourth is far off.
    layout = cl.Layout("lanes", {}, [], [], 600.0, 200.0, edge_labels={
        "w": cl.Box(0, 0, 100, 10), "n": cl.Box(10, 0, 20, 10), "m": cl.Box(50, 0, 60, 10),
        "far": cl.Box(200, 0, 210, 10)})
    assert cl.label_overlaps(layout) == [("link:m", "link:w"), ("link:n", "link:w")]


def test_moves_of_an_actor_trade_with_its_cell_or_take_a_free_row():
    def at(key, lane, column, row):
        return cl.Placed(cl.Actor(key, key, lane, column), [key], row=row)

    actors = {"p": at("p", "FR", 0, 0), "q": at("q", "FR", 0, 1), "r": at("r", "FR", 1, 2),
              "s": at("s", "MG", 0, 1)}
    lanes = [cl.Lane("FR", "FR", ["FR"], rows=3), cl.Lane("MG", "MG", ["MG"], rows=2)]
    layout = cl.Layout("lanes", actors, [], lanes, 600.0, 400.0)
    lane_of = {"p": 0, "q": 0, "r": 0, "s": 1}
    # q shares p's lane and column: they may trade places; row 2 of the lane is free in that
    # column (r's row 2 is in another column); or a new row 3
    assert cl._moves(layout, lane_of, "p") == [[("p", 1, 0), ("q", 0, 0)], [("p", 2, 0)],
                                               [("p", 3, 0)]]
    # s is alone in its cell: row 0 of its lane, then a new row
    assert cl._moves(layout, lane_of, "s") == [[("s", 0, 0)], [("s", 2, 0)]]


def test_moves_try_the_nearest_rows_first():
    def at(key, column, row):
        return cl.Placed(cl.Actor(key, key, "FR", column), [key], row=row)

    actors = {"p": at("p", 0, 3), "a": at("a", 0, 0), "b": at("b", 0, 2), "c": at("c", 0, 4),
              "t": at("t", 1, 4)}
    layout = cl.Layout("lanes", actors, [], [cl.Lane("FR", "FR", ["FR"], rows=6)], 900.0, 900.0)
    lane_of = dict.fromkeys(actors, 0)
    # p trades with the two mates one row away (b, c), not a three rows up; then the free
    # rows 1 and 5 (two away each), then a new row
    assert cl._moves(layout, lane_of, "p") == [
        [("p", 2, 0), ("b", 3, 0)], [("p", 4, 0), ("c", 3, 0)], [("p", 1, 0)], [("p", 5, 0)],
        [("p", 6, 0)]]
    # t is alone in its column: the two nearest of rows 0 to 5, 3 and 5, then a new row
    assert cl._moves(layout, lane_of, "t") == [[("t", 3, 0)], [("t", 5, 0)], [("t", 6, 0)]]


def test_a_links_midpoint_is_halfway_along_the_curve_drawn():
    actors = {k: cl.Placed(cl.Actor(k, k, "FR", 0), [k], x=x, y=y)
              for k, x, y in (("a", 20.0, 10.0), ("b", 120.0, 10.0))}
    link = cl.Link("l", "a", "b")
    layout = cl.Layout("lanes", actors, [link], [], 600.0, 200.0)
    assert layout.midpoint(link) == pytest.approx((70.0, 10.0))
    # curvedCW, roundness 0.2: control point 0.6 x 100 away at 0.6 pi from the link's
    # direction, (20 + 60 sin 0.6pi, 10 + 60 cos 0.6pi) = (77.063, -8.541); halfway along the
    # curve: a quarter of each end and half the control point
    layout.routes = {"l": ("curvedCW", 0.2)}
    assert layout.midpoint(link) == pytest.approx((5 + 38.5317 + 30, 2.5 - 4.2705 + 2.5),
                                                  abs=1e-3)


def packed(count: int, cell_width: float, rows: list[int] | None = None) -> list[tuple]:
    """(key, row, slot) of `count` one-letter actors of one lane and column (each 32 wide, its
    marker) after packing into cells `cell_width` wide."""
    keys = "abcd"[:count]
    placed = {k: cl.Placed(cl.Actor(k, k.upper(), "FR", 0), [k.upper()],
                           row=(rows or list(range(count)))[i]) for i, k in enumerate(keys)}
    cl._pack_cells(placed, dict.fromkeys(keys, 0), cell_width)
    return [(k, p.row, p.slot) for k, p in placed.items()]


def test_packing_puts_side_by_side_what_fits_the_cell():
    # two take 32 + 18 + 32 = 82: exactly the width, so they share a row
    assert packed(3, 82.0) == [("a", 0, 0), ("b", 0, 1), ("c", 1, 0)]
    # 60 holds one only: one a row, in the rows they had
    assert packed(3, 60.0) == [("a", 0, 0), ("b", 1, 0), ("c", 2, 0)]
    # three take 132; a fourth would take 182
    assert packed(4, 140.0) == [("a", 0, 0), ("b", 0, 1), ("c", 0, 2), ("d", 1, 0)]


def test_packing_keeps_a_cell_that_fits_one_a_row_in_its_rows():
    # Two cells of one lane: column 0 packs three into two rows, so the lane has two rows;
    # column 1's two actors (rows 0 and 1 from the ordering) keep one a row.
    placed = {k: cl.Placed(cl.Actor(k, k.upper(), "FR", col), [k.upper()], row=row, slot=1)
              for k, col, row in (("a", 0, 0), ("b", 0, 1), ("c", 0, 2), ("x", 1, 1),
                                  ("y", 1, 0))}
    cl._pack_cells(placed, dict.fromkeys(placed, 0), 82.0)
    assert {k: (p.row, p.slot) for k, p in placed.items()} == {
        "a": (0, 0), "b": (0, 1), "c": (1, 0), "x": (1, 0), "y": (0, 0)}


def pack(cells: list[tuple[str, int, int]], cell_width: float = 82.0) -> dict[str, tuple]:
    placed = {k: cl.Placed(cl.Actor(k, k.upper(), "FR", col), [k.upper()], row=row, slot=1)
              for k, col, row in cells}
    cl._pack_cells(placed, dict.fromkeys(placed, 0), cell_width)
    return {k: (p.row, p.slot) for k, p in placed.items()}


def test_a_cell_after_packing_keeps_its_rows_within_the_lanes_new_height():
    # column 0's three pack into two rows; column 1 (first in the table) had rows 1 and 2 of
    # the three the ordering gave: moved up into rows 0 and 1
    assert pack([("x", 1, 1), ("y", 1, 2), ("a", 0, 0), ("b", 0, 1), ("c", 0, 2)]) == {
        "x": (0, 0), "y": (1, 0), "a": (0, 0), "b": (0, 1), "c": (1, 0)}
    # column 0's five pack into three rows; column 1's rows 0 and 1 stay as they are
    assert pack([("y", 1, 0), ("x", 1, 1)] +
                [(k, 0, i) for i, k in enumerate("abcde")]) == {
        "y": (0, 0), "x": (1, 0), "a": (0, 0), "b": (0, 1), "c": (1, 0), "d": (1, 1),
        "e": (2, 0)}


# --- the order of the lanes, against the rule it states, worked out by trying every order ------

def best_lane_order(actors: list[cl.Actor], links: list[cl.Link]) -> list[str]:
    """The lane order `_lane_order` documents, found the slow way: of every order of the known
    countries, the one whose links between lanes span the fewest lanes (each link counted);
    then the one that keeps the countries in the order the chain reaches them (fewest pairs
    the other way round); then the one that puts the countries with most links to an unknown
    country lowest; then the first in the alphabet. The unknown lane comes last."""
    lane = {a.key: a.lane for a in actors}
    first: dict[str, int] = {}
    for a in actors:
        first[a.lane] = min(first.get(a.lane, a.column), a.column)
    known = sorted(k for k in first if k)
    between = [(lane[lk.tail], lane[lk.head]) for lk in links
               if lane[lk.tail] and lane[lk.head] and lane[lk.tail] != lane[lk.head]]
    to_unknown = [lane[lk.tail] or lane[lk.head] for lk in links
                  if bool(lane[lk.tail]) != bool(lane[lk.head])]

    def rank(order: tuple[str, ...]) -> tuple:
        at = {k: i for i, k in enumerate(order)}
        span = sum(abs(at[a] - at[b]) for a, b in between)
        backwards = sum(1 for i in range(len(order)) for j in range(i + 1, len(order))
                        if first[order[i]] > first[order[j]])
        height = sum(len(order) - at[k] for k in to_unknown)
        return span, backwards, height, order

    order = list(min(itertools.permutations(known), key=rank))
    return order + ([""] if "" in first else [])


def random_chain(seed: int) -> tuple[list[cl.Actor], list[cl.Link]]:
    rng = random.Random(seed)
    lanes = rng.sample(["FR", "MG", "US", "CN", "JP", "ES", "IT"], rng.randint(2, 5)) + [""]
    actors = [cl.Actor(f"a{i}", "A", rng.choice(lanes), rng.randint(0, 4))
              for i in range(rng.randint(3, 9))]
    links = [cl.Link(f"l{i}", *rng.sample([a.key for a in actors], 2))
             for i in range(rng.randint(2, 12))]
    return actors, links


@pytest.mark.parametrize("seed", range(60))
def test_lanes_are_ordered_by_the_rule_they_state(seed):
    actors, links = random_chain(seed)
    by_key = {a.key: a for a in actors}
    assert cl._lane_order(by_key, cl._neighbours(by_key, links)) == best_lane_order(actors,
                                                                                     links)


@pytest.mark.parametrize("seed", range(12))
def test_eight_countries_linked_in_a_line_get_their_lanes_in_that_line(seed):
    # Past EXHAUSTIVE_LANES countries the order is searched (barycentres, then swaps), not
    # tried in full: on a chain that passes its work from country to country, eight of them
    # reached in a shuffled order of columns, the search still finds the line.
    rng = random.Random(seed)
    codes = ["FR", "MG", "US", "CN", "JP", "ES", "IT", "KE"]
    rng.shuffle(codes)
    columns = list(range(8))
    rng.shuffle(columns)
    actors = [cl.Actor(f"a{i}", "A", code, col) for i, (code, col) in
              enumerate(zip(codes, columns))]
    actors += [cl.Actor(f"b{i}", "A", code, rng.randint(0, 7)) for i, code in enumerate(codes)]
    links = [cl.Link(f"l{i}", f"a{i}", f"a{i + 1}") for i in range(7)]
    links += [cl.Link(f"m{i}", f"a{i}", f"b{i}") for i in range(8)]  # within each country
    by_key = {a.key: a for a in actors}
    got = cl._lane_order(by_key, cl._neighbours(by_key, links))
    assert got in (codes, codes[::-1])
    assert got == best_lane_order(actors, links)


# --- rows within a lane: strands of the chain keep to their own rows ----------------------------

LONG = "A name long enough for a row of its own"


@pytest.mark.parametrize("strands", [
    [("x0", "b1", "x2"), ("y0", "a1", "y2")],
    [("p0", "c1", "q2"), ("r0", "a1", "s2"), ("t0", "b1", "u2")],
    [("p0", "c1", "a2"), ("r0", "a1", "c2"), ("t0", "b1", "b2")],
])
def test_parallel_strands_in_one_country_keep_to_their_own_rows(strands):
    # Actors of a column start in the order of their ids, which here crosses the strands;
    # the sweeps put each strand on one row, so that no two links of the lane cross.
    actors = [cl.Actor(k, LONG, "FR", c) for strand in strands for c, k in enumerate(strand)]
    links = [cl.Link(f"{a}-{b}", a, b) for strand in strands for a, b in zip(strand, strand[1:])]
    by_key = {a.key: a for a in actors}
    cells = cl._order_within_lanes(by_key, cl._neighbours(by_key, links), {"FR": 0})
    for strand in strands:
        assert len({cells[k] for k in strand}) == 1, (strand, cells)
    assert sorted(cells[s[0]][1] for s in strands) == list(range(len(strands)))


# --- which side a link's shape bulges to -------------------------------------------------------

def bulge_of(dx: float, dy: float, cx: float, cy: float) -> int:
    """The side of the line from (0, 0) to (dx, dy) of a shape whose points average (cx, cy)."""
    return cl._bulge(dx, dy, np.array([[cx, cy]]))


def test_a_shape_bulges_to_the_side_its_points_lie_on_four_units_away_or_more():
    # The distance of (cx, cy) from the line through (0, 0) and (30, 40) (length 50) is
    # (30 cy - 40 cx) / 50.
    assert bulge_of(30.0, 40.0, 15.0, 20.0) == 0  # on the line: the straight shape
    assert bulge_of(30.0, 40.0, -20.0, 15.0) == 1  # (450 + 800) / 50 = 25
    assert bulge_of(30.0, 40.0, 20.0, -15.0) == -1  # -25
    assert bulge_of(30.0, 40.0, 0.0, 3.3) == 0  # 99 / 50 = 1.98: too close to tell
    assert bulge_of(30.0, 40.0, 0.0, 6.5) == 0  # 195 / 50 = 3.9, just under 4
    # along the x axis the distance is cy itself: 4 is far enough
    assert bulge_of(50.0, 0.0, 25.0, 4.0) == 1
    assert bulge_of(50.0, 0.0, 25.0, -4.0) == -1


# --- what a link's path crosses: actors and the frame -------------------------------------------

def at(key: str, x: float, y: float, label: str = "Ab", column: int = 0,
       radius: float = 16.0) -> cl.Placed:
    """An actor drawn at (x, y): its marker 16 either side (by default), its label "Ab" (25.92
    wide) from 19 to 41.5 below its centre; no label at all when `label` is empty."""
    return cl.Placed(cl.Actor(key, label, "FR", column, radius), [label] if label else [],
                     x=x, y=y)


def hits(layout: cl.Layout, path: list[tuple[float, float]], **kwargs) -> list[str]:
    return cl._hits_of_path(layout, layout.links[0], path, cl._column_index(layout), **kwargs)


def ends_only(width: float = 600.0, height: float = 200.0) -> cl.Layout:
    actors = {"a": at("a", 50.0, 50.0), "b": at("b", 550.0, 150.0)}
    return cl.Layout("lanes", actors, [cl.Link("l", "a", "b")], [], width, height)


def test_a_path_that_reaches_the_frames_edges_stays_inside():
    # the path's box reaches 0.5 past its points: from (0.5, 0.5) to (599.5, 199.5) it is
    # exactly the frame, 600 x 200
    assert hits(ends_only(), [(0.5, 0.5), (599.5, 199.5)]) == []


@pytest.mark.parametrize("path", [
    [(-5.0, 100.0), (300.0, 100.0)],  # out on the left only
    [(300.0, -5.0), (300.0, 100.0)],  # above only
    [(300.0, 100.0), (605.0, 100.0)],  # on the right only
    [(300.0, 100.0), (300.0, 205.0)],  # below only
])
def test_a_path_out_of_the_frame_on_one_side_hits_the_frame(path):
    assert hits(ends_only(), path) == ["frame"]


def test_a_path_crosses_a_marker_from_one_unit_inside_its_edge():
    # c's marker spans y 84 to 116; the path runs 1.5 inside its top edge
    layout = ends_only()
    layout.actors["c"] = at("c", 300.0, 100.0)
    path = [(100.0, 85.5), (500.0, 85.5)]
    assert hits(layout, path) == ["c"]
    assert hits(layout, path, tolerance=2.0) == []  # 2 in from the edge: clear


def test_hits_are_looked_for_past_a_column_far_from_the_path():
    # d's column (x 1000) is more than a column away from the path (x 100 to 500): skipped,
    # and c's column, listed after it, is still looked at
    actors = {"d": at("d", 1000.0, 100.0), "a": at("a", 100.0, 100.0),
              "b": at("b", 500.0, 100.0), "c": at("c", 300.0, 100.0)}
    layout = cl.Layout("lanes", actors, [cl.Link("l", "a", "b")], [], 2000.0, 300.0)
    assert hits(layout, [(100.0, 100.0), (500.0, 100.0)]) == ["c"]


def test_hits_are_looked_for_past_the_links_own_end_in_a_column():
    # a link straight down a column, from a through c to b: a and b are its ends, c is hit
    actors = {"a": at("a", 300.0, 20.0), "b": at("b", 300.0, 400.0),
              "c": at("c", 300.0, 200.0)}
    layout = cl.Layout("lanes", actors, [cl.Link("l", "a", "b")], [], 600.0, 500.0)
    assert hits(layout, [(300.0, 20.0), (300.0, 400.0)]) == ["c"]


def through_labels_layout() -> cl.Layout:
    # l1 runs 1.5 inside the top of c's marker (y 84 to 116); l2 runs through a relation
    # label of l1's, set by hand
    actors = {"a": at("a", 100.0, 85.5), "b": at("b", 500.0, 85.5), "c": at("c", 300.0, 100.0),
              "d": at("d", 100.0, 250.0), "e": at("e", 500.0, 250.0)}
    return cl.Layout("lanes", actors, [cl.Link("l1", "a", "b"), cl.Link("l2", "d", "e")], [],
                     600.0, 300.0, edge_labels={"l1": cl.Box(280.0, 240.0, 320.0, 260.0)})


def test_links_through_labels_lists_every_link_and_what_it_crosses():
    layout = through_labels_layout()
    assert cl.links_through_labels(layout) == [("l1", "c"), ("l2", "link:l1")]
    # boxes shrunk by 2: l1 passes clear of c's marker, l2 still crosses the relation label
    assert cl.links_through_labels(layout, tolerance=2.0) == [("l2", "link:l1")]


# --- the straight line between two actors --------------------------------------------------------

NO_BOXES = (np.zeros((0, 4)), np.zeros(0, dtype=bool))


@pytest.mark.parametrize(("line", "clear"), [
    ((0.0, 100.0, 300.0, 100.0), True),  # from the left edge
    ((300.0, 0.0, 300.0, 100.0), True),  # from the top edge
    ((300.0, 100.0, 600.0, 100.0), True),  # to the right edge
    ((300.0, 100.0, 300.0, 200.0), True),  # to the bottom edge
    ((-1.0, 100.0, 300.0, 100.0), False),  # out on the left only
    ((300.0, -1.0, 300.0, 100.0), False),  # above only
    ((300.0, 100.0, 601.0, 100.0), False),  # on the right only
    ((300.0, 100.0, 300.0, 201.0), False),  # below only
])
def test_a_straight_line_is_clear_within_the_frame_edges_included(line, clear):
    frame = cl.Layout("lanes", {}, [], [], 600.0, 200.0)
    assert cl._straight_clear(*NO_BOXES, *line, frame) is clear


def test_a_straight_line_passes_the_boxes_it_skips_but_not_the_others():
    frame = cl.Layout("lanes", {}, [], [], 600.0, 200.0)
    ends = np.array([[90.0, 90.0, 110.0, 110.0], [490.0, 90.0, 510.0, 110.0]])
    # from inside one end's marker to inside the other's: both skipped, so clear
    assert cl._straight_clear(ends, np.array([True, True]), 100.0, 100.0, 500.0, 100.0, frame)
    # a box half way, not skipped, is crossed
    middle = np.array([[290.0, 90.0, 310.0, 110.0]])
    assert not cl._straight_clear(middle, np.array([False]), 100.0, 100.0, 500.0, 100.0, frame)


# --- small helpers ---------------------------------------------------------------------------------

def test_an_actor_without_a_label_takes_its_markers_width():
    assert cl._footprint(cl.Placed(cl.Actor("a", "", "FR", 0), [])) == 32.0
    assert cl._footprint(cl.Placed(cl.Actor("a", "", "FR", 0, 0.25), [])) == 0.5


def test_neighbours_leave_out_links_to_unknown_actors_and_to_oneself():
    actors = {"a": cl.Actor("a", "A", "FR", 0), "b": cl.Actor("b", "B", "FR", 1)}
    links = [cl.Link("l1", "a", "zz"), cl.Link("l2", "zz", "b"), cl.Link("l3", "a", "a"),
             cl.Link("l4", "a", "b")]
    assert cl._neighbours(actors, links) == {"a": ["b"], "b": ["a"]}


def test_the_frame_grows_round_a_link_that_leaves_it_and_everything_shifts():
    # a straight link from (-20, -10) to (100, 150) in a 200 x 100 frame: it needs a margin
    # of 10.8 beyond its ends, so the frame starts at (-30.8, -20.8) and ends at (200, 160.8)
    actors = {"a": at("a", -20.0, -10.0), "b": at("b", 100.0, 150.0)}
    lane = cl.Lane("FR", "FR", ["FR"], y0=0.0, y1=100.0)
    layout = cl.Layout("lanes", actors, [cl.Link("l", "a", "b")], [lane], 200.0, 100.0,
                       offset=(5.0, 7.0))
    cl._grow_frame(layout)
    assert (layout.width, layout.height) == pytest.approx((230.8, 181.6))
    assert xy(layout) == {"a": (10.8, 10.8), "b": (130.8, 170.8)}
    assert (lane.y0, lane.y1) == pytest.approx((20.8, 120.8))
    assert layout.offset == pytest.approx((35.8, 27.8))


# --- which boxes a link's shapes cross, remembered -------------------------------------------------

def test_the_crossings_of_a_links_shapes_are_remembered_to_a_thousandth():
    cl._CROSSED.clear()
    # a link 200 long to the right; a box from x 199.8 holds its head, where each of its
    # seven shapes (straight and six curves) ends: all cross it
    box = np.array([[199.8, -10.0, 210.0, 10.0]])
    found = cl._crossed(200.0, 0.0, box, 0)
    assert [f.tolist() for f in found] == [[True]] * 7
    assert cl._crossed(200.0, 0.0, box, 0) is found  # asked again: the same answer, kept
    assert cl._crossed(200.0, 0.0, box + 0.0002, 0) is found  # float noise: the same box
    # a box from x 200.2 starts past the link's end: nothing crosses it
    later = cl._crossed(200.0, 0.0, box + (0.4, 0.0, 0.0, 0.0), 0)
    assert [f.tolist() for f in later] == [[False]] * 7


def test_with_no_box_near_every_shape_crosses_none():
    cl._CROSSED.clear()
    found = cl._crossed(100.0, 50.0, np.zeros((0, 4)), 1)  # the four S-curves
    assert len(found) == 4
    assert all(f.shape == (0,) and f.dtype == bool for f in found)


# --- routes of links ------------------------------------------------------------------------------

def test_a_second_link_between_the_same_two_actors_takes_a_curve():
    actors = {"a": at("a", 100.0, 100.0), "b": at("b", 400.0, 100.0)}
    layout = cl.Layout("lanes", actors, [cl.Link("l1", "a", "b"), cl.Link("l2", "a", "b")], [],
                       600.0, 300.0)
    assert cl._route_links(layout) == []
    # the first goes straight; the second may not lie over it and takes the first curve,
    # clockwise (upwards here, about 56 units above the line at its middle, inside the frame)
    assert layout.routes == {"l1": ("straight", 0.0), "l2": ("curvedCW", 0.2)}


def test_a_straight_link_may_pass_within_a_unit_of_a_markers_edge():
    # c's marker spans 284 to 316 both ways (centre (300, 200)); no actor has a label. Four
    # links run half a unit inside each of its edges: all go straight.
    actors = {"c": at("c", 300.0, 200.0, "")}
    lines = {"left": (284.5, 20.0, 284.5, 380.0), "right": (315.5, 20.0, 315.5, 380.0),
             "top": (20.0, 184.5, 580.0, 184.5), "bottom": (20.0, 215.5, 580.0, 215.5)}
    links = []
    for name, (x0, y0, x1, y1) in lines.items():
        actors[name + "0"] = at(name + "0", x0, y0, "")
        actors[name + "1"] = at(name + "1", x1, y1, "")
        links.append(cl.Link(name, name + "0", name + "1"))
    layout = cl.Layout("lanes", actors, links, [], 600.0, 400.0)
    assert cl._route_links(layout) == []
    assert layout.routes == dict.fromkeys(lines, ("straight", 0.0))


# --- relation labels: where they fit ---------------------------------------------------------------

# "mm" at the relation labels' font (14.4) is 28.8 wide; with 6 of padding its box is 34.8 wide
# and 1.3 x 14.4 = 18.72 high, centred on its link's middle: 17.4 either side and 9.36 up and
# down.

def edge_labels(ends: dict[str, tuple[float, float, float, float]], width: float = 600.0,
                height: float = 300.0, others: dict[str, cl.Placed] | None = None,
                labels: dict[str, str] | None = None) -> dict[str, tuple]:
    """The relation labels kept for straight links between actors at the given ends (link key
    -> x0, y0, x1, y1), each labelled "mm" (or as `labels` says)."""
    actors = dict(others or {})
    links = []
    for key, (x0, y0, x1, y1) in ends.items():
        actors[key + "0"], actors[key + "1"] = at(key + "0", x0, y0), at(key + "1", x1, y1)
        links.append(cl.Link(key, key + "0", key + "1", (labels or {}).get(key, "mm")))
    layout = cl.Layout("lanes", actors, links, [], width, height)
    return {k: (b.x0, b.y0, b.x1, b.y1) for k, b in cl._fit_edge_labels(layout).items()}


def test_a_relation_label_sits_on_its_links_middle_in_a_box_of_its_size():
    assert edge_labels({"l": (100.0, 100.0, 500.0, 100.0)}) == {
        "l": pytest.approx((282.6, 90.64, 317.4, 109.36))}


def test_a_relation_label_may_touch_the_frames_edges():
    # up the left edge: the box starts at x 0
    assert edge_labels({"l": (17.4, 20.0, 17.4, 380.0)}, height=400.0) == {
        "l": pytest.approx((0.0, 190.64, 34.8, 209.36))}
    # along the bottom: the box ends at the frame's height
    bottom = 290.64 + cl.EDGE_FONT * 1.3 / 2  # 300
    assert list(edge_labels({"l": (100.0, 290.64, 500.0, 290.64)}, height=bottom)) == ["l"]


@pytest.mark.parametrize("ends", [
    (10.0, 20.0, 10.0, 380.0),  # out on the left only (from x -7.4)
    (100.0, 5.0, 500.0, 5.0),  # above only (from y -4.36)
    (590.0, 20.0, 590.0, 380.0),  # on the right only (to x 607.4)
])
def test_a_relation_label_out_of_the_frame_on_one_side_is_left_out(ends):
    assert edge_labels({"l": ends}, height=400.0) == {}


def test_relation_labels_left_out_leave_the_next_ones_in():
    # Links in order: one without a label, one whose label would stick out of the top of the
    # frame, one whose label would lie on an actor's marker (m, at its middle), and one with
    # room for its label: only the last is drawn.
    found = edge_labels({"none": (100.0, 50.0, 500.0, 50.0), "top": (100.0, 5.0, 500.0, 5.0),
                         "over": (100.0, 120.0, 500.0, 120.0),
                         "free": (100.0, 250.0, 500.0, 250.0)},
                        others={"m": at("m", 300.0, 120.0)}, labels={"none": ""})
    assert found == {"free": pytest.approx((282.6, 240.64, 317.4, 259.36))}


# --- placing actors in their lanes and rows ---------------------------------------------------------

def test_lanes_take_the_height_of_their_rows_or_of_their_name():
    # France: p (radius 20) in row 2 of column 0, q (radius 10) in row 0 of column 1, listed
    # first with a row count of 1. A row takes the largest marker (40), the gap (3), a line
    # (22.5) and the gap under it (10.8): 76.3, three of them. Madagascar has no actor and a
    # name of four lines: 4 x 22.5 + 2 x 6.3 = 102.6 high, more than its one empty row (36).
    placed = {"p": at("p", 0.0, 0.0, radius=20.0), "q": at("q", 0.0, 0.0, column=1, radius=10.0)}
    placed["p"].row = 2
    lanes = [cl.Lane("FR", "France", ["France"]), cl.Lane("MG", "Madagascar", list("abcd"))]
    height = cl._place(placed, lanes, {"p": 0, "q": 0}, 126.0, 216.0)
    assert [(lane.rows, lane.row_height) for lane in lanes] == [(3, pytest.approx(76.3)),
                                                               (1, 36.0)]
    assert [(lane.y0, lane.y1) for lane in lanes] == [pytest.approx((10.8, 252.3)),
                                                     pytest.approx((252.3, 367.5))]
    assert height == pytest.approx(378.3)
    # centres: 6.3 of padding, the rows above, the lane's largest radius (20) and half the gap
    assert xy(placed_layout(placed)) == {"p": (244.8, 195.1), "q": (460.8, 42.5)}


def placed_layout(placed: dict[str, cl.Placed]) -> cl.Layout:
    return cl.Layout("lanes", placed, [], [], 0.0, 0.0)


def test_without_lane_names_an_empty_lane_is_one_row_of_two_font_sizes():
    lanes = [cl.Lane("", "", ["Unknown", "country"])]
    height = cl._place({}, lanes, {}, 0.0, 216.0)
    assert (lanes[0].rows, lanes[0].row_height) == (1, 36.0)
    assert (lanes[0].y0, lanes[0].y1) == pytest.approx((10.8, 59.4))  # 6.3 + 36 + 6.3
    assert height == pytest.approx(70.2)


# --- the whole layout: inputs taken as given ----------------------------------------------------

def test_an_unknown_layout_mode_is_refused_by_name():
    with pytest.raises(ValueError, match="layout must be one of"):
        cl.chain_layout([], [], mode="circle")


def test_an_empty_chain_is_one_empty_column_wide():
    layout = cl.chain_layout([], [])
    assert (layout.actors, layout.lanes) == ({}, [])
    assert layout.width == pytest.approx(126 + 21.6 + 216)  # the names' column and one column
    assert layout.height == pytest.approx(21.6)  # the margins
    assert cl.chain_layout([], [], mode="columns").width == pytest.approx(21.6 + 216)
    # 400 wide leaves room for one column of labels 171 wide
    assert cl.chain_layout([], [], max_width=400.0).width == pytest.approx(363.6)


def test_columns_start_at_the_first_and_markers_keep_their_size():
    actors = [cl.Actor("a", "Ab", "FR", 3, 10.0), cl.Actor("b", "Ab", "FR", 4, 10.0)]
    links = [cl.Link("l", "a", "b")]
    # markers of radius 10: centres 6.3 + 10 + 5.4 below the lane's top (10.8); a row of
    # 20 + 3 + 22.5 + 10.8 = 56.3
    layout = cl.chain_layout(actors, links)
    assert xy(layout) == {"a": (244.8, 32.5), "b": (460.8, 32.5)}
    assert layout.height == pytest.approx(10.8 + 6.3 + 56.3 + 6.3 + 10.8)
    assert xy(cl.chain_layout(actors, links, mode="columns")) == {"a": (118.8, 32.5),
                                                                  "b": (334.8, 32.5)}


def test_lane_names_default_to_the_lane_key_and_wrap_in_four_lines():
    [lane] = cl.chain_layout([cl.Actor("a", "Ab", "FR", 0)], []).lanes
    assert (lane.name, lane.name_lines) == ("FR", ["FR"])
    # at the lane names' font (16.2), "mmmmmmm" is 113.4 wide: one a line in the 118.8 of the
    # names' column; the fifth line does not fit, so the fourth ends in an ellipsis (10.69
    # wide), one m shorter
    name = " ".join(["mmmmmmm"] * 5)
    layout = cl.chain_layout([cl.Actor("a", "Ab", "FR", 0)], [], lane_names={"FR": name})
    [lane] = layout.lanes
    assert (lane.name, lane.name_lines) == (name, ["mmmmmmm"] * 3 + ["mmmmmm…"])
    assert (lane.y0, lane.y1) == pytest.approx((10.8, 10.8 + 4 * 22.5 + 2 * 6.3 + 12.6))


def test_the_width_aimed_for_sets_the_labels_wrap_from_the_number_of_columns():
    actors = [cl.Actor("a", "Ab", "FR", 0), cl.Actor("b", "Ab", "FR", 1)]
    layout = cl.chain_layout(actors, [cl.Link("l", "a", "b")], mode="columns", max_width=400.0)
    # two columns in 400: labels 144 wide (see fitted_wrap), columns 189
    assert layout.pitch == 189.0
    assert layout.width == pytest.approx(21.6 + 2 * 189)


def test_up_to_forty_actors_short_names_share_rows():
    # 40 one-letter actors in one cell: each 32 wide (its marker), three to a row (132 of
    # the 171), so 14 rows
    layout = cl.chain_layout([cl.Actor(f"a{i:02d}", "A", "FR", 0) for i in range(40)], [])
    assert layout.lanes[0].rows == 14
    assert max(p.slot for p in layout.actors.values()) == 2


def test_past_a_hundred_and_fifty_actors_no_repair_is_tried():
    def chain(n: int) -> list[cl.Actor]:
        return [cl.Actor(f"a{i:03d}", "A", "FR", i % 15) for i in range(n)]

    assert cl.chain_layout(chain(150), []).repaired is True
    assert cl.chain_layout(chain(151), []).repaired is False


def test_past_a_hundred_and_fifty_actors_each_lane_keeps_the_rows_its_actors_use():
    # France: two actors in column 0 (two rows), then one a column; Madagascar: one actor
    actors = [cl.Actor(f"f{i:03d}", "A", "FR", max(i - 1, 0)) for i in range(150)]
    actors.append(cl.Actor("m", "A", "MG", 5))
    layout = cl.chain_layout(actors, [])
    assert [(lane.key, lane.rows) for lane in layout.lanes] == [("FR", 2), ("MG", 1)]


def test_a_lane_of_tiny_markers_places_them_by_their_own_radius():
    # radius 0.5 and no label: a row of 1 + 3 + 10.8; the centre 6.3 + 0.5 + 5.4 below the top
    placed = {"a": at("a", 0.0, 0.0, "", radius=0.5)}
    lanes = [cl.Lane("FR", "France", ["France"])]
    cl._place(placed, lanes, {"a": 0}, 0.0, 216.0)
    assert lanes[0].row_height == pytest.approx(14.8)
    assert placed["a"].y == pytest.approx(23.0)


def test_the_repair_pass_says_whether_every_link_passes_clear():
    actors = {"a": at("a", 100.0, 100.0), "b": at("b", 400.0, 100.0)}
    layout = cl.Layout("lanes", actors, [cl.Link("l", "a", "b")],
                       [cl.Lane("FR", "France", ["France"])], 600.0, 300.0)
    assert cl._repair(layout, {"a": 0, "b": 0}, 126.0) is True


def test_links_between_two_actors_take_free_sides_then_the_straight_line_again():
    # Four links from a to b: straight, clockwise, anticlockwise; then every side is taken
    # (the S-curves of a level link are level too), so the fourth lies over the first.
    actors = {"a": at("a", 100.0, 100.0), "b": at("b", 400.0, 100.0)}
    layout = cl.Layout("lanes", actors, [cl.Link(f"l{i}", "a", "b") for i in range(4)], [],
                       600.0, 300.0)
    assert cl._route_links(layout) == []
    assert layout.routes == {"l0": ("straight", 0.0), "l1": ("curvedCW", 0.2),
                             "l2": ("curvedCCW", 0.2), "l3": ("straight", 0.0)}


def test_a_link_blocked_near_the_top_bends_down_rather_than_out_of_the_frame():
    # c's marker sits on the line from a to b, 20 below the top. The clockwise curve
    # (roundness 0.2) has its control point 0.6 x 400 = 240 away at 0.6 pi from the line,
    # 240 x sin(0.1 pi) = 74.2 above it, and its middle half as far: at y 20 - 37.1 = -17.1,
    # out of the frame; the anticlockwise one bends down as far, to y 57.1, clear of c's
    # marker (4 to 36).
    actors = {k: at(k, x, 20.0, "") for k, x in (("a", 100.0), ("b", 500.0), ("c", 300.0))}
    layout = cl.Layout("lanes", actors, [cl.Link("l", "a", "b")], [], 600.0, 300.0)
    assert cl._route_links(layout) == []
    assert layout.routes == {"l": ("curvedCCW", 0.2)}


def test_a_link_blocked_near_the_right_edge_bends_left_rather_than_out_of_the_frame():
    # The same 10 from the right edge, down the page: the clockwise curve's control point is
    # 0.6 x 200 x sin(0.1 pi) = 37.1 to the right, its middle half as far, at x 608.5; the
    # anticlockwise one bends as far left, to 571.5, clear of c's marker (582 to 598).
    actors = {"a": at("a", 590.0, 50.0, ""), "b": at("b", 590.0, 250.0, ""),
              "c": at("c", 590.0, 150.0, "", radius=8.0)}
    layout = cl.Layout("lanes", actors, [cl.Link("l", "a", "b")], [], 600.0, 300.0)
    assert cl._route_links(layout) == []
    assert layout.routes == {"l": ("curvedCCW", 0.2)}


def test_a_link_that_every_shape_leaves_blocked_keeps_the_first_shape():
    # c's marker (radius 150, from 150 to 450 both ways) lies between a and b: the straight
    # line, the curves (bending at most 94 from the line) and the S-curves all cross it, and
    # nothing else: the straight line, the first of them, is kept
    actors = {"a": at("a", 100.0, 300.0, ""), "b": at("b", 500.0, 300.0, ""),
              "c": at("c", 300.0, 300.0, "", radius=150.0)}
    link = cl.Link("l", "a", "b")
    layout = cl.Layout("lanes", actors, [link], [], 600.0, 600.0)
    assert cl._route_links(layout) == [(link, ["c"])]
    assert layout.routes == {"l": ("straight", 0.0)}


def test_only_the_final_routing_lets_a_link_make_the_frame_a_little_taller():
    # c's marker blocks the straight line from a to b, 20 below the top. The first clockwise
    # curve bends up out of the frame by 17.1 (see above); the first anticlockwise one bends
    # down through a's and b's own labels, two lines of 12 capitals (168.5 wide, from 39 to
    # 84 below them). While actors are still being moved, the curve through their own names
    # is taken; once they are placed, the frame grows by 17.1 (less than 36, two font sizes)
    # rather than end the arrow in a name.
    actors = {"a": at("a", 100.0, 20.0), "b": at("b", 500.0, 20.0), "c": at("c", 300.0, 20.0, "")}
    for key in "ab":
        actors[key].lines = ["MMMMMMMMMMMM"] * 2
    layout = cl.Layout("lanes", actors, [cl.Link("l", "a", "b")], [], 600.0, 300.0)
    assert cl._route_links(layout) == []
    assert layout.routes == {"l": ("curvedCCW", 0.2)}
    assert cl._route_links(layout, final=True) == []
    assert layout.routes == {"l": ("curvedCW", 0.2)}


# --- rows within a lane: the median of the neighbours --------------------------------------------

def rows_of(links: list[tuple[str, str]]) -> dict[str, int]:
    """Rows in one lane of p0, p1, p2 (column 0), x (column 1) and y0, y1 (column 2, no link)."""
    actors = {k: cl.Actor(k, "A", "FR", c) for k, c in (("p0", 0), ("p1", 0), ("p2", 0),
                                                         ("x", 1), ("y0", 2), ("y1", 2))}
    nbrs = cl._neighbours(actors, [cl.Link(f"{a}-{b}", a, b) for a, b in links])
    return {k: row for k, (_, row) in cl._order_within_lanes(actors, nbrs, {"FR": 0}).items()}


def test_an_actor_takes_the_median_row_of_its_neighbours():
    # x linked to rows 0, 1 and 2: the middle one, row 1
    assert rows_of([("p0", "x"), ("p1", "x"), ("p2", "x")]) == {
        "p0": 0, "p1": 1, "p2": 2, "x": 1, "y0": 0, "y1": 1}
    # x linked to rows 1 and 2: half way, 1.5, rounds to row 2; y0 and y1, linked to
    # nothing, keep the rows they start in (their order by id)
    assert rows_of([("p1", "x"), ("p2", "x")]) == {
        "p0": 0, "p1": 1, "p2": 2, "x": 2, "y0": 0, "y1": 1}


@pytest.mark.parametrize("seed", [1, 6, 10])
def test_seven_countries_get_the_best_lane_order_of_all(seed):
    # Up to seven countries every order is tried: on these chains (one actor in each of seven
    # countries, a few more, links at random) the searched order would miss the best one.
    rng = random.Random(seed)
    codes = ["FR", "MG", "US", "CN", "JP", "ES", "IT"]
    actors = [cl.Actor(f"a{i}", "A", code, rng.randint(0, 4)) for i, code in enumerate(codes)]
    actors += [cl.Actor(f"b{i}", "A", rng.choice(codes), rng.randint(0, 4))
               for i in range(rng.randint(0, 4))]
    links = [cl.Link(f"l{i}", *rng.sample([a.key for a in actors], 2))
             for i in range(rng.randint(4, 10))]
    by_key = {a.key: a for a in actors}
    assert cl._lane_order(by_key, cl._neighbours(by_key, links)) == best_lane_order(actors,
                                                                                     links)


def test_rows_left_empty_by_the_repair_pass_are_dropped():
    # Three long names in France's column 0 and two in Madagascar's column 3 need three rows
    # and two; the repair pass opens a fourth row in France on the way, and the rows it leaves
    # empty are dropped: no lane is taller than its busiest column.
    actors = [cl.Actor(k, "A name here" if k != "a4" else "B", lane, col)
              for k, lane, col in (("a0", "FR", 0), ("a1", "MG", 3), ("a2", "MG", 3),
                                   ("a3", "FR", 0), ("a4", "MG", 0), ("a5", "FR", 0))]
    links = [cl.Link(k, t, h) for k, t, h in (
        ("l0", "a4", "a5"), ("l1", "a5", "a3"), ("l2", "a4", "a2"), ("l3", "a2", "a1"),
        ("l4", "a5", "a0"), ("l5", "a4", "a0"), ("l6", "a4", "a1"))]
    layout = cl.chain_layout(actors, links)
    assert layout.repaired
    assert [(lane.key, lane.rows) for lane in layout.lanes] == [("FR", 3), ("MG", 2)]


def test_the_repair_pass_moves_actors_in_a_links_way_not_only_its_ends():
    # Ten actors in two countries, most of them in column 3: some links can only pass clear
    # once an actor in their way (not one of their ends) takes another row.
    actors = [cl.Actor(k, label, lane, col) for k, label, lane, col in (
        ("a0", "Cd ef gh", "MG", 3), ("a1", "A name here", "FR", 3),
        ("a2", "A name here", "MG", 3), ("a3", "B", "FR", 2), ("a4", "A name here", "FR", 3),
        ("a5", "Cd ef gh", "FR", 3), ("a6", "B", "MG", 1), ("a7", "B", "MG", 0),
        ("a8", "Cd ef gh", "FR", 2), ("a9", "B", "MG", 3))]
    links = [cl.Link(k, t, h) for k, t, h in (
        ("l0", "a0", "a2"), ("l1", "a1", "a0"), ("l2", "a6", "a4"), ("l3", "a0", "a2"),
        ("l4", "a3", "a9"), ("l5", "a1", "a5"), ("l6", "a2", "a3"))]
    layout = cl.chain_layout(actors, links)
    assert layout.repaired and cl.links_through_labels(layout) == []
