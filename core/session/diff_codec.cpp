// The journal's payload: a BoardDiff as bytes and back (journal.h declares EncodeDiff, AppendDiff
// and DecodeDiff; the file layout around it is journal.cpp's).
#include "core/session/journal.h"

#include <cstring>
#include <iterator>
#include <utility>

#include "core/session/bytes.h"

namespace jb {

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

}  // namespace

void AppendDiff(std::string& out, const BoardDiff& diff, uint32_t version) {
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

namespace {

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
  AppendDiff(out, diff, kJournalFormatVersion);
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

}  // namespace jb
