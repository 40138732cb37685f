"""More editing through real X input: free notes, multi-line text, selection with modifiers and the
Select tool, delete/cut/paste/redo, text pasted from elsewhere, the note menu, nudging, and lane
and stage headers; each checked through the dump and the saved file."""
import json
import tempfile

from jbgui import Session, centre, check, click_with, main, note_record, save, set_clipboard
from test_editing import add_note, cell, load, new_board, note, notes_in


WIDE = (1600, 800)  # room right of the grid for free notes


def grid_bounds(layout):
    cells = [c["rect"] for c in layout["cells"]]
    return (min(r[0] for r in cells), min(r[1] for r in cells), max(r[2] for r in cells), max(r[3] for r in cells))


def empty_canvas(layout, dy=0):
    """A point right of the grid, half-way down it: empty canvas, no header, no button."""
    x0, y0, x1, y1 = grid_bounds(layout)
    width = layout["window"][0]
    check(width - x1 > 160, f"room right of the grid for free notes ({x1} of {width})")
    return ((x1 + width) / 2, (y0 + y1) / 2 + dy)


def lane(layout, name):
    return next(l for l in layout["lanes"] if l["name"] == name)


def by_id(layout, id):
    return next(n for n in layout["notes"] if n["id"] == id)


def board_with_note_specs(specs):
    """A new classic board with notes, (text, stage, lane, x, y) each: stage and lane names put it
    in that cell, None and None leave it free at x, y in board units. Setup, not under test."""
    path = new_board(tempfile.mkdtemp())
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    board = data["board"]
    stages = {st["name"]: st["id"] for st in board["stages"]}
    lanes = {l["name"]: l["id"] for l in board["lanes"]}
    for text, stage, lane_name, x, y in specs:
        board["notes"].append(note_record(board["nextId"], stages[stage] if stage else 0,
                                          lanes[lane_name] if lane_name else 0, x, y, text))
        board["nextId"] += 1
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False)
    return path


def board_with_notes(*notes):
    """A new classic board whose cells already hold `notes`, (stage, lane, text) each: setup, not under test."""
    return board_with_note_specs([(text, stage, lane_name, 0, 0) for stage, lane_name, text in notes])


def test_free_notes_by_double_click_and_by_dragging_out_of_the_grid():
    """Covers: add a note; move notes; open / save / save as"""
    path = new_board(tempfile.mkdtemp())
    with Session(args=[path], size=WIDE) as s:
        spot = empty_canvas(s.layout, dy=-80)
        s.click(*spot, repeat=2)
        s.wait_layout(lambda l: len(l["notes"]) == 1, "a double-click on empty canvas adds a note")
        s.type("Parking lot")
        s.key("Escape")
        s.wait_layout(lambda l: [n["text"] for n in l["notes"]] == ["Parking lot"], "the typed text")
        free = s.layout["notes"][0]
        check(free["stage"] == 0 and free["lane"] == 0, f"outside the grid: a free note {free}")
        cx, cy = centre(free["rect"])
        check(abs(cx - spot[0]) < 2 and abs(cy - spot[1]) < 2, f"centred where clicked: {free['rect']} {spot}")
        # A note in a cell, dragged out of the grid, becomes free where it is dropped.
        add_note(s, "Awareness", "Questions", "Loose thought")
        start = note(s.layout, "Loose thought")["rect"]
        drop = empty_canvas(s.layout, dy=80)
        s.drag(centre(start), drop, steps=4)
        at_drop = lambda r: abs(centre(r)[0] - drop[0]) < 2 and abs(centre(r)[1] - drop[1]) < 2
        s.wait_layout(lambda l: note(l, "Loose thought")["stage"] == 0 and at_drop(note(l, "Loose thought")["rect"]),
                      "dragged out of the grid: a free note where it was dropped")
        check(note(s.layout, "Loose thought")["lane"] == 0, "no lane either")
        check(s.layout["undo"] == "Move note", f"one step: {s.layout['undo']!r}")
        zoom, on_screen = s.layout["zoom"], {n["text"]: n["rect"] for n in s.layout["notes"]}
        save(s)
    saved = {n["text"]: n for n in load(path)["notes"]}
    check(sorted(saved) == ["Loose thought", "Parking lot"], f"saved notes {sorted(saved)}")
    for n in saved.values():
        check(n["stage"] == 0 and n["lane"] == 0, f"saved as a free note: {n}")
    a, b = saved["Parking lot"]["pos"], saved["Loose thought"]["pos"]
    ra, rb = on_screen["Parking lot"], on_screen["Loose thought"]
    check(abs((b["x"] - a["x"]) * zoom - (rb[0] - ra[0])) < 1 and abs((b["y"] - a["y"]) * zoom - (rb[1] - ra[1])) < 1,
          f"the saved positions are where they were on screen: {a} {b} {ra} {rb}")


def test_enter_makes_lines_and_a_click_outside_ends_editing():
    """Covers: add a note; edit a note; undo / redo; open / save / save as"""
    path = new_board(tempfile.mkdtemp())
    with Session(args=[path]) as s:
        x0, y0, x1, y1 = cell(s.layout, "Decision", "Pain points")
        s.click(x1 - 12, y1 - 12, repeat=2)
        s.wait_layout(lambda l: len(l["notes"]) == 1, "a new note")
        s.type("First")
        s.key("Return")
        s.type("Second")
        s.wait_layout(lambda l: [n["text"] for n in l["notes"]] == ["First\nSecond"], "Enter starts a new line")
        # A click on another cell ends editing: the note is committed, and keys no longer type into it.
        s.click(*centre(cell(s.layout, "Awareness", "Solutions")))
        s.wait_layout(lambda l: l["selection"] == [], "the click outside deselects")
        s.type("zz")
        s.key("ctrl+a")  # a shortcut only works when not typing; it also tells when the keys were handled
        s.wait_layout(lambda l: len(l["selection"]) == 1, "Ctrl+A selects the note")
        check([n["text"] for n in s.layout["notes"]] == ["First\nSecond"], f"editing ended: {s.layout['notes']}")
        s.key("ctrl+z")
        s.wait_layout(lambda l: l["notes"] == [] and l["redo"] == "Add note", "the new note was one committed step")
        s.key("ctrl+shift+z")
        s.wait_layout(lambda l: [n["text"] for n in l["notes"]] == ["First\nSecond"], "redo")
        # Edit it again: a third line, then a click outside.
        # The caret starts at the end.
        s.double_click_open(*centre(s.layout["notes"][0]["rect"]), lambda l: "editing" in l, "the note's editor open")
        s.key("Return")
        s.type("Third")
        s.wait_layout(lambda l: [n["text"] for n in l["notes"]] == ["First\nSecond\nThird"], "a third line")
        s.click(*centre(cell(s.layout, "Awareness", "Solutions")))
        s.wait_layout(lambda l: l["selection"] == [], "the click outside deselects")
        s.type("zz")
        s.key("ctrl+a")
        s.wait_layout(lambda l: len(l["selection"]) == 1, "Ctrl+A selects the note")
        check([n["text"] for n in s.layout["notes"]] == ["First\nSecond\nThird"], "editing ended")
        s.key("ctrl+z")
        s.wait_layout(lambda l: [n["text"] for n in l["notes"]] == ["First\nSecond"] and l["redo"] == "Edit note",
                      "the edit was one committed step")
        s.key("ctrl+shift+z")
        s.wait_layout(lambda l: [n["text"] for n in l["notes"]] == ["First\nSecond\nThird"], "redo")
        save(s)
    check([n["text"] for n in load(path)["notes"]] == ["First\nSecond\nThird"], "three lines saved")


def test_shift_and_ctrl_click_and_the_select_tool():
    """Covers: select"""
    with Session(["--template", "sample"]) as s:  # the sample board
        a, b, c = notes_in(s.layout, "Awareness", "Touchpoints")[:2] + notes_in(s.layout, "Decision", "Touchpoints")[:1]
        s.click(*centre(a["rect"]))
        s.wait_layout(lambda l: l["selection"] == [a["id"]], "a click selects one note")
        click_with(s, "shift", *centre(b["rect"]))
        s.wait_layout(lambda l: l["selection"] == [a["id"], b["id"]], "Shift+click adds")
        click_with(s, "ctrl", *centre(c["rect"]))
        s.wait_layout(lambda l: l["selection"] == [a["id"], b["id"], c["id"]], "Ctrl+click adds")
        click_with(s, "ctrl", *centre(a["rect"]))
        s.wait_layout(lambda l: l["selection"] == [b["id"], c["id"]], "Ctrl+click on a selected note removes it")
        click_with(s, "shift", *centre(c["rect"]))
        s.wait_layout(lambda l: l["selection"] == [b["id"]], "Shift+click on a selected note removes it")
        s.click(*centre(c["rect"]))
        s.wait_layout(lambda l: l["selection"] == [c["id"]], "a plain click selects just that note")
        # The Select tool: a plain left drag draws a rectangle instead of panning.
        s.click_widget("tool.select")
        goals = notes_in(s.layout, "Awareness", "Customer goal") + notes_in(s.layout, "Consideration", "Customer goal")
        rects = {n["id"]: n["rect"] for n in s.layout["notes"]}
        x0, y0, _, _ = cell(s.layout, "Awareness", "Customer goal")
        _, _, x1, y1 = cell(s.layout, "Consideration", "Customer goal")
        s.drag((x0 + 3, y0 + 3), (x1 - 3, y1 - 3), steps=4)
        s.wait_layout(lambda l: sorted(l["selection"]) == sorted(n["id"] for n in goals), "the rectangle selects")
        check({n["id"]: n["rect"] for n in s.layout["notes"]} == rects, "the view did not pan")
        # Back to Pan: the same drag moves the view and keeps the selection.
        s.click_widget("tool.pan")
        s.drag((x0 + 3, y0 + 3), (x1 - 3, y1 - 3), steps=4)
        s.wait_layout(lambda l: by_id(l, a["id"])["rect"] != rects[a["id"]], "the Pan tool pans")
        s.key("f")  # fits the view again: the dump then also shows what the end of the drag did
        s.wait_layout(lambda l: {n["id"]: n["rect"] for n in l["notes"]} == rects, "fitted again")
        check(sorted(s.layout["selection"]) == sorted(n["id"] for n in goals), "panning keeps the selection")


def test_backspace_cut_paste_and_redo():
    """Covers: delete, duplicate; copy, cut, paste; undo / redo; open / save / save as"""
    path = board_with_notes(("Awareness", "Questions", "Keep"), ("Awareness", "Questions", "Drop me"),
                            ("Consideration", "Questions", "Cut me"))
    with Session(args=[path]) as s:
        s.click(*centre(note(s.layout, "Drop me")["rect"]))
        s.wait_layout(lambda l: l["selection"] == [note(l, "Drop me")["id"]], "selected")
        s.key("BackSpace")
        s.wait_layout(lambda l: all(n["text"] != "Drop me" for n in l["notes"]), "Backspace deletes the note")
        check(s.layout["undo"] == "Delete note", f"undo label {s.layout['undo']!r}")
        cut = note(s.layout, "Cut me")
        s.click(*centre(cut["rect"]))
        s.wait_layout(lambda l: l["selection"] == [cut["id"]], "selected")
        s.key("ctrl+x")
        s.wait_layout(lambda l: [n["text"] for n in l["notes"]] == ["Keep"], "Ctrl+X removes the note")
        s.move(*centre(cell(s.layout, "Purchase", "Solutions")))
        s.key("ctrl+v")
        s.wait_layout(lambda l: [n["text"] for n in notes_in(l, "Purchase", "Solutions")] == ["Cut me"],
                      "Ctrl+V pastes it back, with its text, into the cell under the mouse")
        check(s.layout["undo"] == "Paste note", f"undo label {s.layout['undo']!r}")
        s.key("ctrl+z")
        s.wait_layout(lambda l: [n["text"] for n in l["notes"]] == ["Keep"] and l["redo"] == "Paste note", "undo")
        s.key("ctrl+y")
        s.wait_layout(lambda l: [n["text"] for n in notes_in(l, "Purchase", "Solutions")] == ["Cut me"]
                      and l["redo"] == "", "Ctrl+Y redoes the paste")
        save(s)
    board = load(path)
    stages = {st["id"]: st["name"] for st in board["stages"]}
    lanes = {l["id"]: l["name"] for l in board["lanes"]}
    got = [(n["text"], stages[n["stage"]], lanes[n["lane"]]) for n in board["notes"]]
    check(got == [("Keep", "Awareness", "Questions"), ("Cut me", "Purchase", "Solutions")], f"saved {got}")


def test_text_pasted_from_elsewhere_becomes_one_note_per_line():
    """Covers: copy, cut, paste; open / save / save as"""
    path = new_board(tempfile.mkdtemp())
    with Session(args=[path]) as s:
        set_clipboard(s, "Slow delivery\r\n\n  Hidden fees  \nНет ответа в чате\n")
        s.move(*centre(cell(s.layout, "Post-purchase", "Pain points")))
        s.key("ctrl+v")
        want = ["Slow delivery", "  Hidden fees", "Нет ответа в чате"]
        s.wait_layout(lambda l: [n["text"] for n in notes_in(l, "Post-purchase", "Pain points")] == want,
                      "one note per non-empty line, in the cell under the mouse")
        check(s.layout["undo"] == "Paste notes", f"one step: {s.layout['undo']!r}")
        check(sorted(s.layout["selection"]) == sorted(n["id"] for n in s.layout["notes"]), "the pasted notes are selected")
        save(s)
    check([n["text"] for n in load(path)["notes"]] == want, "saved")


def test_note_colour_and_size_from_the_right_click_menu():
    """Covers: note colour, size S/M/L; select; open / save / save as"""
    path = board_with_notes(("Awareness", "Customer goal", "Pink"), ("Consideration", "Customer goal", "Also pink"),
                            ("Decision", "Customer goal", "Untouched"))
    with Session(args=[path]) as s:
        s.click(*centre(note(s.layout, "Pink")["rect"]))
        click_with(s, "shift", *centre(note(s.layout, "Also pink")["rect"]))
        s.wait_layout(lambda l: len(l["selection"]) == 2, "two notes selected")
        s.click(*centre(note(s.layout, "Also pink")["rect"]), button=3)
        # The first swatch (no colour of its own: the lane's) was a white square on the white menu,
        # invisible; it is framed and struck through.
        from test_find import screenshot
        x0, y0, x1, y1 = (int(v) for v in s.wait_widget("menu.colour.0"))
        _, _, channels, rows = screenshot(s)
        inked = sum(1 for y in range(y0, y1) for x in range(x0, x1) if max(rows[y][x * channels:x * channels + 3]) < 200)
        check(inked >= (x1 - x0) * 2, f"the lane-colour swatch is drawn, not blank: {inked} dark pixels in {x1 - x0}×{y1 - y0}")
        s.click_widget("menu.colour.3")
        s.wait_layout(lambda l: l["undo"] == "Colour notes" and "menu.colour.3" not in l["widgets"], "coloured")
        height = note(s.layout, "Pink")["rect"][3] - note(s.layout, "Pink")["rect"][1]
        s.click(*centre(note(s.layout, "Pink")["rect"]), button=3)
        s.click_widget("menu.size.L")
        s.wait_layout(lambda l: l["undo"] == "Resize notes", "resized")
        check(note(s.layout, "Pink")["rect"][3] - note(s.layout, "Pink")["rect"][1] > height * 1.2, "a large note is taller")
        # A right-click on an unselected note acts on that note alone.
        s.click(*centre(note(s.layout, "Untouched")["rect"]), button=3)
        s.click_widget("menu.size.S")
        s.wait_layout(lambda l: l["selection"] == [note(l, "Untouched")["id"]] and
                      note(l, "Untouched")["rect"][3] - note(l, "Untouched")["rect"][1] < height * 0.9, "small")
        save(s)
    got = {n["text"]: (n["color"], n["size"]) for n in load(path)["notes"]}
    check(got == {"Pink": ("#ffc9c2", "L"), "Also pink": ("#ffc9c2", "L"), "Untouched": ("", "S")}, f"saved {got}")


def test_arrow_keys_nudge_free_notes():
    """Covers: nudge free notes; add a note; select; open / save / save as"""
    path = board_with_notes(("Awareness", "Questions", "In a cell"))
    with Session(args=[path], size=WIDE) as s:
        s.click(*empty_canvas(s.layout), repeat=2)
        s.wait_layout(lambda l: len(l["notes"]) == 2, "a free note")
        s.type("Free")
        s.key("Escape")
        s.wait_layout(lambda l: any(n["text"] == "Free" for n in l["notes"]), "typed")
        save(s)
        before = {n["text"]: n["pos"] for n in load(path)["notes"]}
        s.key("ctrl+a")
        s.wait_layout(lambda l: len(l["selection"]) == 2, "both selected")
        start = note(s.layout, "Free")["rect"]
        for k in ("Right", "Right", "Down", "shift+Left", "shift+Up", "Up"):
            s.key(k)
        # 10 units a step, 50 with Shift: x +20 -50, y +10 -50 -10.
        zoom = s.layout["zoom"]
        s.wait_layout(lambda l: abs(note(l, "Free")["rect"][0] - (start[0] - 30 * zoom)) < 0.5 and
                      abs(note(l, "Free")["rect"][1] - (start[1] - 50 * zoom)) < 0.5, "the free note moved")
        check(s.layout["undo"] == "Nudge", f"undo label {s.layout['undo']!r}")
        save(s)
    after = {n["text"]: n for n in load(path)["notes"]}
    moved = after["Free"]["pos"]
    check(abs(moved["x"] - before["Free"]["x"] + 30) < 1e-3 and abs(moved["y"] - before["Free"]["y"] + 50) < 1e-3,
          f"10 units a step, 50 with Shift: {before['Free']} → {moved}")
    check(after["In a cell"]["pos"] == before["In a cell"] and after["In a cell"]["stage"] != 0, "a note in a cell stays")


def test_lane_rename_reorder_and_resize():
    """Covers: rename a stage or lane; reorder stages or lanes; resize a stage or lane; open / save / save as"""
    path = new_board(tempfile.mkdtemp())
    with Session(args=[path]) as s:
        names = [l["name"] for l in s.layout["lanes"]]
        s.double_click_open(*centre(lane(s.layout, "Questions")["rect"]), lambda l: l["renaming"] == "lane",
                            "the lane's name field open")
        s.key("ctrl+a")
        s.type("Open questions")
        s.key("Return")
        s.wait_layout(lambda l: [x["name"] for x in l["lanes"]][1] == "Open questions", "the lane renamed")
        check(s.layout["undo"] == "Rename lane", f"undo label {s.layout['undo']!r}")
        # Drag Touchpoints (third) onto the middle of Pain points (fifth): it takes that place.
        src, dst = lane(s.layout, "Touchpoints")["rect"], lane(s.layout, "Pain points")["rect"]
        s.drag(centre(src), (centre(dst)[0], centre(dst)[1] + 5), steps=4)
        order = names[:1] + ["Open questions"] + names[3:5] + ["Touchpoints"] + names[5:]
        s.wait_layout(lambda l: [x["name"] for x in l["lanes"]] == order, "Touchpoints moved to fifth place")
        check(s.layout["undo"] == "Move lane", f"undo label {s.layout['undo']!r}")
        # Drag the bottom border of Customer goal in the label column down 60 px.
        goal = lane(s.layout, "Customer goal")["rect"]
        zoom, height = s.layout["zoom"], goal[3] - goal[1]
        border = ((goal[0] + goal[2]) / 2, goal[3])
        s.drag(border, (border[0], border[1] + 60), steps=4)
        s.wait_layout(lambda l: abs((lane(l, "Customer goal")["rect"][3] - lane(l, "Customer goal")["rect"][1])
                                    - (height + 60)) < 2, "the lane is 60 px taller")
        check(s.layout["undo"] == "Resize lane", f"undo label {s.layout['undo']!r}")
        save(s)
    lanes = load(path)["lanes"]
    check([l["name"] for l in lanes] == order, f"saved order {[l['name'] for l in lanes]}")
    goal = next(l for l in lanes if l["name"] == "Customer goal")
    check(abs(goal["height"] - (150 + 60 / zoom)) < 2, f"saved height {goal['height']} (zoom {zoom})")
    check(all(l["height"] == 150 for l in lanes if l["name"] not in ("Customer goal", "Emotions")), "others unchanged")


def test_lane_kind_and_delete_with_confirmation():
    """Covers: delete a stage or lane, lane kind, collapse; open / save / save as"""
    path = board_with_notes(("Awareness", "Solutions", "Chat bot"), ("Awareness", "Questions", "Price?"))
    with Session(args=[path]) as s:
        # Kind: right-click the label, Kind ▸ Pain points.
        s.click(*centre(lane(s.layout, "Action items")["rect"]), button=3)
        s.move(*centre(s.wait_widget("menu.lane_kind")))
        s.click_widget("menu.kind.pains")
        s.wait_layout(lambda l: lane(l, "Action items")["kind"] == "pains", "the kind is changed")
        check(s.layout["undo"] == "Change lane kind", f"undo label {s.layout['undo']!r}")
        # An empty lane goes at once.
        s.click(*centre(lane(s.layout, "Moments of delight")["rect"]), button=3)
        s.click_widget("menu.delete_lane")
        s.wait_layout(lambda l: all(x["name"] != "Moments of delight" for x in l["lanes"]), "an empty lane is deleted")
        check("confirm.delete" not in s.layout["widgets"], "without asking")
        # A lane that holds notes asks first; Cancel keeps it, Delete removes it with its notes.
        for answer in ("Cancel", "Delete"):
            s.click(*centre(lane(s.layout, "Solutions")["rect"]), button=3)
            s.click_widget("menu.delete_lane")
            button = s.wait_widget("confirm.delete")
            check(any(x["name"] == "Solutions" for x in s.layout["lanes"]), "it asks before deleting")
            if answer == "Cancel":
                s.key("Escape")
                s.wait_layout(lambda l: "confirm.delete" not in l["widgets"], "Esc cancels")
            else:
                s.click(*centre(button))
        s.wait_layout(lambda l: all(x["name"] != "Solutions" for x in l["lanes"]), "the lane is deleted")
        check([n["text"] for n in s.layout["notes"]] == ["Price?"], "its note went with it")
        check(s.layout["undo"] == "Delete lane", f"undo label {s.layout['undo']!r}")
        save(s)
    board = load(path)
    kinds = {l["name"]: l["kind"] for l in board["lanes"]}
    check("Solutions" not in kinds and "Moments of delight" not in kinds, f"deleted lanes are gone: {list(kinds)}")
    check(kinds["Action items"] == "pains", f"saved kind {kinds['Action items']}")
    check([n["text"] for n in board["notes"]] == ["Price?"], "saved notes")


def test_add_stage_and_lane_from_the_header_menu():
    """Covers: add a stage or lane; open / save / save as"""
    path = new_board(tempfile.mkdtemp())
    with Session(args=[path]) as s:
        stages = [st["name"] for st in s.layout["stages"]]
        lanes = [l["name"] for l in s.layout["lanes"]]
        for item, name, at in (("menu.add_stage_after", "Decision", 3), ("menu.add_stage_before", "Awareness", 0)):
            header = next(st for st in s.layout["stages"] if st["name"] == name)
            s.click(*centre(header["rect"]), button=3)
            s.click_widget(item)
            stages.insert(at, "New stage")
            s.wait_layout(lambda l: [st["name"] for st in l["stages"]] == stages, f"{item}: a stage at {at}")
        zoom = s.layout["zoom"]
        s.key("f")  # the board grew: fit it again
        s.wait_layout(lambda l: l["zoom"] < zoom, "fitted")
        for item, at in (("menu.add_lane_below", 2), ("menu.add_lane_above", 1)):
            s.click(*centre(lane(s.layout, "Questions")["rect"]), button=3)
            s.click_widget(item)
            lanes.insert(at, "New lane")
            s.wait_layout(lambda l: [x["name"] for x in l["lanes"]] == lanes, f"{item}: a lane at {at}")
        check(s.layout["undo"] == "Add lane", f"undo label {s.layout['undo']!r}")
        save(s)
    board = load(path)
    check([st["name"] for st in board["stages"]] == stages, "saved stages")
    check([l["name"] for l in board["lanes"]] == lanes, "saved lanes")
    check([l["kind"] for l in board["lanes"] if l["name"] == "New lane"] == ["custom", "custom"], "new lanes are custom")


if __name__ == "__main__":
    main(globals())
