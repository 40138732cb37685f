// The app's own settings (theme, UI scale, toolbar, side panel width, the timer's chime, the pen's ink), kept apart from any board in
// $XDG_CONFIG_HOME/journeyboard/settings.json. The reader is tolerant: unknown keys are ignored, a
// value of the wrong kind or out of range keeps its default, and a file that is not JSON gives
// every default and one sentence, never a failure.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "core/io/durable_file.h"

namespace jb {

enum class Theme { Light, Dark, Projector };

struct Settings {
  Theme theme = Theme::Light;
  float uiScale = 1;     // View ▸ UI scale, kMinUiScale to kMaxUiScale
  bool uiScaleAuto = true;  // not chosen yet: the scale follows the monitor (AutoUiScale), uiScale unused
  bool toolbar = true;   // the toolbar on the left edge is shown
  float panelWidth = 0;  // the side panels' width in pixels at UI scale 1; 0: the default
  bool chime = true;     // the workshop timer chimes at its end (the timer panel's Chime box)
  std::string language;  // View ▸ Language: "" follows the system, "en", "ru"
  // The pen's and highlighter's ink (the ink strip beside the toolbar): 0xRRGGBB and board units.
  uint32_t penColor = 0x3b82f6, highlighterColor = 0xfacc15;  // the strip's first colours
  float penWidth = 4, highlighterWidth = 28;
  bool smoothing = true;  // Tools ▸ Smooth pen strokes
  // The network File ▸ Invite participants opens the room on (the Invite panel's choice): "" the
  // one with the default route, "loopback" this computer only, or an IPv4 address of this computer.
  std::string roomNetwork;
  bool operator==(const Settings& o) const {
    return theme == o.theme && uiScale == o.uiScale && uiScaleAuto == o.uiScaleAuto && toolbar == o.toolbar && panelWidth == o.panelWidth &&
           chime == o.chime && language == o.language && penColor == o.penColor && highlighterColor == o.highlighterColor &&
           penWidth == o.penWidth && highlighterWidth == o.highlighterWidth && smoothing == o.smoothing &&
           roomNetwork == o.roomNetwork;
  }
  bool operator!=(const Settings& o) const { return !(*this == o); }
};

inline constexpr float kMinUiScale = 0.5f, kMaxUiScale = 4.0f;
inline constexpr float kMinPanelWidth = 160, kMaxPanelWidth = 2000;
inline constexpr size_t kMaxSettingsBytes = 64 * 1024;  // a larger file is not ours

const char* ThemeName(Theme theme);
// Whether `network` is a Settings::roomNetwork value: "", "loopback" or a dotted IPv4 address.
bool IsRoomNetwork(std::string_view network);

// The UI scale while the user has not chosen one, for a monitor `monitorHeightPx` pixels high
// whose system content scale is `contentScale` (the app multiplies the two). The rule: the
// monitor's height over 1080 px, to the nearest quarter, between 1 and 3 (1 at 720p and 1080p,
// 1.25 at 1440p, 2 at 2160p), less what the content scale already gives; never below 1.
float AutoUiScale(int monitorHeightPx, float contentScale);  // "light", "dark", "projector"

// Reads settings JSON. `warning` (may be null) gets one sentence when the text is not a settings
// object at all (then every value is its default); values of the wrong kind are quietly defaulted.
Settings ParseSettings(std::string_view text, std::string* warning);
std::string SettingsToJson(const Settings& settings);

// The app's config folder: $XDG_CONFIG_HOME/journeyboard, else ~/.config/journeyboard; empty when
// neither is set. It holds settings.json and the recent-files list.
std::string ConfigDir();
// The settings file in it (empty when there is no config folder).
std::string SettingsPath();
// A missing file gives the defaults with no warning; an unreadable or damaged one the defaults
// and one sentence naming it (the file is left as it is).
Settings LoadSettings(const std::string& path, std::string* warning);
// Written like a board save (temp file, sync, rename; no .bak), making its folder first.
bool SaveSettings(const std::string& path, const Settings& settings, SaveError* error);

}  // namespace jb
