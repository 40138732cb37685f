#!/usr/bin/env bash
# The room's load test by hand (README "Bring the room in"): the real app under Xvfb opens the room on
# loopback, 50 simulated phones (each from its own 127.0.0.x address) send notes at the room's rate
# limit for 60 s; prints notes accepted a second, request latency (p50, p99) and the app's frame times
# during the load, and fails if any accepted note is missing from the inbox or there twice.
#   scripts/room_load.sh [--phones N] [--seconds S]
# Needs a Release build in build/ (scripts/build.sh) and the test packages (scripts/setup.sh --tests).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
export JB_APP="$root/build/app/journeyboard" JB_XCLOSE="$root/build/tests/x_close"
[ -x "$JB_APP" ] && [ -x "$JB_XCLOSE" ] || { echo "room_load: build first (scripts/build.sh)" >&2; exit 1; }
cd "$root/tests/gui"
exec python3 -B test_room_load.py "$@"
