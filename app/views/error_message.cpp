#include <imgui.h>

#include <cfloat>

#include "app/platform/i18n.h"
#include "app/views/dialogs.h"
#include "app/views/layout_dump.h"

namespace jb {

void ShowErrorMessage(bool* requested, const std::string& message) {
  // The key that caused the error (Escape ending an edit whose commit failed to be logged) is
  // still down this frame: it must not close the message before it is seen.
  const bool opening = *requested;
  if (*requested) {
    ImGui::OpenPopup(_("Journeyboard"));
    *requested = false;
  }
  const float em = ImGui::GetFontSize();
  ImGui::SetNextWindowSizeConstraints({em * 20, 0}, {em * 40, FLT_MAX});
  if (!ImGui::BeginPopupModal(_("Journeyboard"), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  ImGui::PushTextWrapPos(em * 38);
  ImGui::TextUnformatted(message.c_str());
  ImGui::PopTextWrapPos();
  RecordDialog("Journeyboard", message);
  ImGui::Spacing();
  const bool ok = ImGui::Button(_("OK"), {em * 8, 0});
  RecordWidget("error.ok");
  if (ok || (!opening && (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)) ||
                          ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))))
    ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

}  // namespace jb
