#!/usr/bin/env bash
# Installs what the tests need (Debian's chromium and haproxy when missing) and runs the whole
# suite, browser tests included. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
# The proxy tests run two replicas behind Debian's HAProxy (deploy/, scripts/serve.sh).
command -v haproxy >/dev/null 2>&1 || [ -x /usr/sbin/haproxy ] || missing+=(haproxy)
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
bash scripts/setup.sh --test
# Two processes (pytest-xdist): the machines this runs on have two cores, and a browser test
# spends much of its time waiting. `--dist loadfile` keeps a file's tests (and the server its
# module starts once) in one process. DLC_TEST_PROCESSES=0 runs everything in this one.
exec .venv/bin/python -m pytest -n "${DLC_TEST_PROCESSES:-2}" --dist loadfile "$@"
