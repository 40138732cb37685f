#include <GLFW/glfw3.h>
#include <imgui.h>

#include "app/platform/i18n.h"
#include "app/views/dialogs.h"
#include "app/views/layout_dump.h"

namespace jb {

ChangedOnDiskAnswer ShowChangedOnDiskQuestion(bool* requested, const std::string& name) {
  if (*requested) {
    ImGui::OpenPopup(_("Changed on disk"));
    *requested = false;
  }
  if (!ImGui::BeginPopupModal(_("Changed on disk"), nullptr, ImGuiWindowFlags_AlwaysAutoResize))
    return ChangedOnDiskAnswer::None;
  const float em = ImGui::GetFontSize();
  const std::string text = Format(_("%s was changed by another program since you opened it."), name.c_str());
  ImGui::TextUnformatted(text.c_str());
  ImGui::TextUnformatted(_("Overwrite replaces that version with yours; Save As keeps both."));
  RecordDialog("Changed on disk", text);
  ImGui::TextDisabled(_("Enter: save as    Esc: cancel"));
  ImGui::Spacing();
  auto key = [](int k) { return ImGui::IsKeyPressed(k, false); };
  ChangedOnDiskAnswer answer = ChangedOnDiskAnswer::None;
  // Save As first and on Enter: it keeps both versions, so a reflex keypress loses nothing.
  const bool saveAs = ImGui::Button(_("Save As..."), {em * 8, 0});
  RecordWidget("changed.save_as");
  if (saveAs || key(GLFW_KEY_ENTER) || key(GLFW_KEY_KP_ENTER)) answer = ChangedOnDiskAnswer::SaveAs;
  ImGui::SameLine();
  const bool overwrite = ImGui::Button(_("Overwrite"), {em * 8, 0});
  RecordWidget("changed.overwrite");
  if (overwrite && answer == ChangedOnDiskAnswer::None) answer = ChangedOnDiskAnswer::Overwrite;
  ImGui::SameLine();
  const bool cancel = ImGui::Button(_("Cancel"), {em * 8, 0});
  RecordWidget("changed.cancel");
  if ((cancel || key(GLFW_KEY_ESCAPE)) && answer == ChangedOnDiskAnswer::None) answer = ChangedOnDiskAnswer::Cancel;
  if (answer != ChangedOnDiskAnswer::None) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
  return answer;
}

}  // namespace jb
