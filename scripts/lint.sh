#!/usr/bin/env bash
# clang-tidy over every source of src/ with the repository's .clang-tidy (warnings are errors).
#   scripts/lint.sh BUILD_DIR   (a configured build with compile_commands.json)
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build/ci}"
mapfile -t files < <(git ls-files 'src/*.cpp' 'tests/*.cpp')
# The generated embedded-file sources are not ours to lint; headers are checked through their users.
printf '%s\n' "${files[@]}" | xargs -P "$(nproc)" -n 4 clang-tidy -p "$build" --quiet 2>&1 \
  | grep -v -E '^[0-9]+ warnings? generated|^Suppressed [0-9]+ warnings|^Use -header-filter' \
  | tee /tmp/tdkt-lint.log
if grep -q -E 'error:|warning:' /tmp/tdkt-lint.log; then
  echo "lint: clang-tidy found problems (above)" >&2
  exit 1
fi
echo "lint: clean"
