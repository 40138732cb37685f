#include "core/session/journal.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <utility>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "core/io/durable_file.h"
#include "core/io/file_io.h"
#include "core/model/consistency.h"

// Index:
//  [SECTION] CRC-32 and snapshot ids
//  [SECTION] Payload: writing
//  [SECTION] Payload: reading
//  [SECTION] Records and reading a journal
//  [SECTION] JournalWriter

namespace jb {

namespace {

constexpr char kHeaderMagic[8] = {'J', 'B', 'J', 'O', 'U', 'R', 'N', 'L'};
constexpr uint8_t kRecordMagic = 0xD1;  // record layout 1; a zero-filled or random tail rarely starts with it
constexpr size_t kRecordHeaderBytes = 14;

void PutU32(std::string& out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(char((v >> (8 * i)) & 0xff));
}
void PutU64(std::string& out, uint64_t v) {
  for (int i = 0; i < 8; ++i) out.push_back(char((v >> (8 * i)) & 0xff));
}
uint32_t GetU32(const unsigned char* p) {
  uint32_t v = 0;
  for (int i = 0; i < 4; ++i) v |= uint32_t(p[i]) << (8 * i);
  return v;
}
uint64_t GetU64(const unsigned char* p) {
  uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v |= uint64_t(p[i]) << (8 * i);
  return v;
}

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

// [SECTION] Payload: writing
// Varints (LEB128) for ids, counts and colours, zigzag varints for signed numbers, the raw bits
// for floats (so NaN and -0 replay exactly), strings as a length and their bytes.

namespace {

class ByteWriter {
 public:
  // `version`: the journal format to write (a continued version 1 journal stays version 1).
  ByteWriter(std::string& out, uint32_t version) : m_out(out), m_version(version) {}

  void Varint(uint64_t v) {
    while (v >= 0x80) {
      m_out.push_back(char((v & 0x7f) | 0x80));
      v >>= 7;
    }
    m_out.push_back(char(v));
  }
  void Signed(int64_t v) { Varint((uint64_t(v) << 1) ^ uint64_t(v >> 63)); }
  void Byte(uint8_t v) { m_out.push_back(char(v)); }
  void Float(float v) {
    uint32_t bits = 0;
    std::memcpy(&bits, &v, sizeof bits);
    PutU32(m_out, bits);
  }
  void String(const std::string& s) {
    Varint(s.size());
    m_out += s;
  }
  void OptionalFloat(const std::optional<float>& v) {
    Byte(v ? 1 : 0);
    if (v) Float(*v);
  }
  void OptionalDouble(const std::optional<double>& v) {
    Byte(v ? 1 : 0);
    if (!v) return;
    uint64_t bits = 0;
    std::memcpy(&bits, &*v, sizeof bits);
    PutU64(m_out, bits);
  }
  template <class Tag>
  void Ident(Id<Tag> id) {
    Varint(id.value);
  }

  void Put(const Vec2& v) {
    Float(v.x);
    Float(v.y);
  }
  void Put(const BoardMeta& m) {
    String(m.title);
    String(m.created);
    String(m.modified);
    if (m_version >= 3) String(m.language);
  }
  void Put(const Stage& s) {
    Ident(s.id);
    String(s.name);
    Float(s.width);
    if (m_version >= 2) Byte(s.hidden ? 1 : 0);
    if (m_version >= 7) OptionalDouble(s.reached);
  }
  void Put(const Lane& l) {
    Ident(l.id);
    String(l.name);
    Varint(uint64_t(l.kind));
    Float(l.height);
    Varint(l.color);
    Byte(l.collapsed ? 1 : 0);
    if (m_version >= 2) Byte(l.hidden ? 1 : 0);
  }
  void Put(const Note& n) {
    Ident(n.id);
    Ident(n.stage);
    Ident(n.lane);
    Put(n.pos);
    Varint(uint64_t(n.size));
    String(n.text);
    Varint(n.color);
    Signed(n.votes);
    Varint(n.tags.size());
    for (const std::string& tag : n.tags) String(tag);
    String(n.owner);
    String(n.due);
    String(n.channel);
    OptionalFloat(n.metrics.conversion);
    OptionalFloat(n.metrics.csi);
    OptionalFloat(n.metrics.nps);
    Signed(n.severity);
    if (m_version >= 2) Byte(n.covered ? 1 : 0);
    if (m_version >= 6) {
      Varint(n.personas.size());
      for (PersonaId id : n.personas) Ident(id);
    }
    if (m_version >= 6) OptionalFloat(n.metrics.retention);
    if (m_version >= 7) {
      Byte(n.opportunity ? 1 : 0);
      if (n.opportunity) {
        Float(n.opportunity->customerValue);
        Float(n.opportunity->businessValue);
        Signed(n.opportunity->effort);
      }
    }
  }
  void Put(const CurvePoint& p) {
    Ident(p.stage);
    Float(p.t);
    Float(p.value);
    String(p.label);
    if (m_version >= 5) Ident(p.note);
  }
  void Put(const EmotionCurve& c) {
    Ident(c.id);
    Ident(c.persona);
    String(c.name);
    Varint(c.color);
    Byte(c.toBe ? 1 : 0);
    Varint(c.points.size());
    for (const CurvePoint& p : c.points) Put(p);
  }
  void Put(const Persona& p) {
    Ident(p.id);
    for (const std::string* s : {&p.name, &p.description, &p.goals, &p.needs, &p.pains, &p.objections,
                                 &p.channels, &p.quote})
      String(*s);
    if (m_version >= 6) {
      for (const std::string* s : {&p.age, &p.gender, &p.family, &p.home, &p.occupation, &p.currency, &p.status,
                                   &p.freeTime, &p.decides, &p.blockers, &p.ifUnsolved, &p.competitors})
        String(*s);
      OptionalFloat(p.income);
    }
  }
  void Put(const Stroke& s) {
    Ident(s.id);
    Ident(s.stage);
    Ident(s.lane);
    Varint(s.points.size());
    for (const Vec2& p : s.points) Put(p);
    Float(s.width);
    Varint(s.color);
    Byte(s.highlighter ? 1 : 0);
  }
  void Put(const ArrowEnd& e) {
    Ident(e.note);
    Put(e.pos);
  }
  void Put(const Arrow& a) {
    Ident(a.id);
    Put(a.from);
    Put(a.to);
    Byte(a.curved ? 1 : 0);
    Varint(uint64_t(a.heads));
    String(a.label);
    Varint(a.color);
  }
  void Put(const Frame& f) {
    Ident(f.id);
    for (float v : {f.rect.x0, f.rect.y0, f.rect.x1, f.rect.y1}) Float(v);
    String(f.title);
    Varint(f.color);
  }
  void Put(const TextLabel& l) {
    Ident(l.id);
    Put(l.pos);
    String(l.text);
    Float(l.size);
    Varint(l.color);
  }

  // One flags byte says which of the four lists follow, so an untouched record type costs a byte.
  template <class T, class IdT>
  void Put(const RecordDiff<T, IdT>& d) {
    Byte(uint8_t((d.removed.empty() ? 0 : 1) | (d.updated.empty() ? 0 : 2) | (d.added.empty() ? 0 : 4) |
                 (d.moved.empty() ? 0 : 8)));
    PutPlaced(d.removed);
    if (!d.updated.empty()) {
      Varint(d.updated.size());
      for (const Updated<T>& u : d.updated) {
        Put(u.before);
        Put(u.after);
      }
    }
    PutPlaced(d.added);
    if (!d.moved.empty()) {
      Varint(d.moved.size());
      for (const Moved<IdT>& m : d.moved) {
        Ident(m.id);
        Signed(m.from);
        Signed(m.to);
      }
    }
  }

 private:
  template <class T>
  void PutPlaced(const std::vector<Placed<T>>& list) {
    if (list.empty()) return;
    Varint(list.size());
    for (const Placed<T>& p : list) {
      Put(p.record);
      Signed(p.index);
    }
  }

  std::string& m_out;
  uint32_t m_version;
};

void EncodeDiffInto(std::string& out, const BoardDiff& diff, uint32_t version) {
  ByteWriter w(out, version);
  w.Put(diff.stages);
  w.Put(diff.lanes);
  w.Put(diff.notes);
  w.Put(diff.curves);
  w.Put(diff.personas);
  // An older journal continued by this app cannot carry sketch records (the app only creates
  // journals of its own version; OpenJournal's comment says why one is continued at all).
  if (version >= 4) {
    w.Put(diff.strokes);
    w.Put(diff.arrows);
    w.Put(diff.frames);
    w.Put(diff.labels);
  }
  w.Byte(diff.meta ? 1 : 0);
  if (diff.meta) {
    w.Put(diff.meta->before);
    w.Put(diff.meta->after);
  }
  w.Varint(diff.nextIdBefore);
  w.Varint(diff.nextIdAfter);
}

// [SECTION] Payload: reading
// Every read checks the bytes left; the first failure makes the rest read zeros and the whole
// decode fail. A count is at most the bytes left (every element takes at least one), so damage
// cannot make it allocate more than the payload's size.

class ByteReader {
 public:
  // `version`: the journal format the bytes were written in (1 had no hidden or covered flags).
  ByteReader(std::string_view bytes, uint32_t version)
      : m_p(reinterpret_cast<const unsigned char*>(bytes.data())), m_end(m_p + bytes.size()), m_version(version) {}

  bool Ok() const { return m_ok; }
  bool AtEnd() const { return m_p == m_end; }
  void Fail() {
    m_ok = false;
    m_p = m_end;
  }

  uint64_t Varint() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (m_p == m_end) break;
      const unsigned char b = *m_p++;
      v |= uint64_t(b & 0x7f) << shift;
      if (!(b & 0x80)) return v;
    }
    Fail();
    return 0;
  }
  int64_t Signed() {
    const uint64_t z = Varint();
    return int64_t(z >> 1) ^ -int64_t(z & 1);
  }
  int Int() {
    const int64_t v = Signed();
    if (v < INT32_MIN || v > INT32_MAX) Fail();
    return m_ok ? int(v) : 0;
  }
  // A file holds a colour as "#rrggbb": a record with more bits is not one the writer made, and
  // the bits above would not survive a save (found by fuzz_journal: a saved board loaded back
  // different).
  Rgb Color() {
    const uint64_t v = Varint();
    if (v > 0xFFFFFF) Fail();
    return m_ok ? Rgb(v) : 0;
  }
  uint8_t Byte() {
    if (m_p == m_end) {
      Fail();
      return 0;
    }
    return *m_p++;
  }
  bool Bool() {
    const uint8_t b = Byte();
    if (b > 1) Fail();
    return b == 1;
  }
  float Float() {
    if (m_end - m_p < 4) {
      Fail();
      return 0;
    }
    const uint32_t bits = GetU32(m_p);
    m_p += 4;
    float v = 0;
    std::memcpy(&v, &bits, sizeof v);
    return v;
  }
  size_t Count() {
    const uint64_t n = Varint();
    if (n > uint64_t(m_end - m_p)) Fail();
    return m_ok ? size_t(n) : 0;
  }
  std::string String() {
    const size_t n = Count();
    std::string s(reinterpret_cast<const char*>(m_p), n);
    m_p += n;
    return s;
  }
  std::optional<float> OptionalFloat() {
    if (!Bool()) return std::nullopt;
    return Float();
  }
  std::optional<double> OptionalDouble() {
    if (!Bool()) return std::nullopt;
    if (m_end - m_p < 8) {
      Fail();
      return std::nullopt;
    }
    const uint64_t bits = GetU64(m_p);
    m_p += 8;
    double v = 0;
    std::memcpy(&v, &bits, sizeof v);
    return v;
  }
  template <class Tag>
  void Ident(Id<Tag>& id) {
    id = Id<Tag>(Varint());
  }

  void Get(Vec2& v) {
    v.x = Float();
    v.y = Float();
  }
  void Get(BoardMeta& m) {
    m.title = String();
    m.created = String();
    m.modified = String();
    m.language = m_version >= 3 ? String() : "en";
  }
  void Get(Stage& s) {
    Ident(s.id);
    s.name = String();
    s.width = Float();
    s.hidden = m_version >= 2 && Bool();
    s.reached = m_version >= 7 ? OptionalDouble() : std::nullopt;
  }
  void Get(Lane& l) {
    Ident(l.id);
    l.name = String();
    const uint64_t kind = Varint();
    if (kind >= uint64_t(kLaneKindCount)) Fail();  // the names table would index out of range
    l.kind = m_ok ? LaneKind(kind) : LaneKind::Custom;
    l.height = Float();
    l.color = Color();
    l.collapsed = Bool();
    l.hidden = m_version >= 2 && Bool();
  }
  void Get(Note& n) {
    Ident(n.id);
    Ident(n.stage);
    Ident(n.lane);
    Get(n.pos);
    const uint64_t size = Varint();
    if (size > uint64_t(NoteSize::Large)) Fail();
    n.size = m_ok ? NoteSize(size) : NoteSize::Medium;
    n.text = String();
    n.color = Color();
    n.votes = Int();
    n.tags.resize(Count());
    for (std::string& tag : n.tags) tag = String();
    n.owner = String();
    n.due = String();
    n.channel = String();
    n.metrics.conversion = OptionalFloat();
    n.metrics.csi = OptionalFloat();
    n.metrics.nps = OptionalFloat();
    n.severity = Int();
    n.covered = m_version >= 2 && Bool();
    n.personas.clear();
    if (m_version >= 6) {
      n.personas.resize(Count());
      for (PersonaId& id : n.personas) Ident(id);
    }
    if (m_version >= 6) n.metrics.retention = OptionalFloat();
    n.opportunity.reset();
    if (m_version >= 7 && Bool()) {
      Opportunity o;
      o.customerValue = Float();
      o.businessValue = Float();
      o.effort = Int();
      n.opportunity = o;
    }
  }
  void Get(CurvePoint& p) {
    Ident(p.stage);
    p.t = Float();
    p.value = Float();
    p.label = String();
    if (m_version >= 5) Ident(p.note);
  }
  void Get(EmotionCurve& c) {
    Ident(c.id);
    Ident(c.persona);
    c.name = String();
    c.color = Color();
    c.toBe = Bool();
    c.points.resize(Count());
    for (CurvePoint& p : c.points) Get(p);
  }
  void Get(Persona& p) {
    Ident(p.id);
    for (std::string* s : {&p.name, &p.description, &p.goals, &p.needs, &p.pains, &p.objections, &p.channels,
                           &p.quote})
      *s = String();
    if (m_version >= 6) {
      for (std::string* s : {&p.age, &p.gender, &p.family, &p.home, &p.occupation, &p.currency, &p.status,
                             &p.freeTime, &p.decides, &p.blockers, &p.ifUnsolved, &p.competitors})
        *s = String();
      p.income = OptionalFloat();
    }
  }
  void Get(Stroke& s) {
    Ident(s.id);
    Ident(s.stage);
    Ident(s.lane);
    // Each point is 8 bytes: a count beyond the bytes left fails here rather than allocating.
    const uint64_t n = Varint();
    if (n > uint64_t(m_end - m_p) / 8) Fail();
    s.points.resize(m_ok ? size_t(n) : 0);
    for (Vec2& p : s.points) Get(p);
    s.width = Float();
    s.color = Color();
    s.highlighter = Bool();
  }
  void Get(ArrowEnd& e) {
    Ident(e.note);
    Get(e.pos);
  }
  void Get(Arrow& a) {
    Ident(a.id);
    Get(a.from);
    Get(a.to);
    a.curved = Bool();
    const uint64_t heads = Varint();
    if (heads > uint64_t(ArrowHeads::Both)) Fail();
    a.heads = m_ok ? ArrowHeads(heads) : ArrowHeads::End;
    a.label = String();
    a.color = Color();
  }
  void Get(Frame& f) {
    Ident(f.id);
    for (float* v : {&f.rect.x0, &f.rect.y0, &f.rect.x1, &f.rect.y1}) *v = Float();
    f.title = String();
    f.color = Color();
  }
  void Get(TextLabel& l) {
    Ident(l.id);
    Get(l.pos);
    l.text = String();
    l.size = Float();
    l.color = Color();
  }

  template <class T, class IdT>
  void Get(RecordDiff<T, IdT>& d) {
    const uint8_t flags = Byte();
    if (flags > 15) Fail();
    if (flags & 1) GetPlaced(d.removed);
    if (flags & 2) {
      d.updated.resize(Count());
      for (Updated<T>& u : d.updated) {
        Get(u.before);
        Get(u.after);
      }
    }
    if (flags & 4) GetPlaced(d.added);
    if (flags & 8) {
      d.moved.resize(Count());
      for (Moved<IdT>& m : d.moved) {
        Ident(m.id);
        m.from = Int();
        m.to = Int();
      }
    }
  }

 private:
  template <class T>
  void GetPlaced(std::vector<Placed<T>>& list) {
    list.resize(Count());
    for (Placed<T>& p : list) {
      Get(p.record);
      p.index = Int();
    }
  }

  const unsigned char* m_p;
  const unsigned char* m_end;
  uint32_t m_version;
  bool m_ok = true;
};

}  // namespace

std::string EncodeDiff(const BoardDiff& diff) {
  std::string out;
  EncodeDiffInto(out, diff, kJournalFormatVersion);
  return out;
}

bool DecodeDiff(std::string_view bytes, BoardDiff* diff, uint32_t version) {
  ByteReader r(bytes, version);
  BoardDiff d;
  r.Get(d.stages);
  r.Get(d.lanes);
  r.Get(d.notes);
  r.Get(d.curves);
  r.Get(d.personas);
  if (version >= 4) {
    r.Get(d.strokes);
    r.Get(d.arrows);
    r.Get(d.frames);
    r.Get(d.labels);
  }
  if (r.Bool()) {
    d.meta.emplace();
    r.Get(d.meta->before);
    r.Get(d.meta->after);
  }
  d.nextIdBefore = r.Varint();
  d.nextIdAfter = r.Varint();
  if (!r.Ok() || !r.AtEnd()) return false;
  *diff = std::move(d);
  return true;
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
  EncodeDiffInto(out, diff, version);
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
