"""Voting rounds from the phones (issue 21): the real app on loopback (--invite --bind 127.0.0.1), a
round started by real clicks (Invite panel > Voting round..., 2 dots, Start round), three phones
voting through a real HTTP client (http.client) with every kind of refusal, the facilitator's dot
for the room by a real click with the Vote tool, the round ended from the command palette; the
ranked result in --dump-layout and the dots in the saved file."""
import http.client
import json
import os
import tempfile
import time
import urllib.parse

from jbgui import Session, centre, check, main, note_record, run_cli, save, wait_until
from test_phones import join_address


def call(room, method, path, body=None, code=None, voter=None):
    """(status, parsed JSON) of one request; `code` None: the room's own, "" none at all."""
    host, port, own = room
    params = {} if code == "" else {"c": own if code is None else code}
    if voter:
        params["v"] = voter
    connection = http.client.HTTPConnection(host, port, timeout=10)
    data = json.dumps(body, ensure_ascii=False).encode("utf-8") if body is not None else None
    connection.request(method, f"{path}?{urllib.parse.urlencode(params)}", body=data,
                       headers={"Content-Type": "application/json"} if data is not None else {})
    response = connection.getresponse()
    payload = response.read().decode("utf-8")
    connection.close()
    return response.status, json.loads(payload)


def vote(room, voter, note, take=False, name=None):
    """One phone's dot (or its taking back); paced under the vote rate limit (5 a second an address:
    the three simulated phones share 127.0.0.1)."""
    time.sleep(0.25)
    body = {"voter": voter, "note": note, "take": take}
    if name:
        body["name"] = name
    return call(room, "POST", "/api/vote", body)


def inside(point, rect):
    return rect[0] <= point[0] <= rect[2] and rect[1] <= point[1] <= rect[3]


def test_a_round_from_three_phones_and_the_room_ends_ranked_and_saved():
    """Covers: voting rounds

    Before the round: GET /api/round says closed and a vote is refused (409). Started by clicks
    on lane 1 with 2 dots, one per note. Phones read only their own dots; refused: no code (403), a
    second dot on a note, a third dot, a note outside the round (another lane's), taking back a dot
    never cast, a flood past the vote rate limit (429); a dot taken back is cast elsewhere. The
    running count is the number of dots only (no "results" in the dump, the notes' votes unchanged);
    the facilitator's Vote-tool click adds the room's dot. Ended from the palette: the dump ranks
    C 4, A 1, B 1 (equal counts in board order), D (another lane) has none; one undo step; a vote after the end: 409; the saved file holds the dots."""
    folder = tempfile.mkdtemp(prefix="jbvote-")
    board_path = os.path.join(folder, "vote.cjm")
    made = run_cli("new", board_path, "--template", "classic")
    check(made.returncode == 0, f"journeyboard new: {made.stderr}")
    with open(board_path, encoding="utf-8") as f:
        envelope = json.load(f)
    board = envelope["board"]
    stages = [stage["id"] for stage in board["stages"]]
    lanes = [lane["id"] for lane in board["lanes"]]
    board["notes"] = [note for note in board["notes"] if note["lane"] != lanes[0]]
    texts = {"A": (stages[0], lanes[0]), "B": (stages[1], lanes[0]), "C": (stages[2], lanes[0]),
             "D elsewhere": (stages[0], lanes[1])}
    ids = {}
    for text, (stage, lane) in texts.items():
        ids[text] = board["nextId"]
        board["notes"].append(note_record(board["nextId"], stage, lane, 0, 0, text))
        board["nextId"] += 1
    with open(board_path, "w", encoding="utf-8") as f:
        json.dump(envelope, f, ensure_ascii=False)
    votes_before = {note["id"]: note["votes"] for note in board["notes"]}

    with Session([board_path, "--invite", "--bind", "127.0.0.1"], size=(1600, 900)) as s:
        room = join_address(s)
        layout = s.wait_layout(lambda l: l["room"]["open"] and "round" in l, "the room open, no round")
        check(layout["round"]["state"] == "none", f"no round yet: {layout['round']}")
        check(call(room, "GET", "/api/round", voter="phone-one-0001") == (200, {"open": False}), "closed before")
        status, answer = call(room, "POST", "/api/vote", {"voter": "phone-one-0001", "note": str(ids["A"])})
        check(status == 409 and answer["reason"] == "notOpen", f"a vote with no round: {status} {answer}")

        # The facilitator starts the round by real clicks: lane 1 is the panel's first choice.
        s.click_widget("invite.round")
        start = s.wait_widget("round.start")
        # Run by touch at the board's screen: a finger's height each, and the panel no taller than
        # what it holds (it was a fixed 560 px, most of it empty, over the board).
        widgets = s.layout["widgets"]
        for name in ("round.scope.lane", "round.dots_less", "round.dots_more", "round.several", "round.named",
                     "round.time", "round.start"):
            check(widgets[name][3] - widgets[name][1] >= 44, f"{name} is a touch target, 44 px high or more: {widgets[name]}")
        panel = widgets["panel.round"]
        check(panel[3] - start[3] < 40, f"the panel ends under its Start button: {panel} and {start}")
        s.click_widget("round.dots_less")  # 3 -> 2
        s.click_widget("round.start")
        layout = s.wait_layout(lambda l: l["round"]["state"] == "open", "the round open")
        round_state = layout["round"]
        check([c["text"] for c in round_state["candidates"]] == ["A", "B", "C"], f"lane 1's notes: {round_state}")
        check(round_state["dots"] == 2 and not round_state["severalPerNote"] and not round_state["named"],
              f"2 dots, one per note, anonymous: {round_state}")
        check("results" not in round_state, "no results while open")
        a, b, c, d = (str(ids[t]) for t in ("A", "B", "C", "D elsewhere"))

        status, answer = call(room, "GET", "/api/round", voter="phone-one-0001")
        check(status == 200 and answer["open"] and [x["text"] for x in answer["candidates"]] == ["A", "B", "C"]
              and answer["left"] == 2 and answer["mine"] == [], f"a phone's view: {answer}")
        check(call(room, "GET", "/api/round", code="")[0] == 403, "no code: 403")
        status, _ = call(room, "POST", "/api/vote", {"voter": "phone-one-0001", "note": a}, code="WRONGCODE1")
        check(status == 403, f"a vote with a wrong code: {status}")

        p1, p2, p3 = "phone-one-0001", "phone-two-0002", "phone-three-0003"
        status, answer = vote(room, p1, a)
        check(status == 200 and answer["left"] == 1 and answer["mine"] == [a], f"p1 on A: {status} {answer}")
        status, answer = vote(room, p1, a)
        check(status == 409 and answer["reason"] == "alreadyOnNote", f"p1 on A again: {status} {answer}")
        check(vote(room, p1, b)[0] == 200, "p1 on B")
        status, answer = vote(room, p1, c)
        check(status == 409 and answer["reason"] == "noDotsLeft", f"p1's third dot: {status} {answer}")
        status, answer = vote(room, p1, b, take=True)
        check(status == 200 and answer["left"] == 1 and answer["mine"] == [a], f"p1 takes B back: {status} {answer}")
        check(vote(room, p1, c)[0] == 200, "p1 on C instead")
        status, answer = vote(room, p2, d)
        check(status == 400 and answer["reason"] == "notCandidate", f"a note outside the round: {status} {answer}")
        check(vote(room, p2, c)[0] == 200 and vote(room, p2, b)[0] == 200, "p2 on C and B")
        check(vote(room, p3, c)[0] == 200, "p3 on C")
        status, answer = vote(room, p3, a, take=True)
        check(status == 409 and answer["reason"] == "noDotThere", f"taking back a dot never cast: {status} {answer}")
        # Only a phone's own dots are told: p2 sees its B and C, nothing of p1's or p3's.
        status, answer = call(room, "GET", "/api/round", voter=p2)
        check(sorted(answer["mine"]) == sorted([b, c]) and answer["left"] == 0, f"p2's own dots: {answer}")
        check(set(answer) == {"open", "round", "dots", "severalPerNote", "named", "candidates", "left", "mine"},
              f"no count served to a phone: {sorted(answer)}")

        time.sleep(1.2)  # the bucket full again: 5 at once, then refused
        flood = [call(room, "POST", "/api/vote", {"voter": p3, "note": a, "take": True})[0] for _ in range(9)]
        check(flood[0] == 409 and 429 in flood and set(flood) <= {409, 429}, f"a flood past 5 a second: {flood}")

        layout = s.wait_layout(lambda l: l["round"]["dotsCast"] == 5, "5 dots cast on the screen")
        check(layout["round"]["voters"] == 3 and "results" not in layout["round"], f"only the count: {layout['round']}")
        check("invite.round_count" in layout["widgets"], "the Invite panel shows the count too")
        check(all(n["votes"] == votes_before[n["id"]] for n in layout["notes"]), "no dot on a note while open")

        # The facilitator's dot for the room: the toolbar's Vote button and a click on C (beside the panels).
        vote_button = next(b for b in layout["toolbar"]["buttons"] if b["id"] == "journey.voting")
        s.click(*centre(vote_button["rect"]))
        layout = s.wait_layout(lambda l: l["voting"], "voting mode")
        panels = [rect for name, rect in layout["widgets"].items() if name.startswith("panel.")]
        note_c = next(n for n in layout["notes"] if n["id"] == ids["C"])
        check(not any(inside(centre(note_c["rect"]), rect) for rect in panels), f"C is not under a panel: {note_c['rect']}")
        s.click(*centre(note_c["rect"]))
        s.wait_layout(lambda l: l["round"]["dotsCast"] == 6, "the room's dot counted")

        # Ended from the command palette.
        s.key("Escape")
        s.key("ctrl+k")
        s.wait_layout(lambda l: l["palette"]["open"], "the palette")
        s.type("end voting round")
        s.wait_layout(lambda l: l["palette"]["shown"][:1] == ["journey.end_round"], "the command found")
        s.key("Return")
        layout = s.wait_layout(lambda l: l["round"]["state"] == "ended", "the round ended")
        ranked = [(r["text"], r["dots"]) for r in layout["round"]["results"]]
        check(ranked == [("C", 4), ("A", 1), ("B", 1)], f"ranked, equal counts in board order: {ranked}")
        check(layout["undo"] == "Voting round results", f"one undo step: {layout['undo']}")
        check("invite.round_count" not in layout["widgets"], "no count once the round has ended")
        shown = {n["id"]: n["votes"] for n in layout["notes"]}
        check((shown[ids["A"]], shown[ids["B"]], shown[ids["C"]], shown[ids["D elsewhere"]]) == (1, 1, 4, 0),
              f"dots on the notes: {shown}")
        status, answer = vote(room, p3, a)
        check(status == 409 and answer["reason"] == "notOpen", f"a vote after the end: {status} {answer}")
        check(call(room, "GET", "/api/round", voter=p1) == (200, {"open": False}), "closed after")
        save(s)

    with open(board_path, encoding="utf-8") as f:
        saved = {note["text"]: note["votes"] for note in json.load(f)["board"]["notes"]}
    check((saved["A"], saved["B"], saved["C"], saved["D elsewhere"]) == (1, 1, 4, 0), f"the saved votes: {saved}")


def test_a_round_with_no_phones_on_a_stage_ends_with_the_timer_and_undoes_in_one_step():
    """Covers: voting rounds

    No room open: the palette opens the panel, a stage is chosen (the last one) with a 1-minute
    limit, Start round runs the workshop timer; the facilitator's Vote-tool clicks cast the room's
    dots (two on one note: the room has no limit), a click on a note of another stage is refused and
    counted nowhere; the timer set to 0:02 ends the round by itself; the dots land on the notes and
    one Ctrl+Z takes them all off."""
    with Session(["--template", "sample"]) as s:
        layout = s.wait_layout(lambda l: "round" in l, "the first dump")
        check(not layout["room"]["open"], "no room")
        votes_before = {n["id"]: n["votes"] for n in layout["notes"]}
        s.key("ctrl+k")
        s.wait_layout(lambda l: l["palette"]["open"], "the palette")
        s.type("voting round")
        s.wait_layout(lambda l: l["palette"]["shown"][:1] == ["journey.round"], "the command found")
        s.key("Return")
        s.click_widget("round.scope.stage")
        s.click_widget("round.stage")
        last = len(layout["stages"]) - 1
        s.click_widget(f"round.stage.{last}")
        s.click_widget("round.time")
        s.click_widget("round.time.1")
        s.click_widget("round.start")
        layout = s.wait_layout(lambda l: l["round"]["state"] == "open", "the round open")
        last_stage = layout["stages"][last]["id"]
        candidates = [c["id"] for c in layout["round"]["candidates"]]
        in_stage = [n["id"] for n in layout["notes"] if n["stage"] == last_stage and n["text"]]
        check(len(candidates) >= 2 and sorted(candidates) == sorted(in_stage), f"the last stage's notes: {candidates} {in_stage}")
        check(layout["round"]["timed"] and layout["timer"]["state"] == "running", f"on the timer: {layout['timer']}")

        vote_button = next(b for b in layout["toolbar"]["buttons"] if b["id"] == "journey.voting")
        s.click(*centre(vote_button["rect"]))
        layout = s.wait_layout(lambda l: l["voting"], "voting mode")
        panels = [rect for name, rect in layout["widgets"].items() if name.startswith("panel.")]
        free = [n for n in layout["notes"] if n["id"] in candidates
                and not any(inside(centre(n["rect"]), rect) for rect in panels)]
        check(len(free) >= 2, f"two candidates beside the panel: {[n['rect'] for n in free]}")
        first, second = free[0], free[1]
        s.click(*centre(first["rect"]))
        s.wait_layout(lambda l: l["round"]["dotsCast"] == 1, "the room's first dot")
        s.click(*centre(second["rect"]))
        s.wait_layout(lambda l: l["round"]["dotsCast"] == 2, "the second")
        s.click(*centre(second["rect"]))
        layout = s.wait_layout(lambda l: l["round"]["dotsCast"] == 3, "the third, on the same note")
        other = next(n for n in layout["notes"] if n["id"] not in candidates and n["text"]
                     and not any(inside(centre(n["rect"]), rect) for rect in panels))
        s.click(*centre(other["rect"]))
        layout = s.wait_layout(lambda l: "not in this voting round" in l["status"], "the refusal said")
        check(layout["round"]["dotsCast"] == 3, f"the refused dot not counted: {layout['round']}")
        check(all(n["votes"] == votes_before[n["id"]] for n in layout["notes"]), "no vote on any note while open")

        s.key("Escape")
        s.key("shift+t")
        s.click_widget("timer.custom")
        s.key("ctrl+a")
        s.type("0:02")
        s.key("Return")
        layout = s.wait_layout(lambda l: l["round"]["state"] == "ended", "the round ended by the timer", timeout=20)
        ranked = [(r["id"], r["dots"]) for r in layout["round"]["results"]]
        check(ranked[:2] == [(second["id"], 2), (first["id"], 1)] and all(d == 0 for _, d in ranked[2:]),
              f"ranked: {ranked}")
        shown = {n["id"]: n["votes"] for n in layout["notes"]}
        check(shown[second["id"]] == votes_before[second["id"]] + 2 and shown[first["id"]] == votes_before[first["id"]] + 1
              and shown[other["id"]] == votes_before[other["id"]], f"the dots on the notes: {shown}")
        check(layout["undo"] == "Voting round results", f"one undo step: {layout['undo']}")
        s.key("ctrl+z")
        layout = s.wait_layout(lambda l: l["undo"] != "Voting round results", "undone")
        check({n["id"]: n["votes"] for n in layout["notes"]} == votes_before, "one Ctrl+Z takes every dot off")


if __name__ == "__main__":
    main(globals())
