"""HAProxy in front of N Streamlit replicas: the configuration and the "busy" page, written out.

    .venv/bin/python -m deploy.haproxy --replicas 2 --out /tmp/dlc-proxy   # then
    haproxy -db -f /tmp/dlc-proxy/haproxy.cfg

`scripts/serve.sh` does this and starts the replicas; `deploy/haproxy.cfg` is this module's
output for two replicas on the default ports, kept for reading (a test checks it is current).
Why each setting is there is written beside it in the configuration itself.
"""

from __future__ import annotations

import argparse
import gzip
import html
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from app.core.i18n import translate

DEPLOY_DIR = Path(__file__).resolve().parent
TEMPLATE = DEPLOY_DIR / "haproxy.cfg.template"
GZIP_LUA = DEPLOY_DIR / "gzip_static.lua"
GZIP_DIR = "gzip"
EXAMPLE = DEPLOY_DIR / "haproxy.cfg"
BUSY_HTML = "busy.html"
BUSY_HTTP = "busy.http"
COOKIE = "DLCSRV"
# Defaults of scripts/serve.sh: the proxy on port 8080 of every interface (a room reaches it
# over the local network), the replicas on loopback from port 8601.
DEFAULT_BIND = "0.0.0.0:8080"
DEFAULT_FIRST_PORT = 8601
# Open sessions (websockets) a replica is given before new visitors see the busy page. An open
# session that is only read costs a fraction of a MB and no CPU; what a replica cannot do is
# many first visits at once (bench/RESULTS.md, the stampede). 200 lets a room of 300 in on two.
DEFAULT_SESSIONS_PER_REPLICA = 200
BUSY_RETRY_SECONDS = 5
# What the proxy compresses: text that Streamlit sends as it is (its code, pages, JSON).
COMPRESSED = ("text/html", "text/css", "text/javascript", "application/javascript",
              "application/json", "image/svg+xml", "text/plain")
# Streamlit's own files compressed beforehand, with the type Streamlit sends them with.
PRECOMPRESSED = {".js": "application/javascript", ".css": "text/css",
                 ".json": "application/json", ".svg": "image/svg+xml"}


@dataclass(frozen=True)
class Replica:
    name: str
    host: str
    port: int


def replicas(count: int, first_port: int = DEFAULT_FIRST_PORT,
             host: str = "127.0.0.1") -> list[Replica]:
    if count < 1:
        raise ValueError("at least one replica")
    return [Replica(f"r{i + 1}", host, first_port + i) for i in range(count)]


def render_config(servers: list[Replica], *, bind: str = DEFAULT_BIND, runtime_dir: Path,
                  sessions_per_replica: int = DEFAULT_SESSIONS_PER_REPLICA,
                  stats_socket: bool = True) -> str:
    """The haproxy.cfg text for `servers`; `runtime_dir` holds the busy page files."""
    page_lines = "\n".join(f"    server {s.name} {s.host}:{s.port} cookie {s.name}"
                           for s in servers)
    session_lines = "\n".join(
        f"    server {s.name} {s.host}:{s.port} cookie {s.name} track pages/{s.name}"
        for s in servers)
    asset_lines = "\n".join(f"    server {s.name} {s.host}:{s.port} track pages/{s.name}"
                            for s in servers)
    socket = (f"    stats socket {runtime_dir / 'admin.sock'} mode 600 level admin"
              if stats_socket else "    # no stats socket")
    return TEMPLATE.read_text(encoding="utf-8").format(
        bind=bind, cookie=COOKIE, page_servers=page_lines, session_servers=session_lines,
        sessions_per_replica=sessions_per_replica, session_maxconn=2 * sessions_per_replica,
        room_capacity=sessions_per_replica * len(servers),
        busy_html=runtime_dir / BUSY_HTML, busy_http=runtime_dir / BUSY_HTTP,
        retry=BUSY_RETRY_SECONDS, stats_socket=socket, asset_servers=asset_lines,
        compressor_socket=runtime_dir / "compressor.sock", compress_types=" ".join(COMPRESSED),
        gzip_dir=runtime_dir / GZIP_DIR, gzip_lua=runtime_dir / GZIP_LUA.name)


def busy_page(retry_s: int = BUSY_RETRY_SECONDS) -> str:
    """The page a visitor past capacity gets, in English and French (from the catalogue): it
    reloads the same address by itself, so the link's view is kept."""
    parts = []
    for lang in ("en", "fr"):
        parts.append(
            f'<section lang="{lang}"><h1>{html.escape(translate("serving.busy.heading", lang))}'
            f'</h1><p>{html.escape(translate("serving.busy.body", lang, seconds=retry_s))}</p>'
            f'<p><a href="">{html.escape(translate("serving.busy.retry", lang))}</a></p>'
            "</section>")
    title = " / ".join(translate("serving.busy.title", lang) for lang in ("en", "fr"))
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
        f'<meta http-equiv="refresh" content="{retry_s}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<style>body{font-family:sans-serif;color:#1F2933;max-width:40rem;margin:4rem auto;"
        "padding:0 1.5rem;line-height:1.5}h1{font-size:1.4rem}section+section{margin-top:"
        "2.5rem;border-top:1px solid #d0d7de;padding-top:1.5rem}a{color:#0072B2}</style>"
        "</head><body>" + "".join(parts) + "</body></html>\n")


def busy_http_response(page: str, retry_s: int = BUSY_RETRY_SECONDS) -> str:
    """The same page as a whole HTTP response, for HAProxy's `errorfile 503`."""
    body = page.encode("utf-8")
    head = ("HTTP/1.1 503 Service Unavailable\r\n"
            "Content-Type: text/html; charset=utf-8\r\n"
            f"Content-Length: {len(body)}\r\n"
            "Cache-Control: no-store\r\n"
            f"Retry-After: {retry_s}\r\n"
            "Connection: close\r\n\r\n")
    return head + page


def streamlit_static_dir() -> Path:
    """Where the installed Streamlit keeps the files it serves at /static/."""
    import streamlit

    return Path(streamlit.__file__).resolve().parent / "static"


def precompress_static(out_dir: Path, static_dir: Path | None = None) -> int:
    """gzip -9 copies of Streamlit's /static/ text files and their index, for
    deploy/gzip_static.lua; returns how many. A file gzip does not shrink is left out."""
    root = static_dir or streamlit_static_dir()
    out_dir.mkdir(parents=True, exist_ok=True)
    lines = []
    for source in sorted((root / "static").rglob("*")):
        ctype = PRECOMPRESSED.get(source.suffix)
        if ctype is None or not source.is_file():
            continue
        data = source.read_bytes()
        packed = gzip.compress(data, 9, mtime=0)
        if len(packed) >= len(data):
            continue
        name = f"{len(lines):05d}.gz"
        (out_dir / name).write_bytes(packed)
        lines.append(f"/{source.relative_to(root).as_posix()}\t{ctype}\t{name}\n")
    (out_dir / "index.tsv").write_text("".join(lines), encoding="utf-8")
    return len(lines)


def write(out_dir: Path, servers: list[Replica], *, bind: str = DEFAULT_BIND,
          sessions_per_replica: int = DEFAULT_SESSIONS_PER_REPLICA) -> Path:
    """Write haproxy.cfg, busy.html, busy.http and the compressed copies of Streamlit's files
    into `out_dir`; return the config's path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    precompress_static(out_dir / GZIP_DIR)
    shutil.copyfile(GZIP_LUA, out_dir / GZIP_LUA.name)
    page = busy_page()
    (out_dir / BUSY_HTML).write_text(page, encoding="utf-8")
    (out_dir / BUSY_HTTP).write_bytes(busy_http_response(page).encode("utf-8"))
    config = out_dir / "haproxy.cfg"
    config.write_text(render_config(servers, bind=bind, runtime_dir=out_dir,
                                    sessions_per_replica=sessions_per_replica),
                      encoding="utf-8")
    return config


def example_config() -> str:
    """deploy/haproxy.cfg: two replicas on the default ports, files under /run/dlc-proxy."""
    return render_config(replicas(2), runtime_dir=Path("/run/dlc-proxy"))


MAX_SOCKET_PATH = 107  # bytes in a Unix socket's path (sun_path holds 108 with its NUL)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m deploy.haproxy", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--replicas", type=int, default=2)
    parser.add_argument("--first-port", type=int, default=DEFAULT_FIRST_PORT,
                        help="port of the first replica on 127.0.0.1; the others follow")
    parser.add_argument("--bind", default=DEFAULT_BIND, help="where the proxy listens")
    parser.add_argument("--sessions-per-replica", type=int,
                        default=DEFAULT_SESSIONS_PER_REPLICA,
                        help="open sessions per replica before new visitors get the busy page")
    parser.add_argument("--out", type=Path, help="folder for haproxy.cfg and the busy page")
    parser.add_argument("--example", action="store_true",
                        help="print the configuration kept as deploy/haproxy.cfg")
    args = parser.parse_args(argv)
    if args.example:
        sys.stdout.write(example_config())
        return 0
    if args.out is None:
        parser.error("--out is required (or --example)")
    # The admin socket lives in --out, and a Unix socket's path holds at most 107 bytes.
    sock = args.out.resolve() / "admin.sock"
    if len(str(sock).encode()) > MAX_SOCKET_PATH:
        parser.error(f"--out {args.out} is too deep: the admin socket's path {sock} would have "
                     f"{len(str(sock).encode())} bytes, and a Unix socket's path at most "
                     f"{MAX_SOCKET_PATH} (use a shorter folder, e.g. TMPDIR=/tmp)")
    print(write(args.out, replicas(args.replicas, args.first_port), bind=args.bind,
                sessions_per_replica=args.sessions_per_replica))
    return 0


if __name__ == "__main__":
    sys.exit(main())
