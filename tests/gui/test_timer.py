"""The workshop timer (Shift+T): its panel, its keys and its corner badge, through real X input."""
import os
import stat
import shutil
import subprocess
import tempfile

from jbgui import Session, check, count_near, main, read_png, wait_until
from test_editing import add_note


RED, INK = 0xD62828, 0x1E222D  # app/views/timer_panel.cpp kRed, kInk


def timer(layout):
    return layout["timer"]


def badge_pixels(s, name):
    """How many pixels of the timer's badge on screen are its red and its dark ink."""
    check(shutil.which("import") is not None, "ImageMagick's import is missing: scripts/setup.sh --tests installs it")
    x0, y0, x1, y1 = (int(v) for v in s.wait_widget("timer.badge"))
    path = os.path.join(s.work, name)
    subprocess.run(["import", "-window", "root", "-crop", f"{x1 - x0}x{y1 - y0}+{x0}+{y0}", "png24:" + path],
                   env=s.env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    width, height, channels, rows = read_png(path)
    whole = (0, 0, width, height)
    return count_near(rows, channels, whole, RED, 40), count_near(rows, channels, whole, INK, 40)


def test_timer_presets_pause_minute_reset():
    """Covers: time an exercise

    The panel opens with Shift+T and takes the focus, 1 starts the 1-minute preset, the badge shows
    it in the canvas's top-right corner (dark figures), Pause, +1 min and Reset by real clicks; Esc
    closes the panel and the timer goes on while a note is added."""
    with Session(["--template", "sample"]) as s:
        check(timer(s.layout) == {"state": "idle", "remaining": 300, "shown": False, "chime": True, "chimes": 0,
                                  "flash": False},
              f"idle at start, with the chime: {timer(s.layout)}")
        s.key("shift+t")
        s.wait_widget("timer.preset.1")
        s.key("1")  # the panel has the keyboard focus: 1 is its preset, not the canvas's key
        running = s.wait_layout(lambda l: timer(l)["state"] == "running", "the timer running")
        check(timer(running)["remaining"] in (59, 60) and timer(running)["shown"], f"a 1-minute countdown: {timer(running)}")
        badge = s.wait_widget("timer.badge")
        width = s.layout["window"][0]
        check(badge[2] > width - 40 and badge[1] < 100 and badge[3] - badge[1] > 50,
              f"a large badge in the top-right corner: {badge} in a window {width} wide")
        # Over 30 s left: dark figures, no red.
        red, ink = badge_pixels(s, "running.png")
        check(ink > 150 and red < 20, f"the badge's figures are dark with more than 30 s left: {red} red, {ink} dark")
        for name in ("timer.preset.1", "timer.custom", "timer.pause", "timer.add_minute", "timer.reset",
                     "timer.chime"):
            rect = s.layout["widgets"][name]
            check(rect[3] - rect[1] >= 44, f"{name} is a touch target, at least 44 px high at scale 1: {rect}")
        s.click_widget("timer.pause")
        paused = timer(s.wait_layout(lambda l: timer(l)["state"] == "paused", "the timer paused"))
        check(paused["remaining"] in range(50, 61), f"paused near a minute: {paused}")
        s.click_widget("timer.add_minute")
        added = timer(s.wait_layout(lambda l: timer(l)["remaining"] == paused["remaining"] + 60, "one more minute"))
        check(added["state"] == "paused", f"still paused, a minute more: {added}")
        s.click_widget("timer.reset")
        s.wait_layout(lambda l: timer(l)["state"] == "idle" and not timer(l)["shown"] and "timer.badge" not in l["widgets"],
                      "the timer reset, its badge gone")
        # The canvas takes the focus back; Shift+T gives it to the open panel again, so 0 is its 10 minutes.
        s.click(40, s.layout["window"][1] - 20)
        s.key("shift+t", "0")
        ten = timer(s.wait_layout(lambda l: timer(l)["state"] == "running", "the 10-minute preset"))
        check(ten["remaining"] in (599, 600), f"10 minutes: {ten}")
        # Esc closes the panel (it has the focus); the timer goes on, and on while a note is typed.
        s.key("Escape")
        s.wait_layout(lambda l: "panel.timer" not in l["widgets"], "the panel closed")
        add_note(s, "Awareness", "Questions", "Timer keeps going")
        later = timer(s.wait_layout(lambda l: timer(l)["remaining"] < ten["remaining"], "the countdown going on"))
        check(later["state"] == "running" and later["shown"], f"still running and shown: {later}")


def test_timer_custom_time_turns_red_and_chimes_at_the_end():
    """Covers: time an exercise

    A custom time runs red in its last 30 s and ends finished, silent with Chime off, chiming with
    it on; a typed time that is not one is refused in one sentence and changes nothing."""
    # A stand-in for every sound player the app looks for: it keeps the file it was asked to play.
    fake = tempfile.mkdtemp(prefix="jbgui-players-")
    played, plays = os.path.join(fake, "played.wav"), os.path.join(fake, "plays.log")
    for name in ("pw-play", "paplay", "aplay"):
        path = os.path.join(fake, name)
        with open(path, "w") as f:
            f.write(f'#!/bin/sh\nfor a; do last="$a"; done\necho "$0" >> "{plays}"\ncp "$last" "{played}"\n')
        os.chmod(path, os.stat(path).st_mode | stat.S_IXUSR)
    with Session(["--template", "sample"], env={"PATH": fake + os.pathsep + os.environ.get("PATH", "")}) as s:
        # First without the chime: this end must stay silent.
        s.key("shift+t")
        s.click_widget("timer.chime")
        s.wait_layout(lambda l: not timer(l)["chime"], "the chime off")
        settings = os.path.join(s.env["XDG_CONFIG_HOME"], "journeyboard", "settings.json")
        wait_until(lambda: os.path.exists(settings) and '"chime": false' in open(settings).read(), 5,
                   "the chime's setting remembered in settings.json")
        s.click_widget("timer.custom")
        s.type("0:03")
        s.key("Return")
        running = s.wait_layout(lambda l: timer(l)["state"] == "running", "the custom time running")
        check(timer(running)["remaining"] <= 3, f"3 s at most: {timer(running)}")
        red, ink = badge_pixels(s, "last.png")
        check(red > 150 and ink < 20, f"the figures are red in the last 30 s: {red} red, {ink} dark")
        s.wait_layout(lambda l: timer(l)["state"] == "finished" and timer(l)["remaining"] == 0, "the end", timeout=20)
        check(timer(s.layout)["shown"] and timer(s.layout)["chimes"] == 0, f"00:00 stays shown, no chime: {timer(s.layout)}")
        # The flash runs on timed frames alone (nothing is touched meanwhile) and ends by itself.
        s.wait_layout(lambda l: not timer(l)["flash"], "the end's flash over")
        check(timer(s.layout)["state"] == "finished", f"still finished: {timer(s.layout)}")
        # The chime back on, one more second: this end chimes, and it is the only one that did.
        s.click_widget("timer.chime")
        s.wait_layout(lambda l: timer(l)["chime"], "the chime on again")
        s.click_widget("timer.custom")
        s.key("ctrl+a")
        s.type("0:01")
        s.key("Return")
        s.wait_layout(lambda l: timer(l)["chimes"] == 1 and timer(l)["state"] == "finished", "the second end, chiming")

        def chimed():
            if not os.path.exists(played):
                return False
            with open(played, "rb") as f:
                return f.read(12)
        head = wait_until(chimed, 10, "the chime played")
        check(head[:4] == b"RIFF" and head[8:12] == b"WAVE", f"a WAV file was played: {head!r}")
        with open(plays) as f:
            count = len(f.read().splitlines())
        check(count == 1, f"the player ran once, at the end with Chime on, not {count} times")
        # After the end (the refusal's status line would ask for frames of its own): a typed time
        # that is not one changes nothing.
        s.click_widget("timer.custom")
        s.key("ctrl+a")
        s.type("abc")
        s.key("Return")
        refused = s.wait_layout(lambda l: l["status"].startswith("The timer takes"), "the refusal")
        check(refused["status"].endswith(".") and dict(timer(refused), flash=None) == {
            "state": "finished", "remaining": 0, "shown": True, "chime": True, "chimes": 1, "flash": None},
              f"one sentence, the timer as it was: {refused['status']} {timer(refused)}")
    shutil.rmtree(fake, ignore_errors=True)


def test_the_timer_panel_opens_whole_inside_the_window():
    """Covers: time an exercise

    The panel opened 19 ems in from the window's right edge, but it is wider than that (four
    4-em buttons, then Start, +1 min, Reset and Chime): on a 1920-px window its Chime box ran off
    the screen. It now opens with its right edge a margin in from the window's, at UI scale 100 %
    and on a 4K screen at about 200 %."""
    for size, screen in (((1920, 1080), None), ((1280, 800), (3840, 2160))):
        with Session(["--template", "sample"], size=size, screen=screen) as s:
            s.key("shift+t")
            s.wait_widget("timer.chime")
            l = s.layout
            panel, chime, width = l["widgets"]["panel.timer"], l["widgets"]["timer.chime"], l["window"][0]
            check(0 <= panel[0] and panel[2] <= width - 4, f"the panel inside the {width}-px window: {panel}")
            check(panel[0] <= chime[0] and chime[2] <= panel[2], f"the Chime box inside the panel: {chime} in {panel}")
            check(panel[2] >= width - 4 * l["uiScale"] * 16, f"near the right edge: {panel} in {width} px")


if __name__ == "__main__":
    main(globals())
