#!/usr/bin/env bash
# Installs the Debian packages Journeyboard needs to build, run and test; quiet and quick when
# they are all there. Used by run.sh and test.sh; safe to run on its own.
#   scripts/setup.sh          build + run packages
#   scripts/setup.sh --tests  also what the tests need (Xvfb, xdotool, clang for fuzzing, chromium and
#                             playwright-core for the phone page's browser test)
set -euo pipefail

build_packages=(
  cmake make g++ pkg-config libutf8proc-dev librsvg2-bin
  libimgui-dev libglfw3-dev libx11-dev python3-glad libcereal-dev rapidjson-dev doctest-dev libstb-dev
  libutf8proc-dev
  libpng-dev zlib1g-dev libfreetype-dev libegl-dev libegl-mesa0 libgl1-mesa-dri fonts-dejavu-core
  fonts-fork-awesome gettext libcli11-dev libpugixml-dev
  libcpp-httplib-dev libqrencode-dev libisal-dev
)
# clang + compiler-rt: libFuzzer and the sanitizers (scripts/fuzz.sh, scripts/sanitize.sh);
# llvm: llvm-symbolizer, for readable sanitizer stack traces; xclip: GUI tests paste outside text;
# imagemagick: `import` takes a screenshot where a GUI test checks what is drawn on screen only;
# x11-xkb-utils: setxkbmap gives the test screens a Russian key group, so xdotool types Cyrillic
# without binding keys for a moment (tests/gui/jbgui.py add_cyrillic_keys).
# The packaging tests (tests/packaging): desktop-file-utils, appstream, shared-mime-info, xdg-utils
# with libglib2.0-bin's gio behind it; cpack's DEB needs dpkg-dev (dpkg-shlibdeps), file and
# binutils (strip); lintian judges the package.
# chromium + nodejs: the phone page's real-browser test (tests/gui/test_phone_browser.py), driven by
# playwright-core from npm (below).
test_packages=(xvfb xauth xdotool x11-xkb-utils xclip imagemagick python3 clang libclang-rt-14-dev llvm
               desktop-file-utils appstream shared-mime-info xdg-utils libglib2.0-bin dpkg-dev file binutils lintian
               chromium nodejs)

packages=("${build_packages[@]}")
tests=false
[ "${1:-}" = "--tests" ] && tests=true
$tests && packages+=("${test_packages[@]}")

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [ "$status" = "install ok installed" ] || missing+=("$package")
done
# Debian's npm package only where no npm came with the installed nodejs (NodeSource's nodejs
# bundles npm and conflicts with Debian's).
$tests && ! command -v npm >/dev/null && missing+=(npm)

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "setup: run as root or install sudo to install: ${missing[*]}" >&2; exit 1; }
    sudo="sudo"
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# playwright-core, pinned, drives Debian's chromium in the browser test (1.60 still runs on Node 18,
# Debian 12's nodejs; 1.62 wants Node 20). Installed outside the source tree (the folder
# tests/gui/test_phone_browser.py looks in), only when missing. It never downloads a browser (that is
# the `playwright` package's install step, not playwright-core's).
if $tests; then
  playwright_version=1.60.0
  node_dir=${JB_NODE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/journeyboard-tests}
  installed=$(node -p "require('$node_dir/node_modules/playwright-core/package.json').version" 2>/dev/null || true)
  if [ "$installed" != "$playwright_version" ]; then
    echo "setup: installing playwright-core $playwright_version into $node_dir"
    mkdir -p "$node_dir"
    rm -f "$node_dir/unavailable"
    # A machine that cannot reach the npm registry (offline, or behind a proxy its certificates do
    # not trust) still runs every other test: the reason is kept, and the browser test says it and
    # is skipped rather than failed.
    if ! npm_log=$(PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --prefix "$node_dir" --no-save --no-audit \
                     --no-fund --loglevel=error "playwright-core@$playwright_version" 2>&1); then
      reason=$(printf '%s\n' "$npm_log" | grep -m1 -iE 'request to|ERR! (code|errno)|error' || true)
      printf '%s\n' "${reason:-npm install failed}" > "$node_dir/unavailable"
      echo "setup: playwright-core could not be installed from the npm registry (${reason:-npm install failed});" \
           "the phone page's browser test will be skipped." >&2
    fi
  fi
fi
