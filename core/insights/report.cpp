#include "core/insights/report.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <optional>
#include <tuple>
#include <vector>

#include "core/insights/insights.h"
#include "core/layout/board_text.h"
#include "core/layout/html_text.h"
#include "core/model/funnel.h"

namespace jb {

namespace {

// [SECTION] Text and numbers

// A curve value with its sign: "+0.6", "-0.8", "0".
std::string Signed(double value) { return (std::llround(value * 10) > 0 ? "+" : "") + Tenths(value); }

std::string Percent(double value) { return std::to_string(std::llround(value)) + " %"; }

// A note's text on one line (lists and table cells hold no line breaks), trimmed.
std::string OneLine(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\r') continue;
    out += c == '\n' || c == '\t' ? ' ' : c;
  }
  const size_t begin = out.find_first_not_of(' ');
  if (begin == std::string::npos) return "";
  return out.substr(begin, out.find_last_not_of(' ') - begin + 1);
}

// Board text made inert for Markdown: the characters that start emphasis, links, code, HTML,
// headings or table cells get a backslash (CommonMark escapes any ASCII punctuation so).
std::string Md(const std::string& text) {
  std::string out;
  for (char c : OneLine(text)) {
    if (std::string_view("\\`*_[]<>|#~").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

std::string Html(const std::string& text) { return HtmlEscape(OneLine(text)); }

// [SECTION] The report

class Report {
 public:
  Report(const Board& board, const ReportOptions& options, bool html)
      : m_board(board), m_options(options), m_html(html),
        m_language(options.language.empty() ? board.meta.language : options.language) {}

  std::string Markdown() {
    Title();
    Personas();
    Decisions();
    Missing();
    return std::move(m_out);
  }

  std::string Page() {
    const std::string title = Title_();
    m_out += "<!DOCTYPE html>\n<html lang=\"" + HtmlEscape(m_language.empty() ? "en" : m_language) + "\">\n<head>\n";
    m_out += "<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    m_out += "<title>" + W(PageWord::ReportTitle) + ": " + Html(title) + "</title>\n<style>\n";
    m_out += "body{font:16px/1.45 system-ui,-apple-system,\"Segoe UI\",Roboto,\"Noto Sans\",sans-serif;color:#1f2937;"
             "background:#fff;margin:0 auto;padding:16px;max-width:860px}\n"
             "h1{font-size:1.6em;margin:.2em 0}\n"
             ".made{color:#6b7280;margin:0}\n"
             ".persona{border:1px solid #d1d5db;border-radius:8px;padding:4px 16px 12px;background:#f9fafb;margin:0 0 12px}\n"
             ".persona dt{font-size:.8em;color:#6b7280;margin-top:.5em}\n.persona dd{margin:0}\n"
             "blockquote{margin:.8em 0 0;font-style:italic;border-left:3px solid #d1d5db;padding-left:.8em}\n"
             "figure{margin:0}\nimg{max-width:100%;height:auto;border:1px solid #e5e7eb}\n"
             "@media (max-width:600px){body{padding:8px;font-size:15px}}\n";
    m_out += ReportStyle();
    m_out += "</style>\n</head>\n<body>\n";
    Title();
    Snapshot(title);
    Personas();
    Decisions();
    Missing();
    m_out += "<footer class=\"made\">" + W(PageWord::MadeWith) + "</footer>\n</body>\n</html>\n";
    return std::move(m_out);
  }

  std::string Sections() {
    Decisions();
    return std::move(m_out);
  }

 private:
  std::string W(PageWord word) const { return PageText(m_language, word); }
  std::string Text(const std::string& text) const { return m_html ? Html(text) : Md(text); }
  std::string Bold(const std::string& text) const {
    return m_html ? "<strong>" + text + "</strong>" : "**" + text + "**";
  }

  void Heading(const char* id, PageWord word) {
    if (m_html) m_out += "<section id=\"" + std::string(id) + "\">\n<h2>" + W(word) + "</h2>\n";
    else m_out += "## " + W(word) + "\n\n";
  }
  void EndSection() { m_out += m_html ? "</section>\n" : ""; }
  void Paragraph(const std::string& text) { m_out += m_html ? "<p>" + text + "</p>\n" : text + "\n\n"; }

  // A table: a Markdown pipe table, or an HTML one; cells are already escaped.
  void Table(const std::vector<std::string>& head, const std::vector<std::vector<std::string>>& rows,
             const std::vector<bool>& numeric) {
    if (m_html) {
      m_out += "<div class=\"scroll\"><table class=\"report\">\n<thead><tr>";
      for (size_t i = 0; i < head.size(); ++i) m_out += (numeric[i] ? "<th class=\"num\">" : "<th>") + head[i] + "</th>";
      m_out += "</tr></thead>\n<tbody>\n";
      for (const auto& row : rows) {
        m_out += "<tr>";
        for (size_t i = 0; i < row.size(); ++i) m_out += (numeric[i] ? "<td class=\"num\">" : "<td>") + row[i] + "</td>";
        m_out += "</tr>\n";
      }
      m_out += "</tbody>\n</table></div>\n";
      return;
    }
    std::string line = "|", rule = "|";
    for (size_t i = 0; i < head.size(); ++i) {
      line += " " + head[i] + " |";
      rule += numeric[i] ? "---:|" : "---|";
    }
    m_out += line + "\n" + rule + "\n";
    for (const auto& row : rows) {
      std::string cells = "|";
      for (const std::string& cell : row) cells += " " + cell + " |";
      m_out += cells + "\n";
    }
    m_out += "\n";
  }

  void List(const std::vector<std::string>& items) {
    if (m_html) {
      m_out += "<ul>\n";
      for (const std::string& item : items) m_out += "<li>" + item + "</li>\n";
      m_out += "</ul>\n";
      return;
    }
    for (const std::string& item : items) m_out += "- " + item + "\n";
    m_out += "\n";
  }

  // What the report shows: stages and lanes not hidden for the room, notes in them face up.
  bool Shown(const Stage* stage) const { return stage && !stage->hidden; }
  bool Readable(NoteId id) const {
    const Note* note = m_board.FindNote(id);
    if (!note || note->IsFree() || note->covered) return false;
    const Lane* lane = m_board.FindLane(note->lane);
    return Shown(m_board.FindStage(note->stage)) && lane && !lane->hidden;
  }
  std::string StageName(StageId id) const {
    const Stage* stage = m_board.FindStage(id);
    return stage ? Text(stage->name) : "";
  }

  std::string Title_() const { return m_board.meta.title.empty() ? W(PageWord::UntitledMap) : m_board.meta.title; }

  // The report's day (it is made today), else the day the board was last changed.
  std::string Date() const {
    if (IsIsoDate(m_options.todayIso)) return m_options.todayIso;
    const std::string day = m_board.meta.modified.substr(0, 10);
    return IsIsoDate(day) ? day : "";
  }

  void Title() {
    const std::string date = Date();
    if (m_html) {
      m_out += "<header>\n<h1>" + W(PageWord::ReportTitle) + ": " + Html(Title_()) + "</h1>\n";
      if (!date.empty()) m_out += "<p class=\"made\"><time datetime=\"" + date + "\">" + date + "</time></p>\n";
      m_out += "</header>\n";
      return;
    }
    m_out += "# " + W(PageWord::ReportTitle) + ": " + Md(Title_()) + "\n\n";
    if (!date.empty()) m_out += date + "\n\n";
  }

  void Snapshot(const std::string& title) {
    if (m_options.png.empty()) return;
    m_out += "<figure><img src=\"data:image/png;base64," + Base64(m_options.png) + "\"";
    if (m_options.pngWidth > 0 && m_options.pngHeight > 0)
      m_out += " width=\"" + std::to_string(m_options.pngWidth) + "\" height=\"" + std::to_string(m_options.pngHeight) + "\"";
    m_out += " alt=\"" + W(PageWord::SnapshotAlt) + ": " + Html(title) + "\"></figure>\n";
  }

  void Personas() {
    if (m_board.personas.empty()) {
      m_missing.push_back(W(PageWord::MissingPersonas));
      return;
    }
    Heading("report-personas", PageWord::Personas);
    for (const Persona& persona : m_board.personas) {
      std::string income;
      if (persona.income) income = OneLine(Tenths(*persona.income) + " " + persona.currency);
      const std::pair<BoardPhrase, std::string> fields[] = {
          {BoardPhrase::PersonaAge, persona.age},
          {BoardPhrase::PersonaGender, persona.gender},
          {BoardPhrase::PersonaFamily, persona.family},
          {BoardPhrase::PersonaHome, persona.home},
          {BoardPhrase::PersonaOccupation, persona.occupation},
          {BoardPhrase::PersonaIncome, income},
          {BoardPhrase::PersonaStatus, persona.status},
          {BoardPhrase::PersonaFreeTime, persona.freeTime},
          {BoardPhrase::PersonaDecides, persona.decides},
          {BoardPhrase::PersonaBlockers, persona.blockers},
          {BoardPhrase::PersonaIfUnsolved, persona.ifUnsolved},
          {BoardPhrase::PersonaCompetitors, persona.competitors},
          {BoardPhrase::PersonaGoals, persona.goals},
          {BoardPhrase::PersonaNeeds, persona.needs},
          {BoardPhrase::PersonaPains, persona.pains},
          {BoardPhrase::PersonaObjections, persona.objections},
          {BoardPhrase::PersonaChannels, persona.channels},
      };
      const std::string name = persona.name.empty() ? "—" : Text(persona.name);
      if (m_html) {
        m_out += "<article class=\"persona\">\n<h3>" + name + "</h3>\n";
        if (!OneLine(persona.description).empty()) m_out += "<p>" + Html(persona.description) + "</p>\n";
        std::string list;
        for (const auto& [phrase, text] : fields)
          if (!OneLine(text).empty())
            list += "<dt>" + HtmlEscape(BoardTextIn(m_language, phrase)) + "</dt><dd>" + Html(text) + "</dd>\n";
        if (!list.empty()) m_out += "<dl>\n" + list + "</dl>\n";
        if (!OneLine(persona.quote).empty()) m_out += "<blockquote>" + Html(persona.quote) + "</blockquote>\n";
        m_out += "</article>\n";
        continue;
      }
      m_out += "### " + name + "\n\n";
      if (!OneLine(persona.description).empty()) m_out += Md(persona.description) + "\n\n";
      std::vector<std::string> items;
      for (const auto& [phrase, text] : fields)
        if (!OneLine(text).empty()) items.push_back("**" + Md(BoardTextIn(m_language, phrase)) + ":** " + Md(text));
      if (!items.empty()) List(items);
      if (!OneLine(persona.quote).empty()) m_out += "> " + Md(persona.quote) + "\n\n";
    }
    EndSection();
  }

  // Funnel to checks: the part the shared page carries too.
  void Decisions() {
    Funnel();
    Emotions();
    Pains();
    Opportunities();
    Actions();
    Checks();
  }

  // As the funnel strip writes it: "10,000" on an English board, "10 000" on a Russian one.
  std::string Count(double value) const { return FormatReachedCount(value, m_language); }

  void Funnel() {
    const jb::Funnel funnel = ComputeFunnel(m_board, /*skipHidden=*/true);
    if (!funnel.Measured()) {
      m_missing.push_back(W(PageWord::MissingFunnel));
      return;
    }
    Heading("report-funnel", PageWord::Funnel);
    if (funnel.biggestDrop >= 0) {
      const FunnelStep& step = funnel.steps[size_t(funnel.biggestDrop)];
      std::string lost = W(PageWord::PercentLost);
      lost.replace(lost.find("%s"), 2, Percent(*step.dropToNext));
      Paragraph(Bold(W(PageWord::BiggestDrop)) + ": " + StageName(step.stage) + " → " +
                StageName(funnel.steps[size_t(step.next)].stage) + ": " + lost);
    }
    std::vector<std::vector<std::string>> rows;
    for (size_t i = 0; i < funnel.steps.size(); ++i) {
      const FunnelStep& step = funnel.steps[i];
      std::string name = StageName(step.stage);
      if (int(i) == funnel.biggestDrop) name = Bold(name);
      std::string reached = step.reached ? Count(*step.reached) : W(PageWord::NotMeasured);
      std::string share = step.share ? Percent(*step.share * 100) : "";
      if (m_html && step.share) {
        // A bar as wide as the share (capped: a stage that reached more than the first is full).
        const double width = std::clamp(*step.share * 100, 0.0, 100.0);
        share = "<span class=\"bar" + std::string(int(i) == funnel.biggestDrop ? " biggest" : "") +
                "\"><span style=\"width:" + Tenths(width) + "%\"></span></span>" + share;
      }
      rows.push_back({name, reached, share, step.dropToNext ? Percent(*step.dropToNext) : ""});
    }
    Table({W(PageWord::Stage), W(PageWord::Reached), W(PageWord::Share), W(PageWord::DropToNext)}, rows,
          {false, true, true, true});
    EndSection();
  }

  struct Extreme {
    const CurvePoint* low = nullptr;
    const CurvePoint* high = nullptr;
  };

  std::string PointText(const CurvePoint& point) const {
    std::string text = Signed(point.value) + ", " + StageName(point.stage);
    if (!OneLine(point.label).empty()) text += " — " + Text(point.label);
    return text;
  }

  void Emotions() {
    std::vector<std::pair<const EmotionCurve*, Extreme>> curves;
    for (const EmotionCurve& curve : m_board.curves) {
      // In board order (stage, then across it): on a tie the earlier point is the one named.
      std::vector<const CurvePoint*> points;
      for (const CurvePoint& point : curve.points)
        if (Shown(m_board.FindStage(point.stage))) points.push_back(&point);
      std::stable_sort(points.begin(), points.end(), [&](const CurvePoint* a, const CurvePoint* b) {
        return std::make_tuple(m_board.StageIndex(a->stage), a->t) < std::make_tuple(m_board.StageIndex(b->stage), b->t);
      });
      if (points.empty()) continue;
      Extreme extreme{points[0], points[0]};
      for (const CurvePoint* point : points) {
        if (point->value < extreme.low->value) extreme.low = point;
        if (point->value > extreme.high->value) extreme.high = point;
      }
      curves.push_back({&curve, extreme});
    }
    if (curves.empty()) {
      m_missing.push_back(W(PageWord::MissingCurves));
      return;
    }
    Heading("report-emotions", PageWord::EmotionExtremes);
    std::vector<std::vector<std::string>> rows;
    for (const auto& [curve, extreme] : curves) {
      std::string name = Text(curve->name) + " (";
      if (const Persona* persona = m_board.FindPersona(curve->persona)) name += Text(persona->name) + ", ";
      name += W(curve->toBe ? PageWord::ToBe : PageWord::AsIs) + ")";
      rows.push_back({name, PointText(*extreme.low), PointText(*extreme.high)});
    }
    Table({W(PageWord::Curve), W(PageWord::Lowest), W(PageWord::Highest)}, rows, {false, false, false});
    EndSection();
  }

  void Pains() {
    std::vector<RankedPain> pains;
    for (const RankedPain& pain : RankPains(m_board))
      if (Readable(pain.note)) pains.push_back(pain);
    if (pains.empty()) {
      m_missing.push_back(W(PageWord::MissingPains));
      return;
    }
    Heading("report-pains", PageWord::TopPains);
    std::vector<std::vector<std::string>> rows;
    constexpr size_t kTop = 10;
    for (size_t i = 0; i < pains.size() && i < kTop; ++i) {
      const Note& note = *m_board.FindNote(pains[i].note);
      rows.push_back({std::to_string(i + 1), Text(note.text), StageName(pains[i].stage),
                      std::to_string(note.votes) + " × " + std::to_string(std::max(1, note.severity)) + " = " +
                          std::to_string(pains[i].score)});
    }
    Table({"#", W(PageWord::Pain), W(PageWord::Stage), W(PageWord::VotesTimesSeverity)}, rows,
          {true, false, false, true});
    EndSection();

    Heading("report-unanswered", PageWord::Unanswered);
    std::vector<std::string> items;
    for (const CheckEntry& entry : Checks(CheckKind::PainWithoutSolution))
      items.push_back(Text(m_board.FindNote(entry.note)->text) + " (" + StageName(entry.stage) + ")");
    if (items.empty()) Paragraph(W(PageWord::EveryPainAnswered));
    else List(items);
    EndSection();
  }

  void Opportunities() {
    std::vector<RankedOpportunity> ranked;
    for (const RankedOpportunity& opportunity : RankOpportunities(m_board))
      if (Readable(opportunity.note)) ranked.push_back(opportunity);
    if (ranked.empty()) {
      m_missing.push_back(W(PageWord::MissingOpportunities));
      return;
    }
    Heading("report-opportunities", PageWord::Opportunities);
    Paragraph(W(PageWord::PriorityRule));
    std::vector<std::vector<std::string>> rows;
    for (size_t i = 0; i < ranked.size(); ++i) {
      const Note& note = *m_board.FindNote(ranked[i].note);
      const Opportunity& o = *note.opportunity;
      rows.push_back({std::to_string(i + 1), Text(note.text), StageName(ranked[i].stage), Tenths(o.customerValue),
                      Tenths(o.businessValue), std::to_string(o.effort), Tenths(ranked[i].priority)});
    }
    Table({"#", W(PageWord::Solution), W(PageWord::Stage), W(PageWord::CustomerValue), W(PageWord::BusinessValue),
           W(PageWord::Effort), W(PageWord::Priority)},
          rows, {true, false, false, true, true, true, true});
    EndSection();
  }

  void Actions() {
    // Every readable action item in stage, lane, cell order.
    std::vector<std::tuple<int, int, size_t>> keyed;
    for (size_t i = 0; i < m_board.notes.size(); ++i) {
      const Note& note = m_board.notes[i];
      const Lane* lane = note.IsFree() ? nullptr : m_board.FindLane(note.lane);
      if (lane && lane->kind == LaneKind::Actions && Readable(note.id))
        keyed.emplace_back(m_board.StageIndex(note.stage), m_board.LaneIndex(note.lane), i);
    }
    if (keyed.empty()) {
      m_missing.push_back(W(PageWord::MissingActions));
      return;
    }
    std::sort(keyed.begin(), keyed.end());
    std::vector<const Note*> actions;
    for (const auto& k : keyed) actions.push_back(&m_board.notes[std::get<2>(k)]);
    // By owner (the unassigned last), then by due date (the undated last).
    auto owner = [](const Note* note) { return OneLine(note->owner); };
    std::stable_sort(actions.begin(), actions.end(), [&](const Note* a, const Note* b) {
      const std::string oa = owner(a), ob = owner(b);
      if (oa.empty() != ob.empty()) return ob.empty();
      if (oa != ob) return oa < ob;
      const bool da = IsIsoDate(a->due), db = IsIsoDate(b->due);
      if (da != db) return da;
      return da && a->due < b->due;
    });
    Heading("report-actions", PageWord::ActionsByOwner);
    for (size_t i = 0; i < actions.size();) {
      const std::string name = owner(actions[i]);
      std::vector<std::string> items;
      size_t j = i;
      for (; j < actions.size() && owner(actions[j]) == name; ++j) {
        const Note& note = *actions[j];
        std::string due = OneLine(note.due).empty() ? W(PageWord::NoDueDate) : Text(note.due);
        if (IsOverdue(note, m_options.todayIso))
          due += m_html ? " <span class=\"overdue\">" + W(PageWord::Overdue) + "</span>" : " " + Bold(W(PageWord::Overdue));
        items.push_back(due + " — " + Text(note.text) + " (" + StageName(note.stage) + ")");
      }
      const std::string heading = name.empty() ? W(PageWord::Unassigned) : Text(name);
      m_out += m_html ? "<h3>" + heading + "</h3>\n" : "### " + heading + "\n\n";
      List(items);
      i = j;
    }
    EndSection();
  }

  // The map's checks of `kind` (or all but the pains', which have their own section) on what the
  // report shows.
  std::vector<CheckEntry> Checks(std::optional<CheckKind> kind) {
    if (!m_checks) m_checks = MapChecks(m_board, m_options.todayIso);
    std::vector<CheckEntry> out;
    for (const CheckEntry& entry : *m_checks) {
      if (kind ? entry.kind != *kind : entry.kind == CheckKind::PainWithoutSolution) continue;
      if (entry.note ? !Readable(entry.note) : !Shown(m_board.FindStage(entry.stage))) continue;
      out.push_back(entry);
    }
    return out;
  }

  void Checks() {
    const std::vector<CheckEntry> entries = Checks(std::nullopt);
    bool anyNote = false;
    for (const Note& note : m_board.notes) anyNote = anyNote || Readable(note.id);
    if (entries.empty() && !anyNote) return;  // nothing on the map to check
    static constexpr PageWord kWords[] = {
        PageWord::CheckPainWithoutSolution, PageWord::CheckSolutionWithoutAction, PageWord::CheckActionWithoutOwner,
        PageWord::CheckActionWithoutDue,    PageWord::CheckActionOverdue,         PageWord::CheckActionVague,
        PageWord::CheckStageWithoutTouchpoint, PageWord::CheckLowPointWithoutPain,
    };
    static_assert(std::size(kWords) == size_t(kCheckKindCount));
    Heading("report-checks", PageWord::Checks);
    std::vector<std::string> items;
    for (const CheckEntry& entry : entries) {
      std::string what;
      if (entry.kind == CheckKind::StageWithoutTouchpoint) {
        what = StageName(entry.stage);
      } else if (entry.kind == CheckKind::LowPointWithoutPain) {
        const EmotionCurve* curve = m_board.FindCurve(entry.curve);
        if (!curve || entry.point >= curve->points.size()) continue;
        what = Text(curve->name) + ": " + PointText(curve->points[entry.point]);
      } else {
        what = Text(m_board.FindNote(entry.note)->text) + " (" + StageName(entry.stage) + ")";
      }
      items.push_back(W(kWords[size_t(entry.kind)]) + ": " + what);
    }
    if (items.empty()) Paragraph(W(PageWord::ChecksPass));
    else List(items);
    EndSection();
  }

  // The empty sections named in one line rather than printed as empty headings.
  void Missing() {
    if (m_missing.empty()) return;
    std::string line;
    for (size_t i = 0; i < m_missing.size(); ++i) line += (i ? ", " : "") + m_missing[i];
    if (m_html) m_out += "<section id=\"report-missing\">\n<p class=\"missing\">" + W(PageWord::Missing) + ": " + line + ".</p>\n</section>\n";
    else m_out += Bold(W(PageWord::Missing)) + ": " + line + ".\n";
  }

  const Board& m_board;
  const ReportOptions& m_options;
  const bool m_html;
  const std::string m_language;
  std::string m_out;
  std::vector<std::string> m_missing;  // what the board does not have yet, in the report's words
  std::optional<std::vector<CheckEntry>> m_checks;
};

}  // namespace

const char* ReportStyle() {
  return ".scroll{overflow-x:auto;-webkit-overflow-scrolling:touch}\n"
         "table.report{border-collapse:collapse;margin:.4em 0 1em}\n"
         "table.report th,table.report td{border-bottom:1px solid #e5e7eb;padding:4px 8px;text-align:left;vertical-align:top}\n"
         "table.report .num{text-align:right;white-space:nowrap}\n"
         ".bar{display:inline-block;width:6em;height:.8em;background:#e5e7eb;border-radius:2px;margin-right:.5em;"
         "vertical-align:middle;overflow:hidden}\n"
         ".bar>span{display:block;height:100%;background:#3b6fd8}\n"
         ".bar.biggest>span{background:#dc2626}\n"
         ".overdue{color:#b91c1c;font-weight:600}\n"
         ".missing{color:#6b7280}\n"
         "@media print{.scroll{overflow:visible}}\n";
}

std::string WriteReportMarkdown(const Board& board, const ReportOptions& options) {
  return Report(board, options, false).Markdown();
}

std::string WriteReportHtml(const Board& board, const ReportOptions& options) {
  return Report(board, options, true).Page();
}

std::string WriteReportSectionsHtml(const Board& board, const ReportOptions& options) {
  return Report(board, options, true).Sections();
}

}  // namespace jb
