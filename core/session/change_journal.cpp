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

void ChangeJournal::Seed(std::shared_ptr<Board> board) {
  std::unique_lock<std::mutex> lock(m_mutex);
  m_idle.wait(lock, [this] { return !m_snapshotBusy; });
  if (m_writer) m_writer->Flush(nullptr);
  m_writer.reset();  // it continued another board
  m_pending = false;
  m_seed = std::move(board);
  m_unapplied.clear();  // changes of the board before; the seed holds every later one's start
  lock.unlock();
  m_wake.notify_all();
}

bool ChangeJournal::Record(JournalKind kind, const BoardDiff& diff, const std::string& boardPath, std::string* error) {
  auto change = std::make_shared<const Change>(Change{kind, diff});
  std::unique_lock<std::mutex> lock(m_mutex);
  if (m_snapshotBusy && m_snapshotPath != boardPath) {  // another board's snapshot: let it land first
    m_idle.wait(lock, [this] { return !m_snapshotBusy; });
  }
  // The replica gets every change, journaled or not: it must stay the board.
  const size_t before = m_unapplied.size();
  m_unapplied.push_back(change);
  if (!m_snapshotBusy && (!m_writer || boardPath != m_boardPath)) {
    if (PathFor(boardPath).empty()) {
      lock.unlock();
      m_wake.notify_all();
      *error = "there is no folder for recovery files (set HOME or XDG_STATE_HOME).";
      return false;
    }
    // The snapshot this journal continues: the board as it was just before this change.
    m_writer.reset();  // a journal of another board must not get this board's records
    m_snapshotBusy = true;
    m_snapshotAt = before;
    m_snapshotPath = boardPath;
    m_snapshotFirst = true;
    m_continues.reset();
    m_kept.assign(1, std::move(change));
    lock.unlock();
    m_wake.notify_all();
    return true;
  }
  if (m_snapshotBusy) m_kept.push_back(std::move(change));  // for the journal after the snapshot
  // Without a writer the first snapshot is being written: the change waits in m_kept.
  if (m_writer) {
    if (m_writer->Append(kind, diff, error) == 0) return false;
    m_pending = true;
  }
  lock.unlock();
  m_wake.notify_all();
  return true;
}

bool ChangeJournal::StartSnapshot(const std::string& boardPath) {
  {
    std::lock_guard<std::mutex> lock(m_mutex);
    if (m_snapshotBusy) return false;
    m_snapshotBusy = true;
    m_snapshotAt = m_unapplied.size();
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
  return m_snapshotBusy;
}

std::optional<ChangeJournal::Outcome> ChangeJournal::TakeOutcome() {
  std::lock_guard<std::mutex> lock(m_mutex);
  return std::exchange(m_outcome, std::nullopt);
}

void ChangeJournal::WaitForSnapshot() {
  std::unique_lock<std::mutex> lock(m_mutex);
  m_idle.wait(lock, [this] { return !m_snapshotBusy; });
}

void ChangeJournal::Close() {
  std::unique_lock<std::mutex> lock(m_mutex);
  m_idle.wait(lock, [this] { return !m_snapshotBusy; });
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
void ChangeJournal::CatchUp(std::unique_lock<std::mutex>& lock) {
  for (;;) {
    if (m_seed) m_replica = std::move(m_seed);  // m_unapplied was emptied with the seed
    const size_t due = m_snapshotBusy ? m_snapshotAt : m_unapplied.size();
    if (due == 0) return;
    std::vector<ChangePtr> batch(m_unapplied.begin(), m_unapplied.begin() + ptrdiff_t(due));
    m_unapplied.erase(m_unapplied.begin(), m_unapplied.begin() + ptrdiff_t(due));
    if (m_snapshotBusy) m_snapshotAt = 0;
    lock.unlock();
    if (m_replica) {
      for (const ChangePtr& change : batch) {
        if (change->kind == JournalKind::Apply) ApplyDiff(*m_replica, change->diff);
        else RevertDiff(*m_replica, change->diff);
      }
    }
    lock.lock();
  }
}

void ChangeJournal::WriteSnapshot(std::unique_lock<std::mutex>& lock) {
  // The replica is at the snapshot's point (CatchUp) and stays there: only this thread applies
  // changes to it, and a Seed waits for the snapshot to land.
  const std::shared_ptr<const Board> board = m_replica;
  const std::string boardPath = m_snapshotPath;
  const auto continues = m_continues;
  lock.unlock();
  std::string error;
  uint64_t id = 0;
  bool copied = false;
  if (!board) {
    error = "the journal was given no board to copy.";
  } else {
    id = SnapshotId(*board);
    copied = WriteRecovery(*board, boardPath, &error, continues);
  }
  const std::string path = PathFor(boardPath);
  if (copied && path.empty()) error = "there is no folder for recovery files (set HOME or XDG_STATE_HOME).";
  lock.lock();
  bool started = false;
  if (copied && !path.empty()) {
    // The new journal holds the changes committed while the copy was written from the moment it
    // exists. Its sync runs without the lock (the UI thread takes it every frame); the few
    // changes committed meanwhile are appended right after, under it.
    std::vector<ChangePtr> first = std::move(m_kept);
    m_kept.clear();
    lock.unlock();
    std::vector<std::pair<JournalKind, const BoardDiff*>> records;
    for (const ChangePtr& kept : first) records.emplace_back(kept->kind, &kept->diff);
    std::optional<JournalWriter> created = JournalWriter::Create(path, id, &error, records);
    lock.lock();
    if (created) {
      auto writer = std::make_shared<JournalWriter>(std::move(*created));
      started = true;
      for (const ChangePtr& kept : m_kept) started = started && writer->Append(kept->kind, kept->diff, &error) > 0;
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
  m_snapshotBusy = false;
  m_outcome = Outcome{error, m_snapshotFirst};
  m_idle.notify_all();
}

void ChangeJournal::Loop() {
  std::unique_lock<std::mutex> lock(m_mutex);
  for (;;) {
    m_wake.wait(lock, [this] { return m_pending || m_stop || m_snapshotBusy || m_seed || !m_unapplied.empty(); });
    CatchUp(lock);
    if (m_snapshotBusy) {
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
    if (m_stop && !m_snapshotBusy) return;
  }
}

}  // namespace jb
