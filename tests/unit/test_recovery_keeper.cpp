// The recovery policy (RecoveryKeeper): when a copy is written, the journal folded into a new
// copy, which copy is offered at start, how it is restored, and when a copy may be removed. Time
// is passed in, so "30 seconds later" is a number here.
#include <doctest/doctest.h>

#include <chrono>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <optional>
#include <string>

#include <sys/stat.h>

#include "board_support.h"
#include "core/edit/commands.h"
#include "core/edit/document.h"
#include "core/io/templates.h"
#include "core/session/recovery_keeper.h"
#include "file_io_support.h"
#include "test_support.h"

using namespace jb;
using namespace jb::test;
namespace fs = std::filesystem;

namespace {

constexpr double kPeriod = 30;

// A board being edited in a private state folder, its changes journaled by a keeper (the app's
// wiring), with the clock at `now`.
struct Session {
  TempDir dir;
  ScopedEnv env{"XDG_STATE_HOME", dir.Path().c_str()};
  std::string path = dir.File("workshop.cjm");
  SmallBoard s;
  Document doc;
  RecoveryKeeper keeper{kPeriod};
  double now = 0;
  std::optional<std::string> lastError;

  explicit Session(bool journal = true) {
    doc.Reset(s.board, path);
    if (journal)
      doc.SetObserver([this](JournalKind kind, const BoardDiff& diff) {
        if (auto error = keeper.OnChange(kind, diff, doc, now)) lastError = error;
      });
  }
  // The copy is written on the journal's thread: these wait for it and say what the app would.
  std::optional<std::string> Tick(double at, bool force) {
    std::optional<std::string> told = keeper.Tick(doc, at, force);
    std::optional<std::string> settled = keeper.Settle();
    return told ? told : settled;
  }
  std::optional<std::string> OnChange(const BoardDiff& diff, double at) {
    std::optional<std::string> told = keeper.OnChange(JournalKind::Apply, diff, doc, at);
    std::optional<std::string> settled = keeper.Settle();
    return told ? told : settled;
  }
  void Apply(BoardDiff diff, const char* label) {
    doc.Apply(std::move(diff), label);
    if (auto error = keeper.Settle()) lastError = error;
  }
  void Rename(const std::string& name) { Apply(RenameStage(doc.board(), s.a, name), "Rename"); }
  // The board in the recovery copy on disk, if there is one.
  std::optional<Board> Copy() const {
    const std::optional<RecoveryInfo> info = FindRecovery(path);
    if (!info) return std::nullopt;
    LoadResult loaded = LoadRecovery(*info);
    if (!AsBoard(loaded)) return std::nullopt;
    return *AsBoard(loaded);
  }
  uint64_t JournalBytes() const {
    std::error_code ec;
    const auto size = fs::file_size(ChangeJournal::PathFor(path), ec);
    return ec ? 0 : size;
  }
};

}  // namespace

// [SECTION] Autosave

TEST_CASE("A recovery copy is written once the period has passed, not before") {
  Session session(/*journal=*/false);
  CHECK(session.keeper.NextCopyIn(session.doc, 0) < 0);  // nothing unsaved
  session.Rename("Aware");
  CHECK(session.keeper.NextCopyIn(session.doc, 10) == doctest::Approx(20));
  CHECK_FALSE(session.Tick(29.5, /*force=*/false));
  CHECK_FALSE(session.Copy());

  CHECK_FALSE(session.Tick(30, false));
  REQUIRE(session.Copy());
  CHECK(*session.Copy() == session.doc.board());
  CHECK(session.keeper.NextCopyIn(session.doc, 31) < 0);  // the copy is this board

  // The next change waits for the next period; a forced copy (focus lost) does not.
  session.Rename("Awareness again");
  CHECK(session.keeper.NextCopyIn(session.doc, 40) == doctest::Approx(20));
  session.Tick(40, false);
  CHECK_FALSE(*session.Copy() == session.doc.board());
  session.Tick(41, /*force=*/true);
  CHECK(*session.Copy() == session.doc.board());
}

TEST_CASE("No copy is taken half-way through a gesture, but a second after it") {
  Session session(/*journal=*/false);
  session.Rename("Aware");
  session.doc.BeginGesture("Drag");
  session.doc.UpdateGesture([&](const Board& b) { return NudgeNotes(b, {session.s.n5}, {40, 0}); });
  session.Tick(30, false);
  CHECK_FALSE(session.Copy());
  session.Tick(30.5, /*force=*/true);  // not even on focus loss
  CHECK_FALSE(session.Copy());
  session.doc.CommitGesture();
  session.Tick(31.4, false);  // a second after the last try at 30.5
  CHECK_FALSE(session.Copy());
  CHECK(session.keeper.NextCopyIn(session.doc, 31.4) == doctest::Approx(0.1));
  session.Tick(31.5, false);
  REQUIRE(session.Copy());
  CHECK(*session.Copy() == session.doc.board());
}

TEST_CASE("A journal past 1 MiB is folded into a new copy and starts empty") {
  Session session;
  constexpr uint64_t kMiB = 1u << 20;  // as README says (not kJournalCompactBytes: the test pins it)
  const std::string longText(kMaxTextChars, 'x');
  uint64_t before = 0, after = 0;
  bool compacted = false;
  for (int i = 0; i < 200 && !compacted; ++i) {
    before = session.JournalBytes();
    std::string text = longText;
    text[0] = static_cast<char>('a' + i % 26);
    session.Apply(SetNoteText(session.doc.board(), session.s.n1, text), "Type");
    after = session.JournalBytes();
    REQUIRE(after <= kMiB);
    compacted = after < before;
  }
  CHECK_FALSE(session.lastError);
  REQUIRE(compacted);
  CHECK(before > kMiB - 2 * kMaxTextChars - 1024);  // not folded early
  CHECK(after == kJournalHeaderBytes);                                // an empty journal
  CHECK(*session.Copy() == session.doc.board());                      // after a new snapshot
}

// [SECTION] Offer, restore, discard

TEST_CASE("Discard keeps a copy that is still being offered") {
  Session session;
  std::string error;
  REQUIRE_MESSAGE(WriteRecovery(session.s.board, session.path, &error), error);
  REQUIRE(session.keeper.Offer(session.path));
  session.keeper.Discard(session.doc);  // e.g. a save while the prompt is up
  CHECK(FindRecovery(session.path));
  CHECK(session.keeper.offered());

  session.keeper.Forget();
  CHECK(FindRecovery(session.path));  // forgetting deletes nothing
  session.keeper.Discard(session.doc);
  CHECK_FALSE(FindRecovery(session.path));

  // Declining the offer removes the copy and its journal.
  session.Rename("Aware");
  REQUIRE(FindRecovery(session.path));
  REQUIRE(session.JournalBytes() > 0);
  RecoveryKeeper next(kPeriod);
  REQUIRE(next.Offer(session.path));
  next.Decline();
  CHECK_FALSE(next.offered());
  CHECK_FALSE(FindRecovery(session.path));
  CHECK_FALSE(fs::exists(ChangeJournal::PathFor(session.path)));
}

TEST_CASE("Offer picks this board's copy, any board's only with no file, dated by the later journal") {
  TempDir dir;
  ScopedEnv env("XDG_STATE_HOME", dir.Path().c_str());
  const std::string mine = dir.File("mine.cjm"), other = dir.File("other.cjm");
  std::string error;
  REQUIRE_MESSAGE(WriteRecovery(FixedBoard(Template::Classic), mine, &error), error);
  REQUIRE_MESSAGE(WriteRecovery(FixedBoard(Template::Blank), other, &error), error);
  const std::time_t copied = FindRecovery(mine)->savedAt;

  RecoveryKeeper keeper(kPeriod);
  REQUIRE(keeper.Offer(mine));
  CHECK(keeper.offered()->boardPath == mine);
  CHECK(keeper.offered()->savedAt == copied);  // no journal: the copy's time
  CHECK_FALSE(keeper.Offer(dir.File("third.cjm")));
  CHECK_FALSE(keeper.offered());
  REQUIRE(keeper.Offer(""));
  CHECK((keeper.offered()->boardPath == mine || keeper.offered()->boardPath == other));

  // A journal written after the copy dates the offer; an older one does not.
  const std::string journal = ChangeJournal::PathFor(mine);
  WriteFile(journal, "journal");
  fs::last_write_time(journal, fs::file_time_type::clock::now() + std::chrono::hours(1));
  REQUIRE(keeper.Offer(mine));
  CHECK(keeper.offered()->savedAt >= copied + 3600 - 5);
  CHECK(keeper.offered()->savedAt <= copied + 3600 + 5);
  fs::last_write_time(journal, fs::file_time_type::clock::now() - std::chrono::hours(1));
  REQUIRE(keeper.Offer(mine));
  CHECK(keeper.offered()->savedAt == copied);
}

TEST_CASE("Restore replays the journal onto the copy and leaves out a torn last change") {
  Session session;
  session.Rename("Aware");
  session.Apply(NudgeNotes(session.doc.board(), {session.s.n5}, {40, 0}), "Nudge");
  const Board beforeLast = session.doc.board();
  session.Apply(SetNoteText(session.doc.board(), session.s.n1, "typed before the crash"), "Type");
  CHECK(*session.Copy() == session.s.board);  // the snapshot is the board before the first change

  RecoveryKeeper next(kPeriod);  // the next start
  REQUIRE(next.Offer(session.path));
  RestoreResult restored = RecoveryKeeper::Restore(*next.offered());
  REQUIRE(std::holds_alternative<RestoredBoard>(restored));
  CHECK(std::get<RestoredBoard>(restored).board == session.doc.board());
  CHECK(std::get<RestoredBoard>(restored).warning.empty());

  // The crash cut the last record short.
  fs::resize_file(ChangeJournal::PathFor(session.path), session.JournalBytes() - 3);
  restored = RecoveryKeeper::Restore(*next.offered());
  REQUIRE(std::holds_alternative<RestoredBoard>(restored));
  CHECK(std::get<RestoredBoard>(restored).board == beforeLast);
  CHECK(std::get<RestoredBoard>(restored).warning ==
        "The last change before the crash was incomplete and was left out.");

  // A copy that cannot be read gives one sentence.
  WriteFile(next.offered()->path, "not a board");
  CHECK(std::holds_alternative<LoadError>(RecoveryKeeper::Restore(*next.offered())));
}

TEST_CASE("Restore tells why journaled changes are missing, and still restores the copy and the valid ones") {
  Session session;
  session.Rename("One");
  session.Rename("Two");
  session.Apply(SetNoteText(session.doc.board(), session.s.n1, "Three"), "Type");
  const std::string journal = ChangeJournal::PathFor(session.path);
  const std::string full = ReadFile(journal);
  const std::string missing = ", so the changes since the last autosave are missing.";
  std::string expectedWarning;
  std::optional<Board> expectedBoard = session.s.board;  // the copy: the board before the first change
  SUBCASE("zero-filled") {
    WriteFile(journal, std::string(full.size(), '\0'));
    expectedWarning = "The change log " + journal + " is damaged" + missing;
  }
  SUBCASE("cut to a few bytes") {
    fs::resize_file(journal, 7);
    expectedWarning = "The change log " + journal + " is damaged" + missing;
  }
  SUBCASE("emptied") {
    fs::resize_file(journal, 0);
    expectedWarning = "The change log " + journal + " is empty" + missing;
  }
  SUBCASE("a folder") {
    fs::remove(journal);
    fs::create_directory(journal);
    expectedWarning = "The change log " + journal + " is a folder" + missing;
  }
  SUBCASE("a FIFO") {
    fs::remove(journal);
    REQUIRE(::mkfifo(journal.c_str(), 0600) == 0);
    expectedWarning = "The change log " + journal + " is not a regular file" + missing;
  }
  SUBCASE("a link to /dev/zero") {
    fs::remove(journal);
    fs::create_symlink("/dev/zero", journal);
    expectedWarning = "The change log " + journal + " is not a regular file" + missing;
  }
  SUBCASE("another board's journal") {
    Session other;
    other.Rename("Elsewhere");
    REQUIRE_FALSE(other.Tick(kPeriod, false));  // its journal now continues another snapshot
    other.Rename("Again");
    fs::copy_file(ChangeJournal::PathFor(other.path), journal, fs::copy_options::overwrite_existing);
    expectedWarning = "The change log " + journal + " belongs to another copy of the board and was left out.";
  }
  SUBCASE("a flipped byte early in the header: every change still comes back") {
    std::string damaged = full;
    damaged[1] = char(damaged[1] ^ 0x40);
    WriteFile(journal, damaged);
    expectedWarning = "The start of the change log " + journal + " was damaged, but the changes after it were kept.";
    expectedBoard = session.doc.board();
  }
  SUBCASE("the middle record damaged: the first and the last come back") {
    std::string damaged = full;
    uint32_t firstLength = 0;
    std::memcpy(&firstLength, &full[kJournalHeaderBytes + 10], 4);
    const size_t second = kJournalHeaderBytes + kJournalRecordOverhead + firstLength;
    damaged[second + 16] = char(damaged[second + 16] ^ 0x01);  // in its payload
    WriteFile(journal, damaged);
    expectedWarning = "1 change in the middle of the change log was damaged and left out.";
    expectedBoard.reset();
  }
  RecoveryKeeper next(kPeriod);
  REQUIRE(next.Offer(session.path));  // the copy is offered whatever its journal
  const RecoveryInfo info = *next.offered();
  auto restoredAsExpected = [&](RestoredBoard* out) {
    RestoreResult restored = RecoveryKeeper::Restore(info);
    if (!std::holds_alternative<RestoredBoard>(restored)) return false;
    RestoredBoard& result = std::get<RestoredBoard>(restored);
    const bool board = expectedBoard ? result.board == *expectedBoard
                                     : result.board.FindStage(session.s.a)->name == "One" &&
                                           result.board.FindNote(session.s.n1)->text == "Three";
    const bool same = board && result.warning == expectedWarning;
    if (out) *out = std::move(result);
    return same;
  };
  // In a child first: a FIFO or /dev/zero must not hang the restore.
  CHECK(FinishesWithin(20, [&] { return restoredAsExpected(nullptr); }));
  if (fs::is_regular_file(journal) || fs::is_directory(journal)) {
    RestoredBoard result;
    CHECK(restoredAsExpected(&result));  // the same in this process, to show what differs
    CHECK(result.warning == expectedWarning);
  }
}

TEST_CASE("The journal left by a crash between a copy and its new journal is all in the copy: nothing is told") {
  Session session;
  session.Rename("One");
  session.Rename("Two");
  std::string error;
  // The autosave wrote the copy, then the app died before the new journal replaced the old one.
  REQUIRE_MESSAGE(WriteRecovery(session.doc.board(), session.path, &error), error);
  RecoveryKeeper next(kPeriod);
  REQUIRE(next.Offer(session.path));
  RestoreResult restored = RecoveryKeeper::Restore(*next.offered());
  REQUIRE(std::holds_alternative<RestoredBoard>(restored));
  CHECK(std::get<RestoredBoard>(restored).board == session.doc.board());
  CHECK(std::get<RestoredBoard>(restored).warning.empty());
}

// [SECTION] Failures

TEST_CASE("A copy or journal that cannot be written is told once, until a copy succeeds") {
  Session session(/*journal=*/false);
  const std::string state = session.dir.File("state");
  WriteFile(state, "a file where the folder should be");
  ScopedEnv env("XDG_STATE_HOME", state.c_str());
  session.Rename("Aware");
  const std::optional<std::string> error = session.Tick(30, false);
  REQUIRE(error);
  CHECK(error->rfind("Unsaved work cannot be copied for recovery: Cannot write the recovery copy of workshop.cjm", 0) == 0);
  CHECK(Contains(*error, " Save the board to keep it safe."));
  CHECK_FALSE(session.Tick(60, false));  // retried, not told again
  CHECK_FALSE(session.Tick(61, true));
  CHECK_FALSE(session.OnChange(BoardDiff(), 62));

  fs::remove(state);  // the disk is back: a copy succeeds, and the next failure is told again
  CHECK_FALSE(session.Tick(100, false));
  REQUIRE(FindRecovery(session.path));
  WriteFile(state + "2", "a file again");
  ScopedEnv broken("XDG_STATE_HOME", (state + "2").c_str());
  session.keeper.Discard(session.doc);  // closes the journal: the next change must start one
  session.Rename("Again");
  const std::optional<std::string> logged =
      session.OnChange(RenameStage(session.doc.board(), session.s.a, "x"), 105);
  REQUIRE(logged);
  CHECK(logged->rfind("Changes cannot be logged for recovery: ", 0) == 0);
  CHECK_FALSE(session.OnChange(BoardDiff(), 106));
  CHECK_FALSE(session.Tick(140, false));  // one flag for both
}

TEST_CASE("A disk that fills during an autosave leaves the previous copy and its journal to restore everything") {
  Session session;
  session.Rename("One");
  REQUIRE_FALSE(session.Tick(kPeriod, false));  // an autosave: the copy holds "One"
  const std::string copy = ReadFile(FindRecovery(session.path)->path);
  session.Rename("Two");  // journaled after that copy
  const char* failing = nullptr;
  SUBCASE("before a byte is written") { failing = "write"; }
  SUBCASE("after the bytes, at the sync") { failing = "fsync"; }
  {
    CAPTURE(failing);
    DurableSteps full([&](const std::string& step) { return step == failing ? ENOSPC : 0; });
    const std::optional<std::string> error = session.Tick(2 * kPeriod, false);
    REQUIRE(error);
    CHECK(Contains(*error, "the disk is full"));
  }
  CHECK(ReadFile(FindRecovery(session.path)->path) == copy);  // the previous copy, intact
  CHECK(FolderEntries(RecoveryDir()).size() == 2);      // and its journal; no temp files
  RecoveryKeeper next(kPeriod);  // after a kill
  REQUIRE(next.Offer(session.path));
  RestoreResult restored = RecoveryKeeper::Restore(*next.offered());
  REQUIRE(std::holds_alternative<RestoredBoard>(restored));
  CHECK(std::get<RestoredBoard>(restored).board == session.doc.board());
  CHECK(std::get<RestoredBoard>(restored).warning.empty());
}
