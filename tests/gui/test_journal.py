"""Lose nothing, not even the last minute: every committed change is journaled at once, so a kill
loses at most the gesture in progress (autosave is left at its 30 s default here)."""
import os
import random
import tempfile
import time

from jbgui import Session, check, main, wait_until, errors
from test_editing import add_note, cell, load, new_board


def texts(layout):
    return {n["text"] for n in layout["notes"]}


def recovery_folder(s):
    return os.path.join(s.env["XDG_STATE_HOME"], "journeyboard", "recovery")


def read_recovery(s, ending):
    """The bytes of the recovery file ending in `ending` (".cjm" the copy, ".journal" the journal)."""
    folder = recovery_folder(s)
    for name in os.listdir(folder) if os.path.isdir(folder) else []:
        if name.endswith(ending):
            try:
                with open(os.path.join(folder, name), "rb") as f:
                    return f.read()
            except FileNotFoundError:
                pass
    return b""


def journal_file(s):
    folder = recovery_folder(s)
    names = [n for n in os.listdir(folder) if n.endswith(".journal")] if os.path.isdir(folder) else []
    check(len(names) == 1, f"one journal: {names}")
    return os.path.join(folder, names[0])


def journal_records(data):
    """(offset, length) of each whole record (layout: core/session/journal.h)."""
    at, found = 24, []
    while at + 18 <= len(data):
        length = 18 + int.from_bytes(data[at + 10:at + 14], "little")
        found.append((at, length))
        at += length
    return found


def restore(s):
    """Answers the restore offer and returns the restored layout."""
    s.wait_widget("recovery.restore")
    s.key("Return")
    return s.wait_layout(lambda l: l["dirty"], "the restored, unsaved board")


def test_five_edits_then_kill_9_after_1_5_s_are_all_restored():
    """Covers: add a note"""
    work = tempfile.mkdtemp()
    path = new_board(work)
    edits = [f"Idea {i}: журнал {i}" if i % 2 else f"Idea {i}" for i in range(5)]
    with Session(args=[path]) as s:
        for i, text in enumerate(edits):
            add_note(s, ["Awareness", "Consideration", "Decision", "Purchase", "Post-purchase"][i], "Questions", text)
        time.sleep(1.5)
        s.crash()
        s.restart()
        layout = restore(s)
        missing = [t for t in edits if t not in texts(layout)]
        check(not missing, f"every edit is back: missing {missing}")
        check("Cannot" not in s.output(), f"no error: {s.output()!r}")


def crash_loop_kill_delays():
    """How long after each commit the crash loop kills the app. In scripts/test.sh: 8 kills spread
    over 0..1.5 s, four on each side of the 1 s line (~17 s). JB_LONG_TESTS=1: the long version by
    hand, 50 kills at random moments (~110 s)."""
    if os.environ.get("JB_LONG_TESTS") == "1":
        rng = random.Random(20261124)
        return [rng.uniform(0.0, 1.5) for _ in range(50)]
    return [0.0, 0.3, 0.6, 0.9, 1.1, 1.25, 1.4, 1.5]


def test_crash_loop_never_loses_a_change_older_than_1_s():
    """Covers: add a note

    "Older than 1 s" counts from when the change is seen in the journal, not from the key press.
    Each round adds a note, kills the app at a set delay after its commit, restores and checks every
    change committed more than 1 s before the kill came back. By default 8 rounds at delays spread
    over 0..1.5 s (crash_loop_kill_delays); JB_LONG_TESTS=1 runs 50 rounds at random delays. The
    monkey's kill run (scripts/test.sh) adds kills at random moments of varied work."""
    work = tempfile.mkdtemp()
    path = new_board(work)
    committed = {}  # text -> when its record was seen in the journal (the commit, not the key press)
    stages = ["Awareness", "Consideration", "Decision", "Purchase", "Post-purchase"]
    with Session(args=[path]) as s:
        for round_, delay in enumerate(crash_loop_kill_delays()):
            text = f"Round {round_}"
            add_note(s, stages[round_ % 5], ["Questions", "Pain points", "Solutions"][round_ % 3], text)
            wait_until(lambda: text.encode() in read_recovery(s, ".journal") + read_recovery(s, ".cjm"), 10,
                       f"{text!r} in the journal (or in the copy an autosave folded it into)")
            committed[text] = time.monotonic()
            killed_at = time.monotonic() + delay
            while time.monotonic() < killed_at:
                time.sleep(0.01)
            s.crash()
            s.restart()
            layout = restore(s)
            must_have = [t for t, at in committed.items() if killed_at - at > 1.0]
            missing = [t for t in must_have if t not in texts(layout)]
            check(not missing, f"round {round_}: lost committed changes {missing}")
            check("Cannot" not in s.output(), f"round {round_}: an error: {s.output()!r}")
            # What survived counts from now on (a change younger than 1 s may or may not have).
            committed = {t: at for t, at in committed.items() if t in texts(layout)}


def test_autosave_during_a_gesture_never_duplicates_it_on_restore():
    """Covers: add a note; edit a note

    With a 1 s autosave, a text edit held open for 3 s spans three autosave periods: the copy must
    not be taken mid-gesture, and a kill right after the edit commits restores the note once."""
    work = tempfile.mkdtemp()
    path = new_board(work)
    with Session(args=[path, "--autosave-seconds", "1"]) as s:
        add_note(s, "Awareness", "Questions", "First")  # starts the journal
        wait_until(lambda: b"First" in read_recovery(s, ".cjm"), 10, "an autosave of the first note")
        x0, y0, x1, y1 = cell(s.layout, "Decision", "Questions")
        s.click(x1 - 12, y1 - 12, repeat=2)
        s.wait_layout(lambda l: len(l["notes"]) == 2, "the note being typed")
        copy = read_recovery(s, ".cjm")
        s.xdo("type", "--delay", 300, "slow typing")  # returns after ~3.3 s: three autosaves fell due
        check(read_recovery(s, ".cjm") == copy, "no autosave snapshots the gesture in progress")
        s.key("Escape")
        wait_until(lambda: b"slow typing" in read_recovery(s, ".journal") + read_recovery(s, ".cjm"), 10,
                   "the edit committed")
        s.crash()
        s.restart()
        layout = restore(s)
        names = sorted(n["text"] for n in layout["notes"])
        check(names == ["First", "slow typing"], f"each note exactly once: {names}")


def test_a_damaged_change_in_the_middle_is_told_and_the_changes_after_it_come_back():
    """Covers: add a note; open / save / save as"""
    work = tempfile.mkdtemp()
    path = new_board(work)
    with Session(args=[path]) as s:
        for stage, text in (("Awareness", "First"), ("Decision", "Second"), ("Purchase", "Third")):
            add_note(s, stage, "Questions", text)
        wait_until(lambda: b"Third" in read_recovery(s, ".journal"), 10, "the third note journaled")
        s.crash()
        journal = journal_file(s)
        with open(journal, "rb") as f:
            data = bytearray(f.read())
        middle = [(at, n) for at, n in journal_records(data) if b"Second" in data[at:at + n]]
        check(len(middle) == 1, f"one record holds the second note: {middle}")
        data[middle[0][0] + 14] ^= 0x01  # the first byte of its payload
        with open(journal, "r+b") as f:
            f.write(data)
        s.restart()
        prompt = s.wait_dialog("Restore unsaved work?")
        check("1 change in the middle of the change log was damaged and left out." in prompt,
              f"the prompt says what is missing: {prompt!r}")
        layout = restore(s)
        check({"First", "Third"} <= texts(layout) and "Second" not in texts(layout),
              f"the changes before and after the damaged one: {sorted(texts(layout))}")
        s.key("ctrl+s")
        s.wait_layout(lambda l: not l["dirty"], "saved")
    saved = {n["text"] for n in load(path)["notes"]}
    check({"First", "Third"} <= saved, f"saved: {sorted(saved)}")


def test_a_journal_replaced_by_a_fifo_neither_hangs_the_start_nor_goes_unsaid():
    """Covers: add a note"""
    work = tempfile.mkdtemp()
    path = new_board(work)
    with Session(args=[path]) as s:
        add_note(s, "Awareness", "Questions", "Journaled")
        wait_until(lambda: b"Journaled" in read_recovery(s, ".journal"), 10, "the note journaled")
        s.crash()
        journal = journal_file(s)
        os.remove(journal)
        os.mkfifo(journal)
        s.restart()
        prompt = s.wait_dialog("Restore unsaved work?")
        check(f"The change log {journal} is not a regular file" in prompt, f"the prompt says why: {prompt!r}")
        layout = restore(s)  # the copy: the board before its first change
        check("Journaled" not in texts(layout), f"the copy alone: {sorted(texts(layout))}")
        add_note(s, "Decision", "Questions", "Still working")
        wait_until(lambda: b"Still working" in read_recovery(s, ".journal"), 10, "a new journal in its place")


def test_a_recovery_folder_that_cannot_be_written_is_said_once_and_work_goes_on():
    """Covers: add a note; open / save / save as"""
    work = tempfile.mkdtemp()
    path = new_board(work)
    state = os.path.join(work, "state")
    with open(state, "w") as f:
        f.write("a file where the state folder should be")
    with Session(args=[path, "--autosave-seconds", "1"], env={"XDG_STATE_HOME": state}) as s:
        add_note(s, "Awareness", "Questions", "One")
        message = s.wait_error()
        check("for recovery" in message and message.endswith("Save the board to keep it safe."),
              f"one message: {message!r}")
        s.key("Escape")
        s.wait_layout(lambda l: not errors(l), "the message dismissed")
        add_note(s, "Decision", "Questions", "Two")
        s.unfocus()  # forces an autosave attempt at once
        time.sleep(1.5)  # a second period: nothing more may be said
        s.xdo("windowfocus", "--sync", s.window)
        check(not errors(s.layout) and not errors(s._read_dump()), "said once")
        told = [line for line in s.output().splitlines() if "for recovery" in line]
        check(len(told) == 1, f"said once: {told}")
        s.key("ctrl+s")
        s.wait_layout(lambda l: not l["dirty"], "saved")
    saved = {n["text"] for n in load(path)["notes"]}
    check({"One", "Two"} <= saved, f"both notes saved: {sorted(saved)}")


if __name__ == "__main__":
    main(globals())
