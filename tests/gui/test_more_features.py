"""Journey, view, file and session features through real X input, checked through the dump, the
saved file or the exported PNG."""
import glob
import json
import os
import re
import shutil
import subprocess
import tempfile
import time
from datetime import datetime, timezone

from jbgui import Failure, Session, centre, check, main, png_size, run_cli, set_clipboard, wait_until
from test_editing import add_note, cell, lane_id, load, new_board, note, notes_in, stage_id
from test_journey import emotion_y, points

HERE = os.path.dirname(os.path.abspath(__file__))


def board_file(work, name, template):
    path = os.path.join(work, name)
    check(run_cli("new", path, "--template", template).returncode == 0, f"journeyboard new {template}")
    return path


def stage_rect(layout, name):
    return next(s["rect"] for s in layout["stages"] if s["name"] == name)


def fill(s, widget, text):
    """Clicks a text field, replaces its text and leaves it with Enter."""
    s.click_widget(widget)
    s.key("ctrl+a")
    s.type(text)
    s.key("Return")


def scroll_into_view(s, panel, name):
    """Scrolls a panel with the wheel until the named widget is inside it; returns the widget's rect."""
    for _ in range(40):
        layout = s.wait_layout(lambda l: name in l.get("widgets", {}) and panel in l["widgets"], f"{name} in {panel}")
        rect, box = layout["widgets"][name], layout["widgets"][panel]
        if rect[1] >= box[1] + 20 and rect[3] <= box[3] - 4:
            return rect
        s.move(*centre(box))
        s.xdo("click", 5 if rect[3] > box[3] - 4 else 4)
        s.wait_layout(lambda l: l["widgets"].get(name) != rect, f"{panel} scrolled")
    raise Failure(f"{name} never came into view in {panel}")


def test_emotion_point_delete_and_move_sideways():
    """Covers: label or delete a point; move a point; add an emotion point"""
    work = tempfile.mkdtemp()
    path = new_board(work)
    with Session(args=[path]) as s:
        lane = next(l for l in s.layout["lanes"] if l["kind"] == "emotions")["name"]
        for stage in ("Awareness", "Decision"):
            x0, _, x1, _ = cell(s.layout, stage, lane)
            count = len(points(s.layout))
            s.click((x0 + x1) / 2, emotion_y(s.layout, 0.5), repeat=2)
            s.wait_layout(lambda l: len(points(l)) == count + 1, f"a point in {stage}")
        # Select the first point (a click on it), then Del: only that one goes.
        s.click(*points(s.layout)[0]["pos"])
        s.key("Delete")
        s.wait_layout(lambda l: len(points(l)) == 1, "the selected point deleted")
        decision = stage_id(s.layout, "Decision")
        check(points(s.layout)[0]["stage"] == decision, f"the other point stays: {points(s.layout)}")
        check(s.layout["undo"] == "Delete point", f"one undo step: {s.layout['undo']!r}")
        # Sideways: from the middle of Decision to 80 % of its width; the feeling stays.
        x0, _, x1, _ = stage_rect(s.layout, "Decision")
        start = points(s.layout)[0]
        value = start["value"]
        s.drag(start["pos"], (x0 + 0.8 * (x1 - x0), start["pos"][1]))
        s.wait_layout(lambda l: abs(points(l)[0]["pos"][0] - (x0 + 0.8 * (x1 - x0))) < 3, "the point at 80 %")
        moved = points(s.layout)[0]
        check(moved["stage"] == decision and abs(moved["value"] - value) < 0.03, f"same stage and feeling: {moved}")
        check(s.layout["undo"] == "Move point", f"undo {s.layout['undo']!r}")
        # Past the stage's right edge, deep into the next stage: it stops at the edge of its own.
        s.drag(moved["pos"], (x1 + (x1 - x0) * 0.6, moved["pos"][1]))
        s.wait_layout(lambda l: abs(points(l)[0]["pos"][0] - x1) < 3, "the point at the stage's right edge")
        check(points(s.layout)[0]["stage"] == decision, f"still in Decision: {points(s.layout)}")
        # Dragged past another point of its stage, the curve re-sorts: the dragged point stays the
        # selected one, so Del removes it and not the point now at its old place. Then undo all three.
        s.click(x0 + 0.3 * (x1 - x0), emotion_y(s.layout, -0.5), repeat=2)
        s.wait_layout(lambda l: len(points(l)) == 2, "a second point in Decision")
        edge = points(s.layout)[1]
        s.drag(edge["pos"], (x0 + 0.1 * (x1 - x0), edge["pos"][1]))
        s.wait_layout(lambda l: abs(points(l)[0]["pos"][0] - (x0 + 0.1 * (x1 - x0))) < 3, "the dragged point first")
        s.key("Delete")
        s.wait_layout(lambda l: len(points(l)) == 1, "one point deleted")
        check(points(s.layout)[0]["value"] < -0.3, f"the dragged point went, the other stays: {points(s.layout)}")
        for undone in (lambda l: len(points(l)) == 2, lambda l: abs(points(l)[1]["pos"][0] - x1) < 3,
                       lambda l: len(points(l)) == 1):
            s.key("ctrl+z")
            s.wait_layout(undone, "one step undone")
        s.key("ctrl+s")
        s.wait_layout(lambda l: not l["dirty"], "saved")
    saved = load(path)["curves"][0]["points"]
    check(len(saved) == 1 and saved[0]["stage"] == decision, f"one point, in Decision: {saved}")
    check(saved[0]["t"] == 1.0 and abs(saved[0]["value"] - value) < 0.03, f"t at the edge, feeling kept: {saved}")


def test_personas_panel_persona_field_and_curve_kinds():
    """Covers: curves and personas"""
    work = tempfile.mkdtemp()
    path = board_file(work, "sample.cjm", "sample")
    before = load(path)
    with Session(args=[path], size=(1600, 1200)) as s:
        s.key("ctrl+p")
        fill(s, "persona.Name", "Olga, 41")
        s.wait_layout(lambda l: l["undo"] == "Edit persona", "the persona's name edited")
        count = len(s.layout["curves"])
        s.click(*centre(scroll_into_view(s, "panel.personas", "curves.add")))
        s.wait_layout(lambda l: len(l["curves"]) == count + 1, "a new curve")
        new = s.layout["curves"][-1]["id"]
        first = s.layout["curves"][0]["id"]
        check(new not in [c["id"] for c in before["curves"]], "a new id")
        # A second curve starts as to-be: make it as-is.
        s.click(*centre(scroll_into_view(s, "panel.personas", f"curve.{new}.to-be")))
        s.wait_layout(lambda l: l["undo"] == "Mark curve as-is", "the new curve as-is")
        s.click(*centre(scroll_into_view(s, "panel.personas", f"curve.{first}.to-be")))
        s.wait_layout(lambda l: l["undo"] == "Mark curve to-be", "the first curve to-be")
        s.key("ctrl+s")
        s.wait_layout(lambda l: not l["dirty"], "saved")
    board = load(path)
    check(board["personas"][0]["name"] == "Olga, 41", f"persona {board['personas'][0]['name']!r}")
    check(board["personas"][0]["quote"] == before["personas"][0]["quote"], "other fields kept")
    curves = {c["id"]: c for c in board["curves"]}
    check(len(curves) == count + 1, f"{count + 1} curves: {list(curves)}")
    check(curves[first]["toBe"] is True and before["curves"][0]["toBe"] is False, "the first curve became to-be")
    check(curves[new]["toBe"] is False, "the new curve is as-is")
    check(curves[new]["persona"] == board["personas"][0]["id"] and curves[new]["name"].startswith("Olga, 41"),
          f"the new curve belongs to the persona: {curves[new]}")


def test_inspector_severity_csi_nps_and_votes():
    """Covers: note fields"""
    work = tempfile.mkdtemp()
    path = new_board(work)
    with Session(args=[path], size=(1600, 1000)) as s:
        add_note(s, "Awareness", "Pain points", "Card demanded")
        add_note(s, "Consideration", "Touchpoints", "Pricing page")
        s.click(*centre(note(s.layout, "Card demanded")["rect"]))
        s.key("ctrl+i")
        s.click_widget("inspector.severity.medium")
        s.wait_layout(lambda l: l["undo"] == "Edit severity", "the severity")
        votes = s.wait_widget("inspector.votes")
        s.click(votes[0] + 15, (votes[1] + votes[3]) / 2)  # the number field, left of the +/- buttons
        s.key("ctrl+a")
        s.type("4")
        s.key("Return")
        s.wait_layout(lambda l: note(l, "Card demanded")["votes"] == 4, "four votes")
        # The touchpoint: CSI and NPS switched on, then typed.
        s.click(*centre(note(s.layout, "Pricing page")["rect"]))
        for metric, value in (("CSI", "7 2"), ("NPS", "minus 3 0")):
            s.click_widget(f"inspector.metric.{metric}")
            s.wait_layout(lambda l: l["undo"] == "Set metric", f"{metric} switched on")
            s.click_widget(f"inspector.value.{metric}", repeat=2)  # double-click types a value
            s.key("ctrl+a", *value.split())
            s.key("Return")
            s.wait_layout(lambda l: l["undo"] == "Edit metric", f"the {metric} value")
        s.key("ctrl+s")
        s.wait_layout(lambda l: not l["dirty"], "saved")
    notes = {n["text"]: n for n in load(path)["notes"]}
    pain, touch = notes["Card demanded"], notes["Pricing page"]
    check(pain["severity"] == 2 and pain["votes"] == 4, f"severity and votes: {pain['severity']}, {pain['votes']}")
    check(touch["metrics"] == {"conversion": None, "csi": 72.0, "nps": -30.0}, f"metrics {touch['metrics']}")
    check(touch["severity"] == 0 and touch["votes"] == 0, "the touchpoint's other fields untouched")


def test_dot_voting_take_back_sort_and_reset():
    """Covers: dot voting"""
    work = tempfile.mkdtemp()
    path = new_board(work)
    with Session(args=[path]) as s:
        for text in ("Alpha", "Beta", "Gamma"):
            add_note(s, "Decision", "Pain points", text)
        s.key("v")
        for text, clicks in (("Alpha", 1), ("Beta", 3), ("Gamma", 3)):
            for i in range(clicks):
                s.click(*centre(note(s.layout, text)["rect"]))
                s.wait_layout(lambda l: note(l, text)["votes"] == i + 1, f"{text}: {i + 1} votes")
        s.xdo("keydown", "shift")
        s.click(*centre(note(s.layout, "Beta")["rect"]))  # Shift + click takes one back
        s.xdo("keyup", "shift")
        s.wait_layout(lambda l: note(l, "Beta")["votes"] == 2, "Beta back to 2 votes")
        check(s.layout["undo"] == "Remove vote", f"undo {s.layout['undo']!r}")
        s.key("v")
        # Right-click an empty spot of the cell ▸ Sort by votes.
        x0, y0, x1, y1 = cell(s.layout, "Decision", "Pain points")
        s.click(x1 - 12, y1 - 12, button=3)
        s.click_widget("menu.sort_by_votes")
        s.wait_layout(lambda l: [n["text"] for n in notes_in(l, "Decision", "Pain points")] == ["Gamma", "Beta", "Alpha"],
                      "the cell sorted by votes")
        s.key("ctrl+s")
        s.wait_layout(lambda l: not l["dirty"], "saved")
        sid, lid = stage_id(s.layout, "Decision"), lane_id(s.layout, "Pain points")
        in_cell = [(n["text"], n["votes"]) for n in load(path)["notes"] if n["stage"] == sid and n["lane"] == lid]
        check(in_cell == [("Gamma", 3), ("Beta", 2), ("Alpha", 1)], f"sorted in the file: {in_cell}")
        # Journey ▸ Reset all votes.
        s.click_widget("menu.journey")
        s.click_widget("menu.reset_votes")
        s.wait_layout(lambda l: all(n["votes"] == 0 for n in l["notes"]), "every vote reset")
        check(s.layout["undo"] == "Reset votes", f"undo {s.layout['undo']!r}")
        s.key("ctrl+s")
        s.wait_layout(lambda l: not l["dirty"], "saved again")
    check(all(n["votes"] == 0 for n in load(path)["notes"]), "no votes left in the file")


def shifted(before, after, dx, dy):
    """True when every stage header and note rect moved by (dx, dy), give or take a pixel."""
    pairs = [(a["rect"], b["rect"]) for a, b in zip(before["stages"] + before["notes"], after["stages"] + after["notes"])]
    return all(abs(b[0] - a[0] - dx) <= 1 and abs(b[1] - a[1] - dy) <= 1 and abs(b[2] - a[2] - dx) <= 1
               for a, b in pairs)


def test_pan_by_left_and_right_drag_and_keyboard_zoom():
    """Covers: pan; zoom around the cursor; zoom to fit"""
    work = tempfile.mkdtemp()
    path = board_file(work, "sample.cjm", "sample")
    with Session(args=[path]) as s:
        fitted = s.layout
        zoom = fitted["zoom"]
        # The empty corner above the lane labels, left of the stage headers.
        corner = (centre(fitted["lanes"][0]["rect"])[0], centre(fitted["stages"][0]["rect"])[1])
        s.drag(corner, (corner[0] + 150, corner[1] + 90))
        s.wait_layout(lambda l: shifted(fitted, l, 150, 90), "the board moved by the left drag")
        check(s.layout["zoom"] == zoom and not s.layout["dirty"], "a pan is not an edit and keeps the zoom")
        check(s.layout["undo"] == fitted["undo"], "nor an undo step")
        panned = s.layout
        start = centre(panned["stages"][1]["rect"])  # a right drag pans even from a stage header
        s.drag(start, (start[0] - 200, start[1] + 60), button=3)
        s.wait_layout(lambda l: shifted(panned, l, -200, 60), "the board moved by the right drag")
        s.key("ctrl+plus")
        s.wait_layout(lambda l: abs(l["zoom"] - zoom * 1.25) < 1e-4, "Ctrl + zooms in")
        s.key("ctrl+minus", "ctrl+minus")
        s.wait_layout(lambda l: abs(l["zoom"] - zoom * 0.8) < 1e-4, "Ctrl - zooms out")
        s.key("ctrl+0")
        s.wait_layout(lambda l: abs(l["zoom"] - zoom) < 1e-4 and shifted(fitted, l, 0, 0), "Ctrl 0 fits again")
        check(not s.layout["dirty"], "the view is never an edit")


def stage_names(path):
    return [st["name"] for st in load(path)["stages"]]


def test_new_board_from_each_template():
    """Covers: new board from a template"""
    work = tempfile.mkdtemp()
    path = new_board(work)  # classic, saved: no question before replacing it
    expected = {key: stage_names(board_file(work, f"{key}.cjm", key)) for key in ("five-stage", "blank", "sample", "classic")}
    check(expected["five-stage"] != expected["classic"] and expected["blank"] != expected["sample"], "distinct templates")
    with Session(args=[path]) as s:
        for key, names in expected.items():
            s.key("ctrl+n")
            check(s.wait_dialog("New board") == "Start from a template:", "the template chooser")
            s.click_widget(f"new.{key}")
            s.wait_dialog("Board title")  # Esc keeps the template's title: the board stays unchanged
            s.key("Escape")
            s.wait_layout(lambda l: [st["name"] for st in l["stages"]] == names and not l.get("dialogs"),
                          f"the {key} board")
            check(s.layout["path"] == "" and not s.layout["dirty"], f"a new, untitled board: {s.layout['path']!r}")
        check(len(s.layout["notes"]) == len(load(os.path.join(work, "classic.cjm"))["notes"]), "the template's notes")


def newest_png(folder, exclude=()):
    pngs = [p for p in glob.glob(os.path.join(folder, "*.png")) if p not in exclude]
    return pngs[0] if len(pngs) == 1 else None


def complete_png(path):
    """The PNG's (width, height) once it is whole (written and closed), else None."""
    try:
        with open(path, "rb") as f:
            whole = f.read()
        return png_size(path) if whole.endswith(b"IEND\xaeB`\x82") else None
    except (OSError, AssertionError):
        return None


def test_open_and_save_as_through_the_file_dialog():
    """Covers: open / save / save as"""
    work = tempfile.mkdtemp()
    first = board_file(work, "first.cjm", "classic")
    other = board_file(work, "other.cjm", "five-stage")
    with open(other, "rb") as f:
        other_bytes = f.read()
    with Session(args=[first]) as s:
        s.key("ctrl+o")
        check(s.wait_dialog("Open board") == work, "the dialog shows the board's folder")
        fill(s, "file.name", other)
        s.wait_layout(lambda l: l["path"] == other and not l["dialogs"], "the other board opened")
        check([st["name"] for st in s.layout["stages"]] == stage_names(other), "its stages")
        add_note(s, "Выбор", "Боли", "Saved as a copy")
        s.key("ctrl+shift+s")
        check(s.wait_dialog("Save board as") == work, "the save-as dialog opens in the board's folder")
        copy = os.path.join(work, "copies", "copy")  # another folder; the extension is added
        os.mkdir(os.path.dirname(copy))
        fill(s, "file.name", copy)
        s.wait_layout(lambda l: l["path"] == copy + ".cjm" and not l["dirty"], "saved under the new name")
    check(any(n["text"] == "Saved as a copy" for n in load(copy + ".cjm")["notes"]), "the copy holds the edit")
    check(stage_names(copy + ".cjm") == stage_names(other), "the copy is the opened board")
    with open(other, "rb") as f:
        check(f.read() == other_bytes, "the opened file is left as it was")


def test_export_dialog_and_quick_snapshot_write_pngs_beside_the_board():
    """Covers: export PNG… (region, width or scale, background, with progress and Cancel); quick snapshot into snapshots/ beside the board file"""
    work = tempfile.mkdtemp()
    folder = os.path.join(work, "boards")
    os.mkdir(folder)
    path = board_file(folder, "workshop.cjm", "blank")
    with Session(args=[path]) as s:
        # Ctrl E: the export dialog proposes workshop-<time>.png beside the board; its button exports.
        s.key("ctrl+e")
        check(s.wait_dialog("Export").startswith("3840 × "), "the export dialog shows the size")
        s.click_widget("export.go")
        exported = wait_until(lambda: newest_png(folder), 30, "the exported PNG")
        check(re.fullmatch(r"workshop-\d{4}-\d\d-\d\d-\d{6}\.png", os.path.basename(exported)), f"named by time: {exported}")
        width, height = wait_until(lambda: complete_png(exported), 30, "the whole PNG")
        check(width == 3840 and height > 1000, f"3840 px wide: {width}×{height}")
        os.remove(exported)
        # Ctrl Shift E: a snapshot at once, no dialog, in snapshots/ beside the board file.
        s.key("ctrl+shift+e")
        snapshot = wait_until(lambda: newest_png(os.path.join(folder, "snapshots")), 30, "the quick snapshot")
        check(re.fullmatch(r"workshop-\d{8}-\d{6}\.png", os.path.basename(snapshot)), f"named by time: {snapshot}")
        check(wait_until(lambda: complete_png(snapshot), 30, "the whole snapshot")[0] == 3840, "3840 px wide")
    check(sorted(os.listdir(work)) == ["boards"], f"nothing written elsewhere: {os.listdir(work)}")


def test_quit_with_unsaved_changes_enter_saves():
    """Covers: quit (asks first when there are unsaved changes: Enter saves, N doesn't, Esc cancels)"""
    work = tempfile.mkdtemp()
    path = new_board(work)
    with Session(args=[path]) as s:
        add_note(s, "Awareness", "Questions", "Kept by Enter")
        s.key("ctrl+q")
        check(s.wait_dialog("Unsaved changes") == "Save the changes to board.cjm first?", "the question names the board")
        s.key("Return")
        check(s.wait_exit() == 0, "quits after saving")
    check(any(n["text"] == "Kept by Enter" for n in load(path)["notes"]), "Enter saved the board")


def test_ui_scale_menu_scales_the_interface():
    """Covers: UI scale"""
    work = tempfile.mkdtemp()
    path = new_board(work)
    with Session(args=[path]) as s:
        check(s.layout["uiScale"] == 1, f"starts at 100 %: {s.layout['uiScale']}")
        before = s.wait_widget("menu.view")
        s.click_widget("menu.view")
        s.click_widget("menu.ui_scale")
        s.click_widget("menu.ui_scale.150%")
        s.wait_layout(lambda l: l["uiScale"] == 1.5, "the UI scale at 150 %")
        after = s.wait_layout(lambda l: l["widgets"]["menu.view"][3] - l["widgets"]["menu.view"][1] >
                                        (before[3] - before[1]) * 1.4, "a taller menu bar")["widgets"]["menu.view"]
        check(after[2] - after[0] > (before[2] - before[0]) * 1.4, f"a wider View menu: {before} → {after}")
        check(not s.layout["dirty"], "the UI scale is not part of the board")


def recovery_folder(s):
    return os.path.join(s.env["XDG_STATE_HOME"], "journeyboard", "recovery")


def recovery_file(s, extension):
    """The one recovery copy (.cjm) or journal (.journal), or None."""
    files = glob.glob(os.path.join(recovery_folder(s), "*" + extension))
    return files[0] if len(files) == 1 else None


def size_of(path):
    try:
        return os.path.getsize(path)
    except (OSError, TypeError):
        return -1


JOURNAL_HEADER = 24  # core/journal.h kJournalHeaderBytes: a journal that holds no change yet


def test_journal_past_1_mib_starts_anew_and_restore_still_works():
    """Covers: copy, cut, paste; add a note"""
    work = tempfile.mkdtemp()
    path = new_board(work)
    lines = [f"Line {i:03} " + "workshop " * 660 + "end" for i in range(200)]  # 200 notes, ~1.2 MB of text
    with Session(args=[path, "--autosave-seconds", "3600"]) as s:  # only the journal's size makes a new copy
        add_note(s, "Awareness", "Questions", "Before the paste")
        journal = wait_until(lambda: recovery_file(s, ".journal"), 10, "the journal")
        wait_until(lambda: size_of(journal) > JOURNAL_HEADER, 10, "the note's record in the journal")
        check(size_of(journal) - JOURNAL_HEADER < 64 * 1024, f"a small journal: {size_of(journal)}")
        set_clipboard(s, "\n".join(lines))
        s.move(*centre(cell(s.layout, "Decision", "Solutions")))
        s.key("ctrl+v")
        s.wait_layout(lambda l: len(notes_in(l, "Decision", "Solutions")) == 200, "the 200 pasted notes", timeout=60)
        # The paste's record took the journal past 1 MiB: a fresh recovery copy holds the board now,
        # and the journal starts again, empty.
        copy = recovery_file(s, ".cjm")
        wait_until(lambda: size_of(copy) > 1 << 20, 30, "a new recovery copy with the pasted notes")
        wait_until(lambda: size_of(journal) == JOURNAL_HEADER, 30, f"the journal started anew ({size_of(journal)} bytes)")
        check(lines[199] in [n["text"] for n in load(copy)["notes"]], "the copy holds the paste")
        add_note(s, "Awareness", "Questions", "After the paste")
        wait_until(lambda: JOURNAL_HEADER < size_of(journal) < 64 * 1024, 10, "the next change journaled")
        s.crash()
        s.restart()
        check(s.wait_dialog("Restore unsaved work?").startswith("Restore unsaved work on board.cjm"), "the offer")
        s.key("Return")
        layout = s.wait_layout(lambda l: l["dirty"] and len(l["notes"]) >= 202, "the restored board", timeout=30)
        texts = [n["text"] for n in layout["notes"]]
        check({"Before the paste", "After the paste"} <= set(texts), "the notes around the paste are back")
        check(sorted(t for t in texts if t.startswith("Line ")) == lines, "every pasted note is back, whole")


def test_restore_prompt_names_the_board_and_the_copy_time():
    """Covers: add a note"""
    work = tempfile.mkdtemp()
    path = board_file(work, "workshop.cjm", "classic")
    with Session(args=[path]) as s:
        add_note(s, "Decision", "Questions", "Before the crash")
        journal = wait_until(lambda: recovery_file(s, ".journal"), 10, "the journal")
        wait_until(lambda: size_of(journal) > JOURNAL_HEADER, 10, "the change journaled")
        s.crash()
        copy = recovery_file(s, ".cjm")
        with open(copy, encoding="utf-8") as f:
            saved_at = datetime.strptime(json.load(f)["savedAt"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
        # The journal is older than the copy here, so the copy's own time is the one to name.
        os.utime(journal, (saved_at.timestamp() - 3600, saved_at.timestamp() - 3600))
        s.restart()
        when = saved_at.astimezone().strftime("%H:%M:%S")
        text = s.wait_dialog("Restore unsaved work?")
        check(text == f"Restore unsaved work on workshop.cjm from {when}?", f"the prompt: {text!r}, expected {when}")
        s.key("Return")
        s.wait_layout(lambda l: any(n["text"] == "Before the crash" for n in l["notes"]) and not l["dialogs"],
                      "the restored note")
        check(s.layout["dirty"] and s.layout["path"] == path, "restored onto its board, unsaved")


def test_damaged_file_lists_repairs_and_is_not_written_until_saved():
    """Covers: quit (asks first when there are unsaved changes: Enter saves, N doesn't, Esc cancels); add a note"""
    work = tempfile.mkdtemp()
    path = os.path.join(work, "damaged.cjm")
    shutil.copy(os.path.join(HERE, "..", "fuzz", "corpus", "load", "damaged-dangling-refs.cjm"), path)
    with open(path, "rb") as f:
        original = f.read()
    with Session(args=[path, "--autosave-seconds", "1"]) as s:
        text = s.wait_dialog("Journeyboard")
        lines = text.split("\n")
        check(lines[0] == "damaged.cjm was damaged and has been repaired:", f"names the file: {lines[0]!r}")
        repairs = [line for line in lines[1:-1] if line.startswith("  • ")]
        check(repairs and len(repairs) == len(lines) - 2, f"a list of repairs: {lines}")
        check(any("moved to the free area right of the map" in line for line in repairs), f"the orphans: {repairs}")
        check(lines[-1] == "Check the board, then save to keep the repaired version.", f"last line {lines[-1]!r}")
        check(not s.layout["dirty"], "a repaired board is not an unsaved edit")
        s.key("Escape")
        s.wait_layout(lambda l: not l["dialogs"], "the message closed")
        add_note(s, "Awareness", "Questions", "Not written back")
        wait_until(lambda: recovery_file(s, ".cjm"), 10, "the recovery copy")
        time.sleep(1.5)  # an autosave period or more
        with open(path, "rb") as f:
            check(f.read() == original, "the damaged file is untouched while the board is open")
        s.key("ctrl+q")
        check(s.wait_dialog("Unsaved changes") == "Save the changes to damaged.cjm first?", "the question")
        s.key("n")
        check(s.wait_exit() == 0, "quits without saving")
    with open(path, "rb") as f:
        check(f.read() == original, "the damaged file is untouched after N")
    check(os.listdir(work) == ["damaged.cjm"], f"no .bak, no temp file: {os.listdir(work)}")


if __name__ == "__main__":
    main(globals())
