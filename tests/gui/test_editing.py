"""Direct manipulation with undo, through real X input: create, type, drag, reorder, rename,
undo/redo, save; then the saved file must hold exactly the expected board."""
import json
import os
import tempfile

from jbgui import Session, check, centre, main, run_cli

KLIENT = "Клиент ждёт ответа 24 часа"


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)["board"]


def stage_id(layout, name):
    return next(s["id"] for s in layout["stages"] if s["name"] == name)


def lane_id(layout, name):
    return next(l["id"] for l in layout["lanes"] if l["name"] == name)


def cell(layout, stage, lane):
    sid, lid = stage_id(layout, stage), lane_id(layout, lane)
    return next(c["rect"] for c in layout["cells"] if c["stage"] == sid and c["lane"] == lid)


def notes_in(layout, stage, lane):
    sid, lid = stage_id(layout, stage), lane_id(layout, lane)
    return [n for n in layout["notes"] if n["stage"] == sid and n["lane"] == lid]


def note(layout, text):
    return next(n for n in layout["notes"] if n["text"] == text)


def add_note(s, stage, lane, text):
    x0, y0, x1, y1 = cell(s.layout, stage, lane)
    count = len(notes_in(s.layout, stage, lane))
    s.click(x1 - 12, y1 - 12, repeat=2)  # bottom-right corner: empty even with a note or two
    s.wait_layout(lambda l: len(notes_in(l, stage, lane)) == count + 1, f"a new note in {stage}/{lane}")
    s.type(text)
    s.wait_layout(lambda l: any(n["text"] == text for n in notes_in(l, stage, lane)), f"the typed text {text!r}")
    s.key("Escape")


def new_board(work):
    path = os.path.join(work, "board.cjm")
    check(run_cli("new", path, "--template", "classic").returncode == 0, "journeyboard new")
    return path


def test_create_drag_reorder_rename_undo_redo_save():
    """Covers: add a note; edit a note; move notes; reorder notes in a cell; rename a stage or lane; undo / redo; open / save / save as"""
    work = tempfile.mkdtemp()
    path = new_board(work)
    original = load(path)
    with Session(args=[path]) as s:
        # 1. Double-click a cell, type Cyrillic, Escape commits.
        add_note(s, "Awareness", "Pain points", KLIENT)
        # 2. Drag it to another stage, same lane.
        src = centre(note(s.layout, KLIENT)["rect"])
        dst = centre(cell(s.layout, "Decision", "Pain points"))
        s.drag(src, dst)
        s.wait_layout(lambda l: [n["text"] for n in notes_in(l, "Decision", "Pain points")] == [KLIENT],
                      "the note dropped into Decision")
        # 3. Two notes in one cell, then drag the second before the first.
        add_note(s, "Consideration", "Questions", "Alpha")
        add_note(s, "Consideration", "Questions", "Beta")
        check([n["text"] for n in notes_in(s.layout, "Consideration", "Questions")] == ["Alpha", "Beta"], "Alpha, Beta")
        alpha, beta = note(s.layout, "Alpha")["rect"], note(s.layout, "Beta")["rect"]
        s.drag(centre(beta), (alpha[0] + 6, (alpha[1] + alpha[3]) / 2))
        s.wait_layout(lambda l: [n["text"] for n in notes_in(l, "Consideration", "Questions")] == ["Beta", "Alpha"],
                      "Beta reordered before Alpha")
        # 4. Rename a stage by double-clicking its header.
        header = next(st["rect"] for st in s.layout["stages"] if st["name"] == "Purchase")
        s.double_click_open(*centre(header), lambda l: l["renaming"] == "stage", "the stage's name field open")
        s.key("ctrl+a")
        s.type("Checkout")
        s.key("Return")
        s.wait_layout(lambda l: any(st["name"] == "Checkout" for st in l["stages"]), "the stage renamed")
        # 5. Undo three times (rename, reorder, add Beta), redo once (add Beta).
        for _ in range(3):
            s.key("ctrl+z")
        s.wait_layout(lambda l: [n["text"] for n in notes_in(l, "Consideration", "Questions")] == ["Alpha"]
                      and any(st["name"] == "Purchase" for st in l["stages"]), "three undos")
        s.key("ctrl+shift+z")
        s.wait_layout(lambda l: [n["text"] for n in notes_in(l, "Consideration", "Questions")] == ["Alpha", "Beta"],
                      "one redo")
        check(s.layout["dirty"], "unsaved changes are marked")
        check(s.window_title().startswith("*"), f"title shows unsaved mark: {s.window_title()!r}")
        s.key("ctrl+s")
        s.wait_layout(lambda l: not l["dirty"], "saved")
        check(not s.window_title().startswith("*"), "title clean after save")

    saved = load(path)
    check([st["name"] for st in saved["stages"]] == [st["name"] for st in original["stages"]], "stage names as before")
    check(saved["lanes"] == original["lanes"], "lanes untouched")
    check(saved["stages"] == original["stages"], "stages untouched (the rename was undone)")
    by_id = {st["id"]: st["name"] for st in saved["stages"]}
    lanes = {l["id"]: l["name"] for l in saved["lanes"]}
    got = [(n["text"], by_id[n["stage"]], lanes[n["lane"]]) for n in saved["notes"]]
    want = [(KLIENT, "Decision", "Pain points"), ("Alpha", "Consideration", "Questions"),
            ("Beta", "Consideration", "Questions")]
    check(got == want, f"notes {got}")
    check(saved["curves"] == original["curves"] and saved["personas"] == original["personas"], "curves, personas kept")


def test_a_double_click_opens_the_editor_when_frames_are_slow():
    """Covers: edit a note; rename a stage or lane

    A button changes at most once a frame (window_events.cpp), so a double-click takes four frames;
    ImGui timed it by its frame clock, and with frames of 150 ms (a busy machine, software
    rendering on a 4K screen; JOURNEYBOARD_SLOW_FRAME_MS) the two clicks, 80 ms apart, were two
    single clicks: a stage's header and a note never opened. ImGui is now told the time between the
    two presses as they arrived."""
    with Session(["--template", "sample"], env={"JOURNEYBOARD_SLOW_FRAME_MS": "150"}) as s:
        header = s.layout["stages"][1]["rect"]
        s.click(*centre(header), repeat=2)
        s.wait_layout(lambda l: l["renaming"] == "stage", "the stage's name field open after one double-click")
        s.key("Escape")
        s.wait_layout(lambda l: l["renaming"] == "", "the field closed")
        target = s.layout["notes"][0]
        s.click(*centre(target["rect"]), repeat=2)
        s.wait_layout(lambda l: l.get("editing", {}).get("id") == target["id"], "the note's editor open after one double-click")


def test_marquee_select_delete_and_undo():
    with Session(["--template", "sample"]) as s:  # the sample board
        total = len(s.layout["notes"])
        goals = notes_in(s.layout, "Awareness", "Customer goal") + notes_in(s.layout, "Consideration", "Customer goal")
        x0, y0, _, _ = cell(s.layout, "Awareness", "Customer goal")
        _, _, x1, y1 = cell(s.layout, "Consideration", "Customer goal")
        s.xdo("keydown", "shift")
        s.drag((x0 + 3, y0 + 3), (x1 - 3, y1 - 3))
        s.xdo("keyup", "shift")
        s.wait_layout(lambda l: sorted(l["selection"]) == sorted(n["id"] for n in goals), "the marquee selects the two notes")
        s.key("Delete")
        s.wait_layout(lambda l: len(l["notes"]) == total - len(goals), "Delete removes them")
        check(s.layout["undo"] == "Delete notes", f"undo label {s.layout['undo']!r}")
        s.key("ctrl+z")
        s.wait_layout(lambda l: len(l["notes"]) == total and l["redo"] == "Delete notes", "undo brings them back")
        restored = [n["text"] for n in notes_in(s.layout, "Awareness", "Customer goal")]
        check(restored == [n["text"] for n in notes_in({"stages": s.layout["stages"], "lanes": s.layout["lanes"],
                                                        "notes": goals}, "Awareness", "Customer goal")], "in place")
        # Ctrl+A selects every note; a click on empty canvas clears the selection.
        s.key("ctrl+a")
        s.wait_layout(lambda l: len(l["selection"]) == total, "Ctrl+A")
        s.click(*centre(cell(s.layout, "Awareness", "Solutions")))
        s.wait_layout(lambda l: l["selection"] == [], "a click on empty canvas deselects")


def test_plus_buttons_and_border_resize_are_undoable():
    work = tempfile.mkdtemp()
    path = new_board(work)
    with Session(args=[path]) as s:
        stages, lanes = len(s.layout["stages"]), len(s.layout["lanes"])
        s.click(*centre(s.layout["addStage"]))
        s.wait_layout(lambda l: len(l["stages"]) == stages + 1, "+ adds a stage")
        zoom = s.layout["zoom"]
        s.key("f")  # the board grew: fit it again so everything is on screen
        s.wait_layout(lambda l: l["zoom"] < zoom, "F fits the wider board")
        s.click(*centre(s.layout["addLane"]))
        s.wait_layout(lambda l: len(l["lanes"]) == lanes + 1, "+ adds a lane")
        first = s.layout["stages"][0]
        width, zoom = first["width"], s.layout["zoom"]
        border = (first["rect"][2], (first["rect"][1] + first["rect"][3]) / 2)
        s.drag(border, (border[0] + 80, border[1]))
        s.wait_layout(lambda l: abs(l["stages"][0]["width"] - (width + 80 / zoom)) < 2, "dragging the border resizes")
        check(s.layout["undo"] == "Resize stage", f"one step: {s.layout['undo']!r}")
        s.key("ctrl+z")
        s.wait_layout(lambda l: l["stages"][0]["width"] == width, "undo restores the width")
        s.key("ctrl+z")
        s.key("ctrl+z")
        s.wait_layout(lambda l: len(l["stages"]) == stages and len(l["lanes"]) == lanes, "undo removes both")
        check(not s.layout["dirty"], "back at the saved state: not dirty")


def test_escape_during_drag_restores_the_start():
    """Covers: cancel a drag"""
    with Session(["--template", "sample"]) as s:
        moved = notes_in(s.layout, "Awareness", "Touchpoints")[0]
        src = centre(moved["rect"])
        dst = centre(cell(s.layout, "Post-purchase", "Touchpoints"))
        s.move(*src)
        s.xdo("mousedown", 1)
        for i in range(1, 9):
            s.move(src[0] + (dst[0] - src[0]) * i / 8, src[1] + (dst[1] - src[1]) * i / 8)
        s.wait_layout(lambda l: any(n["id"] == moved["id"] for n in notes_in(l, "Post-purchase", "Touchpoints")),
                      "the note previews in the target cell while dragging")
        s.key("Escape")
        s.xdo("mouseup", 1)
        s.wait_layout(lambda l: any(n["id"] == moved["id"] for n in notes_in(l, "Awareness", "Touchpoints")),
                      "Escape puts it back")
        check(s.layout["undo"] == "" and not s.layout["dirty"], "nothing recorded, nothing to save")
        # A lane's drag too; the hand moving on after Escape, before the release, moves nothing.
        names = [l["name"] for l in s.layout["lanes"]]
        label = next(l for l in s.layout["lanes"] if l["name"] == "Touchpoints")["rect"]
        target = next(l for l in s.layout["lanes"] if l["name"] == "Pain points")["rect"]
        src, dst = centre(label), (centre(target)[0], centre(target)[1] + 5)
        s.move(*src)
        s.xdo("mousedown", 1)
        for i in range(1, 5):
            s.move(src[0], src[1] + (dst[1] - src[1]) * i / 4)
        s.wait_layout(lambda l: [x["name"] for x in l["lanes"]] != names, "the lane previews in its new place")
        s.key("Escape")
        s.wait_layout(lambda l: [x["name"] for x in l["lanes"]] == names, "Escape puts the lane back")
        s.move(src[0], dst[1] + 40)
        s.move(src[0], dst[1] + 60)
        s.xdo("mouseup", 1)
        zoom = s.layout["zoom"]
        s.click(*src, button=4)  # a wheel step after the release: its dump shows what the moves did
        s.wait_layout(lambda l: l["zoom"] != zoom, "the wheel step after the release")
        check([x["name"] for x in s.layout["lanes"]] == names and s.layout["undo"] == "",
              f"still the start after the release: {[x['name'] for x in s.layout['lanes']]}, undo {s.layout['undo']!r}")


def test_edit_copy_paste_duplicate():
    """Covers: add a note; edit a note; select; copy, cut, paste; delete, duplicate"""
    work = tempfile.mkdtemp()
    path = new_board(work)
    with Session(args=[path]) as s:
        add_note(s, "Awareness", "Customer goal", "Find a plan")
        n = note(s.layout, "Find a plan")
        # Double-click edits; typed before the editor opens, the letters would be the canvas's keys.
        s.double_click_open(*centre(n["rect"]), lambda l: l.get("editing", {}).get("id") == n["id"],
                            "the double-click opened the note's editor")
        s.key("End")
        s.type(" fast")
        s.key("Escape")
        s.wait_layout(lambda l: any(x["text"] == "Find a plan fast" for x in l["notes"]), "the edit is applied")
        check(s.layout["undo"] == "Edit note", f"one step for the edit: {s.layout['undo']!r}")
        s.click(*centre(note(s.layout, "Find a plan fast")["rect"]))
        s.key("ctrl+c")
        target = cell(s.layout, "Decision", "Solutions")
        s.move(*centre(target))
        s.key("ctrl+v")
        s.wait_layout(lambda l: [x["text"] for x in notes_in(l, "Decision", "Solutions")] == ["Find a plan fast"],
                      "pasted into the cell under the mouse")
        pasted = notes_in(s.layout, "Decision", "Solutions")[0]
        s.key("ctrl+d")
        s.wait_layout(lambda l: len(notes_in(l, "Decision", "Solutions")) == 2, "Ctrl+D duplicates beside it")
        original, copy = notes_in(s.layout, "Decision", "Solutions")
        check(original["id"] == pasted["id"] and copy["id"] not in {n["id"] for n in s.layout["notes"] if n is not copy},
              f"the copy comes right after its original in the cell: {original['id']}, {copy['id']}")
        check(copy["text"] == "Find a plan fast", f"the copy has the original's text: {copy['text']!r}")
        check(s.layout["selection"] == [copy["id"]], f"the copy is selected: {s.layout['selection']}")
        check(s.layout["undo"] == "Duplicate", f"one undo step: {s.layout['undo']!r}")
        check(copy["rect"][0] > original["rect"][2] or copy["rect"][1] > original["rect"][3],
              f"the copy is laid out beside it, not on it: {original['rect']} {copy['rect']}")
        s.key("ctrl+s")
        s.wait_layout(lambda l: not l["dirty"], "saved")
    saved = load(path)
    texts = sorted(n["text"] for n in saved["notes"])
    check(texts == ["Find a plan fast"] * 3, f"saved notes {texts}")
    check(len({n["id"] for n in saved["notes"]}) == 3, "copies have their own ids")


def test_closing_with_unsaved_changes_asks_first():
    """Covers: quit (asks first when there are unsaved changes: Enter saves, N doesn't, Esc cancels)"""
    work = tempfile.mkdtemp()
    path = new_board(work)
    with open(path, "rb") as f:
        before = f.read()
    with Session(args=[path]) as s:
        add_note(s, "Awareness", "Questions", "Unsaved thought")
        s.close_window()
        s.wait_widget("unsaved.save")  # the question is on screen
        check(s.app.poll() is None, "closing with unsaved changes does not quit at once")
        s.key("Escape")  # cancel: keep working
        s.wait_layout(lambda l: "unsaved.save" not in l.get("widgets", {}), "the question to close")
        check(s.app.poll() is None, "cancel keeps the app open")
        s.key("ctrl+q")
        s.wait_widget("unsaved.save")
        check(s.app.poll() is None, "Ctrl+Q asks too")
        s.key("n")  # don't save
        check(s.wait_exit() == 0, "quits after 'don't save'")
    with open(path, "rb") as f:
        check(f.read() == before, "the file is untouched")


def test_history_panel_jumps_to_any_step():
    work = tempfile.mkdtemp()
    path = new_board(work)
    with Session(args=[path]) as s:
        for text in ("One", "Two", "Three"):
            add_note(s, "Awareness", "Questions", text)
        s.key("ctrl+h")
        row = lambda n: s.wait_widget(f"history.{n}")
        s.click(*centre(row(1)))
        s.wait_layout(lambda l: [n["text"] for n in l["notes"]] == ["One"], "back to the first step")
        check(s.layout["redo"] == "Add note", "the later steps can be redone")
        s.click(*centre(row(3)))
        s.wait_layout(lambda l: [n["text"] for n in l["notes"]] == ["One", "Two", "Three"], "forward to the last step")
        s.click(*centre(row(0)))
        s.wait_layout(lambda l: l["notes"] == [] and not l["dirty"], "the start: as saved")


def test_reorder_stages_delete_with_confirmation_and_collapse():
    with Session(["--template", "sample"]) as s:  # the sample board
        names = [st["name"] for st in s.layout["stages"]]
        first, third = s.layout["stages"][0]["rect"], s.layout["stages"][2]["rect"]
        s.drag(centre(first), ((third[0] + third[2]) / 2 + 5, (third[1] + third[3]) / 2))
        s.wait_layout(lambda l: [st["name"] for st in l["stages"]] == names[1:3] + [names[0]] + names[3:],
                      "the first stage dragged to third place")
        check(s.layout["undo"] == "Move stage", "one step")
        # Delete a stage that holds notes: it asks first; undo brings everything back in place.
        notes_before = [(n["id"], n["stage"], n["lane"]) for n in s.layout["notes"]]
        purchase = next(st for st in s.layout["stages"] if st["name"] == "Purchase")
        s.click(*centre(purchase["rect"]), button=3)
        item = lambda name: s.wait_layout(lambda l: name in l.get("widgets", {}), name)["widgets"][name]
        s.click(*centre(item("menu.delete_stage")))
        s.click(*centre(item("confirm.delete")))
        s.wait_layout(lambda l: all(st["name"] != "Purchase" for st in l["stages"]), "the stage is deleted")
        check(all(n["stage"] != purchase["id"] for n in s.layout["notes"]), "its notes went with it")
        s.key("ctrl+z")
        s.wait_layout(lambda l: [(n["id"], n["stage"], n["lane"]) for n in l["notes"]] == notes_before,
                      "undo restores the stage and its notes, in place and order")
        # Collapse a lane with its chevron: its notes hide, the lane shrinks.
        lane = next(l for l in s.layout["lanes"] if l["name"] == "Solutions")
        height = lane["rect"][3] - lane["rect"][1]
        s.click(*centre(lane["chevron"]))
        s.wait_layout(lambda l: next(x for x in l["lanes"] if x["name"] == "Solutions")["collapsed"], "collapsed")
        collapsed = next(x for x in s.layout["lanes"] if x["name"] == "Solutions")
        check(collapsed["rect"][3] - collapsed["rect"][1] < height / 2, "the lane shrinks")
        hidden = [n for n in s.layout["notes"] if n["lane"] == lane["id"]]
        check(hidden and all(n["hidden"] for n in hidden), "its notes are hidden, not deleted")


if __name__ == "__main__":
    main(globals())
