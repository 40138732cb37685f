"""Hide and reveal stages and lanes, cover mode and Reveal, through real X input: checked through
--dump-layout, the saved file and exported PNGs."""
import os
import tempfile

from jbgui import Session, centre, check, main, png_rect, read_png, run_cli
from test_editing import add_note, load, note


def dark_pixels(rows, channels, rect):
    """Pixels in `rect` (PNG pixels) dark enough to be text (ink 0x1f2430, anti-aliased): a covered
    note's marks are its own tint, never that dark."""
    count = 0
    for y in range(max(0, int(rect[1])), min(len(rows), int(rect[3]))):
        row = rows[y]
        for x in range(max(0, int(rect[0])), min(len(row) // channels, int(rect[2]))):
            if max(row[x * channels:x * channels + 3]) < 120:
                count += 1
    return count


def board_file():
    work = tempfile.mkdtemp()
    path = os.path.join(work, "workshop.cjm")
    check(run_cli("new", path, "--template", "sample").returncode == 0, "new sample board")
    return work, path


def lane(layout, name):
    return next(l for l in layout["lanes"] if l["name"] == name)


def stage(layout, name):
    return next(s for s in layout["stages"] if s["name"] == name)


def notes_of(layout, key, ident):
    return [n for n in layout["notes"] if n[key] == ident]


def test_hide_a_lane_and_a_stage_and_show_them_again():
    """Covers: hide or show a stage or lane"""
    _, path = board_file()
    with Session(args=[path]) as s:
        pains = lane(s.layout, "Pain points")
        height = pains["rect"][3] - pains["rect"][1]
        check(notes_of(s.layout, "lane", pains["id"]), "the lane has notes to hide")
        # H over the lane's label hides it: a thin strip, its notes out of the layout.
        s.move(pains["rect"][0] + 40, (pains["rect"][1] + pains["rect"][3]) / 2)
        s.key("h")
        s.wait_layout(lambda l: lane(l, "Pain points")["hidden"], "the lane hidden")
        hidden = lane(s.layout, "Pain points")
        check(hidden["rect"][3] - hidden["rect"][1] < height / 2, "a hidden lane is a thin strip")
        check(all(n["hidden"] for n in notes_of(s.layout, "lane", pains["id"])), "its notes are not shown")
        check(s.layout["undo"] == "Hide lane", f"one undo step: {s.layout['undo']}")
        # Its context menu shows it again.
        s.click(*centre(hidden["rect"]), button=3)
        s.click_widget("menu.hide_lane")
        s.wait_layout(lambda l: not lane(l, "Pain points")["hidden"], "the lane shown again")
        check(not any(n["hidden"] for n in notes_of(s.layout, "lane", pains["id"])), "its notes are back")

        # H over a stage header hides the stage; the file keeps it hidden, with all its notes.
        decision = stage(s.layout, "Decision")
        in_stage = sorted(n["text"] for n in notes_of(s.layout, "stage", decision["id"]))
        s.move(*centre(decision["rect"]))
        s.key("h")
        s.wait_layout(lambda l: stage(l, "Decision")["hidden"], "the stage hidden")
        check(all(n["hidden"] for n in notes_of(s.layout, "stage", decision["id"])), "the stage's notes are not shown")
        s.key("ctrl+s")
        s.wait_layout(lambda l: not l["dirty"], "saved")
        board = load(path)
        check(next(x for x in board["stages"] if x["id"] == decision["id"]).get("hidden") is True, "saved hidden")
        kept = sorted(n["text"] for n in board["notes"] if n["stage"] == decision["id"])
        check(kept == in_stage, f"the hidden stage's notes are all saved: {kept}")
        # A click on the hidden strip shows it again.
        s.click(*centre(stage(s.layout, "Decision")["rect"]))
        s.wait_layout(lambda l: not stage(l, "Decision")["hidden"], "the stage shown by a click on its strip")


def test_cover_mode_note_is_saved_with_its_text_and_exported_face_down():
    """Covers: cover mode (silent brainstorming); add a note"""
    work, path = board_file()
    with Session(args=[path]) as s:
        s.key("c")
        s.wait_layout(lambda l: l["coverMode"], "cover mode on")
        add_note(s, "Decision", "Pain points", "Hidden idea")
        s.wait_layout(lambda l: note(l, "Hidden idea")["covered"] and not l["gesture"], "the note made face down")
        s.key("ctrl+s")
        s.wait_layout(lambda l: not l["dirty"], "saved")
        saved = next(n for n in load(path)["notes"] if n["text"] == "Hidden idea")
        check(saved.get("covered") is True, "saved covered, with its text")

        # The export shows it face down (no ink on it) unless --reveal.
        rect = note(s.layout, "Hidden idea")["rect"]
        ink = {}
        for name, extra in (("covered", []), ("revealed", ["--reveal"])):
            png = os.path.join(work, f"{name}.png")
            result = run_cli("export", path, "-o", png, "--width", 2000, *extra)
            check(result.returncode == 0, f"export {name}: {result.stderr}")
            width, height, channels, rows = read_png(png)
            ink[name] = dark_pixels(rows, channels, png_rect(s.layout, rect, width, height))
        check(ink["covered"] == 0, f"a covered note's text is not exported: {ink}")
        check(ink["revealed"] > 40, f"--reveal exports its text: {ink}")

        # Workshop ▸ Reveal covered notes turns it face up and ends cover mode.
        s.click_widget("menu.workshop")
        s.click_widget("menu.reveal")
        s.wait_layout(lambda l: not note(l, "Hidden idea")["covered"] and not l["coverMode"], "the note revealed")
        check(s.layout["undo"] == "Reveal notes", f"one undo step: {s.layout['undo']}")
        # The flip ends by itself, and with it the timed frames it asked for.
        s.wait_layout(lambda l: l["flipping"] == 0, "the flip over")


if __name__ == "__main__":
    main(globals())
