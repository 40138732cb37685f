// The follow-up report (core/insights/report.h) on a board with known figures: the funnel's
// biggest drop, the pains and opportunities in their order, who does what by when with the overdue
// marked, the checks; escaping in both formats; the board's language; an empty board.
#include <doctest/doctest.h>

#include <string>

#include "core/insights/report.h"
#include "core/io/html_page.h"

using namespace jb;

namespace {

struct ReportBoard {
  Board board;
  LaneId touch, pains, solutions, actions, emotions;
  std::vector<StageId> stages;

  ReportBoard() {
    board.meta.title = "Online shop";
    const char* names[] = {"Awareness", "Consideration", "Decision", "Purchase"};
    const double reached[] = {1000, 620, 310, 118};
    for (int i = 0; i < 4; ++i) {
      Stage stage{StageId(board.NewId()), names[i]};
      stage.reached = reached[i];
      stages.push_back(stage.id);
      board.stages.push_back(stage);
    }
    touch = AddLane("Touchpoints", LaneKind::Touchpoints);
    pains = AddLane("Pains", LaneKind::Pains);
    solutions = AddLane("Solutions", LaneKind::Solutions);
    actions = AddLane("Actions", LaneKind::Actions);
    emotions = AddLane("Emotions", LaneKind::Emotions);
    for (int i = 0; i < 3; ++i) Add(i, touch, "Site");  // Purchase has no touchpoint
  }

  LaneId AddLane(const char* name, LaneKind kind) {
    Lane lane{LaneId(board.NewId()), name, kind};
    board.lanes.push_back(lane);
    return lane.id;
  }

  Note& Add(int stage, LaneId lane, const std::string& text) {
    Note note;
    note.id = NoteId(board.NewId());
    note.stage = stages[size_t(stage)];
    note.lane = lane;
    note.text = text;
    board.notes.push_back(note);
    return board.notes.back();
  }

  NoteId Pain(int stage, const std::string& text, int votes, int severity) {
    Note& note = Add(stage, pains, text);
    note.votes = votes;
    note.severity = severity;
    return note.id;
  }

  NoteId Solution(int stage, const std::string& text, float customer, float business, int effort) {
    Note& note = Add(stage, solutions, text);
    note.opportunity = Opportunity{customer, business, effort};
    return note.id;
  }

  NoteId Action(int stage, const std::string& text, const std::string& owner, const std::string& due) {
    Note& note = Add(stage, actions, text);
    note.owner = owner;
    note.due = due;
    return note.id;
  }

  void Link(NoteId from, NoteId to) {
    Arrow arrow;
    arrow.id = ArrowId(board.NewId());
    arrow.from.note = from;
    arrow.to.note = to;
    board.arrows.push_back(arrow);
  }
};

// The figures of the issue: 1000 / 620 / 310 / 118 reached, four pains, three scored solutions,
// five action items (one overdue on 2026-12-02, one unassigned), one curve.
ReportBoard KnownBoard() {
  ReportBoard b;
  Persona anna;
  anna.id = PersonaId(b.board.NewId());
  anna.name = "Anna";
  anna.description = "Buys for the family\nonline";
  anna.age = "34";
  anna.income = 2500;
  anna.currency = "EUR";
  anna.goals = "Spend less time";
  anna.quote = "Just let me pay";
  b.board.personas.push_back(anna);

  const NoteId declined = b.Pain(3, "Card declined", 5, 3);
  b.Pain(2, "Too many fields", 4, 2);
  b.Pain(3, "Slow delivery | *pricey*", 2, 0);
  const NoteId prices = b.Pain(1, "Unclear prices", 3, 3);
  b.Solution(2, "One-page checkout", 80, 60, 4);
  const NoteId upfront = b.Solution(1, "Show prices upfront", 70, 50, 1);
  const NoteId retry = b.Solution(3, "Retry the card", 40, 50, 2);
  const NoteId button = b.Action(3, "Add a Retry button", "Anna", "2026-11-20");
  const NoteId move = b.Action(1, "Move prices to the first screen", "Anna", "2026-12-15");
  b.Action(2, "Merge the address fields", "Boris", "");
  b.Action(3, "Call the bank", "", "2026-12-10");
  b.Action(0, "Improve the site", "Boris", "2026-12-05");
  b.Link(declined, retry);
  b.Link(prices, upfront);
  b.Link(upfront, move);
  b.Link(retry, button);

  EmotionCurve curve;
  curve.id = CurveId(b.board.NewId());
  curve.persona = anna.id;
  curve.name = "Journey";
  curve.points = {{b.stages[0], 0.5f, 0.5f, "Nice ad"},
                  {b.stages[1], 0.5f, -0.2f},
                  {b.stages[2], 0.5f, -0.6f, "The form is long"},
                  {b.stages[3], 0.5f, 0.8f, "Got it"}};
  b.board.curves.push_back(curve);
  return b;
}

ReportOptions On(const std::string& today) {
  ReportOptions options;
  options.todayIso = today;
  return options;
}

// From the line "## heading" to the next "## " heading (or the end).
std::string MdSection(const std::string& report, const std::string& heading) {
  const size_t begin = report.find("## " + heading + "\n");
  if (begin == std::string::npos) return "";
  const size_t end = report.find("\n## ", begin + 3);
  return report.substr(begin, end == std::string::npos ? std::string::npos : end + 1 - begin);
}

}  // namespace

TEST_CASE("Report: the title, the date and the persona with its filled portrait fields") {
  const std::string report = WriteReportMarkdown(KnownBoard().board, On("2026-12-02"));
  CHECK(report.rfind("# Follow-up report: Online shop\n\n2026-12-02\n\n## Personas\n", 0) == 0);
  CHECK(MdSection(report, "Personas") ==
        "## Personas\n\n"
        "### Anna\n\n"
        "Buys for the family online\n\n"
        "- **Age:** 34\n"
        "- **Income:** 2500 EUR\n"
        "- **GOALS:** Spend less time\n\n"
        "> Just let me pay\n\n");
}

TEST_CASE("Report: the funnel names its biggest drop and each stage's reached and share") {
  const std::string report = WriteReportMarkdown(KnownBoard().board, On("2026-12-02"));
  CHECK(MdSection(report, "Funnel") ==
        "## Funnel\n\n"
        "**Biggest drop**: Decision → Purchase: 62 % lost\n\n"
        "| Stage | Reached | Share | Lost before the next stage |\n"
        "|---|---:|---:|---:|\n"
        "| Awareness | 1,000 | 100 % | 38 % |\n"
        "| Consideration | 620 | 62 % | 50 % |\n"
        "| **Decision** | 310 | 31 % | 62 % |\n"
        "| Purchase | 118 | 12 % |  |\n\n");
}

TEST_CASE("Report: the emotion curve's lowest and highest points with their stages and labels") {
  const std::string report = WriteReportMarkdown(KnownBoard().board, On("2026-12-02"));
  CHECK(MdSection(report, "Emotion curves: lowest and highest points") ==
        "## Emotion curves: lowest and highest points\n\n"
        "| Curve | Lowest | Highest |\n"
        "|---|---|---|\n"
        "| Journey (Anna, as-is) | -0.6, Decision — The form is long | +0.8, Purchase — Got it |\n\n");
}

TEST_CASE("Report: top pains by votes × severity, the unanswered ones, opportunities by value over effort") {
  const std::string report = WriteReportMarkdown(KnownBoard().board, On("2026-12-02"));
  CHECK(MdSection(report, "Top pains") ==
        "## Top pains\n\n"
        "| # | Pain | Stage | Votes × severity |\n"
        "|---:|---|---|---:|\n"
        "| 1 | Card declined | Purchase | 5 × 3 = 15 |\n"
        "| 2 | Unclear prices | Consideration | 3 × 3 = 9 |\n"
        "| 3 | Too many fields | Decision | 4 × 2 = 8 |\n"
        "| 4 | Slow delivery \\| \\*pricey\\* | Purchase | 2 × 1 = 2 |\n\n");
  CHECK(MdSection(report, "Pains with no solution") ==
        "## Pains with no solution\n\n"
        "- Too many fields (Decision)\n"
        "- Slow delivery \\| \\*pricey\\* (Purchase)\n\n");
  CHECK(MdSection(report, "Opportunities") ==
        "## Opportunities\n\n"
        "Ranked by (customer value + business value) / effort.\n\n"
        "| # | Solution | Stage | Customer value | Business value | Effort | Priority |\n"
        "|---:|---|---|---:|---:|---:|---:|\n"
        "| 1 | Show prices upfront | Consideration | 70 | 50 | 1 | 120 |\n"
        "| 2 | Retry the card | Purchase | 40 | 50 | 2 | 45 |\n"
        "| 3 | One-page checkout | Decision | 80 | 60 | 4 | 35 |\n\n");
}

TEST_CASE("Report: action items grouped by owner, unassigned last, soonest first, the overdue marked") {
  const std::string report = WriteReportMarkdown(KnownBoard().board, On("2026-12-02"));
  CHECK(MdSection(report, "Action items by owner") ==
        "## Action items by owner\n\n"
        "### Anna\n\n"
        "- 2026-11-20 **overdue** — Add a Retry button (Purchase)\n"
        "- 2026-12-15 — Move prices to the first screen (Consideration)\n\n"
        "### Boris\n\n"
        "- 2026-12-05 — Improve the site (Awareness)\n"
        "- no due date — Merge the address fields (Decision)\n\n"
        "### Unassigned\n\n"
        "- 2026-12-10 — Call the bank (Purchase)\n\n");
  // A later day: more is overdue; no day: nothing is.
  CHECK(MdSection(WriteReportMarkdown(KnownBoard().board, On("2026-12-11")), "Action items by owner")
            .find("- 2026-12-10 **overdue** — Call the bank") != std::string::npos);
  CHECK(WriteReportMarkdown(KnownBoard().board, On("")).find("overdue") == std::string::npos);
}

TEST_CASE("Report: the map's other checks, worded, and nothing said to be missing on a full board") {
  const std::string report = WriteReportMarkdown(KnownBoard().board, On("2026-12-02"));
  CHECK(MdSection(report, "Map checks") ==
        "## Map checks\n\n"
        "- Solution with no action item: One-page checkout (Decision)\n"
        "- Action item with no owner: Call the bank (Purchase)\n"
        "- Action item with no due date: Merge the address fields (Decision)\n"
        "- Overdue action item: Add a Retry button (Purchase)\n"
        "- Action item that names no concrete task: Improve the site (Awareness)\n"
        "- Stage with no touchpoint: Purchase\n\n");
  CHECK(report.find("Not on the map yet") == std::string::npos);
  // The sections in the order of the issue.
  const char* order[] = {"## Personas", "## Funnel", "## Emotion curves", "## Top pains", "## Pains with no solution",
                         "## Opportunities", "## Action items by owner", "## Map checks"};
  for (size_t i = 1; i < std::size(order); ++i) CHECK(report.find(order[i - 1]) < report.find(order[i]));
}

TEST_CASE("Report: an empty board says what is missing rather than printing empty headings") {
  Board board;
  board.meta.title = "Blank";
  const std::string report = WriteReportMarkdown(board, On("2026-12-02"));
  CHECK(report ==
        "# Follow-up report: Blank\n\n2026-12-02\n\n"
        "**Not on the map yet**: personas, a funnel (no two stages have a reached count), an emotion curve, pains, "
        "scored solutions, action items.\n");
  const std::string html = WriteReportHtml(board, On("2026-12-02"));
  CHECK(html.find("<h2>") == std::string::npos);
  CHECK(html.find("Not on the map yet: personas,") != std::string::npos);
}

TEST_CASE("Report: every piece of board text is escaped in HTML, and Markdown specials in Markdown") {
  ReportBoard b = KnownBoard();
  b.board.meta.title = "<b>Shop</b>";
  const std::string hostile = "<script>alert(\"x\")</script> & 'co' [link](http://x)";
  b.Pain(0, hostile, 9, 3);
  b.Action(0, hostile, hostile, "2026-01-01");
  b.board.personas[0].name = hostile;
  b.board.stages[0].name = "A<i>&\"";
  const std::string html = WriteReportHtml(b.board, On("2026-12-02"));
  CHECK(html.find("<script>") == std::string::npos);
  CHECK(html.find("<b>Shop") == std::string::npos);
  CHECK(html.find("<i>") == std::string::npos);
  const std::string escaped = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39; [link](http://x)";
  CHECK(html.find("<td>" + escaped + "</td>") != std::string::npos);  // the pain
  CHECK(html.find("<h3>" + escaped + "</h3>") != std::string::npos);  // the persona and the owner
  CHECK(html.find("A&lt;i&gt;&amp;&quot;") != std::string::npos);
  // Self-contained and readable on a phone.
  CHECK(html.find("<meta name=\"viewport\"") != std::string::npos);
  CHECK(html.find("max-width:860px") != std::string::npos);
  CHECK(html.find("http") == html.find("http://x"));  // nothing fetched: the only address is the note's text
  CHECK(html.find("src=") == std::string::npos);  // no snapshot given
  const std::string md = WriteReportMarkdown(b.board, On("2026-12-02"));
  CHECK(md.find("| 1 | \\<script\\>alert(\"x\")\\</script\\> & 'co' \\[link\\](http://x) | A\\<i\\>&\" | 9 × 3 = 27 |") !=
        std::string::npos);
}

TEST_CASE("Report: the HTML embeds the snapshot as base64 and draws the funnel's bars") {
  ReportOptions options = On("2026-12-02");
  const std::string png = "\x89PNG\r\n\x1a\n";
  options.png = png;
  options.pngWidth = 20;
  options.pngHeight = 10;
  const std::string html = WriteReportHtml(KnownBoard().board, options);
  CHECK(html.find("<img src=\"data:image/png;base64," + Base64(png) + "\" width=\"20\" height=\"10\"") !=
        std::string::npos);
  CHECK(html.find("<span class=\"bar\"><span style=\"width:62%\"></span></span>62 %") != std::string::npos);
  CHECK(html.find("<span class=\"bar biggest\"><span style=\"width:31%\"></span></span>31 %") != std::string::npos);
  CHECK(html.find("2026-11-20 <span class=\"overdue\">overdue</span>") != std::string::npos);
}

TEST_CASE("Report: a Russian board reads in Russian") {
  ReportBoard b = KnownBoard();
  b.board.meta.language = "ru";
  const std::string report = WriteReportMarkdown(b.board, On("2026-12-02"));
  CHECK(report.rfind("# Итоги по карте: Online shop\n", 0) == 0);
  const char* headings[] = {"## Персоны\n", "## Воронка\n", "## Главные боли\n", "## Боли без решения\n",
                            "## Возможности\n", "## Задачи по ответственным\n", "## Проверки карты\n"};
  for (const char* heading : headings) CHECK(report.find(heading) != std::string::npos);
  CHECK(report.find("**Самая большая потеря**: Decision → Purchase: потеряно 62 %\n") != std::string::npos);
  CHECK(report.find("- 2026-11-20 **просрочено** — Add a Retry button (Purchase)\n") != std::string::npos);
  CHECK(report.find("### Без ответственного\n") != std::string::npos);
  CHECK(report.find("- **Возраст:** 34\n") != std::string::npos);
  CHECK(report.find("Funnel") == std::string::npos);
  // The language option wins over the board's.
  ReportOptions english = On("2026-12-02");
  english.language = "en";
  CHECK(WriteReportMarkdown(b.board, english).find("## Funnel\n") != std::string::npos);
}

TEST_CASE("Report: what the room hid and covered notes stay out, as on the page") {
  ReportBoard b = KnownBoard();
  b.board.notes[3].covered = true;   // "Card declined"
  b.board.stages[0].hidden = true;   // Awareness
  const std::string report = WriteReportMarkdown(b.board, On("2026-12-02"));
  CHECK(report.find("Card declined") == std::string::npos);
  CHECK(report.find("Awareness") == std::string::npos);
  CHECK(MdSection(report, "Funnel").find("**Biggest drop**: Decision → Purchase: 62 % lost") != std::string::npos);
}

TEST_CASE("The shared page carries the report's sections") {
  const std::string page = WriteHtmlPage(KnownBoard().board, {});
  for (const char* id : {"report-funnel", "report-emotions", "report-pains", "report-unanswered",
                         "report-opportunities", "report-actions", "report-checks"})
    CHECK(page.find("<section id=\"" + std::string(id) + "\">") != std::string::npos);
  CHECK(page.find("Decision → Purchase: 62 % lost") != std::string::npos);
  CHECK(page.find("report-personas") == std::string::npos);  // the page has its own
  CHECK(page.find("table.report") != std::string::npos);       // and the sections' style
}
