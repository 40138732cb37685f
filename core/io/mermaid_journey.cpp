// Mermaid `journey` diagrams in and out.
//
// [SECTION] Lines: BOM, line ends, front matter, Markdown fences
// [SECTION] Text: Mermaid's entity codes, comments, keywords
// [SECTION] Reading
// [SECTION] Writing
//
// The grammar is Mermaid's (journey.jison): `journey`, then `title …`, `accTitle: …`,
// `accDescr: …` / `accDescr { … }`, `section …` and task lines `Task: SCORE: Actor, Actor`, with
// whole-line `%%` comments and free indentation. Mermaid's lexer ends a task's text at `:` `#` or
// `;` (a bare `#` starts a comment to the end of the line), so such characters are written as
// Mermaid's entity codes (`#58;`, `#35;`, `#59;`; `#44;` for a comma in an actor's name), which
// Mermaid replaces before it parses and shows as the character; the reader decodes them the same way.
#include "core/io/mermaid_journey.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/io/board_builder.h"
#include "core/layout/curve.h"
#include "core/model/limits.h"
#include "core/model/sanitize.h"

namespace jb {

namespace {

// [SECTION] Lines: BOM, line ends, front matter, Markdown fences

struct SourceLine {
  std::string_view text;
  size_t number = 0;  // 1-based, in the whole text (a Markdown file's line, not the fence's)
};

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\v' || c == '\f';
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && IsSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsSpace(text.back())) text.remove_suffix(1);
  return text;
}

char Lower(char c) {
  return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
}

bool StartsWithNoCase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i)
    if (Lower(text[i]) != Lower(prefix[i])) return false;
  return true;
}

// `keyword` then whitespace or the end: how Mermaid's lexer knows `title` and `section`.
bool StartsWithWord(std::string_view text, std::string_view keyword) {
  return StartsWithNoCase(text, keyword) && (text.size() == keyword.size() || IsSpace(text[keyword.size()]));
}

// Lines split at LF, CRLF or CR, after an optional UTF-8 BOM.
std::vector<SourceLine> SplitLines(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<SourceLine> lines;
  size_t start = 0, number = 1;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && text[i] != '\n' && text[i] != '\r') continue;
    lines.push_back({text.substr(start, i - start), number++});
    if (i + 1 < text.size() && text[i] == '\r' && text[i + 1] == '\n') ++i;
    start = i + 1;
  }
  return lines;
}

// A diagram found in the text: its lines after the `journey` header.
struct Diagram {
  std::vector<SourceLine> lines;
  size_t headerLine = 0;
  std::string frontMatterTitle;  // `title:` of a `---` front matter block, which Mermaid also reads
};

std::string Unquote(std::string_view text) {
  text = Trim(text);
  if (text.size() >= 2 && (text.front() == '"' || text.front() == '\'') && text.back() == text.front())
    text = text.substr(1, text.size() - 2);
  return std::string(text);
}

// Whether `lines` (a whole text, or a fence's body) are a journey: an optional `---` front
// matter block, then `journey` as the first line that is not blank or a %% comment.
std::optional<Diagram> JourneyIn(const std::vector<SourceLine>& lines) {
  Diagram diagram;
  size_t i = 0;
  if (!lines.empty() && Trim(lines[0].text) == "---") {
    size_t end = 1;
    while (end < lines.size() && Trim(lines[end].text) != "---") ++end;
    if (end == lines.size()) return std::nullopt;  // not closed: not front matter, and no journey
    for (size_t k = 1; k < end; ++k)
      if (StartsWithNoCase(lines[k].text, "title:")) diagram.frontMatterTitle = Unquote(lines[k].text.substr(6));
    i = end + 1;
  }
  for (; i < lines.size(); ++i) {
    const std::string_view line = Trim(lines[i].text);
    if (line.empty() || line.substr(0, 2) == "%%") continue;
    if (line != "journey") return std::nullopt;
    diagram.headerLine = lines[i].number;
    diagram.lines.assign(lines.begin() + long(i) + 1, lines.end());
    return diagram;
  }
  return std::nullopt;
}

// A Markdown fence's opening line: up to any indentation, ``` or ~~~ (or longer), an info string.
struct Fence {
  size_t indent = 0;  // characters before the fence
  char mark = 0;
  size_t length = 0;
  std::string_view info;
};

std::optional<Fence> OpeningFence(std::string_view line) {
  Fence fence;
  while (fence.indent < line.size() && IsSpace(line[fence.indent])) ++fence.indent;
  if (fence.indent == line.size() || (line[fence.indent] != '`' && line[fence.indent] != '~')) return std::nullopt;
  fence.mark = line[fence.indent];
  while (fence.indent + fence.length < line.size() && line[fence.indent + fence.length] == fence.mark) ++fence.length;
  if (fence.length < 3) return std::nullopt;
  fence.info = Trim(line.substr(fence.indent + fence.length));
  if (fence.mark == '`' && fence.info.find('`') != std::string_view::npos) return std::nullopt;  // inline code
  return fence;
}

bool ClosesFence(std::string_view line, const Fence& fence) {
  line = Trim(line);
  size_t run = 0;
  while (run < line.size() && line[run] == fence.mark) ++run;
  return run >= fence.length && run == line.size();
}

// The first ```mermaid (or ~~~mermaid) block of a Markdown text whose diagram is a journey; other
// fenced blocks are skipped whole, so a fence shown inside one is not taken for a diagram.
std::optional<Diagram> JourneyInMarkdown(const std::vector<SourceLine>& lines) {
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::optional<Fence> fence = OpeningFence(lines[i].text);
    if (!fence) continue;
    size_t end = i + 1;
    while (end < lines.size() && !ClosesFence(lines[end].text, *fence)) ++end;  // unclosed: to the end
    std::string_view language = fence->info.substr(0, fence->info.find_first_of(" \t{"));
    if (language.size() == 7 && StartsWithNoCase(language, "mermaid")) {
      std::vector<SourceLine> body(lines.begin() + long(i) + 1, lines.begin() + long(end));
      for (SourceLine& line : body) {  // the fence's indentation is not the diagram's
        size_t cut = 0;
        while (cut < fence->indent && cut < line.text.size() && IsSpace(line.text[cut])) ++cut;
        line.text.remove_prefix(cut);
      }
      if (std::optional<Diagram> diagram = JourneyIn(body)) return diagram;
    }
    i = end;
  }
  return std::nullopt;
}

std::optional<Diagram> FindJourney(std::string_view text) {
  const std::vector<SourceLine> lines = SplitLines(text);
  if (std::optional<Diagram> diagram = JourneyIn(lines)) return diagram;
  return JourneyInMarkdown(lines);
}

// [SECTION] Text: Mermaid's entity codes, comments, keywords

bool IsWordChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// The length of Mermaid's entity code `#\w+;` at `text[at]` (which is '#'), or 0.
size_t EntityLength(std::string_view text, size_t at) {
  size_t end = at + 1;
  while (end < text.size() && IsWordChar(text[end])) ++end;
  return end > at + 1 && end < text.size() && text[end] == ';' ? end - at + 1 : 0;
}

// A line without its comment: Mermaid encodes `#\w+;` before parsing, and any other `#` starts a
// comment to the end of the line.
std::string_view CutComment(std::string_view line) {
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] != '#') continue;
    const size_t entity = EntityLength(line, i);
    if (entity == 0) return Trim(line.substr(0, i));
    i += entity - 1;
  }
  return line;
}

void AppendUtf8(std::string& out, uint32_t c) {
  if (c < 0x80) {
    out += char(c);
  } else if (c < 0x800) {
    out += char(0xC0 | (c >> 6));
    out += char(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += char(0xE0 | (c >> 12));
    out += char(0x80 | ((c >> 6) & 0x3F));
    out += char(0x80 | (c & 0x3F));
  } else {
    out += char(0xF0 | (c >> 18));
    out += char(0x80 | ((c >> 12) & 0x3F));
    out += char(0x80 | ((c >> 6) & 0x3F));
    out += char(0x80 | (c & 0x3F));
  }
}

// The character an entity code's inside (`58`, `+58`, `quot`) stands for, as Mermaid shows it; 0
// for one it does not turn into a character we know.
uint32_t EntityCodepoint(std::string_view name) {
  if (!name.empty() && name[0] == '+') name.remove_prefix(1);
  if (!name.empty() && std::all_of(name.begin(), name.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    uint32_t value = 0;
    for (char c : name) {
      value = value * 10 + uint32_t(c - '0');
      if (value > 0x10FFFF) return 0;
    }
    return (value >= 0xD800 && value <= 0xDFFF) ? 0 : value;
  }
  static const std::pair<std::string_view, uint32_t> kNamed[] = {{"quot", '"'}, {"amp", '&'},   {"lt", '<'},
                                                                 {"gt", '>'},   {"apos", '\''}, {"nbsp", 0xA0}};
  for (const auto& [entity, codepoint] : kNamed)
    if (name == entity) return codepoint;
  return 0;
}

// Text as Mermaid shows it, one line: entity codes decoded (an unknown one kept as written), tabs
// and line breaks as spaces, other control characters dropped, invalid UTF-8 repaired, trimmed and
// cut to kMaxTextChars; repairs and cuts counted. Trimmed last, so Encode() gives it back exactly.
std::string Decode(std::string_view text, SanitizeCounts* counts) {
  std::string raw(text);
  if (RepairUtf8(raw)) ++counts->broken;
  std::string out;
  bool dropped = false;
  for (size_t i = 0; i < raw.size(); ++i) {
    const size_t entity = raw[i] == '#' ? EntityLength(raw, i) : 0;
    uint32_t codepoint = entity ? EntityCodepoint(std::string_view(raw).substr(i + 1, entity - 2)) : 0;
    if (codepoint)
      i += entity - 1;
    else
      codepoint = static_cast<unsigned char>(raw[i]);
    if (codepoint == '\t' || codepoint == '\n' || codepoint == '\r' || codepoint == '\v' || codepoint == '\f') {
      out += ' ';
    } else if (codepoint < 0x20 || codepoint == 0x7F) {
      dropped = dropped || !entity;  // a raw one is damage; a code is what Mermaid shows as nothing
    } else if (entity) {
      AppendUtf8(out, codepoint);
    } else {
      out += raw[i];
    }
  }
  if (dropped) ++counts->broken;
  std::string line(Trim(out));
  if (CutToCodepoints(line, kMaxTextChars)) {
    ++counts->cuts;
    line = std::string(Trim(line));
  }
  return line;
}

// What a text is in the diagram: each escapes the characters Mermaid's lexer would stop at there.
enum class Field { Title, Section, Task, Actor };

// `text` as one line of Mermaid: line breaks and tabs become spaces, and `#` `;` (everywhere),
// `:` (but in the title) and `,` (in an actor's name) become entity codes. A task that would start
// with a keyword of the lexer (journey, title, section, accTitle, accDescr), a %% comment or a
// Markdown fence has its first character encoded too. Decode() gives the text back, trimmed.
std::string Encode(std::string_view text, Field field) {
  std::string line;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;  // one space for a CRLF
    line += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  }
  const std::string_view trimmed = Trim(line);
  std::string out;
  for (size_t i = 0; i < trimmed.size(); ++i) {
    const char c = trimmed[i];
    const bool escape =
        c == '#' || c == ';' || (c == ':' && field != Field::Title) || (c == ',' && field == Field::Actor);
    if (escape)
      out += "#" + std::to_string(int(c)) + ";";
    else
      out += c;
  }
  if (field == Field::Task) {
    const std::string_view start = out;
    const bool keyword = StartsWithNoCase(start, "journey") || StartsWithWord(start, "title") ||
                         StartsWithWord(start, "section") || StartsWithNoCase(start, "acctitle") ||
                         StartsWithNoCase(start, "accdescr") || start.substr(0, 2) == "%%" ||
                         start.substr(0, 3) == "```" || start.substr(0, 3) == "~~~";
    if (keyword) out = "#" + std::to_string(int(out[0])) + ";" + out.substr(1);
  }
  if (out.empty() && field == Field::Section) out = "#32;";  // Mermaid needs a name; it decodes to none
  return out;
}

// [SECTION] Reading

// A task line's score: a decimal number (Mermaid takes any), else nothing.
std::optional<double> ParseScore(std::string_view text) {
  size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';
  double value = 0;
  size_t digits = 0;
  for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i, ++digits)
    value = std::min(value * 10 + (text[i] - '0'), 1e9);
  if (i < text.size() && text[i] == '.') {
    double scale = 0.1;
    for (++i; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i, ++digits, scale /= 10)
      value += (text[i] - '0') * scale;
  }
  if (digits == 0 || i != text.size()) return std::nullopt;
  return negative ? -value : value;
}

// Headers of Mermaid's other diagrams: a line of one of them in a journey is a pasted second
// diagram, not a task without a score.
bool IsOtherDiagramHeader(std::string_view line) {
  static const std::string_view kHeaders[] = {"journey",      "graph",           "flowchart",     "sequencediagram",
                                              "classdiagram", "classdiagram-v2", "statediagram",  "statediagram-v2",
                                              "erdiagram",    "gantt",           "pie",           "gitgraph",
                                              "mindmap",      "timeline",        "quadrantchart", "requirementdiagram",
                                              "c4context",    "sankey-beta",     "xychart-beta",  "block-beta",
                                              "packet-beta",  "kanban"};
  const std::string_view word = line.substr(0, std::min(line.size(), line.find_first_of(" \t")));
  for (std::string_view header : kHeaders)
    if (word.size() == header.size() && StartsWithNoCase(word, header)) return true;
  return false;
}

struct Task {
  std::string text;
  size_t section = 0;  // index into the sections
  std::optional<double> score;
  std::vector<size_t> actors;  // indices into the actors, as listed
};

// Something a journey does that Mermaid allows but the board cannot keep: counted, then said once.
struct Tally {
  size_t count = 0;
  size_t firstLine = 0;
  void Add(size_t line) {
    if (count++ == 0) firstLine = line;
  }
};

std::string Counted(size_t count, const char* one, const char* many) {
  return std::to_string(count) + " " + (count == 1 ? one : many);
}

std::string FileStem(const std::string& fileName) {
  std::string name =
      fileName.substr(fileName.find_last_of("/\\") == std::string::npos ? 0 : fileName.find_last_of("/\\") + 1);
  const size_t dot = name.find_last_of('.');
  if (dot != std::string::npos && dot > 0) name.resize(dot);
  return name;
}

// The actors in an order that keeps every task's list in its order where the tasks agree (a
// topological order of "listed before", ties by first appearance); false when they disagree.
bool OrderActors(size_t count, const std::vector<Task>& tasks, std::vector<size_t>* order) {
  std::vector<std::set<size_t>> after(count);
  std::vector<size_t> before(count, 0);
  for (const Task& task : tasks)
    for (size_t k = 1; k < task.actors.size(); ++k)
      if (after[task.actors[k - 1]].insert(task.actors[k]).second) ++before[task.actors[k]];
  std::vector<bool> placed(count, false);
  bool agree = true;
  order->clear();
  while (order->size() < count) {
    size_t next = count;
    for (size_t a = 0; a < count && next == count; ++a)
      if (!placed[a] && before[a] == 0) next = a;
    if (next == count) {  // a cycle: two tasks list two actors in opposite orders
      agree = false;
      for (size_t a = 0; a < count && next == count; ++a)
        if (!placed[a]) next = a;
    }
    placed[next] = true;
    order->push_back(next);
    for (size_t a : after[next])
      if (before[a] > 0) --before[a];
  }
  return agree;
}

bool Fail(std::string message, std::string* error) {
  *error = std::move(message);
  return false;
}

// [SECTION] Writing

// A score 1..5 for an emotion value −1..+1 (the reader's (score − 3) / 2, reversed).
int ScoreOf(double value) {
  return std::clamp(int(std::lround(value * 2 + 3)), 1, 5);
}

constexpr int kCurveSamplesPerSegment = 24;  // as the layout draws a curve

// Each stage's left edge on an axis of stage widths, plus the right edge of the last.
std::vector<float> StageEdges(const Board& board) {
  std::vector<float> edges{0};
  for (const Stage& stage : board.stages) edges.push_back(edges.back() + stage.width);
  return edges;
}

// The curve's samples on that axis as the canvas draws it: the same monotone cubic through the
// points (the layout's, on stage widths rather than its hidden-stage strips).
std::vector<Vec2> CurveSamples(const Board& board, const std::vector<float>& edges, const EmotionCurve& curve) {
  std::vector<Vec2> knots;
  for (const CurvePoint& point : curve.points) {
    const int s = board.StageIndex(point.stage);
    if (s < 0) continue;
    knots.push_back({edges[size_t(s)] + std::clamp(point.t, 0.0f, 1.0f) * board.stages[size_t(s)].width, point.value});
  }
  std::stable_sort(knots.begin(), knots.end(), [](Vec2 a, Vec2 b) { return a.x < b.x; });
  return SampleMonotoneCubic(knots, kCurveSamplesPerSegment);
}

// The sampled curve's value at `x`: flat before the first point and after the last.
double ValueAt(const std::vector<Vec2>& samples, float x) {
  if (x <= samples.front().x) return samples.front().y;
  const auto b = std::lower_bound(samples.begin(), samples.end(), x, [](Vec2 s, float at) { return s.x < at; });
  if (b == samples.end()) return samples.back().y;
  const Vec2 a = *(b - 1);
  return b->x > a.x ? a.y + (b->y - a.y) * (x - a.x) / (b->x - a.x) : b->y;
}

}  // namespace

bool IsMermaidJourney(std::string_view text) {
  return FindJourney(text).has_value();
}

bool ReadMermaidJourney(std::string_view text, const TableImportOptions& options, TableImport* out,
                        std::string* error) {
  const std::optional<Diagram> diagram = FindJourney(text);
  if (!diagram)
    return Fail(
        "No Mermaid journey found: the first line that is not blank or a %% comment must be \"journey\", "
        "or a Markdown text must hold a ```mermaid block that starts so.",
        error);

  SanitizeCounts repairs;  // texts repaired or cut on the way in
  std::string title = Decode(diagram->frontMatterTitle, &repairs);
  std::vector<std::string> sections;
  std::vector<size_t> sectionLines;
  std::vector<std::string> actors;
  std::map<std::string, size_t> actorIndex;
  std::vector<Task> tasks;
  Tally clamped, scoreWithoutActors, actorsWithoutScore, extraFields;
  size_t points = 0;
  bool inAccDescr = false;  // inside `accDescr { … }`, which may span lines

  for (const SourceLine& source : diagram->lines) {
    std::string_view line = Trim(source.text);
    if (inAccDescr) {
      inAccDescr = line.find('}') == std::string_view::npos;
      continue;
    }
    if (line.empty() || line.substr(0, 2) == "%%") continue;
    line = CutComment(line);
    if (line.empty()) continue;
    const std::string where = "Line " + std::to_string(source.number);

    if (StartsWithWord(line, "title")) {
      title = Decode(line.substr(5), &repairs);
      continue;
    }
    if (StartsWithNoCase(line, "acctitle") || StartsWithNoCase(line, "accdescr")) {
      const std::string_view rest = Trim(line.substr(8));
      if (!rest.empty() && rest[0] == ':') continue;  // kept by Mermaid for screen readers; a board has no place for it
      if (!rest.empty() && rest[0] == '{') {
        inAccDescr = rest.find('}') == std::string_view::npos;
        continue;
      }
    }
    if (StartsWithWord(line, "section")) {
      if (sections.size() == kMaxStages)
        return Fail(where + " starts section " + std::to_string(kMaxStages + 1) + ", more than the " +
                        std::to_string(kMaxStages) + " stages a board holds.",
                    error);
      sections.push_back(Decode(line.substr(7), &repairs));
      sectionLines.push_back(source.number);
      continue;
    }

    const size_t colon = line.find(':');
    if (colon == std::string_view::npos && IsOtherDiagramHeader(line))
      return Fail(where + " starts another Mermaid diagram (\"" +
                      std::string(line.substr(0, line.find_first_of(" \t"))) + "\"): a journey is read alone.",
                  error);
    Task task;
    task.text = Decode(line.substr(0, colon), &repairs);
    if (task.text.empty())
      return Fail(
          where + (colon == std::string_view::npos ? " has no task text." : " has no task text before its \":\"."),
          error);
    if (tasks.size() == kMaxNotes)
      return Fail(where + " holds task " + std::to_string(kMaxNotes + 1) + ", more than the " +
                      std::to_string(kMaxNotes) + " notes a board holds.",
                  error);
    if (sections.empty()) {  // tasks before any section: a stage of their own, named after the journey
      sections.emplace_back();
      sectionLines.push_back(0);
    }
    task.section = sections.size() - 1;

    std::vector<std::string_view> fields;  // after the text: the score, the actors, anything else
    if (colon != std::string_view::npos) {
      std::string_view rest = line.substr(colon + 1);
      for (size_t next; (next = rest.find(':')) != std::string_view::npos; rest.remove_prefix(next + 1))
        fields.push_back(rest.substr(0, next));
      fields.push_back(rest);
    }
    if (fields.size() > 2) extraFields.Add(source.number);
    const std::string_view scoreText = fields.empty() ? std::string_view() : Trim(fields[0]);
    if (!scoreText.empty()) {
      task.score = ParseScore(scoreText);
      if (!task.score)
        return Fail(where + ": \"" + std::string(scoreText) +
                        "\" is not a score; a task is written \"Task: 5: Actor, Actor\" with a score from 1 to 5.",
                    error);
      if (*task.score < 1 || *task.score > 5) clamped.Add(source.number);
    }
    if (fields.size() >= 2) {
      std::string_view list = fields[1];
      bool listed = false;
      for (size_t from = 0; from <= list.size();) {
        size_t comma = list.find(',', from);
        if (comma == std::string_view::npos) comma = list.size();
        std::string name = Decode(list.substr(from, comma - from), &repairs);
        from = comma + 1;
        if (name.empty()) continue;
        listed = true;
        if (!task.score) continue;  // a score is what an actor's point holds: none, no point
        auto [it, added] = actorIndex.emplace(name, actors.size());
        if (added) {
          if (actors.size() == kMaxPersonas)
            return Fail(where + " names actor " + std::to_string(kMaxPersonas + 1) + ", more than the " +
                            std::to_string(kMaxPersonas) + " personas a board holds.",
                        error);
          actors.push_back(name);
        }
        if (std::find(task.actors.begin(), task.actors.end(), it->second) != task.actors.end()) continue;
        if (++points > kMaxCurvePoints)
          return Fail(where + " scores point " + std::to_string(kMaxCurvePoints + 1) + ", more than the " +
                          std::to_string(kMaxCurvePoints) + " curve points a board holds.",
                      error);
        task.actors.push_back(it->second);
      }
      if (listed && !task.score) actorsWithoutScore.Add(source.number);
    }
    if (task.score && task.actors.empty()) scoreWithoutActors.Add(source.number);
    tasks.push_back(std::move(task));
  }
  if (sections.empty())
    return Fail("The journey on line " + std::to_string(diagram->headerLine) + " has no sections and no tasks.", error);

  // The board's language from its texts, so lane names and prompts match them.
  std::string texts = title;
  for (const std::string& section : sections) texts += " " + section;
  for (const Task& task : tasks) texts += " " + task.text;
  const std::string language = GuessLanguage(texts);
  const bool russian = language == "ru";

  std::string boardTitle = options.title;
  if (boardTitle.empty()) boardTitle = title;
  if (boardTitle.empty()) boardTitle = FileStem(options.fileName);
  if (boardTitle.empty()) boardTitle = russian ? "Путь клиента" : "Journey";
  BoardBuilder builder(boardTitle, language);

  std::vector<StageId> stages;
  for (size_t s = 0; s < sections.size(); ++s) {
    std::string name = sections[s];
    if (sectionLines[s] == 0) name = !title.empty() ? title : russian ? "Путь" : "Journey";
    stages.push_back(builder.AddStage(std::move(name)));
  }
  const LaneId steps = builder.AddLane(russian ? "Шаги" : "Steps", LaneKind::Touchpoints);
  if (!actors.empty()) {
    builder.AddLane(russian ? "Эмоции" : "Emotions", LaneKind::Emotions);
    builder.board().lanes.back().height = 200;  // as the templates' emotions lane: room for −1..+1
  }

  std::vector<size_t> order;
  const bool orderKept = OrderActors(actors.size(), tasks, &order);
  std::vector<CurveId> curves(actors.size());
  for (size_t a : order) curves[a] = builder.AddCurve(builder.AddPersona(actors[a]));

  // Each task's points spread across its stage in task order, as the notes sit in the cell.
  std::vector<size_t> perStage(sections.size(), 0), seen(sections.size(), 0);
  for (const Task& task : tasks) ++perStage[task.section];
  for (const Task& task : tasks) {
    const NoteId note = builder.AddNote(stages[task.section], steps, task.text);
    const float t = (float(seen[task.section]++) + 0.5f) / float(perStage[task.section]);
    if (!task.score) continue;
    const float value = float(std::clamp((*task.score - 3) / 2, -1.0, 1.0));
    for (size_t a : task.actors) builder.AddPoint(curves[a], CurvePoint(stages[task.section], t, value, "", note));
  }

  out->notices.clear();
  if (clamped.count)
    out->notices.push_back(Counted(clamped.count, "score was", "scores were") +
                           " outside 1 to 5 and clamped to it (the first on line " + std::to_string(clamped.firstLine) +
                           ").");
  if (scoreWithoutActors.count)
    out->notices.push_back(Counted(scoreWithoutActors.count, "task has", "tasks have") +
                           " a score but no actors, and a score is kept only on an actor's curve (the first on line " +
                           std::to_string(scoreWithoutActors.firstLine) + ").");
  if (actorsWithoutScore.count)
    out->notices.push_back(Counted(actorsWithoutScore.count, "task lists", "tasks list") +
                           " actors but no score, so the task is kept without them (the first on line " +
                           std::to_string(actorsWithoutScore.firstLine) + ").");
  if (extraFields.count)
    out->notices.push_back(
        Counted(extraFields.count, "task line has", "task lines have") +
        " a third \":\" after the actors, and what follows it was ignored as Mermaid does (the first on line " +
        std::to_string(extraFields.firstLine) + ").");
  if (!orderKept)
    out->notices.push_back(
        "Some tasks list the same actors in different orders, so the board keeps one order for all of them.");
  const size_t repaired = repairs.broken + repairs.cuts + builder.counts().broken + builder.counts().cuts;
  if (repaired)
    out->notices.push_back(Counted(repaired, "text was", "texts were") +
                           " repaired (invalid UTF-8 or control characters) or cut to " +
                           std::to_string(kMaxTextChars) + " characters.");
  out->board = builder.Take();
  return true;
}

std::string WriteMermaidJourney(const Board& board) {
  // The tasks: the notes of the touchpoints lanes, else of the first lane that has any; per stage,
  // lane order then cell order. Blank notes are left out (Mermaid needs a task's text).
  std::vector<LaneId> taskLanes;
  for (const Lane& lane : board.lanes)
    if (lane.kind == LaneKind::Touchpoints) taskLanes.push_back(lane.id);
  if (taskLanes.empty())
    for (const Lane& lane : board.lanes)
      if (std::any_of(board.notes.begin(), board.notes.end(),
                      [&](const Note& n) { return n.lane == lane.id && n.stage; })) {
        taskLanes.push_back(lane.id);
        break;
      }
  std::unordered_map<StageId, size_t> stageIndex;
  for (size_t s = 0; s < board.stages.size(); ++s) stageIndex.emplace(board.stages[s].id, s);
  std::vector<std::vector<const Note*>> tasks(board.stages.size());
  for (LaneId lane : taskLanes)
    for (const Note& note : board.notes) {
      const auto stage = stageIndex.find(note.stage);
      if (note.lane == lane && stage != stageIndex.end() && !Encode(note.text, Field::Task).empty())
        tasks[stage->second].push_back(&note);
    }

  // The actors: each as-is curve, named after its persona (else the curve), one per name.
  struct Actor {
    const EmotionCurve* curve;
    std::string name;
    std::unordered_map<NoteId, float> scored;  // the task each point scores, if still on the board
    std::vector<Vec2> samples;                 // the curve as drawn, when no point names a task
  };
  std::vector<Actor> actors;
  bool bound = false;  // some point scores a task still on the board: a journey's board
  for (const EmotionCurve& curve : board.curves) {
    if (curve.toBe) continue;
    const Persona* persona = board.FindPersona(curve.persona);
    std::string name = Encode(persona && !Trim(persona->name).empty() ? persona->name : curve.name, Field::Actor);
    if (name.empty() || std::any_of(actors.begin(), actors.end(), [&](const Actor& a) { return a.name == name; }))
      continue;
    Actor actor{&curve, std::move(name), {}, {}};
    for (const CurvePoint& point : curve.points)
      if (point.note && board.FindNote(point.note)) actor.scored.emplace(point.note, point.value);  // the first wins
    bound = bound || !actor.scored.empty();
    actors.push_back(std::move(actor));
  }
  const std::vector<float> edges = StageEdges(board);
  if (!bound)  // a board made in the app: every actor scores every task, from its curve
    for (Actor& actor : actors)
      if (!actor.curve->points.empty()) actor.samples = CurveSamples(board, edges, *actor.curve);

  std::string out = "journey\n";
  if (!Trim(board.meta.title).empty()) out += "  title " + Encode(board.meta.title, Field::Title) + "\n";
  for (size_t s = 0; s < board.stages.size(); ++s) {
    const Stage& stage = board.stages[s];
    out += "  section " + Encode(stage.name, Field::Section) + "\n";
    for (size_t i = 0; i < tasks[s].size(); ++i) {
      const Note& task = *tasks[s][i];
      // Mermaid gives a task one score for all its actors: the mean of theirs (one value on a journey's board).
      std::string names;
      double sum = 0;
      size_t scorers = 0;
      for (const Actor& actor : actors) {
        std::optional<double> value;
        if (bound) {
          if (const auto point = actor.scored.find(task.id); point != actor.scored.end()) value = point->second;
        } else if (!actor.samples.empty()) {
          const float t = (float(i) + 0.5f) / float(tasks[s].size());  // where the reader puts the task's points
          value = ValueAt(actor.samples, edges[s] + t * stage.width);
        }
        if (!value) continue;
        names += (scorers ? ", " : "") + actor.name;
        sum += *value;
        ++scorers;
      }
      // Mermaid needs a score: a task no actor scores gets the neutral 3, with no actors.
      out +=
          "    " + Encode(task.text, Field::Task) + ": " + std::to_string(scorers ? ScoreOf(sum / double(scorers)) : 3);
      if (scorers) out += ": " + names;
      out += "\n";
    }
  }
  return out;
}

}  // namespace jb
