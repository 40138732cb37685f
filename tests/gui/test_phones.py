"""Bring the room in (issue 21): the real app opens the room on loopback (--invite --bind 127.0.0.1),
a real HTTP client (http.client) posts notes as phones would, the inbox shows them (--dump-layout's
"inbox"), and real clicks accept them onto the board, checked in the saved file."""
import http.client
import json
import os
import re
import tempfile
import time
import urllib.parse

from jbgui import Session, check, main, run_cli, save, wait_until


def join_address(s):
    """The join address the app printed on stdout: (host, port, code)."""
    def printed():
        found = re.search(r"http://([0-9.]+):(\d+)/\?c=([A-Z0-9]+)", s.output())
        return found.groups() if found else None
    host, port, code = wait_until(printed, 20, "the join address on stdout")
    return host, int(port), code


def request(room, method, path, body=None, code=None, headers=None):
    """(status, parsed JSON or text) of one request; `code` None: the room's own."""
    host, port, own = room
    query = urllib.parse.urlencode({"c": own if code is None else code})
    connection = http.client.HTTPConnection(host, port, timeout=10)
    data = body.encode("utf-8") if isinstance(body, str) else body
    connection.request(method, f"{path}?{query}" if code != "" else path, body=data,
                       headers=headers or ({"Content-Type": "application/json"} if data is not None else {}))
    response = connection.getresponse()
    payload = response.read().decode("utf-8")
    connection.close()
    kind = response.getheader("Content-Type", "")
    return response.status, json.loads(payload) if kind.startswith("application/json") else payload


def post_note(room, text, lane, client_id, stage=None, name=None):
    note = {"text": text, "lane": lane, "clientId": client_id}
    if stage:
        note["stage"] = stage
    if name:
        note["name"] = name
    return request(room, "POST", "/api/note", json.dumps(note, ensure_ascii=False))


def after_a_second():
    """The rate limit lets one note a second through per address: the next note waits it out."""
    time.sleep(1.1)


def test_phones_send_notes_and_accepting_puts_exactly_those_on_the_board():
    """Covers: invite the room

    Wrong or missing code: 403 for the page, the state and a note; a 20 KiB body: 413; a path that
    is not the app's: 404. A Cyrillic note with a name, 500 Cyrillic characters (501: refused),
    the same client id twice (one note), a flood past the rate limit (429, one taken). The inbox
    lists the three notes newest first; Reject drops the flood's note, Accept all puts the other two
    into their cells (the one without a stage into the inbox's stage), one undo step; the saved
    file holds exactly those two and nothing of the rejected one."""
    folder = tempfile.mkdtemp(prefix="jbphones-")
    board_path = os.path.join(folder, "room.cjm")
    made = run_cli("new", board_path, "--template", "classic")
    check(made.returncode == 0, f"journeyboard new: {made.stderr}")
    with open(board_path, encoding="utf-8") as f:
        before = json.load(f)["board"]
    with Session([board_path, "--invite", "--bind", "127.0.0.1"]) as s:
        room = join_address(s)
        check(room[0] == "127.0.0.1", f"bound to loopback: {room}")
        layout = s.wait_layout(lambda l: l["room"]["open"], "the room open in the dump")
        check(layout["room"]["code"] == room[2] and len(room[2]) == 10, f"the code: {layout['room']}")

        # No way in without the code.
        for path in ("/", "/api/state"):
            for code in ("", "WRONGCODE1", room[2][:-1]):
                status, _ = request(room, "GET", path, code=code)
                check(status == 403, f"GET {path} with code {code!r}: {status}")
        status, _ = request(room, "POST", "/api/note", json.dumps({"text": "x", "lane": "1", "clientId": "a"}),
                            code="WRONGCODE1")
        check(status == 403, f"a note with a wrong code: {status}")
        status, _ = request(room, "GET", "/../../etc/passwd")
        check(status == 404, f"a path that is not the app's: {status}")

        status, page = request(room, "GET", "/")
        check(status == 200 and "<textarea" in page and "navigator.language" in page, f"the phone page: {status}")
        status, state = request(room, "GET", "/api/state")
        check(status == 200, f"the state: {status}")
        lanes = {lane["name"]: lane["id"] for lane in state["lanes"]}
        stages = [stage["id"] for stage in state["stages"]]
        check(len(lanes) == len(before["lanes"]) and len(stages) == len(before["stages"]), f"the state: {state}")
        check(not state["stageChoice"], "phones choose no stage unless the facilitator allows it")
        lane_a, lane_b = state["lanes"][1]["id"], state["lanes"][3]["id"]

        status, answer = request(room, "POST", "/api/note", "{\"text\":\"" + "x" * 20000 + "\"}")
        check(status == 413, f"a 20 KiB body: {status} {answer}")

        status, answer = post_note(room, "Долго ждал ответа оператора", lane_a, "phone1-note1", name="Аня")
        check(status == 200 and answer == {"ok": True}, f"a Cyrillic note: {status} {answer}")
        after_a_second()
        status, answer = post_note(room, "Долго ждал ответа оператора", lane_a, "phone1-note1", name="Аня")
        check(status == 200 and answer.get("repeat"), f"the same client id again: {status} {answer}")
        after_a_second()
        long_text = "ж" * 499 + "ё"
        status, answer = post_note(room, long_text, lane_b, "phone2-long")
        check(status == 200, f"500 Cyrillic characters: {status} {answer}")
        after_a_second()
        status, answer = post_note(room, long_text + "!", lane_b, "phone2-longer")
        check(status == 400 and "500" in answer["error"], f"501 characters: {status} {answer}")
        after_a_second()
        flood = [post_note(room, f"<b>flood {i}</b>", lane_a, f"flood-{i}") for i in range(8)]
        statuses = [status for status, _ in flood]
        check(statuses[0] == 200 and statuses[1:] == [429] * 7, f"a flood past the rate limit: {statuses}")

        layout = s.wait_layout(lambda l: len(l["inbox"]) == 3, "three notes in the inbox")
        inbox = layout["inbox"]
        check([n["text"] for n in inbox] == ["<b>flood 0</b>", long_text, "Долго ждал ответа оператора"],
              f"newest first: {[n['text'][:20] for n in inbox]}")
        check(inbox[2]["name"] == "Аня" and str(inbox[2]["lane"]) == lane_a and inbox[2]["stage"] == 0,
              f"the sender and the lane: {inbox[2]}")

        s.click_widget(f"inbox.reject.{inbox[0]['seq']}")
        s.wait_layout(lambda l: len(l["inbox"]) == 2, "the flood's note rejected")
        s.click_widget("inbox.accept_all")
        layout = s.wait_layout(lambda l: not l["inbox"], "the inbox empty after Accept all")
        check(layout["undo"] == "Accept notes from phones", f"one undo step: {layout['undo']}")
        save(s)

    with open(board_path, encoding="utf-8") as f:
        after = json.load(f)["board"]
    old_ids = {note["id"] for note in before["notes"]}
    added = [note for note in after["notes"] if note["id"] not in old_ids]
    check(len(after["notes"]) == len(before["notes"]) + 2, f"two notes more: {len(before['notes'])} -> {len(after['notes'])}")
    by_text = {note["text"]: note for note in added}
    check(set(by_text) == {"Долго ждал ответа оператора", long_text}, f"exactly the accepted notes: {list(by_text)}")
    first_stage = before["stages"][0]["id"]
    for text, lane in (("Долго ждал ответа оператора", lane_a), (long_text, lane_b)):
        note = by_text[text]
        check(str(note["lane"]) == lane and note["stage"] == first_stage,
              f"{text[:12]!r} in lane {lane}, the inbox's stage {first_stage}: {note['lane']}, {note['stage']}")
    check("flood" not in json.dumps(after, ensure_ascii=False), "the rejected note left no trace in the file")


def test_a_bad_room_address_is_one_sentence_and_the_app_keeps_running():
    """--port or --bind without --invite is refused before any window opens; an address that is
    not one says so in an error toast, the room stays closed and the board stays usable."""
    refused = run_cli("--port", "8080")
    check(refused.returncode == 2 and refused.stderr == "journeyboard: --port and --bind go with --invite.\n",
          f"--port alone: {refused.returncode} {refused.stderr!r}")
    refused = run_cli("--invite", "--port", "70000")
    check(refused.returncode == 2 and "1 to 65535" in refused.stderr, f"port 70000: {refused.stderr!r}")
    with Session(["--template", "classic", "--invite", "--bind", "no.such.address"]) as s:
        error = s.wait_error()
        check(error == '"no.such.address" is not an IPv4 address (like 192.168.1.20).', f"the sentence: {error!r}")
        check(not s.layout["room"]["open"] and "http://" not in s.output(), "the room stays closed")
        s.key("i")  # File > Invite participants from the keyboard: the default route's address, or loopback
        layout = s.wait_layout(lambda l: l["room"]["open"], "the room opened by I")
        check(re.match(r"http://[0-9.]+:\d+/\?c=[A-Z0-9]{10}$", layout["room"]["url"]), f"the address: {layout['room']}")
        # The panels are worked by touch at the board's screen: a finger's height each, and on this
        # 800-px window the Invite panel's code gives way so its buttons stay in view.
        widgets = s.wait_layout(lambda l: "invite.stop" in l["widgets"] and "inbox.accept_all" in l["widgets"],
                                "the Invite panel and the Inbox")["widgets"]
        for name in ("invite.inbox", "invite.round", "invite.stop", "invite.stage_choice", "inbox.accept_all",
                     "inbox.straight_on"):
            check(widgets[name][3] - widgets[name][1] >= 44, f"{name} is a touch target: {widgets[name]}")
        check(widgets["panel.invite"][3] <= s.layout["window"][1] and widgets["invite.stop"][3] <= widgets["panel.invite"][3],
              f"the Invite panel and its buttons inside the window: {widgets['panel.invite']} {widgets['invite.stop']}")
        check(widgets["invite.qr"][3] - widgets["invite.qr"][1] >= 150, f"a code still large enough to scan: {widgets['invite.qr']}")
        s.click_widget("invite.stop")
        s.wait_layout(lambda l: not l["room"]["open"], "the room closed by Stop")


def test_the_room_opens_on_the_network_chosen_in_the_invite_panel_and_the_menu_bar_counts_it():
    """File > Invite participants opens the room on the network kept in the settings (this computer
    only, here); the Invite panel's Network choice reopens it on another and keeps the choice in
    settings.json. While the room is open the menu bar counts phones and waiting notes; a click on
    it hides and shows the Inbox."""
    s = Session(["--template", "classic"])
    folder = os.path.join(s.env["XDG_CONFIG_HOME"], "journeyboard")
    os.makedirs(folder)
    settings = os.path.join(folder, "settings.json")
    with open(settings, "w", encoding="utf-8") as f:
        json.dump({"roomNetwork": "loopback"}, f)
    with s:
        layout = s.wait_layout(lambda l: "room" in l, "the first dump")
        check("menu.room_counter" not in layout["widgets"], "no counter while the room is closed")
        s.key("i")
        layout = s.wait_layout(lambda l: l["room"]["open"] and "menu.room_counter" in l["widgets"], "the room and its counter")
        check(layout["room"]["url"].startswith("http://127.0.0.1:"), f"this computer only, as kept: {layout['room']['url']}")
        check("panel.inbox" in layout["widgets"], "the Inbox opens with the room")
        s.click_widget("menu.room_counter")
        s.wait_layout(lambda l: "panel.inbox" not in l["widgets"], "the counter hides the Inbox")
        s.click_widget("menu.room_counter")
        s.wait_layout(lambda l: "panel.inbox" in l["widgets"], "and shows it again")

        s.click_widget("invite.network")  # the Network section opens
        s.wait_widget("invite.network.default")
        first_url = layout["room"]["url"]
        s.click_widget("invite.network.default")
        layout = s.wait_layout(lambda l: l["room"]["open"] and l["room"]["url"] != first_url, "the room reopened")

        def kept():
            with open(settings, encoding="utf-8") as f:
                return json.load(f).get("roomNetwork") == ""
        wait_until(kept, 10, "the default route's network kept in settings.json")
        host = re.match(r"http://([0-9.]+):", layout["room"]["url"]).group(1)
        widgets = layout["widgets"]
        listed = [name[len("invite.network."):] for name in widgets if re.match(r"invite\.network\.[0-9.]+$", name)]
        check(host in listed or (host == "127.0.0.1" and not listed),
              f"the room is on an address of this computer ({host}; listed {listed})")
        s.click_widget("invite.network.loopback")
        layout = s.wait_layout(lambda l: l["room"]["url"].startswith("http://127.0.0.1:") and "invite.network.loopback" in l["widgets"]
                               and l["room"]["url"] != first_url, "back on this computer only")


def test_straight_onto_the_board_face_down_skips_the_inbox():
    """Covers: invite the room

    Silent brainstorming: with the Inbox's "Straight onto the board, face down", a note from a phone
    never waits: it lands in its cell face down (covered in the saved file), one undo step, and
    the inbox stays empty."""
    folder = tempfile.mkdtemp(prefix="jbphones-")
    board_path = os.path.join(folder, "room.cjm")
    made = run_cli("new", board_path, "--template", "classic")
    check(made.returncode == 0, f"journeyboard new: {made.stderr}")
    with open(board_path, encoding="utf-8") as f:
        lane = str(json.load(f)["board"]["lanes"][0]["id"])
    with Session([board_path, "--invite", "--bind", "127.0.0.1"]) as s:
        room = join_address(s)
        s.click_widget("inbox.straight_on")
        status, answer = post_note(room, "Тихо пишу свою мысль", lane, "silent-1")
        check(status == 200, f"the note taken: {status} {answer}")
        layout = s.wait_layout(lambda l: l["undo"] == "Accept notes from phones", "the note placed at once")
        check(layout["inbox"] == [], f"nothing waits in the inbox: {layout['inbox']}")
        save(s)
    with open(board_path, encoding="utf-8") as f:
        notes = [n for n in json.load(f)["board"]["notes"] if n["text"] == "Тихо пишу свою мысль"]
    check(len(notes) == 1 and notes[0].get("covered") is True and str(notes[0]["lane"]) == lane,
          f"in its lane, face down: {notes}")


if __name__ == "__main__":
    main(globals())
