#include "core/io/settings.h"

// RapidJSON asserts abort by default; every access below asks a value's kind first, so none fires.
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "core/model/limits.h"

namespace jb {

namespace {

struct ThemeInfo {
  Theme theme;
  const char* name;
};
constexpr ThemeInfo kThemes[] = {{Theme::Light, "light"}, {Theme::Dark, "dark"}, {Theme::Projector, "projector"}};

// A finite number within [low, high], else `fallback`.
float NumberIn(const rapidjson::Value& object, const char* key, float low, float high, float fallback) {
  auto it = object.FindMember(key);
  if (it == object.MemberEnd() || !it->value.IsNumber()) return fallback;
  const double value = it->value.GetDouble();
  if (!std::isfinite(value) || value < low || value > high) return fallback;
  return float(value);
}

// A "#rrggbb" colour, else `fallback`.
uint32_t ColorIn(const rapidjson::Value& object, const char* key, uint32_t fallback) {
  auto it = object.FindMember(key);
  if (it == object.MemberEnd() || !it->value.IsString() || it->value.GetStringLength() != 7) return fallback;
  const char* text = it->value.GetString();
  if (text[0] != '#') return fallback;
  uint32_t value = 0;
  for (int i = 1; i < 7; ++i) {
    const char c = text[i];
    const int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    if (digit < 0) return fallback;
    value = value * 16 + uint32_t(digit);
  }
  return value;
}

bool BoolIn(const rapidjson::Value& object, const char* key, bool fallback) {
  auto it = object.FindMember(key);
  return it != object.MemberEnd() && it->value.IsBool() ? it->value.GetBool() : fallback;
}

}  // namespace

const char* ThemeName(Theme theme) {
  for (const ThemeInfo& info : kThemes)
    if (info.theme == theme) return info.name;
  return "light";
}

Settings ParseSettings(std::string_view text, std::string* warning) {
  Settings settings;
  rapidjson::Document document;
  // Iterative: a deeply nested file cannot exhaust the stack.
  document.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseStopWhenDoneFlag>(text.data(), text.size());
  if (document.HasParseError() || !document.IsObject()) {
    if (warning) *warning = "is not a settings file";
    return settings;
  }
  if (auto it = document.FindMember("theme"); it != document.MemberEnd() && it->value.IsString()) {
    const std::string_view name(it->value.GetString(), it->value.GetStringLength());
    for (const ThemeInfo& info : kThemes)
      if (name == info.name) settings.theme = info.theme;
  }
  settings.uiScale = NumberIn(document, "uiScale", kMinUiScale, kMaxUiScale, settings.uiScale);
  // Files from before "uiScaleAuto" always held a uiScale: only one other than 1 was chosen.
  settings.uiScaleAuto = settings.uiScale == 1;
  if (auto it = document.FindMember("uiScaleAuto"); it != document.MemberEnd() && it->value.IsBool())
    settings.uiScaleAuto = it->value.GetBool();
  if (auto it = document.FindMember("toolbar"); it != document.MemberEnd() && it->value.IsBool())
    settings.toolbar = it->value.GetBool();
  settings.panelWidth = NumberIn(document, "panelWidth", kMinPanelWidth, kMaxPanelWidth, settings.panelWidth);
  if (auto it = document.FindMember("chime"); it != document.MemberEnd() && it->value.IsBool())
    settings.chime = it->value.GetBool();
  if (auto it = document.FindMember("language"); it != document.MemberEnd() && it->value.IsString()) {
    const std::string_view name(it->value.GetString(), it->value.GetStringLength());
    if (name == "en" || name == "ru") settings.language = std::string(name);
  }
  settings.penColor = ColorIn(document, "penColor", settings.penColor);
  settings.highlighterColor = ColorIn(document, "highlighterColor", settings.highlighterColor);
  settings.penWidth = NumberIn(document, "penWidth", kMinStrokeWidth, kMaxStrokeWidth, settings.penWidth);
  settings.highlighterWidth = NumberIn(document, "highlighterWidth", kMinStrokeWidth, kMaxStrokeWidth, settings.highlighterWidth);
  settings.smoothing = BoolIn(document, "smoothing", settings.smoothing);
  if (auto it = document.FindMember("roomNetwork"); it != document.MemberEnd() && it->value.IsString()) {
    const std::string_view network(it->value.GetString(), it->value.GetStringLength());
    if (IsRoomNetwork(network)) settings.roomNetwork = std::string(network);
  }
  return settings;
}

std::string SettingsToJson(const Settings& settings) {
  char text[640];
  std::snprintf(text, sizeof text,
                "{\n  \"theme\": \"%s\",\n  \"uiScale\": %.9g,\n  \"uiScaleAuto\": %s,\n  \"toolbar\": %s,\n  \"panelWidth\": %.9g,\n"
                "  \"chime\": %s,\n  \"language\": \"%s\",\n"
                "  \"penColor\": \"#%06x\",\n  \"penWidth\": %.9g,\n  \"highlighterColor\": \"#%06x\",\n"
                "  \"highlighterWidth\": %.9g,\n  \"smoothing\": %s,\n  \"roomNetwork\": \"%s\"\n}\n",
                ThemeName(settings.theme), double(settings.uiScale), settings.uiScaleAuto ? "true" : "false", settings.toolbar ? "true" : "false",
                double(settings.panelWidth), settings.chime ? "true" : "false",
                settings.language == "ru" ? "ru" : settings.language == "en" ? "en" : "",
                unsigned(settings.penColor & 0xffffff), double(settings.penWidth), unsigned(settings.highlighterColor & 0xffffff),
                double(settings.highlighterWidth), settings.smoothing ? "true" : "false",
                IsRoomNetwork(settings.roomNetwork) ? settings.roomNetwork.c_str() : "");
  return text;
}

bool IsRoomNetwork(std::string_view network) {
  if (network.empty() || network == "loopback") return true;
  // A dotted IPv4 address: four numbers 0-255 (only digits and dots reach the JSON unescaped).
  int parts = 0, digits = 0, value = 0;
  for (char c : network) {
    if (c == '.') {
      if (digits == 0 || ++parts > 3) return false;
      digits = value = 0;
    } else if (c >= '0' && c <= '9') {
      value = value * 10 + (c - '0');
      if (++digits > 3 || value > 255) return false;
    } else {
      return false;
    }
  }
  return parts == 3 && digits > 0;
}

float AutoUiScale(int monitorHeightPx, float contentScale) {
  if (monitorHeightPx <= 0) return 1;
  const float byHeight = std::clamp(std::round(float(monitorHeightPx) / 1080.0f * 4) / 4, 1.0f, 3.0f);
  return std::max(byHeight / std::max(contentScale, 1.0f), 1.0f);
}

std::string ConfigDir() {
  // The XDG base directory spec says to ignore a relative path.
  if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && xdg[0] == '/') return std::string(xdg) + "/journeyboard";
  if (const char* home = std::getenv("HOME"); home && *home) return std::string(home) + "/.config/journeyboard";
  return {};
}

std::string SettingsPath() {
  const std::string dir = ConfigDir();
  return dir.empty() ? dir : dir + "/settings.json";
}

Settings LoadSettings(const std::string& path, std::string* warning) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (path.empty() || !fs::exists(fs::symlink_status(path, ec)) || ec) return {};
  auto fail = [&](const std::string& why) {
    if (warning)
      *warning = "The settings file " + path + " " + why + "; using the default settings until you change one.";
    return Settings{};
  };
  if (!fs::is_regular_file(path, ec)) return fail("is not a regular file");
  const auto size = fs::file_size(path, ec);
  if (ec) return fail("cannot be read");
  if (size > kMaxSettingsBytes) return fail("is too large to be a settings file");
  std::ifstream in(path, std::ios::binary);
  std::string text(size_t(size), '\0');
  if (!in || !in.read(text.data(), std::streamsize(text.size()))) return fail("cannot be read");
  std::string why;
  Settings settings = ParseSettings(text, &why);
  if (!why.empty()) return fail(why);
  return settings;
}

bool SaveSettings(const std::string& path, const Settings& settings, SaveError* error) {
  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
  DurableWriter writer;
  if (!writer.Open(path, /*keepBackup=*/false, error, "write")) return false;
  writer.Write(SettingsToJson(settings));  // a failure here is reported by Commit
  return writer.Commit(error);
}

}  // namespace jb
