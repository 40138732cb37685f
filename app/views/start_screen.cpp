#include "app/views/start_screen.h"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <filesystem>

#include <sys/stat.h>

#include "app/platform/fonts.h"
#include "app/platform/i18n.h"
#include "app/views/layout_dump.h"
#include "core/model/clock.h"

namespace fs = std::filesystem;

namespace jb {

namespace {

// What each template is for, one line under its picture.
const char* Purpose(Template which) {
  switch (which) {
    case Template::Classic: return N_("Five stages from awareness to after the purchase, with all eight lanes.");
    case Template::FiveStage: return N_("A Russian board: five stages from search to loyalty, six lanes.");
    case Template::Blank: return N_("Three stages and two lanes to rename: for a method of your own.");
    case Template::Sample: return N_("A filled map of a real journey: see how notes, curves and personas fit.");
  }
  return "";
}

// The card's name in the interface's language (core's TemplateInfo::title is the English one of
// the command line and menus of old).
const char* CardName(const TemplateInfo& info) {
  switch (info.id) {
    case Template::Classic: return N_("Classic: 5 stages, 8 lanes");
    case Template::FiveStage: return info.title;  // a Russian board's own name
    case Template::Blank: return N_("Blank: 3 stages");
    case Template::Sample: return N_("Example");
  }
  return info.title;
}

bool Key(int key) { return ImGui::IsKeyPressed(key, false); }

Rect ItemRect() {
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  return {a.x, a.y, b.x, b.y};
}

}  // namespace

bool TemplateGallery::Show(bool example, int columns, GpuRenderer& renderer, const Fonts& fonts, Template* chosen,
                           NamedRects* rects) {
  const float em = ImGui::GetFontSize();
  const ImGuiStyle& style = ImGui::GetStyle();
  const float gap = em;
  const float cardW = std::max(em * 8, (ImGui::GetContentRegionAvail().x - gap * (columns - 1)) / columns);
  const float pictureH = std::round(cardW * 0.56f);
  const float textH = ImGui::GetTextLineHeightWithSpacing() * 3.6f;
  bool clicked = false;
  int shown = 0;
  for (const TemplateInfo& info : Templates()) {
    if (info.id == Template::Sample && !example) continue;
    const int slot = int(info.id);
    if (!m_drawn[slot]) {  // once: the picture is a texture from then on
      m_drawn[slot] = true;
      m_pictures[slot].Render(MakeBoard(info.id), int(cardW), int(pictureH), renderer, fonts);
    }
    if (shown % columns) ImGui::SameLine(0, gap);
    ++shown;
    ImGui::PushID(info.key);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const bool pressed = ImGui::InvisibleButton("card", {cardW, pictureH + textH});
    const bool hovered = ImGui::IsItemHovered();
    const Rect card = ItemRect();
    if (rects) rects->emplace_back(info.key, card);
    ImDrawList& dl = *ImGui::GetWindowDrawList();
    const ImVec2 end{at.x + cardW, at.y + pictureH + textH};
    // Hover lights the card with the field's tint and a thick border: a button's strong fill left
    // the purpose line, in the faint text colour, unreadable on it.
    dl.AddRectFilled(at, end, ImGui::GetColorU32(hovered ? ImGuiCol_FrameBgHovered : ImGuiCol_FrameBg), style.FrameRounding);
    if (m_pictures[slot].Ready())
      dl.AddImage(m_pictures[slot].Texture(), at, {at.x + cardW, at.y + pictureH}, {0, 1}, {1, 0});
    dl.AddRect(at, end, ImGui::GetColorU32(hovered ? ImGuiCol_ButtonActive : ImGuiCol_Border), style.FrameRounding, 0,
               hovered ? 3.0f : 1.0f);
    const float pad = em * 0.5f;
    const ImVec2 nameAt{at.x + pad, at.y + pictureH + pad * 0.6f};
    dl.AddText(fonts.Ui(), em * 1.15f, nameAt, ImGui::GetColorU32(ImGuiCol_Text), _(CardName(info)));
    dl.AddText(fonts.Ui(), em, {nameAt.x, nameAt.y + em * 1.4f}, ImGui::GetColorU32(ImGuiCol_TextDisabled),
               _(Purpose(info.id)), nullptr, cardW - pad * 2);
    ImGui::PopID();
    if (pressed) {
      *chosen = info.id;
      clicked = true;
    }
  }
  return clicked;
}

StartAnswer StartScreen::Show(const std::vector<std::string>& recent, TemplateGallery& gallery, GpuRenderer& renderer,
                              const Fonts& fonts) {
  StartAnswer answer;
  m_templateRects.clear();
  m_recentRects.clear();
  if (m_requested) {
    ImGui::OpenPopup("##start");
    m_requested = false;
  }
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  const float margin = std::min(viewport->WorkSize.x, viewport->WorkSize.y) * 0.03f;
  ImGui::SetNextWindowPos({viewport->WorkPos.x + margin, viewport->WorkPos.y + margin});
  ImGui::SetNextWindowSize({viewport->WorkSize.x - margin * 2, viewport->WorkSize.y - margin * 2});
  m_open = ImGui::BeginPopupModal("##start", nullptr,
                                  ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove);
  if (!m_open) return answer;
  const float em = ImGui::GetFontSize();
  RecordDialog("Start", _("Start a new board from a template, or open one you worked on."));
  ImGui::SetWindowFontScale(1.4f);
  ImGui::TextUnformatted(_("Journeyboard"));
  ImGui::SetWindowFontScale(1.0f);
  ImGui::TextDisabled("%s", _("Start a new board from a template, or open one you worked on."));
  ImGui::Spacing();
  ImGui::TextUnformatted(_("New board"));
  ImGui::Separator();
  const int columns = ImGui::GetContentRegionAvail().x > em * 40 ? 4 : 2;
  Template chosen = Template::Blank;
  if (gallery.Show(/*example=*/true, columns, renderer, fonts, &chosen, &m_templateRects)) {
    answer.action = StartAction::NewBoard;
    answer.chosen = chosen;
  }
  for (const auto& [key, rect] : m_templateRects) RecordRect((std::string("start.") + key).c_str(), rect.x0, rect.y0, rect.x1, rect.y1);
  ImGui::Spacing();
  ImGui::TextUnformatted(_("Recent boards"));
  ImGui::Separator();
  const float buttonsH = ImGui::GetFrameHeightWithSpacing() * 1.6f;
  ImGui::BeginChild("recent", {0, std::max(em * 3, ImGui::GetContentRegionAvail().y - buttonsH)});
  if (recent.empty()) ImGui::TextDisabled("%s", _("No boards yet: the boards you open or save show here."));
  for (const std::string& path : recent) {
    ImGui::PushID(path.c_str());
    const fs::path file(path);
    std::string when;
    struct stat info {};
    if (::stat(path.c_str(), &info) == 0) {
      const std::time_t modified = info.st_mtime;
      when = LocalDate(modified) + " " + LocalClockTime(modified).substr(0, 5);
    }
    const float rowH = ImGui::GetTextLineHeightWithSpacing() * 2.4f;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float rowW = ImGui::GetContentRegionAvail().x;
    const bool pressed = ImGui::Selectable("##row", false, 0, {rowW, rowH});
    const Rect row = ItemRect();
    m_recentRects.emplace_back(path, row);
    ImDrawList& dl = *ImGui::GetWindowDrawList();
    const float pad = em * 0.4f;
    dl.AddText(fonts.Ui(), em * 1.1f, {at.x + pad, at.y + pad}, ImGui::GetColorU32(ImGuiCol_Text),
               file.filename().string().c_str());
    char line[1024];
    if (when.empty()) std::snprintf(line, sizeof line, _("%s — not found"), file.parent_path().string().c_str());
    else std::snprintf(line, sizeof line, _("%s — changed %s"), file.parent_path().string().c_str(), when.c_str());
    dl.AddText({at.x + pad, at.y + pad + em * 1.3f}, ImGui::GetColorU32(ImGuiCol_TextDisabled), line);
    if (pressed) {
      answer.action = StartAction::OpenRecent;
      answer.path = path;
    }
    ImGui::PopID();
  }
  ImGui::EndChild();
  const ImVec2 button{em * 12, ImGui::GetFrameHeight() * 1.4f};
  if (ImGui::Button(_("Open another board..."), button)) answer.action = StartAction::OpenOther;
  RecordWidget("start.open");
  ImGui::SameLine();
  if (ImGui::Button(_("Close"), button) || Key(GLFW_KEY_ESCAPE)) answer.action = StartAction::Close;
  RecordWidget("start.close");
  if (answer.action != StartAction::None) {
    ImGui::CloseCurrentPopup();
    m_open = false;
  }
  ImGui::EndPopup();
  return answer;
}

bool TitleQuestion::Show(std::string* title) {
  const char* name = _("Board title");
  if (m_requested) {
    ImGui::OpenPopup("##board title");
    m_requested = false;
    m_focus = true;
  }
  if (!ImGui::BeginPopupModal("##board title", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar))
    return false;
  const float em = ImGui::GetFontSize();
  RecordDialog("Board title", m_title);
  ImGui::TextUnformatted(name);
  ImGui::TextDisabled("%s", _("What is this board about? It heads the board and every snapshot."));
  ImGui::SetNextItemWidth(em * 28);
  if (m_focus) {
    ImGui::SetKeyboardFocusHere();
    m_focus = false;
  }
  const bool enter = ImGui::InputText("##title", &m_title, ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll);
  RecordWidget("title.field");
  bool accepted = enter;
  bool skipped = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);
  ImGui::Spacing();
  if (ImGui::Button(_("OK"), {em * 8, 0})) accepted = true;
  RecordWidget("title.ok");
  ImGui::SameLine();
  if (ImGui::Button(_("Skip"), {em * 8, 0})) skipped = true;
  RecordWidget("title.skip");
  if (accepted || skipped) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
  if (!accepted || skipped) return false;
  *title = m_title;
  return true;
}

}  // namespace jb
