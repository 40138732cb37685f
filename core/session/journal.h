// The change journal beside the recovery copy: every diff the Document commits is appended as a
// small checksummed record, so a crash loses at most the last unflushed second instead of
// everything since the last autosave. Recovery = the snapshot (the recovery copy) + the journal's
// valid records replayed in order.
//
// File layout (all integers little-endian):
//   header  "JBJOURNL" | u32 format version | u64 snapshot id | u32 CRC-32 of the 20 bytes before
//   record  u8 magic (0xD1) | u8 kind | u64 sequence | u32 payload length | payload
//           | u32 CRC-32 of everything from the magic to the payload's end
// Sequences start at 1 and go up by one. The payload is the BoardDiff in a compact binary form
// (varints, raw float bits, length-prefixed UTF-8), exact to the bit, private to this file: a
// journal only ever continues a snapshot written by the same app, so it has no migrations; a
// journal of another format version is left out (the snapshot alone still recovers). Every new
// field in model.h: add it to ByteWriter/ByteReader in diff_codec.cpp and bump kJournalFormatVersion
// (ByteReader reads the older layouts too, so journals already on disk stay readable);
// tests/unit/test_schema.cpp stops compiling until the field is in its lists, then checks that the
// file, the journal and repair carry it.
//
// Compaction (when the journal grows, or on every autosave), in this order:
//   1. take the board on the UI thread (a copy, shared immutably with the journal's thread) and the
//      journal's last sequence so far; changes committed from now on still go to the old journal
//      and are kept for the new one;
//   2. on the journal's thread: write the snapshot durably (WriteRecovery: temp file, fsync,
//      rename, fsync the folder), its envelope saying "continues" = the old journal's id and that
//      last sequence;
//   3. JournalWriter::Create(path, newId, kept changes): writes a new header and the kept changes
//      to a temp file, fsyncs it and renames it over the old journal; the few changes committed
//      during that sync follow at once (a kill in those few ms loses only them).
// A crash before 2's rename leaves the old copy and the old journal, which hold everything. A
// crash between 2 and 3 leaves the old journal, whose snapshot id no longer matches: its records
// up to "continues" are in the new copy, the later ones replay onto it. The other order would
// lose work: a new journal beside the old snapshot matches neither, so the old journal's changes
// are gone.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/edit/diff.h"
#include "core/model/model.h"

namespace jb {

// JournalKind (core/edit/diff.h) is what a committed change did: the Document tells its
// observer, the journal records it.
// Version 2 added the hidden flags of stages and lanes and the covered flag of notes; journals of
// version 1 (tests/fixtures/journal/) still replay, read without them. Version 3 added the board
// language to the board's details; older journals read it as English. Version 4 added the sketch
// records (strokes, arrows, frames, labels); older journals have none. Version 5 added the task
// note of a curve point; older journals read it as none. Version 6 added the persona portrait
// (age to competitors, income), the personas a note concerns and a touchpoint's retention metric;
// older journals read them empty (retention: not measured). Version 7 added a stage's reached
// count and a note's opportunity; older journals read them as not measured and not scored.
inline constexpr uint32_t kJournalFormatVersion = 7;
inline constexpr uint32_t kOldestJournalFormatVersion = 1;
// A record longer than this is damage, not a diff (a whole 200,000-note board is ~60 MiB in JSON).
inline constexpr uint32_t kMaxJournalPayload = 64u << 20;
inline constexpr size_t kJournalHeaderBytes = 24;
inline constexpr size_t kJournalRecordOverhead = 18;  // header 14 + CRC 4

// CRC-32 (IEEE 802.3, reflected; zlib's crc32, as PNG uses): Crc32("123456789") == 0xCBF43926.
// Pass the previous result as `crc` to continue over several pieces. Journals written with the
// former hand-written table read the same (tests/fixtures/journal/).
uint32_t Crc32(const void* data, size_t size, uint32_t crc = 0);

// Names a snapshot: FNV-1a 64 of its BoardToJson, so a board that saves and loads back to the
// same bytes keeps its id, and a journal is never replayed onto another board.
uint64_t SnapshotId(const Board& board);

// The payload: a diff as bytes and back (diff_codec.cpp). DecodeDiff is false for anything
// EncodeDiff did not make.
std::string EncodeDiff(const BoardDiff& diff);
// EncodeDiff appended to `out`, in journal format `version` (a continued older journal keeps its own).
void AppendDiff(std::string& out, const BoardDiff& diff, uint32_t version);
// `version`: the journal format the bytes were written in.
bool DecodeDiff(std::string_view bytes, BoardDiff* diff, uint32_t version = kJournalFormatVersion);

// One whole record (header, payload, CRC), as Append writes it.
std::string EncodeJournalRecord(JournalKind kind, uint64_t sequence, const BoardDiff& diff,
                                uint32_t version = kJournalFormatVersion);
std::string EncodeJournalHeader(uint64_t snapshotId);

struct JournalRecord {
  JournalKind kind = JournalKind::Apply;
  uint64_t sequence = 0;
  BoardDiff diff;
};

// What a journal may weigh before it is read: it is folded into a new copy past 1 MiB, so only
// one huge change (at most kMaxJournalPayload) can take it near this.
inline constexpr uint64_t kMaxJournalBytes = 2 * uint64_t(kMaxJournalPayload);

struct JournalReadResult {
  std::vector<JournalRecord> records;  // the valid ones, in order (sequences may skip damaged ones)
  bool tornTail = false;               // bytes after them were left out
  bool otherSnapshot = false;          // the header names another snapshot (normal after a compaction crash)
  std::string warning;                 // one sentence for the user; empty when all was read
  uint64_t validBytes = 0;             // header + valid records: where the next record goes
  uint64_t damagedRecords = 0;         // records between valid ones that were damaged and left out
  uint64_t headerSnapshotId = 0;       // the snapshot the header names, when it could be read
  bool unreadable = false;             // not a journal at all (damaged, empty, a folder, a FIFO...)
  uint32_t version = kJournalFormatVersion;  // the format its records were read in
};

// Reads records until the end. A bad record (short, over-long, wrong CRC, wrong sequence,
// undecodable) is skipped up to the next valid one, found by its magic, a sequence that fits the
// bytes skipped, and its CRC; with none after it, it is a torn tail. A header that is damaged but
// still names this snapshot keeps its records. A missing file is an empty journal, with no
// warning; anything that is not a regular file, or is over kMaxJournalBytes, is not read. Never
// throws, never blocks.
JournalReadResult ReadJournal(const std::string& path, uint64_t expectedSnapshotId);

// The snapshot with the records applied (Apply) or reverted (Revert) in order. The app never
// writes a record that breaks the board, but records reordered or forged with valid checksums can
// (an id at or above nextId, an id used twice, a lane height no command makes): the replay stops
// before the first record after which the board fails CheckBoard (texts aside: RepairBoard
// repairs those), and adds a sentence saying how many changes were left out to `warning` (may be
// null). The changes before it are kept.
Board ReplayJournal(Board snapshot, const std::vector<JournalRecord>& records, std::string* warning = nullptr);

// Appends records to a journal file. Append and Flush are separate so the caller decides when to
// pay for the disk (say, a background thread flushing at most once a second). Flush may run on
// another thread while Append runs; nothing else may.
class JournalWriter {
 public:
  // A new journal for the snapshot, replacing any file at `path` atomically, holding `first` (the
  // changes already made after the snapshot, in order) from the moment it replaces it.
  static std::optional<JournalWriter> Create(const std::string& path, uint64_t snapshotId, std::string* error,
                                             const std::vector<std::pair<JournalKind, const BoardDiff*>>& first = {});
  // Continues the journal at `path`: keeps its valid records, cuts a torn tail, appends after
  // them. Fails when the file is missing, damaged or belongs to another snapshot (then Create).
  static std::optional<JournalWriter> Open(const std::string& path, uint64_t snapshotId, std::string* error);

  JournalWriter(JournalWriter&& other) noexcept;
  JournalWriter& operator=(JournalWriter&& other) noexcept;
  JournalWriter(const JournalWriter&) = delete;
  JournalWriter& operator=(const JournalWriter&) = delete;
  ~JournalWriter();

  // Writes one record with one write() (no fsync). Returns its bytes, or 0 with `error` (may be
  // null) when the disk refused: the file is cut back to its last whole record, so later
  // appends still read back. After a failure that cannot be cut back, every Append fails: write
  // a snapshot and Create a new journal.
  size_t Append(JournalKind kind, const BoardDiff& diff, std::string* error);
  // Makes the appended records durable (fdatasync). False with `error` on failure.
  bool Flush(std::string* error);

  uint64_t Size() const { return m_size; }  // bytes in the file, header included
  uint64_t NextSequence() const { return m_nextSequence; }
  uint64_t snapshotId() const { return m_snapshotId; }
  const std::string& path() const { return m_path; }

 private:
  JournalWriter(int fd, std::string path, uint64_t snapshotId, uint64_t size, uint64_t nextSequence,
                uint32_t version);

  int m_fd = -1;
  std::string m_path;
  uint64_t m_snapshotId = 0;
  uint64_t m_size = 0;
  uint64_t m_nextSequence = 1;
  uint32_t m_version = kJournalFormatVersion;  // the layout its records are written in
  bool m_broken = false;  // a failed append left bytes that could not be cut off
};

}  // namespace jb
