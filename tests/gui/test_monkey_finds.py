"""Defects the monkey (tests/soak/monkey.py) found, each replayed on its own: the seed that found it
is in the test's docstring."""
import tempfile

from jbgui import Session, centre, check, main
from test_editing import add_note, cell, load, new_board, note


def test_escape_closes_menus_so_ctrl_s_saves():
    """Covers: open / save / save as; note colour, size S/M/L; dot voting

    Escape left a context menu (or an open main menu) open, and while any popup was open Ctrl+S
    did nothing and said nothing (the stress run's silent Ctrl+S). Escape now closes every menu.
    The monkey finds it with --seed 12 (60 s) when the fix is taken out."""
    work = tempfile.mkdtemp()
    path = new_board(work)
    with Session(args=[path]) as s:
        add_note(s, "Awareness", "Questions", "Keep me")
        menus = [("a note's menu", lambda: s.click(*centre(note(s.layout, "Keep me")["rect"]), button=3), "menu.size.L"),
                 ("the Journey menu", lambda: s.click_widget("menu.journey"), "menu.reset_votes")]
        for what, open_menu, item in menus:
            s.wait_layout(lambda l: l["dirty"], "unsaved changes")
            open_menu()
            s.wait_widget(item)
            s.key("Escape")
            s.wait_layout(lambda l: item not in l["widgets"], f"{what} closed by Escape")
            s.key("ctrl+s")
            s.wait_layout(lambda l: not l["dirty"], f"saved by Ctrl+S after Escape closed {what}")
            add_note(s, "Decision", "Pain points", what)  # unsaved again for the next menu
    check(any(n["text"] == "a note's menu" for n in load(path)["notes"]), "the last save holds the board")


def test_a_field_edit_ends_when_its_field_goes_away():
    """Covers: note fields; select; open / save / save as; undo / redo

    A panel field's edit ended only when ImGui saw the field lose the keyboard, which it never
    sees when the field is not drawn any more: typing a touchpoint's channel in the inspector and
    then pressing on a note of another lane (the channel field gone the same frame) left the edit
    open for good. The next Ctrl+S or undo then threw the typed channel away. Now the edit is one
    undo step the moment its field goes, and Ctrl+S saves it."""
    work = tempfile.mkdtemp()
    path = new_board(work)
    with Session(args=[path]) as s:
        add_note(s, "Decision", "Touchpoints", "Pricing page")
        add_note(s, "Decision", "Questions", "Too dear?")
        s.click(*centre(note(s.layout, "Pricing page")["rect"]))
        s.key("ctrl+i")
        s.click_widget("inspector.channel")
        s.type("site")
        s.wait_layout(lambda l: l["gesture"] and l["undo"] == "Edit channel", "the channel being typed")
        s.click(*centre(note(s.layout, "Too dear?")["rect"]))  # a question has no channel field
        s.wait_layout(lambda l: len(l["selection"]) == 1 and "inspector.channel" not in l["widgets"], "the other note")
        l = s.wait_layout(lambda l: not l["gesture"], "the channel's edit ended with its field")
        check(l["undo"] == "Edit channel" and l["dirty"], f"the channel's edit is one undo step: {l['undo']!r}")
        s.key("ctrl+s")
        s.wait_layout(lambda l: not l["dirty"], "saved by Ctrl+S")
    channel = next(n.get("channel") for n in load(path)["notes"] if n["text"] == "Pricing page")
    check(channel == "site", f"the saved channel is the typed one: {channel!r}")


def test_a_field_that_comes_back_does_not_take_the_keyboard():
    """Covers: note fields; select; undo / redo; open / save / save as

    The inspector's multi-line text field remembered it was being edited when it went away unseen
    (Shift+click on a second note: two selected, no fields), kept the edit open, and took the
    keyboard back the moment one note was selected again: Ctrl+Z and Ctrl+S then went into the
    field and did nothing, with no dialog open (the monkey's silent Ctrl+S and lost redo steps)."""
    work = tempfile.mkdtemp()
    path = new_board(work)
    with Session(args=[path]) as s:
        add_note(s, "Decision", "Questions", "Too dear?")
        add_note(s, "Awareness", "Questions", "Who are you?")
        s.click(*centre(note(s.layout, "Too dear?")["rect"]))
        s.key("ctrl+i")
        s.click_widget("inspector.text")
        s.key("ctrl+a")
        s.type("Too dear? Yes")
        s.wait_layout(lambda l: l["gesture"] and l["undo"] == "Edit note", "the note's text being typed")
        s.xdo("keydown", "shift")
        s.click(*centre(note(s.layout, "Who are you?")["rect"]))
        s.xdo("keyup", "shift")
        l = s.wait_layout(lambda l: len(l["selection"]) == 2 and not l["gesture"], "two notes, the edit ended")
        check(l["undo"] == "Edit note" and any(n["text"] == "Too dear? Yes" for n in l["notes"]), "the edit is a step")
        s.click(*centre(note(s.layout, "Too dear? Yes")["rect"]))  # not the note just clicked: no double-click
        s.wait_widget("inspector.text")
        s.wait_layout(lambda l: len(l["selection"]) == 1, "one note selected")
        s.key("ctrl+z")
        s.wait_layout(lambda l: any(n["text"] == "Too dear?" for n in l["notes"]), "Ctrl+Z undoes the text")
        s.key("ctrl+shift+z")
        s.wait_layout(lambda l: any(n["text"] == "Too dear? Yes" for n in l["notes"]) and not l["redo"], "and redoes it")
        s.key("ctrl+s")
        s.wait_layout(lambda l: not l["dirty"], "saved by Ctrl+S")
    check(any(n["text"] == "Too dear? Yes" for n in load(path)["notes"]), "the saved text is the typed one")


def test_a_panel_field_ends_the_note_being_typed():
    """Covers: note fields; edit a note; open / save / save as

    The note editor kept the keyboard after a click into a panel's field: the keys went to both,
    the field's edit and the note's took each other's place in the history, the owner typed was
    lost and, the note editor still open, Ctrl+S did nothing and said nothing. A field taking the
    keyboard now finishes the note first."""
    work = tempfile.mkdtemp()
    path = new_board(work)
    with Session(args=[path]) as s:
        add_note(s, "Decision", "Action items", "Call back")
        s.click(*centre(note(s.layout, "Call back")["rect"]))
        s.key("ctrl+i")
        s.wait_widget("inspector.owner")
        s.click(*centre(note(s.layout, "Call back")["rect"]), repeat=2)
        s.wait_layout(lambda l: l.get("editing"), "the note being typed")
        s.click_widget("inspector.owner")
        s.wait_layout(lambda l: not l.get("editing"), "the note finished by the click into the field")
        s.type("Zed")
        s.wait_layout(lambda l: l["gesture"] and l["undo"] == "Edit owner", "the owner being typed")
        s.key("Return")
        l = s.wait_layout(lambda l: not l["gesture"] and l["dirty"], "the owner's edit done")
        check(any(n["text"] == "Call back" for n in l["notes"]), "the note's text is untouched")
        s.key("ctrl+s")
        s.wait_layout(lambda l: not l["dirty"], "saved by Ctrl+S")
    saved = [(n["text"], n.get("owner")) for n in load(path)["notes"]]
    check(saved == [("Call back", "Zed")], f"the saved note: {saved}")


if __name__ == "__main__":
    main(globals())
