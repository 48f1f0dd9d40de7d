"""Writes tests/mutation/RESULTS.md from mutmut's results in mutants/ (see scripts/mutate.sh).

Per module: mutants, killed, survived, score (killed over mutants judged); then each survivor
with its changed line and why it is equivalent (from equivalent.toml), or "not explained".
A survivor left unexplained is a missing test.
"""

from __future__ import annotations

import json
import os
import sys
import tomllib
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
MODULES = {  # module -> its file, in the order of the report
    "validate": "app/core/validate.py", "schema": "app/core/schema.py",
    "network": "app/core/network.py", "flows": "app/core/flows.py",
    "compare": "app/core/compare.py", "share": "app/core/share.py",
    "upload": "app/core/upload.py", "story": "app/core/story.py",
    "chain_layout": "app/charts/chain_layout.py",
}
KILLED = {1, 3, 36, -24, 24, 152, 255, 37}  # a failing test, a timeout or a type error
SURVIVED = {0}
NO_TESTS = {5, 33}


def changed_lines(name: str, path: str) -> list[str]:
    """The mutant's '+' lines, from mutmut's own diff."""
    from mutmut.mutation.diff_apply import get_diff_for_mutant

    diff = get_diff_for_mutant(name, path=Path(path))
    return [line[1:].strip() for line in diff.splitlines()
            if line.startswith("+") and not line.startswith("+++")]


def surviving_names() -> list[str]:
    """Names of the mutants that survived unexplained or that no test reached, in every module
    run so far: the ones that new tests may kill."""
    explained = tomllib.loads((HERE / "equivalent.toml").read_text(encoding="utf-8"))
    names = []
    for path in MODULES.values():
        meta = PROJECT / "mutants" / (path + ".meta")
        if meta.exists():
            codes = json.loads(meta.read_text())["exit_code_by_key"]
            names += [k for k, c in codes.items()
                      if (c in SURVIVED and k not in explained) or c in NO_TESTS]
    return names


def unjudged_names(modules: list[str]) -> list[str]:
    """Names of the mutants of these modules that no run has judged yet (or since they changed)."""
    names = []
    for module in modules:
        meta = PROJECT / "mutants" / (MODULES[module] + ".meta")
        if meta.exists():
            codes = json.loads(meta.read_text())["exit_code_by_key"]
            names += [k for k, c in codes.items() if c is None]
    return names


def previous_report() -> tuple[dict[str, str], dict[str, list[str]]]:
    """The rows and survivor lines of the results file as it stands, by module: a module whose
    verdicts are not in mutants/ (git-ignored, so absent in a fresh copy of the project) keeps
    them, instead of showing as not run or run afresh."""
    rows: dict[str, str] = {}
    survivors: dict[str, list[str]] = {}
    path = HERE / "RESULTS.md"
    if not path.exists():
        return rows, survivors
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = line.split(" | ")
        if line.startswith("| ") and cells[0][2:] in MODULES and "not run |" not in line:
            rows[cells[0][2:]] = line
        elif line.startswith("| `") and cells[0].endswith(")"):
            module = cells[0].rsplit("(", 1)[1][:-1]
            survivors.setdefault(module, []).append(line)
    return rows, survivors


def main() -> int:
    os.chdir(PROJECT)
    if "--survivors" in sys.argv:
        print("\n".join(surviving_names()))
        return 0
    if "--unjudged" in sys.argv:
        print("\n".join(unjudged_names(sys.argv[sys.argv.index("--unjudged") + 1:])))
        return 0
    explained = tomllib.loads((HERE / "equivalent.toml").read_text(encoding="utf-8"))
    rows, survivors = [], []
    kept_rows, kept_survivors = previous_report()
    for module, path in MODULES.items():
        meta = PROJECT / "mutants" / (path + ".meta")
        codes = json.loads(meta.read_text())["exit_code_by_key"] if meta.exists() else {}
        if all(c is None for c in codes.values()) and module in kept_rows:
            rows.append(kept_rows[module])
            survivors += kept_survivors.get(module, [])
            continue
        if not codes:
            rows.append(f"| {module} | not run | | | | | |")
            continue
        killed = [k for k, c in codes.items() if c in KILLED]
        lived = sorted((k for k, c in codes.items() if c in SURVIVED),
                       key=lambda k: (k.rsplit("_", 1)[0], int(k.rsplit("_", 1)[1])))
        untested = [k for k, c in codes.items() if c in NO_TESTS]
        unrun = [k for k, c in codes.items() if c is None]
        judged = len(codes) - len(unrun)
        equivalent = [k for k in lived if k in explained]
        score = f"{100 * len(killed) / judged:.1f}%" if judged else "–"
        both = f"{100 * (len(killed) + len(equivalent)) / judged:.1f}%" if judged else "–"
        rows.append(f"| {module} | {len(codes)} | {len(killed)} | {len(lived)} | "
                    f"{len(untested)} | {len(unrun)} | {score} | {both} |")
        for name in lived + sorted(untested):
            missing = "**not explained**" if name in lived else "**no test reaches it**"
            why = explained.get(name, missing)
            try:
                change = " / ".join(changed_lines(name, path))
            except Exception as error:  # the source moved on since the run
                change = f"(diff unavailable: {type(error).__name__})"
            change = change.replace("|", "\\|")
            survivors.append(f"| `{name.split('.')[-1]}` ({module}) | `{change}` | {why} |")
    text = "\n".join([
        "# Mutation testing results",
        "",
        "Written by `tests/mutation/report.py` after `bash scripts/mutate.sh` (see the README,",
        "\"Mutation testing\"). A mutant is killed when a test fails (or times out) with it. Score:",
        "killed over mutants judged; with equivalents: killed or explained as equivalent. A module",
        "none of whose mutants the last run judged keeps its rows from the run before.",
        "",
        "| module | mutants | killed | survived | no test | not run | score | with equivalents |",
        "|---|---|---|---|---|---|---|---|",
        *rows,
        "",
        "## Surviving mutants",
        "",
        "| mutant | changed line | why it survives |",
        "|---|---|---|",
        *survivors,
        "",
    ])
    (HERE / "RESULTS.md").write_text(text, encoding="utf-8")
    print(text if "-v" in sys.argv else "\n".join(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
