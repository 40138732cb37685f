#!/usr/bin/env bash
# Builds every libFuzzer target (tests/CMakeLists.txt's JB_FUZZ_TARGETS: one per reader) with clang
# (ASan + UBSan) in build-fuzz/ and runs them within ONE time budget, split by each target's share
# below, two at a time (libFuzzer uses one core, so the budget's seconds pass in about half the wall
# time), each on a copy of its seeds (tests/fuzz/corpus/<target>/) and of its past failures
# (tests/fuzz/regressions/<target>/). Prints each target's executions. Fails on any crash, broken
# invariant, leak, timeout or out-of-memory, and copies the input that failed into
# tests/fuzz/regressions/<target>/: fix the bug, keep the file (the unit tests replay it).
#   scripts/fuzz.sh [SECONDS]          default 60 s in all (what scripts/test.sh runs)
#   scripts/fuzz.sh --long [MINUTES]   a longer run by hand, default 10 minutes in all
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
# A unity build (CMake batches of source files, one translation unit each): core parses its
# headers a few times instead of once per file. -O1: what libFuzzer and the sanitizers are usually
# run with; compiles faster than -O2. Line tables only (here and in CMakeLists.txt's JB_FUZZ flags):
# every report still has its file and line, in about a quarter less compile time than with -g.
sanitized_flags=(-DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only -DNDEBUG"
                 -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only -DNDEBUG"
                 -DCMAKE_UNITY_BUILD=ON)
build="$root/build-fuzz"
fuzz="$root/tests/fuzz"

if [ "${1:-}" = "--long" ]; then
  budget=$(( ${2:-10} * 60 ))
else
  budget=${1:-60}
fi
case "$budget" in '' | *[!0-9]*) echo "fuzz: the budget must be a whole number of seconds (or --long MINUTES)." >&2; exit 2 ;; esac

# A target's share of the budget (1 when not listed): the readers of whole files get more.
declare -A share=([load]=3 [journal]=3 [recovery]=2 [paste]=1 [text_edit]=1 [settings]=1 [table]=1 [mermaid]=1)
# The longest input each target is given (libFuzzer's -max_len).
declare -A max_len=([load]=65536 [journal]=16384 [recovery]=65536 [paste]=65536 [text_edit]=4096 [settings]=4096 [table]=65536 [mermaid]=16384)
# Its dictionary, tests/fuzz/<name>.dict (none when not listed): a recovery copy is a board file.
declare -A dict_of=([load]=load [recovery]=load [mermaid]=mermaid)

targets=$(sed -n 's/^set(JB_FUZZ_TARGETS \(.*\))$/\1/p' "$root/tests/CMakeLists.txt")
[ -n "$targets" ] || { echo "fuzz: no JB_FUZZ_TARGETS line in tests/CMakeLists.txt." >&2; exit 1; }

cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER=clang \
  -DCMAKE_CXX_COMPILER=clang++ -DJB_BUILD_APP=OFF -DJB_FUZZ=ON "${sanitized_flags[@]}" >/dev/null
cmake --build "$build" -j 2 --target $(printf 'fuzz_%s ' $targets) >/dev/null

shares=0
for t in $targets; do shares=$((shares + ${share[$t]:-1})); done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# One target: its seconds of the budget, on a copy of its seeds and regressions; its log and exit
# status are left in $work/<target>/.
run_target() {
  local t=$1 seconds status=0
  seconds=$(( budget * ${share[$t]:-1} / shares ))
  [ "$seconds" -ge 1 ] || seconds=1
  echo "$seconds" >"$work/$t/seconds"
  cp "$fuzz/corpus/$t"/* "$work/$t/corpus/" 2>/dev/null || true
  cp "$fuzz/regressions/$t"/* "$work/$t/corpus/" 2>/dev/null || true
  local dict=()
  [ -n "${dict_of[$t]:-}" ] && dict=(-dict="$fuzz/${dict_of[$t]}.dict")
  ASAN_OPTIONS=detect_leaks=1 \
  UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:suppressions=$fuzz/ubsan.supp" \
    "$build/tests/fuzz_$t" -max_total_time="$seconds" -timeout=5 -rss_limit_mb=2048 \
    -max_len="${max_len[$t]:-4096}" "${dict[@]}" -print_final_stats=1 \
    -artifact_prefix="$work/$t/artifacts/" "$work/$t/corpus" >"$work/$t/log" 2>&1 || status=$?
  echo "$status" >"$work/$t/status"
}
# libFuzzer runs one thread: two lanes side by side keep both cores busy, so each target gets its
# full share of the budget in about half the wall time. The lanes are balanced by share (the
# bigger shares first, each to the lane with less so far).
lanes=("" "")
lane_shares=(0 0)
for t in $(for t in $targets; do echo "${share[$t]:-1} $t"; done | sort -s -k1,1nr | cut -d' ' -f2); do
  mkdir -p "$work/$t/corpus" "$work/$t/artifacts"
  lane=0
  [ "${lane_shares[1]}" -lt "${lane_shares[0]}" ] && lane=1
  lanes[$lane]+=" $t"
  lane_shares[$lane]=$(( lane_shares[lane] + ${share[$t]:-1} ))
done
for lane in "${lanes[@]}"; do
  ( for t in $lane; do run_target "$t"; done ) &
done
wait

failed=()
total=0
for t in $targets; do
  runs=$(sed -n 's/^stat::number_of_executed_units: *\([0-9]*\).*/\1/p' "$work/$t/log" | tail -1)
  total=$((total + ${runs:-0}))
  echo "fuzz: $t: ${runs:-?} executions in $(cat "$work/$t/seconds") s ($(ls "$work/$t/corpus" | wc -l) inputs in its corpus at the end)"
  if [ "$(cat "$work/$t/status")" -ne 0 ] || [ -n "$(ls -A "$work/$t/artifacts")" ]; then
    tail -n 40 "$work/$t/log" >&2
    mkdir -p "$fuzz/regressions/$t"
    for artifact in "$work/$t"/artifacts/*; do
      [ -e "$artifact" ] || continue
      cp "$artifact" "$fuzz/regressions/$t/"
      echo "fuzz: $t FAILED; input saved as tests/fuzz/regressions/$t/$(basename "$artifact")" >&2
    done
    failed+=("$t")
  fi
done
echo "fuzz: $total executions in all, ${budget} s split over: $targets"
if [ "${#failed[@]}" -gt 0 ]; then
  echo "fuzz: FAILED: ${failed[*]}" >&2
  exit 1
fi
echo "fuzz: no crash, broken invariant, leak or timeout"
