#include "app/views/panels.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

namespace jb {

bool WrappedTextField(const char* id, std::string* text, float height) {
  static ImGuiID editing = 0;  // the one field being edited; UI state, not document state
  ImGui::PushID(id);
  const ImGuiID self = ImGui::GetID("field");
  bool changed = false;
  if (editing == self) {
    if (ImGui::IsWindowAppearing() || !ImGui::IsAnyItemActive()) ImGui::SetKeyboardFocusHere();
    changed = ImGui::InputTextMultiline("##edit", text, {-1, height});
    if (ImGui::IsItemDeactivated()) editing = 0;
  } else {
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    const ImGuiStyle& style = ImGui::GetStyle();
    ImGui::PushTextWrapPos(start.x + width - style.FramePadding.x);
    const float textHeight = ImGui::CalcTextSize(text->c_str(), nullptr, false, width - 2 * style.FramePadding.x).y;
    const float boxHeight = std::max(height, textHeight + 2 * style.FramePadding.y);
    if (ImGui::InvisibleButton("field", {width, boxHeight})) editing = self;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(start, {start.x + width, start.y + boxHeight},
                      ImGui::GetColorU32(ImGui::IsItemHovered() ? ImGuiCol_FrameBgHovered : ImGuiCol_FrameBg),
                      style.FrameRounding);
    ImGui::SetCursorScreenPos({start.x + style.FramePadding.x, start.y + style.FramePadding.y});
    ImGui::TextUnformatted(text->c_str());
    ImGui::PopTextWrapPos();
    ImGui::SetCursorScreenPos({start.x, start.y + boxHeight + style.ItemSpacing.y});
    ImGui::Dummy({0, 0});
  }
  ImGui::PopID();
  return changed;
}

void TrackFieldEdit(Document& document, bool changed, const char* label,
                    const std::function<BoardDiff(const Board& start)>& make) {
  if (changed) {
    if (!document.InGesture()) document.BeginGesture(label);
    document.UpdateGesture(make);
  }
  if (ImGui::IsItemDeactivatedAfterEdit() && document.InGesture()) document.CommitGesture();
}

}  // namespace jb
