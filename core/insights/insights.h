// What the map says back: its pains ranked, and the checks that find what a workshop left
// unfinished (a pain nobody answered, a task nobody owns). Pure functions over a Board: they
// return kinds and ids; the app words them in the interface's language.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/model.h"

namespace jb {

// A pain note (a note in a Pains-kind lane) and its score: votes × severity, where severity 0
// (not rated) counts as 1 so votes alone still rank the pains nobody rated.
struct RankedPain {
  NoteId note;
  StageId stage;
  int score = 0;
};

// Every pain note of the board, highest score first; ties in stage order, then lane order, then
// the notes' order in their cell. Notes in hidden stages or lanes count (they are kept).
std::vector<RankedPain> RankPains(const Board& board);

// A scored solution (a note in a Solutions-kind lane with an opportunity) and its priority:
// (customer value + business value) / effort, so 0..200.
struct RankedOpportunity {
  NoteId note;
  StageId stage;
  float priority = 0;
};

// Every scored solution, highest priority first; ties in stage order, then lane order, then cell
// order. Solutions nobody scored are not in it (the Opportunities view lists them apart).
std::vector<RankedOpportunity> RankOpportunities(const Board& board);
float OpportunityPriority(const Opportunity& opportunity);
// Solutions nobody scored yet (notes in Solutions-kind lanes without an opportunity), in stage,
// lane, cell order.
std::vector<NoteId> UnscoredSolutions(const Board& board);
// Where a solution sits on the value × effort matrix: its value is the mean of the two, 0..100.
float OpportunityValue(const Opportunity& opportunity);
// A solution dragged on the matrix to (effort, value), both continuous (where the pointer is):
// effort snaps to the nearest of 1..5; value (clamped to 0..100, rounded to a whole number)
// moves both values by the same amount, so the team's customer/business balance is kept, until
// one of them reaches 0 or 100; the other then takes the rest, so the dot follows the pointer
// over the whole scale. A value that rounds to the start's keeps both values as they were (a
// sideways drag changes only the effort); non-finite input keeps the start.
Opportunity RescoreOpportunity(const Opportunity& start, float effort, float value);

enum class CheckKind {
  PainWithoutSolution,     // a pain linked (an arrow bound at both ends) to no Solutions-lane note
  SolutionWithoutAction,   // a solution linked to no Actions-lane note
  ActionWithoutOwner,      // an action item whose owner is empty
  ActionWithoutDue,        // an action item with no due date (or not a real YYYY-MM-DD date)
  ActionOverdue,           // an action item due before today
  ActionVague,             // an action item whose text is not a concrete task (IsVagueAction)
  StageWithoutTouchpoint,  // a stage with no note in any Touchpoints-kind lane
  LowPointWithoutPain,     // an emotion point at -0.5 or below in a stage with no pain note
};
inline constexpr int kCheckKindCount = 8;
// The kind's name in the layout dump: "painWithoutSolution", ...
const char* CheckKindName(CheckKind kind);

// One finding: a note's (the note kinds), a stage's (StageWithoutTouchpoint) or a curve point's
// (LowPointWithoutPain: `curve` and `point`, an index into its points; `stage` is the point's).
// `stage` is always set: the note's cell stage, for the list's "where".
struct CheckEntry {
  CheckKind kind = CheckKind::PainWithoutSolution;
  NoteId note;
  StageId stage;
  CurveId curve;
  size_t point = 0;
};

// The board's checks, grouped by kind in CheckKind order; within a kind, in stage order, then lane
// order, then cell order (curve points: in curve order, then point order). `todayIso` (YYYY-MM-DD)
// decides what is overdue; empty or malformed, nothing is. Free notes are in no lane: no checks.
std::vector<CheckEntry> MapChecks(const Board& board, const std::string& todayIso);

// Whether an action item's text wishes rather than tasks: its first word is a vague verb
// ("improve", "optimise", "улучшить", "повысить"...) and every other word is a filler ("the",
// "our", "для") or a vague noun ("experience", "process", "сайт", "опыт"), so it names no object
// anyone could act on. "Improve the site" is vague; "Improve the site's search to find by SKU" is
// not. Case-insensitive in any script; the word lists are core/insights/vague_words.h.
bool IsVagueAction(std::string_view text);

}  // namespace jb
