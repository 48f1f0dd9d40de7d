#!/usr/bin/env bash
# Mutation testing of the modules where a wrong answer misleads a reader; run by hand, not in CI.
# Usage:
#   bash scripts/mutate.sh                   every module, the mutants not judged yet (all at first)
#   bash scripts/mutate.sh share story       these modules afresh (validate schema network flows
#                                            compare share upload story chain_layout)
#   bash scripts/mutate.sh --survivors       only the mutants that survived unexplained or that no
#                                            test reached, after adding tests
#   bash scripts/mutate.sh --rest network    the mutants of these modules not judged yet (after a
#                                            stopped run, or where the code changed)
# Verdicts are kept in mutants/ (git-ignored); `rm -rf mutants` starts afresh. Every run ends by
# writing tests/mutation/RESULTS.md. MUTATE_CHILDREN (default 2) sets how many mutants run at
# once; 1 leaves a core to others on a shared machine.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || bash scripts/setup.sh --test
[ -x .venv/bin/mutmut ] || .venv/bin/python -m pip install --quiet --disable-pip-version-check \
  -c requirements.lock -e ".[test,mutation]"

# mutmut prints a progress line per mutant, kept in mutants-run.log. mutmut 3.8 sometimes stops
# on a child process it did not start (KeyError in wait_for_result); verdicts are saved as they
# come, so it is started again, at most six times.
run() {
  for attempt in 1 2 3 4 5 6; do
    if .venv/bin/mutmut run --max-children "${MUTATE_CHILDREN:-2}" "$@" > mutants-run.log 2>&1; then rm -f mutants-run.log; return; fi
  done
  tail -40 mutants-run.log >&2; echo "mutmut failed (log: mutants-run.log)" >&2; exit 1
}

if [ "$#" = 0 ]; then
  run
elif [ "$1" = "--survivors" ]; then
  mapfile -t survivors < <(.venv/bin/python tests/mutation/report.py --survivors)
  [ "${#survivors[@]}" = 0 ] || run "${survivors[@]}"
elif [ "$1" = "--rest" ]; then
  shift
  mapfile -t rest < <(.venv/bin/python tests/mutation/report.py --unjudged "$@")
  [ "${#rest[@]}" = 0 ] || run "${rest[@]}"
else
  for module in "$@"; do
    case "$module" in
      chain_layout) pattern="app.charts.chain_layout.*" ;;
      validate|schema|network|flows|compare|share|upload|story) pattern="app.core.$module.*" ;;
      *) echo "unknown module '$module'; one of: validate schema network flows compare share" \
              "upload story chain_layout" >&2; exit 2 ;;
    esac
    echo "== $module"
    start=$SECONDS
    run "$pattern"
    echo "   $module: $((SECONDS - start)) s"
  done
fi
.venv/bin/python tests/mutation/report.py
