"""Tables in: `journeyboard import-table` on the realistic fixtures (tests/fixtures/tables/) and on
bad tables (one sentence, exit 1, no file left); File ▸ Import table… through the file dialog;
Ctrl+Shift+V with a table, or other text, on the clipboard."""
import json
import os
import shutil
import tempfile

from jbgui import Session, check, errors, main, run_cli, set_clipboard
from test_editing import add_note, new_board
from test_more_features import fill

HEADLESS = {k: v for k, v in os.environ.items() if k != "DISPLAY"}
TABLES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "tables")
BANK_STAGES = ["Awareness", "Application", "Approval", "Card delivery", "First use", "Everyday use"]


def cli(*args):
    return run_cli(*args, env={**HEADLESS, "LANG": "C.UTF-8"})


def board_of(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)["board"]


def cell(board, stage, lane):
    """The texts of the notes in the cell (stage name, lane name), in order."""
    sid = next(s["id"] for s in board["stages"] if s["name"] == stage)
    lid = next(l["id"] for l in board["lanes"] if l["name"] == lane)
    return [n["text"] for n in board["notes"] if n.get("stage") == sid and n.get("lane") == lid]


def one_sentence(result, code, *parts):
    lines = result.stderr.strip().splitlines()
    check(result.returncode == code, f"exit code {result.returncode}, wanted {code}: {result.stderr!r}")
    check(len(lines) == 1 and lines[0].startswith("journeyboard: ") and lines[0].endswith("."),
          f"one sentence: {result.stderr!r}")
    for part in parts:
        check(part in lines[0], f"{part!r} in {lines[0]!r}")


def test_cli_imports_the_example_tables():
    """Covers: import a table

    `journeyboard import-table` on the Russian online-course TSV (HTML lists, entities, quoted
    multi-line cells), the English bank-card CSV (BOM, CRLF, RFC 4180 quoting, bullets) with
    --title, and the semicolon CSV: the saved boards' stages, lanes and kinds, notes, curve."""
    work = tempfile.mkdtemp()
    out = os.path.join(work, "course.cjm")
    result = cli("import-table", os.path.join(TABLES, "online_course_ru.tsv"), "-o", out)
    check(result.returncode == 0 and result.stderr == "" and result.stdout == "", f"quiet success: {result}")
    board = board_of(out)
    check(board["meta"]["title"] == "online_course_ru" and board["meta"]["language"] == "ru", f"{board['meta']}")
    check([s["name"] for s in board["stages"]] == ["Поиск курса", "Выбор и оплата", "Первые уроки",
                                                   "Учёба в середине курса", "Итоговый проект", "После курса"],
          "the six stages, Cyrillic intact")
    check([(l["name"], l["kind"]) for l in board["lanes"]] ==
          [("Цели клиента", "goals"), ("Действия клиента", "touchpoints"), ("Точки контакта", "touchpoints"),
           ("Вопросы", "questions"), ("Эмоции", "emotions"), ("Боли и барьеры", "pains"),
           ("Идеи и решения", "solutions"), ("Метрики", "metrics")], f"lanes and kinds: {board['lanes']}")
    check(len(board["notes"]) == 48, f"48 notes: {len(board['notes'])}")
    check(cell(board, "Поиск курса", "Цели клиента") == ["Сменить профессию за год", "Понять, с чего начать"],
          "an HTML list with attributes and &nbsp;")
    check(cell(board, "Выбор и оплата", "Вопросы") == ["«А если не получится?»"], "&laquo; &raquo;")
    check(cell(board, "Поиск курса", "Вопросы") == ["С чего вообще начать?"], "<i> removed, its text kept")
    check(cell(board, "Первые уроки", "Цели клиента") == ["Не отстать от группы", "Разобраться в теме"],
          "a quoted multi-line cell")
    points = [(p["value"], p.get("label", "")) for c in board["curves"] for p in c["points"]]
    check(len(points) == 6 and points[1] == (-0.5, "тревога"), f"the emotions row as a curve: {points}")
    check([p["name"] for p in board["personas"]] == ["Клиент"], f"{board['personas']}")

    out = os.path.join(work, "card.cjm")
    result = cli("import-table", os.path.join(TABLES, "bank_card_en.csv"), "-o", out, "--title", "Debit card")
    check(result.returncode == 0 and result.stderr == "", f"{result}")
    board = board_of(out)
    check(board["meta"]["title"] == "Debit card", "--title")
    check([s["name"] for s in board["stages"]] == BANK_STAGES, "stages after a BOM")
    check([l["kind"] for l in board["lanes"]] == ["goals", "touchpoints", "touchpoints", "emotions", "pains",
                                                  "solutions", "actions", "metrics"], f"{board['lanes']}")
    check(len(board["notes"]) == 41, f"41 notes: {len(board['notes'])}")
    check(cell(board, "Awareness", "Customer actions") ==
          ['Compares banks on a review site, reads "no hidden fees" claims'], "commas and doubled quotes")
    check(cell(board, "Everyday use", "Customer goals") == ["Track spending", "Avoid overdraft fees"], "• A• B")

    out = os.path.join(work, "semicolon.cjm")
    check(cli("import-table", os.path.join(TABLES, "bank_card_semicolon.csv"), "-o", out).returncode == 0, "; CSV")
    board = board_of(out)
    check([s["name"] for s in board["stages"]] == ["Awareness", "Application", "First use"], "; stages")
    check(cell(board, "Application", "Goals") == ["Apply fast; no paperwork"] and len(board["notes"]) == 9,
          f"; quoting: {board['notes']}")


def test_cli_refuses_bad_tables_in_one_sentence():
    """Covers: import a table

    Each bad table, a missing file, a folder, the table itself or an existing file as the output:
    one sentence, exit 1 (2 for the same file), and no output file. A fixed text is a note."""
    work = tempfile.mkdtemp()
    out = os.path.join(work, "out.cjm")

    def write(name, data):
        path = os.path.join(work, name)
        with open(path, "wb") as f:
            f.write(data)
        return path

    huge = os.path.join(work, "huge.csv")
    with open(huge, "wb") as f:
        f.truncate(257 << 20)  # sparse: no disk used
    cases = [
        (write("empty.csv", b""), "empty.csv is empty."),
        (write("blank.csv", b"\r\n\r\n"), "blank.csv is empty."),
        (write("nostage.csv", b"Stages\nGoals\n"), "Line 1 names no stages"),
        (write("binary.csv", b"Stages,A\x00\x01\x02"), "binary.csv is not a text table (it holds binary data)."),
        (write("long.csv", b"Stages,A,B\nGoals,1,2\nPains,1,2,3\n"),
         "Line 3 has 4 cells but the header names 2 stages; give every column a stage name."),
        (write("quote.tsv", b"Stages\tA\nGoals\t\"never closed\n"), "Line 2 opens a quoted cell that is never closed"),
        (write("wide.csv", b"Stages" + b",S" * 1000 + b"\nGoals,x\n"), "Line 1 has more than 1,000 columns"),
        (os.path.join(work, "missing.csv"), "there is no such file."),
        (work, "it is a folder, not a table."),
        ("/dev/zero", "Cannot import /dev/zero: it is not a regular file."),
        (huge, "is too large to import: it is 257 MiB, and the limit is 256 MiB."),
    ]
    for path, part in cases:
        one_sentence(cli("import-table", path, "-o", out), 1, part)
        check(not os.path.exists(out), f"no output after {part!r}")
    good = write("good.csv", b"Stages,A\n,x\n")
    one_sentence(cli("import-table", good, "-o", good), 2, "it is the table being imported")
    existing = write("board.cjm", b"{}")
    one_sentence(cli("import-table", good, "-o", existing), 1, "the file already exists")
    check(open(existing, "rb").read() == b"{}", "an existing file is left alone")
    result = cli("import-table", good, "-o", out)
    check(result.returncode == 0 and result.stderr ==
          'journeyboard: note: 1 row had no lane name and was named by its place ("Lane 1").\n', f"{result}")
    check(board_of(out)["lanes"][0]["name"] == "Lane 1", "the lane is named")


def test_import_table_through_the_file_dialog():
    """Covers: import a table

    File ▸ Import table…: a binary file is refused in one sentence and the board stays; the bank
    CSV typed into the file dialog becomes a new, unsaved board, fitted, with a status line."""
    work = tempfile.mkdtemp()  # a short path: typing it is what takes the time
    bad = os.path.join(work, "photo.csv")
    with open(bad, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    bank = os.path.join(work, "bank_card_en.csv")
    shutil.copyfile(os.path.join(TABLES, "bank_card_en.csv"), bank)
    with Session(args=["--template", "sample"]) as s:
        stages = [st["name"] for st in s.wait_layout(lambda l: l["stages"], "the sample")["stages"]]
        s.click_widget("menu.file")
        s.click_widget("menu.file.import_table")
        s.wait_dialog("Import table")
        fill(s, "file.name", bad)
        check(s.wait_error() == f"{bad} is not a text table (it holds binary data).", "one sentence")
        check([st["name"] for st in s.layout["stages"]] == stages, "the board is untouched")
        s.key("Escape")
        s.wait_layout(lambda l: not errors(l) and not l["dialogs"], "the error dismissed")
        s.click_widget("menu.file")
        s.click_widget("menu.file.import_table")
        s.wait_dialog("Import table")
        fill(s, "file.name", bank)
        layout = s.wait_layout(lambda l: [st["name"] for st in l["stages"]] == BANK_STAGES and not l["dialogs"],
                               "the imported board")
        check(layout["path"] == "" and len(layout["notes"]) == 41, f"new and unsaved: {layout['path']!r}")
        check(layout["status"] == "Imported bank_card_en.csv: stages: 6, lanes: 8, notes: 41.", layout["status"])
        check(any(n["text"] == "Know if I'm approved, fast" for n in layout["notes"]), "a note's text")


def test_paste_table_makes_a_new_board():
    """Covers: import a table

    Ctrl+Shift+V with plain text on the clipboard says there is no table and changes nothing; with
    cells copied from a spreadsheet (tab-separated) it opens them as a new board."""
    with Session(args=["--template", "sample"]) as s:
        layout = s.wait_layout(lambda l: l["stages"], "the sample")
        stages, notes = [st["name"] for st in layout["stages"]], len(layout["notes"])
        set_clipboard(s, "just a sentence, not a table")
        s.key("ctrl+shift+v")
        check(s.wait_error() ==
              "The clipboard holds no table: copy cells from a spreadsheet, stages across and lanes down.", "refused")
        check([st["name"] for st in s.layout["stages"]] == stages and len(s.layout["notes"]) == notes, "unchanged")
        s.key("Escape")
        s.wait_layout(lambda l: not errors(l), "the error dismissed")
        set_clipboard(s, "Этапы\tПоиск\tПокупка\nБоли\t• Дорого• Долго\tОчередь\n")
        s.key("ctrl+shift+v")
        layout = s.wait_layout(lambda l: [st["name"] for st in l["stages"]] == ["Поиск", "Покупка"], "the pasted board")
        check([n["text"] for n in layout["notes"]] == ["Дорого", "Долго", "Очередь"], f"{layout['notes']}")
        check(layout["path"] == "" and layout["status"] == "Pasted a table: stages: 2, lanes: 1, notes: 3.",
              layout["status"])



def test_paste_table_asks_about_unsaved_changes():
    """Covers: import a table

    With unsaved changes Ctrl+Shift+V asks first: Esc keeps the board and its new note; N (don't
    save) opens the pasted table."""
    work = tempfile.mkdtemp()
    path = new_board(work)
    with Session(args=[path]) as s:
        add_note(s, "Awareness", "Questions", "Unsaved thought")
        set_clipboard(s, "Stages\tLook\tBuy\nPain points\tSlow site\n")
        s.key("ctrl+shift+v")
        s.wait_widget("unsaved.save")
        s.key("Escape")
        layout = s.wait_layout(lambda l: "unsaved.save" not in l.get("widgets", {}), "the question to close")
        check(layout["path"] == path and any(n["text"] == "Unsaved thought" for n in layout["notes"]), "cancel keeps it")
        s.key("ctrl+shift+v")
        s.wait_widget("unsaved.save")
        s.key("n")
        layout = s.wait_layout(lambda l: [st["name"] for st in l["stages"]] == ["Look", "Buy"], "the pasted board")
        check(layout["path"] == "" and [n["text"] for n in layout["notes"]] == ["Slow site"], f"{layout['notes']}")

if __name__ == "__main__":
    main(globals())
