// The stage funnel's arithmetic (core/model/funnel.h), the ranking of scored solutions
// (core/insights/insights.h) and the two commands that set what they read.
#include <doctest/doctest.h>

#include <cmath>

#include "core/edit/journey_commands.h"
#include "core/insights/insights.h"
#include "core/io/templates.h"
#include "core/layout/layout.h"
#include "core/model/funnel.h"

using namespace jb;

namespace {

Board FunnelBoard(std::initializer_list<std::optional<double>> reached) {
  Board board;
  uint64_t id = 1;
  for (const std::optional<double>& count : reached) {
    Stage stage{StageId(id), "Stage " + std::to_string(id)};
    stage.reached = count;
    board.stages.push_back(stage);
    ++id;
  }
  board.nextId = 100;
  return board;
}

bool Near(std::optional<double> value, double expected) { return value && std::fabs(*value - expected) < 1e-9; }

}  // namespace

TEST_CASE("The funnel: shares of the first measured stage, the drop to the next, the biggest drop") {
  const Funnel funnel = ComputeFunnel(FunnelBoard({10000, 6200, 3100, 1178, 950}));
  REQUIRE(funnel.steps.size() == 5);
  CHECK(funnel.Measured());
  CHECK(Near(funnel.steps[0].share, 1.0));
  CHECK(Near(funnel.steps[2].share, 0.31));
  CHECK(Near(funnel.steps[0].dropToNext, 38.0));
  CHECK(Near(funnel.steps[2].dropToNext, 62.0));  // Decision → Purchase: 62 % lost
  CHECK(funnel.steps[2].next == 3);
  CHECK_FALSE(funnel.steps[4].dropToNext);  // the last stage drops to nothing
  CHECK(funnel.biggestDrop == 2);
}

TEST_CASE("The funnel in percentages reads as the counts do") {
  const Funnel funnel = ComputeFunnel(FunnelBoard({100, 45, 30}));
  CHECK(Near(funnel.steps[1].share, 0.45));
  CHECK(Near(funnel.steps[0].dropToNext, 55.0));
  CHECK(Near(funnel.steps[1].dropToNext, 100.0 / 3.0));
  CHECK(funnel.biggestDrop == 0);
}

TEST_CASE("The funnel skips stages not measured, and says nothing of a stage that reached nobody") {
  const Funnel gaps = ComputeFunnel(FunnelBoard({std::nullopt, 800, std::nullopt, 200}));
  CHECK_FALSE(gaps.steps[0].share);
  CHECK(Near(gaps.steps[1].share, 1.0));  // the first measured stage is the base
  CHECK(gaps.steps[1].next == 3);
  CHECK(Near(gaps.steps[1].dropToNext, 75.0));
  CHECK_FALSE(gaps.steps[2].dropToNext);
  CHECK(gaps.biggestDrop == 1);

  const Funnel zero = ComputeFunnel(FunnelBoard({0, 0, 0}));
  CHECK_FALSE(zero.steps[0].share);
  CHECK_FALSE(zero.steps[0].dropToNext);
  CHECK(zero.biggestDrop == -1);

  const Funnel single = ComputeFunnel(FunnelBoard({500, std::nullopt}));
  CHECK_FALSE(single.Measured());
  CHECK(single.biggestDrop == -1);
  CHECK_FALSE(ComputeFunnel(Board{}).Measured());
}

TEST_CASE("A stage that reaches more than the one before is a negative drop, never the biggest") {
  const Funnel funnel = ComputeFunnel(FunnelBoard({1000, 1500, 300}));
  CHECK(Near(funnel.steps[0].dropToNext, -50.0));
  CHECK(Near(funnel.steps[1].dropToNext, 80.0));
  CHECK(funnel.biggestDrop == 1);
  CHECK(Near(funnel.steps[1].share, 1.5));
  const Funnel growing = ComputeFunnel(FunnelBoard({10, 20, 30}));
  CHECK(growing.biggestDrop == -1);
}

TEST_CASE("Hidden stages can be left out of the funnel") {
  Board board = FunnelBoard({1000, 400, 100});
  board.stages[1].hidden = true;
  CHECK(ComputeFunnel(board).steps.size() == 3);
  const Funnel shown = ComputeFunnel(board, /*skipHidden=*/true);
  REQUIRE(shown.steps.size() == 2);
  CHECK(Near(shown.steps[0].dropToNext, 90.0));
}

TEST_CASE("SetStageReached and SetNoteOpportunity clamp, and clear with none") {
  Board board = FunnelBoard({std::nullopt});
  board.lanes = {{LaneId(10), "Solutions", LaneKind::Solutions}};
  Note note;
  note.id = NoteId(20);
  note.stage = StageId(1);
  note.lane = LaneId(10);
  board.notes = {note};

  Board after = board;
  ApplyDiff(after, SetStageReached(board, StageId(1), 1250.0));
  CHECK(after.stages[0].reached == 1250.0);
  Board negative = board;
  ApplyDiff(negative, SetStageReached(board, StageId(1), -3.0));
  CHECK(negative.stages[0].reached == 0.0);
  Board cleared = after;
  ApplyDiff(cleared, SetStageReached(after, StageId(1), std::nullopt));
  CHECK_FALSE(cleared.stages[0].reached);

  Board scored = board;
  ApplyDiff(scored, SetNoteOpportunity(board, NoteId(20), Opportunity{150.f, 40.f, 0}));
  REQUIRE(scored.notes[0].opportunity);
  CHECK(*scored.notes[0].opportunity == Opportunity{100.f, 40.f, 1});
  Board unscored = scored;
  ApplyDiff(unscored, SetNoteOpportunity(scored, NoteId(20), std::nullopt));
  CHECK_FALSE(unscored.notes[0].opportunity);
}

TEST_CASE("Opportunities rank by (customer value + business value) / effort, ties in stage order") {
  Board board = FunnelBoard({std::nullopt, std::nullopt});
  board.lanes = {{LaneId(10), "Solutions", LaneKind::Solutions}, {LaneId(11), "Pains", LaneKind::Pains}};
  auto add = [&](uint64_t id, StageId stage, LaneId lane, std::optional<Opportunity> opportunity) {
    Note note;
    note.id = NoteId(id);
    note.stage = stage;
    note.lane = lane;
    note.opportunity = opportunity;
    board.notes.push_back(note);
  };
  add(20, StageId(2), LaneId(10), Opportunity{80, 60, 2});   // 70
  add(21, StageId(1), LaneId(10), Opportunity{30, 20, 1});   // 50
  add(22, StageId(2), LaneId(10), Opportunity{100, 100, 5});  // 40
  add(23, StageId(1), LaneId(10), Opportunity{90, 50, 2});   // 70, earlier stage: first
  add(24, StageId(1), LaneId(10), std::nullopt);             // not scored: left out
  add(25, StageId(1), LaneId(11), Opportunity{100, 100, 1});  // not a solution: left out
  const std::vector<RankedOpportunity> ranked = RankOpportunities(board);
  REQUIRE(ranked.size() == 4);
  CHECK(ranked[0].note == NoteId(23));
  CHECK(ranked[1].note == NoteId(20));
  CHECK(ranked[2].note == NoteId(21));
  CHECK(ranked[3].note == NoteId(22));
  CHECK(ranked[0].priority == doctest::Approx(70.f));
  CHECK(ranked[3].priority == doctest::Approx(40.f));
}

namespace {

ReachedEntry ParsedReached(std::string_view text) {
  ReachedEntry entry;
  std::string error;
  REQUIRE_MESSAGE(ParseReached(text, &entry, &error), text);
  return entry;
}

std::string RefusedReached(std::string_view text) {
  ReachedEntry entry;
  std::string error;
  CHECK_FALSE_MESSAGE(ParseReached(text, &entry, &error), text);
  return error;
}

}  // namespace

TEST_CASE("A typed reached count: counts with any thousands separator, percentages, nothing") {
  using Kind = ReachedEntry::Kind;
  for (const char* text : {"1200", "1 200", "1,200", " 1200 ", "1\u00a0200", "1\u202f200", "1200.0", "1.200,0"}) {
    const ReachedEntry entry = ParsedReached(text);
    CHECK_MESSAGE(entry.kind == Kind::Count, text);
    CHECK_MESSAGE(entry.value == doctest::Approx(1200), text);
  }
  CHECK(ParsedReached("1,234,567").value == doctest::Approx(1234567));
  CHECK(ParsedReached("1.234.567").value == doctest::Approx(1234567));
  CHECK(ParsedReached("1,200.5").value == doctest::Approx(1200.5));
  CHECK(ParsedReached("12,5").value == doctest::Approx(12.5));  // a decimal comma: not three digits after it
  CHECK(ParsedReached("0").value == 0);
  CHECK(ParsedReached("-0").value == 0);
  for (const char* text : {"45%", "45 %", " 45% ", "45\u00a0%"}) {
    const ReachedEntry entry = ParsedReached(text);
    CHECK_MESSAGE(entry.kind == Kind::Percent, text);
    CHECK_MESSAGE(entry.value == doctest::Approx(45), text);
  }
  CHECK(ParsedReached("12,5%").value == doctest::Approx(12.5));
  CHECK(ParsedReached("150%").value == doctest::Approx(150));  // more than the first stage: allowed
  CHECK(ParsedReached("").kind == Kind::Clear);
  CHECK(ParsedReached("   ").kind == Kind::Clear);
}

TEST_CASE("A typed reached count that is not one is refused with one sentence") {
  for (const char* text : {"abc", "12abc", "%", "1 2 3 x", "1..2", ".5", "1,2,3", "45%%", "1e5", "nan", "inf", "0x10",
                           "1 200 %%", "12 000 000 000 000"}) {
    const std::string error = RefusedReached(text);
    CHECK_MESSAGE(!error.empty(), text);
    CHECK_MESSAGE(error.back() == '.', text);
    CHECK_MESSAGE(error.find('\n') == std::string::npos, text);
  }
  CHECK(RefusedReached("-5") == "A number of customers cannot be negative.");
  CHECK(RefusedReached("\u2212" "5%") == "A number of customers cannot be negative.");
  CHECK(RefusedReached("1 200 people").find("1200") != std::string::npos);  // the sentence shows what to type
}

TEST_CASE("A percentage is of the first measured stage, and with none the first stage becomes 100 in the same step") {
  Board board = FunnelBoard({std::nullopt, std::nullopt, std::nullopt});
  std::vector<ReachedChange> changes;
  std::string error;
  REQUIRE(ResolveReached(board, StageId(3), ReachedEntry{ReachedEntry::Kind::Percent, 45}, &changes, &error));
  REQUIRE(changes.size() == 2);
  CHECK(changes[0].stage == StageId(1));
  CHECK(changes[0].reached == 100.0);
  CHECK(changes[1].stage == StageId(3));
  CHECK(changes[1].reached == 45.0);
  // The first stage itself has nothing to be a percentage of.
  CHECK_FALSE(ResolveReached(board, StageId(1), ReachedEntry{ReachedEntry::Kind::Percent, 45}, &changes, &error));
  CHECK(error.back() == '.');

  board.stages[1].reached = 2000;  // the first measured stage is the base, wherever it is
  REQUIRE(ResolveReached(board, StageId(3), ReachedEntry{ReachedEntry::Kind::Percent, 45}, &changes, &error));
  REQUIRE(changes.size() == 1);
  CHECK(changes[0].reached == doctest::Approx(900));
  REQUIRE(ResolveReached(board, StageId(1), ReachedEntry{ReachedEntry::Kind::Percent, 150}, &changes, &error));
  CHECK(changes[0].reached == doctest::Approx(3000));
  // Re-typing the base stage's own percentage is of the next measured stage, never of itself.
  board.stages[2].reached = 500;
  REQUIRE(ResolveReached(board, StageId(2), ReachedEntry{ReachedEntry::Kind::Percent, 50}, &changes, &error));
  CHECK(changes[0].reached == doctest::Approx(250));

  REQUIRE(ResolveReached(board, StageId(2), ReachedEntry{}, &changes, &error));  // clear
  REQUIRE(changes.size() == 1);
  CHECK_FALSE(changes[0].reached);
  REQUIRE(ResolveReached(board, StageId(2), ReachedEntry{ReachedEntry::Kind::Count, 1200}, &changes, &error));
  CHECK(changes[0].reached == 1200.0);
  CHECK_FALSE(ResolveReached(board, StageId(99), ReachedEntry{}, &changes, &error));

  Board nobody = FunnelBoard({0, std::nullopt});
  CHECK_FALSE(ResolveReached(nobody, StageId(2), ReachedEntry{ReachedEntry::Kind::Percent, 45}, &changes, &error));
  CHECK(error.back() == '.');
}

TEST_CASE("The strip's figures in the board's language") {
  CHECK(FormatReachedCount(10000, "en") == "10,000");
  CHECK(FormatReachedCount(10000, "ru") == "10\u00a0000");
  CHECK(FormatReachedCount(1234567.4, "en") == "1,234,567");
  CHECK(FormatReachedCount(950, "en") == "950");
  CHECK(FormatReachedCount(0, "ru") == "0");
  CHECK(FormatFunnelPercent(31, "en") == "31 %");
  CHECK(FormatFunnelPercent(-62, "en") == "\u2212" "62 %");
  CHECK(FormatFunnelPercent(12, "en", true) == "+12 %");
  CHECK(FormatFunnelPercent(4.5, "en") == "4.5 %");
  CHECK(FormatFunnelPercent(4.5, "ru") == "4,5 %");
  CHECK(FormatFunnelPercent(61.99, "en") == "62 %");
  CHECK(FormatFunnelPercent(0, "en", true) == "0 %");
}

TEST_CASE("The funnel strip: only with a measured stage, bars on one scale, the lanes pushed down by its height") {
  Board board = MakeBoard(Template::Sample);
  const Layout before = ComputeLayout(board);
  CHECK_FALSE(before.funnel.Shown());
  CHECK(before.laneY.front() == kMetrics.headerHeight);  // as ever: no strip, no change

  const double reached[] = {10000, 6200, 3100, 1178, 950};
  for (size_t s = 0; s < board.stages.size() && s < 5; ++s) board.stages[s].reached = reached[s];
  board.stages[2].reached.reset();  // one not measured
  const Layout layout = ComputeLayout(board);
  REQUIRE(layout.funnel.Shown());
  CHECK(layout.funnel.rect.y0 == kMetrics.headerHeight);
  CHECK(layout.funnel.rect.Height() == kMetrics.funnelHeight);
  CHECK(layout.laneY.front() == kMetrics.headerHeight + kMetrics.funnelHeight);
  CHECK(layout.StageHeader(0).y1 == kMetrics.headerHeight);  // the header keeps its height
  for (size_t l = 0; l < layout.laneY.size(); ++l)
    CHECK(layout.laneY[l] == doctest::Approx(before.laneY[l] + kMetrics.funnelHeight));
  for (size_t i = 0; i < layout.notes.size(); ++i)
    if (layout.notes[i].stage >= 0) CHECK(layout.notes[i].rect.y0 == doctest::Approx(before.notes[i].rect.y0 + kMetrics.funnelHeight));

  REQUIRE(layout.funnel.columns.size() == board.stages.size());
  const FunnelColumn& first = layout.funnel.columns[0];
  const float full = first.track.Width();
  CHECK(first.bar.Width() == doctest::Approx(full));
  CHECK(layout.funnel.columns[1].bar.Width() == doctest::Approx(full * 0.62f));
  CHECK(layout.funnel.columns[2].bar.Width() == 0);  // not measured: no bar, no drop
  CHECK(layout.funnel.columns[2].drop.Width() == 0);
  for (const FunnelColumn& column : layout.funnel.columns) {
    CHECK(column.track.Width() == doctest::Approx(full));  // one scale for every stage
    CHECK(column.column.x0 <= column.track.x0);
    CHECK(column.drop.x1 <= column.column.x1);
    CHECK(column.bar.y0 >= layout.funnel.rect.y0);
    CHECK(column.bar.y1 <= layout.funnel.rect.y1);
  }
  // 6200 → 1178 (across the unmeasured stage) is the biggest drop: 81 %.
  CHECK(layout.funnel.columns[1].biggest);
  CHECK(layout.funnel.columns[1].drop.Width() > 0);
  CHECK_FALSE(layout.funnel.columns[0].biggest);

  // A hidden stage stays its thin strip: no column in the funnel.
  board.stages[4].hidden = true;
  const Layout hidden = ComputeLayout(board);
  CHECK(hidden.funnel.columns.size() == board.stages.size() - 1);
  // Nothing measured on view: no strip.
  for (Stage& stage : board.stages) stage.reached.reset();
  board.stages[4].reached = 10;
  CHECK_FALSE(ComputeLayout(board).funnel.Shown());
}

TEST_CASE("The funnel strip lists each stage's touchpoint conversions, lowest first") {
  Board board = MakeBoard(Template::Sample);
  board.stages[0].reached = 100;
  int count = 0;
  for (Note& note : board.notes)
    if (note.stage == board.stages[0].id) {
      note.metrics.conversion = float(50 - 10 * count);
      ++count;
    }
  REQUIRE(count >= 2);
  const Layout layout = ComputeLayout(board);
  const std::vector<float>& conversions = layout.funnel.columns[0].conversions;
  REQUIRE(conversions.size() == size_t(count));
  CHECK(std::is_sorted(conversions.begin(), conversions.end()));
  CHECK(conversions.front() == doctest::Approx(50 - 10 * (count - 1)));
}
