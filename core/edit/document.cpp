#include "core/edit/document.h"

#include "core/model/sanitize.h"

#include <algorithm>
#include <cassert>
#include <cstddef>
#include <filesystem>

namespace jb {

namespace {
const std::string kNoLabel;
}  // namespace

std::string Document::DisplayName() const {
  if (m_path.empty()) return "untitled.cjm";
  return std::filesystem::path(m_path).filename().string();
}

void Document::Reset(Board board, std::string path, bool saved) {
  m_board = std::move(board);
  m_path = std::move(path);
  m_history.clear();
  m_position = 0;
  m_historyBytes = 0;
  m_inGesture = false;
  m_gestureLabel.clear();
  m_gestureDiff = BoardDiff();
  // Fresh numbers: no state reached before the reset can compare equal to the new ones.
  m_state = m_nextState++;
  m_savedState = saved ? m_state : m_nextState++;
  ++m_resetCount;
  Changed(nullptr);
}

void Document::Changed(const BoardDiff* diff, const BoardDiff* alsoDiff) {
  ++m_changeCount;
  if (m_touchedLog.size() < kTouchedLog) m_touchedLog.resize(kTouchedLog);
  TouchedEntry& entry = m_touchedLog[m_changeCount % kTouchedLog];
  entry.changeCount = m_changeCount;
  entry.touched.ids.clear();
  entry.touched.everything = diff == nullptr;
  if (diff) AddTouched(*diff, &entry.touched);
  if (alsoDiff) AddTouched(*alsoDiff, &entry.touched);
}

void Document::TouchedSince(uint64_t changeCount, Touched* out) const {
  if (changeCount >= m_changeCount) return;
  if (m_changeCount - changeCount > kTouchedLog || m_touchedLog.empty()) {
    out->everything = true;
    return;
  }
  for (uint64_t count = changeCount + 1; count <= m_changeCount && !out->everything; ++count) {
    const TouchedEntry& entry = m_touchedLog[count % kTouchedLog];
    if (entry.changeCount != count) {
      out->everything = true;
      break;
    }
    if (entry.touched.everything) out->everything = true;
    else out->ids.insert(out->ids.end(), entry.touched.ids.begin(), entry.touched.ids.end());
  }
  if (out->everything) out->ids.clear();
}

// [SECTION] Editing

bool Document::Apply(BoardDiff diff, std::string label) {
  if (m_inGesture) CommitGesture();
  if (diff.Empty()) return false;
  RepairTexts(diff);
  ApplyDiff(m_board, diff);
  Changed(&diff);
  Record(std::move(diff), std::move(label));
  return true;
}

void Document::BeginGesture(std::string label, uint64_t owner) {
  if (m_inGesture) CommitGesture();
  m_inGesture = true;
  m_gestureOwner = owner;
  m_gestureLabel = std::move(label);
  m_gestureDiff = BoardDiff();
}

void Document::UpdateGesture(const std::function<BoardDiff(const Board& start)>& make) {
  assert(m_inGesture && "UpdateGesture outside BeginGesture/CommitGesture");
  if (!m_inGesture) return;
  // Back to the start, then the whole change again: the result never depends on earlier updates.
  const bool wasEmpty = m_gestureDiff.Empty();
  if (!wasEmpty) RevertDiff(m_board, m_gestureDiff);
  BoardDiff previous = std::move(m_gestureDiff);
  m_gestureDiff = make(m_board);
  RepairTexts(m_gestureDiff);
  if (!m_gestureDiff.Empty()) ApplyDiff(m_board, m_gestureDiff);
  if (!wasEmpty || !m_gestureDiff.Empty()) Changed(&previous, &m_gestureDiff);
}

bool Document::CommitGesture() {
  if (!m_inGesture) return false;
  m_inGesture = false;
  BoardDiff diff = std::move(m_gestureDiff);
  m_gestureDiff = BoardDiff();
  if (diff.Empty()) return false;  // the board is already at the gesture's start
  Record(std::move(diff), std::move(m_gestureLabel));
  m_gestureLabel.clear();
  return true;
}

void Document::CancelGesture() {
  if (!m_inGesture) return;
  m_inGesture = false;
  if (!m_gestureDiff.Empty()) {
    RevertDiff(m_board, m_gestureDiff);
    Changed(&m_gestureDiff);
  }
  m_gestureDiff = BoardDiff();
  m_gestureLabel.clear();
}

// What a change brings in keeps to a load's text rules (a 5 MB paste into a stage's name field
// is cut as a 5 MB note would be); only the new side of the diff: undo restores what was there.
void Document::RepairTexts(BoardDiff& diff) {
  SanitizeCounts counts;
  auto repair = [&counts](auto& records) {
    for (auto& placed : records.added) jb::RepairTexts(placed.record, &counts);
    for (auto& updated : records.updated) jb::RepairTexts(updated.after, &counts);
  };
  repair(diff.stages);
  repair(diff.lanes);
  repair(diff.notes);
  repair(diff.curves);
  repair(diff.personas);
  repair(diff.strokes);
  repair(diff.arrows);
  repair(diff.frames);
  repair(diff.labels);
  if (diff.meta) jb::RepairTexts(diff.meta->after, &counts);
  m_textsRepaired += counts.broken + counts.cuts;
}

// The diff is already applied to the board; this makes it the newest done step.
void Document::Record(BoardDiff diff, std::string label) {
  for (size_t i = m_position; i < m_history.size(); ++i) m_historyBytes -= m_history[i].bytes;
  m_history.resize(m_position);
  Step step;
  step.bytes = diff.ApproxBytes() + sizeof(Step) + label.capacity();
  step.diff = std::move(diff);
  step.label = std::move(label);
  step.stateBefore = m_state;
  step.stateAfter = m_state = m_nextState++;
  m_historyBytes += step.bytes;
  m_history.push_back(std::move(step));
  m_position = m_history.size();
  if (m_observer) m_observer(JournalKind::Apply, m_history.back().diff);  // told the state after, as Undo and Redo
  TrimHistory();
}

// Drops the oldest done steps first, then the farthest redo steps, but keeps one step so the
// last edit can always be undone however big it is.
void Document::TrimHistory() {
  size_t dropFront = 0;
  while (m_historyBytes > m_historyLimit && m_history.size() - dropFront > 1) {
    if (m_position - dropFront > 1) {
      m_historyBytes -= m_history[dropFront++].bytes;
    } else if (m_position < m_history.size()) {
      m_historyBytes -= m_history.back().bytes;
      m_history.pop_back();
    } else {
      break;
    }
  }
  if (dropFront == 0) return;
  m_history.erase(m_history.begin(), m_history.begin() + std::ptrdiff_t(dropFront));
  m_position -= dropFront;
}

// [SECTION] History
// An open gesture with a change counts as the newest step: Undo commits it first, and then the
// redo steps are gone.

bool Document::CanUndo() const {
  return m_position > 0 || (m_inGesture && !m_gestureDiff.Empty());
}

bool Document::CanRedo() const {
  return m_position < m_history.size() && !(m_inGesture && !m_gestureDiff.Empty());
}

bool Document::Undo() {
  if (m_inGesture) CommitGesture();
  if (m_position == 0) return false;
  const Step& step = m_history[--m_position];
  RevertDiff(m_board, step.diff);
  m_state = step.stateBefore;
  Changed(&step.diff);
  if (m_observer) m_observer(JournalKind::Revert, step.diff);
  return true;
}

bool Document::Redo() {
  if (m_inGesture) CommitGesture();
  if (m_position == m_history.size()) return false;
  const Step& step = m_history[m_position++];
  ApplyDiff(m_board, step.diff);
  m_state = step.stateAfter;
  Changed(&step.diff);
  if (m_observer) m_observer(JournalKind::Apply, step.diff);
  return true;
}

const std::string& Document::UndoLabel() const {
  if (m_inGesture && !m_gestureDiff.Empty()) return m_gestureLabel;
  return m_position > 0 ? m_history[m_position - 1].label : kNoLabel;
}

const std::string& Document::RedoLabel() const {
  return CanRedo() ? m_history[m_position].label : kNoLabel;
}

void Document::JumpTo(size_t position) {
  if (m_inGesture) CommitGesture();
  position = std::min(position, m_history.size());
  while (m_position > position) Undo();
  while (m_position < position) Redo();
}

void Document::SetHistoryLimit(size_t bytes) {
  m_historyLimit = bytes;
  TrimHistory();
}

// [SECTION] Saving

void Document::MarkSaved(std::string path) {
  m_path = std::move(path);
  m_savedState = m_state;
}

}  // namespace jb
