#!/usr/bin/env bash
# Builds Journeyboard and opens it on the built-in sample board (extra arguments go to the app).
# With no display, it exports the sample board to sample.png instead.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/setup.sh"
"$root/scripts/build.sh"
app="$root/build/app/journeyboard"
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  [ $# -gt 0 ] || set -- --template sample  # no arguments: the sample board, not the start screen
  exec "$app" "$@"
fi
echo "run: no display here, so the sample board is exported to sample.png instead."
board=$(mktemp --suffix=.cjm)
trap 'rm -f "$board"' EXIT
"$app" new "$board" --template sample
"$app" export "$board" -o sample.png
echo "run: wrote $(pwd)/sample.png"
