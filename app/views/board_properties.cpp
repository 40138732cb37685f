#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_stdlib.h>

#include "app/platform/i18n.h"
#include "app/views/dialogs.h"
#include "app/views/layout_dump.h"
#include "core/layout/board_text.h"

namespace jb {

bool ShowBoardProperties(bool* requested, const Board& board, std::string* title, std::string* language) {
  // What is being edited: taken from the board when the dialog opens (one such dialog at a time).
  static std::string editedTitle, editedLanguage;
  static bool focus = false;
  if (*requested) {
    ImGui::OpenPopup("##board properties");
    *requested = false;
    editedTitle = board.meta.title;
    editedLanguage = board.meta.language;
    focus = true;
  }
  if (!ImGui::BeginPopupModal("##board properties", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar))
    return false;
  const float em = ImGui::GetFontSize();
  RecordDialog("Board properties", editedTitle + " (" + editedLanguage + ")");  // what OK would apply
  ImGui::TextUnformatted(_("Board properties"));
  ImGui::Spacing();
  ImGui::TextUnformatted(_("Title"));
  ImGui::SetNextItemWidth(em * 28);
  if (focus) {
    ImGui::SetKeyboardFocusHere();
    focus = false;
  }
  bool ok = ImGui::InputText("##title", &editedTitle, ImGuiInputTextFlags_EnterReturnsTrue);
  RecordWidget("properties.title");
  ImGui::Spacing();
  ImGui::TextUnformatted(_("Language of the board"));
  ImGui::TextDisabled("%s", _("The text the app writes on the board (headings, lane prompts) is in this language."));
  int count = 0;
  const BoardLanguage* languages = BoardLanguages(&count);
  for (int i = 0; i < count; ++i) {
    if (i) ImGui::SameLine(0, em * 2);
    if (ImGui::RadioButton(languages[i].name, editedLanguage == languages[i].tag)) editedLanguage = languages[i].tag;
    RecordWidget((std::string("properties.language.") + languages[i].tag).c_str());
  }
  ImGui::Spacing();
  const ImVec2 button{em * 8, ImGui::GetFrameHeight() * 1.3f};
  if (ImGui::Button(_("OK"), button)) ok = true;
  RecordWidget("properties.ok");
  ImGui::SameLine();
  const bool cancel = ImGui::Button(_("Cancel"), button) || ImGui::IsKeyPressed(GLFW_KEY_ESCAPE, false);
  RecordWidget("properties.cancel");
  if (ok || cancel) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
  if (!ok || cancel) return false;
  *title = editedTitle;
  *language = editedLanguage;
  return true;
}

}  // namespace jb
