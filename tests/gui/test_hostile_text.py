"""Hostile text through the real X clipboard (issue 13): a 5 MB line and a 90,000-line paste each
keep to the limits (a note's 20,000 characters, 200 notes a paste), and the status line says what
was left out; checked through the dump and the saved file."""
import tempfile

from jbgui import Session, centre, check, main, set_clipboard
from test_editing import cell, load, new_board, notes_in
from test_editing_more import lane
from test_editing_more import save


def paste_into(s, stage, lane, text):
    set_clipboard(s, text)
    x0, y0, x1, y1 = cell(s.layout, stage, lane)
    s.move((x0 + x1) / 2, y0 + 10)  # near the top: a lane grown by a paste runs off the window
    s.key("ctrl+v")


def test_a_5_mb_line_and_90000_lines_are_pasted_within_the_limits_and_said():
    """Covers: copy, cut, paste; open / save / save as"""
    path = new_board(tempfile.mkdtemp())
    with Session(args=[path]) as s:
        paste_into(s, "Awareness", "Customer goal", "x" * (5 << 20))
        layout = s.wait_layout(lambda l: len(notes_in(l, "Awareness", "Customer goal")) == 1, "the 5 MB line's note",
                               timeout=30)
        check(layout["status"] == "Pasted text was cut to a note's limit of 20,000 characters.",
              f"the status line: {layout['status']!r}")
        paste_into(s, "Decision", "Customer goal", "".join(f"line {i}\n" for i in range(90000)))
        layout = s.wait_layout(lambda l: len(notes_in(l, "Decision", "Customer goal")) == 200, "200 pasted notes",
                               timeout=30)
        check(layout["status"] == "Pasted 200 of 90,000 lines: one paste makes at most 200 notes.",
              f"the status line: {layout['status']!r}")
        save(s)
    texts = [n["text"] for n in load(path)["notes"]]
    check(len(texts) == 201, f"saved {len(texts)} notes")
    check(texts[0] == "x" * 20000, f"the long note saved at the limit ({len(texts[0])} characters)")
    check(texts[1:] == [f"line {i}" for i in range(200)], "the first 200 lines, in order")


def test_a_long_paste_into_a_lane_name_is_cut_and_said():
    """Covers: rename a stage or lane; open / save / save as

    Every field keeps to a note's text rules, not only notes: 30,000 characters pasted into a lane's
    name field come out as 20,000, and the status line says so."""
    path = new_board(tempfile.mkdtemp())
    with Session(args=[path]) as s:
        s.double_click_open(*centre(lane(s.layout, "Questions")["rect"]), lambda l: l["renaming"] == "lane",
                            "the lane's name field open")
        s.key("ctrl+a")
        set_clipboard(s, "q" * 30000)
        s.key("ctrl+v")
        s.key("Return")
        layout = s.wait_layout(lambda l: l["lanes"][1]["name"].startswith("qqq"), "the lane renamed", timeout=20)
        check(len(layout["lanes"][1]["name"]) == 20000, f"the name cut to 20,000 ({len(layout['lanes'][1]['name'])})")
        check(layout["status"].startswith("Text past the limit of 20,000 characters"), f"said: {layout['status']!r}")
        save(s)
    name = load(path)["lanes"][1]["name"]
    check(name == "q" * 20000, f"saved at the limit ({len(name)} characters)")


if __name__ == "__main__":
    main(globals())
