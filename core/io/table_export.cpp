#include "core/io/table_export.h"

#include <cmath>
#include <cstdlib>
#include <vector>

#include "core/io/mermaid_journey.h"
#include "core/model/links.h"

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

// The notes of one cell, in board order.
std::vector<const Note*> CellNotes(const Board& board, StageId stage, LaneId lane) {
  std::vector<const Note*> notes;
  for (const Note& note : board.notes)
    if (note.stage == stage && note.lane == lane) notes.push_back(&note);
  return notes;
}

// Notes not in any cell of the grid: free ones, and (in an unrepaired board) those whose stage or
// lane is missing.
std::vector<const Note*> OtherNotes(const Board& board) {
  std::vector<const Note*> notes;
  for (const Note& note : board.notes)
    if (note.IsFree() || !board.FindStage(note.stage) || !board.FindLane(note.lane)) notes.push_back(&note);
  return notes;
}

// [SECTION] CSV and TSV

std::string DelimitedCell(const Board& board, StageId stage, LaneId lane) {
  const std::vector<const Note*> notes = CellNotes(board, stage, lane);
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

std::string WriteDelimited(const Board& board, char separator) {
  std::string out = "\xEF\xBB\xBF";  // UTF-8 BOM: spreadsheets then read Cyrillic right
  AppendField(&out, WordsFor(board).stages);
  for (const Stage& stage : board.stages) {
    out += separator;
    AppendField(&out, stage.name);
  }
  out += '\n';
  for (const Lane& lane : board.lanes) {
    AppendField(&out, lane.name);
    for (const Stage& stage : board.stages) {
      out += separator;
      AppendField(&out, DelimitedCell(board, stage.id, lane.id));
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

void WriteMarkdownTable(const Board& board, std::string* out) {
  *out += "| " + Md(WordsFor(board).stages) + " |";
  for (const Stage& stage : board.stages) *out += " " + Md(stage.name) + " |";
  *out += "\n| --- |";
  for (size_t i = 0; i < board.stages.size(); ++i) *out += " --- |";
  *out += '\n';
  for (const Lane& lane : board.lanes) {
    *out += "| " + Md(lane.name) + " |";
    for (const Stage& stage : board.stages) {
      std::string cell;
      for (const Note* note : CellNotes(board, stage.id, lane.id)) {
        if (!cell.empty()) cell += "<br>";
        cell += "• " + Md(note->text, "<br>") + Votes(*note);
      }
      *out += cell.empty() ? " |" : " " + cell + " |";
    }
    *out += '\n';
  }
}

std::string ActionItems(const Board& board, const std::string& todayIso) {
  const Words& words = WordsFor(board);
  std::string out;
  for (const Lane& lane : board.lanes) {
    if (lane.kind != LaneKind::Actions) continue;
    for (const Stage& stage : board.stages) {
      for (const Note* note : CellNotes(board, stage.id, lane.id)) {
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
std::string EmotionLines(const Board& board) {
  const Words& words = WordsFor(board);
  std::string out;
  for (const EmotionCurve& curve : board.curves) {
    std::string line;
    for (const Stage& stage : board.stages) {
      float sum = 0;
      int count = 0;
      for (const CurvePoint& point : curve.points)
        if (point.stage == stage.id) {
          sum += point.value;
          ++count;
        }
      if (count == 0) continue;
      if (!line.empty()) line += " · ";
      line += Md(stage.name) + " " + Score(sum / float(count));
    }
    if (line.empty()) continue;
    const Persona* persona = board.FindPersona(curve.persona);
    const std::string& name = persona && !persona->name.empty() ? persona->name : curve.name;
    out += "- " + Md(name) + " (" + (curve.toBe ? words.toBe : words.asIs) + "): " + line + "\n";
  }
  return out;
}

// A note named in a list: its first line, short, with its lane when it sits in one.
std::string NoteRef(const Board& board, const Note& note) {
  std::string ref = Md(ShortText(note.text, 60));
  if (const Lane* lane = note.IsFree() ? nullptr : board.FindLane(note.lane)) ref += " (" + Md(lane->name) + ")";
  return ref;
}

// Each link once, from the note its arrow leaves: grid notes lane by lane and stage by stage, then
// the others.
std::string LinkLines(const Board& board) {
  std::vector<const Note*> order;
  for (const Lane& lane : board.lanes)
    for (const Stage& stage : board.stages)
      for (const Note* note : CellNotes(board, stage.id, lane.id)) order.push_back(note);
  for (const Note* note : OtherNotes(board)) order.push_back(note);
  std::string out;
  for (const Note* note : order) {
    for (const NoteLink& link : NoteLinks(board, note->id)) {
      if (!link.outgoing) continue;
      const Note* other = board.FindNote(link.other);
      const Arrow* arrow = nullptr;
      for (const Arrow& a : board.arrows)
        if (a.id == link.arrow) arrow = &a;
      if (!other || !arrow) continue;
      const char* sign = arrow->heads == ArrowHeads::Start  ? "←"
                         : arrow->heads == ArrowHeads::Both ? "↔"
                         : arrow->heads == ArrowHeads::None ? "—"
                                                            : "→";
      out += "- " + NoteRef(board, *note) + " " + sign + " " + NoteRef(board, *other);
      if (!OneLine(arrow->label, " ").empty()) out += ": " + Md(arrow->label);
      out += '\n';
    }
  }
  return out;
}

std::string WriteMarkdown(const Board& board, const std::string& todayIso) {
  const Words& words = WordsFor(board);
  std::string out;
  if (!OneLine(board.meta.title, " ").empty()) out += "# " + Md(board.meta.title) + "\n\n";
  WriteMarkdownTable(board, &out);
  auto section = [&out](const char* heading, const std::string& body) {
    if (!body.empty()) out += std::string("\n## ") + heading + "\n\n" + body;
  };
  std::string others;
  for (const Note* note : OtherNotes(board)) others += "- " + Md(note->text) + Votes(*note) + "\n";
  section(words.otherNotes, others);
  section(words.actions, ActionItems(board, todayIso));
  section(words.emotions, EmotionLines(board));
  section(words.links, LinkLines(board));
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
    case TableFormat::Csv: return WriteDelimited(board, ',');
    case TableFormat::Tsv: return WriteDelimited(board, '\t');
    case TableFormat::Markdown: return WriteMarkdown(board, todayIso);
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
