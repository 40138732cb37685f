// What reading a settings file must satisfy (core/io/settings.h), for fuzz_settings and the unit
// test that replays corpus/settings/ and regressions/settings/. Any bytes at all:
//  - never a crash, and every value within its range (a theme that exists, a scale and a width
//    the app can use, or the defaults);
//  - a warning exactly when the text is not a JSON object, and then every default;
//  - what is read survives being written and read again unchanged.
#pragma once
#include <cmath>
#include <string>

#include "core/io/settings.h"

namespace jb::fuzz::settings {

inline std::string Check(const std::string& bytes, bool* gaveBoard) {
  if (gaveBoard) *gaveBoard = false;
  std::string warning;
  const Settings read = ParseSettings(bytes, &warning);
  if (gaveBoard) *gaveBoard = warning.empty();
  if (!warning.empty() && read != Settings{}) return "a damaged file gave values other than the defaults";
  if (read.theme != Theme::Light && read.theme != Theme::Dark && read.theme != Theme::Projector)
    return "an unknown theme";
  if (!std::isfinite(read.uiScale) || read.uiScale < kMinUiScale || read.uiScale > kMaxUiScale)
    return "a UI scale out of range";
  if (!std::isfinite(read.panelWidth) ||
      (read.panelWidth != 0 && (read.panelWidth < kMinPanelWidth || read.panelWidth > kMaxPanelWidth)))
    return "a panel width out of range";
  if (!read.language.empty() && read.language != "en" && read.language != "ru") return "an unknown language";
  std::string again;
  if (ParseSettings(SettingsToJson(read), &again) != read || !again.empty())
    return "the settings did not survive a write and a read";
  return "";
}

}  // namespace jb::fuzz::settings
