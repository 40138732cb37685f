#include "core/edit/commands.h"
#include "core/edit/edit_helpers.h"

#include "core/edit/sketch_commands.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace jb {

// Index:
//  [SECTION] Helpers
//  [SECTION] Notes
//  [SECTION] Stages
//  [SECTION] Lanes

namespace {

using edit_helpers::IsFinite;
using edit_helpers::UpdateNotes;

// [SECTION] Helpers


bool InCell(const Note& note, StageId stage, LaneId lane) {
  return !note.IsFree() && note.stage == stage && note.lane == lane;
}

// Where notes may go: a cell that exists, or free (stage and lane both empty). Half a cell or a
// cell that is gone is refused rather than guessed at.
bool ValidTarget(const Board& board, const NoteTarget& target) {
  if (target.IsCell()) return board.FindStage(target.stage) && board.FindLane(target.lane);
  return !target.stage && !target.lane && IsFinite(target.freePos);
}

// Where notes may go into the target cell, as a range of gaps in board.notes (gap g: before
// notes[g]) that all give the same order inside the cell. `hi` is the cell note they go before
// (`before`, or the next cell note that stays when `before` is itself being moved), or
// notes.size() for the end of the cell; `lo` is just after the previous cell note that stays.
// `moving` marks notes being taken out (none for new notes).
struct GapRange {
  size_t lo = 0, hi = 0;
  bool hasBefore = false;  // hi is a note of the cell, not the end of the vector
  bool cellEmpty = true;   // no note of the cell stays
};

GapRange CellGaps(const Board& board, const NoteTarget& target, const std::vector<bool>& moving) {
  const std::vector<Note>& notes = board.notes;
  auto stays = [&](size_t i) { return !moving[i] && InCell(notes[i], target.stage, target.lane); };
  GapRange range;
  range.hi = notes.size();
  if (target.before) {
    for (size_t i = 0; i < notes.size(); ++i) {
      if (notes[i].id != target.before) continue;
      if (!InCell(notes[i], target.stage, target.lane)) break;
      for (size_t j = i; j < notes.size(); ++j) {
        if (!stays(j)) continue;
        range.hi = j;
        range.hasBefore = true;
        break;
      }
      break;
    }
  }
  for (size_t i = range.hi; i-- > 0;) {
    if (!stays(i)) continue;
    range.lo = i + 1;
    break;
  }
  for (size_t i = 0; i < notes.size() && range.cellEmpty; ++i) range.cellEmpty = !stays(i);
  return range;
}

// Indices of the notes named by `ids`, in the order given, without unknown or repeated ids.
// `order` (optional) gets each kept id's position in `ids`.
std::vector<int> NoteIndices(const Board& board, const std::vector<NoteId>& ids, std::vector<size_t>* order = nullptr) {
  std::unordered_map<uint64_t, int> indexOf;
  indexOf.reserve(board.notes.size());
  for (size_t i = 0; i < board.notes.size(); ++i) indexOf.emplace(board.notes[i].id.value, int(i));
  std::vector<int> indices;
  std::unordered_set<uint64_t> seen;
  for (size_t k = 0; k < ids.size(); ++k) {
    const auto it = indexOf.find(ids[k].value);
    if (it == indexOf.end() || !seen.insert(ids[k].value).second) continue;
    indices.push_back(it->second);
    if (order) order->push_back(k);
  }
  return indices;
}

// One note of an edited notes vector: the note, the index it came from, and whether it was
// relocated (taken out and put back elsewhere) rather than left in its place.
struct NoteSlot {
  Note note;
  size_t from = 0;
  bool relocated = false;
};

// The diff that turns board.notes into `result`, which keeps every note that is not relocated
// in its original relative order. Relocated notes are removed and added back (so reverting puts
// them back exactly); notes changed in place are updates.
BoardDiff ReplaceNotes(const Board& board, const std::vector<NoteSlot>& result) {
  BoardDiff diff = NewDiff(board);
  for (size_t i = 0; i < result.size(); ++i) {
    const NoteSlot& slot = result[i];
    const Note& before = board.notes[slot.from];
    if (slot.relocated) {
      diff.notes.removed.push_back({before, int(slot.from)});
      diff.notes.added.push_back({slot.note, int(i)});
    } else if (!(slot.note == before)) {
      diff.notes.updated.push_back({before, slot.note});
    }
  }
  std::sort(diff.notes.removed.begin(), diff.notes.removed.end(),
            [](const Placed<Note>& a, const Placed<Note>& b) { return a.index < b.index; });
  return diff;
}

// Records the lane's change as an update, or nothing when it changes nothing.
template <class Change>
BoardDiff UpdateLane(const Board& board, LaneId id, Change change) {
  BoardDiff diff = NewDiff(board);
  const Lane* lane = board.FindLane(id);
  if (!lane) return diff;
  Lane after = *lane;
  change(after);
  if (!(after == *lane)) diff.lanes.updated.push_back({*lane, std::move(after)});
  return diff;
}

template <class T>
int ClampIndex(int index, const std::vector<T>& items, bool allowEnd) {
  const int last = int(items.size()) - (allowEnd ? 0 : 1);
  if (index < 0) return allowEnd ? last : 0;  // -1: at the end, for inserts
  return std::min(index, last);
}

template <class T, class IdT>
void MoveInOrder(const std::vector<T>& items, IdT id, int toIndex, RecordDiff<T, IdT>& diff) {
  int from = -1;
  for (size_t i = 0; i < items.size(); ++i)
    if (items[i].id == id) from = int(i);
  if (from < 0) return;
  const int to = std::clamp(toIndex, 0, int(items.size()) - 1);
  if (to != from) diff.moved.push_back({id, from, to});
}

}  // namespace

// [SECTION] Notes

BoardDiff AddNote(const Board& board, Note note, const NoteTarget& target, NoteId* id) {
  std::vector<NoteId> ids;
  BoardDiff diff = PasteNotes(board, {std::move(note)}, target, &ids);
  if (id) *id = ids.empty() ? NoteId() : ids.front();
  return diff;
}

BoardDiff DeleteNotes(const Board& board, const std::vector<NoteId>& ids) {
  BoardDiff diff = NewDiff(board);
  std::vector<int> indices = NoteIndices(board, ids);
  std::sort(indices.begin(), indices.end());
  for (int i : indices) diff.notes.removed.push_back({board.notes[size_t(i)], i});
  AddSketchCascade(board, diff);  // their arrows go with them
  return diff;
}

// `offsets[k]` belongs to `ids[k]` (the caller knows its ids, not their board order).
BoardDiff MoveNotes(const Board& board, const std::vector<NoteId>& ids, const NoteTarget& target,
                    const std::vector<Vec2>& offsets) {
  if (!ValidTarget(board, target)) return NewDiff(board);
  std::vector<size_t> order;
  const std::vector<int> indices = NoteIndices(board, ids, &order);
  if (indices.empty()) return NewDiff(board);

  if (!target.IsCell()) {
    // Becoming free keeps the note's place in the vector (its drawing order); only fields change.
    BoardDiff diff = NewDiff(board);
    std::vector<std::pair<int, Note>> changed;  // (index, after)
    for (size_t k = 0; k < indices.size(); ++k) {
      const Note& before = board.notes[size_t(indices[k])];
      const float stack = 20.0f * float(order[k]);
      const Vec2 offset = order[k] < offsets.size() ? offsets[order[k]] : Vec2{stack, stack};
      if (!IsFinite(offset)) return NewDiff(board);
      Note after = before;
      after.stage = StageId();
      after.lane = LaneId();
      after.pos = {target.freePos.x + offset.x, target.freePos.y + offset.y};
      if (!(after == before)) changed.emplace_back(indices[k], std::move(after));
    }
    std::sort(changed.begin(), changed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& [index, after] : changed) diff.notes.updated.push_back({board.notes[size_t(index)], std::move(after)});
    return diff;
  }

  std::vector<bool> moving(board.notes.size(), false);
  for (int i : indices) moving[size_t(i)] = true;
  // Only the order inside the cell matters: a moving note already between the cell notes it
  // must follow and precede keeps its vector place (so a move to the same place is an empty
  // diff); the others go to the nearest end of that range, all keeping their board order.
  const GapRange range = CellGaps(board, target, moving);
  const size_t n = board.notes.size();
  std::vector<NoteSlot> result;
  result.reserve(n);
  auto put = [&](size_t i, bool relocated) {
    NoteSlot slot{board.notes[i], i, relocated};
    if (moving[i]) {
      slot.note.stage = target.stage;
      slot.note.lane = target.lane;
    }
    result.push_back(std::move(slot));
  };
  auto putMoving = [&](size_t from, size_t to) {
    for (size_t i = from; i < to; ++i)
      if (moving[i]) put(i, true);
  };
  for (size_t i = 0; i <= n; ++i) {
    if (i == range.lo) putMoving(0, range.lo);  // from before the range
    if (i == range.hi) putMoving(range.hi, n);  // from after it
    if (i == n) break;
    if (!moving[i] || (i >= range.lo && i < range.hi)) put(i, false);  // staying, or moving in place
  }
  return ReplaceNotes(board, result);
}

BoardDiff PasteNotes(const Board& board, const std::vector<Note>& notes, const NoteTarget& target,
                     std::vector<NoteId>* ids) {
  if (notes.empty() || !ValidTarget(board, target)) return NewDiff(board);
  BoardDiff diff = NewDiff(board, notes.size());
  std::vector<Note> copies = notes;
  uint64_t nextId = board.nextId;
  // Free notes keep their arrangement; notes from cells have no useful pos, so they are stacked.
  const bool allFree = std::all_of(notes.begin(), notes.end(), [](const Note& n) { return n.IsFree(); });
  for (size_t k = 0; k < copies.size(); ++k) {
    Note& copy = copies[k];
    copy.id = NoteId(nextId++);
    copy.stage = target.IsCell() ? target.stage : StageId();
    copy.lane = target.IsCell() ? target.lane : LaneId();
    if (!target.IsCell()) {
      const float stack = 20.0f * float(k);
      const Vec2 offset =
          allFree ? Vec2{notes[k].pos.x - notes[0].pos.x, notes[k].pos.y - notes[0].pos.y} : Vec2{stack, stack};
      copy.pos = {target.freePos.x + offset.x, target.freePos.y + offset.y};
    }
    if (ids) ids->push_back(copy.id);
  }
  // New notes go before `before`, else right after the cell's last note; into an empty cell or
  // free, at the end of the vector (drawn on top).
  int first = int(board.notes.size());
  if (target.IsCell()) {
    const GapRange range = CellGaps(board, target, std::vector<bool>(board.notes.size(), false));
    if (range.hasBefore)
      first = int(range.hi);
    else if (!range.cellEmpty)
      first = int(range.lo);
  }
  for (size_t k = 0; k < copies.size(); ++k) diff.notes.added.push_back({std::move(copies[k]), first + int(k)});
  return diff;
}

BoardDiff DuplicateNotes(const Board& board, const std::vector<NoteId>& ids, std::vector<NoteId>* newIds) {
  std::vector<int> indices = NoteIndices(board, ids);
  if (indices.empty()) return NewDiff(board);
  std::sort(indices.begin(), indices.end());
  BoardDiff diff = NewDiff(board, indices.size());
  uint64_t nextId = board.nextId;
  // Copy k lands right after its original, which has been pushed along by the k earlier copies.
  for (size_t k = 0; k < indices.size(); ++k) {
    Note copy = board.notes[size_t(indices[k])];
    copy.id = NoteId(nextId++);
    if (copy.IsFree()) copy.pos = {copy.pos.x + 24, copy.pos.y + 24};
    if (newIds) newIds->push_back(copy.id);
    diff.notes.added.push_back({std::move(copy), indices[k] + int(k) + 1});
  }
  return diff;
}

BoardDiff SetNoteText(const Board& board, NoteId id, const std::string& text) {
  return UpdateNotes(board, {id}, [&text](Note& n) { n.text = text; });
}

BoardDiff SetNotesColor(const Board& board, const std::vector<NoteId>& ids, Rgb color) {
  return UpdateNotes(board, ids, [color](Note& n) { n.color = color; });
}

BoardDiff SetNotesSize(const Board& board, const std::vector<NoteId>& ids, NoteSize size) {
  return UpdateNotes(board, ids, [size](Note& n) { n.size = size; });
}

BoardDiff NudgeNotes(const Board& board, const std::vector<NoteId>& ids, Vec2 delta) {
  if (!IsFinite(delta)) return NewDiff(board);
  return UpdateNotes(board, ids, [delta](Note& n) {
    if (n.IsFree()) n.pos = {n.pos.x + delta.x, n.pos.y + delta.y};
  });
}

// [SECTION] Stages

BoardDiff AddStage(const Board& board, const std::string& name, int index, StageId* id) {
  BoardDiff diff = NewDiff(board, 1);
  Stage stage;
  stage.id = StageId(board.nextId);
  stage.name = name;
  diff.stages.added.push_back({std::move(stage), ClampIndex(index, board.stages, true)});
  if (id) *id = StageId(board.nextId);
  return diff;
}

BoardDiff RenameStage(const Board& board, StageId id, const std::string& name) {
  BoardDiff diff = NewDiff(board);
  const Stage* stage = board.FindStage(id);
  if (stage && stage->name != name) {
    Stage after = *stage;
    after.name = name;
    diff.stages.updated.push_back({*stage, std::move(after)});
  }
  return diff;
}

BoardDiff ResizeStage(const Board& board, StageId id, float width) {
  BoardDiff diff = NewDiff(board);
  const Stage* stage = board.FindStage(id);
  if (!stage || !std::isfinite(width)) return diff;
  Stage after = *stage;
  after.width = std::clamp(width, kMinStageWidth, kMaxStageWidth);
  if (after.width != stage->width) diff.stages.updated.push_back({*stage, std::move(after)});
  return diff;
}

BoardDiff MoveStage(const Board& board, StageId id, int toIndex) {
  BoardDiff diff = NewDiff(board);
  MoveInOrder(board.stages, id, toIndex, diff.stages);
  return diff;
}

BoardDiff DeleteStage(const Board& board, StageId id) {
  BoardDiff diff = NewDiff(board);
  const int index = board.StageIndex(id);
  if (index < 0) return diff;
  diff.stages.removed.push_back({board.stages[size_t(index)], index});
  for (size_t i = 0; i < board.notes.size(); ++i)
    if (board.notes[i].stage == id) diff.notes.removed.push_back({board.notes[i], int(i)});
  for (const EmotionCurve& curve : board.curves) {
    EmotionCurve after = curve;
    auto inStage = [id](const CurvePoint& p) { return p.stage == id; };
    after.points.erase(std::remove_if(after.points.begin(), after.points.end(), inStage), after.points.end());
    if (after.points.size() != curve.points.size()) diff.curves.updated.push_back({curve, std::move(after)});
  }
  AddSketchCascade(board, diff);  // arrows of its notes, strokes in its cells
  return diff;
}

// [SECTION] Lanes

BoardDiff AddLane(const Board& board, const std::string& name, LaneKind kind, int index, LaneId* id) {
  BoardDiff diff = NewDiff(board, 1);
  Lane lane;
  lane.id = LaneId(board.nextId);
  lane.name = name;
  lane.kind = kind;
  diff.lanes.added.push_back({std::move(lane), ClampIndex(index, board.lanes, true)});
  if (id) *id = LaneId(board.nextId);
  return diff;
}

BoardDiff RenameLane(const Board& board, LaneId id, const std::string& name) {
  return UpdateLane(board, id, [&name](Lane& l) { l.name = name; });
}

BoardDiff ResizeLane(const Board& board, LaneId id, float height) {
  if (!std::isfinite(height)) return NewDiff(board);
  return UpdateLane(board, id, [height](Lane& l) { l.height = std::clamp(height, kMinLaneHeight, kMaxLaneHeight); });
}

BoardDiff MoveLane(const Board& board, LaneId id, int toIndex) {
  BoardDiff diff = NewDiff(board);
  MoveInOrder(board.lanes, id, toIndex, diff.lanes);
  return diff;
}

BoardDiff SetLaneKind(const Board& board, LaneId id, LaneKind kind) {
  return UpdateLane(board, id, [kind](Lane& l) { l.kind = kind; });
}

BoardDiff SetLaneCollapsed(const Board& board, LaneId id, bool collapsed) {
  return UpdateLane(board, id, [collapsed](Lane& l) { l.collapsed = collapsed; });
}

BoardDiff DeleteLane(const Board& board, LaneId id) {
  BoardDiff diff = NewDiff(board);
  const int index = board.LaneIndex(id);
  if (index < 0) return diff;
  diff.lanes.removed.push_back({board.lanes[size_t(index)], index});
  for (size_t i = 0; i < board.notes.size(); ++i)
    if (board.notes[i].lane == id) diff.notes.removed.push_back({board.notes[i], int(i)});
  AddSketchCascade(board, diff);  // arrows of its notes, strokes in its cells
  return diff;
}

int CountNotesInStage(const Board& board, StageId id) {
  if (!id) return 0;  // free notes have no stage; they are not "in" the empty id
  return int(std::count_if(board.notes.begin(), board.notes.end(), [id](const Note& n) { return n.stage == id; }));
}

int CountNotesInLane(const Board& board, LaneId id) {
  if (!id) return 0;
  return int(std::count_if(board.notes.begin(), board.notes.end(), [id](const Note& n) { return n.lane == id; }));
}

}  // namespace jb
