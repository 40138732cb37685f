#include <imgui.h>

#include <algorithm>

#include "app/platform/i18n.h"
#include "app/views/dialogs.h"
#include "app/views/layout_dump.h"
#include "app/views/start_screen.h"

namespace jb {

bool ShowNewBoardDialog(bool* requested, TemplateGallery& gallery, GpuRenderer& renderer, const Fonts& fonts,
                        Template* chosen) {
  if (*requested) {
    ImGui::OpenPopup("##new board");
    *requested = false;
  }
  // The start screen's template cards, two by two, as wide as half the window allows.
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  const float em = ImGui::GetFontSize();
  // Placed by its top edge: its height is known only after the first frame, and the cards must not
  // move under a hand (or a test) that aims at them.
  const float width = std::min(viewport->WorkSize.x * 0.9f, em * 44);
  ImGui::SetNextWindowSize({width, 0});
  ImGui::SetNextWindowPos({viewport->WorkPos.x + (viewport->WorkSize.x - width) * 0.5f, viewport->WorkPos.y + em * 2});
  if (!ImGui::BeginPopupModal("##new board", nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove)) return false;
  ImGui::TextUnformatted(_("Start from a template:"));
  RecordDialog("New board", "Start from a template:");
  NamedRects cards;
  const bool any = gallery.Show(/*example=*/true, 2, renderer, fonts, chosen, &cards);
  for (const auto& [key, rect] : cards) RecordRect(("new." + key).c_str(), rect.x0, rect.y0, rect.x1, rect.y1);
  ImGui::Spacing();
  if (any || ImGui::Button(_("Cancel"), {em * 10, ImGui::GetFrameHeight() * 1.4f}) ||
      ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
    ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
  return any;
}

}  // namespace jb
