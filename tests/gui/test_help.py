"""Help (F1, ?), the Debug menu only with --debug, and toasts instead of menu-bar text, through real X input."""
import os
import tempfile

from jbgui import Session, check, errors, main, run_cli
from test_editing import new_board
from test_recovery import lock_folder, unlock_folder


def commands_with_keys():
    out = run_cli("--list-commands").stdout
    return [line for line in out.splitlines() if line.split("\t")[0]]


def test_f1_and_question_mark_show_the_shortcut_sheet():
    """Covers: keyboard shortcuts and help

    F1 opens the sheet of every command with a shortcut (generated from the command table) and the
    canvas's gestures; Esc or F1 closes it; ? opens it from the canvas and closes it again, typed on a US
    keyboard (Shift + /) or a Russian one (Shift + 7).
    Help ▸ About Journeyboard names the version and where the settings live."""
    with Session(["--template", "sample"]) as s:
        s.key("F1")
        help = s.wait_layout(lambda l: l["help"]["open"] and l["help"]["rows"] > 0, "F1 opened the sheet")["help"]
        expected = len(commands_with_keys()) + help["gestures"]
        check(help["gestures"] >= 8 and help["rows"] == expected,
              f"one row per command with a shortcut and per gesture: {help} vs {expected}")
        # Three columns across most of the window, all of it on screen.
        wide = lambda l: "help.sheet" in l["widgets"] and l["widgets"]["help.sheet"][2] - l["widgets"]["help.sheet"][0] > 0.5 * s.size[0]
        sheet = s.wait_layout(wide, "a wide sheet")["widgets"]["help.sheet"]
        check(sheet[0] >= 0 and sheet[1] >= 0 and sheet[2] <= s.size[0] and sheet[3] <= s.size[1], f"on screen: {sheet}")
        s.key("Escape")
        s.wait_layout(lambda l: not l["help"]["open"], "Esc closed it")
        s.key("F1")
        s.wait_layout(lambda l: l["help"]["open"], "F1 opened it again")
        s.key("F1")
        s.wait_layout(lambda l: not l["help"]["open"], "F1 closed it: the keys of the command that opens it")
        s.us_keys_only()  # Shift and the US '/' key
        s.key("shift+slash")
        s.wait_layout(lambda l: l["help"]["open"], "? opened it from the canvas")
        s.key("shift+slash")
        s.wait_layout(lambda l: not l["help"]["open"], "? closed it")
        s.russian_keys_only()
        s.key("shift+7")
        s.wait_layout(lambda l: l["help"]["open"], "? typed on a Russian keyboard opened it")
        s.key("shift+7")
        s.wait_layout(lambda l: not l["help"]["open"], "and closed it")
        s.us_keys_only()
        s.click_widget("menu.help")
        s.click_widget("menu.help.about")
        text = s.wait_dialog("About Journeyboard")
        version = run_cli("--version").stdout.split()[-1]
        check(version in text and os.path.join(s.env["XDG_CONFIG_HOME"], "journeyboard") in text,
              f"the version and the settings folder: {text!r}")
        s.key("Escape")
        s.wait_layout(lambda l: not l["dialogs"], "About closed")


def test_the_debug_menu_shows_only_with_debug():
    """Covers: keyboard shortcuts and help"""
    with Session(["--template", "sample"]) as s:
        menus = s.layout["menuBarMenus"]
        check("Debug" not in menus and menus[-1] == "Help", f"no Debug menu; Help last: {menus}")
        s.crash()  # the same screen and settings, started again with --debug
        s.restart(["--debug"])
        check("Debug" in s.layout["menuBarMenus"], f"--debug shows it: {s.layout['menuBarMenus']}")
    check("--debug" in run_cli("--help").stdout, "--help names --debug")


def test_confirmations_fade_and_errors_stay_until_dismissed():
    """Covers: confirmations and errors (toasts); open / save / save as

    Ctrl+S says "Saved …" in an info toast that goes by itself; a save into a read-only folder says
    why in an error toast that stays (while the info toast goes) until its × is clicked.
    The dump's status keeps the last confirmation."""
    work = tempfile.mkdtemp()
    path = new_board(work)
    with Session(args=[path]) as s:
        lock_folder(work)
        try:
            s.key("ctrl+s")
            text = s.wait_error()
            check(text.startswith("Cannot save") and text.endswith("."), f"one sentence: {text!r}")
        finally:
            unlock_folder(work)
        s.key("ctrl+s")  # after the error: the confirmation's life ends later than an error's would
        saved = s.wait_layout(lambda l: any(t["kind"] == "info" for t in l["toasts"]), "the info toast")
        check(saved["toasts"] == [{"text": text, "kind": "error"}, {"text": "Saved " + path + ".", "kind": "info"}],
              f"stacked, the newest last: {saved['toasts']}")
        s.wait_layout(lambda l: not any(t["kind"] == "info" for t in l["toasts"]), "the info toast went by itself")
        check(errors(s.layout) == [text], f"the error is still there: {s.layout['toasts']}")
        check(s.layout["menuBar"] > 0 and s.layout["status"] == "Saved " + path + ".", "the status keeps it")
        s.click_widget("toast.close.0")
        s.wait_layout(lambda l: not l["toasts"], "× dismissed it")


if __name__ == "__main__":
    main(globals())
