#include "app/views/panels.h"

#include <imgui.h>
#include <imgui_internal.h>  // ImGuiContext::LastItemData: the id of the item just drawn
#include <imgui_stdlib.h>

#include <algorithm>

#include "app/views/layout_dump.h"

namespace jb {

namespace {
// The field whose gesture is open and that was drawn still active this frame (TrackFieldEdit).
ImGuiID g_fieldDrawnActive = 0;
}  // namespace

float TouchHeight() {
  constexpr float kTouchPx = 44;  // the least height of a touch target at scale 1
  return std::max(kTouchPx * ImGui::GetFontSize() / 16, ImGui::GetFrameHeight());
}

bool TouchButton(const char* label, const char* record, float width) {
  const bool clicked = ImGui::Button(label, {width, TouchHeight()});
  RecordWidget(record);
  return clicked;
}

void PushTouchFrames() {
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                      {ImGui::GetStyle().FramePadding.x, (TouchHeight() - ImGui::GetFontSize()) / 2});
}

bool WrappedTextField(const char* id, std::string* text, float height, const char* record) {
  static ImGuiID editing = 0;  // the one field being edited; UI state, not document state
  static int editingFrame = -1;  // the last frame it was drawn
  ImGui::PushID(id);
  const ImGuiID self = ImGui::GetID("field");
  bool changed = false;
  // A field that went away while edited (its note deselected, its persona undone, its panel
  // closed) is not edited any more: it must not take the keyboard when it comes back.
  if (editing == self && editingFrame < ImGui::GetFrameCount() - 1) editing = 0;
  if (editing == self) {
    editingFrame = ImGui::GetFrameCount();
    if (ImGui::IsWindowAppearing() || !ImGui::IsAnyItemActive()) ImGui::SetKeyboardFocusHere();
    changed = ImGui::InputTextMultiline("##edit", text, {-1, height});
    if (record) RecordWidget(record);
    if (ImGui::IsItemDeactivated()) editing = 0;
  } else {
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    const ImGuiStyle& style = ImGui::GetStyle();
    // The wrap position is in window coordinates (as the cursor's x), not the screen's: a panel on
    // the right of the screen wrapped nothing when given a screen position.
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - style.FramePadding.x);
    const float textHeight = ImGui::CalcTextSize(text->c_str(), nullptr, false, width - 2 * style.FramePadding.x).y;
    const float boxHeight = std::max(height, textHeight + 2 * style.FramePadding.y);
    if (ImGui::InvisibleButton("field", {width, boxHeight})) {
      editing = self;
      editingFrame = ImGui::GetFrameCount();
    }
    if (record) RecordWidget(record);
    // As ImGui frames its own fields: with the theme's border when it has one (the projector's).
    ImGui::RenderFrame(start, {start.x + width, start.y + boxHeight},
                       ImGui::GetColorU32(ImGui::IsItemHovered() ? ImGuiCol_FrameBgHovered : ImGuiCol_FrameBg), true,
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
  const ImGuiID self = GImGui->LastItemData.ID;
  if (changed) {
    if (document.GestureOwner() != self) document.BeginGesture(label, self);  // ends any other first
    document.UpdateGesture(make);
  }
  if (self == 0 || document.GestureOwner() != self) return;  // only ever end our own gesture
  if (ImGui::IsItemDeactivated()) document.CommitGesture();
  else g_fieldDrawnActive = self;
}

void EndOrphanedFieldEdit(Document& document) {
  const uint64_t owner = document.GestureOwner();
  if (owner != 0 && owner != g_fieldDrawnActive) document.CommitGesture();
  g_fieldDrawnActive = 0;
}

}  // namespace jb
