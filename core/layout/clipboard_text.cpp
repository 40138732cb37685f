#include "core/layout/clipboard_text.h"

#include "core/model/sanitize.h"

namespace jb {

namespace {

std::string Trim(std::string_view text, const char* spaces) {
  size_t begin = text.find_first_not_of(spaces);
  if (begin == std::string_view::npos) return {};
  return std::string(text.substr(begin, text.find_last_not_of(spaces) + 1 - begin));
}

// Reads the cell at s[*pos] (a tab, a newline or the end stops it) and leaves *pos on its end.
std::string ReadCell(const std::string& s, size_t* pos) {
  const size_t start = *pos;
  if (start < s.size() && s[start] == '"') {
    std::string cell;
    for (size_t i = start + 1; i < s.size(); ++i) {
      if (s[i] != '"') {
        cell += s[i];
      } else if (i + 1 < s.size() && s[i + 1] == '"') {
        cell += '"';
        ++i;
      } else {
        if (i + 1 == s.size() || s[i + 1] == '\t' || s[i + 1] == '\n') {
          *pos = i + 1;
          return cell;
        }
        break;  // text after the closing quote: not a quoted cell after all
      }
    }
  }
  size_t end = s.find_first_of("\t\n", start);
  *pos = end == std::string::npos ? s.size() : end;
  return s.substr(start, *pos - start);
}

}  // namespace

std::string NormalizeNewlines(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\r') {
      out += text[i];
      continue;
    }
    out += '\n';
    if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
  }
  return out;
}

std::vector<std::string> ParseClipboardNotes(std::string_view text, size_t maxNotes, ClipboardLimits* limits) {
  const std::string s = NormalizeNewlines(text);
  std::vector<std::string> notes;
  ClipboardLimits found;
  // Keeps a note, cut to the text limit; one past `maxNotes` only says that there were more.
  auto keep = [&](std::string note) {
    if (note.empty()) return;
    if (notes.size() == maxNotes) {
      found.moreNotes = true;
      return;
    }
    CutText(note, &found.cutNotes);
    while (!note.empty() && note.back() == ' ') note.pop_back();  // the cut may end on a space
    if (!note.empty()) notes.push_back(std::move(note));
  };
  if (s.find('\t') == std::string::npos) {
    for (size_t start = 0; start < s.size() && !found.moreNotes;) {
      size_t end = s.find('\n', start);
      if (end == std::string::npos) end = s.size();
      std::string line = s.substr(start, end - start);
      while (!line.empty() && line.back() == ' ') line.pop_back();
      keep(std::move(line));
      start = end + 1;
    }
  } else {
    for (size_t pos = 0; pos < s.size() && !found.moreNotes; ++pos)  // ++pos skips the separator
      keep(Trim(ReadCell(s, &pos), " \t\n"));
  }
  if (limits) *limits = found;
  return notes;
}

}  // namespace jb
