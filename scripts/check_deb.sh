#!/usr/bin/env bash
# Run by hand, as root (it mounts and chroots): builds the Debian package and installs it on a fresh
# Debian 12 root with `apt-get install ./journeyboard_*.deb`, so its Depends come from apt as on a
# newcomer's laptop, then checks what the facilitator gets: --version, `new` + `export` with no X
# server (EGL surfaceless), the menu entry and icons, `man journeyboard`, the .cjm file type and
# the thumbnailer. The fresh root is /tmp/jb-fresh-cache/bookworm.tar when that cache exists (the
# one ../shared/tools/fresh-machine builds), else a debootstrap minbase; it is always removed.
#   scripts/check_deb.sh            uses build/ (configured and built when missing)
#   BUILD_DIR=DIR scripts/check_deb.sh
# The mirror: JB_DEBIAN_MIRROR (default http://deb.debian.org/debian); apt's proxy settings here
# are copied in.
set -euo pipefail

project=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$project/build}
mirror=${JB_DEBIAN_MIRROR:-http://deb.debian.org/debian}
cache=/tmp/jb-fresh-cache/bookworm.tar

[ "$(id -u)" -eq 0 ] || { echo "check_deb: run as root: it mounts /proc, /sys and /dev into a chroot" >&2; exit 1; }

failures=0
ok() { echo "check_deb: ok: $*"; }
bad() { echo "check_deb: FAIL: $*"; failures=$((failures + 1)); }

out=$(mktemp -d /tmp/jb-deb-out-XXXXXX)
root=$(mktemp -d /tmp/jb-deb-root-XXXXXX)

mounts_under() { awk -v r="$root" '$2 == r || index($2, r "/") == 1 { print $2 }' /proc/mounts; }
# Kill what still runs inside the root (only this script starts things there), unmount in reverse
# order (lazily if busy), and remove the root only when nothing is mounted under it: an rm -rf
# through a bind mount would reach the host's /dev.
cleanup() {
  local pid link
  for pid in /proc/[0-9]*; do
    link=$(readlink "$pid/root" 2>/dev/null) || continue
    case "$link" in "$root" | "$root"/*) kill -9 "${pid#/proc/}" 2>/dev/null || true ;; esac
  done
  mounts_under | tac | while read -r mount; do umount "$mount" 2>/dev/null || umount -l "$mount"; done
  if [ -z "$(mounts_under)" ]; then
    rm -rf --one-file-system "$root"
  else
    echo "check_deb: mounts left under $root, kept it" >&2
  fi
  rm -rf "$out"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- The package ---------------------------------------------------------------------------------
[ -f "$build/CMakeCache.txt" ] || cmake -S "$project" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j2 --target journeyboard journeyboard_desktop_files >/dev/null
cpack_log=$(cd "$build" && cpack -G DEB -B "$out" 2>&1) || { echo "$cpack_log"; exit 1; }
deb=$(ls "$out"/journeyboard_*.deb)
echo "check_deb: built $(basename "$deb"), $(stat -c %s "$deb") bytes"

# ---- A fresh Debian 12 root ------------------------------------------------------------------------
if [ -f "$cache" ]; then
  tar --numeric-owner -C "$root" -xpf "$cache"
  echo "check_deb: fresh root from $cache"
else
  echo "check_deb: no $cache: debootstrap minbase from $mirror (a few minutes)"
  command -v debootstrap >/dev/null || apt-get install -y -qq --no-install-recommends debootstrap >/dev/null
  debootstrap --variant=minbase bookworm "$root" "$mirror" >/dev/null
fi
chmod 755 "$root"  # mktemp's 0700 would lock apt's _apt user out of "/"
security=${mirror%/debian}/debian-security
printf 'deb %s bookworm main\ndeb %s bookworm-updates main\ndeb %s bookworm-security main\n' \
  "$mirror" "$mirror" "$security" >"$root/etc/apt/sources.list"
apt-config dump | grep -E '^Acquire::(https?::Proxy|Check-Valid-Until) ".*";$' >"$root/etc/apt/apt.conf.d/00host-proxy" || true
printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d" && chmod 755 "$root/usr/sbin/policy-rc.d"  # start no daemons
cp /etc/resolv.conf /etc/hosts "$root/etc/"
for dir in proc sys dev dev/pts; do
  mkdir -p "$root/$dir"
  mount --bind "/$dir" "$root/$dir"
  mount --make-private "$root/$dir"
done
cp "$deb" "$root/tmp/"
root_size() { du -sm --exclude=proc --exclude=sys --exclude=dev --exclude=var/lib/apt/lists --exclude=var/cache/apt "$root" | cut -f1; }

# No DISPLAY, no WAYLAND_DISPLAY: the headless commands must find EGL's surfaceless platform.
in_root() {
  env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive \
    chroot "$root" /bin/bash -c "$1"
}

in_root "apt-get update -qq" >/dev/null
size_before=$(root_size)
install_log=$(in_root "cd /tmp && apt-get install -y --no-install-recommends ./$(basename "$deb")" 2>&1) ||
  { echo "$install_log" | tail -15; bad "apt-get install ./$(basename "$deb")"; exit 1; }
echo "check_deb: $(echo "$install_log" | grep -E '^[0-9]+ upgraded' || true)"
echo "check_deb: installed size $(in_root "dpkg-query -W -f='\${Installed-Size}' journeyboard") KiB;" \
  "with its Depends (apt's lists and downloads aside) the root grew by $(($(root_size) - size_before)) MB"

# ---- What the facilitator gets -----------------------------------------------------------------------
if version=$(in_root "journeyboard --version" 2>&1); then ok "journeyboard --version: $version"; else bad "journeyboard --version: $version"; fi

if result=$(in_root "cd /tmp && journeyboard new board.cjm --template sample && journeyboard export board.cjm -o board.png --width 1920 && head -c 8 board.png | od -An -c" 2>&1) &&
   [[ "$result" == *"P   N   G"* ]]; then
  ok "journeyboard new + export with no X server: $(in_root "stat -c %s /tmp/board.png") byte PNG"
else
  bad "journeyboard new + export with no X server: $result"
fi

for file in /usr/share/applications/org.journeyboard.Journeyboard.desktop \
            /usr/share/icons/hicolor/scalable/apps/org.journeyboard.Journeyboard.svg \
            /usr/share/icons/hicolor/48x48/apps/org.journeyboard.Journeyboard.png \
            /usr/share/icons/hicolor/128x128/apps/org.journeyboard.Journeyboard.png \
            /usr/share/icons/hicolor/256x256/apps/org.journeyboard.Journeyboard.png \
            /usr/share/metainfo/org.journeyboard.Journeyboard.metainfo.xml \
            /usr/share/thumbnailers/journeyboard.thumbnailer; do
  if [ -s "$root$file" ]; then ok "$file"; else bad "missing $file"; fi
done

# What a desktop already has and a minbase root does not: the man reader, the file-type database,
# the menu's file-type index (desktop-file-utils) and xdg-utils with the lookup it uses outside
# GNOME and KDE (mimetype, libfile-mimeinfo-perl).
desktop_tools="man-db shared-mime-info desktop-file-utils xdg-utils libfile-mimeinfo-perl"
in_root "apt-get install -y -qq --no-install-recommends $desktop_tools" >/dev/null 2>&1 ||
  bad "apt-get install $desktop_tools"
echo "check_deb: added the desktop's own tools: $desktop_tools"

if page=$(in_root "MANWIDTH=80 man -P cat journeyboard 2>&1") && [[ "$page" == "JOURNEYBOARD(1)"* ]]; then
  ok "man journeyboard: $(echo "$page" | wc -l) lines, $(echo "$page" | head -1 | tr -s ' ')"
else
  bad "man journeyboard: $page"
fi

if type=$(in_root "xdg-mime query filetype /tmp/board.cjm" 2>&1) && [ "$type" = "application/x-journeyboard" ]; then
  ok "xdg-mime query filetype board.cjm: $type"
else
  bad "xdg-mime query filetype board.cjm: $type"
fi
if app=$(in_root "xdg-mime query default application/x-journeyboard" 2>&1) && [ "$app" = "org.journeyboard.Journeyboard.desktop" ]; then
  ok "xdg-mime query default application/x-journeyboard: $app"
else
  bad "xdg-mime query default application/x-journeyboard: '$app'"
fi

# `thumbnail` comes with the command-line work; a build without it says so and the check is skipped.
if in_root "journeyboard --help" | grep -q "journeyboard thumbnail"; then
  thumbnail=$(in_root "cd /tmp && start=\$(date +%s%N) && journeyboard thumbnail board.cjm thumb.png 256 &&
                       echo \$(( (\$(date +%s%N) - start) / 1000000 ))" 2>&1) || true
  if [ -s "$root/tmp/thumb.png" ]; then
    ok "journeyboard thumbnail board.cjm thumb.png 256: ${thumbnail##*$'\n'} ms, $(stat -c %s "$root/tmp/thumb.png") bytes"
  else
    bad "journeyboard thumbnail: $thumbnail"
  fi
else
  echo "check_deb: skipped: journeyboard thumbnail (this build's --help has no such command yet)"
fi

if [ "$failures" -eq 0 ]; then
  echo "check_deb: $(basename "$deb") installs and works on a fresh Debian 12 root"
else
  echo "check_deb: $failures checks failed"
  exit 1
fi
