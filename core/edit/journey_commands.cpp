#include "core/edit/journey_commands.h"
#include "core/edit/edit_helpers.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "core/model/sanitize.h"

namespace jb {

// Index:
//  [SECTION] Helpers
//  [SECTION] Curve points
//  [SECTION] Curves
//  [SECTION] Personas
//  [SECTION] Note details
//  [SECTION] Votes
//  [SECTION] Workshop: hide, reveal and cover
//  [SECTION] Queries

namespace {

using edit_helpers::UpdateNotes;

// [SECTION] Helpers


template <class T, class IdT>
int IndexOf(const std::vector<T>& items, IdT id) {
  if (!id) return -1;
  for (size_t i = 0; i < items.size(); ++i)
    if (items[i].id == id) return int(i);
  return -1;
}

// Records the change to the record with `id` as an update, or nothing when it changes nothing.
template <class T, class IdT, class Change>
BoardDiff UpdateOne(const Board& board, const std::vector<T>& items, RecordDiff<T, IdT> BoardDiff::*records, IdT id,
                    Change change) {
  BoardDiff diff = NewDiff(board);
  const int at = IndexOf(items, id);
  if (at < 0) return diff;
  const T& before = items[size_t(at)];
  T after = before;
  change(after);
  if (!(after == before)) (diff.*records).updated.push_back({before, std::move(after)});
  return diff;
}

// Sorts points by (stage order, t), stably; points in a stage that is gone (only in a board that
// was not repaired) go last. `tracked` (optional) is an index before the sort, updated to after.
void SortPoints(const Board& board, std::vector<CurvePoint>& points, int* tracked = nullptr) {
  std::unordered_map<uint64_t, int> stageOrder;
  for (size_t i = 0; i < board.stages.size(); ++i) stageOrder.emplace(board.stages[i].id.value, int(i));
  std::vector<std::pair<int, float>> keys;
  keys.reserve(points.size());
  for (const CurvePoint& p : points) {
    const auto it = stageOrder.find(p.stage.value);
    keys.emplace_back(it == stageOrder.end() ? INT_MAX : it->second, p.t);
  }
  std::vector<int> order(points.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&keys](int a, int b) { return keys[size_t(a)] < keys[size_t(b)]; });
  const int from = tracked ? *tracked : -1;
  std::vector<CurvePoint> sorted;
  sorted.reserve(points.size());
  for (size_t k = 0; k < order.size(); ++k) {
    sorted.push_back(std::move(points[size_t(order[k])]));
    if (order[k] == from) *tracked = int(k);
  }
  points = std::move(sorted);
}

// Clamps a point's position onto the board's scale; false for NaN, which has no place.
bool ClampPoint(float* t, float* value) {
  if (std::isnan(*t) || std::isnan(*value)) return false;
  *t = std::clamp(*t, 0.0f, 1.0f);
  *value = std::clamp(*value, -1.0f, 1.0f);
  return true;
}

// The curve with its points edited by `edit` (which returns false to refuse) and sorted again.
// `tracked` follows one point's index through the sort.
template <class Edit>
BoardDiff EditPoints(const Board& board, CurveId id, int* tracked, Edit edit) {
  BoardDiff diff = NewDiff(board);
  const int at = IndexOf(board.curves, id);
  if (at < 0) return diff;
  const EmotionCurve& before = board.curves[size_t(at)];
  EmotionCurve after = before;
  if (!edit(after.points)) return diff;
  SortPoints(board, after.points, tracked);
  diff.curves.updated.push_back({before, std::move(after)});
  return diff;
}

// `note` as loading would leave it (votes, scores and severity in range, texts not over-long),
// so an edit never makes a board that a save and load would change: the same ClampNoteValues
// RepairBoard runs. Its id, stage and lane are the board's own, so only values change.
Note RepairedNote(Note note) {
  SanitizeCounts ignored;
  ClampNoteValues(note, &ignored);
  return note;
}

bool ValidPoint(const EmotionCurve* curve, int index) {
  return curve && index >= 0 && index < int(curve->points.size());
}

}  // namespace

// [SECTION] Curve points

BoardDiff AddCurvePoint(const Board& board, CurveId curve, CurvePoint point, int* index) {
  if (index) *index = -1;
  const EmotionCurve* found = board.FindCurve(curve);
  if (!found || !board.FindStage(point.stage) || !ClampPoint(&point.t, &point.value)) return NewDiff(board);
  // Appended, then sorted stably: the new point lands after any point with the same place.
  int at = int(found->points.size());
  BoardDiff diff = EditPoints(board, curve, &at, [&point](std::vector<CurvePoint>& points) {
    points.push_back(std::move(point));
    return true;
  });
  if (index && !diff.Empty()) *index = at;
  return diff;
}

BoardDiff MoveCurvePoint(const Board& board, CurveId curve, int index, StageId stage, float t, float value,
                         int* newIndex) {
  const EmotionCurve* found = board.FindCurve(curve);
  if (newIndex) *newIndex = ValidPoint(found, index) ? index : -1;
  if (!ValidPoint(found, index) || !board.FindStage(stage) || !ClampPoint(&t, &value)) return NewDiff(board);
  const CurvePoint& old = found->points[size_t(index)];
  // Unchanged: nothing, even when the curve is out of order (an empty drag must not record).
  if (old.stage == stage && old.t == t && old.value == value) return NewDiff(board);
  int at = index;
  BoardDiff diff = EditPoints(board, curve, &at, [&](std::vector<CurvePoint>& points) {
    CurvePoint& p = points[size_t(index)];
    p.stage = stage;
    p.t = t;
    p.value = value;
    return true;
  });
  if (newIndex) *newIndex = at;
  return diff;
}

BoardDiff DeleteCurvePoint(const Board& board, CurveId curve, int index) {
  if (!ValidPoint(board.FindCurve(curve), index)) return NewDiff(board);
  return EditPoints(board, curve, nullptr, [index](std::vector<CurvePoint>& points) {
    points.erase(points.begin() + index);
    return true;
  });
}

BoardDiff SetCurvePointLabel(const Board& board, CurveId curve, int index, std::string label) {
  const EmotionCurve* found = board.FindCurve(curve);
  if (!ValidPoint(found, index) || found->points[size_t(index)].label == label) return NewDiff(board);
  return EditPoints(board, curve, nullptr, [&](std::vector<CurvePoint>& points) {
    points[size_t(index)].label = std::move(label);
    return true;
  });
}

float SnapEmotion(float value) {
  if (std::isnan(value)) return 0;
  return std::clamp(std::round(value * 2) / 2, -1.0f, 1.0f);
}

// [SECTION] Curves

BoardDiff AddCurve(const Board& board, PersonaId persona, std::string name, Rgb color, bool toBe, CurveId* id) {
  if (id) *id = CurveId();
  if (persona && !board.FindPersona(persona)) return NewDiff(board);
  BoardDiff diff = NewDiff(board, 1);
  EmotionCurve curve;
  curve.id = CurveId(board.nextId);
  curve.persona = persona;
  curve.name = std::move(name);
  curve.color = color;
  curve.toBe = toBe;
  if (id) *id = curve.id;
  diff.curves.added.push_back({std::move(curve), int(board.curves.size())});
  return diff;
}

BoardDiff DeleteCurve(const Board& board, CurveId id) {
  BoardDiff diff = NewDiff(board);
  const int at = IndexOf(board.curves, id);
  if (at >= 0) diff.curves.removed.push_back({board.curves[size_t(at)], at});
  return diff;
}

BoardDiff SetCurveName(const Board& board, CurveId id, std::string name) {
  return UpdateOne(board, board.curves, &BoardDiff::curves, id, [&name](EmotionCurve& c) { c.name = std::move(name); });
}

BoardDiff SetCurveColor(const Board& board, CurveId id, Rgb color) {
  return UpdateOne(board, board.curves, &BoardDiff::curves, id, [color](EmotionCurve& c) { c.color = color; });
}

BoardDiff SetCurveToBe(const Board& board, CurveId id, bool toBe) {
  return UpdateOne(board, board.curves, &BoardDiff::curves, id, [toBe](EmotionCurve& c) { c.toBe = toBe; });
}

BoardDiff SetCurvePersona(const Board& board, CurveId id, PersonaId persona) {
  if (persona && !board.FindPersona(persona)) return NewDiff(board);
  return UpdateOne(board, board.curves, &BoardDiff::curves, id, [persona](EmotionCurve& c) { c.persona = persona; });
}

Rgb NextCurveColor(const Board& board) {
  // Far apart in hue and lightness, so as-is and to-be curves of several personas stay
  // distinguishable on the emotions lane; the first is the model's default curve colour.
  static constexpr Rgb kPalette[] = {0x3b6fd8, 0xe0523a, 0x2e9e5b, 0x9b4dca, 0xe8a317, 0x1aa3b8, 0xd6408e, 0x6b7280};
  Rgb best = kPalette[0];
  size_t bestUses = SIZE_MAX;
  for (Rgb color : kPalette) {
    const size_t uses = size_t(std::count_if(board.curves.begin(), board.curves.end(),
                                             [color](const EmotionCurve& c) { return c.color == color; }));
    if (uses < bestUses) {
      best = color;
      bestUses = uses;
    }
  }
  return best;
}

// [SECTION] Personas

BoardDiff AddPersona(const Board& board, Persona persona, PersonaId* id) {
  BoardDiff diff = NewDiff(board, 1);
  persona.id = PersonaId(board.nextId);
  if (id) *id = persona.id;
  diff.personas.added.push_back({std::move(persona), int(board.personas.size())});
  return diff;
}

BoardDiff UpdatePersona(const Board& board, Persona after) {
  return UpdateOne(board, board.personas, &BoardDiff::personas, after.id,
                   [&after](Persona& p) { p = std::move(after); });
}

BoardDiff DeletePersona(const Board& board, PersonaId id) {
  BoardDiff diff = NewDiff(board);
  const int at = IndexOf(board.personas, id);
  if (at < 0) return diff;
  diff.personas.removed.push_back({board.personas[size_t(at)], at});
  // Curves outlive their persona: the team's emotional map is still worth keeping.
  for (const EmotionCurve& curve : board.curves) {
    if (curve.persona != id) continue;
    EmotionCurve after = curve;
    after.persona = PersonaId();
    diff.curves.updated.push_back({curve, std::move(after)});
  }
  // Its notes are untied from it in the same step, so an undo ties them again.
  for (const Note& note : board.notes) {
    if (std::find(note.personas.begin(), note.personas.end(), id) == note.personas.end()) continue;
    Note after = note;
    after.personas.erase(std::remove(after.personas.begin(), after.personas.end(), id), after.personas.end());
    diff.notes.updated.push_back({note, std::move(after)});
  }
  return diff;
}

// [SECTION] Note details

BoardDiff UpdateNote(const Board& board, Note after) {
  return UpdateOne(board, board.notes, &BoardDiff::notes, after.id, [&after](Note& n) {
    after.stage = n.stage;
    after.lane = n.lane;
    after.pos = n.pos;
    n = RepairedNote(std::move(after));
  });
}

BoardDiff SetNotesTags(const Board& board, const std::vector<NoteId>& ids, const std::vector<std::string>& tags) {
  return UpdateNotes(board, ids, [&tags](Note& n) { n.tags = tags; });
}

// [SECTION] Votes

BoardDiff AddVotes(const Board& board, const std::vector<NoteId>& ids, int delta) {
  if (delta == 0) return NewDiff(board);
  return UpdateNotes(board, ids, [delta](Note& n) {
    n.votes = int(std::clamp<int64_t>(int64_t(n.votes) + delta, 0, INT_MAX));  // wide sum: no overflow
  });
}

BoardDiff ResetVotes(const Board& board) {
  BoardDiff diff = NewDiff(board);
  for (const Note& note : board.notes) {
    if (note.votes == 0) continue;
    Note after = note;
    after.votes = 0;
    diff.notes.updated.push_back({note, std::move(after)});
  }
  return diff;
}

BoardDiff SortCellByVotes(const Board& board, StageId stage, LaneId lane) {
  BoardDiff diff = NewDiff(board);
  if (!board.FindStage(stage) || !board.FindLane(lane)) return diff;
  std::vector<int> slots;  // the cell's places in board.notes, ascending
  for (size_t i = 0; i < board.notes.size(); ++i) {
    const Note& n = board.notes[i];
    if (!n.IsFree() && n.stage == stage && n.lane == lane) slots.push_back(int(i));
  }
  std::vector<int> wanted = slots;  // which note each slot should hold
  std::stable_sort(wanted.begin(), wanted.end(),
                   [&board](int a, int b) { return board.notes[size_t(a)].votes > board.notes[size_t(b)].votes; });

  // Selection sort by swaps within the slots. A swap is two moves (the wanted note forward into
  // its slot, then the note it displaced back to where the wanted one was), so every note
  // outside the cell ends where it was and undo replays the moves backwards.
  std::vector<NoteId> order;  // the vector as the moves so far leave it
  order.reserve(board.notes.size());
  for (const Note& n : board.notes) order.push_back(n.id);
  auto move = [&](NoteId id, int from, int to) {
    diff.notes.moved.push_back({id, from, to});
    order.erase(order.begin() + from);
    order.insert(order.begin() + to, id);
  };
  for (size_t k = 0; k < slots.size(); ++k) {
    const NoteId want = board.notes[size_t(wanted[k])].id;
    const int slot = slots[size_t(k)];
    if (order[size_t(slot)] == want) continue;
    int from = slot;
    for (size_t j = k + 1; j < slots.size(); ++j)
      if (order[size_t(slots[j])] == want) from = slots[j];
    const NoteId displaced = order[size_t(slot)];
    move(want, from, slot);
    if (slot + 1 != from) move(displaced, slot + 1, from);
  }
  return diff;
}

// [SECTION] Workshop: hide, reveal and cover

BoardDiff SetStageHidden(const Board& board, StageId id, bool hidden) {
  return UpdateOne(board, board.stages, &BoardDiff::stages, id, [hidden](Stage& s) { s.hidden = hidden; });
}

BoardDiff SetStageReached(const Board& board, StageId id, std::optional<double> reached) {
  size_t ignored = 0;
  ClampReached(reached, &ignored);
  return UpdateOne(board, board.stages, &BoardDiff::stages, id, [&reached](Stage& s) { s.reached = reached; });
}

BoardDiff SetNoteOpportunity(const Board& board, NoteId id, std::optional<Opportunity> opportunity) {
  size_t ignored = 0;
  ClampOpportunity(opportunity, &ignored);
  return UpdateOne(board, board.notes, &BoardDiff::notes, id, [&opportunity](Note& n) { n.opportunity = opportunity; });
}

BoardDiff SetLaneHidden(const Board& board, LaneId id, bool hidden) {
  return UpdateOne(board, board.lanes, &BoardDiff::lanes, id, [hidden](Lane& l) { l.hidden = hidden; });
}

BoardDiff ShowAllHidden(const Board& board) {
  BoardDiff diff = NewDiff(board);
  for (const Stage& stage : board.stages) {
    if (!stage.hidden) continue;
    Stage after = stage;
    after.hidden = false;
    diff.stages.updated.push_back({stage, std::move(after)});
  }
  for (const Lane& lane : board.lanes) {
    if (!lane.hidden) continue;
    Lane after = lane;
    after.hidden = false;
    diff.lanes.updated.push_back({lane, std::move(after)});
  }
  return diff;
}

BoardDiff RevealCovered(const Board& board, std::vector<NoteId>* revealed) {
  BoardDiff diff = NewDiff(board);
  for (const Note& note : board.notes) {
    if (!note.covered) continue;
    Note after = note;
    after.covered = false;
    diff.notes.updated.push_back({note, std::move(after)});
    if (revealed) revealed->push_back(note.id);
  }
  return diff;
}

BoardDiff CoverAddedNotes(BoardDiff diff) {
  for (Placed<Note>& added : diff.notes.added) added.record.covered = true;
  return diff;
}

int CountCovered(const Board& board) {
  return int(std::count_if(board.notes.begin(), board.notes.end(), [](const Note& n) { return n.covered; }));
}

int CountHidden(const Board& board) {
  return int(std::count_if(board.stages.begin(), board.stages.end(), [](const Stage& s) { return s.hidden; }) +
             std::count_if(board.lanes.begin(), board.lanes.end(), [](const Lane& l) { return l.hidden; }));
}

// [SECTION] Queries

int TotalVotes(const Board& board) {
  int64_t total = 0;
  for (const Note& note : board.notes) total += std::max(note.votes, 0);
  return int(std::min<int64_t>(total, INT_MAX));
}

// [SECTION] The board itself

BoardDiff SetBoardTitle(const Board& board, std::string title) {
  BoardDiff diff = NewDiff(board);
  if (title == board.meta.title) return diff;
  BoardMeta after = board.meta;
  after.title = std::move(title);
  diff.meta = Updated<BoardMeta>{board.meta, std::move(after)};
  return diff;
}

BoardDiff SetBoardLanguage(const Board& board, const std::string& language) {
  BoardDiff diff = NewDiff(board);
  const bool tag = language.size() >= 2 && language.size() <= 8 &&
                   std::all_of(language.begin(), language.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  if (!tag || language == board.meta.language) return diff;
  BoardMeta after = board.meta;
  after.language = language;
  diff.meta = Updated<BoardMeta>{board.meta, std::move(after)};
  return diff;
}

}  // namespace jb
