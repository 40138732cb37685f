"""Frames and free text labels (issue 16), through real X input: the Frame tool, moving a frame
with what is inside it, Arrange ▸ Frame around selection, and text labels by the Text tool and by
a double-click outside the grid."""
import tempfile

from jbgui import Session, check, centre, click_with, main, save
from test_editing import load, new_board, note
from test_editing_more import WIDE, board_with_note_specs, empty_canvas, grid_bounds


def board_with_free_notes(*notes):
    """A new classic board with notes, (text, x, y) each: free at x, y in board units, or with x, y
    a stage's and a lane's name, in that cell. Setup, not under test."""
    return board_with_note_specs([(text, x, y, 0, 0) if isinstance(x, str) else (text, None, None, x, y)
                                  for text, x, y in notes])


def near(a, b, tolerance=1.0):
    return all(abs(x - y) <= tolerance for x, y in zip(a, b))


def test_frame_tool_draws_a_titled_frame_that_moves_the_free_note_inside_it():
    """Covers: draw a frame; move or rename a frame; undo / redo; open / save / save as"""
    path = board_with_free_notes(("Inside", 2300, 0), ("Outside", 2300, 700))
    with Session(args=[path], size=WIDE) as s:
        inside, outside = note(s.layout, "Inside")["rect"], note(s.layout, "Outside")["rect"]
        s.key("shift+f")
        s.wait_layout(lambda l: l["tool"] == "frame", "Shift+F picks the Frame tool")
        s.drag((inside[0] - 20, inside[1] - 40), (inside[2] + 20, inside[3] + 20))
        s.wait_layout(lambda l: len(l["frames"]) == 1 and l["renaming"] == "frame", "a frame, its title field open")
        check(s.layout["undo"] == "Add frame" and s.layout["tool"] == "select", f"one step, then Select: {s.layout['undo']}")
        s.type("Parking lot")
        s.key("Return")
        s.wait_layout(lambda l: l["frames"][0]["title"] == "Parking lot" and l["renaming"] == "", "the typed title")
        save(s)
        saved = load(path)["frames"]
        check(len(saved) == 1 and saved[0]["title"] == "Parking lot", f"the frame in the file: {saved}")

        # Drag the title strip: the free note inside goes along by the same amount, the other stays.
        frame = s.layout["frames"][0]["rect"]
        grab = (frame[0] + 30, frame[1] + 5)
        check(grab[1] < inside[1] and grab[0] < s.layout["window"][0] - 100, f"the title strip is above the note, on screen: {frame}")
        s.drag(grab, (grab[0] - 60, grab[1] + 150))
        s.wait_layout(lambda l: not l["gesture"] and near(l["frames"][0]["rect"], [frame[0] - 60, frame[1] + 150,
                                                                                     frame[2] - 60, frame[3] + 150], 2),
                      "the frame moved")
        moved = s.layout["frames"][0]["rect"]
        dx, dy = moved[0] - frame[0], moved[1] - frame[1]
        check(near(note(s.layout, "Inside")["rect"], [inside[0] + dx, inside[1] + dy, inside[2] + dx, inside[3] + dy], 0.5),
              f"the note inside moved with it: {inside} → {note(s.layout, 'Inside')['rect']}")
        check(note(s.layout, "Outside")["rect"] == outside, "the note outside stayed")
        check(s.layout["undo"] == "Move frame", f"one step: {s.layout['undo']}")
        check(s.layout["sketchSelection"]["frames"] == [s.layout["frames"][0]["id"]], "the frame is selected")
        s.key("ctrl+z")
        s.wait_layout(lambda l: near(note(l, "Inside")["rect"], inside, 0.5) and near(l["frames"][0]["rect"], frame, 0.5),
                      "Ctrl+Z puts the frame and the note back")
        check(s.layout["undo"] == "Rename frame", f"the title is the step before: {s.layout['undo']}")

        # Live while the button is down, and Esc puts the frame and the note back.
        s.move(*grab)
        s.xdo("mousedown", 1)
        for i in range(1, 7):
            s.move(grab[0] - 10 * i, grab[1] + 20 * i)
        s.wait_layout(lambda l: l["gesture"] and note(l, "Inside")["rect"][1] > inside[1] + 60, "the note follows the hand")
        s.key("Escape")
        s.wait_layout(lambda l: not l["gesture"] and near(note(l, "Inside")["rect"], inside, 0.5), "Esc cancels the move")
        s.xdo("mouseup", 1)
        s.wait_layout(lambda l: near(l["frames"][0]["rect"], frame, 0.5) and l["undo"] == "Rename frame", "nothing to undo")


def test_text_labels_by_the_text_tool_and_by_a_double_click_outside_the_grid():
    """Covers: add a text label; edit a text label; open / save / save as"""
    path = new_board(tempfile.mkdtemp())
    with Session(args=[path], size=WIDE) as s:
        spot = empty_canvas(s.layout, dy=-120)
        s.key("t")
        s.wait_layout(lambda l: l["tool"] == "text", "T picks the Text tool")
        s.click(*spot)
        s.wait_layout(lambda l: l["renaming"] == "label", "a tap opens a label's text field")
        s.type("Parking lot")
        s.key("Return")
        s.wait_layout(lambda l: [x["text"] for x in l["labels"]] == ["Parking lot"] and l["renaming"] == "", "the label")
        check(s.layout["undo"] == "Add label" and s.layout["tool"] == "select", f"{s.layout['undo']}, {s.layout['tool']}")
        label = s.layout["labels"][0]
        check(label["size"] == 48 and label["rect"][3] - label["rect"][1] > 48 * s.layout["zoom"] * 0.9,
              f"large, at the board's zoom: {label}")

        # Double-click it and retype: edited in place, one step.
        s.click(*centre(label["rect"]), repeat=2)
        s.wait_layout(lambda l: l["renaming"] == "label", "a double-click opens its text")
        s.key("ctrl+a")
        s.type("Later")
        s.key("shift+Return")
        s.type("maybe")
        s.key("Return")
        s.wait_layout(lambda l: [x["text"] for x in l["labels"]] == ["Later\nmaybe"], "edited, on two lines")
        check(s.layout["undo"] == "Edit label", f"one step: {s.layout['undo']}")

        # With the Select tool, a double-click on empty canvas outside the grid makes a label too.
        s.click(*empty_canvas(s.layout, dy=120), repeat=2)
        s.wait_layout(lambda l: l["renaming"] == "label", "a double-click outside the grid with Select")
        s.type("Side remark")
        s.key("Return")
        s.wait_layout(lambda l: len(l["labels"]) == 2, "a second label")
        save(s)
    check(sorted(x["text"] for x in load(path)["labels"]) == ["Later\nmaybe", "Side remark"], "both labels in the file")


def test_frame_around_two_selected_free_notes():
    """Covers: frame around selection; move or rename a frame; select"""
    path = board_with_free_notes(("One", 2600, 0), ("Two", 3000, 300), ("In a cell", "Awareness", "Questions"))
    with Session(args=[path], size=WIDE) as s:
        # Only a note in the grid selected: one sentence, nothing added.
        s.click(*centre(note(s.layout, "In a cell")["rect"]))
        s.wait_layout(lambda l: len(l["selection"]) == 1, "the note in the cell selected")
        s.key("ctrl+shift+g")
        s.wait_layout(lambda l: "outside the grid to put a frame around them." in l["status"], "one sentence says why")
        check(s.layout["frames"] == [] and not s.layout["dirty"], "nothing added")
        x0, y0, x1, y1 = grid_bounds(s.layout)
        s.click(*centre(note(s.layout, "One")["rect"]))
        click_with(s, "shift", *centre(note(s.layout, "Two")["rect"]))
        s.wait_layout(lambda l: len(l["selection"]) == 2, "Shift + click selects the second")
        s.click_widget("menu.arrange")
        s.click_widget("menu.arrange.frame")
        s.wait_layout(lambda l: len(l["frames"]) == 1 and l["renaming"] == "frame", "a frame, its title field open")
        s.type("Both")
        s.key("Return")
        s.wait_layout(lambda l: l["frames"][0]["title"] == "Both", "titled")
        frame = s.layout["frames"][0]["rect"]
        for text in ("One", "Two"):
            r = note(s.layout, text)["rect"]
            check(frame[0] < r[0] and frame[1] < r[1] and r[2] < frame[2] and r[3] < frame[3], f"{text} {r} inside {frame}")
        check(frame[0] > x1, "the frame stays outside the grid")
        # A double-click on its title strip renames it.
        s.click(frame[0] + 30, frame[1] + 5, repeat=2)
        s.wait_layout(lambda l: l["renaming"] == "frame", "the title field again")
        s.type("Pair")
        s.key("Return")
        s.wait_layout(lambda l: l["frames"][0]["title"] == "Pair" and l["undo"] == "Rename frame", "renamed")


if __name__ == "__main__":
    main(globals())
