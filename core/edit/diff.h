// A change to a board as data: records added, removed and updated (before → after), and moves
// (order changes), per record type. Every edit is one BoardDiff; undo reverts it exactly, so
// history is a list of diffs rather than copies of the board.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/model/model.h"

namespace jb {

// A record and its index in its vector: where it was (removed) or where it goes (added).
template <class T>
struct Placed {
  T record;
  int index = 0;
};

template <class T>
struct Updated {
  T before, after;
};

// Moving one record from index `from` to index `to` (indices in the vector at that moment).
template <class IdT>
struct Moved {
  IdT id;
  int from = 0, to = 0;
};

template <class T, class IdT>
struct RecordDiff {
  std::vector<Placed<T>> removed;  // applied first, by descending index
  std::vector<Updated<T>> updated;
  std::vector<Placed<T>> added;    // then inserted by ascending index
  std::vector<Moved<IdT>> moved;   // then moved, in order

  bool Empty() const { return removed.empty() && updated.empty() && added.empty() && moved.empty(); }
};

struct BoardDiff {
  RecordDiff<Stage, StageId> stages;
  RecordDiff<Lane, LaneId> lanes;
  RecordDiff<Note, NoteId> notes;
  RecordDiff<EmotionCurve, CurveId> curves;
  RecordDiff<Persona, PersonaId> personas;
  RecordDiff<Stroke, StrokeId> strokes;
  RecordDiff<Arrow, ArrowId> arrows;
  RecordDiff<Frame, FrameId> frames;
  RecordDiff<TextLabel, LabelId> labels;
  std::optional<Updated<BoardMeta>> meta;
  uint64_t nextIdBefore = 0, nextIdAfter = 0;  // equal when the diff allocates no ids

  bool Empty() const;
  // Rough bytes held, for capping history memory.
  size_t ApproxBytes() const;
};

// An empty diff for `board` that allocates `ids` new ids from its counter (none: both numbers
// equal). Commands start from it.
inline BoardDiff NewDiff(const Board& board, uint64_t ids = 0) {
  BoardDiff diff;
  diff.nextIdBefore = board.nextId;
  diff.nextIdAfter = board.nextId + ids;
  return diff;
}

// What a committed change did to the board: applied a diff (an edit, a gesture's end, a redo) or
// reverted one (an undo). The Document tells its observer; the journal (core/session) records it,
// so the numbers are part of the journal's format.
enum class JournalKind : uint8_t { Apply = 1, Revert = 2 };

// What changes touched, for views that redraw only that (the canvas' board cache): the ids of the
// notes, strokes, arrows and frames added, removed, updated or reordered; `everything` when a
// change touched the board's structure or text labels (stages, lanes, curves, personas, labels,
// the title), when the board was replaced, or when the changes are too old to be known.
struct Touched {
  bool everything = false;
  std::vector<uint64_t> ids;  // unsorted, may repeat
};
void AddTouched(const BoardDiff& diff, Touched* out);

// Apply a diff made against `board`'s current state; Revert undoes exactly that Apply.
void ApplyDiff(Board& board, const BoardDiff& diff);
void RevertDiff(Board& board, const BoardDiff& diff);

}  // namespace jb
