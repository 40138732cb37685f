#!/usr/bin/env bash
# Configures and builds a Release build in build/ with 2 jobs (this project's machines have 2 cores).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cmake -S "$root" -B "$root/build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$root/build" -j 2
