#!/usr/bin/env bash
# Creates .venv and installs the app (and, with --test, what the tests need) from the lock.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  if ! "$PYTHON" -m venv .venv 2>/dev/null; then
    # Debian ships the venv module separately.
    rm -rf .venv
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq && $SUDO apt-get install -y -qq python3-venv >/dev/null
    "$PYTHON" -m venv .venv
  fi
fi
extra=""
[ "${1:-}" = "--test" ] && extra="[test]"
.venv/bin/python -m pip install --quiet --disable-pip-version-check \
  -c requirements.lock -e ".${extra}"
if [ "${1:-}" = "--test" ]; then
  # axe-core for the accessibility test, from the lock (package-lock.json); no install scripts.
  if command -v npm >/dev/null 2>&1; then
    npm ci --ignore-scripts --no-audit --no-fund --silent
  else
    echo "npm is missing: the accessibility test will be skipped (apt-get install npm)" >&2
  fi
fi
