#include "app/views/presentation_overlay.h"

#include <imgui.h>

#include "app/platform/i18n.h"
#include "app/views/layout_dump.h"

namespace jb {

namespace {

// Windows that show, never take a click or the keyboard focus from the canvas.
constexpr ImGuiWindowFlags kShowOnly = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoInputs |
                                       ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                       ImGuiWindowFlags_NoNav | ImGuiWindowFlags_AlwaysAutoResize;

constexpr float kPadUnits = 14;    // from the canvas' edges, in 16ths of the font size
constexpr float kStageScale = 1.5f;  // the focused stage's name, larger than the title

}  // namespace

float PresentationOverlayReach() {
  const ImGuiStyle& style = ImGui::GetStyle();
  const float font = ImGui::GetFontSize();
  return kPadUnits * font / 16 + style.WindowPadding.y * 2 + style.WindowBorderSize * 2 + font * (1 + kStageScale) +
         style.ItemSpacing.y;
}

bool ShowPresentationOverlay(const PresentationOverlay& overlay) {
  const float unit = ImGui::GetFontSize() / 16;  // follows the UI scale
  const float pad = kPadUnits * unit;
  const ImVec2 min{overlay.area.x0, overlay.area.y0}, max{overlay.area.x1, overlay.area.y1};

  // Top left: where the room is.
  ImGui::SetNextWindowPos({min.x + pad, min.y + pad});
  ImGui::SetNextWindowBgAlpha(0.8f);
  if (ImGui::Begin("##present.overlay", nullptr, kShowOnly)) {
    ImGui::TextDisabled("%s", overlay.title.c_str());
    if (!overlay.stage.empty()) {
      ImGui::SetWindowFontScale(kStageScale);
      ImGui::TextUnformatted(overlay.stage.c_str());
      ImGui::SetWindowFontScale(1);
    }
    RecordWindow("present.overlay");
  }
  ImGui::End();

  // Bottom left: the status line, small.
  if (!overlay.status.empty()) {
    ImGui::SetNextWindowPos({min.x + pad, max.y - pad}, 0, {0, 1});
    ImGui::SetNextWindowBgAlpha(0.8f);
    if (ImGui::Begin("##present.status", nullptr, kShowOnly)) {
      ImGui::TextUnformatted(overlay.status.c_str());
      RecordWindow("present.status");
    }
    ImGui::End();
  }

  // Bottom right: the way out for a hand on a touch screen.
  bool leave = false;
  ImGui::SetNextWindowPos({max.x - pad, max.y - pad}, 0, {1, 1});
  ImGui::SetNextWindowBgAlpha(0.6f);
  if (ImGui::Begin("##present.leave", nullptr,
                   ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings |
                       ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav | ImGuiWindowFlags_AlwaysAutoResize)) {
    leave = ImGui::Button(_("Leave presentation  F5"), {0, 44 * unit});
    RecordWidget("present.leave");
  }
  ImGui::End();
  return leave;
}

}  // namespace jb
