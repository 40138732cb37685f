"""Room view (R) and vote badges: the board read from the back row, through real X input."""
import json
import os
import tempfile

from jbgui import Session, check, centre, main, read_png, run_cli


def sample_board(work, votes=15):
    """The sample board as a file, with `votes` on the Decision question (a badge past five)."""
    path = os.path.join(work, "sample.cjm")
    check(run_cli("new", path, "--template", "sample").returncode == 0, "new --template sample")
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    target = next(n for n in data["board"]["notes"] if n["text"].startswith("What happens when the free month"))
    target["votes"] = votes
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f)
    return path, target["id"]


def on_screen(layout, note):
    x0, y0, x1, y1 = note["rect"]
    cx0, cy0, cx1, cy1 = layout["canvas"]
    return not note["hidden"] and x0 >= cx0 and y0 >= cy0 and x1 <= cx1 and y1 <= cy1


def test_room_view_reads_from_the_back_row_and_clicks_land_on_its_notes():
    """Covers: room view (the back row); zoom to fit; select"""
    path, voted = sample_board(tempfile.mkdtemp())
    with open(path, "rb") as f:
        saved = f.read()
    with Session(args=[path], size=(1920, 1080)) as s:
        s.key("f")
        normal = s.wait_layout(lambda l: not l["roomView"] and l["notes"], "the fitted sample board")
        normal_px = {n["id"]: n["textPx"] for n in normal["notes"] if on_screen(normal, n)}
        check(len(normal_px) >= 30, f"the sample's notes are on screen: {len(normal_px)}")
        badge = next(n for n in normal["notes"] if n["id"] == voted)
        check(badge["votesBadge"] and badge["votes"] == 15, "15 votes show as a badge")
        check(not any(n["votesBadge"] for n in normal["notes"] if n["votes"] <= 5), "five votes or fewer are dots")

        s.key("r")
        room = s.wait_layout(lambda l: l["roomView"], "Room view")
        shown = [n for n in room["notes"] if on_screen(room, n)]
        check(len(shown) == len(normal_px), f"every note is still on screen, fitted: {len(shown)} of {len(normal_px)}")
        small = [(n["text"], round(n["textPx"], 1)) for n in shown if n["textPx"] < 16]
        check(not small, f"every note's text is at least 16 px: {small}")
        check(all(n["textPx"] > normal_px[n["id"]] for n in shown), "Room view made every note's text larger")
        check(max(normal_px.values()) < 16, f"without it the text is small: {max(normal_px.values())}")
        # The headings read from the back row too: stage names as large as the least note text, lane
        # names in a label column grown to the left (the cells stay where they were on the board).
        stage_px = [round(st["namePx"], 1) for st in room["stages"]]
        lane_px = [round(ln["namePx"], 1) for ln in room["lanes"]]
        check(min(stage_px) >= 16 and max(st["namePx"] for st in normal["stages"]) < 16,
              f"stage names at least 16 px in Room view: {stage_px}, before {[st['namePx'] for st in normal['stages']]}")
        check(min(lane_px) >= 14 and max(ln["namePx"] for ln in normal["lanes"]) < 12,
              f"lane names at least 14 px in Room view: {lane_px}")
        box_units = lambda l, ln: (ln["nameBox"][2] - ln["nameBox"][0]) / l["zoom"]
        check(all(box_units(room, a) > box_units(normal, b) + 60 for a, b in zip(room["lanes"], normal["lanes"])),
              "the lane names' boxes are wider on the board")
        # So do the title, the curves' legend and the persona card.
        check(room["titlePx"] > max(stage_px) and room["titlePx"] > normal["titlePx"],
              f"the title grows, still the largest words: {normal['titlePx']:.1f} -> {room['titlePx']:.1f} px")
        check(room["legendPx"] >= 12 and normal["legendPx"] < 9,
              f"the curves' legend at least 12 px: {normal['legendPx']:.1f} -> {room['legendPx']:.1f}")
        check(room["personaTextPx"] >= 14 and normal["personaTextPx"] < 9,
              f"the persona card's text at least 14 px: {normal['personaTextPx']:.1f} -> {room['personaTextPx']:.1f}")
        card = room["personaCards"][0]
        cx0, cy0, cx1, cy1 = room["canvas"]
        check(card[0] >= cx0 and card[2] <= room["lanes"][0]["rect"][0] and card[1] >= cy0,
              f"the larger card is on screen, left of the grid: {card}")
        labels = [p for c in room["curves"] for p in c["points"] if p["label"]]
        check(labels and all(p["labelPx"] >= 12 for p in labels),
              f"every point label is at least 12 px: {[round(p['labelPx'], 1) for p in labels]}")
        check(not room["dirty"] and room["undo"] == "", "a view only: nothing to save, nothing to undo")

        # A click on a note in Room view selects the note drawn there.
        target = next(n for n in shown if n["text"] == "Pricing page with three plans")
        s.click(*centre(target["rect"]))
        s.wait_layout(lambda l: l["selection"] == [target["id"]], "the click selected the note under it")

        s.key("r")
        back = s.wait_layout(lambda l: not l["roomView"], "R again: the normal view")
        again = {n["id"]: n["textPx"] for n in back["notes"] if on_screen(back, n)}
        check(again.keys() == normal_px.keys() and all(abs(again[i] - normal_px[i]) < 0.05 for i in again),
              "the notes are drawn as before")
        check(not back["dirty"], "still nothing to save")
    with open(path, "rb") as f:
        check(f.read() == saved, "the file is untouched")


def test_a_note_with_fifteen_votes_exports_a_number_badge():
    """Covers: dot voting; export PNG… (region, width or scale, background, with progress and Cancel)"""
    work = tempfile.mkdtemp()
    blue = {}
    for votes in (2, 15):
        path, _ = sample_board(work, votes)
        png = os.path.join(work, f"votes{votes}.png")
        result = run_cli("export", path, "-o", png, "--scale", "1", "--region", "stage:Decision")
        check(result.returncode == 0, f"export: {result.stderr}")
        width, _, channels, rows = read_png(png)
        blue[votes] = {(x, y) for y, row in enumerate(rows) for x in range(width)
                       if tuple(row[x * channels:x * channels + 3]) == (0x3A, 0x50, 0xC8)}
    # What 15 votes add to the two dots: one round badge about 32 px across (its number in white
    # inside), not a row of dots and a "+9".
    added = blue[15] - blue[2]
    check(added, "15 votes drew something")
    xs, ys = [x for x, _ in added], [y for _, y in added]
    w, h = max(xs) - min(xs) + 1, max(ys) - min(ys) + 1
    check(24 <= w <= 48 and 24 <= h <= 48, f"one badge, not a row: {w}×{h} px")
    check(len(added) >= 0.5 * w * h, f"a filled disc: {len(added)} of {w * h} px")


if __name__ == "__main__":
    main(globals())
