"""The chain graph as drawn: geometry read from vis-network itself, at laptop and slide size.

Every figure comes from the browser (node bounding boxes, `canvasToDOM`, the edges' own
curves), not from the layout code: the page must show labels large enough, no two actors'
boxes overlapping, no link through another actor's marker or label, and the drawing high on
the page, filling its frame.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import expect

from app.core.load import load_dataset
from conftest import bundled, bundled_case_ids
from tests.browser.conftest import PHONE, PROJECT, screenshot, streamlit_server, wait_for_app
from tests.chain_generator import generated_chain

pytestmark = pytest.mark.browser
HOSTILE = PROJECT / "tests" / "fixtures" / "hostile-cases" / "injection"

# Read inside the graph's frame: every visible node's box (marker and label) in page pixels,
# the font as drawn, the frame's size, the drawing's extent, overlaps and links through boxes.
MEASURE = """() => {
  const net = window.chainNetwork, frame = window.chainFrame;
  const c = document.getElementById("mynetwork");
  const ids = net.body.nodeIndices.filter(id => !net.body.nodes[id].options.hidden);
  const dom = p => net.canvasToDOM(p);
  const boxes = {}, parts = {};
  for (const id of ids) {
    // The marker, and the label centred under it (vis-network's own rule for dots and
    // diamonds), from the label's measured size: vis-network only updates the label's place
    // when it draws it, so a node outside the visible part of a tall drawing has a stale one.
    // A link must cross neither; the node's box is the rectangle around both.
    const b = net.getBoundingBox(id), node = net.body.nodes[id];
    const r = node.options.size, lab = node.labelModule.size;
    const marker = {left: node.x - r, top: node.y - r, right: node.x + r, bottom: node.y + r};
    parts[id] = [marker];
    if (lab.width > 0) parts[id].push({left: node.x - lab.width / 2, top: b.bottom - lab.height,
                                       right: node.x + lab.width / 2, bottom: b.bottom});
    boxes[id] = {left: Math.min(...parts[id].map(q => q.left)), top: marker.top,
                 right: Math.max(...parts[id].map(q => q.right)), bottom: b.bottom};
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
  // Each edge sampled along the curve vis-network draws; other nodes' markers and labels
  // shrunk by 1.
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
      if (parts[id].some(b => pts.some(p => p.x > b.left + 1 && p.x < b.right - 1 &&
                                            p.y > b.top + 1 && p.y < b.bottom - 1)))
        through.push([eid, id]);
    }
  }
  return {font, scale, width: c.clientWidth, height: c.clientHeight, drawing: {x0, y0, x1, y1},
          top: c.getBoundingClientRect().top,
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
               f.contentDocument.body.offsetHeight) < 12; }""")
    found = frame.evaluate(MEASURE)
    box = page.locator("iframe").first.bounding_box()
    d = found["drawing"]
    found["top_px"] = box["y"] + found["top"] + d["y0"]  # the drawing's top in the window
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
    """The frame's holder follows the frame, so what follows starts right below the drawing:
    not under it, and not after a gap. (A slide's caption, kept in sight at the bottom of the
    window, may cover the drawing's foot: it is passed over.)"""
    found = page.evaluate("""() => { const f = document.querySelector('iframe');
        const holder = f.closest('[data-testid=stElementContainer]');
        let next = holder.nextElementSibling;
        while (next && getComputedStyle(next).position === 'sticky') {
          next = next.nextElementSibling; }
        return {frame: f.getBoundingClientRect().bottom,
                holder: holder.getBoundingClientRect().bottom,
                next: next ? next.getBoundingClientRect().top : null}; }""")
    assert found["frame"] - 1 <= found["holder"] <= found["frame"] + 1, found
    assert found["next"] is None or found["next"] >= found["frame"] - 1, found


def check(m: dict, *, font: float, window_height: int) -> None:
    assert m["overlaps"] == [], m["overlaps"]
    assert m["through"] == [], m["through"]
    assert m["font"] >= font
    assert m["fill_x"] >= 0.7 and m["fill_y"] >= 0.7, (m["fill_x"], m["fill_y"])
    assert m["top_px"] < window_height / 2


@pytest.mark.parametrize("case_id", bundled_case_ids())
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


@pytest.mark.parametrize("case_id", bundled_case_ids())
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
    # lifted out of its page, the graph still says what it shows and where it comes from
    note = page.get_by_text("Figure: the data labour chain of").first.inner_text()
    assert bundled().case_info(case_id)["title"] in note
    authors = {c.split(",")[0] for c in bundled().only(case_id).sources["citation"]}
    assert "Sources: none given" not in note and any(a in note for a in authors), note
    assert "Data: " in note and f"case={case_id}" in note
    context.close()


# --- on a phone: the whole width shows, an actor's details a tap away -------------------------

# Where the marker of the actor drawn nearest a height of the frame is (in the frame's pixels:
# a tall frame does not show whole on the screen, and the app's header covers its top), and
# the actor's name (the data's own).
MARKER = """want => {
  const net = window.chainNetwork;
  const ids = net.body.nodeIndices.filter(id => !net.body.nodes[id].options.hidden);
  const y = id => net.canvasToDOM({x: 0, y: net.body.nodes[id].y}).y;
  const id = ids.reduce((a, b) => Math.abs(y(b) - want) < Math.abs(y(a) - want) ? b : a);
  const node = net.body.nodes[id];
  const p = net.canvasToDOM({x: node.x, y: node.y});
  return {x: p.x, y: p.y, name: net.body.data.nodes.get(id).full_name};
}"""


def check_phone(page, name: str) -> dict:
    """Nothing wider than the screen, the drawing whole in its frame, clean; a tap on an actor
    shows its details as text under the drawing, a tap on them hides them."""
    m = measure(page)
    report(f"{name} phone 390x844", m)
    screenshot(page, f"chain-phone-{name}")
    assert m["overlaps"] == [] and m["through"] == []
    d = m["drawing"]
    assert d["x0"] >= -1 and d["x1"] <= m["width"] + 1, d  # no lane cut at the right
    assert 0.7 <= m["fill_x"] <= 1.01 and 0.7 <= m["fill_y"] <= 1.01, (m["fill_x"], m["fill_y"])
    iframe = page.locator("iframe").first
    iframe.scroll_into_view_if_needed()
    box = iframe.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 391, box
    assert page.evaluate("() => document.scrollingElement.scrollWidth") <= 390
    assert_nothing_drawn_under(page)  # nor a gap where the first, desktop-sized guess was
    frame = graph_frame(page)
    assert frame.evaluate("() => document.scrollingElement.scrollWidth <= innerWidth")
    marker = frame.evaluate(MARKER, PHONE["viewport"]["height"] / 2 - box["y"])
    page.touchscreen.tap(box["x"] + marker["x"], box["y"] + marker["y"])
    panel = frame.locator("#details")
    expect(panel).to_be_visible()
    expect(panel).to_contain_text(marker["name"])
    assert frame.evaluate("() => document.getElementById('details').children.length") == 0
    panel.tap()
    expect(panel).to_be_hidden()
    return m


@pytest.mark.parametrize("case_id", bundled_case_ids())
def test_chain_graph_on_a_phone(server, browser, case_id):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(f"{server}/chain?case={case_id}")
    wait_for_app(page)
    m = check_phone(page, case_id)
    assert m["count"] == len(bundled().only(case_id).actors)
    context.close()


# --- chains the tests did not hand-pick: 20 and 50 generated actors, through DLC_DATA_DIR -------

GENERATED, GENERATED_50 = "generated-twenty", "generated-fifty"


def write_generated_case(root: Path, n: int, seed: int, case_id: str = GENERATED) -> Path:
    """A case folder with a generated chain (tests/chain_generator.py): the hostile fixture's
    data package for the schema, plain texts of our own for everything else."""
    folder = root / case_id
    folder.mkdir(parents=True)
    package = json.loads((HOSTILE / "datapackage.json").read_text(encoding="utf-8"))
    package |= {"name": case_id, "title": f"Generated chain of {n} actors",
                "description": "A chain made up for the layout's tests.", "product": "None"}
    (folder / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    actors, links = generated_chain(n, seed, case_id=case_id)
    actors = actors.drop(columns="case_id")
    actors["anonymised"] = "false"
    actors.to_csv(folder / "actors.csv", index=False)
    links = links.drop(columns="case_id")
    links["description"] = "Made up."  # an inferred link must say why
    links.to_csv(folder / "links.csv", index=False)
    (folder / "sources.csv").write_text(
        "source_id,citation,year,url,kind,note\nS1,Made up for the tests,2024,,article,\n",
        encoding="utf-8")
    worker = actors.loc[actors["actor_type"] == "worker_pool", "actor_id"].iloc[0]
    (folder / "tasks.csv").write_text(
        "task_id,actor_id,link_id,task,function,subfunction,data_type,paid,description,"
        f"source_ids,certainty\nt1,{worker},,Labelling,verification,,image,true,,S1,reported\n",
        encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def generated_server(tmp_path_factory):
    root = write_generated_case(tmp_path_factory.mktemp("cases"), 20, 1)
    write_generated_case(root, 50, 1, GENERATED_50)
    loaded = load_dataset(extra_dir=root)
    assert {GENERATED, GENERATED_50} <= set(loaded.case_ids), loaded.left_out  # valid cases
    with streamlit_server({"DLC_DATA_DIR": str(root)}) as base:
        yield base, len(loaded.only(GENERATED).actors)


def open_measured(browser, url: str, viewport: tuple[int, int], name: str):
    """A fresh context at `viewport`, the chain at `url` measured and reported: (context,
    page, measures)."""
    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
    page = context.new_page()
    page.goto(url)
    wait_for_app(page)
    m = measure(page)
    report(name, m)
    return context, page, m


@pytest.mark.parametrize("viewport,query,font", [((1440, 900), "", 14),
                                                 ((1920, 1080), "&present=1&step=99", 20),
                                                 ((1000, 800), "&embed=true", 12)])
def test_generated_chain_of_20_draws_clean(generated_server, browser, viewport, query, font):
    # 20 actors over eight countries are taller than a slide: the frame grows with the lanes
    # so that the labels keep the size aimed for, and the drawing fills it both ways.
    base, count = generated_server
    context, page, m = open_measured(browser, f"{base}/chain?case={GENERATED}{query}", viewport,
                                     f"{GENERATED} {viewport[0]}x{viewport[1]}{query}")
    screenshot(page, f"chain-generated-{viewport[0]}")
    assert m["count"] == count
    check(m, font=font, window_height=viewport[1])
    assert m["fill_x"] <= 1.01 and m["fill_y"] <= 1.01, (m["fill_x"], m["fill_y"])  # no scroll
    assert_nothing_drawn_under(page)
    context.close()


def test_generated_chain_of_20_on_a_phone(generated_server, browser):
    base, count = generated_server
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(f"{base}/chain?case={GENERATED}")
    wait_for_app(page)
    assert check_phone(page, GENERATED)["count"] == count
    context.close()


def test_generated_chain_of_50_keeps_readable_labels_and_scrolls_sideways(generated_server,
                                                                          browser):
    # 50 actors over eight countries in 14-px type are wider than a 1440 laptop's page: the
    # drawing keeps that size, says so, and scrolls sideways (a swipe or Shift and the wheel);
    # it fills its own canvas, which is as wide as it needs.
    base, _ = generated_server
    context, page, m = open_measured(browser, f"{base}/chain?case={GENERATED_50}", (1440, 900),
                                     f"{GENERATED_50} 1440x900")
    screenshot(page, "chain-generated-50-1440")
    assert m["count"] == 50
    check(m, font=14, window_height=900)
    frame = graph_frame(page)
    scroller = frame.locator("#scroller")
    sizes = scroller.evaluate("e => [e.scrollWidth, e.clientWidth]")
    assert sizes[0] > sizes[1] + 100, sizes
    expect(frame.locator("#wide")).to_contain_text("wider than the window")
    scale = frame.evaluate("() => window.chainNetwork.getScale()")
    scroller.hover()
    page.keyboard.down("Shift")
    page.mouse.wheel(0, 300)
    page.keyboard.up("Shift")
    expect(scroller).not_to_have_js_property("scrollLeft", 0)
    assert frame.evaluate("() => window.chainNetwork.getScale()") == scale  # not zoomed
    # Taller than the window too: the wheel scrolls the page, Ctrl and the wheel zoom.
    main = page.locator("[data-testid=stMain]")
    top = main.evaluate("e => e.scrollTop")
    page.mouse.wheel(0, 300)
    expect(main).not_to_have_js_property("scrollTop", top)
    assert frame.evaluate("() => window.chainNetwork.getScale()") == scale
    page.keyboard.down("Control")
    page.mouse.wheel(0, -300)
    page.keyboard.up("Control")
    frame.wait_for_function(f"() => window.chainNetwork.getScale() > {scale}")
    assert_nothing_drawn_under(page)
    context.close()


@pytest.mark.parametrize("step", [2, 6])
def test_a_slide_of_50_actors_keeps_its_size_and_brings_each_steps_actors_into_view(
        generated_server, browser, step):
    # At 20 px the chain is five screens tall and about as wide as the screen: the slide keeps
    # its labels at 20 px, and each step scrolls the page (and the drawing, were it wider) to
    # the actors it adds, so that a clicker alone shows them.
    base, _ = generated_server
    context, page, m = open_measured(
        browser, f"{base}/chain?case={GENERATED_50}&present=1&step={step}", (1920, 1080),
        f"{GENERATED_50} presenting step {step}")
    assert m["overlaps"] == [] and m["through"] == []
    frame = graph_frame(page)
    expect(frame.locator("#wide")).to_be_hidden()  # a slide says nothing of scrolling
    frame.wait_for_function("() => window.chainFollowed === true")  # scrolled to them
    boxes = frame.evaluate("""() => window.chainFollow.map(id => {
        const net = window.chainNetwork, b = net.getBoundingBox(id);
        const c = document.querySelector('#mynetwork canvas').getBoundingClientRect();
        const tl = net.canvasToDOM({x: b.left, y: b.top});
        const br = net.canvasToDOM({x: b.right, y: b.bottom});
        return [c.left + tl.x, c.top + tl.y, c.left + br.x, c.top + br.y]; })""")
    assert boxes
    box = page.locator("iframe").first.bounding_box()
    scroller = frame.locator("#scroller").evaluate("e => [e.scrollWidth, e.clientWidth]")
    assert m["font"] >= 20
    assert box["height"] > 1080  # the page scrolls to the step's actors
    screenshot(page, f"chain-generated-50-present-{step}")
    bottom = page.locator(".st-key-present-caption").bounding_box()["y"]  # the caption, on top

    def seen(x0, y0, x1, y1) -> bool:
        return (0 <= box["x"] + x0 and box["x"] + x1 <= 1920 and 0 <= box["y"] + y0
                and box["y"] + y1 <= min(1080, bottom))

    # all of them when they fit in the window together, else the first the story names
    together = (max(b[2] for b in boxes) - min(b[0] for b in boxes) <= 1854
                and max(b[3] for b in boxes) - min(b[1] for b in boxes) <= 1060)
    assert all(seen(*b) for b in boxes) if together else seen(*boxes[0]), (box, boxes)
    context.close()


FOLLOWED = """() => window.chainFollow.map(id => {
    const net = window.chainNetwork, b = net.getBoundingBox(id);
    const name = net.body.nodes[id].labelModule.size;
    const c = document.querySelector('#mynetwork canvas').getBoundingClientRect();
    const tl = net.canvasToDOM({x: Math.min(b.left, name.left), y: b.top});
    const br = net.canvasToDOM({x: Math.max(b.right, name.left + name.width),
                                y: Math.max(b.bottom, name.top + name.height)});
    return {id, box: [c.left + tl.x, c.top + tl.y, c.left + br.x, c.top + br.y]}; })"""


@pytest.mark.parametrize("viewport", [(1280, 720), (1920, 1080)])
def test_a_slide_keeps_its_caption_in_sight_and_its_new_actor_clear_of_it(server, browser,
                                                                           viewport):
    # The voice assistant's last step adds the smart-speaker users, in the lowest lane: on a
    # 720-high projector the figure runs below the window. The caption stays at the bottom of
    # the window, and the page scrolls so that the users (marker and name) show above it, not
    # under it; its sources follow it.
    width, height = viewport
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto(f"{server}/chain?case=voice-assistant&present=1&step=5")
    wait_for_app(page)
    frame = graph_frame(page)
    frame.wait_for_function("() => window.chainFollowed === true")
    text = page.locator(".st-key-present-caption")
    expect(text).to_contain_text("Smart-speaker users supply data to US smart-speaker")
    expect(page.locator(".st-key-present-sources")).to_contain_text("Sources: Tubaro (2022)")
    caption = text.bounding_box()
    assert 0 <= caption["y"] and caption["y"] + caption["height"] <= height + 1, caption
    followed = frame.evaluate(FOLLOWED)
    assert [f["id"] for f in followed] == ["voice-assistant:end-users"]
    frame_box = page.locator("iframe").first.bounding_box()
    x0, y0, x1, y1 = followed[0]["box"]
    assert 0 <= frame_box["y"] + y0 and frame_box["y"] + y1 <= caption["y"], (
        frame_box, followed, caption)
    assert 0 <= frame_box["x"] + x0 and frame_box["x"] + x1 <= width
    screenshot(page, f"chain-present-caption-{width}")
    context.close()
