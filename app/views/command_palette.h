// The command palette (Ctrl+K, View ▸ Command palette...): every command of the command table by
// its menu path and label, with its shortcut, filtered as you type (core/layout/search.h
// FilterByWords: each typed word begins a word of the name, case- and accent-insensitive). A
// command with items (Open recent) lists each item ("File › Open recent › /path/board.cjm").
// Up/Down move the highlight, Enter or a click runs a command, Escape or a click outside closes.
// Disabled commands are greyed and cannot run.
#pragma once
#include <string>
#include <vector>

#include "app/views/commands.h"

namespace jb {

class CommandPalette {
 public:
  void Open() { m_requested = true; }
  // Once a frame, before the dialogs (a command it runs may open one).
  void Show(const std::vector<Command>& commands);

  bool open() const { return m_open; }
  const std::string& query() const { return m_query; }
  // What the list shows, best first: command ids, "id:item" for an item (file.open_recent:/a/b.cjm).
  const std::vector<std::string>& shown() const { return m_shownIds; }

 private:
  struct Entry {
    size_t command = 0;
    bool isItem = false;
    std::string item;
    std::string name;   // what the filter reads: menu path, label, item
    std::string shown;  // what the list shows
  };

  bool m_requested = false;
  bool m_open = false;
  bool m_focus = false;
  std::string m_query;
  int m_highlight = 0;  // index into the filtered list
  bool m_scrollToHighlight = false;
  std::vector<std::string> m_shownIds;
};

}  // namespace jb
