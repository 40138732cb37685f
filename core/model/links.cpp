#include "core/model/links.h"

#include <unordered_map>

namespace jb {

std::vector<NoteLink> NoteLinks(const Board& board, NoteId id) {
  std::vector<NoteLink> links;
  if (!id || !board.FindNote(id)) return links;
  for (const Arrow& arrow : board.arrows) {
    const NoteId from = arrow.from.note, to = arrow.to.note;
    if (!from || !to || from == to) continue;
    if (from == id && board.FindNote(to)) links.push_back({arrow.id, to, true});
    else if (to == id && board.FindNote(from)) links.push_back({arrow.id, from, false});
  }
  return links;
}

std::vector<BoardLink> BoardLinks(const Board& board) {
  std::unordered_map<uint64_t, const Note*> notes;
  for (const Note& note : board.notes) notes.emplace(note.id.value, &note);
  std::vector<BoardLink> links;
  for (const Arrow& arrow : board.arrows) {
    const NoteId from = arrow.from.note, to = arrow.to.note;
    if (!from || !to || from == to) continue;
    const auto f = notes.find(from.value), t = notes.find(to.value);
    if (f != notes.end() && t != notes.end()) links.push_back({&arrow, f->second, t->second});
  }
  return links;
}

std::string ShortText(const std::string& text, size_t maxChars) {
  // The first line with something on it.
  size_t begin = 0, end = 0;
  for (size_t pos = 0; pos <= text.size();) {
    size_t next = text.find('\n', pos);
    if (next == std::string::npos) next = text.size();
    if (text.find_first_not_of(" \t\r", pos) < next) {
      begin = text.find_first_not_of(" \t\r", pos);
      end = text.find_last_not_of(" \t\r", next - 1) + 1;
      break;
    }
    pos = next + 1;
  }
  const std::string line = text.substr(begin, end - begin);
  size_t chars = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    if ((static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) continue;  // a continuation byte
    if (chars == maxChars) return line.substr(0, i) + "…";
    ++chars;
  }
  return line;
}

}  // namespace jb
