#include "app/views/help_sheet.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>

#include "app/platform/fonts.h"
#include "app/platform/i18n.h"
#include "app/views/layout_dump.h"

namespace jb {

namespace {

constexpr const char* kSheetId = "##help_sheet";

// What the mouse (or a finger) does on the canvas: these are gestures, not commands, so the
// command table cannot list them.
struct Gesture {
  const char* how;
  const char* what;
};
constexpr Gesture kGestures[] = {
    {N_("Double-click a cell"), N_("Add a note there and type")},
    {N_("Double-click a note"), N_("Edit its text")},
    {N_("Drag a note"), N_("Move it to another cell, or out of the grid")},
    {N_("Drag empty canvas"), N_("Pan (also the middle or right button)")},
    {N_("Mouse wheel"), N_("Zoom around the cursor")},
    {N_("Shift + drag"), N_("Select notes with a rectangle")},
    {N_("Shift + click"), N_("Add a note to the selection, or take it out")},
    {N_("Right-click"), N_("Colour, size and more for a note, stage or lane")},
    {N_("Double-click a header"), N_("Rename the stage or lane")},
    {N_("Double-click the board's title"), N_("Rename the board")},
    {N_("Double-click in the Emotions lane"), N_("Add an emotion point")},
    {N_("Drag an emotion point"), N_("Change the feeling (Shift snaps to the five levels)")},
};

std::string KeyNames(const Command& command) {
  std::vector<std::string> names;
  for (const Shortcut& key : command.keys)
    if (std::find(names.begin(), names.end(), key.name) == names.end()) names.push_back(key.name);  // keypad twins
  std::string joined;
  for (const std::string& name : names) joined += (joined.empty() ? "" : ", ") + name;
  return joined;
}

}  // namespace

int HelpGestureCount() { return int(sizeof kGestures / sizeof kGestures[0]); }

std::vector<HelpGroup> HelpSheetGroups(const std::vector<Command>& commands) {
  std::vector<HelpGroup> groups;
  for (const Command& command : commands) {
    if (command.keys.empty() || command.path.empty()) continue;
    const std::string title = _(command.path[0].c_str());
    auto group = std::find_if(groups.begin(), groups.end(), [&](const HelpGroup& g) { return g.title == title; });
    if (group == groups.end()) group = groups.insert(groups.end(), HelpGroup{title, {}});
    // A label made when the table is built ("Stage 3") has its shown form ("Stage 3: Buy").
    group->rows.push_back({KeyNames(command), command.dynamicLabel ? command.dynamicLabel() : _(command.label.c_str())});
  }
  HelpGroup gestures{_("Mouse and touch"), {}};
  for (const Gesture& gesture : kGestures) gestures.rows.push_back({_(gesture.how), _(gesture.what)});
  groups.push_back(std::move(gestures));
  return groups;
}

void HelpSheet::Show(const std::vector<Command>& commands, const Fonts& fonts) {
  const bool opening = m_requested;
  if (m_requested) {
    ImGui::OpenPopup(kSheetId);
    m_requested = false;
  }
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos({viewport->WorkPos.x + viewport->WorkSize.x / 2, viewport->WorkPos.y + viewport->WorkSize.y / 2},
                          ImGuiCond_Always, {0.5f, 0.5f});
  ImGui::SetNextWindowSizeConstraints({0, 0}, {viewport->WorkSize.x * 0.96f, viewport->WorkSize.y * 0.94f});
  const float uiEm = ImGui::GetFontSize();
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {uiEm * 1.5f, uiEm * 1.2f});
  m_open = ImGui::BeginPopup(kSheetId, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                                            ImGuiWindowFlags_NoScrollbar);
  ImGui::PopStyleVar();
  if (!m_open) {
    m_rows = 0;
    return;
  }
  // Larger than the menus (1.4×, the UI scale included): it is read from a few metres.
  const float px = std::round(uiEm * 1.4f);
  ImFont* regular = fonts.ForPixelSize(px);
  ImFont* bold = fonts.ForPixelSize(px, /*bold=*/true);
  const float fontScale = px / regular->FontSize;
  const std::vector<HelpGroup> groups = HelpSheetGroups(commands);

  ImGui::PushFont(bold);
  ImGui::SetWindowFontScale(px * 1.25f / bold->FontSize);
  ImGui::TextUnformatted(_("Keyboard shortcuts"));
  ImGui::SetWindowFontScale(1);
  ImGui::PopFont();
  ImGui::PushFont(regular);
  ImGui::SetWindowFontScale(fontScale);
  ImGui::TextDisabled("%s", _("F1 or ? shows this sheet; Esc closes it. Plain keys act while the board has the focus."));
  ImGui::SetWindowFontScale(1);
  ImGui::PopFont();
  ImGui::Spacing();

  // Three columns, the groups kept whole and the rows spread about evenly (a heading counts 2).
  int total = 0;
  for (const HelpGroup& group : groups) total += int(group.rows.size()) + 2;
  const int perColumn = (total + 2) / 3;
  std::vector<int> columnOf(groups.size(), 0);
  for (size_t g = 0, inColumn = 0; g < groups.size(); ++g) {
    const int size = int(groups[g].rows.size()) + 2;
    const int column = g ? columnOf[g - 1] : 0;
    const bool next = inColumn > 0 && int(inColumn) + size / 2 > perColumn && column < 2;
    columnOf[g] = next ? column + 1 : column;
    inColumn = (next ? 0 : inColumn) + size;
  }
  // Each column's keys get the width of its widest (a few long ones wrap their label instead).
  float keyWidth[3] = {0, 0, 0};
  ImGui::PushFont(bold);
  for (size_t g = 0; g < groups.size(); ++g)
    for (const HelpRow& row : groups[g].rows)
      keyWidth[columnOf[g]] =
          std::max(keyWidth[columnOf[g]], ImGui::CalcTextSize(row.keys.c_str()).x * (px / ImGui::GetFontSize()));
  ImGui::PopFont();
  int rows = 0;
  if (ImGui::BeginTable("##help_columns", 3, ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_PadOuterX)) {
    for (size_t g = 0; g < groups.size(); ++g) {
      const HelpGroup& group = groups[g];
      if (g == 0 || columnOf[g] != columnOf[g - 1]) ImGui::TableNextColumn();
      const float width = std::min(keyWidth[columnOf[g]], px * 13);
      ImGui::PushFont(bold);
      ImGui::SetWindowFontScale(px / bold->FontSize);
      if (g > 0 && columnOf[g] == columnOf[g - 1]) ImGui::Dummy({0, px * 0.5f});
      ImGui::TextColored(ImGui::GetStyleColorVec4(ImGuiCol_PlotHistogram), "%s", group.title.c_str());
      ImGui::SetWindowFontScale(1);
      ImGui::PopFont();
      for (const HelpRow& row : group.rows) {
        const float x = ImGui::GetCursorPosX();
        ImGui::PushFont(bold);
        ImGui::SetWindowFontScale(px / bold->FontSize);
        ImGui::PushTextWrapPos(x + width);  // a long gesture wraps within its column, never under the label
        ImGui::TextUnformatted(row.keys.c_str());
        ImGui::PopTextWrapPos();
        ImGui::SetWindowFontScale(1);
        ImGui::PopFont();
        ImGui::SameLine();
        ImGui::SetCursorPosX(x + width + px);  // window-local, as x: SameLine's offset is not, in a table
        ImGui::PushFont(regular);
        ImGui::SetWindowFontScale(fontScale);
        ImGui::PushTextWrapPos(x + width + px * 16);
        ImGui::TextUnformatted(row.label.c_str());
        ImGui::PopTextWrapPos();
        ImGui::SetWindowFontScale(1);
        ImGui::PopFont();
        ++rows;
      }
    }
    ImGui::EndTable();
  }
  m_rows = rows;
  RecordWindow("help.sheet");
  // Esc and the keys that open it close it (the canvas has no focus while it shows); not on the
  // frame that opened it.
  bool close = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);
  for (const Command& command : commands)
    if (command.id == kHelpCommand)
      for (const Shortcut& key : command.keys) close = close || ShortcutPressed(key, false);
  if (!opening && !ImGui::GetIO().KeyCtrl && close) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

void ShowAboutDialog(bool* requested, const std::string& version, const std::string& settingsPath,
                     const std::string& recoveryDir) {
  const bool opening = *requested;
  const char* title = _("About Journeyboard");
  char id[96];
  std::snprintf(id, sizeof id, "%s##about", title);
  if (*requested) {
    ImGui::OpenPopup(id);
    *requested = false;
  }
  const float em = ImGui::GetFontSize();
  if (!ImGui::BeginPopupModal(id, nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) return;
  // One sentence a line, each translated on its own.
  char line[1024];
  std::string text;
  std::snprintf(line, sizeof line, _("Journeyboard %s: customer journey maps for live workshops."), version.c_str());
  text += line;
  std::snprintf(line, sizeof line, _("Settings: %s"), settingsPath.empty() ? _("none (no settings folder)") : settingsPath.c_str());
  text += std::string("\n") + line;
  std::snprintf(line, sizeof line, _("Copies of unsaved work for recovery: %s"), recoveryDir.c_str());
  text += std::string("\n") + line;
  ImGui::PushTextWrapPos(em * 44);
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopTextWrapPos();
  RecordDialog(title, text);
  ImGui::Spacing();
  const bool ok = ImGui::Button(_("OK"), {em * 8, 0});
  RecordWidget("about.ok");
  if (ok || (!opening && (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)) ||
                          ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))))
    ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

}  // namespace jb
