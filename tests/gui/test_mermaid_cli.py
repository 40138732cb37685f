"""Mermaid journeys through the command line: `import-table X.mmd|X.md -o B.cjm` builds the board
(stages, a Steps lane, a persona and curve per actor whose points name their tasks), and
`export-table B.cjm -o OUT.mmd` writes the journey back, which imports to the same board. These
need no display (the window is never reached)."""
import json
import os
import tempfile

from jbgui import check, main, run_cli

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "tables")
HEADLESS = {k: v for k, v in os.environ.items() if k != "DISPLAY"}
HEADLESS["LANG"] = "C.UTF-8"


def cli(*args):
    return run_cli(*args, env=HEADLESS)


def board_of(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)["board"]


def journey(board):
    """What Mermaid holds of a board: [(stage, [(task, [(actor, score)])])], actors in curve order."""
    names = {p["id"]: p["name"] for p in board["personas"]}
    touch = [lane["id"] for lane in board["lanes"] if lane["kind"] == "touchpoints"]
    stages = []
    for stage in board["stages"]:
        tasks = []
        for lane in touch:
            for note in board["notes"]:
                if note.get("stage") != stage["id"] or note.get("lane") != lane:
                    continue
                actors = [(names.get(curve["persona"], "?"), round(point["value"] * 2 + 3))
                          for curve in board["curves"] for point in curve["points"]
                          if point.get("note") == note["id"]]
                tasks.append((note["text"], actors))
        stages.append((stage["name"], tasks))
    return stages


def imported(work, fixture, name, *extra):
    out = os.path.join(work, name)
    result = cli("import-table", os.path.join(FIXTURES, fixture), "-o", out, *extra)
    check(result.returncode == 0, f"import-table {fixture}: {result.returncode} {result.stderr!r}")
    return out, board_of(out)


def test_import_table_builds_a_board_from_a_mermaid_journey():
    """import-table on a .mmd file and on Russian Markdown holding a ```mermaid fence."""
    with tempfile.TemporaryDirectory() as work:
        _, board = imported(work, "coffee_order.mmd", "coffee.cjm")
        check(board["meta"]["title"] == "Ordering coffee ahead on the way to work", board["meta"]["title"])
        check([s["name"] for s in board["stages"]] == ["Discover", "Order", "Pick up", "Come back"], "sections → stages")
        check([(l["name"], l["kind"]) for l in board["lanes"]] == [("Steps", "touchpoints"), ("Emotions", "emotions")],
              f"lanes: {board['lanes']!r}")
        check([p["name"] for p in board["personas"]] == ["Guest Shopper", "Regular", "Barista"], "actors → personas")
        seen = journey(board)
        check(seen[2] == ("Pick up", [("Find the pick-up shelf", [("Guest Shopper", 2), ("Regular", 2)]),
                                      ('Order called by name: "Sam; flat white"', [("Regular", 4), ("Barista", 4)])]),
              f"Pick up: {seen[2]!r}")
        check(sum(len(tasks) for _, tasks in seen) == 10, "ten tasks")

        _, ru = imported(work, "insurance_claim_ru.md", "claim.cjm", "--title", "КАСКО")
        check(ru["meta"]["title"] == "КАСКО", "--title wins over the journey's title")
        check(ru["meta"]["language"] == "ru", "a Russian board")
        check([l["name"] for l in ru["lanes"]] == ["Шаги", "Эмоции"], f"lanes: {ru['lanes']!r}")
        check(journey(ru)[1] == ("Осмотр", [("Запись на осмотр", [("Водитель", 3)]),
                                            ("Осмотр автомобиля", [("Водитель", 3), ("Эксперт", 3)])]),
              f"Осмотр: {journey(ru)[1]!r}")


def test_export_table_writes_the_journey_back_and_it_reimports_the_same():
    """export-table OUT.mmd of an imported journey, imported again: same sections, tasks, actors, scores."""
    with tempfile.TemporaryDirectory() as work:
        path, board = imported(work, "coffee_order.mmd", "coffee.cjm")
        mmd = os.path.join(work, "back.mmd")
        result = cli("export-table", path, "-o", mmd)
        check(result.returncode == 0, f"export-table: {result.returncode} {result.stderr!r}")
        with open(mmd, encoding="utf-8") as f:
            text = f.read()
        check(text.startswith("journey\n  title Ordering coffee ahead on the way to work\n  section Discover\n"), text)
        check('    Order called by name#58; "Sam#59; flat white": 4: Regular, Barista\n' in text, text)
        check("    Rate the order #35;1 of the day: 3: Guest Shopper\n" in text, text)
        _, again = imported(work, mmd, "again.cjm")  # an absolute path: os.path.join keeps it
        check(journey(again) == journey(board), "the same journey after the round trip")


def test_import_table_refuses_a_bad_journey_in_one_sentence():
    """A bad score names its line; the output is not written."""
    with tempfile.TemporaryDirectory() as work:
        bad = os.path.join(work, "bad.mmd")
        with open(bad, "w", encoding="utf-8") as f:
            f.write("journey\n  section A\n    Make tea: 5: Me\n    Go upstairs: lots: Me\n")
        out = os.path.join(work, "out.cjm")
        result = cli("import-table", bad, "-o", out)
        lines = result.stderr.strip().splitlines()
        check(result.returncode == 1, f"exit code {result.returncode}: {result.stderr!r}")
        check(len(lines) == 1 and lines[0].endswith(".") and "Line 4" in lines[0] and '"lots"' in lines[0],
              f"one sentence naming line 4: {result.stderr!r}")
        check(not os.path.exists(out), "nothing written")


if __name__ == "__main__":
    main(globals())
