#include "app/views/toolbar.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "app/platform/fonts.h"
#include "app/platform/i18n.h"
#include "app/platform/icons.h"
#include "app/views/layout_dump.h"

namespace jb {

namespace {

struct Button {
  const char* id;    // a command id
  const char* icon;  // Fork Awesome, app/platform/icons.h
  const char* text;  // shown instead when the icon font is missing
  bool groupStart;   // a gap before it
};

// Top to bottom: the tools, the room's actions, history, then the panels.
constexpr Button kButtons[] = {
    {"tool.pan", icons::kPan, N_("Pan"), false},
    {"tool.select", icons::kSelect, N_("Sel"), false},
    {"tool.note", icons::kNote, N_("Note"), false},
    {"tool.pen", icons::kPen, N_("Pen"), true},
    {"tool.highlighter", icons::kHighlighter, N_("Mark"), false},
    {"tool.eraser", icons::kEraser, N_("Erase"), false},
    {"tool.arrow", icons::kArrow, N_("Arrow"), false},
    {"tool.frame", icons::kFrame, N_("Frame"), false},
    {"tool.text", icons::kText, N_("Text"), false},
    {"journey.voting", icons::kVote, N_("Vote"), true},
    {"workshop.timer", icons::kTimer, N_("Time"), false},
    {"workshop.cover", icons::kCover, N_("Cover"), false},
    {"view.present", icons::kPresent, N_("Show"), false},
    {"view.room", icons::kRoom, N_("Room"), false},
    {"file.snapshot", icons::kSnapshot, N_("Snap"), false},
    {"edit.undo", icons::kUndo, N_("Undo"), true},
    {"edit.redo", icons::kRedo, N_("Redo"), false},
    {"journey.inspector", icons::kInspector, N_("Insp"), true},
    {"journey.personas", icons::kPersonas, N_("Pers"), false},
    {"view.history", icons::kHistory, N_("Hist"), false},
};

constexpr float kButtonPx = 48;  // at UI scale 1: above the 44 px a finger needs
constexpr float kGapPx = 4;
constexpr float kGroupGapPx = 12;
constexpr float kPaddingPx = 6;

const Command* Find(const std::vector<Command>& commands, const char* id) {
  for (const Command& command : commands)
    if (command.id == id) return &command;
  return nullptr;
}

// The buttons whose command exists, each with its place: column and y offset from the top.
struct PlacedButton {
  const Button* button;
  const Command* command;
  int column;
  float y;
};

std::vector<PlacedButton> PlaceSpaced(const std::vector<Command>& commands, float height, float scale, bool compact,
                                int* columns) {
  std::vector<PlacedButton> placed;
  const float size = kButtonPx * scale, gap = kGapPx * scale;
  const float groupGap = (compact ? kGapPx * 2 : kGroupGapPx) * scale;
  const float top = kPaddingPx * scale, bottom = height - kPaddingPx * scale;
  int column = 0;
  float y = top;
  for (const Button& button : kButtons) {
    const Command* command = Find(commands, button.id);
    if (!command) continue;
    if (button.groupStart && y > top) y += groupGap - gap;
    if (y + size > bottom && y > top) {  // a second column when one does not fit
      ++column;
      y = top;
    }
    placed.push_back({&button, command, column, y});
    y += size + gap;
  }
  *columns = column + 1;
  return placed;
}

// One column if it fits, with the groups closer together if need be (a 720-pixel projector);
// else two columns.
std::vector<PlacedButton> Place(const std::vector<Command>& commands, float height, float scale, int* columns) {
  std::vector<PlacedButton> placed = PlaceSpaced(commands, height, scale, false, columns);
  if (*columns > 1) placed = PlaceSpaced(commands, height, scale, true, columns);
  return placed;
}

}  // namespace

float ToolbarWidth(const std::vector<Command>& commands, float height, float scale, bool shown) {
  if (!shown) return 0;
  int columns = 1;
  Place(commands, height, scale, &columns);
  return columns * (kButtonPx + kGapPx) * scale - kGapPx * scale + 2 * kPaddingPx * scale;
}

std::vector<ToolbarButtonState> ShowToolbar(const std::vector<Command>& commands, const Fonts& fonts, const Rect& area,
                                            float scale) {
  std::vector<ToolbarButtonState> states;
  int columns = 1;
  const std::vector<PlacedButton> placed = Place(commands, area.Height(), scale, &columns);
  ImGui::SetNextWindowPos({area.x0, area.y0});
  ImGui::SetNextWindowSize({area.Width(), area.Height()});
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {0, 0});
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollWithMouse |
                                 ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav;
  ImGui::Begin("##toolbar", nullptr, flags);
  ImGui::PopStyleVar(2);
  const float size = kButtonPx * scale, pad = kPaddingPx * scale, gap = kGapPx * scale;
  // Icons larger than the UI text, so they read from the back of the room.
  ImGui::PushFont(fonts.HasIcons() ? fonts.Icons() : fonts.Ui());
  for (const PlacedButton& item : placed) {
    const Command& command = *item.command;
    const bool enabled = !command.enabled || command.enabled();
    const bool checked = command.checked && command.checked();
    const ImVec2 pos{area.x0 + pad + item.column * (size + gap), area.y0 + item.y};
    ImGui::SetCursorScreenPos(pos);
    ImGui::PushID(item.button->id);
    if (checked) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    if (!enabled) ImGui::BeginDisabled();
    const bool clicked = ImGui::Button(fonts.HasIcons() ? item.button->icon : _(item.button->text), {size, size});
    if (!enabled) ImGui::EndDisabled();
    if (checked) {
      ImGui::PopStyleColor();
      // A frame too, not only a shade: a washed-out projector loses shades.
      ImGui::GetWindowDrawList()->AddRect(pos, {pos.x + size, pos.y + size}, ImGui::GetColorU32(ImGuiCol_CheckMark),
                                          ImGui::GetStyle().FrameRounding, 0, std::max(2.0f, 2 * scale));
    }
    RecordWidget(item.button->id);
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
      ImGui::PushFont(fonts.Ui());
      const std::string label = command.dynamicLabel ? command.dynamicLabel() : _(command.label.c_str());
      if (command.keys.empty())
        ImGui::SetTooltip("%s", label.c_str());
      else
        ImGui::SetTooltip("%s  (%s)", label.c_str(), command.keys.front().name);
      ImGui::PopFont();
    }
    if (clicked && enabled) command.run();
    ImGui::PopID();
    states.push_back({command.id, {pos.x, pos.y, pos.x + size, pos.y + size}, checked});
  }
  ImGui::PopFont();
  ImGui::End();
  return states;
}

}  // namespace jb
