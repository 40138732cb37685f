#include <GLFW/glfw3.h>
#include <imgui.h>

#include "app/platform/i18n.h"
#include "app/views/dialogs.h"
#include "app/views/layout_dump.h"

namespace jb {

UnsavedAnswer ShowUnsavedQuestion(bool* requested, const std::string& name) {
  if (*requested) {
    ImGui::OpenPopup(_("Unsaved changes"));
    *requested = false;
  }
  if (!ImGui::BeginPopupModal(_("Unsaved changes"), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return UnsavedAnswer::None;
  const float em = ImGui::GetFontSize();
  ImGui::Text(_("Save the changes to %s first?"), name.c_str());
  RecordDialog("Unsaved changes", "Save the changes to " + name + " first?");
  ImGui::TextDisabled(_("Enter: save    N: don't save    Esc: cancel"));
  ImGui::Spacing();
  auto key = [](int k) { return ImGui::IsKeyPressed(k, false); };
  UnsavedAnswer answer = UnsavedAnswer::None;
  const bool save = ImGui::Button(_("Save"), {em * 8, 0});
  RecordWidget("unsaved.save");
  if (save || key(GLFW_KEY_ENTER) || key(GLFW_KEY_KP_ENTER)) {
    ImGui::CloseCurrentPopup();
    answer = UnsavedAnswer::Save;
  }
  ImGui::SameLine();
  if (ImGui::Button(_("Don't save"), {em * 8, 0}) || key(GLFW_KEY_N)) {
    ImGui::CloseCurrentPopup();
    if (answer == UnsavedAnswer::None) answer = UnsavedAnswer::DontSave;
  }
  ImGui::SameLine();
  if (ImGui::Button(_("Cancel"), {em * 8, 0}) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
    ImGui::CloseCurrentPopup();
    if (answer == UnsavedAnswer::None) answer = UnsavedAnswer::Cancel;
  }
  ImGui::EndPopup();
  return answer;
}

}  // namespace jb
