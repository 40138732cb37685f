#!/usr/bin/env bash
# Builds core and its unit tests with AddressSanitizer + UndefinedBehaviorSanitizer (the default
# compiler, gcc here) in build-asan/ and runs them through ctest. Any finding fails the run.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build="$root/build-asan"
# pointer-overflow stays recoverable only so tests/fuzz/ubsan.supp can silence RapidJSON's one quirk.
flags="-fsanitize=address,undefined -fno-sanitize-recover=all -fsanitize-recover=pointer-overflow -fno-omit-frame-pointer"

cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DJB_BUILD_APP=OFF \
  -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_C_FLAGS="$flags" \
  -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" >/dev/null
export ASAN_OPTIONS="detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:suppressions=$root/tests/fuzz/ubsan.supp"
cmake --build "$build" -j 2 --target journeyboard_unit_tests >/dev/null
ctest --test-dir "$build" --output-on-failure -j 2 --timeout 600
