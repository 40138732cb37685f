"""Exports: the command line's regions, sizes and backgrounds; tiles that join with no seams; the
Export dialog (Ctrl+E); snapshots (Ctrl+Shift+E) into snapshots/ with unique names; Cancel."""
import json
import math
import os
import pty
import re
import shutil
import struct
import subprocess
import tempfile
import time
import zlib

from jbgui import APP, Session, check, english_env, main, pixel, png_rect, png_size, read_png, run_cli, wait_until
from test_limits import board_with
from test_more_features import board_file, complete_png

CANVAS = (236, 238, 241)  # kBackgroundRgb as 8-bit


def export(board, out, *options, env=None):
    result = run_cli("export", board, "-o", out, *options, env=env)
    check(result.returncode == 0 and result.stderr == "", f"export {options}, quiet when piped: {result.stderr!r}")
    return read_png(out)


def png_strips(path, column_ranges, row_range):
    """Streams a PNG (filter type 0 rows, as ours are) once and returns, for each range of columns,
    the bytes of those pixels on every row, and the whole rows of `row_range`: strips of a huge
    image without holding all of it."""
    with open(path, "rb") as f:
        data = f.read()
    pos, inflate, pending, y = 8, zlib.decompressobj(), b"", 0
    columns, rows = [[] for _ in column_ranges], []
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
            channels = 3 if header[3] == 2 else 4
            stride = header[0] * channels + 1
        elif kind == b"IDAT":
            pending += inflate.decompress(body)
            start = 0
            while len(pending) - start >= stride:
                check(pending[start] == 0, "rows are written unfiltered")
                for strip, r in zip(columns, column_ranges):
                    strip.append(pending[start + 1 + r.start * channels:start + 1 + r.stop * channels])
                if y in row_range:
                    rows.append(pending[start + 1:start + stride])
                start += stride
                y += 1
            pending = pending[start:]
    return columns, rows


def test_cli_exports_every_region_and_background():
    """Covers: export PNG… (region, width or scale, background, with progress and Cancel)

    board, view (the whole board on the command line), stage:NAME and --scale give the sizes they
    should; canvas, white and transparent backgrounds; transparent is alpha 0 outside the board
    and opaque on it."""
    work = tempfile.mkdtemp()
    board = board_file(work, "sample.cjm", "sample")
    out = os.path.join(work, "out.png")
    w, h, channels, rows = export(board, out, "--width", 600)
    check((w, channels) == (600, 3) and pixel(rows, 3, 0, 0) == CANVAS, f"canvas: {w}×{h}, {pixel(rows, 3, 0, 0)}")
    board_bytes = open(out, "rb").read()
    export(board, out, "--width", 600, "--region", "view", "--reveal")
    check(open(out, "rb").read() == board_bytes, "view is the whole board on the command line")
    w, h, _, rows = export(board, out, "--width", 600, "--background", "white")
    check(pixel(rows, 3, 0, 0) == (255, 255, 255) and pixel(rows, 3, w - 1, h - 1) == (255, 255, 255), "white")
    w, h, channels, rows = export(board, out, "--width", 600, "--background", "transparent")
    check(channels == 4, "transparent is RGBA")
    alpha = lambda x, y: rows[y][x * 4 + 3]
    edges = [alpha(x, y) for x in range(w) for y in (0, h - 1)] + [alpha(x, y) for y in range(h) for x in (0, w - 1)]
    check(max(edges) == 0, "alpha 0 all around the board")
    opaque = sum(1 for y in range(0, h, 4) for x in range(0, w, 4) if alpha(x, y) == 255)
    check(opaque > (w // 4) * (h // 4) // 2, f"the board itself is opaque ({opaque} samples)")
    check(alpha(w // 2, h // 2) == 255, "the middle of the grid is opaque")
    sw, sh, _, _ = export(board, out, "--width", 300, "--region", "stage:Decision")
    check(sw == 300 and sh > 2 * sw, f"one stage is a tall column: {sw}×{sh}")
    one = export(board, out, "--scale", "0.5")[:2]
    two = export(board, out, "--scale", "1")[:2]
    check(abs(two[0] - 2 * one[0]) <= 1 and abs(two[1] - 2 * one[1]) <= 2, f"scale: {one} vs {two}")
    result = run_cli("export", board, "-o", out, "--region", "stage:Nowhere")
    check(result.returncode == 1 and "no stage named 'Nowhere'" in result.stderr and
          result.stderr.strip().endswith("."), f"an unknown stage: {result.stderr!r}")



def test_cli_export_draws_the_sketches_of_a_version_3_file():
    """Covers: export PNG… (region, width or scale, background, with progress and Cancel)

    The frozen version 3 sample (tests/fixtures/v3) has a red pen stroke around a cell, a free
    remark in dark red above the grid's left edge and a frame beside the grid: the whole-board
    export takes them all in (the image grows to hold the remark and the frame) and draws them in
    their colours; the same board without its sketches has none of those pixels."""
    import json
    work = tempfile.mkdtemp()
    fixture = os.path.join(os.path.dirname(__file__), "..", "fixtures", "v3", "sample.cjm")
    plain = os.path.join(work, "plain.cjm")
    data = json.load(open(fixture, encoding="utf-8"))
    for key in ("strokes", "arrows", "frames", "labels"):
        data["board"][key] = []
    json.dump(data, open(plain, "w", encoding="utf-8"))
    sketched_png, plain_png = os.path.join(work, "sketched.png"), os.path.join(work, "plain.png")
    w, h, _, rows = export(fixture, sketched_png, "--width", 1600)
    pw, ph, _, plain_rows = export(plain, plain_png, "--width", 1600)

    def near(rows, width, height, rgb, tolerance=40):
        return sum(1 for y in range(0, height, 2) for x in range(0, width, 2)
                   if all(abs(a - b) <= tolerance for a, b in zip(pixel(rows, 3, x, y), rgb)))

    stroke, remark = (0xd9, 0x26, 0x26), (0xb9, 0x1c, 0x1c)
    check(h / w > ph / pw * 1.02 or w == pw and h > ph, f"the export grows to hold the sketches: {w}×{h} vs {pw}×{ph}")
    red = near(rows, w, h, stroke, 25) + near(rows, w, h, remark, 25)
    plain_red = near(plain_rows, pw, ph, stroke, 25) + near(plain_rows, pw, ph, remark, 25)
    check(red > plain_red + 200, f"the pen stroke and the remark are drawn: {red} red samples, {plain_red} without")


def test_cli_refuses_bad_values_with_one_sentence():
    """Covers: export PNG… (region, width or scale, background, with progress and Cancel)"""
    work = tempfile.mkdtemp()
    board = board_file(work, "b.cjm", "blank")
    out = os.path.join(work, "out.png")
    for options, words in [(["--width", "0"], "--width must be"), (["--width", "40000"], "--width must be"),
                           (["--scale", "0"], "--scale must be"), (["--scale", "abc"], "--scale must be"),
                           (["--scale", "65"], "--scale must be"), (["--width", "800", "--scale", "1"], "not both"),
                           (["--region", "everything"], "--region must be"), (["--region", "stage:"], "--region must be"),
                           (["--region", "selection"], "needs a selection"),
                           (["--background", "pink"], "--background must be"),
                           (["--reveal", "--reveal"], "given twice"), (["--region"], "needs a value")]:
        result = run_cli("export", board, "-o", out, *options)
        text = result.stderr.strip()
        check(result.returncode == 2 and words in text and text.count("\n") == 0 and text.endswith("."),
              f"{options}: exit {result.returncode}, {text!r}")
        check(not os.path.exists(out), f"{options}: no file")


def test_cli_progress_on_a_terminal():
    """Covers: export PNG… (region, width or scale, background, with progress and Cancel)

    With stderr on a terminal (a pty) the export says "tile n of m" and "encoding" as it goes."""
    work = tempfile.mkdtemp()
    board = board_file(work, "sample.cjm", "sample")
    primary, secondary = pty.openpty()
    process = subprocess.Popen([APP, "export", board, "-o", os.path.join(work, "out.png"), "--width", "2000"],
                               stdout=subprocess.PIPE, stderr=secondary, env=dict(os.environ, JB_EXPORT_TILE="512"))
    os.close(secondary)
    shown = b""
    while True:
        try:
            chunk = os.read(primary, 4096)
        except OSError:  # the pty closed with the process
            break
        if not chunk:
            break
        shown += chunk
    check(process.wait(timeout=60) == 0, f"exported: {shown!r}")
    text = shown.decode("utf-8", "replace")
    check(re.search(r"tile \d+ of 12", text) and "encoding" in text, f"progress on the terminal: {text!r}")


def test_15360_wide_is_exact_and_tiles_join_without_seams():
    """Covers: export PNG… (region, width or scale, background, with progress and Cancel)

    The sample board at 15360 px (4096 px tiles) is exactly 15360 wide. Rendered again in 1000 px
    tiles (the same camera, JB_EXPORT_TILE), the strips across each image's tile borders — which lie
    inside a single tile of the other — are the same pixels, within 1 level (llvmpipe rounds an
    anti-aliased edge's coverage a little differently at another offset: away from any border too,
    ~0.1 % of values differ by 1; measured once, 1 value in 550,000 by 2). A seam would be a whole
    line of differences or a gap."""
    work = tempfile.mkdtemp()
    board = board_file(work, "sample.cjm", "sample")
    big, small = os.path.join(work, "big.png"), os.path.join(work, "small.png")
    for path, env in ((big, None), (small, dict(os.environ, JB_EXPORT_TILE="1000"))):
        result = run_cli("export", board, "-o", path, "--width", 15360, env=env)
        check(result.returncode == 0, result.stderr)
    width, height = png_size(big)
    check(width == 15360 and png_size(small) == (width, height), f"{width}×{height}, {png_size(small)}")
    def compare(a, b, what):
        check(len(a) == len(b) and a, f"{what}: as many rows")
        differences = [abs(p - q) for ra, rb in zip(a, b) for p, q in zip(ra, rb)]
        over = sum(1 for d in differences if d > 1)
        check(over <= len(differences) // 10000 and max(differences) <= 3,
              f"{what}: {over} of {len(differences)} values differ by more than 1 (at most {max(differences)})")

    # Across the 4096 px tiles' borders (columns and the band border at row 4096) and the 1000 px ones.
    ranges = [range(4090, 4102), range(8186, 8198), range(994, 1006), range(11994, 12006)]
    columns_big, rows_big = png_strips(big, ranges, range(4090, 4102))
    columns_small, rows_small = png_strips(small, ranges, range(4090, 4102))
    for r, a, b in zip(ranges, columns_big, columns_small):
        check(len(a) == height, "every row")
        compare(a, b, f"columns {r.start}..{r.stop}")
    compare(rows_big, rows_small, "rows 4090..4101")


def test_small_tiles_draw_the_same_board_as_one_tile():
    """Covers: export PNG… (region, width or scale, background, with progress and Cancel)

    Each tile's draw list holds only what touches the tile (culled): the sample board in one tile
    and in 100 px tiles (JB_EXPORT_TILE, ~100 tiles, notes cut by many borders) are the same
    picture, within anti-aliasing (a channel value off by at most 3 where a tile edge crosses an
    anti-aliased edge; no note, line or letter lost)."""
    work = tempfile.mkdtemp()
    board = board_file(work, "sample.cjm", "sample")
    whole, tiled = os.path.join(work, "whole.png"), os.path.join(work, "tiled.png")
    w, h, _, one = export(board, whole, "--width", 1200)
    check(h <= 1024, f"one band at 1200 px wide: {w}×{h}")
    _, _, _, many = export(board, tiled, "--width", 1200, env=dict(english_env(), JB_EXPORT_TILE="100"))
    differences = [abs(p - q) for a, b in zip(one, many) for p, q in zip(a, b) if p != q]
    check(len(one) == len(many) and (not differences or max(differences) <= 3) and len(differences) < w * h * 3 // 1000,
          f"{len(differences)} values differ (at most {max(differences, default=0)})")


def test_what_notes_draw_past_their_edges_survives_any_tiling():
    """Covers: export PNG… (region, width or scale, background, with progress and Cancel)

    A tile draws only the notes whose reach (render.h, NoteReach) comes near it, and an export's
    bands end between notes: vote badges rising 24 units above a note, dots, an overdue action's
    outline and the shadows are drawn whole whichever tile they fall in. Notes of the v3 sample
    given badges, dots and past due dates, the whole board and a stage at twice its size, in one
    tile and in tiles of 23 and 37 px (JB_EXPORT_TILE, a tile edge across nearly every badge):
    the same picture within anti-aliasing."""
    work = tempfile.mkdtemp()
    fixture = os.path.join(os.path.dirname(__file__), "..", "fixtures", "v3", "sample.cjm")
    data = json.load(open(fixture, encoding="utf-8"))
    notes = data["board"]["notes"]
    for n, note in enumerate(notes):
        note["votes"] = (0, 3, 12, 150)[n % 4]
        note["due"] = "2000-01-01" if n % 3 == 0 else ""
        note["owner"] = "Ana" if n % 3 == 0 else note["owner"]
    board = os.path.join(work, "marks.cjm")
    json.dump(data, open(board, "w", encoding="utf-8"))
    stage = data["board"]["stages"][1]["name"]
    for n, options in enumerate((("--width", "1400"), ("--scale", "2", "--region", f"stage:{stage}"))):
        whole = os.path.join(work, f"whole{n}.png")
        w, h, _, one = export(board, whole, *options)
        for tile in ("23", "37"):
            tiled = os.path.join(work, f"tiled{n}-{tile}.png")
            _, _, _, many = export(board, tiled, *options, env=dict(english_env(), JB_EXPORT_TILE=tile))
            differences = [abs(p - q) for a, b in zip(one, many) for p, q in zip(a, b) if p != q]
            check(len(one) == len(many) and (not differences or max(differences) <= 3)
                  and len(differences) < w * h * 3 // 1000,
                  f"{options} in {tile} px tiles: {len(differences)} values differ "
                  f"(at most {max(differences, default=0)})")


def test_clearing_to_the_cells_colour_draws_the_pixels_filling_them_did():
    """Covers: export PNG… (region, width or scale, background, with progress and Cancel)

    An opaque export clears its tiles to the cells' colour and paints the page around the grid
    instead of filling every cell over the page (render.h, pageAroundClearedCells): the file is
    byte for byte the one filling them writes (JB_EXPORT_FILL_CELLS=1), on the canvas's background
    and on white, for the whole board (the v3 sample, its frame moved beside the grid: a stroke
    over the grid, a remark above it), a stage, and in tiles of 101 px; and with the frame over the
    cells, which they cover, so that export fills them."""
    work = tempfile.mkdtemp()
    fixture = os.path.join(os.path.dirname(__file__), "..", "fixtures", "v3", "sample.cjm")
    data = json.load(open(fixture, encoding="utf-8"))
    stage = data["board"]["stages"][1]["name"]
    sample, covered = os.path.join(work, "beside.cjm"), os.path.join(work, "covered.cjm")
    for path, rect in ((sample, (4000, 80, 4500, 420)), (covered, (300, 300, 900, 700))):
        data["board"]["frames"][0]["rect"] = dict(zip(("x0", "y0", "x1", "y1"), map(float, rect)))
        json.dump(data, open(path, "w", encoding="utf-8"))
    cases = [(sample, ("--width", "2000")), (sample, ("--width", "1203", "--background", "white")),
             (sample, ("--width", "800", "--region", f"stage:{stage}")), (covered, ("--width", "1203"))]
    for n, (board, options) in enumerate(cases):
        for env in (english_env(), dict(english_env(), JB_EXPORT_TILE="101")):
            cleared, filled = os.path.join(work, f"cleared{n}.png"), os.path.join(work, f"filled{n}.png")
            export(board, cleared, *options, env=env)
            export(board, filled, *options, env=dict(env, JB_EXPORT_FILL_CELLS="1"))
            with open(cleared, "rb") as a, open(filled, "rb") as b:
                check(a.read() == b.read(), f"{os.path.basename(board)} {options} "
                      f"{'in 101 px tiles ' if 'JB_EXPORT_TILE' in env else ''}: the same file either way")


def test_the_four_pixel_rgb_copy_writes_the_bytes_of_the_plain_one():
    """Covers: export PNG… (region, width or scale, background, with progress and Cancel)

    An opaque export drops each pixel's alpha on its way into the PNG's rows, four pixels a step
    where the processor can (png_export.cpp). Tiles of 101 px (the last one 92) end rows at every
    place in a step: the file is byte for byte the one the one-pixel-a-step copy writes
    (JB_EXPORT_SCALAR_COPY), and every chunk's CRC is right."""
    work = tempfile.mkdtemp()
    board = board_file(work, "sample.cjm", "sample")
    for width in (1203, 1206, 17):
        fast, plain = os.path.join(work, f"fast{width}.png"), os.path.join(work, f"plain{width}.png")
        tiles = dict(english_env(), JB_EXPORT_TILE="101")
        export(board, fast, "--width", width, env=tiles)
        export(board, plain, "--width", width, env=dict(tiles, JB_EXPORT_SCALAR_COPY="1"))
        checked_png(fast)
        with open(fast, "rb") as a, open(plain, "rb") as b:
            check(a.read() == b.read(), f"{width} px wide: the same file either way")


def test_lane_names_wrap_by_the_bold_face_clear_of_the_chevron():
    """Covers: export PNG… (region, width or scale, background, with progress and Cancel)

    A lane's name is bold and wraps inside its name box (Layout::LaneNameBox), which ends left of
    the ▾ that collapses the lane, in exports too. The lines break by the bold face's own widths:
    by the regular face's, "Moments of delight" ran past the box and was cut ("deligh"). So no
    name has ink in the last columns of its box, where a cut line would end."""
    work = tempfile.mkdtemp()
    board = board_file(work, "sample.cjm", "sample")
    with Session(args=[board]) as s:
        layout = s.layout
    w, h, channels, rows = export(board, os.path.join(work, "names.png"), "--width", 2400)
    names = 0
    for lane in layout["lanes"]:
        check(lane["nameBox"][2] < lane["chevron"][0], f"{lane['name']}: the name box ends left of the ▾")
        x0, y0, x1, y1 = png_rect(layout, lane["nameBox"], w, h)
        chevron = png_rect(layout, lane["chevron"], w, h)
        unit = (chevron[3] - chevron[1]) / 26  # the ▾ is 26 units tall (Layout::LaneChevron)
        fill = pixel(rows, channels, x1 + 2 * unit, y0 + 2 * unit)  # right of the box: no ▾ in an export
        # The first line and a half of the name (17 units a line, at 1.2): above the emotions legend.
        edge = [(x, y) for x in range(int(x1) - 3, int(x1)) for y in range(int(y0), int(y0 + 30 * unit))]
        cut = [p for p in edge if max(abs(a - b) for a, b in zip(pixel(rows, channels, *p), fill)) > 24]
        check(not cut, f"{lane['name']!r}: {len(cut)} inked pixels at its box's right edge (a line cut short)")
        names += 1
    check(names >= 7, f"{names} lanes checked")


def board_with_note_text(work, text):
    """The sample board with its first note in a cell holding only `text` (no votes nor footer):
    the board's path, its --dump-layout and that note's entry there."""
    target = []

    def only_text(board):
        note = next(n for n in board["notes"] if n["stage"] and n["lane"] and n["text"])
        note.update(text=text, votes=0, tags=[], owner="", due="")
        target.append(note["id"])
    board = board_with(work, "note.cjm", "sample", only_text)
    with Session(args=[board]) as s:
        layout = s.layout
    return board, layout, next(n for n in layout["notes"] if n["id"] == target[0])


def test_dashes_and_hyphens_stay_in_text_drawn_below_its_baked_size():
    """Covers: export PNG… (region, width or scale, background, with progress and Cancel)

    Text drawn smaller than its baked size shrinks every glyph: a dash or hyphen baked one pixel
    tall (rows 8 to 9 of its line in the 14 px bake, from a whole-pixel origin) is 0.72 px at
    10.05 px (the 14 px bake still draws it: the next smaller is 10) and lies between two pixel
    centres, so it was not drawn at all: "as-is" read "as is" in the emotions legend at the fitted
    zoom. Such glyphs now take half a texel of the atlas' padding on each side (fonts.cpp,
    PadThinGlyphs). A note of six lines of dashes and hyphens, exported with its text at 10.05 px:
    every line leaves ink."""
    work = tempfile.mkdtemp()
    board, layout, note = board_with_note_text(work, "\n".join(["\u2014 - \u2014"] * 6))
    check(len(note["lines"]) == 6 and not note["clipped"], f"six lines shown: {note['lines']}")
    ex0, _, ex1, _ = layout["export"]
    width = int(round(10.05 / note["textPx"] * (ex1 - ex0)))
    w, h, channels, rows = export(board, os.path.join(work, "dashes.png"), "--width", width)
    x0, y0, x1, y1 = png_rect(layout, note["rect"], w, h)
    text_px = note["textPx"] * w / (ex1 - ex0)
    check(10.0 < text_px < 10.1, f"the text drawn at {text_px:.2f} px, where such a dash falls between pixel centres")
    fill = pixel(rows, channels, x1 - 6, y1 - 6)
    inked = [y for y in range(int(y0) + 2, int(y1) - 2)
             if any(max(abs(a - b) for a, b in zip(pixel(rows, channels, x, y), fill)) > 40
                    for x in range(int(x0) + 2, int(x1) - 2))]
    runs = sum(1 for i, y in enumerate(inked) if i == 0 or y != inked[i - 1] + 1)
    check(runs >= 6, f"{runs} runs of inked rows in the note for its six lines of dashes (rows {inked})")


def test_small_text_keeps_every_stroke():
    """Covers: export PNG… (region, width or scale, background, with progress and Cancel)

    Text is drawn from the baked size at or above it, scaled down. When the smallest bake was
    14 px, text at 8 px (a 1,000-note board's notes in a 3840-px export, or on screen at the fitted
    zoom) sampled it at 0.57 texels a pixel: one-pixel strokes fell between the samples, and a
    line of twelve "l" at 7 px showed 8 of them, at 8 px none. Bakes at 8 and 10 px too
    (fonts.cpp, kBoardSizes) keep the scaling near 1. Exported with the text at 7, 8 and 9 px,
    every stroke of such a note leaves ink."""
    work = tempfile.mkdtemp()
    board, layout, note = board_with_note_text(work, " ".join(["l"] * 12))
    check(len(note["lines"]) == 1 and not note["clipped"], f"one line shown: {note['lines']}")
    ex0, _, ex1, _ = layout["export"]
    for size in (7.0, 8.0, 9.0):
        width = int(round(size / note["textPx"] * (ex1 - ex0)))
        w, h, channels, rows = export(board, os.path.join(work, f"strokes-{size}.png"), "--width", width)
        x0, y0, x1, y1 = png_rect(layout, note["rect"], w, h)
        fill = pixel(rows, channels, x1 - 4, y1 - 4)
        line = range(int(y0) + 2, int(y0 + (y1 - y0) / 2))
        inked = [any(max(abs(a - b) for a, b in zip(pixel(rows, channels, x, y), fill)) > 50 for y in line)
                 for x in range(int(x0) + 2, int(x1) - 2)]
        strokes = sum(1 for i, ink in enumerate(inked) if ink and (i == 0 or not inked[i - 1]))
        check(strokes == 12, f"text at {size} px: {strokes} of the 12 strokes leave ink")


def tall_board(work):
    """The classic template with every lane as tall as a lane may be (core/model/limits.h): an
    image of it is many times taller than wide."""
    def tall_lanes(board):
        for lane in board["lanes"]:
            lane["height"] = 4000
    return board_with(work, "tall.cjm", "classic", tall_lanes)


def checked_png(path):
    """Decodes a PNG checking what a strict reader checks: the signature, every chunk's CRC, one
    zlib stream (its Adler-32 checked by zlib) that ends exactly with the last row, a filter byte
    of 0 on each row, and IEND last. Returns (width, height, channels, rows)."""
    with open(path, "rb") as f:
        data = f.read()
    check(data[:8] == b"\x89PNG\r\n\x1a\n", f"{path}: the PNG signature")
    pos, inflate, kinds, raw = 8, zlib.decompressobj(), [], []
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        (crc,) = struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])
        check(zlib.crc32(kind + body) == crc, f"{path}: the CRC of {kind} at byte {pos}")
        kinds.append(kind)
        pos += 12 + length
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            check(depth == 8 and colour in (2, 6), f"8-bit RGB or RGBA: {depth}, {colour}")
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            raw.append(inflate.decompress(body))
    check(kinds[0] == b"IHDR" and kinds[-1] == b"IEND" and pos == len(data), f"{path}: chunks {set(kinds)}")
    check(inflate.eof and not inflate.unused_data, f"{path}: one complete zlib stream, its Adler-32 right")
    raw = b"".join(raw)
    stride = width * channels + 1
    check(len(raw) == stride * height, f"{path}: {len(raw)} bytes for {height} rows of {stride}")
    check(all(raw[y * stride] == 0 for y in range(height)), f"{path}: every row unfiltered")
    return width, height, channels, [raw[y * stride + 1:(y + 1) * stride] for y in range(height)]


def test_cli_streams_an_image_taller_than_32768_px():
    """Covers: export PNG… (region, width or scale, background, with progress and Cancel)

    One stage of a board with the tallest lanes, at 1.5 px per unit: an image over 32,768 px tall
    (the old limit), written band by band — a valid PNG whose header says the size, whose every
    row decodes, and whose grid reaches its bottom rows (drawn to the end, not padded)."""
    work = tempfile.mkdtemp()
    board = tall_board(work)
    stage = json.load(open(board, encoding="utf-8"))["board"]["stages"][0]["name"]
    out = os.path.join(work, "tall.png")
    result = run_cli("export", board, "-o", out, "--region", "stage:" + stage, "--scale", "1.5")
    check(result.returncode == 0 and result.stderr == "", f"exported quietly: {result.stderr!r}")
    width, height, channels, rows = checked_png(out)
    check(height > 32768 and height > 20 * width and png_size(out) == (width, height), f"{width}×{height}")
    background = bytes(CANVAS) * width
    drawn = [y for y in range(0, height, 97) if rows[y] != background]
    check(drawn and drawn[-1] > height - 200 and len(drawn) > (height // 97) * 0.9,
          f"the column is drawn from top to bottom: {len(drawn)} of {height // 97} sampled rows, last at {drawn[-1:]}")


def test_cli_scales_down_past_the_pixel_limit_and_says_so():
    """Covers: export PNG… (region, width or scale, background, with progress and Cancel)

    Past the size the user is asked about (400 megapixels; JB_EXPORT_MAX_PIXELS lowers it to 2 here
    so the test stays cheap) the command line scales the image down to fit, keeps its shape and says
    so in one sentence on stderr — never a bare refusal; --scale far past 32,768 px wide too."""
    work = tempfile.mkdtemp()
    board = tall_board(work)
    env = dict(english_env(), JB_EXPORT_MAX_PIXELS="2000000")
    out = os.path.join(work, "fit.png")
    for options in ((), ("--scale", "60")):
        result = run_cli("export", board, "-o", out, *options, env=env)
        text = result.stderr.strip()
        match = re.fullmatch(r"journeyboard: At the size asked for the image would be (\d+) × (\d+) px \([\d,]+ "
                             r"megapixels\), more than image viewers open; it is scaled down to (\d+) × (\d+) px "
                             r"\(2 megapixels\)\.", text)
        check(result.returncode == 0 and match, f"{options}: one sentence, exit {result.returncode}: {text!r}")
        asked_w, asked_h, w, h = map(int, match.groups())
        check(png_size(out) == (w, h) and w * h <= 2000000 and w * h > 1900000, f"{options}: {w}×{h}, {png_size(out)}")
        check(abs(w / h - asked_w / asked_h) < 0.01 * w / h, f"{options}: the shape kept: {asked_w}×{asked_h} → {w}×{h}")
        if options:
            check(asked_w > 32768, f"--scale 60 asks for more than 32768 px wide: {asked_w}")
        else:
            check(asked_w == 3840 and asked_h > 32768, f"3840 wide asks for a tall image: {asked_w}×{asked_h}")
        checked_png(out)


def test_cli_font_atlas_is_baked_once_and_a_bad_cache_is_rebuilt():
    """Covers: export PNG… (region, width or scale, background, with progress and Cancel)

    The first export bakes the fonts and keeps the atlas in $XDG_CACHE_HOME/journeyboard/; the next
    one reads it (the file is not rewritten) and draws the very same pixels as a fresh bake
    (JOURNEYBOARD_FONT_CACHE=0). A cache file with a byte flipped in the middle is ignored and
    rebuilt silently, pixels still the same; a font file touched since makes a new cache file."""
    work = tempfile.mkdtemp()
    board = board_file(work, "sample.cjm", "sample")
    fonts = os.path.join(work, "fonts")
    os.mkdir(fonts)
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        shutil.copy(os.path.join("/usr/share/fonts/truetype/dejavu", name), fonts)
    cache = os.path.join(work, "cache")
    env = dict(english_env(), XDG_CACHE_HOME=cache, JOURNEYBOARD_FONT_DIR=fonts)
    out = os.path.join(work, "out.png")

    def exported(extra=None):
        result = run_cli("export", board, "-o", out, "--width", 400, env=dict(env, **(extra or {})))
        check(result.returncode == 0 and result.stderr == "", f"exported quietly: {result.stderr!r}")
        return read_png(out)[3]

    def cache_files(prefix="atlas-"):  # the renderer's programs (program-*.bin) are kept there too
        folder = os.path.join(cache, "journeyboard")
        return sorted(os.path.join(folder, n) for n in os.listdir(folder) if n.startswith(prefix)) \
            if os.path.isdir(folder) else []

    fresh = exported({"JOURNEYBOARD_FONT_CACHE": "0"})
    check(cache_files("") == [], "JOURNEYBOARD_FONT_CACHE=0 writes no cache")
    check(exported() == fresh, "the first export, baking, draws the same pixels")
    files = cache_files()
    check(len(files) == 1 and re.search(r"atlas-[0-9a-f]{8}\.bin$", files[0]), f"one atlas in the cache: {files}")
    good = open(files[0], "rb").read()
    check(struct.unpack("<I", good[-4:])[0] == zlib.crc32(good[:-4]),
          "the file ends with zlib's CRC-32 of the rest (files of every build check alike)")
    inode = os.stat(files[0]).st_ino
    os.utime(files[0], ns=(10 ** 18, 10 ** 18))  # long ago: a hit renews it, so pruning keeps it
    check(exported() == fresh, "read from the cache: the same pixels")
    check(os.stat(files[0]).st_ino == inode and open(files[0], "rb").read() == good, "the cache was read, not rewritten")
    check(os.stat(files[0]).st_mtime_ns > 10 ** 18, "and its time of use renewed")
    middle = len(good) // 2
    for bad in (good[:middle] + bytes([good[middle] ^ 0x40]) + good[middle + 1:],):
        with open(files[0], "wb") as f:
            f.write(bad)
        check(exported() == fresh, f"a bad cache file ({len(bad)} bytes) is ignored: the same pixels")
        check(open(files[0], "rb").read() == good, "and rebuilt")
    os.utime(os.path.join(fonts, "DejaVuSans.ttf"), ns=(10 ** 18, 10 ** 18))
    check(exported() == fresh and len(cache_files()) == 2, f"a touched font file makes another cache: {cache_files()}")


def cached_export_setup():
    """A sample board, its cache folder (not made yet), an environment using it and an output path."""
    work = tempfile.mkdtemp()
    cache = os.path.join(work, "cache")
    env = dict(english_env(), XDG_CACHE_HOME=cache)
    return board_file(work, "sample.cjm", "sample"), os.path.join(cache, "journeyboard"), env, os.path.join(work, "out.png")


def program_files(folder):
    """The linked programs' binaries kept in the cache folder, by name."""
    names = os.listdir(folder) if os.path.isdir(folder) else []
    return sorted(n for n in names if re.fullmatch(r"program-[0-9a-f]{8}\.bin", n))


def test_cli_shader_programs_are_cached_and_a_bad_one_is_compiled_again():
    """Covers: export PNG… (region, width or scale, background, with progress and Cancel)

    The renderer's three programs, once linked, are kept as the driver's binaries beside the font
    atlases and loaded from there next time (the file is not rewritten), with the same pixels as
    compiling them (JOURNEYBOARD_FONT_CACHE=0, which keeps nothing). A binary with a byte flipped,
    cut short or keyed to another driver is compiled again and replaced, pixels still the same."""
    board, folder, env, out = cached_export_setup()

    def exported(extra=None):
        result = run_cli("export", board, "-o", out, "--width", 400, env=dict(env, **(extra or {})))
        check(result.returncode == 0 and result.stderr == "", f"exported quietly: {result.stderr!r}")
        return read_png(out)[3]

    def programs():
        return [os.path.join(folder, n) for n in program_files(folder)]

    fresh = exported({"JOURNEYBOARD_FONT_CACHE": "0"})
    check(programs() == [], "JOURNEYBOARD_FONT_CACHE=0 keeps no program")
    check(exported() == fresh, "compiled and kept: the same pixels")
    kept = programs()
    check(len(kept) == 3, f"all three programs kept: {kept}")
    good = {path: open(path, "rb").read() for path in kept}
    inodes = {path: os.stat(path).st_ino for path in kept}
    check(exported() == fresh, "loaded from the cache: the same pixels")
    check(all(os.stat(p).st_ino == inodes[p] for p in kept), "the binaries were read, not rewritten")
    for path, data in good.items():
        middle = len(data) - 200  # inside the driver's binary, past our key
        for bad in (data[:middle] + bytes([data[middle] ^ 0x40]) + data[middle + 1:], data[:middle],
                    data.replace(b"llvmpipe", b"otherdrv", 1)):
            with open(path, "wb") as f:
                f.write(bad)
            check(exported() == fresh, f"a bad binary ({len(bad)} bytes) is compiled again: the same pixels")
            check(open(path, "rb").read() == good[path], "and replaced")


def test_cli_atlas_cache_keeps_the_atlases_used_last_within_48_mb():
    """Covers: export PNG… (region, width or scale, background, with progress and Cancel)

    Each UI scale and set of sizes makes an atlas of its own: a bake that writes one drops those
    used longest ago until the folder's atlases fit 48 MB, and a temp file a crash left 10 minutes
    ago; the new atlas, a recent temp file and files of other names stay."""
    work = tempfile.mkdtemp()
    board = board_file(work, "sample.cjm", "sample")
    folder = os.path.join(work, "cache", "journeyboard")
    os.makedirs(folder)
    hour = 3600 * 10 ** 9
    now = os.stat(folder).st_mtime_ns

    def fake(name, mib, age_hours):
        path = os.path.join(folder, name)
        with open(path, "wb") as f:
            f.truncate(mib << 20)  # sparse: the size counts, not the disk
        os.utime(path, ns=(now - age_hours * hour, now - age_hours * hour))
        return name

    old = [fake(f"atlas-0000000{i}.bin", 8, 10 + i) for i in range(8)]  # 64 MB, the oldest last
    recent = fake("atlas-000000aa.bin", 8, 1)
    stale_temp, fresh_temp = fake("atlas-000000bb.bin.tmp123", 1, 2), fake("atlas-000000cc.bin.tmp456", 1, 0)
    other = fake("notes.txt", 1, 100)
    out = os.path.join(work, "out.png")
    result = run_cli("export", board, "-o", out, "--width", 400,
                     env=dict(english_env(), XDG_CACHE_HOME=os.path.join(work, "cache")))
    check(result.returncode == 0 and result.stderr == "", f"exported quietly: {result.stderr!r}")
    left = set(os.listdir(folder))
    new = [n for n in left if re.fullmatch(r"atlas-[0-9a-f]{8}\.bin", n) and n not in old + [recent]]
    check(len(new) == 1, f"the new atlas is kept: {sorted(left)}")
    atlases = [n for n in left if n.startswith("atlas-") and n.endswith(".bin")]
    total = sum(os.path.getsize(os.path.join(folder, n)) for n in atlases)
    check(total <= 48 << 20, f"the atlases fit 48 MB: {total} bytes in {sorted(atlases)}")
    check(recent in left and old[0] in left, f"the atlases used last stay: {sorted(left)}")
    check(old[-1] not in left and old[-2] not in left, f"those used longest ago go: {sorted(left)}")
    kept_old = [n for n in old if n in left]
    check(kept_old == old[:len(kept_old)], f"in order of last use: {kept_old}")
    check(stale_temp not in left and fresh_temp in left and other in left,
          f"a crash's old temp file goes, a recent one and other files stay: {sorted(left)}")


def test_cli_program_cache_keeps_the_programs_used_last_within_1_mb():
    """Covers: export PNG… (region, width or scale, background, with progress and Cancel)

    The renderer's linked programs share the atlases' pruning: a link that writes one drops the
    programs used longest ago until they fit 1 MB, and a temp file a crash left; the new programs,
    one loaded from the cache (used now, so kept however old its file), atlases and other files
    stay."""
    board, folder, env, out = cached_export_setup()

    def export():
        result = run_cli("export", board, "-o", out, "--width", 400, env=env)
        check(result.returncode == 0 and result.stderr == "", f"exported quietly: {result.stderr!r}")

    def programs():
        return program_files(folder)

    export()
    real = programs()
    check(len(real) == 3, f"the export's three programs are kept: {real}")
    hour = 3600 * 10 ** 9
    now = os.stat(folder).st_mtime_ns

    def age(name, hours):
        path = os.path.join(folder, name)
        os.utime(path, ns=(now - hours * hour, now - hours * hour))
        return name

    def fake(name, kib, hours):
        with open(os.path.join(folder, name), "wb") as f:
            f.truncate(kib << 10)
        return age(name, hours)

    # One real program is kept but oldest of all; another is removed, so the next export links it
    # again and prunes.
    loaded, relinked, _ = real
    age(loaded, 500)
    os.remove(os.path.join(folder, relinked))
    old = [fake(f"program-0000000{i}.bin", 200, 10 + i) for i in range(8)]  # 1.6 MB, the oldest last
    stale_temp = fake("program-000000bb.bin.tmp123", 1, 2)
    atlas, other = fake("atlas-000000cc.bin", 300, 600), fake("notes.txt", 1, 100)
    export()
    left = set(os.listdir(folder))
    check(relinked in left and loaded in left, f"the program linked now and the one loaded stay: {sorted(left)}")
    kept = programs()
    total = sum(os.path.getsize(os.path.join(folder, n)) for n in kept)
    check(total <= 1 << 20, f"the programs fit 1 MB: {total} bytes in {kept}")
    kept_old = [n for n in old if n in left]
    check(kept_old and kept_old == old[:len(kept_old)] and old[-1] not in left,
          f"those used longest ago go, in order of last use: {kept_old}")
    check(stale_temp not in left and atlas in left and other in left,
          f"a crash's old temp file goes, atlases and other files stay: {sorted(left)}")


def test_cli_export_bakes_only_the_sizes_it_draws_and_the_same_pixels_as_the_window():
    """Covers: export PNG… (region, width or scale, background, with progress and Cancel)

    The command line bakes the board font only as far as the largest text it draws (found by
    drawing the board once without rendering): the sample board at 3840 gets two atlases in the
    cache, the reference size's and a larger one. Its PNG
    is the window's export (Ctrl+E, 3840, every size baked) pixel for pixel: text larger than the
    sizes baked would be drawn scaled up, and differ."""
    work = tempfile.mkdtemp()
    path = board_file(work, "sizes.cjm", "sample")
    with Session(args=[path]) as s:
        s.key("ctrl+e")
        check(s.wait_dialog("Export").startswith("3840 × "), "3840 by default")
        s.click_widget("export.go")
        png = wait_until(lambda: next((os.path.join(work, n) for n in os.listdir(work) if n.endswith(".png")), None),
                         30, "the PNG")
        wait_until(lambda: complete_png(png), 30, "the whole PNG")
    window = read_png(png)
    cache = os.path.join(work, "cache")
    out = os.path.join(work, "cli.png")
    result = run_cli("export", path, "-o", out, env=dict(english_env(), XDG_CACHE_HOME=cache))
    check(result.returncode == 0 and result.stderr == "", f"exported quietly: {result.stderr!r}")
    check(read_png(out) == window, "the same pixels as the window's export")
    folder = os.path.join(cache, "journeyboard")
    sizes = sorted(os.path.getsize(os.path.join(folder, n)) for n in os.listdir(folder) if n.startswith("atlas-"))
    check(len(sizes) == 2 and sizes[1] > 2 * sizes[0], f"the reference size's atlas and a larger one: {sizes}")
    full = os.path.join(work, "full-cache")
    check(run_cli("thumbnail", path, os.path.join(work, "t.png"), "64", env=dict(english_env(), XDG_CACHE_HOME=full))
          .returncode == 0, "a thumbnail bakes the reference size alone")
    check([n for n in os.listdir(os.path.join(full, "journeyboard")) if n.startswith("atlas-")] ==
          [n for n in os.listdir(folder) if n.startswith("atlas-") and os.path.getsize(os.path.join(folder, n)) == sizes[0]],
          "the same reference atlas as the thumbnail's")


def test_two_snapshots_land_in_snapshots_with_different_names():
    """Covers: quick snapshot into snapshots/ beside the board file

    Two presses in a row: two whole PNGs in snapshots/ beside the saved board, named
    <board>-YYYYMMDD-HHMMSS.png (-2 for the same second); the toast names the last one, and its
    Open folder starts xdg-open on the folder (a stand-in on PATH records what it was given)."""
    work = tempfile.mkdtemp()
    path = board_file(work, "room.cjm", "blank")
    folder = os.path.join(work, "snapshots")
    tools = tempfile.mkdtemp()
    opened = os.path.join(tools, "opened.txt")
    with open(os.path.join(tools, "xdg-open"), "w") as f:
        f.write(f"#!/bin/sh\nprintf '%s' \"$1\" > {opened}\n")
    os.chmod(os.path.join(tools, "xdg-open"), 0o755)
    with Session(args=[path], env={"PATH": tools + os.pathsep + os.environ.get("PATH", "")}) as s:
        s.key("ctrl+shift+e")
        s.key("ctrl+shift+e")
        pngs = wait_until(lambda: (lambda p: p if len(p) == 2 and all(complete_png(os.path.join(folder, n)) for n in p)
                                   else None)(sorted(os.listdir(folder)) if os.path.isdir(folder) else []),
                          30, "two snapshots")
        for name in pngs:
            check(re.fullmatch(r"room-\d{8}-\d{6}(-2)?\.png", name), f"named by time: {name}")
        stamps = [name[:len("room-20260101-093000")] for name in pngs]
        check(stamps[0] != stamps[1] or any(n.endswith("-2.png") for n in pngs), f"the same second gets -2: {pngs}")
        toast = s.wait_layout(lambda l: "toast" in l and l["toast"]["path"].endswith(pngs[-1]) or
                              "toast" in l and l["toast"]["path"].endswith(pngs[0]), "the toast")["toast"]
        check(os.path.dirname(toast["path"]) == folder and toast["path"] in toast["text"], f"the toast: {toast}")
        s.click_widget("toast.open_folder")
        check(wait_until(lambda: os.path.exists(opened) and open(opened).read(), 10, "xdg-open") == folder,
              "Open folder opens the snapshots folder")
    check(sorted(os.listdir(work)) == ["room.cjm", "snapshots"], f"nothing else written: {os.listdir(work)}")


def test_the_apps_export_draws_fills_without_the_atlas():
    """Covers: quick snapshot into snapshots/ beside the board file

    The app exports on a worker with a GL context of its own, sharing the window's font atlas: its
    renderer must know that atlas, or every fill is drawn as an image (the same pixels, far
    slower). The dump's lastExportDraws counts the snapshot's draw calls: fills drawn without the
    atlas among them, and text reading it; a second snapshot (the renderer kept) the same."""
    work = tempfile.mkdtemp()
    path = board_file(work, "fills.cjm", "sample")
    with Session(args=[path]) as s:
        check("lastExportDraws" not in s.layout, "no export yet")
        counts = []
        for _ in range(2):
            before = s.layout.get("status", "")
            s.key("ctrl+shift+e")
            done = s.wait_layout(lambda l: l["status"].startswith("Exported") and l["status"] != before, "the snapshot")
            counts.append(done["lastExportDraws"])
            time.sleep(1.1)  # the next snapshot's name has its own second
    for draws in counts:
        check(draws["fills"] > 0 and draws["textured"] > 0, f"fills without the atlas and text with it: {draws}")
    check(counts[0] == counts[1], f"the same draws for the same board: {counts}")


def test_export_dialog_1920_white():
    """Covers: export PNG… (region, width or scale, background, with progress and Cancel)

    Ctrl+E, 1920 and White: the dialog shows the size before, and the PNG is 1920 wide on white;
    Current view then gives an image of the canvas' shape."""
    work = tempfile.mkdtemp()
    path = board_file(work, "dialog.cjm", "classic")
    with Session(args=[path]) as s:
        s.key("ctrl+e")
        check(s.wait_dialog("Export").startswith("3840 × "), "3840 by default")
        s.click_widget("export.width.1920")
        s.click_widget("export.bg.white")
        size = wait_until(lambda: (lambda t: t if t.startswith("1920 × ") else None)(s.wait_dialog("Export")), 10,
                          "the size line for 1920")
        check(re.fullmatch(r"1920 × \d+ px, about \d+\.\d MB", size), f"pixels and megabytes (no notes): {size!r}")
        s.click_widget("export.go")
        png = wait_until(lambda: next((os.path.join(work, n) for n in os.listdir(work) if n.endswith(".png")), None),
                         30, "the PNG")
        width, height = wait_until(lambda: complete_png(png), 30, "the whole PNG")
        check(width == 1920 and str(height) in size, f"{width}×{height} as the dialog said ({size})")
        _, _, channels, rows = read_png(png)
        check(pixel(rows, channels, 0, 0) == (255, 255, 255), "on white")
        # Current view: the image has the canvas' shape (the window below the menu bar, beside the
        # toolbar and panels).
        s.key("ctrl+e")
        s.click_widget("export.region.view")
        view = wait_until(lambda: (lambda t: t if t.startswith("1920 × ") and t != size else None)(s.wait_dialog("Export")),
                          10, "the size line for the view")
        x0, y0, x1, y1 = s.layout["canvas"]
        tall = int(re.match(r"1920 × (\d+) px", view).group(1))
        check(abs(tall / 1920 - (y1 - y0) / (x1 - x0)) < 0.03, f"the view's shape: {view} for a canvas of {s.layout['canvas']}")


def test_export_dialog_says_how_large_the_notes_text_will_be():
    """Covers: export PNG… (region, width or scale, background, with progress and Cancel)

    The size line says the notes' text in the image, from the smallest to the largest note's, and
    when the smallest is hard to read (under 11 px) the width that makes it 14 px or more: on the
    sample board a custom 1000 px gives small text and names the 3840 preset, whose own line then
    has no warning. In Room view the whole board's line is the same (the image is of the board's
    layout), and the current view's is of Room view's notes, as the screen shows them."""
    work = tempfile.mkdtemp()
    path = board_file(work, "text.cjm", "sample")
    with Session(args=[path]) as s:
        layout = s.layout
        ex0, _, ex1, _ = layout["export"]
        sizes = [n["textPx"] / (ex1 - ex0) for n in layout["notes"] if n["text"] and not n.get("hidden")]

        def text_line(per_pixel, width):  # the line's words for text of these sizes per image pixel
            low, high = round(min(per_pixel) * width), round(max(per_pixel) * width)
            return f"notes' text {low} px" if low == high else f"notes' text {low}–{high} px"
        expected = lambda width: text_line(sizes, width)
        check(min(sizes) * 1000 < 11 and min(sizes) * 1920 < 14 <= min(sizes) * 3840, f"the sample's notes: {sizes}")
        s.key("ctrl+e")
        s.wait_dialog("Export")
        s.click_widget("export.custom_width")
        s.key("ctrl+a")
        s.type("1000")
        small = wait_until(lambda: (lambda t: t if t.startswith("1000 × ") else None)(s.wait_dialog("Export")), 10,
                           "the size line for 1000 px")
        warning = re.fullmatch(r"1000 × \d+ px, about \d+\.\d MB; (.*), small to read \((\d+) px wide makes it (\d+) px\)", small)
        check(warning and warning.group(1) == expected(1000), f"the notes' text and a warning: {small!r} ({expected(1000)})")
        check(warning.group(2) == "3840" and warning.group(3) == str(round(min(sizes) * 3840)),
              f"3840 named (1920 would make it under 14 px), with its text: {small!r}")
        s.click_widget("export.width.3840")
        large = wait_until(lambda: (lambda t: t if t.startswith("3840 × ") else None)(s.wait_dialog("Export")), 10,
                           "the size line for 3840")
        check(large.endswith("; " + expected(3840)), f"the notes' text at 3840, readable: {large!r} ({expected(3840)})")
        # Room view draws larger notes on screen; the image is of the desk's layout, and so is the line.
        s.key("Escape")
        s.wait_layout(lambda l: not l["dialogs"], "the dialog closed")
        s.key("r")
        s.wait_layout(lambda l: l["roomView"], "Room view")
        room = s.layout
        s.key("ctrl+e")
        check(s.wait_dialog("Export") == large, f"the same line in Room view: {s.wait_dialog('Export')!r} vs {large!r}")
        # ...but the current view is what the screen shows, Room view's notes and text.
        s.click_widget("export.region.view")
        cx0, cy0, cx1, cy1 = room["canvas"]
        shown = [n["textPx"] / (cx1 - cx0) for n in room["notes"] if n["text"] and not n.get("hidden")
                 and n["rect"][0] < cx1 and n["rect"][2] > cx0 and n["rect"][1] < cy1 and n["rect"][3] > cy0]
        want = text_line(shown, 3840)
        view = wait_until(lambda: (lambda t: t if t != large else None)(s.wait_dialog("Export")), 10, "the view's line")
        check(view.startswith("3840 × ") and view.endswith("; " + want), f"Room view's text in the view: {view!r} ({want})")


def test_export_dialog_selection_and_stage_regions():
    """Covers: export PNG… (region, width or scale, background, with progress and Cancel)

    Selection: the image has the shape of the selected note plus the margin around it; Stage: the
    shape of that stage's column (header to last lane, with the margin)."""
    work = tempfile.mkdtemp()
    path = board_file(work, "regions.cjm", "sample")
    with Session(args=[path]) as s:
        chosen = s.layout["notes"][0]
        x0, y0, x1, y1 = chosen["rect"]
        s.click((x0 + x1) / 2, (y0 + y1) / 2)
        s.wait_layout(lambda l: l["selection"] == [chosen["id"]], "one note selected")
        zoom, margin = s.layout["zoom"], 48 / 2  # png_export.cpp kExportMarginUnits / 2 on each side
        s.key("ctrl+e")
        s.wait_dialog("Export")
        s.click_widget("export.width.1920")
        s.click_widget("export.region.selection")
        want = ((y1 - y0) / zoom + 2 * margin) / ((x1 - x0) / zoom + 2 * margin)
        size = wait_until(lambda: (lambda t: t if t.startswith("1920 × ") and
                                   abs(int(re.match(r"1920 × (\d+)", t).group(1)) / 1920 - want) < 0.02 else None)(
                              s.wait_dialog("Export")), 10, f"a size line of the note's shape ({want:.3f})")
        s.click_widget("export.go")
        png = wait_until(lambda: next((os.path.join(work, n) for n in os.listdir(work) if n.endswith(".png")), None),
                         30, "the PNG")
        width, height = wait_until(lambda: complete_png(png), 30, "the whole PNG")
        check(width == 1920 and str(height) in size, f"{width}×{height} as the dialog said ({size})")
        os.remove(png)
        # Stage: the first stage's column, from its header to the last lane.
        stage = s.layout["stages"][0]["rect"]
        bottom = s.layout["lanes"][-1]["rect"][3]
        s.key("ctrl+e")
        s.wait_dialog("Export")
        s.click_widget("export.region.stage")
        want = ((bottom - stage[1]) / zoom + 2 * margin) / ((stage[2] - stage[0]) / zoom + 2 * margin)
        wait_until(lambda: (lambda t: t if t.startswith("1920 × ") and
                            abs(int(re.match(r"1920 × (\d+)", t).group(1)) / 1920 - want) < 0.03 else None)(
                       s.wait_dialog("Export")), 10, f"a size line of the stage's shape ({want:.3f})")


def test_cancelled_export_leaves_no_file():
    """Covers: quick snapshot into snapshots/ beside the board file

    A snapshot slowed by the test hook (JB_EXPORT_SLOW_MS, small tiles) shows its progress; Cancel
    stops it and leaves no file, not even the reserved name or a temp file."""
    work = tempfile.mkdtemp()
    path = board_file(work, "slow.cjm", "blank")
    with Session(args=[path], env={"JB_EXPORT_SLOW_MS": "300", "JB_EXPORT_TILE": "256"}) as s:
        s.key("ctrl+shift+e")
        s.wait_layout(lambda l: l.get("exportProgress", "").startswith("tile "), "the progress")
        check(len(os.listdir(os.path.join(work, "snapshots"))) >= 1, "the name is reserved while it runs")
        s.click_widget("export.cancel")
        s.wait_layout(lambda l: "exportProgress" not in l and l["status"].startswith("Export cancelled"), "cancelled")
    check(os.listdir(os.path.join(work, "snapshots")) == [], f"no file: {os.listdir(os.path.join(work, 'snapshots'))}")


def test_a_free_note_over_a_cell_note_covers_its_text_and_one_under_it_is_covered():
    """Covers: export PNG… (region, width or scale, background, with progress and Cancel)

    DrawBoard draws the fills of notes in cells first and their text over them; a free note must
    still cover a cell note listed before it (its text too) and lie under one listed after it."""
    work = tempfile.mkdtemp()
    over, under = 0x1c7ed6, 0x2f9e44  # free notes, no text: every pixel of them is their colour
    free = {"stage": 0, "lane": 0, "size": "L", "text": "", "votes": 0, "tags": [], "owner": "", "due": "",
            "channel": "", "severity": 0}

    def cell_notes_with_free_ones(board, at=None):
        cells = [n for n in board["notes"] if n["stage"] and n["lane"] and len(n["text"]) > 20][:2]
        check(len(cells) == 2, "two cell notes with text")
        first, second = cells
        index = board["notes"].index
        board["notes"].insert(index(second), dict(free, id=9001, color=f"#{under:06x}", pos=(at or {}).get(9001, {"x": 0, "y": 0})))
        board["notes"].insert(index(first) + 1, dict(free, id=9002, color=f"#{over:06x}", pos=(at or {}).get(9002, {"x": 0, "y": 0})))
        board["nextId"] = max(board["nextId"], 9003)
        return first["id"], second["id"]

    ids = []
    path = board_with(work, "free.cjm", "sample", lambda b: ids.extend(cell_notes_with_free_ones(b)))
    with Session(args=[path]) as s:
        notes = {n["id"]: n["rect"] for n in s.layout["notes"]}
    # Board units from the free notes at (0, 0): each free note moves onto the middle of its cell note.
    zoom = (notes[9002][2] - notes[9002][0]) / 220
    def onto(cell):
        return {"x": (notes[cell][0] - notes[9002][0]) / zoom + 40, "y": (notes[cell][1] - notes[9002][1]) / zoom + 30}
    at = {9002: onto(ids[0]), 9001: onto(ids[1])}
    path = board_with(work, "free2.cjm", "sample", lambda b: cell_notes_with_free_ones(b, at))
    with Session(args=[path]) as s:
        layout = s.layout
    out = os.path.join(work, "free.png")
    check(run_cli("export", path, "-o", out, "--width", "2400").returncode == 0, "export")
    width, height, channels, rows = read_png(out)
    notes = {n["id"]: n["rect"] for n in layout["notes"]}
    for cell, note, colour, what in ((ids[0], 9002, over, "over"), (ids[1], 9001, under, "under")):
        a, b = notes[cell], notes[note]
        both = (max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3]))
        x0, y0, x1, y1 = png_rect(layout, both, width, height)
        check(x1 - x0 > 40 and y1 - y0 > 40, f"the free note lies {what} the cell note: {both}")
        want = ((colour >> 16) & 255, (colour >> 8) & 255, colour & 255)
        inner = [(x, y) for y in range(int(y0) + 6, int(y1) - 6) for x in range(int(x0) + 6, int(x1) - 6)]
        if what == "over":
            other = [p for p in inner if pixel(rows, channels, *p) != want]
            check(not other, f"the free note covers the cell note and its text: {len(other)} of {len(inner)} pixels not its colour")
        else:
            mine = [p for p in inner if pixel(rows, channels, *p) == want]
            check(not mine, f"the cell note listed after covers the free note: {len(mine)} of {len(inner)} pixels")


def test_small_notes_keep_their_rounded_corners_and_their_shadow():
    """Covers: export PNG… (region, width or scale, background, with progress and Cancel)

    At 0.7 px a unit a note's 6-unit corners are 4.2 px, drawn as one straight cut each (the arc's
    own area), and its shadow, 2.1 px deep, is filled without an anti-aliased fringe. The corner
    must still take about the arc's area off the note (a square corner takes none), and the row
    under the note must be its cell's colour blended with the shadow's, the row past it the cell's.
    The note is snapped to whole pixels (Painter::CrispRect): its straight sides need no fringe, so
    the column at each side is wholly the note's or wholly not, and only the corners are
    anti-aliased. At 2 px a unit the corners are 12 px arcs, and the same holds."""
    work = tempfile.mkdtemp()
    chosen = []

    def plain_note(board):
        note = next(n for n in board["notes"] if n["stage"] and n["lane"])
        note.update(text="", votes=0, owner="", due="", severity=0, tags=[], color="#1c7ed6")
        chosen.append(note["id"])

    path = board_with(work, "corners.cjm", "sample", plain_note)
    with Session(args=[path]) as s:
        layout = s.layout
    out = os.path.join(work, "corners.png")
    check(run_cli("export", path, "-o", out, "--scale", "0.7").returncode == 0, "export at 0.7 px a unit")
    width, height, channels, rows = read_png(out)
    rect = next(n["rect"] for n in layout["notes"] if n["id"] == chosen[0])
    x0, y0, x1, y1 = png_rect(layout, rect, width, height)
    note = pixel(rows, channels, (x0 + x1) / 2, (y0 + y1) / 2)
    column = int((x0 + x1) / 2)
    past = pixel(rows, channels, column, math.ceil(y1 + 2.1))  # pixel centres past the shadow: the cell
    under = pixel(rows, channels, column, math.ceil(y1 + 0.5))  # past the note's fringe, inside the shadow
    shadow, alpha = (20, 30, 50), 40 / 255  # BoardPalette::shadow, light
    blended = tuple(round(c * (1 - alpha) + s * alpha) for c, s in zip(past, shadow))
    check(all(abs(a - b) <= 3 for a, b in zip(under, blended)) and sum(past) - sum(under) > 20,
          f"the shadow under the note: {under}, the cell {past} with the shadow over it is {blended}")
    # The note's share of each pixel, by the channel where note and cell differ most.
    k = max(range(3), key=lambda c: abs(note[c] - past[c]))
    share = lambda x, y: (pixel(rows, channels, x, y)[k] - past[k]) / (note[k] - past[k])
    snap = lambda v: math.floor(v + 0.5)  # C++'s std::round, as the renderer snaps
    left, top = snap(x0) - 1, snap(y0) - 1
    covered = sum(share(x, y) for y in range(top, top + 5) for x in range(left, left + 5))
    square = (left + 5 - snap(x0)) * (top + 5 - snap(y0))
    cut = (1 - math.pi / 4) * (6 * 0.7) ** 2  # what a 4.2 px arc takes off a square corner
    check(abs(square - cut - covered) < 1.0,
          f"the top-left corner covers {covered:.2f} px², a square one {square:.2f}, a rounded one {square - cut:.2f}")
    # Its straight sides lie on pixel boundaries: the column inside each side is the note's, the
    # column outside it the cell's (on the right, under the shadow's faint strip).
    middle = (y0 + y1) / 2
    for inside, outside in ((snap(x0), snap(x0) - 1), (snap(x1) - 1, snap(x1))):
        check(share(inside, middle) > 0.97 and share(outside, middle) < 0.3,
              f"the side between columns {inside} and {outside}: {share(inside, middle):.2f} and "
              f"{share(outside, middle):.2f} note")

    # At 2 px a unit: 12 px arcs, anti-aliased as ImGui's, on sides of whole pixels.
    check(run_cli("export", path, "-o", out, "--scale", "2").returncode == 0, "export at 2 px a unit")
    width, height, channels, rows = read_png(out)
    x0, y0, x1, y1 = png_rect(layout, rect, width, height)
    share = lambda x, y: (pixel(rows, channels, x, y)[k] - past[k]) / (note[k] - past[k])
    left, top, reach = snap(x0) - 1, snap(y0) - 1, 15
    covered = sum(share(x, y) for y in range(top, top + reach) for x in range(left, left + reach))
    square = (left + reach - snap(x0)) * (top + reach - snap(y0))
    cut = (1 - math.pi / 4) * 12 ** 2
    # ImGui's arc is a polygon inside the circle, about 2.5 px² short of it at 12 px (its own fill,
    # measured before the snapping, covered as much); a square corner would be 31 px² over.
    check(abs(square - cut - covered) < 3.5,
          f"at 2 px a unit the top-left corner covers {covered:.2f} px², a rounded one {square - cut:.2f}")
    middle = (y0 + y1) / 2
    check(share(snap(x0), middle) > 0.97 and share(snap(x0) - 1, middle) < 0.03,
          f"at 2 px a unit the left side: {share(snap(x0), middle):.2f} and {share(snap(x0) - 1, middle):.2f} note")


def test_the_header_row_has_no_light_seam_between_stages():
    """Covers: export PNG… (region, width or scale, background, with progress and Cancel)

    The last stage's header was a rounded fill, anti-aliased on every side, beside square ones:
    where the stage before it missed a pixel's centre, its fringe let the light background through
    as a one-pixel seam down the dark header row, at some scales and pan offsets (the board
    cache's check found it after a pan). The row is one fill now: across its top, no pixel between
    the rounded ends is lighter than the header's blue."""
    work = tempfile.mkdtemp()
    path = os.path.join(work, "blank.cjm")
    check(run_cli("new", path, "--template", "blank").returncode == 0, "journeyboard new")
    header = (43, 58, 92)
    seams = []
    for k in range(16):
        scale = 0.5 + 0.0173 * k  # phases of the stage edges across a pixel
        png = os.path.join(work, f"s{k}.png")
        result = run_cli("export", path, "-o", png, "--scale", f"{scale:.4f}")
        check(result.returncode == 0, f"export: {result.stderr}")
        width, height, channels, rows = read_png(png)
        dark = lambda x, y: all(abs(a - b) <= 6 for a, b in zip(pixel(rows, channels, x, y), header))
        top = next(y for y in range(height) if any(dark(x, y) for x in range(0, width, 2)))
        y = top + 3  # above the stage separators, which start 12 units down, and the numbers
        xs = [x for x in range(width) if dark(x, y)]
        for x in range(xs[0] + 4, xs[-1] - 4):
            if sum(pixel(rows, channels, x, y)) > sum(header) + 60:
                seams.append((scale, x, pixel(rows, channels, x, y)))
    check(not seams, f"no light seam across the header row: {seams[:6]}")


if __name__ == "__main__":
    main(globals())
