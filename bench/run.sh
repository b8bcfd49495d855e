#!/usr/bin/env bash
# The HTTP benchmark of docs/performance.md (`make bench`). Generates COUNT persons on SQLite and
# on a throwaway PostgreSQL (loopback), serves each with tdkt, signs in, and measures with wrk at
# 64 connections: an embedded static file, /api/v1/health and the people search; then the same
# again with IDLE idle keep-alive connections held open beside the load. Ends with the text and
# rules micro-benchmarks and the cost of SQLite's synchronous=FULL per write (docs/reliability.md).
#   bench/run.sh [COUNT] [DURATION] [IDLE]     (defaults 100000, 10s, 1000)
# TDKT_BENCH_BUILD=0 uses the binaries already built in TDKT_BUILD_DIR (default build/ci); the
# test that keeps this script working runs it so, with tiny sizes.
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-100000}"
duration="${2:-10s}"
idle_count="${3:-1000}"
query="/api/v1/people?q=nguyen&limit=50"
static="/static/js/common.js"

if [ "${TDKT_BENCH_BUILD:-1}" != 0 ]; then
  cmake --preset ci >/dev/null
  cmake --build --preset ci -j "$(nproc)" --target tdkt tdkt_bench_seed tdkt_bench_text tdkt_bench_rules \
    tdkt_bench_idle tdkt_bench_sqlite_sync >/dev/null
fi
build="${TDKT_BUILD_DIR:-build/ci}"
bin="$build/bin/tdkt"
seed="$build/bench/tdkt_bench_seed"
idle_bin="$build/bench/tdkt_bench_idle"
for tool in "$bin" "$seed" "$idle_bin" "$build/bench/tdkt_bench_text" "$build/bench/tdkt_bench_rules" \
  "$build/bench/tdkt_bench_sqlite_sync"; do
  [ -x "$tool" ] || { echo "bench: $tool is not built" >&2; exit 1; }
done
command -v wrk >/dev/null || { echo "bench: wrk is not installed (scripts/install-deps.sh)" >&2; exit 1; }
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

work="$(mktemp -d /tmp/tdkt-bench.XXXXXX)"
pg_dir="$(mktemp -d /tmp/tdkt-bench-pg.XXXXXX)"
server=""
idle=""
cleanup() {
  if [ -n "$idle" ]; then kill "$idle" 2>/dev/null || true; wait "$idle" 2>/dev/null || true; fi
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  scripts/pg-temp.sh stop "$pg_dir"
  rm -rf "$work"
}
trap cleanup EXIT
port=$((20000 + RANDOM % 20000))
pg_url="$(scripts/pg-temp.sh start "$pg_dir" $((port + 1)))"
base="http://127.0.0.1:$port"

measure() {  # measure LABEL PATH -> one line: req/s, p50, p99, errors
  local out
  out="$(wrk -t2 -c64 -d"$duration" --latency -H "Cookie: tdkt_session=$cookie" "$base$2")"
  local rps p50 p99 errors
  rps="$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
  p50="$(awk '$1 == "50%" {print $2}' <<<"$out")"
  p99="$(awk '$1 == "99%" {print $2}' <<<"$out")"
  errors="$(awk '/Non-2xx|Socket errors/ {printf "%s ", $0}' <<<"$out")"
  printf '| %-28s | %10s | %8s | %8s | %s\n' "$1" "$rps" "$p50" "$p99" "${errors:-}"
  [ -n "$rps" ] || { echo "bench: wrk gave no figures for $2" >&2; exit 1; }
}

serve() {  # serve DB: starts tdkt in the background and signs in as the benchmark's officer
  printf 'bench-mat-khau-1\n' | "$bin" --db "$1" user add bench --role officer --name "Đo hiệu năng" >/dev/null 2>&1 || true
  "$bin" --db "$1" serve --host 127.0.0.1 --port "$port" --keep-alive 600 >"$work/serve.log" 2>&1 &
  server=$!
  for _ in $(seq 1 200); do curl -sf "$base/api/v1/health" >/dev/null && break; sleep 0.1; done
  cookie="$(curl -s -D - -o /dev/null -H 'Content-Type: application/json' \
    -d '{"username":"bench","password":"bench-mat-khau-1"}' "$base/api/v1/login" |
    sed -n 's/^[Ss]et-[Cc]ookie: tdkt_session=\([^;]*\);.*/\1/p' | tr -d '\r')"
  [ -n "$cookie" ] || { echo "bench: could not sign in" >&2; cat "$work/serve.log" >&2; exit 1; }
  local found
  found="$(curl -s -H "Cookie: tdkt_session=$cookie" "$base$query" | grep -o '"id"' | wc -l)"
  [ "$found" -gt 0 ] || { echo "bench: the search found nobody" >&2; exit 1; }
}
stop() { kill "$server"; wait "$server" 2>/dev/null || true; server=""; }

hold_idle() {  # opens $idle_count idle keep-alive connections beside the load
  "$idle_bin" "$port" "$idle_count" >"$work/idle.out" &
  idle=$!
  for _ in $(seq 1 600); do grep -q '^open' "$work/idle.out" 2>/dev/null && return; sleep 0.1; done
  echo "bench: the idle connections did not open" >&2; exit 1
}
release_idle() {
  kill "$idle"; wait "$idle" 2>/dev/null || true; idle=""
  echo "idle connections still open at the end: $(sed -n 's/^still open //p' "$work/idle.out") of $idle_count"
}

echo "seeding $count persons on each backend…"
"$seed" --db "sqlite:$work/bench.db" --count "$count"
"$seed" --db "$pg_url" --count "$count"

echo
echo "wrk -t2 -c64 -d$duration --latency; machine: $(nproc) cores"
header='| measure                      |      req/s |      p50 |      p99 |'
serve "sqlite:$work/bench.db"
echo "$header"
measure "static file" "$static"
measure "health" "/api/v1/health"
measure "search, SQLite" "$query"
hold_idle
echo "with $idle_count idle keep-alive connections open:"
echo "$header"
measure "static file" "$static"
measure "health" "/api/v1/health"
measure "search, SQLite" "$query"
release_idle
stop
serve "$pg_url"
echo "$header"
measure "search, PostgreSQL" "$query"
hold_idle
measure "search, PostgreSQL, idle" "$query"
release_idle
stop
echo
"$build/bench/tdkt_bench_text" --benchmark_min_time=0.2 2>/dev/null | grep -E "^BM_"
if [ "$count" -lt 100000 ]; then
  "$build/bench/tdkt_bench_rules" "$count" $((count / 20 + 1)) | tail -5
fi
echo
echo "SQLite synchronous (ADR 0013), on the build folder's disk:"
"$build/bench/tdkt_bench_sqlite_sync" --dir "$build/bench-sqlite-sync" --count $((count < 500 ? 20 : 500))
