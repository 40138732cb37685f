"""A monkey in the room: random real X input (tests/gui/jbgui.py's Session) on the real binary for a
bounded time, weighted toward what facilitators do, with the invariants checked throughout and at
the end. The seed printed at the start replays a run (the same actions; timing may differ).

  python3 tests/soak/monkey.py [--seconds 60] [--seed S] [--kills K]

Invariants:
- alive and responsive: after every action the app runs; every CHECK_EVERY actions, and often right
  after a menu or panel action, Escape (x3) closes whatever is open and Ctrl+S then saves (the
  file is rewritten, the dump says clean);
- no sanitizer report in the app's output (for a JB_SANITIZE build: scripts/monkey.sh --sanitize);
- at the end (runs without kills): undo all the way gives the starting file byte for byte (its
  "modified" time aside), redo all the way the end file, and a save -> restart -> save gives it too.
- --kills K: K SIGKILLs at random moments of the run, each followed by a restart and a restore.
  A sampler reads --dump-layout every 20 ms; a board state is COMMITTED when a dump with
  "gesture": false shows it (dialogs open or not), at the time the sampler first saw it (never earlier than the real
  commit, so the rule errs toward the app). After a kill at time K, let S be the last state seen
  before K - 1 s: the restored board must be S or a state seen after it, or else keep, for every
  record (stage, lane, note, curve) that changed between the start (or the last restore) and S,
  its value in S or in a state seen after it. The "or else" is for a change committed in the
  last milliseconds before the kill, journaled but not yet seen by the sampler (a fresh machine
  met one). A board state is the dump's stages, lanes, notes and curve points without screen
  positions.
"""
import argparse
import json
import os
import random
import re
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "gui"))
from jbgui import Session, Failure, check, run_cli, wait_until  # noqa: E402

CHECK_EVERY = 25
SANITIZER = re.compile(r"ERROR: AddressSanitizer|runtime error:|ERROR: LeakSanitizer|SUMMARY: UndefinedBehavior")
TEXTS = ["Card required", "Клиент ждёт ответа", "Ждём звонка 24 часа", "😀 happy", "🚀🔥", "ß ü é ñ", "a\tb",
         "x" * 60, "Цена?", "NPS −12", "⚠ pain", "line", "日本語", "   ", "0", "'\"\\", "<>&"]
KEYS = ["Left", "Right", "Up", "Down", "Home", "End", "BackSpace", "Delete", "Return", "Tab", "ctrl+a", "ctrl+c",
        "ctrl+x", "ctrl+v", "shift+Left", "ctrl+Left", "ctrl+Right", "shift+Home", "ctrl+BackSpace", "Escape"]
# The command table's chords (journeyboard --list-commands) but New, Open and Quit: they replace
# the board, which would end the undo check (they are covered by their own GUI tests).
SHORTCUTS = ["ctrl+s", "ctrl+shift+s", "ctrl+e", "ctrl+shift+e", "ctrl+z", "ctrl+shift+z", "ctrl+y", "ctrl+x",
             "ctrl+c", "ctrl+v", "ctrl+d", "Delete", "BackSpace", "ctrl+a", "v", "ctrl+p", "ctrl+i", "ctrl+h", "f",
             "ctrl+0", "ctrl+plus", "ctrl+minus", "ctrl+KP_Add", "ctrl+KP_Subtract",
             # the room's keys: present, focus a stage, spotlight, hide, cover, timer, find, palette, add note
             "F5", "1", "3", "0", "Right", "l", "h", "c", "shift+t", "ctrl+f", "ctrl+k", "n"]


def board_state(layout):
    """What a dump says of the board, without screen positions: equal states are equal boards."""
    return json.dumps({
        "stages": [(s["id"], s["name"], s.get("width")) for s in layout["stages"]],
        "lanes": [(l["id"], l["name"], l["kind"], l["collapsed"]) for l in layout["lanes"]],
        "notes": [(n["id"], n["stage"], n["lane"], n["text"], n.get("votes")) for n in layout["notes"]],
        "curves": [(c["id"], [(p["stage"], round(p["value"], 4), p.get("label")) for p in c["points"]])
                   for c in layout["curves"]]}, ensure_ascii=False)


def file_board(path):
    """The saved file's bytes without its "modified" time (a save stamps it)."""
    with open(path, "rb") as f:
        return re.sub(rb'"modified": *"[^"]*"', b'"modified": ""', f.read())


class Sampler(threading.Thread):
    """Reads the dump every 20 ms and records each new committed board state with when it was seen."""

    def __init__(self, session):
        super().__init__(daemon=True)
        self.s, self.seen, self.stop, self.lock = session, [], False, threading.Lock()

    def run(self):
        while not self.stop:
            layout = self.s._read_dump()
            # A dialog open over the board does not make it uncommitted: a commit whose only dump
            # without a gesture also showed a dialog (the mouse-up and a shortcut handled in one
            # frame on a loaded machine) must count, or a kill while that dialog stays open
            # looks like a restore of a change never committed.
            if layout and not layout.get("gesture", True):
                state = board_state(layout)
                with self.lock:
                    if not self.seen or self.seen[-1][1] != state:
                        self.seen.append((time.monotonic(), state))
            time.sleep(0.02)

    def acceptable(self, killed_at):
        """What a restore after a kill at `killed_at` is measured against: the first state seen
        (the start, or the last restore), then the last one seen more than 1 s before the kill, and
        every one seen after it."""
        with self.lock:
            older = [i for i, (t, _) in enumerate(self.seen) if t < killed_at - 1.0]
            first = older[-1] if older else 0
            return (self.seen[0][1] if self.seen else None), [state for _, state in self.seen[first:]]

    def reset(self, state):
        with self.lock:
            self.seen = [(time.monotonic(), state)]


class Monkey:
    def __init__(self, s, rng, path):
        self.s, self.rng, self.path = s, rng, path
        self.actions = 0
        self.prompts = 0  # restarts that offered (and took) a restore
        self.counts = {}
        self.w, self.h = s.size

    # -- aiming ------------------------------------------------------------------------------
    def fresh(self):
        return self.s._read_dump() or self.s.layout

    def point_in(self, rect, margin=4, top=30):
        """A random point in `rect`, on screen and (for board things) below the menu bar."""
        x0, y0, x1, y1 = rect
        x0, x1 = max(x0 + margin, 1), min(x1 - margin, self.w - 2)
        y0, y1 = max(y0 + margin, top), min(y1 - margin, self.h - 2)
        if x0 >= x1 or y0 >= y1:
            return self.anywhere()
        return self.rng.uniform(x0, x1), self.rng.uniform(y0, y1)

    def anywhere(self):
        return self.rng.uniform(2, self.w - 2), self.rng.uniform(30, self.h - 2)  # below the menu bar

    def pick(self, items):
        return self.rng.choice(items) if items else None

    def text(self):
        r = self.rng.random()
        if r < 0.15:  # control characters and odd keys, one by one
            return None
        return self.rng.choice(TEXTS) + (str(self.rng.randint(0, 999)) if self.rng.random() < 0.5 else "")

    def type_something(self):
        text = self.text()
        if text is None:
            self.s.key(*[self.rng.choice(KEYS) for _ in range(self.rng.randint(1, 4))])
        else:
            self.s.type(text)

    # -- actions, weighted toward what facilitators do -------------------------------------------
    def add_note(self):
        l = self.fresh()
        c = self.pick(l["cells"]) if self.rng.random() < 0.85 else None
        self.s.click(*(self.point_in(c["rect"]) if c else self.anywhere()), repeat=2)
        self.type_something()
        if self.rng.random() < 0.3:
            self.type_something()
        self.finish_typing()

    def finish_typing(self):
        r = self.rng.random()
        if r < 0.6:
            self.s.key("Escape")
        elif r < 0.85:
            self.s.click(*self.anywhere())
        # else: left open; the next action ends it

    def edit_note(self):
        n = self.pick(self.fresh()["notes"])
        if not n:
            return self.add_note()
        self.s.click(*self.point_in(n["rect"]), repeat=2)
        for _ in range(self.rng.randint(1, 3)):
            self.type_something()
        self.finish_typing()

    def drag_note(self):
        l = self.fresh()
        n = self.pick(l["notes"])
        if not n:
            return self.pan()
        c = self.pick(l["cells"])
        end = self.point_in(c["rect"]) if c and self.rng.random() < 0.8 else self.anywhere()
        if self.rng.random() < 0.1:  # cancelled with Escape halfway
            self.s.move(*self.point_in(n["rect"]))
            self.s.xdo("mousedown", 1)
            self.s.move(*end)
            self.s.key("Escape")
            self.s.xdo("mouseup", 1)
        else:
            self.s.drag(self.point_in(n["rect"]), end, steps=self.rng.randint(3, 10))

    def pan(self):
        self.s.drag(self.anywhere(), self.anywhere(), button=self.rng.choice([1, 1, 2, 3]), steps=5)

    def wheel(self):
        self.s.move(*self.anywhere())
        self.s.xdo("click", "--repeat", self.rng.randint(1, 4), "--delay", 30, self.rng.choice([4, 5]))

    def click(self):
        self.s.click(*self.anywhere(), repeat=self.rng.choice([1, 1, 1, 2]))

    def select(self):
        l = self.fresh()
        n = self.pick(l["notes"])
        if n:
            self.s.click(*self.point_in(n["rect"]))
        for _ in range(self.rng.randint(0, 2)):
            m = self.pick(l["notes"])
            if m:
                self.s.xdo("keydown", "shift")
                self.s.click(*self.point_in(m["rect"]))
                self.s.xdo("keyup", "shift")
        self.s.key(self.rng.choice(["Delete", "BackSpace", "ctrl+d", "ctrl+c", "ctrl+x", "ctrl+v", "Left", "shift+Down",
                                    "ctrl+a", "Escape"]))

    def context_menu(self):
        l = self.fresh()
        targets = [n["rect"] for n in l["notes"]] + [c["rect"] for c in l["cells"]] + \
                  [s["rect"] for s in l["stages"]] + [x["rect"] for x in l["lanes"]]
        t = self.pick(targets)
        self.s.click(*(self.point_in(t) if t else self.anywhere()), button=3)
        time.sleep(0.1)
        items = [k for k in self.fresh().get("widgets", {}) if k.startswith("menu.") and k not in
                 ("menu.file", "menu.journey", "menu.view", "menu.ui_scale")]
        if items and self.rng.random() < 0.8:
            self.s.click(*self.point_in(self.fresh()["widgets"].get(self.rng.choice(items), [0, 0, 0, 0]), 2, top=1))
            time.sleep(0.1)
            sub = [k for k in self.fresh().get("widgets", {}) if k.startswith("menu.kind.") or k == "confirm.delete"]
            if sub and self.rng.random() < 0.7:
                self.s.click(*self.point_in(self.fresh()["widgets"][self.rng.choice(sub)], 2, top=1))
        else:
            self.s.key("Escape")

    def header(self):
        l = self.fresh()
        h = self.pick(l["stages"] + l["lanes"])
        if not h:
            return self.click()
        r = self.rng.random()
        if r < 0.4:  # rename
            self.s.click(*self.point_in(h["rect"]), repeat=2)
            if self.rng.random() < 0.5:
                self.s.key("ctrl+a")
            self.type_something()
            self.s.key(self.rng.choice(["Return", "Escape", "Return"]))
        elif r < 0.7:  # reorder
            other = self.pick(l["stages"] + l["lanes"])
            self.s.drag(self.point_in(h["rect"]), self.point_in(other["rect"]), steps=6)
        else:  # resize: grab its far border
            x0, y0, x1, y1 = h["rect"]
            start = (x1 - 1, (y0 + y1) / 2) if h in l["stages"] else ((x0 + x1) / 2, y1 - 1)
            end = (min(max(start[0] + self.rng.uniform(-150, 150), 1), self.w - 2),
                   min(max(start[1] + self.rng.uniform(-80, 80), 30), self.h - 2))
            self.s.drag((min(max(start[0], 1), self.w - 2), min(max(start[1], 30), self.h - 2)), end, steps=5)

    def add_stage_or_lane(self):
        l = self.fresh()
        self.s.click(*self.point_in(l[self.rng.choice(["addStage", "addLane"])], 1))  # clamped on screen

    def curve(self):
        l = self.fresh()
        emo = [x["id"] for x in l["lanes"] if x["kind"] == "emotions"]
        cells = [c for c in l["cells"] if c["lane"] in emo]
        points = [p for c in l["curves"] for p in c["points"]
                  if 0 < p["pos"][0] < self.w - 1 and 30 < p["pos"][1] < self.h - 1]  # on screen
        r = self.rng.random()
        if (r < 0.45 or not points) and cells:
            self.s.click(*self.point_in(self.pick(cells)["rect"]), repeat=2)  # a double-click adds a point
        elif points and r < 0.8:
            x, y = self.pick(points)["pos"]
            if self.rng.random() < 0.3:
                self.s.xdo("keydown", "shift")
            end = (min(max(x + self.rng.uniform(-60, 60), 1), self.w - 2), min(max(y + self.rng.uniform(-80, 80), 30), self.h - 2))
            self.s.drag((x, y), end, steps=6)
            self.s.xdo("keyup", "shift")
        elif points:
            x, y = self.pick(points)["pos"]
            if self.rng.random() < 0.5:
                self.s.click(x, y, repeat=2)
                self.type_something()
                self.s.key(self.rng.choice(["Return", "Escape"]))
            else:
                self.s.click(x, y)
                self.s.key("Delete")

    def vote(self):
        self.s.key("v")
        for _ in range(self.rng.randint(1, 5)):
            n = self.pick(self.fresh()["notes"])
            if n:
                if self.rng.random() < 0.25:
                    self.s.xdo("keydown", "shift")
                self.s.click(*self.point_in(n["rect"]))
                self.s.xdo("keyup", "shift")
        self.s.key("v")

    def undo_redo(self):
        self.s.key(*[self.rng.choice(["ctrl+z", "ctrl+z", "ctrl+shift+z", "ctrl+y"]) for _ in range(self.rng.randint(1, 4))])

    def shortcut(self):
        self.s.key(self.rng.choice(SHORTCUTS))
        self.answer_dialog()

    def save(self):
        self.s.key("ctrl+s")

    def answer_dialog(self):
        """A file dialog or a message: Escape mostly; Return takes the suggested name (a save over the
        board, or a PNG beside it)."""
        time.sleep(0.1)
        if self.fresh().get("dialogs"):
            self.s.key(self.rng.choice(["Escape", "Escape", "Return"]))

    def menu(self):
        l = self.fresh()
        name = self.rng.choice(["menu.file", "menu.edit", "menu.journey", "menu.view", "tool.select", "tool.pan"])
        widgets = l.get("widgets", {})
        if name == "menu.edit":  # not recorded: between File and Journey
            f, j = widgets.get("menu.file"), widgets.get("menu.journey")
            if not f or not j:
                return
            rect = [f[2], f[1], j[0], f[3]]
        else:
            rect = widgets.get(name)
            if not rect:
                return
        self.s.click(*self.point_in(rect, 2, top=1))
        if name.startswith("tool."):
            return
        row = rect[3] - rect[1]  # a menu row is as tall as the menu bar
        # Rows to click: File only Save, Save As, Export and Quick snapshot (New, Open and Quit
        # would end the undo check); the others anything, a submenu included.
        rows = {"menu.file": [(4, 1), (5, 1), (6, 2), (7, 2)], "menu.edit": [(i, 0) for i in range(9)],
                "menu.journey": [(i, 0) for i in range(4)], "menu.view": [(i, 0) for i in range(5)]}[name]
        if self.rng.random() < 0.2:
            self.s.key("Escape")
            return
        i, seps = self.rng.choice(rows)
        y = rect[3] + row * (0.35 + i + 0.5) + row * 0.2 * seps
        self.s.click(rect[0] + row * 2, y)
        time.sleep(0.1)
        scales = [k for k in self.fresh().get("widgets", {}) if k.startswith("menu.ui_scale.")]
        if scales and self.rng.random() < 0.5:
            self.s.click(*self.point_in(self.fresh()["widgets"][self.rng.choice(scales)], 2, top=1))
        self.answer_dialog()

    def panel(self):
        l = self.fresh()
        fields = [k for k in l.get("widgets", {}) if k.split(".")[0] in
                  ("inspector", "persona", "curve", "curves", "history", "panel")]
        if not fields or self.rng.random() < 0.3:
            self.s.key(self.rng.choice(["ctrl+i", "ctrl+p", "ctrl+h"]))
            return
        self.s.click(*self.point_in(l["widgets"][self.rng.choice(fields)], 2, top=1))
        if self.rng.random() < 0.7:
            self.type_something()
            self.s.key(self.rng.choice(["Return", "Tab", "Escape"]))

    def garbage(self):
        self.s.type(self.rng.choice(TEXTS))
        self.s.key(*[self.rng.choice(KEYS + ["ctrl+b", "alt+f", "super", "F1", "ctrl+shift+u", "Menu"])
                     for _ in range(self.rng.randint(1, 3))])

    def escape(self):
        self.s.key("Escape")

    ACTIONS = [("add_note", 14), ("edit_note", 8), ("drag_note", 10), ("pan", 4), ("wheel", 3), ("click", 5),
               ("select", 6), ("context_menu", 5), ("header", 4), ("add_stage_or_lane", 1), ("curve", 6),
               ("vote", 3), ("undo_redo", 8), ("shortcut", 4), ("save", 2), ("menu", 3), ("panel", 4),
               ("garbage", 2), ("escape", 2)]

    def step(self):
        names = [n for n, _ in self.ACTIONS]
        name = self.rng.choices(names, weights=[w for _, w in self.ACTIONS])[0]
        self.counts[name] = self.counts.get(name, 0) + 1
        getattr(self, name)()
        self.actions += 1
        return name

    # -- invariants ----------------------------------------------------------------------------
    def alive(self, what):
        check(self.s.app.poll() is None, f"the app died ({self.s.app.returncode}) after {what}")
        found = SANITIZER.search(self.s.output())
        check(not found, f"a sanitizer report after {what}: see the app's output")

    def escape_then_save(self, why):
        """Escape closes whatever is open, then Ctrl+S saves: the file is rewritten and the board clean."""
        self.s.xdo("mouseup", 1)
        self.s.key("Escape", "Escape", "Escape")
        path = self.fresh().get("path") or self.path
        before = os.stat(path).st_mtime_ns if os.path.exists(path) else 0
        self.s.key("ctrl+s")
        try:
            wait_until(lambda: os.path.exists(path) and os.stat(path).st_mtime_ns != before, 20,
                       f"Ctrl+S after Escape to rewrite {path} ({why})")
            self.s.wait_layout(lambda l: not l["dirty"] and not l.get("dialogs") and not l.get("gesture"),
                               f"a clean board after Ctrl+S ({why})", timeout=20)
        except Failure:
            l = self.fresh()
            print(f"monkey: open before the failed save: dialogs {l.get('dialogs')}, widgets {sorted(l.get('widgets', {}))}"
                  f", dirty {l.get('dirty')}, gesture {l.get('gesture')}, undo {l.get('undo')!r}, title {self.s.window_title()!r}")
            for probe in (["mousemove_relative", "3", "3"], ["key", "Escape"], ["key", "ctrl+s"], ["key", "Return"],
                          ["key", "ctrl+s"]):
                self.s.xdo(*probe)
                time.sleep(1.0)
                print(f"monkey: after {probe}: saved {os.stat(path).st_mtime_ns != before}, dirty {self.fresh().get('dirty')}")
            raise
        return path


def show_difference(a, b, name_a, name_b):
    a, b = json.loads(a), json.loads(b)
    for key in a:
        only_a = [x for x in a[key] if x not in b[key]]
        only_b = [x for x in b[key] if x not in a[key]]
        if only_a or only_b:
            print(f"monkey: {key} only in {name_a}: {only_a}\nmonkey: {key} only {name_b}: {only_b}")


def undo_redo_all(s, key, field):
    """Presses `key` until the dump's `field` label is empty: the whole history."""
    for _ in range(400):
        l = s._read_dump()
        if l and l[field] == "" and not l.get("gesture"):
            return
        s.xdo("key", "--delay", 30, *([key] * 10))
        time.sleep(0.2)
    raise Failure(f"{key} did not reach the end of the history")


def run(seconds, seed, kills):
    rng = random.Random(seed)
    print(f"monkey: seed {seed}, {seconds} s, {kills} kills (replay: --seed {seed})", flush=True)
    with Session(args=[], size=(1280, 800)) as s:
        path = os.path.join(s.work, "board.cjm")
        check(run_cli("new", path, "--template", "sample").returncode == 0, "journeyboard new")
        s.app.kill()
        s.app.wait()
        s.args = [path, "--autosave-seconds", "5"]
        s.restart()
        m = Monkey(s, rng, path)
        start_file = file_board(m.escape_then_save("at the start"))
        start_state = board_state(s.layout)
        sampler = Sampler(s)
        sampler.reset(start_state)
        sampler.start()
        started = time.monotonic()
        kill_times = sorted(started + rng.uniform(0.1, 0.95) * seconds for _ in range(kills))
        restores = 0
        last = "the start"
        while time.monotonic() - started < seconds:
            if kill_times and time.monotonic() >= kill_times[0]:
                kill_times.pop(0)
                restores += kill_and_restore(s, m, sampler)
                start_file = None  # the history starts again at each restart
                start_state = board_state(s.layout)
                continue
            last = m.step()
            m.alive(f"action {m.actions} ({last})")
            # Also right after something was opened: Escape must close whatever it is.
            if m.actions % CHECK_EVERY == 0 or (last in ("context_menu", "menu", "panel") and rng.random() < 0.3):
                m.escape_then_save(f"after action {m.actions} ({last})")
        elapsed = time.monotonic() - started
        sampler.stop = True
        m.alive("the run")
        # The end: Escape + Ctrl+S; redo what the run left undone (its last undos: the end board is
        # then the whole history's end); undo all; redo all; save -> restart -> save.
        m.escape_then_save("at the end")
        undo_redo_all(s, "ctrl+shift+z", "redo")
        path = m.escape_then_save("at the end, with nothing left to redo")
        end_file = file_board(path)
        end_state = board_state(s.layout)
        undo_redo_all(s, "ctrl+z", "undo")
        s.wait_layout(lambda l: board_state(l) == start_state, "undo all the way back to the start board", timeout=20)
        if start_file is not None:
            m.escape_then_save("after undo all")
            check(file_board(path) == start_file, "undo all the way gives the starting file byte for byte")
        undo_redo_all(s, "ctrl+shift+z", "redo")
        try:
            s.wait_layout(lambda l: board_state(l) == end_state, "redo all the way to the end board", timeout=20)
        except Failure:
            l = s._read_dump()
            print(f"monkey: after redo all: undo {l.get('undo')!r}, redo {l.get('redo')!r}, gesture {l.get('gesture')}"
                  f", dirty {l.get('dirty')}, widgets {sorted(l.get('widgets', {}))}")
            show_difference(end_state, board_state(l), "the end board", "after redo all")
            raise
        m.escape_then_save("after redo all")
        check(file_board(path) == end_file, "redo all the way gives the end file byte for byte")
        s.key("ctrl+q")
        check(s.wait_exit(20) == 0, "a clean quit of a saved board")
        check(not SANITIZER.search(s.output()), "no sanitizer report")
        s.args = [path]
        s.restart()
        s.wait_layout(lambda l: board_state(l) == end_state, "the reloaded board equal to the saved one")
        check(not s.layout.get("dialogs"), f"the saved board reloads without a message: {s.layout.get('dialogs')}")
        m.escape_then_save("after the reload")
        check(file_board(path) == end_file, "save -> reload -> save gives the same file")
        m.alive("the reload")
    rate = m.actions / elapsed * 60
    print(f"monkey: PASS seed {seed}: {m.actions} actions in {elapsed:.0f} s ({rate:.0f} a minute), "
          f"{restores} kills ({m.prompts} restored from the recovery copy + journal, the others from the "
          f"saved file); actions: {dict(sorted(m.counts.items()))}", flush=True)


def records(state):
    """A board state as {(kind, id): record}."""
    return {(kind, item[0]): item for kind, items in json.loads(state).items() for item in items}


def holds_old_changes(restored, base, allowed):
    """True when `restored` keeps every change committed more than 1 s before the kill: each record
    that differs between `base` and the last state older than 1 s (allowed[0]) is, in `restored`,
    as in that state or in one seen after it. A restore may hold more: a change committed in the
    last moments before the kill, which the 20 ms sampler had not seen yet, is journaled too."""
    if restored in allowed:
        return True
    if base is None or not allowed:
        return False
    before, after, now = records(base), [records(state) for state in allowed], records(restored)
    changed = {key for key in set(before) | set(after[0]) if before.get(key) != after[0].get(key)}
    return all(now.get(key) in [state.get(key) for state in after] for key in changed)


def kill_and_restore(s, m, sampler):
    """SIGKILL now; restart; restore; the restored board must hold every change committed more than
    1 s before the kill (see the module's docstring for what "committed" means here)."""
    killed_at = time.monotonic()
    s.crash()
    time.sleep(0.05)
    base, allowed = sampler.acceptable(killed_at)
    with sampler.lock:
        sampler.seen = []
    s.xdo("mouseup", 1)
    folder = os.path.join(s.env["XDG_STATE_HOME"], "journeyboard", "recovery")
    pending = os.path.isdir(folder) and any(f.endswith((".cjm", ".journal")) for f in os.listdir(folder))
    s.restart()
    if pending:
        m.prompts += 1
        s.wait_widget("recovery.restore", timeout=20)
        s.key("Return")
        s.wait_layout(lambda l: l["dirty"], "the restored board", timeout=20)
    time.sleep(0.3)
    dialogs = (s._read_dump() or {}).get("dialogs", [])
    # A kill in the middle of a journal append leaves a torn last record: that warning is expected.
    if dialogs and all("was incomplete and was left out" in d["text"] for d in dialogs):
        print(f"monkey: after a kill: {dialogs[0]['text']}")
        s.key("Escape")
        s.wait_layout(lambda l: not l.get("dialogs"), "the warning closed")
    state = board_state(s.wait_layout(lambda l: not l.get("gesture"), "a board"))
    kept = holds_old_changes(state, base, allowed)
    if not kept:
        print(f"monkey: restored {state}\nmonkey: the last committed state older than 1 s: {allowed[0]}")
    check(kept, f"the restore after the kill at action {m.actions} lost a change committed more than 1 s before")
    check(not s.layout.get("dialogs"), f"the restored board loads cleanly: {s.layout.get('dialogs')}")
    out = s.output()
    check(not re.search(r"Cannot|damaged|another", out), f"the restore said something went wrong: {out[-400:]}")
    sampler.reset(state)
    return 1


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--kills", type=int, default=0)
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(1, 10**6)
    try:
        run(args.seconds, seed, args.kills)
    except (Failure, subprocess.CalledProcessError) as error:
        print(f"monkey: FAIL seed {seed}: {error}\nmonkey: replay with --seed {seed}", flush=True)
        sys.exit(1)


if __name__ == "__main__":
    main()
