#include "core/layout/clipboard_text.h"

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

std::vector<std::string> ParseClipboardNotes(std::string_view text, size_t maxNotes) {
  const std::string s = NormalizeNewlines(text);
  std::vector<std::string> notes;
  if (s.find('\t') == std::string::npos) {
    for (size_t start = 0; start < s.size() && notes.size() < maxNotes;) {
      size_t end = s.find('\n', start);
      if (end == std::string::npos) end = s.size();
      std::string line = s.substr(start, end - start);
      while (!line.empty() && line.back() == ' ') line.pop_back();
      if (!line.empty()) notes.push_back(line);
      start = end + 1;
    }
    return notes;
  }
  for (size_t pos = 0; pos < s.size() && notes.size() < maxNotes; ++pos) {  // ++pos skips the separator
    std::string cell = Trim(ReadCell(s, &pos), " \t\n");
    if (!cell.empty()) notes.push_back(cell);
  }
  return notes;
}

}  // namespace jb
