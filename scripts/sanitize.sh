#!/usr/bin/env bash
# Builds core and its unit tests with AddressSanitizer + UndefinedBehaviorSanitizer and runs them
# through ctest; any finding fails the run. The build is the fuzzers' own (clang, -DJB_FUZZ=ON in
# build-fuzz/, configured exactly as scripts/fuzz.sh does): core is compiled once, instrumented,
# for both, so fuzz.sh after this compiles only its small targets. A separate gcc ASan build of
# core took over 19 minutes on the shared 2 cores; here the unit tests compile and run in about
# 10 minutes on top of the core the fuzz targets need anyway.
#   scripts/sanitize.sh [--build-only]   --build-only: build, run nothing (test.sh starts the build
#                                        early, at idle priority, while CTest runs)
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

# Keep in step with scripts/fuzz.sh: another configuration would rebuild everything twice.
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER=clang \
  -DCMAKE_CXX_COMPILER=clang++ -DJB_BUILD_APP=OFF -DJB_FUZZ=ON "${sanitized_flags[@]}" >/dev/null
export ASAN_OPTIONS="detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:suppressions=$root/tests/fuzz/ubsan.supp"
# The fuzz targets too (scripts/fuzz.sh then builds nothing): in one build their small files fill
# the second core while the unit tests' last files compile and link.
fuzz_targets=$(sed -n 's/^set(JB_FUZZ_TARGETS \(.*\))$/\1/p' "$root/tests/CMakeLists.txt")
cmake --build "$build" -j 2 --target journeyboard_unit_tests $(printf 'fuzz_%s ' $fuzz_targets) >/dev/null
[ "${1:-}" = "--build-only" ] && exit 0
# Every unit test case in two processes (doctest's --first/--last, 1-based), not one process per
# case as CTest runs them: ASan's start-up in 481 processes cost more than the cases (121 s on a
# fresh root, against 58 s for all of them in one process). The split is at a quarter of the
# cases because the slow ones (the random edit runs, the durable saves) come early in the build's
# order: 29 s on each side, measured; a split off balance costs time, never a case. --duration
# lists each case that ran, so the count below is of cases run, not of cases known.
unit="$build/tests/journeyboard_unit_tests"
total=$("$unit" --count | sed -n 's/.*passing the current filters: \([0-9]*\).*/\1/p')
half=$((total / 4))
logs=("$build/unit-asan-1.log" "$build/unit-asan-2.log")
"$unit" --first=1 --last="$half" --duration=true >"${logs[0]}" 2>&1 &
first=$!
"$unit" --first=$((half + 1)) --last="$total" --duration=true >"${logs[1]}" 2>&1 &
second=$!
failed=0
wait "$first" || failed=1
wait "$second" || failed=1
ran=$(cat "${logs[@]}" | grep -cE '^[0-9.e-]+ s: ' || true)
if [ "$failed" != 0 ] || [ "$ran" != "$total" ]; then
  cat "${logs[@]}"
  echo "sanitize: FAILED: $ran of $total unit test cases ran to the end under ASan + UBSan" >&2
  exit 1
fi
grep -h "^\[doctest\] assertions" "${logs[@]}"
echo "sanitize: $ran of $total unit test cases passed under ASan + UBSan"

