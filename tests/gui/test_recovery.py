"""Never lose a workshop: autosave and crash recovery, and a failed save that keeps the old file."""
import os
import subprocess
import tempfile
import time

from jbgui import Session, check, main, run_cli, wait_until, errors
from test_editing import add_note, load, new_board


def recovery_files(s):
    folder = os.path.join(s.env["XDG_STATE_HOME"], "journeyboard", "recovery")
    return [f for f in os.listdir(folder) if f.endswith(".cjm")] if os.path.isdir(folder) else []


def recovery_path(s):
    names = recovery_files(s)
    return os.path.join(s.env["XDG_STATE_HOME"], "journeyboard", "recovery", names[0]) if len(names) == 1 else None


def recovery_copy(s):
    """The text of the one recovery copy, or None."""
    try:
        with open(recovery_path(s) or "", encoding="utf-8") as f:
            return f.read()
    except FileNotFoundError:
        return None


def test_kill_9_then_restore_brings_the_edits_back():
    """Covers: add a note; open / save / save as"""
    work = tempfile.mkdtemp()
    path = new_board(work)
    with open(path, "rb") as f:
        before = f.read()
    with Session(args=[path, "--autosave-seconds", "1"]) as s:
        add_note(s, "Awareness", "Questions", "Survives a crash")
        add_note(s, "Decision", "Pain points", "So does this")
        wait_until(lambda: recovery_files(s), 10, "the autosave")
        time.sleep(1.5)  # the copy is rewritten after the second note's edit settles
        s.crash()
        with open(path, "rb") as f:
            check(f.read() == before, "the board file itself is untouched until a save")
        s.restart()
        s.wait_widget("recovery.restore")
        s.key("Return")  # Restore
        s.wait_layout(lambda l: {"Survives a crash", "So does this"} <= {n["text"] for n in l["notes"]},
                      "the restored edits")
        check(s.layout["dirty"], "restored work is unsaved")
        check(s.layout["path"] == path, f"restored onto its file: {s.layout['path']!r}")
        s.key("ctrl+s")
        s.wait_layout(lambda l: not l["dirty"], "saved")
        wait_until(lambda: not recovery_files(s), 5, "the recovery copy removed by the save")
    check(any(n["text"] == "Survives a crash" for n in load(path)["notes"]), "saved after restore")
    with open(path + ".bak", "rb") as f:
        check(f.read() == before, "the previous version kept as .bak")


def test_discard_and_clean_quit_leave_no_copy():
    """Covers: add a note; quit (asks first when there are unsaved changes: Enter saves, N doesn't, Esc cancels)"""
    work = tempfile.mkdtemp()
    path = new_board(work)
    with Session(args=[path, "--autosave-seconds", "1"]) as s:
        add_note(s, "Awareness", "Questions", "Thrown away")
        wait_until(lambda: recovery_files(s), 10, "the autosave")
        s.crash()
        s.restart()
        s.wait_widget("recovery.restore")
        s.key("Escape")  # Discard
        wait_until(lambda: not recovery_files(s), 5, "the copy removed on discard")
        check(not any(n["text"] == "Thrown away" for n in s.layout["notes"]), "discarded work stays gone")
        add_note(s, "Awareness", "Questions", "Then quit without saving")
        wait_until(lambda: recovery_files(s), 10, "the autosave")
        s.key("ctrl+q")
        s.wait_widget("unsaved.save")
        s.key("n")
        check(s.wait_exit() == 0, "clean quit")
        check(not recovery_files(s), "a clean quit removes the copy")


def test_autosave_every_n_seconds_and_on_focus_loss():
    """Covers: add a note

    The recovery copy (the journal alone never rewrites it) takes in new changes every
    --autosave-seconds with no other trigger, and at once when the window loses focus."""
    work = tempfile.mkdtemp()
    path = new_board(work)
    with Session(args=[path, "--autosave-seconds", "3"]) as s:
        add_note(s, "Awareness", "Questions", "Autosaved")
        wait_until(lambda: "Autosaved" in (recovery_copy(s) or ""), 10, "the periodic autosave")
        first = os.stat(recovery_path(s)).st_mtime
        add_note(s, "Decision", "Questions", "Three seconds later")
        wait_until(lambda: "Three seconds later" in (recovery_copy(s) or ""), 10, "the next periodic autosave")
        gap = os.stat(recovery_path(s)).st_mtime - first
        check(gap > 2.8, f"the copy is rewritten every 3 s, not at each change: {gap:.2f} s apart")
    with Session(args=[path, "--autosave-seconds", "600"]) as s:
        add_note(s, "Awareness", "Questions", "On focus loss")
        wait_until(lambda: recovery_copy(s), 10, "the copy the journal starts from")
        time.sleep(0.5)  # nothing but focus loss may write the copy within 600 s
        check("On focus loss" not in recovery_copy(s), "no autosave yet")
        s.unfocus()
        wait_until(lambda: "On focus loss" in (recovery_copy(s) or ""), 5, "the autosave on focus loss")


def lock_folder(folder):
    """Makes a folder read-only even for root (CI runs as root): the immutable attribute."""
    if os.geteuid() == 0:
        subprocess.run(["chattr", "+i", folder], check=True)
    else:
        os.chmod(folder, 0o555)


def unlock_folder(folder):
    if os.geteuid() == 0:
        subprocess.run(["chattr", "-i", folder], check=True)
    else:
        os.chmod(folder, 0o755)


def test_save_into_read_only_folder_says_so_and_keeps_the_old_file():
    """Covers: add a note; open / save / save as"""
    work = tempfile.mkdtemp()
    folder = os.path.join(work, "locked")
    os.mkdir(folder)
    path = os.path.join(folder, "board.cjm")
    check(run_cli("new", path, "--template", "classic").returncode == 0, "new")
    with open(path, "rb") as f:
        before = f.read()
    with Session(args=[path]) as s:
        add_note(s, "Awareness", "Questions", "Not yet saved")
        lock_folder(folder)
        try:
            s.key("ctrl+s")
            wait_until(lambda: "Cannot save" in s.output(), 10, "the error message")
            check("Cannot save" in s.wait_error(), "an error toast")
            s.wait_widget("toast.close.0")
            check(s.app.poll() is None, "the app keeps running")
            s.key("Escape")  # dismiss the message
            s.wait_layout(lambda l: not errors(l), "dismissed")
            s.wait_layout(lambda l: l["dirty"], "still dirty")
            line = next(l for l in s.output().splitlines() if "Cannot save" in l)
            check("board.cjm" in line, f"one sentence naming the file: {line!r}")
        finally:
            unlock_folder(folder)
        with open(path, "rb") as f:
            check(f.read() == before, "the previous file is byte-identical")
        check(sorted(os.listdir(folder)) == ["board.cjm"], f"no temp files left: {os.listdir(folder)}")
        s.key("ctrl+s")  # unlocked: saving works again
        s.wait_layout(lambda l: not l["dirty"], "saved once the folder is writable")


if __name__ == "__main__":
    main(globals())
