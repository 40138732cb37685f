// Help ▸ Keyboard shortcuts (F1, ?): a sheet of every command that has a shortcut, generated from
// the command table and grouped by menu, beside the canvas's mouse and touch gestures (their table
// is here: one source). Large type in three columns, to be read from a few metres; Esc, F1, ? or a
// click outside closes it. Help ▸ About Journeyboard: the version and where its files live.
#pragma once
#include <string>
#include <vector>

#include "app/views/commands.h"

namespace jb {

class Fonts;

struct HelpRow {
  std::string keys;   // "Ctrl+Shift+Z, Ctrl+Y"
  std::string label;  // "Redo"
};

struct HelpGroup {
  std::string title;  // the menu's name, or "Mouse and touch"
  std::vector<HelpRow> rows;
};

// The sheet's content: one group per top-level menu with a command that has a shortcut, in the
// table's order, then the gestures.
std::vector<HelpGroup> HelpSheetGroups(const std::vector<Command>& commands);
// How many rows the gestures' group has.
int HelpGestureCount();

// The command that opens the sheet: its keys close it again.
inline constexpr const char* kHelpCommand = "help.shortcuts";

class HelpSheet {
 public:
  void Open() { m_requested = true; }
  bool open() const { return m_open; }
  int rows() const { return m_rows; }
  // Each frame; `scale` is the UI scale (fonts and sizes follow it).
  void Show(const std::vector<Command>& commands, const Fonts& fonts);

 private:
  bool m_requested = false;
  bool m_open = false;
  int m_rows = 0;
};

// The About dialog (modal): the version, and the settings file and recovery folder.
void ShowAboutDialog(bool* requested, const std::string& version, const std::string& settingsPath,
                     const std::string& recoveryDir);

}  // namespace jb
