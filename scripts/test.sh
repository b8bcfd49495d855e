#!/usr/bin/env bash
# `make test`: checks the format, builds with the ci preset (warnings are errors), starts a
# throwaway PostgreSQL on a loopback port, and runs every test suite against SQLite and
# PostgreSQL. A suite that cannot reach its PostgreSQL fails; nothing is skipped. clang-tidy is
# `make lint`, which CI (.ci/run) runs after this (docs/adr/0009-lint-after-tests.md).
set -euo pipefail
cd "$(dirname "$0")/.."

preset="${TDKT_TEST_PRESET:-ci}"
jobs="$(nproc)"

echo "== format check"
scripts/check-format.sh

echo "== layer check"
scripts/check-layers.sh --self-test
scripts/check-layers.sh

echo "== build ($preset)"
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" -j "$jobs"

echo "== PostgreSQL"
pg_dir="$(mktemp -d /tmp/tdkt-pg.XXXXXX)"
pg_port="${TDKT_TEST_PG_PORT:-55432}"
trap 'scripts/pg-temp.sh stop "$pg_dir"' EXIT
TDKT_TEST_PG="$(scripts/pg-temp.sh start "$pg_dir" "$pg_port")"
export TDKT_TEST_PG
echo "throwaway cluster at $TDKT_TEST_PG"

echo "== tests"
mkdir -p test-output
ctest --preset "$preset" -j "$jobs" --output-on-failure
