"""Defects the monkey (tests/soak/monkey.py) found, each replayed on its own: the seed that found it
is in the test's docstring."""
import tempfile

from jbgui import Session, centre, check, main
from test_editing import add_note, load, new_board, note


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


if __name__ == "__main__":
    main(globals())
