"""The map as one self-contained web page: `journeyboard export-html` (no display needed) and
File ▸ Export page…, checked in the written page: well-formed HTML, the title, stages and notes
as text (Cyrillic intact, hostile text escaped), the snapshot as a data URI of a real PNG."""
import base64
import html.parser
import json
import os
import re
import struct
import tempfile
import time

from jbgui import Session, check, english_env, main, note_record, run_cli, wait_until
from test_more_features import board_file, fill

HEADLESS = {k: v for k, v in english_env().items() if k != "DISPLAY"}
VOID = {"meta", "br", "img", "line", "circle", "path"}  # written without a closing tag (or self-closed)


class Checker(html.parser.HTMLParser):
    """Balanced tags, and the text a reader sees (for finding notes as text, not markup)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.open, self.text, self.tags, self.problems = [], [], set(), []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        for name, value in attrs:
            if name.startswith("on") or (value or "").lower().startswith(("http:", "https:", "javascript:")):
                self.problems.append(f"<{tag} {name}={value!r}>")
        if tag not in VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.tags.add(tag)

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.open or self.open[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.open[-1:] or 'nothing'}")
        else:
            self.open.pop()

    def handle_data(self, data):
        self.text.append(data)


def parse(page):
    checker = Checker()
    checker.feed(page)
    checker.close()
    check(not checker.problems and not checker.open, f"well-formed: {checker.problems[:5]} left open {checker.open}")
    check("script" not in checker.tags and "link" not in checker.tags and "iframe" not in checker.tags,
          f"no scripts or links: {sorted(checker.tags)}")
    return "".join(checker.text)


def snapshot(page):
    """The embedded PNG's bytes, checked to be a PNG; returns (bytes, width, height)."""
    found = re.findall(r'src="data:image/png;base64,([A-Za-z0-9+/=]+)" width="(\d+)" height="(\d+)"', page)
    check(len(found) == 1, f"one data URI image, {len(found)} found")
    data = base64.b64decode(found[0][0], validate=True)
    check(data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR", "the data URI holds a PNG")
    width, height = struct.unpack(">II", data[16:24])
    check((width, height) == (int(found[0][1]), int(found[0][2])), "the img's size is the PNG's")
    return data, width, height


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def add_notes(path, lane_index, stage_index, texts):
    """Writes notes into a .cjm by hand (as another program might), in the given cell."""
    with open(path, encoding="utf-8") as f:
        whole = json.load(f)
    board = whole["board"]
    stage, lane = board["stages"][stage_index]["id"], board["lanes"][lane_index]["id"]
    for text in texts:
        board["notes"].append(note_record(board["nextId"], stage, lane, 0, 0, text))
        board["nextId"] += 1
    with open(path, "w", encoding="utf-8") as f:
        json.dump(whole, f, ensure_ascii=False)


def test_cli_writes_the_page_with_its_snapshot_and_every_stage():
    """Covers: share the map as one page

    The sample board: the title, every stage and lane as table headers, a note as text, the
    snapshot a real PNG 2000 px wide; a Russian board with a hostile note: Cyrillic as UTF-8 and
    the <script> shown as text."""
    work = tempfile.mkdtemp()
    board = board_file(work, "sample.cjm", "sample")
    out = os.path.join(work, "map.html")
    temp = tempfile.mkdtemp()  # the snapshot's private folder goes here, and must not stay
    start = time.monotonic()
    result = run_cli("export-html", board, "-o", out, env=dict(HEADLESS, TMPDIR=temp))
    took = time.monotonic() - start
    check(os.listdir(temp) == [], f"the temp folder is removed: {os.listdir(temp)}")
    check(result.returncode == 0 and result.stderr == "", f"exit 0, quiet: {result.returncode} {result.stderr!r}")
    page = read(out)
    text = parse(page)
    data = json.load(open(board, encoding="utf-8"))["board"]
    check(f"<h1>{data['meta']['title']}</h1>" in page, "the title as the heading")
    for stage in data["stages"]:
        check(f'<th scope="col">{stage["name"]}</th>' in page, f"the stage {stage['name']} heads a column")
    for lane in data["lanes"]:
        check(f'<th scope="row">{lane["name"]}</th>' in page, f"the lane {lane['name']} heads a row")
    check("Card required before trial — 38% drop here" in text, "a note as text")
    check("http://" not in page and "https://" not in page, "no outside resource")
    png, width, height = snapshot(page)
    check(width == 2000 and 500 < height < 4000, f"the snapshot is 2000 px wide: {width}×{height}")
    print(f"  sample page: {len(page) // 1024} KiB (snapshot {len(png) // 1024} KiB), written in {took:.1f} s")
    check(not [n for n in os.listdir(work) if n not in ("sample.cjm", "map.html")], f"nothing else left: {os.listdir(work)}")

    russian = board_file(work, "ru.cjm", "five-stage")
    add_notes(russian, 4, 1, ["Не понятно, сколько стоит доставка", "<script>alert('x')</script> & \"quotes\""])
    out = os.path.join(work, "ru.html")
    result = run_cli("export-html", russian, "-o", out, env=HEADLESS)
    check(result.returncode == 0, f"exit 0: {result.stderr!r}")
    page = read(out)
    text = parse(page)
    check('<html lang="ru">' in page, "the page's language is the board's")
    check("Не понятно, сколько стоит доставка" in page, "Cyrillic written as UTF-8, not entities")
    check("<script>alert('x')</script> & \"quotes\"" in text, "the hostile note reads as its text")
    check("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;" in page, "escaped in the markup")
    for stage in ("Поиск", "Выбор", "Покупка", "Удержание", "Лояльность"):
        check(f'<th scope="col">{stage}</th>' in page, f"the stage {stage}")


def test_cli_draws_a_very_tall_board_narrower():
    """Covers: share the map as one page

    A board far taller than wide (150 notes in one cell) gets a snapshot at most 6000 px tall,
    narrower than 2000 px, rather than a huge file or none."""
    work = tempfile.mkdtemp()
    board = board_file(work, "tall.cjm", "blank")
    add_notes(board, 0, 0, [f"Idea {i}" for i in range(150)])
    out = os.path.join(work, "tall.html")
    result = run_cli("export-html", board, "-o", out, env=HEADLESS)
    check(result.returncode == 0 and result.stderr == "", f"exit 0, quiet: {result.stderr!r}")
    _, width, height = snapshot(read(out))
    check(width < 2000 and 5000 <= height <= 6000, f"narrower, at most 6000 px tall: {width}×{height}")


def test_cli_refuses_its_own_board_and_a_missing_one_and_writes_without_graphics():
    """Covers: share the map as one page

    The board's own file (by its name or a hard link) is refused and left as it was; a missing
    board is one sentence; with no OpenGL at all the page is still written, without the picture,
    and one warning line says so."""
    work = tempfile.mkdtemp()
    board = board_file(work, "b.cjm", "sample")
    with open(board, "rb") as f:
        data = f.read()
    os.link(board, os.path.join(work, "hard.html"))
    for out in (board, os.path.join(work, "hard.html")):
        result = run_cli("export-html", board, "-o", out, env=HEADLESS)
        lines = result.stderr.strip().splitlines()
        check(result.returncode == 2 and len(lines) == 1 and "board being exported" in lines[0] and lines[0].endswith("."),
              f"refused in one sentence: {result.returncode} {result.stderr!r}")
        with open(board, "rb") as f:
            check(f.read() == data, "the board is left as it was")
    missing = run_cli("export-html", os.path.join(work, "nope.cjm"), "-o", os.path.join(work, "x.html"), env=HEADLESS)
    check(missing.returncode == 1 and missing.stderr.strip().endswith("there is no such file.")
          and len(missing.stderr.strip().splitlines()) == 1, f"a missing board: {missing.stderr!r}")
    check(not os.path.exists(os.path.join(work, "x.html")), "no page for a missing board")

    # No EGL vendor and no display: no GL context can be made.
    no_gl = dict(HEADLESS, __EGL_VENDOR_LIBRARY_FILENAMES="/nonexistent/egl.json", EGL_PLATFORM="surfaceless")
    out = os.path.join(work, "plain.html")
    result = run_cli("export-html", board, "-o", out, env=no_gl)
    lines = result.stderr.strip().splitlines()
    check(result.returncode == 0 and len(lines) == 1 and lines[0].startswith("journeyboard: warning: the page has no picture"),
          f"one warning line: {result.returncode} {result.stderr!r}")
    page = read(out)
    parse(page)
    check("<img" not in page and "Card required before trial" in page, "the page without a picture, with its table")


def test_export_page_from_the_file_menu():
    """Covers: share the map as one page

    File ▸ Export page… suggests <board>.html beside the board; confirming writes it with the title
    and the snapshot; a name typed without an extension gets .html."""
    work = tempfile.mkdtemp()
    board = board_file(work, "workshop.cjm", "sample")
    title = json.load(open(board, encoding="utf-8"))["board"]["meta"]["title"]
    with Session(args=[board]) as s:
        s.click_widget("menu.file")
        s.click_widget("menu.file.export_page")
        check(s.wait_dialog("Export page") == work, "the dialog opens in the board's folder")
        s.click_widget("file.confirm")
        page_path = os.path.join(work, "workshop.html")
        start = time.monotonic()
        s.wait_layout(lambda l: l.get("status", "").startswith("Saved the page " + page_path), "the page saved", 60)
        print(f"  {s.layout['status']} (seen after {time.monotonic() - start:.1f} s)")
        s.wait_layout(lambda l: any(t["text"] == f"Saved the page {page_path}." and t["kind"] == "info"
                                    for t in l.get("toasts", [])), "the toast says where the page went")
        page = read(page_path)
        check(f"<h1>{title}</h1>" in page, "the title")
        _, width, _ = snapshot(page)
        check(width == 2000, f"the snapshot's width: {width}")
        parse(page)

        other = os.path.join(work, "shared", "for-the-team")
        os.mkdir(os.path.dirname(other))
        s.click_widget("menu.file")
        s.click_widget("menu.file.export_page")
        s.wait_dialog("Export page")
        fill(s, "file.name", other)
        s.wait_layout(lambda l: l.get("status", "").startswith("Saved the page " + other + ".html"), "the typed name", 60)
        check("data:image/png;base64," in read(other + ".html"), "the snapshot in the second page too")
    check(sorted(os.listdir(work)) == ["shared", "workshop.cjm", "workshop.html"], f"no stray files: {os.listdir(work)}")


def test_a_cancelled_page_leaves_no_file_and_no_temp_folder():
    """Covers: share the map as one page

    The page's snapshot runs like any export, with its progress and Cancel (slowed by the test
    hook): cancelled, or the window closed meanwhile, it writes no page and leaves nothing in the
    temp folder."""
    work, temp = tempfile.mkdtemp(), tempfile.mkdtemp()
    board = board_file(work, "slow.cjm", "blank")
    with Session(args=[board], env={"JB_EXPORT_SLOW_MS": "300", "JB_EXPORT_TILE": "256", "TMPDIR": temp}) as s:
        s.click_widget("menu.file")
        s.click_widget("menu.file.export_page")
        s.wait_dialog("Export page")
        s.click_widget("file.confirm")
        s.wait_layout(lambda l: l.get("exportProgress", "").startswith("tile "), "the progress")
        check(len(os.listdir(temp)) == 1, f"the snapshot's private folder while it runs: {os.listdir(temp)}")
        s.click_widget("export.cancel")
        s.wait_layout(lambda l: "exportProgress" not in l and l["status"].startswith("Export cancelled"), "cancelled")
        check(os.listdir(temp) == [], f"the temp folder is removed: {os.listdir(temp)}")
        # The window closed while a page's snapshot renders: no page, no temp folder left either.
        s.click_widget("menu.file")
        s.click_widget("menu.file.export_page")
        s.wait_dialog("Export page")
        s.click_widget("file.confirm")
        s.wait_layout(lambda l: l.get("exportProgress", "").startswith("tile "), "the second page's progress")
        s.close_window()
        check(s.wait_exit(20) == 0, "the app quits")
        check(os.listdir(temp) == [], f"the temp folder is removed on quitting: {os.listdir(temp)}")
    check(sorted(os.listdir(work)) == ["slow.cjm"], f"no page: {os.listdir(work)}")


if __name__ == "__main__":
    main(globals())
