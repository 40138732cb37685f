"""`journeyboard thumbnail FILE.cjm OUT.png SIZE`, the freedesktop thumbnailer's command: the whole
board fitted into SIZE x SIZE with its shape kept, drawn by the export's renderer (so the pixels
are the board's colours), and no file at all when the board cannot be read. Needs no display."""
import os
import tempfile

from jbgui import check, main, pixel, png_size, read_png, run_cli

from test_hostile_cli import HEADLESS, one_sentence

CANVAS = (236, 238, 241)  # kBackgroundRgb as 8-bit


def cli(*args):
    return run_cli(*args, env=HEADLESS)


def sample(work):
    path = os.path.join(work, "sample.cjm")
    check(cli("new", path, "--template", "sample").returncode == 0, "journeyboard new --template sample")
    return path


def test_thumbnail_fits_the_board_into_size_and_draws_what_export_draws():
    work = tempfile.mkdtemp()
    board = sample(work)
    thumb, exported = os.path.join(work, "thumb.png"), os.path.join(work, "export.png")
    result = cli("thumbnail", board, thumb, "256")
    check(result.returncode == 0 and result.stderr == "", f"thumbnail: {result.stderr!r}")
    width, height, channels, rows = read_png(thumb)
    # The sample board is wider than tall: 256 wide, the height from its shape.
    check(width == 256 and 100 < height < 256, f"fitted into 256x256: {width}x{height}")
    check(cli("export", board, "-o", exported, "--width", "256").returncode == 0, "export --width 256")
    check(read_png(exported) == (width, height, channels, rows), "the same pixels as export --width 256")
    check(pixel(rows, channels, 0, 0) == CANVAS, f"canvas grey at the corner: {pixel(rows, channels, 0, 0)}")
    colours = {rows[y][x * channels:x * channels + 3] for y in range(height) for x in range(width)}
    check(len(colours) > 50, f"the board's notes and curve in colour, not a blank: {len(colours)} colours")
    for size in ("1", "64", "1000"):
        check(cli("thumbnail", board, thumb, size).returncode == 0, f"thumbnail at {size}")
        w, h = png_size(thumb)
        check(w == int(size) and h <= int(size), f"longest side {size}: {w}x{h}")


def test_a_tall_board_gets_size_on_its_height():
    work = tempfile.mkdtemp()
    table = os.path.join(work, "tall.csv")
    with open(table, "w", encoding="utf-8") as f:
        f.write(",Only stage\n" + "".join(f"Lane {i},note {i}\n" for i in range(12)))
    board, thumb = os.path.join(work, "tall.cjm"), os.path.join(work, "tall.png")
    check(cli("import-table", table, "-o", board).returncode == 0, "a one-stage, twelve-lane board")
    check(cli("thumbnail", board, thumb, "128").returncode == 0, "thumbnail of a tall board")
    w, h = png_size(thumb)
    check(h == 128 and w < 64, f"128 high, narrow: {w}x{h}")


def test_a_board_that_cannot_be_read_leaves_no_thumbnail():
    work = tempfile.mkdtemp()
    thumb = os.path.join(work, "thumb.png")
    corrupt = os.path.join(work, "corrupt.cjm")
    with open(corrupt, "wb") as f:
        f.write(b'{"format": "journeyboard", "formatVersion": 1, "board": {"stages": [' + b"\xff" * 64)
    one_sentence(cli("thumbnail", corrupt, thumb, "256"), 1)
    one_sentence(cli("thumbnail", os.path.join(work, "missing.cjm"), thumb, "256"), 1, "no such file")
    check(os.listdir(work) == ["corrupt.cjm"], f"no output and no temp file: {os.listdir(work)}")
    # An older thumbnail stays as it was: good data is never replaced by bad.
    with open(thumb, "wb") as f:
        f.write(b"old")
    one_sentence(cli("thumbnail", corrupt, thumb, "256"), 1)
    with open(thumb, "rb") as f:
        check(f.read() == b"old", "the old file kept")


def test_a_bad_size_or_missing_argument_gets_one_sentence():
    work = tempfile.mkdtemp()
    board = sample(work)
    thumb = os.path.join(work, "thumb.png")
    for size in ("0", "-1", "4097", "1.5", "big", " 64"):
        one_sentence(cli("thumbnail", board, thumb, size), 2, "1 to 4096")
    one_sentence(cli("thumbnail", board, thumb), 2, "journeyboard thumbnail FILE.cjm OUT.png")
    one_sentence(cli("thumbnail", board, thumb, "64", "extra"), 2, "unexpected argument 'extra'")
    one_sentence(cli("thumbnail", board, board, "64"), 2, "it is the board being exported")
    check(sorted(os.listdir(work)) == ["sample.cjm"], f"nothing written: {os.listdir(work)}")
    help_text = cli("thumbnail", "--help")
    check(help_text.returncode == 0 and "SIZE" in help_text.stdout and help_text.stderr == "", "thumbnail --help")


if __name__ == "__main__":
    main(globals())
