"""Emotion point labels that never clip or collide, and points added by intent (a double-click),
through real X input, checked through the dump and the saved file."""
import json
import os
import tempfile

from jbgui import Session, check, main, run_cli
from test_editing import cell, load, stage_id
from test_journey import emotion_y

LONG_LABELS = [
    "Waited two days for a callback from support",
    "Push-напоминание пришло ночью и разбудило всю семью",
    "Could not find the price anywhere on the product page",
    "Оплата картой не прошла с первого раза, пришлось звонить в банк",
    "Delighted by the onboarding call",
    "Курьер опоздал на три часа и не предупредил",
    "Confusing plan names: Pro, Plus, Premium, Prime",
    "Получил бонусы за отзыв",
]


def crowded_board(work):
    """The Classic template with one curve of two long-labelled points per stage, close together
    in height, plus a to-be curve: labels that would clip at the edges and collide."""
    path = os.path.join(work, "crowded.cjm")
    check(run_cli("new", path, "--template", "classic").returncode == 0, "new board")
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    board = data["board"]
    stages = [s["id"] for s in board["stages"]]
    next_id = board["nextId"]
    points, to_be = [], []
    for i, stage in enumerate(stages):
        for j, t in enumerate((0.02, 0.55)):
            value = (-0.6, 0.5, -0.1, 0.2)[(2 * i + j) % 4]
            points.append({"stage": stage, "t": t, "value": value, "label": LONG_LABELS[(2 * i + j) % len(LONG_LABELS)]})
        to_be.append({"stage": stage, "t": 0.5, "value": 0.6, "label": "Agent calls back within the hour"})
    points[-1]["t"] = 0.98  # at the board's right edge
    board["curves"] = [
        {"id": next_id, "persona": 0, "name": "As-is", "color": "#3b6fd8", "toBe": False, "points": points},
        {"id": next_id + 1, "persona": 0, "name": "To-be", "color": "#8a4fd0", "toBe": True, "points": to_be},
    ]
    board["nextId"] = next_id + 2
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False)
    return path


def board_rect(layout):
    cells = [c["rect"] for c in layout["cells"]]
    return [min(r[0] for r in cells), min(r[1] for r in cells), max(r[2] for r in cells), max(r[3] for r in cells)]


def labelled(layout):
    return [p for c in layout["curves"] for p in c["points"] if p["label"]]


def overlap(a, b):
    return a[0] < b[2] - 0.5 and b[0] < a[2] - 0.5 and a[1] < b[3] - 0.5 and b[1] < a[3] - 0.5


def check_labels(layout):
    board = board_rect(layout)
    points = labelled(layout)
    check(points and all("labelRect" in p for p in points), f"every labelled point has its labelRect: {points}")
    for p in points:
        r = p["labelRect"]
        inside = r[0] >= board[0] - 0.5 and r[1] >= board[1] - 0.5 and r[2] <= board[2] + 0.5 and r[3] <= board[3] + 0.5
        check(inside, f"{p['label']!r} at {r} inside the board {board}")
        check(1 <= len(p["labelLines"]) <= 3 and p["labelPx"] > 0, f"at most three lines: {p}")
    for i, a in enumerate(points):
        for b in points[i + 1:]:
            check(not overlap(a["labelRect"], b["labelRect"]), f"{a['label']!r} {a['labelRect']} and {b['label']!r} {b['labelRect']} overlap")


def test_long_point_labels_stay_whole_and_apart():
    """Covers: move a point

    Long crowded labels, some at the board's edges: each wrapped whole inside the board, none on
    another, before and after a point is dragged next to its neighbour."""
    work = tempfile.mkdtemp()
    path = crowded_board(work)
    with Session(args=[path], size=(1280, 800)) as s:
        layout = s.wait_layout(lambda l: len(labelled(l)) == 15, "the crowded labels")
        check_labels(layout)
        # The label that was cut on both sides shows whole, over two lines.
        first = next(p for p in labelled(layout) if p["label"].startswith("Waited two days"))
        check(" ".join(first["labelLines"]) == first["label"], f"the whole label: {first['labelLines']}")
        hyphen = next(p for p in labelled(layout) if p["label"].startswith("Push-"))
        check(" ".join(hyphen["labelLines"]).replace("- ", "-") == hyphen["label"], f"whole: {hyphen['labelLines']}")
        # Drag a point right next to its neighbour in the next stage: the labels still keep apart.
        curve = layout["curves"][0]["points"]
        s.drag(curve[2]["pos"], (curve[1]["pos"][0] + 6, curve[1]["pos"][1] + 4))
        s.wait_layout(lambda l: l["undo"] == "Move point" and not l["gesture"], "the point moved")
        check_labels(s.layout)


def test_a_click_in_the_emotions_lane_adds_no_point_a_double_click_does():
    """Covers: add an emotion point"""
    work = tempfile.mkdtemp()
    path = os.path.join(work, "intent.cjm")
    check(run_cli("new", path, "--template", "classic").returncode == 0, "new board")
    with Session(args=[path]) as s:
        lane = next(l for l in s.layout["lanes"] if l["kind"] == "emotions")["name"]
        x0, _, x1, _ = cell(s.layout, "Awareness", lane)
        s.click((x0 + x1) / 2, emotion_y(s.layout, 0.5))  # a stray click: focus only
        x0, _, x1, _ = cell(s.layout, "Decision", lane)
        s.click((x0 + x1) / 2, emotion_y(s.layout, -0.5), repeat=2)
        # Input is handled in order: had the click added a point, there would be two now.
        layout = s.wait_layout(lambda l: l["curves"] and l["curves"][0]["points"], "the double-click's point")
        points = layout["curves"][0]["points"]
        check(len(points) == 1 and points[0]["stage"] == stage_id(layout, "Decision"), f"one point, in Decision: {points}")
        check(layout["undo"] == "Add point", f"one undo step: {layout['undo']!r}")
        s.key("ctrl+s")
        s.wait_layout(lambda l: not l["dirty"], "saved")
    saved = load(path)["curves"][0]["points"]
    check(len(saved) == 1 and abs(saved[0]["value"] + 0.5) < 0.08, f"the saved point: {saved}")


if __name__ == "__main__":
    import sys
    if len(sys.argv) > 2 and sys.argv[1] == "--make":
        print(crowded_board(sys.argv[2]))
    else:
        main(globals())
