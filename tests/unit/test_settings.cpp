// The settings file (core/io/settings.h): a round trip, and input that is damaged, hostile or of
// the wrong kinds gives defaults and never a failure.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "core/io/settings.h"
#include "test_support.h"

using namespace jb;
using jb::test::ReadFile;
using jb::test::TempDir;
using jb::test::WriteFile;

TEST_CASE("Settings survive a save and a load") {
  TempDir dir;
  const std::string path = dir.File("config/journeyboard/settings.json");  // folders made on save
  Settings settings;
  settings.theme = Theme::Projector;
  settings.uiScale = 1.75f;
  settings.toolbar = false;
  settings.panelWidth = 420;
  settings.chime = false;
  settings.language = "ru";
  SaveError error;
  REQUIRE(SaveSettings(path, settings, &error));
  std::string warning;
  CHECK(LoadSettings(path, &warning) == settings);
  CHECK(warning == "");
  CHECK(ReadFile(path).find("\"theme\": \"projector\"") != std::string::npos);
  CHECK(ReadFile(path).find("\"chime\": false") != std::string::npos);
  CHECK(ReadFile(path).find("\"language\": \"ru\"") != std::string::npos);
}

TEST_CASE("Settings from a missing file are the defaults, with nothing to say") {
  TempDir dir;
  std::string warning;
  CHECK(LoadSettings(dir.File("nothing.json"), &warning) == Settings{});
  CHECK(warning == "");
  CHECK(LoadSettings("", &warning) == Settings{});
  CHECK(warning == "");
}

TEST_CASE("Settings ignore unknown keys and default values of the wrong kind or out of range") {
  std::string warning;
  Settings read = ParseSettings(
      R"({"future": {"x": [1, 2]}, "theme": "dark", "uiScale": "big", "toolbar": 1, "panelWidth": 1e300})", &warning);
  CHECK(warning == "");
  CHECK(read.theme == Theme::Dark);
  CHECK(read.uiScale == 1);
  CHECK(read.toolbar == true);
  CHECK(read.panelWidth == 0);
  read = ParseSettings(R"({"theme": "neon", "uiScale": -2, "toolbar": false, "panelWidth": 300})", &warning);
  CHECK(read.theme == Theme::Light);
  CHECK(read.uiScale == 1);
  CHECK(read.toolbar == false);
  CHECK(read.panelWidth == 300);
  CHECK(ParseSettings(R"({"uiScale": 99})", &warning).uiScale == 1);
  CHECK(ParseSettings(R"({"uiScale": 2.5})", &warning).uiScale == 2.5f);
  // The interface language: "en", "ru" or "" (follow the system); anything else follows the system.
  CHECK(ParseSettings(R"({"language": "ru"})", &warning).language == "ru");
  CHECK(ParseSettings(R"({"language": "en"})", &warning).language == "en");
  CHECK(ParseSettings(R"({"language": "de\"x"})", &warning).language == "");
  CHECK(ParseSettings(R"({"language": 7})", &warning).language == "");
  CHECK(warning == "");
}

TEST_CASE("A damaged settings file gives the defaults, one sentence, and stays as it was") {
  TempDir dir;
  for (const std::string& bytes :
       {std::string("{\"theme\": \"dark\""), std::string("[1, 2]"), std::string("\0\xff\xfe", 3),
        std::string(100000, '['), std::string("null"), std::string("")}) {
    CAPTURE(bytes.substr(0, 20));
    const std::string path = dir.File("settings.json");
    WriteFile(path, bytes);
    std::string warning;
    CHECK(LoadSettings(path, &warning) == Settings{});
    REQUIRE(!warning.empty());
    CHECK(warning.find(path) != std::string::npos);
    CHECK(warning.find("using the default settings") != std::string::npos);
    CHECK(warning.back() == '.');
    CHECK(ReadFile(path) == bytes);  // read, never rewritten
  }
}

TEST_CASE("A settings path that is a folder or a huge file is refused with one sentence") {
  TempDir dir;
  std::filesystem::create_directories(dir.File("folder.json"));
  std::string warning;
  CHECK(LoadSettings(dir.File("folder.json"), &warning) == Settings{});
  CHECK(warning.find("is not a regular file") != std::string::npos);
  WriteFile(dir.File("big.json"), "{\"theme\": \"dark\", \"pad\": \"" + std::string(kMaxSettingsBytes, 'x') + "\"}");
  warning.clear();
  CHECK(LoadSettings(dir.File("big.json"), &warning) == Settings{});
  CHECK(warning.find("too large") != std::string::npos);
  SaveError error;
  CHECK_FALSE(SaveSettings(dir.File("folder.json"), Settings{}, &error));
  CHECK(error.message.find("folder.json") != std::string::npos);
}

TEST_CASE("The settings path follows XDG_CONFIG_HOME, else HOME") {
  {
    jb::test::ScopedEnv xdg("XDG_CONFIG_HOME", "/tmp/xdg");
    CHECK(SettingsPath() == "/tmp/xdg/journeyboard/settings.json");
  }
  jb::test::ScopedEnv home("HOME", "/home/someone");
  {
    // The XDG spec: a relative path is ignored.
    jb::test::ScopedEnv xdg("XDG_CONFIG_HOME", "relative/config");
    CHECK(SettingsPath() == "/home/someone/.config/journeyboard/settings.json");
  }
  jb::test::ScopedEnv xdg("XDG_CONFIG_HOME", "");
  CHECK(SettingsPath() == "/home/someone/.config/journeyboard/settings.json");
}

TEST_CASE("Settings keep the pen's ink and smoothing through a save and a load") {
  TempDir dir;
  const std::string path = dir.File("settings.json");
  Settings settings;
  CHECK(settings.smoothing);  // smoothing is on until the user turns it off
  settings.penColor = 0xdc2626;
  settings.penWidth = 8;
  settings.highlighterColor = 0x4ade80;
  settings.highlighterWidth = 44;
  settings.smoothing = false;
  SaveError error;
  REQUIRE(SaveSettings(path, settings, &error));
  std::string warning;
  CHECK(LoadSettings(path, &warning) == settings);
  CHECK(warning == "");
  CHECK(ReadFile(path).find("\"penColor\": \"#dc2626\"") != std::string::npos);
  CHECK(ReadFile(path).find("\"smoothing\": false") != std::string::npos);
}

TEST_CASE("Settings with a damaged ink value keep that value's default and the others") {
  std::string warning;
  const Settings settings = ParseSettings(
      R"({"penColor": "red", "highlighterColor": "#12345g", "penWidth": -3, "highlighterWidth": 1e9,)"
      R"( "smoothing": "no", "theme": "dark"})",
      &warning);
  CHECK(warning == "");
  const Settings defaults;
  CHECK(settings.penColor == defaults.penColor);
  CHECK(settings.highlighterColor == defaults.highlighterColor);
  CHECK(settings.penWidth == defaults.penWidth);
  CHECK(settings.highlighterWidth == defaults.highlighterWidth);
  CHECK(settings.smoothing == defaults.smoothing);
  CHECK(settings.theme == Theme::Dark);
  CHECK(ParseSettings(R"({"penColor": "#ABCDEF", "penWidth": 2})", &warning).penColor == 0xabcdef);
  CHECK(ParseSettings(R"({"penColor": "#ABCDEF", "penWidth": 2})", &warning).penWidth == 2);
}

TEST_CASE("Settings keep the room's network: the default route's, this computer only, or an IPv4 address") {
  for (const char* network : {"", "loopback", "192.168.1.20", "10.0.0.1"}) {
    Settings settings;
    settings.roomNetwork = network;
    std::string warning;
    CHECK(ParseSettings(SettingsToJson(settings), &warning).roomNetwork == network);
    CHECK(warning == "");
  }
  // Anything else keeps the default: the room never opens on a name or a damaged address.
  for (const char* bad : {"wlan0", "256.1.1.1", "1.2.3", "1.2.3.4.5", "1..2.3", "1.2.3.4 ", "\\\"}", "0x7f.0.0.1"}) {
    INFO(bad);
    std::string text = std::string("{\"roomNetwork\": \"") + bad + "\"}";
    CHECK(ParseSettings(text, nullptr).roomNetwork == "");
  }
  Settings hostile;
  hostile.roomNetwork = "1.2.3.4\", \"theme\": \"dark";  // never written into the JSON as it is
  CHECK(ParseSettings(SettingsToJson(hostile), nullptr) == Settings{});
}
