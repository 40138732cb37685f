#!/usr/bin/env bash
# Installs the Debian packages Journeyboard needs to build, run and test; quiet and quick when
# they are all there. Used by run.sh and test.sh; safe to run on its own.
#   scripts/setup.sh          build + run packages
#   scripts/setup.sh --tests  also what the tests need (Xvfb, xdotool, clang for fuzzing)
set -euo pipefail

build_packages=(
  cmake make g++ pkg-config libutf8proc-dev librsvg2-bin
  libimgui-dev libglfw3-dev libx11-dev python3-glad libcereal-dev rapidjson-dev doctest-dev libstb-dev
  libutf8proc-dev
  libpng-dev zlib1g-dev libfreetype-dev libegl-dev libegl-mesa0 libgl1-mesa-dri fonts-dejavu-core
  fonts-fork-awesome gettext libcli11-dev libpugixml-dev
  libcpp-httplib-dev libqrencode-dev
)
# clang + compiler-rt: libFuzzer and the sanitizers (scripts/fuzz.sh, scripts/sanitize.sh);
# llvm: llvm-symbolizer, for readable sanitizer stack traces; xclip: GUI tests paste outside text;
# imagemagick: `import` takes a screenshot where a GUI test checks what is drawn on screen only.
# The packaging tests (tests/packaging): desktop-file-utils, appstream, shared-mime-info, xdg-utils
# with libglib2.0-bin's gio behind it; cpack's DEB needs dpkg-dev (dpkg-shlibdeps), file and
# binutils (strip); lintian judges the package.
test_packages=(xvfb xauth xdotool xclip imagemagick python3 clang libclang-rt-14-dev llvm
               desktop-file-utils appstream shared-mime-info xdg-utils libglib2.0-bin dpkg-dev file binutils lintian)

packages=("${build_packages[@]}")
[ "${1:-}" = "--tests" ] && packages+=("${test_packages[@]}")

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [ "$status" = "install ok installed" ] || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "setup: installing ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "setup: run as root or install sudo to install: ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
