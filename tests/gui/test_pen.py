"""The Pen and the Highlighter (issue 16) through real X input: strokes drawn with xdotool, aimed and
checked with --dump-layout, the saved .cjm and the settings file."""
import json
import math
import os
import tempfile

from jbgui import Session, check, centre, main, run_cli, wait_until


def new_board(work):
    path = os.path.join(work, "board.cjm")
    check(run_cli("new", path, "--template", "sample").returncode == 0, "journeyboard new")
    return path


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)["board"]


def stroke_path(s, points, pause=0.012):
    """Presses at the first point, moves through the others, releases at the last: one xdotool
    process, so the whole stroke takes a fraction of a second."""
    args = ["mousemove", "--window", s.window, int(points[0][0]), int(points[0][1]), "sleep", 0.05, "mousedown", 1]
    for x, y in points[1:]:
        args += ["sleep", pause, "mousemove", "--window", s.window, int(x), int(y)]
    args += ["sleep", 0.05, "mouseup", 1]
    s.xdo(*args)


def choose_tool(s, keys, name):
    s.key(keys)
    s.wait_layout(lambda l: l["tool"] == name, f"the {name} chosen")


def overlaps(a, b):
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def cells_with_notes(layout, count=None):
    """Cells that hold notes (`count` of them, if given) clear of the ink strip, largest first: each
    with its notes."""
    strip = layout["widgets"]["ink.strip"]
    found = []
    for cell in layout["cells"]:
        notes = [n for n in layout["notes"] if n["stage"] == cell["stage"] and n["lane"] == cell["lane"]]
        grown = [cell["rect"][0] - 60, cell["rect"][1] - 60, cell["rect"][2] + 60, cell["rect"][3] + 60]
        if notes and (count is None or len(notes) == count) and not overlaps(grown, strip):
            found.append((cell, notes))
    found.sort(key=lambda f: -(f[0]["rect"][2] - f[0]["rect"][0]) * (f[0]["rect"][3] - f[0]["rect"][1]))
    check(found, "a cell with notes clear of the ink strip")
    return found


def inside(inner, outer):
    return outer[0] <= inner[0] and outer[1] <= inner[1] and inner[2] <= outer[2] and inner[3] <= outer[3]


def test_pen_circles_two_notes_in_their_cell_saves_and_undoes():
    """Covers: draw with the pen; undo / redo; open / save / save as
    P, a circle drawn around the two notes of one cell: one stroke anchored to that cell (its stage
    and lane), simplified to a few dozen points, its rect around both notes; the pen stays chosen;
    Ctrl+S saves it; Ctrl+Z takes it away. Esc during a stroke drops it; a click makes a dot."""
    path = new_board(tempfile.mkdtemp())
    with Session(args=[path]) as s:
        choose_tool(s, "p", "pen")
        s.wait_widget("ink.strip")
        cell, notes = cells_with_notes(s.layout, 2)[0]
        r = [min(n["rect"][0] for n in notes), min(n["rect"][1] for n in notes),
             max(n["rect"][2] for n in notes), max(n["rect"][3] for n in notes)]
        cx, cy = (r[0] + r[2]) / 2, (r[1] + r[3]) / 2
        rx, ry = (r[2] - r[0]) / 2 * 1.45 + 8, (r[3] - r[1]) / 2 * 1.45 + 8
        circle = [(cx + rx * math.cos(2 * math.pi * k / 64), cy + ry * math.sin(2 * math.pi * k / 64)) for k in range(65)]
        stroke_path(s, circle)
        s.wait_layout(lambda l: len(l["strokes"]) == 1, "one stroke")
        stroke = s.layout["strokes"][0]
        check(stroke["stage"] == cell["stage"] and stroke["lane"] == cell["lane"], f"in the notes' cell: {stroke}")
        check(6 <= stroke["points"] <= 40, f"a few dozen points at most: {stroke['points']}")
        check(not stroke["highlighter"], "a pen stroke")
        for n in notes:
            check(inside(n["rect"], stroke["rect"]), f"the stroke {stroke['rect']} surrounds the note {n['rect']}")
        check(s.layout["tool"] == "pen" and s.layout["undo"] == "Draw stroke", f"pen kept, undo {s.layout['undo']!r}")
        s.key("ctrl+s")
        s.wait_layout(lambda l: not l["dirty"], "saved")
        saved = load(path)["strokes"]
        check(len(saved) == 1 and saved[0]["stage"] == cell["stage"] and saved[0]["lane"] == cell["lane"],
              f"the file holds the stroke in that cell: {saved}")
        check(len(saved[0]["points"]) == stroke["points"], "every point saved")
        s.key("ctrl+z")
        s.wait_layout(lambda l: l["strokes"] == [], "undo took the stroke away")
        # Esc halfway through a stroke drops it (the pen stays chosen); a click makes a dot.
        s.xdo("mousemove", "--window", s.window, int(cx), int(cy), "mousedown", 1, "sleep", 0.1,
              "mousemove", "--window", s.window, int(cx) + 30, int(cy) + 10, "sleep", 0.1, "key", "Escape", "sleep", 0.1,
              "mousemove", "--window", s.window, int(cx) + 60, int(cy), "sleep", 0.1, "mouseup", 1)
        s.click(cx, cy)
        s.wait_layout(lambda l: len(l["strokes"]) == 1, "the dot")
        check(s.layout["strokes"][0]["points"] == 1 and s.layout["tool"] == "pen",
              f"only the dot, of one point, with the pen still chosen: {s.layout['strokes']}, {s.layout['tool']}")


def test_highlighter_is_wide_and_takes_the_chosen_colour():
    """Covers: highlight; draw with the pen
    A straight pen stroke (simplified to its two ends), then Shift+P and the strip's third colour and
    widest width: the highlighter stroke is saved with highlighter=true, that colour and a width above
    the pen's; the choice is remembered in the settings file."""
    path = new_board(tempfile.mkdtemp())
    with Session(args=[path]) as s:
        choose_tool(s, "p", "pen")
        s.wait_widget("ink.strip")
        cell = cells_with_notes(s.layout)[0][0]["rect"]
        y = (cell[1] + cell[3]) / 2 - 10
        line = [(cell[0] + 10 + 5 * k, y) for k in range(20)]
        stroke_path(s, line, pause=0.04)  # slow enough for several frames even on a loaded machine
        s.wait_layout(lambda l: len(l["strokes"]) == 1, "the pen stroke")
        choose_tool(s, "shift+p", "highlighter")
        s.wait_widget("ink.color.2")
        s.click_widget("ink.color.2")
        s.click_widget("ink.width.2")
        settings = os.path.join(s.env["XDG_CONFIG_HOME"], "journeyboard", "settings.json")

        def remembered():
            try:
                with open(settings, encoding="utf-8") as f:
                    values = json.load(f)
            except (OSError, ValueError):
                return False
            return values.get("highlighterColor") == "#f472b6" and values.get("highlighterWidth") == 44

        wait_until(remembered, 10, "the highlighter's colour and width in settings.json")
        stroke_path(s, [(x, y + 20) for x, _ in line])
        s.wait_layout(lambda l: len(l["strokes"]) == 2, "the highlighter stroke")
        check(s.layout["undo"] == "Highlight", f"undo names it: {s.layout['undo']!r}")
        s.key("ctrl+s")
        s.wait_layout(lambda l: not l["dirty"], "saved")
    pen, marker = load(path)["strokes"]
    check(not pen.get("highlighter") and marker["highlighter"], f"pen then highlighter: {pen}, {marker}")
    check(len(pen["points"]) == 2, f"a straight line is simplified to its two ends: {pen['points']}")
    check(marker["color"].lower() == "#f472b6", f"the chosen colour: {marker['color']}")
    check(marker["width"] == 44 and marker["width"] > pen["width"], f"wider: {marker['width']} vs {pen['width']}")


def zigzag(cell):
    """Six legs up and down, each in four steps, centred in the cell: 120 × 30 pixels, whole pixels (as
    xdotool moves the pointer)."""
    x0, y0 = round((cell[0] + cell[2]) / 2) - 60, round((cell[1] + cell[3]) / 2) - 15
    tops = [y0 + (30 if i % 2 else 0) for i in range(7)]
    points = [(x0, tops[0])]
    for i in range(6):
        for step in range(1, 5):
            points.append((x0 + 20 * i + 5 * step, round(tops[i] + (tops[i + 1] - tops[i]) * step / 4)))
    return points


def on_screen(layout, saved, cell_id):
    """The saved stroke's points in window pixels (they are kept relative to their cell)."""
    cell = next(c for c in layout["cells"] if (c["stage"], c["lane"]) == cell_id)["rect"]
    z = layout["zoom"]
    return [(cell[0] + p["x"] * z, cell[1] + p["y"] * z) for p in saved["points"]]


def test_smoothing_off_keeps_the_exact_input():
    """Covers: draw with the pen; run any command by name
    One zig-zag with smoothing on (the default), then Tools ▸ Smooth pen strokes off by the palette,
    the same zig-zag again: without smoothing every point lies on a position the pointer was at;
    with it, the ink was steadied off them."""
    path = new_board(tempfile.mkdtemp())
    with Session(args=[path]) as s:
        choose_tool(s, "p", "pen")
        s.wait_widget("ink.strip")
        cells = cells_with_notes(s.layout)
        check(len(cells) >= 2, "two cells to draw in")
        smooth_input, raw_input = zigzag(cells[0][0]["rect"]), zigzag(cells[1][0]["rect"])
        stroke_path(s, smooth_input, pause=0.025)
        s.wait_layout(lambda l: len(l["strokes"]) == 1, "the smoothed stroke")
        s.key("ctrl+k")
        s.wait_layout(lambda l: l["palette"]["open"], "the palette")
        s.type("smooth pen")
        s.wait_layout(lambda l: l["palette"]["shown"][:1] == ["tool.smoothing"], "Smooth pen strokes listed")
        s.key("Return")
        settings = os.path.join(s.env["XDG_CONFIG_HOME"], "journeyboard", "settings.json")
        wait_until(lambda: os.path.exists(settings) and '"smoothing": false' in open(settings).read(), 10,
                   "smoothing off in settings.json")
        s.wait_layout(lambda l: not l["palette"]["open"] and l["tool"] == "pen", "the palette closed, the pen kept")
        stroke_path(s, raw_input, pause=0.025)
        s.wait_layout(lambda l: len(l["strokes"]) == 2, "the raw stroke")
        s.key("ctrl+s")
        s.wait_layout(lambda l: not l["dirty"], "saved")
        layout = s.layout
    smoothed, raw = load(path)["strokes"]
    check(smoothed["stage"] and raw["stage"], f"both strokes in a cell: {smoothed}, {raw}")

    def off_input(points, wanted):
        return max(min(math.dist(p, q) for q in wanted) for p in points)

    check(off_input(on_screen(layout, raw, (raw["stage"], raw["lane"])), raw_input) < 0.3,
          "smoothing off: every point is where the pointer was")
    check(off_input(on_screen(layout, smoothed, (smoothed["stage"], smoothed["lane"])), smooth_input) > 0.5,
          "smoothing on: the ink was steadied off the pointer's positions")


if __name__ == "__main__":
    main(globals())
