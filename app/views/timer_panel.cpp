#include "app/views/timer_panel.h"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/platform/chime.h"
#include "app/platform/i18n.h"
#include "app/platform/fonts.h"
#include "app/views/layout_dump.h"
#include "app/views/panels.h"

namespace jb {

namespace {

constexpr ImU32 kRed = IM_COL32(214, 40, 40, 255);
constexpr ImU32 kInk = IM_COL32(30, 34, 45, 255);

// 0 .. 1 .. 0 twice a second while the end flashes; 0 outside it.
float FlashLevel(const Countdown& countdown, double now) {
  const double since = countdown.SinceFinished(now);
  if (since < 0 || since >= kTimerFlashSeconds) return 0;
  return float(0.5 - 0.5 * std::cos(since * 2 * 3.14159265358979 * 2));
}

ImU32 Mix(ImU32 a, ImU32 b, float t) {
  const ImVec4 x = ImGui::ColorConvertU32ToFloat4(a), y = ImGui::ColorConvertU32ToFloat4(b);
  return ImGui::ColorConvertFloat4ToU32({x.x + (y.x - x.x) * t, x.y + (y.y - x.y) * t, x.z + (y.z - x.z) * t,
                                         x.w + (y.w - x.w) * t});
}

}  // namespace

ImRect DrawTimerBadge(ImDrawList& dl, ImVec2 topRight, float scale, const Countdown& countdown, double now,
                      const Fonts& fonts) {
  const Countdown::State state = countdown.StateAt(now);
  if (state == Countdown::State::Idle) return {};
  const int shown = countdown.ShownSeconds(now);
  char text[16];
  std::snprintf(text, sizeof text, "%02d:%02d", shown / 60, shown % 60);
  // Readable from the back of the room: about 4 times the UI's text.
  const float size = 64 * scale;
  ImFont* font = fonts.ForPixelSize(size, /*bold=*/true);
  const ImVec2 textSize = font->CalcTextSizeA(size, 1e9f, 0, text);
  const float pad = 12 * scale;
  const ImRect box({topRight.x - textSize.x - 2 * pad, topRight.y}, {topRight.x, topRight.y + textSize.y + pad});
  const float flash = FlashLevel(countdown, now);
  const bool red = shown <= kTimerRedSeconds;
  ImU32 ink = red ? kRed : kInk;
  if (state == Countdown::State::Paused) ink = (ink & ~IM_COL32_A_MASK) | IM_COL32(0, 0, 0, 150);  // dimmed
  const ImU32 background = Mix(IM_COL32(255, 255, 255, 235), kRed, flash);
  dl.AddRectFilled(box.Min, box.Max, background, 10 * scale);
  dl.AddRect(box.Min, box.Max, red ? kRed : IM_COL32(160, 168, 184, 255), 10 * scale, 0, 2 * scale);
  dl.AddText(font, size, {box.Min.x + pad, box.Min.y + pad * 0.5f}, Mix(ink, IM_COL32_WHITE, flash), text);
  return box;
}

const char* TimerPanel::StateName(Countdown::State state) {
  switch (state) {
    case Countdown::State::Idle: return "idle";
    case Countdown::State::Running: return "running";
    case Countdown::State::Paused: return "paused";
    case Countdown::State::Finished: return "finished";
  }
  return "idle";
}

void TimerPanel::StartPreset(int minutes, double now) {
  countdown.Set(minutes * 60);
  countdown.Start(now);
}

void TimerPanel::Show(double now) {
  if (countdown.JustFinished(now) && chime && PlayChime()) ++chimes;
  if (!m_open) return;
  const float em = ImGui::GetFontSize();
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  // Under the corner badge, out of the board's way: its right edge a margin in from the window's,
  // whatever the panel's width at this UI scale and language (it sizes itself to its buttons).
  ImGui::SetNextWindowPos({viewport->WorkPos.x + viewport->WorkSize.x - em, viewport->WorkPos.y + em * 7},
                          ImGuiCond_FirstUseEver, {1, 0});
  if (m_focus) ImGui::SetNextWindowFocus();
  m_focus = false;
  if (!ImGui::Begin(_("Timer"), &m_open, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) {
    ImGui::End();
    return;
  }
  RecordWindow("panel.timer");
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float button = em * 4;

  // The presets start at once: one touch from nothing to a running timer.
  const int presets[] = {1, 3, 5, 10};
  for (int i = 0; i < 4; ++i) {
    char label[16], record[32];
    std::snprintf(label, sizeof label, _("%d min"), presets[i]);
    std::snprintf(record, sizeof record, "timer.preset.%d", presets[i]);
    if (i) ImGui::SameLine();
    if (TouchButton(label, record, button)) StartPreset(presets[i], now);
  }

  ImGui::SetNextItemWidth(button * 3 + gap * 2);
  // As tall as the buttons: a finger must hit it too.
  PushTouchFrames();
  const bool entered = ImGui::InputTextWithHint("##custom", _("minutes, or m:ss"), &m_custom,
                                                ImGuiInputTextFlags_EnterReturnsTrue);
  ImGui::PopStyleVar();
  RecordWidget("timer.custom");
  ImGui::SameLine();
  if (TouchButton(_("Go"), "timer.go", button) || entered) {
    if (auto seconds = ParseDuration(m_custom)) {
      countdown.Set(*seconds);
      countdown.Start(now);
    } else if (notice) {
      notice(_("The timer takes whole minutes from 1 to 99 or minutes:seconds, e.g. 7 or 1:30."));
    }
  }

  const Countdown::State state = countdown.StateAt(now);
  if (state == Countdown::State::Running) {
    if (TouchButton(_("Pause"), "timer.pause", button)) countdown.Pause(now);
  } else {
    if (TouchButton(state == Countdown::State::Paused ? _("Resume") : _("Start"), "timer.start", button)) countdown.Start(now);
  }
  ImGui::SameLine();
  if (TouchButton(_("+1 min"), "timer.add_minute", button)) countdown.AddMinute(now);
  ImGui::SameLine();
  if (TouchButton(_("Reset"), "timer.reset", button)) countdown.Reset();
  ImGui::SameLine();
  PushTouchFrames();
  ImGui::Checkbox(_("Chime"), &chime);
  ImGui::PopStyleVar();
  RecordWidget("timer.chime");

  // Keys of the panel's own: the presets, and Escape to close. Not while the field is typed in.
  const ImGuiIO& io = ImGui::GetIO();
  if (ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) && !io.WantTextInput && !io.KeyCtrl) {
    for (int i = 0; i < 4; ++i) {
      const int digit = presets[i] % 10;  // 10 minutes is the 0 key
      if (ImGui::IsKeyPressed(GLFW_KEY_0 + digit, false) || ImGui::IsKeyPressed(GLFW_KEY_KP_0 + digit, false))
        StartPreset(presets[i], now);
    }
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) m_open = false;
  }
  ImGui::End();
}

void TimerPanel::DrawOverlay(ImDrawList& dl, ImVec2 min, ImVec2 max, float scale, double now,
                             const Fonts& fonts) const {
  const float margin = 12 * scale;
  const ImRect badge = DrawTimerBadge(dl, {max.x - margin, min.y + margin}, scale, countdown, now, fonts);
  if (badge.GetWidth() > 0) RecordRect("timer.badge", badge.Min.x, badge.Min.y, badge.Max.x, badge.Max.y);
  if (const float flash = FlashLevel(countdown, now); flash > 0) {
    const float thickness = 10 * scale;
    dl.AddRect({min.x + thickness / 2, min.y + thickness / 2}, {max.x - thickness / 2, max.y - thickness / 2},
               (kRed & ~IM_COL32_A_MASK) | (ImU32(flash * 255) << IM_COL32_A_SHIFT), 0, 0, thickness);
  }
}

double TimerPanel::NextFrameIn(double now) const {
  const double since = countdown.SinceFinished(now);
  if (since >= 0 && since < kTimerFlashSeconds + 0.1) return 1.0 / 30;  // the flash, and one frame to end it
  const double next = countdown.NextRedrawIn(now);
  return next < 0 ? -1 : next + 0.002;  // a hair past the change: waking just before it would redraw the same
}

}  // namespace jb
