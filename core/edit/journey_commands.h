// Commands for the journey itself: emotion curves and their points, personas, note details
// (owner, due date, tags and the inspector's other fields), and dot voting. Like commands.h:
// pure functions from the current board to the diff of one edit; an impossible or no-op
// request returns an empty diff. Plus a few read-only helpers the UI needs.
#pragma once
#include <string>
#include <vector>

#include "core/edit/diff.h"
#include "core/model/model.h"

namespace jb {

// [SECTION] Curve points
// A curve's points are kept sorted by (stage order, t), so an index is the point's place along
// the curve. Every command that edits points leaves the curve sorted (a curve that is not, say
// after a stage was moved, is sorted as part of the edit). `index` always means the index into
// EmotionCurve::points as it is now (what CurvePointPos::point in the layout gives).

// Adds a point (t clamped to [0,1], value to [-1,1], NaN refused; the stage must exist). *index gets its
// index after the edit (-1 when the diff is empty).
BoardDiff AddCurvePoint(const Board& board, CurveId curve, CurvePoint point, int* index = nullptr);
// Puts point `index` at (stage, t, value), clamped like AddCurvePoint; *newIndex gets its index
// after the edit, since moving it past a neighbour changes it.
BoardDiff MoveCurvePoint(const Board& board, CurveId curve, int index, StageId stage, float t, float value,
                         int* newIndex = nullptr);
BoardDiff DeleteCurvePoint(const Board& board, CurveId curve, int index);
BoardDiff SetCurvePointLabel(const Board& board, CurveId curve, int index, std::string label);

// The nearest of the five emotion levels (-1, -0.5, 0, 0.5, 1), for Shift-drag snapping.
float SnapEmotion(float value);

// [SECTION] Curves
// `persona` may be empty (a curve for no persona in particular); otherwise it must exist.
BoardDiff AddCurve(const Board& board, PersonaId persona, std::string name, Rgb color, bool toBe,
                   CurveId* id = nullptr);
BoardDiff DeleteCurve(const Board& board, CurveId id);
BoardDiff SetCurveName(const Board& board, CurveId id, std::string name);
BoardDiff SetCurveColor(const Board& board, CurveId id, Rgb color);
BoardDiff SetCurveToBe(const Board& board, CurveId id, bool toBe);
BoardDiff SetCurvePersona(const Board& board, CurveId id, PersonaId persona);  // empty id: no persona

// A colour for a new curve: the first of a small palette of well-separated colours that no
// curve uses yet (all used: the least used one).
Rgb NextCurveColor(const Board& board);

// [SECTION] Personas
// Appends `persona` (its id is assigned here); the new id in *id.
BoardDiff AddPersona(const Board& board, Persona persona, PersonaId* id = nullptr);
// Replaces the persona with `after.id` by `after` as a whole (the inspector edits a copy).
BoardDiff UpdatePersona(const Board& board, Persona after);
// Removes the persona; its curves stay, with no persona.
BoardDiff DeletePersona(const Board& board, PersonaId id);

// [SECTION] Note details
// Replaces the note with `after.id` by `after` as a whole, except where it sits (stage, lane,
// pos): those stay as they are now, so a stale copy from the inspector cannot move the note.
// Values out of range (negative votes, scores) are corrected as loading a file would.
BoardDiff UpdateNote(const Board& board, Note after);
BoardDiff SetNotesTags(const Board& board, const std::vector<NoteId>& ids, const std::vector<std::string>& tags);

// [SECTION] Votes
// Adds `delta` votes to each note once (repeated ids count once); never below 0.
BoardDiff AddVotes(const Board& board, const std::vector<NoteId>& ids, int delta);
// Every note back to 0 votes.
BoardDiff ResetVotes(const Board& board);
// Reorders the cell's notes, most votes first; notes with equal votes keep their order. The
// notes keep the vector places the cell had, so other notes do not move.
BoardDiff SortCellByVotes(const Board& board, StageId stage, LaneId lane);

// [SECTION] Workshop: hide, reveal and cover
// A hidden stage or lane keeps its notes (saved, undoable) but the room does not see them; a
// covered note shows its colour but not its text until the facilitator reveals all at once.
BoardDiff SetStageHidden(const Board& board, StageId id, bool hidden);
// How many customers reached the stage (the funnel), clamped to 0..kMaxReached; none: not measured.
BoardDiff SetStageReached(const Board& board, StageId id, std::optional<double> reached);
// A solution's scores (clamped as the loader clamps them); none: not scored.
BoardDiff SetNoteOpportunity(const Board& board, NoteId id, std::optional<Opportunity> opportunity);
BoardDiff SetLaneHidden(const Board& board, LaneId id, bool hidden);
// Every hidden stage and lane shown again.
BoardDiff ShowAllHidden(const Board& board);
// Every covered note face up; their ids (board order) in *revealed.
BoardDiff RevealCovered(const Board& board, std::vector<NoteId>* revealed = nullptr);
// `diff` with the notes it adds covered: how notes are made while cover mode is on (added, pasted,
// duplicated).
BoardDiff CoverAddedNotes(BoardDiff diff);
int CountCovered(const Board& board);
int CountHidden(const Board& board);  // stages and lanes

// [SECTION] The board itself
// The board's title (drawn above the grid, heading every export) and its language (BoardMeta::
// language: the language of the text the app writes on the board). Empty diff when unchanged; a
// language that is not a tag ("en", "ru": 2–8 lowercase letters) is refused. Which tags the app
// offers is the layout's (core/layout/board_text.h BoardLanguages).
BoardDiff SetBoardTitle(const Board& board, std::string title);
BoardDiff SetBoardLanguage(const Board& board, const std::string& language);

// [SECTION] Queries
// (IsOverdue and IsIsoDate are in core/model/model.h: the renderer needs them too.)
int TotalVotes(const Board& board);

}  // namespace jb
