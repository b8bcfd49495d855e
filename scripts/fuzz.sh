#!/usr/bin/env bash
# `make fuzz`: builds the fuzz preset (clang: libFuzzer, AddressSanitizer, UndefinedBehaviorSanitizer)
# and runs every fuzz target (fuzz/*.cpp) for TDKT_FUZZ_RUNS executions, starting from its seed
# corpus and regressions, then prints one summary line per target: executions, exec/s, edges
# covered, corpus size, peak memory, findings. Exit code 1 when any target found something; the
# input that did it is in BUILD/fuzz-findings/TARGET/ (crash-…, leak-…, timeout-…, oom-…). Each
# target's log is BUILD/fuzz-logs/TARGET.log; inputs that reached new code are kept in
# BUILD/fuzz-work/TARGET/ (not in the repository: copy the useful ones to fuzz/corpus/).
# docs/reliability.md ("Fuzzing") has the figures and says what to do with a finding.
#
#   scripts/fuzz.sh [TARGET...]          every target by default (names without "fuzz_")
#   TDKT_FUZZ_RUNS=N                      executions per target (default 1000000)
#   TDKT_FUZZ_BUILD=DIR                   the build (default build/fuzz); TDKT_FUZZ_SKIP_BUILD=1: as it is
set -uo pipefail
cd "$(dirname "$0")/.."

runs="${TDKT_FUZZ_RUNS:-1000000}"
build="${TDKT_FUZZ_BUILD:-build/fuzz}"

if [ -z "${TDKT_FUZZ_SKIP_BUILD:-}" ]; then
  cmake --preset fuzz >/dev/null || exit 1
  cmake --build --preset fuzz -j "$(nproc)" || exit 1
fi

# The longest input each target is given: what its real inputs need, small enough to stay fast.
max_len_of() {
  case "$1" in
    civil_date) echo 64 ;;
    document_number) echo 256 ;;
    query) echo 2048 ;;
    attachment | complaint_rules) echo 4096 ;;
    docx_values | rule_case) echo 8192 ;;
    json_body | statistical_forms) echo 16384 ;;
    docx_template | rule_files) echo 32768 ;;
    xlsx) echo 65536 ;;
    *) echo 4096 ;;
  esac
}

# A dictionary of the input's tokens (fuzz/dictionaries/), for the targets that read a syntax.
dict_of() {
  case "$1" in
    json_body | rule_case | rule_files | statistical_forms | complaint_rules) echo fuzz/dictionaries/json.dict ;;
    xlsx | docx_template) echo fuzz/dictionaries/xml.dict ;;
    *) echo "" ;;
  esac
}

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for binary in "$build"/fuzz/fuzz_*; do
    [ -x "$binary" ] && targets+=("$(basename "$binary" | sed 's/^fuzz_//')")
  done
fi
if [ ${#targets[@]} -eq 0 ]; then
  echo "fuzz: no fuzz targets in $build/fuzz" >&2
  exit 1
fi

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
mkdir -p "$build/fuzz-logs"
failed=0
summary=()
for target in "${targets[@]}"; do
  binary="$build/fuzz/fuzz_$target"
  if [ ! -x "$binary" ]; then
    echo "fuzz: no target $target ($binary)" >&2
    exit 1
  fi
  work="$build/fuzz-work/$target"
  findings="$build/fuzz-findings/$target"
  log="$build/fuzz-logs/$target.log"
  mkdir -p "$work" "$findings"
  inputs=("$work" "fuzz/corpus/$target")
  [ -d "fuzz/regressions/$target" ] && inputs+=("fuzz/regressions/$target")
  flags=(-runs="$runs" -max_len="$(max_len_of "$target")" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1
    -artifact_prefix="$findings/")
  [ -n "$(dict_of "$target")" ] && flags+=(-dict="$(dict_of "$target")")
  echo "== fuzz $target: ${flags[*]}"
  start=$(date +%s)
  "$binary" "${flags[@]}" "${inputs[@]}" >"$log" 2>&1
  status=$?
  seconds=$(($(date +%s) - start))
  # libFuzzer's last status line ("#1000000 DONE cov: 1234 ft: 2345 corp: 56/7890b ... exec/s: 8130 rss: 120Mb")
  # and its final statistics (-print_final_stats).
  last="$(grep -E '^#[0-9]+' "$log" | tail -n 1)"
  executed="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")"
  speed="$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")"
  rss="$(sed -n 's/^stat::peak_rss_mb: *//p' "$log")"
  cov="$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")"
  corpus="$(sed -n 's/.* corp: \([^ ]*\).*/\1/p' <<<"$last")"
  result="clean"
  if [ "$status" -ne 0 ]; then
    failed=1
    result="FINDING (exit $status; see $log, input in $findings/)"
  elif [ "${executed:-0}" -lt "$runs" ]; then
    failed=1
    result="TOO FEW RUNS"
  fi
  summary+=("$(printf '| %s | %s | %s | %s | %s | %s MB | %s s | %s |' "$target" "${executed:--}" "${speed:--}" \
    "${cov:--}" "${corpus:--}" "${rss:--}" "$seconds" "$result")")
  echo "${summary[-1]}"
done

echo
echo "== fuzz summary ($runs runs per target, ASan + UBSan)"
echo "| target | executions | exec/s | edges covered | corpus | peak RSS | time | result |"
echo "|---|---|---|---|---|---|---|---|"
printf '%s\n' "${summary[@]}"
exit "$failed"
