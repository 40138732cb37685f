#include "app/views/arrow_menu.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include "app/platform/i18n.h"
#include "app/views/layout_dump.h"
#include "core/edit/sketch_commands.h"

namespace jb {
namespace {

constexpr const char* kPopup = "arrow menu";

size_t CodePoints(const std::string& text) {
  size_t count = 0;
  for (char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

}  // namespace

void ArrowMenu::Open(const Board& board, int index) {
  if (index < 0 || index >= int(board.arrows.size())) return;
  m_arrow = board.arrows[size_t(index)].id;
  m_label = board.arrows[size_t(index)].label;
  m_labelTooLong = false;
  ImGui::OpenPopup(kPopup);
}

void ArrowMenu::Show(Document& document) {
  if (!ImGui::BeginPopup(kPopup)) return;
  const Board& board = document.board();
  const Arrow* found = nullptr;
  for (const Arrow& arrow : board.arrows)
    if (arrow.id == m_arrow) found = &arrow;
  if (!found) {  // undone or deleted while the menu was open
    ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return;
  }
  const Arrow arrow = *found;  // a copy: the choices below change the board

  const bool straight = ImGui::MenuItem(_("Straight"), nullptr, !arrow.curved);
  RecordWidget("menu.arrow.straight");
  const bool curved = ImGui::MenuItem(_("Curved"), nullptr, arrow.curved);
  RecordWidget("menu.arrow.curved");
  if (straight || curved)
    document.Apply(SetArrowStyle(board, arrow.id, curved, arrow.heads, arrow.label),
                   curved ? N_("Curve arrow") : N_("Straighten arrow"));

  ImGui::Separator();
  ImGui::TextDisabled(_("Heads"));
  struct Choice {
    ArrowHeads heads;
    const char* name;
    const char* label;
  };
  static const Choice kHeads[] = {{ArrowHeads::None, "none", N_("No heads")},
                                  {ArrowHeads::End, "end", N_("At the end")},
                                  {ArrowHeads::Start, "start", N_("At the start")},
                                  {ArrowHeads::Both, "both", N_("At both ends")}};
  for (const Choice& choice : kHeads) {
    const bool picked = ImGui::MenuItem(_(choice.label), nullptr, arrow.heads == choice.heads);
    RecordWidget((std::string("menu.arrow.heads.") + choice.name).c_str());
    if (picked) document.Apply(SetArrowStyle(board, arrow.id, arrow.curved, choice.heads, arrow.label), N_("Change arrowheads"));
  }

  ImGui::Separator();
  ImGui::TextDisabled(_("Label"));
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
  const bool enter = ImGui::InputTextWithHint("##arrow label", _("a short label, then Enter"), &m_label,
                                              ImGuiInputTextFlags_EnterReturnsTrue);
  RecordWidget("menu.arrow.label");
  if (enter) {
    // A long text would cover the map: refused, and the board keeps the label it had.
    m_labelTooLong = CodePoints(m_label) > kMaxArrowLabelChars;
    if (m_labelTooLong) ImGui::SetKeyboardFocusHere(-1);  // Enter let go of the field: back to it, to shorten
    if (!m_labelTooLong) {
      document.Apply(SetArrowStyle(board, arrow.id, arrow.curved, arrow.heads, m_label), N_("Label arrow"));
      ImGui::CloseCurrentPopup();
    }
  }
  if (m_labelTooLong) {
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 16);
    ImGui::TextColored({0.84f, 0.27f, 0.25f, 1}, _("An arrow's label is at most %d characters: make it shorter."),
                       int(kMaxArrowLabelChars));
    RecordWidget("menu.arrow.label_too_long");
    ImGui::PopTextWrapPos();
  }

  ImGui::Separator();
  const bool remove = ImGui::MenuItem(_("Delete arrow"));
  RecordWidget("menu.arrow.delete");
  if (remove) document.Apply(DeleteArrows(board, {arrow.id}), N_("Delete arrow"));
  ImGui::EndPopup();
}

}  // namespace jb
