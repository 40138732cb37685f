#include <imgui.h>

#include "app/platform/i18n.h"
#include "app/views/dialogs.h"
#include "app/views/layout_dump.h"

namespace jb {

bool ShowNewBoardDialog(bool* requested, Template* chosen) {
  if (*requested) {
    ImGui::OpenPopup(_("New board"));
    *requested = false;
  }
  if (!ImGui::BeginPopupModal(_("New board"), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return false;
  const float em = ImGui::GetFontSize();
  ImGui::TextUnformatted(_("Start from a template:"));
  RecordDialog("New board", "Start from a template:");
  bool any = false;
  for (const TemplateInfo& info : Templates()) {
    const bool clicked = ImGui::Button(info.title, {em * 16, 0});
    RecordWidget((std::string("new.") + info.key).c_str());
    if (clicked) {
      *chosen = info.id;
      any = true;
      ImGui::CloseCurrentPopup();
    }
  }
  if (ImGui::Button(_("Cancel"), {em * 16, 0}) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
    ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
  return any;
}

}  // namespace jb
