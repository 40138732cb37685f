"""The man page and README's "Command line" section agree with the command-line parser: every
subcommand and every option that `journeyboard --list-cli` lists (CLI11's own table) appears in
both, each option under its own command, and every command or option either of them names is one
the parser knows. Prints every mismatch and exits 1 when there is any.
    python3 check_cli_docs.py README.md journeyboard.1 path/to/journeyboard
        [--replace-in-man OLD NEW] [--replace-in-readme OLD NEW]
The --replace options change the text read (not the file) first: the mutation tests use them to
prove that a page missing an option, or naming one the parser lacks, fails."""
import pathlib
import re
import subprocess
import sys

WINDOW = "-"  # --list-cli's name for the window's own options
# Every command answers -h/--help; the pages say so once rather than under each command.
EVERYWHERE = {"-h", "--help"}
OPTION = re.compile(r"(?<![\w./'-])(--?[a-z][a-z0-9-]*)")


def parser_table(app):
    out = subprocess.run([app, "--list-cli"], capture_output=True, text=True, check=True).stdout
    commands, hidden = {}, set()
    for line in out.splitlines():
        command, name = line.split(" ")
        if command == "hidden":
            hidden.add(name)
            continue
        commands.setdefault(command, set())
        if name != "-":
            commands[command].add(name)
    return commands, hidden


def roff_text(text):
    """The man page as words: comments gone, escapes undone (\\- is -, \\fB is a font change)."""
    text = "\n".join(line for line in text.splitlines() if not line.startswith('.\\"'))
    text = text.replace("\\-", "-").replace("\\&", "")
    text = re.sub(r"\\f[BIRP]|\\f\[[A-Z]*\]|\\\(..", "", text)
    return text


def man_sections(text):
    """{command: its text}: WINDOW for SYNOPSIS, DESCRIPTION and WINDOW OPTIONS, each `.SS` of
    COMMANDS for its command (the heading's first word), and "" for the rest."""
    sections, current, in_commands = {WINDOW: "", "": ""}, WINDOW, False
    for line in text.splitlines():
        if line.startswith(".SH"):
            title = line[3:].strip().strip('"')
            in_commands = title == "COMMANDS"
            current = WINDOW if title in ("SYNOPSIS", "DESCRIPTION", "WINDOW OPTIONS") else ""
            continue
        if line.startswith(".SS") and in_commands:
            current = line[3:].strip().strip('"').split()[0]
            sections.setdefault(current, "")
            continue
        sections[current] += line + "\n"
    return sections


def main():
    args = sys.argv[1:]
    replacements = {"man": [], "readme": []}
    while len(args) > 3 and args[-3] in ("--replace-in-man", "--replace-in-readme"):
        replacements[args[-3][len("--replace-in-"):]].append((args[-2], args[-1]))
        args = args[:-3]
    readme, man, app = args
    commands, hidden = parser_table(app)
    known = set().union(*commands.values()) | hidden
    subcommands = set(commands) - {WINDOW}

    man_text = pathlib.Path(man).read_text(encoding="utf-8")
    for old, new in replacements["man"]:
        man_text = man_text.replace(old, new)
    man_plain = roff_text(man_text)
    sections = man_sections(man_plain)

    readme_text = pathlib.Path(readme).read_text(encoding="utf-8")
    for old, new in replacements["readme"]:
        readme_text = readme_text.replace(old, new)
    # README: the first code block of "Command line"; a line starting `journeyboard` starts an
    # entry, the window's when its second word is no command.
    section = readme_text.split("\n## Command line", 1)[1].split("\n## ", 1)[0]
    block = section.split("```", 2)[1]
    entries = {}
    command = None
    for line in block.splitlines():
        words = line.split()
        if not words:
            continue
        if words[0] == "journeyboard":
            command = words[1] if len(words) > 1 and words[1] in subcommands else WINDOW
        if command:
            entries[command] = entries.get(command, "") + line + "\n"

    problems = 0

    def has(text, name):
        return re.search(r"(?<![\w./'-])" + re.escape(name) + r"(?![\w-])", text) is not None

    for command in sorted(commands):
        label = "the window" if command == WINDOW else f"'{command}'"
        if command != WINDOW:
            if command not in sections:
                print(f"MISSING command {label}: the man page has no '.SS {command}' under COMMANDS")
                problems += 1
            if command not in entries:
                print(f"MISSING command {label}: README's Command line block has no 'journeyboard {command}' line")
                problems += 1
        for name in sorted(commands[command]):
            if command != WINDOW and name in EVERYWHERE:
                continue
            if not has(sections.get(command, ""), name):
                print(f"MISSING {name} of {label} in the man page")
                problems += 1
            if not has(entries.get(command, ""), name):
                print(f"MISSING {name} of {label} in README's Command line block")
                problems += 1

    # What the pages name must be what the parser knows.
    for where, text in (("the man page", man_plain), ("README's Command line section", section)):
        for name in sorted(set(OPTION.findall(text))):
            if name not in known:
                print(f"UNKNOWN option {name} in {where}: the parser has no such option")
                problems += 1
    for name in sorted(set(sections) - {WINDOW, ""} - subcommands):
        print(f"UNKNOWN command '{name}' in the man page's COMMANDS")
        problems += 1
    for word in sorted(set(re.findall(r"^journeyboard ([a-z][a-z-]*)", block, re.M)) - subcommands):
        print(f"UNKNOWN command '{word}' in README's Command line block")
        problems += 1

    names = sum(len(v) for v in commands.values())
    print(f"{len(subcommands)} commands, {names} option names, {problems} mismatches")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
