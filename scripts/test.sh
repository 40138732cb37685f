#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test through ctest. Exits non-zero on any
# failure. GUI tests start their own private Xvfb, so no display is needed (or touched).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/setup.sh" --tests
"$root/scripts/build.sh"
cd "$root/build"
ctest --output-on-failure -j 2 --timeout 300
