"""Arrows that follow notes, their menu, and links, through real X input: the Arrow tool (A) and
Alt + drag draw arrows bound to notes, a moved note takes its arrow end along, a right-click styles
and labels an arrow, Delete on a note takes its arrows and Ctrl+Z brings both back, and the
inspector's links select and show the other note."""
import math
import os
import tempfile

from jbgui import Session, centre, check, main, run_cli
from test_editing import cell, load, note, stage_id

PAIN = "Catalogue hidden behind a sign-up wall"  # Consideration / Pain points in the sample
SOLUTION = "Let guests browse the full catalogue"  # Consideration / Solutions


def sample_file():
    path = os.path.join(tempfile.mkdtemp(), "sample.cjm")
    check(run_cli("new", path, "--template", "sample").returncode == 0, "journeyboard new --template sample")
    return path


def arrow_between(layout, a, b):
    return next((x for x in layout["arrows"] if x["from"]["note"] == a and x["to"]["note"] == b), None)


def near_rect(point, rect, slack=4):
    return rect[0] - slack <= point[0] <= rect[2] + slack and rect[1] - slack <= point[1] <= rect[3] + slack


def draw_arrow(s, a, b, alt=False):
    """Drags from note a's centre to note b's centre (the Arrow tool or Alt held) and waits for the arrow."""
    if alt:
        s.xdo("keydown", "alt")
    s.drag(centre(note(s.layout, a)["rect"]), centre(note(s.layout, b)["rect"]))
    if alt:
        s.xdo("keyup", "alt")
    ida, idb = note(s.layout, a)["id"], note(s.layout, b)["id"]
    s.wait_layout(lambda l: arrow_between(l, ida, idb), "an arrow bound to both notes")
    check(s.layout["undo"] == "Draw arrow", f"one undo step: {s.layout['undo']!r}")
    return arrow_between(s.layout, ida, idb)


def test_arrow_tool_binds_both_ends_and_the_end_follows_a_moved_note_into_the_file():
    """Covers: draw an arrow; move notes; open / save / save as"""
    path = sample_file()
    with Session(args=[path]) as s:
        s.key("a")
        s.wait_layout(lambda l: l["tool"] == "arrow", "A picks the Arrow tool")
        # A drag that ends on its own note, and a tiny one on empty canvas, draw nothing.
        pain = note(s.layout, PAIN)["rect"]
        s.drag((pain[0] + 6, pain[1] + 6), (pain[2] - 6, pain[3] - 6))
        x0, y0, x1, y1 = cell(s.layout, "Awareness", "Solutions")
        s.drag((x1 - 30, y1 - 14), (x1 - 22, y1 - 12))
        arrow = draw_arrow(s, PAIN, SOLUTION)
        check(len(s.layout["arrows"]) == 1, f"only the real drag drew an arrow: {s.layout['arrows']}")
        check(near_rect(arrow["from"]["pos"], note(s.layout, PAIN)["rect"]), "the start is on the pain note")
        check(near_rect(arrow["to"]["pos"], note(s.layout, SOLUTION)["rect"]), "the end is on the solution note")
        # Back to Select, and the pain note dragged into Awareness: the arrow's start goes with it.
        s.key("s")
        s.wait_layout(lambda l: l["tool"] == "select", "S picks Select")
        before = arrow["from"]["pos"]
        x0, y0, x1, y1 = cell(s.layout, "Awareness", "Pain points")
        s.drag(centre(note(s.layout, PAIN)["rect"]), (x1 - 14, y1 - 14))
        awareness = stage_id(s.layout, "Awareness")
        s.wait_layout(lambda l: note(l, PAIN)["stage"] == awareness and not l["gesture"], "the note moved to Awareness")
        arrow = s.layout["arrows"][0]
        moved = math.hypot(arrow["from"]["pos"][0] - before[0], arrow["from"]["pos"][1] - before[1])
        check(moved > 50, f"the bound end followed the note ({moved:.0f} px)")
        check(near_rect(arrow["from"]["pos"], note(s.layout, PAIN)["rect"]), "and is on the note where it is now")
        s.key("ctrl+s")
        s.wait_layout(lambda l: not l["dirty"], "saved")
    board = load(path)
    ids = {n["text"]: n["id"] for n in board["notes"]}
    check(len(board["arrows"]) == 1, f"one arrow in the file: {board['arrows']}")
    saved = board["arrows"][0]
    check(saved["from"]["note"] == ids[PAIN] and saved["to"]["note"] == ids[SOLUTION], f"bound to both notes: {saved}")


def test_right_click_menu_labels_and_curves_an_arrow_and_refuses_a_long_label():
    """Covers: draw an arrow; arrow style, label, delete; open / save / save as"""
    path = sample_file()
    with Session(args=[path]) as s:
        s.key("a")
        s.wait_layout(lambda l: l["tool"] == "arrow", "the Arrow tool")
        arrow = draw_arrow(s, PAIN, SOLUTION)
        a, b = arrow["from"]["pos"], arrow["to"]["pos"]
        middle = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)  # on the straight line
        # A label too long is refused with a sentence; the arrow keeps none.
        s.click(*middle, button=3)
        s.click_widget("menu.arrow.label")
        s.xdo("type", "--delay", 8, "x" * 61)  # one character over the limit
        s.key("Return")
        s.wait_widget("menu.arrow.label_too_long")
        check(s.layout["arrows"][0]["label"] == "", "the long label did not reach the board")
        s.key("ctrl+a")
        s.type("answers")
        s.key("Return")
        s.wait_layout(lambda l: l["arrows"][0]["label"] == "answers" and l["undo"] == "Label arrow", "the label set")
        s.click(*middle, button=3)
        s.click_widget("menu.arrow.curved")
        s.wait_layout(lambda l: l["arrows"][0]["curved"] and l["undo"] == "Curve arrow", "curved, one step")
        s.key("ctrl+s")
        s.wait_layout(lambda l: not l["dirty"], "saved")
    saved = load(path)["arrows"][0]
    check(saved["curved"] is True and saved["label"] == "answers", f"the file has the style: {saved}")


def test_delete_a_note_takes_its_arrow_and_undo_brings_both_back():
    """Covers: draw an arrow; delete, duplicate; undo / redo"""
    with Session(["--template", "sample"]) as s:
        s.key("s")
        s.wait_layout(lambda l: l["tool"] == "select", "the Select tool")
        draw_arrow(s, PAIN, SOLUTION, alt=True)  # Alt + drag from a note with Select
        pain_id = note(s.layout, PAIN)["id"]
        s.click(*centre(note(s.layout, PAIN)["rect"]))
        s.wait_layout(lambda l: l["selection"] == [pain_id], "the pain note selected")
        s.key("Delete")
        s.wait_layout(lambda l: not any(n["id"] == pain_id for n in l["notes"]) and not l["arrows"],
                      "Delete took the note and its arrow")
        s.key("ctrl+z")
        s.wait_layout(lambda l: any(n["id"] == pain_id for n in l["notes"]) and len(l["arrows"]) == 1,
                      "one undo brought both back")
        check(s.layout["arrows"][0]["from"]["note"] == pain_id, "the arrow is bound to the note again")


def test_inspector_lists_links_and_a_click_selects_and_shows_the_other_note():
    """Covers: draw an arrow; note links; note fields"""
    with Session(["--template", "sample"]) as s:
        s.key("a")
        s.wait_layout(lambda l: l["tool"] == "arrow", "the Arrow tool")
        draw_arrow(s, PAIN, SOLUTION)
        s.key("Escape")
        s.wait_layout(lambda l: l["tool"] == "select", "Esc puts the Arrow tool down")
        s.click(*centre(note(s.layout, SOLUTION)["rect"]))
        solution_id, pain_id = note(s.layout, SOLUTION)["id"], note(s.layout, PAIN)["id"]
        s.wait_layout(lambda l: l["selection"] == [solution_id], "the solution selected")
        s.key("ctrl+i")
        s.click_widget("inspector.link.0")  # "← Catalogue hidden…": the incoming link
        s.wait_layout(lambda l: l["selection"] == [pain_id], "the link selected the pain note")
        canvas = s.layout["canvas"]
        mid = centre(canvas)

        def shown_in_middle(l):
            x, y = centre(note(l, PAIN)["rect"])
            return abs(x - centre(l["canvas"])[0]) < 40 and abs(y - centre(l["canvas"])[1]) < 40
        s.wait_layout(shown_in_middle, f"the view glided to the pain note (canvas centre {mid})")


if __name__ == "__main__":
    main(globals())
