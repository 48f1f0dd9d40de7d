#!/usr/bin/env bash
# Installs the app if needed and serves it on the bundled data at http://localhost:8501.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# Fewer malloc arenas: memory freed by closed sessions is reused (see bench/RESULTS.md).
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
exec .venv/bin/streamlit run app/serve.py "$@"
