#include "app/views/command_palette.h"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "app/platform/i18n.h"
#include "app/views/layout_dump.h"
#include "core/layout/search.h"

namespace jb {

namespace {

constexpr const char* kTitle = N_("Command palette");  // its id: it has no title bar
constexpr const char* kShownSeparator = " \xE2\x80\xBA ";  // " › ": the UI font has no ▸
constexpr int kMaxRows = 12;

bool Enabled(const Command& command) {
  return !command.enabled || command.enabled();
}

}  // namespace

void CommandPalette::Show(const std::vector<Command>& commands) {
  if (m_requested) {
    m_requested = false;
    ImGui::OpenPopup(kTitle);
    m_query.clear();
    m_focus = true;
    m_highlight = -1;
  }
  const float em = ImGui::GetFontSize();
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(
      {viewport->WorkPos.x + viewport->WorkSize.x * 0.5f, viewport->WorkPos.y + viewport->WorkSize.y * 0.12f},
      ImGuiCond_Always, {0.5f, 0});
  ImGui::SetNextWindowSize({std::min(em * 36, viewport->WorkSize.x - 2 * em), 0}, ImGuiCond_Always);
  // Modal, so Escape is ours alone (it would end voting on the canvas) and no key reaches the board.
  m_open = ImGui::BeginPopupModal(
      kTitle, nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
  if (!m_open) {
    m_shownIds.clear();
    return;
  }

  // Every command, and each item of a command that has them, with the name the filter reads.
  std::vector<Entry> entries;
  for (size_t i = 0; i < commands.size(); ++i) {
    const Command& command = commands[i];
    std::string path;
    for (const std::string& part : command.path) path += _(part.c_str()) + std::string(kShownSeparator);
    // The filter reads the English and the shown (translated) names alike.
    const std::string shownLabel = _(command.label.c_str());
    if (command.items) {
      for (const std::string& item : command.items())
        entries.push_back({i, true, item, command.menu + " " + command.label + " " + path + shownLabel + " " + item,
                           path + shownLabel + kShownSeparator + item});
      continue;
    }
    if (!command.run) continue;  // nothing to run (a submenu's entry with no items callback)
    const std::string label = command.dynamicLabel ? command.dynamicLabel() : shownLabel;
    entries.push_back(
        {i, false, {}, command.menu + " " + command.label + (label != command.label ? " " + path + label : ""), path + label});
  }

  if (m_focus) ImGui::SetKeyboardFocusHere();
  m_focus = false;
  ImGui::SetNextItemWidth(-1);
  const std::string before = m_query;
  const bool enter =
      ImGui::InputTextWithHint("##command", _("Type a command"), &m_query, ImGuiInputTextFlags_EnterReturnsTrue);
  RecordWidget("palette.field");

  std::vector<std::string> names;
  names.reserve(entries.size());
  for (const Entry& entry : entries) names.push_back(entry.name);
  const std::vector<size_t> filtered = FilterByWords(names, m_query);
  const int count = int(filtered.size());
  auto enabledAt = [&](int k) {
    return k >= 0 && k < count && Enabled(commands[entries[filtered[size_t(k)]].command]);
  };
  // The highlight skips disabled commands: Up/Down move to the next one that can run.
  auto move = [&](int from, int step) {
    for (int k = from; k >= 0 && k < count; k += step)
      if (enabledAt(k)) return k;
    return m_highlight;
  };
  if (m_query != before || !enabledAt(m_highlight)) {
    m_highlight = -1;
    m_highlight = move(0, 1);
    m_scrollToHighlight = true;
  }
  if (ImGui::IsKeyPressed(GLFW_KEY_DOWN)) {
    m_highlight = move(m_highlight + 1, 1);
    m_scrollToHighlight = true;
  }
  if (ImGui::IsKeyPressed(GLFW_KEY_UP) && m_highlight > 0) {
    m_highlight = move(m_highlight - 1, -1);
    m_scrollToHighlight = true;
  }

  int run = -1;  // the entry to run once the palette is closed
  if (enter) {
    if (enabledAt(m_highlight))
      run = int(filtered[size_t(m_highlight)]);
    else
      ImGui::SetKeyboardFocusHere(-1);  // nothing to run: Enter left the field, so back into it at once
  }

  const float rowHeight = ImGui::GetTextLineHeightWithSpacing();
  const int rows = std::clamp(count, 1, kMaxRows);
  ImGui::BeginChild("##commands", {0, rows * rowHeight + ImGui::GetStyle().WindowPadding.y}, false);
  if (count == 0) ImGui::TextDisabled(_("No command matches."));
  m_shownIds.clear();
  for (int k = 0; k < count; ++k) {
    const Entry& entry = entries[filtered[size_t(k)]];
    const Command& command = commands[entry.command];
    const bool enabled = Enabled(command);
    const std::string id = entry.isItem ? command.id + ":" + entry.item : command.id;
    m_shownIds.push_back(id);
    ImGui::PushID(k);
    const bool clicked = ImGui::Selectable(entry.shown.c_str(), k == m_highlight,
                                           enabled ? ImGuiSelectableFlags_None : ImGuiSelectableFlags_Disabled);
    RecordWidget(("palette.item." + id).c_str());
    if (clicked && enabled) run = int(filtered[size_t(k)]);
    if (k == m_highlight && m_scrollToHighlight) ImGui::SetScrollHereY();
    // The shortcut (and "on" for a toggle that is on), right-aligned in the row.
    std::string keys = command.keys.empty() ? "" : command.keys.front().name;
    if (command.checked && command.checked()) keys = keys.empty() ? "on" : "on   " + keys;
    if (!keys.empty()) {
      ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize(keys.c_str()).x);
      ImGui::TextDisabled("%s", keys.c_str());
    }
    ImGui::PopID();
  }
  m_scrollToHighlight = false;
  ImGui::EndChild();

  // Escape, or a click outside, closes it.
  const bool outside =
      ImGui::IsMouseClicked(ImGuiMouseButton_Left) &&
      !ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows | ImGuiHoveredFlags_AllowWhenBlockedByActiveItem);
  if (run >= 0 || outside || ImGui::IsKeyPressed(GLFW_KEY_ESCAPE, false)) {
    ImGui::CloseCurrentPopup();
    m_open = false;
    m_shownIds.clear();
  }
  ImGui::EndPopup();
  if (run < 0) return;
  const Entry& entry = entries[size_t(run)];
  const Command& command = commands[entry.command];
  if (entry.isItem)
    command.runItem(entry.item);
  else
    command.run();
}

}  // namespace jb
