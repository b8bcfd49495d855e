#!/usr/bin/env bash
# The audit trail and the database's copies as an operator uses them (issue 16), on SQLite and on
# PostgreSQL (each case in its own database of the throwaway cluster, TDKT_TEST_PG):
# - the anchoring key (`audit keygen`) and anchors (`audit anchor --out`);
# - the attacks of the issue's row 6: a record edited and every hash after it recomputed, the
#   newest records deleted, the trail truncated, a record deleted in the middle: `audit verify`
#   alone passes (the chain is valid again), `audit verify --anchor` fails and names the record;
#   a forged or foreign anchor file fails too, and `audit anchor` refuses to sign over a rewrite;
# - the database refuses UPDATE and DELETE on audit_log (triggers of migration 0011) and, on
#   PostgreSQL, the application's role set up by scripts/pg-roles.sql cannot rewrite it at all;
# - `backup` then `restore` into an empty database gives back the same database, compared by
#   logical dumps (sqlite3 .dump, pg_dump); a database with data is not overwritten;
# - pg_dump gets the password in its environment, not on its command line, and no TDKT_ variable.
set -uo pipefail
tdkt="$(realpath "$1")"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$(mktemp -d /tmp/tdkt-audit-cli.XXXXXX)"
export tdkt work  # the functions below also run inside `bash -c` of check
databases=()
roles=()
cleanup() {
  if [ -n "${TDKT_TEST_PG:-}" ]; then
    for name in "${databases[@]}"; do
      psql "$TDKT_TEST_PG" -qAt -c "DROP DATABASE IF EXISTS $name WITH (FORCE)" >/dev/null 2>&1
    done
    for role in "${roles[@]}"; do psql "$TDKT_TEST_PG" -qAt -c "DROP ROLE IF EXISTS $role" >/dev/null 2>&1; done
  fi
  rm -rf "$work"
}
trap cleanup EXIT
source "$here/harness.sh"
contains() { grep -q -- "$1" "$2"; }

# new_db LABEL NAME -> the URL of a new, empty database
new_db() {
  if [ "$1" = sqlite ]; then
    echo "sqlite:$work/$2.db"
  else
    local name="audit_${2}_$$"
    psql "$TDKT_TEST_PG" -qAt -c "CREATE DATABASE $name" >/dev/null
    databases+=("$name")
    echo "${TDKT_TEST_PG%/*}/$name"
  fi
}
# sql LABEL URL STATEMENTS... : runs SQL as the database's owner (sqlite3, psql)
sql() {
  local label="$1" url="$2"; shift 2
  if [ "$label" = sqlite ]; then sqlite3 -bail "${url#sqlite:}" "$@"; else psql "$url" -v ON_ERROR_STOP=1 -qAt -c "$*"; fi
}
# drop_guards LABEL URL: what the owner of the file or of the tables can do first
drop_guards() {
  if [ "$1" = sqlite ]; then
    sql "$1" "$2" "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;"
  else
    sql "$1" "$2" "ALTER TABLE audit_log DISABLE TRIGGER USER"
  fi
}
# rehash LABEL URL: recompute every link and hash, as tdkt does, so that the chain holds again
rehash() {
  local query="SELECT id, at, actor, entity, entity_id, action, before_json, after_json, prev_hash, hash FROM audit_log ORDER BY id"
  if [ "$1" = sqlite ]; then
    sqlite3 -csv "${2#sqlite:}" "$query" | python3 "$here/rehash_audit.py" | sqlite3 -bail "${2#sqlite:}"
  else
    psql "$2" -qAt --csv -c "$query" | python3 "$here/rehash_audit.py" | psql "$2" -v ON_ERROR_STOP=1 -qAt >/dev/null
  fi
}
# dump LABEL URL: a logical dump of the whole database
dump() {
  # pg_dump's \restrict lines carry a random key (PostgreSQL 15.14+): not part of the data.
  if [ "$1" = sqlite ]; then sqlite3 "${2#sqlite:}" .dump; else pg_dump --no-owner "$2" | grep -Ev '^\\(un)?restrict '; fi
}
add_user() {  # add_user URL NAME
  echo "mat-khau-$2-dai" | "$tdkt" --db "$1" user add "$2" --role viewer >/dev/null
}
verify_anchored() {  # verify_anchored URL -> output of verify --anchor into $work/out2, exit code
  "$tdkt" --db "$1" audit verify --anchor "$work/anchors" --public-key "$work/key.pub" >"$work/out2" 2>&1
}

run_suite() {  # run_suite LABEL
  local label="$1"
  echo "-- $label"
  rm -f "$work/key" "$work/key.pub" "$work/anchors"
  local db
  db="$(new_db "$label" main)"
  check "$label: init --demo" "$tdkt" --db "$db" init --demo

  # The key.
  check "$label: keygen writes a secret key readable by its owner only, and its public half" bash -c "
    '$tdkt' audit keygen --out '$work/key' | grep -q 'Đã tạo khóa' &&
    [ \"\$(stat -c %a '$work/key')\" = 600 ] && grep -q '^tdkt-audit-public-key-ed25519 ' '$work/key.pub'"
  check "$label: keygen never overwrites a key" bash -c "! '$tdkt' audit keygen --out '$work/key' 2>'$work/err' && grep -q 'không ghi đè' '$work/err'"
  check "$label: anchor without a key is refused" bash -c "! env -u TDKT_AUDIT_KEY '$tdkt' --db '$db' audit anchor 2>'$work/err' && grep -q -- '--key' '$work/err'"
  chmod 644 "$work/key"
  check "$label: a key others can read is refused" bash -c "! '$tdkt' --db '$db' audit anchor --key '$work/key' 2>'$work/err' && grep -q 'chmod 600' '$work/err'"
  chmod 600 "$work/key"

  # Anchors: printed, or appended to a file; each names the head of the chain.
  check "$label: anchor prints one signed line naming the head" bash -c "
    '$tdkt' --db '$db' audit anchor --key '$work/key' >'$work/line' &&
    [ \"\$(wc -l <'$work/line')\" = 1 ] && grep -Eq '^tdkt-audit-anchor v1 record=[0-9]+ records=[0-9]+ hash=[0-9a-f]{64} .* signature=' '$work/line'"
  local first
  first="$(sql "$label" "$db" "SELECT MAX(id) FROM audit_log")"
  check "$label: anchor --out appends to the file" bash -c "'$tdkt' --db '$db' audit anchor --key '$work/key' --out '$work/anchors' | grep -q 'bản ghi #$first'"
  add_user "$db" nguoi1; add_user "$db" nguoi2
  local second
  second="$(sql "$label" "$db" "SELECT MAX(id) FROM audit_log")"
  check "$label: a second anchor, the key from \$TDKT_AUDIT_KEY" bash -c "
    TDKT_AUDIT_KEY='$work/key' '$tdkt' --db '$db' audit anchor --out '$work/anchors' | grep -q 'bản ghi #$second' &&
    [ \"\$(wc -l <'$work/anchors')\" = 2 ]"
  add_user "$db" nguoi3
  check "$label: verify --anchor passes on an untouched trail" bash -c "
    '$tdkt' --db '$db' audit verify --anchor '$work/anchors' --public-key '$work/key.pub' | grep -q 'khớp 2 mốc neo, mốc mới nhất tại bản ghi #$second'"
  check "$label: the public key from \$TDKT_AUDIT_PUBLIC_KEY" bash -c "
    TDKT_AUDIT_PUBLIC_KEY='$work/key.pub' '$tdkt' --db '$db' audit verify --anchor '$work/anchors' | grep -q 'khớp 2 mốc'"

  # The database refuses to change or delete an audit record, even for its owner's statements.
  local before
  before="$(sql "$label" "$db" "SELECT COUNT(*), MAX(hash) FROM audit_log")"
  check "$label: UPDATE on audit_log is refused by the database" bash -c "$(declare -f sql); ! sql $label '$db' \"UPDATE audit_log SET actor = 'ai-do' WHERE id = 3\""
  check "$label: DELETE on audit_log is refused by the database" bash -c "$(declare -f sql); ! sql $label '$db' \"DELETE FROM audit_log WHERE id >= $second\""
  check "$label: the trail is unchanged" test "$(sql "$label" "$db" "SELECT COUNT(*), MAX(hash) FROM audit_log")" = "$before"

  # A clean copy for each attack: backup once, restore into a new database each time.
  check "$label: backup" "$tdkt" --db "$db" backup "$work/pristine.$label"
  attack() {  # attack NAME -> URL of a fresh copy in $victim
    victim="$(new_db "$label" "$1")"
    "$tdkt" --db "$victim" restore "$work/pristine.$label" >/dev/null && drop_guards "$label" "$victim"
  }

  attack edit
  sql "$label" "$victim" "UPDATE audit_log SET actor = 'ai-do' WHERE id = $((first + 1))"
  rehash "$label" "$victim"
  check "$label: edit + recompute: verify alone is fooled (the issue's row 6)" bash -c "'$tdkt' --db '$victim' audit verify | grep -q 'toàn vẹn'"
  check "$label: edit + recompute: verify --anchor fails, naming the anchored record and the range" bash -c "
    $(declare -f verify_anchored); verify_anchored '$victim'; rc=\$?; cat '$work/out2'; [ \$rc -eq 1 ] &&
    grep -q 'KHÔNG toàn vẹn' '$work/out2' && grep -q 'bản ghi #$second không khớp' '$work/out2' &&
    grep -q 'từ bản ghi #$((first + 1)) đến #$second' '$work/out2'" 
  check "$label: anchor refuses to sign over the rewritten trail" bash -c "
    ! '$tdkt' --db '$victim' audit anchor --key '$work/key' --out '$work/anchors' 2>&1 | tee '$work/err' | grep -q 'Đã neo' &&
    grep -q 'không ký mốc neo mới' '$work/err' && [ \"\$(wc -l <'$work/anchors')\" = 2 ]"

  attack newest
  sql "$label" "$victim" "DELETE FROM audit_log WHERE id >= $second"
  check "$label: newest records deleted: verify alone passes" bash -c "'$tdkt' --db '$victim' audit verify | grep -q 'toàn vẹn'"
  check "$label: newest records deleted: verify --anchor fails" bash -c "
    $(declare -f verify_anchored); ! verify_anchored '$victim' && grep -q 'cắt bớt' '$work/out2' && grep -q '#$second' '$work/out2'"
  add_user "$victim" nguoi4; add_user "$victim" nguoi5; add_user "$victim" nguoi6
  check "$label: … and new records written after the deletion do not hide it" bash -c "
    $(declare -f verify_anchored); ! verify_anchored '$victim' && grep -q '#$second' '$work/out2'"

  attack truncate
  sql "$label" "$victim" "DELETE FROM audit_log"
  check "$label: truncated: verify alone passes on an empty trail" bash -c "'$tdkt' --db '$victim' audit verify | grep -q 'toàn vẹn: 0 bản ghi'"
  check "$label: truncated: verify --anchor fails" bash -c "
    $(declare -f verify_anchored); ! verify_anchored '$victim' && grep -q 'cắt bớt' '$work/out2'"

  attack middle
  sql "$label" "$victim" "DELETE FROM audit_log WHERE id = $((first - 1))"
  rehash "$label" "$victim"
  check "$label: a record deleted in the middle + recompute: verify --anchor fails at the first anchor" bash -c "
    $(declare -f verify_anchored); ! verify_anchored '$victim' && grep -q 'bản ghi #$first không khớp' '$work/out2'"

  cp "$work/anchors" "$work/anchors.good"
  sed -i "1s/records=[0-9]*/records=1/" "$work/anchors"
  check "$label: an anchor file edited by hand fails its signature" bash -c "
    $(declare -f verify_anchored); ! verify_anchored '$db' && grep -q 'chữ ký của mốc neo ở dòng 1' '$work/out2'"
  cp "$work/anchors.good" "$work/anchors"
  "$tdkt" audit keygen --out "$work/other" >/dev/null
  check "$label: anchors checked with another key fail" bash -c "
    ! '$tdkt' --db '$db' audit verify --anchor '$work/anchors' --public-key '$work/other.pub' >'$work/out3' &&
    grep -q 'ký bằng khóa khác' '$work/out3'"
  rm -f "$work/other" "$work/other.pub"

  # Backup and restore give back the same database.
  local copy
  copy="$(new_db "$label" copy)"
  check "$label: restore into an empty database" bash -c "'$tdkt' --db '$copy' restore '$work/pristine.$label' | grep -q 'chuỗi mã băm khớp'"
  local original
  original="$(new_db "$label" original)"
  "$tdkt" --db "$original" restore "$work/pristine.$label" >/dev/null
  check "$label: the restored database equals the backed-up one (logical dumps)" bash -c "
    $(declare -f dump); diff <(dump $label '$db') <(dump $label '$copy') >'$work/diff' || { head -20 '$work/diff'; false; }"
  check "$label: restore refuses a database that has data, and leaves it as it was" bash -c "
    $(declare -f dump); dump $label '$copy' >'$work/before.dump';
    ! '$tdkt' --db '$copy' restore '$work/pristine.$label' 2>'$work/err' && grep -q 'đã có dữ liệu' '$work/err' &&
    dump $label '$copy' | diff -q - '$work/before.dump'"
  check "$label: the restored database serves (migrate finds nothing to do)" bash -c "'$tdkt' --db '$copy' migrate | grep -q 'Đã áp dụng 0 migration'"
}

check "keygen needs no database" bash -c "cd '$work' && '$tdkt' --db 'sqlite:/nonexistent/x.db' audit keygen --out '$work/solo' >/dev/null && [ -s '$work/solo.pub' ]"
check "restore of a missing file is refused" bash -c "! '$tdkt' --db 'sqlite:$work/none.db' restore '$work/missing.db' 2>'$work/err' && grep -q 'Không có tệp sao lưu' '$work/err'"
check "restore of a file that is not an SQLite backup is refused" bash -c "
  echo 'không phải cơ sở dữ liệu' >'$work/junk.db'; ! '$tdkt' --db 'sqlite:$work/junk-target.db' restore '$work/junk.db' 2>'$work/err' && grep -q 'nguyên vẹn' '$work/err'"

run_suite sqlite
if [ -z "${TDKT_TEST_PG:-}" ]; then
  echo "FAIL: TDKT_TEST_PG is not set; the PostgreSQL half cannot run (use make test)"
  failures=$((failures + 1))
else
  run_suite postgresql

  # The application's role (scripts/pg-roles.sql) appends to the trail and cannot rewrite it.
  owner="tdkt_owner_$$"; app="tdkt_app_$$"; name="audit_roles_$$"
  psql "$TDKT_TEST_PG" -v ON_ERROR_STOP=1 -qAt -c "CREATE ROLE $owner LOGIN" -c "CREATE ROLE $app LOGIN" \
    -c "CREATE DATABASE $name OWNER $owner" >/dev/null
  roles+=("$app" "$owner"); databases=("$name" "${databases[@]}")
  base="${TDKT_TEST_PG%/*}/$name"; as_owner="${base/tdkt@/$owner@}"; as_app="${base/tdkt@/$app@}"
  check "roles: the owner migrates and loads the demo" "$tdkt" --db "$as_owner" init --demo
  check "roles: scripts/pg-roles.sql grants the application its privileges" \
    psql "$as_owner" -qAt -v owner="$owner" -v app="$app" -f "$root/scripts/pg-roles.sql"
  check "roles: the application starts (migrate with nothing pending)" bash -c "'$tdkt' --db '$as_app' migrate | grep -q 'Đã áp dụng 0 migration'"
  check "roles: the application writes, and appends to the trail" bash -c "echo 'mat-khau-ung-dung' | '$tdkt' --db '$as_app' user add ungdung --role viewer | grep -q 'Đã tạo'"
  check "roles: the application reads and verifies the trail" bash -c "'$tdkt' --db '$as_app' audit verify | grep -q 'toàn vẹn'"
  for statement in "UPDATE audit_log SET actor = 'ai-do'" "DELETE FROM audit_log" "TRUNCATE audit_log" \
                   "ALTER TABLE audit_log DISABLE TRIGGER USER" "DROP TRIGGER audit_log_no_change ON audit_log"; do
    check "roles: the application may not: $statement" bash -c "
      ! psql '$as_app' -v ON_ERROR_STOP=1 -qAt -c \"$statement\" 2>'$work/err' && grep -Eq 'permission denied|must be owner' '$work/err'"
  done
  check "roles: the owner's own UPDATE is refused by the trigger" bash -c "
    ! psql '$as_owner' -v ON_ERROR_STOP=1 -qAt -c \"UPDATE audit_log SET actor = 'ai-do'\" 2>'$work/err' && grep -q 'chỉ được ghi thêm' '$work/err'"
  check "roles: the trail still holds" bash -c "'$tdkt' --db '$as_app' audit verify | grep -q 'toàn vẹn'"

  # pg_dump: the password in its environment (PGPASSWORD), never on its command line; no TDKT_*.
  mkdir -p "$work/fakebin"
  cat >"$work/fakebin/pg_dump" <<'FAKE'
#!/usr/bin/env bash
printf '%s\n' "$@" >"$FAKE_OUT.argv"
env >"$FAKE_OUT.env"
exit 0
FAKE
  chmod +x "$work/fakebin/pg_dump"
  secret_url="${base/tdkt@/tdkt:mat-khau-bi-mat@}"
  check "pg_dump: runs with the password in PGPASSWORD, not in argv, without TDKT_DB" bash -c "
    PATH='$work/fakebin':\$PATH FAKE_OUT='$work/fake' TDKT_DB='$secret_url' '$tdkt' backup '$work/x.pgdump' >/dev/null &&
    ! grep -q 'mat-khau-bi-mat' '$work/fake.argv' && grep -q -- '--dbname=' '$work/fake.argv' &&
    grep -qx 'PGPASSWORD=mat-khau-bi-mat' '$work/fake.env' && ! grep -q '^TDKT_' '$work/fake.env'"
fi

finish
