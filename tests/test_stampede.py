"""The stampede's own parts on canned numbers and a tiny local server: its HTTP client (cookies,
chunked and sized bodies, bytes on the wire) and how visits become rows against the targets."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # `bench` is a project folder

from bench.httpclient import Connection, Visitor  # noqa: E402
from bench.report import FAIL, PASS  # noqa: E402
from bench.stampede import VisitResult, rows_for, summarise  # noqa: E402

CHUNKED = (b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nSet-Cookie: DLCSRV=r2; path=/\r\n"
           b"\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n")
SIZED = b"HTTP/1.1 404 Not Found\r\nContent-Length: 3\r\n\r\nnop"


def test_client_reads_both_kinds_of_body_and_keeps_the_cookie():
    seen_cookies: list[bytes] = []

    async def handle(reader, writer):
        for answer in (CHUNKED, SIZED):
            head = await reader.readuntil(b"\r\n\r\n")
            seen_cookies.append(next((line for line in head.split(b"\r\n")
                                      if line.lower().startswith(b"cookie:")), b""))
            writer.write(answer)
            await writer.drain()
        writer.close()

    async def scenario():
        server = await asyncio.start_server(handle, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        visitor = Visitor("127.0.0.1", port, timeout=10)
        conn = Connection(visitor)
        first = await conn.get("/page")
        second = await conn.get("/missing")  # same kept-alive connection
        await conn.close()
        server.close()
        await server.wait_closed()
        return visitor, first, second

    # In a thread of its own: the browser tests' sync Playwright may hold a loop in this one.
    with ThreadPoolExecutor(1) as pool:
        visitor, first, second = pool.submit(asyncio.run, scenario()).result()
    assert (first.status, first.body_bytes, first.wire_bytes) == (200, 11, len(CHUNKED))
    assert (second.status, second.body_bytes, second.wire_bytes) == (404, 3, len(SIZED))
    assert visitor.received == len(CHUNKED) + len(SIZED)
    assert visitor.cookies == {"DLCSRV": "r2"}
    assert seen_cookies == [b"", b"Cookie: DLCSRV=r2"]


def test_client_refuses_other_hosts():
    import pytest

    with pytest.raises(ValueError):
        Visitor("example.org", 80)


def _run(first_visits: list[float], reruns: list[float], errors: int = 0) -> dict:
    results = []
    for i, seconds in enumerate(first_visits):
        result = VisitResult(first_visit_s=seconds, whole_s=seconds + 0.1, page_s=0.01,
                             files_s=seconds / 2, first_run_s=0.02, reruns_s=list(reruns),
                             http_bytes=1_500_000, ws_bytes=100_000, files=134)
        if i < errors:
            result.errors.append("first run: TIMEOUT")
        results.append(result)
    return {"results": results, "wall_s": 12.0, "sessions": len(results),
            "server_cpu_s": 6.0, "proxy_cpu_s": 1.0, "own_cpu_s": 2.4, "rss_mb": 330.0,
            "rss_before_mb": 300.0, "nproc": 2, "spread_s": 10.0, "loadavg": (1.0, 2.0)}


def test_rows_meet_the_targets_on_good_numbers():
    summary = summarise(_run([0.5] * 95 + [1.5] * 5, [0.05, 0.08]))
    rows = {row.measure: row for row in rows_for("2 replicas + HAProxy", summary, targets=True)}
    assert rows["errors (100 visitors over 10 s)"].status == PASS
    assert rows["first visit p95"].status == PASS
    assert rows["reruns p95"].status == PASS
    assert rows["bytes per first visit"].value == 1.6
    assert rows["bytes per first visit"].status == PASS
    assert rows["server CPU per session"].value == 60.0  # 6 CPU-s / 100 visits, in ms
    assert rows["server memory per open session"].value == 0.3
    assert rows["load generator CPU share"].value == 10.0  # 2.4 CPU-s / (12 s x 2 cores)


def test_rows_fail_on_slow_visits_and_errors():
    summary = summarise(_run([3.0] * 100, [1.5, 2.0], errors=2))
    rows = {row.measure: row for row in rows_for("2 replicas + HAProxy", summary, targets=True)}
    assert rows["errors (100 visitors over 10 s)"].value == 2
    assert rows["errors (100 visitors over 10 s)"].status == FAIL
    assert rows["first visit p95"].status == FAIL
    assert rows["reruns p95"].status == FAIL
    direct = rows_for("1 replica, direct", summary, targets=False)
    assert all(row.status == "info" for row in direct)
