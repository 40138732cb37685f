"""A hostile or unlucky command line: export never writes over its own board, never replaces a
link, a pipe or a device, and says so when a write fails; every bad option gets one sentence,
exit code 2 and a hint. These need no display (the window is never reached)."""
import contextlib
import os
import shutil
import stat
import subprocess
import tempfile

from jbgui import APP, Session, check, main, png_size, run_cli, wait_until
from test_more_features import fill

HEADLESS = {k: v for k, v in os.environ.items() if k != "DISPLAY"}


def cli(*args):
    return run_cli(*args, env=HEADLESS)


def one_sentence(result, code, *parts):
    """The command failed with `code` and said so in one line ending with '.', holding `parts`."""
    lines = result.stderr.strip().splitlines()
    check(result.returncode == code, f"exit code {result.returncode}, wanted {code}: {result.stderr!r}")
    check(len(lines) == 1 and lines[0].endswith("."), f"one sentence: {result.stderr!r}")
    for part in parts:
        check(part in lines[0], f"{part!r} in {lines[0]!r}")
    return lines[0]


def board(work, name="b.cjm", template="classic"):
    path = os.path.join(work, name)
    check(cli("new", path, "--template", template).returncode == 0, "journeyboard new")
    with open(path, "rb") as f:
        return path, f.read()


def unchanged(path, data, what):
    check(os.path.isfile(path) and not os.path.islink(path), f"{what}: still a regular file")
    with open(path, "rb") as f:
        check(f.read() == data, f"{what}: byte-identical")


@contextlib.contextmanager
def read_only(folder):
    """A folder nobody can add files to, root included (root ignores mode bits: chattr +i)."""
    if os.geteuid() == 0:
        subprocess.run(["chattr", "+i", folder], check=True)
    else:
        os.chmod(folder, 0o555)
    try:
        yield
    finally:
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-i", folder], check=True)
        else:
            os.chmod(folder, 0o755)


def test_export_refuses_to_write_over_its_own_board():
    work = tempfile.mkdtemp()
    path, data = board(work)
    os.symlink(path, os.path.join(work, "link.png"))
    os.link(path, os.path.join(work, "hard.png"))
    for out in (path, os.path.join(work, ".", "b.cjm"), os.path.join(work, "link.png"), os.path.join(work, "hard.png")):
        one_sentence(cli("export", path, "-o", out), 2, "Cannot write", "board being exported")
        unchanged(path, data, out)
    check(os.path.islink(os.path.join(work, "link.png")), "the link is still a link")
    # The other way round: the board named through the link, the output its real name.
    one_sentence(cli("export", os.path.join(work, "link.png"), "-o", path), 2, "board being exported")
    unchanged(path, data, "through the link")
    check(sorted(os.listdir(work)) == ["b.cjm", "hard.png", "link.png"], f"no stray files: {os.listdir(work)}")


def test_export_writes_through_a_symlink_to_its_target():
    work = tempfile.mkdtemp()
    path, _ = board(work)
    os.mkdir(os.path.join(work, "real"))
    real, link = os.path.join(work, "real", "shot.png"), os.path.join(work, "shot.png")
    with open(real, "wb") as f:
        f.write(b"old")
    os.symlink(real, link)
    result = cli("export", path, "-o", link, "--width", 64)
    check(result.returncode == 0, f"export through a link: {result.stderr!r}")
    check(os.path.islink(link) and os.readlink(link) == real, "the link is left a link to the same file")
    check(png_size(real)[0] == 64, "the file it points at is the PNG")
    check(sorted(os.listdir(os.path.join(work, "real"))) == ["shot.png"], "no temp file beside it")
    # A link to a file not there yet: the file is made, the link stays a link.
    dangling = os.path.join(work, "new.png")
    os.symlink(os.path.join("real", "made.png"), dangling)
    check(cli("export", path, "-o", dangling, "--width", 32).returncode == 0, "export through a dangling link")
    check(os.path.islink(dangling) and png_size(os.path.join(work, "real", "made.png"))[0] == 32, "made the file it names")


def test_export_never_replaces_a_pipe_or_a_device():
    work = tempfile.mkdtemp()
    path, data = board(work)
    fifo = os.path.join(work, "pipe.png")
    os.mkfifo(fifo)
    for out in (fifo, "/dev/null", "/dev/full"):
        one_sentence(cli("export", path, "-o", out), 1, "Cannot write " + out, "not a regular file")
    check(stat.S_ISFIFO(os.stat(fifo).st_mode), "the pipe is still a pipe")
    check(stat.S_ISCHR(os.stat("/dev/null").st_mode) and stat.S_ISCHR(os.stat("/dev/full").st_mode),
          "the devices are still devices")
    unchanged(path, data, "the board")
    # A folder in the way is no file either.
    os.mkdir(os.path.join(work, "taken.png"))
    one_sentence(cli("export", path, "-o", os.path.join(work, "taken.png")), 1, "a folder with that name is in the way")


def test_export_into_a_read_only_folder_says_so():
    work = tempfile.mkdtemp()
    path, _ = board(work)
    locked = os.path.join(work, "locked")
    os.mkdir(locked)
    if os.geteuid() == 0 and not shutil.which("chattr"):
        print("skipped: root without chattr (e2fsprogs) cannot make a read-only folder")
        return
    with open(os.path.join(locked, "old.png"), "wb") as f:
        f.write(b"old")
    with read_only(locked):
        # The reason in the same plain words a board save into that folder gets.
        saved = one_sentence(cli("new", os.path.join(locked, "b.cjm")), 1, "Cannot save")
        reason = saved.split(": ", 2)[2]
        for name in ("new.png", "old.png"):
            one_sentence(cli("export", path, "-o", os.path.join(locked, name), "--width", 64), 1,
                         "Cannot write " + os.path.join(locked, name) + ": " + reason)
    check(sorted(os.listdir(locked)) == ["old.png"], f"nothing added: {os.listdir(locked)}")
    with open(os.path.join(locked, "old.png"), "rb") as f:
        check(f.read() == b"old", "the old file is left as it was")


def test_export_onto_a_full_disk_says_so_and_leaves_the_old_file():
    """A real full disk: a 16 KiB tmpfs in a private mount namespace (root only, gone with it). In
    one band, and in bands of 16 rows, where the disk fills while a band waits for a workspace."""
    work = tempfile.mkdtemp()
    path, _ = board(work, template="sample")
    full = os.path.join(work, "full")
    os.mkdir(full)
    script = ('mount -t tmpfs -o size=16k tmpfs "$1" || exit 99; printf old > "$1/old.png"; '
              'for name in new old; do "$2" export "$3" -o "$1/$name.png" --width 800; echo "rc=$?"; done; '
              'echo "old=$(cat "$1/old.png")"; echo "files=$(ls -A "$1" | tr "\\n" " ")"')
    for band in ("", "16"):
        env = dict(HEADLESS, JB_EXPORT_BAND=band)
        result = subprocess.run(["unshare", "-m", "sh", "-c", script, "sh", full, APP, path], env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=120)
        if result.returncode == 99 or "rc=" not in result.stdout:
            print(f"skipped: no private tmpfs here ({result.stderr.strip()})")
            return
        lines = result.stderr.strip().splitlines()
        for name, line in zip(("new", "old"), lines):
            check(line == f"journeyboard: Cannot write {full}/{name}.png: the disk is full.",
                  f"one sentence (bands {band or 'default'}): {line!r}")
        check(len(lines) == 2, f"one line each: {lines!r}")
        check(result.stdout.split() == ["rc=1", "rc=1", "old=old", "files=old.png"],
              f"old file kept, no temp: {result.stdout!r}")


def test_export_width_out_of_range_or_not_a_number_gets_one_message():
    work = tempfile.mkdtemp()
    path, _ = board(work)
    out = os.path.join(work, "out.png")
    messages = set()
    for width in ("0", "1", "15", "32769", "99999999", "99999999999999999999", "-5", "16.5", "1e3", "abc", " 64"):
        messages.add(one_sentence(cli("export", path, "-o", out, "--width", width), 2, "--width", "16 to 32768"))
    check(len(messages) == 1, f"one message for every bad width: {messages}")
    check(not os.path.exists(out), "nothing written")
    check(cli("export", path, "-o", out, "--width", "16").returncode == 0, "--width 16, the smallest, works")
    check(png_size(out)[0] == 16, "16 px wide")


def test_an_option_given_twice_is_refused():
    work = tempfile.mkdtemp()
    path, data = board(work)
    a, b = os.path.join(work, "a.png"), os.path.join(work, "b.png")
    for args in (("export", path, "-o", a, "-o", b), ("export", path, "-o", a, "--output", b),
                 ("export", path, "-o", a, "--width", "64", "--width", "64"),
                 ("new", os.path.join(work, "n.cjm"), "--template", "blank", "--template", "sample"),
                 ("--window", "800x600", "--window", "900x700"),
                 ("--dump-layout", a, "--dump-layout", b),
                 ("--autosave-seconds", "5", "--autosave-seconds", "6")):
        one_sentence(cli(*args), 2, "given twice")
    check(sorted(os.listdir(work)) == ["b.cjm"], f"nothing written: {os.listdir(work)}")
    unchanged(path, data, "the board")


def test_unknown_options_and_missing_values_get_one_sentence_and_a_hint():
    work = tempfile.mkdtemp()
    path, _ = board(work)
    out = os.path.join(work, "out.png")
    for args in (("export", path, "-o", out, "--colour", "red"), ("new", os.path.join(work, "n.cjm"), "-x"),
                 ("--no-such-option",), (path, "--fullscreen")):
        one_sentence(cli(*args), 2, "unknown option", "journeyboard --help")
    for args in (("export", path, "-o"), ("export", path, "-o", out, "--width"), ("new", os.path.join(work, "n.cjm"), "--template"),
                 ("--window",), ("--dump-layout",), ("--autosave-seconds",), ("export", path, "-o", "")):
        one_sentence(cli(*args), 2, "needs a value", "journeyboard --help")
    for args in (("export", path, out, "-o", out), ("new", "a.cjm", "b.cjm"), (path, path)):
        one_sentence(cli(*args), 2, "unexpected argument", "journeyboard --help")
    one_sentence(cli("export", path), 2, "journeyboard export FILE.cjm -o OUT.png")
    one_sentence(cli("new"), 2, "journeyboard new OUT.cjm")
    for bad in ("0x600", "800x0", "800", "x", "800x600x1", "99999999x600"):
        one_sentence(cli("--window", bad), 2, "--window needs a size like 1600x1000")
    for bad in ("0", "-1", "1.5", "soon"):
        one_sentence(cli("--autosave-seconds", bad), 2, "--autosave-seconds")
    check(sorted(os.listdir(work)) == ["b.cjm"], f"nothing written: {os.listdir(work)}")


def test_window_options_before_a_command_are_refused_not_ignored():
    work = tempfile.mkdtemp()
    path, _ = board(work)
    out = os.path.join(work, "out.png")
    one_sentence(cli("--debug", "export", path, "-o", out), 2, "'--debug' is for the window, not for 'export'")
    one_sentence(cli("--window", "800x600", "new", os.path.join(work, "n.cjm")), 2, "'--window' is for the window")
    one_sentence(cli(path, "thumbnail", path, out, "64"), 2, "is for the window, not for 'thumbnail'")
    check(sorted(os.listdir(work)) == ["b.cjm"], f"nothing written: {os.listdir(work)}")


def test_dump_layout_never_writes_over_the_board_a_pipe_or_a_device():
    work = tempfile.mkdtemp()
    path, data = board(work)
    fifo = os.path.join(work, "pipe.json")
    os.mkfifo(fifo)
    one_sentence(cli(path, "--dump-layout", path), 2, "Cannot write " + path, "board being opened")
    for out in (fifo, "/dev/null"):
        one_sentence(cli(path, "--dump-layout", out), 2, "Cannot write " + out, "not a regular file")
    one_sentence(cli(path, "--dump-layout", os.path.join(work, "no", "dump.json")), 2, "does not exist")
    unchanged(path, data, "the board")
    check(stat.S_ISFIFO(os.stat(fifo).st_mode), "the pipe is still a pipe")


def test_the_export_dialog_refuses_the_boards_own_file():
    """Covers: export PNG… (region, width or scale, background, with progress and Cancel)

    A .png name that is a link to the board (the dialog adds .png to any other name) is refused
    with one sentence and the board file is left as it was."""
    work = tempfile.mkdtemp()
    path, data = board(work)
    link = os.path.join(work, "shot.png")
    os.symlink(path, link)
    with Session(args=[path]) as s:
        s.key("ctrl+e")
        s.wait_dialog("Export")
        s.click_widget("export.browse")  # the file dialog chooses the file; Export writes it
        s.wait_dialog("Export PNG")
        fill(s, "file.name", link)
        s.wait_dialog("Export")
        s.click_widget("export.go")
        text = s.wait_error()
        check("Cannot write " + link in text and "own file" in text and text.endswith("."), f"one sentence: {text!r}")
    unchanged(path, data, "the board")
    check(os.path.islink(link), "the link is still a link")


def test_a_failing_layout_dump_says_so_once_and_recovers():
    """Covers: select

    A folder put where the --dump-layout file goes: one sentence on stderr however many frames
    fail, the app keeps running, and the dump comes back once the way is clear."""
    with Session(["--template", "sample"]) as s:  # the sample board: notes to select
        os.remove(s.dump)
        os.mkdir(s.dump)
        s.key("ctrl+a")  # each changes what the dump would say: a new attempt to write it
        wait_until(lambda: "Cannot write" in s.output(), 10, "the dump's failure reported")
        s.key("Escape")
        s.key("ctrl+a")
        os.rmdir(s.dump)
        s.key("Escape")
        s.wait_layout(lambda l: not l["selection"], "the dump written again")
        s.key("ctrl+a")
        layout = s.wait_layout(lambda l: len(l["selection"]) > 0, "and kept up to date")
        check(len(layout["selection"]) == len(layout["notes"]), "ctrl+a selected every note")
        failures = [line for line in s.output().splitlines() if "Cannot write" in line]
        check(failures == [f"journeyboard: Cannot write {s.dump}: a folder with that name is in the way."],
              f"one sentence, once: {failures!r}")
        s.key("ctrl+q")
        check(s.wait_exit() == 0, "quits cleanly")


if __name__ == "__main__":
    main(globals())
