"""GUI test harness: the real journeyboard binary in a private Xvfb, driven by real X input
(xdotool), checked through --dump-layout, saved files and exported PNGs. Standard library only.

A test file defines functions named test_*; `python3 FILE NAME` runs one (that is how CTest
calls them), `python3 FILE` runs all. JB_APP and JB_XCLOSE name the binaries (CMake sets them).
"""
import json
import os
import random
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import zlib

APP = os.environ.get("JB_APP", "build/app/journeyboard")
XCLOSE = os.environ.get("JB_XCLOSE", "build/tests/x_close")


class Failure(AssertionError):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


def wait_until(predicate, timeout, what):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.05)
    raise Failure(f"timed out after {timeout} s waiting for {what}")


class Session:
    """One Xvfb + one app, both cleaned up on exit, with the helpers to drive them."""

    def __init__(self, args=(), size=(1280, 800), env=None, window=True, screen=None):
        # window=False starts the app without --window, as a user would: it sizes itself.
        # screen: the Xvfb screen's size when it is not the window's (a 4K screen, a small window).
        self.pass_window = window
        self.screen = screen
        self.work = tempfile.mkdtemp(prefix="jbgui-")
        self.dump = os.path.join(self.work, "layout.json")
        self.size = size
        self.args = list(args)
        self.env = english_env()
        self.env["XDG_CONFIG_HOME"] = os.path.join(self.work, "config")
        self.env["XDG_STATE_HOME"] = os.path.join(self.work, "state")
        self.env["XDG_DATA_HOME"] = os.path.join(self.work, "data")
        self.env.update(env or {})
        self.xvfb = None
        self.app = None

    # -- life cycle -------------------------------------------------------------------------
    def __enter__(self):
        self.start_xvfb()
        self.start_app()
        return self

    def __exit__(self, kind, value, traceback):
        if kind is not None and self.app is not None:
            shot = os.path.join(tempfile.gettempdir(), f"jbgui-failure-{os.getpid()}.png")
            if shutil.which("import") and self.app.poll() is None:
                subprocess.run(["import", "-window", "root", shot], env=self.env, stderr=subprocess.DEVNULL)
                print(f"screenshot of the failure: {shot}")
            tail = self.output().splitlines()[-60:]
            print(f"--- the app's last output lines ({len(tail)}) ---\n" + "\n".join(tail))
        self.stop()
        shutil.rmtree(self.work, ignore_errors=True)
        return False

    def start_xvfb(self):
        # A random display number rather than the lowest free one: a parallel test's dying
        # Xvfb unlinks its socket path late, and would take a reused number's socket with it.
        w, h = self.screen or self.size
        for _ in range(50):
            number = random.randint(100, 30000)
            if os.path.exists(f"/tmp/.X{number}-lock"):
                continue
            self.xvfb = subprocess.Popen(
                ["Xvfb", f":{number}", "-screen", "0", f"{w}x{h}x24", "-nolisten", "tcp", "-noreset"],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            self.env["DISPLAY"] = f":{number}"
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline and self.xvfb.poll() is None:
                if subprocess.run(["xdotool", "getdisplaygeometry"], env=self.env, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL).returncode == 0:
                    self.add_cyrillic_keys()
                    return
                time.sleep(0.05)
            self.xvfb.kill()
            self.xvfb.wait()
        raise Failure("Xvfb did not start")

    def add_cyrillic_keys(self):
        """Gives the screen's keyboard a Russian group beside the US one. xdotool types a character
        missing from the keymap by binding it to a spare key, pressing it and unbinding it at once;
        an app busy enough to read that key after the unbinding got nothing. Measured beside three
        busy loops: 7 of 24 Cyrillic notes lost a character without the group, none of 36 with it."""
        result = subprocess.run(["setxkbmap", "-layout", "us,ru"], env=self.env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        check(result.returncode == 0, f"setxkbmap (x11-xkb-utils, scripts/setup.sh --tests) failed: {result.stderr}")

    def us_keys_only(self):
        """Takes the Russian group away again. xdotool presses a named key at the first key that has
        it, and in the Russian group '/' and '?' lie on keys before the US ones: a test pressing
        Shift + / for its US place calls this first."""
        subprocess.run(["setxkbmap", "-layout", "us"], env=self.env, check=True)

    def russian_keys_only(self):
        """A Russian keyboard alone: its keys type what a Russian user's do ('?' is Shift + 7)."""
        subprocess.run(["setxkbmap", "-layout", "ru"], env=self.env, check=True)

    def start_app(self, extra_args=()):
        w, h = self.size
        self.stdout = open(os.path.join(self.work, "app.out"), "w")
        self.app = subprocess.Popen(
            [APP, *self.args, *extra_args, *(["--window", f"{w}x{h}"] if self.pass_window else []),
             "--dump-layout", self.dump],
            env=self.env, stdout=self.stdout, stderr=subprocess.STDOUT, cwd=self.work)
        self.window = wait_until(self._find_window, 20, "the app's window")
        # No window manager here: give the window the keyboard focus, so XTEST keys reach it.
        self.xdo("windowfocus", "--sync", self.window)
        self.layout = wait_until(self._read_dump, 20, "the first --dump-layout")

    def crash(self):
        """kill -9 the app, as a power cut or a crash would."""
        self.app.kill()
        self.app.wait()

    def restart(self, extra_args=()):
        """Starts the app again on the same screen, with the same settings folders."""
        if os.path.exists(self.dump):
            os.remove(self.dump)
        self.start_app(extra_args)
        self.xdo("windowfocus", "--sync", self.window)

    def stop(self):
        if self.app and self.app.poll() is None:
            self.app.kill()
            self.app.wait()
        if self.xvfb and self.xvfb.poll() is None:
            self.xvfb.terminate()
            self.xvfb.wait()

    def wait_exit(self, timeout=10):
        try:
            return self.app.wait(timeout)
        except subprocess.TimeoutExpired:
            raise Failure(f"the app did not exit within {timeout} s")

    def output(self):
        self.stdout.flush()
        with open(os.path.join(self.work, "app.out")) as f:
            return f.read()

    # -- X input ----------------------------------------------------------------------------
    def xdo(self, *args):
        subprocess.run(["xdotool", *map(str, args)], env=self.env, check=True,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)

    def _find_window(self):
        if self.app.poll() is not None:
            raise Failure(f"the app exited early with {self.app.returncode}: {self.output()}")
        result = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(self.app.pid)],
                                env=self.env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        ids = result.stdout.split()
        return ids[0] if ids else None

    def window_title(self):
        return subprocess.run(["xdotool", "getwindowname", self.window], env=self.env,
                              stdout=subprocess.PIPE, text=True).stdout.strip()

    def move(self, x, y):
        self.xdo("mousemove", "--window", self.window, int(x), int(y))

    def click(self, x, y, button=1, repeat=1):
        self.move(x, y)
        time.sleep(0.05)
        self.xdo("click", "--repeat", repeat, "--delay", 80, button)

    def double_click_open(self, x, y, opened, what):
        """Double-clicks at (x, y) and waits until `opened` holds for the layout (the field the
        double-click opens): keys typed before it opens would be the canvas's shortcuts."""
        self.click(x, y, repeat=2)
        return self.wait_layout(opened, what)

    def drag(self, start, end, button=1, steps=12):
        self.move(*start)
        time.sleep(0.05)
        self.xdo("mousedown", button)
        for i in range(1, steps + 1):
            self.move(start[0] + (end[0] - start[0]) * i / steps, start[1] + (end[1] - start[1]) * i / steps)
            time.sleep(0.02)
        time.sleep(0.05)
        self.xdo("mouseup", button)

    def key(self, *keys):
        # No --clearmodifiers: xdotool counts a held mouse button as a modifier and would release it.
        for k in keys:
            self.xdo("key", k)
            time.sleep(0.05)

    def type(self, text):
        # xdotool types a character missing from the keymap by binding it to a spare keycode for a
        # moment; a busy app translating the key after the binding is undone loses it. Slower for those
        # (Cyrillic is in the keymap: add_cyrillic_keys).
        self.xdo("type", "--delay", 40 if text.isascii() else 120, text)

    def close_window(self):
        subprocess.run([XCLOSE, self.window], env=self.env, check=True)

    # -- --dump-layout ----------------------------------------------------------------------
    def _read_dump(self):
        try:
            with open(self.dump, encoding="utf-8") as f:
                return json.load(f)
        except (FileNotFoundError, json.JSONDecodeError):
            return None

    def wait_layout(self, predicate, what, timeout=10):
        def ready():
            layout = self._read_dump()
            return layout if layout and predicate(layout) else None
        self.layout = wait_until(ready, timeout, what)
        return self.layout

    def wait_widget(self, name, timeout=10):
        """Waits until a panel or dialog records the widget `name` in the dump; returns its rect."""
        return self.wait_layout(lambda l: name in l.get("widgets", {}), f"the widget {name}", timeout)["widgets"][name]

    def click_widget(self, name, repeat=1):
        self.click(*centre(self.wait_widget(name)), repeat=repeat)

    def wait_dialog(self, title, timeout=10):
        """Waits until the dialog with this title is open and returns the text it shows."""
        def shown(layout):
            return any(d["title"] == title for d in layout.get("dialogs", []))
        layout = self.wait_layout(shown, f"the dialog {title!r}", timeout)
        return next(d["text"] for d in layout["dialogs"] if d["title"] == title)

    def wait_error(self, timeout=10):
        """Waits until an error toast shows (bottom right; it stays until dismissed) and returns its text."""
        return errors(self.wait_layout(lambda l: errors(l), "an error toast", timeout))[-1]

    def unfocus(self):
        """Takes the keyboard focus away from the app (to the root window: there is no window manager)."""
        self.xdo("windowfocus", "--sync", self.root_window())

    def root_window(self):
        result = subprocess.run(["xdotool", "search", "--maxdepth", "0", "--name", ""], env=self.env,
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        return result.stdout.split()[0]


def errors(layout):
    """The texts of the error toasts shown (they stay until × or Esc dismisses them), oldest first."""
    return [t["text"] for t in (layout or {}).get("toasts", []) if t["kind"] == "error"]


def note_record(note_id, stage, lane, x, y, text):
    """A note as the .cjm file stores it (stage and lane ids, 0 and 0 for a free note at x, y)."""
    return {"id": note_id, "stage": stage, "lane": lane, "pos": {"x": float(x), "y": float(y)}, "size": "M",
            "text": text, "color": "", "votes": 0, "tags": [], "owner": "", "due": "", "channel": "",
            "metrics": {"conversion": None, "csi": None, "nps": None}, "severity": 0}


def save(s):
    """Ctrl+S once the board has unsaved changes. Dirty first: a gesture in progress (typing,
    dragging) is not a change yet, and a dump of the clean board from before it would pass for saved."""
    s.wait_layout(lambda l: l["dirty"], "unsaved changes")
    s.key("ctrl+s")
    s.wait_layout(lambda l: not l["dirty"], "saved")


def centre(rect):
    return ((rect[0] + rect[2]) / 2, (rect[1] + rect[3]) / 2)


def english_env():
    """The caller's environment with the interface in English whatever the machine's locale
    (tests read English messages; a test that wants Russian sets LANG itself)."""
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    env["LANG"] = "C.UTF-8"
    return env


def run_cli(*args, env=None, cwd=None):
    return subprocess.run([APP, *map(str, args)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True, env=env if env is not None else english_env(), cwd=cwd, timeout=120)


# -- PNG -------------------------------------------------------------------------------------
def read_png(path):
    """Decodes an 8-bit RGB or RGBA, non-interlaced PNG: returns (width, height, channels, rows)."""
    with open(path, "rb") as f:
        data = f.read()
    check(data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG")
    pos, idat, header = 8, [], None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        pos += 12 + length
    width, height, depth, color, _, _, interlace = header
    check(depth == 8 and color in (2, 6) and interlace == 0, f"unsupported PNG format {header}")
    channels = 3 if color == 2 else 4
    raw = zlib.decompress(b"".join(idat))
    stride = width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        row = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        if kind == 1:
            for i in range(channels, stride):
                row[i] = (row[i] + row[i - channels]) & 0xFF
        elif kind == 2:
            for i in range(stride):
                row[i] = (row[i] + previous[i]) & 0xFF
        elif kind == 3:
            for i in range(stride):
                left = row[i - channels] if i >= channels else 0
                row[i] = (row[i] + (left + previous[i]) // 2) & 0xFF
        elif kind == 4:
            for i in range(stride):
                a = row[i - channels] if i >= channels else 0
                b, c = previous[i], previous[i - channels] if i >= channels else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                row[i] = (row[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        rows.append(bytes(row))
        previous = row
    return width, height, channels, rows


def png_rect(layout, rect, width, height):
    """A window-pixel rect of a --dump-layout, in pixels of a PNG export `width` x `height` of the same
    board: the dump's "export" rect is the area the image shows."""
    ex0, ey0, ex1, ey1 = layout["export"]
    sx, sy = width / (ex1 - ex0), height / (ey1 - ey0)
    return ((rect[0] - ex0) * sx, (rect[1] - ey0) * sy, (rect[2] - ex0) * sx, (rect[3] - ey0) * sy)


def pixel(rows, channels, x, y):
    i = int(x) * channels
    return tuple(rows[int(y)][i:i + 3])


def count_near(rows, channels, rect, colour, tolerance=24):
    """How many pixels inside `rect` (PNG pixels) are within `tolerance` per channel of 0xRRGGBB `colour`."""
    want = ((colour >> 16) & 255, (colour >> 8) & 255, colour & 255)
    x0, y0 = max(0, int(rect[0])), max(0, int(rect[1]))
    x1, y1 = min(len(rows[0]) // channels, int(rect[2])), min(len(rows), int(rect[3]))
    count = 0
    for y in range(y0, y1):
        row = rows[y]
        for x in range(x0, x1):
            i = x * channels
            if all(abs(row[i + k] - want[k]) <= tolerance for k in range(3)):
                count += 1
    return count


def colour_counts(rows, channels, wanted):
    """How many pixels have each of the `wanted` 0xRRGGBB colours exactly."""
    targets = {bytes(((c >> 16) & 255, (c >> 8) & 255, c & 255)): c for c in wanted}
    counts = {c: 0 for c in wanted}
    for row in rows:
        for key, colour in targets.items():
            if channels == 3:
                counts[colour] += _count_rgb(row, key)
            else:
                counts[colour] += sum(1 for i in range(0, len(row), 4) if row[i:i + 3] == key)
    return counts


def _count_rgb(row, key):
    count, start = 0, 0
    while True:
        i = row.find(key, start)
        if i < 0:
            return count
        if i % 3 == 0:
            count += 1
            start = i + 3
        else:
            start = i + 1


def main(module_globals):
    tests = {name: fn for name, fn in module_globals.items() if name.startswith("test_") and callable(fn)}
    names = sys.argv[1:] or sorted(tests)
    failed = 0
    for name in names:
        start = time.monotonic()
        try:
            tests[name]()
            print(f"PASS {name} ({time.monotonic() - start:.1f} s)")
        except Exception as error:  # report every failure, keep going
            failed += 1
            print(f"FAIL {name}: {error}")
    sys.exit(1 if failed else 0)


def png_size(path):
    """(width, height) from a PNG's header, without decoding it."""
    with open(path, "rb") as f:
        head = f.read(24)
    check(head[:8] == b"\x89PNG\r\n\x1a\n" and head[12:16] == b"IHDR", f"{path} is not a PNG")
    return struct.unpack(">II", head[16:24])


# -- more helpers (editing tests) -------------------------------------------------------------
def click_with(s, modifier, x, y, button=1):
    """A click with a modifier key (shift, ctrl) held down around it."""
    s.xdo("keydown", modifier)
    s.click(x, y, button)
    s.xdo("keyup", modifier)


def set_clipboard(s, text):
    """Puts `text` on the session's X CLIPBOARD, owned by an xclip that lives until the screen does."""
    check(shutil.which("xclip") is not None, "xclip is missing: scripts/setup.sh --tests installs it")
    subprocess.run(["xclip", "-selection", "clipboard", "-in"], input=text.encode("utf-8"), env=s.env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=10)

