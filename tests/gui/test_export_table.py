"""File ▸ Export table… and `journeyboard export-table`: the board as CSV, TSV, Markdown or Mermaid
by the file's extension; the board's own file, an unknown extension and a missing board refused
with one sentence and nothing written."""
import csv
import io
import json
import os
import tempfile

from jbgui import Session, check, main, run_cli
from test_more_features import board_file, fill

BOM = "\ufeff"


def read(path):
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def expected_rows(board):
    """The table a board should give: header, then per lane its name and each cell's note texts."""
    b = json.loads(read(board))["board"]
    rows = [["Stages"] + [st["name"] for st in b["stages"]]]
    for lane in b["lanes"]:
        rows.append([lane["name"]] + [[n["text"] for n in b["notes"] if n.get("stage") == st["id"] and
                                       n.get("lane") == lane["id"]] for st in b["stages"]])
    return rows


def parsed_rows(text, delimiter):
    """The table as Python's csv module reads it, each cell split back into its notes."""
    rows = list(csv.reader(io.StringIO(text[len(BOM):], newline=""), delimiter=delimiter))
    items = lambda cell: [] if not cell else [line[2:] if line.startswith("• ") else line for line in cell.split("\n")]
    return [rows[0]] + [[row[0]] + [items(cell) for cell in row[1:]] for row in rows[1:]]


def test_cli_writes_each_format_by_its_extension():
    """Covers: export a table

    .csv (BOM, stages across), .TSV (any case), .md (title, table, mermaid fence), .mmd (a
    journey); a Russian board keeps its Cyrillic; an existing file is replaced whole."""
    work = tempfile.mkdtemp()
    sample = board_file(work, "sample.cjm", "sample")
    outputs = {name: os.path.join(work, name) for name in ("map.csv", "map.TSV", "map.md", "map.mmd")}
    with open(outputs["map.csv"], "w") as f:
        f.write("old contents, longer than nothing at all " * 100)
    for out in outputs.values():
        result = run_cli("export-table", sample, "-o", out)
        check(result.returncode == 0 and result.stderr == "" and result.stdout == "", f"{out}: {result}")
    csv_text = read(outputs["map.csv"])
    check(csv_text.startswith(BOM + "Stages,Awareness,Consideration,Decision,Purchase,Post-purchase\n"),
          f"CSV header: {csv_text[:90]!r}")
    check("Customer goal,Find something good to watch tonight," in csv_text and "old contents" not in csv_text, "CSV rows")
    tsv = read(outputs["map.TSV"])
    check(tsv.startswith(BOM + "Stages\tAwareness\tConsideration\t"), f"TSV header: {tsv[:60]!r}")
    # Another reader (Python's csv) finds every stage, lane and note where the board has it.
    check(parsed_rows(csv_text, ",") == expected_rows(sample), f"CSV read back: {csv_text[:300]!r}")
    check(parsed_rows(tsv, "\t") == expected_rows(sample), "TSV read back")
    md = read(outputs["map.md"])
    check(md.startswith("# ") and "| Stages | Awareness | Consideration |" in md, f"Markdown: {md[:200]!r}")
    check("\n## Action items\n" in md and "\n## Emotions\n" in md and "\n```mermaid\njourney" in md, "Markdown sections")
    check(read(outputs["map.mmd"]).startswith("journey"), "Mermaid")

    russian = board_file(work, "курс.cjm", "five-stage")
    out = os.path.join(work, "курс.csv")
    result = run_cli("export-table", russian, "-o", out)
    check(result.returncode == 0, f"Russian board: {result.stderr}")
    check(read(out).startswith(BOM + "Этапы,Поиск,Выбор,Покупка,Удержание,Лояльность\nЦель,"), f"Cyrillic: {read(out)[:80]!r}")


def test_cli_refuses_its_own_board_an_unknown_extension_and_a_missing_board():
    """Covers: export a table

    Each refusal is one sentence with the right exit code, and neither the board nor an
    existing output is touched."""
    work = tempfile.mkdtemp()
    board = board_file(work, "trip.cjm", "sample")
    before = read(board)
    alias = os.path.join(work, "trip.md")  # the board under a table's name
    os.symlink(board, alias)
    result = run_cli("export-table", board, "-o", alias)
    check(result.returncode == 2 and result.stderr ==
          f"journeyboard: Cannot write {alias}: it is the board being exported; choose another file.\n", result.stderr)
    check(read(board) == before, "the board is untouched")

    out = os.path.join(work, "trip.txt")
    result = run_cli("export-table", board, "-o", out)
    check(result.returncode == 2 and result.stderr ==
          f"journeyboard: Cannot tell the table format from {out}: name it .csv, .tsv, .md or .mmd.\n", result.stderr)
    check(not os.path.exists(out), "nothing written")

    kept = os.path.join(work, "kept.csv")
    with open(kept, "w") as f:
        f.write("good data")
    missing = os.path.join(work, "missing.cjm")
    result = run_cli("export-table", missing, "-o", kept)
    check(result.returncode == 1 and result.stderr == f"journeyboard: Cannot open {missing}: there is no such file.\n",
          result.stderr)
    result = run_cli("export-table", os.path.join(work, "kept.csv"), "-o", os.path.join(work, "again.csv"))
    check(result.returncode == 1 and result.stderr.count("\n") == 1 and result.stderr.endswith(".\n"),
          f"not a board: {result.stderr!r}")
    check(read(kept) == "good data" and not os.path.exists(os.path.join(work, "again.csv")), "nothing replaced")
    result = run_cli("export-table", board, "-o", work + "/no/such/folder/out.csv")
    check(result.returncode == 1 and result.stderr.startswith("journeyboard: Cannot write ") and
          result.stderr.count("\n") == 1, f"no folder: {result.stderr!r}")


def exported(s, path):
    """Waits for the toast that says the table went to `path`."""
    want = f"Exported the table to {path}."
    s.wait_layout(lambda l: any(t["text"] == want for t in l.get("toasts", [])), want)


def test_export_table_from_the_file_menu():
    """Covers: export a table

    File ▸ Export table… suggests <board>.csv beside the board; a typed .md path writes Markdown."""
    work = tempfile.mkdtemp()
    board = board_file(work, "trip.cjm", "sample")
    md = os.path.join(work, "notes.md")
    with Session(args=[board]) as s:
        s.click_widget("menu.file")
        s.click_widget("menu.file.export_table")
        check(s.wait_dialog("Export table") == work, "the dialog opens in the board's folder")
        s.click_widget("file.confirm")  # the suggested name
        exported(s, os.path.join(work, "trip.csv"))
        check(read(os.path.join(work, "trip.csv")).startswith(BOM + "Stages,Awareness,"), "the suggested CSV")

        s.click_widget("menu.file")
        s.click_widget("menu.file.export_table")
        s.wait_dialog("Export table")
        fill(s, "file.name", md)
        exported(s, md)
        title = json.loads(read(board))["board"]["meta"]["title"]
        text = read(md)
        check(text.startswith(f"# {title}\n\n| Stages | Awareness |"), f"the Markdown: {text[:120]!r}")


def test_export_table_refuses_the_boards_own_file():
    """Covers: export a table

    A board kept under a table's name (map.csv): the suggested name is the board itself, and
    exporting there is refused in one sentence, the board left as it was; a name with no
    extension then gets .csv."""
    work = tempfile.mkdtemp()
    board = board_file(work, "map.csv", "blank")
    before = read(board)
    with Session(args=[board]) as s:
        s.click_widget("menu.file")
        s.click_widget("menu.file.export_table")
        s.wait_dialog("Export table")
        s.click_widget("file.confirm")
        check(s.wait_error() == f"Cannot write {board}: it is this board's own file; choose another name.", "the refusal")
        check(read(board) == before, "the board is untouched")
        s.click_widget("menu.file")
        s.click_widget("menu.file.export_table")
        s.wait_dialog("Export table")
        fill(s, "file.name", "plain")
        exported(s, os.path.join(work, "plain.csv"))
        check(read(os.path.join(work, "plain.csv")).startswith(BOM + "Stages,"), "no extension: a CSV")


if __name__ == "__main__":
    main(globals())
