// Every committed change of the board, appended to a journal beside the recovery copy as it
// happens, so a crash or a kill loses at most the gesture in progress (autosave alone loses up to
// its interval). The journal continues a snapshot: the recovery copy written when journaling
// starts (the board just before its first unsaved change) or at each autosave (compaction).
// Restoring = that snapshot + the journal's valid records, replayed (core/session/journal.h).
//
// Appends happen on the UI thread (a few µs: one write()); a background thread makes them
// durable with fdatasync within about 0.2 s, grouping the commits of a busy moment in one sync.
// The same thread writes snapshots: the UI thread only hands it a copy of the board (a 50,000-note
// board serializes and syncs in a good fraction of a second; copying it takes a few ms). While a
// snapshot is written, new records still go to the journal in use (the old copy + it restore
// everything) and are kept; once the copy and its new journal are durable, the kept records
// follow in the new journal, in their order, before any later one.
#pragma once
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "core/edit/diff.h"
#include "core/model/model.h"
#include "core/session/journal.h"

namespace jb {

class ChangeJournal {
 public:
  ChangeJournal();
  // Finishes the snapshot being written, makes what was appended durable, stops the thread.
  ~ChangeJournal();
  ChangeJournal(const ChangeJournal&) = delete;
  ChangeJournal& operator=(const ChangeJournal&) = delete;

  // The journal file for a board (beside its recovery copy).
  static std::string PathFor(const std::string& boardPath);
  static void Remove(const std::string& boardPath);

  // A committed change: `boardAfter` is the board with it applied. With no journal open yet, the
  // board before the change is handed to the background thread as the snapshot to start from.
  // False with `error` when it cannot be appended now (a failure of the background snapshot is
  // told by TakeOutcome).
  bool Record(JournalKind kind, const BoardDiff& diff, const Board& boardAfter, const std::string& boardPath,
              std::string* error);
  // Writes `board` as the recovery copy and starts an empty journal after it, in the background.
  // False (nothing started) while another snapshot is being written.
  bool StartSnapshot(std::shared_ptr<const Board> board, const std::string& boardPath);
  bool SnapshotBusy() const;
  // What became of the last background snapshot, once: nothing while it runs or when already
  // taken; else done, with `error` empty on success or one sentence.
  struct Outcome {
    std::string error;
    bool firstOfJournal = false;  // started by Record with no journal open, not by StartSnapshot
  };
  std::optional<Outcome> TakeOutcome();
  // Blocks until no snapshot is being written (tests, and before the copy is removed).
  void WaitForSnapshot();
  // Stops journaling this board (saved, replaced, or its recovery discarded): waits for a
  // snapshot being written first, so nothing is written after. Deletes nothing.
  void Close();
  uint64_t Size() const;

 private:
  struct Kept {
    JournalKind kind;
    BoardDiff diff;
  };
  void Loop();
  void WriteSnapshot(std::unique_lock<std::mutex>& lock);

  // Guards everything below against the background thread. Append runs under it (a write() of a
  // few bytes); fdatasync and snapshots run without it.
  mutable std::mutex m_mutex;
  std::condition_variable m_wake, m_idle;
  std::shared_ptr<JournalWriter> m_writer;
  std::string m_boardPath;
  // The snapshot to write (set until it is written) and the changes committed since its board was
  // taken, for its journal.
  std::shared_ptr<const Board> m_snapshot;
  std::string m_snapshotPath;
  std::optional<std::pair<uint64_t, uint64_t>> m_continues;  // the journal the snapshot folds in, through
  std::vector<Kept> m_kept;
  bool m_snapshotFirst = false;  // m_snapshot was started by Record (Outcome::firstOfJournal)
  std::optional<Outcome> m_outcome;
  bool m_pending = false, m_stop = false;
  std::thread m_thread;
};

}  // namespace jb
