#!/usr/bin/env bash
# The search benchmark of docs/performance.md. Builds the ci preset, generates 100,000 persons
# on SQLite and on a throwaway PostgreSQL (loopback), serves each with tdkt and measures with
# wrk, beside the same server returning a static file of the same size as the search answer;
# then the cost of SQLite's synchronous=FULL per write (docs/reliability.md).
#   bench/run.sh [COUNT] [DURATION]     (defaults 100000 and 10s)
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-100000}"
duration="${2:-10s}"
query="/api/v1/people?q=nguyen&limit=50"

cmake --preset ci >/dev/null
cmake --build --preset ci -j "$(nproc)" --target tdkt tdkt_bench_seed tdkt_bench_text tdkt_bench_sqlite_sync >/dev/null
bin=build/ci/bin/tdkt
seed=build/ci/bench/tdkt_bench_seed

work="$(mktemp -d /tmp/tdkt-bench.XXXXXX)"
pg_dir="$(mktemp -d /tmp/tdkt-bench-pg.XXXXXX)"
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  scripts/pg-temp.sh stop "$pg_dir"
  rm -rf "$work"
}
trap cleanup EXIT
pg_url="$(scripts/pg-temp.sh start "$pg_dir" 55450)"

measure() {  # measure LABEL URL -> "req/s p99"
  local out
  out="$(wrk -t2 -c64 -d"$duration" --latency "$2")"
  local rps p99
  rps="$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
  p99="$(awk '$1 == "99%" {print $2}' <<<"$out")"
  printf '%-34s %12s req/s   p99 %s\n' "$1" "$rps" "$p99"
}

serve() {  # serve DB -> starts the server in the background on port 18090
  "$bin" --db "$1" serve --host 127.0.0.1 --port 18090 --static-dir "$work/static" >/dev/null 2>&1 &
  server=$!
  for _ in $(seq 1 200); do curl -sf http://127.0.0.1:18090/api/v1/health >/dev/null && return; sleep 0.1; done
  echo "server did not start" >&2; exit 1
}
stop() { kill "$server"; wait "$server" 2>/dev/null || true; server=""; }

echo "seeding $count persons on each backend…"
"$seed" --db "sqlite:$work/bench.db" --count "$count"
"$seed" --db "$pg_url" --count "$count"
mkdir -p "$work/static"

echo
echo "wrk -t2 -c64 -d$duration --latency; machine: $(nproc) cores"
serve "sqlite:$work/bench.db"
curl -sf "http://127.0.0.1:18090$query" >"$work/static/answer.json"
echo "search answer: $(wc -c <"$work/static/answer.json") bytes, $(grep -o '"id"' "$work/static/answer.json" | wc -l) persons"
measure "static file (same size)" "http://127.0.0.1:18090/files/answer.json"
measure "search, SQLite" "http://127.0.0.1:18090$query"
stop
serve "$pg_url"
measure "search, PostgreSQL" "http://127.0.0.1:18090$query"
stop
echo
build/ci/bench/tdkt_bench_text --benchmark_min_time=0.2 2>/dev/null | grep -E "^BM_"
echo
echo "SQLite synchronous (ADR 0010), on this repository's disk:"
build/ci/bench/tdkt_bench_sqlite_sync --dir build/bench-sqlite-sync --count 500
