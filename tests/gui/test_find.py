"""Find (Ctrl+F) and the command palette (Ctrl+K), through real X input."""
import tempfile

from jbgui import Session, check, main
from test_editing import add_note, new_board, note

KLIENT = "Клиент звонит"


def on_screen(rect, layout):
    w, h = layout["window"]
    return rect[0] >= 0 and rect[1] >= 0 and rect[2] <= w and rect[3] <= h


def test_find_a_cyrillic_note_typed_in_another_case():
    """Covers: find notes; add a note
    The note is typed as "Клиент звонит" and found by "клиент"; Enter selects it and brings it into
    view; Escape closes; letters typed into the bar never run a plain-key command (F, V)."""
    path = new_board(tempfile.mkdtemp())
    with Session(args=[path]) as s:
        add_note(s, "Post-purchase", "Pain points", KLIENT)
        found = note(s.layout, KLIENT)["id"]
        s.key("ctrl+plus", "ctrl+plus", "ctrl+plus")  # around the centre: the last stage leaves the screen
        s.wait_layout(lambda l: not on_screen(note(l, KLIENT)["rect"], l), "the note off screen")
        s.key("ctrl+f")
        s.wait_layout(lambda l: l["find"]["open"], "the find bar")
        s.type("клиент")
        s.wait_layout(lambda l: l["find"]["matches"] == [found] and l["find"]["count"] == "1 match", "the note found")
        check(s.layout["find"]["current"] == 0 and s.layout["selection"] == [], "typing only finds; Enter goes")
        s.key("Return")
        s.wait_layout(lambda l: l["find"]["current"] == found and l["selection"] == [found]
                      and on_screen(note(l, KLIENT)["rect"], l) and l["find"]["count"] == "1 of 1",
                      "Enter selects the note and brings it into view")
        check(s.layout["zoom"] >= 0.75, f"the note is readable: zoom {s.layout['zoom']}")
        s.key("Escape")
        s.wait_layout(lambda l: not l["find"]["open"] and l["find"]["matches"] == [], "Escape closes the bar")
        # F fits the board and V toggles voting on the canvas; in the bar they are letters.
        zoom = s.layout["zoom"]
        s.key("ctrl+f")
        s.wait_layout(lambda l: l["find"]["open"] and l["find"]["query"] == "", "the bar again, empty")
        s.type("fv")
        s.wait_layout(lambda l: l["find"]["query"] == "fv" and l["find"]["count"] == "No matches", "fv typed")
        check(s.layout["zoom"] == zoom and not s.layout["voting"], "F and V typed into the bar ran nothing")


def test_palette_runs_zoom_commands_by_name():
    """Covers: run any command by name; zoom to fit
    Ctrl+K, "zoom to fit", Enter fits the zoomed-in board; Down moves the highlight."""
    with Session() as s:  # the sample board, fitted
        fitted = s.layout["zoom"]
        s.key("ctrl+plus", "ctrl+plus")
        s.wait_layout(lambda l: abs(l["zoom"] - fitted * 1.5625) < 1e-4, "zoomed in")
        s.key("ctrl+k")
        s.wait_layout(lambda l: l["palette"]["open"], "the palette")
        check(len(s.layout["palette"]["shown"]) > 30, f"every command: {s.layout['palette']['shown']}")
        s.type("zoom to fit")  # an F typed here must not fit the board
        s.wait_layout(lambda l: l["palette"]["query"] == "zoom to fit" and l["palette"]["shown"][:1] == ["view.fit"],
                      "Zoom to fit listed first")
        check(abs(s.layout["zoom"] - fitted * 1.5625) < 1e-4, "typing ran nothing")
        s.key("Return")
        s.wait_layout(lambda l: not l["palette"]["open"] and abs(l["zoom"] - fitted) < 1e-4, "Enter ran Zoom to fit")
        s.key("ctrl+k")
        s.wait_layout(lambda l: l["palette"]["open"] and l["palette"]["query"] == "", "the palette again, empty")
        s.type("zoom")
        s.wait_layout(lambda l: l["palette"]["shown"][:3] == ["view.fit", "view.zoom_in", "view.zoom_out"],
                      "the zoom commands")
        s.key("Down", "Down")
        s.key("Return")
        s.wait_layout(lambda l: not l["palette"]["open"] and abs(l["zoom"] - fitted * 0.8) < 1e-4,
                      "Down, Down, Enter ran Zoom out")


def test_palette_click_runs_voting_mode_disabled_does_not_run():
    """Covers: run any command by name; dot voting
    A click on "Voting mode" turns it on; a disabled command (Undo on a fresh board) does not run;
    Escape closes the palette without ending voting mode (Escape on the canvas would)."""
    path = new_board(tempfile.mkdtemp())
    with Session(args=[path]) as s:
        s.key("ctrl+k")
        s.wait_layout(lambda l: l["palette"]["open"], "the palette")
        s.type("undo")
        s.wait_layout(lambda l: l["palette"]["shown"] == ["edit.undo"], "Undo listed")
        s.key("Return")  # disabled: nothing to run, the palette stays
        s.type(" zz")
        s.wait_layout(lambda l: l["palette"]["query"] == "undo zz" and l["palette"]["shown"] == [], "still open after Enter")
        check(s.layout["palette"]["open"], "a disabled command does not close the palette")
        s.key("Escape")
        s.wait_layout(lambda l: not l["palette"]["open"], "Escape closes the palette")
        s.key("ctrl+k")
        s.wait_layout(lambda l: l["palette"]["open"], "the palette again")
        s.type("vot")
        s.wait_layout(lambda l: {"journey.voting", "journey.reset_votes"} <= set(l["palette"]["shown"]), "the voting commands")
        s.click_widget("palette.item.journey.reset_votes")  # no votes: greyed, a click runs nothing
        s.click_widget("palette.item.journey.voting")
        s.wait_layout(lambda l: l["voting"] and not l["palette"]["open"], "voting mode on from the palette")
        check(s.layout["undo"] == "", "nothing else ran")
        s.key("ctrl+k")
        s.wait_layout(lambda l: l["palette"]["open"], "the palette once more")
        s.key("Escape")
        s.wait_layout(lambda l: not l["palette"]["open"], "Escape closes it")
        check(s.layout["voting"], "Escape in the palette leaves voting mode on")


if __name__ == "__main__":
    main(globals())
