"""Find (Ctrl+F) and the command palette (Ctrl+K), through real X input."""
import os
import subprocess
import tempfile

from jbgui import Failure, Session, check, count_near, main, read_png, run_cli, wait_until
from test_editing import cell, new_board, note, notes_in

KLIENT = "Клиент звонит"


def on_screen(rect, layout):
    w, h = layout["window"]
    return rect[0] >= 0 and rect[1] >= 0 and rect[2] <= w and rect[3] <= h


def type_surely(s, text, typed):
    """Types `text` until `typed(layout)` shows it: on a loaded machine xdotool may lose a Cyrillic
    letter (it binds each to a spare key for a moment, and a busy app may look the key up after the
    binding is gone), so a field that missed one is cleared and typed again, more slowly (Ctrl A
    then BackSpace: the note editor and ImGui's fields both take them)."""
    for attempt in range(3):
        s.xdo("type", "--delay", (120, 400, 1000)[attempt], text)
        try:  # done, or a letter is missing already: no need to wait for the rest
            s.wait_layout(lambda l: typed(l) == text or not text.startswith(typed(l)), f"{text!r} typed", timeout=6)
            if typed(s.layout) == text:
                return
        except Failure:
            pass
        if attempt == 2:
            raise Failure(f"{text!r} typed: the field shows {typed(s.layout)!r}")
        s.key("ctrl+a", "BackSpace")
        s.wait_layout(lambda l: typed(l) == "", "the field cleared")


def add_note(s, stage, lane, text):
    x0, y0, x1, y1 = cell(s.layout, stage, lane)
    s.click(x1 - 12, y1 - 12, repeat=2)
    s.wait_layout(lambda l: len(notes_in(l, stage, lane)) == 1, f"a new note in {stage}/{lane}")
    type_surely(s, text, lambda l: notes_in(l, stage, lane)[0]["text"])
    s.key("Escape")
    s.wait_layout(lambda l: not l["gesture"], "the note committed")


def screenshot(s):
    """The whole screen as read_png gives it (ImageMagick's `import`): what only the screen shows."""
    path = os.path.join(s.work, "screen.png")
    subprocess.run(["import", "-window", "root", "-depth", "8", f"PNG24:{path}"], env=s.env, check=True, timeout=30)
    return read_png(path)


def halo_shown(s, text):
    """The share of a band left of note `text` in the orange of find's current match (past the
    selection outline), on the screen as it is now; the camera may still be gliding, so ask again."""
    s.layout = s._read_dump() or s.layout
    rect = note(s.layout, text)["rect"]
    _, _, channels, rows = screenshot(s)
    pad = max(6, 14 * s.layout["zoom"])  # render.cpp DrawFoundHalo, the current match
    band = (rect[0] - 0.8 * pad, rect[1] + 10, rect[0] - 0.5 * pad, rect[3] - 10)
    return count_near(rows, channels, band, 0xff6e00, tolerance=30) / ((band[2] - band[0]) * (band[3] - band[1]))


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
        type_surely(s, "клиент", lambda l: l["find"]["query"])
        s.wait_layout(lambda l: l["find"]["matches"] == [found] and l["find"]["count"] == "1 match", "the note found")
        check(s.layout["find"]["current"] == 0 and s.layout["selection"] == [], "typing only finds; Enter goes")
        s.key("Return")
        s.wait_layout(lambda l: l["find"]["current"] == found and l["selection"] == [found]
                      and on_screen(note(l, KLIENT)["rect"], l) and l["find"]["count"] == "1 of 1",
                      "Enter selects the note and brings it into view")
        check(s.layout["zoom"] >= 0.75, f"the note is readable: zoom {s.layout['zoom']}")
        wait_until(lambda: halo_shown(s, KLIENT) > 0.8, 10, "the current match's orange halo on screen")
        s.key("Escape")
        s.wait_layout(lambda l: not l["find"]["open"] and l["find"]["matches"] == [], "Escape closes the bar")
        wait_until(lambda: halo_shown(s, KLIENT) == 0, 10, "no halo once the bar is closed")
        # F fits the board and V toggles voting on the canvas; in the bar they are letters.
        zoom = s.layout["zoom"]
        s.key("ctrl+f")
        s.wait_layout(lambda l: l["find"]["open"] and l["find"]["query"] == "", "the bar again, empty")
        s.type("fv")
        s.wait_layout(lambda l: l["find"]["query"] == "fv" and l["find"]["count"] == "No matches", "fv typed")
        check(s.layout["zoom"] == zoom and not s.layout["voting"], "F and V typed into the bar ran nothing")


def test_find_steps_through_matches_in_board_order():
    """Covers: find notes
    On the sample board "CARD" finds every note that says card, stage by stage, lane by lane, free
    notes last; Enter and Shift+Enter step both ways and wrap, the ↓ button steps too."""
    with Session(["--template", "sample"]) as s:  # the sample board
        s.key("ctrl+f")
        s.wait_layout(lambda l: l["find"]["open"], "the find bar")
        s.type("CARD")
        layout = s.wait_layout(lambda l: l["find"]["query"] == "CARD" and len(l["find"]["matches"]) >= 3, "matches")
        stages = {st["id"]: i for i, st in enumerate(layout["stages"])}
        lanes = {ln["id"]: i for i, ln in enumerate(layout["lanes"])}
        notes = {n["id"]: n for n in layout["notes"]}
        found = layout["find"]["matches"]
        check({n["id"] for n in layout["notes"] if "card" in n["text"].lower()} <= set(found), f"every card note in {found}")
        place = [(stages.get(notes[i]["stage"], len(stages)), lanes.get(notes[i]["lane"], len(lanes))) for i in found]
        check(place == sorted(place), f"board order: {place}")
        check(layout["find"]["count"] == f"{len(found)} matches", f"the count: {layout['find']['count']!r}")
        for key, index in (("Return", 0), ("Return", 1), ("shift+Return", 0), ("shift+Return", -1)):
            s.key(key)
            s.wait_layout(lambda l: l["find"]["current"] == found[index] and l["selection"] == [found[index]],
                          f"{key} to match {index}")
        check(s.layout["find"]["count"] == f"{len(found)} of {len(found)}", f"the count: {s.layout['find']['count']!r}")
        s.click_widget("find.next")  # from the last, ↓ wraps to the first
        s.wait_layout(lambda l: l["find"]["current"] == found[0] and l["find"]["count"] == f"1 of {len(found)}",
                      "the ↓ button to the first match")


def test_palette_runs_zoom_commands_by_name():
    """Covers: run any command by name; zoom to fit
    Ctrl+K, "zoom to fit", Enter fits the zoomed-in board; Down moves the highlight."""
    with Session(["--template", "sample"]) as s:  # the sample board, fitted
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
        # The whole query typed first: after "vo" the list already holds both, at other places.
        s.wait_layout(lambda l: l["palette"]["query"] == "vot" and
                      {"journey.voting", "journey.reset_votes"} <= set(l["palette"]["shown"]), "the voting commands")
        s.click_widget("palette.item.journey.reset_votes")  # no votes: greyed, a click runs nothing
        s.click_widget("palette.item.journey.voting")
        s.wait_layout(lambda l: l["voting"] and not l["palette"]["open"], "voting mode on from the palette")
        check(s.layout["undo"] == "", "nothing else ran")
        s.key("ctrl+k")
        s.wait_layout(lambda l: l["palette"]["open"], "the palette once more")
        s.key("Escape")
        s.wait_layout(lambda l: not l["palette"]["open"], "Escape closes it")
        check(s.layout["voting"], "Escape in the palette leaves voting mode on")


def test_palette_lists_and_opens_a_recent_board():
    """Covers: run any command by name; open / save / save as
    File ▸ Open recent's items are in the palette by their path; Enter on one opens that board."""
    work = tempfile.mkdtemp()
    path = os.path.join(work, "pyat-etapov.cjm")
    check(run_cli("new", path, "--template", "five-stage").returncode == 0, "journeyboard new")
    session = Session(["--template", "sample"])  # the sample board, with one recent board
    os.makedirs(os.path.join(session.env["XDG_CONFIG_HOME"], "journeyboard"))
    with open(os.path.join(session.env["XDG_CONFIG_HOME"], "journeyboard", "recent.txt"), "w") as f:
        f.write(path + "\n")
    with session as s:
        s.key("ctrl+k")
        s.wait_layout(lambda l: l["palette"]["open"], "the palette")
        s.type("recent etap")
        s.wait_layout(lambda l: l["palette"]["shown"] == [f"file.open_recent:{path}"], "the recent board by its name")
        s.key("Return")
        s.wait_layout(lambda l: l["path"] == path and not l["palette"]["open"], "the recent board opened")


def test_the_find_bar_never_covers_the_fitted_board():
    """Covers: find notes; zoom to fit

    The bar opens at the top of the canvas, over the fitted board's title on a wide window; the
    fitted view now keeps below it while it is open, and takes the room back when it closes."""
    with Session(["--template", "sample"], size=(1920, 1080)) as s:
        fitted = s.layout
        s.key("ctrl+f")
        bar = s.wait_widget("find.bar")
        s.type("card")
        shown = s.wait_layout(lambda l: "find.bar" in l["widgets"] and l["title"][1] >= bar[3], "the title below the bar")
        check(shown["zoom"] <= fitted["zoom"], f"the board fitted again below the bar: zoom {shown['zoom']} vs {fitted['zoom']}")
        s.key("Escape")
        back = s.wait_layout(lambda l: "find.bar" not in l["widgets"] and abs(l["zoom"] - fitted["zoom"]) < 1e-4,
                             "the bar closed, the board fitted as before")
        check(abs(back["title"][1] - fitted["title"][1]) < 0.5, f"the title back where it was: {back['title']} vs {fitted['title']}")


if __name__ == "__main__":
    main(globals())
