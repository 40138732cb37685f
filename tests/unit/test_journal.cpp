#include <doctest/doctest.h>

#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include <sys/stat.h>

#include "board_support.h"
#include "core/edit/commands.h"
#include "core/edit/document.h"
#include "core/edit/journey_commands.h"
#include "core/io/templates.h"
#include "core/model/consistency.h"
#include "core/session/journal.h"
#include "file_io_support.h"
#include "random_editor.h"
#include "test_support.h"

using namespace jb;
using namespace jb::test;

// Index:
//  [SECTION] CRC-32 and snapshot ids
//  [SECTION] Payload round trip
//  [SECTION] Reading a journal: torn tails, flipped bits, other snapshots
//  [SECTION] The writer
//  [SECTION] Document observer and replay

namespace {

std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Overwrites one byte in place (rewriting the whole file makes ext4 flush it on close: slow).
void PokeByte(const std::string& path, size_t at, char value) {
  std::fstream file(path, std::ios::binary | std::ios::in | std::ios::out);
  file.seekp(std::streamoff(at));
  file.put(value);
}

// Two diffs are equal when they encode to the same bytes (the encoding keeps every field, float
// bits included) and do the same to a board.
void CheckSameDiff(const BoardDiff& a, const BoardDiff& b, const Board& board) {
  CHECK(EncodeDiff(a) == EncodeDiff(b));
  CHECK(BoardToJson(Applied(board, a)) == BoardToJson(Applied(board, b)));
}

BoardDiff RoundTrip(const BoardDiff& diff) {
  BoardDiff back;
  REQUIRE(DecodeDiff(EncodeDiff(diff), &back));
  return back;
}

// A diff that touches every list of every record type, the meta and the id counter, with the
// awkward values: negative indices, NaN and -0 floats, empty and non-ASCII strings, unset metrics.
BoardDiff EverythingDiff() {
  BoardDiff d;
  Stage stage{StageId(11), "Этап ✓", -0.0f};
  d.stages.removed.push_back({stage, 2});
  d.stages.updated.push_back({stage, Stage{StageId(11), "", std::numeric_limits<float>::quiet_NaN()}});
  d.stages.added.push_back({Stage{StageId(12), "New", 360}, -1});
  d.stages.moved.push_back({StageId(13), 0, 5});
  Lane lane;
  lane.id = LaneId(21);
  lane.name = "Pains";
  lane.kind = LaneKind::Pains;
  lane.color = 0xffffff;
  lane.collapsed = true;
  d.lanes.removed.push_back({lane, 0});
  Lane lane2 = lane;
  lane2.kind = LaneKind::Custom;
  d.lanes.updated.push_back({lane, lane2});
  d.lanes.added.push_back({lane2, 7});
  d.lanes.moved.push_back({LaneId(22), 3, -2});
  Note note;
  note.id = NoteId(uint64_t(1) << 60);
  note.stage = StageId(11);
  note.lane = LaneId(21);
  note.pos = {-1e7f, std::numeric_limits<float>::infinity()};
  note.size = NoteSize::Large;
  note.text = std::string("line\nбрейк\0zero", 18);
  note.color = 0xabcdef;
  note.votes = -3;
  note.tags = {"a", "", "тег"};
  note.owner = "Ann";
  note.due = "2024-06-11";
  note.channel = "call centre";
  note.metrics.conversion = 12.5f;
  note.metrics.nps = -100.0f;
  note.metrics.retention = 42.5f;
  note.severity = 3;
  Note note2 = note;
  note2.text = "edited";
  note2.metrics = NoteMetrics();
  d.notes.removed.push_back({note, 100000});
  d.notes.updated.push_back({note, note2});
  d.notes.added.push_back({note2, 0});
  d.notes.moved.push_back({NoteId(5), std::numeric_limits<int>::max(), std::numeric_limits<int>::min()});
  EmotionCurve curve;
  curve.id = CurveId(31);
  curve.persona = PersonaId(41);
  curve.name = "As is";
  curve.toBe = true;
  curve.points = {{StageId(11), 0.25f, -1, "low", NoteId(7)}, {StageId(12), 1, 1, ""}};
  EmotionCurve curve2 = curve;
  curve2.points.clear();
  d.curves.removed.push_back({curve, 1});
  d.curves.updated.push_back({curve, curve2});
  d.curves.added.push_back({curve2, 0});
  d.curves.moved.push_back({CurveId(31), 1, 0});
  Persona persona;
  persona.id = PersonaId(41);
  persona.name = "Maria";
  persona.description = "34, teacher";
  persona.goals = "g";
  persona.needs = "n";
  persona.pains = "p";
  persona.objections = "o";
  persona.channels = "c";
  persona.quote = "«q»";
  Persona persona2 = persona;
  persona2.quote.clear();
  d.personas.removed.push_back({persona, 0});
  d.personas.updated.push_back({persona, persona2});
  d.personas.added.push_back({persona2, 1});
  d.personas.moved.push_back({PersonaId(41), 0, 1});
  Stroke stroke;
  stroke.id = StrokeId(51);
  stroke.stage = StageId(11);
  stroke.lane = LaneId(21);
  stroke.points = {{-0.0f, std::numeric_limits<float>::quiet_NaN()}, {1e6f, -3.5f}};
  stroke.width = 24;
  stroke.color = 0xffe14d;
  stroke.highlighter = true;
  Stroke stroke2 = stroke;
  stroke2.points.clear();
  d.strokes.removed.push_back({stroke, 3});
  d.strokes.updated.push_back({stroke, stroke2});
  d.strokes.added.push_back({stroke2, 0});
  d.strokes.moved.push_back({StrokeId(51), 0, 2});
  Arrow arrow;
  arrow.id = ArrowId(61);
  arrow.from = {NoteId(uint64_t(1) << 60), {1, 2}};
  arrow.to = {NoteId(), {-3, std::numeric_limits<float>::infinity()}};
  arrow.curved = true;
  arrow.heads = ArrowHeads::Both;
  arrow.label = "решает";
  Arrow arrow2 = arrow;
  arrow2.heads = ArrowHeads::None;
  d.arrows.removed.push_back({arrow, 0});
  d.arrows.updated.push_back({arrow, arrow2});
  d.arrows.added.push_back({arrow2, 4});
  d.frames.added.push_back({Frame{FrameId(71), {-1, -2, 3, 4}, "Группа", 0x123456}, 0});
  d.labels.updated.push_back({TextLabel{LabelId(81), {5, 6}, "", 48, 0}, TextLabel{LabelId(81), {5, 6}, "Title", 96, 1}});
  d.meta = Updated<BoardMeta>{{"Before", "2024-01-01T00:00:00Z", ""}, {"After", "", "2024-06-11T10:00:00Z"}};
  d.nextIdBefore = 50;
  d.nextIdAfter = uint64_t(-1);
  return d;
}

// A journal file of `count` records made by real commands on the small board, and the boards
// after each of them.
struct SampleJournal {
  TempDir dir;
  std::string path = dir.File("board.journal");
  SmallBoard s;
  uint64_t id = SnapshotId(s.board);
  std::vector<size_t> ends;  // file size after each record
  std::vector<std::string> states;

  explicit SampleJournal(int count) {
    std::string error;
    auto writer = JournalWriter::Create(path, id, &error);
    REQUIRE_MESSAGE(writer, error);
    Board board = s.board;
    BoardDiff diff;
    for (int i = 0; i < count; ++i) {
      // Every fourth record undoes the one before it.
      const JournalKind kind = (i % 4 == 3) ? JournalKind::Revert : JournalKind::Apply;
      switch (i % 4) {
        case 0: diff = SetNoteText(board, s.n5, "text " + std::to_string(i)); break;
        case 1: diff = DeleteStage(board, board.stages.front().id); break;
        case 2: diff = AddStage(board, "Stage " + std::to_string(i)); break;
        default: break;
      }
      REQUIRE_FALSE(diff.Empty());
      if (kind == JournalKind::Apply)
        ApplyDiff(board, diff);
      else
        RevertDiff(board, diff);
      REQUIRE(writer->Append(kind, diff, &error) > 0);
      ends.push_back(writer->Size());
      states.push_back(BoardToJson(board));
    }
    REQUIRE(writer->Flush(&error));
    REQUIRE(ReadBytes(path).size() == ends.back());
  }

  // The board after the first `n` records.
  std::string StateAfter(size_t n) const { return n == 0 ? BoardToJson(s.board) : states[n - 1]; }
};

}  // namespace

// [SECTION] CRC-32 and snapshot ids

TEST_CASE("Crc32 gives the IEEE check values and continues over pieces") {
  CHECK(Crc32("123456789", 9) == 0xCBF43926u);
  CHECK(Crc32("", 0) == 0u);
  CHECK(Crc32("a", 1) == 0xE8B7BE43u);
  const char* fox = "The quick brown fox jumps over the lazy dog";
  CHECK(Crc32(fox, std::strlen(fox)) == 0x414FA339u);
  CHECK(Crc32(fox + 10, std::strlen(fox) - 10, Crc32(fox, 10)) == 0x414FA339u);
  const std::string zeros(32, '\0');
  CHECK(Crc32(zeros.data(), zeros.size()) == 0x190A55ADu);
}

// tests/fixtures/journal/: a journal written by the code before zlib's crc32 replaced the
// hand-written table (12 records of every record type, a Revert among them), the snapshot it
// continues and the board it replays to. Journals on users' disks must stay readable.
TEST_CASE("A journal written by format version 1 still replays onto its snapshot") {
  const std::string dir = std::string(JB_FIXTURES_DIR) + "/journal/";
  const LoadResult snapshot = LoadBoard(dir + "snapshot.cjm");
  const LoadResult expected = LoadBoard(dir + "expected.cjm");
  REQUIRE(AsBoard(snapshot));
  REQUIRE(AsBoard(expected));
  CHECK(Warnings(expected).empty());
  // The header names the snapshot by the id it had then; read it from there, so a later change to
  // the JSON writer (which SnapshotId hashes) does not make this fixture "another snapshot".
  const std::string bytes = ReadBytes(dir + "v1.journal");
  REQUIRE(bytes.size() > kJournalHeaderBytes);
  uint64_t id = 0;
  for (int i = 0; i < 8; ++i) id |= uint64_t(static_cast<unsigned char>(bytes[12 + size_t(i)])) << (8 * i);
  CHECK(id == 0xfe599155b79ce3f1u);
  const JournalReadResult read = ReadJournal(dir + "v1.journal", id);
  CHECK(read.warning == "");
  CHECK_FALSE(read.tornTail);
  CHECK(read.validBytes == bytes.size());
  REQUIRE(read.records.size() == 12);
  CHECK(read.records[6].kind == JournalKind::Revert);
  const Board replayed = ReplayJournal(*AsBoard(snapshot), read.records);
  CHECK(replayed == *AsBoard(expected));
  CHECK(BoardToJson(replayed) == BoardToJson(*AsBoard(expected)));
  REQUIRE(replayed.notes.size() == 2);
  CHECK(replayed.notes[0].text == "edited");
  CHECK(std::signbit(*replayed.notes[0].metrics.csi));  // -0 replays exactly
}

TEST_CASE("SnapshotId survives a save and load and changes with the board") {
  const Board sample = MakeBoard(Template::Sample);
  const LoadResult loaded = BoardFromJson(BoardToJson(sample), "sample");
  REQUIRE(std::holds_alternative<LoadedBoard>(loaded));
  CHECK(SnapshotId(std::get<LoadedBoard>(loaded).board) == SnapshotId(sample));
  SmallBoard s;
  CHECK(SnapshotId(s.board) != SnapshotId(sample));
  CHECK(SnapshotId(Applied(s.board, NudgeNotes(s.board, {s.n5}, {1, 0}))) != SnapshotId(s.board));
}

// [SECTION] Payload round trip

TEST_CASE("A diff with every record type, list, meta and id counter round-trips exactly") {
  const BoardDiff diff = EverythingDiff();
  const BoardDiff back = RoundTrip(diff);
  CHECK(back.stages.removed[0].record == diff.stages.removed[0].record);
  CHECK(std::signbit(back.stages.removed[0].record.width));  // -0 kept
  CHECK(std::isnan(back.stages.updated[0].after.width));
  CHECK(back.stages.added[0].index == -1);
  CHECK(back.stages.moved[0].to == 5);
  CHECK(back.lanes.updated[0].before == diff.lanes.updated[0].before);
  CHECK(back.lanes.updated[0].after == diff.lanes.updated[0].after);
  CHECK(back.lanes.moved[0].to == -2);
  CHECK(back.notes.removed[0].record == diff.notes.removed[0].record);
  CHECK(back.notes.removed[0].record.text.size() == 18);
  CHECK(back.notes.updated[0].after == diff.notes.updated[0].after);
  CHECK_FALSE(back.notes.updated[0].after.metrics.csi);
  CHECK(back.notes.moved[0].from == std::numeric_limits<int>::max());
  CHECK(back.notes.moved[0].to == std::numeric_limits<int>::min());
  CHECK(back.curves.removed[0].record == diff.curves.removed[0].record);
  CHECK(back.curves.updated[0].after == diff.curves.updated[0].after);
  CHECK(back.personas.updated[0].before == diff.personas.updated[0].before);
  CHECK(back.personas.added[0].record == diff.personas.added[0].record);
  REQUIRE(back.strokes.removed.size() == 1);
  CHECK(back.strokes.removed[0].index == 3);
  CHECK(std::signbit(back.strokes.removed[0].record.points[0].x));  // -0 kept
  CHECK(std::isnan(back.strokes.removed[0].record.points[0].y));
  CHECK(back.strokes.removed[0].record.points[1] == diff.strokes.removed[0].record.points[1]);
  CHECK(back.strokes.updated[0].after == diff.strokes.updated[0].after);
  CHECK(back.strokes.added[0].record.highlighter);
  CHECK(back.strokes.moved[0].to == 2);
  CHECK(back.arrows.removed[0].record == diff.arrows.removed[0].record);
  CHECK(back.arrows.updated[0].after.heads == ArrowHeads::None);
  CHECK(back.arrows.added[0].index == 4);
  CHECK(back.frames.added[0].record == diff.frames.added[0].record);
  CHECK(back.labels.updated[0].before == diff.labels.updated[0].before);
  CHECK(back.labels.updated[0].after == diff.labels.updated[0].after);
  REQUIRE(back.meta);
  CHECK(back.meta->before.title == "Before");
  CHECK(back.meta->after.modified == "2024-06-11T10:00:00Z");
  CHECK(back.nextIdBefore == 50);
  CHECK(back.nextIdAfter == uint64_t(-1));
  CHECK(EncodeDiff(back) == EncodeDiff(diff));

  CheckSameDiff(RoundTrip(BoardDiff()), BoardDiff(), SmallBoard().board);
  CHECK(EncodeDiff(BoardDiff()).size() == 12);  // nine flag bytes, no meta, two zero counters
}

TEST_CASE("A version 3 journal record has no sketch lists and still decodes, and version 4 carries them") {
  BoardDiff diff = EverythingDiff();
  diff.strokes = {};
  diff.arrows = {};
  diff.frames = {};
  diff.labels = {};
  for (EmotionCurve* curve : {&diff.curves.removed[0].record, &diff.curves.updated[0].before})
    for (CurvePoint& point : curve->points) point.note = NoteId();  // version 5's
  auto withoutRetention = [](BoardDiff d) {  // version 6's
    for (auto& removed : d.notes.removed) removed.record.metrics.retention.reset();
    for (auto& updated : d.notes.updated) updated.before.metrics.retention.reset(), updated.after.metrics.retention.reset();
    for (auto& added : d.notes.added) added.record.metrics.retention.reset();
    return d;
  };
  diff = withoutRetention(diff);
  auto payload = [](const BoardDiff& d, uint32_t version) {
    const std::string record = EncodeJournalRecord(JournalKind::Apply, 1, d, version);
    return record.substr(14, record.size() - kJournalRecordOverhead);
  };
  const std::string v3 = payload(diff, 3);
  CHECK(v3.size() + 4 == payload(diff, 4).size());  // four empty sketch lists, one byte each
  BoardDiff back;
  REQUIRE(DecodeDiff(v3, &back, 3));
  CHECK(EncodeDiff(back) == EncodeDiff(diff));
  CHECK_FALSE(DecodeDiff(v3, &back, 4));
  REQUIRE(DecodeDiff(payload(EverythingDiff(), 5), &back, 5));
  CHECK(EncodeDiff(back) == EncodeDiff(withoutRetention(EverythingDiff())));
  REQUIRE(DecodeDiff(payload(EverythingDiff(), 6), &back, 6));
  CHECK(EncodeDiff(back) == EncodeDiff(EverythingDiff()));
}

TEST_CASE("A version 4 journal record has no task notes on curve points, and version 5 carries them") {
  const BoardDiff diff = EverythingDiff();
  REQUIRE(diff.curves.removed[0].record.points[0].note == NoteId(7));
  auto payload = [](const BoardDiff& d, uint32_t version) {
    const std::string record = EncodeJournalRecord(JournalKind::Apply, 1, d, version);
    return record.substr(14, record.size() - kJournalRecordOverhead);
  };
  BoardDiff back;
  REQUIRE(DecodeDiff(payload(diff, 4), &back, 4));
  CHECK_FALSE(back.curves.removed[0].record.points[0].note);  // read as no task
  REQUIRE(DecodeDiff(payload(diff, 5), &back, 5));
  CHECK(back.curves.removed[0].record.points[0].note == NoteId(7));
  CHECK(back.curves.updated[0].before.points[0].note == NoteId(7));
}

TEST_CASE("A version 5 journal record has no retention metric, and version 6 carries it") {
  const BoardDiff diff = EverythingDiff();
  REQUIRE(diff.notes.removed[0].record.metrics.retention == 42.5f);
  auto payload = [](const BoardDiff& d, uint32_t version) {
    const std::string record = EncodeJournalRecord(JournalKind::Apply, 1, d, version);
    return record.substr(14, record.size() - kJournalRecordOverhead);
  };
  BoardDiff back;
  REQUIRE(DecodeDiff(payload(diff, 5), &back, 5));
  CHECK_FALSE(back.notes.removed[0].record.metrics.retention);  // read as not measured
  CHECK(back.notes.removed[0].record.metrics.conversion == 12.5f);
  CHECK(back.notes.updated[0].before.metrics.nps == -100.0f);
  REQUIRE(DecodeDiff(payload(diff, 6), &back, 6));
  CHECK(back.notes.removed[0].record.metrics.retention == 42.5f);
  CHECK(back.notes.updated[0].before.metrics.retention == 42.5f);
  CHECK_FALSE(back.notes.updated[0].after.metrics.retention);
  CHECK(EncodeDiff(back) == EncodeDiff(diff));
}

TEST_CASE("Diffs of real commands round-trip and do the same to the board") {
  SmallBoard s;
  const Board& b = s.board;
  Persona persona;
  persona.name = "Ivan";
  const std::vector<BoardDiff> diffs = {
      NudgeNotes(b, {s.n5}, {0.1f, -0.3f}),
      SetNoteText(b, s.n2, "Новый текст"),
      DeleteStage(b, s.a),
      DeleteLane(b, s.l1),
      MoveNotes(b, {s.n1, s.n3}, Cell(s.c, s.l2)),
      MoveStage(b, s.c, 0),
      AddNote(b, Note(), Cell(s.b, s.l2)),
      DuplicateNotes(b, {s.n1, s.n4}),
      AddCurvePoint(b, s.curve, CurvePoint{s.c, 0.1f, -0.9f, "dip"}),
      DeleteCurve(b, s.curve),
      AddPersona(b, persona),
      DeletePersona(b, s.persona),
      AddVotes(b, {s.n1, s.n2}, 2),
  };
  for (size_t i = 0; i < diffs.size(); ++i) {
    CAPTURE(i);
    REQUIRE_FALSE(diffs[i].Empty());
    CheckSameDiff(RoundTrip(diffs[i]), diffs[i], b);
    Board reverted = Applied(b, diffs[i]);
    RevertDiff(reverted, RoundTrip(diffs[i]));
    CHECK(reverted == b);
  }
}

TEST_CASE("DecodeDiff refuses every cut and trailing byte, and random bytes never crash it") {
  const std::string bytes = EncodeDiff(EverythingDiff());
  BoardDiff out;
  for (size_t n = 0; n < bytes.size(); ++n) {
    CAPTURE(n);
    CHECK_FALSE(DecodeDiff(std::string_view(bytes).substr(0, n), &out));
  }
  CHECK_FALSE(DecodeDiff(bytes + '\0', &out));
  // A count far beyond the bytes left must not allocate for it.
  CHECK_FALSE(DecodeDiff(std::string("\x01\xff\xff\xff\xff\xff\xff\xff\xff\x7f", 10), &out));
  std::mt19937 rng(5);
  for (int i = 0; i < 20000; ++i) {
    std::string noise(size_t(rng() % 64), '\0');
    for (char& c : noise) c = char(rng() % 4 == 0 ? rng() : rng() % 3);  // mostly small bytes: plausible
    (void)DecodeDiff(noise, &out);  // true or false, never a crash
  }
}

// A file holds "#rrggbb": a colour with more bits would be cut by the next save, so the board
// loaded back different from the one restored (found by fuzz_journal in a forged record).
TEST_CASE("DecodeDiff refuses a colour with more than 24 bits, in a lane, a note or a curve") {
  BoardDiff diff = EverythingDiff();
  BoardDiff out;
  REQUIRE(DecodeDiff(EncodeDiff(diff), &out));
  CHECK(out.lanes.added.at(0).record.color == 0xffffff);
  const auto refused = [&](auto&& setColor) {
    BoardDiff bad = EverythingDiff();
    setColor(bad, Rgb(0x6c1d07bb));
    BoardDiff decoded;
    return !DecodeDiff(EncodeDiff(bad), &decoded);
  };
  CHECK(refused([](BoardDiff& d, Rgb c) { d.lanes.added.at(0).record.color = c; }));
  CHECK(refused([](BoardDiff& d, Rgb c) { d.notes.added.at(0).record.color = c; }));
  CHECK(refused([](BoardDiff& d, Rgb c) { d.curves.added.at(0).record.color = c; }));
  CHECK_FALSE(refused([](BoardDiff& d, Rgb) { d.curves.added.at(0).record.color = 0xffffff; }));
}

// [SECTION] Reading a journal: torn tails, flipped bits, other snapshots

TEST_CASE("A journal reads back every record in order and replays to the last board") {
  SampleJournal j(8);
  const JournalReadResult read = ReadJournal(j.path, j.id);
  CHECK_FALSE(read.tornTail);
  CHECK(read.warning.empty());
  CHECK(read.validBytes == j.ends.back());
  REQUIRE(read.records.size() == 8);
  for (size_t i = 0; i < read.records.size(); ++i) CHECK(read.records[i].sequence == i + 1);
  CHECK(read.records[3].kind == JournalKind::Revert);
  CHECK(read.records[4].kind == JournalKind::Apply);
  CHECK(BoardToJson(ReplayJournal(j.s.board, read.records)) == j.states.back());
}

TEST_CASE("A journal cut at any byte keeps the whole records and drops the torn one with a warning") {
  SampleJournal j(4);
  const std::string full = ReadBytes(j.path);
  const size_t lastStart = j.ends[2];
  for (size_t length = 0; length < full.size(); ++length) {
    CAPTURE(length);
    std::filesystem::resize_file(j.path, length);
    const JournalReadResult read = ReadJournal(j.path, j.id);
    if (length < kJournalHeaderBytes) {
      CHECK(read.records.empty());
      CHECK(read.validBytes == 0);
      continue;
    }
    size_t whole = 0;
    while (whole < j.ends.size() && j.ends[whole] <= length) ++whole;
    CHECK(read.records.size() == whole);
    const bool torn = length != kJournalHeaderBytes && (whole == 0 || j.ends[whole - 1] != length);
    CHECK(read.tornTail == torn);
    if (torn) CHECK(read.warning == "The last change before the crash was incomplete and was left out.");
    CHECK(BoardToJson(ReplayJournal(j.s.board, read.records)) == j.StateAfter(whole));
    if (length >= lastStart) CHECK(read.records.size() == 3);
    test::WriteFile(j.path, full);
  }
}

TEST_CASE("A flipped bit in a record drops that record only, keeps the ones after it and says so") {
  SampleJournal j(5);
  const std::string full = ReadBytes(j.path);
  size_t start = kJournalHeaderBytes;
  for (size_t record = 0; record < j.ends.size(); ++record) {
    const bool last = record + 1 == j.ends.size();
    // Every bit of the record: its header, payload and CRC.
    for (size_t byte = start; byte < j.ends[record]; ++byte) {
      for (int bit = 0; bit < 8; ++bit) {
        PokeByte(j.path, byte, char(full[byte] ^ (1 << bit)));
        const JournalReadResult read = ReadJournal(j.path, j.id);
        std::vector<uint64_t> sequences;
        for (const JournalRecord& r : read.records) sequences.push_back(r.sequence);
        std::vector<uint64_t> expected;
        for (uint64_t n = 1; n <= j.ends.size(); ++n)
          if (n != record + 1) expected.push_back(n);
        if (sequences != expected || read.tornTail != last) {
          CAPTURE(record);
          CAPTURE(byte);
          CAPTURE(bit);
          CHECK(sequences == expected);
          CHECK(read.tornTail == last);
        }
        if (last) {
          CHECK(read.validBytes == start);
          CHECK(read.damagedRecords == 0);
          CHECK(read.warning == "The last change before the crash was incomplete and was left out.");
        } else {
          CHECK(read.validBytes == full.size());
          CHECK(read.damagedRecords == 1);
          CHECK(read.warning == "1 change in the middle of the change log was damaged and left out.");
        }
      }
      PokeByte(j.path, byte, full[byte]);
    }
    start = j.ends[record];
  }
}

TEST_CASE("Damaged records in the middle are counted, the valid ones after them replayed and continued") {
  SampleJournal j(6);
  std::string bytes = ReadBytes(j.path);
  // Records 2 and 3 zero-filled, as a lost disk block would leave them.
  std::fill(bytes.begin() + long(j.ends[0]), bytes.begin() + long(j.ends[2]), '\0');
  test::WriteFile(j.path, bytes);
  JournalReadResult read = ReadJournal(j.path, j.id);
  std::vector<uint64_t> sequences;
  for (const JournalRecord& r : read.records) sequences.push_back(r.sequence);
  CHECK(sequences == std::vector<uint64_t>{1, 4, 5, 6});
  CHECK(read.damagedRecords == 2);
  CHECK_FALSE(read.tornTail);
  CHECK(read.warning == "2 changes in the middle of the change log were damaged and left out.");

  // And a torn tail after them: both in one sentence.
  std::filesystem::resize_file(j.path, j.ends[5] - 3);
  read = ReadJournal(j.path, j.id);
  CHECK(read.records.size() == 3);
  CHECK(read.tornTail);
  CHECK(read.validBytes == j.ends[4]);
  CHECK(read.warning ==
        "2 changes in the middle of the change log were damaged and left out; the last change before the crash was "
        "incomplete and was left out.");

  // A record whose sequence leaves no room for the records lost before it is not this journal's
  // (a stray copy): it is not replayed.
  {
    std::string stray = bytes.substr(0, j.ends[4]) + bytes.substr(j.ends[4], 30);  // the sixth, cut
    stray += EncodeJournalRecord(JournalKind::Apply, 60, RenameLane(j.s.board, j.s.l2, "Stray"));
    test::WriteFile(j.dir.File("stray.journal"), stray);
    const JournalReadResult strayRead = ReadJournal(j.dir.File("stray.journal"), j.id);
    CHECK(strayRead.records.size() == 3);
    CHECK(strayRead.tornTail);
    CHECK(strayRead.damagedRecords == 2);
  }

  // Open continues after the last valid record with the next sequence, not the count.
  std::string error;
  {
    auto writer = JournalWriter::Open(j.path, j.id, &error);
    REQUIRE_MESSAGE(writer, error);
    CHECK(writer->NextSequence() == 6);
    REQUIRE(writer->Append(JournalKind::Apply, RenameLane(j.s.board, j.s.l2, "Feelings"), &error) > 0);
  }
  read = ReadJournal(j.path, j.id);
  REQUIRE(read.records.size() == 4);
  CHECK(read.records.back().sequence == 6);
  CHECK_FALSE(read.tornTail);
  CHECK(read.damagedRecords == 2);
}

TEST_CASE("A replay stops before a record that would break the board, keeps the ones before it, and says so") {
  // Records with valid checksums in the wrong order (found by fuzz_journal: two records swapped
  // and renumbered): the earlier one's stage took the id the later one hands out, then the
  // counter went back below it, so the next new record would take an id already on the board.
  const Board board = MakeBoard(Template::Sample);
  StageId first, second;
  const BoardDiff addFirst = AddStage(board, "First", -1, &first);
  const BoardDiff addSecond = AddStage(Applied(board, addFirst), "Second", -1, &second);
  REQUIRE(addFirst.nextIdBefore != addFirst.nextIdAfter);
  const JournalRecord rename{JournalKind::Apply, 1, RenameStage(board, board.stages.front().id, "Renamed")};
  const JournalRecord one{JournalKind::Apply, 2, addFirst}, two{JournalKind::Apply, 3, addSecond};

  std::string warning;
  const Board inOrder = ReplayJournal(board, {rename, one, two}, &warning);
  CHECK(warning.empty());
  CHECK(inOrder.nextId == addSecond.nextIdAfter);
  // An undo lowers the counter, a redo raises it again.
  const JournalRecord undo{JournalKind::Revert, 4, addSecond}, redo{JournalKind::Apply, 5, addSecond};
  CHECK(ReplayJournal(board, {rename, one, two, undo, redo}, &warning) == inOrder);
  CHECK(ReplayJournal(board, {rename, one, two, undo}, &warning) == Applied(Applied(board, rename.diff), addFirst));
  CHECK(warning.empty());

  const Board swapped = ReplayJournal(board, {rename, two, one}, &warning);
  CHECK(CheckBoard(swapped).empty());
  CHECK(swapped == Applied(Applied(board, rename.diff), addSecond));  // the work before the misfit is kept
  CHECK(warning == "1 change at the end of the change log does not follow the changes before and was left out.");

  // An undo of a record that never happened would lower the counter below ids on the board; the
  // journal's own warning comes first.
  warning = "The last change before the crash was incomplete and was left out.";
  const Board undone = ReplayJournal(board, {one, two, JournalRecord{JournalKind::Revert, 3, addFirst}}, &warning);
  CHECK(CheckBoard(undone).empty());
  CHECK(undone == Applied(Applied(board, addFirst), addSecond));
  CHECK(warning ==
        "The last change before the crash was incomplete and was left out; 1 change at the end of the change log "
        "does not follow the changes before and was left out.");

  // Records forged with valid checksums that would break the board in other ways: a lane height
  // no command makes, a stage added again under an id already on the board.
  BoardDiff flat = RenameLane(board, board.lanes.front().id, "Flat");
  REQUIRE(flat.lanes.updated.size() == 1);
  flat.lanes.updated[0].after.height = 0;
  BoardDiff again = NewDiff(board);
  again.stages.added.push_back({board.stages.front(), 0});
  for (const BoardDiff& forged : {flat, again}) {
    warning.clear();
    const Board stopped = ReplayJournal(board, {rename, JournalRecord{JournalKind::Apply, 2, forged}, one}, &warning);
    CHECK(CheckBoard(stopped).empty());
    CHECK(stopped == Applied(board, rename.diff));
    CHECK(warning == "2 changes at the end of the change log do not follow the changes before and were left out.");
  }
  // Broken bytes in a text are not a reason to drop a change: Restore repairs them.
  warning.clear();
  const BoardDiff typed = RenameStage(board, board.stages.front().id, "ok \xff");
  CHECK(ReplayJournal(board, {JournalRecord{JournalKind::Apply, 1, typed}}, &warning) == Applied(board, typed));
  CHECK(warning.empty());
}

TEST_CASE("A damaged header keeps the records while it still names the snapshot, another snapshot replays nothing") {
  SampleJournal j(3);
  JournalReadResult read = ReadJournal(j.path, j.id + 1);
  CHECK(read.records.empty());
  CHECK(read.otherSnapshot);
  CHECK(read.headerSnapshotId == j.id);
  CHECK(read.warning == "The change log " + j.path + " belongs to another copy of the board and was left out.");

  const std::string full = ReadBytes(j.path);
  for (size_t byte = 0; byte < kJournalHeaderBytes; ++byte) {
    std::string damaged = full;
    damaged[byte] = char(damaged[byte] ^ 0x10);
    test::WriteFile(j.path, damaged);
    read = ReadJournal(j.path, j.id);
    CAPTURE(byte);
    if (byte >= 12 && byte < 20) {  // the snapshot id itself: the records cannot be trusted to fit
      CHECK(read.records.empty());
      CHECK(read.unreadable);
      CHECK(read.warning == "The change log " + j.path +
                                " is damaged, so the changes since the last autosave are missing.");
    } else {
      CHECK(read.records.size() == 3);
      CHECK(read.warning == "The start of the change log " + j.path +
                                " was damaged, but the changes after it were kept.");
      CHECK(BoardToJson(ReplayJournal(j.s.board, read.records)) == j.StateAfter(3));
    }
  }

  read = ReadJournal(j.dir.File("missing.journal"), j.id);
  CHECK(read.records.empty());
  CHECK(read.warning.empty());
  CHECK_FALSE(read.tornTail);
  CHECK_FALSE(read.unreadable);
}


TEST_CASE("Every kind of damaged journal is told in one sentence and never hangs") {
  SampleJournal j(2);
  const std::string full = ReadBytes(j.path);
  const std::string missing = ", so the changes since the last autosave are missing.";
  auto told = [&](const std::string& what) {
    return FinishesWithin(20, [&] {
      const JournalReadResult read = ReadJournal(j.path, j.id);
      return read.records.empty() && read.unreadable && read.warning == "The change log " + j.path + what + missing;
    });
  };
  SUBCASE("cut to a few bytes") {
    std::filesystem::resize_file(j.path, 5);
    CHECK(told(" is damaged"));
  }
  SUBCASE("emptied") {
    std::filesystem::resize_file(j.path, 0);
    CHECK(told(" is empty"));
  }
  SUBCASE("zero-filled") {
    test::WriteFile(j.path, std::string(full.size(), '\0'));
    CHECK(told(" is damaged"));
  }
  SUBCASE("a folder") {
    std::filesystem::remove(j.path);
    std::filesystem::create_directory(j.path);
    CHECK(told(" is a folder"));
  }
  SUBCASE("a FIFO") {
    std::filesystem::remove(j.path);
    REQUIRE(::mkfifo(j.path.c_str(), 0600) == 0);
    CHECK(told(" is not a regular file"));
  }
  SUBCASE("a link to /dev/zero") {
    std::filesystem::remove(j.path);
    std::filesystem::create_symlink("/dev/zero", j.path);
    CHECK(told(" is not a regular file"));
  }
  SUBCASE("over the size cap") {
    std::filesystem::resize_file(j.path, kMaxJournalBytes + 1);  // sparse: costs no disk
    CHECK(told(" is too large to read (128 MiB; the limit is 128 MiB)"));
  }
  SUBCASE("another version") {
    std::string other = EncodeJournalHeader(j.id);
    other[8] = char(kJournalFormatVersion + 1);
    const uint32_t crc = Crc32(other.data(), 20);
    std::memcpy(&other[20], &crc, 4);
    test::WriteFile(j.path, other + full.substr(kJournalHeaderBytes));
    CHECK(told(" was written by another version of Journeyboard"));
  }
}

TEST_CASE("Crafted bytes where every offset looks like a long record do not make the search quadratic") {
  SampleJournal j(1);
  // 2 MiB of record headers 14 bytes apart, each claiming a 2 MiB payload with a wrong CRC: without
  // a bound, the search would checksum ~300 GiB (a minute); with it, a few MiB.
  std::string candidate(kJournalRecordOverhead - 4, '\0');
  candidate[0] = char(0xD1);
  candidate[1] = char(JournalKind::Apply);
  candidate[2] = 1;                             // sequence 1
  candidate[10 + 2] = char((2u << 20) >> 16);  // length 2 MiB
  std::string bytes = EncodeJournalHeader(j.id);
  while (bytes.size() < (2u << 20)) bytes += candidate;
  bytes.resize(bytes.size() + (2u << 20) + kJournalRecordOverhead, 'x');
  test::WriteFile(j.path, bytes);
  CHECK(FinishesWithin(20, [&] {
    const JournalReadResult read = ReadJournal(j.path, j.id);
    return read.records.empty() && read.tornTail;
  }));
}

TEST_CASE("A record whose length field claims more than the cap is refused without reading it") {
  SampleJournal j(2);
  std::string bytes = ReadBytes(j.path);
  // The second record's length field, set to 1 GiB.
  const size_t lengthAt = j.ends[0] + 10;
  const uint32_t huge = 1u << 30;
  std::memcpy(&bytes[lengthAt], &huge, 4);
  test::WriteFile(j.path, bytes);
  const JournalReadResult read = ReadJournal(j.path, j.id);
  CHECK(read.records.size() == 1);
  CHECK(read.tornTail);
}

// [SECTION] The writer

TEST_CASE("Open continues a journal after its last whole record, Create replaces it") {
  SampleJournal j(4);
  std::filesystem::resize_file(j.path, j.ends[2] + 7);  // a torn fourth record
  std::string error;
  {
    auto writer = JournalWriter::Open(j.path, j.id, &error);
    REQUIRE_MESSAGE(writer, error);
    CHECK(writer->Size() == j.ends[2]);
    CHECK(writer->NextSequence() == 4);
    const Board third = ReplayJournal(j.s.board, ReadJournal(j.path, j.id).records);
    CHECK(BoardToJson(third) == j.StateAfter(3));
    REQUIRE(writer->Append(JournalKind::Apply, RenameLane(third, j.s.l2, "Feelings"), &error) > 0);
    REQUIRE(writer->Flush(&error));
  }
  JournalReadResult read = ReadJournal(j.path, j.id);
  CHECK_FALSE(read.tornTail);
  REQUIRE(read.records.size() == 4);
  CHECK(read.records[3].sequence == 4);
  CHECK(ReplayJournal(j.s.board, read.records).FindLane(j.s.l2)->name == "Feelings");

  CHECK_FALSE(JournalWriter::Open(j.path, j.id + 1, &error));
  CHECK_FALSE(error.empty());
  CHECK_FALSE(JournalWriter::Open(j.dir.File("missing.journal"), j.id, &error));

  auto fresh = JournalWriter::Create(j.path, j.id + 1, &error);
  REQUIRE(fresh);
  CHECK(fresh->Size() == kJournalHeaderBytes);
  CHECK(ReadJournal(j.path, j.id).otherSnapshot);
  read = ReadJournal(j.path, j.id + 1);
  CHECK(read.records.empty());
  CHECK(read.warning.empty());
  CHECK_FALSE(std::filesystem::exists(j.path + ".tmp"));

  JournalWriter moved = std::move(*fresh);
  CHECK(moved.Append(JournalKind::Apply, NudgeNotes(j.s.board, {j.s.n5}, {1, 1}), &error) > 0);
  CHECK(ReadJournal(j.path, j.id + 1).records.size() == 1);
}

TEST_CASE("Create reports a folder it cannot write to in one sentence") {
  TempDir dir;
  std::string error;
  CHECK_FALSE(JournalWriter::Create(dir.File("no/such/folder/board.journal"), 1, &error));
  CHECK(error.find("Cannot create the change log") == 0);
  CHECK(error.back() == '.');
}

TEST_CASE("The journal syncs a new header before its rename and the folder after, and Flush syncs the records") {
  TempDir dir;
  const std::string path = dir.File("board.journal"), temp = path + ".tmp";
  SmallBoard s;
  std::string error;
  uint64_t flushedSize = 0;  // what the journal file holds when Flush syncs it
  int flushError = 0;
  // What the disk holds when each sync is about to happen.
  DurableSteps steps([&](const std::string& step) {
    CAPTURE(step);
    if (step == "journal fsync") {  // the new header, whole, under the temp name
      CHECK(ReadBytes(temp) == EncodeJournalHeader(7));
      CHECK(ReadBytes(path) != EncodeJournalHeader(7));
    }
    if (step == "journal fsync folder") {  // renamed into place
      CHECK(ReadBytes(path) == EncodeJournalHeader(7));
      CHECK_FALSE(std::filesystem::exists(temp));
    }
    if (step == "journal fdatasync") {
      flushedSize = std::filesystem::file_size(path);
      return flushError;
    }
    return 0;
  });
  using Steps = std::vector<std::string>;
  WriteFile(path, "an older journal");
  auto writer = JournalWriter::Create(path, 7, &error);
  REQUIRE_MESSAGE(writer, error);
  CHECK(steps.Take() == Steps{"journal fsync", "journal fsync folder"});

  // Appending writes the records and syncs nothing; Flush syncs them, once, after they are written.
  REQUIRE(writer->Append(JournalKind::Apply, SetNoteText(s.board, s.n5, "one"), &error) > 0);
  REQUIRE(writer->Append(JournalKind::Apply, RenameLane(s.board, s.l2, "two"), &error) > 0);
  CHECK(steps.Take().empty());
  REQUIRE(writer->Flush(&error));
  CHECK(steps.Take() == Steps{"journal fdatasync"});
  CHECK(flushedSize == writer->Size());
  CHECK(flushedSize > kJournalHeaderBytes + 2 * kJournalRecordOverhead);

  // A sync that fails is reported in one sentence.
  flushError = EIO;
  CHECK_FALSE(writer->Flush(&error));
  CHECK(error == "Cannot flush the change log " + path + ": " + std::strerror(EIO) + ".");
  CHECK(steps.Take() == Steps{"journal fdatasync"});
}

TEST_CASE("A journal whose header cannot be synced is not created, and the old one stays") {
  TempDir dir;
  const std::string path = dir.File("board.journal");
  WriteFile(path, "the old journal");
  DurableSteps steps([](const std::string& step) { return step == "journal fsync" ? EIO : 0; });
  std::string error;
  CHECK_FALSE(JournalWriter::Create(path, 7, &error));
  CHECK(error == "Cannot write the change log " + path + ": " + std::strerror(EIO) + ".");
  CHECK(steps.Take() == std::vector<std::string>{"journal fsync"});
  CHECK(ReadBytes(path) == "the old journal");
  CHECK_FALSE(std::filesystem::exists(path + ".tmp"));
}

// [SECTION] Document observer and replay

TEST_CASE("The document tells its observer of every committed change and of nothing else") {
  SmallBoard s;
  Document doc;
  doc.Reset(s.board, "");
  std::vector<std::pair<JournalKind, std::string>> seen;  // kind and the diff's bytes
  doc.SetObserver([&](JournalKind kind, const BoardDiff& diff) { seen.push_back({kind, EncodeDiff(diff)}); });

  const BoardDiff rename = RenameStage(doc.board(), s.a, "Aware");
  doc.Apply(rename, "Rename");
  doc.Apply(BoardDiff(), "Nothing");
  REQUIRE(seen.size() == 1);
  CHECK(seen[0] == std::make_pair(JournalKind::Apply, EncodeDiff(rename)));

  doc.BeginGesture("Drag");
  doc.UpdateGesture([&](const Board& b) { return NudgeNotes(b, {s.n5}, {5, 5}); });
  doc.UpdateGesture([&](const Board& b) { return NudgeNotes(b, {s.n5}, {9, 9}); });
  CHECK(seen.size() == 1);  // updates are not committed changes
  doc.CommitGesture();
  REQUIRE(seen.size() == 2);
  CHECK(seen[1].second == EncodeDiff(NudgeNotes(Applied(s.board, rename), {s.n5}, {9, 9})));

  doc.BeginGesture("Cancelled");
  doc.UpdateGesture([&](const Board& b) { return NudgeNotes(b, {s.n5}, {5, 5}); });
  doc.CancelGesture();
  doc.BeginGesture("Empty");
  doc.CommitGesture();
  CHECK(seen.size() == 2);

  doc.Undo();
  REQUIRE(seen.size() == 3);
  CHECK(seen[2] == std::make_pair(JournalKind::Revert, seen[1].second));
  doc.Redo();
  CHECK(seen[3] == std::make_pair(JournalKind::Apply, seen[1].second));
  doc.JumpTo(0);
  REQUIRE(seen.size() == 6);
  CHECK(seen[4].first == JournalKind::Revert);
  CHECK(seen[5] == std::make_pair(JournalKind::Revert, EncodeDiff(rename)));

  doc.Reset(s.board, "");
  CHECK(seen.size() == 6);
}

namespace {

// Drives a document through random edits, gestures, undos, redos and jumps, journals what its
// observer reports, and checks that replaying the journal gives the live board after every
// record, byte for byte.
void CheckReplayEquivalence(const Board& startBoard, uint32_t seed, int steps) {
  TempDir dir;
  const std::string path = dir.File("board.journal");
  std::string error;
  const uint64_t id = SnapshotId(startBoard);
  auto writer = JournalWriter::Create(path, id, &error);
  REQUIRE_MESSAGE(writer, error);

  Document doc;
  doc.Reset(startBoard, "");
  std::vector<std::string> states;  // the live board after each journaled change
  int undos = 0, reverts = 0;
  doc.SetObserver([&](JournalKind kind, const BoardDiff& diff) {
    REQUIRE(writer->Append(kind, diff, &error) > 0);
    states.push_back(BoardToJson(doc.board()));
    reverts += kind == JournalKind::Revert ? 1 : 0;
  });

  RandomEditor editor(seed, startBoard.personas.front().id.value, startBoard.stages.front().id.value);
  for (int step = 0; step < steps; ++step) {
    CAPTURE(step);
    if (editor.Chance(8) && doc.CanUndo()) {
      undos += doc.Undo() ? 1 : 0;
    } else if (doc.CanRedo() && editor.Chance(25)) {
      doc.Redo();
    } else if (editor.Chance(2)) {
      doc.JumpTo(size_t(editor.Int(0, int(doc.HistorySize()))));
    } else if (editor.Chance(15)) {
      const int kind = editor.Int(0, 4);
      const Board start = doc.board();
      doc.BeginGesture("Gesture");
      const int updates = editor.Int(1, 6);
      for (int u = 0; u < updates; ++u) doc.UpdateGesture(editor.GestureStep(start, kind));
      if (editor.Chance(80))
        doc.CommitGesture();
      else
        doc.CancelGesture();
      editor.EndGesture();
    } else {
      std::string label;
      bool mustBeEmpty = false;
      doc.Apply(editor.Command(doc.board(), &label, &mustBeEmpty), label);
    }
  }
  REQUIRE(writer->Flush(&error));
  CHECK(undos > 10);
  CHECK(reverts >= undos);

  const JournalReadResult read = ReadJournal(path, id);
  CHECK_FALSE(read.tornTail);
  REQUIRE(read.records.size() == states.size());
  Board board = startBoard;
  for (size_t i = 0; i < read.records.size(); ++i) {
    board = ReplayJournal(std::move(board), {read.records[i]});
    if (BoardToJson(board) != states[i]) {
      CAPTURE(i);
      FAIL_CHECK("replay differs from the live board");
      break;
    }
  }
  CHECK(BoardToJson(ReplayJournal(startBoard, read.records)) == BoardToJson(doc.board()));
  CHECK(ReplayJournal(startBoard, read.records) == doc.board());
}

}  // namespace

TEST_CASE("Replaying the journal of random edits gives the live board after every change") {
  for (uint32_t seed : {3u, 20240611u, 77u}) {
    CAPTURE(seed);
    CheckReplayEquivalence(MakeBoard(Template::Sample), seed, 400);
  }
  Board blank = MakeBoard(Template::Blank);
  if (blank.personas.empty()) {  // the editor needs an id of another record type
    Persona persona;
    persona.id = PersonaId(blank.NewId());
    blank.personas.push_back(persona);
  }
  CheckReplayEquivalence(blank, 11u, 400);
}

TEST_CASE("A version 5 journal record has no persona portrait or note ties, and version 6 carries them") {
  BoardDiff diff;
  Persona persona;
  persona.id = PersonaId(3);
  persona.name = "Olga";
  persona.age = "38";
  persona.income = 65000.f;
  persona.currency = "RUB";
  persona.competitors = "calls back";
  diff.personas.added.push_back({persona, 0});
  Note note;
  note.id = NoteId(4);
  note.text = "Queue";
  note.personas = {PersonaId(3), PersonaId(9)};
  diff.notes.added.push_back({note, 0});
  auto payload = [](const BoardDiff& d, uint32_t version) {
    const std::string record = EncodeJournalRecord(JournalKind::Apply, 1, d, version);
    return record.substr(14, record.size() - kJournalRecordOverhead);
  };
  BoardDiff back;
  REQUIRE(DecodeDiff(payload(diff, 5), &back, 5));
  CHECK(back.personas.added[0].record.name == "Olga");
  CHECK(back.personas.added[0].record.age.empty());  // read as not filled
  CHECK_FALSE(back.personas.added[0].record.income);
  CHECK(back.notes.added[0].record.personas.empty());  // read as everyone's
  CHECK_FALSE(DecodeDiff(payload(diff, 5), &back, 6));
  REQUIRE(DecodeDiff(payload(diff, 6), &back, 6));
  CHECK(back.personas.added[0].record == persona);
  CHECK(back.notes.added[0].record == note);
}
