// The recovery store: autosaved copies under $XDG_STATE_HOME, found again by board path.
#include <doctest/doctest.h>

#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <optional>
#include <string>

#include "core/io/templates.h"
#include "core/session/recovery.h"
#include "file_io_support.h"
#include "test_support.h"

using namespace jb;
using namespace jb::test;
namespace fs = std::filesystem;

namespace {

// A private state folder for one test.
struct StateHome {
  TempDir dir;
  ScopedEnv env{"XDG_STATE_HOME", dir.Path().c_str()};
  std::string Recovery() const { return (dir.Path() / "journeyboard" / "recovery").string(); }
};

}  // namespace

TEST_CASE("RecoveryDir follows XDG_STATE_HOME, else HOME") {
  {
    ScopedEnv state("XDG_STATE_HOME", "/var/state-test");
    CHECK(RecoveryDir() == "/var/state-test/journeyboard/recovery");
  }
  ScopedEnv home("HOME", "/home/facilitator");
  {
    ScopedEnv state("XDG_STATE_HOME", "relative/ignored");  // the XDG spec ignores relative paths
    CHECK(RecoveryDir() == "/home/facilitator/.local/state/journeyboard/recovery");
  }
  ScopedEnv noState("XDG_STATE_HOME", nullptr);
  CHECK(RecoveryDir() == "/home/facilitator/.local/state/journeyboard/recovery");
  ScopedEnv noHome("HOME", nullptr);
  CHECK(RecoveryDir().empty());
  std::string error;
  CHECK_FALSE(WriteRecovery(FixedBoard(Template::Blank), "/tmp/x.cjm", &error));
  CHECK(error == "Cannot write the recovery copy of x.cjm: neither XDG_STATE_HOME nor HOME is set.");
  CHECK_FALSE(FindRecovery("/tmp/x.cjm"));
}

TEST_CASE("RecoveryKey is a stable short hash of the absolute path") {
  CHECK(RecoveryKey("") == "untitled");
  CHECK(RecoveryKey("/tmp/workshop.cjm") == "6c934eb814700e6b");  // FNV-1a: the same on every run and machine
  CHECK(RecoveryKey("/tmp/./x/../workshop.cjm") == RecoveryKey("/tmp/workshop.cjm"));
  CHECK(RecoveryKey("/tmp/other.cjm") != RecoveryKey("/tmp/workshop.cjm"));
  const std::string relative = RecoveryKey("some-board.cjm");
  CHECK(relative == RecoveryKey((fs::current_path() / "some-board.cjm").string()));
  CHECK(relative.size() == 16);
}

TEST_CASE("A recovery copy is written, found, loaded and removed") {
  StateHome state;
  TempDir boards;
  const std::string path = boards.File("workshop.cjm");
  CHECK_FALSE(FindRecovery(path));

  Board board = FixedBoard(Template::Sample);
  board.notes[0].text = "Typed just before the crash";
  const std::time_t before = std::time(nullptr);
  std::string error;
  REQUIRE_MESSAGE(WriteRecovery(board, path, &error), error);
  const std::time_t after = std::time(nullptr);

  const std::optional<RecoveryInfo> info = FindRecovery(path);
  REQUIRE(info);
  CHECK(info->path == state.Recovery() + "/" + RecoveryKey(path) + ".cjm");
  CHECK(info->boardPath == path);
  CHECK(info->savedAt >= before);
  CHECK(info->savedAt <= after);

  const LoadResult loaded = LoadRecovery(*info);
  REQUIRE(AsBoard(loaded));
  CHECK(*AsBoard(loaded) == board);
  CHECK(Warnings(loaded).empty());

  // The copy is an ordinary board file that names its board.
  const std::string bytes = ReadFile(info->path);
  CHECK(Contains(bytes, "\"recoveryOf\": \"" + path + "\""));
  CHECK(Contains(bytes, "\"savedAt\": \""));
  CHECK(Contains(bytes, "\"formatVersion\": " + std::to_string(kFormatVersion)));

  // Another board has no copy.
  CHECK_FALSE(FindRecovery(boards.File("other.cjm")));

  RemoveRecovery(path);
  CHECK_FALSE(FindRecovery(path));
  CHECK_FALSE(fs::exists(info->path));
  RemoveRecovery(path);  // twice is fine
}

TEST_CASE("An untitled board has its own recovery copy") {
  StateHome state;
  std::string error;
  REQUIRE(WriteRecovery(FixedBoard(Template::Classic), "", &error));
  const std::optional<RecoveryInfo> info = FindRecovery("");
  REQUIRE(info);
  CHECK(info->boardPath.empty());
  CHECK(fs::path(info->path).filename() == "untitled.cjm");
  const LoadResult loaded = LoadRecovery(*info);
  REQUIRE(AsBoard(loaded));
  CHECK(*AsBoard(loaded) == FixedBoard(Template::Classic));
}

TEST_CASE("Rewriting a recovery copy replaces it whole and leaves no temp files") {
  StateHome state;
  const std::string path = "/tmp/jb-recovery-rewrite.cjm";
  REQUIRE(WriteRecovery(FixedBoard(Template::Blank), path, nullptr));
  REQUIRE(WriteRecovery(FixedBoard(Template::Sample), path, nullptr));
  CHECK(FolderEntries(state.Recovery()) == std::vector<std::string>{RecoveryKey(path) + ".cjm"});
  const LoadResult loaded = LoadRecovery(*FindRecovery(path));
  REQUIRE(AsBoard(loaded));
  CHECK(*AsBoard(loaded) == FixedBoard(Template::Sample));
}

TEST_CASE("A recovery copy is synced to disk before its rename, and its folder after") {
  StateHome state;
  const std::string path = "/tmp/jb-recovery-durable.cjm";
  const std::string file = state.Recovery() + "/" + RecoveryKey(path) + ".cjm";
  std::string before;  // the copy on disk before this write
  DurableSteps steps([&](const std::string& step) {
    CAPTURE(step);
    if (step == "fsync" || step == "rename") CHECK(ReadFile(file) == before);
    if (step == "fsync folder") {  // the new copy is in place
      CHECK(Contains(ReadFile(file), "\"recoveryOf\""));
      CHECK(ReadFile(file) != before);
    }
    return 0;
  });
  const std::vector<std::string> durable = {"create", "write", "fsync", "rename", "fsync folder"};
  REQUIRE(WriteRecovery(FixedBoard(Template::Blank), path, nullptr));
  CHECK(steps.Take() == durable);
  before = ReadFile(file);
  REQUIRE(WriteRecovery(FixedBoard(Template::Sample), path, nullptr));
  CHECK(steps.Take() == durable);
  CHECK(ReadFile(file) != before);
}

TEST_CASE("ListRecoveries finds every copy, newest first, and skips what is not one") {
  StateHome state;
  REQUIRE(WriteRecovery(FixedBoard(Template::Blank), "/tmp/a.cjm", nullptr));
  REQUIRE(WriteRecovery(FixedBoard(Template::Blank), "/tmp/b.cjm", nullptr));
  // Make a's copy older by an hour, as a copy from an earlier session would be.
  const std::string aFile = FindRecovery("/tmp/a.cjm")->path;
  std::string bytes = ReadFile(aFile);
  const size_t at = bytes.find("\"savedAt\": \"") + 12;
  bytes.replace(at, 20, "2020-01-02T03:04:05Z");
  WriteFile(aFile, bytes);
  WriteFile(state.Recovery() + "/junk.cjm", "not a board");
  WriteFile(state.Recovery() + "/plain.cjm", BoardToJson(FixedBoard(Template::Blank)));  // a board, but no copy
  WriteFile(state.Recovery() + "/.x.cjm.tmp-1", "half written");

  const std::vector<RecoveryInfo> all = ListRecoveries();
  REQUIRE(all.size() == 2);
  CHECK(all[0].boardPath == "/tmp/b.cjm");
  CHECK(all[1].boardPath == "/tmp/a.cjm");
  std::tm utc{};
  utc.tm_year = 120;
  utc.tm_mon = 0;
  utc.tm_mday = 2;
  utc.tm_hour = 3;
  utc.tm_min = 4;
  utc.tm_sec = 5;
  CHECK(all[1].savedAt == timegm(&utc));
}

TEST_CASE("A damaged recovery copy is not offered, or fails to load with a message") {
  StateHome state;
  const std::string path = "/tmp/jb-damaged.cjm";
  REQUIRE(WriteRecovery(FixedBoard(Template::Sample), path, nullptr));
  const RecoveryInfo info = *FindRecovery(path);
  const std::string bytes = ReadFile(info.path);

  // Cut off in the board: still offered (its header is fine), but it loads as damaged.
  WriteFile(info.path, bytes.substr(0, bytes.size() / 2));
  REQUIRE(FindRecovery(path));
  const LoadResult loaded = LoadRecovery(info);
  ExpectError(loaded, LoadErrorKind::InvalidData, info.path);

  // Garbage, or a copy that claims another board: not offered.
  WriteFile(info.path, std::string(100000, '['));
  CHECK_FALSE(FindRecovery(path));
  WriteFile(info.path, Replace(bytes, "\"recoveryOf\": \"" + path, "\"recoveryOf\": \"/tmp/another.cjm"));
  CHECK_FALSE(FindRecovery(path));
}

TEST_CASE("A recovery folder that cannot be made gives one sentence") {
  TempDir dir;
  WriteFile(dir.File("state"), "a file where the folder should be");
  ScopedEnv env("XDG_STATE_HOME", dir.File("state").c_str());
  std::string error;
  CHECK_FALSE(WriteRecovery(FixedBoard(Template::Blank), "/tmp/w.cjm", &error));
  CAPTURE(error);
  CHECK(error.rfind("Cannot write the recovery copy of w.cjm: cannot create the folder ", 0) == 0);
  CHECK(error.back() == '.');
}
