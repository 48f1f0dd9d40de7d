#!/usr/bin/env bash
# Mutation testing of the modules where a wrong answer misleads a reader; run by hand, not in CI.
# Usage: bash scripts/mutate.sh [module ...]   e.g. bash scripts/mutate.sh share story
# With no module, all of them (see MODULES); the chain layout last. Writes tests/mutation/RESULTS.md.
# Results of earlier runs are kept in mutants/ (git-ignored): a mutant already judged is not re-run
# unless its function or the tests changed. `rm -rf mutants` starts afresh.
set -euo pipefail
cd "$(dirname "$0")/.."
MODULES=(validate schema network flows compare share upload story chain_layout)
[ -x .venv/bin/python ] || bash scripts/setup.sh --test
[ -x .venv/bin/mutmut ] || .venv/bin/python -m pip install --quiet --disable-pip-version-check \
  -c requirements.lock -e ".[test,mutation]"
[ "$#" -gt 0 ] && MODULES=("$@")
for module in "${MODULES[@]}"; do
  case "$module" in
    chain_layout) pattern="app.charts.chain_layout.*" ;;
    validate|schema|network|flows|compare|share|upload|story) pattern="app.core.$module.*" ;;
    *) echo "unknown module '$module'; one of: validate schema network flows compare share upload story chain_layout" >&2
       exit 2 ;;
  esac
  echo "== $module"
  # mutmut prints a progress line per mutant, kept in a log. mutmut 3.8 sometimes stops on a
  # child process it did not start (KeyError in wait_for_result); verdicts are saved as they
  # come, so running it again goes on where it stopped.
  for attempt in 1 2 3; do
    if .venv/bin/mutmut run "$pattern" > "mutants-$module.log" 2>&1; then
      rm -f "mutants-$module.log"; break
    fi
    if [ "$attempt" = 3 ]; then
      tail -40 "mutants-$module.log" >&2
      echo "mutmut failed on $module (log: mutants-$module.log)" >&2; exit 1
    fi
  done
done
.venv/bin/python tests/mutation/report.py
