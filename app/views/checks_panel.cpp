#include "app/views/checks_panel.h"

#include <imgui.h>

#include <ctime>

#include "app/platform/i18n.h"
#include "app/views/canvas.h"
#include "app/views/layout_dump.h"
#include "app/views/side_panel.h"
#include "core/model/clock.h"
#include "core/model/links.h"

namespace jb {

namespace {

// Each kind's heading, in CheckKind order; "%d" is how many the map has.
const char* const kKindHeadings[kCheckKindCount] = {
    N_("Pains with no solution (%d)"),
    N_("Solutions with no action item (%d)"),
    N_("Action items with no owner (%d)"),
    N_("Action items with no due date (%d)"),
    N_("Overdue action items (%d)"),
    N_("Action items that are not concrete (%d)"),
    N_("Stages with no touchpoint (%d)"),
    N_("Emotion low points with no pain (%d)"),
};

constexpr size_t kRowChars = 48;

std::string StageName(const Board& board, StageId id) {
  const Stage* stage = board.FindStage(id);
  return stage ? stage->name : std::string();
}

}  // namespace

void ChecksPanel::Refresh(const Document& document) {
  const int frame = ImGui::GetCurrentContext() ? ImGui::GetFrameCount() : 0;
  if (m_today.empty() || frame - m_todayFrame >= 600 || frame < m_todayFrame) {  // a workshop may cross midnight
    m_todayFrame = frame;
    std::string today = LocalDate(std::time(nullptr));
    if (today != m_today) m_change = UINT64_MAX;
    m_today = std::move(today);
  }
  if (document.ChangeCount() == m_change) return;
  m_change = document.ChangeCount();
  m_topPains = RankPains(document.board());
  if (m_topPains.size() > kTopPainsShown) m_topPains.resize(kTopPainsShown);
  m_entries = MapChecks(document.board(), m_today);
}

void ChecksPanel::GoTo(Document& document, Canvas& canvas, NoteId note, StageId stage) {
  const Board& board = document.board();
  canvas.FinishInteraction(document);
  if (note) {
    canvas.RevealNote(document, note);
  } else if (const int s = board.StageIndex(stage); s >= 0) {
    canvas.FocusStage(s);
  }
}

void ChecksPanel::Show(Document& document, Canvas& canvas, bool* open) {
  if (BeginSidePanel(_("Map checks"), open)) {
    RecordWindow("panel.checks");
    Refresh(document);
    const Board& board = document.board();
    ImGui::TextDisabled("%s", _("Top pains (votes × severity)"));
    if (m_topPains.empty()) ImGui::TextWrapped("%s", _("The map has no pain points yet."));
    for (size_t i = 0; i < m_topPains.size(); ++i) {
      const RankedPain& pain = m_topPains[i];
      const Note* note = board.FindNote(pain.note);
      if (!note) continue;
      ImGui::PushID(int(i));
      const std::string row = Format(_("%d. (%d) %s — %s"), int(i + 1), pain.score, ShortText(note->text, kRowChars).c_str(),
                                     StageName(board, pain.stage).c_str());
      if (SidePanelRow(row)) GoTo(document, canvas, pain.note, pain.stage);
      RecordWidget(("checks.pain." + std::to_string(i)).c_str());
      ImGui::PopID();
    }
    ImGui::Separator();
    if (m_entries.empty()) ImGui::TextWrapped("%s", _("No checks: every pain has a solution, every solution a task, every task an owner and a date."));
    for (int k = 0; k < kCheckKindCount; ++k) {
      int count = 0;
      for (const CheckEntry& entry : m_entries) count += int(entry.kind) == k;
      if (count == 0) continue;
      ImGui::PushID(k);
      const std::string heading = Format(_(kKindHeadings[k]), count);
      const bool shown = ImGui::CollapsingHeader(heading.c_str(), ImGuiTreeNodeFlags_DefaultOpen);
      RecordWidget((std::string("checks.kind.") + CheckKindName(CheckKind(k))).c_str());
      if (shown)
        for (size_t i = 0; i < m_entries.size(); ++i) {
          const CheckEntry& entry = m_entries[i];
          if (int(entry.kind) != k) continue;
          std::string row;
          if (const Note* note = entry.note ? board.FindNote(entry.note) : nullptr) {
            row = Format(_("%s — %s"), ShortText(note->text, kRowChars).c_str(), StageName(board, entry.stage).c_str());
          } else if (const EmotionCurve* curve = board.FindCurve(entry.curve); curve && entry.point < curve->points.size()) {
            const CurvePoint& point = curve->points[entry.point];
            row = Format(_("%s at %+.1f — %s"), ShortText(point.label.empty() ? curve->name : point.label, kRowChars).c_str(),
                         double(point.value), StageName(board, entry.stage).c_str());
          } else {
            row = StageName(board, entry.stage);
          }
          ImGui::PushID(int(i));
          if (SidePanelRow(row)) GoTo(document, canvas, entry.note, entry.stage);
          RecordWidget(("checks.entry." + std::to_string(i)).c_str());
          ImGui::PopID();
        }
      ImGui::PopID();
    }
    canvas.PruneSelection(document);
  }
  ImGui::End();
}

}  // namespace jb
