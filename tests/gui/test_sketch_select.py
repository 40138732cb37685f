"""The eraser, and selecting, moving, recolouring and deleting sketches, through real X input."""
import json
import os
import tempfile

from jbgui import Session, centre, check, click_with, main
from test_editing import cell, load

# Free sketches left of the grid (board units): three upright strokes, a small frame and an arrow
# under them, a label.
A, B, C, ARROW, LABEL, FRAME = 100, 101, 102, 103, 104, 105
STROKE_X = {A: -600, B: -450, C: -300}
LABEL_POS = (-650, 620)


def sketched_board(work):
    fixture = os.path.join(os.path.dirname(__file__), "..", "fixtures", "v3", "sample.cjm")
    data = json.load(open(fixture, encoding="utf-8"))
    board = data["board"]
    board["strokes"] = [{"id": i, "stage": 0, "lane": 0, "points": [{"x": x, "y": 150}, {"x": x, "y": 450}],
                         "width": 4, "color": "#1f2937", "highlighter": False} for i, x in STROKE_X.items()]
    board["arrows"] = [{"id": ARROW, "from": {"note": 0, "pos": {"x": -650, "y": 550}},
                        "to": {"note": 0, "pos": {"x": -350, "y": 550}}, "curved": False, "heads": "end",
                        "label": "", "color": "#374151"}]
    board["frames"] = [{"id": FRAME, "rect": {"x0": -680, "y0": 462, "x1": -560, "y1": 530}, "title": "", "color": ""}]
    board["labels"] = [{"id": LABEL, "pos": {"x": LABEL_POS[0], "y": LABEL_POS[1]}, "text": "Ideas", "size": 48,
                        "color": ""}]
    board["nextId"] = 200
    path = os.path.join(work, "sketched.cjm")
    json.dump(data, open(path, "w", encoding="utf-8"))
    return path


def to_screen(layout, x, y):
    """Board units to window pixels, by the label (its rectangle starts at its position)."""
    label = next(l for l in layout["labels"] if l["id"] == LABEL)
    zoom = layout["zoom"]
    return label["rect"][0] + (x - LABEL_POS[0]) * zoom, label["rect"][1] + (y - LABEL_POS[1]) * zoom


def stroke_ids(layout):
    return sorted(s["id"] for s in layout["strokes"])


def saved(s, path):
    s.key("ctrl+s")
    s.wait_layout(lambda l: not l["dirty"], "saved")
    return load(path)


def test_eraser_drag_removes_the_strokes_it_crosses_in_one_undo_step():
    """Covers: erase strokes; undo / redo; cancel a drag"""
    path = sketched_board(tempfile.mkdtemp())
    with Session(args=[path]) as s:
        layout = s.wait_layout(lambda l: len(l["strokes"]) == 3, "the sketched board")
        s.key("e")
        layout = s.wait_layout(lambda l: l["tool"] == "eraser", "the eraser is chosen")
        # A tap on the arrow erases nothing: the eraser takes strokes only.
        s.click(*to_screen(layout, -500, 550))
        # A drag across A and B: each goes as the eraser passes it, C stays.
        s.move(*to_screen(layout, -650, 300))
        s.xdo("mousedown", 1)
        s.move(*to_screen(layout, -520, 300))
        s.wait_layout(lambda l: stroke_ids(l) == [B, C], "A vanished while the button is still down")
        s.move(*to_screen(layout, -400, 305))
        s.wait_layout(lambda l: stroke_ids(l) == [C], "B too")
        s.xdo("mouseup", 1)
        s.wait_layout(lambda l: not l["gesture"], "the drag ended")
        # Esc during a second drag brings C back.
        s.move(*to_screen(layout, -320, 200))
        s.xdo("mousedown", 1)
        s.move(*to_screen(layout, -280, 210))
        s.wait_layout(lambda l: stroke_ids(l) == [], "C erased")
        s.key("Escape")
        s.wait_layout(lambda l: stroke_ids(l) == [C], "Esc restored C")
        s.xdo("mouseup", 1)
        board = saved(s, path)
        check(sorted(x["id"] for x in board["strokes"]) == [C], f"the file keeps C only: {board['strokes']}")
        check([a["id"] for a in board["arrows"]] == [ARROW], "the arrow is not erased")
        s.key("ctrl+z")
        s.wait_layout(lambda l: stroke_ids(l) == [A, B, C], "one undo brings both back")
        s.key("ctrl+shift+z")
        s.wait_layout(lambda l: stroke_ids(l) == [C], "redo erases both again")


def test_click_and_shift_click_select_sketches_and_a_drag_moves_them_by_the_drag():
    """Covers: select sketches; move sketches"""
    path = sketched_board(tempfile.mkdtemp())
    with Session(args=[path]) as s:
        layout = s.wait_layout(lambda l: len(l["strokes"]) == 3, "the sketched board")
        zoom = layout["zoom"]
        x, y = to_screen(layout, STROKE_X[C], 300)
        s.click(x, y)
        s.wait_layout(lambda l: l["sketchSelection"]["strokes"] == [C], "a click selected C")
        click_with(s, "shift", *to_screen(layout, -500, 550))
        s.wait_layout(lambda l: l["sketchSelection"]["strokes"] == [C] and l["sketchSelection"]["arrows"] == [ARROW],
                      "Shift + click added the arrow")
        # A drag of C moves C and the arrow by the drag, in board units, in one undo step.
        s.drag((x, y), (x - 90, y + 40))
        s.wait_layout(lambda l: not l["gesture"] and l["undo"] == "Move selection", "the move ended, one step")
        board = saved(s, path)
        moved = next(st for st in board["strokes"] if st["id"] == C)
        dx, dy = moved["points"][0]["x"] - STROKE_X[C], moved["points"][0]["y"] - 150
        check(abs(dx + 90 / zoom) < 1.5 and abs(dy - 40 / zoom) < 1.5, f"C moved by the drag: {dx:.1f}, {dy:.1f}")
        check(moved["stage"] == 0, "dropped on empty canvas, C stays free")
        start = board["arrows"][0]["from"]["pos"]
        check(abs(start["x"] - (-650 - 90 / zoom)) < 1.5, f"the arrow moved with it: {start}")
        check(next(st for st in board["strokes"] if st["id"] == A)["points"][0]["x"] == STROKE_X[A], "A stayed")


def test_a_stroke_dragged_onto_a_cell_belongs_to_it_and_del_deletes_it():
    """Covers: move sketches; recolour or delete sketches"""
    path = sketched_board(tempfile.mkdtemp())
    with Session(args=[path]) as s:
        layout = s.wait_layout(lambda l: len(l["strokes"]) == 3, "the sketched board")
        # Pressed on C (unselected) and dragged: C alone moves; its middle lands on the cell.
        cx, cy = centre(cell(layout, "Awareness", "Customer goal"))
        s.drag(to_screen(layout, STROKE_X[C], 300), (cx, cy))
        s.wait_layout(lambda l: any(st["id"] == C and st["stage"] == 1 and st["lane"] == 6 for st in l["strokes"])
                      and l["sketchSelection"]["strokes"] == [C], "C is anchored in (Awareness, Customer goal)")
        # Del deletes it, one undo step.
        s.key("Delete")
        s.wait_layout(lambda l: stroke_ids(l) == [A, B] and not l["sketchSelection"]["strokes"], "Del deleted C")
        board = saved(s, path)
        check(sorted(x["id"] for x in board["strokes"]) == [A, B], "C is gone from the file")
        s.key("ctrl+z")
        s.wait_layout(lambda l: any(st["id"] == C and st["stage"] == 1 for st in l["strokes"]), "undo brings C back in its cell")


def test_marquee_selects_sketches_and_the_sketch_menu_recolours_them():
    """Covers: select; select sketches; recolour or delete sketches"""
    path = sketched_board(tempfile.mkdtemp())
    with Session(args=[path]) as s:
        layout = s.wait_layout(lambda l: len(l["strokes"]) == 3, "the sketched board")
        s.key("s")
        s.wait_layout(lambda l: l["tool"] == "select", "the Select tool")
        s.drag(to_screen(layout, -690, 110), to_screen(layout, -380, 720))
        want = {"strokes": [A, B], "arrows": [ARROW], "frames": [FRAME], "labels": [LABEL]}
        s.wait_layout(lambda l: {k: sorted(v) for k, v in l["sketchSelection"].items()} == want,
                      "the rectangle took A, B, the arrow it touches and the frame and label inside it, not C")
        s.click(*to_screen(layout, STROKE_X[A], 300), button=3)
        s.click_widget("menu.colour.3")
        s.wait_layout(lambda l: not l["gesture"] and "menu.colour.3" not in l.get("widgets", {}) and l["dirty"],
                      "the colour is picked")
        board = saved(s, path)
        colours = {x["id"]: x["color"] for x in board["strokes"] + board["arrows"] + board["labels"] + board["frames"]}
        check(all(colours[i] == "#ffc9c2" for i in (A, B, ARROW, LABEL, FRAME)), f"recoloured: {colours}")
        check(colours[C] == "#1f2937", "C kept its colour")
        s.click(*to_screen(layout, STROKE_X[B], 300), button=3)
        s.click_widget("menu.delete")
        s.wait_layout(lambda l: stroke_ids(l) == [C] and not l["arrows"] and not l["labels"] and not l["frames"],
                      "the menu's Delete")


if __name__ == "__main__":
    main(globals())
