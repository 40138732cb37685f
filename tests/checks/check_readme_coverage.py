"""Every action in README's "Using it" table is named by a GUI test: each test function's
docstring starts with `Covers: action; action`, spelled as in the table's first column.
Prints the actions no test names and exits 1 when there is any.
    python3 check_readme_coverage.py README.md tests/gui"""
import ast
import pathlib
import re
import sys


def readme_actions(readme):
    text = pathlib.Path(readme).read_text(encoding="utf-8")
    section = text.split("## Using it", 1)[1].split("\n## ", 1)[0]
    actions = []
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("|") and len(cells) >= 2 and cells[0] not in ("action", "") and not set(cells[0]) <= set("-"):
            actions.append(cells[0])
    return actions


def covered_actions(folder):
    covered = {}
    for path in sorted(pathlib.Path(folder).glob("test_*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, ast.FunctionDef) and node.name.startswith("test_"):
                doc = ast.get_docstring(node) or ""
                match = re.match(r"Covers:(.*)", doc)
                if match:
                    for action in match.group(1).split(";"):
                        covered.setdefault(action.strip(), []).append(f"{path.name}:{node.name}")
    return covered


def main():
    readme, folder = sys.argv[1], sys.argv[2]
    actions = readme_actions(readme)
    covered = covered_actions(folder)
    if not actions:
        print("no actions found in README's 'Using it' table")
        return 1
    missing = [a for a in actions if a not in covered]
    unknown = sorted(set(covered) - set(actions))
    for action in actions:
        print(f"{'ok     ' if action in covered else 'MISSING'} {action}: {', '.join(covered.get(action, []))}")
    for action in unknown:
        print(f"UNKNOWN 'Covers: {action}' names no row of the table: {', '.join(covered[action])}")
    print(f"{len(actions) - len(missing)} of {len(actions)} actions have a GUI test")
    return 1 if missing or unknown else 0


if __name__ == "__main__":
    sys.exit(main())
