#!/usr/bin/env bash
# Durability under SIGKILL (issue 16 point 7): on each backend, `tdkt serve` on a random loopback
# port takes concurrent writes of several kinds through the API (persons created, documents
# registered and numbered, yearly records written) as the demo officer canbo, and is killed with
# SIGKILL at a random moment, TRIALS times (default 3; TRIALS=50 for docs/reliability.md). After
# each kill, straight from the database:
# - every write that was answered 2xx is there (the person, the document with the number it was
#   answered with, the yearly record);
# - nothing is half-written: every such row has its audit record and every audit record of a
#   create has its row; no document number of the symbol is given twice and the register's last
#   number is the highest given;
# - `tdkt audit verify` passes;
# and the next trial's server starts on the killed one's database.
#   tests/fault/kill_test.sh TDKT            (BACKENDS="sqlite postgresql" by default)
# Needs TDKT_TEST_PG for the PostgreSQL half (a database of its own is created in that cluster).
set -uo pipefail
tdkt="$(realpath "$1")"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
trials="${TRIALS:-3}"
backends="${BACKENDS:-sqlite postgresql}"
writers="${WRITERS:-6}"
work="$(mktemp -d /tmp/tdkt-kill.XXXXXX)"
server_pid=""
pg_database=""
cleanup() {
  if [ -n "$server_pid" ]; then kill -9 "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null; fi
  touch "$work/stop"
  wait 2>/dev/null
  if [ -n "$pg_database" ]; then
    psql "$TDKT_TEST_PG" -qAt -c "DROP DATABASE IF EXISTS $pg_database WITH (FORCE)" >/dev/null 2>&1
  fi
  rm -rf "$work"
}
trap cleanup EXIT
source "$root/tests/cli/harness.sh"

q() {  # q LABEL URL SQL -> one value
  if [ "$1" = sqlite ]; then sqlite3 "${2#sqlite:}" "$3"; else psql "$2" -qAt -c "$3"; fi
}

start_server() {  # start_server URL -> sets base, server_pid; 1 if it does not come up
  for _ in 1 2 3 4 5; do
    local port=$((20000 + RANDOM % 20000))
    "$tdkt" --db "$1" serve --host 127.0.0.1 --port "$port" >>"$work/serve.log" 2>&1 &
    server_pid=$!
    base="http://127.0.0.1:$port"
    for _ in $(seq 1 100); do
      curl -sf "$base/api/v1/health" >/dev/null 2>&1 && return 0
      kill -0 "$server_pid" 2>/dev/null || break
      sleep 0.05
    done
    kill -9 "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null; server_pid=""
  done
  return 1
}

# One writer: creates a person, gives them a yearly record, registers a numbered document; logs
# each write answered 2xx as "kind id detail" once the answer has arrived.
writer() {  # writer INDEX COOKIES CSRF LOG
  local index="$1" cookies="$2" csrf="$3" log="$4" n=0 code person document number
  # grep rather than a JSON parser in the loop: the first "id" of an answer is the record's own.
  local issuers=("Sở Dân tộc và Tôn giáo tỉnh Đồng Nai" "Sở Dân tộc và Tôn giáo Đồng Nai")
  while [ ! -e "$work/stop" ]; do
    n=$((n + 1))
    code="$(curl -s -m 10 -o "$work/w$index.body" -w '%{http_code}' -b "$cookies" -H "X-CSRF-Token: $csrf" \
      -H 'Content-Type: application/json' -d '{"full_name":"Nguyễn Văn Bền","gender":"male"}' "$base/api/v1/people")" || code=000
    [ "$code" = 201 ] || continue
    person="$(grep -o '"id":[0-9]*' "$work/w$index.body" | head -1 | cut -d: -f2)"
    echo "person $person" >>"$log"
    code="$(curl -s -m 10 -o /dev/null -w '%{http_code}' -X PUT -b "$cookies" -H "X-CSRF-Token: $csrf" \
      -H 'Content-Type: application/json' -d '{"rating":"HTXSNV","months_worked":12}' \
      "$base/api/v1/people/$person/years/2025")" || code=000
    case "$code" in 2??) echo "year $person 2025" >>"$log" ;; esac
    code="$(curl -s -m 10 -o "$work/d$index.body" -w '%{http_code}' -b "$cookies" -H "X-CSRF-Token: $csrf" \
      -H 'Content-Type: application/json' \
      -d "{\"type\":\"plan\",\"own\":true,\"assign_number\":true,\"symbol\":\"KH-KILL\",\"issued_on\":\"2026-03-02\",\"issuer\":\"${issuers[$((n % 2))]}\",\"place\":\"Đồng Nai\",\"summary\":\"Kế hoạch thử $index-$n\",\"body\":[{\"kind\":\"paragraph\",\"text\":\"Nội dung.\"}]}" \
      "$base/api/v1/documents")" || code=000
    [ "$code" = 201 ] || continue
    document="$(grep -o '"id":[0-9]*' "$work/d$index.body" | head -1 | cut -d: -f2)"
    number="$(grep -o '"number":"[^"]*"' "$work/d$index.body" | head -1 | cut -d'"' -f4)"
    echo "document $document $number" >>"$log"
  done
}

# Checks a killed server's database against the log of acknowledged writes; prints problems.
audit_database() {  # audit_database LABEL URL LOG
  local label="$1" url="$2" log="$3" problems=0 kind id detail
  while read -r kind id detail; do
    case "$kind" in
      person)
        [ "$(q "$label" "$url" "SELECT COUNT(*) FROM person WHERE id = $id")" = 1 ] || { echo "lost: person $id"; problems=$((problems + 1)); } ;;
      year)
        [ "$(q "$label" "$url" "SELECT COUNT(*) FROM person_year WHERE person_id = $id AND year = $detail")" = 1 ] ||
          { echo "lost: yearly record of person $id"; problems=$((problems + 1)); } ;;
      document)
        [ "$(q "$label" "$url" "SELECT number_text FROM document WHERE id = $id")" = "$detail" ] ||
          { echo "lost or renumbered: document $id $detail"; problems=$((problems + 1)); } ;;
    esac
  done <"$log"
  local checks=(
    "persons without their audit record|SELECT COUNT(*) FROM person p WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.entity = 'person' AND a.entity_id = p.id AND a.action = 'create')"
    "audit records of persons not there|SELECT COUNT(*) FROM audit_log a WHERE a.entity = 'person' AND a.action = 'create' AND NOT EXISTS (SELECT 1 FROM person p WHERE p.id = a.entity_id)"
    "yearly records without their audit record|SELECT COUNT(*) FROM person_year y WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.entity = 'person_year' AND a.entity_id = y.person_id)"
    "audit records of yearly records not there|SELECT COUNT(*) FROM audit_log a WHERE a.entity = 'person_year' AND a.action = 'create' AND NOT EXISTS (SELECT 1 FROM person_year y WHERE y.person_id = a.entity_id)"
    "documents without their audit record|SELECT COUNT(*) FROM document d WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.entity = 'document' AND a.entity_id = d.id AND a.action = 'create')"
    "audit records of documents not there|SELECT COUNT(*) FROM audit_log a WHERE a.entity = 'document' AND a.action = 'create' AND NOT EXISTS (SELECT 1 FROM document d WHERE d.id = a.entity_id)"
    "document numbers given twice|SELECT COUNT(*) FROM (SELECT number FROM document WHERE symbol = 'KH-KILL' AND year = 2026 GROUP BY number HAVING COUNT(*) > 1) x"
    "register's last number not the highest given|SELECT COUNT(*) FROM document_sequence s WHERE s.symbol = 'KH-KILL' AND s.year = 2026 AND s.last_number <> (SELECT MAX(number) FROM document WHERE symbol = 'KH-KILL' AND year = 2026)"
  )
  local entry count
  for entry in "${checks[@]}"; do
    count="$(q "$label" "$url" "${entry#*|}")"
    if [ "$count" != 0 ]; then echo "half-written: ${entry%%|*}: $count"; problems=$((problems + 1)); fi
  done
  "$tdkt" --db "$url" audit verify >"$work/verify" 2>&1 || { cat "$work/verify"; problems=$((problems + 1)); }
  return "$problems"
}

run_backend() {  # run_backend LABEL URL
  local label="$1" url="$2" trial acknowledged=0 total_acknowledged=0 good=0
  check "$label: init --demo" "$tdkt" --db "$url" init --demo
  for trial in $(seq 1 "$trials"); do
    rm -f "$work/stop" "$work"/log.* "$work/cookies"
    if ! start_server "$url"; then
      echo "FAIL: $label trial $trial: the server did not start on the killed server's database"
      tail -5 "$work/serve.log"; failures=$((failures + 1)); continue
    fi
    curl -sf -c "$work/cookies" -H 'Content-Type: application/json' -d '{"username":"canbo","password":"demo1234"}' \
      "$base/api/v1/login" >"$work/login.json"
    local csrf
    csrf="$(grep -o '"csrf_token":"[^"]*"' "$work/login.json" | cut -d'"' -f4)"
    local pids=()
    for i in $(seq 1 "$writers"); do
      touch "$work/log.$i"
      writer "$i" "$work/cookies" "$csrf" "$work/log.$i" &
      pids+=($!)
    done
    local ms=$((500 + RANDOM % 2500))  # the kill comes 0.5–3 s after the writers start
    sleep "$((ms / 1000)).$(printf '%03d' $((ms % 1000)))"
    kill -9 "$server_pid"; wait "$server_pid" 2>/dev/null; server_pid=""
    touch "$work/stop"
    wait "${pids[@]}" 2>/dev/null
    cat "$work"/log.* >"$work/acknowledged"
    acknowledged="$(wc -l <"$work/acknowledged")"
    total_acknowledged=$((total_acknowledged + acknowledged))
    if audit_database "$label" "$url" "$work/acknowledged" >"$work/problems" 2>&1; then
      good=$((good + 1)); passes=$((passes + 1))
    else
      failures=$((failures + 1)); echo "FAIL: $label trial $trial ($acknowledged acknowledged writes):"; head -20 "$work/problems"
    fi
  done
  check "$label: the server starts once more after the last kill" start_server "$url"
  if [ -n "$server_pid" ]; then kill "$server_pid"; wait "$server_pid" 2>/dev/null; server_pid=""; fi
  check "$label: some writes were acknowledged before the kills (the test drove load)" test "$total_acknowledged" -gt 0
  echo "$label: $good of $trials trials with every acknowledged write found, nothing half-written and the" \
       "audit trail verified; $total_acknowledged writes answered 2xx before the kills"
}

for backend in $backends; do
  case "$backend" in
    sqlite) run_backend sqlite "sqlite:$work/kill.db" ;;
    postgresql)
      if [ -z "${TDKT_TEST_PG:-}" ]; then
        echo "FAIL: TDKT_TEST_PG is not set; the PostgreSQL half cannot run (use make test)"
        failures=$((failures + 1)); continue
      fi
      pg_database="kill_$$"
      psql "$TDKT_TEST_PG" -qAt -c "CREATE DATABASE $pg_database" >/dev/null
      run_backend postgresql "${TDKT_TEST_PG%/*}/$pg_database"
      ;;
  esac
done
finish
