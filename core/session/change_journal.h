// Every committed change of the board, appended to a journal beside the recovery copy as it
// happens, so a crash or a kill loses at most the gesture in progress (autosave alone loses up to
// its interval). The journal continues a snapshot: the recovery copy written when journaling
// starts (the board just before its first unsaved change) or at each autosave (compaction).
// Restoring = that snapshot + the journal's valid records, replayed (core/session/journal.h).
//
// Appends happen on the UI thread (a few µs: one write()); a background thread makes them
// durable with fdatasync within about 0.2 s, grouping the commits of a busy moment in one sync.
#pragma once
#include <condition_variable>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "core/edit/diff.h"
#include "core/model/model.h"
#include "core/session/journal.h"

namespace jb {

class ChangeJournal {
 public:
  ChangeJournal();
  ~ChangeJournal();  // makes what was appended durable, then stops the flush thread
  ChangeJournal(const ChangeJournal&) = delete;
  ChangeJournal& operator=(const ChangeJournal&) = delete;

  // The journal file for a board (beside its recovery copy).
  static std::string PathFor(const std::string& boardPath);
  static void Remove(const std::string& boardPath);

  // A committed change: `boardAfter` is the board with it applied. With no journal open yet, the
  // board before the change is written as the recovery copy first and a journal started after it.
  bool Record(JournalKind kind, const BoardDiff& diff, const Board& boardAfter, const std::string& boardPath,
              std::string* error);
  // `board` was just written as the recovery copy: start an empty journal after it.
  bool Restart(const Board& board, const std::string& boardPath, std::string* error);
  // Stops journaling this board (saved, replaced, or its recovery discarded). Deletes nothing.
  void Close();
  uint64_t Size() const;

 private:
  void FlushLoop();

  std::optional<JournalWriter> m_writer;
  std::string m_boardPath;
  mutable std::mutex m_mutex;  // guards m_writer against the flush thread (Append needs no lock)
  std::condition_variable m_wake;
  bool m_pending = false, m_stop = false;
  std::thread m_thread;
};

}  // namespace jb
