// The stage funnel's arithmetic (core/model/funnel.h), the ranking of scored solutions
// (core/insights/insights.h) and the two commands that set what they read.
#include <doctest/doctest.h>

#include <cmath>

#include "core/edit/journey_commands.h"
#include "core/insights/insights.h"
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
