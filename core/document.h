// A board being worked on: the board, the file it belongs to, and whether it has unsaved
// changes. Every change to the board goes through here.
#pragma once
#include <string>

#include "core/file_io.h"
#include "core/model.h"

namespace jb {

class Document {
 public:
  Document() = default;

  const Board& board() const { return m_board; }
  const std::string& path() const { return m_path; }  // empty: never saved
  // The file name shown in the title bar ("untitled.cjm" before the first save).
  std::string DisplayName() const;

  // Replaces everything (new board or opened file); the result counts as saved.
  void Reset(Board board, std::string path);

  bool IsDirty() const { return m_version != m_savedVersion; }
  // Increases on every change to the board, including Reset: views use it to notice changes.
  uint64_t ChangeCount() const { return m_changeCount; }

  // Saves to `path` (or the current path when empty) and remembers it; false with a message on failure.
  bool Save(const std::string& path, SaveError* error);

 private:
  Board m_board;
  std::string m_path;
  uint64_t m_version = 0;
  uint64_t m_savedVersion = 0;
  uint64_t m_changeCount = 0;
};

}  // namespace jb
