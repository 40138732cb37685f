#include "core/io/table_export.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <unordered_map>
#include <vector>

#include "core/io/mermaid_journey.h"
#include "core/model/links.h"  // ShortText

namespace jb {

namespace {

// The words the export writes itself, in the board's language (as its lane prompts are).
struct Words {
  const char* stages;
  const char* otherNotes;
  const char* actions;
  const char* emotions;
  const char* links;
  const char* owner;
  const char* due;
  const char* overdue;
  const char* asIs;
  const char* toBe;
};

const Words& WordsFor(const Board& board) {
  static const Words en{"Stages", "Other notes", "Action items", "Emotions", "Links",
                        "owner",  "due",         "overdue",      "as-is",    "to-be"};
  static const Words ru{"Этапы",         "Другие заметки", "Задачи", "Эмоции", "Связи",
                        "ответственный", "срок",           "просрочено", "как есть", "как будет"};
  return board.meta.language.compare(0, 2, "ru") == 0 ? ru : en;
}

// A note's text on one line: its own lines trimmed, the empty ones dropped, the rest joined by
// `joiner`, so that one note stays one item when a table is read back.
std::string OneLine(const std::string& text, const char* joiner) {
  std::string out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find_first_of("\r\n", start);
    if (end == std::string::npos) end = text.size();
    size_t a = start, b = end;
    while (a < b && (text[a] == ' ' || text[a] == '\t')) ++a;
    while (b > a && (text[b - 1] == ' ' || text[b - 1] == '\t')) --b;
    if (b > a) {
      if (!out.empty()) out += joiner;
      out.append(text, a, b - a);
    }
    start = end + 1;
  }
  return out;
}

// The notes by cell, found in one pass (a board at the limits has 200,000 notes and a million
// cells: asking the board note by note or cell by cell would take minutes).
class Grid {
 public:
  explicit Grid(const Board& board) : m_board(board) {
    for (size_t i = 0; i < board.stages.size(); ++i) m_stage.emplace(board.stages[i].id.value, i);
    for (size_t i = 0; i < board.lanes.size(); ++i) m_lane.emplace(board.lanes[i].id.value, i);
    for (const Note& note : board.notes) {
      auto stage = m_stage.find(note.stage.value), lane = m_lane.find(note.lane.value);
      // Free notes, and (in an unrepaired board) those whose stage or lane is missing.
      if (note.IsFree() || stage == m_stage.end() || lane == m_lane.end()) m_others.push_back(&note);
      else m_cells[lane->second * board.stages.size() + stage->second].push_back(&note);
    }
  }
  // The notes of the cell (lane index, stage index), in board order.
  const std::vector<const Note*>& Cell(size_t lane, size_t stage) const {
    auto found = m_cells.find(lane * m_board.stages.size() + stage);
    return found == m_cells.end() ? m_none : found->second;
  }
  // The notes in no cell, in board order.
  const std::vector<const Note*>& Others() const { return m_others; }
  const Lane* FindLane(LaneId id) const {
    auto found = m_lane.find(id.value);
    return found == m_lane.end() ? nullptr : &m_board.lanes[found->second];
  }
  // -1 when the board has no such stage.
  int StageIndex(StageId id) const {
    auto found = m_stage.find(id.value);
    return found == m_stage.end() ? -1 : int(found->second);
  }

 private:
  const Board& m_board;
  std::unordered_map<uint64_t, size_t> m_stage, m_lane;
  std::unordered_map<size_t, std::vector<const Note*>> m_cells;
  std::vector<const Note*> m_others, m_none;
};

// [SECTION] CSV and TSV

std::string DelimitedCell(const std::vector<const Note*>& notes) {
  if (notes.size() == 1) return OneLine(notes[0]->text, " / ");
  std::string cell;
  for (const Note* note : notes) {
    if (!cell.empty()) cell += '\n';
    cell += "• " + OneLine(note->text, " / ");
  }
  return cell;
}

// RFC 4180: a field holding a separator, a quote or a line break is quoted, its quotes doubled.
// Both formats quote `,` `;` and tab alike, so the reader's separator guess sees only the real one.
void AppendField(std::string* out, const std::string& field) {
  if (field.find_first_of(",;\t\"\r\n") == std::string::npos) {
    *out += field;
    return;
  }
  *out += '"';
  for (char c : field) {
    if (c == '"') *out += '"';
    *out += c;
  }
  *out += '"';
}

std::string WriteDelimited(const Board& board, const Grid& grid, char separator) {
  std::string out = "\xEF\xBB\xBF";  // UTF-8 BOM: spreadsheets then read Cyrillic right
  AppendField(&out, WordsFor(board).stages);
  for (const Stage& stage : board.stages) {
    out += separator;
    AppendField(&out, stage.name);
  }
  out += '\n';
  for (size_t lane = 0; lane < board.lanes.size(); ++lane) {
    AppendField(&out, board.lanes[lane].name);
    for (size_t stage = 0; stage < board.stages.size(); ++stage) {
      out += separator;
      AppendField(&out, DelimitedCell(grid.Cell(lane, stage)));
    }
    out += '\n';
  }
  return out;
}

// [SECTION] Markdown

// Text safe inside a Markdown line and a table cell: the characters that would start markup or
// end the cell are backslash-escaped; line breaks become `lineBreak`.
std::string Md(const std::string& text, const char* lineBreak = " / ") {
  const std::string line = OneLine(text, "\n");
  std::string out;
  for (char c : line) {
    if (c == '\n') {
      out += lineBreak;
      continue;
    }
    if (c == '\\' || c == '|' || c == '<' || c == '>' || c == '`' || c == '*' || c == '_' || c == '[' || c == ']')
      out += '\\';
    out += c;
  }
  return out;
}

std::string Votes(const Note& note) { return note.votes > 0 ? " (▲" + std::to_string(note.votes) + ")" : ""; }

// −0.5, +0.3, 0.0: one decimal, a real minus sign, no locale (a Russian locale would write 0,5).
std::string Score(float value) {
  const long tenths = std::lround(std::fabs(value) * 10.0f);
  std::string sign = tenths == 0 ? "" : value < 0 ? "−" : "+";
  return sign + std::to_string(tenths / 10) + "." + std::to_string(tenths % 10);
}

void WriteMarkdownTable(const Board& board, const Grid& grid, std::string* out) {
  *out += "| " + Md(WordsFor(board).stages) + " |";
  for (const Stage& stage : board.stages) *out += " " + Md(stage.name) + " |";
  *out += "\n| --- |";
  for (size_t i = 0; i < board.stages.size(); ++i) *out += " --- |";
  *out += '\n';
  for (size_t lane = 0; lane < board.lanes.size(); ++lane) {
    *out += "| " + Md(board.lanes[lane].name) + " |";
    for (size_t stage = 0; stage < board.stages.size(); ++stage) {
      std::string cell;
      for (const Note* note : grid.Cell(lane, stage)) {
        if (!cell.empty()) cell += "<br>";
        cell += "• " + Md(note->text, "<br>") + Votes(*note);
      }
      *out += cell.empty() ? " |" : " " + cell + " |";
    }
    *out += '\n';
  }
}

std::string ActionItems(const Board& board, const Grid& grid, const std::string& todayIso) {
  const Words& words = WordsFor(board);
  std::string out;
  for (size_t lane = 0; lane < board.lanes.size(); ++lane) {
    if (board.lanes[lane].kind != LaneKind::Actions) continue;
    for (size_t stage = 0; stage < board.stages.size(); ++stage) {
      for (const Note* note : grid.Cell(lane, stage)) {
        std::string extra;
        auto add = [&extra](const std::string& part) { extra += (extra.empty() ? " — " : ", ") + part; };
        if (!note->owner.empty()) add(std::string(words.owner) + ": " + Md(note->owner));
        if (!note->due.empty()) {
          std::string due = std::string(words.due) + " " + Md(note->due);
          if (!todayIso.empty() && IsOverdue(*note, todayIso)) due += std::string(" (") + words.overdue + ")";
          add(due);
        }
        if (note->votes > 0) add("▲" + std::to_string(note->votes));
        out += "- " + Md(note->text) + extra + "\n";
      }
    }
  }
  return out;
}

// Per curve: the average of its points in each stage that has some, stages in board order.
std::string EmotionLines(const Board& board, const Grid& grid) {
  const Words& words = WordsFor(board);
  std::string out;
  std::vector<float> sums(board.stages.size());
  std::vector<int> counts(board.stages.size());
  for (const EmotionCurve& curve : board.curves) {
    std::fill(sums.begin(), sums.end(), 0.0f);
    std::fill(counts.begin(), counts.end(), 0);
    for (const CurvePoint& point : curve.points) {
      const int stage = grid.StageIndex(point.stage);
      if (stage < 0) continue;
      sums[size_t(stage)] += point.value;
      ++counts[size_t(stage)];
    }
    std::string line;
    for (size_t stage = 0; stage < board.stages.size(); ++stage) {
      if (counts[stage] == 0) continue;
      if (!line.empty()) line += " · ";
      line += Md(board.stages[stage].name) + " " + Score(sums[stage] / float(counts[stage]));
    }
    if (line.empty()) continue;
    const Persona* persona = board.FindPersona(curve.persona);
    const std::string& name = persona && !persona->name.empty() ? persona->name : curve.name;
    out += "- " + Md(name) + " (" + (curve.toBe ? words.toBe : words.asIs) + "): " + line + "\n";
  }
  return out;
}

// A note named in a list: its first line, short, with its lane when it sits in one.
std::string NoteRef(const Grid& grid, const Note& note) {
  std::string ref = Md(ShortText(note.text, 60));
  if (const Lane* lane = note.IsFree() ? nullptr : grid.FindLane(note.lane)) ref += " (" + Md(lane->name) + ")";
  return ref;
}

// Each link once (BoardLinks, links.h), from the note its arrow leaves, listed by that note's
// place (grid notes lane by lane and stage by stage, then the others), then in arrow order.
std::string LinkLines(const Board& board, const Grid& grid) {
  std::unordered_map<uint64_t, size_t> place;  // note id → its position in the listing order
  for (size_t lane = 0; lane < board.lanes.size(); ++lane)
    for (size_t stage = 0; stage < board.stages.size(); ++stage)
      for (const Note* note : grid.Cell(lane, stage)) place.emplace(note->id.value, place.size());
  for (const Note* note : grid.Others()) place.emplace(note->id.value, place.size());
  std::vector<std::pair<size_t, BoardLink>> links;
  for (const BoardLink& link : BoardLinks(board))
    if (const auto at = place.find(link.from->id.value); at != place.end()) links.emplace_back(at->second, link);
  std::stable_sort(links.begin(), links.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::string out;
  for (const auto& [at, link] : links) {
    const Arrow& arrow = *link.arrow;
    const char* sign = arrow.heads == ArrowHeads::Start  ? "←"
                       : arrow.heads == ArrowHeads::Both ? "↔"
                       : arrow.heads == ArrowHeads::None ? "—"
                                                         : "→";
    out += "- " + NoteRef(grid, *link.from) + " " + sign + " " + NoteRef(grid, *link.to);
    if (!OneLine(arrow.label, " ").empty()) out += ": " + Md(arrow.label);
    out += '\n';
  }
  return out;
}

std::string WriteMarkdown(const Board& board, const Grid& grid, const std::string& todayIso) {
  const Words& words = WordsFor(board);
  std::string out;
  if (!OneLine(board.meta.title, " ").empty()) out += "# " + Md(board.meta.title) + "\n\n";
  WriteMarkdownTable(board, grid, &out);
  auto section = [&out](const char* heading, const std::string& body) {
    if (!body.empty()) out += std::string("\n## ") + heading + "\n\n" + body;
  };
  std::string others;
  for (const Note* note : grid.Others()) others += "- " + Md(note->text) + Votes(*note) + "\n";
  section(words.otherNotes, others);
  section(words.actions, ActionItems(board, grid, todayIso));
  section(words.emotions, EmotionLines(board, grid));
  section(words.links, LinkLines(board, grid));
  std::string journey = WriteMermaidJourney(board);
  if (!journey.empty()) {
    if (journey.back() != '\n') journey += '\n';
    out += "\n```mermaid\n" + journey + "```\n";
  }
  return out;
}

}  // namespace

bool TableFormatFromPath(std::string_view path, TableFormat* format) {
  const size_t slash = path.find_last_of('/');
  const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  const size_t dot = name.find_last_of('.');
  if (dot == std::string_view::npos || dot == 0) return false;
  std::string ext(name.substr(dot + 1));
  for (char& c : ext)
    if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
  if (ext == "csv") *format = TableFormat::Csv;
  else if (ext == "tsv") *format = TableFormat::Tsv;
  else if (ext == "md") *format = TableFormat::Markdown;
  else if (ext == "mmd") *format = TableFormat::Mermaid;
  else return false;
  return true;
}

std::string WriteTable(const Board& board, TableFormat format, const std::string& todayIso) {
  switch (format) {
    case TableFormat::Csv: return WriteDelimited(board, Grid(board), ',');
    case TableFormat::Tsv: return WriteDelimited(board, Grid(board), '\t');
    case TableFormat::Markdown: return WriteMarkdown(board, Grid(board), todayIso);
    case TableFormat::Mermaid: return WriteMermaidJourney(board);
  }
  return {};
}

bool WriteTableFile(const Board& board, TableFormat format, const std::string& path, const std::string& todayIso,
                    SaveError* error) {
  DurableWriter writer;
  if (!writer.Open(path, /*keepBackup=*/false, error, "write")) return false;
  writer.Write(WriteTable(board, format, todayIso));  // a failed write is reported by Commit
  return writer.Commit(error);
}

}  // namespace jb
