#include "app/views/ink_strip.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "app/platform/i18n.h"
#include "app/views/layout_dump.h"

namespace jb {

// Pen colours with a relative luminance between about 0.17 and 0.30: 3:1 contrast or better both on
// the light theme's white cells and on the dark theme's near-black ones.
const uint32_t kPenColors[kInkColors] = {0x3b82f6, 0xe53935, 0x16a34a, 0xea580c, 0xa855f7, 0x7c8594};
const uint32_t kHighlighterColors[kInkColors] = {0xfacc15, 0x4ade80, 0xf472b6, 0x38bdf8, 0xfb923c, 0xc084fc};
const float kPenWidths[kInkWidths] = {2, 4, 8};
const float kHighlighterWidths[kInkWidths] = {16, 28, 44};

namespace {

constexpr float kButtonPx = 44;  // at UI scale 1: what a finger needs
constexpr float kGapPx = 4, kGroupGapPx = 12, kPaddingPx = 6;

ImU32 Color(uint32_t rgb, int alpha = 255) {
  return IM_COL32((rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255, alpha);
}

// One square button drawn by `draw`; framed when chosen. True when tapped.
template <class Draw>
bool InkButton(const char* name, const char* tooltip, bool chosen, float size, float scale, Draw draw) {
  const ImVec2 a = ImGui::GetCursorScreenPos(), b{a.x + size, a.y + size};
  const bool tapped = ImGui::InvisibleButton(name, {size, size});
  RecordWidget(name);
  ImDrawList& dl = *ImGui::GetWindowDrawList();
  const float rounding = ImGui::GetStyle().FrameRounding;
  dl.AddRectFilled(a, b, ImGui::GetColorU32(ImGui::IsItemHovered() ? ImGuiCol_ButtonHovered : ImGuiCol_Button), rounding);
  draw(dl, a, b);
  if (chosen) dl.AddRect(a, b, ImGui::GetColorU32(ImGuiCol_CheckMark), rounding, 0, std::max(3.0f, 3 * scale));
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tooltip);
  return tapped;
}

}  // namespace

InkChoice InkFromSettings(const Settings& settings) {
  InkChoice ink;
  ink.penColor = settings.penColor;
  ink.penWidth = settings.penWidth;
  ink.highlighterColor = settings.highlighterColor;
  ink.highlighterWidth = settings.highlighterWidth;
  ink.smoothing = settings.smoothing;
  return ink;
}

void InkToSettings(const InkChoice& ink, Settings* settings) {
  settings->penColor = ink.penColor;
  settings->penWidth = ink.penWidth;
  settings->highlighterColor = ink.highlighterColor;
  settings->highlighterWidth = ink.highlighterWidth;
  settings->smoothing = ink.smoothing;
}

void ShowInkStrip(InkChoice* ink, bool highlighter, float x, float y, float scale) {
  const float size = kButtonPx * scale, gap = kGapPx * scale;
  const uint32_t* colors = highlighter ? kHighlighterColors : kPenColors;
  const float* widths = highlighter ? kHighlighterWidths : kPenWidths;
  Rgb& color = highlighter ? ink->highlighterColor : ink->penColor;
  float& width = highlighter ? ink->highlighterWidth : ink->penWidth;

  ImGui::SetNextWindowPos({x, y});
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {kPaddingPx * scale, kPaddingPx * scale});
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, {gap, gap});
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                 ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing |
                                 ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoScrollWithMouse;
  ImGui::Begin("##ink_strip", nullptr, flags);
  RecordWindow("ink.strip");
  bool tapped = false;
  char name[32];
  for (int i = 0; i < kInkColors; ++i) {
    if (i) ImGui::SameLine();
    std::snprintf(name, sizeof name, "ink.color.%d", i);
    const uint32_t rgb = colors[i];
    if (InkButton(name, highlighter ? _("Highlighter colour") : _("Pen colour"), color == rgb, size, scale,
                  [&](ImDrawList& dl, ImVec2 a, ImVec2 b) {
                    const float inset = size * 0.2f;
                    dl.AddRectFilled({a.x + inset, a.y + inset}, {b.x - inset, b.y - inset}, Color(rgb), size * 0.15f);
                  })) {
      color = rgb;
      tapped = true;
    }
  }
  for (int i = 0; i < kInkWidths; ++i) {
    ImGui::SameLine(0, i ? gap : kGroupGapPx * scale);
    std::snprintf(name, sizeof name, "ink.width.%d", i);
    // The line as thick as the ink relative to the other widths: thin, medium, thick.
    const float shown = (highlighter ? 6.0f : 2.5f) * float(1 << i) * scale;
    if (InkButton(name, highlighter ? _("Highlighter width") : _("Pen width"), width == widths[i], size, scale,
                  [&](ImDrawList& dl, ImVec2 a, ImVec2 b) {
                    const float mid = (a.y + b.y) * 0.5f, inset = size * 0.22f;
                    dl.AddLine({a.x + inset, mid}, {b.x - inset, mid}, Color(color, highlighter ? 160 : 255),
                               std::min(shown, size * 0.5f));
                  })) {
      width = widths[i];
      tapped = true;
    }
  }
  ImGui::End();
  ImGui::PopStyleVar(2);
  // A tap leaves the keyboard with the board, so P, E and Esc still act.
  if (tapped) ImGui::SetWindowFocus("canvas");
}

}  // namespace jb
