"""The follow-up report: `journeyboard report` (no display needed) and File ▸ Export report…
(Ctrl+Shift+R), checked in the written file: the sections in order, the funnel's biggest drop, the
top pains, the overdue marks; the page well-formed with its snapshot embedded."""
import os
import shutil
import tempfile

from jbgui import Session, check, english_env, main, run_cli
from test_export_page import parse, read, snapshot
from test_more_features import fill

HEADLESS = {k: v for k, v in english_env().items() if k != "DISPLAY"}
FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures")
SECTIONS = ["## Personas", "## Funnel", "## Emotion curves: lowest and highest points", "## Top pains",
            "## Pains with no solution", "## Opportunities", "## Action items by owner", "## Map checks"]


def sample(work, name="workshop.cjm"):
    """The frozen v4 sample: its stages reached 10000/6200/3100/1178, two scored solutions."""
    path = os.path.join(work, name)
    shutil.copy(os.path.join(FIXTURES, "v4", "sample.cjm"), path)
    return path


def check_markdown(text, today_marks=True):
    at = [text.find(s + "\n") for s in SECTIONS]
    check(all(i >= 0 for i in at) and at == sorted(at), f"every section, in order: {at}")
    check("**Biggest drop**: Decision → Purchase: 62 % lost\n" in text, "the biggest drop")
    check("| 1 | Card required before trial — 38% drop here | Purchase | 5 × 3 = 15 |\n" in text, "the top pain")
    check("| 1 | One-line plan summary: 'cancel anytime' | Decision | 70 | 40.5 | 1 | 110.5 |\n" in text,
          "the first opportunity")
    if today_marks:
        check("- 2026-11-30 **overdue** — Ship guest catalogue browsing (Consideration)\n" in text, "the overdue mark")


def test_cli_writes_markdown_and_a_page():
    """Covers: write the follow-up report

    `report -o X.md --date D` writes the Markdown with every section; `-o X.html` one well-formed,
    self-contained page with the snapshot as a data URI and the same figures, escaped."""
    work = tempfile.mkdtemp()
    board = sample(work)
    md = os.path.join(work, "report.md")
    result = run_cli("report", board, "-o", md, "--date", "2026-12-02", env=HEADLESS)
    check(result.returncode == 0 and result.stderr == "", f"report .md: {result.returncode} {result.stderr!r}")
    check_markdown(read(md))
    # An earlier day: nothing of that is overdue yet.
    result = run_cli("report", board, "-o", md, "--date", "2026-11-01", env=HEADLESS)
    check(result.returncode == 0 and "overdue" not in read(md), "no overdue mark on 2026-11-01")

    page_path = os.path.join(work, "report.HTML")
    result = run_cli("report", board, "-o", page_path, "--date", "2026-12-02", env=HEADLESS)
    check(result.returncode == 0, f"report .html: {result.returncode} {result.stderr!r}")
    page = read(page_path)
    text = parse(page)
    snapshot(page)
    check("Decision → Purchase: 62 % lost" in text, "the biggest drop in the page")
    check("One-line plan summary: &#39;cancel anytime&#39;" in page, "board text escaped")
    check('<meta name="viewport"' in page, "readable on a phone")
    check(sorted(os.listdir(work)) == ["report.HTML", "report.md", "workshop.cjm"], f"no stray files: {os.listdir(work)}")


def test_cli_refuses_a_bad_name_an_unreadable_board_and_a_bad_date():
    """Covers: write the follow-up report

    Each refusal is one sentence on stderr with a non-zero exit, and writes nothing."""
    work = tempfile.mkdtemp()
    board = sample(work)
    garbage = os.path.join(work, "garbage.cjm")
    with open(garbage, "w") as f:
        f.write("this is not a board")
    cases = [
        (["report", board, "-o", os.path.join(work, "r.txt")], "Cannot tell the report format from"),
        (["report", garbage, "-o", os.path.join(work, "r.md")], "garbage.cjm"),
        (["report", os.path.join(work, "nope.cjm"), "-o", os.path.join(work, "r.md")], "there is no such file."),
        (["report", board, "-o", os.path.join(work, "r.md"), "--date", "2026-02-30"], "--date must be a day"),
        (["report", board], "'report' needs a board and an output file"),
    ]
    for args, said in cases:
        result = run_cli(*args, env=HEADLESS)
        lines = result.stderr.strip().splitlines()
        check(result.returncode != 0 and len(lines) == 1 and said in lines[0] and lines[0].endswith("."),
              f"{args[1:]}: refused in one sentence: {result.returncode} {result.stderr!r}")
    check(sorted(os.listdir(work)) == ["garbage.cjm", "workshop.cjm"], f"nothing written: {os.listdir(work)}")


def test_export_report_from_the_file_menu():
    """Covers: write the follow-up report

    Ctrl+Shift+R opens the file dialog on <board>.report.html; confirming writes the page (its
    snapshot through the export job); File ▸ Export report… with a name ending .md writes the
    Markdown."""
    work = tempfile.mkdtemp()
    board = sample(work)
    with Session(args=[board]) as s:
        s.key("ctrl+shift+r")
        check(s.wait_dialog("Export report") == work, "the dialog opens in the board's folder")
        s.click_widget("file.confirm")
        page_path = os.path.join(work, "workshop.report.html")
        s.wait_layout(lambda l: l.get("status", "") == f"Saved the report {page_path}.", "the page saved", 60)
        page = read(page_path)
        text = parse(page)
        snapshot(page)
        check("Decision → Purchase: 62 % lost" in text and "Card required before trial" in text, "its figures")

        s.click_widget("menu.file")
        s.click_widget("menu.export_report")
        s.wait_dialog("Export report")
        md = os.path.join(work, "for-the-team.md")
        fill(s, "file.name", md)
        s.wait_layout(lambda l: l.get("status", "") == f"Saved the report {md}.", "the Markdown saved")
        check_markdown(read(md), today_marks=False)
    check(sorted(os.listdir(work)) == ["for-the-team.md", "workshop.cjm", "workshop.report.html"],
          f"no stray files: {os.listdir(work)}")


if __name__ == "__main__":
    main(globals())
