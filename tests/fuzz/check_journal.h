// What every change journal must satisfy (core/session/journal.h), for the libFuzzer target
// fuzz_journal (with mutate_journal.h, which tears, flips, reorders and forges whole records) and
// the unit test that replays corpus/journal/ and regressions/journal/. The input is the journal
// file; its snapshot is the blank board (the seeds continue it, see make_seeds.cpp; a small board
// keeps each run cheap, so the fuzzer tries more journals):
//  - ReadJournal never throws or hangs; a warning is one sentence; records come in rising sequence
//    from 1, with a gap only where it counted damaged records;
//    validBytes is within the file and covers it all unless something was left out;
//  - each record's diff encodes back to the bytes it was decoded from;
//  - replaying the records onto the snapshot gives a consistent board, and after the app's
//    safety-net RepairBoard one that passes the loader's checks (save → load is a fixed point);
//  - JournalWriter::Open continues it: one more record appended reads back after the valid ones.
#pragma once
#include <string>
#include <vector>

#include "check_load.h"
#include "core/edit/commands.h"
#include "core/io/templates.h"
#include "core/session/journal.h"
#include "scratch.h"

namespace jb::fuzz::journal {

// ReplayJournal without the RepairBoard after it must already give a consistent board (texts
// aside: a record may hold broken UTF-8 or control characters, which Restore's RepairBoard
// repairs). It stops before a record that does not continue the board (reordered or forged
// records: tests/fuzz/regressions/journal/replayed-reorder-id-above-nextid and others).
inline constexpr bool kCheckRawReplay = true;
// A text holding U+0000 (only a forged record makes one) used to save as "\u0000" and load back
// cut there (regressions/journal/text-with-nul-*): RepairBoard now removes control characters,
// and the loader no longer cuts at an escaped NUL, so such a board is checked for save -> load too.
inline constexpr bool kNulLoadsBack = true;

// The blank board with fixed times, so that its SnapshotId is the same in every run.
inline const Board& Snapshot() {
  static const Board board = [] {
    Board blank = MakeBoard(Template::Blank);
    blank.meta.created = blank.meta.modified = "2026-01-01T09:00:00Z";
    return blank;
  }();
  return board;
}
inline uint64_t SnapshotIdOfBase() {
  static const uint64_t id = SnapshotId(Snapshot());
  return id;
}

inline std::string Check(const std::string& bytes, bool* gaveBoard) {
  const std::string path = ScratchDir() + "/journal.jbj";
  WriteScratchFile(path, bytes);
  const JournalReadResult read = ReadJournal(path, SnapshotIdOfBase());
  if (gaveBoard) *gaveBoard = !read.records.empty();

  if (!read.warning.empty() && read.warning.back() != '.') return "a journal warning without a sentence";
  if (read.tornTail && read.warning.empty()) return "records were left out without a word";
  if (read.validBytes > bytes.size()) return "validBytes is beyond the file";
  if (read.warning.empty() && read.validBytes != bytes.size()) return "bytes were left out without a word";
  if (read.damagedRecords > 0 && read.warning.empty()) return "damaged records were left out without a word";
  for (size_t i = 0; i < read.records.size(); ++i) {
    const JournalRecord& record = read.records[i];
    const uint64_t previous = i == 0 ? 0 : read.records[i - 1].sequence;
    if (record.sequence <= previous) return "records out of sequence";
    if (read.damagedRecords == 0 && record.sequence != i + 1) return "records skip a sequence without a damaged one";
    const std::string encoded = EncodeDiff(record.diff);
    BoardDiff again;
    if (!DecodeDiff(encoded, &again) || EncodeDiff(again) != encoded) return "a diff does not encode back";
  }

  const Board replayed = ReplayJournal(Snapshot(), read.records);
  if (kCheckRawReplay) {
    const std::vector<std::string> problems = CheckBoard(replayed, ConsistencyOptions{false});
    if (!problems.empty()) return "a replayed journal gives an inconsistent board: " + problems.front();
  }
  Board restored = replayed;
  RepairBoard(restored);  // what RecoveryKeeper::Restore does after the replay
  if (!kNulLoadsBack && BoardToJson(restored).find("\\u0000") != std::string::npos) {
    const std::vector<std::string> problems = CheckBoard(restored);  // all but save -> load
    if (!problems.empty()) return "after replay and repair, the board fails the consistency check: " + problems.front();
  } else if (std::string problem = CheckBoardAsLoaded(restored); !problem.empty()) {
    return "after replay and repair, " + problem;
  }

  // The app continues a journal after a restart: the valid records stay, a torn tail is cut.
  std::string error;
  std::optional<JournalWriter> writer = JournalWriter::Open(path, SnapshotIdOfBase(), &error);
  if (!writer) {
    if (read.validBytes > 0 && !read.otherSnapshot) return "a journal with a valid header does not open: " + error;
    return "";
  }
  const BoardDiff next = RenameStage(replayed, replayed.stages.empty() ? StageId() : replayed.stages.front().id, "fuzz");
  if (writer->Append(JournalKind::Apply, next, &error) == 0) return "cannot append to a reopened journal: " + error;
  writer.reset();
  const JournalReadResult after = ReadJournal(path, SnapshotIdOfBase());
  // A damaged record between valid ones, or a damaged header that still names the snapshot, stays
  // in the file (and is told again); a torn tail is gone.
  const bool headerDamaged = read.warning.rfind("The start of the change log", 0) == 0;
  if (read.damagedRecords == 0 && !headerDamaged && !after.warning.empty())
    return "a reopened and appended journal reads with a warning: " + after.warning;
  if (headerDamaged && after.warning.rfind("The start of the change log", 0) != 0)
    return "a reopened journal no longer tells of its damaged header";
  if (after.tornTail) return "a reopened and appended journal has a torn tail";
  if (after.damagedRecords != read.damagedRecords) return "a reopened journal counts other damaged records";
  if (after.records.size() != read.records.size() + 1) return "a reopened journal lost or gained records";
  for (size_t i = 0; i < read.records.size(); ++i)
    if (after.records[i].sequence != read.records[i].sequence) return "a reopened journal renumbered its records";
  return "";
}

}  // namespace jb::fuzz::journal
