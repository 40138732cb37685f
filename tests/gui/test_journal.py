"""Lose nothing, not even the last minute: every committed change is journaled at once, so a kill
loses at most the gesture in progress (autosave is left at its 30 s default here)."""
import os
import random
import tempfile
import time

from jbgui import Session, check, main, wait_until
from test_editing import add_note, new_board


def texts(layout):
    return {n["text"] for n in layout["notes"]}


def restore(s):
    """Answers the restore offer and returns the restored layout."""
    s.wait_layout(lambda l: True, "the first frame")
    time.sleep(0.3)
    s.key("Return")
    return s.wait_layout(lambda l: l["dirty"], "the restored, unsaved board")


def test_five_edits_then_kill_9_after_1_5_s_are_all_restored():
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


def test_crash_loop_never_loses_a_change_older_than_1_s():
    work = tempfile.mkdtemp()
    path = new_board(work)
    rng = random.Random(20261124)
    committed = {}  # text -> the time its committing key (Escape) was sent
    stages = ["Awareness", "Consideration", "Decision", "Purchase", "Post-purchase"]
    with Session(args=[path]) as s:
        for round_ in range(50):
            text = f"Round {round_}"
            add_note(s, stages[round_ % 5], ["Questions", "Pain points", "Solutions"][round_ % 3], text)
            committed[text] = time.monotonic()
            killed_at = time.monotonic() + rng.uniform(0.0, 1.5)
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
    work = tempfile.mkdtemp()
    path = new_board(work)
    with Session(args=[path, "--autosave-seconds", "2"]) as s:
        add_note(s, "Awareness", "Questions", "First")  # starts the journal
        from test_editing import cell
        x0, y0, x1, y1 = cell(s.layout, "Decision", "Questions")
        s.click(x1 - 12, y1 - 12, repeat=2)
        s.xdo("type", "--delay", 300, "slow typing")  # ~3.3 s: an autosave falls due mid-gesture
        s.key("Escape")
        time.sleep(0.3)
        s.crash()
        s.restart()
        layout = restore(s)
        names = sorted(n["text"] for n in layout["notes"])
        check(names == ["First", "slow typing"], f"each note exactly once: {names}")


if __name__ == "__main__":
    main(globals())
