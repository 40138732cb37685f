// Every committed change of the board, appended to a journal beside the recovery copy as it
// happens, so a crash or a kill loses at most the gesture in progress (autosave alone loses up to
// its interval). The journal continues a snapshot: the recovery copy written when journaling
// starts (the board just before its first unsaved change) or at each autosave (compaction).
// Restoring = that snapshot + the journal's valid records, replayed (core/session/journal.h).
//
// Appends happen on the UI thread (a few µs: one write()); a background thread makes them
// durable with fdatasync within about 0.2 s, grouping the commits of a busy moment in one sync.
// The same thread keeps a replica of the board: seeded with a copy when a board is opened, then
// brought up to date by applying each recorded change, exactly as a recovery replays them. It
// writes the snapshots from the replica, so the UI thread never copies the board for one (a
// 50,000-note board takes a few ms to copy and most of a second to serialize and sync). While a
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

  // The board every later Record changes (one opened, restored or new): the replica starts again
  // from it. Waits for a snapshot being written and ends the journal in use (it continued another
  // board). Must come before the first Record or StartSnapshot, and after every Document::Reset.
  void Seed(std::shared_ptr<Board> board);
  // A committed change of the seeded board. With no journal open yet, the board before the
  // change becomes the snapshot the new journal starts from. False with `error` when it cannot
  // be appended now (a failure of the background snapshot is told by TakeOutcome).
  bool Record(JournalKind kind, const BoardDiff& diff, const std::string& boardPath, std::string* error);
  // Writes the board as it is after every change recorded so far as the recovery copy and starts
  // an empty journal after it, in the background. False (nothing started) while another snapshot
  // is being written.
  bool StartSnapshot(const std::string& boardPath);
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
  struct Change {
    JournalKind kind;
    BoardDiff diff;
  };
  // Shared by the replica's queue and the list kept for the next journal: one copy of each diff.
  using ChangePtr = std::shared_ptr<const Change>;
  void Loop();
  // Adopts a new seed and applies the changes the replica lacks (those before a wanted snapshot,
  // or all). Returns under the lock with nothing more to adopt or apply.
  void CatchUp(std::unique_lock<std::mutex>& lock);
  void WriteSnapshot(std::unique_lock<std::mutex>& lock);

  // Guards everything below against the background thread. Append runs under it (a write() of a
  // few bytes); fdatasync and snapshots run without it.
  mutable std::mutex m_mutex;
  std::condition_variable m_wake, m_idle;
  std::shared_ptr<JournalWriter> m_writer;
  std::string m_boardPath;
  // A snapshot is wanted or being written (until it lands): of the replica with the first
  // `m_snapshotAt` of m_unapplied applied; m_kept holds the changes after that point, for its
  // journal.
  bool m_snapshotBusy = false;
  size_t m_snapshotAt = 0;
  std::string m_snapshotPath;
  std::optional<std::pair<uint64_t, uint64_t>> m_continues;  // the journal the snapshot folds in, through
  std::vector<ChangePtr> m_kept;
  bool m_snapshotFirst = false;  // the snapshot was started by Record (Outcome::firstOfJournal)
  // Changes recorded and not yet applied to the replica, in order, and a new seed to adopt first.
  std::vector<ChangePtr> m_unapplied;
  std::shared_ptr<Board> m_seed;
  // Only the journal's thread touches it, without the lock.
  std::shared_ptr<Board> m_replica;
  std::optional<Outcome> m_outcome;
  bool m_pending = false, m_stop = false;
  std::thread m_thread;
};

}  // namespace jb
