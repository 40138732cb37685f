#include "app/views/find_bar.h"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdio>

#include "app/platform/i18n.h"
#include "app/views/canvas.h"
#include "app/views/layout_dump.h"
#include "core/layout/search.h"

namespace jb {

namespace {
constexpr float kTopEms = 0.5f;  // the bar's gap from the top of the work area, in font heights
}  // namespace

Rect RevealRect(const Rect& note, Vec2 view, float zoom) {
  constexpr float kReadableZoom = 0.75f;  // a medium note is then about 130 px wide
  constexpr float kMarginPx = 32;         // Canvas::ShowRect's margin on each side
  const float availW = std::max(view.x - 2 * kMarginPx, 1.0f), availH = std::max(view.y - 2 * kMarginPx, 1.0f);
  float z = std::max(zoom, kReadableZoom);
  z = std::min({z, availW / std::max(note.Width(), 1.0f), availH / std::max(note.Height(), 1.0f)});
  const float cx = (note.x0 + note.x1) * 0.5f, cy = (note.y0 + note.y1) * 0.5f;
  const float hw = availW / z * 0.5f, hh = availH / z * 0.5f;
  return {cx - hw, cy - hh, cx + hw, cy + hh};
}

void FindBar::Search(const Document& document, Canvas& canvas) {
  if (m_query == m_searched && document.ChangeCount() == m_searchedChange) return;
  const NoteId was = m_current >= 0 ? m_matches[size_t(m_current)] : NoteId();
  const bool sameQuery = m_query == m_searched;
  m_matches = FindNotes(document.board(), m_query, &m_folds);
  m_searched = m_query;
  m_searchedChange = document.ChangeCount();
  // The board changed under the same query: stay on the same note while it still matches.
  m_current = -1;
  if (sameQuery && was)
    for (size_t i = 0; i < m_matches.size(); ++i)
      if (m_matches[i] == was) m_current = int(i);
  canvas.found.clear();
  for (NoteId id : m_matches) canvas.found.insert(id.value);
  canvas.foundCurrent = m_current >= 0 ? m_matches[size_t(m_current)] : NoteId();
  UpdateCount();
}

void FindBar::UpdateCount() {
  const int n = int(m_matches.size());
  char count[48] = "";
  if (FoldForSearch(m_searched).empty())
    count[0] = 0;
  else if (n == 0)
    std::snprintf(count, sizeof count, "%s", _("No matches"));
  else if (m_current < 0)
    std::snprintf(count, sizeof count, TrPlural("%d match", "%d matches", n), n);
  else
    std::snprintf(count, sizeof count, _("%d of %d"), m_current + 1, n);
  m_count = count;
}

void FindBar::Step(Document& document, Canvas& canvas, int step) {
  Search(document, canvas);
  if (m_matches.empty()) return;
  const int n = int(m_matches.size());
  m_current = m_current < 0 ? (step > 0 ? 0 : n - 1) : (m_current + step + n) % n;
  const NoteId id = m_matches[size_t(m_current)];
  canvas.foundCurrent = id;
  UpdateCount();
  canvas.RevealNote(document, id);
}

void FindBar::Close(Canvas& canvas) {
  m_open = false;
  m_focus = false;
  m_matches.clear();
  m_current = -1;
  m_count.clear();
  m_searched.clear();
  m_searchedChange = UINT64_MAX;
  m_folds = NoteFoldCache();
  canvas.found.clear();
  canvas.foundCurrent = NoteId();
}

float FindBar::Reach() const {
  if (!m_open) return 0;
  const ImGuiStyle& style = ImGui::GetStyle();
  return ImGui::GetFontSize() * kTopEms + style.WindowPadding.y * 2 + style.WindowBorderSize * 2 +
         ImGui::GetFrameHeight();
}

void FindBar::Show(Document& document, Canvas& canvas) {
  if (!m_open) return;
  const float em = ImGui::GetFontSize();
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos({viewport->WorkPos.x + viewport->WorkSize.x * 0.5f, viewport->WorkPos.y + em * kTopEms},
                          ImGuiCond_Always, {0.5f, 0});
  if (m_focus) ImGui::SetNextWindowFocus();
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize |
                                 ImGuiWindowFlags_NoFocusOnAppearing;
  if (!ImGui::Begin(_("Find"), nullptr, flags)) {
    ImGui::End();
    return;
  }
  RecordWindow("find.bar");
  if (m_focus) ImGui::SetKeyboardFocusHere();
  m_focus = false;
  ImGui::SetNextItemWidth(em * 18);
  const bool enter = ImGui::InputTextWithHint("##find", _("Find notes"), &m_query, ImGuiInputTextFlags_EnterReturnsTrue);
  RecordWidget("find.field");
  if (enter) ImGui::SetKeyboardFocusHere(-1);  // Enter leaves an ImGui field: back into it at once, no key lost
  const bool escape =
      (ImGui::IsItemActive() || ImGui::IsWindowFocused()) && ImGui::IsKeyPressed(GLFW_KEY_ESCAPE, false);
  Search(document, canvas);
  if (enter) {
    Step(document, canvas, ImGui::GetIO().KeyShift ? -1 : 1);
  }

  ImGui::SameLine();
  ImGui::TextUnformatted(m_count.empty() ? " " : m_count.c_str());
  // Buttons for a touch screen: previous, next, close.
  ImGui::SameLine();
  if (ImGui::Button("\xE2\x86\x91")) Step(document, canvas, -1);  // ↑
  RecordWidget("find.previous");
  ImGui::SameLine();
  if (ImGui::Button("\xE2\x86\x93")) Step(document, canvas, 1);  // ↓
  RecordWidget("find.next");
  ImGui::SameLine();
  const bool closeClicked = ImGui::Button("\xC3\x97");  // ×
  RecordWidget("find.close");
  ImGui::End();
  if (escape || closeClicked) Close(canvas);
}

}  // namespace jb
