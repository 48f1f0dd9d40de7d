"""A small HTTP/1.1 GET client on asyncio streams, for the stampede: keep-alive connections, a
cookie jar per visitor, and the bytes that crossed the wire counted as they arrive.

A browser's headers (Accept-Encoding as Chromium sends it), bodies read and counted but not
decompressed (the server's work is what is measured). Loopback only; every read is bounded by
a timeout.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

LOOPBACK = {"127.0.0.1", "localhost", "::1"}
BROWSER_HEADERS = {
    "User-Agent": "Mozilla/5.0 (X11; Linux x86_64) dlc-bench",
    "Accept": "*/*",
    "Accept-Encoding": "gzip, deflate, br, zstd",
    "Accept-Language": "en-GB,en;q=0.9",
}


class HttpError(RuntimeError):
    pass


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    wire_bytes: int
    body_bytes: int


@dataclass
class Visitor:
    """What one browser keeps between requests: cookies, and bytes received so far."""

    host: str
    port: int
    timeout: float = 60.0
    cookies: dict[str, str] = field(default_factory=dict)
    received: int = 0

    def __post_init__(self) -> None:
        if self.host not in LOOPBACK:
            raise ValueError(f"the stampede talks to loopback only, not {self.host!r}")

    def cookie_header(self) -> str:
        return "; ".join(f"{k}={v}" for k, v in self.cookies.items())

    def note_cookies(self, set_cookies: list[str]) -> None:
        for raw in set_cookies:
            name, _, value = raw.split(";", 1)[0].partition("=")
            if name.strip():
                self.cookies[name.strip()] = value.strip()


class Connection:
    """One keep-alive connection of a visitor (a browser opens up to six per host)."""

    def __init__(self, visitor: Visitor):
        self.visitor = visitor
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def _open(self) -> None:
        self.reader, self.writer = await asyncio.wait_for(
            asyncio.open_connection(self.visitor.host, self.visitor.port), self.visitor.timeout)

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            try:
                await asyncio.wait_for(self.writer.wait_closed(), 5)
            except Exception:  # noqa: BLE001 - closing is best effort
                pass
            self.writer = self.reader = None

    async def get(self, path: str) -> Response:
        try:
            return await asyncio.wait_for(self._get(path), self.visitor.timeout)
        except asyncio.TimeoutError as error:
            await self.close()
            raise HttpError(f"GET {path}: no answer in {self.visitor.timeout:.0f} s") from error

    async def _get(self, path: str, retried: bool = False) -> Response:
        if self.writer is None:
            await self._open()
        headers = BROWSER_HEADERS | {"Host": f"{self.visitor.host}:{self.visitor.port}"}
        if self.visitor.cookies:
            headers["Cookie"] = self.visitor.cookie_header()
        request = f"GET {path} HTTP/1.1\r\n" + "".join(
            f"{k}: {v}\r\n" for k, v in headers.items()) + "\r\n"
        self.writer.write(request.encode("latin-1"))
        try:
            status_line = await self.reader.readline()
        except ConnectionError:
            status_line = b""
        if not status_line and not retried:  # the server closed a kept-alive connection
            await self.close()
            return await self._get(path, retried=True)
        if not status_line:
            raise HttpError(f"GET {path}: connection closed")
        wire = len(status_line)
        parts = status_line.split(None, 2)
        status = int(parts[1])
        response_headers: dict[str, str] = {}
        set_cookies: list[str] = []
        while True:
            line = await self.reader.readline()
            wire += len(line)
            if line in (b"\r\n", b"\n", b""):
                break
            name, _, value = line.decode("latin-1").partition(":")
            name, value = name.strip().lower(), value.strip()
            if name == "set-cookie":
                set_cookies.append(value)
            response_headers[name] = value
        self.visitor.note_cookies(set_cookies)
        body = 0
        if response_headers.get("transfer-encoding", "").lower() == "chunked":
            while True:
                size_line = await self.reader.readline()
                wire += len(size_line)
                size = int(size_line.split(b";")[0].strip() or b"0", 16)
                chunk = await self.reader.readexactly(size + 2)
                wire += len(chunk)
                body += size
                if size == 0:
                    # trailers end with an empty line (already read as the chunk's CRLF)
                    break
        elif "content-length" in response_headers:
            length = int(response_headers["content-length"])
            await self.reader.readexactly(length)
            wire += length
            body = length
        else:  # read until close
            data = await self.reader.read()
            wire += len(data)
            body = len(data)
            await self.close()
        if response_headers.get("connection", "").lower() == "close":
            await self.close()
        self.visitor.received += wire
        return Response(status, response_headers, wire, body)
