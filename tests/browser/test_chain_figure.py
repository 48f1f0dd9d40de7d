"""The chain graph as drawn: geometry read from vis-network itself, at laptop and slide size.

Every figure comes from the browser (node bounding boxes, `canvasToDOM`, the edges' own
curves), not from the layout code: the page must show labels large enough, no two actors'
boxes overlapping, no link through another actor's marker or label, and the drawing high on
the page, filling its frame.
"""

from __future__ import annotations

import pytest

from conftest import bundled, bundled_case_ids
from tests.browser.conftest import screenshot, wait_for_app

pytestmark = pytest.mark.browser

# Read inside the graph's frame: every visible node's box (marker and label) in page pixels,
# the font as drawn, the frame's size, the drawing's extent, overlaps and links through boxes.
MEASURE = """() => {
  const net = window.chainNetwork, frame = window.chainFrame;
  const c = document.getElementById("mynetwork");
  const ids = net.body.nodeIndices.filter(id => !net.body.nodes[id].options.hidden);
  const dom = p => net.canvasToDOM(p);
  const boxes = {};
  for (const id of ids) {
    const b = net.getBoundingBox(id);
    boxes[id] = {left: b.left, top: b.top, right: b.right, bottom: b.bottom};
  }
  const scale = net.getScale();
  const font = Math.min(...ids.map(id => net.body.nodes[id].options.font.size)) * scale;
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const id of ids) {
    const b = boxes[id], tl = dom({x: b.left, y: b.top}), br = dom({x: b.right, y: b.bottom});
    x0 = Math.min(x0, tl.x); y0 = Math.min(y0, tl.y); x1 = Math.max(x1, br.x);
    y1 = Math.max(y1, br.y);
  }
  const nodesOnly = {x0, y0, x1, y1};
  for (const lane of (window.chainLanes || [])) {  // the lanes are drawn too
    const tl = dom({x: frame.margin, y: lane.y0}), br = dom({x: frame.width - frame.margin,
                                                            y: lane.y1});
    x0 = Math.min(x0, tl.x); y0 = Math.min(y0, tl.y); x1 = Math.max(x1, br.x);
    y1 = Math.max(y1, br.y);
  }
  const overlaps = [];
  for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) {
    const a = boxes[ids[i]], b = boxes[ids[j]];
    if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 &&
        b.top < a.bottom - 1) overlaps.push([ids[i], ids[j]]);
  }
  // Each edge sampled along the curve vis-network draws; other nodes' boxes shrunk by 1.
  const through = [];
  for (const eid of net.body.edgeIndices) {
    const e = net.body.edges[eid];
    if (e.options.hidden || !e.from || !e.to || e.from.options.hidden || e.to.options.hidden)
      continue;
    const via = e.edgeType.via || (e.edgeType._getViaCoordinates && e.edgeType._getViaCoordinates());
    const pts = [];
    for (let k = 0; k <= 40; k++) pts.push(e.edgeType.getPoint(k / 40, via));
    for (const id of ids) {
      if (id === e.fromId || id === e.toId) continue;
      const b = boxes[id];
      if (pts.some(p => p.x > b.left + 1 && p.x < b.right - 1 && p.y > b.top + 1 &&
                        p.y < b.bottom - 1)) through.push([eid, id]);
    }
  }
  return {font, scale, width: c.clientWidth, height: c.clientHeight, drawing: {x0, y0, x1, y1},
          nodes: nodesOnly, overlaps, through, count: ids.length};
}"""


def graph_frame(page):
    page.frame_locator("iframe").first.locator("#mynetwork canvas").wait_for()
    for frame in page.frames:
        try:
            if frame.evaluate("() => !!window.chainNetwork"):
                return frame
        except Exception:  # noqa: BLE001 - frames still loading
            continue
    raise AssertionError("no chain graph on the page")


def measure(page) -> dict:
    frame = graph_frame(page)
    # The frame sizes itself to the drawing: wait until its height has settled.
    frame.wait_for_function("""() => new Promise(done => {
        const c = document.getElementById('mynetwork'); const h = c.clientHeight;
        requestAnimationFrame(() => requestAnimationFrame(() => done(c.clientHeight === h)));
    })""")
    page.wait_for_function("""() => { const f = document.querySelector('iframe');
        return f && Math.abs(f.getBoundingClientRect().height -
               f.contentDocument.getElementById('mynetwork').clientHeight) < 12; }""")
    found = frame.evaluate(MEASURE)
    box = page.locator("iframe").first.bounding_box()
    d = found["drawing"]
    found["top_px"] = box["y"] + d["y0"]
    found["fill_x"] = (d["x1"] - d["x0"]) / found["width"]
    found["fill_y"] = (d["y1"] - d["y0"]) / found["height"]
    n = found["nodes"]
    found["node_fill_x"] = (n["x1"] - n["x0"]) / found["width"]
    found["node_fill_y"] = (n["y1"] - n["y0"]) / found["height"]
    return found


def report(name: str, m: dict) -> None:
    print(f"\n{name}: top {m['top_px']:.0f} px, fill {m['fill_x']:.0%} x {m['fill_y']:.0%} "
          f"(actors only {m['node_fill_x']:.0%} x {m['node_fill_y']:.0%}), font "
          f"{m['font']:.1f} px, frame {m['width']}x{m['height']}, overlaps "
          f"{len(m['overlaps'])}, links through {len(m['through'])}")


def assert_nothing_drawn_under(page) -> None:
    """The frame's holder grows with the frame, so what follows starts below the drawing."""
    found = page.evaluate("""() => { const f = document.querySelector('iframe');
        const holder = f.closest('[data-testid=stElementContainer]');
        const next = holder.nextElementSibling;
        return {frame: f.getBoundingClientRect().bottom,
                holder: holder.getBoundingClientRect().bottom,
                next: next ? next.getBoundingClientRect().top : null}; }""")
    assert found["holder"] >= found["frame"] - 1, found
    assert found["next"] is None or found["next"] >= found["frame"] - 1, found


def check(m: dict, *, font: float, window_height: int) -> None:
    assert m["overlaps"] == [], m["overlaps"]
    assert m["through"] == [], m["through"]
    assert m["font"] >= font
    assert m["fill_x"] >= 0.7 and m["fill_y"] >= 0.7, (m["fill_x"], m["fill_y"])
    assert m["top_px"] < window_height / 2


# The automotive sector map (19 actors, most of them with no country) is drawn clean, but at
# 1440x900 and presenting it does not yet reach the slide targets (fill, 14/20 px labels):
# a known shortfall of the layout, kept visible here until it is met.
SLIDE_CASES = [pytest.param(c, marks=pytest.mark.xfail(
    strict=True, reason="sector map too large for the slide targets")) if c ==
    "automotive-micro-work" else c for c in bundled_case_ids()]


@pytest.mark.parametrize("case_id", SLIDE_CASES)
def test_chain_graph_at_1440(server, browser, case_id):
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    page.goto(f"{server}/chain?case={case_id}")
    wait_for_app(page)
    m = measure(page)
    report(f"{case_id} 1440x900", m)
    screenshot(page, f"chain-1440-{case_id}")
    assert m["count"] == len(bundled().only(case_id).actors)
    check(m, font=14, window_height=900)
    assert_nothing_drawn_under(page)
    context.close()


@pytest.mark.parametrize("case_id", SLIDE_CASES)
def test_chain_graph_presenting_at_1920(server, browser, case_id):
    context = browser.new_context(viewport={"width": 1920, "height": 1080})
    page = context.new_page()
    last = len([s for s in bundled().only(case_id).actors["actor_id"]])
    page.goto(f"{server}/chain?case={case_id}&present=1&step=99")
    wait_for_app(page)
    m = measure(page)
    report(f"{case_id} presenting 1920x1080", m)
    screenshot(page, f"chain-present-{case_id}")
    assert 0 < m["count"] <= last
    check(m, font=20, window_height=1080)
    context.close()


@pytest.mark.parametrize("width", [1000, 1440])
@pytest.mark.parametrize("case_id", bundled_case_ids())
def test_chain_graph_embedded(server, browser, case_id, width):
    # 1440 is wider than the page's first guess: the frame must grow, and its holder with it.
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(f"{server}/chain?case={case_id}&embed=true")
    wait_for_app(page)
    m = measure(page)
    report(f"{case_id} embedded {width}x800", m)
    screenshot(page, f"chain-embed-{width}-{case_id}")
    assert m["overlaps"] == [] and m["through"] == []
    assert m["font"] >= 12
    assert_nothing_drawn_under(page)
    context.close()
