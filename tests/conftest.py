"""Shared fixtures: the tiny valid case, the broken ones, a loaded dataset, and the app run
through Streamlit's AppTest (with the bundled data, or with extra cases of the test's own)."""

from __future__ import annotations

import functools
import json
import random
import re
import shutil
import socket
import time
from collections.abc import Callable
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
CASES = FIXTURES / "cases"
BROKEN = FIXTURES / "broken"
PROJECT = Path(__file__).parents[1]
ENTRY = str(PROJECT / "app" / "streamlit_app.py")
BUNDLED_CASES = PROJECT / "data" / "cases"


def bundled_case_ids() -> list[str]:
    """The bundled cases' ids, read from their folders' datapackage.json only: cheap enough for
    `pytest.mark.parametrize` at collection, without loading (or validating) any data."""
    return sorted(json.loads(path.read_text(encoding="utf-8"))["name"]
                  for path in BUNDLED_CASES.glob("*/datapackage.json"))


@functools.cache
def bundled():
    """Every bundled case, loaded on first use (never at import) and once per run; shared,
    never modify it. Tests take it as the `bundled_dataset` fixture; helpers call it."""
    from app.core.load import load_dataset

    return load_dataset(extra_dir=None)


@functools.cache
def bundled_reference():
    """The reference tables, loaded on first use and once per run."""
    from app.core.load import load_reference

    return load_reference()


@pytest.fixture(scope="session")
def bundled_dataset():
    return bundled()


@pytest.fixture
def tiny_dataset():
    from app.core.load import load_dataset

    return load_dataset(CASES, extra_dir=None)


@pytest.fixture
def extra_cases(tmp_path, monkeypatch):
    """An empty `DLC_DATA_DIR` folder of the test's own, which the app reads beside the bundled
    cases; `add(fixture_case, case_id=None)` copies a fixture case into it (renamed when
    `case_id` is given) and returns its folder."""
    root = tmp_path / "extra-cases"
    root.mkdir()
    monkeypatch.setenv("DLC_DATA_DIR", str(root))

    def add(name: str = "tiny", case_id: str | None = None, source: Path = CASES) -> Path:
        folder = root / (case_id or name)
        shutil.copytree(source / name, folder)
        if case_id:
            package = folder / "datapackage.json"
            package.write_text(re.sub(r'"name": "[^"]*"', f'"name": "{case_id}"',
                                      package.read_text("utf-8"), count=1), "utf-8")
        return folder

    add.root = root
    return add


def run_page(page: str | None = None, *, state: dict | None = None, **params):
    """Run the app through AppTest on `page` (e.g. "app_pages/chain.py") with URL parameters,
    and `state` in the session before it (a panel opened, say), and fail on any exception
    shown."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(ENTRY, default_timeout=60)
    if page:
        at.switch_page(page)
    for key, value in params.items():
        at.query_params[key] = value
    for key, value in (state or {}).items():
        at.session_state[key] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def rerun(at):
    """Run an AppTest again (after a widget or file change), failing on any exception."""
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def graph_data(at) -> dict:
    """The nodes and edges of the chain graph a page drew (the JSON in its frame)."""
    srcdoc = at.get("iframe")[0].proto.srcdoc
    match = re.search(r"var data = (.*);\n  var container", srcdoc)
    assert match, "no graph data in the frame"
    return json.loads(match.group(1))


def shown_in_graph(at) -> tuple[set[str], set[str]]:
    """The actor ids and link ids the graph shows (not hidden)."""
    data = graph_data(at)
    return ({n["actor_id"] for n in data["nodes"] if not n.get("hidden")},
            {e["link_id"] for e in data["edges"] if not e.get("hidden")})


# The colours readers learn once and meet on every page, written out here (not read from
# app/charts/palette.py) so that a swapped or shared colour fails a test.
# Actor types: the Okabe-Ito palette, safe for the common colour-vision deficiencies; grey for
# the supervisors, which Okabe-Ito's black would make read as text.
OKABE_ITO = {"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7",
             "#000000"}
ACTOR_TYPE_HEX = {
    "client": "#56B4E9",         # sky blue
    "ai_company": "#0072B2",     # blue
    "platform": "#E69F00",       # orange
    "vendor": "#F0E442",         # yellow
    "subcontractor": "#CC79A7",  # reddish purple
    "supervisor": "#7F7F7F",     # grey
    "worker_pool": "#D55E00",    # vermilion
    "end_user": "#009E73",       # bluish green
}
# The three functions: from Paul Tol's schemes, none of them an actor type's colour.
FUNCTION_HEX = {"preparation": "#0077BB", "verification": "#EE7733",
                "impersonation": "#AA3377"}
OFFER_TYPE_HEX = {"generalist": "#DDCC77", "generalist_ai": "#44AA99",
                  "specialized_ai": "#332288"}


def scale_pairs(scale: dict) -> dict:
    """A chart's colour scale as {value: colour}: domain and range read together."""
    assert len(scale["domain"]) == len(scale["range"]), scale
    return dict(zip(scale["domain"], scale["range"]))


def free_ports(n: int = 1) -> list[int]:
    """`n` consecutive free loopback ports, taken below the range the system picks outgoing
    connections' ports from: no connection made meanwhile (a browser's, a test's running
    beside this one) can take one before the server binds it."""
    try:
        low = int(Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        low = 32768
    for _ in range(200):
        first = random.randrange(10_000, max(10_001, low - n))
        try:
            for port in range(first, first + n):
                with socket.socket() as probe:
                    probe.bind(("127.0.0.1", port))
            return list(range(first, first + n))
        except OSError:
            continue
    raise RuntimeError("no free ports")


def wait_until(condition: Callable[[], object], timeout: float, what: str | Callable[[], str],
               pause: float = 0.2):
    """Ask `condition` again and again until it gives something true, and return that; fail
    with `what` (a text, or a function giving one, such as a server's log so far) once
    `timeout` seconds have passed. For conditions outside a page (a server's port, its log);
    on a page, Playwright's `expect` waits."""
    deadline = time.monotonic() + timeout
    while True:
        result = condition()
        if result:
            return result
        if time.monotonic() >= deadline:
            raise AssertionError(f"not within {timeout:g} s: {what() if callable(what) else what}")
        time.sleep(pause)
