// The command table's machinery. Every user action that has a menu item or a shortcut is one
// Command, declared once in the table (App::MakeCommands, app_commands.cpp): its id, label, shortcut, menu
// path, when it is enabled or checked, and what it runs. The menu bar and the keyboard shortcuts are
// generated from the table, and `journeyboard --list-commands` prints it (README's key list is
// checked against that list: tests/checks/check_readme_commands.py).
#pragma once
#include <functional>
#include <string>
#include <vector>

namespace jb {

// A key chord. `key` is a GLFW key code; `name` is how menus show it ("Ctrl+Shift+Z", "Del").
// Ctrl chords act anywhere but in a text field; plain keys are the canvas's: they act only while
// the canvas has the focus and no gesture is in progress (Canvas::commandKeys).
// Shift: a chord without Shift also takes Shift held, unless another chord names Shift + the same key.
// A shortcut with a `character` (and no key) is that typed character, whichever key and layout make
// it: '?' is Shift+/ on a US keyboard and Shift+7 on a Russian one.
struct Shortcut {
  int key = 0;
  bool ctrl = false;
  bool shift = false;
  const char* name = "";
  char32_t character = 0;
};

// Whether `character` was typed this frame. Callers ask only while no text field is being typed
// in (the canvas: Canvas::IsTyping; the help sheet has none).
bool Typed(char32_t character);
// Whether `key` was pressed this frame, among the Ctrl chords (`ctrl`) or the plain keys. Shift
// held still counts for a chord without Shift unless `shiftTaken` (another chord names Shift + the
// same key). What RunCommandKeys runs by; the help sheet closes by its command's keys so.
bool ShortcutPressed(const Shortcut& key, bool ctrl, bool shiftTaken = false);

struct Command {
  std::string id;                  // stable name, e.g. "edit.undo"
  std::string menu;                // menu path, "File" or "View ▸ UI scale"; "" for the menu bar itself
  std::string label;               // as the menu shows it
  std::vector<Shortcut> keys;      // the first is shown in the menu; the others are aliases
  std::function<bool()> enabled;   // null: always enabled
  std::function<bool()> checked;   // null: not a toggle
  std::function<void()> run;
  std::function<void()> runByKey;  // when its keys do more than its menu item (null: run)
  std::function<std::string()> dynamicLabel;  // the menu's label when it changes ("Undo Add note")
  std::string widget;              // recorded in the layout dump ("tool.select") when not empty
  bool separatorBefore = false;
  // A submenu of items known only at run time (Open recent): `items` names them, `runItem` runs one.
  std::function<std::vector<std::string>()> items;
  std::function<void(const std::string& item)> runItem;
  std::vector<std::string> path;   // `menu` split at " ▸ " (FinishCommands fills it)
};

// A submenu of the table's menu paths: its widget name in the layout dump, and whether a
// separator comes before it.
struct MenuInfo {
  std::string path;  // "File", "View ▸ UI scale"
  std::string widget;
  bool separatorBefore = false;
};

// Splits every command's menu path; call once after the table is declared.
void FinishCommands(std::vector<Command>& commands);
// The menu bar's menus and items, in the table's order (between Begin/EndMainMenuBar).
void ShowCommandMenus(const std::vector<Command>& commands, const std::vector<MenuInfo>& menus);
// Runs the commands whose chord was pressed this frame: the Ctrl chords (`ctrl`) or the plain keys.
void RunCommandKeys(const std::vector<Command>& commands, bool ctrl);
// The menu bar's menus, in order, as named there.
std::vector<std::string> TopMenuNames(const std::vector<Command>& commands);
// One line per command: shortcuts (", " between aliases), menu path, label; tab-separated.
std::string CommandListText(const std::vector<Command>& commands);

}  // namespace jb
