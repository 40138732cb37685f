#include "core/session/change_journal.h"

#include <chrono>
#include <cstdio>
#include <utility>

#include "core/session/recovery.h"

namespace jb {

namespace {
// Commits arriving within this window share one fdatasync; well inside the 1 s promise.
constexpr auto kGroupWindow = std::chrono::milliseconds(150);
}  // namespace

ChangeJournal::ChangeJournal() : m_thread([this] { Loop(); }) {}

ChangeJournal::~ChangeJournal() {
  {
    std::lock_guard<std::mutex> lock(m_mutex);
    m_stop = true;
  }
  m_wake.notify_all();
  m_thread.join();
}

std::string ChangeJournal::PathFor(const std::string& boardPath) {
  const std::string dir = RecoveryDir();
  return dir.empty() ? std::string() : dir + "/" + RecoveryKey(boardPath) + ".journal";
}

void ChangeJournal::Remove(const std::string& boardPath) {
  const std::string path = PathFor(boardPath);
  if (!path.empty()) std::remove(path.c_str());
}

bool ChangeJournal::Record(JournalKind kind, const BoardDiff& diff, const Board& boardAfter,
                           const std::string& boardPath, std::string* error) {
  std::unique_lock<std::mutex> lock(m_mutex);
  if (m_snapshot && m_snapshotPath != boardPath) {  // another board's snapshot: let it land first
    m_idle.wait(lock, [this] { return !m_snapshot; });
  }
  if (!m_snapshot && (!m_writer || boardPath != m_boardPath)) {
    if (PathFor(boardPath).empty()) {
      *error = "there is no folder for recovery files (set HOME or XDG_STATE_HOME).";
      return false;
    }
    // The snapshot this journal continues: the board as it was just before this change. Only this
    // thread starts snapshots, so nothing changes while the lock is let go for the copy.
    lock.unlock();
    auto before = std::make_shared<Board>(boardAfter);
    if (kind == JournalKind::Apply) RevertDiff(*before, diff);
    else ApplyDiff(*before, diff);
    lock.lock();
    m_writer.reset();  // a journal of another board must not get this board's records
    m_snapshot = std::move(before);
    m_snapshotPath = boardPath;
    m_snapshotFirst = true;
    m_continues.reset();
    m_kept.assign(1, Kept{kind, diff});
    lock.unlock();
    m_wake.notify_all();
    return true;
  }
  if (m_snapshot) m_kept.push_back(Kept{kind, diff});  // for the journal after the snapshot
  if (!m_writer) return true;  // the first snapshot is being written: the change waits in m_kept
  if (m_writer->Append(kind, diff, error) == 0) return false;
  m_pending = true;
  lock.unlock();
  m_wake.notify_all();
  return true;
}

bool ChangeJournal::StartSnapshot(std::shared_ptr<const Board> board, const std::string& boardPath) {
  {
    std::lock_guard<std::mutex> lock(m_mutex);
    if (m_snapshot) return false;
    m_snapshot = std::move(board);
    m_snapshotPath = boardPath;
    m_snapshotFirst = false;
    m_kept.clear();
    // Records of another board's journal would land in this one's: stop it now.
    if (m_writer && m_boardPath != boardPath) m_writer.reset();
    // The board holds every record appended so far: said in the copy, so that a kill between the
    // copy's rename and its journal's replays the old journal's later records onto it.
    m_continues.reset();
    if (m_writer) m_continues = std::make_pair(m_writer->snapshotId(), m_writer->NextSequence() - 1);
  }
  m_wake.notify_all();
  return true;
}

bool ChangeJournal::SnapshotBusy() const {
  std::lock_guard<std::mutex> lock(m_mutex);
  return m_snapshot != nullptr;
}

std::optional<ChangeJournal::Outcome> ChangeJournal::TakeOutcome() {
  std::lock_guard<std::mutex> lock(m_mutex);
  return std::exchange(m_outcome, std::nullopt);
}

void ChangeJournal::WaitForSnapshot() {
  std::unique_lock<std::mutex> lock(m_mutex);
  m_idle.wait(lock, [this] { return !m_snapshot; });
}

void ChangeJournal::Close() {
  std::unique_lock<std::mutex> lock(m_mutex);
  m_idle.wait(lock, [this] { return !m_snapshot; });
  if (m_writer) m_writer->Flush(nullptr);
  m_writer.reset();
  m_pending = false;
}

uint64_t ChangeJournal::Size() const {
  std::lock_guard<std::mutex> lock(m_mutex);
  return m_writer ? m_writer->Size() : 0;
}

// The order that keeps a kill at any moment recoverable (journal.h, "Compaction"): the copy is
// durable before the journal after it replaces the old one. Until the copy's rename the old copy
// and the old journal (which got every change meanwhile) restore everything.
void ChangeJournal::WriteSnapshot(std::unique_lock<std::mutex>& lock) {
  const std::shared_ptr<const Board> board = m_snapshot;
  const std::string boardPath = m_snapshotPath;
  const auto continues = m_continues;
  lock.unlock();
  std::string error;
  const uint64_t id = SnapshotId(*board);
  const bool copied = WriteRecovery(*board, boardPath, &error, continues);
  const std::string path = PathFor(boardPath);
  if (copied && path.empty()) error = "there is no folder for recovery files (set HOME or XDG_STATE_HOME).";
  lock.lock();
  bool started = false;
  if (copied && !path.empty()) {
    // The new journal holds the changes committed while the copy was written from the moment it
    // exists. Its sync runs without the lock (the UI thread takes it every frame); the few
    // changes committed meanwhile are appended right after, under it.
    std::vector<Kept> first = std::move(m_kept);
    m_kept.clear();
    lock.unlock();
    std::vector<std::pair<JournalKind, const BoardDiff*>> records;
    for (const Kept& kept : first) records.emplace_back(kept.kind, &kept.diff);
    std::optional<JournalWriter> created = JournalWriter::Create(path, id, &error, records);
    lock.lock();
    if (created) {
      auto writer = std::make_shared<JournalWriter>(std::move(*created));
      started = true;
      for (const Kept& kept : m_kept) started = started && writer->Append(kept.kind, kept.diff, &error) > 0;
      if (started) {
        m_writer = std::move(writer);
        m_boardPath = boardPath;
        m_pending = true;
      }
    }
  }
  // A failed copy left the old copy, and the old journal (which got the kept changes too) still
  // continues it. A new copy without its journal: the old journal's later records still replay
  // onto it (`continues`), but the next change starts over from a fresh snapshot.
  if (copied && !started) m_writer.reset();
  m_kept.clear();
  m_snapshot.reset();
  m_outcome = Outcome{error, m_snapshotFirst};
  m_idle.notify_all();
}

void ChangeJournal::Loop() {
  std::unique_lock<std::mutex> lock(m_mutex);
  for (;;) {
    m_wake.wait(lock, [this] { return m_pending || m_stop || m_snapshot; });
    if (m_snapshot) {
      WriteSnapshot(lock);
      continue;
    }
    if (m_pending && !m_stop) {
      // Let the commits of a busy moment gather, then sync them together.
      lock.unlock();
      std::this_thread::sleep_for(kGroupWindow);
      lock.lock();
    }
    if (m_pending && m_writer) {
      // Without the lock: the UI thread appends meanwhile (JournalWriter allows it).
      const std::shared_ptr<JournalWriter> writer = m_writer;
      m_pending = false;
      lock.unlock();
      writer->Flush(nullptr);
      lock.lock();
    }
    m_pending = false;
    if (m_stop && !m_snapshot) return;
  }
}

}  // namespace jb
