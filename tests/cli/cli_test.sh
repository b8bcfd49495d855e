#!/usr/bin/env bash
# The command line as a user runs it, on SQLite and on PostgreSQL: init --demo, migrate, serve
# and the answers of the foundation issue, backup, version, --help. Needs TDKT_TEST_PG (set by
# scripts/test.sh); without it the PostgreSQL half fails.
set -uo pipefail
tdkt="$1"
work="$(mktemp -d /tmp/tdkt-cli.XXXXXX)"
server_pid=""
failures=0
passes=0
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null; fi
  rm -rf "$work"
}
trap cleanup EXIT

check() {  # check DESCRIPTION COMMAND...
  local description="$1"; shift
  if "$@" >"$work/out" 2>&1; then
    passes=$((passes + 1))
  else
    failures=$((failures + 1))
    echo "FAIL: $description"; sed 's/^/    /' "$work/out" | head -20
  fi
}
contains() { grep -q -- "$1" "$2"; }

run_suite() {  # run_suite LABEL DB_URL
  local label="$1" db="$2"
  echo "-- $label"
  check "$label: init --demo" "$tdkt" --db "$db" init --demo
  check "$label: init --demo again is refused" bash -c "! '$tdkt' --db '$db' init --demo"
  check "$label: migrate finds nothing to do" bash -c "'$tdkt' --db '$db' migrate | grep -q 'Đã áp dụng 0 migration'"
  check "$label: document render writes the plan 05/KH-BDT of 2023 as DOCX" bash -c "'$tdkt' --db '$db' document render 05/KH-BDT --year 2023 --out '$work/kh05.docx' && [ -s '$work/kh05.docx' ] && head -c 2 '$work/kh05.docx' | grep -q PK"
  check "$label: document render writes it as PDF with its Vietnamese text" bash -c "'$tdkt' --db '$db' document render 05/KH-BDT --year 2023 --out '$work/kh05.pdf' && pdftotext -enc UTF-8 '$work/kh05.pdf' - | grep -q 'Bình Phước, ngày 03 tháng 02 năm 2023'"
  check "$label: document render refuses a number not in the register" bash -c "! '$tdkt' --db '$db' document render 99/KH-BDT --year 2023 --out '$work/x.docx' 2>'$work/err' && grep -q 'Không có văn bản số 99/KH-BDT' '$work/err'"
  check "$label: document list shows the register" bash -c "'$tdkt' --db '$db' document list --year 2023 | grep -q '05/KH-BDT'"

  port=$((20000 + RANDOM % 20000))
  "$tdkt" --db "$db" serve --host 127.0.0.1 --port "$port" --session-idle-minutes 30 >"$work/serve.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/api/v1/health" >/dev/null && break; sleep 0.1; done
  check "$label: serve prints its address" contains "http://127.0.0.1:$port/" "$work/serve.log"
  check "$label: the API refuses a request without a session" bash -c "[ \"\$(curl -s -o /dev/null -w '%{http_code}' 'http://127.0.0.1:$port/api/v1/units')\" = 401 ]"
  check "$label: a demo account signs in" curl -sf -c "$work/cookies" -H 'Content-Type: application/json' \
    -d '{"username":"canbo","password":"demo1234"}' "http://127.0.0.1:$port/api/v1/login"
  check "$label: 5 departments on 31/12/2022" bash -c "curl -sf -b '$work/cookies' 'http://127.0.0.1:$port/api/v1/units?as_of=2022-12-31' | python3 -c '
import json,sys
units=json.load(sys.stdin)[\"units\"]
ban=[u for u in units if u[\"name\"]==\"Ban Dân tộc tỉnh Bình Phước\"][0]
assert len(ban[\"children\"])==5, ban'"
  check "$label: 3 departments on 30/06/2023" bash -c "curl -sf -b '$work/cookies' 'http://127.0.0.1:$port/api/v1/units?as_of=2023-06-30' | python3 -c '
import json,sys
units=json.load(sys.stdin)[\"units\"]
ban=[u for u in units if u[\"name\"]==\"Ban Dân tộc tỉnh Bình Phước\"][0]
assert sorted(c[\"name\"] for c in ban[\"children\"])==[\"Phòng Chính sách Dân tộc\",\"Phòng Tuyên truyền và Địa bàn\",\"Văn phòng\"], ban'"
  check "$label: the Sở of Đồng Nai is the successor on 31/12/2025" bash -c "
ban=\$(curl -sf -b '$work/cookies' 'http://127.0.0.1:$port/api/v1/units?as_of=2022-12-31' | python3 -c '
import json,sys
print([u for u in json.load(sys.stdin)[\"units\"] if u[\"name\"]==\"Ban Dân tộc tỉnh Bình Phước\"][0][\"id\"])')
curl -sf -b '$work/cookies' \"http://127.0.0.1:$port/api/v1/units/\$ban/successors?as_of=2025-12-31\" | python3 -c '
import json,sys
s=json.load(sys.stdin)[\"successors\"]
assert [u[\"name\"] for u in s]==[\"Sở Dân tộc và Tôn giáo tỉnh Đồng Nai\"], s'
curl -sf -b '$work/cookies' 'http://127.0.0.1:$port/api/v1/units?as_of=2025-12-31' | grep -q 'Sở Dân tộc và Tôn giáo tỉnh Đồng Nai'"
  check "$label: 'nguyen van' finds Nguyễn Văn …" bash -c "curl -sf -b '$work/cookies' 'http://127.0.0.1:$port/api/v1/people?q=nguyen%20van' | python3 -c '
import json,sys
items=json.load(sys.stdin)[\"items\"]
assert len(items)>=3 and all(p[\"full_name\"].startswith(\"Nguyễn Văn \") for p in items), items'"
  check "$label: the sign-in page is served" bash -c "curl -sf 'http://127.0.0.1:$port/login' | grep -q 'lang=\"vi\"'"
  check "$label: pages send a visitor without a session to the sign-in page" bash -c "[ \"\$(curl -s -o /dev/null -w '%{http_code}' 'http://127.0.0.1:$port/people')\" = 303 ]"
  kill "$server_pid"; wait "$server_pid" 2>/dev/null; server_pid=""
  check "$label: serve stops cleanly on SIGTERM" contains "tdkt đã dừng" "$work/serve.log"
}

check "version" bash -c "'$tdkt' version | grep -Eq '^tdkt [0-9]+\.[0-9]+\.[0-9]+'"
for command in serve init migrate backup version; do
  check "$command --help" bash -c "'$tdkt' $command --help | grep -q -- '--help'"
done
check "serve --help describes the idle time of sessions" bash -c "'$tdkt' serve --help | grep -q -- '--session-idle-minutes'"
check "serve refuses an idle time of sessions below 5 minutes" bash -c "timeout 10 '$tdkt' --db 'sqlite:$work/idle.db' serve --port 1 --session-idle-minutes 1 >/dev/null 2>'$work/idle.err'; rc=\$?; [ \$rc -ne 0 ] && [ \$rc -ne 124 ] && grep -q -- '--session-idle-minutes' '$work/idle.err'"
check "a malformed --db is refused" bash -c "! '$tdkt' --db mysql://x migrate 2>&1 | grep -q 'không hợp lệ' && false || '$tdkt' --db mysql://x migrate 2>&1 | grep -q 'không hợp lệ'"

run_suite sqlite "sqlite:$work/sqlite/tdkt.db"
check "sqlite: user add creates an administrator" bash -c "echo 'mat-khau-quan-tri' | '$tdkt' --db 'sqlite:$work/sqlite/tdkt.db' user add quantri --role admin --name 'Quản trị' | grep -q 'Đã tạo tài khoản quantri'"
check "sqlite: user add refuses a weak password" bash -c "! (echo 'ngan' | '$tdkt' --db 'sqlite:$work/sqlite/tdkt.db' user add quantri2 --role admin)"
check "sqlite: audit verify passes on an untouched trail" bash -c "'$tdkt' --db 'sqlite:$work/sqlite/tdkt.db' audit verify | grep -q 'toàn vẹn'"
check "sqlite: audit verify finds a record altered with sqlite3" bash -c "
sqlite3 '$work/sqlite/tdkt.db' \"DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'ai-do' WHERE id = 5\"
out=\$('$tdkt' --db 'sqlite:$work/sqlite/tdkt.db' audit verify); rc=\$?
[ \$rc -eq 1 ] && echo \"\$out\" | grep -q 'bản ghi #5'"
check "sqlite: backup" "$tdkt" --db "sqlite:$work/sqlite/tdkt.db" backup "$work/backup.db"
check "sqlite: the backup holds the people" bash -c "[ \"\$(sqlite3 '$work/backup.db' 'SELECT COUNT(*) FROM person')\" -ge 18 ]"

if [ -z "${TDKT_TEST_PG:-}" ]; then
  echo "FAIL: TDKT_TEST_PG is not set; the PostgreSQL half cannot run (use make test)"
  failures=$((failures + 1))
else
  schema="cli_$$"
  psql "$TDKT_TEST_PG" -qAt -c "CREATE SCHEMA $schema" >/dev/null
  run_suite postgresql "$TDKT_TEST_PG?options=-csearch_path%3D$schema"
  check "postgresql: backup with pg_dump" "$tdkt" --db "$TDKT_TEST_PG?options=-csearch_path%3D$schema" backup "$work/backup.pgdump"
  check "postgresql: the dump is not empty" test -s "$work/backup.pgdump"
  PGOPTIONS="--client-min-messages=warning" psql "$TDKT_TEST_PG" -qAt -c "DROP SCHEMA $schema CASCADE" >/dev/null
fi

echo "$passes passed, $failures failed"
[ "$failures" -eq 0 ]
