#!/usr/bin/env bash
# Fails when a layer of src/ includes a layer it may not (docs/ARCHITECTURE.md, "Layers"):
# dependencies point inward, core ← domain ← app ← adapters ← server/cli, and adapters meet
# only where the table below allows. `make test` runs it before building.
#   scripts/check-layers.sh [SRC_DIR]          (default: src)
#   scripts/check-layers.sh --self-test        (a tree with a violation must fail, a clean one pass)
set -euo pipefail
cd "$(dirname "$0")/.."

# What each folder of src/ may include, besides itself and the standard and system headers.
declare -A allowed=(
  [core]=""
  [domain]="core"
  [app]="core domain"
  [rules_io]="core domain"
  # reading Office Open XML packages as streams under limits (ADR 0012)
  [ooxml]="core"
  [excel]="core ooxml"
  [documents]="core domain ooxml"
  [security]="core app"
  # storage hashes the audit chain and attachments with security's functions (ADR 0006, 0007)
  [storage]="core domain app security"
  [ingest]="core domain app excel"
  [http]="core domain app documents ingest rules_io"
  [cli]="core domain app documents ingest rules_io http storage security server"
  [server]="core domain app documents ingest rules_io http storage security cli"
)

check() {  # check SRC_DIR -> prints violations, returns 1 if any
  local src="$1" bad=0
  for layer_dir in "$src"/*/; do
    local layer
    layer="$(basename "$layer_dir")"
    if [ -z "${allowed[$layer]+set}" ]; then
      echo "check-layers: src/$layer is not in the layer table of scripts/check-layers.sh (add it, with what it may include)"
      bad=1
      continue
    fi
    while IFS= read -r hit; do
      [ -n "$hit" ] || continue
      local file="${hit%%:*}" included
      included="$(sed -E 's/.*#include "([a-z_]+)\/.*/\1/' <<<"$hit")"
      [ "$included" = "$layer" ] && continue
      # unit tests beside their sources may use the test support library (tests/support)
      [[ "$included" = support && "$file" == *_test.cpp ]] && continue
      if [[ " ${allowed[$layer]} " != *" $included "* ]]; then
        echo "check-layers: ${file#"$src"/} includes $included/ — $layer may include only: ${allowed[$layer]:-(nothing)}"
        bad=1
      fi
    done < <(grep -rnE '^#include "[a-z_]+/' "$layer_dir" --include='*.cpp' --include='*.hpp' || true)
  done
  return "$bad"
}

if [ "${1:-}" = "--self-test" ]; then
  tree="$(mktemp -d)"
  trap 'rm -rf "$tree"' EXIT
  mkdir -p "$tree/core" "$tree/domain" "$tree/app"
  printf '#include "core/result.hpp"\n' >"$tree/domain/ok.hpp"
  printf '#include "domain/ok.hpp"\n' >"$tree/app/ok.cpp"
  check "$tree" >/dev/null || { echo "check-layers self-test: a clean tree was refused"; exit 1; }
  printf '#include "app/ok.hpp"\n' >"$tree/domain/bad.cpp"
  if check "$tree" >"$tree.out"; then
    echo "check-layers self-test: domain including app was not caught"
    exit 1
  fi
  grep -q 'bad.cpp includes app/' "$tree.out" || { cat "$tree.out"; exit 1; }
  rm -f "$tree.out"
  echo "check-layers self-test: passed"
  exit 0
fi

check "${1:-src}" && echo "check-layers: every include follows the layer table"
