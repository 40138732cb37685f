"""The stage funnel strip (issue 18): customers reached, typed into a stage's context menu with real
keys; checked through --dump-layout's "funnel", the saved .cjm and an exported PNG."""
import json
import os
import tempfile

from jbgui import Session, centre, check, count_near, main, png_rect, read_png, run_cli
from test_editing import load

PAIN = 0xD64541  # the light palette's pain colour: the biggest drop's pill
FIXTURE = os.path.join(os.path.dirname(__file__), "..", "fixtures", "v4", "sample.cjm")


def board_file():
    work = tempfile.mkdtemp()
    path = os.path.join(work, "funnel.cjm")
    check(run_cli("new", path, "--template", "sample").returncode == 0, "new sample board")
    return work, path


def stage(layout, name):
    return next(s for s in layout["stages"] if s["name"] == name)


def funnel_of(layout, name):
    """The strip's entry for the stage named `name`, or None (no strip, or the stage not in it)."""
    ident = stage(layout, name)["id"]
    return next((f for f in layout.get("funnel", {}).get("stages", []) if f["stage"] == ident), None)


def reached(layout, name):
    entry = funnel_of(layout, name)
    return entry["reached"] if entry else None


def open_field(s, name, on_strip=False):
    """Right-click the stage's header (or its part of the strip), Customers reached… : the field, focused."""
    s.click(*centre(funnel_of(s.layout, name)["column"] if on_strip else stage(s.layout, name)["rect"]), button=3)
    s.click_widget("menu.reached")
    s.wait_widget("reached.field")


def set_reached(s, name, text, expected, on_strip=False):
    open_field(s, name, on_strip)
    s.key("ctrl+a")  # the field starts with the stage's count: typing replaces it
    s.type(text)
    s.key("Return")
    s.wait_layout(lambda l: reached(l, name) == expected and "reached.field" not in l.get("widgets", {}),
                  f"{name} reached {expected} from {text!r}")


def test_customers_reached_from_the_stage_menu_draws_the_funnel_strip():
    """Covers: set customers reached (funnel strip)

    Three counts typed three ways ("10000", "6 200", "3,100"): the strip appears under the headers
    (the lanes move down by its height), bars get shorter stage by stage, the biggest drop
    (Consideration → Decision, 50 %) is flagged; one undo step each; saved as each stage's
    "reached"."""
    _, path = board_file()
    with Session(args=[path]) as s:
        check("funnel" not in s.layout, "no stage measured: no strip")
        first_lane = s.layout["lanes"][0]["rect"]
        set_reached(s, "Awareness", "10000", 10000)
        strip = s.layout["funnel"]["rect"]
        check(abs(strip[1] - stage(s.layout, "Awareness")["rect"][3]) <= 1, f"the strip sits under the headers: {strip}")
        lane = s.layout["lanes"][0]["rect"]
        check(lane[1] > first_lane[1] + 20 and abs(lane[1] - strip[3]) <= 1, f"the lanes move down by it: {lane}")
        check(s.layout["undo"] == "Set customers reached", f"one undo step: {s.layout['undo']}")
        set_reached(s, "Consideration", "6 200", 6200)
        set_reached(s, "Decision", "3,100", 3100)

        stages = s.layout["funnel"]["stages"]
        widths = [f["bar"][2] - f["bar"][0] for f in stages[:3]]
        check(widths[0] > widths[1] > widths[2] > 0, f"bars shorten with the funnel: {widths}")
        check(abs(widths[1] / widths[0] - 0.62) < 0.02, f"a bar is the stage's share of the first: {widths}")
        check([f["biggest"] for f in stages] == [False, True, False, False, False],
              f"the biggest drop is Consideration → Decision: {[(f['drop'], f['biggest']) for f in stages]}")
        check(abs(stages[1]["drop"] - 50) < 1e-6 and abs(stages[0]["drop"] - 38) < 1e-6, "the drops in percent")
        check(stages[0]["count"] == "10,000", f"the count as the board's language writes it: {stages[0]['count']}")
        check(funnel_of(s.layout, "Purchase")["reached"] is None and funnel_of(s.layout, "Purchase")["bar"][2] ==
              funnel_of(s.layout, "Purchase")["bar"][0], "an unmeasured stage: no bar")

        # Undo takes the last count away, and with it the drop to it.
        s.key("ctrl+z")
        s.wait_layout(lambda l: reached(l, "Decision") is None, "Decision unmeasured after undo")
        check(funnel_of(s.layout, "Consideration")["drop"] is None, "no drop to an unmeasured stage")
        check(funnel_of(s.layout, "Awareness")["biggest"], "the only drop is now the biggest")

        s.key("ctrl+s")
        s.wait_layout(lambda l: not l["dirty"], "saved")
        saved = {x["name"]: x["reached"] for x in load(path)["stages"]}
        check(saved == {"Awareness": 10000, "Consideration": 6200, "Decision": None, "Purchase": None,
                        "Post-purchase": None}, f"saved as each stage's reached: {saved}")


def test_percentages_and_text_that_is_not_a_count():
    """Covers: set customers reached (funnel strip)

    A first percentage makes the first stage 100 in the same undo step; a later one (typed from
    the stage's part of the strip) is of it; bad text is refused with one sentence, nothing changed."""
    _, path = board_file()
    with Session(args=[path]) as s:
        set_reached(s, "Decision", "45 %", 45)
        check(reached(s.layout, "Awareness") == 100, "the first stage is the 100 % it is of")
        set_reached(s, "Purchase", "12,5%", 12.5, on_strip=True)
        open_field(s, "Purchase", on_strip=True)
        s.key("ctrl+a")
        s.type("lots")
        s.key("Return")
        s.wait_layout(lambda l: l["status"].startswith("Type a number of customers"), "the refusal on the status line")
        check(s.layout["status"].endswith(".") and s.layout["status"].count(". ") == 0, f"one sentence: {s.layout['status']}")
        check("reached.field" in s.layout["widgets"] and reached(s.layout, "Purchase") == 12.5, "nothing changed")
        s.key("Escape")
        s.wait_layout(lambda l: "reached.field" not in l.get("widgets", {}), "Esc leaves the field")
        check(s.layout["undo"] == "Set customers reached" and reached(s.layout, "Purchase") == 12.5, "the board as it was")
        s.key("ctrl+z")
        s.wait_layout(lambda l: reached(l, "Purchase") is None, "Purchase unmeasured after undo")
        s.key("ctrl+z")  # one step takes both the percentage and the first stage's 100 back: no strip
        s.wait_layout(lambda l: "funnel" not in l, "no strip after one undo more")


def test_customers_reached_in_the_inspector():
    """Covers: set customers reached (funnel strip)

    The Inspector's "Stage:" field sets the selected note's stage: a count, then one undo step."""
    _, path = board_file()
    with Session(args=[path]) as s:
        decision = stage(s.layout, "Decision")["id"]
        note = next(n for n in s.layout["notes"] if n["stage"] == decision and not n.get("hidden"))
        s.click(*centre(note["rect"]))
        s.wait_layout(lambda l: l["selection"] == [note["id"]], "the note selected")
        s.key("ctrl+i")
        s.click_widget("inspector.reached")
        s.key("ctrl+a")
        s.type("2 500")
        s.key("Return")
        s.wait_layout(lambda l: reached(l, "Decision") == 2500, "Decision reached 2500 from the inspector")
        check(s.layout["undo"] == "Set customers reached", f"one undo step: {s.layout['undo']}")


def test_the_strip_is_in_the_exported_png():
    """Covers: set customers reached (funnel strip)

    The frozen version 4 sample (10000 / 6200 / 3100 / 1178 / not measured): the whole-board PNG
    export draws the strip, the biggest drop (Decision → Purchase, 62 %) on its pain-coloured pill
    in Decision's part of the strip and nowhere else in it."""
    work = tempfile.mkdtemp()
    path = os.path.join(work, "sample.cjm")
    with open(FIXTURE, encoding="utf-8") as f:
        data = json.load(f)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f)
    with Session(args=[path]) as s:
        layout = s.wait_layout(lambda l: "funnel" in l, "the strip")
    flags = {f["stage"]: f["biggest"] for f in layout["funnel"]["stages"]}
    check(flags[stage(layout, "Decision")["id"]] and sum(flags.values()) == 1, f"Decision's drop is the biggest: {flags}")
    png = os.path.join(work, "board.png")
    result = run_cli("export", path, "-o", png, "--width", 2400)
    check(result.returncode == 0, f"export: {result.stderr}")
    width, height, channels, rows = read_png(png)
    red = {f["stage"]: count_near(rows, channels, png_rect(layout, f["column"], width, height), PAIN)
           for f in layout["funnel"]["stages"]}
    decision = red.pop(stage(layout, "Decision")["id"])
    check(decision > 150, f"the biggest drop's pill is in the export: {decision} pain-coloured pixels")
    check(max(red.values()) < 10, f"no other stage's part of the strip has it: {red}")


if __name__ == "__main__":
    main(globals())
