#include "core/session/journal.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <utility>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "core/io/durable_file.h"
#include "core/io/file_io.h"
#include "core/model/consistency.h"
#include "core/session/bytes.h"

// Index (the payload, a diff as bytes, is diff_codec.cpp's):
//  [SECTION] CRC-32 and snapshot ids
//  [SECTION] Records and reading a journal
//  [SECTION] JournalWriter

namespace jb {

namespace {

constexpr char kHeaderMagic[8] = {'J', 'B', 'J', 'O', 'U', 'R', 'N', 'L'};
constexpr uint8_t kRecordMagic = 0xD1;  // record layout 1; a zero-filled or random tail rarely starts with it
constexpr size_t kRecordHeaderBytes = 14;

std::string ErrnoSentence(const char* what, const std::string& path, int err) {
  return std::string(what) + " " + path + ": " + std::strerror(err) + ".";
}

}  // namespace

// [SECTION] CRC-32 and snapshot ids

uint32_t Crc32(const void* data, size_t size, uint32_t crc) {
  // zlib's crc32 is this CRC (IEEE 802.3, reflected, pre- and post-inverted); it takes a uInt length.
  const auto* p = static_cast<const Bytef*>(data);
  uLong result = crc;
  while (size > 0) {
    const uInt piece = uInt(std::min<size_t>(size, 1u << 30));
    result = ::crc32(result, p, piece);
    p += piece;
    size -= piece;
  }
  return uint32_t(result);
}

uint64_t SnapshotId(const Board& board) {
  // FNV-1a: stable across runs, builds and machines, unlike std::hash.
  uint64_t hash = 0xcbf29ce484222325ull;
  for (const char c : BoardToJson(board)) {
    hash ^= uint64_t(static_cast<unsigned char>(c));
    hash *= 0x100000001b3ull;
  }
  return hash;
}

// [SECTION] Records and reading a journal

std::string EncodeJournalHeader(uint64_t snapshotId) {
  std::string out(kHeaderMagic, sizeof kHeaderMagic);
  PutU32(out, kJournalFormatVersion);
  PutU64(out, snapshotId);
  PutU32(out, Crc32(out.data(), out.size()));
  return out;
}

std::string EncodeJournalRecord(JournalKind kind, uint64_t sequence, const BoardDiff& diff, uint32_t version) {
  // The payload is encoded in place after a header whose length is patched in, so the record is
  // built in one buffer and goes to the disk in one write.
  std::string out;
  out.reserve(256);
  out.push_back(char(kRecordMagic));
  out.push_back(char(kind));
  PutU64(out, sequence);
  PutU32(out, 0);
  AppendDiff(out, diff, version);
  const uint32_t length = uint32_t(out.size() - kRecordHeaderBytes);
  for (int i = 0; i < 4; ++i) out[10 + size_t(i)] = char((length >> (8 * i)) & 0xff);
  PutU32(out, Crc32(out.data(), out.size()));
  return out;
}

namespace {

// The length of the whole, valid record at `p` (`left` bytes to the end) with a sequence in
// [first, last], decoded into `record`; 0 when there is none. `crcBudget` (may be null): the bytes
// it may still checksum; at 0 it refuses every record.
size_t RecordAt(const unsigned char* p, size_t left, uint64_t first, uint64_t last, uint32_t version,
                JournalRecord* record, uint64_t* crcBudget = nullptr) {
  if (left < kJournalRecordOverhead || p[0] != kRecordMagic ||
      (p[1] != uint8_t(JournalKind::Apply) && p[1] != uint8_t(JournalKind::Revert)))
    return 0;
  const uint64_t sequence = GetU64(p + 2);
  const uint32_t length = GetU32(p + 10);
  if (sequence < first || sequence > last || length > kMaxJournalPayload ||
      left - kJournalRecordOverhead < size_t(length))
    return 0;
  if (crcBudget) {
    if (*crcBudget < length) {
      *crcBudget = 0;
      return 0;
    }
    *crcBudget -= length;
  }
  if (GetU32(p + kRecordHeaderBytes + length) != Crc32(p, kRecordHeaderBytes + length)) return 0;
  const std::string_view payload(reinterpret_cast<const char*>(p + kRecordHeaderBytes), length);
  if (!DecodeDiff(payload, &record->diff, version)) return 0;
  record->kind = JournalKind(p[1]);
  record->sequence = sequence;
  return kJournalRecordOverhead + length;
}

std::string Unreadable(JournalReadResult& result, const std::string& path, const std::string& what) {
  result.unreadable = true;
  return "The change log " + path + " " + what + ", so the changes since the last autosave are missing.";
}

}  // namespace

JournalReadResult ReadJournal(const std::string& path, uint64_t expectedSnapshotId) {
  JournalReadResult result;
  std::string bytes;
  // The board loader's checks: a FIFO or /dev/zero in its place must not hang the app.
  const RegularFile file = ReadRegularFile(path, kMaxJournalBytes, &bytes);
  switch (file.problem) {
    case FileProblem::None: break;
    case FileProblem::Missing: return result;  // no journal: nothing was changed since the snapshot
    case FileProblem::Folder: result.warning = Unreadable(result, path, "is a folder"); return result;
    case FileProblem::NotRegular: result.warning = Unreadable(result, path, "is not a regular file"); return result;
    case FileProblem::TooLarge:
      result.warning = Unreadable(result, path, "is too large to read (" + std::to_string(file.size >> 20) +
                                                    " MiB; the limit is " + std::to_string(kMaxJournalBytes >> 20) +
                                                    " MiB)");
      return result;
    case FileProblem::CannotOpen:
    case FileProblem::CannotRead:
      result.warning = Unreadable(result, path, "could not be read (" + file.reason + ")");
      return result;
  }
  // A journal is created with its header already flushed, so even an empty one is damage.
  if (bytes.empty()) {
    result.warning = Unreadable(result, path, "is empty");
    return result;
  }

  std::vector<std::string> clauses;  // what was left out, said in one sentence at the end
  uint32_t version = kJournalFormatVersion;  // a damaged header's records are taken as this app's
  const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
  if (bytes.size() < kJournalHeaderBytes) {
    result.warning = Unreadable(result, path, "is damaged");
    return result;
  }
  const uint64_t headerId = GetU64(data + 12);
  if (std::memcmp(data, kHeaderMagic, sizeof kHeaderMagic) != 0 || GetU32(data + 20) != Crc32(data, 20)) {
    // Damage elsewhere in the header does not make the records another board's.
    if (headerId != expectedSnapshotId) {
      result.warning = Unreadable(result, path, "is damaged");
      return result;
    }
    clauses.push_back("the start of the change log " + path + " was damaged, but the changes after it were kept");
  } else if (GetU32(data + 8) < kOldestJournalFormatVersion || GetU32(data + 8) > kJournalFormatVersion) {
    result.warning = Unreadable(result, path, "was written by another version of Journeyboard");
    return result;
  } else {
    version = GetU32(data + 8);
  }
  result.headerSnapshotId = headerId;
  result.version = version;
  if (headerId != expectedSnapshotId) {
    result.otherSnapshot = true;
    result.warning = "The change log " + path + " belongs to another copy of the board and was left out.";
    return result;
  }

  size_t at = kJournalHeaderBytes;
  size_t validEnd = at;
  uint64_t expectedSequence = 1;
  // Crafted bytes could make every offset a candidate whose CRC spans the rest of the file: the
  // search checksums at most a few times the file, then calls the rest a torn tail.
  uint64_t resyncBudget = 4 * uint64_t(bytes.size()) + (1u << 20);
  while (at < bytes.size()) {
    JournalRecord record;
    size_t length = RecordAt(data + at, bytes.size() - at, expectedSequence, expectedSequence, version, &record);
    if (length == 0) {
      // Resynchronise: the next valid record, whose sequence leaves room for the lost records in
      // the bytes skipped (each takes at least kJournalRecordOverhead).
      size_t next = at + 1;
      for (; next < bytes.size(); ++next) {
        const uint64_t room = (next - at) / kJournalRecordOverhead;
        length = RecordAt(data + next, bytes.size() - next, expectedSequence, expectedSequence + room, version,
                          &record, &resyncBudget);
        if (length != 0 || resyncBudget == 0) break;
      }
      if (length == 0) {
        result.tornTail = true;
        break;
      }
      result.damagedRecords += record.sequence - expectedSequence;
      at = next;
    }
    expectedSequence = record.sequence + 1;
    result.records.push_back(std::move(record));
    at += length;
    validEnd = at;
  }
  result.validBytes = result.tornTail ? validEnd : bytes.size();

  if (result.damagedRecords > 0) {
    const uint64_t n = result.damagedRecords;
    clauses.push_back(std::to_string(n) + (n == 1 ? " change" : " changes") + " in the middle of the change log " +
                      (n == 1 ? "was" : "were") + " damaged and left out");
  }
  if (result.tornTail) clauses.push_back("the last change before the crash was incomplete and was left out");
  for (size_t i = 0; i < clauses.size(); ++i) result.warning += (i ? "; " : "") + clauses[i];
  if (!result.warning.empty()) {
    result.warning[0] = char(std::toupper(static_cast<unsigned char>(result.warning[0])));
    result.warning += ".";
  }
  return result;
}

namespace {

void Replay(Board& board, const JournalRecord& record) {
  if (record.kind == JournalKind::Apply)
    ApplyDiff(board, record.diff);
  else
    RevertDiff(board, record.diff);
}

// Texts are left to RepairBoard (Restore runs it): a record may hold a typed text with broken
// bytes, which is repaired, not a reason to drop the change.
bool Consistent(const Board& board) { return CheckBoard(board, ConsistencyOptions{false}).empty(); }

}  // namespace

Board ReplayJournal(Board snapshot, const std::vector<JournalRecord>& records, std::string* warning) {
  // ApplyDiff and RevertDiff look records up by id and clamp indices, so even a journal that does
  // not fit the board cannot make them index out of range.
  const bool wasConsistent = Consistent(snapshot);
  Board board = snapshot;
  for (const JournalRecord& record : records) Replay(board, record);
  size_t kept = records.size();
  if (wasConsistent && !Consistent(board)) {
    // A record reordered or forged with a valid checksum (the app never writes one that breaks the
    // board; found by fuzz_journal: two records swapped left a note id at or above nextId, which
    // the next new note would take again). Replay again, record by record, up to the first one
    // that breaks the board. Only such a journal pays for the checks.
    board = std::move(snapshot);
    for (size_t i = 0; i < records.size(); ++i) {
      Board before = board;
      Replay(board, records[i]);
      if (!Consistent(board)) {
        board = std::move(before);
        kept = i;
        break;
      }
    }
  }
  if (warning && kept < records.size()) {
    // One sentence, with the reader's own warning if there is one.
    const size_t n = records.size() - kept;
    if (!warning->empty() && warning->back() == '.') warning->back() = ';';
    if (!warning->empty()) *warning += ' ';
    *warning += std::to_string(n) + (n == 1 ? " change" : " changes") + " at the end of the change log " +
                (n == 1 ? "does" : "do") + " not follow the changes before and " + (n == 1 ? "was" : "were") +
                " left out.";
  }
  return board;
}

// [SECTION] JournalWriter

JournalWriter::JournalWriter(int fd, std::string path, uint64_t snapshotId, uint64_t size, uint64_t nextSequence,
                             uint32_t version)
    : m_fd(fd),
      m_path(std::move(path)),
      m_snapshotId(snapshotId),
      m_size(size),
      m_nextSequence(nextSequence),
      m_version(version) {}

JournalWriter::JournalWriter(JournalWriter&& other) noexcept
    : m_fd(std::exchange(other.m_fd, -1)),
      m_path(std::move(other.m_path)),
      m_snapshotId(other.m_snapshotId),
      m_size(other.m_size),
      m_nextSequence(other.m_nextSequence),
      m_version(other.m_version),
      m_broken(other.m_broken) {}

JournalWriter& JournalWriter::operator=(JournalWriter&& other) noexcept {
  if (this != &other) {
    if (m_fd >= 0) ::close(m_fd);
    m_fd = std::exchange(other.m_fd, -1);
    m_path = std::move(other.m_path);
    m_snapshotId = other.m_snapshotId;
    m_size = other.m_size;
    m_nextSequence = other.m_nextSequence;
    m_version = other.m_version;
    m_broken = other.m_broken;
  }
  return *this;
}

JournalWriter::~JournalWriter() {
  if (m_fd >= 0) ::close(m_fd);
}

std::optional<JournalWriter> JournalWriter::Create(const std::string& path, uint64_t snapshotId, std::string* error,
                                                   const std::vector<std::pair<JournalKind, const BoardDiff*>>& first) {
  // Header (and the first records) to a temp file, flushed, then renamed over the old journal: a
  // crash leaves either the old journal or the new one whole. The descriptor stays open and now
  // names `path`.
  std::string header = EncodeJournalHeader(snapshotId);
  uint64_t sequence = 1;
  for (const auto& [kind, diff] : first) header += EncodeJournalRecord(kind, sequence++, *diff);
  const CreatedFile created = CreateFileAtomically(path, header, {"journal fsync", "journal fsync folder"});
  if (created.fd < 0) {
    if (error)
      *error = created.createFailed ? ErrnoSentence("Cannot create the change log", created.tempPath, created.error)
                                    : ErrnoSentence("Cannot write the change log", path, created.error);
    return std::nullopt;
  }
  return JournalWriter(created.fd, path, snapshotId, header.size(), sequence, kJournalFormatVersion);
}

std::optional<JournalWriter> JournalWriter::Open(const std::string& path, uint64_t snapshotId, std::string* error) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) {
    if (error) *error = ErrnoSentence("Cannot open the change log", path, errno);
    return std::nullopt;
  }
  const JournalReadResult read = ReadJournal(path, snapshotId);
  if (read.validBytes == 0) {
    if (error) *error = read.warning.empty() ? "The change log " + path + " is empty." : read.warning;
    return std::nullopt;
  }
  const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) {
    if (error) *error = ErrnoSentence("Cannot open the change log", path, errno);
    return std::nullopt;
  }
  // New records must follow the last valid one, or the reader would stop at the torn bytes.
  if (read.tornTail && ::ftruncate(fd, off_t(read.validBytes)) != 0) {
    const int err = errno;
    ::close(fd);
    if (error) *error = ErrnoSentence("Cannot repair the change log", path, err);
    return std::nullopt;
  }
  // After damage in the middle, sequences skip the lost records: continue from the last one.
  const uint64_t next = read.records.empty() ? 1 : read.records.back().sequence + 1;
  // Records in the file's own layout: a journal is read with one. A version 1 journal continued
  // this way cannot carry hidden or covered flags; the app itself only creates journals.
  return JournalWriter(fd, path, snapshotId, read.validBytes, next, read.version);
}

size_t JournalWriter::Append(JournalKind kind, const BoardDiff& diff, std::string* error) {
  if (m_fd < 0 || m_broken) {
    if (error) *error = "The change log " + m_path + " cannot be written to any more.";
    return 0;
  }
  const std::string record = EncodeJournalRecord(kind, m_nextSequence, diff, m_version);
  if (record.size() > kJournalRecordOverhead + kMaxJournalPayload) {
    if (error) *error = "This change is too big for the change log " + m_path + ".";
    return 0;
  }
  const int err = WriteAllAt(m_fd, record, m_size);
  if (err != 0) {
    // Cut off what got written: a partial record followed by whole ones would hide them all.
    if (::ftruncate(m_fd, off_t(m_size)) != 0) m_broken = true;
    if (error) *error = ErrnoSentence("Cannot write to the change log", m_path, err);
    return 0;
  }
  m_size += record.size();
  ++m_nextSequence;
  return record.size();
}

bool JournalWriter::Flush(std::string* error) {
  if (m_fd < 0) return false;
  if (const int err = SyncToDisk(m_fd, "journal fdatasync", /*dataOnly=*/true)) {
    if (error) *error = ErrnoSentence("Cannot flush the change log", m_path, err);
    return false;
  }
  return true;
}

}  // namespace jb
