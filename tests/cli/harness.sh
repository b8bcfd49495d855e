# Shared by the command-line test scripts (sourced, not run): `check` counts a step as passed or
# failed and shows a failed step's output; `on_both_backends` runs the script's `run_suite` on a
# SQLite file and in a fresh schema of the throwaway PostgreSQL (TDKT_TEST_PG, set by
# scripts/test.sh; without it the PostgreSQL half fails); `finish` prints the closing line.
# The sourcing script sets `work` (a temporary folder) first.
failures=0
passes=0

check() {  # check DESCRIPTION COMMAND...
  local description="$1"; shift
  if "$@" >"$work/out" 2>&1; then
    passes=$((passes + 1))
  else
    failures=$((failures + 1))
    echo "FAIL: $description"; sed 's/^/    /' "$work/out" | head -20
  fi
}

on_both_backends() {  # on_both_backends SCHEMA_PREFIX [EXTRA ARGUMENTS FOR THE SQLITE SUITE...]
  local prefix="$1"; shift
  run_suite sqlite "sqlite:$work/sqlite/tdkt.db" "$@"
  if [ -z "${TDKT_TEST_PG:-}" ]; then
    echo "FAIL: TDKT_TEST_PG is not set; the PostgreSQL half cannot run (use make test)"
    failures=$((failures + 1))
    return
  fi
  local schema="${prefix}_$$"
  psql "$TDKT_TEST_PG" -qAt -c "CREATE SCHEMA $schema" >/dev/null
  run_suite postgresql "$TDKT_TEST_PG?options=-csearch_path%3D$schema"
  PGOPTIONS="--client-min-messages=warning" psql "$TDKT_TEST_PG" -qAt -c "DROP SCHEMA $schema CASCADE" >/dev/null
}

finish() {
  echo "$passes passed, $failures failed"
  [ "$failures" -eq 0 ]
}
