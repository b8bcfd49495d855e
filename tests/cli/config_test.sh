#!/usr/bin/env bash
# Configuration (docs/configuration.md): tdkt started from a TOML file like deploy/tdkt.toml
# listens where the file says and applies the file's province; the command line wins over the
# file; an unknown province is refused at start, naming those that exist.
#   tests/cli/config_test.sh TDKT_BINARY
set -uo pipefail
tdkt="$1"
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d /tmp/tdkt-config.XXXXXX)"
server=""
failures=0
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; fi
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

port=$((20000 + RANDOM % 20000))
other=$((port + 1))
# The example of the repository, with this test's database and port.
sed -e "s|^db = .*|db = \"sqlite:$work/tdkt.db\"|" -e "s|^port = 8080|port = $port|" \
  "$here/../../deploy/tdkt.toml" >"$work/tdkt.toml"
grep -q "port = $port" "$work/tdkt.toml" || fail "deploy/tdkt.toml has no port = 8080 to set"

"$tdkt" --config "$work/tdkt.toml" init --demo >/dev/null || fail "init --demo from the configuration file"
[ -s "$work/tdkt.db" ] || fail "the database of the configuration file was not created"

"$tdkt" --config "$work/tdkt.toml" serve >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/api/v1/health" >/dev/null && break; sleep 0.1; done
curl -sf "http://127.0.0.1:$port/api/v1/health" | grep -q '"sqlite"' || fail "no server on the port of the file"
curl -s -c "$work/cookies" -o /dev/null -H 'Content-Type: application/json' \
  -d '{"username":"canbo","password":"demo1234"}' "http://127.0.0.1:$port/api/v1/login"
curl -s -b "$work/cookies" "http://127.0.0.1:$port/api/v1/rule-sets" | grep -q '"province":"dong_nai"' ||
  fail "the rules do not apply the file's province"
kill "$server"; wait "$server" 2>/dev/null; server=""

# The command line wins over the file; "" applies the national rules alone.
"$tdkt" --config "$work/tdkt.toml" --province "" serve --port "$other" >"$work/serve2.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$other/api/v1/health" >/dev/null && break; sleep 0.1; done
curl -s -c "$work/cookies" -o /dev/null -H 'Content-Type: application/json' \
  -d '{"username":"canbo","password":"demo1234"}' "http://127.0.0.1:$other/api/v1/login"
curl -s -b "$work/cookies" "http://127.0.0.1:$other/api/v1/rule-sets" | grep -q '"province":""' ||
  fail "--province on the command line did not win over the file"
kill "$server"; wait "$server" 2>/dev/null; server=""

# An unknown province is refused, naming the ones that exist.
if "$tdkt" --config "$work/tdkt.toml" --province ha_noi migrate >"$work/out" 2>&1; then
  fail "an unknown province was accepted"
fi
grep -q 'Tỉnh "ha_noi" chưa có bộ quy định riêng' "$work/out" && grep -q '"dong_nai"' "$work/out" ||
  fail "the refusal of an unknown province: $(cat "$work/out")"
TDKT_PROVINCE=ha_noi "$tdkt" --db "sqlite:$work/tdkt.db" migrate >"$work/out" 2>&1 && fail "TDKT_PROVINCE=ha_noi was accepted"

[ "$failures" -eq 0 ] && echo "configuration test: passed"
[ "$failures" -eq 0 ]
