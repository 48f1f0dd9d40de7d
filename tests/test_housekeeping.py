"""Memory is tidied once the server is quiet, and only then."""

import gc
import threading

from app.components import housekeeping
from app.components.housekeeping import QUIET_SECONDS, Activity, release_memory


def test_tidy_up_waits_for_a_quiet_spell_and_happens_once_per_spell():
    activity = Activity()
    assert not activity.due(1000.0)  # nothing has run yet
    activity.note_run(1000.0)
    assert not activity.due(1000.0 + QUIET_SECONDS / 2)
    activity.note_run(1000.0 + QUIET_SECONDS / 2)  # a run postpones it
    assert not activity.due(1000.0 + QUIET_SECONDS)
    assert activity.due(1000.0 + QUIET_SECONDS * 1.5)
    activity.tidied = True
    assert not activity.due(1000.0 + QUIET_SECONDS * 10)


def test_release_memory_collects_unreachable_cycles():
    class Node:
        pass

    gc.collect()
    a, b = Node(), Node()
    a.other, b.other = b, a
    del a, b
    assert release_memory() >= 2


def test_release_memory_empties_arrow_pool_too(monkeypatch):
    released = []

    class Pool:
        def release_unused(self):
            released.append(True)

    monkeypatch.setattr(housekeeping.pyarrow, "default_memory_pool", Pool)
    release_memory()
    assert released == [True]


def test_runs_start_one_housekeeping_thread_for_the_process():
    housekeeping.note_run()
    housekeeping.note_run()
    threads = [t for t in threading.enumerate() if t.name == "memory-housekeeping"]
    assert len(threads) == 1 and threads[0].daemon
    assert not housekeeping._activity.tidied
