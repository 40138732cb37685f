// The desktop's recent list (core/io/desktop_recent.h): a board opened or saved is added to
// recently-used.xbel, used again it is updated in place, other programs' bookmarks survive, and a
// file that cannot be read is never replaced.
#include <doctest/doctest.h>

#include <pugixml.hpp>

#include <filesystem>
#include <string>

#include "core/io/desktop_recent.h"
#include "test_support.h"

using namespace jb;
using jb::test::ReadFile;
using jb::test::TempDir;
using jb::test::WriteFile;

namespace {

// What GLib writes for a file opened in a text editor.
const char* const kOthersList = R"(<?xml version="1.0" encoding="UTF-8"?>
<xbel version="1.0"
      xmlns:bookmark="http://www.freedesktop.org/standards/desktop-bookmarks"
      xmlns:mime="http://www.freedesktop.org/standards/shared-mime-info"
>
  <bookmark href="file:///home/u/notes.txt" added="2026-01-02T03:04:05.000000Z" modified="2026-01-02T03:04:05.000000Z" visited="2026-01-02T03:04:05.000000Z">
    <info>
      <metadata owner="http://freedesktop.org">
        <mime:mime-type type="text/plain"/>
        <bookmark:applications>
          <bookmark:application name="gedit" exec="&apos;gedit %u&apos;" modified="2026-01-02T03:04:05.000000Z" count="3"/>
        </bookmark:applications>
      </metadata>
    </info>
  </bookmark>
</xbel>
)";

// The bookmarks of the list at `path`, by href.
pugi::xml_node BookmarkOf(const pugi::xml_document& list, const std::string& href) {
  return list.child("xbel").find_child_by_attribute("bookmark", "href", href.c_str());
}

int BookmarkCount(const pugi::xml_document& list) {
  int count = 0;
  for (pugi::xml_node bookmark : list.child("xbel").children("bookmark")) count += bool(bookmark);
  return count;
}

pugi::xml_node JourneyboardOf(pugi::xml_node bookmark) {
  return bookmark.child("info").child("metadata").child("bookmark:applications").find_child_by_attribute(
      "bookmark:application", "name", "journeyboard");
}

}  // namespace

TEST_CASE("Opening a board adds it to a new desktop recent list with its type and command") {
  TempDir dir;
  const std::string list = dir.File("data/recently-used.xbel");
  std::filesystem::create_directories(dir.File("data"));
  std::string warning;
  REQUIRE(AddToDesktopRecent(list, "/home/u/Workshop maps/Ретро.cjm", 1700000000, &warning));
  CHECK(warning.empty());
  pugi::xml_document read;
  REQUIRE(read.load_file(list.c_str()));
  CHECK(BookmarkCount(read) == 1);
  const pugi::xml_node bookmark =
      BookmarkOf(read, "file:///home/u/Workshop%20maps/%D0%A0%D0%B5%D1%82%D1%80%D0%BE.cjm");
  REQUIRE(bookmark);
  CHECK(std::string(bookmark.attribute("added").value()) == "2023-11-14T22:13:20Z");
  CHECK(std::string(bookmark.attribute("modified").value()) == "2023-11-14T22:13:20Z");
  const pugi::xml_node metadata = bookmark.child("info").child("metadata");
  CHECK(std::string(metadata.attribute("owner").value()) == "http://freedesktop.org");
  CHECK(std::string(metadata.child("mime:mime-type").attribute("type").value()) == "application/x-journeyboard");
  const pugi::xml_node application = JourneyboardOf(bookmark);
  REQUIRE(application);
  CHECK(std::string(application.attribute("exec").value()) == "'journeyboard %u'");
  CHECK(application.attribute("count").as_int() == 1);
  CHECK(std::string(read.child("xbel").attribute("xmlns:bookmark").value()) ==
        "http://www.freedesktop.org/standards/desktop-bookmarks");
}

TEST_CASE("A board used again has its bookmark's times updated, not a second bookmark") {
  TempDir dir;
  const std::string list = dir.File("recently-used.xbel");
  std::string warning;
  REQUIRE(AddToDesktopRecent(list, "/maps/a.cjm", 1700000000, &warning));
  REQUIRE(AddToDesktopRecent(list, "/maps/a.cjm", 1700003600, &warning));
  pugi::xml_document read;
  REQUIRE(read.load_file(list.c_str()));
  CHECK(BookmarkCount(read) == 1);
  const pugi::xml_node bookmark = BookmarkOf(read, "file:///maps/a.cjm");
  CHECK(std::string(bookmark.attribute("added").value()) == "2023-11-14T22:13:20Z");
  CHECK(std::string(bookmark.attribute("modified").value()) == "2023-11-14T23:13:20Z");
  CHECK(std::string(bookmark.attribute("visited").value()) == "2023-11-14T23:13:20Z");
  CHECK(JourneyboardOf(bookmark).attribute("count").as_int() == 2);
  CHECK(std::string(JourneyboardOf(bookmark).attribute("modified").value()) == "2023-11-14T23:13:20Z");
}

TEST_CASE("Other programs' bookmarks stay in the desktop recent list as they were") {
  TempDir dir;
  const std::string list = dir.File("recently-used.xbel");
  WriteFile(list, kOthersList);
  std::string warning;
  REQUIRE(AddToDesktopRecent(list, "/maps/a.cjm", 1700000000, &warning));
  pugi::xml_document read;
  REQUIRE(read.load_file(list.c_str()));
  CHECK(BookmarkCount(read) == 2);
  const pugi::xml_node theirs = BookmarkOf(read, "file:///home/u/notes.txt");
  REQUIRE(theirs);
  CHECK(std::string(theirs.attribute("modified").value()) == "2026-01-02T03:04:05.000000Z");
  const pugi::xml_node metadata = theirs.child("info").child("metadata");
  CHECK(std::string(metadata.child("mime:mime-type").attribute("type").value()) == "text/plain");
  const pugi::xml_node gedit = metadata.child("bookmark:applications").child("bookmark:application");
  CHECK(std::string(gedit.attribute("name").value()) == "gedit");
  CHECK(std::string(gedit.attribute("exec").value()) == "'gedit %u'");
  CHECK(gedit.attribute("count").as_int() == 3);
  CHECK_FALSE(JourneyboardOf(theirs));
  CHECK(BookmarkOf(read, "file:///maps/a.cjm"));
}

TEST_CASE("A desktop recent list that cannot be read is left untouched, with one warning") {
  TempDir dir;
  const std::string list = dir.File("recently-used.xbel");
  for (const std::string& bytes : {std::string(kOthersList).substr(0, 300), std::string("<html><body/></html>"),
                                  std::string("\x00\xff garbage", 10)}) {
    WriteFile(list, bytes);
    std::string warning;
    CHECK_FALSE(AddToDesktopRecent(list, "/maps/a.cjm", 1700000000, &warning));
    CHECK(warning.find("left as it was") != std::string::npos);
    CHECK(ReadFile(list) == bytes);
  }
}

TEST_CASE("Journeyboard keeps only its newest boards in the desktop recent list, and others' all") {
  TempDir dir;
  const std::string list = dir.File("recently-used.xbel");
  WriteFile(list, kOthersList);
  std::string warning;
  for (int i = 0; i < kMaxDesktopRecent + 5; ++i)
    REQUIRE(AddToDesktopRecent(list, "/maps/" + std::to_string(i) + ".cjm", 1700000000 + i * 60, &warning));
  pugi::xml_document read;
  REQUIRE(read.load_file(list.c_str()));
  CHECK(BookmarkCount(read) == kMaxDesktopRecent + 1);
  CHECK(BookmarkOf(read, "file:///home/u/notes.txt"));
  CHECK_FALSE(BookmarkOf(read, "file:///maps/4.cjm"));
  CHECK(BookmarkOf(read, "file:///maps/5.cjm"));
  CHECK(BookmarkOf(read, "file:///maps/24.cjm"));
}

TEST_CASE("The desktop recent list is in XDG_DATA_HOME, else ~/.local/share") {
  jb::test::ScopedEnv home("HOME", "/home/someone");
  {
    jb::test::ScopedEnv data("XDG_DATA_HOME", "/tmp/data");
    CHECK(DesktopRecentPath() == "/tmp/data/recently-used.xbel");
  }
  {
    jb::test::ScopedEnv data("XDG_DATA_HOME", "relative");
    CHECK(DesktopRecentPath() == "/home/someone/.local/share/recently-used.xbel");
  }
  jb::test::ScopedEnv data("XDG_DATA_HOME", nullptr);
  CHECK(DesktopRecentPath() == "/home/someone/.local/share/recently-used.xbel");
}
