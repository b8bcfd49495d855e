#!/usr/bin/env bash
# Browser tests: a fresh demo database, tdkt on a loopback port, then `node --test` driving
# Debian's Chromium through playwright-core. Anything missing fails the run; nothing is skipped.
#   tests/e2e/run.sh TDKT_BINARY OUTPUT_DIR
set -euo pipefail
tdkt="$1"
output="$2"
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d /tmp/tdkt-e2e.XXXXXX)"
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

command -v node >/dev/null || { echo "FAIL: node is not installed (scripts/install-deps.sh installs it)"; exit 1; }
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || { echo "FAIL: Chromium is not installed at ${CHROMIUM:-/usr/bin/chromium}"; exit 1; }
[ -d "$here/node_modules/playwright-core" ] || { echo "FAIL: playwright-core is not installed (run scripts/install-deps.sh)"; exit 1; }

"$tdkt" --db "sqlite:$work/tdkt.db" init --demo >/dev/null
port=$((20000 + RANDOM % 20000))
"$tdkt" --db "sqlite:$work/tdkt.db" serve --host 127.0.0.1 --port "$port" >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/api/v1/health" >/dev/null && break; sleep 0.1; done

mkdir -p "$output"
cd "$here"
TDKT_E2E_URL="http://127.0.0.1:$port" TDKT_E2E_OUTPUT="$output" node --test --test-reporter=spec
