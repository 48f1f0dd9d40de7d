"""`bash scripts/serve.sh` end to end: two replicas and HAProxy come up on loopback, a page
through the proxy gets its replica's cookie, and Ctrl-C (SIGINT to the terminal's process
group) stops every process it started and removes its files."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import tempfile
import sys
import urllib.request
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))  # `deploy` is a folder of the project, not a package

from conftest import free_ports, wait_until  # noqa: E402
from deploy.local import haproxy_path  # noqa: E402


def _as_a_terminal_would() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)  # a shell's background job ignores it
    os.setsid()


def _group(pgid: int) -> list[str]:
    done = subprocess.run(["ps", "-o", "pid=,args=", "-g", str(pgid)], capture_output=True,
                          text=True)
    return [line for line in done.stdout.splitlines() if line.strip()]


def test_serve_starts_replicas_behind_the_proxy_and_ctrl_c_stops_them(tmp_path):
    if haproxy_path() is None:
        pytest.skip("haproxy is not installed (scripts/run-tests.sh installs Debian's haproxy)")
    proxy_port, first_replica, _ = free_ports(3)
    log = (tmp_path / "serve.log").open("w")
    # A short folder for serve.sh's runtime files: the proxy's admin socket is one, and a Unix
    # socket's path is limited to 107 bytes (pytest's own folders can be deeper).
    runtime_parent = Path(tempfile.mkdtemp(prefix="dlc-test-"))
    proc = subprocess.Popen(
        ["bash", "scripts/serve.sh", "--replicas", "2", "--address", "127.0.0.1",
         "--port", str(proxy_port), "--first-replica-port", str(first_replica)],
        cwd=PROJECT, stdout=log, stderr=subprocess.STDOUT, preexec_fn=_as_a_terminal_would,
        env=os.environ | {"TMPDIR": str(runtime_parent)})
    try:
        def served_cookie() -> str | None:
            """The cookie of the page through the proxy, once it answers (None before)."""
            assert proc.poll() is None, (tmp_path / "serve.log").read_text()
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{proxy_port}/chain",
                                            timeout=2) as resp:
                    return resp.headers.get("Set-Cookie", "") or "(no cookie)"
            except OSError:
                return None

        cookie = wait_until(served_cookie, 180, lambda: (tmp_path / "serve.log").read_text())
        assert re.match(r"DLCSRV=r[12];", cookie), cookie
        for port in (first_replica, first_replica + 1):
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health",
                                        timeout=5) as resp:
                assert resp.status == 200
        running = _group(proc.pid)
        assert sum("streamlit" in line for line in running) == 2, running
        assert sum("haproxy" in line for line in running) == 1, running
        assert [p for p in runtime_parent.iterdir() if p.name.startswith("dlc-serve.")]

        os.killpg(proc.pid, signal.SIGINT)  # Ctrl-C
        assert proc.wait(timeout=60) == 130
        assert _group(proc.pid) == []
        assert not [p for p in runtime_parent.iterdir() if p.name.startswith("dlc-serve.")]
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)
        log.close()
        shutil.rmtree(runtime_parent, ignore_errors=True)


def test_a_runtime_folder_too_deep_for_the_admin_socket_is_refused_with_the_reason(tmp_path):
    deep = tmp_path / ("d" * 60) / ("e" * 60)
    result = subprocess.run([sys.executable, "-m", "deploy.haproxy", "--out", str(deep)],
                            cwd=PROJECT, capture_output=True, text=True)
    assert result.returncode == 2
    assert "admin.sock" in result.stderr and "at most 107" in result.stderr
    assert not deep.exists()
