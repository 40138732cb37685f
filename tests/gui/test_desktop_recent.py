"""The desktop's recent list: a board opened in the window lands in $XDG_DATA_HOME/recently-used.xbel
beside what other programs put there, and a list that cannot be read is left as it was."""
import os
import xml.etree.ElementTree as ET

from jbgui import Session, check, main, run_cli, wait_until

BOOKMARK = "{http://www.freedesktop.org/standards/desktop-bookmarks}"
MIME = "{http://www.freedesktop.org/standards/shared-mime-info}"
THEIRS = """<?xml version="1.0" encoding="UTF-8"?>
<xbel version="1.0" xmlns:bookmark="http://www.freedesktop.org/standards/desktop-bookmarks"
      xmlns:mime="http://www.freedesktop.org/standards/shared-mime-info">
  <bookmark href="file:///home/u/notes.txt" added="2026-01-02T03:04:05Z" modified="2026-01-02T03:04:05Z" visited="2026-01-02T03:04:05Z">
    <info><metadata owner="http://freedesktop.org"><mime:mime-type type="text/plain"/>
      <bookmark:applications><bookmark:application name="gedit" exec="'gedit %u'" modified="2026-01-02T03:04:05Z" count="3"/></bookmark:applications>
    </metadata></info>
  </bookmark>
</xbel>
"""


def board_in(folder, name):
    path = os.path.join(folder, name)
    check(run_cli("new", path, "--template", "sample").returncode == 0, "journeyboard new")
    return path


def bookmarks(path):
    """{href: (mime type, [application names])} of the list, or None while it is not whole XML."""
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError):
        return None
    found = {}
    for bookmark in root.iter("bookmark"):
        metadata = bookmark.find("info/metadata")
        mime = metadata.find(f"{MIME}mime-type").get("type")
        apps = [a.get("name") for a in metadata.iter(f"{BOOKMARK}application")]
        found[bookmark.get("href")] = (mime, apps)
    return found


def session_on(name, xbel_text):
    """A session (not yet started) that opens a new board `name`, its desktop list holding `xbel_text`."""
    s = Session()
    data = os.path.join(s.work, "data")
    os.makedirs(data)
    xbel = os.path.join(data, "recently-used.xbel")
    with open(xbel, "w", encoding="utf-8") as f:
        f.write(xbel_text)
    board = board_in(s.work, name)
    s.args = [board]
    return s, board, xbel


def test_a_board_opened_in_the_window_is_in_the_desktop_recent_list():
    s, board, xbel = session_on("Workshop map.cjm", THEIRS)
    with s:
        href = "file://" + board.replace(" ", "%20")
        listed = wait_until(lambda: (bookmarks(xbel) or {}).get(href) and bookmarks(xbel), 10, "the board in the list")
        check(listed[href] == ("application/x-journeyboard", ["journeyboard"]), f"ours: {listed[href]}")
        check(listed["file:///home/u/notes.txt"] == ("text/plain", ["gedit"]), f"theirs kept: {listed}")


def test_a_desktop_recent_list_that_cannot_be_read_is_left_as_it_was():
    broken = THEIRS[:200]
    s, _, xbel = session_on("map.cjm", broken)
    with s:
        wait_until(lambda: "recently-used.xbel could not be read" in s.output(), 10, "one warning")
        with open(xbel, encoding="utf-8") as f:
            check(f.read() == broken, "the list left as it was")
        check(s.output().count("recently-used.xbel") == 1, "said once")


if __name__ == "__main__":
    main(globals())
