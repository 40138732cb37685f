#!/usr/bin/env bash
# Builds the loader's libFuzzer target with clang (ASan + UBSan) in build-fuzz/ and runs it for a
# bounded time on a copy of the seed corpus. Fails on any crash, leak, timeout or out-of-memory,
# and copies the input that failed into tests/fuzz/regressions/: fix core, keep the file (the unit
# tests replay it).
#   scripts/fuzz.sh [SECONDS]    default 60
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-60}
build="$root/build-fuzz"

cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER=clang \
  -DCMAKE_CXX_COMPILER=clang++ -DJB_BUILD_APP=OFF -DJB_FUZZ=ON >/dev/null
cmake --build "$build" -j 2 --target fuzz_load >/dev/null

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/corpus" "$work/artifacts"
cp "$root"/tests/fuzz/corpus/* "$work/corpus/"

echo "fuzz: running fuzz_load for ${seconds}s on $(ls "$work/corpus" | wc -l) seeds"
status=0
ASAN_OPTIONS=detect_leaks=1 \
UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:suppressions=$root/tests/fuzz/ubsan.supp" \
  "$build/tests/fuzz_load" -max_total_time="$seconds" -timeout=5 -rss_limit_mb=2048 -max_len=65536 \
  -dict="$root/tests/fuzz/board.dict" -print_final_stats=1 -artifact_prefix="$work/artifacts/" \
  "$work/corpus" >"$work/log" 2>&1 || status=$?

grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb|^#[0-9]+ +DONE" "$work/log" | sed 's/^/fuzz: /' || true
if [ "$status" -ne 0 ] || [ -n "$(ls -A "$work/artifacts")" ]; then
  tail -n 60 "$work/log" >&2
  for artifact in "$work"/artifacts/*; do
    [ -e "$artifact" ] || continue
    cp "$artifact" "$root/tests/fuzz/regressions/"
    echo "fuzz: FAILED; input saved as tests/fuzz/regressions/$(basename "$artifact")" >&2
  done
  echo "fuzz: FAILED (exit $status)" >&2
  exit 1
fi
echo "fuzz: no crash, leak or timeout"
