#include "core/io/table_import.h"

#include <utf8proc.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <utility>

#include "core/io/board_builder.h"
#include "core/io/mermaid_journey.h"
#include "core/model/limits.h"

namespace jb {

namespace {

// Cells a table may fill in all (a hostile file of one-letter cells would otherwise cost gigabytes
// before the row limit is reached); far more than a board of kMaxNotes notes needs.
constexpr size_t kMaxTableCells = 2000000;

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
  return out;
}

std::string Extension(std::string_view fileName) {
  const size_t slash = fileName.find_last_of('/');
  const std::string_view base = slash == std::string_view::npos ? fileName : fileName.substr(slash + 1);
  const size_t dot = base.find_last_of('.');
  return dot == std::string_view::npos || dot == 0 ? "" : Lower(base.substr(dot));
}

// The file's name without folder and extension: the default title.
std::string BaseTitle(std::string_view fileName) {
  const size_t slash = fileName.find_last_of('/');
  std::string_view base = slash == std::string_view::npos ? fileName : fileName.substr(slash + 1);
  const size_t dot = base.find_last_of('.');
  if (dot != std::string_view::npos && dot > 0) base = base.substr(0, dot);
  return std::string(base);
}

bool IsBlank(std::string_view text) { return text.find_first_not_of(" \t\r\n") == std::string_view::npos; }

// CRLF and lone CR become LF (inside quoted cells too: a cell's line breaks are items).
std::string NormalizeLineEnds(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\r') out += text[i];
    else if (i + 1 >= text.size() || text[i + 1] != '\n') out += '\n';
  }
  return out;
}

std::string_view WithoutBom(std::string_view text) {
  return text.substr(0, 3) == "\xEF\xBB\xBF" ? text.substr(3) : text;
}

void AppendUtf8(std::string& out, int32_t code) {
  utf8proc_uint8_t buffer[4];
  const utf8proc_ssize_t n = utf8proc_encode_char(code, buffer);
  out.append(reinterpret_cast<const char*>(buffer), size_t(n));
}

// [SECTION] Cells: HTML flattened, entities decoded, items split

// `&name;` / `&#NNN;` / `&#xHH;` at `at` (which holds '&'): the code point and the length, or none.
std::optional<std::pair<int32_t, size_t>> Entity(std::string_view text, size_t at) {
  const size_t semi = text.find(';', at + 1);
  if (semi == std::string_view::npos || semi - at > 10) return std::nullopt;
  const std::string_view body = text.substr(at + 1, semi - at - 1);
  const size_t length = semi - at + 1;
  if (body.size() >= 2 && body[0] == '#') {
    const bool hex = body[1] == 'x' || body[1] == 'X';
    const std::string digits(body.substr(hex ? 2 : 1));
    if (digits.empty() || digits.find_first_not_of(hex ? "0123456789abcdefABCDEF" : "0123456789") != std::string::npos)
      return std::nullopt;
    const long code = std::strtol(digits.c_str(), nullptr, hex ? 16 : 10);
    // Not a character (NUL, surrogates, past U+10FFFF): U+FFFD, as a browser shows it.
    if (!utf8proc_codepoint_valid(utf8proc_int32_t(code)) || code == 0) return std::make_pair(int32_t(0xFFFD), length);
    return std::make_pair(int32_t(code), length);
  }
  static constexpr std::pair<std::string_view, int32_t> kNamed[] = {
      {"amp", '&'},       {"lt", '<'},         {"gt", '>'},         {"quot", '"'},       {"apos", '\''},
      {"nbsp", 0xA0},     {"mdash", 0x2014},   {"ndash", 0x2013},   {"laquo", 0xAB},     {"raquo", 0xBB},
      {"hellip", 0x2026}, {"rsquo", 0x2019},   {"lsquo", 0x2018},   {"ldquo", 0x201C},   {"rdquo", 0x201D},
      {"bull", 0x2022},   {"middot", 0xB7},    {"copy", 0xA9},      {"euro", 0x20AC},    {"times", 0xD7},
  };
  for (const auto& [name, code] : kNamed)
    if (body == name) return std::make_pair(code, length);
  return std::nullopt;
}

std::string DecodeEntities(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '&') {
      if (auto entity = Entity(text, i)) {
        AppendUtf8(out, entity->first);
        i += entity->second - 1;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

// Tags that end a line of text in HTML: they separate a cell's items.
bool IsBreakTag(std::string_view name) {
  static constexpr std::string_view kBreaks[] = {"li", "ul", "ol", "br", "p", "div", "tr", "h1", "h2", "h3", "h4",
                                                 "h5", "h6", "dd", "dt", "hr"};
  return std::find(std::begin(kBreaks), std::end(kBreaks), name) != std::end(kBreaks);
}

// Where the tag starting at `at` ('<') ends (past '>'), with its lower-case name; npos when `at`
// does not start a tag ("a < b", "<3").
size_t TagEnd(std::string_view text, size_t at, std::string* name) {
  size_t i = at + 1;
  if (i < text.size() && text[i] == '/') ++i;
  if (i >= text.size() || !(std::isalpha(static_cast<unsigned char>(text[i])) || text[i] == '!')) return std::string_view::npos;
  if (text.substr(at, 4) == "<!--") {
    const size_t end = text.find("-->", at + 4);
    return end == std::string_view::npos ? std::string_view::npos : end + 3;
  }
  const size_t nameStart = i;
  while (i < text.size() && std::isalnum(static_cast<unsigned char>(text[i]))) ++i;
  *name = Lower(text.substr(nameStart, i - nameStart));
  char quote = 0;  // attribute values may hold '>'
  for (; i < text.size(); ++i) {
    if (quote) {
      if (text[i] == quote) quote = 0;
    } else if (text[i] == '"' || text[i] == '\'') {
      quote = text[i];
    } else if (text[i] == '>') {
      return i + 1;
    } else if (text[i] == '<' || text[i] == '\n') {
      return std::string_view::npos;  // "x <y" then a real tag: not one
    }
  }
  return std::string_view::npos;
}

// The cell with its tags removed: block tags (li, br, p...) become line breaks, the others
// vanish with their text kept. In a cell written as HTML, raw line breaks are spaces, as a
// browser shows them.
std::string FlattenHtml(std::string_view cell) {
  std::string out;
  out.reserve(cell.size());
  bool html = false;
  for (size_t i = 0; i < cell.size(); ++i) {
    std::string name;
    if (cell[i] == '<') {
      const size_t end = TagEnd(cell, i, &name);
      if (end != std::string_view::npos) {
        if (IsBreakTag(name)) {
          out += '\f';
          html = true;
        }
        i = end - 1;
        continue;
      }
    }
    out += cell[i];
  }
  // Raw line breaks of HTML source are spaces, as a browser shows them; the tags' breaks (\f) stay.
  if (html) std::replace(out.begin(), out.end(), '\n', ' ');
  return out;
}

// Runs of white space (nbsp included) become one space; the ends are trimmed.
std::string Tidy(std::string_view text) {
  std::string out;
  bool space = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    const bool nbsp = c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\v' || nbsp) {
      space = true;
      if (nbsp) ++i;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += char(c);
  }
  return out;
}

// Bullet marks that separate items wherever they stand (`• A• B• C`).
constexpr std::string_view kBullets[] = {"\u2022", "\u25E6", "\u25AA", "\u2023", "\u25CF", "\u25AB"};
// Marks that are bullets only at the start of a line; then the same mark after a space later on
// the line starts the next item ("- A - B").
constexpr std::string_view kLineBullets[] = {"- ", "* ", "\u2013 ", "\u2014 ", "+ "};

// "1. " / "12) " at `at`: the number, and where the item's text starts.
std::optional<std::pair<int, size_t>> Numbering(std::string_view line, size_t at) {
  size_t i = at;
  int number = 0;
  while (i < line.size() && i - at < 3 && std::isdigit(static_cast<unsigned char>(line[i]))) number = number * 10 + (line[i++] - '0');
  if (i == at || i + 1 >= line.size() || (line[i] != '.' && line[i] != ')') || line[i + 1] != ' ') return std::nullopt;
  return std::make_pair(number, i + 2);
}

void AddItem(std::string_view text, std::vector<std::string>* items) {
  std::string item = Tidy(text);
  if (!item.empty()) items->push_back(std::move(item));
}

// One line of a cell into items: split at bullets anywhere, at a line bullet's mark repeated, at
// numbering that goes on (1. … 2. … 3. …).
void SplitLine(std::string_view line, std::vector<std::string>* items) {
  // Unambiguous bullets first: each piece is split further on its own.
  for (std::string_view bullet : kBullets) {
    if (line.find(bullet) == std::string_view::npos) continue;
    size_t start = 0;
    for (size_t at = line.find(bullet); at != std::string_view::npos; at = line.find(bullet, start)) {
      SplitLine(line.substr(start, at - start), items);
      start = at + bullet.size();
    }
    SplitLine(line.substr(start), items);
    return;
  }
  const size_t first = line.find_first_not_of(" \t\f");
  if (first == std::string_view::npos) return;
  line = line.substr(first);
  for (std::string_view mark : kLineBullets) {
    if (line.substr(0, mark.size()) != mark) continue;
    const std::string separator = " " + std::string(mark);
    size_t start = mark.size();
    for (size_t at = line.find(separator, start); at != std::string_view::npos; at = line.find(separator, start)) {
      AddItem(line.substr(start, at - start), items);
      start = at + separator.size();
    }
    AddItem(line.substr(start), items);
    return;
  }
  if (auto number = Numbering(line, 0)) {
    size_t start = number->second;
    int next = number->first + 1;
    for (size_t at = line.find(' ', start); at != std::string_view::npos; at = line.find(' ', at + 1)) {
      auto following = Numbering(line, at + 1);
      if (!following || following->first != next) continue;
      AddItem(line.substr(start, at - start), items);
      start = following->second;
      at = start - 1;
      ++next;
    }
    AddItem(line.substr(start), items);
    return;
  }
  AddItem(line, items);
}

// The cell flattened to one line of text (names of stages and lanes).
std::string CellText(std::string_view cell) {
  std::string text;
  for (const std::string& item : SplitCellItems(cell)) text += (text.empty() ? "" : " ") + item;
  return text;
}

// [SECTION] Lane kinds

// `name` case-folded (Cyrillic too) and NFC-composed.
std::string Fold(std::string_view name) {
  utf8proc_uint8_t* folded = nullptr;
  const utf8proc_ssize_t n =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(name.data()), utf8proc_ssize_t(name.size()), &folded,
                   utf8proc_option_t(UTF8PROC_CASEFOLD | UTF8PROC_COMPOSE | UTF8PROC_STABLE));
  if (n < 0) return Lower(name);
  std::string out(reinterpret_cast<const char*>(folded), size_t(n));
  std::free(folded);
  return out;
}

// Whether a word of `text` starts with one of `stems`.
bool HasStem(const std::string& text, std::initializer_list<std::string_view> stems) {
  for (std::string_view stem : stems) {
    for (size_t at = text.find(stem); at != std::string::npos; at = text.find(stem, at + 1)) {
      const unsigned char before = at == 0 ? ' ' : static_cast<unsigned char>(text[at - 1]);
      if (before < 0x80 && !std::isalnum(before)) return true;  // a byte >= 0x80 ends a letter
    }
  }
  return false;
}

// [SECTION] The emotions lane: a cell's score

// A score found in a cell's text, -1..+1, and the text with a leading number score removed.
struct CellScore {
  std::optional<float> value;  // none: signed numbers, scaled over the lane later
  std::optional<float> signedNumber;
  std::string label;
};

CellScore ScoreOf(const std::string& text) {
  CellScore score;
  score.label = text;
  const std::string folded = Fold(text);
  // "4/5", "3 из 5", "4 of 5": k of n onto -1..+1 (1..n); "+2", "-1", "0": scaled over the lane.
  std::string number = text;
  if (number.compare(0, 3, "\u2212") == 0) number.replace(0, 3, "-");  // the typographic minus
  if (!number.empty() && (number[0] == '+' || number[0] == '-' || std::isdigit(static_cast<unsigned char>(number[0])))) {
    char* end = nullptr;
    const double k = std::strtod(number.c_str(), &end);
    const size_t kEnd = size_t(end - number.c_str());
    if (kEnd > 0 && std::abs(k) <= 100) {  // a score, not a year or an amount (nor inf as a float)
      const std::string lower = Lower(number);  // ASCII only: offsets stay
      size_t i = lower.find_first_not_of(' ', kEnd);
      for (std::string_view word : {"/", "\u0438\u0437 ", "of ", "out of "}) {
        if (i == std::string::npos || lower.compare(i, word.size(), word) != 0) continue;
        const char* after = number.c_str() + i + word.size();
        char* nEnd = nullptr;
        const double n = std::strtod(after, &nEnd);
        if (nEnd != after && n > 1 && n <= 100) {
          score.value = std::clamp(float(2 * (k - 1) / (n - 1) - 1), -1.0f, 1.0f);
          score.label = Tidy(std::string_view(number).substr(size_t(nEnd - number.c_str())));
          return score;
        }
      }
      if (kEnd == number.size() || number[kEnd] == ' ' || number[kEnd] == ':') {
        score.signedNumber = float(k);
        score.label = Tidy(std::string_view(number).substr(kEnd + (kEnd < number.size() && number[kEnd] == ':')));
        return score;
      }
    }
  }
  struct Mood {
    std::string_view word;
    float value;
  };
  static constexpr Mood kMoods[] = {
      {"\U0001F60D", 1},  {"\U0001F929", 1},    {"\U0001F601", 1},   {"\U0001F604", 1},   {"\U0001F603", 1},
      {"\U0001F600", 1},  {"\U0001F60A", 0.5f}, {"\U0001F642", 0.5f}, {"\U0001F44D", 0.5f}, {"\U0001F610", 0},
      {"\U0001F636", 0},  {"\U0001F615", -0.5f}, {"\U0001F641", -0.5f}, {"\U0001F61F", -0.5f}, {"\U0001F44E", -0.5f},
      {"\u2639", -0.5f},  {"\U0001F61E", -1},   {"\U0001F622", -1},  {"\U0001F620", -1},  {"\U0001F621", -1},
      {"\U0001F62D", -1}, {"\U0001F629", -1},   {"\U0001F624", -1},  {"\u263A", 0.5f},
  };
  for (const Mood& mood : kMoods)
    if (text.find(mood.word) != std::string::npos) {
      score.value = mood.value;
      return score;
    }
  if (HasStem(folded, {"very positive", "очень позитив", "восторг", "delighted", "excellent", "отлично"})) score.value = 1;
  else if (HasStem(folded, {"very negative", "очень негатив", "frustrat", "angry", "злость", "раздраж", "ужасно"})) score.value = -1;
  else if (HasStem(folded, {"neutral", "нейтрал", "ok", "нормально"})) score.value = 0;
  else if (HasStem(folded, {"negative", "негатив", "bad", "плохо", "unhappy", "sad", "грусть", "тревог", "anxious", "worried"}))
    score.value = -0.5f;
  else if (HasStem(folded, {"positive", "позитив", "good", "хорошо", "happy", "радост", "рад ", "pleased", "доволен"}))
    score.value = 0.5f;
  return score;
}

std::string Count(size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// A Markdown pipe table (`| Stages | A | B |`, as wikis and our Markdown export write it): its rows,
// the `|---|` line skipped, `\|` a bar in a cell. The table is the first run of lines starting
// with `|`: the text's first line (`anywhere` false), or any line (a .md file, prose around it).
enum class PipeTable { None, Found, Failed };
PipeTable ParsePipeTable(std::string_view text, bool anywhere, std::vector<TableRow>* rows, std::string* error) {
  rows->clear();
  size_t line = 0, cellsKept = 0;
  bool inTable = false;
  for (size_t start = 0; start < text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view row = text.substr(start, end - start);
    start = end + 1;
    ++line;
    const size_t first = row.find_first_not_of(" \t");
    const bool pipe = first != std::string_view::npos && row[first] == '|';
    if (!pipe) {
      if (inTable) break;
      if (first == std::string_view::npos || anywhere) continue;
      return PipeTable::None;
    }
    inTable = true;
    row = row.substr(first + 1);
    while (!row.empty() && (row.back() == ' ' || row.back() == '\t')) row.remove_suffix(1);
    if (!row.empty() && row.back() == '|' && !(row.size() >= 2 && row[row.size() - 2] == '\\')) row.remove_suffix(1);
    TableRow cells;
    cells.line = line;
    std::string cell;
    bool delimiter = true;  // every cell like ---, :--, --:
    auto finish = [&] {
      const std::string tidy = Tidy(cell);
      delimiter = delimiter && !tidy.empty() && tidy.find_first_not_of(":-") == std::string::npos && tidy.find('-') != std::string::npos;
      cells.cells.push_back(tidy);
      cell.clear();
    };
    for (size_t i = 0; i < row.size(); ++i) {
      if (row[i] == '\\' && i + 1 < row.size() && row[i + 1] == '|') {
        cell += '|';
        ++i;
      } else if (row[i] == '|') {
        finish();
      } else {
        cell += row[i];
      }
    }
    finish();
    if (delimiter) continue;
    while (!cells.cells.empty() && cells.cells.back().empty()) cells.cells.pop_back();
    if (cells.cells.empty()) continue;
    if (cells.cells.size() > kMaxTableColumns) {
      *error = "Line " + std::to_string(line) + " has more than 1,000 columns; a table may have at most 1,000.";
      return PipeTable::Failed;
    }
    cellsKept += cells.cells.size();
    if (rows->size() >= kMaxTableRows || cellsKept > kMaxTableCells) {
      *error = "The table has more than 100,000 rows or 2,000,000 cells (line " + std::to_string(line) +
               " is past that); split it into smaller tables.";
      return PipeTable::Failed;
    }
    rows->push_back(std::move(cells));
  }
  return rows->empty() ? PipeTable::None : PipeTable::Found;
}

}  // namespace

// [SECTION] Rows

bool ParseDelimited(std::string_view text, char separator, std::vector<TableRow>* rows, std::string* error) {
  rows->clear();
  size_t line = 1, cellsKept = 0;
  size_t i = 0;
  while (i < text.size()) {
    TableRow row;
    row.line = line;
    size_t pendingEmpty = 0;  // empty cells not stored yet: stored only when a filled one follows
    bool rowDone = false;
    while (!rowDone) {
      std::string cell;
      // Spaces before an opening quote are not part of the cell (`a, "b, c"`).
      size_t j = i;
      while (j < text.size() && (text[j] == ' ' || (text[j] == '\t' && separator != '\t'))) ++j;
      if (j < text.size() && text[j] == '"') {
        const size_t openLine = line;
        i = j + 1;
        for (;;) {
          if (i >= text.size()) {
            *error = "Line " + std::to_string(openLine) +
                     " opens a quoted cell that is never closed; add the closing quote (\") or remove the opening one.";
            rows->clear();
            return false;
          }
          const char c = text[i++];
          if (c == '"') {
            if (i < text.size() && text[i] == '"') {
              cell += '"';
              ++i;
              continue;
            }
            break;
          }
          if (c == '\r') {
            if (i < text.size() && text[i] == '\n') ++i;
            cell += '\n';
            ++line;
            continue;
          }
          if (c == '\n') ++line;
          cell += c;
        }
        // Text after the closing quote (`"a"b`) is kept as spreadsheets keep it.
        while (i < text.size() && text[i] != separator && text[i] != '\n' && text[i] != '\r') cell += text[i++];
      } else {
        while (i < text.size() && text[i] != separator && text[i] != '\n' && text[i] != '\r') cell += text[i++];
      }
      if (i >= text.size() || text[i] == '\n' || text[i] == '\r') {
        if (i < text.size()) {
          i += text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n' ? 2 : 1;
          ++line;
        }
        rowDone = true;
      } else {
        ++i;  // the separator
      }
      if (IsBlank(cell)) {
        ++pendingEmpty;
        continue;
      }
      if (row.cells.size() + pendingEmpty + 1 > kMaxTableColumns) {
        *error = "Line " + std::to_string(row.line) + " has more than 1,000 columns; a table may have at most 1,000.";
        rows->clear();
        return false;
      }
      row.cells.insert(row.cells.end(), pendingEmpty, std::string());
      cellsKept += pendingEmpty + 1;
      pendingEmpty = 0;
      row.cells.push_back(std::move(cell));
    }
    if (row.cells.empty()) continue;  // a blank row
    if (rows->size() >= kMaxTableRows) {
      *error = "The table has more than 100,000 rows (line " + std::to_string(row.line) + " is past that); split it into smaller tables.";
      rows->clear();
      return false;
    }
    if (cellsKept > kMaxTableCells) {
      *error = "The table has more than 2,000,000 cells (line " + std::to_string(row.line) + " is past that); split it into smaller tables.";
      rows->clear();
      return false;
    }
    rows->push_back(std::move(row));
  }
  return true;
}

std::vector<std::string> SplitCellItems(std::string_view cell) {
  const std::string flat = FlattenHtml(cell);
  std::vector<std::string> items;
  // Lines split first (a line break always ends an item); entities decoded after the tags are
  // gone, so `&lt;b&gt;` stays text.
  size_t start = 0;
  for (;;) {
    const size_t end = flat.find_first_of("\n\f", start);
    const std::string line = DecodeEntities(std::string_view(flat).substr(start, end == std::string::npos ? std::string::npos : end - start));
    SplitLine(line, &items);
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return items;
}

LaneKind GuessLaneKind(std::string_view laneName) {
  const std::string name = Fold(laneName);
  // The customer's own steps ("Customer actions", "Действия клиента", "Doing") are what a
  // Mermaid journey calls tasks: touchpoints. The team's to-dos ("Action items", "Задачи") are actions.
  const bool customer = HasStem(name, {"customer", "client", "user", "клиент", "пользовател", "покупател", "студент", "ученик"});
  if (HasStem(name, {"doing", "steps", "шаги", "что делает", "делает"}) ||
      (customer && HasStem(name, {"action", "step", "действи", "шаг"})))
    return LaneKind::Touchpoints;
  if (HasStem(name, {"emotion", "feeling", "mood", "эмоци", "чувств", "ощущени", "настроени", "переживани"})) return LaneKind::Emotions;
  if (HasStem(name, {"pain", "frustration", "barrier", "problem", "боль", "боли", "болев", "барьер", "проблем", "трудност"}))
    return LaneKind::Pains;
  if (HasStem(name, {"delight", "joy", "wow", "радост", "восторг", "вау"})) return LaneKind::Delights;
  if (HasStem(name, {"question", "вопрос"})) return LaneKind::Questions;
  if (HasStem(name, {"metric", "kpi", "measure", "метрик", "показател"})) return LaneKind::Metrics;
  if (HasStem(name, {"solution", "idea", "opportunit", "improvement", "решени", "идея", "идеи", "идей", "возможност", "улучшени"}))
    return LaneKind::Solutions;
  if (HasStem(name, {"goal", "objective", "need", "цел", "потребност"}) || (customer && HasStem(name, {"task", "задач"})))
    return LaneKind::Goals;
  if (HasStem(name, {"action", "task", "to do", "todo", "to-do", "задач", "действи", "поручени"})) return LaneKind::Actions;
  if (HasStem(name, {"touchpoint", "touch point", "channel", "точк", "канал"})) return LaneKind::Touchpoints;
  return LaneKind::Custom;
}

bool LooksLikeTable(std::string_view text) {
  text = WithoutBom(text);
  size_t rows = 0;
  bool header = false;
  for (size_t start = 0; start < text.size() && rows < 2;) {
    size_t end = text.find_first_of("\r\n", start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    start = end + 1;
    if (IsBlank(line)) continue;
    if (++rows == 1) {
      // A label and at least one stage name after a tab.
      const size_t tab = line.find('\t');
      header = tab != std::string_view::npos && !IsBlank(line.substr(tab + 1));
    }
  }
  return header && rows >= 2;
}

bool ImportTable(std::string_view bytes, const TableImportOptions& options, TableImport* out, std::string* error) {
  const std::string extension = Extension(options.fileName);
  if (IsMermaidJourney(bytes) || extension == ".mmd") return ReadMermaidJourney(bytes, options, out, error);
  const std::string name = options.fileName.empty() ? "The table" : options.fileName;

  if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF") {
    *error = name + " is UTF-16 text; save the table as UTF-8 (CSV UTF-8 in a spreadsheet) and import it again.";
    return false;
  }
  // A NUL never stands in text; a few stray control characters may (RepairText removes them).
  size_t controls = 0;
  bool nul = false;
  for (const char c : bytes) {
    const unsigned char u = static_cast<unsigned char>(c);
    nul = nul || u == 0;
    if (u < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') ++controls;
  }
  if (nul || controls * 100 > bytes.size()) {
    *error = name + " is not a text table (it holds binary data).";
    return false;
  }
  if (!IsValidUtf8(bytes)) {
    *error = name + " is not UTF-8 text; save the table as UTF-8 (CSV UTF-8 in a spreadsheet) and import it again.";
    return false;
  }
  const std::string text = NormalizeLineEnds(WithoutBom(bytes));
  if (IsBlank(text)) {
    *error = name + " is empty.";
    return false;
  }
  // A board file picked by mistake would read as a one-line table of braces and quotes.
  const size_t first = text.find_first_not_of(" \t\n\f");
  const std::string head = first == std::string::npos ? std::string() : text.substr(first, 200);
  if (!head.empty() && head[0] == '{' && head.find("\"format\"") != std::string::npos &&
      head.find("\"journeyboard\"") != std::string::npos) {
    *error = name + " is a Journeyboard board, not a table: open it as a board instead.";
    return false;
  }

  const bool markdown = extension == ".md" || extension == ".markdown";
  std::vector<TableRow> rows;
  switch (ParsePipeTable(text, markdown, &rows, error)) {
    case PipeTable::Failed: return false;
    case PipeTable::Found: break;
    case PipeTable::None: {
      if (markdown && !LooksLikeTable(text)) {
        *error = name + " holds neither a Mermaid journey nor a table.";
        return false;
      }
      // The separator: by the extension for .tsv, else from the header line, outside quotes.
      char separator = '\t';
      if (extension != ".tsv") {
        size_t tabs = 0, semicolons = 0, commas = 0;
        bool quoted = false, started = false;
        for (const char c : text) {
          if (c == '"') quoted = !quoted;
          if (quoted) continue;
          if (c == '\n') {
            if (started) break;
            continue;
          }
          started = started || c != ' ';
          tabs += c == '\t';
          semicolons += c == ';';
          commas += c == ',';
        }
        separator = tabs ? '\t' : semicolons && semicolons >= commas ? ';' : commas ? ',' : '\t';
      }
      if (!ParseDelimited(text, separator, &rows, error)) return false;
    }
  }
  if (rows.empty()) {
    *error = name + " is empty.";
    return false;
  }

  // The header: a label, then the stage names (trailing empty cells are not stages).
  const TableRow& header = rows[0];
  std::vector<std::string> stageNames;
  for (size_t c = 1; c < header.cells.size(); ++c) stageNames.push_back(CellText(header.cells[c]));
  while (!stageNames.empty() && stageNames.back().empty()) stageNames.pop_back();
  if (stageNames.empty()) {
    *error = "Line " + std::to_string(header.line) +
             " names no stages: the first row must hold a label, then one stage name per column, separated by tabs, commas or semicolons.";
    return false;
  }
  if (stageNames.size() > kMaxStages) {
    *error = "The header names more than 1,000 stages; a board holds at most 1,000.";
    return false;
  }
  if (rows.size() - 1 > kMaxLanes) {
    *error = "The table has " + std::to_string(rows.size() - 1) + " rows of lanes; a board holds at most 1,000 lanes.";
    return false;
  }
  for (size_t r = 1; r < rows.size(); ++r) {
    if (rows[r].cells.size() > stageNames.size() + 1) {
      *error = "Line " + std::to_string(rows[r].line) + " has " + std::to_string(rows[r].cells.size()) +
               " cells but the header names " + Count(stageNames.size(), "stage", "stages") +
               "; give every column a stage name.";
      return false;
    }
  }

  const std::string language = GuessLanguage(text);
  const bool ru = language == "ru";
  std::string title = options.title;
  if (title.empty()) title = BaseTitle(options.fileName);
  // No file name: the clipboard's. Board text, in the board's language.
  if (title.empty() && options.fileName.empty()) title = ru ? "Вставленный путь" : "Pasted journey";
  if (title.empty()) title = ru ? "Импортированный путь" : "Imported journey";
  BoardBuilder builder(title, language);
  std::vector<StageId> stages;
  size_t unnamedStages = 0, unnamedLanes = 0, leftOut = 0, notes = 0;
  std::string firstUnnamedStage, firstUnnamedLane;  // for the notice
  for (size_t s = 0; s < stageNames.size(); ++s) {
    std::string stageName = stageNames[s];
    if (stageName.empty()) {
      stageName = (ru ? "Этап " : "Stage ") + std::to_string(s + 1);
      if (!unnamedStages++) firstUnnamedStage = stageName;
    }
    stages.push_back(builder.AddStage(std::move(stageName)));
  }

  // Emotion rows: one persona, a curve per row, a point per scored cell at the stage's middle.
  PersonaId customer;
  for (size_t r = 1; r < rows.size(); ++r) {
    const std::vector<std::string>& cells = rows[r].cells;
    std::string laneName = CellText(cells[0]);
    const LaneKind kind = GuessLaneKind(laneName);
    if (laneName.empty()) {
      laneName = (ru ? "Дорожка " : "Lane ") + std::to_string(r);
      if (!unnamedLanes++) firstUnnamedLane = laneName;
    }
    const LaneId lane = builder.AddLane(laneName, kind);
    if (kind == LaneKind::Emotions) {
      struct Pending {
        size_t stage;
        CellScore score;
      };
      std::vector<Pending> scored;
      float largest = 0;
      for (size_t c = 1; c < cells.size(); ++c) {
        const std::vector<std::string> items = SplitCellItems(cells[c]);
        if (items.empty()) continue;
        std::string text;
        for (const std::string& item : items) text += (text.empty() ? "" : "; ") + item;
        CellScore score = ScoreOf(text);
        if (score.signedNumber) largest = std::max(largest, std::abs(*score.signedNumber));
        scored.push_back({c - 1, std::move(score)});
      }
      if (scored.empty()) continue;
      if (!customer) customer = builder.AddPersona(ru ? "Клиент" : "Customer");
      const CurveId curve = builder.AddCurve(customer);
      // Signed numbers ("+2", "-1") are scaled by the lane's largest, at least 2: -2..+2 is the common scale.
      largest = std::max(largest, 2.0f);
      for (Pending& p : scored) {
        const float value = p.score.signedNumber ? std::clamp(*p.score.signedNumber / largest, -1.0f, 1.0f)
                                                 : p.score.value.value_or(0.0f);
        builder.AddPoint(curve, CurvePoint(stages[p.stage], 0.5f, value, std::move(p.score.label)));
      }
      continue;
    }
    for (size_t c = 1; c < cells.size(); ++c) {
      for (std::string& item : SplitCellItems(cells[c])) {
        if (notes >= kMaxNotes) {
          ++leftOut;
          continue;
        }
        builder.AddNote(stages[c - 1], lane, std::move(item));
        ++notes;
      }
    }
  }

  out->notices.clear();
  const SanitizeCounts& counts = builder.counts();
  if (unnamedStages)
    out->notices.push_back(Count(unnamedStages, "stage had", "stages had") + " no name in the header and " +
                           (unnamedStages == 1 ? "was" : "were") + " named by " + (unnamedStages == 1 ? "its" : "their") +
                           " place (\"" + firstUnnamedStage + "\").");
  if (unnamedLanes)
    out->notices.push_back(Count(unnamedLanes, "row had", "rows had") + " no lane name and " + (unnamedLanes == 1 ? "was" : "were") +
                           " named by " + (unnamedLanes == 1 ? "its" : "their") + " place (\"" + firstUnnamedLane + "\").");
  if (counts.broken)
    out->notices.push_back(Count(counts.broken, "text held", "texts held") + " control characters or broken UTF-8, which were removed.");
  if (counts.cuts) out->notices.push_back(Count(counts.cuts, "text was", "texts were") + " cut to 20,000 characters.");
  if (leftOut)
    out->notices.push_back(Count(leftOut, "item was", "items were") + " left out: a board holds at most 200,000 notes.");
  out->board = builder.Take();
  return true;
}

}  // namespace jb
