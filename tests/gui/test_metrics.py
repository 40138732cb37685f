"""The Metrics panel (Journey ▸ Metrics, Ctrl+M) and the retention metric, through real X input."""
import json
import os
import tempfile

from jbgui import Session, centre, check, main, run_cli, save

SCALES = {"conversion": (0, 100), "csi": (0, 100), "nps": (-100, 100), "retention": (0, 100)}


def sample_board(work):
    path = os.path.join(work, "sample.cjm")
    check(run_cli("new", path, "--template", "sample").returncode == 0, "journeyboard new --template sample")
    return path


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)["board"]


def measured(metrics):
    return {k: v for k, v in metrics.items() if v is not None}


def expected_order(board):
    """Per visible stage, in board order: the touchpoint notes with any metric, weakest first (the
    lowest metric as a share of its scale; ties in board order)."""
    touch = {lane["id"] for lane in board["lanes"] if lane["kind"] == "touchpoints"}
    stages = []
    for stage in board["stages"]:
        ranked = []
        for n in board["notes"]:
            values = measured(n["metrics"])
            if n["stage"] == stage["id"] and n["lane"] in touch and values:
                weakness = min((v - SCALES[k][0]) / (SCALES[k][1] - SCALES[k][0]) for k, v in values.items())
                ranked.append((weakness, n["id"]))
        ranked.sort(key=lambda r: r[0])  # stable: board order for ties
        if ranked:
            stages.append({"stage": stage["id"], "notes": [i for _, i in ranked]})
    return stages


def panel_order(layout):
    return [{"stage": s["stage"], "notes": [t["note"] for t in s["touchpoints"]]}
            for s in layout["metricsPanel"]["stages"]]


def touchpoint(layout, note_id):
    return next(t for s in layout["metricsPanel"]["stages"] for t in s["touchpoints"] if t["note"] == note_id)


def note_id(board, text):
    return next(n["id"] for n in board["notes"] if n["text"] == text)


def share(bars, fills, key):
    """How much of a bar is filled, 0..1 (NPS: from the centre line, signed)."""
    x0, _, x1, _ = bars[key]
    f0, _, f1, _ = fills[key]
    if key == "nps":
        mid = (x0 + x1) / 2
        return ((f1 - mid) if f1 > mid + 1 else (f0 - mid)) / (x1 - x0) * 2
    return (f1 - f0) / (x1 - x0)


def test_metrics_panel_lists_touchpoints_weakest_first():
    """Covers: touchpoint metrics at a glance"""
    work = tempfile.mkdtemp()
    path = sample_board(work)
    board = load(path)
    expected = expected_order(board)
    check(sum(len(s["notes"]) for s in expected) >= 5, f"the sample has touchpoints with metrics: {expected}")
    with Session(args=[path], size=(1600, 1000)) as s:
        s.wait_layout(lambda l: l["notes"], "the board")
        s.click_widget("menu.journey")
        s.click_widget("menu.metrics")
        layout = s.wait_layout(lambda l: "metricsPanel" in l, "the Metrics panel")
        check(any(p["name"] == "Metrics" for p in layout["sidePanels"]), f"a side panel: {layout['sidePanels']}")
        check(panel_order(layout) == expected, f"weakest first per stage: {panel_order(layout)} vs {expected}")
        notes = {n["id"]: n for n in board["notes"]}
        for stage in layout["metricsPanel"]["stages"]:
            for i, t in enumerate(stage["touchpoints"]):
                check(t["weakest"] == (i == 0), f"only the first of a stage is the weakest: {t}")
                values = measured(notes[t["note"]]["metrics"])
                check(set(t["bars"]) == set(values), f"a bar per metric the note has: {t['bars']} vs {values}")
                for key, value in values.items():
                    lo, hi = SCALES[key]
                    want = value / 100 if key == "nps" else (value - lo) / (hi - lo)
                    got = share(t["bars"], t["fills"], key)
                    check(abs(got - want) < 0.02, f"note {t['note']} {key} {value}: bar filled {got:.3f}")
        # The key closes it and opens it again.
        s.key("ctrl+m")
        s.wait_layout(lambda l: "metricsPanel" not in l, "Ctrl+M closes the panel")
        s.key("ctrl+m")
        s.wait_layout(lambda l: "metricsPanel" in l, "Ctrl+M opens it")


def test_retention_typed_in_inspector_is_saved_and_charted():
    """Covers: note fields; touchpoint metrics at a glance"""
    work = tempfile.mkdtemp()
    path = sample_board(work)
    board = load(path)
    reviews = note_id(board, "App store reviews, 4.3 stars")  # CSI 78: after the landing page (conv 34)
    landing = note_id(board, "Landing page with catalogue preview")
    with Session(args=[path], size=(1600, 1000)) as s:
        s.wait_layout(lambda l: l["notes"], "the board")
        s.key("ctrl+m")
        layout = s.wait_layout(lambda l: "metricsPanel" in l, "the Metrics panel")
        check([landing, reviews] in [st["notes"] for st in panel_order(layout)], "the landing page is weakest first")
        rect = next(n["rect"] for n in layout["notes"] if n["id"] == reviews)
        s.click(*centre(rect))
        s.wait_layout(lambda l: l["selection"] == [reviews], "the reviews note selected")
        s.key("ctrl+i")
        s.click_widget("inspector.metric.Retention %")
        s.wait_layout(lambda l: l["undo"] == "Set metric", "retention switched on")
        s.click_widget("inspector.value.Retention %", repeat=2)  # double-click types a value
        s.key("ctrl+a", "1", "2")
        s.key("Return")
        # ImGui applies a typed value live: wait for the edit to be committed (Return), not for "1".
        layout = s.wait_layout(lambda l: l["undo"] == "Edit metric" and not l["gesture"] and
                               "retention" in touchpoint(l, reviews)["bars"], "the retention value committed")
        check([reviews, landing] in [st["notes"] for st in panel_order(layout)],
              f"retention 12 makes the reviews the weakest: {panel_order(layout)}")
        t = touchpoint(layout, reviews)
        check(t["weakest"], "marked weakest")
        check(abs(share(t["bars"], t["fills"], "retention") - 0.12) < 0.02, f"the bar shows 12 %: {t}")
        save(s)
    saved = next(n for n in load(path)["notes"] if n["id"] == reviews)
    check(saved["metrics"] == {"conversion": None, "csi": 78.0, "nps": None, "retention": 12.0},
          f"retention saved: {saved['metrics']}")
    others = [n for n in load(path)["notes"] if n["id"] != reviews]
    check(all("retention" not in n["metrics"] for n in others), "no other note gains a retention field")


def test_clicking_a_bar_selects_the_note_and_glides_to_it():
    """Covers: touchpoint metrics at a glance"""
    work = tempfile.mkdtemp()
    path = sample_board(work)
    board = load(path)
    welcome = note_id(board, "Welcome email and TV app pairing")  # the last stage
    with Session(args=[path], size=(1600, 1000)) as s:
        s.wait_layout(lambda l: l["notes"], "the board")
        s.key("1")  # the first stage fills the view: the last one is out of it
        s.key("ctrl+m")

        def out_of_view(l):
            x0, y0, x1, y1 = next(n["rect"] for n in l["notes"] if n["id"] == welcome)
            c = l["canvas"]
            return "metricsPanel" in l and (x1 < c[0] or x0 > c[2] or y1 < c[1] or y0 > c[3])

        layout = s.wait_layout(out_of_view, "the panel open, the welcome note out of view")
        s.click(*centre(touchpoint(layout, welcome)["bars"]["nps"]))

        def in_view(l):
            x0, y0, x1, y1 = next(n["rect"] for n in l["notes"] if n["id"] == welcome)
            c = l["canvas"]
            return l["selection"] == [welcome] and x0 >= c[0] and x1 <= c[2] and y0 >= c[1] and y1 <= c[3]

        s.wait_layout(in_view, "the note selected and glided into view")


def test_with_no_metrics_the_panel_says_how_to_add_them():
    """Covers: touchpoint metrics at a glance"""
    work = tempfile.mkdtemp()
    path = os.path.join(work, "classic.cjm")
    check(run_cli("new", path, "--template", "classic").returncode == 0, "journeyboard new --template classic")
    with Session(args=[path]) as s:
        s.wait_layout(lambda l: l["stages"], "the board")
        s.key("ctrl+m")
        panel = s.wait_layout(lambda l: "metricsPanel" in l, "the Metrics panel")["metricsPanel"]
        check(panel["stages"] == [], f"nothing to chart: {panel}")
        check("Inspector (Ctrl+I)" in panel.get("hint", ""), f"the empty panel says how to add metrics: {panel}")


if __name__ == "__main__":
    main(globals())
