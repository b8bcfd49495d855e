#!/usr/bin/env bash
# PostgreSQL restarted under a running tdkt (issue 16 row 8, security review M8). On a private
# throwaway cluster that this test stops and starts (scripts/pg-temp.sh), `tdkt serve` answers,
# the cluster restarts (every pooled connection dies), and every later request succeeds at once:
# a pooled connection found dead is reopened, and a BEGIN that meets a dead connection is retried
# once on a fresh one. While the cluster is down, the health check answers 503 `unavailable`
# (not 500); once it is back, requests succeed again without restarting tdkt.
set -uo pipefail
tdkt="$(realpath "$1")"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$(mktemp -d /tmp/tdkt-pg-restart.XXXXXX)"
pg_dir="$(mktemp -d /tmp/tdkt-pg-restart-cluster.XXXXXX)"  # outside $work: the postgres user must reach it
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null; fi
  "$root/scripts/pg-temp.sh" stop "$pg_dir"
  rm -rf "$work"
}
trap cleanup EXIT
source "$root/tests/cli/harness.sh"

url=""
for _ in 1 2 3 4 5; do
  port=$((41000 + RANDOM % 8000))
  if url="$("$root/scripts/pg-temp.sh" start "$pg_dir" "$port" 2>"$work/pg.err")"; then break; fi
  "$root/scripts/pg-temp.sh" stop "$pg_dir"; url=""; mkdir -p "$pg_dir"
done
if [ -z "$url" ]; then echo "FAIL: no private PostgreSQL cluster could start"; cat "$work/pg.err"; exit 1; fi

check "init --demo on the private cluster" "$tdkt" --db "$url" init --demo
http_port=$((20000 + RANDOM % 20000))
"$tdkt" --db "$url" serve --host 127.0.0.1 --port "$http_port" >"$work/serve.log" 2>&1 &
server_pid=$!
base="http://127.0.0.1:$http_port"
export work base  # people() also runs inside `bash -c` of check
for _ in $(seq 1 100); do curl -sf "$base/api/v1/health" >/dev/null && break; sleep 0.1; done
curl -sf -c "$work/cookies" -H 'Content-Type: application/json' -d '{"username":"canbo","password":"demo1234"}' \
  "$base/api/v1/login" >"$work/login.json"
csrf="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["csrf_token"])' "$work/login.json")"

people() { curl -s -o "$work/people.json" -w '%{http_code}' -b "$work/cookies" "$base/api/v1/people?q=nguyen&limit=50"; }
check "before the restart: the people search answers" test "$(people)" = 200
cp "$work/people.json" "$work/people.before"

"$root/scripts/pg-temp.sh" restart "$pg_dir"
check "after the restart: the first request succeeds, with the same answer" bash -c "
  [ \"\$($(declare -f people); people)\" = 200 ] && cmp -s '$work/people.json' '$work/people.before'"
check "after the restart: 40 more requests succeed (every pooled connection was dead)" bash -c "
  $(declare -f people); for i in \$(seq 1 40); do [ \"\$(people)\" = 200 ] || exit 1; done"
check "after the restart: 16 requests at once succeed" bash -c "
  for i in \$(seq 1 16); do
    curl -s -o /dev/null -w '%{http_code}\n' -b '$work/cookies' '$base/api/v1/people?q=tran' >>'$work/parallel' &
  done; wait; [ \"\$(grep -c '^200\$' '$work/parallel')\" = 16 ]"
check "after the restart: a write succeeds and is audited" bash -c "
  code=\$(curl -s -o '$work/created.json' -w '%{http_code}' -b '$work/cookies' -H 'X-CSRF-Token: $csrf' \
    -H 'Content-Type: application/json' -d '{\"full_name\":\"Phạm Văn Khởi\"}' '$base/api/v1/people');
  [ \"\$code\" = 201 ] && grep -q 'Phạm Văn Khởi' '$work/created.json'"
check "the audit trail holds after the restart" bash -c "'$tdkt' --db '$url' audit verify | grep -q 'toàn vẹn'"

"$root/scripts/pg-temp.sh" down "$pg_dir"
check "while PostgreSQL is down: the health check answers 503 unavailable with Retry-After, not 500" bash -c "
  code=\$(curl -s -D '$work/health.headers' -o '$work/health.json' -w '%{http_code}' '$base/api/v1/health');
  [ \"\$code\" = 503 ] && grep -q '\"unavailable\"' '$work/health.json' && grep -q 'Không kết nối được' '$work/health.json' &&
  grep -qi '^Retry-After: 2' '$work/health.headers'"
check "while PostgreSQL is down: a signed-in route answers 503 unavailable, not 500 (the session check)" bash -c "
  code=\$(curl -s -o '$work/down.json' -w '%{http_code}' -b '$work/cookies' '$base/api/v1/people?q=nguyen');
  [ \"\$code\" = 503 ] && grep -q '\"unavailable\"' '$work/down.json'"
check "while PostgreSQL is down: a page answers 503, not 500" bash -c "
  [ \"\$(curl -s -o /dev/null -w '%{http_code}' -b '$work/cookies' '$base/people')\" = 503 ]"
"$root/scripts/pg-temp.sh" up "$pg_dir"
check "PostgreSQL back: requests succeed without restarting tdkt" bash -c "
  [ \"\$(curl -s -o /dev/null -w '%{http_code}' '$base/api/v1/health')\" = 200 ] &&
  [ \"\$($(declare -f people); people)\" = 200 ] && cmp -s '$work/people.json' '$work/people.before'"
check "tdkt is still the same process" kill -0 "$server_pid"

finish
