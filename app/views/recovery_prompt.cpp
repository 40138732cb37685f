#include <GLFW/glfw3.h>
#include <imgui.h>

#include "app/platform/i18n.h"
#include "app/views/dialogs.h"
#include "app/views/layout_dump.h"

namespace jb {

RecoveryAnswer ShowRecoveryPrompt(bool* requested, const std::string& board, const std::string& when,
                                  const std::string& note) {
  if (*requested) {
    ImGui::OpenPopup(_("Restore unsaved work?"));
    *requested = false;
  }
  if (!ImGui::BeginPopupModal(_("Restore unsaved work?"), nullptr, ImGuiWindowFlags_AlwaysAutoResize))
    return RecoveryAnswer::None;
  ImGui::Text(_("Journeyboard did not close cleanly. Restore unsaved work on %s from %s?"), board.c_str(), when.c_str());
  const float em = ImGui::GetFontSize();
  if (!note.empty()) {
    // Told before the answer: the facilitator may prefer the board file to a copy missing changes.
    ImGui::PushTextWrapPos(em * 38);
    ImGui::TextUnformatted(note.c_str());
    ImGui::PopTextWrapPos();
  }
  RecordDialog("Restore unsaved work?",
               "Restore unsaved work on " + board + " from " + when + "?" + (note.empty() ? "" : "\n" + note));
  ImGui::TextDisabled(_("Enter: restore    Esc: discard"));
  auto key = [](int k) { return ImGui::IsKeyPressed(k, false); };
  RecoveryAnswer answer = RecoveryAnswer::None;
  const bool restore = ImGui::Button(_("Restore"), {em * 8, 0});
  RecordWidget("recovery.restore");  // tests wait for the dialog before they answer it
  if (restore || key(GLFW_KEY_ENTER) || key(GLFW_KEY_KP_ENTER)) {
    answer = RecoveryAnswer::Restore;
    ImGui::CloseCurrentPopup();
  }
  ImGui::SameLine();
  if (ImGui::Button(_("Discard"), {em * 8, 0}) || key(GLFW_KEY_ESCAPE)) {
    if (answer == RecoveryAnswer::None) answer = RecoveryAnswer::Discard;
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
  return answer;
}

}  // namespace jb
