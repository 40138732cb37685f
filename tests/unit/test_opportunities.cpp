// The Opportunities view's arithmetic (core/insights/insights.h): where a solution sits on the
// value × effort matrix, what a drag on it makes of the scores, and which solutions wait for one.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>

#include "core/insights/insights.h"

using namespace jb;

TEST_CASE("A solution's value on the matrix is the mean of its customer and business values") {
  CHECK(OpportunityValue(Opportunity{80, 60, 2}) == doctest::Approx(70.f));
  CHECK(OpportunityValue(Opportunity{70, 40.5f, 1}) == doctest::Approx(55.25f));
  CHECK(OpportunityValue(Opportunity{}) == doctest::Approx(50.f));
}

TEST_CASE("A drag on the matrix snaps the effort to 1..5") {
  const Opportunity start{50, 50, 3};
  CHECK(RescoreOpportunity(start, 1.2f, 50).effort == 1);
  CHECK(RescoreOpportunity(start, 1.6f, 50).effort == 2);
  CHECK(RescoreOpportunity(start, 4.4f, 50).effort == 4);
  CHECK(RescoreOpportunity(start, -7.f, 50).effort == 1);  // past the left edge
  CHECK(RescoreOpportunity(start, 12.f, 50).effort == 5);  // past the right edge
  // Sideways only: the values stay exactly as they were, fractions included.
  const Opportunity fractional{70, 40.5f, 1};
  CHECK(RescoreOpportunity(fractional, 3.1f, OpportunityValue(fractional) + 0.2f) == Opportunity{70, 40.5f, 3});
}

TEST_CASE("A drag up or down moves both values by the same amount, keeping their balance") {
  const Opportunity start{80, 60, 2};  // value 70
  CHECK(RescoreOpportunity(start, 2, 80) == Opportunity{90, 70, 2});
  CHECK(RescoreOpportunity(start, 2, 40) == Opportunity{50, 30, 2});
  CHECK(RescoreOpportunity(start, 2, 74.6f) == Opportunity{85, 65, 2});  // a whole-number value
  const Opportunity businessFirst{20, 60, 4};  // value 40
  CHECK(RescoreOpportunity(businessFirst, 4, 50) == Opportunity{30, 70, 4});
}

TEST_CASE("At a limit the other value takes the rest, so the dot follows the pointer over the whole scale") {
  const Opportunity start{80, 60, 2};  // value 70
  // Up to 95: customer stops at 100, business goes to 90 (mean 95).
  CHECK(RescoreOpportunity(start, 2, 95) == Opportunity{100, 90, 2});
  CHECK(RescoreOpportunity(start, 2, 100) == Opportunity{100, 100, 2});
  CHECK(RescoreOpportunity(start, 2, 180) == Opportunity{100, 100, 2});  // past the top
  // Down to 5: business stops at 0, customer goes to 10.
  CHECK(RescoreOpportunity(start, 2, 5) == Opportunity{10, 0, 2});
  CHECK(RescoreOpportunity(start, 2, -40) == Opportunity{0, 0, 2});
  for (float value = 0; value <= 100; value += 1) {
    const Opportunity moved = RescoreOpportunity(Opportunity{0, 100, 3}, 3, value);
    CHECK(OpportunityValue(moved) == doctest::Approx(value));
    CHECK(moved.customerValue >= 0);
    CHECK(moved.businessValue <= 100);
  }
}

TEST_CASE("A drag with no finite position keeps the score") {
  const Opportunity start{80, 60, 2};
  const float nan = std::numeric_limits<float>::quiet_NaN();
  const float inf = std::numeric_limits<float>::infinity();
  CHECK(RescoreOpportunity(start, nan, nan) == start);
  CHECK(RescoreOpportunity(start, inf, 70) == start);
  CHECK(RescoreOpportunity(start, 4, -inf) == Opportunity{80, 60, 4});
}

TEST_CASE("Unscored solutions: notes of Solutions lanes with no opportunity, in stage order") {
  Board board;
  board.stages = {{StageId(1), "Aware"}, {StageId(2), "Buy"}};
  board.lanes = {{LaneId(10), "Solutions", LaneKind::Solutions}, {LaneId(11), "Pains", LaneKind::Pains}};
  auto add = [&](uint64_t id, StageId stage, LaneId lane, std::optional<Opportunity> opportunity) {
    Note note;
    note.id = NoteId(id);
    note.stage = stage;
    note.lane = lane;
    note.opportunity = opportunity;
    board.notes.push_back(note);
  };
  add(20, StageId(2), LaneId(10), std::nullopt);
  add(21, StageId(1), LaneId(10), Opportunity{});   // scored: on the matrix instead
  add(22, StageId(1), LaneId(10), std::nullopt);
  add(23, StageId(1), LaneId(11), std::nullopt);    // a pain: not a solution
  Note free;
  free.id = NoteId(24);
  board.notes.push_back(free);                     // a free note: in no lane
  const std::vector<NoteId> unscored = UnscoredSolutions(board);
  REQUIRE(unscored.size() == 2);
  CHECK(unscored[0] == NoteId(22));
  CHECK(unscored[1] == NoteId(20));
  CHECK(RankOpportunities(board).size() == 1);
}
