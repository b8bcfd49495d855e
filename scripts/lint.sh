#!/usr/bin/env bash
# clang-tidy over every source of src/, tests/ and fuzz/ with the repository's .clang-tidy (warnings
# are errors).
#   scripts/lint.sh BUILD_DIR   (a configured build with compile_commands.json)
set -uo pipefail
cd "$(dirname "$0")/.."
build="${1:-build/ci}"
log="$(mktemp /tmp/tdkt-lint.XXXXXX)"
trap 'rm -f "$log"' EXIT
mapfile -t files < <(git ls-files 'src/*.cpp' 'tests/*.cpp' 'fuzz/*.cpp')
# Headers are checked through the sources that include them (HeaderFilterRegex in .clang-tidy).
printf '%s\n' "${files[@]}" | xargs -P "$(nproc)" -n 4 clang-tidy -p "$build" --quiet >"$log" 2>&1
status=$?
if [ "$status" -ne 0 ] || grep -q -E 'error:|warning:' "$log"; then
  grep -v -E '^[0-9]+ warnings? (and [0-9]+ errors? )?generated|^Suppressed [0-9]+ warnings|^Use -header-filter' "$log"
  echo "lint: clang-tidy found problems (above)" >&2
  exit 1
fi
echo "lint: clean (${#files[@]} files)"
