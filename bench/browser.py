"""First render in headless Chromium (Debian's /usr/bin/chromium through Python Playwright).

A page counts as rendered when (1) the browser has received the script's `script_finished`
message on the websocket, (2) Streamlit's main block holds content and no running status
widget is shown, (3) what the page draws is drawn: every chain-graph iframe has its
`#mynetwork canvas` and its network object, every Vega chart its canvas or SVG, and (4) one
more frame has been painted. Each load uses a fresh browser context (no cache, new session).
Requests to any host but loopback are aborted. Two devices: a desktop window, and a phone
(390x844, touch, a phone browser's user agent, Chromium's CPU slowed 4x through the DevTools
protocol's `Emulation.setCPUThrottlingRate`), as a scanned link opens on a phone's slower CPU.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# The same flags as tests/browser/conftest.py.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]
LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}
VIEWPORT = {"width": 1600, "height": 1200}


@dataclass(frozen=True)
class Device:
    """Where a page is loaded: viewport, touch, and how much slower the CPU is made."""

    name: str
    viewport: dict
    cpu_slowdown: float = 1.0
    mobile: bool = False
    user_agent: str | None = None  # None: Chromium's own


# Chrome on Android as it introduces itself (its reduced user agent): the app gives a phone
# its phone frame (app/core/devices.py).
PHONE_USER_AGENT = ("Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) "
                    "Chrome/131.0.0.0 Mobile Safari/537.36")
DESKTOP = Device("desktop", VIEWPORT)
PHONE = Device("phone 390x844, CPU 4x slower", {"width": 390, "height": 844}, cpu_slowdown=4.0,
               mobile=True, user_agent=PHONE_USER_AGENT)

# What the page shows (PROBE) and the condition for "drawn" (READY): as many chain graphs and
# Vega charts drawn as the script sent (counted from the websocket messages: the chart
# elements only enter the DOM once Streamlit's lazily loaded Vega code has arrived).
PROBE = """() => {
  const main = document.querySelector('[data-testid=stMainBlockContainer]');
  return {exception: !!document.querySelector('[data-testid=stException]'),
          text: main ? (main.innerText || '').slice(0, 120) : ''};
}"""

READY = """(want) => {
  const main = document.querySelector('[data-testid=stMainBlockContainer]');
  if (!main || document.querySelector('[data-testid=stStatusWidget]')) return false;
  if (!main.querySelector('h1, [data-testid=stMarkdownContainer]')) return false;
  if (document.querySelector('[data-testid=stException]')) return true;
  const frames = [...main.querySelectorAll('iframe')]
    .filter(f => (f.getAttribute('srcdoc') || '').includes('id="mynetwork"'));
  const drawnGraphs = frames.filter(f => {
    try { return !!f.contentDocument.querySelector('#mynetwork canvas')
                 && !!f.contentWindow.chainNetwork; } catch (e) { return false; } }).length;
  const drawnCharts = [...main.querySelectorAll('[data-testid=stVegaLiteChart]')]
    .filter(c => c.querySelector('.vega-embed canvas, .vega-embed svg')).length;
  return drawnGraphs >= want.graphs && drawnCharts >= want.charts;
}"""

EARLY_FOR_RERUN = ForwardMsg.ScriptFinishedStatus.Value("FINISHED_EARLY_FOR_RERUN")
NEXT_FRAME = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"


@dataclass
class Load:
    seconds: float
    kind: str = ""
    finished: bool = False
    page_not_found: bool = False
    exception: bool = False
    info: dict = field(default_factory=dict)


class Browser:
    """One Chromium for the whole benchmark; a fresh context per load."""

    def __init__(self):
        from playwright.sync_api import sync_playwright

        if not Path(CHROMIUM).exists():
            raise RuntimeError(f"{CHROMIUM} is missing (apt-get install chromium); never run "
                               "`playwright install`")
        self._pw = sync_playwright().start()
        self.browser = self._pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        self.version = self.browser.version

    def close(self) -> None:
        self.browser.close()
        self._pw.stop()

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _context(self, device: Device):
        context = self.browser.new_context(viewport=device.viewport, is_mobile=device.mobile,
                                           has_touch=device.mobile, user_agent=device.user_agent)

        def route(route):
            url = route.request.url
            host = urlparse(url).hostname or ""
            if url.startswith(("data:", "blob:", "about:")) or host in LOCAL_HOSTS:
                route.continue_()
            else:
                route.abort()

        context.route("**/*", route)
        return context

    def load(self, url: str, timeout_s: float = 60.0, keep_open=None,
             count_downloads: bool = False, device: Device = DESKTOP) -> Load:
        """Open URL in a fresh context and time it until drawn (see the module docstring).

        `keep_open(page)` runs, untimed, before the context closes; its result goes into
        `info["extra"]`. With `count_downloads`, `info["files"]` and `info["bytes"]` say what
        the visit downloaded over HTTP (the websocket aside): what a first visitor's network
        must carry. Listening costs time in the browser, so timed loads leave it off.
        """
        context = self._context(device)
        page = context.new_page()
        if device.cpu_slowdown > 1:
            cdp = context.new_cdp_session(page)
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": device.cpu_slowdown})
        state = {"finished": False, "not_found": False, "charts": 0, "graphs": 0}
        downloads = {"files": 0, "bytes": 0}

        def on_response(response):
            length = response.headers.get("content-length", "")
            if length.isdigit():
                downloads["files"] += 1
                downloads["bytes"] += int(length)

        if count_downloads:
            context.on("response", on_response)

        def on_frame(payload):
            if not isinstance(payload, (bytes, bytearray)):
                return
            msg = ForwardMsg()
            try:
                msg.ParseFromString(bytes(payload))
            except Exception:  # noqa: BLE001 - not a ForwardMsg
                return
            which = msg.WhichOneof("type")
            if which == "new_session":  # a (re)run starts: count its elements afresh
                state.update(charts=0, graphs=0, finished=False)
            elif which == "delta" and msg.delta.WhichOneof("type") == "new_element":
                element = msg.delta.new_element
                etype = element.WhichOneof("type")
                if etype == "vega_lite_chart":
                    state["charts"] += 1
                elif etype == "iframe" and 'id="mynetwork"' in element.iframe.srcdoc:
                    state["graphs"] += 1
            elif which == "script_finished" and msg.script_finished != EARLY_FOR_RERUN:
                state["finished"] = True
            elif which == "page_not_found":
                state["not_found"] = True

        page.on("websocket", lambda ws: ws.on("framereceived", on_frame))
        timeout_ms = timeout_s * 1000
        try:
            start = time.perf_counter()
            page.goto(url, wait_until="commit", timeout=timeout_ms)
            deadline = start + timeout_s
            while not state["finished"]:
                if time.perf_counter() > deadline:
                    raise TimeoutError(f"{url}: no script_finished within {timeout_s} s")
                page.wait_for_timeout(5)
            want = {"charts": state["charts"], "graphs": state["graphs"]}
            page.wait_for_function(READY, arg=want, timeout=timeout_ms)
            page.evaluate(NEXT_FRAME)
            seconds = time.perf_counter() - start
            probe = page.evaluate(PROBE)
            kind = "+".join(k for k, n in (("graph", want["graphs"]), ("charts", want["charts"]))
                            if n) or "text"
            result = Load(seconds, kind=kind, finished=True, page_not_found=state["not_found"],
                          exception=bool(probe.get("exception")), info=probe | want)
            if count_downloads:
                page.wait_for_load_state("networkidle", timeout=timeout_ms)
                result.info |= downloads
            if keep_open is not None:
                result.info["extra"] = keep_open(page)
            return result
        finally:
            context.close()


HOVER = """async () => {
  const net = window.chainNetwork;
  const redraws = [];
  for (let i = 0; i < 3; i++) {  // one synchronous redraw of the fitted view, median of 3
    const t0 = performance.now();
    net.redraw();
    redraws.push(performance.now() - t0);
    if (redraws[0] > 1000) break;  // a freeze already: do not multiply it
  }
  redraws.sort((a, b) => a - b);
  const ids = net.body.nodeIndices;
  const id = ids[Math.floor(ids.length / 2)];
  const pos = net.getPositions([id])[id];
  const t0 = performance.now();
  net.moveTo({position: pos, scale: 1.0});  // zoom onto the node, as a reader would
  net.redraw();
  const zoom = performance.now() - t0;
  const dom = net.canvasToDOM(pos);
  // a drawing larger than the window (it scrolls sideways, the page down): scrolled to the
  // node, as a reader would
  const mark = document.createElement('div');
  mark.style.cssText = `position:absolute;left:${dom.x}px;top:${dom.y}px;width:1px;height:1px`;
  const holder = document.getElementById('scroller') || document.body;
  holder.appendChild(mark);
  mark.scrollIntoView({block: 'center', inline: 'center'});
  holder.removeChild(mark);
  const box = document.getElementById('mynetwork').getBoundingClientRect();
  return {id, nodes: ids.length, edges: net.body.edgeIndices.length,
          redraw_ms: redraws[Math.floor((redraws.length - 1) / 2)], zoom_ms: zoom,
          x: box.left + dom.x, y: box.top + dom.y};
}"""

TOOLTIP_SHOWN = """() => {
  const t = document.querySelector('div.vis-tooltip');
  return !!t && getComputedStyle(t).visibility === 'visible' && t.textContent.length > 0;
}"""


def hover_probe(page, timeout_s: float = 30.0) -> dict:
    """Time one redraw of the chain graph, zoom onto a node, move the mouse over it and time
    the tooltip (a frozen page shows it late or never).

    Returns redraw_ms and zoom_ms (measured in the page), tooltip_s (from the mouse move to a
    visible `.vis-tooltip`; None when none appeared in `timeout_s`) and the node counts.
    """
    handle = page.query_selector("[data-testid=stMainBlockContainer] iframe")
    frame = handle.content_frame()
    info = frame.evaluate(HOVER)
    box = handle.bounding_box()  # after the scroll to the node
    x, y = box["x"] + info["x"], box["y"] + info["y"]
    page.mouse.move(box["x"] + 2, box["y"] + 2)
    start = time.perf_counter()
    page.mouse.move(x, y)
    try:
        frame.wait_for_function(TOOLTIP_SHOWN, timeout=timeout_s * 1000, polling=20)
        info["tooltip_s"] = time.perf_counter() - start
    except Exception as error:  # noqa: BLE001 - reported, not raised
        info["tooltip_s"] = None
        info["tooltip_error"] = f"no tooltip within {timeout_s:.0f} s"
        info["error_detail"] = str(error).splitlines()[0]
    return info
