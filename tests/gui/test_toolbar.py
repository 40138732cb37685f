"""The room's toolbar, side panels, themes and the settings file, through real X input."""
import json
import os
import tempfile

from jbgui import Session, check, centre, click_with, main, run_cli
from test_editing import cell, load, notes_in


def button(layout, command):
    return next(b for b in layout["toolbar"]["buttons"] if b["id"] == command)


def checked(command, on=True):
    return lambda l: button(l, command)["checked"] == on


def settings_path(s):
    return os.path.join(s.env["XDG_CONFIG_HOME"], "journeyboard", "settings.json")


def new_board(work):
    path = os.path.join(work, "journey.cjm")
    check(run_cli("new", path, "--template", "classic").returncode == 0, "new")
    return path


def test_vote_add_note_and_undo_from_the_toolbar():
    """Covers: toolbar; add a note with one tap; dot voting; undo / redo"""
    path = new_board(tempfile.mkdtemp())
    with Session(args=[path], size=(1280, 720)) as s:
        toolbar = s.layout["toolbar"]
        check(toolbar["shown"], "the toolbar is shown at first")
        for b in toolbar["buttons"]:
            w, h = b["rect"][2] - b["rect"][0], b["rect"][3] - b["rect"][1]
            check(w >= 44 and h >= 44, f"{b['id']} is a finger's size at scale 1: {w}×{h}")
            check(b["rect"][2] <= s.layout["canvas"][0] and b["rect"][3] <= 720, f"{b['id']} is beside the board, on screen")
        ids = [b["id"] for b in toolbar["buttons"]]
        for command in ("tool.pan", "tool.select", "tool.note", "journey.voting", "file.snapshot", "edit.undo", "edit.redo"):
            check(command in ids, f"a button for {command}: {ids}")
        # Vote: one tap turns voting on, another off; the button shows it.
        check(not button(s.layout, "journey.voting")["checked"], "voting off at first")
        s.click(*centre(button(s.layout, "journey.voting")["rect"]))
        s.wait_layout(checked("journey.voting"), "the vote button turned voting on")
        s.click(*centre(button(s.layout, "journey.voting")["rect"]))
        s.wait_layout(checked("journey.voting", False), "a second tap turned it off")
        s.key("v")  # a tap on the toolbar leaves the keys with the board
        s.wait_layout(checked("journey.voting"), "V after a toolbar tap")
        s.key("v")
        s.wait_layout(checked("journey.voting", False), "V again")
        # Add note: a tap on the button, one tap in a cell, type, Esc; then the hand pans again.
        s.click(*centre(button(s.layout, "tool.note")["rect"]))
        s.wait_layout(checked("tool.note"), "the note tool is on")
        count = len(notes_in(s.layout, "Decision", "Pain points"))
        x0, y0, x1, y1 = cell(s.layout, "Decision", "Pain points")
        s.click(x1 - 12, y1 - 12)
        s.wait_layout(lambda l: len(notes_in(l, "Decision", "Pain points")) == count + 1 and l.get("editing"), "one tap added a note")
        s.type("Tapped in")
        s.wait_layout(lambda l: any(n["text"] == "Tapped in" for n in l["notes"]), "the typed text")
        s.key("Escape")
        s.wait_layout(lambda l: not l["gesture"] and checked("tool.pan")(l) and not checked("tool.note")(l),
                      "the note is finished and the tool is back to Pan")
        s.key("ctrl+s")
        s.wait_layout(lambda l: not l["dirty"], "saved")
        check(any(n["text"] == "Tapped in" for n in load(path)["notes"]), "the note is in the file")
        # Undo from the toolbar takes it away again.
        s.click(*centre(button(s.layout, "edit.undo")["rect"]))
        s.wait_layout(lambda l: not any(n["text"] == "Tapped in" for n in l["notes"]), "undo by the toolbar")


def test_theme_scale_and_toolbar_are_remembered_and_a_damaged_settings_file_is_kept():
    """Covers: theme; toolbar; UI scale"""
    path = new_board(tempfile.mkdtemp())
    s = Session(args=[path], size=(1280, 720))
    os.makedirs(os.path.dirname(settings_path(s)))
    with open(settings_path(s), "w") as f:
        f.write('{"theme": "dark", "uiScale": ')  # cut short: not a settings file
    with s:
        s.wait_layout(lambda l: "using the default settings" in l["status"], "the status line tells of the damaged file")
        check(s.layout["theme"] == "light" and s.layout["uiScale"] == 1, "the defaults are used")
        check(open(settings_path(s)).read() == '{"theme": "dark", "uiScale": ', "the damaged file is left as it was")
        # Each change makes the menu bar taller (the projector's text is larger): wait for it, with
        # the menus closed (an open menu's rect is its popup's), before aiming at the menu again.
        closed = lambda l: "menu.toolbar" not in l["widgets"]
        bar = s.wait_widget("menu.view")[3]
        s.click_widget("menu.view")
        s.click_widget("menu.ui_scale")
        s.click_widget("menu.ui_scale.150%")
        s.wait_layout(lambda l: l["uiScale"] == 1.5 and closed(l) and l["widgets"]["menu.view"][3] > bar, "the UI scale at 150 %")
        bar = s.layout["widgets"]["menu.view"][3]
        s.click_widget("menu.view")
        s.click_widget("menu.theme")
        s.click_widget("menu.theme.projector")
        s.wait_layout(lambda l: l["theme"] == "projector" and closed(l) and l["widgets"]["menu.view"][3] > bar, "the projector theme")
        board_x = s.layout["canvas"][0]
        s.click_widget("menu.view")
        s.click_widget("menu.toolbar")
        s.wait_layout(lambda l: not l["toolbar"]["shown"] and l["canvas"][0] < board_x, "no toolbar: the board takes its room")
        saved = json.load(open(settings_path(s)))
        check(saved["theme"] == "projector" and saved["uiScale"] == 1.5 and saved["toolbar"] is False, f"saved: {saved}")
        s.crash()  # written when changed, not at exit
        s.restart()
        s.wait_layout(lambda l: l["theme"] == "projector" and l["uiScale"] == 1.5 and not l["toolbar"]["shown"],
                      "theme, scale and toolbar remembered")
        check(s.layout["status"] == "", f"nothing to say about a good file: {s.layout['status']!r}")


def test_side_panels_stack_at_the_right_edge_and_resize():
    """Covers: side panels"""
    path = new_board(tempfile.mkdtemp())
    with Session(args=[path], size=(1280, 720)) as s:
        s.click(*centre(s.layout["canvas"]))  # the canvas has the keyboard
        s.key("ctrl+i")
        s.click(*centre(button(s.layout, "view.history")["rect"]))
        layout = s.wait_layout(lambda l: len(l["sidePanels"]) == 2, "two side panels")
        inspector, history = (next(p["rect"] for p in layout["sidePanels"] if p["name"] == n) for n in ("Inspector", "History"))
        check(inspector[2] == 1280 and history[2] == 1280, f"docked at the right edge: {inspector} {history}")
        check(inspector[3] <= history[1] + 1, f"stacked, not overlapping: {inspector} {history}")
        check(layout["canvas"][2] <= inspector[0], f"the board makes room: {layout['canvas']} {inspector}")
        width = inspector[2] - inspector[0]
        # The grip straddles the edge; a panel that has the focus is drawn over its right half, so
        # take it by its left half, over the board.
        grip_y = (inspector[1] + inspector[3]) / 2
        s.drag((inspector[0] - 2, grip_y), (inspector[0] - 122, grip_y), steps=6)
        layout = s.wait_layout(lambda l: l["sidePanels"][0]["rect"][2] - l["sidePanels"][0]["rect"][0] > width + 80,
                               "dragging the left edge widens the panels")
        check(layout["canvas"][2] <= layout["sidePanels"][0]["rect"][0], "still beside the board")
        s.wait_layout(lambda l: os.path.exists(settings_path(s)), "the width is saved")
        saved = json.load(open(settings_path(s)))
        check(saved["panelWidth"] > width + 80, f"the width in the settings: {saved}")
        s.click(*centre(button(s.layout, "journey.inspector")["rect"]))
        s.click(*centre(button(s.layout, "view.history")["rect"]))
        s.wait_layout(lambda l: not l["sidePanels"] and l["canvas"][2] == 1280, "closed: the board has the width again")


def test_without_the_icon_font_the_toolbar_shows_words():
    """Covers: toolbar"""
    with Session(["--template", "sample"], size=(1280, 720), env={"JOURNEYBOARD_ICON_FONT": "/nonexistent/forkawesome.ttf"}) as s:
        s.wait_layout(lambda l: "Icon font /nonexistent/forkawesome.ttf is missing" in l["status"], "the status line says why")
        check(s.layout["status"].endswith("."), f"one sentence: {s.layout['status']!r}")
        check(len(s.layout["toolbar"]["buttons"]) >= 10, "the buttons are all there")
        s.click(*centre(button(s.layout, "journey.voting")["rect"]))
        s.wait_layout(checked("journey.voting"), "and they work")


def test_the_projector_theme_frames_every_inspector_field():
    """Covers: theme; note fields

    The projector theme draws a border round every field (its white fields sit on a white
    panel). The note's text field, drawn by the app's own wrapped field when not being typed in,
    had none: a bare line of text between the "Text" heading and the next section. The persona
    card, white on the white board, had no edge either; it is outlined as the notes are."""
    from test_find import screenshot
    s = Session(args=["--template", "sample"], size=(1280, 800))
    os.makedirs(os.path.dirname(settings_path(s)))
    with open(settings_path(s), "w") as f:
        json.dump({"theme": "projector"}, f)
    with s:
        l = s.wait_layout(lambda l: l["theme"] == "projector", "the projector theme")
        note = next(n for n in l["notes"] if n["stage"] and not n["hidden"])
        s.click(*centre(note["rect"]))
        s.wait_layout(lambda l: l["selection"] == [note["id"]], "a note selected")
        s.key("ctrl+i")
        text, owner = s.wait_widget("inspector.text"), s.wait_widget("inspector.owner")
        card = s.layout["personaCards"][0]  # where the board is now, with the inspector open
        _, _, channels, rows = screenshot(s)

        def framed(rect):
            """Dark pixels down the field's left edge, over the middle of its height."""
            x0, y0, x1, y1 = (int(v) for v in rect)
            ys = range(y0 + (y1 - y0) // 4, y1 - (y1 - y0) // 4)
            return sum(1 for y in ys if any(max(rows[y][x * channels:x * channels + 3]) < 110 for x in range(x0, x0 + 3)))
        check(framed(owner) > 0, f"the owner field is framed (the theme's border): {owner}")
        check(framed(text) >= framed(owner), f"the note's text field is framed as well: {framed(text)} edge rows at {text}")
        # The persona card, white on the projector's white board, is outlined as the notes are.
        check(framed(card) > (card[3] - card[1]) / 3, f"the persona card is outlined: {framed(card)} edge rows at {card}")


if __name__ == "__main__":
    main(globals())
