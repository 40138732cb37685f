"""The journey itself: emotion curve points, labels and dot voting, through real X input."""
import json
import os
import tempfile

from jbgui import Session, check, centre, count_near, main, png_rect, read_png, run_cli
from test_editing import add_note, cell, lane_id, load, note, stage_id


PAIN_RED, TOUCHPOINT_YELLOW = 0xD64541, 0xFFF1A8  # app/render.cpp kPain; the touchpoint lane's notes


def emotion_y(layout, value):
    """Window y of an emotion value in the Emotions lane (+1 top, -1 bottom), from the lane's scale."""
    x0, y0, x1, y1 = next(l["rect"] for l in layout["lanes"] if l["kind"] == "emotions")
    margin = min(28 * layout["zoom"], (y1 - y0) * 0.2)
    mid, half = (y0 + y1) / 2, (y1 - y0) / 2 - margin
    return mid - value * half


def points(layout):
    return layout["curves"][0]["points"]


def test_curve_points_label_and_votes_are_saved():
    work = tempfile.mkdtemp()
    path = os.path.join(work, "journey.cjm")
    check(run_cli("new", path, "--template", "classic").returncode == 0, "new")
    with Session(args=[path]) as s:
        lane = next(l for l in s.layout["lanes"] if l["kind"] == "emotions")["name"]
        # Three double-clicks in the Emotions lane: three points, each at its stage and height.
        for stage, value in (("Awareness", 0.5), ("Decision", 0.0), ("Post-purchase", 0.5)):
            x0, _, x1, _ = cell(s.layout, stage, lane)
            count = len(points(s.layout))
            s.click((x0 + x1) / 2, emotion_y(s.layout, value), repeat=2)
            s.wait_layout(lambda l: len(points(l)) == count + 1, f"a point in {stage}")
        values = [round(p["value"], 1) for p in points(s.layout)]
        check(values == [0.5, 0.0, 0.5], f"values follow the clicks: {values}")
        # Drag the middle one down to the lowest level (Shift snaps to the five levels).
        middle = points(s.layout)[1]
        s.xdo("keydown", "shift")
        s.drag(middle["pos"], (middle["pos"][0], emotion_y(s.layout, -0.97)))
        s.xdo("keyup", "shift")
        s.wait_layout(lambda l: points(l)[1]["value"] == -1, "the point at the lowest level")
        # Label it: double-click the point, type, Enter.
        s.double_click_open(*points(s.layout)[1]["pos"], lambda l: l["renaming"] == "point", "the point's label field open")
        s.type("waits 2 days for support")
        s.key("Return")
        s.wait_layout(lambda l: points(l)[1]["label"] == "waits 2 days for support", "the label")
        # Vote twice on a note in voting mode.
        add_note(s, "Decision", "Pain points", "No reply from support")
        s.key("v")
        target = centre(note(s.layout, "No reply from support")["rect"])
        s.click(*target)
        s.wait_layout(lambda l: note(l, "No reply from support")["votes"] == 1, "one vote")
        s.click(*target)
        s.wait_layout(lambda l: note(l, "No reply from support")["votes"] == 2, "two votes")
        s.key("v")
        s.key("ctrl+s")
        s.wait_layout(lambda l: not l["dirty"], "saved")
        layout = s.layout

    board = load(path)
    curve = board["curves"][0]
    stages = [stage_id(layout, name) for name in ("Awareness", "Decision", "Post-purchase")]
    check([p["stage"] for p in curve["points"]] == stages, f"points in their stages: {curve['points']}")
    check([p["value"] for p in curve["points"]][1] == -1.0, "the lowest level is saved")
    check(abs(curve["points"][0]["value"] - 0.5) < 0.08 and abs(curve["points"][2]["value"] - 0.5) < 0.08, "heights")
    check(curve["points"][1]["label"] == "waits 2 days for support", "the label is saved")
    voted = next(n for n in board["notes"] if n["text"] == "No reply from support")
    check(voted["votes"] == 2, f"votes saved: {voted['votes']}")
    check(voted["stage"] == stage_id(layout, "Decision") and voted["lane"] == lane_id(layout, "Pain points"), "note cell")


def test_inspector_edits_note_fields_one_undo_step_each():
    """Covers: note fields; add a note; select; undo / redo; open / save / save as

    The overdue action item is red in the exported PNG, one due in the future is not."""
    work = tempfile.mkdtemp()
    path = os.path.join(work, "fields.cjm")
    check(run_cli("new", path, "--template", "classic").returncode == 0, "new")
    with Session(args=[path], size=(1600, 1000)) as s:
        add_note(s, "Decision", "Touchpoints", "Pricing page")
        s.click(*centre(note(s.layout, "Pricing page")["rect"]))
        s.key("ctrl+i")
        widget = lambda name: s.wait_layout(lambda l: name in l.get("widgets", {}), f"the {name} field")["widgets"][name]

        def fill(name, text):
            s.click(*centre(widget(name)))
            s.key("ctrl+a")
            s.type(text)
            s.key("Return")

        fill("inspector.channel", "site")
        s.wait_layout(lambda l: l["undo"] == "Edit channel", "the channel")
        s.click(*centre(widget("inspector.metric.Conversion %")))
        s.wait_layout(lambda l: l["undo"] == "Set metric", "conversion switched on")
        s.click(*centre(widget("inspector.value.Conversion %")), repeat=2)  # double-click types a value
        s.key("ctrl+a")
        s.type("38")
        s.key("Return")
        s.wait_layout(lambda l: l["undo"] == "Edit metric", "the conversion value")
        fill("inspector.owner", "Anna K.")
        s.wait_layout(lambda l: l["undo"] == "Edit owner", "the owner")
        fill("inspector.due", "2020-01-31")
        s.wait_layout(lambda l: l["undo"] == "Edit due date", "the due date")
        fill("inspector.tags", "pricing, trial")
        s.wait_layout(lambda l: l["undo"] == "Edit tags", "the tags")
        # A filled field loses its hint: the word "tags" beside it says what it holds.
        field, label = widget("inspector.tags"), widget("inspector.tags_label")
        check(label[0] >= field[2] and abs(label[1] - field[1]) < field[3] - field[1] and label[2] <= s.layout["window"][0],
              f"the tags field named beside it, inside the window: {field} {label}")
        s.key("ctrl+z")  # one step per field: only the tags go
        s.wait_layout(lambda l: l["undo"] == "Edit due date" and l["redo"] == "Edit tags", "undo takes back the tags")
        s.key("ctrl+shift+z")
        s.wait_layout(lambda l: l["undo"] == "Edit tags", "redo")
        # A second action item, due far in the future: not overdue.
        add_note(s, "Purchase", "Touchpoints", "Help centre")
        s.click(*centre(note(s.layout, "Help centre")["rect"]))
        s.wait_layout(lambda l: l["selection"] == [note(l, "Help centre")["id"]], "the second note selected")
        fill("inspector.due", "2999-12-31")
        s.wait_layout(lambda l: l["undo"] == "Edit due date", "the second due date")
        s.key("ctrl+s")
        s.wait_layout(lambda l: not l["dirty"], "saved")
        layout = s.layout
    saved = next(n for n in load(path)["notes"] if n["text"] == "Pricing page")
    check(saved["channel"] == "site", f"channel {saved['channel']!r}")
    check(saved["metrics"]["conversion"] == 38 and saved["metrics"]["csi"] is None, f"metrics {saved['metrics']}")
    check(saved["owner"] == "Anna K." and saved["due"] == "2020-01-31", "owner and due date")
    check(saved["tags"] == ["pricing", "trial"], f"tags {saved['tags']}")
    png = os.path.join(work, "fields.png")
    result = run_cli("export", path, "-o", png, "--width", 2400)
    check(result.returncode == 0 and os.path.getsize(png) > 10000, f"exports: {result.stderr}")
    # The overdue note is red in the image (its outline and its owner/due line); the other is not.
    width, height, channels, rows = read_png(png)
    late = png_rect(layout, note(layout, "Pricing page")["rect"], width, height)
    inner = (late[0] + 6, late[1] + 6, late[2] - 6, late[3] - 6)
    ring = sum(count_near(rows, channels, band, PAIN_RED) for band in (
        (late[0] - 3, late[1] - 3, late[2] + 3, inner[1]), (late[0] - 3, inner[3], late[2] + 3, late[3] + 3),
        (late[0] - 3, inner[1], inner[0], inner[3]), (inner[2], inner[1], late[2] + 3, inner[3])))
    check(ring > (late[2] - late[0]) * 2, f"the overdue note has a red outline: {ring} px at {late}")
    text = count_near(rows, channels, inner, PAIN_RED)
    check(text > 10, f"the overdue note's due date is red: {text} px")
    fine = png_rect(layout, note(layout, "Help centre")["rect"], width, height)
    check(count_near(rows, channels, fine, TOUCHPOINT_YELLOW) > (fine[2] - fine[0]) * (fine[3] - fine[1]) / 2,
          f"the other note is where the dump says: {fine}")
    red = count_near(rows, channels, (fine[0] - 3, fine[1] - 3, fine[2] + 3, fine[3] + 3), PAIN_RED)
    check(red == 0, f"a note due in the future has no red: {red} px")


if __name__ == "__main__":
    main(globals())
