#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test: ctest (unit + GUI tests; GUI tests start
# their own private Xvfb, so no display is needed or touched; the sanitized build compiles beside
# them at idle priority), then the unit tests under ASan + UBSan, then a bounded fuzzing run of every reader (one budget for all fuzz targets),
# then the monkey (tests/soak/monkey.py).
# Exits non-zero on any failure.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
fuzz_seconds=${JB_FUZZ_SECONDS:-45}

# cpu_now: the CPU seconds (user + system) of every finished child so far (`times` runs in this
# shell, not in a $(...) subshell, which has no children). On a shared machine a stage's CPU time
# says more than its wall time.
cpu_file=$(mktemp)
children_cpu() {
  times >"$cpu_file"
  cpu_now=$(awk 'NR == 2 { split($1 " " $2, t, /[ms]/); printf "%d", t[1] * 60 + t[2] + t[3] * 60 + t[4] }' "$cpu_file")
}

# Runs one stage with a clear line before and after, and its time (set -e stops at a failure).
stage() {
  local name=$1
  shift
  echo "==== test.sh: $name ===="
  local start=$SECONDS cpu
  children_cpu
  cpu=$cpu_now
  "$@"
  children_cpu
  echo "==== test.sh: $name: passed in $((SECONDS - start)) s (CPU $((cpu_now - cpu)) s) ===="
}

stage "setup" "$root/scripts/setup.sh" --tests
stage "build" "$root/scripts/build.sh"
ctest_log=$(mktemp)
sanitize_build_log=$(mktemp)
sanitize_log=$(mktemp)
fuzz_log=$(mktemp)
monkey_log=$(mktemp)
# The sanitized build (build-fuzz/: core, the unit tests and the fuzz targets) compiles after CTest.
# JB_SANITIZE_DURING_CTEST=1 compiles it while CTest runs, at idle priority (SCHED_IDLE, else
# nice 19), in its own process group so it stops with this script: about 70 s sooner, but on a
# fresh Debian root two GUI tests that type text timed out beside it (idle priority still costs
# them memory bandwidth and caches), so it is not the default.
idle=(nice -n 19)
chrt --idle 0 true 2>/dev/null && idle=(chrt --idle 0)
[ "${JB_SANITIZE_DURING_CTEST:-0}" = 1 ] || idle=(true)
setsid "${idle[@]}" "$root/scripts/sanitize.sh" --build-only >"$sanitize_build_log" 2>&1 &
sanitize_build=$!
# `|| true`: set -e holds in the trap too, and the build has usually ended (kill then fails).
trap 'kill -- -"$sanitize_build" 2>/dev/null || true; rm -f "$ctest_log" "$sanitize_build_log" "$sanitize_log" "$fuzz_log" "$monkey_log" "$cpu_file"' EXIT
run_ctest() { ctest --test-dir "$root/build" --output-on-failure -j 2 --timeout 300 | tee "$ctest_log"; }
stage "ctest (unit + GUI)" run_ctest
# What is left of the sanitized build (its CPU counts here, where it is waited for), then the tests.
run_sanitized() {
  wait "$sanitize_build" || { cat "$sanitize_build_log"; echo "test.sh: the sanitized build failed." >&2; return 1; }
  "$root/scripts/sanitize.sh" | tee "$sanitize_log"
}
run_fuzz() { "$root/scripts/fuzz.sh" "$fuzz_seconds" | tee "$fuzz_log"; }
stage "unit tests under ASan + UBSan" run_sanitized
stage "fuzzing every reader (${fuzz_seconds} s in all)" run_fuzz
# 30 s of random real X input, then 20 s of it with 3 SIGKILLs and restores (new seeds each time).
run_monkey() {
  "$root/scripts/monkey.sh" --seconds 30 | tee "$monkey_log"
  "$root/scripts/monkey.sh" --seconds 20 --kills 3 | tee -a "$monkey_log"
}
stage "the monkey (30 s, then 20 s with 3 kills)" run_monkey
echo "==== test.sh: all stages passed in $SECONDS s ===="
# What really ran, counted from each stage's own output: CTest's passed tests by kind (each doctest
# case is one CTest entry: unit_registration_check proves it), then the stages that are not tests.
passed() { grep -cE "Test +#[0-9]+: $1.* Passed" "$ctest_log" || true; }
unit=$(passed "unit:")
gui=$(passed "gui: ")
total=$(grep -cE "Test +#[0-9]+: .* Passed" "$ctest_log" || true)
echo "test.sh: ctest ran $total tests: $unit unit test cases, $gui GUI tests, $((total - unit - gui)) checks and the benchmark smoke test"
sanitized=$(sed -n 's/^sanitize: \([0-9]*\) of [0-9]* unit test cases passed.*/\1/p' "$sanitize_log")
# fuzz.sh prints "fuzz: TARGET: N executions in S s" per target.
executions=$(sed -n 's/^fuzz: \([a-z_]*\): \([0-9?]*\) executions in.*/\1 \2/p' "$fuzz_log" | paste -sd, | sed 's/,/, /g')
echo "test.sh: under ASan + UBSan the same $sanitized unit test cases passed again; in ${fuzz_seconds} s the fuzz targets survived these many inputs: ${executions:-?}"
grep "^monkey: PASS" "$monkey_log" | sed 's/^monkey: /test.sh: the monkey: /; s/; actions:.*//'
# The plain closing line CI reads: only CTest's tests count (a failure stops the script earlier).
echo "$total passed, 0 failed"
