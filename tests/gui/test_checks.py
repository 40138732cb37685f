"""Journey ▸ Map checks through real X input: the panel lists the sample board's top pains and
checks (as --dump-layout's "checks" shows them), an arrow drawn from a pain to a solution answers
that pain's check at once, a new vague action item brings three checks and typing its owner takes
one away, and a click on an entry selects its note and glides it into view."""
import datetime

from jbgui import Session, centre, check, main
from test_arrows import PAIN, SOLUTION, draw_arrow
from test_editing import add_note, note

SAMPLE = ["--template", "sample"]
# The sample's pains, by votes × severity (an unrated severity counts 1); equal scores keep stage order.
TOP_PAINS = [("Card required before trial — 38% drop here", 15), ("SMS code takes over two minutes", 6),
             ("Catalogue hidden behind a sign-up wall", 4), ("No idea when I will be billed", 4),
             ("Plan differences unclear: HD? screens?", 1)]
# The sample's action items and their due dates (the dump does not show them).
DUE = {"Ship guest catalogue browsing": "2026-11-20", "A/B test card-free trial on 20% of traffic": "2026-12-01",
       "Switch SMS provider, code under 10 s": "2027-01-15", "Add 'Remind me before billing' toggle": "2026-12-15"}
BILLED = "No idea when I will be billed"  # Post-purchase, the last stage


def entries(layout, kind):
    return [e["note"] for e in layout["checks"]["entries"] if e["kind"] == kind]


def open_checks(s):
    s.key("ctrl+shift+c")
    s.wait_widget("panel.checks")
    layout = s.wait_layout(lambda l: l.get("checks", {}).get("open"), "the checks panel open in the dump")
    # The new panel has the keyboard, as any side panel: a click on empty canvas gives it back.
    x0, y0, x1, y1 = layout["canvas"]
    s.click((x0 + x1) / 2, y1 - 12)
    return layout


def ids_of(layout, texts):
    return [note(layout, t)["id"] for t in texts]


def test_checks_list_the_sample_and_an_arrow_from_a_pain_to_a_solution_answers_it():
    """Covers: map checks and top pains; draw an arrow"""
    with Session(args=SAMPLE) as s:
        layout = open_checks(s)
        ranked = [(p["note"], p["score"]) for p in layout["checks"]["topPains"]]
        expected = [(note(layout, t)["id"], score) for t, score in TOP_PAINS]
        check(ranked == expected, f"top pains {ranked} == {expected}")
        pains = ids_of(layout, ["Catalogue hidden behind a sign-up wall", "Plan differences unclear: HD? screens?",
                                "Card required before trial — 38% drop here", "SMS code takes over two minutes", BILLED])
        check(entries(layout, "painWithoutSolution") == pains, "no pain of the sample is linked to a solution yet")
        check(len(entries(layout, "solutionWithoutAction")) == 4, "nor any solution to a task")
        for kind in ("actionWithoutOwner", "actionWithoutDue", "actionVague", "stageWithoutTouchpoint",
                     "lowPointWithoutPain"):
            check(entries(layout, kind) == [], f"the sample's tasks are owned, dated and concrete ({kind})")
        today = datetime.date.today().isoformat()
        late = [note(layout, t)["id"] for t, due in DUE.items() if due < today]
        check(sorted(entries(layout, "actionOverdue")) == sorted(late), f"overdue as of {today}")
        s.key("a")
        s.wait_layout(lambda l: l["tool"] == "arrow", "A picks the Arrow tool")
        draw_arrow(s, PAIN, SOLUTION)
        pain = note(s.layout, PAIN)["id"]
        s.wait_layout(lambda l: entries(l, "painWithoutSolution") == [p for p in pains if p != pain],
                      "the linked pain leaves the list, live")
        check(len(entries(s.layout, "solutionWithoutAction")) == 4, "the solution still has no task")


def test_a_vague_action_item_is_flagged_and_typing_its_owner_answers_one_check():
    """Covers: map checks and top pains; add a note; note fields"""
    with Session(args=SAMPLE) as s:
        open_checks(s)
        add_note(s, "Decision", "Action items", "Improve the site")
        task = note(s.layout, "Improve the site")["id"]
        s.wait_layout(lambda l: all(task in entries(l, k) for k in ("actionWithoutOwner", "actionWithoutDue", "actionVague")),
                      "a new vague task with no owner and no date is flagged three times")
        s.click(*centre(note(s.layout, "Improve the site")["rect"]))
        s.wait_layout(lambda l: l["selection"] == [task], "the task selected")
        s.key("ctrl+i")
        s.click_widget("inspector.owner")
        s.type("Leo M.")
        s.key("Return")
        s.wait_layout(lambda l: l["undo"] == "Edit owner" and task not in entries(l, "actionWithoutOwner"),
                      "an owner answers that check")
        check(task in entries(s.layout, "actionWithoutDue") and task in entries(s.layout, "actionVague"),
              "the others stay")


def test_rows_wrap_to_the_panel_and_are_never_cut_at_its_edge():
    """Covers: map checks and top pains

    Each row is its whole text, wrapped to the panel's width: the long top pain ("Card required
    before trial — 38% drop here — Purchase") takes two lines, taller than a one-line heading
    with its frame, and no row reaches past the panel (a plain one-line selectable cut the stage
    name off)."""
    with Session(args=SAMPLE) as s:
        open_checks(s)
        panel = s.wait_widget("panel.checks")
        heading = s.wait_widget("checks.kind.painWithoutSolution")
        rows = [s.wait_widget(f"checks.pain.{i}") for i in range(len(TOP_PAINS))]
        heights = [r[3] - r[1] for r in rows]
        check(heights[0] > heading[3] - heading[1], f"the long first row wraps onto a second line: heights {heights}, "
              f"a one-line heading {heading[3] - heading[1]}")
        check(all(r[2] <= panel[2] for r in rows), f"every row within the panel {panel}: {rows}")


def test_a_click_on_an_entry_selects_its_note_and_glides_it_into_view():
    """Covers: map checks and top pains; focus a stage"""
    with Session(args=SAMPLE) as s:
        layout = open_checks(s)
        s.key("1")  # Awareness focused: Post-purchase is off the canvas
        billed = note(layout, BILLED)["id"]
        inside = lambda l, r: l["canvas"][0] <= r[0] and r[2] <= l["canvas"][2] and l["canvas"][1] <= r[1] and r[3] <= l["canvas"][3]
        s.wait_layout(lambda l: l["focusedStage"] == 0 and not inside(l, note(l, BILLED)["rect"]), "the note out of view")
        index = next(i for i, e in enumerate(s.layout["checks"]["entries"])
                     if e["kind"] == "painWithoutSolution" and e["note"] == billed)
        s.click_widget(f"checks.entry.{index}")
        s.wait_layout(lambda l: l["selection"] == [billed] and inside(l, note(l, BILLED)["rect"]),
                      "the note selected and in view")


if __name__ == "__main__":
    main(globals())
