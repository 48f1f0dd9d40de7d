"""Turning measurements into result rows (value, baseline, ratio, target, PASS/FAIL) and text.

Pure functions, no server: tests/test_bench.py checks them on canned numbers.
"""

from __future__ import annotations

import json
import math
import statistics
from dataclasses import asdict, dataclass
from pathlib import Path

PASS, FAIL, INFO, SKIP, ERROR = "PASS", "FAIL", "info", "skipped", "ERROR"


@dataclass
class Row:
    section: str
    measure: str
    value: float | None
    unit: str = ""
    baseline: float | None = None  # the hello-world (or reference) value the ratio divides by
    ratio: float | None = None
    target: str = ""  # e.g. "<= 1.5" (applies to the ratio when there is a baseline)
    status: str = INFO
    note: str = ""

    def as_dict(self) -> dict:
        return asdict(self)


def judge(checked: float | None, limit: float | None, op: str = "<=") -> str:
    """PASS/FAIL of `checked op limit`; info when there is no limit, ERROR when no value."""
    if limit is None:
        return INFO
    if checked is None or (isinstance(checked, float) and math.isnan(checked)):
        return ERROR
    ok = {"<=": checked <= limit, ">=": checked >= limit, "<": checked < limit,
          ">": checked > limit, "==": checked == limit}[op]
    return PASS if ok else FAIL


def measure(section: str, name: str, value: float | None, unit: str = "", *,
            baseline: float | None = None, limit: float | None = None, op: str = "<=",
            note: str = "") -> Row:
    """A row; with a baseline the ratio value/baseline is what the limit is checked against."""
    ratio = None
    if baseline is not None and value is not None and baseline > 0:
        ratio = value / baseline
    checked = ratio if baseline is not None else value
    target = "" if limit is None else f"{op} {limit:g}"
    if baseline is not None and limit is not None:
        target += "x"
    elif limit is not None and unit:
        target += f" {unit}"
    return Row(section, name, value, unit, baseline, ratio, target, judge(checked, limit, op),
               note)


def skipped(section: str, name: str, why: str) -> Row:
    return Row(section, name, None, status=SKIP, note=why)


def failed(section: str, name: str, why: str) -> Row:
    return Row(section, name, None, status=ERROR, note=why)


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0-100), linear between closest ranks; NaN for no values."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = (len(ordered) - 1) * q / 100
    lo, hi = math.floor(k), math.ceil(k)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def summary(values: list[float]) -> dict:
    if not values:
        return {"n": 0}
    return {"n": len(values), "median": statistics.median(values), "p95": percentile(values, 95),
            "min": min(values), "max": max(values)}


def _fmt(value: float | None, unit: str = "") -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    if unit == "s":
        return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"
    if unit == "ms":
        return f"{value:.0f} ms" if value >= 10 else f"{value:.1f} ms"
    if unit == "KB":
        return f"{value:.1f} KB"
    if unit == "MB":
        return f"{value:.1f} MB"
    if unit in ("", "x"):
        return f"{value:.2f}" if abs(value) < 100 else f"{value:,.0f}"
    return f"{value:g} {unit}"


def downloads_note(files: int | None, nbytes: int | None, baseline: int | None = None) -> str:
    """What a first visit downloads, for a row's note: "129 files, 5.4 MB (2.03x hello's)"."""
    if not files or nbytes is None:
        return ""
    note = f"{files} files, {nbytes / 1e6:.1f} MB"
    if baseline:
        note += f" ({nbytes / baseline:.2f}x hello's)"
    return note


HELLO, CHART_FLOOR = "hello", "chart-floor"
# The same floor at a page's own address, `/chart` (bench/chart_floor_pages_app.py).
CHART_FLOOR_SUBPAGE = "chart-floor-subpage"


def render_rows(section: str, results: dict[str, dict], pages: list[tuple[str, str]], *,
                text_limit: float, chart_limit: float) -> list[Row]:
    """First-render rows of one device: hello world, the one-chart floor, then each page.

    `results` maps a name ("hello", "chart-floor", a page's name) to its loads: `runs_s` (timed
    loads), `cold_s`, `kind` ("text", "graph", "charts", "graph+charts"), `info` (downloads),
    or `error` / `skip` / `errors`. `pages` lists (name, label) in table order. A page that draws
    a chart or the graph is judged against the floor (`chart_limit`), a text page against hello
    world (`text_limit`): Streamlit loads its chart code only for a page with a chart.
    """
    rows: list[Row] = []
    hello = results.get(HELLO, {})
    if not hello.get("runs_s"):
        return [failed(section, "hello world", str(hello.get("error", hello))[:200])]
    base = statistics.median(hello["runs_s"])
    hello_bytes = hello.get("info", {}).get("bytes")
    rows.append(measure(section, "hello world (median)", base, "s", note=", ".join(filter(None, [
        f"n={len(hello['runs_s'])}", downloads_note(hello.get("info", {}).get("files"),
                                                    hello_bytes)]))))
    floor = results.get(CHART_FLOOR, {}).get("runs_s")
    floor_s = statistics.median(floor) if floor else None
    if floor_s:
        rows.append(measure(section, "floor: hello world + one Vega chart", floor_s, "s",
                            baseline=base, note="Streamlit's own cost of a first chart"))
    subpage = results.get(CHART_FLOOR_SUBPAGE, {}).get("runs_s")
    subpage_s = statistics.median(subpage) if subpage and floor_s else None
    if subpage_s:
        rows.append(measure(
            section, "the floor at a page's own address (/chart)", subpage_s, "s",
            baseline=floor_s, note="plain Streamlit: the browser first asks /chart/_stcore/"
            "health and waits 100 ms after its 404 (app/serve.py's shells avoid it)"))
    for name, label in pages:
        res = results.get(name, {"error": "not measured"})
        if "error" in res:
            rows.append(failed(section, label, res["error"]))
        elif "skip" in res:
            rows.append(skipped(section, label, res["skip"]))
        elif not res.get("runs_s"):
            rows.append(failed(section, label, "; ".join(res.get("errors", []))[:200]))
        else:
            median = statistics.median(res["runs_s"])
            drawn = res["kind"] != "text"
            note = f"cold {res['cold_s']:.2f} s; {median / base:.2f}x hello"
            downloads = downloads_note(res.get("info", {}).get("files"),
                                       res.get("info", {}).get("bytes"), hello_bytes)
            if downloads:
                note += f"; {downloads}"
            if drawn and subpage_s and label != "/":
                note += f"; {median / subpage_s:.2f}x the floor at /chart"
            rounds = round_by_round(res["runs_s"], floor if drawn else hello["runs_s"])
            if rounds:
                note += f"; {rounds}"
            if drawn and floor_s:
                rows.append(measure(section, f"{label} [{res['kind']}] vs floor", median, "s",
                                    baseline=floor_s, limit=chart_limit, note=note))
            elif drawn:
                rows.append(failed(section, f"{label} [{res['kind']}]",
                                   "no one-chart floor measured to judge it against"))
            else:
                rows.append(measure(section, f"{label} [text]", median, "s", baseline=base,
                                    limit=text_limit, note=note.replace(
                                        f"; {median / base:.2f}x hello", "")))
    return rows


def round_by_round(runs: list[float], baseline_runs: list[float] | None) -> str:
    """How steady a verdict is: the page's ratio to its baseline loaded in the same round
    (loads go in rounds, one of each, so round i of each list ran at the same time), as the
    median and the range over rounds. Empty when a failed load leaves the rounds unpaired."""
    if not baseline_runs or len(runs) != len(baseline_runs) or len(runs) < 2:
        return ""
    ratios = sorted(run / base for run, base in zip(runs, baseline_runs))
    return (f"round by round {statistics.median(ratios):.2f}x "
            f"({ratios[0]:.2f}-{ratios[-1]:.2f}x)")


COLUMNS = ("Section", "Measure", "Value", "Baseline", "Ratio", "Target", "Result")


def table_lines(rows: list[Row]) -> list[str]:
    """The rows as an aligned text table (also valid Markdown)."""
    cells = [COLUMNS]
    for row in rows:
        result = row.status + (f" ({row.note})" if row.note else "")
        cells.append((row.section, row.measure, _fmt(row.value, row.unit),
                      _fmt(row.baseline, row.unit) if row.baseline is not None else "",
                      f"{row.ratio:.2f}x" if row.ratio is not None else "", row.target, result))
    widths = [max(len(c[i]) for c in cells) for i in range(len(COLUMNS))]

    def line(values) -> str:
        return "| " + " | ".join(v.ljust(w) for v, w in zip(values, widths)) + " |"

    out = [line(cells[0]), "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    out += [line(c) for c in cells[1:]]
    return out


def verdict(rows: list[Row]) -> str:
    counts = {s: sum(r.status == s for r in rows) for s in (PASS, FAIL, ERROR, SKIP)}
    return (f"{counts[PASS]} passed, {counts[FAIL]} failed, {counts[ERROR]} errors, "
            f"{counts[SKIP]} skipped")


def write_json(path: Path, rows: list[Row], **extra) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = {**extra, "rows": [r.as_dict() for r in rows], "verdict": verdict(rows)}
    path.write_text(json.dumps(_clean(payload), indent=2, default=_json_default,
                               allow_nan=False) + "\n", encoding="utf-8")


def _clean(value):
    """NaN and infinities become null, so that the file is strict JSON."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {str(k): _clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_clean(v) for v in value]
    return value


def _json_default(value):
    if isinstance(value, set):
        return sorted(value)
    return str(value)


def load_rows(path: Path) -> list[Row]:
    """Rows back from a results JSON file (to re-print a table)."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return [Row(**r) for r in data["rows"]]
