"""Journey ▸ Opportunities (Ctrl+Shift+O) through real X input: solutions scored with the panel's Score
button and in the Inspector, a dot dragged on the value × effort matrix re-scores it (saved, ranked,
one undo step), and a click on a ranked row selects the note and glides it into view."""
import json
import os
import tempfile

from jbgui import Session, centre, check, main, run_cli, save

# The sample's solutions, in stage order.
CATALOGUE = "Let guests browse the full catalogue"        # Consideration
SUMMARY = "One-line plan summary: 'cancel anytime'"       # Decision
REMINDER = "Reminder email 3 days before billing"          # Post-purchase, the last stage


def sample_board(work):
    path = os.path.join(work, "sample.cjm")
    check(run_cli("new", path, "--template", "sample").returncode == 0, "journeyboard new --template sample")
    return path


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)["board"]


def note_id(board, text):
    return next(n["id"] for n in board["notes"] if n["text"] == text)


def panel(layout):
    return layout.get("opportunitiesPanel")


def dot(layout, note):
    return next((d for d in panel(layout)["dots"] if d["note"] == note), None)


def ranked(layout):
    return [r["note"] for r in panel(layout)["ranked"]]


def open_panel(s):
    s.wait_layout(lambda l: l["notes"], "the board")
    s.key("ctrl+shift+o")
    return s.wait_layout(lambda l: panel(l) is not None, "the Opportunities panel")


def boxes_apart(a, b):
    return a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]


def test_score_with_the_button_and_in_the_inspector():
    """Covers: opportunities on a value × effort matrix; score a solution"""
    work = tempfile.mkdtemp()
    path = sample_board(work)
    board = load(path)
    solutions = [n["id"] for n in board["notes"] if n["lane"] in
                 {lane["id"] for lane in board["lanes"] if lane["kind"] == "solutions"}]
    catalogue, summary = note_id(board, CATALOGUE), note_id(board, SUMMARY)
    with Session(args=[path], size=(1600, 1000)) as s:
        layout = open_panel(s)
        check(panel(layout)["dots"] == [] and "Score below" in panel(layout).get("hint", ""),
              f"nothing scored: the panel says how to score: {panel(layout)}")
        check(panel(layout)["unscored"] == solutions, f"every solution waits, in stage order: {panel(layout)}")

        # One with the panel's Score button: the middle of the matrix, 50 / 50 / effort 3.
        s.click_widget(f"opportunities.score.{catalogue}")
        layout = s.wait_layout(lambda l: dot(l, catalogue), "the catalogue scored")
        check(layout["undo"] == "Score opportunity", f"one undo step: {layout['undo']}")
        check(catalogue not in panel(layout)["unscored"] and "hint" not in panel(layout), "no longer waiting")

        # One in the Inspector: select it on the board, Score, then type its customer value.
        rect = next(n["rect"] for n in layout["notes"] if n["id"] == summary)
        s.click(*centre(rect))
        s.wait_layout(lambda l: l["selection"] == [summary], "the summary selected")
        s.key("ctrl+i")
        s.click_widget("inspector.score")
        layout = s.wait_layout(lambda l: dot(l, summary) and dot(l, catalogue), "the summary scored too")
        # Both sit on the same spot (50, effort 3): they fan out, so each stays a dot one can grab.
        a, b = dot(layout, catalogue), dot(layout, summary)
        check((a["effort"], a["value"]) == (b["effort"], b["value"]) == (3, 50), f"same score: {a} {b}")
        apart = ((a["center"][0] - b["center"][0]) ** 2 + (a["center"][1] - b["center"][1]) ** 2) ** 0.5
        check(apart >= 16, f"not a pile: {a['center']} {b['center']}")
        s.click_widget("inspector.customer_value", repeat=2)  # a double-click types a value
        s.key("ctrl+a", "9", "0", "Return")
        layout = s.wait_layout(lambda l: l["undo"] == "Edit opportunity score" and not l["gesture"] and
                               dot(l, summary)["value"] == 70, "customer value 90 committed")
        check(ranked(layout) == [summary, catalogue], f"(90 + 50) / 3 before (50 + 50) / 3: {panel(layout)['ranked']}")
        check([d["number"] for d in panel(layout)["dots"]] == [1, 2], "numbered in rank order")
        labels = [d["label"] for d in panel(layout)["dots"] if "label" in d]
        check(labels, f"the dots are labelled: {panel(layout)['dots']}")
        for d in panel(layout)["dots"]:
            x, y = d["center"]
            for label in labels:
                check(boxes_apart(label, [x - 8, y - 8, x + 8, y + 8]), f"no label over a dot: {label} {d}")
        save(s)
    saved = {n["id"]: n.get("opportunity") for n in load(path)["notes"]}
    check(saved[catalogue] == {"customerValue": 50.0, "businessValue": 50.0, "effort": 3}, f"{saved[catalogue]}")
    check(saved[summary] == {"customerValue": 90.0, "businessValue": 50.0, "effort": 3}, f"{saved[summary]}")


def test_drag_a_dot_to_effort_one_saves_reranks_and_undoes():
    """Covers: opportunities on a value × effort matrix"""
    work = tempfile.mkdtemp()
    path = sample_board(work)
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    catalogue, summary = note_id(data["board"], CATALOGUE), note_id(data["board"], SUMMARY)
    for n in data["board"]["notes"]:  # scored as the test above leaves them
        if n["id"] in (catalogue, summary):
            n["opportunity"] = {"customerValue": 50 if n["id"] == catalogue else 90, "businessValue": 50, "effort": 3}
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f)
    with Session(args=[path], size=(1600, 1000)) as s:
        layout = open_panel(s)
        check(ranked(layout) == [summary, catalogue], f"(90 + 50) / 3 first: {panel(layout)['ranked']}")
        # Drag the catalogue's dot from effort 3 to effort 1 with the real mouse: Esc first puts it back.
        x0, _, x1, _ = panel(layout)["matrix"]
        start = dot(layout, catalogue)["center"]
        s.move(*start)
        s.xdo("mousedown", 1)
        for i in range(1, 7):
            s.move(start[0] - (x1 - x0) / 2 * i / 6, start[1])
        s.wait_layout(lambda l: dot(l, catalogue)["effort"] == 1 and l["gesture"], "effort 1 while dragging")
        s.key("Escape")
        s.xdo("mouseup", 1)
        layout = s.wait_layout(lambda l: dot(l, catalogue)["effort"] == 3 and not l["gesture"], "Esc puts it back")
        check(layout["undo"] == "" and not layout["dirty"], f"nothing recorded: {layout['undo']}")
        start = dot(layout, catalogue)["center"]
        s.drag(start, (start[0] - (x1 - x0) / 2, start[1]))
        layout = s.wait_layout(lambda l: dot(l, catalogue)["effort"] == 1 and not l["gesture"], "effort 1")
        check(layout["undo"] == "Re-score opportunity", f"the drag is one undo step: {layout['undo']}")
        check(dot(layout, catalogue)["value"] == 50, "a sideways drag keeps the value")
        check(ranked(layout) == [catalogue, summary], f"(50 + 50) / 1 ranks first now: {panel(layout)['ranked']}")
        check(panel(layout)["ranked"][0]["priority"] == 100, f"priority 100: {panel(layout)['ranked']}")
        save(s)
        saved = {n["id"]: n.get("opportunity") for n in load(path)["notes"]}
        check(saved[catalogue] == {"customerValue": 50.0, "businessValue": 50.0, "effort": 1},
              f"saved effort 1: {saved[catalogue]}")
        check(saved[summary] == {"customerValue": 90.0, "businessValue": 50.0, "effort": 3}, f"{saved[summary]}")

        # Undo puts the dot back at effort 3 and the ranking with it.
        cx0, cy0, cx1, cy1 = layout["canvas"]
        s.click((cx0 + cx1) / 2, cy1 - 12)  # the keyboard back to the board
        s.key("ctrl+z")
        layout = s.wait_layout(lambda l: dot(l, catalogue)["effort"] == 3 and l["redo"] == "Re-score opportunity",
                               "undo restores effort 3")
        check(ranked(layout) == [summary, catalogue], f"and the ranking: {panel(layout)['ranked']}")


def test_clicking_a_ranked_row_selects_the_note_and_glides_to_it():
    """Covers: opportunities on a value × effort matrix"""
    work = tempfile.mkdtemp()
    path = sample_board(work)
    reminder = note_id(load(path), REMINDER)
    with Session(args=[path], size=(1600, 1000)) as s:
        open_panel(s)
        s.click_widget(f"opportunities.score.{reminder}")
        s.wait_layout(lambda l: dot(l, reminder), "the reminder scored")
        cx0, cy0, cx1, cy1 = s.layout["canvas"]
        s.click((cx0 + cx1) / 2, cy1 - 12)
        s.key("1")  # the first stage fills the view: the last one is out of it

        def box(l):
            return next(n["rect"] for n in l["notes"] if n["id"] == reminder)

        def out_of_view(l):
            x0, y0, x1, y1 = box(l)
            c = l["canvas"]
            return x1 < c[0] or x0 > c[2] or y1 < c[1] or y0 > c[3]

        layout = s.wait_layout(out_of_view, "the reminder out of view")
        row = next(r["row"] for r in panel(layout)["ranked"] if r["note"] == reminder)
        s.click(*centre(row))

        def in_view(l):
            x0, y0, x1, y1 = box(l)
            c = l["canvas"]
            return l["selection"] == [reminder] and x0 >= c[0] and x1 <= c[2] and y0 >= c[1] and y1 <= c[3]

        s.wait_layout(in_view, "the note selected and glided into view")


if __name__ == "__main__":
    main(globals())
