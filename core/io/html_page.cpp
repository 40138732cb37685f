#include "core/io/html_page.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <unordered_map>
#include <vector>

#include "core/insights/report.h"
#include "core/layout/board_text.h"
#include "core/model/links.h"

namespace jb {

namespace {

// The page's own words are board_text.h's PageWord, shared with the follow-up report.
using Word = PageWord;

// [SECTION] Text and numbers

std::string Hex(Rgb color) {
  char text[8];
  std::snprintf(text, sizeof text, "#%06x", unsigned(color & 0xffffff));
  return text;
}

// Escaped, with line breaks as <br>.
std::string EscapeLines(std::string_view text) {
  std::string out;
  for (size_t begin = 0;;) {
    size_t end = text.find('\n', begin);
    std::string_view line = text.substr(begin, end == std::string_view::npos ? std::string_view::npos : end - begin);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    out += HtmlEscape(line);
    if (end == std::string_view::npos) break;
    out += "<br>";
    begin = end + 1;
  }
  return out;
}

// [SECTION] The page

class Page {
 public:
  Page(const Board& board, const HtmlPageOptions& options) : m_board(board), m_options(options) {
    for (const Stage& stage : board.stages)
      if (!stage.hidden) m_stages.push_back(&stage);
    for (const Lane& lane : board.lanes)
      if (!lane.hidden) m_lanes.push_back(&lane);
  }

  std::string Write() {
    const std::string title = m_board.meta.title.empty() ? W(Word::UntitledMap) : m_board.meta.title;
    const std::string language = m_board.meta.language.empty() ? "en" : m_board.meta.language;
    m_out += "<!DOCTYPE html>\n<html lang=\"" + HtmlEscape(language) + "\">\n<head>\n<meta charset=\"utf-8\">\n";
    m_out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    m_out += "<title>" + HtmlEscape(title) + "</title>\n<style>\n" + Style() + ReportStyle() + "</style>\n</head>\n<body>\n";
    m_out += "<header>\n<h1>" + EscapeLines(title) + "</h1>\n";
    if (const std::string date = MadeDate(); !date.empty())
      m_out += "<p class=\"made\">" + W(Word::Made) + " <time datetime=\"" + date + "\">" + date + "</time></p>\n";
    m_out += "</header>\n";
    Personas();
    Snapshot(title);
    MapTable();
    Curves();
    Decisions();
    Actions();
    TopVoted();
    Metrics();
    Links();
    FreeNotes();
    m_out += "<footer>" + W(Word::MadeWith) + "</footer>\n</body>\n</html>\n";
    return std::move(m_out);
  }

 private:
  std::string W(Word word) const { return PageText(m_board.meta.language, word); }

  // A name in the quotation marks of the board's language.
  std::string Quoted(const std::string& name) const {
    const bool russian = m_board.meta.language == "ru";
    return (russian ? "«" : "“") + HtmlEscape(name) + (russian ? "»" : "”");
  }

  static const char* Style() {
    // Light and print-friendly; the cells' notes keep the board's sticky-note colours.
    return ":root{color-scheme:light}\n"
           "body{font:16px/1.45 system-ui,-apple-system,\"Segoe UI\",Roboto,\"Noto Sans\",sans-serif;color:#1f2937;"
           "background:#fff;margin:0 auto;padding:16px;max-width:1400px}\n"
           "h1{font-size:1.8em;margin:.2em 0}\n"
           "h2{font-size:1.3em;margin:1.4em 0 .5em;border-bottom:2px solid #e5e7eb;padding-bottom:.2em}\n"
           ".made{color:#6b7280;margin:0}\n"
           ".cards{display:flex;flex-wrap:wrap;gap:12px}\n"
           ".persona{flex:1 1 300px;border:1px solid #d1d5db;border-radius:8px;padding:4px 16px 12px;background:#f9fafb}\n"
           ".persona dt{font-size:.75em;letter-spacing:.05em;color:#6b7280;margin-top:.6em;text-transform:uppercase}\n"
           ".persona dd{margin:0}\n"
           "blockquote{margin:.8em 0 0;font-style:italic;border-left:3px solid #d1d5db;padding-left:.8em}\n"
           ".scroll{overflow-x:auto;-webkit-overflow-scrolling:touch}\n"
           "table{border-collapse:collapse}\n"
           ".map th,.map td{border:1px solid #d1d5db;vertical-align:top;padding:6px;text-align:left}\n"
           ".map thead th{background:#f3f4f6;min-width:11em}\n"
           ".map tbody th{background:#f9fafb;min-width:7em;max-width:12em;font-weight:600}\n"
           ".map tr>:first-child{position:sticky;left:0;z-index:1}\n"  // lane names stay while a phone scrolls
           ".map ul{list-style:none;margin:0;padding:0}\n"
           ".note{border-radius:4px;padding:6px 8px;margin:0 0 6px;box-shadow:0 1px 1px rgba(0,0,0,.18);"
           "break-inside:avoid}\n"
           ".free{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:8px}\n"
           ".free .note{max-width:16em}\n"
           ".point{font-size:.9em;margin:0 0 4px}\n"
           ".meta{display:block;font-size:.8em;color:#374151;margin-top:2px}\n"
           ".covered{color:#4b5563;font-style:italic}\n"
           ".overdue{color:#b91c1c;font-weight:600}\n"
           ".left-out{color:#6b7280;font-size:.9em}\n"
           "figure{margin:0}\n"
           ".snapshot img{max-width:100%;height:auto;border:1px solid #e5e7eb}\n"
           "summary{cursor:pointer;color:#374151;margin:1em 0 .5em}\n"
           "svg{width:100%;height:auto;max-width:1000px;display:block}\n"
           ".legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:4px 16px}\n"
           ".swatch{display:inline-block;width:28px;border-top:3px solid;vertical-align:middle;margin-right:6px}\n"
           ".swatch.dashed{border-top-style:dashed}\n"
           ".list th,.list td{border-bottom:1px solid #e5e7eb;padding:4px 8px;text-align:left;vertical-align:top}\n"
           "footer{margin-top:2em;color:#9ca3af;font-size:.8em}\n"
           "@media print{body{max-width:none;padding:0}.scroll{overflow:visible}summary{display:none}}\n"
           "@media (max-width:600px){body{padding:8px;font-size:15px}}\n";
  }

  // The page's day (it is made today), else the day the board was last changed.
  std::string MadeDate() const {
    if (IsIsoDate(m_options.today)) return m_options.today;
    const std::string day = m_board.meta.modified.substr(0, 10);
    return IsIsoDate(day) ? day : "";
  }

  // A note the page shows: in a shown cell, or free. Covered notes are shown face down.
  bool Shown(const Note& note) const {
    if (note.IsFree()) return true;
    const Stage* stage = m_board.FindStage(note.stage);
    const Lane* lane = m_board.FindLane(note.lane);
    return stage && lane && !stage->hidden && !lane->hidden;
  }
  // Shown with its text: the lists leave covered notes out.
  bool Readable(const Note& note) const { return Shown(note) && !note.covered; }

  Rgb ColorOf(const Note& note) const {
    if (note.color) return note.color;
    if (const Lane* lane = note.IsFree() ? nullptr : m_board.FindLane(note.lane))
      return lane->color ? lane->color : LaneKindNoteColor(lane->kind);
    return LaneKindNoteColor(LaneKind::Custom);
  }

  std::string StageName(StageId id) const {
    const Stage* stage = m_board.FindStage(id);
    return stage ? HtmlEscape(stage->name) : "";
  }

  std::string DueText(const Note& note) const {
    if (note.due.empty()) return "";
    std::string text = HtmlEscape(note.due);
    if (IsOverdue(note, m_options.today)) text = "<span class=\"overdue\">" + text + " (" + W(Word::Overdue) + ")</span>";
    return text;
  }

  // The fields under a note's text: votes, owner and due date, channel and metrics, severity, tags.
  std::string NoteMeta(const Note& note, LaneKind kind) const {
    std::vector<std::string> parts;
    if (note.votes > 0)
      parts.push_back("<span title=\"" + W(Word::Votes) + "\">▲" + std::to_string(note.votes) + "</span>");
    if (!note.owner.empty()) parts.push_back(W(Word::Owner) + ": " + HtmlEscape(note.owner));
    if (!note.due.empty()) parts.push_back(W(Word::Due) + ": " + DueText(note));
    if (!note.channel.empty()) parts.push_back(W(Word::Channel) + ": " + HtmlEscape(note.channel));
    if (note.metrics.conversion) parts.push_back(W(Word::Conversion) + " " + Tenths(*note.metrics.conversion) + "%");
    if (note.metrics.csi) parts.push_back("CSI " + Tenths(*note.metrics.csi));
    if (note.metrics.nps) parts.push_back("NPS " + Tenths(*note.metrics.nps));
    if (note.metrics.retention) parts.push_back(W(Word::Retention) + " " + Tenths(*note.metrics.retention) + "%");
    if (note.severity > 0 && (kind == LaneKind::Pains || kind == LaneKind::Delights))
      parts.push_back(W(Word::Severity) + " " + std::to_string(note.severity) + "/3");
    for (const std::string& tag : note.tags) parts.push_back("#" + HtmlEscape(tag));
    if (parts.empty()) return "";
    std::string meta = "<span class=\"meta\">";
    for (size_t i = 0; i < parts.size(); ++i) meta += (i ? " · " : "") + parts[i];
    return meta + "</span>";
  }

  std::string NoteItem(const Note& note, LaneKind kind) const {
    const std::string style = " style=\"background:" + Hex(ColorOf(note)) + "\"";
    if (note.covered) return "<li class=\"note covered\"" + style + ">" + W(Word::Covered) + "</li>";
    return "<li class=\"note\"" + style + ">" + EscapeLines(note.text) + NoteMeta(note, kind) + "</li>";
  }

  void Personas() {
    if (m_board.personas.empty()) return;
    m_out += "<section id=\"personas\">\n<h2>" + W(Word::Personas) + "</h2>\n<div class=\"cards\">\n";
    const std::string& language = m_board.meta.language;
    for (const Persona& persona : m_board.personas) {
      m_out += "<article class=\"persona\">\n<h3>" + EscapeLines(persona.name) + "</h3>\n";
      if (!persona.description.empty()) m_out += "<p>" + EscapeLines(persona.description) + "</p>\n";
      const std::pair<BoardPhrase, const std::string*> fields[] = {
          {BoardPhrase::PersonaGoals, &persona.goals},
          {BoardPhrase::PersonaNeeds, &persona.needs},
          {BoardPhrase::PersonaPains, &persona.pains},
          {BoardPhrase::PersonaObjections, &persona.objections},
          {BoardPhrase::PersonaChannels, &persona.channels},
      };
      std::string list;
      for (const auto& [phrase, text] : fields)
        if (!text->empty())
          list += "<dt>" + HtmlEscape(BoardTextIn(language, phrase)) + "</dt><dd>" + EscapeLines(*text) + "</dd>\n";
      if (!list.empty()) m_out += "<dl>\n" + list + "</dl>\n";
      if (!persona.quote.empty())
        m_out += "<blockquote title=\"" + W(Word::Quote) + "\">" + EscapeLines(persona.quote) + "</blockquote>\n";
      m_out += "</article>\n";
    }
    m_out += "</div>\n</section>\n";
  }

  void Snapshot(const std::string& title) {
    if (m_options.png.empty()) return;
    m_out += "<details class=\"snapshot\" open>\n<summary>" + W(Word::Snapshot) + "</summary>\n<figure><img src=\"data:image/png;base64,";
    m_out += Base64(m_options.png);
    m_out += "\"";
    if (m_options.pngWidth > 0 && m_options.pngHeight > 0)
      m_out += " width=\"" + std::to_string(m_options.pngWidth) + "\" height=\"" + std::to_string(m_options.pngHeight) + "\"";
    m_out += " alt=\"" + W(Word::SnapshotAlt) + ": " + HtmlEscape(title) + "\"></figure>\n</details>\n";
  }

  // The points of every curve in one stage, for the Emotions lane's cells: the curves as text.
  std::string CurvePoints(StageId stage) const {
    std::string items;
    for (const EmotionCurve& curve : m_board.curves)
      for (const CurvePoint& point : curve.points) {
        if (point.stage != stage) continue;
        const std::string value = (point.value > 0 ? "+" : "") + Tenths(point.value);
        items += "<li class=\"point\"><span class=\"swatch" + std::string(curve.toBe ? " dashed" : "") +
                 "\" style=\"border-color:" + Hex(curve.color) + "\"></span>" + HtmlEscape(curve.name) + ": " + value;
        if (!point.label.empty()) items += " — " + EscapeLines(point.label);
        items += "</li>\n";
      }
    return items;
  }

  void MapTable() {
    if (m_stages.empty() && m_lanes.empty()) return;
    m_out += "<section id=\"map\">\n<h2>" + W(Word::Map) + "</h2>\n<div class=\"scroll\">\n<table class=\"map\">\n";
    m_out += "<thead><tr><th scope=\"col\">" + W(Word::Stages) + "</th>";
    for (const Stage* stage : m_stages) m_out += "<th scope=\"col\">" + EscapeLines(stage->name) + "</th>";
    m_out += "</tr></thead>\n<tbody>\n";
    for (const Lane* lane : m_lanes) {
      m_out += "<tr><th scope=\"row\">" + EscapeLines(lane->name) + "</th>";
      for (const Stage* stage : m_stages) {
        std::string items;
        for (const Note& note : m_board.notes)
          if (note.stage == stage->id && note.lane == lane->id) items += NoteItem(note, lane->kind) + "\n";
        if (lane->kind == LaneKind::Emotions) items += CurvePoints(stage->id);
        m_out += items.empty() ? "<td></td>" : "<td><ul>\n" + items + "</ul></td>";
      }
      m_out += "</tr>\n";
    }
    m_out += "</tbody>\n</table>\n</div>\n";
    std::vector<std::string> hidden;
    for (const Stage& stage : m_board.stages)
      if (stage.hidden) hidden.push_back(W(Word::HiddenStage) + " " + Quoted(stage.name));
    for (const Lane& lane : m_board.lanes)
      if (lane.hidden) hidden.push_back(W(Word::HiddenLane) + " " + Quoted(lane.name));
    if (!hidden.empty()) {
      m_out += "<p class=\"left-out\">" + W(Word::LeftOut) + ": ";
      for (size_t i = 0; i < hidden.size(); ++i) m_out += (i ? ", " : "") + hidden[i];
      m_out += ".</p>\n";
    }
    m_out += "</section>\n";
  }

  // One SVG for the board: a path per curve across the shown stages (x by stage and t, as wide as
  // the stages are on the board; y by value, +1 at the top), the five levels as hairlines.
  void Curves() {
    constexpr double kWidth = 1000, kLeft = 12, kRight = 12, kTop = 16, kPlot = 220, kBottom = 36;
    double total = 0;
    for (const Stage* stage : m_stages) total += std::max(1.0f, stage->width);
    struct Placed {
      double x, y;
      const CurvePoint* point;
    };
    std::vector<std::pair<const EmotionCurve*, std::vector<Placed>>> curves;
    for (const EmotionCurve& curve : m_board.curves) {
      std::vector<Placed> placed;
      double before = 0;
      for (const Stage* stage : m_stages) {
        const double width = std::max(1.0f, stage->width);
        for (const CurvePoint& point : curve.points) {
          if (point.stage != stage->id) continue;
          const double t = std::clamp(double(point.t), 0.0, 1.0), value = std::clamp(double(point.value), -1.0, 1.0);
          placed.push_back({kLeft + (before + t * width) / total * (kWidth - kLeft - kRight),
                            kTop + (1 - value) / 2 * kPlot, &point});
        }
        before += width;
      }
      std::stable_sort(placed.begin(), placed.end(), [](const Placed& a, const Placed& b) { return a.x < b.x; });
      if (!placed.empty()) curves.push_back({&curve, std::move(placed)});
    }
    if (curves.empty()) return;

    std::string names;
    for (const auto& [curve, placed] : curves) names += (names.empty() ? "" : ", ") + HtmlEscape(curve->name);
    m_out += "<section id=\"emotions\">\n<h2>" + W(Word::Emotions) + "</h2>\n<figure>\n";
    m_out += "<svg viewBox=\"0 0 " + Tenths(kWidth) + " " +
             Tenths(kTop + kPlot + kBottom) + "\" role=\"img\">\n<title>" + W(Word::Emotions) + ": " + names + "</title>\n";
    for (int level = 0; level <= 4; ++level) {
      const std::string y = Tenths(kTop + level * kPlot / 4);
      m_out += "<line x1=\"" + Tenths(kLeft) + "\" y1=\"" + y + "\" x2=\"" + Tenths(kWidth - kRight) + "\" y2=\"" + y +
               "\" stroke=\"" + (level == 2 ? "#9ca3af" : "#e5e7eb") + "\" stroke-width=\"1\"/>\n";
    }
    double before = 0;
    for (const Stage* stage : m_stages) {
      const double width = std::max(1.0f, stage->width);
      const double x0 = kLeft + before / total * (kWidth - kLeft - kRight);
      const double x1 = kLeft + (before + width) / total * (kWidth - kLeft - kRight);
      if (before > 0)
        m_out += "<line x1=\"" + Tenths(x0) + "\" y1=\"" + Tenths(kTop) + "\" x2=\"" + Tenths(x0) + "\" y2=\"" +
                 Tenths(kTop + kPlot) + "\" stroke=\"#e5e7eb\" stroke-width=\"1\"/>\n";
      // About 8 units a letter at this size: a long stage name is cut rather than run into the next.
      const size_t letters = size_t(std::max(4.0, (x1 - x0) / 8));
      m_out += "<text x=\"" + Tenths((x0 + x1) / 2) + "\" y=\"" + Tenths(kTop + kPlot + 24) +
               "\" text-anchor=\"middle\" font-size=\"14\" fill=\"#374151\">" + HtmlEscape(ShortText(stage->name, letters)) +
               "</text>\n";
      before += width;
    }
    for (const auto& [curve, placed] : curves) {
      const std::string color = Hex(curve->color);
      std::string d;
      for (const Placed& p : placed) d += (d.empty() ? "M" : " L") + Tenths(p.x) + " " + Tenths(p.y);
      m_out += "<path d=\"" + d + "\" fill=\"none\" stroke=\"" + color + "\" stroke-width=\"3\" stroke-linejoin=\"round\"" +
               (curve->toBe ? " stroke-dasharray=\"10 6\"" : "") + "><title>" + HtmlEscape(curve->name) + "</title></path>\n";
      for (const Placed& p : placed) {
        m_out += "<circle cx=\"" + Tenths(p.x) + "\" cy=\"" + Tenths(p.y) + "\" r=\"5\" fill=\"" +
                 (curve->toBe ? "#ffffff" : color) + "\" stroke=\"" + color + "\" stroke-width=\"2\">";
        if (!p.point->label.empty()) m_out += "<title>" + HtmlEscape(p.point->label) + "</title>";
        m_out += "</circle>\n";
      }
    }
    m_out += "</svg>\n<figcaption><ul class=\"legend\">\n";
    for (const auto& [curve, placed] : curves) {
      m_out += "<li><span class=\"swatch" + std::string(curve->toBe ? " dashed" : "") + "\" style=\"border-color:" +
               Hex(curve->color) + "\"></span>" + HtmlEscape(curve->name);
      std::string persona;
      if (const Persona* owner = m_board.FindPersona(curve->persona)) persona = HtmlEscape(ShortText(owner->name, 60)) + ", ";
      m_out += " (" + persona + W(curve->toBe ? Word::ToBe : Word::AsIs) + ")</li>\n";
    }
    m_out += "</ul></figcaption>\n</figure>\n</section>\n";
  }

  // The follow-up report's sections, funnel to checks (core/insights/report.h): one writer for both.
  void Decisions() {
    ReportOptions options;
    options.todayIso = m_options.today;
    m_out += WriteReportSectionsHtml(m_board, options);
  }

  // Every readable note of an Actions lane: dated ones first, soonest first, then by votes.
  void Actions() {
    std::vector<const Note*> actions;
    for (const Note& note : m_board.notes) {
      const Lane* lane = note.IsFree() ? nullptr : m_board.FindLane(note.lane);
      if (lane && lane->kind == LaneKind::Actions && Readable(note)) actions.push_back(&note);
    }
    if (actions.empty()) return;
    std::stable_sort(actions.begin(), actions.end(), [](const Note* a, const Note* b) {
      const bool aDated = IsIsoDate(a->due), bDated = IsIsoDate(b->due);
      if (aDated != bDated) return aDated;
      if (aDated && a->due != b->due) return a->due < b->due;
      return a->votes > b->votes;
    });
    m_out += "<section id=\"actions\">\n<h2>" + W(Word::Actions) + "</h2>\n<div class=\"scroll\">\n<table class=\"list\">\n";
    m_out += "<thead><tr><th>" + W(Word::Action) + "</th><th>" + W(Word::Owner) + "</th><th>" + W(Word::Due) +
             "</th><th>" + W(Word::Stage) + "</th><th>▲</th></tr></thead>\n<tbody>\n";
    for (const Note* note : actions)
      m_out += "<tr><td>" + EscapeLines(note->text) + "</td><td>" + HtmlEscape(note->owner) + "</td><td>" +
               DueText(*note) + "</td><td>" + StageName(note->stage) + "</td><td>" +
               (note->votes > 0 ? std::to_string(note->votes) : "") + "</td></tr>\n";
    m_out += "</tbody>\n</table>\n</div>\n</section>\n";
  }

  // Where a note sits, for the lists: "Purchase · Pain points".
  std::string Place(const Note& note) const {
    if (note.IsFree()) return W(Word::BesideMap);
    const Lane* lane = m_board.FindLane(note.lane);
    return StageName(note.stage) + " · " + (lane ? HtmlEscape(lane->name) : "");
  }

  void TopVoted() {
    std::vector<const Note*> voted;
    for (const Note& note : m_board.notes)
      if (note.votes > 0 && Readable(note)) voted.push_back(&note);
    if (voted.empty()) return;
    std::stable_sort(voted.begin(), voted.end(), [](const Note* a, const Note* b) { return a->votes > b->votes; });
    if (voted.size() > 10) voted.resize(10);
    m_out += "<section id=\"votes\">\n<h2>" + W(Word::TopVoted) + "</h2>\n<ol>\n";
    for (const Note* note : voted)
      m_out += "<li>▲" + std::to_string(note->votes) + " " + HtmlEscape(ShortText(note->text, 120)) +
               " <span class=\"meta\">" + Place(*note) + "</span></li>\n";
    m_out += "</ol>\n</section>\n";
  }

  void Metrics() {
    std::vector<const Note*> measured;
    for (const Note& note : m_board.notes) {
      const Lane* lane = note.IsFree() ? nullptr : m_board.FindLane(note.lane);
      const NoteMetrics& m = note.metrics;
      if (lane && lane->kind == LaneKind::Touchpoints && Readable(note) && (m.conversion || m.csi || m.nps || m.retention))
        measured.push_back(&note);
    }
    if (measured.empty()) return;
    // Retention came later: its column only when someone measured it.
    const bool retention =
        std::any_of(measured.begin(), measured.end(), [](const Note* n) { return n->metrics.retention.has_value(); });
    auto cell = [](const std::optional<float>& value, const char* unit) {
      return "<td>" + (value ? Tenths(*value) + unit : std::string()) + "</td>";
    };
    m_out += "<section id=\"metrics\">\n<h2>" + W(Word::Touchpoints) + "</h2>\n<div class=\"scroll\">\n<table class=\"list\">\n";
    m_out += "<thead><tr><th>" + W(Word::Touchpoint) + "</th><th>" + W(Word::Stage) + "</th><th>" + W(Word::Channel) +
             "</th><th>" + W(Word::Conversion) + "</th><th>CSI</th><th>NPS</th>" + (retention ? "<th>" + W(Word::Retention) + "</th>" : "") +
             "</tr></thead>\n<tbody>\n";
    for (const Note* note : measured)
      m_out += "<tr><td>" + HtmlEscape(ShortText(note->text, 120)) + "</td><td>" + StageName(note->stage) + "</td><td>" +
               HtmlEscape(note->channel) + "</td>" + cell(note->metrics.conversion, "%") + cell(note->metrics.csi, "") +
               cell(note->metrics.nps, "") + (retention ? cell(note->metrics.retention, "%") : "") + "</tr>\n";
    m_out += "</tbody>\n</table>\n</div>\n</section>\n";
  }

  // Each arrow that links two readable notes, once (BoardLinks, links.h), listed by the note it
  // leaves in board order, then in arrow order: "A → B (label)".
  void Links() {
    std::unordered_map<const Note*, size_t> place;  // a note's index in the board
    for (const Note& note : m_board.notes) place.emplace(&note, place.size());
    std::vector<std::pair<size_t, BoardLink>> links;
    for (const BoardLink& link : BoardLinks(m_board))
      if (Readable(*link.from) && Readable(*link.to)) links.emplace_back(place[link.from], link);
    std::stable_sort(links.begin(), links.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::string items;
    for (const auto& [at, link] : links) {
      std::string label;
      if (!link.arrow->label.empty()) label = " (" + HtmlEscape(ShortText(link.arrow->label, 80)) + ")";
      items += "<li>" + HtmlEscape(ShortText(link.from->text, 80)) + " → " + HtmlEscape(ShortText(link.to->text, 80)) +
               label + "</li>\n";
    }
    if (items.empty()) return;
    m_out += "<section id=\"links\">\n<h2>" + W(Word::Links) + "</h2>\n<ul>\n" + items + "</ul>\n</section>\n";
  }

  // Notes on the canvas outside the grid (a parking lot).
  void FreeNotes() {
    std::string items;
    for (const Note& note : m_board.notes)
      if (note.IsFree()) items += NoteItem(note, LaneKind::Custom) + "\n";
    if (items.empty()) return;
    m_out += "<section id=\"free\">\n<h2>" + W(Word::BesideMap) + "</h2>\n<ul class=\"free\">\n" + items + "</ul>\n</section>\n";
  }

  const Board& m_board;
  const HtmlPageOptions& m_options;
  std::vector<const Stage*> m_stages;  // shown: not hidden
  std::vector<const Lane*> m_lanes;
  std::string m_out;
};

}  // namespace

std::string WriteHtmlPage(const Board& board, const HtmlPageOptions& options) { return Page(board, options).Write(); }

}  // namespace jb
