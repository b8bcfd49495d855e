#!/usr/bin/env bash
# `tdkt rules check` as a user runs it: a case piped to standard input and given as a file, from
# a directory without the source tree (the rule files are compiled in); exit code 0 with a
# verdict, 2 with a JSON error.
#   cli_test.sh TDKT CASES_DIR
set -uo pipefail
tdkt="$1"
cases="$2"
work="$(mktemp -d /tmp/tdkt-rules-cli.XXXXXX)"
trap 'rm -rf "$work"' EXIT
failures=0
expect() {  # expect DESCRIPTION EXPECTED_CODE PYTHON_CHECK -- COMMAND...
  local description="$1" code="$2" check="$3"; shift 4
  (cd "$work" && "$@") >"$work/out" 2>"$work/err"
  local actual=$?
  if [ "$actual" != "$code" ] || ! python3 -c "import json,sys; d=json.load(open('$work/out')); $check" 2>>"$work/err"; then
    failures=$((failures + 1))
    echo "FAIL: $description (exit $actual, expected $code)"; head -c 2000 "$work/out"; cat "$work/err"
  fi
}
person='{"decision_date":"2025-12-15","year":2025,"honours":["LDTT","CSTDCS"],"subject":{"kind":"person","id":"p1","years":{"2025":{"rating":"HTXSNV","months_worked":12}}}}'
unit='{"decision_date":"2025-12-15","year":2025,"honours":["TTLDTT"],"subject":{"kind":"unit","id":"u1","years":{"2025":{"rating":"HTTNV","members":10,"members_ldtt":7,"members_disciplined":0}}}}'
python3 -c "import json; print(json.dumps(json.load(open('$cases/cstd_tinh_missing_2024.json'))['input']))" >"$work/case.json"

expect "person on stdin" 0 "assert d['rule_set']=='ND152_2025' and [r['verdict'] for r in d['results']]==['eligible','eligible']" \
  -- sh -c "echo '$person' | '$tdkt' rules check -"
expect "unit on stdin, no FILE argument" 0 "assert d['results'][0]['verdict']=='eligible' and d['subject']['kind']=='unit'" \
  -- sh -c "echo '$unit' | '$tdkt' rules check"
expect "case file argument, missing year named" 0 \
  "assert d['results'][0]['verdict']=='ineligible' and 'còn thiếu năm 2024' in json.dumps(d, ensure_ascii=False)" \
  -- "$tdkt" rules check "$work/case.json"
expect "unknown honour is refused with exit code 2" 2 "assert d['error']['field']=='honours[0]'" \
  -- sh -c "echo '{\"decision_date\":\"2025-12-15\",\"year\":2025,\"honours\":[\"NOPE\"],\"subject\":{\"kind\":\"person\",\"id\":\"p\"}}' | '$tdkt' rules check -"
expect "a year before 2024 is refused" 2 "assert d['error']['field']=='year'" \
  -- sh -c "echo '{\"decision_date\":\"2024-02-01\",\"year\":2023,\"subject\":{\"kind\":\"person\",\"id\":\"p\"}}' | '$tdkt' rules check -"
expect "malformed JSON is refused" 2 "assert d['error']['code']=='invalid_input'" \
  -- sh -c "echo '{\"decision_date\":' | '$tdkt' rules check -"
expect "an unreadable file is refused" 2 "assert d['error']['field']=='file'" -- "$tdkt" rules check "$work/nothing.json"
[ "$failures" -eq 0 ] && echo "rules cli: all checks passed"
exit $((failures > 0))
