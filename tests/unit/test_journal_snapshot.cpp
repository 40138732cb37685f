// The journal's snapshots written on its own thread (ChangeJournal, RecoveryKeeper): the changes
// committed while one is written follow it in order, a kill at any step of it restores every
// change, and no copy or journal ever holds a gesture in progress.
#include <doctest/doctest.h>

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "board_support.h"
#include "core/edit/commands.h"
#include "core/edit/document.h"
#include "core/io/file_io.h"
#include "core/session/recovery_keeper.h"
#include "file_io_support.h"
#include "test_support.h"

using namespace jb;
using namespace jb::test;
namespace fs = std::filesystem;

namespace {

// A board being edited in a private state folder, journaled as the app does.
struct SnapshotSession {
  TempDir dir;
  ScopedEnv env{"XDG_STATE_HOME", dir.Path().c_str()};
  std::string path = dir.File("workshop.cjm");
  SmallBoard s;
  Document doc;
  RecoveryKeeper keeper{30};
  std::optional<std::string> told;

  SnapshotSession() {
    doc.Reset(s.board, path);
    doc.SetObserver([this](JournalKind kind, const BoardDiff& diff) {
      if (auto error = keeper.OnChange(kind, diff, doc, 0)) told = error;
    });
  }
  void Rename(const std::string& name) { doc.Apply(RenameStage(doc.board(), s.a, name), "Rename"); }
};

// What the next start restores from the recovery files under `stateHome`: the board, or nothing.
std::optional<RestoredBoard> RestoreFrom(const std::string& stateHome, const std::string& boardPath) {
  ScopedEnv env("XDG_STATE_HOME", stateHome.c_str());
  RecoveryKeeper next(30);
  if (!next.Offer(boardPath)) return std::nullopt;
  RestoreResult restored = RecoveryKeeper::Restore(*next.offered());
  if (!std::holds_alternative<RestoredBoard>(restored)) return std::nullopt;
  return std::get<RestoredBoard>(std::move(restored));
}

// The recovery folder as a kill at this moment would leave it (temp files too).
void CopyStateTo(const std::string& from, const std::string& to) {
  fs::create_directories(to);
  fs::copy(from, to, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
}

}  // namespace

TEST_CASE("A background snapshot keeps the changes committed while it is written, in order, and a kill at any step restores them all") {
  SnapshotSession session;
  session.Rename("One");  // starts the journal: its first snapshot is the board before this
  REQUIRE_FALSE(session.keeper.Settle());
  session.Rename("Two");
  const Board atSnapshot = session.doc.board();

  // The journal's thread stops before the copy's sync until the test thread has committed two
  // changes; at the later steps it takes the folder as a kill would leave it.
  std::mutex mutex;
  std::condition_variable changed;
  bool reached = false, go = false;
  std::map<std::string, std::string> kills;  // step → a copy of the state folder at that step
  const std::string state = session.dir.Path();
  DurableSteps steps([&](const std::string& step) {
    if (step == "journal fdatasync") return 0;
    const std::string image = session.dir.File("kill-at-" + std::to_string(kills.size()));
    if (step == "fsync" && !reached) {
      std::unique_lock<std::mutex> lock(mutex);
      reached = true;
      changed.notify_all();
      changed.wait(lock, [&] { return go; });
    }
    if (!kills.count(step)) {
      CopyStateTo(state + "/journeyboard", image + "/journeyboard");
      kills[step] = image;
    }
    return 0;
  });
  REQUIRE_FALSE(session.keeper.Tick(session.doc, 30, false));  // starts the copy of "Two"
  {
    std::unique_lock<std::mutex> lock(mutex);
    changed.wait(lock, [&] { return reached; });
  }
  // Committed while the copy is being written: to the old journal, and kept for the new one.
  REQUIRE(session.doc.Apply(SetNoteText(session.doc.board(), session.s.n1, "Three"), "Type"));
  REQUIRE(session.doc.Apply(RenameStage(session.doc.board(), session.s.c, "Three and a half"), "Rename"));
  const Board afterBoth = session.doc.board();
  {
    std::lock_guard<std::mutex> lock(mutex);
    go = true;
  }
  changed.notify_all();
  REQUIRE_FALSE(session.keeper.Settle());
  CHECK_FALSE(session.told);
  session.doc.Apply(RenameStage(session.doc.board(), session.s.b, "Four"), "Rename");
  REQUIRE_FALSE(session.keeper.Settle());

  // The copy is the board when the snapshot was taken; its journal starts with the two changes.
  const std::optional<RecoveryInfo> info = FindRecovery(session.path);
  REQUIRE(info);
  LoadResult copy = LoadRecovery(*info);
  REQUIRE(AsBoard(copy));
  CHECK(*AsBoard(copy) == atSnapshot);
  const JournalReadResult journal = ReadJournal(ChangeJournal::PathFor(session.path), SnapshotId(atSnapshot));
  REQUIRE(journal.records.size() == 3);
  CHECK(journal.records[0].sequence == 1);
  CHECK(ReplayJournal(atSnapshot, {journal.records[0], journal.records[1]}) == afterBoth);
  CHECK(journal.records[2].sequence == 3);

  const std::optional<RestoredBoard> now = RestoreFrom(state, session.path);
  REQUIRE(now);
  CHECK(now->board == session.doc.board());
  CHECK(now->warning.empty());

  // A kill at each step of the copy and its new journal: the old copy and journal, the new copy
  // and the old journal, or the new pair; every change committed before the kill comes back.
  for (const char* step : {"fsync", "rename", "fsync folder", "journal fsync", "journal fsync folder"}) {
    const std::string at = step;
    CAPTURE(at);
    REQUIRE(kills.count(step));
    const std::optional<RestoredBoard> restored = RestoreFrom(kills[step], session.path);
    REQUIRE(restored);
    CHECK(restored->board == afterBoth);
    CHECK(restored->warning.empty());
  }
}

TEST_CASE("Closing the journal waits for a snapshot being written: nothing is written after a save discards the copy") {
  SnapshotSession session;
  session.Rename("One");
  REQUIRE_FALSE(session.keeper.Settle());
  session.Rename("Two");
  REQUIRE_FALSE(session.keeper.Tick(session.doc, 30, false));  // a copy on its way
  session.keeper.Discard(session.doc);  // a save meanwhile
  session.keeper.Settle();              // had the copy been left running, it would land now
  CHECK_FALSE(FindRecovery(session.path));
  CHECK_FALSE(fs::exists(ChangeJournal::PathFor(session.path)));
  CHECK(FolderEntries(RecoveryDir()).empty());  // no temp file left either
}

TEST_CASE("A failed background copy is told once in one sentence, and the old copy with its journal still restores everything") {
  SnapshotSession session;
  session.Rename("One");
  REQUIRE_FALSE(session.keeper.Settle());
  session.Rename("Two");
  {
    DurableSteps full([](const std::string& step) { return step == "write" ? ENOSPC : 0; });
    REQUIRE_FALSE(session.keeper.Tick(session.doc, 30, false));
    const std::optional<std::string> error = session.keeper.Settle();
    REQUIRE(error);
    CHECK(error->rfind("Unsaved work cannot be copied for recovery: ", 0) == 0);
    CHECK(Contains(*error, "the disk is full"));
    CHECK(error->back() == '.');
  }
  session.Rename("Three");  // still journaled, after the old copy
  REQUIRE_FALSE(session.keeper.Settle());
  CHECK_FALSE(session.told);
  const std::optional<RestoredBoard> restored = RestoreFrom(session.dir.Path(), session.path);
  REQUIRE(restored);
  CHECK(restored->board == session.doc.board());
  // The copy is tried again at the next period, and then succeeds.
  CHECK_FALSE(session.keeper.Tick(session.doc, 60, false));
  CHECK_FALSE(session.keeper.Settle());
  REQUIRE(FindRecovery(session.path));
  LoadResult retried = LoadRecovery(*FindRecovery(session.path));
  REQUIRE(AsBoard(retried));
  CHECK(*AsBoard(retried) == session.doc.board());
}

// The monkey once restored every note moved into one cell by a select-all drag it never saw
// committed. Every way a copy or a record can be taken while such a drag is under way: the
// periodic copy, focus loss, a copy already being written when the drag starts, a save.
TEST_CASE("A select-all drag in progress never reaches the recovery copy or the journal, whatever fires during it") {
  SnapshotSession session;
  session.Rename("Committed");
  REQUIRE_FALSE(session.keeper.Settle());
  const Board committed = session.doc.board();
  std::vector<NoteId> all;
  for (const Note& note : committed.notes) all.push_back(note.id);
  Board beforeDrag;
  auto dragAllIntoTheCell = [&] {
    beforeDrag = session.doc.board();
    session.doc.BeginGesture("Move notes");
    NoteTarget cell;  // Decision / Pain points, as in the monkey's run
    cell.stage = session.s.b;
    cell.lane = session.s.l2;
    session.doc.UpdateGesture([&](const Board& start) { return MoveNotes(start, all, cell); });
    REQUIRE_FALSE(session.doc.board() == committed);
  };
  SUBCASE("a periodic copy and a focus loss fall due") {
    dragAllIntoTheCell();
    CHECK_FALSE(session.keeper.Tick(session.doc, 30, false));
    CHECK_FALSE(session.keeper.Tick(session.doc, 31, /*force=*/true));
  }
  SUBCASE("a copy started just before the drag is written during it") {
    session.Rename("Committed again");
    CHECK_FALSE(session.keeper.Tick(session.doc, 30, false));
    dragAllIntoTheCell();
    CHECK_FALSE(session.keeper.Tick(session.doc, 60, /*force=*/true));
  }
  SUBCASE("a save, then the first change of a new journal is a drag's") {
    // The save writes the board without the drag (SaveDocument), and the journal starts at the
    // drag's commit: here it is never committed.
    session.keeper.Discard(session.doc);
    dragAllIntoTheCell();
    CHECK_FALSE(session.keeper.Tick(session.doc, 30, false));
  }
  CHECK_FALSE(session.keeper.Settle());
  const Board live = session.doc.board();
  // Killed half-way: the restore is the last committed board (or, with no copy, the saved file).
  const std::optional<RestoredBoard> restored = RestoreFrom(session.dir.Path(), session.path);
  if (restored) {
    CHECK_FALSE(restored->board == live);
    for (const Note& note : restored->board.notes) {
      const Note* before = committed.FindNote(note.id);
      REQUIRE(before);
      CHECK(note.stage == before->stage);
      CHECK(note.lane == before->lane);
    }
  }
  // Cancelled: nothing of it anywhere; committed: all of it comes back.
  session.doc.CancelGesture();
  CHECK(session.doc.board() == beforeDrag);
  dragAllIntoTheCell();
  session.doc.CommitGesture();
  REQUIRE_FALSE(session.keeper.Settle());
  const std::optional<RestoredBoard> moved = RestoreFrom(session.dir.Path(), session.path);
  REQUIRE(moved);
  CHECK(moved->board == session.doc.board());
}

// The journal writes its snapshots from its own copy of the board, kept up to date by the
// changes it is told (ChangeJournal::Seed): a missed or doubled change would make a wrong copy.
TEST_CASE("The journal's copy of the board follows every change, open, gesture, undo and save: each restore gives the board") {
  SnapshotSession session;
  Document& doc = session.doc;
  SmallBoard other;
  other.board.meta.title = "Another board, the same ids";
  const unsigned seed = std::random_device()();
  INFO("seed " << seed);
  std::mt19937 random(seed);
  double now = 0;
  int restores = 0;
  for (int step = 0; step < 240; ++step) {
    const std::string text = "step " + std::to_string(step);
    switch (random() % 10) {
      case 0: session.Rename(text); break;
      case 1: doc.Apply(SetNoteText(doc.board(), session.s.n1, text), "Type"); break;
      case 2: {
        Note note;
        note.text = text;
        doc.Apply(AddNote(doc.board(), note, Cell(session.s.b, session.s.l1)), "Add");
        break;
      }
      case 3: doc.Undo(); break;
      case 4: doc.Redo(); break;
      case 5: {  // a drag, with an autosave or none half-way, committed or cancelled
        doc.BeginGesture("Drag");
        for (int i = 1; i <= 3; ++i)
          doc.UpdateGesture([&](const Board& start) { return NudgeNotes(start, {session.s.n5}, {float(i), 2}); });
        if (random() % 2) session.keeper.Tick(doc, now += 31, /*force=*/true);
        if (random() % 3) doc.CommitGesture();
        else doc.CancelGesture();
        break;
      }
      case 6: session.keeper.Tick(doc, now += 31, /*force=*/true); break;
      case 7:  // saved, as the app does
        session.keeper.Discard(doc);
        doc.MarkSaved(session.path);
        break;
      case 8:  // another board opened; half the time changed before the next frame's Tick
        session.keeper.Discard(doc);
        doc.Reset(random() % 2 ? other.board : session.s.board, session.path);
        if (random() % 2) session.keeper.Tick(doc, now, false);
        break;
      default: session.keeper.Tick(doc, now += 1, false); break;
    }
    if (step % 6 != 5 || !doc.IsDirty()) continue;
    REQUIRE_FALSE(session.keeper.Settle());
    const std::optional<RestoredBoard> restored = RestoreFrom(session.dir.Path(), session.path);
    INFO("step " << step);
    REQUIRE(restored);
    CHECK(restored->warning.empty());
    CHECK(restored->board == doc.board());
    ++restores;
  }
  CHECK(restores > 10);
  CHECK_FALSE(session.told);
}

// Not a check: the time the UI thread spends on a snapshot of a big board, before (all of it on
// the UI thread) and after (only the copy). Run by hand:
//   JB_TIMING_BOARD=/tmp/p50k.cjm build/tests/journeyboard_unit_tests -tc='Timing*' --no-skip
TEST_CASE("Timing: the UI thread's part of a journal snapshot of a big board" * doctest::skip(true)) {
  const char* file = std::getenv("JB_TIMING_BOARD");
  REQUIRE(file);
  LoadResult loaded = LoadBoard(file);
  REQUIRE(AsBoard(loaded));
  TempDir dir;
  ScopedEnv env{"XDG_STATE_HOME", dir.Path().c_str()};
  const std::string path = dir.File("big.cjm");
  Document doc;
  doc.Reset(*AsBoard(loaded), path);
  RecoveryKeeper keeper(30);
  double now = 0;
  doc.SetObserver([&](JournalKind kind, const BoardDiff& diff) { keeper.OnChange(kind, diff, doc, now); });
  using Clock = std::chrono::steady_clock;
  auto ms = [](Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double, std::milli>(b - a).count(); };
  const NoteId first = doc.board().notes.front().id;
  // The app's first frame after the open gives the journal its replica (the one copy).
  const auto seed0 = Clock::now();
  keeper.Tick(doc, now, false);
  MESSAGE("seeding the journal's replica at the open: " << ms(seed0, Clock::now()) << " ms");
  for (int round = 0; round < 3; ++round) {
    // Before: what Tick did on the UI thread (SnapshotId, WriteRecovery, a new journal).
    const auto t0 = Clock::now();
    std::string error;
    const uint64_t id = SnapshotId(doc.board());
    REQUIRE(WriteRecovery(doc.board(), path, &error));
    REQUIRE(JournalWriter::Create(ChangeJournal::PathFor(path) + ".old", id, &error));
    // After: the first change of a journal (the board before it is the snapshot), then an autosave.
    BoardDiff change = SetNoteText(doc.board(), first, "timing " + std::to_string(round));
    const auto t1 = Clock::now();
    doc.Apply(std::move(change), "Type");
    const auto t2 = Clock::now();
    keeper.Settle();
    const auto t3 = Clock::now();
    doc.Apply(SetNoteText(doc.board(), first, "timing again " + std::to_string(round)), "Type");
    now += 31;
    const auto t4 = Clock::now();
    keeper.Tick(doc, now, false);
    const auto t5 = Clock::now();
    keeper.Settle();
    const auto t6 = Clock::now();
    const auto t7 = Clock::now();
    const Board copy = doc.board();
    const auto t8 = Clock::now();
    MESSAGE(doc.board().notes.size() << " notes: synchronous snapshot " << ms(t0, t1) << " ms; now on the UI thread: "
            << "first change " << ms(t1, t2) << " ms (background " << ms(t2, t3) << " ms), autosave "
            << ms(t4, t5) << " ms (background " << ms(t5, t6) << " ms); a bare copy " << ms(t7, t8) << " ms");
    keeper.Discard(doc);
    doc.MarkSaved(path);
  }
}
