"""The stampede: a room opens the link at once. 300 visitors arrive over 10 s, each making a
browser's whole first visit to the chain page, against one replica directly and against two
replicas behind HAProxy (deploy/, as `scripts/serve.sh` runs them).

A visit, as Chromium makes it (the list of files is taken from a real page load in Chromium at
the start of the section, with the status each got):
  1. the page (`/chain?case=voice-assistant`), which sets the proxy's cookie;
  2. every file the browser then fetched (Streamlit's JavaScript, CSS and fonts, the graph's
     vis-network, the favicon, the health and host-config probes), six connections at a time
     as a browser does per host, cookie sent back;
  3. the websocket (`/_stcore/stream`, cookie sent): the first run of the page;
  4. two reruns (the "documented links only" toggle, on and off).
"First visit" is 1-3, until the page's first run has finished: what a visitor waits for;
"whole visit" adds the reruns. Sessions stay open until every visitor is done (the room keeps
reading), then close. Bytes are what crossed the wire (HTTP as sent, compressed or not, and
the websocket's messages, which neither Streamlit nor this client compress).

Loopback only (both clients refuse any other host); every wait has a timeout, the number of
visitors and files is fixed.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import time
from dataclasses import dataclass, field
from urllib.parse import urlparse

from bench.report import Row, measure, percentile

PAGE_PATH = "/chain?case=voice-assistant"
PAGE, QUERY, WIDGET = "chain", "case=voice-assistant", "chain-documented-toggle"
VISITORS = 300
SPREAD_S = 10.0
PARALLEL_PER_VISITOR = 6  # Chromium's connections per host over HTTP/1.1
RERUNS = 2
VISIT_TIMEOUT_S = 120.0
# Targets (through the proxy).
TARGET_ERRORS = 0
TARGET_FIRST_VISIT_P95_S = 2.0
TARGET_RERUN_P95_S = 1.0
TARGET_MB_PER_VISIT = 2.0


@dataclass
class VisitResult:
    start_s: float = 0.0
    first_visit_s: float | None = None
    whole_s: float | None = None
    page_s: float | None = None
    files_s: float | None = None
    first_run_s: float | None = None
    reruns_s: list[float] = field(default_factory=list)
    http_bytes: int = 0
    ws_bytes: int = 0
    files: int = 0
    errors: list[str] = field(default_factory=list)


def browser_manifest(base: str, path: str = PAGE_PATH) -> list[tuple[str, int]]:
    """Every GET a fresh Chromium makes on loading `path` until the graph is drawn and the
    network is quiet: (path with query, status), the page itself first."""
    from bench.browser import CHROMIUM, CHROMIUM_ARGS, LOCAL_HOSTS
    from playwright.sync_api import sync_playwright

    seen: list[tuple[str, int]] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport={"width": 1440, "height": 900})

            def route(route):
                host = urlparse(route.request.url).hostname or ""
                if host in LOCAL_HOSTS or route.request.url.startswith(("data:", "blob:")):
                    route.continue_()
                else:
                    route.abort()

            context.route("**/*", route)
            page = context.new_page()

            def on_response(response):
                url = urlparse(response.url)
                if (response.request.method == "GET" and url.hostname in LOCAL_HOSTS
                        and url.path != "/_stcore/stream"):
                    seen.append((url.path + (f"?{url.query}" if url.query else ""),
                                 response.status))

            page.on("response", on_response)
            page.goto(base + path)
            page.frame_locator("iframe").first.locator("#mynetwork canvas").wait_for(
                timeout=60_000)
            # Then until no file has come for 2 s (lazily loaded code), at most 20 s.
            quiet_since, count, deadline = time.perf_counter(), len(seen), time.perf_counter() + 20
            while time.perf_counter() - quiet_since < 2.0 and time.perf_counter() < deadline:
                page.wait_for_timeout(250)
                if len(seen) != count:
                    quiet_since, count = time.perf_counter(), len(seen)
            context.close()
        finally:
            browser.close()
    first = [item for item in seen if item[0] == path]
    rest = [item for item in seen if item[0] != path]
    return first[:1] + list(dict.fromkeys(rest))


async def visit(index: int, port: int, files: list[tuple[str, int]], start_at: float,
                sessions: list) -> VisitResult:
    from bench.httpclient import Connection, Visitor
    from bench.wsclient import Session, change, changeable

    result = VisitResult()
    await asyncio.sleep(max(0.0, start_at - time.perf_counter()))
    t0 = time.perf_counter()
    result.start_s = t0
    visitor = Visitor("127.0.0.1", port, timeout=VISIT_TIMEOUT_S)
    connections = [Connection(visitor) for _ in range(PARALLEL_PER_VISITOR)]
    try:
        page_path, page_status = files[0]
        response = await connections[0].get(page_path)
        if response.status != page_status:
            result.errors.append(f"page: HTTP {response.status}")
            return result
        result.page_s = time.perf_counter() - t0
        queue = list(files[1:])

        async def fetch(conn: Connection) -> None:
            while queue:
                path, expected = queue.pop(0)
                got = await conn.get(path)
                result.files += 1
                if got.status != expected:
                    result.errors.append(f"{path}: HTTP {got.status} (browser got {expected})")

        await asyncio.gather(*(fetch(c) for c in connections))
        result.files_s = time.perf_counter() - t0
        result.http_bytes = visitor.received
        headers = {"Cookie": visitor.cookie_header()} if visitor.cookies else None
        session = Session(port, timeout=VISIT_TIMEOUT_S, headers=headers)
        await session.connect()
        sessions.append(session)
        t_run = time.perf_counter()
        first = await session.run(page=PAGE, query=QUERY)
        result.first_run_s = time.perf_counter() - t_run
        result.ws_bytes += first.bytes
        if not first.ok:
            result.errors.append(f"first run: {first.status} {first.exceptions[:1]}")
            return result
        result.first_visit_s = time.perf_counter() - t0
        widget = changeable(session, (WIDGET,))
        if widget is None:
            result.errors.append(f"no {WIDGET} on the page")
            return result
        for _ in range(RERUNS):
            rerun = await session.run(widgets=change(widget))
            result.ws_bytes += rerun.bytes
            result.reruns_s.append(rerun.latency_s)
            if not rerun.ok:
                result.errors.append(f"rerun: {rerun.status} {rerun.exceptions[:1]}")
        result.whole_s = time.perf_counter() - t0
    except Exception as error:  # noqa: BLE001 - every failure is counted, none stops the room
        result.errors.append(f"{type(error).__name__}: {str(error)[:120]}")
    finally:
        for conn in connections:
            await conn.close()
    return result


async def _room(port: int, files: list[tuple[str, int]], visitors: int, spread_s: float,
                on_all_open) -> tuple[list[VisitResult], dict]:
    sessions: list = []
    start = time.perf_counter() + 0.2
    results = await asyncio.gather(*(
        visit(i, port, files, start + spread_s * i / visitors, sessions)
        for i in range(visitors)))
    extra = on_all_open(len(sessions))
    await asyncio.gather(*(s.close() for s in sessions))
    return list(results), extra


def run_room(port: int, files: list[tuple[str, int]], server_pids: list[int],
             proxy_pid: int | None, visitors: int = VISITORS, spread_s: float = SPREAD_S
             ) -> dict:
    """The stampede against `port`; CPU of the servers, the proxy and this process, and the
    servers' memory before and with every session open."""
    from bench.servers import cpu_s, rss_mb

    try:
        import uvloop
        runner = uvloop.run
    except ImportError:  # the performance extra is not installed
        runner = asyncio.run
    load_before = os.getloadavg()[0]
    rss_before = sum(rss_mb(pid) for pid in server_pids)
    cpu_before = {pid: cpu_s(pid) for pid in server_pids + ([proxy_pid] if proxy_pid else [])}
    own_before = time.process_time()
    wall_start = time.perf_counter()
    open_state: dict = {}

    def on_all_open(n_sessions: int) -> dict:
        open_state.update(sessions=n_sessions, rss_mb=sum(rss_mb(pid) for pid in server_pids),
                          wall_s=time.perf_counter() - wall_start,
                          own_cpu_s=time.process_time() - own_before,
                          cpu={pid: cpu_s(pid) - cpu_before[pid] for pid in cpu_before})
        return open_state

    results, _ = runner(_room(port, files, visitors, spread_s, on_all_open))
    return {"results": results, "rss_before_mb": rss_before, **open_state,
            "server_cpu_s": sum(open_state["cpu"][pid] for pid in server_pids),
            "proxy_cpu_s": open_state["cpu"].get(proxy_pid) if proxy_pid else None,
            "nproc": os.cpu_count(), "spread_s": spread_s,
            "loadavg": (load_before, os.getloadavg()[0])}


def summarise(run: dict) -> dict:
    results: list[VisitResult] = run["results"]
    first = [r.first_visit_s for r in results if r.first_visit_s is not None]
    whole = [r.whole_s for r in results if r.whole_s is not None]
    reruns = [s for r in results for s in r.reruns_s]
    done = [r for r in results if r.first_visit_s is not None]
    errors = [e for r in results for e in r.errors]
    n = len(results)
    return {
        "visitors": n, "errors": len(errors), "failed_visits": sum(1 for r in results
                                                                   if r.errors),
        "error_examples": list(dict.fromkeys(errors))[:5],
        "first_visit": {q: percentile(first, q) for q in (50, 95, 99)},
        "whole_visit_p95": percentile(whole, 95),
        "page_p95": percentile([r.page_s for r in done if r.page_s], 95),
        "files_p95": percentile([r.files_s for r in done if r.files_s], 95),
        "first_run_p95": percentile([r.first_run_s for r in done if r.first_run_s], 95),
        "rerun_p95": percentile(reruns, 95), "rerun_p50": percentile(reruns, 50),
        "files_per_visit": statistics.median([r.files for r in done]) if done else 0,
        "http_mb": statistics.median([r.http_bytes for r in done]) / 1e6 if done else None,
        "ws_mb": statistics.median([r.ws_bytes for r in done]) / 1e6 if done else None,
        "mb_per_visit": (statistics.median([r.http_bytes + r.ws_bytes for r in done]) / 1e6
                         if done else None),
        "wall_s": run["wall_s"], "sessions_open": run["sessions"],
        "server_cpu_s": run["server_cpu_s"], "proxy_cpu_s": run["proxy_cpu_s"],
        "own_cpu_s": run["own_cpu_s"],
        "mb_per_session": (run["rss_mb"] - run["rss_before_mb"]) / max(1, run["sessions"]),
        "rss_before_mb": run["rss_before_mb"], "rss_open_mb": run["rss_mb"],
        "nproc": run["nproc"], "spread_s": run["spread_s"], "loadavg": run["loadavg"],
    }


def rows_for(label: str, s: dict, *, targets: bool) -> list[Row]:
    """Result rows of one stampede; with `targets`, checked against the issue's targets."""
    section = f"stampede: {label}"
    lim = (lambda value: value) if targets else (lambda value: None)
    cores = s["wall_s"] * s["nproc"]
    rows = [
        measure(section, f"errors ({s['visitors']} visitors over {s['spread_s']:.0f} s)",
                s["errors"], "", limit=lim(TARGET_ERRORS),
                note=(f"{s['failed_visits']} visits failed; " if s["failed_visits"] else "")
                + "; ".join(s["error_examples"][:2])[:160]),
        measure(section, "first visit p50", s["first_visit"][50], "s",
                note="page + files + websocket first run"),
        measure(section, "first visit p95", s["first_visit"][95], "s",
                limit=lim(TARGET_FIRST_VISIT_P95_S),
                note=f"p95 of its parts from the visit's start: page "
                     f"{s['page_p95']:.2f} s, all files {s['files_p95']:.2f} s; the first run "
                     f"alone {s['first_run_p95']:.2f} s"),
        measure(section, "first visit p99", s["first_visit"][99], "s",
                note=f"whole visit with {RERUNS} reruns: p95 {s['whole_visit_p95']:.2f} s"),
        measure(section, "reruns p95", s["rerun_p95"], "s", limit=lim(TARGET_RERUN_P95_S),
                note=f"median {s['rerun_p50'] * 1000:.0f} ms"),
        measure(section, "bytes per first visit", s["mb_per_visit"], "MB",
                limit=lim(TARGET_MB_PER_VISIT),
                note=f"{s['files_per_visit']:.0f} files + page: HTTP {s['http_mb']:.2f} MB, "
                     f"websocket {s['ws_mb']:.2f} MB"),
        measure(section, "server CPU per session", s["server_cpu_s"] / s["visitors"] * 1000,
                "ms", note=f"replicas {s['server_cpu_s']:.1f} CPU-s in {s['wall_s']:.1f} s "
                           f"({s['server_cpu_s'] / cores:.0%} of {s['nproc']} cores)"
                + (f"; HAProxy {s['proxy_cpu_s']:.1f} CPU-s ({s['proxy_cpu_s'] / cores:.0%})"
                   if s["proxy_cpu_s"] is not None else "")),
        measure(section, "server memory per open session", s["mb_per_session"], "MB",
                note=f"RSS {s['rss_before_mb']:.0f} -> {s['rss_open_mb']:.0f} MB with "
                     f"{s['sessions_open']} sessions open"),
        measure(section, "load generator CPU share", s["own_cpu_s"] / cores * 100, "%",
                note=f"{s['own_cpu_s']:.1f} CPU-s of this process in {s['wall_s']:.1f} s "
                     f"on {s['nproc']} cores; load average {s['loadavg'][0]:.1f} before, "
                     f"{s['loadavg'][1]:.1f} after"),
    ]
    return rows


def section_stampede(rows: list[Row], raw: dict, visitors: int = VISITORS,
                     spread_s: float = SPREAD_S, log=print) -> None:
    """One replica directly, then two replicas behind HAProxy; fresh servers for each."""
    import sys

    from bench import servers
    from bench.servers import app_server

    sys.path.insert(0, str(servers.PROJECT))  # `deploy` is a folder of the project
    from deploy.local import LocalRoom, haproxy_path

    with app_server() as single:
        log("stampede: listing the files a browser loads for the chain page")
        files = browser_manifest(single.base)
        raw["stampede_files"] = files
        log(f"stampede: {len(files)} requests per visit; {visitors} visitors over "
            f"{spread_s:.0f} s on one replica")
        # One warm-up visit, as the servers of a room have seen a first reader.
        run_room(single.port, files, [single.pid], None, visitors=1, spread_s=0)
        direct = summarise(run_room(single.port, files, [single.pid], None, visitors,
                                    spread_s))
    raw["stampede_direct"] = direct
    rows.extend(rows_for("1 replica, direct", direct, targets=False))
    if haproxy_path() is None:
        from bench.report import skipped

        rows.append(skipped("stampede: 2 replicas + HAProxy", "all",
                            "haproxy is not installed (apt-get install haproxy)"))
        return
    log(f"stampede: {visitors} visitors over {spread_s:.0f} s on two replicas behind HAProxy")
    with LocalRoom(2, project=servers.settings["project"],
                   log_dir=servers.PROJECT / "bench" / "results" / "logs") as room:
        pids = [room.pid(r.name) for r in room.replicas]
        run_room(room.port, files, pids, room.proxy.pid, visitors=2, spread_s=0)
        proxied = summarise(run_room(room.port, files, pids, room.proxy.pid, visitors,
                                     spread_s))
    raw["stampede_proxy"] = proxied
    rows.extend(rows_for("2 replicas + HAProxy", proxied, targets=True))
