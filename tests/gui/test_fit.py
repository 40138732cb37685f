"""Zoom to fit keeps the whole board and its "+" buttons in view beside open panels; the window opens
maximised with a UI scale that follows the screen (a chosen one is remembered); lane prompts show in
empty cells on screen, in the board's language, and never in an export."""
import json
import os
import tempfile

from jbgui import Session, check, main, png_rect, read_png, run_cli
from test_more_features import board_file

TOUCHPOINTS_EN = "Where does the customer meet us?"
CELL_WHITE = (255, 255, 255)  # the light palette's cellFill, which exports use


def inside(inner, outer):
    return inner[0] >= outer[0] and inner[1] >= outer[1] and inner[2] <= outer[2] and inner[3] <= outer[3]


def overlaps(a, b):
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def test_fit_shows_the_plus_buttons_beside_an_open_panel_and_russian_prompts():
    """Covers: zoom to fit; side panels"""
    path = board_file(tempfile.mkdtemp(), "five.cjm", "five-stage")
    with Session(args=[path], size=(1920, 1080)) as s:
        s.key("ctrl+i")  # the inspector opens at the right edge
        s.wait_layout(lambda l: l["sidePanels"], "the inspector panel")
        canvas = s.layout["canvas"]
        s.click(canvas[0] + 8, canvas[3] - 8)  # empty canvas: the board has the keys again
        s.key("f")

        def fitted(l):
            window = [0, 0, l["window"][0], l["window"][1]]
            canvas = l["canvas"]
            buttons = [l["addStage"], l["addLane"]] + [st["rect"] for st in l["stages"]]
            return (l["sidePanels"] and all(inside(b, window) and inside(b, canvas) for b in buttons)
                    and not any(overlaps(b, p["rect"]) for b in buttons for p in l["sidePanels"]))
        s.wait_layout(fitted, "the + buttons and every stage inside the canvas and clear of the panel")
        # The five-stage template is Russian: its empty cells ask in Russian.
        prompts = s.layout["prompts"]
        check(prompts, "empty cells show prompts")
        check(any(p["text"] == "Где клиент встречается с нами?" for p in prompts), f"Russian prompts: {prompts[:2]}")
        check(all(not any("a" <= ch <= "z" for ch in p["text"].lower()) for p in prompts), "no English prompt")


def test_lane_prompt_leaves_when_a_note_arrives_and_is_never_exported():
    """Covers: new board from a template; add a note"""
    work = tempfile.mkdtemp()
    path = board_file(work, "classic.cjm", "classic")
    with Session(args=[path], size=(1600, 900)) as s:
        lane = next(l for l in s.layout["lanes"] if l["kind"] == "touchpoints")
        stage = s.layout["stages"][0]
        prompt = next((p for p in s.layout["prompts"] if p["lane"] == lane["id"] and p["stage"] == stage["id"]), None)
        check(prompt is not None and prompt["text"] == TOUCHPOINTS_EN, f"an empty Touchpoints cell asks: {prompt}")
        cell = next(c["rect"] for c in s.layout["cells"] if c["lane"] == lane["id"] and c["stage"] == stage["id"])
        check(inside(prompt["rect"], cell), "the prompt is written inside its cell")
        first = s.layout
        # The export of the same empty board has no prompt: the cell is plain cell colour.
        out = os.path.join(work, "empty.png")
        result = run_cli("export", path, "-o", out, "--width", "2000")  # prompts would be ~17 px here
        check(result.returncode == 0, f"export: {result.stderr}")
        width, height, channels, rows = read_png(out)
        x0, y0, x1, y1 = png_rect(first, prompt["rect"], width, height)
        off = [(x, y) for y in range(int(y0) + 1, int(y1) - 1) for x in range(int(x0) + 1, int(x1) - 1)
               if tuple(rows[y][x * channels:x * channels + 3]) != CELL_WHITE]
        check(x1 - x0 > 20 and not off, f"the exported cell is all cell colour ({len(off)} other pixels)")
        # A note in the cell takes its prompt away; the next stage's cell keeps its own.
        s.click((cell[0] + cell[2]) / 2, cell[3] - 12, repeat=2)
        s.wait_layout(lambda l: l.get("editing"), "a new note being edited")
        s.type("Website")
        s.key("Escape")
        s.wait_layout(lambda l: any(n["text"] == "Website" for n in l["notes"]) and not l.get("editing"), "the note")
        here = [p for p in s.layout["prompts"] if p["lane"] == lane["id"] and p["stage"] == stage["id"]]
        check(not here, f"the filled cell shows no prompt: {here}")
        check(any(p["lane"] == lane["id"] and p["stage"] == s.layout["stages"][1]["id"] for p in s.layout["prompts"]),
              "the empty cell beside it still asks")


def test_window_opens_maximised_without_window_option():
    """Covers: UI scale"""
    with Session(["--template", "sample"], size=(1920, 1080), window=False) as s:
        w, h = s.layout["window"]
        check(w >= 1900 and h >= 1040, f"the window fills the 1920x1080 screen: {w}x{h}")
        check(s.layout["uiScale"] == 1, f"1080p: UI scale 100 %: {s.layout['uiScale']}")


def test_ui_scale_follows_a_4k_screen_until_one_is_chosen():
    """Covers: UI scale"""
    # A 4K screen; a small window on it keeps the test quick (the scale is the monitor's).
    with Session(["--template", "sample"], size=(1280, 800), screen=(3840, 2160)) as s:
        check(s.layout["uiScale"] >= 1.75, f"a 4K screen: UI scale {s.layout['uiScale']}")
        check(s.layout["menuBar"] >= 1.75 * 20, f"the menu bar scales with it: {s.layout['menuBar']} px")
        s.click_widget("menu.view")
        s.click_widget("menu.ui_scale")
        s.click_widget("menu.ui_scale.100%")
        s.wait_layout(lambda l: l["uiScale"] == 1 and "menu.ui_scale.100%" not in l["widgets"], "the UI scale at 100 %")
        settings = os.path.join(s.env["XDG_CONFIG_HOME"], "journeyboard", "settings.json")
        saved = json.load(open(settings))
        check(saved["uiScale"] == 1 and saved["uiScaleAuto"] is False, f"saved as chosen: {saved}")
        s.crash()
        s.restart()
        check(s.layout["uiScale"] == 1, f"the chosen scale wins over the 4K screen: {s.layout['uiScale']}")

def test_a_board_far_too_wide_for_the_least_zoom_opens_whole_then_zooms_out_to_half_and_pans():
    """Covers: zoom to fit; zoom around the cursor; pan

    A board of 600 stages (about 200,000 board units wide) would be 4,000 px wide at the old least
    zoom (0.02): it opens fitted with every stage and both + buttons in the canvas; zooming out
    stops at half the fitted zoom; a pan moves it; F fits it again."""
    work = tempfile.mkdtemp()
    path = board_file(work, "wide.cjm", "five-stage")
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    board = doc["board"]
    for i in range(600 - len(board["stages"])):
        board["stages"].append(dict(board["stages"][0], id=board["nextId"], name=f"S{i}", width=320.0))
        board["nextId"] += 1
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False)
    with Session(args=[path], size=(1280, 800)) as s:
        def whole(l):
            return len(l["stages"]) == 600 and all(
                inside(r, l["canvas"]) for r in [l["addStage"], l["addLane"], l["stages"][0]["rect"], l["stages"][-1]["rect"]])
        fitted = s.wait_layout(whole, "every stage and both + buttons in the canvas")
        fit = fitted["zoom"]
        check(fit < 0.02 / 2, f"fitted below the old least zoom: {fit}")
        cx, cy = (fitted["canvas"][0] + fitted["canvas"][2]) / 2, (fitted["canvas"][1] + fitted["canvas"][3]) / 2
        s.move(cx, cy)
        s.xdo("click", "--repeat", 12, "--delay", 30, 5)  # wheel down: zoom out
        out = s.wait_layout(lambda l: abs(l["zoom"] - fit / 2) < fit * 0.01, "zoomed out to half the fitted zoom")
        s.xdo("click", "--repeat", 3, "--delay", 30, 5)
        check(abs(s.wait_layout(lambda l: True, "a frame")["zoom"] - out["zoom"]) < fit * 0.01, "and no further")
        x0 = out["stages"][0]["rect"][0]
        s.drag((cx, cy - 150), (cx + 200, cy - 150), steps=5)  # a drag on empty canvas pans
        s.wait_layout(lambda l: abs(l["stages"][0]["rect"][0] - (x0 + 200)) < 3, "the board panned 200 px right")
        s.key("f")
        s.wait_layout(lambda l: abs(l["zoom"] - fit) < fit * 0.001 and whole(l), "fitted again")


if __name__ == "__main__":
    main(globals())
