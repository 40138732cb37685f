"""Limits a user meets (issue 13): a note too long to draw, a window shrunk to nothing, a board
file another program saved while it was open, a font file that is not a font. Each gets one
sentence at most, and nothing is lost."""
import glob
import json
import math
import os
import re
import shutil
import tempfile

from jbgui import Session, centre, check, main, png_size, run_cli, wait_until, errors
from test_more_features import complete_png, fill, newest_png

MAX_NOTE_HEIGHT = 1000  # kMaxNoteHeight, core/model/limits.h (board units)


def board_with(work, name, template, edit=None):
    """A board file from a template, its JSON changed by `edit(board)`."""
    path = os.path.join(work, name)
    check(run_cli("new", path, "--template", template).returncode == 0, "journeyboard new")
    if edit:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        edit(data["board"])
        with open(path, "w", encoding="utf-8") as f:
            json.dump(data, f)
    return path


def stage_names(path):
    with open(path, encoding="utf-8") as f:
        return [s["name"] for s in json.load(f)["board"]["stages"]]


def test_a_note_of_20000_lines_is_drawn_capped_and_the_board_exports():
    """Covers: quick snapshot into snapshots/ beside the board file; zoom to fit

    The note keeps all its text (saved as it was); it is drawn at most kMaxNoteHeight tall, so the
    board still fits an image. Before the cap, export failed ("too tall")."""
    work = tempfile.mkdtemp()
    tall = "A" + "\n" * 19999  # 20,000 characters: the most a note keeps

    def add_tall_note(board):
        board["notes"][0]["text"] = tall

    path = board_with(work, "tall.cjm", "sample", add_tall_note)
    with Session(args=[path]) as s:
        note = next(n for n in s.layout["notes"] if n["text"] == tall)
        height = (note["rect"][3] - note["rect"][1]) / s.layout["zoom"]
        check(0 < height <= MAX_NOTE_HEIGHT + 1, f"the note is drawn {height:.0f} units tall")
        check(note["clipped"] and note["lines"][0] == "A", "its first lines are shown, the rest clipped")
        check(len(note["lines"]) < 100, f"{len(note['lines'])} lines shown")
        # Editing it: the caret starts at the end, and the note scrolls to show it.
        s.click(*centre(note["rect"]), repeat=2)
        editing = s.wait_layout(lambda l: "editing" in l, "the note editor")["editing"]
        check(editing["id"] == note["id"] and editing["firstLine"] == 20000 - len(note["lines"]),
              f"the last lines are shown: {editing}")
        s.key("Escape")
        s.wait_layout(lambda l: "editing" not in l, "the editor closed")
        s.key("ctrl+shift+e")  # the quick snapshot goes through the same renderer as the screen
        snapshot = wait_until(lambda: newest_png(os.path.join(work, "snapshots")), 60, "the quick snapshot")
        width, height = wait_until(lambda: complete_png(snapshot), 60, "the whole snapshot")
        check(width == 3840 and 1000 < height < 20000, f"a sane image: {width}×{height}")
        check("too tall" not in s.output(), "no export error")
        s.key("ctrl+s")
        s.wait_layout(lambda l: not l["dirty"], "saved")
    with open(path, encoding="utf-8") as f:
        check(any(n["text"] == tall for n in json.load(f)["board"]["notes"]), "the whole text is kept")


def test_a_board_too_tall_for_one_image_is_scaled_down_with_one_sentence_first():
    """Covers: export PNG… (region, width or scale, background, with progress and Cancel)

    A board legitimately too tall for one image of old (every lane at the tallest a lane may be:
    over 32,768 px tall at 3840 wide). Past the size the user is asked about (400 megapixels;
    JB_EXPORT_MAX_PIXELS lowers it to 3 here, to stay cheap) the Export dialog says first, in one
    sentence, the size asked for and the size it will be; Export then writes exactly that."""
    work = tempfile.mkdtemp()

    def tall_lanes(board):
        for lane in board["lanes"]:
            lane["height"] = 4000  # the most a lane may be (core/model/limits.h)

    huge = board_with(work, "huge.cjm", "classic", tall_lanes)
    with Session(args=[huge], env={"JB_EXPORT_MAX_PIXELS": "3000000"}) as s:
        s.key("ctrl+e")
        size = s.wait_dialog("Export")
        match = re.fullmatch(r"At the size asked for the image would be 3840 × (\d+) px \([\d,]+ megapixels\), more than "
                             r"image viewers open; it is scaled down to (\d+) × (\d+) px \(3 megapixels\)\.", size)
        check(match and int(match.group(1)) > 32768, f"the dialog says so first, in one sentence: {size!r}")
        s.click_widget("export.go")
        png = wait_until(lambda: next((os.path.join(work, n) for n in os.listdir(work) if n.endswith(".png")), None),
                         30, "the PNG")
        size_written = wait_until(lambda: complete_png(png), 60, "the whole PNG")
        check(size_written == (int(match.group(2)), int(match.group(3))), f"{size_written} as the dialog said: {size!r}")
        check(not errors(s.layout), f"no error: {errors(s.layout)}")


def test_a_window_resized_to_1x1_and_back_keeps_the_board():
    """Covers: zoom to fit

    No crash, no division by zero (the dump stays valid JSON with finite numbers), nothing lost."""
    with Session(["--template", "sample"]) as s:
        before = s.layout
        s.xdo("windowsize", s.window, 1, 1)
        tiny = s.wait_layout(lambda l: l["window"] == [1, 1], "the window at 1×1")
        check(s.app.poll() is None, "still running at 1×1")
        check(math.isfinite(tiny["zoom"]) and tiny["zoom"] > 0, f"a sane zoom at 1×1: {tiny['zoom']}")
        check(all(math.isfinite(v) for n in tiny["notes"] for v in n["rect"]), "finite note rects at 1×1")
        s.xdo("windowsize", s.window, 1000, 700)
        after = s.wait_layout(lambda l: l["window"] == [1000, 700], "the window back at 1000×700")
        s.key("f")  # zoom to fit: the board is on screen again, at a sane zoom
        after = s.wait_layout(lambda l: 0.05 < l["zoom"] < 5 and l["stages"][-1]["rect"][2] <= 1000, "a fitted view")
        check(math.isfinite(after["zoom"]) and 0.05 < after["zoom"] < 5, f"zoom {after['zoom']}")
        for n in after["notes"]:
            check(all(math.isfinite(v) for v in n["rect"]) and n["rect"][2] > n["rect"][0], f"note rect {n['rect']}")
        check([(n["id"], n["text"]) for n in after["notes"]] == [(n["id"], n["text"]) for n in before["notes"]],
              "every note is still there")
        check(after["stages"][0]["rect"][0] >= 0 and after["stages"][-1]["rect"][2] <= 1000, "the board fits the window")
        errors = [line for line in s.output().splitlines() if "error" in line.lower()]
        check(not errors, f"nothing went wrong: {errors[:3]}")


def test_a_board_file_changed_by_another_program_is_not_overwritten_without_asking():
    """Covers: open / save / save as

    Ctrl+S asks "<file> was changed by another program since you opened it." Cancel saves nothing,
    Overwrite replaces the other version, Save As keeps both."""
    work = tempfile.mkdtemp()
    path = board_with(work, "board.cjm", "classic")
    other = board_with(work, "other.cjm", "five-stage")
    ours, theirs = stage_names(path), stage_names(other)

    def replace_on_disk(in_place):
        if in_place:  # another program writing into the same file (same inode)
            with open(other, "rb") as src, open(path, "r+b") as dst:
                dst.write(src.read())
                dst.truncate()
        else:  # or saving through a temp file and a rename, as most do
            shutil.copy(other, path + ".tmp")
            os.replace(path + ".tmp", path)

    with Session(args=[path]) as s:
        replace_on_disk(in_place=True)
        s.key("ctrl+s")
        text = s.wait_dialog("Changed on disk")
        check(text == "board.cjm was changed by another program since you opened it.", f"one sentence: {text!r}")
        s.click_widget("changed.cancel")
        s.wait_layout(lambda l: not l["dialogs"], "the question closed")
        check(stage_names(path) == theirs, "Cancel: their version is left as it was")

        s.key("ctrl+s")
        s.wait_dialog("Changed on disk")
        s.click_widget("changed.overwrite")
        wait_until(lambda: stage_names(path) == ours, 10, "Overwrite: our board in the file")
        s.wait_layout(lambda l: not l["dialogs"], "the question closed")

        # Saved by us since: Ctrl+S saves without asking.
        mtime = os.stat(path).st_mtime_ns
        s.key("ctrl+s")
        wait_until(lambda: os.stat(path).st_mtime_ns != mtime, 10, "a plain save")
        check(not s.layout["dialogs"], "no question for our own save")

        replace_on_disk(in_place=False)
        s.key("ctrl+s")
        s.wait_dialog("Changed on disk")
        s.click_widget("changed.save_as")
        s.wait_dialog("Save board as")
        copy = os.path.join(work, "ours.cjm")
        fill(s, "file.name", copy)
        s.wait_layout(lambda l: l["path"] == copy and not l["dialogs"], "saved under the new name")
    check(stage_names(copy) == ours, "Save As: our board in the new file")
    check(stage_names(path) == theirs, "and theirs kept")


def test_a_font_file_that_is_not_a_font_falls_back_to_the_built_in_font():
    """Covers: quit (asks first when there are unsaved changes: Enter saves, N doesn't, Esc cancels)"""
    fonts = tempfile.mkdtemp()
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        with open(os.path.join(fonts, name), "wb") as f:
            f.write(b"<html>this is not a font</html>\n" * 64)
    with Session(["--template", "sample"], env={"JOURNEYBOARD_FONT_DIR": fonts}) as s:
        text = s.wait_error()
        check(text == f"Font {fonts}/DejaVuSans.ttf is not a font FreeType can read; using the built-in font, "
                      "which has no Cyrillic.", f"one sentence: {text!r}")
        check(len(s.layout["notes"]) >= 28, "the board is drawn and laid out")
        s.key("Escape")
        s.wait_layout(lambda l: not errors(l), "the message dismissed")
        s.key("ctrl+q")
        check(s.wait_exit() == 0, "quits cleanly")


if __name__ == "__main__":
    main(globals())
