"""The README's launch command makes no request outside the machine, server side included.


Python's HTTP clients send outside requests through the proxy named in the environment, so
the server is started with a proxy that only records: whatever the server tries to reach
(a telemetry host, an "external IP" lookup) shows up there. The browser side is checked by
every other browser test.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import threading
import urllib.request

from conftest import wait_until
from tests.browser.conftest import PROJECT, assert_clean, free_port, wait_for_charts

START_TIMEOUT_S = 90
# The launch command first checks the install (scripts/setup.sh), which may ask the package
# index: the one place the project is allowed to reach. The app itself may reach nothing.
PACKAGE_INDEX = ("pypi.org:", "files.pythonhosted.org:")
# Streamlit prints its address once started, after looking up the machine's public address
# when it is asked to (a request this test must see): that line is waited for.
STARTED_LINE = "URL: "


class RecordingProxy:
    """A listener on loopback that notes the first bytes of every connection and closes it."""

    def __init__(self):
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.seen: list[str] = []
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)

    def _serve(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            with conn:
                conn.settimeout(1.0)
                try:
                    first = conn.recv(200).decode("latin-1").splitlines()[:1]
                except OSError:
                    first = []
                self.seen.append(first[0] if first else "(connection)")

    def __enter__(self) -> RecordingProxy:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop.set()
        self.thread.join(2)
        self.sock.close()


def _healthy(base: str) -> bool:
    try:
        with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as resp:
            return resp.status == 200
    except OSError:
        return False


def test_launch_command_serves_pages_without_any_outside_request(watched, tmp_path):
    port = free_port()
    with RecordingProxy() as proxy:
        address = f"http://127.0.0.1:{proxy.port}"
        env = {k: v for k, v in os.environ.items() if not k.startswith("STREAMLIT_")}
        env |= {name: address for name in ("http_proxy", "https_proxy", "HTTP_PROXY",
                                           "HTTPS_PROXY", "all_proxy", "ALL_PROXY")}
        env |= {"no_proxy": "localhost,127.0.0.1", "NO_PROXY": "localhost,127.0.0.1",
                "PIP_RETRIES": "0"}  # the set-up's index check fails fast here
        # As a reader starts it (README), on another port: no address, no telemetry flag.
        log_path = tmp_path / "app.log"
        env["PYTHONUNBUFFERED"] = "1"  # the log is read while the app runs
        with log_path.open("wb") as log:
            proc = subprocess.Popen(["bash", "scripts/run-app.sh", "--server.port", str(port)],
                                    cwd=PROJECT, env=env, stdout=log, stderr=subprocess.STDOUT,
                                    start_new_session=True)
        base = f"http://localhost:{port}"

        def output() -> str:
            return log_path.read_bytes().decode(errors="replace")

        try:
            def started() -> bool:
                assert proc.poll() is None, "the app stopped:\n" + output()[-2000:]
                return _healthy(base)

            wait_until(started, START_TIMEOUT_S,
                       lambda: "the app did not start:\n" + output()[-2000:])
            wait_until(lambda: STARTED_LINE in output(), START_TIMEOUT_S,
                       lambda: "the app printed no address:\n" + output()[-2000:])
            watched.page.goto(f"{base}/flows")
            wait_for_charts(watched.page, 1, timeout=60_000)
            assert_clean(watched)
        finally:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=20)
    outside = [line for line in proxy.seen
               if not (line.startswith("CONNECT ") and line.split()[1].startswith(PACKAGE_INDEX))]
    assert outside == [], outside
    assert "external IP" not in output(), output()[-2000:]
