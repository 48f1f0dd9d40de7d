#!/usr/bin/env bash
# Serves the app to a room: N Streamlit replicas on loopback and HAProxy in front of them
# (sticky sessions, failover, compression, a cache of Streamlit's static files, a "busy" page
# past capacity). Ctrl-C or TERM stops them all.
#
#   bash scripts/serve.sh                      # 2 replicas, the proxy on port 8080
#   bash scripts/serve.sh --replicas 3 --port 80 --sessions-per-replica 300
#
# Options: --replicas N (2), --port P (8080), --address A (0.0.0.0: the proxy is reached over
# the local network; 127.0.0.1 keeps it on this machine), --first-replica-port P (8601; the
# replicas take P, P+1, ...), --sessions-per-replica N (200). Installs Debian's haproxy when
# it is missing. See "Serving a room" in README.md and deploy/.
set -euo pipefail
cd "$(dirname "$0")/.."

replicas=2
port=8080
address=0.0.0.0
first_port=8601
sessions=200
while [ $# -gt 0 ]; do
  case "$1" in
    --replicas) replicas="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --address) address="$2"; shift 2 ;;
    --first-replica-port) first_port="$2"; shift 2 ;;
    --sessions-per-replica) sessions="$2"; shift 2 ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "serve.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
case "$replicas" in ''|*[!0-9]*|0) echo "serve.sh: --replicas needs a number >= 1" >&2; exit 2 ;; esac

if ! command -v haproxy >/dev/null 2>&1 && [ ! -x /usr/sbin/haproxy ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq haproxy >/dev/null
fi
HAPROXY=$(command -v haproxy || echo /usr/sbin/haproxy)
bash scripts/setup.sh

# Fewer malloc arenas: memory freed by closed sessions is reused (as scripts/run-app.sh).
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
export STREAMLIT_BROWSER_GATHER_USAGE_STATS=false
runtime=$(mktemp -d "${TMPDIR:-/tmp}/dlc-serve.XXXXXX")
pids=()

stop() {
  trap - INT TERM EXIT
  echo "serve.sh: stopping the proxy and ${#pids[@]} processes" >&2
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$runtime"
}
trap stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

for i in $(seq 0 $((replicas - 1))); do
  p=$((first_port + i))
  .venv/bin/streamlit run app/serve.py --server.address 127.0.0.1 \
    --server.port "$p" --server.headless true >"$runtime/replica-$p.log" 2>&1 &
  pids+=($!)
  echo "serve.sh: replica r$((i + 1)) on 127.0.0.1:$p (log $runtime/replica-$p.log)" >&2
done
for i in $(seq 0 $((replicas - 1))); do
  p=$((first_port + i))
  for _ in $(seq 1 300); do
    .venv/bin/python -c "import urllib.request as u; u.urlopen('http://127.0.0.1:$p/_stcore/health', timeout=2)" \
      >/dev/null 2>&1 && break
    kill -0 "${pids[$i]}" 2>/dev/null || { cat "$runtime/replica-$p.log" >&2; exit 1; }
    sleep 0.2
  done
done

config=$(.venv/bin/python -m deploy.haproxy --replicas "$replicas" --first-port "$first_port" \
  --bind "$address:$port" --sessions-per-replica "$sessions" --out "$runtime")
"$HAPROXY" -c -q -f "$config" || { "$HAPROXY" -c -f "$config" >&2; exit 1; }
"$HAPROXY" -db -f "$config" &
pids+=($!)
shown=$address; [ "$address" = "0.0.0.0" ] && shown=localhost
echo "serve.sh: $replicas replicas behind HAProxy at http://$shown:$port (Ctrl-C stops all)" >&2
# Runs until the proxy stops or a signal comes; a replica that dies is the proxy's business.
wait "${pids[-1]}"
