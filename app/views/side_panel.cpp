#include "app/views/side_panel.h"

#include <imgui.h>

#include <algorithm>

namespace jb {

namespace {

struct Column {
  Rect rect;
  int count = 0;
  int next = 0;
  std::vector<SidePanelInfo> shown;
};
Column g_column;  // UI state of this frame, like ImGui's own

}  // namespace

void StartSidePanels(const Rect& column, int count) {
  g_column.rect = column;
  g_column.count = std::max(count, 1);
  g_column.next = 0;
  g_column.shown.clear();
}

Rect SidePanelRect() {
  const Rect& c = g_column.rect;
  const float height = c.Height() / float(g_column.count);
  const int slot = std::min(g_column.next, g_column.count - 1);
  return {c.x0, c.y0 + slot * height, c.x1, c.y0 + (slot + 1) * height};
}

bool BeginSidePanel(const char* name, bool* open) {
  const Rect r = SidePanelRect();
  ++g_column.next;
  ImGui::SetNextWindowPos({r.x0, r.y0});
  ImGui::SetNextWindowSize({r.Width(), r.Height()});
  g_column.shown.push_back({name, r});
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0);
  const bool visible = ImGui::Begin(name, open,
                                    ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                                        ImGuiWindowFlags_NoSavedSettings);
  ImGui::PopStyleVar();
  return visible;
}

bool SidePanelSplitter(const Rect& column, float* width, float minWidth, float maxWidth) {
  const float grip = std::max(6.0f, ImGui::GetFontSize() * 0.4f);
  ImGui::SetNextWindowPos({column.x0 - grip * 0.5f, column.y0});
  ImGui::SetNextWindowSize({grip, column.Height()});
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {0, 0});
  ImGui::Begin("##side_splitter", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoBackground |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav);
  ImGui::PopStyleVar();
  ImGui::InvisibleButton("grip", {grip, column.Height()});
  const bool active = ImGui::IsItemActive();
  if (active || ImGui::IsItemHovered()) {
    ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
    ImGui::GetWindowDrawList()->AddRectFilled(ImGui::GetItemRectMin(), ImGui::GetItemRectMax(),
                                              ImGui::GetColorU32(ImGuiCol_SeparatorHovered));
  }
  if (active) *width = std::clamp(*width - ImGui::GetIO().MouseDelta.x, minWidth, maxWidth);
  ImGui::End();
  return active;
}

const std::vector<SidePanelInfo>& SidePanelsShown() {
  return g_column.shown;
}

bool SidePanelRow(const std::string& text) {
  const float width = ImGui::GetContentRegionAvail().x;
  const char* begin = text.c_str();
  const char* end = begin + text.size();
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float height = ImGui::CalcTextSize(begin, end, false, width).y;
  const bool clicked = ImGui::Selectable("##row", false, ImGuiSelectableFlags_None, {width, height});
  ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), ImGui::GetFontSize(), at, ImGui::GetColorU32(ImGuiCol_Text),
                                      begin, end, width);
  return clicked;
}

void SidePanelRemark(const char* text) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("%s", text);
  ImGui::PopStyleColor();
}

}  // namespace jb
