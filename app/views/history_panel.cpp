#include <imgui.h>

#include <string>

#include "app/platform/i18n.h"
#include "app/views/canvas.h"
#include "app/views/layout_dump.h"
#include "app/views/panels.h"
#include "app/views/side_panel.h"

namespace jb {

void ShowHistoryPanel(Document& document, Canvas& canvas, bool* open) {
  if (BeginSidePanel(_("History"), open)) {
    const size_t position = document.HistoryPosition();
    if (ImGui::Selectable(_("(start)"), position == 0)) {
      canvas.FinishInteraction(document);
      document.JumpTo(0);
    }
    RecordWidget("history.0");
    for (size_t i = 0; i < document.HistorySize(); ++i) {
      ImGui::PushID(int(i));
      bool undone = i + 1 > position;
      if (undone) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
      if (ImGui::Selectable(_(document.HistoryLabel(i).c_str()), i + 1 == position)) {
        canvas.FinishInteraction(document);
        document.JumpTo(i + 1);
      }
      RecordWidget(("history." + std::to_string(i + 1)).c_str());
      if (undone) ImGui::PopStyleColor();
      ImGui::PopID();
    }
    canvas.PruneSelection(document);
  }
  ImGui::End();
}

}  // namespace jb
