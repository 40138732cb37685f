#include "core/insights/insights.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <iterator>
#include <tuple>
#include <unordered_set>

#include "core/insights/vague_words.h"
#include "core/layout/search.h"
#include "core/model/limits.h"
#include "core/model/links.h"

namespace jb {

namespace {

// The notes of the cells whose lane is of `kind`, as board indices in stage, lane, cell order.
std::vector<size_t> NotesOfKind(const Board& board, LaneKind kind) {
  std::vector<std::tuple<int, int, size_t>> keyed;
  for (size_t i = 0; i < board.notes.size(); ++i) {
    const Note& note = board.notes[i];
    if (note.IsFree()) continue;
    const Lane* lane = board.FindLane(note.lane);
    const int stage = board.StageIndex(note.stage);
    if (!lane || lane->kind != kind || stage < 0) continue;
    keyed.emplace_back(stage, board.LaneIndex(note.lane), i);
  }
  std::sort(keyed.begin(), keyed.end());
  std::vector<size_t> out;
  out.reserve(keyed.size());
  for (const auto& k : keyed) out.push_back(std::get<2>(k));
  return out;
}

// The notes linked (NoteLinks' rule) to at least one note in a lane of `kind`, from one pass over
// the board's links: asking NoteLinks per note would scan every arrow for every note, which the
// live Map checks panel cannot afford on a large board.
std::unordered_set<uint64_t> LinkedToKind(const Board& board, LaneKind kind) {
  auto ofKind = [&](const Note* note) {
    const Lane* lane = note->IsFree() ? nullptr : board.FindLane(note->lane);
    return lane && lane->kind == kind;
  };
  std::unordered_set<uint64_t> linked;
  for (const BoardLink& link : BoardLinks(board)) {
    if (ofKind(link.to)) linked.insert(link.from->id.value);
    if (ofKind(link.from)) linked.insert(link.to->id.value);
  }
  return linked;
}

bool IsBlank(const std::string& text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

// A word list folded like the texts it is compared with.
std::unordered_set<std::string> FoldedSet(const char* const* words, size_t count) {
  std::unordered_set<std::string> set;
  for (size_t i = 0; i < count; ++i) set.insert(FoldForSearch(words[i]));
  return set;
}

// The folded text's words: runs of anything but spaces and punctuation (a digit is a word char,
// so "15th" stays one word and names something).
std::vector<std::string> Words(const std::string& folded) {
  std::vector<std::string> words;
  std::string word;
  for (char c : folded) {
    const auto u = static_cast<unsigned char>(c);
    const bool separator = u < 0x80 && !(std::isalnum(u) || c == '\'' || c == '-');
    if (separator) {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    } else {
      word += c;
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

}  // namespace

const char* CheckKindName(CheckKind kind) {
  switch (kind) {
    case CheckKind::PainWithoutSolution: return "painWithoutSolution";
    case CheckKind::SolutionWithoutAction: return "solutionWithoutAction";
    case CheckKind::ActionWithoutOwner: return "actionWithoutOwner";
    case CheckKind::ActionWithoutDue: return "actionWithoutDue";
    case CheckKind::ActionOverdue: return "actionOverdue";
    case CheckKind::ActionVague: return "actionVague";
    case CheckKind::StageWithoutTouchpoint: return "stageWithoutTouchpoint";
    case CheckKind::LowPointWithoutPain: return "lowPointWithoutPain";
  }
  return "";
}

std::vector<RankedPain> RankPains(const Board& board) {
  std::vector<RankedPain> ranked;
  for (size_t i : NotesOfKind(board, LaneKind::Pains)) {
    const Note& note = board.notes[i];
    ranked.push_back({note.id, note.stage, std::max(note.votes, 0) * std::max(note.severity, 1)});
  }
  // Stable: equal scores keep the stage, lane, cell order NotesOfKind gave.
  std::stable_sort(ranked.begin(), ranked.end(), [](const RankedPain& a, const RankedPain& b) { return a.score > b.score; });
  return ranked;
}

float OpportunityPriority(const Opportunity& opportunity) {
  return (opportunity.customerValue + opportunity.businessValue) / float(std::max(opportunity.effort, 1));
}

std::vector<RankedOpportunity> RankOpportunities(const Board& board) {
  std::vector<RankedOpportunity> ranked;
  for (size_t i : NotesOfKind(board, LaneKind::Solutions)) {
    const Note& note = board.notes[i];
    if (note.opportunity) ranked.push_back({note.id, note.stage, OpportunityPriority(*note.opportunity)});
  }
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const RankedOpportunity& a, const RankedOpportunity& b) { return a.priority > b.priority; });
  return ranked;
}

std::vector<NoteId> UnscoredSolutions(const Board& board) {
  std::vector<NoteId> unscored;
  for (size_t i : NotesOfKind(board, LaneKind::Solutions))
    if (!board.notes[i].opportunity) unscored.push_back(board.notes[i].id);
  return unscored;
}

float OpportunityValue(const Opportunity& opportunity) {
  return (opportunity.customerValue + opportunity.businessValue) / 2;
}

Opportunity RescoreOpportunity(const Opportunity& start, float effort, float value) {
  Opportunity moved = start;
  if (std::isfinite(effort))
    moved.effort = int(std::lround(std::clamp(effort, float(kMinEffort), float(kMaxEffort))));
  if (!std::isfinite(value)) return moved;
  const float target = std::round(std::clamp(value, 0.0f, kMaxOpportunityValue));
  // A sideways drag keeps the values exact (55.25 stays 55.25, not 55).
  if (target == std::round(OpportunityValue(start))) return moved;
  const float shift = target - OpportunityValue(start);
  float low = std::min(start.customerValue, start.businessValue) + shift;
  float high = std::max(start.customerValue, start.businessValue) + shift;
  // The mean must stay `target`: what one value cannot take past a limit, the other does.
  if (high > kMaxOpportunityValue) {
    high = kMaxOpportunityValue;
    low = 2 * target - kMaxOpportunityValue;
  } else if (low < 0) {
    low = 0;
    high = 2 * target;
  }
  const bool customerLow = start.customerValue <= start.businessValue;
  moved.customerValue = std::clamp(customerLow ? low : high, 0.0f, kMaxOpportunityValue);
  moved.businessValue = std::clamp(customerLow ? high : low, 0.0f, kMaxOpportunityValue);
  return moved;
}

bool IsVagueAction(std::string_view text) {
  static const auto verbs = FoldedSet(vague::kVerbs, std::size(vague::kVerbs));
  static const auto objects = FoldedSet(vague::kObjects, std::size(vague::kObjects));
  static const auto fillers = FoldedSet(vague::kFillers, std::size(vague::kFillers));
  const std::vector<std::string> words = Words(FoldForSearch(text));
  if (words.empty() || !verbs.count(words[0])) return false;
  return std::all_of(words.begin() + 1, words.end(),
                     [](const std::string& w) { return objects.count(w) || fillers.count(w) || verbs.count(w); });
}

std::vector<CheckEntry> MapChecks(const Board& board, const std::string& todayIso) {
  std::vector<CheckEntry> entries;
  const std::vector<size_t> pains = NotesOfKind(board, LaneKind::Pains);
  const std::vector<size_t> solutions = NotesOfKind(board, LaneKind::Solutions);
  const std::vector<size_t> actions = NotesOfKind(board, LaneKind::Actions);
  const std::vector<size_t> touchpoints = NotesOfKind(board, LaneKind::Touchpoints);
  auto add = [&](CheckKind kind, const Note& note) { entries.push_back({kind, note.id, note.stage, {}, 0}); };

  const std::unordered_set<uint64_t> answered = LinkedToKind(board, LaneKind::Solutions);
  const std::unordered_set<uint64_t> tasked = LinkedToKind(board, LaneKind::Actions);
  for (size_t i : pains)
    if (!answered.count(board.notes[i].id.value)) add(CheckKind::PainWithoutSolution, board.notes[i]);
  for (size_t i : solutions)
    if (!tasked.count(board.notes[i].id.value)) add(CheckKind::SolutionWithoutAction, board.notes[i]);
  for (size_t i : actions)
    if (IsBlank(board.notes[i].owner)) add(CheckKind::ActionWithoutOwner, board.notes[i]);
  for (size_t i : actions)
    if (!IsIsoDate(board.notes[i].due)) add(CheckKind::ActionWithoutDue, board.notes[i]);
  for (size_t i : actions)
    if (IsOverdue(board.notes[i], todayIso)) add(CheckKind::ActionOverdue, board.notes[i]);
  for (size_t i : actions)
    if (IsVagueAction(board.notes[i].text)) add(CheckKind::ActionVague, board.notes[i]);

  auto stageHas = [&](const std::vector<size_t>& notes, StageId stage) {
    return std::any_of(notes.begin(), notes.end(), [&](size_t i) { return board.notes[i].stage == stage; });
  };
  for (const Stage& stage : board.stages)
    if (!stageHas(touchpoints, stage.id)) entries.push_back({CheckKind::StageWithoutTouchpoint, {}, stage.id, {}, 0});
  constexpr float kLowPoint = -0.5f;
  for (const EmotionCurve& curve : board.curves)
    for (size_t p = 0; p < curve.points.size(); ++p) {
      const CurvePoint& point = curve.points[p];
      if (point.value <= kLowPoint && board.StageIndex(point.stage) >= 0 && !stageHas(pains, point.stage))
        entries.push_back({CheckKind::LowPointWithoutPain, {}, point.stage, curve.id, p});
    }
  return entries;
}

}  // namespace jb
