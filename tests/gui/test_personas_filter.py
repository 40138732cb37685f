#!/usr/bin/env python3
"""The persona portrait, notes tied to personas in the inspector, and Journey ▸ Filter by persona."""
import json
import os
import tempfile

from jbgui import Session, centre, check, main, run_cli, save


def new_sample(work):
    path = os.path.join(work, "personas.cjm")
    check(run_cli("new", path, "--template", "sample").returncode == 0, "journeyboard new --template sample")
    return path


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)["board"]


def visible_notes(layout, count):
    """The first `count` notes drawn well inside the canvas's left half (clear of side panels)."""
    x0, y0, x1, y1 = layout["canvas"]
    inside = [n for n in layout["notes"] if not n["hidden"] and n["rect"][0] > x0 + 10 and n["rect"][1] > y0 + 10
              and n["rect"][2] < x0 + (x1 - x0) * 0.5 and n["rect"][3] < y1 - 10]
    check(len(inside) >= count, f"{count} notes in view: {len(inside)}")
    return inside[:count]


def select(s, note_id):
    rect = next(n["rect"] for n in s.layout["notes"] if n["id"] == note_id)
    s.click(*centre(rect))
    s.wait_layout(lambda l: l["selection"] == [note_id], f"note {note_id} selected")


def persona_boxes(layout):
    return {int(name.rsplit(".", 1)[1]) for name in layout.get("widgets", {}) if name.startswith("inspector.persona.")}


def test_tie_notes_in_the_inspector_and_filter_by_persona():
    """Covers: tie a note to personas; filter by persona"""
    work = tempfile.mkdtemp()
    path = new_sample(work)
    maria = load(path)["personas"][0]["id"]
    with Session(args=[path], size=(1600, 1000)) as s:
        s.key("ctrl+p")
        s.click_widget("persona.add")
        s.wait_layout(lambda l: l["undo"] == "Add persona", "a second persona")
        s.key("ctrl+p")  # the panel closed: room for the inspector
        s.key("s")
        s.wait_layout(lambda l: l["tool"] == "select", "the Select tool")
        a, b, c = (n["id"] for n in visible_notes(s.layout, 3))
        select(s, a)
        s.key("ctrl+i")
        s.wait_layout(lambda l: len(persona_boxes(l)) == 2, "a checkbox per persona in the inspector")
        other = next(p for p in persona_boxes(s.layout) if p != maria)
        s.click_widget(f"inspector.persona.{maria}")
        s.wait_layout(lambda l: l["undo"] == "Tie note to persona", "the note tied to Maria")
        select(s, b)
        s.click_widget(f"inspector.persona.{other}")
        s.wait_layout(lambda l: l["dirty"], "the second tie")
        check(s.layout["personaFilter"] == 0 and not any(n["dimmed"] for n in s.layout["notes"]),
              "no filter: nothing dimmed")
        s.click_widget("menu.journey")
        s.click_widget("menu.filter")
        s.click_widget("menu.filter.1")
        dimmed = lambda l, i: next(n["dimmed"] for n in l["notes"] if n["id"] == i)
        s.wait_layout(lambda l: l["personaFilter"] == maria and dimmed(l, b), "Maria's filter dims the other's note")
        check(not dimmed(s.layout, a), "Maria's own note is not dimmed")
        check(not dimmed(s.layout, c), "a note tied to no one is everyone's: not dimmed")
        save(s)
    notes = {n["id"]: n for n in load(path)["notes"]}
    check(notes[a].get("personas") == [maria], f"saved ties of note {a}: {notes[a].get('personas')}")
    check(notes[b].get("personas") == [other], f"saved ties of note {b}: {notes[b].get('personas')}")
    check("personas" not in notes[c], "an untied note is saved without personas")


def test_portrait_fields_typed_in_the_persona_panel_are_saved():
    """Covers: persona portrait"""
    work = tempfile.mkdtemp()
    path = new_sample(work)
    before = load(path)["personas"][0]
    with Session(args=[path], size=(1600, 1000)) as s:
        s.key("ctrl+p")
        for widget, text in (("persona.Age", "34"), ("persona.income", "2400"), ("persona.currency", "EUR")):
            s.click_widget(widget)
            s.key("ctrl+a")
            s.type(text)
            s.key("Return")
            s.wait_layout(lambda l: l["undo"] == "Edit persona" and l["dirty"], f"{widget} edited")
        save(s)
    after = load(path)["personas"][0]
    check(after.get("age") == "34", f"age {after.get('age')!r}")
    check(after.get("income") == 2400 and after.get("currency") == "EUR",
          f"income {after.get('income')!r} {after.get('currency')!r}")
    check(after["goals"] == before["goals"] and "gender" not in after, "other fields kept, empty ones not written")


def test_drag_a_persona_chip_onto_a_note_ties_it():
    """Covers: tie a note to personas"""
    work = tempfile.mkdtemp()
    path = new_sample(work)
    maria = load(path)["personas"][0]["id"]
    with Session(args=[path], size=(1600, 1000)) as s:
        s.key("ctrl+p")
        chip = s.wait_widget("persona.chip.1")
        target = next(n for n in visible_notes(s.layout, 3) if maria not in
                      next(m for m in load(path)["notes"] if m["id"] == n["id"]).get("personas", []))
        s.drag(centre(chip), centre(target["rect"]), steps=16)
        s.wait_layout(lambda l: l["undo"] == "Tie note to persona", "the note tied by the dropped chip")
        s.key("ctrl+z")
        s.wait_layout(lambda l: l["undo"] != "Tie note to persona", "undone")
        s.key("ctrl+shift+z")
        s.wait_layout(lambda l: l["undo"] == "Tie note to persona", "redone")
        save(s)
    tied = [n["id"] for n in load(path)["notes"] if maria in n.get("personas", [])]
    check(tied == [target["id"]], f"only the note under the drop is tied: {tied}")


def test_next_persona_reaches_every_persona_past_the_ninth():
    """Covers: filter by persona"""
    work = tempfile.mkdtemp()
    path = new_sample(work)
    with open(path, encoding="utf-8") as f:
        envelope = json.load(f)
    board = envelope["board"]
    first = board["personas"][0]
    for i in range(10):  # eleven personas in all
        extra = dict(first, id=board["nextId"] + i, name=f"Persona number {i + 2}")
        board["personas"].append(extra)
    board["nextId"] += 10
    with open(path, "w", encoding="utf-8") as f:
        json.dump(envelope, f)
    ids = [p["id"] for p in board["personas"]]
    with Session(args=[path], size=(1400, 900)) as s:
        s.wait_layout(lambda l: l["notes"], "the board")
        for expected in ids + [None]:
            s.key("ctrl+shift+p")
            s.wait_layout(lambda l: (l.get("personaFilter") or None) == expected, f"the filter on {expected}")
        check(not any(n.get("dimmed") for n in s.layout["notes"]), "Everyone again: nothing dimmed")


def test_a_long_persona_field_wraps_inside_its_box_in_a_side_panel():
    """Covers: curves and personas

    A multi-line field of the persona (here "About them": three sentences) shows its text wrapped
    to the box, which grows to hold it. The wrap position is the window's own coordinate: given the
    screen's, a panel on the right of the screen drew the text on one line, cut at the box's edge,
    with the lines below it empty."""
    from test_find import screenshot
    with Session(args=[new_sample(tempfile.mkdtemp())]) as s:
        s.key("ctrl+p")
        box = s.wait_widget("persona.About them")
        x0, y0, x1, y1 = box
        check(x0 > s.layout["window"][0] / 2, f"the panel is on the right of the window: {box}")
        _, _, channels, rows = screenshot(s)
        def dark_rows(top, bottom):
            return [y for y in range(int(top), int(bottom))
                    if any(max(rows[y][x * channels:x * channels + 3]) < 110 for x in range(int(x0) + 2, int(x1) - 2))]
        lines = dark_rows(y0, y1)
        runs = sum(1 for i, y in enumerate(lines) if i == 0 or y != lines[i - 1] + 1)
        check(runs >= 3, f"the text takes three lines or more in its box: {runs} runs of inked rows {lines}")


if __name__ == "__main__":
    main(globals())
