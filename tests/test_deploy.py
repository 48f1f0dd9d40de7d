"""The proxy's configuration as written out for N replicas, its "busy" page, and serve.sh's
command line (no server started; tests/browser/test_proxy.py runs the real thing)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))  # `deploy` is a folder of the project, not a package

from deploy import haproxy  # noqa: E402
from deploy.local import haproxy_path  # noqa: E402


def test_kept_example_is_what_the_module_writes():
    assert (PROJECT / "deploy" / "haproxy.cfg").read_text(encoding="utf-8") == \
        haproxy.example_config(), "run: python -m deploy.haproxy --example > deploy/haproxy.cfg"


def test_every_replica_is_in_every_backend_with_its_cookie(tmp_path):
    text = haproxy.render_config(haproxy.replicas(3, first_port=9100), runtime_dir=tmp_path,
                                 bind="127.0.0.1:9000", sessions_per_replica=50)
    for name, port in (("r1", 9100), ("r2", 9101), ("r3", 9102)):
        assert f"server {name} 127.0.0.1:{port} cookie {name}\n" in text
        assert f"server {name} 127.0.0.1:{port} cookie {name} track pages/{name}" in text
        assert f"server {name} 127.0.0.1:{port} track pages/{name}" in text
    assert "be_conn(sessions) ge 150" in text  # 3 replicas x 50 sessions
    assert "bind 127.0.0.1:9000" in text
    for setting in ("option redispatch 1", "option httpchk GET /_stcore/health",
                    "cookie DLCSRV insert indirect nocache", "timeout tunnel 1h",
                    "process-vary on", "compression algo gzip",
                    f"errorfile 503 {tmp_path / 'busy.http'}"):
        assert setting in text, setting
    assert not re.search(r"\{[a-z_]+\}", text), "a template field was left unfilled"


@pytest.mark.skipif(haproxy_path() is None, reason="haproxy is not installed "
                    "(scripts/run-tests.sh installs Debian's haproxy)")
def test_haproxy_accepts_what_is_written(tmp_path):
    config = haproxy.write(tmp_path, haproxy.replicas(2, first_port=9200),
                           bind="127.0.0.1:9001")
    done = subprocess.run([haproxy_path(), "-c", "-f", str(config)], capture_output=True,
                          text=True, timeout=30)
    assert done.returncode == 0, done.stdout + done.stderr


def test_busy_page_in_both_languages_reloads_itself(tmp_path):
    haproxy.write(tmp_path, haproxy.replicas(1))
    page = (tmp_path / "busy.html").read_text(encoding="utf-8")
    assert "Many people are opening this dashboard right now." in page
    assert "Beaucoup de personnes ouvrent ce tableau de bord en ce moment." in page
    assert '<meta http-equiv="refresh" content="5">' in page
    raw = (tmp_path / "busy.http").read_bytes()
    head, _, body = raw.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 503 ")
    assert f"Content-Length: {len(body)}".encode() in head
    assert body.decode("utf-8") == page
    assert len(raw) < 16384  # HAProxy's errorfile must fit in one buffer


def test_serve_script_checks_its_options():
    script = PROJECT / "scripts" / "serve.sh"
    assert subprocess.run(["bash", "-n", str(script)]).returncode == 0
    shown = subprocess.run(["bash", str(script), "--help"], capture_output=True, text=True,
                           timeout=30)
    assert shown.returncode == 0 and "--replicas" in shown.stdout
    for bad in (["--replicas", "0"], ["--replicas", "two"], ["--colour", "red"]):
        done = subprocess.run(["bash", str(script), *bad], capture_output=True, text=True,
                              timeout=30)
        assert done.returncode == 2, (bad, done.stderr)


def test_precompressed_copies_are_the_files_and_only_text(tmp_path):
    import gzip

    static = tmp_path / "streamlit-static"
    (static / "static" / "js").mkdir(parents=True)
    (static / "static" / "media").mkdir()
    script = b"export const x = 1;\n" * 500
    (static / "static" / "js" / "index.abc.js").write_bytes(script)
    (static / "static" / "js" / "tiny.js").write_bytes(b"1")  # gzip would only grow it
    (static / "static" / "media" / "font.woff2").write_bytes(bytes(range(256)) * 40)
    (static / "index.html").write_text("<html></html>")  # not under /static/
    out = tmp_path / "gzip"
    assert haproxy.precompress_static(out, static) == 1
    index = (out / "index.tsv").read_text(encoding="utf-8").splitlines()
    assert index == ["/static/js/index.abc.js\tapplication/javascript\t00000.gz"]
    assert gzip.decompress((out / "00000.gz").read_bytes()) == script
