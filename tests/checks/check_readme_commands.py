"""README's keys and the command table agree: every shortcut in the second column of README's
"Using it" table (the backticked keys: `Ctrl Z`, `Ctrl Shift E`, `F`, `Del`) is a shortcut of a
command in `journeyboard --list-commands`, and every command's shortcut is mentioned in README.
Menus write "Ctrl+Shift+Z", README `Ctrl Shift Z`: both are compared as "ctrl shift z".
Prints every mismatch and exits 1 when there is any.
    python3 check_readme_commands.py README.md path/to/journeyboard"""
import pathlib
import re
import subprocess
import sys

# Keys README names that are not commands, so they are not in the table.
CANVAS_KEYS = {
    "esc",  # cancels a drag or clears the selection: the canvas's own key, no menu item
}
# Rows whose keys are the note text editor's (Ctrl A selects the text, Ctrl C copies it...), not commands.
EDITOR_ROWS = {"edit a note"}


def normalise(key):
    key = key.strip().lower()
    key = re.sub(r"\b(ctrl|shift|alt)\+", r"\1 ", key)  # "ctrl+shift+z" → "ctrl shift z", "ctrl++" → "ctrl +"
    return " ".join(key.split())


def readme_keys(readme):
    text = pathlib.Path(readme).read_text(encoding="utf-8")
    section = text.split("## Using it", 1)[1].split("\n## ", 1)[0]
    keys = {}
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if not line.startswith("|") or len(cells) < 2 or cells[0] in ("action", "") or set(cells[0]) <= set("-"):
            continue
        if cells[0] in EDITOR_ROWS:
            continue
        for key in re.findall(r"`([^`]+)`", cells[1]):
            keys.setdefault(normalise(key), cells[0])
    return keys


def table_keys(app):
    out = subprocess.run([app, "--list-commands"], capture_output=True, text=True, check=True).stdout
    keys = {}
    for line in out.splitlines():
        shortcut, menu, label = line.split("\t")
        for key in filter(None, (k.strip() for k in shortcut.split(","))):
            keys.setdefault(normalise(key), f"{menu} ▸ {label}" if menu else label)
    return keys


def main():
    readme, app = sys.argv[1], sys.argv[2]
    documented = readme_keys(readme)
    table = table_keys(app)
    if not documented or not table:
        print("no keys found in README's 'Using it' table or in --list-commands")
        return 1
    problems = 0
    for key, action in sorted(documented.items()):
        if key in table:
            print(f"ok      `{key}` ({action}) is {table[key]}")
        elif key in CANVAS_KEYS:
            print(f"ok      `{key}` ({action}) is a canvas key, not a command")
        else:
            print(f"MISSING `{key}` ({action}) is in README but no command has it")
            problems += 1
    for key, command in sorted(table.items()):
        if key not in documented:
            print(f"UNDOCUMENTED `{key}` ({command}) is a command's shortcut that README does not mention")
            problems += 1
    print(f"{len(documented)} README keys, {len(table)} command shortcuts, {problems} mismatches")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
