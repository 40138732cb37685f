#!/usr/bin/env bash
# The monkey in the room (tests/soak/monkey.py): random real X input on the real app under a
# private Xvfb, with its invariants checked. Default: 60 s on build/. A seed replays a run.
#
#   scripts/monkey.sh [--minutes N | --seconds N] [--seed S] [--kills K] [--sanitize]
#
# --kills K   K SIGKILLs at random moments, each followed by a restart and a restore
# --sanitize  builds the app with -DJB_SANITIZE=ON (ASan + UBSan) in build-sanitize/ and runs on it
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=60
args=()
sanitize=0
while [ $# -gt 0 ]; do
  case "$1" in
    --minutes) seconds=$(python3 -c "print(float('$2') * 60)"); shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --seed|--kills) args+=("$1" "$2"); shift 2 ;;
    --sanitize) sanitize=1; shift ;;
    *) sed -n 2,9p "$0"; exit 2 ;;
  esac
done
build="$root/build"
if [ "$sanitize" = 1 ]; then
  build="$root/build-sanitize"
  cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DJB_SANITIZE=ON -DJB_BUILD_TESTS=OFF >/dev/null
  # Leaks are not checked: Mesa and the X libraries keep their allocations to the end by design.
  export ASAN_OPTIONS="detect_leaks=0:abort_on_error=0"
  export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:suppressions=$root/tests/fuzz/ubsan.supp"
elif [ ! -x "$build/app/journeyboard" ]; then
  cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build "$build" -j 2 --target journeyboard >/dev/null
JB_APP="$build/app/journeyboard" exec python3 -B "$root/tests/soak/monkey.py" --seconds "$seconds" "${args[@]}"
