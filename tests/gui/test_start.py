"""The first minute: the start screen (no file given), a new board's title, renaming the board on
the canvas and in File ▸ Board properties. Real X input, checked through the dump and the saved file."""
import json
import os
import tempfile

from jbgui import Session, centre, check, main, run_cli


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def new_file(work, name, template):
    path = os.path.join(work, name)
    check(run_cli("new", path, "--template", template).returncode == 0, f"journeyboard new {template}")
    return path


def card(layout, name):
    return next(c["rect"] for c in layout["start"]["templates"] if c["name"] == name)


def save_as(s, path):
    s.key("ctrl+s")
    s.wait_dialog("Save board as")
    s.click_widget("file.name")
    s.key("ctrl+a")
    s.type(path)
    s.key("Return")
    s.wait_layout(lambda l: l["path"] == path and not l["dirty"], "saved")


def test_start_screen_makes_a_titled_board_from_a_template():
    """Covers: start screen; new board from a template

    With no file the start screen shows the templates as pictures and the recent boards; a click on
    Classic asks for the title (prefilled and selected), and what is typed heads the saved board."""
    work = tempfile.mkdtemp()
    recent = new_file(work, "pyat-etapov.cjm", "five-stage")
    classic = [st["name"] for st in load(new_file(work, "classic.cjm", "classic"))["board"]["stages"]]
    session = Session()  # no file: the start screen
    os.makedirs(os.path.join(session.env["XDG_CONFIG_HOME"], "journeyboard"))
    with open(os.path.join(session.env["XDG_CONFIG_HOME"], "journeyboard", "recent.txt"), "w") as f:
        f.write(recent + "\n")
    with session as s:
        start = s.wait_layout(lambda l: l["start"]["open"] and l["start"]["templates"], "the start screen")["start"]
        check([c["name"] for c in start["templates"]] == ["classic", "five-stage", "blank", "sample"],
              f"the templates and the example: {start['templates']}")
        check(all(r[2] - r[0] >= 200 and r[3] - r[1] >= 150 for r in (c["rect"] for c in start["templates"])),
              f"big click targets at 1280×800: {start['templates']}")
        check([r["name"] for r in start["recent"]] == [recent], f"the recent board: {start['recent']}")
        s.click(*centre(card(s.layout, "classic")))
        prefilled = s.wait_dialog("Board title")
        check(prefilled == "Customer journey map", f"prefilled with the template's title: {prefilled!r}")
        s.type("Spring onboarding")  # the prefilled title is selected: typing replaces it
        s.key("Return")
        s.wait_layout(lambda l: not l["dialogs"] and not l["start"]["open"] and
                      [st["name"] for st in l["stages"]] == classic, "the Classic board")
        check(s.layout["undo"] == "Rename board", f"the title is one undoable step: {s.layout['undo']!r}")
        path = os.path.join(work, "spring.cjm")
        save_as(s, path)
    meta = load(path)["board"]["meta"]
    check(meta["title"] == "Spring onboarding" and meta.get("language", "en") == "en", f"the typed title, English: {meta}")


def test_start_screen_escape_and_reopen_and_recent():
    """Covers: start screen

    Esc leaves the empty board behind it; File ▸ Start screen… shows it again, and a click on a
    recent board opens that board."""
    work = tempfile.mkdtemp()
    recent = new_file(work, "pyat-etapov.cjm", "five-stage")
    session = Session()
    os.makedirs(os.path.join(session.env["XDG_CONFIG_HOME"], "journeyboard"))
    with open(os.path.join(session.env["XDG_CONFIG_HOME"], "journeyboard", "recent.txt"), "w") as f:
        f.write(recent + "\n")
    with session as s:
        s.wait_layout(lambda l: l["start"]["open"] and l["start"]["recent"], "the start screen")
        s.key("Escape")
        s.wait_layout(lambda l: not l["start"]["open"] and not l["dialogs"], "Esc closed it")
        check(s.layout["path"] == "" and not s.layout["dirty"] and not s.layout["notes"], "an empty, unchanged board")
        s.click_widget("menu.file")
        s.click_widget("menu.file.start")
        row = s.wait_layout(lambda l: l["start"]["open"] and l["start"]["recent"], "File ▸ Start screen…")["start"]["recent"][0]
        s.click(*centre(row["rect"]))
        s.wait_layout(lambda l: l["path"] == recent and not l["start"]["open"] and not l["dialogs"], "the recent board opened")


def test_double_click_on_the_title_renames_the_board():
    """Covers: rename the board; undo / redo

    A double-click on the title edits it in place (no note is made there); Enter keeps the new
    title, Ctrl+Z brings the old one back."""
    work = tempfile.mkdtemp()
    path = new_file(work, "board.cjm", "classic")
    with Session([path]) as s:
        notes = len(s.layout["notes"])
        title = s.layout["title"]
        s.click(title[0] + 40, (title[1] + title[3]) / 2, repeat=2)
        s.wait_layout(lambda l: l["renaming"] == "title", "the title's field")
        s.key("ctrl+a")
        s.type("Onboarding B2B")
        s.key("Return")
        s.wait_layout(lambda l: l["renaming"] == "" and l["undo"] == "Rename board", "renamed")
        check(len(s.layout["notes"]) == notes, "no note was made on the title")
        s.key("ctrl+s")
        s.wait_layout(lambda l: not l["dirty"], "saved")
        check(load(path)["board"]["meta"]["title"] == "Onboarding B2B", f"the new title saved: {load(path)['board']['meta']}")
        s.key("ctrl+z")
        s.key("ctrl+s")
        s.wait_layout(lambda l: l["undo"] == "" and not l["dirty"], "undone and saved")
    check(load(path)["board"]["meta"]["title"] == "Customer journey map", f"Ctrl+Z restored the title: {load(path)['board']['meta']}")


def test_board_properties_change_title_and_language():
    """Covers: board properties; undo / redo

    File ▸ Board properties… changes the title and the board's language, each an undoable step."""
    work = tempfile.mkdtemp()
    path = new_file(work, "board.cjm", "classic")
    with Session([path]) as s:
        s.click_widget("menu.file")
        s.click_widget("menu.file.properties")
        text = s.wait_dialog("Board properties")
        check(text == "Customer journey map (en)", f"the title and language in the dialog: {text!r}")
        s.key("ctrl+a")  # the title field has the keyboard
        s.type("Workshop 3")
        s.click_widget("properties.language.ru")
        s.wait_layout(lambda l: l["dialogs"] and l["dialogs"][0]["text"] == "Workshop 3 (ru)", "Русский chosen")
        s.click_widget("properties.ok")
        s.wait_layout(lambda l: not l["dialogs"] and l["undo"] == "Change board language", "applied")
        s.key("ctrl+s")
        s.wait_layout(lambda l: not l["dirty"], "saved")
        meta = load(path)["board"]["meta"]
        check(meta["language"] == "ru" and meta["title"] == "Workshop 3", f"Русский and the title saved: {meta}")
        s.key("ctrl+z")
        s.wait_layout(lambda l: l["undo"] == "Rename board", "the language undone first")


def test_a_hovered_template_card_keeps_its_purpose_line_readable():
    """Covers: start screen

    Under the mouse a card was filled with the buttons' strong blue, and its purpose line (the
    faint text colour) all but vanished on it. It is lit with the fields' pale tint and a thick
    border now: the text band under the picture stays light behind the grey text."""
    from test_find import screenshot
    with Session() as s:
        s.wait_layout(lambda l: l["start"]["open"] and l["start"]["templates"], "the start screen")
        x0, y0, x1, y1 = card(s.layout, "blank")
        s.move((x0 + x1) / 2, (y0 + y1) / 2)
        s.move((x0 + x1) / 2 + 3, (y0 + y1) / 2)  # a second motion: the frame after it is drawn lit
        _, _, channels, rows = screenshot(s)
        # The text band: the bottom fifth of the card, less its border; its background is the most
        # common colour there.
        band = [tuple(rows[y][x * channels:x * channels + 3]) for y in range(int(y1 - (y1 - y0) / 5), int(y1) - 4)
                for x in range(int(x0) + 6, int(x1) - 6)]
        background = max(set(band), key=band.count)
        check(sum(background) / 3 > 200, f"a light background behind the card's text when hovered: {background}")


def test_the_board_does_not_show_through_the_start_screen():
    """Covers: start screen

    Dialogs had ImGui's 98 % opaque background (94 % in the dark theme, its panels too): the board
    behind the start screen showed through its empty part as a ghost of lane names and lines. The
    empty band between the recent boards and the buttons is one flat colour now."""
    from test_find import screenshot
    for theme in ("light", "dark"):
        session = Session(size=(1600, 1000))
        folder = os.path.join(session.env["XDG_CONFIG_HOME"], "journeyboard")
        os.makedirs(folder)
        with open(os.path.join(folder, "settings.json"), "w") as f:
            json.dump({"theme": theme}, f)
        with session as s:
            s.wait_layout(lambda l: l["start"]["open"] and l["start"]["templates"] and "start.open" in l["widgets"],
                          "the start screen")
            cards = [c["rect"] for c in s.layout["start"]["templates"]]
            x0, x1 = cards[0][0], cards[-1][2]
            top = max(r[3] for r in cards) + 120  # below the recent boards' heading and its line
            bottom = s.layout["widgets"]["start.open"][1] - 20
            check(bottom - top > 100, f"an empty band to look at: {top}..{bottom}")
            _, _, channels, rows = screenshot(s)
            colours = {tuple(rows[y][x * channels:x * channels + 3]) for y in range(int(top), int(bottom), 2)
                       for x in range(int(x0), int(x1), 2)}
            check(len(colours) == 1, f"{theme}: nothing of the board shows through: {len(colours)} colours")


if __name__ == "__main__":
    main(globals())
