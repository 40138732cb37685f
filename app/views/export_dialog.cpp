#include "app/views/export_dialog.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cfloat>

#include "app/platform/i18n.h"
#include "app/views/layout_dump.h"

namespace jb {

namespace {

const char* kTitle = N_("Export");  // translated where shown (set before the language)

bool Radio(const char* label, bool active, const char* widget) {
  const bool clicked = ImGui::RadioButton(label, active);
  RecordWidget(widget);
  return clicked;
}

}  // namespace

ExportDialogAnswer ShowExportDialog(bool* requested, ExportChoice* choice, const std::vector<std::string>& stages,
                                    bool hasSelection, const std::function<std::string(const ExportChoice&)>& sizeLine) {
  if (*requested) {
    ImGui::OpenPopup(_(kTitle));
    *requested = false;
  }
  const float em = ImGui::GetFontSize();
  ImGui::SetNextWindowSizeConstraints({em * 30, 0}, {em * 50, FLT_MAX});
  if (!ImGui::BeginPopupModal(_(kTitle), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return ExportDialogAnswer::None;
  ExportDialogAnswer answer = ExportDialogAnswer::None;
  // Light theme: fields and radio circles are white on the white popup; a grey makes them show.
  ImGui::PushStyleColor(ImGuiCol_FrameBg, ImVec4(0.86f, 0.87f, 0.90f, 1.0f));
  if (choice->region == ExportChoice::Selection && !hasSelection) choice->region = ExportChoice::Board;
  if (stages.empty() && choice->region == ExportChoice::Stage) choice->region = ExportChoice::Board;
  choice->stage = std::clamp(choice->stage, 0, std::max(0, int(stages.size()) - 1));

  ImGui::TextUnformatted(_("Region"));
  if (Radio(_("Whole board"), choice->region == ExportChoice::Board, "export.region.board")) choice->region = ExportChoice::Board;
  ImGui::SameLine();
  if (Radio(_("Current view"), choice->region == ExportChoice::View, "export.region.view")) choice->region = ExportChoice::View;
  ImGui::SameLine();
  ImGui::BeginDisabled(!hasSelection);
  if (Radio(_("Selection"), choice->region == ExportChoice::Selection, "export.region.selection"))
    choice->region = ExportChoice::Selection;
  ImGui::EndDisabled();
  ImGui::BeginDisabled(stages.empty());
  if (Radio(_("Stage"), choice->region == ExportChoice::Stage, "export.region.stage")) choice->region = ExportChoice::Stage;
  ImGui::SameLine();
  ImGui::SetNextItemWidth(em * 14);
  if (ImGui::BeginCombo("##stage", stages.empty() ? "" : stages[size_t(choice->stage)].c_str())) {
    for (size_t s = 0; s < stages.size(); ++s)
      if (ImGui::Selectable(stages[s].c_str(), int(s) == choice->stage)) {
        choice->stage = int(s);
        choice->region = ExportChoice::Stage;
      }
    ImGui::EndCombo();
  }
  RecordWidget("export.stage");
  ImGui::EndDisabled();

  ImGui::Spacing();
  ImGui::TextUnformatted(_("Width"));
  for (int i = 0; i < 4; ++i) {
    const std::string label = std::to_string(kExportWidthPresets[i]);
    if (i) ImGui::SameLine();
    if (Radio(label.c_str(), choice->preset == i, ("export.width." + label).c_str())) choice->preset = i;
  }
  if (Radio(_("Custom"), choice->preset == 4, "export.width.custom")) choice->preset = 4;
  ImGui::SameLine();
  ImGui::SetNextItemWidth(em * 7);
  if (ImGui::InputInt(_("px##custom"), &choice->customWidth, 0)) choice->preset = 4;
  RecordWidget("export.custom_width");
  choice->customWidth = std::clamp(choice->customWidth, 16, 32768);
  ImGui::SameLine();
  if (Radio(_("Scale"), choice->preset == 5, "export.width.scale")) choice->preset = 5;
  ImGui::SameLine();
  ImGui::SetNextItemWidth(em * 6);
  if (ImGui::InputFloat(_("px per unit##scale"), &choice->scale, 0, 0, "%.2f")) choice->preset = 5;
  RecordWidget("export.scale");
  choice->scale = std::clamp(choice->scale, 0.01f, 64.0f);

  ImGui::Spacing();
  ImGui::TextUnformatted(_("Background"));
  if (Radio(_("Canvas"), choice->background == ExportChoice::Canvas, "export.bg.canvas")) choice->background = ExportChoice::Canvas;
  ImGui::SameLine();
  if (Radio(_("White"), choice->background == ExportChoice::White, "export.bg.white")) choice->background = ExportChoice::White;
  ImGui::SameLine();
  if (Radio(_("Transparent"), choice->background == ExportChoice::Transparent, "export.bg.transparent"))
    choice->background = ExportChoice::Transparent;

  ImGui::Spacing();
  const std::string size = sizeLine(*choice);
  ImGui::PushTextWrapPos(em * 40);
  ImGui::TextUnformatted(size.c_str());
  ImGui::PopTextWrapPos();
  RecordDialog(_(kTitle), size);

  ImGui::Spacing();
  ImGui::SetNextItemWidth(em * 30);
  const bool entered = ImGui::InputText("##path", &choice->path, ImGuiInputTextFlags_EnterReturnsTrue);
  RecordWidget("export.path");
  ImGui::SameLine();
  if (ImGui::Button(_("Browse..."))) answer = ExportDialogAnswer::Browse;
  RecordWidget("export.browse");

  ImGui::Spacing();
  if (ImGui::Button(_("Export"), {em * 8, 0}) || entered) answer = ExportDialogAnswer::Export;
  RecordWidget("export.go");
  ImGui::SameLine();
  if (ImGui::Button(_("Cancel"), {em * 8, 0}) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
    ImGui::CloseCurrentPopup();
  RecordWidget("export.close");
  if (answer != ExportDialogAnswer::None) ImGui::CloseCurrentPopup();
  ImGui::PopStyleColor();
  ImGui::EndPopup();
  return answer;
}

bool ShowExportProgress(const std::string& progress, const Rect& area) {
  if (progress.empty()) return false;
  const float em = ImGui::GetFontSize();
  ImGui::SetNextWindowPos({area.x1 - em, area.y1 - em}, ImGuiCond_Always, {1, 1});
  // While the progress changes, a fixed size: a Cancel that moved with the text's width could
  // miss the click aimed at it.
  const ImGuiStyle& style = ImGui::GetStyle();
  ImGui::SetNextWindowSize({em * 30, ImGui::GetTextLineHeightWithSpacing() + ImGui::GetFrameHeight() + style.WindowPadding.y * 2});
  ImGui::Begin("##export_progress", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                   ImGuiWindowFlags_NoNav);
  ImGui::PushTextWrapPos(em * 34);
  ImGui::TextUnformatted(progress.c_str());
  const bool cancel = ImGui::Button(_("Cancel"));
  RecordWidget("export.cancel");
  ImGui::PopTextWrapPos();
  ImGui::End();
  return cancel;
}

}  // namespace jb
