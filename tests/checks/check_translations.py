#!/usr/bin/env python3
"""The interface's two languages stay whole (README "Languages").

Fails when
  (i)   a user-visible string literal in app/ is not marked for translation: a literal passed
        straight to an ImGui widget or text call, to the command table's menu and label fields
        (app_commands.cpp's add(...)), to a status/error/toast setter, or printed by the command
        line (app/cli: fprintf(stderr, ...), std::cerr << ...). ImGui ids ("##…"), format-only
        strings ("%s", "%d  %s") and symbols (no letters) are allowed;
  (ii)  a marked msgid (xgettext --keyword=_ --keyword=N_ over app/**/*.cpp,h) has no non-empty,
        non-fuzzy Russian msgstr in assets/locale/ru.po;
  (iii) ru.po keeps an entry whose msgid is no longer in the source (obsolete: delete it).

Usage: check_translations.py ROOT [--po PATH] [--app DIR]
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

# ImGui calls whose string arguments are shown to the user.
IMGUI_CALLS = (
    "Text", "TextUnformatted", "TextWrapped", "TextDisabled", "TextColored", "LabelText", "BulletText",
    "Button", "SmallButton", "MenuItem", "BeginMenu", "Selectable", "Checkbox", "RadioButton",
    "SetTooltip", "BeginPopupModal", "CollapsingHeader", "InputText", "InputTextWithHint",
    "InputTextMultiline", "InputInt", "InputFloat", "SliderFloat", "SliderInt", "DragFloat", "DragInt",
    "Combo", "BeginCombo", "BeginTabItem", "TreeNode", "ColorEdit3", "ColorEdit4", "Begin",
    "OpenPopup", "IsPopupOpen",  # a modal's title is its id: opened under the same (translated) name
)
# Our own setters of messages the user reads.
# Shown as they are in every language: the languages' own names (View ▸ Language).
ALLOWED = {"English", "Русский", "en", "ru",  # and the settings' codes for them
           " — Journeyboard",  # the window title's product name
           "canvas",  # the canvas window's name: it has no title bar
           "journeyboard: %s %.1f ms\\n",  # JB_EXPORT_TIMING's steps (cli.cpp): for developers
           "note menu", "stage menu", "lane menu", "cell menu", "sketch menu"}  # context menus' ids: never shown
# Key names as menus show them ("Ctrl+D", "Del"): the same on every keyboard.
KEY_NAME = re.compile(r"^(((Ctrl|Shift|Alt)\+)+.+|Del|Esc|Enter|Backspace|F\d+)$")
MESSAGE_CALLS = ("notice", "BigButton", "BeginSidePanel", "Radio", "PersonaField",
                 # an undo step's label (kept in English, N_, and shown translated in Edit and History)
                 "Apply", "BeginGesture", "TrackFieldEdit", "Edit", "Change",
                 "Fail", "Status", "ShowError", "ShowToast", "Toast", "SetStatus", "SetError", "RecordDialogText")


def strip_comments(text):
    """Blanks out // and /* */ comments, keeping string literals and line numbers."""
    out, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if c == '"' or c == "'":
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            out.append(text[i:j + 1])
            i = j + 1
        elif text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append("\n" * text.count("\n", i, j))
            i = j
        else:
            out.append(c)
            i += 1
    return "".join(out)


def top_level_literals(text, start):
    """The string literals at depth 1 of the call whose '(' is at `start`, until its ')'."""
    depth, i, found = 0, start, []
    while i < len(text):
        c = text[i]
        if c == '"':
            j = i + 1
            while j < len(text) and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            if depth == 1:
                found.append((i, text[i + 1:j]))
            i = j + 1
            continue
        if c == "'":
            i = text.find("'", i + 2 if text[i + 1] == "\\" else i + 1) + 1
            continue
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
            if depth == 0:
                break
        elif c == ";" and depth <= 1:
            break
        i += 1
    return found


def needs_translation(literal):
    """A literal with words in it, once ImGui ids and printf conversions are taken out."""
    if literal in ALLOWED:
        return False
    if KEY_NAME.match(literal) or re.fullmatch(r"[a-z_]+(\.([a-z_0-9]|%d)+)+", literal):  # keys; widget names
        return False
    shown = literal.split("##")[0]
    shown = re.sub(r"\\x[0-9A-Fa-f]+|\\[0-7]{1,3}|\\033\[K", "", shown)  # escapes (arrows, ×, erase line)
    shown = shown.replace("journeyboard:", "")  # the program's name, as command-line messages begin
    shown = re.sub(r"%[-+ #0-9.*]*[a-zA-Z]", "", shown)
    shown = re.sub(r"\\[nt\"\\]", " ", shown)
    return re.search(r"[A-Za-z\u0400-\u04ff]{2,}", shown) is not None


def unmarked(root, app_dir):
    problems = []
    calls = re.compile(r"\bImGui::(%s)\s*\(|(?<![\w.:>])(%s)\s*\(|->(%s)\s*\(|\.(%s)\s*\(" % (
        "|".join(IMGUI_CALLS), "|".join(MESSAGE_CALLS), "|".join(MESSAGE_CALLS), "|".join(MESSAGE_CALLS)))
    for folder, _dirs, files in os.walk(app_dir):
        for name in sorted(files):
            if not name.endswith((".cpp", ".h")):
                continue
            path = os.path.join(folder, name)
            text = strip_comments(open(path, encoding="utf-8").read())
            rel = os.path.relpath(path, root)
            spots = []
            for m in calls.finditer(text):
                spots += top_level_literals(text, m.end() - 1)
            # a message, title or label kept in a variable first (also each branch of a ?: there)
            for m in re.finditer(r"\b\w*(?:error|Error|banner|message|Message|title|Title|label|Label|hint|Hint|action"
                                 r"|caption|text)\w*\s*=(?!=)\s*", text):
                spots += [(m.end() + at - 1, lit) for at, lit in top_level_literals("(" + text[m.end():], 0)]
            for m in re.finditer(r"\bsnprintf\s*\(", text):  # a text formatted to be shown
                spots += top_level_literals(text, m.end() - 1)
            if name == "app_commands.cpp":  # add(id, menu, label, ...): the menu and the label
                for m in re.finditer(r"(?<![\w.])add\s*\(", text):
                    spots += top_level_literals(text, m.end() - 1)[1:]
            if "/cli" in rel.replace(os.sep, "/"):
                for m in re.finditer(r"\bfprintf\s*\(\s*stderr\s*,|\bfputs\s*\(", text):
                    spots += top_level_literals(text, text.rfind("(", 0, m.end()))
                for m in re.finditer(r"std::cerr\b", text):
                    end = text.find(";", m.end())
                    for lit in re.finditer(r'(?<!_\()(?<!N_\()"((?:[^"\\]|\\.)*)"', text[m.end():end]):
                        spots.append((m.end() + lit.start(), lit.group(1)))
            # _() in a namespace-scope initializer runs before the language is chosen: use N_ there
            for m in re.finditer(r"^(?:static |constexpr |const )*[\w:<>]+\s*\*?\s*(?:const\s+)?\w+\s*=\s*_\(", text, re.M):
                problems.append(f"{rel}:{text.count(chr(10), 0, m.start()) + 1}: _() in a static initializer is "
                                "translated before the language is set; mark it N_() and translate where shown")
            for at, literal in sorted(set(spots)):
                if needs_translation(literal):
                    line = text.count("\n", 0, at) + 1
                    problems.append(f'{rel}:{line}: "{literal}" is shown to the user but not marked _() or N_()')
    return problems


def parse_po(path):
    """{msgid: (translated, fuzzy)} and the obsolete (#~) msgids, from a .po file."""
    entries, fuzzy, current, field = {}, False, None, None

    def unquote(s):
        return bytes(s.strip()[1:-1], "utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")

    def finish():
        if current is not None and current.get("msgid"):
            strs = [v for k, v in current.items() if k.startswith("msgstr")]
            entries[current["msgid"]] = (bool(strs) and all(strs), current.get("fuzzy", False))

    for raw in open(path, encoding="utf-8"):
        line = raw.rstrip("\n")
        if line.startswith("#,"):
            fuzzy = "fuzzy" in line
        if line.startswith("#~"):
            continue  # obsolete entries kept by msgmerge: not ours to keep (they are reported below if live)
        if line.startswith("msgid "):
            finish()
            current, field = {"fuzzy": fuzzy}, "msgid"
            fuzzy = False
            current[field] = unquote(line[6:])
        elif line.startswith("msgid_plural ") and current is not None:
            field = "msgid_plural"
            current[field] = unquote(line[13:])
        elif line.startswith("msgstr") and current is not None:
            field, _, value = line.partition(" ")
            current[field] = unquote(value)
        elif line.startswith('"') and current is not None and field:
            current[field] += unquote(line)
        elif not line.strip():
            field = None
    finish()
    obsolete = [line for line in open(path, encoding="utf-8") if line.startswith("#~ msgid ")]
    return entries, obsolete


def marked_msgids(app_dir):
    sources = sorted(os.path.join(f, n) for f, _d, files in os.walk(app_dir) for n in files if n.endswith((".cpp", ".h")))
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, "journeyboard.pot")
        subprocess.run(["xgettext", "--keyword=_", "--keyword=N_", "--keyword=TrPlural:1,2",
                        "-C", "--from-code=UTF-8", "-o", pot, *sources], check=True,
                       env=dict(os.environ, LC_ALL="C.UTF-8"), stderr=subprocess.PIPE)  # quiet: non-ASCII msgids
        if not os.path.exists(pot):
            return {}
        entries, _obsolete = parse_po(pot)
        return entries


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("root")
    parser.add_argument("--po")
    parser.add_argument("--app")
    args = parser.parse_args()
    app_dir = args.app or os.path.join(args.root, "app")
    po = args.po or os.path.join(args.root, "assets", "locale", "ru.po")
    problems = unmarked(args.root, app_dir)
    source = marked_msgids(app_dir)
    catalog, obsolete = parse_po(po)
    for msgid in sorted(source):
        translated, fuzzy = catalog.get(msgid, (False, False))
        if msgid not in catalog:
            problems.append(f'{os.path.relpath(po, args.root)}: no Russian for "{msgid}"')
        elif fuzzy or not translated:
            problems.append(f'{os.path.relpath(po, args.root)}: the Russian for "{msgid}" is '
                            f'{"fuzzy" if fuzzy else "empty"}')
    for msgid in sorted(set(catalog) - set(source)):
        problems.append(f'{os.path.relpath(po, args.root)}: "{msgid}" is obsolete (no longer in app/): delete it')
    for line in obsolete:
        problems.append(f"{os.path.relpath(po, args.root)}: obsolete entry {line.strip()}: delete it")
    for problem in problems:
        print(problem)
    if problems:
        print(f"check_translations: {len(problems)} problem(s); {len(source)} marked strings")
        return 1
    print(f"check_translations: {len(source)} marked strings, all translated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
