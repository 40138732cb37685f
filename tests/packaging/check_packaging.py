#!/usr/bin/env python3
"""The desktop integration and the Debian package (README "Install"), checked with the tools a
desktop and Debian use themselves.

Usage: check_packaging.py CHECK SOURCE_DIR BUILD_DIR VERSION
  desktop   desktop-file-validate on the menu entry; the thumbnailer entry's keys (its own format:
            desktop-file-validate refuses any group but [Desktop Entry] and any field code but
            the menu's, so it cannot judge it) and that both name the file type the XML defines
  metainfo  appstreamcli validate --no-net; the metainfo's id, launchable and newest release
            agree with the desktop entry, the icon and the project's version
  mime      installs into a temporary prefix, runs update-mime-database there and asks xdg-mime
            for the type of a saved board named .cjm, of the same bytes named .json (found by
            the "format" magic) and of other JSON named .json (not ours)
  deb       cpack -G DEB into a temporary folder; lintian reports no errors; the package holds
            every file the issue names, stripped, with Depends from dpkg-shlibdeps
"""
import configparser
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

APP_ID = "org.journeyboard.Journeyboard"
MIME_TYPE = "application/x-journeyboard"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


def fail(message):
    print(f"check_packaging: {message}")
    sys.exit(1)


def run(command, **kwargs):
    return subprocess.run(command, capture_output=True, text=True, stdin=subprocess.DEVNULL, **kwargs)


def read_entry(path, group):
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive in desktop entries
    with open(path, encoding="utf-8") as f:
        parser.read_file(f)
    if parser.sections() != [group]:
        fail(f"{path}: expected the one group [{group}], found {parser.sections()}")
    return parser[group]


def mime_types_of(field):
    if not field.endswith(";"):
        fail(f"MimeType={field} must end with ';'")
    return [t for t in field.split(";") if t]


def defined_mime_types(source):
    root = ET.parse(os.path.join(source, "assets/desktop", APP_ID + ".mime.xml")).getroot()
    return [m.get("type") for m in root.iter(MIME_NS + "mime-type")]


def check_desktop(source, build, version):
    desktop = os.path.join(source, "assets/desktop", APP_ID + ".desktop")
    result = run(["desktop-file-validate", desktop])
    if result.returncode != 0 or result.stdout.strip():
        fail("desktop-file-validate:\n" + result.stdout + result.stderr)
    entry = read_entry(desktop, "Desktop Entry")
    if entry.get("Icon") != APP_ID:
        fail(f"the menu entry's Icon is {entry.get('Icon')}, not the app id {APP_ID}")
    if entry.get("StartupWMClass") != APP_ID:  # the window's WM_CLASS (app/app.cpp) matches it to the entry
        fail(f"the menu entry's StartupWMClass is {entry.get('StartupWMClass')}, not {APP_ID}")
    if entry.get("Exec") != "journeyboard %f":
        fail(f"the menu entry's Exec is {entry.get('Exec')!r}: a double-clicked file would not open")
    for key in ("Name[ru]", "Comment[ru]", "Keywords", "Categories"):
        if not entry.get(key):
            fail(f"the menu entry has no {key}")

    thumbnailer = read_entry(os.path.join(source, "assets/desktop/journeyboard.thumbnailer"), "Thumbnailer Entry")
    if set(thumbnailer) != {"TryExec", "Exec", "MimeType"}:
        fail(f"the thumbnailer has keys {sorted(thumbnailer)}, not TryExec, Exec and MimeType")
    exec_words = thumbnailer["Exec"].split()
    if exec_words[0] != thumbnailer["TryExec"] or exec_words[1:] != ["thumbnail", "%i", "%o", "%s"]:
        fail(f"the thumbnailer's Exec {thumbnailer['Exec']!r} does not run `{thumbnailer['TryExec']} thumbnail %i %o %s`")
    defined = defined_mime_types(source)
    for name, field in (("menu entry", entry.get("MimeType", "")), ("thumbnailer", thumbnailer["MimeType"])):
        if mime_types_of(field) != [MIME_TYPE] or MIME_TYPE not in defined:
            fail(f"the {name}'s MimeType={field} is not the type the mime XML defines ({defined})")
    print("check_packaging: desktop entry valid; thumbnailer entry runs `journeyboard thumbnail %i %o %s` "
          f"for {MIME_TYPE}")


def check_metainfo(source, build, version):
    metainfo = os.path.join(source, "assets/desktop", APP_ID + ".metainfo.xml")
    result = run(["appstreamcli", "validate", "--no-net", "--no-color", metainfo])
    if result.returncode != 0:
        fail("appstreamcli validate:\n" + result.stdout + result.stderr)
    root = ET.parse(metainfo).getroot()
    if root.findtext("id") != APP_ID:
        fail(f"the metainfo's id {root.findtext('id')} is not {APP_ID}")
    if root.findtext("launchable") != APP_ID + ".desktop":
        fail(f"the metainfo launches {root.findtext('launchable')}, not {APP_ID}.desktop")
    if root.findtext("provides/mediatype") != MIME_TYPE:
        fail(f"the metainfo provides {root.findtext('provides/mediatype')}, not {MIME_TYPE}")
    newest = root.find("releases/release")
    if newest is None or newest.get("version") != version:
        fail(f"the metainfo's newest release is {newest.get('version') if newest is not None else 'missing'}, "
             f"the project's version is {version}")
    with open(os.path.join(source, "assets/debian/changelog"), encoding="utf-8") as f:
        changelog_version = re.match(r"journeyboard \(([^)-]+)-\d+\)", f.readline())
    if not changelog_version or changelog_version.group(1) != version:
        fail(f"assets/debian/changelog's newest entry is not for version {version}")
    print(f"check_packaging: metainfo valid ({result.stdout.strip().splitlines()[-1]}); "
          f"release {version} agrees with the project and the Debian changelog")


def check_mime(source, build, version):
    with tempfile.TemporaryDirectory(prefix="jb-mime-") as tmp:
        prefix = os.path.join(tmp, "prefix")
        result = run(["cmake", "--install", build, "--prefix", prefix])
        if result.returncode != 0:
            fail("cmake --install:\n" + result.stdout + result.stderr)
        mime_dir = os.path.join(prefix, "share/mime")
        result = run(["update-mime-database", mime_dir])
        if result.returncode != 0:
            fail("update-mime-database:\n" + result.stdout + result.stderr)
        # The system's database first, for application/json; ours before it, as an installed
        # package's would be. XDG_DATA_HOME empty so the user's own ~/.local/share/mime plays no part.
        # xdg-mime asks gio (GNOME's lookup) for a GNOME desktop; outside one it would ask
        # `mimetype` (libfile-mimeinfo-perl) or file(1), which knows nothing of shared-mime-info.
        env = dict(os.environ, XDG_DATA_DIRS=os.path.join(prefix, "share") + ":/usr/share",
                   XDG_DATA_HOME=os.path.join(tmp, "empty"), XDG_CURRENT_DESKTOP="GNOME")
        board = os.path.join(source, "tests/fixtures/v1/sample.cjm")
        with open(board, "rb") as f:
            board_bytes = f.read()
        samples = {"board.cjm": (board_bytes, MIME_TYPE),
                   "board.json": (board_bytes, MIME_TYPE),  # by the magic: priority 80 beats the glob
                   "other.json": (b'{\n    "format": "something else",\n    "board": {}\n}\n', "application/json")}
        lines = []
        for name, (data, expected) in samples.items():
            path = os.path.join(tmp, name)
            with open(path, "wb") as f:
                f.write(data)
            result = run(["xdg-mime", "query", "filetype", path], env=env)
            found = result.stdout.strip()
            if found != expected:
                fail(f"xdg-mime query filetype {name} gave {found!r} (exit {result.returncode}), expected {expected}")
            lines.append(f"{name} → {found}")
        print("check_packaging: after update-mime-database, " + ", ".join(lines))


EXPECTED_IN_DEB = [
    "./usr/bin/journeyboard",
    f"./usr/share/applications/{APP_ID}.desktop",
    f"./usr/share/metainfo/{APP_ID}.metainfo.xml",
    f"./usr/share/mime/packages/{APP_ID}.xml",
    f"./usr/share/icons/hicolor/scalable/apps/{APP_ID}.svg",
    f"./usr/share/icons/hicolor/48x48/apps/{APP_ID}.png",
    f"./usr/share/icons/hicolor/128x128/apps/{APP_ID}.png",
    f"./usr/share/icons/hicolor/256x256/apps/{APP_ID}.png",
    "./usr/share/thumbnailers/journeyboard.thumbnailer",
    "./usr/share/man/man1/journeyboard.1.gz",
    "./usr/share/locale/ru/LC_MESSAGES/journeyboard.mo",
    "./usr/share/doc/journeyboard/copyright",
    "./usr/share/doc/journeyboard/changelog.Debian.gz",
]


def check_deb(source, build, version):
    with tempfile.TemporaryDirectory(prefix="jb-deb-") as tmp:
        result = run(["cpack", "-G", "DEB", "--config", os.path.join(build, "CPackConfig.cmake"), "-B", tmp])
        if result.returncode != 0:
            fail("cpack:\n" + result.stdout + result.stderr)
        debs = [f for f in os.listdir(tmp) if f.endswith(".deb")]
        if debs != [f"journeyboard_{version}-1_amd64.deb"]:
            fail(f"cpack wrote {debs}, expected journeyboard_{version}-1_amd64.deb")
        deb = os.path.join(tmp, debs[0])

        listing = run(["dpkg-deb", "-c", deb]).stdout
        entries = {}
        for line in listing.splitlines():
            mode, owner, _size, _date, _time, path = line.split(None, 5)
            entries[path] = (mode, owner)
        missing = [p for p in EXPECTED_IN_DEB if p not in entries]
        if missing:
            fail("the package lacks " + ", ".join(missing))
        wrong = [f"{p} {m} {o}" for p, (m, o) in entries.items()
                 if o != "root/root" or m not in ("drwxr-xr-x", "-rw-r--r--", "-rwxr-xr-x")]
        if wrong or entries["./usr/bin/journeyboard"][0] != "-rwxr-xr-x":
            fail("files with the wrong owner or mode: " + ", ".join(wrong or ["./usr/bin/journeyboard"]))

        depends = run(["dpkg-deb", "-f", deb, "Depends"]).stdout.strip()
        for package in ("libc6", "libglfw3", "fonts-dejavu-core", "fonts-fork-awesome", "libegl-mesa0", "libgl1-mesa-dri"):
            if not re.search(rf"(^|, ){re.escape(package)}( |,|$)", depends):
                fail(f"Depends lacks {package}: {depends}")

        # lintian's own checks include the binary's stripping, the changelog, the copyright file,
        # the manual page, the desktop entry and the mime XML.
        result = run(["lintian", "--no-cfg", "--fail-on", "error", deb])
        tags = [line for line in result.stdout.splitlines() if re.match(r"^[EWIPX]: ", line)]
        if result.returncode != 0 or any(t.startswith("E: ") for t in tags):
            fail("lintian reports errors:\n" + result.stdout + result.stderr)
        size = os.path.getsize(deb)
        print(f"check_packaging: {debs[0]}, {size / 1e6:.1f} MB, {len(entries)} entries, "
              f"Depends: {depends}; lintian: {len(tags)} tags, no errors")
        for tag in tags:
            print("  lintian " + tag)


CHECKS = {"desktop": check_desktop, "metainfo": check_metainfo, "mime": check_mime, "deb": check_deb}

if __name__ == "__main__":
    if len(sys.argv) != 5 or sys.argv[1] not in CHECKS:
        fail(__doc__)
    CHECKS[sys.argv[1]](*sys.argv[2:])
