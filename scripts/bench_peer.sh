#!/bin/sh
# README "Performance", issue 19: runs journeyboard_bench on the four peer boards (built by
# ../shared/tools/peer_scene.py, the scene of the browser-whiteboard comparison) and prints our rows of
# the comparison table, ready to paste under the label given (default "ours").
#
#   scripts/bench_peer.sh ["ours, after the cache"]
#
# Environment: BUILD (default build, a Release build), PEER_SCENE (the board generator), FRAMES
# (frames per view for the older figures, default 60), RUNS (bench runs per board, default 3),
# STAT (median, the default; or best: each figure the lowest of the runs, as other load on a shared
# machine only ever adds), SIZES (default "100 1000 5000 10000"), KEEP (a folder to keep the
# JSON reports in), FROM (a folder of such reports: only print the table from them). Without
# DISPLAY it runs under xvfb-run when there is one, for the figure in a real window.
set -eu
cd "$(dirname "$0")/.."
label=${1:-ours}
build=${BUILD:-build}
peer=${PEER_SCENE:-../shared/tools/peer_scene.py}
frames=${FRAMES:-60}
runs=${RUNS:-3}
sizes=${SIZES:-100 1000 5000 10000}
if [ ! -f "$peer" ]; then
  echo "bench_peer.sh: the board generator $peer is missing (set PEER_SCENE)." >&2
  exit 1
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
if [ -n "${FROM:-}" ]; then
  cp "$FROM"/p*-*.json "$out"/
  sizes_run=""
else
  cmake --build "$build" --target journeyboard_bench journeyboard >/dev/null
  sizes_run=$sizes
fi
xvfb=no
if [ -z "${DISPLAY:-}" ] && command -v xvfb-run >/dev/null 2>&1; then xvfb=yes; fi
for n in $sizes_run; do
  python3 "$peer" "$n" "$out/p$n.cjm"
  run=1
  while [ "$run" -le "$runs" ]; do
    echo "bench_peer.sh: $n notes, run $run of $runs..." >&2
    if [ "$xvfb" = yes ]; then
      xvfb-run -a -s "-screen 0 1920x1080x24" "$build/tests/journeyboard_bench" --board "$out/p$n.cjm" \
        --frames "$frames" --json "$out/p$n-$run.json" >/dev/null
    else
      "$build/tests/journeyboard_bench" --board "$out/p$n.cjm" --frames "$frames" --json "$out/p$n-$run.json" >/dev/null
    fi
    if [ -n "${KEEP:-}" ]; then mkdir -p "$KEEP" && cp "$out/p$n-$run.json" "$KEEP"/; fi
    run=$((run + 1))
  done
done
python3 -B - "$out" "$label" "${STAT:-median}" $sizes <<'EOF'
import glob, json, statistics, sys

out, label, stat, sizes = sys.argv[1], sys.argv[2], sys.argv[3], [int(n) for n in sys.argv[4:]]
reports = {n: [json.load(open(f, encoding="utf-8")) for f in sorted(glob.glob(f"{out}/p{n}-*.json"))] for n in sizes}
sizes = [n for n in sizes if reports[n]]
if not sizes:
    sys.exit("bench_peer.sh: no reports to show.")
counts = sorted({len(reports[n]) for n in sizes})
print(f"<!-- {reports[sizes[0]][0]['machine']}; {stat} of {'/'.join(map(str, counts))} runs of journeyboard_bench --board -->")


def figure(n, keys):
    values = []
    for report in reports[n]:
        r = report["results"][0]
        parts = [r.get(key) for key in keys]
        if any(p is None for p in parts):
            continue
        values.append(sum(parts))
    if not values:
        return "–"
    ms = min(values) if stat == "best" else statistics.median(values)
    return f"{ms / 1000:.1f} s" if ms >= 1000 else f"{ms:.0f} ms" if ms >= 100 else f"{ms:.1f} ms"


# One row per figure, one column per size: the same rows as README's table.
rows = [
    ("gesture frame, fitted (median)", ["frame_gl_ms_gesture_fit_median"]),
    ("gesture frame, fitted, cache off", ["frame_gl_ms_gesture_fit_nocache_median"]),
    ("gesture frame, fitted, in a window (swap, no v-sync)", ["frame_window_ms_gesture_fit_median"]),
    ("gesture frame, zoomed (median)", ["frame_gl_ms_gesture_zoomed_median"]),
    ("gesture frame, zoomed, cache off", ["frame_gl_ms_gesture_zoomed_nocache_median"]),
    ("crisp frame after the gesture", ["frame_gl_ms_crisp_after_gesture"]),
    ("drag of one note at zoom 2 (median)", ["frame_gl_ms_drag_zoomed_median"]),
    ("PNG 3840 wide, render + encode", ["export_3840_render_ms", "export_3840_encode_ms"]),
    ("command-line export, whole process", ["export_cli_ms"]),
    ("open → first frame (load + layout)", ["load_ms", "first_frame_ms"]),
]
print("| figure | " + " | ".join(f"{n:,}" for n in sizes) + " |")
print("|---|" + "---:|" * len(sizes))
for name, keys in rows:
    print(f"| {name}, {label} | " + " | ".join(figure(n, keys) for n in sizes) + " |")
for n in sizes:
    r = reports[n][0]["results"][0]
    for note in ("export_cli_note", "window_note", "export_note"):
        if r.get(note):
            print(f"<!-- {n:,} notes: {note}: {r[note]} -->")
EOF
