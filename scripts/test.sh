#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test: ctest (unit + GUI tests; GUI tests start
# their own private Xvfb, so no display is needed or touched), then the unit tests under
# ASan + UBSan, then a bounded fuzzing run of the loader. Exits non-zero on any failure.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
fuzz_seconds=${JB_FUZZ_SECONDS:-60}

# Runs one stage with a clear line before and after, and its time (set -e stops at a failure).
stage() {
  local name=$1
  shift
  echo "==== test.sh: $name ===="
  local start=$SECONDS
  "$@"
  echo "==== test.sh: $name: passed in $((SECONDS - start)) s ===="
}

stage "setup" "$root/scripts/setup.sh" --tests
stage "build" "$root/scripts/build.sh"
ctest_log=$(mktemp)
trap 'rm -f "$ctest_log"' EXIT
run_ctest() { ctest --test-dir "$root/build" --output-on-failure -j 2 --timeout 300 | tee "$ctest_log"; }
stage "ctest (unit + GUI)" run_ctest
stage "unit tests under ASan + UBSan" "$root/scripts/sanitize.sh"
stage "fuzzing the loader (${fuzz_seconds} s)" "$root/scripts/fuzz.sh" "$fuzz_seconds"
echo "==== test.sh: all stages passed in $SECONDS s ===="
# The plain closing line CI reads: every ctest test passed (a failure stops the script earlier),
# and so did the sanitizer and fuzzing stages.
total=$(sed -n 's/.*tests passed, 0 tests failed out of \([0-9]*\).*/\1/p' "$ctest_log" | tail -1)
echo "$((${total:-0} + 2)) passed, 0 failed"
