// Commands: pure functions from the current board to the diff that makes one edit. They never
// change the board; Document::Apply does. An impossible request (unknown id, nothing to do)
// returns an empty diff.
#pragma once
#include <string>
#include <vector>

#include "core/edit/diff.h"
#include "core/model/model.h"

namespace jb {

// Where notes go: a cell (stage + lane, before the note `before`, or at the cell's end when
// `before` is empty), or free on the canvas (stage and lane empty) at `freePos` (the first
// note's top-left; the others keep their offsets to it).
struct NoteTarget {
  StageId stage;
  LaneId lane;
  NoteId before;
  Vec2 freePos;

  bool IsCell() const { return stage && lane; }
};

// [SECTION] Notes
// Adds `note` (its id is assigned here) into the target; returns the diff, and the new id in *id.
BoardDiff AddNote(const Board& board, Note note, const NoteTarget& target, NoteId* id = nullptr);
// Removes the notes and the arrows bound to them, in one diff (one undo restores both).
BoardDiff DeleteNotes(const Board& board, const std::vector<NoteId>& ids);
// Moves notes (in their board order) to the target. Free targets: `offsets[i]` is ids[i]'s
// top-left relative to freePos (missing entries: stacked 20 units apart).
BoardDiff MoveNotes(const Board& board, const std::vector<NoteId>& ids, const NoteTarget& target,
                    const std::vector<Vec2>& offsets = {});
// Copies of `notes` (ids ignored) added to the target; new ids in *ids.
BoardDiff PasteNotes(const Board& board, const std::vector<Note>& notes, const NoteTarget& target,
                     std::vector<NoteId>* ids = nullptr);
// Copies placed right after each original in its cell (free notes: offset by 24 units).
BoardDiff DuplicateNotes(const Board& board, const std::vector<NoteId>& ids, std::vector<NoteId>* newIds = nullptr);
BoardDiff SetNoteText(const Board& board, NoteId id, const std::string& text);
BoardDiff SetNotesColor(const Board& board, const std::vector<NoteId>& ids, Rgb color);
BoardDiff SetNotesSize(const Board& board, const std::vector<NoteId>& ids, NoteSize size);
// Moves free notes by `delta`; notes in cells are left alone.
BoardDiff NudgeNotes(const Board& board, const std::vector<NoteId>& ids, Vec2 delta);

// [SECTION] Stages
// Inserts a stage at `index` (clamped; -1 = at the end).
BoardDiff AddStage(const Board& board, const std::string& name, int index = -1, StageId* id = nullptr);
BoardDiff RenameStage(const Board& board, StageId id, const std::string& name);
BoardDiff ResizeStage(const Board& board, StageId id, float width);  // clamped to [kMinStageWidth, kMaxStageWidth]
BoardDiff MoveStage(const Board& board, StageId id, int toIndex);
// Removes the stage, its notes, the curve points in it, the arrows bound to its notes and the
// strokes in its cells (AddSketchCascade, sketch_commands.h).
BoardDiff DeleteStage(const Board& board, StageId id);

// [SECTION] Lanes
BoardDiff AddLane(const Board& board, const std::string& name, LaneKind kind, int index = -1, LaneId* id = nullptr);
BoardDiff RenameLane(const Board& board, LaneId id, const std::string& name);
BoardDiff ResizeLane(const Board& board, LaneId id, float height);  // clamped to [kMinLaneHeight, kMaxLaneHeight]
BoardDiff MoveLane(const Board& board, LaneId id, int toIndex);
BoardDiff SetLaneKind(const Board& board, LaneId id, LaneKind kind);
BoardDiff SetLaneCollapsed(const Board& board, LaneId id, bool collapsed);
// Removes the lane, its notes, their arrows and the strokes in its cells (curve points are kept:
// they belong to stages).
BoardDiff DeleteLane(const Board& board, LaneId id);

// (kMinStageWidth and the other resize limits are in core/model/limits.h.)

// How many notes a stage or lane holds (to ask before deleting it).
int CountNotesInStage(const Board& board, StageId id);
int CountNotesInLane(const Board& board, LaneId id);

}  // namespace jb
