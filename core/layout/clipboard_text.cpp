#include "core/layout/clipboard_text.h"

#include "core/model/sanitize.h"
#include "core/model/warnings.h"

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

std::vector<std::string> ParseClipboardNotes(std::string_view text, size_t maxNotes, ClipboardReport* report) {
  std::string s = NormalizeNewlines(text);
  RepairUtf8(s);  // before splitting: a cut here is then never inside a sequence
  RemoveControlChars(s);  // tab and newline (the separators) stay
  ClipboardReport counts;
  std::vector<std::string> notes;
  // Every note is counted, the ones past maxNotes too, so that the message can say how many.
  // Every note is counted, the ones past maxNotes too, so that the message can say how many.
  auto add = [&](std::string note) {
    const bool cut = CutToCodepoints(note, kMaxTextChars);
    while (!note.empty() && note.back() == ' ') note.pop_back();  // the cut may end on a space
    if (note.empty()) return;
    ++counts.found;
    if (notes.size() >= maxNotes) return;
    if (cut) ++counts.cut;
    notes.push_back(std::move(note));
  };
  if (s.find('\t') == std::string::npos) {
    for (size_t start = 0; start < s.size();) {
      size_t end = s.find('\n', start);
      if (end == std::string::npos) end = s.size();
      size_t last = end;
      while (last > start && s[last - 1] == ' ') --last;
      if (last > start) add(s.substr(start, last - start));
      start = end + 1;
    }
  } else {
    for (size_t pos = 0; pos < s.size(); ++pos) {  // ++pos skips the separator
      std::string cell = Trim(ReadCell(s, &pos), " \t\n");
      if (!cell.empty()) add(std::move(cell));
    }
  }
  if (report) *report = counts;
  return notes;
}

std::string ClipboardMessage(const ClipboardReport& report, size_t pasted) {
  std::string message;
  if (report.found > pasted) {
    message = "Pasted " + Thousands(pasted) + " of " + Thousands(report.found) +
              " lines: one paste makes at most " + Thousands(kMaxPastedNotes) + " notes";
  }
  if (report.cut > 0) {
    message += message.empty() ? "Pasted text was cut" : ", and " + Counted(report.cut, "text was", "texts were") + " cut";
    message += " to a note's limit of " + Thousands(kMaxTextChars) + " characters";
  }
  return message.empty() ? message : message + ".";
}

}  // namespace jb
