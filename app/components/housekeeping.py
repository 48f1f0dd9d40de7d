"""Memory given back after a crowd has left: collected and trimmed once the server is quiet.

Streamlit drops a closed session some time after it closes (`server.disconnectedSessionTTL`),
and what the session held then waits for Python's cycle collector; CPython, glibc and Arrow's
own memory pool (which serialises every table and chart) keep freed memory for reuse. So once
no script has run for `QUIET_SECONDS`, a background thread collects cycles and hands free
memory back to the system, once per quiet spell. It never competes with a busy server, and a
reader who pauses costs one collection (tens of ms).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import gc
import threading
import time
from dataclasses import dataclass

import pyarrow

QUIET_SECONDS = 5.0
CHECK_SECONDS = 1.0


@dataclass
class Activity:
    """When a script last ran, and whether memory has been tidied since."""

    last_run: float = 0.0
    tidied: bool = True

    def note_run(self, now: float) -> None:
        self.last_run = now
        self.tidied = False

    def due(self, now: float) -> bool:
        return not self.tidied and now - self.last_run >= QUIET_SECONDS


@functools.cache  # finding the C library may run `ldconfig`: once per process
def _malloc_trim():
    """glibc's malloc_trim, or None where the C library has none (musl, macOS)."""
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim
    except (OSError, AttributeError):
        return None


def release_memory() -> int:
    """Collect unreachable cycles and return free pages of the C heap and of Arrow's pool to
    the system; the number of objects collected."""
    collected = gc.collect()
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
    pyarrow.default_memory_pool().release_unused()
    return collected


_activity = Activity()
_lock = threading.Lock()
_thread: threading.Thread | None = None


def _tidy_when_quiet() -> None:
    while True:
        time.sleep(CHECK_SECONDS)
        if _activity.due(time.monotonic()):
            _activity.tidied = True
            release_memory()


def note_run() -> None:
    """Called once per script run: the tidy-up waits until runs stop for a while."""
    global _thread
    _activity.note_run(time.monotonic())
    with _lock:
        if _thread is None:
            _thread = threading.Thread(target=_tidy_when_quiet, name="memory-housekeeping",
                                       daemon=True)
            _thread.start()
