#include "core/session/recovery_keeper.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <memory>
#include <utility>
#include <vector>

namespace fs = std::filesystem;

namespace jb {

std::optional<std::string> RecoveryKeeper::SayOnce(const std::string& failure, const std::string& error) {
  if (m_errorShown) return std::nullopt;
  m_errorShown = true;
  return failure + error + " Save the board to keep it safe.";
}

bool RecoveryKeeper::NeedsCopy(const Document& document) const {
  return document.IsDirty() && document.ChangeCount() != m_copiedChange;
}

double RecoveryKeeper::NextCopyIn(const Document& document, double now) const {
  if (!NeedsCopy(document)) return -1;
  return std::max(0.0, m_lastCopyTime + m_period - now);
}

std::optional<std::string> RecoveryKeeper::TakeOutcome() {
  const std::optional<ChangeJournal::Outcome> outcome = m_journal.TakeOutcome();
  if (!outcome) return std::nullopt;
  if (outcome->error.empty()) {
    m_errorShown = false;
    return std::nullopt;
  }
  if (outcome->firstOfJournal) return SayOnce("Changes cannot be logged for recovery: ", outcome->error);
  m_copiedChange = kNoCopy;  // try again at the next period
  return SayOnce("Unsaved work cannot be copied for recovery: ", outcome->error);
}

std::optional<std::string> RecoveryKeeper::Settle() {
  m_journal.WaitForSnapshot();
  return TakeOutcome();
}

void RecoveryKeeper::Seed(const Document& document, const BoardDiff* justRecorded, JournalKind kind) {
  // The one copy of the board the journal takes: when a board was opened, not at each change.
  auto replica = std::make_shared<Board>(document.board());
  if (justRecorded) {  // the board before it: the replica gets the change through Record
    if (kind == JournalKind::Apply) RevertDiff(*replica, *justRecorded);
    else ApplyDiff(*replica, *justRecorded);
  } else if (document.InGesture()) {  // the gesture reaches the journal when it commits
    RevertDiff(*replica, document.GestureDiff());
  }
  m_journal.Seed(std::move(replica));
  m_seededReset = document.ResetCount();
  m_replicaState = document.RecordedState();
}

std::optional<std::string> RecoveryKeeper::Tick(const Document& document, double now, bool force) {
  // A board opened since, or changes not told to OnChange: the replica starts again from the board.
  if (document.RecordedState() != m_replicaState) Seed(document, nullptr, JournalKind::Apply);
  const std::optional<std::string> told = TakeOutcome();
  if (!NeedsCopy(document) || (!force && now - m_lastCopyTime < m_period)) return told;
  if (document.InGesture()) {
    // Never snapshot a gesture half-way: the journal replays its whole diff on top of the snapshot
    // when it commits. Try again in a second (the gesture itself is lost only with the app).
    m_lastCopyTime = now - m_period + 1;
    return told;
  }
  if (m_journal.SnapshotBusy()) {
    m_lastCopyTime = now - m_period;  // the one being written is older: due again once it lands
    return told;
  }
  // A fresh snapshot, then an empty journal after it: the journal never grows without bound. It is
  // written from the journal's replica, on its thread: nothing is copied here.
  m_lastCopyTime = now;
  m_journal.StartSnapshot(document.path());
  m_copiedChange = document.ChangeCount();
  return told;
}

std::optional<std::string> RecoveryKeeper::OnChange(JournalKind kind, const BoardDiff& diff,
                                                    const Document& document, double now) {
  if (document.ResetCount() != m_seededReset) Seed(document, &diff, kind);  // opened since the last Tick
  m_replicaState = document.RecordedState();
  std::optional<std::string> told = TakeOutcome();
  std::string error;
  if (!m_journal.Record(kind, diff, document.path(), &error)) {
    std::optional<std::string> failure = SayOnce("Changes cannot be logged for recovery: ", error);
    return failure ? failure : told;
  }
  if (m_journal.Size() > kJournalCompactBytes) {
    std::optional<std::string> compacted = Tick(document, now, /*force=*/true);
    return told ? told : compacted;
  }
  return told;
}

void RecoveryKeeper::Discard(const Document& document) {
  if (m_offered) return;  // still being offered: only the facilitator's answer may remove it
  m_journal.Close();
  ChangeJournal::Remove(document.path());
  RemoveRecovery(document.path());
  m_copiedChange = document.ChangeCount();
}

const std::optional<RecoveryInfo>& RecoveryKeeper::Offer(const std::string& file) {
  m_offered = FindRecovery(file);
  if (!m_offered && file.empty()) {
    std::vector<RecoveryInfo> all = ListRecoveries();
    if (!all.empty()) m_offered = all.front();
  }
  if (m_offered) {
    std::error_code ec;
    auto journalTime = fs::last_write_time(ChangeJournal::PathFor(m_offered->boardPath), ec);
    if (!ec) {
      auto systemTime = std::chrono::time_point_cast<std::chrono::system_clock::duration>(
          journalTime - fs::file_time_type::clock::now() + std::chrono::system_clock::now());
      m_offered->savedAt = std::max(m_offered->savedAt, std::chrono::system_clock::to_time_t(systemTime));
    }
  }
  return m_offered;
}

namespace {

// A crash between writing a new copy and starting its journal leaves the old journal, whose
// snapshot is the copy before it: its changes are all in the new copy. Then the copy with the
// journal's records undone, last first, is exactly the snapshot the journal names, and replaying
// them onto that gives the copy back (undoing alone can land on any snapshot it overwrites).
bool FoldedIntoCopy(const std::string& journalPath, uint64_t journalSnapshot, const Board& copy) {
  const JournalReadResult old = ReadJournal(journalPath, journalSnapshot);
  if (!old.warning.empty()) return false;
  Board before = copy;
  for (auto record = old.records.rbegin(); record != old.records.rend(); ++record) {
    if (record->kind == JournalKind::Apply)
      RevertDiff(before, record->diff);
    else
      ApplyDiff(before, record->diff);
  }
  return SnapshotId(before) == journalSnapshot && ReplayJournal(before, old.records) == copy;
}

}  // namespace

RestoreResult RecoveryKeeper::Restore(const RecoveryInfo& info) {
  LoadResult loaded = LoadRecovery(info);
  if (auto* error = std::get_if<LoadError>(&loaded)) return *error;
  LoadedBoard& restored = std::get<LoadedBoard>(loaded);
  // The copy is a snapshot; the journal holds every change committed after it.
  const std::string path = ChangeJournal::PathFor(info.boardPath);
  JournalReadResult journal = ReadJournal(path, SnapshotId(restored.board));
  if (journal.otherSnapshot && info.continues && info.continues->first == journal.headerSnapshotId) {
    // A kill after a background copy was renamed, before its own journal replaced the old one:
    // the old journal's records through continues->second are in the copy, the rest follow it.
    JournalReadResult old = ReadJournal(path, journal.headerSnapshotId);
    const uint64_t through = info.continues->second;
    old.records.erase(std::remove_if(old.records.begin(), old.records.end(),
                                     [through](const JournalRecord& r) { return r.sequence <= through; }),
                      old.records.end());
    journal = std::move(old);
  }
  // Every reason a change is missing is told, except the one that loses nothing.
  if (journal.otherSnapshot && FoldedIntoCopy(path, journal.headerSnapshotId, restored.board)) journal.warning.clear();
  Board replayed = ReplayJournal(std::move(restored.board), journal.records, &journal.warning);
  RestoredBoard result{std::move(replayed), journal.warning};
  RepairBoard(result.board);  // a safety net: a replayed board must be as valid as a loaded one
  return result;
}

void RecoveryKeeper::MarkRestored(const Document& document) {
  m_journal.Close();
  m_copiedChange = document.ChangeCount();  // the copy on disk is this very board
  m_offered.reset();
}

void RecoveryKeeper::Decline() {
  if (!m_offered) return;
  RemoveRecovery(m_offered->boardPath);
  ChangeJournal::Remove(m_offered->boardPath);
  m_offered.reset();
}

}  // namespace jb
