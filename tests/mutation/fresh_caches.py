"""A pytest plugin for mutation runs (scripts/mutate.sh): every test starts from empty caches.

The app remembers results between calls (a chain's layout, a link's shapes). In a mutation
run a remembered result would hide the mutated code: the traced run would tie only the first
test of a chain to the layout code, and a mutant's tests could be served what the clean code
computed. So, before each test, the caches of the app's modules are emptied.
"""

from __future__ import annotations

import functools
import sys


def pytest_runtest_setup(item) -> None:
    for name, module in list(sys.modules.items()):
        if name == "app" or name.startswith("app."):
            for value in list(vars(module).values()):
                if isinstance(value, functools._lru_cache_wrapper):
                    value.cache_clear()
    layout = sys.modules.get("app.charts.chain_layout")
    if layout is not None:
        layout._CROSSED.clear()
