#include <doctest/doctest.h>

#include <filesystem>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "core/io/snapshot_path.h"
#include "core/model/clock.h"
#include "test_support.h"

using namespace jb;
using jb::test::ScopedEnv;
using jb::test::TempDir;

TEST_CASE("Snapshots of a saved board go to snapshots/ beside its file") {
  TempDir dir;
  CHECK(SnapshotFolder(dir.File("room.cjm")) == dir.File("snapshots"));
}

TEST_CASE("Snapshots of an unsaved board go to the pictures folder: XDG_PICTURES_DIR, user-dirs.dirs, ~/Pictures") {
  TempDir dir;
  ScopedEnv home("HOME", dir.Path().c_str());
  ScopedEnv config("XDG_CONFIG_HOME", dir.File("config").c_str());
  {
    ScopedEnv pictures("XDG_PICTURES_DIR", "/somewhere/Bilder");
    CHECK(SnapshotFolder("") == "/somewhere/Bilder/Journeyboard");
  }
  ScopedEnv pictures("XDG_PICTURES_DIR", nullptr);
  CHECK(SnapshotFolder("") == dir.File("Pictures/Journeyboard"));
  std::filesystem::create_directories(dir.File("config"));
  jb::test::WriteFile(dir.File("config/user-dirs.dirs"),
                      "# written by xdg-user-dirs-update\nXDG_DESKTOP_DIR=\"$HOME/Desktop\"\n"
                      "XDG_PICTURES_DIR=\"$HOME/Изображения\"\n");
  CHECK(SnapshotFolder("") == dir.File("Изображения/Journeyboard"));
  ScopedEnv noHome("HOME", nullptr);
  CHECK(SnapshotFolder("").empty());
}

TEST_CASE("A snapshot name is never taken twice: -2, -3 for the same second, folder created") {
  TempDir dir;
  const std::string folder = dir.File("a/snapshots");
  const std::string stamp = LocalTimestampCompact(1700000000);
  std::string error;
  const std::string first = ReserveSnapshotFile(folder, "room", stamp, &error);
  CHECK(first == folder + "/room-" + stamp + ".png");
  CHECK(ReserveSnapshotFile(folder, "room", stamp, &error) == folder + "/room-" + stamp + "-2.png");
  CHECK(ReserveSnapshotFile(folder, "room", stamp, &error) == folder + "/room-" + stamp + "-3.png");
  CHECK(std::filesystem::file_size(first) == 0);

  // Many at once (threads racing for the same second): every one gets its own file.
  std::vector<std::string> names(16);
  std::vector<std::thread> threads;
  for (auto& name : names) threads.emplace_back([&name, &folder, &stamp] {
    std::string ignored;
    name = ReserveSnapshotFile(folder, "race", stamp, &ignored);
  });
  for (auto& thread : threads) thread.join();
  CHECK(std::set<std::string>(names.begin(), names.end()).size() == names.size());
  for (const auto& name : names) CHECK(!name.empty());
}

TEST_CASE("A snapshot folder that cannot be made is one sentence") {
  TempDir dir;
  jb::test::WriteFile(dir.File("file"), "x");
  std::string error;
  CHECK(ReserveSnapshotFile(dir.File("file/snapshots"), "room", "20260101-093000", &error).empty());
  CHECK(error.rfind("Cannot create the snapshot folder ", 0) == 0);
  CHECK(error.back() == '.');
  CHECK(ReserveSnapshotFile("", "room", "20260101-093000", &error).empty());
  CHECK(error.back() == '.');
}

TEST_CASE("Snapshot time stamps are compact: YYYYMMDD-HHMMSS, the same moment as the dashed form") {
  const std::string compact = LocalTimestampCompact(1700000000), dashed = LocalTimestampForFileName(1700000000);
  REQUIRE(compact.size() == 15);
  CHECK(compact[8] == '-');
  CHECK(compact.substr(0, 4) + "-" + compact.substr(4, 2) + "-" + compact.substr(6, 2) + "-" + compact.substr(9) == dashed);
}
