"""Smoke test of journeyboard_bench: it runs with --quick and reports sane, non-zero figures.
How fast is not checked here (see README "Performance")."""
import json
import subprocess
import sys

bench, out = sys.argv[1], sys.argv[2]
run = subprocess.run([bench, "--quick", "--frames", "30", "--json", out], capture_output=True, text=True, timeout=280)
print(run.stdout)
if run.returncode != 0:
    sys.exit(f"journeyboard_bench failed ({run.returncode}):\n{run.stderr}")

with open(out, encoding="utf-8") as f:
    report = json.load(f)

problems = []
if not isinstance(report.get("machine"), str) or not report["machine"]:
    problems.append("no machine description")
results = report.get("results", [])
if [r.get("notes") for r in results] != [100, 1000]:
    problems.append(f"--quick should measure 100 and 1000 notes, got {[r.get('notes') for r in results]}")
required = ["frame_cpu_ms_fit_median", "frame_cpu_ms_fit_p95", "frame_cpu_ms_zoomed_median", "frame_cpu_ms_drag_median",
            "frame_cpu_ms_draw_median", "frame_gl_ms_fit_median", "save_ms", "load_ms", "file_bytes", "export_3840_ms",
            "export_7680_ms"]
for r in results:
    for key in required:
        value = r.get(key)
        if not isinstance(value, (int, float)) or not (0 < value < 1e7):
            problems.append(f"{r.get('notes')} notes: {key} = {value!r}")
    if isinstance(r.get("frame_cpu_ms_fit_p95"), (int, float)) and r["frame_cpu_ms_fit_p95"] < r["frame_cpu_ms_fit_median"]:
        problems.append(f"{r['notes']} notes: p95 below the median")
if len(results) == 2 and isinstance(results[0].get("file_bytes"), int) and results[1]["file_bytes"] <= results[0]["file_bytes"]:
    problems.append("a board of 1000 notes should make a bigger file than one of 100")
# Issue 19: the gesture path (cache on and off), the crisp frame after it and a drag at zoom 2 are
# always measured; the command-line export and the window may be skipped, but only with a note.
gesture = ["frame_gl_ms_gesture_fit_median", "frame_gl_ms_gesture_fit_nocache_median", "frame_gl_ms_gesture_zoomed_median",
           "frame_gl_ms_gesture_zoomed_nocache_median", "frame_gl_ms_crisp_after_gesture",
           "frame_gl_ms_crisp_after_gesture_zoomed", "frame_gl_ms_drag_zoomed_median", "export_3840_render_ms",
           "export_3840_encode_ms"]
optional = {"export_cli_ms": "export_cli_note", "frame_window_ms_gesture_fit_median": "window_note"}
for r in results:
    for key in gesture:
        value = r.get(key)
        if not isinstance(value, (int, float)) or not (0 < value < 1e7):
            problems.append(f"{r.get('notes')} notes: {key} = {value!r}")
    for key, note in optional.items():
        if key not in r:
            problems.append(f"{r.get('notes')} notes: no {key}")
        elif r[key] is None:
            if not isinstance(r.get(note), str) or not r[note]:
                problems.append(f"{r.get('notes')} notes: {key} skipped without a note")
        elif not isinstance(r[key], (int, float)) or not (0 < r[key] < 1e7):
            problems.append(f"{r.get('notes')} notes: {key} = {r[key]!r}")
# The app binary is built beside the bench: the whole-process export must have run.
if results and results[0].get("export_cli_ms") is None:
    problems.append(f"the command-line export was not measured: {results[0].get('export_cli_note')!r}")

startup = report.get("startup_ms")
if startup is None:
    if not report.get("startup_note"):
        problems.append("start-up skipped without a note")
elif not (0 < startup < 60000):
    problems.append(f"startup_ms = {startup!r}")
if not (0 < report.get("peak_rss_mb", 0) < 1e6):
    problems.append(f"peak_rss_mb = {report.get('peak_rss_mb')!r}")

# The idle check: nothing running asks for no timed frame; a running timer for one within a second.
if report.get("idle_next_frame_s") != -1 or report.get("timer_reset_next_frame_s") != -1:
    problems.append(f"idle, the app asks for timed frames: {report.get('idle_next_frame_s')!r}, "
                    f"after a timer reset {report.get('timer_reset_next_frame_s')!r} (-1 means none)")
if not (0 < (report.get("timer_next_frame_s") or 0) <= 1.01):
    problems.append(f"a running timer's next frame in {report.get('timer_next_frame_s')!r} s, not within a second")

if problems:
    sys.exit("journeyboard_bench reported nonsense:\n  " + "\n  ".join(problems))
print("bench smoke test: ok")
