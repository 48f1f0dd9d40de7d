"""Start and stop `streamlit run` on loopback, wait until healthy, read the server's memory.

Both the app and the hello-world baseline are run from the project root, so the project's
`.streamlit/config.toml` applies to both (same Streamlit, same settings); the command line only
adds the loopback address, a free port and headless mode, as tests/browser/conftest.py does.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import tomllib
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
# What scripts/run-app.sh serves; a copy of older code (`--project`) may only have the page
# script, which Streamlit serves without the page shell of app/serve.py.
APP_SCRIPT = "app/serve.py"
PAGE_SCRIPT = "app/streamlit_app.py"
HELLO_SCRIPT = str(Path(__file__).resolve().parent / "hello_app.py")
CHART_FLOOR_SCRIPT = str(Path(__file__).resolve().parent / "chart_floor_app.py")
CHART_FLOOR_PAGES_SCRIPT = str(Path(__file__).resolve().parent / "chart_floor_pages_app.py")
# The environment scripts/run-app.sh serves the app with (fewer malloc arenas, so that memory
# freed by closed sessions is reused); a value set in the caller's environment wins, as there.
SERVICE_ENV = {"MALLOC_ARENA_MAX": "2"}
# server.disconnectedSessionTTL when the project's config does not set it (Streamlit's default).
STREAMLIT_SESSION_TTL_S = 120
# The project the servers run (`--project` of the benchmark: a copy of the app to try a change).
settings = {"project": PROJECT}
HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def session_ttl_s(project: Path | None = None) -> float:
    """How long Streamlit keeps a closed session for reconnection, as the project sets it."""
    path = Path(project or settings["project"]) / ".streamlit" / "config.toml"
    config = tomllib.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    return float(config.get("server", {}).get("disconnectedSessionTTL", STREAMLIT_SESSION_TTL_S))


def cpu_s(pid: int) -> float:
    """User + system CPU time the process has used, in seconds (/proc/PID/stat)."""
    with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
        fields = handle.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_mb(pid: int) -> float:
    """Resident memory of a process (VmRSS in /proc/PID/status), in MB."""
    return _status_kb(pid, "VmRSS") / 1024


def peak_rss_mb(pid: int) -> float:
    return _status_kb(pid, "VmHWM") / 1024


def _status_kb(pid: int, key: str) -> float:
    with open(f"/proc/{pid}/status", encoding="ascii") as handle:
        for line in handle:
            if line.startswith(key + ":"):
                return float(line.split()[1])
    raise RuntimeError(f"no {key} for process {pid}")


@dataclass
class Server:
    """A running `streamlit run`; use as a context manager (stopped on exit)."""

    script: str
    env_extra: dict = field(default_factory=dict)
    options: dict = field(default_factory=dict)  # extra --key value options
    port: int = 0
    proc: subprocess.Popen | None = None
    started_at: float = 0.0
    healthy_after_s: float | None = None
    log_path: Path | None = None

    @property
    def base(self) -> str:
        return f"http://{HOST}:{self.port}"

    @property
    def pid(self) -> int:
        assert self.proc is not None
        return self.proc.pid

    def command(self) -> list[str]:
        cmd = [sys.executable, "-m", "streamlit", "run", self.script,
               "--server.address", HOST, "--server.port", str(self.port),
               "--server.headless", "true"]
        for key, value in self.options.items():
            cmd += [f"--{key}", str(value)]
        return cmd

    def start(self, timeout: float = 90.0) -> Server:
        self.port = self.port or free_port()
        project = Path(settings["project"])
        env = (SERVICE_ENV | os.environ | {"STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
               | self.env_extra)
        if project != PROJECT:  # import `app` from the copy, not from the editable install
            env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(project),
                                                              env.get("PYTHONPATH", "")]))
        log_dir = PROJECT / "bench" / "results" / "logs"
        log_dir.mkdir(parents=True, exist_ok=True)
        self.log_path = log_dir / f"{Path(self.script).stem}-{self.port}.log"
        log = self.log_path.open("wb")
        self.started_at = time.perf_counter()
        self.proc = subprocess.Popen(self.command(), cwd=project, env=env, stdout=log,
                                     stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        log.close()
        deadline = self.started_at + timeout
        while time.perf_counter() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.script} exited:\n{self.log()}")
            if self.healthy():
                self.healthy_after_s = time.perf_counter() - self.started_at
                return self
            time.sleep(0.02)
        self.stop()
        raise RuntimeError(f"{self.script} did not become healthy in {timeout} s:\n{self.log()}")

    def healthy(self) -> bool:
        try:
            with urllib.request.urlopen(f"{self.base}/_stcore/health", timeout=2) as resp:
                return resp.status == 200
        except OSError:
            return False

    def log(self) -> str:
        if self.log_path and self.log_path.exists():
            return self.log_path.read_text(errors="replace")[-3000:]
        return ""

    def rss_mb(self) -> float:
        return rss_mb(self.pid)

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.terminate()
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=10)

    def __enter__(self) -> Server:
        return self.start() if self.proc is None else self

    def __exit__(self, *exc) -> None:
        self.stop()


def app_server(**kwargs) -> Server:
    served = APP_SCRIPT if (Path(settings["project"]) / APP_SCRIPT).is_file() else PAGE_SCRIPT
    return Server(served, **kwargs)


def hello_server(**kwargs) -> Server:
    return Server(HELLO_SCRIPT, **kwargs)


def chart_floor_server(**kwargs) -> Server:
    return Server(CHART_FLOOR_SCRIPT, **kwargs)


def chart_floor_pages_server(**kwargs) -> Server:
    return Server(CHART_FLOOR_PAGES_SCRIPT, **kwargs)
