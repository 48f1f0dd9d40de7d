"""Replicas and HAProxy on loopback, from Python: what `scripts/serve.sh` starts, for the tests
and the benchmark, with the means to kill a replica and bring it back.

Every process it starts is stopped by `stop()` (or on leaving the `with` block); it listens on
127.0.0.1 only, on free ports.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from deploy.haproxy import DEFAULT_SESSIONS_PER_REPLICA, Replica, write

PROJECT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"


def haproxy_path() -> str | None:
    """Debian's haproxy, or None when it is not installed."""
    return shutil.which("haproxy") or next(
        (p for p in ("/usr/sbin/haproxy", "/usr/local/sbin/haproxy") if os.access(p, os.X_OK)),
        None)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as resp:
            return resp.status == 200
    except OSError:
        return False


class LocalRoom:
    """N replicas of the app on loopback and HAProxy in front of them."""

    def __init__(self, replicas: int = 2, *, project: Path = PROJECT,
                 env_extra: dict | None = None,
                 sessions_per_replica: int = DEFAULT_SESSIONS_PER_REPLICA,
                 log_dir: Path | None = None, options: dict | None = None):
        self.count = replicas
        self.project = Path(project)
        self.env_extra = env_extra or {}
        self.options = options or {}
        self.sessions_per_replica = sessions_per_replica
        self.runtime = Path(tempfile.mkdtemp(prefix="dlc-room-"))
        self.log_dir = Path(log_dir) if log_dir else self.runtime
        self.replicas: list[Replica] = []
        self.procs: dict[str, subprocess.Popen] = {}
        self.proxy: subprocess.Popen | None = None
        self.port = 0

    @property
    def base(self) -> str:
        return f"http://{HOST}:{self.port}"

    def replica(self, name: str) -> Replica:
        return next(r for r in self.replicas if r.name == name)

    def pid(self, name: str) -> int:
        return self.procs[name].pid

    # -- replicas ---------------------------------------------------------------------------

    def _start_replica(self, replica: Replica) -> None:
        env = (os.environ | {"MALLOC_ARENA_MAX": "2", "STREAMLIT_BROWSER_GATHER_USAGE_STATS":
                             "false"} | self.env_extra)
        if self.project != PROJECT:  # import `app` from that copy, not the editable install
            env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(self.project),
                                                              env.get("PYTHONPATH", "")]))
        cmd = [sys.executable, "-m", "streamlit", "run", "app/serve.py",
               "--server.address", HOST, "--server.port", str(replica.port),
               "--server.headless", "true"]
        for key, value in self.options.items():
            cmd += [f"--{key}", str(value)]
        self.log_dir.mkdir(parents=True, exist_ok=True)
        with (self.log_dir / f"replica-{replica.name}-{replica.port}.log").open("ab") as log:
            self.procs[replica.name] = subprocess.Popen(
                cmd, cwd=self.project, env=env, stdout=log, stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL)

    def _wait_replica(self, replica: Replica, timeout: float = 90.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.procs[replica.name].poll() is not None:
                raise RuntimeError(f"replica {replica.name} exited: {self.log(replica.name)}")
            if healthy(f"http://{HOST}:{replica.port}/_stcore/health"):
                return
            time.sleep(0.1)
        raise RuntimeError(f"replica {replica.name} not healthy in {timeout} s")

    def kill(self, name: str) -> None:
        """Kill a replica as a crash would (SIGKILL: no goodbye to its sessions)."""
        proc = self.procs[name]
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)

    def restart(self, name: str) -> None:
        replica = self.replica(name)
        if self.procs[name].poll() is None:
            return
        self._start_replica(replica)
        self._wait_replica(replica)

    def log(self, name: str) -> str:
        replica = self.replica(name)
        path = self.log_dir / f"replica-{replica.name}-{replica.port}.log"
        return path.read_text(errors="replace")[-3000:] if path.exists() else ""

    # -- the proxy --------------------------------------------------------------------------

    def start(self) -> LocalRoom:
        haproxy = haproxy_path()
        if haproxy is None:
            raise RuntimeError("haproxy is not installed (scripts/run-tests.sh installs it)")
        try:
            self.replicas = [Replica(f"r{i + 1}", HOST, free_port()) for i in range(self.count)]
            for replica in self.replicas:
                self._start_replica(replica)
            for replica in self.replicas:
                self._wait_replica(replica)
            self.port = free_port()
            config = write(self.runtime, self.replicas, bind=f"{HOST}:{self.port}",
                           sessions_per_replica=self.sessions_per_replica)
            with (self.log_dir / "haproxy.log").open("ab") as log:
                self.proxy = subprocess.Popen([haproxy, "-db", "-f", str(config)],
                                              stdout=log, stderr=subprocess.STDOUT,
                                              stdin=subprocess.DEVNULL)
            deadline = time.monotonic() + 30
            while not healthy(f"{self.base}/_stcore/health"):
                if self.proxy.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("haproxy did not start: " + (
                        self.log_dir / "haproxy.log").read_text(errors="replace")[-2000:])
                time.sleep(0.1)
            return self
        except BaseException:
            self.stop()
            raise

    def admin(self, command: str) -> str:
        """A command on HAProxy's stats socket (e.g. "show cache", "show stat")."""
        with socket.socket(socket.AF_UNIX) as sock:
            sock.settimeout(5)
            sock.connect(str(self.runtime / "admin.sock"))
            sock.sendall(command.encode() + b"\n")
            chunks = []
            while chunk := sock.recv(65536):
                chunks.append(chunk)
        return b"".join(chunks).decode(errors="replace")

    def server_up(self, name: str) -> bool:
        """Whether HAProxy's health check sees the replica `name` up (backend "pages")."""
        for line in self.admin("show stat").splitlines():
            fields = line.split(",")
            if len(fields) > 17 and fields[0] == "pages" and fields[1] == name:
                return fields[17].startswith("UP")
        return False

    def stop(self) -> None:
        procs = ([self.proxy] if self.proxy else []) + list(self.procs.values())
        for proc in procs:
            if proc.poll() is None:
                proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)
        if self.log_dir != self.runtime:
            shutil.rmtree(self.runtime, ignore_errors=True)

    def __enter__(self) -> LocalRoom:
        return self.start() if self.proxy is None else self

    def __exit__(self, *exc) -> None:
        self.stop()
