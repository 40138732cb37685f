#include "core/session/change_journal.h"

#include <chrono>
#include <cstdio>

#include "core/session/recovery.h"

namespace jb {

namespace {
// Commits arriving within this window share one fdatasync; well inside the 1 s promise.
constexpr auto kGroupWindow = std::chrono::milliseconds(150);
}  // namespace

ChangeJournal::ChangeJournal() : m_thread([this] { FlushLoop(); }) {}

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
  if (!m_writer || boardPath != m_boardPath) {
    // The snapshot this journal continues: the board as it was just before this change.
    Board before = boardAfter;
    if (kind == JournalKind::Apply) RevertDiff(before, diff);
    else ApplyDiff(before, diff);
    if (!WriteRecovery(before, boardPath, error) || !Restart(before, boardPath, error)) return false;
  }
  if (m_writer->Append(kind, diff, error) == 0) return false;
  {
    std::lock_guard<std::mutex> lock(m_mutex);
    m_pending = true;
  }
  m_wake.notify_one();
  return true;
}

bool ChangeJournal::Restart(const Board& board, const std::string& boardPath, std::string* error) {
  const std::string path = PathFor(boardPath);
  if (path.empty()) {
    *error = "there is no folder for recovery files (set HOME or XDG_STATE_HOME).";
    return false;
  }
  std::optional<JournalWriter> writer = JournalWriter::Create(path, SnapshotId(board), error);
  std::lock_guard<std::mutex> lock(m_mutex);
  m_writer = std::move(writer);
  m_boardPath = boardPath;
  return m_writer.has_value();
}

void ChangeJournal::Close() {
  std::lock_guard<std::mutex> lock(m_mutex);
  if (m_writer) m_writer->Flush(nullptr);
  m_writer.reset();
  m_pending = false;
}

uint64_t ChangeJournal::Size() const { return m_writer ? m_writer->Size() : 0; }

void ChangeJournal::FlushLoop() {
  std::unique_lock<std::mutex> lock(m_mutex);
  for (;;) {
    m_wake.wait(lock, [this] { return m_pending || m_stop; });
    if (m_pending && !m_stop) {
      // Let the commits of a busy moment gather, then sync them together.
      lock.unlock();
      std::this_thread::sleep_for(kGroupWindow);
      lock.lock();
    }
    if (m_pending && m_writer) m_writer->Flush(nullptr);
    m_pending = false;
    if (m_stop) return;
  }
}

}  // namespace jb
