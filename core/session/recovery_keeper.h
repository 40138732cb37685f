// The recovery policy of one editing session: when to copy unsaved work aside (every period and
// on focus loss, never half-way through a gesture), journaling every committed change and folding
// a long journal into a new copy, which copy to offer at start and how to restore it, and when a
// copy may be removed. It owns the ChangeJournal. The app passes the time in (seconds on any
// steady clock) and shows what is returned; nothing here knows about windows or dialogs.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <variant>

#include "core/edit/diff.h"
#include "core/edit/document.h"
#include "core/io/file_io.h"
#include "core/model/model.h"
#include "core/session/change_journal.h"
#include "core/session/journal.h"
#include "core/session/recovery.h"

namespace jb {

// A journal past this size is folded into a new recovery snapshot (replaying it stays quick).
constexpr uint64_t kJournalCompactBytes = 1u << 20;

// A recovery copy with its journal replayed: the board to open (unsaved) under `boardPath`.
struct RestoredBoard {
  Board board;
  std::string warning;  // one sentence when changes in the journal were left out (or all of it); else empty
};
using RestoreResult = std::variant<LoadError, RestoredBoard>;

class RecoveryKeeper {
 public:
  explicit RecoveryKeeper(double periodSeconds) : m_period(periodSeconds) {}

  // Seconds until a copy is due (0: now), or negative when the board needs none.
  double NextCopyIn(const Document& document, double now) const;
  // Every frame: starts a copy when one is due, or at once when `now` is forced (focus lost, a
  // long journal). The copy is written on the journal's thread from its replica of the board
  // (change_journal.h); the first Tick after a Document::Reset gives it that replica. Returns a
  // sentence to show when copying failed (told by the Tick or OnChange after the background
  // write), once until a copy succeeds.
  std::optional<std::string> Tick(const Document& document, double now, bool force);
  // The document's observer: journals the change. A failure is told like Tick's.
  std::optional<std::string> OnChange(JournalKind kind, const BoardDiff& diff, const Document& document, double now);
  // Waits for a copy being written in the background and returns what Tick would tell of it.
  std::optional<std::string> Settle();
  // The board was saved, replaced or closed cleanly: remove its copy and journal, unless a copy is
  // still being offered (only the facilitator's answer may remove that one).
  void Discard(const Document& document);

  // At start: this board's copy (with no file: any board's, newest first), dated by the later of
  // the copy and its journal. Kept as offered() until Decline, Forget or MarkRestored.
  const std::optional<RecoveryInfo>& Offer(const std::string& file);
  const std::optional<RecoveryInfo>& offered() const { return m_offered; }
  // The copy with its journal replayed (and repaired like any loaded board). Deletes nothing.
  static RestoreResult Restore(const RecoveryInfo& info);
  // The restored board is now the document: journal it afresh; the copy on disk is this board.
  void MarkRestored(const Document& document);
  // The facilitator declined the offer: remove the copy and its journal.
  void Decline();
  // Stop offering, deleting nothing (the copy could not be read).
  void Forget() { m_offered.reset(); }

 private:
  bool NeedsCopy(const Document& document) const;
  // Gives the journal a copy of the board to keep as its replica (`justRecorded`: the change being
  // recorded, which the copy must not hold yet).
  void Seed(const Document& document, const BoardDiff* justRecorded, JournalKind kind);
  // What became of the last background copy: a failure to tell (once), or nothing.
  std::optional<std::string> TakeOutcome();
  // A failure is said once (copies and records are retried): the workshop goes on, but it needs a
  // save by hand. A later successful copy re-arms it.
  std::optional<std::string> SayOnce(const std::string& failure, const std::string& error);

  double m_period;
  static constexpr uint64_t kNoCopy = UINT64_MAX;
  // The Document::ResetCount the journal's replica started from, and the recorded state it holds.
  uint64_t m_seededReset = UINT64_MAX, m_replicaState = UINT64_MAX;
  uint64_t m_copiedChange = 0;  // the document's ChangeCount at the last recovery copy
  double m_lastCopyTime = 0;
  bool m_errorShown = false;
  std::optional<RecoveryInfo> m_offered;
  ChangeJournal m_journal;
};

}  // namespace jb
