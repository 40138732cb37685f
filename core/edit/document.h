// A board being worked on: the board, its history, the file it belongs to, and whether it has
// unsaved changes. Every change to the board goes through here, as a BoardDiff:
//  - Apply(diff, label): one undoable step; clears redo.
//  - Gestures (a drag, a text edit): BeginGesture(label), then UpdateGesture(make) any number of
//    times, where `make` computes the diff from the board as it was when the gesture began (the
//    document reverts the previous update first, so there is no drift); CommitGesture() records
//    the last update as one step, CancelGesture() restores the start. A gesture may name its owner
//    (a panel's field): whoever ends a gesture ends only its own, and the app ends a field's
//    gesture the frame its field is no longer drawn (app/views/panels.h).
//  - Undo/Redo walk the history. Selection and camera are not part of it and never clear redo.
// History is unlimited in count but capped in memory (oldest steps dropped first).
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/edit/diff.h"
#include "core/model/model.h"

namespace jb {

class Document {
 public:
  static constexpr size_t kDefaultHistoryBytes = 64u << 20;

  Document() = default;

  const Board& board() const { return m_board; }
  const std::string& path() const { return m_path; }  // empty: never saved
  // The file name shown in the title bar ("untitled.cjm" before the first save).
  std::string DisplayName() const;

  // Replaces everything (new board or opened file) and clears history (an open gesture is
  // dropped). Counts as saved unless `saved` is false (say, a board recovered from autosave).
  void Reset(Board board, std::string path, bool saved = true);

  // [SECTION] Editing
  // Applies a non-empty diff as one step. Returns false (and does nothing) for an empty diff.
  // Ends an open gesture first (committing it).
  bool Apply(BoardDiff diff, std::string label);

  // Commits an open gesture first. `owner` is the caller's tag for "mine" (0: no particular owner).
  void BeginGesture(std::string label, uint64_t owner = 0);
  void UpdateGesture(const std::function<BoardDiff(const Board& start)>& make);
  // Records the gesture as one step (nothing when its last update was empty). Returns true if a step was recorded.
  bool CommitGesture();
  void CancelGesture();
  bool InGesture() const { return m_inGesture; }
  // The open gesture's owner (0 when none is open or it has none).
  uint64_t GestureOwner() const { return m_inGesture ? m_gestureOwner : 0; }

  // Texts a change brought in that had to be repaired (cut to kMaxTextChars, broken UTF-8,
  // control characters), counted since the document was made: every change keeps to the same
  // text rules as a load, whatever field or paste it came from. The app says so when it grows.
  size_t TextsRepaired() const { return m_textsRepaired; }

  // Told of every change that becomes (or leaves) the board's recorded state, after the board
  // changed: Apply and a committed gesture (Apply), Undo (Revert of the undone step's diff), Redo
  // and JumpTo's steps (Apply, Revert). Gesture updates, cancels and Reset are not told: a
  // journal starts again from a snapshot after Reset. The observer must not edit the document.
  using Observer = std::function<void(JournalKind kind, const BoardDiff& diff)>;
  void SetObserver(Observer observer) { m_observer = std::move(observer); }

  // [SECTION] History
  bool CanUndo() const;
  bool CanRedo() const;
  bool Undo();
  bool Redo();
  const std::string& UndoLabel() const;  // empty when nothing to undo
  const std::string& RedoLabel() const;
  // Steps in order; the first `HistoryPosition()` of them are done, the rest can be redone.
  size_t HistorySize() const { return m_history.size(); }
  const std::string& HistoryLabel(size_t i) const { return m_history[i].label; }
  size_t HistoryPosition() const { return m_position; }
  // Undo or redo until `position` steps are done.
  void JumpTo(size_t position);
  void SetHistoryLimit(size_t bytes);
  size_t HistoryBytes() const { return m_historyBytes; }

  // [SECTION] Saving
  bool IsDirty() const { return m_state != m_savedState; }
  // Increases on every change to the board (including gesture updates and Reset): views use it
  // to notice changes.
  uint64_t ChangeCount() const { return m_changeCount; }
  // The number of the recorded state (what undo and redo walk between): a new one with every
  // recorded change and Reset, an earlier one after Undo; gesture updates keep it. The observer
  // is told after it changed. Whoever keeps its own copy of the board (the recovery journal's
  // replica) knows by it whether the copy is still the board.
  uint64_t RecordedState() const { return m_state; }
  // Increases on every Reset (not told to the observer).
  uint64_t ResetCount() const { return m_resetCount; }
  // What the changes after `changeCount` touched (AddTouched, diff.h), from a short log of the
  // latest changes: a view that drew the board at `changeCount` redraws only that. A count older
  // than the log, or a Reset since, gives `everything`.
  void TouchedSince(uint64_t changeCount, Touched* out) const;
  // The open gesture's change on top of the last recorded state (empty when there is none). A
  // save writes the board without it (SaveDocument, core/session/save_document.h).
  const BoardDiff& GestureDiff() const { return m_gestureDiff; }
  // The recorded state is now in the file at `path`: remembers the path, and the board is clean.
  void MarkSaved(std::string path);

 private:
  void RepairTexts(BoardDiff& diff);

  struct Step {
    BoardDiff diff;
    std::string label;
    uint64_t stateBefore, stateAfter;
    size_t bytes;
  };
  void Record(BoardDiff diff, std::string label);
  // Counts one change to the board and logs what it touched (none: everything).
  void Changed(const BoardDiff* diff, const BoardDiff* alsoDiff = nullptr);
  void TrimHistory();

  Board m_board;
  std::string m_path;
  std::vector<Step> m_history;
  size_t m_position = 0;  // steps [0, m_position) are applied
  size_t m_historyBytes = 0;
  size_t m_historyLimit = kDefaultHistoryBytes;
  // States are numbered; IsDirty compares the current one with the saved one.
  uint64_t m_state = 0, m_savedState = 0, m_nextState = 1;
  uint64_t m_changeCount = 0;
  uint64_t m_resetCount = 0;
  struct TouchedEntry {
    uint64_t changeCount = 0;
    Touched touched;
  };
  static constexpr size_t kTouchedLog = 32;  // changes; a frame rarely sees more than one
  std::vector<TouchedEntry> m_touchedLog;    // a ring: entry changeCount % kTouchedLog

  Observer m_observer;
  size_t m_textsRepaired = 0;
  bool m_inGesture = false;
  std::string m_gestureLabel;
  uint64_t m_gestureOwner = 0;
  BoardDiff m_gestureDiff;  // applied on top of the gesture's start
};

}  // namespace jb
