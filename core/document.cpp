#include "core/document.h"

#include <filesystem>

namespace jb {

std::string Document::DisplayName() const {
  if (m_path.empty()) return "untitled.cjm";
  return std::filesystem::path(m_path).filename().string();
}

void Document::Reset(Board board, std::string path) {
  m_board = std::move(board);
  m_path = std::move(path);
  m_version = m_savedVersion = 0;
  ++m_changeCount;
}

bool Document::Save(const std::string& path, SaveError* error) {
  const std::string target = path.empty() ? m_path : path;
  if (target.empty()) {
    error->message = "Choose a file name to save the board to.";
    return false;
  }
  if (!SaveBoard(m_board, target, error)) return false;
  m_path = target;
  m_savedVersion = m_version;
  return true;
}

}  // namespace jb
