// The Metrics panel (Journey ▸ Metrics): per stage, in board order, the touchpoints that carry any
// metric as small bar charts — conversion, CSI and retention from the left, NPS from a centre line —
// the weakest touchpoint first (core/model/touchpoint_metrics.h: the lowest of its metrics as a
// share of its scale). A click on a row or a bar selects the note and glides the camera to it.
#include <imgui.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "app/platform/i18n.h"
#include "app/views/canvas.h"
#include "app/views/layout_dump.h"
#include "app/views/panels.h"
#include "app/views/side_panel.h"
#include "core/model/links.h"
#include "core/model/touchpoint_metrics.h"

namespace jb {

namespace {

// The ranking is redone only when the board changed (Document::ChangeCount), not every frame.
struct RankingCache {
  const Document* document = nullptr;
  uint64_t change = UINT64_MAX;
  std::vector<StageTouchpoints> stages;
  size_t touchpoints = 0;
  bool anyHidden = false;
};
RankingCache g_ranking;
std::string g_dump;  // the panel as last drawn, for --dump-layout

const RankingCache& Ranking(const Document& document) {
  if (g_ranking.document == &document && g_ranking.change == document.ChangeCount()) return g_ranking;
  const Board& board = document.board();
  g_ranking.document = &document;
  g_ranking.change = document.ChangeCount();
  g_ranking.stages = TouchpointsByStage(board, false);
  g_ranking.touchpoints = 0;
  for (const StageTouchpoints& stage : g_ranking.stages) g_ranking.touchpoints += stage.notes.size();
  g_ranking.anyHidden = std::any_of(board.stages.begin(), board.stages.end(), [](const Stage& s) { return s.hidden; }) ||
                        std::any_of(board.lanes.begin(), board.lanes.end(), [](const Lane& l) { return l.hidden; });
  return g_ranking;
}

struct MetricRow {
  const char* key;    // its name in the layout dump
  const char* label;  // N_: translated where shown
  std::optional<float> NoteMetrics::*field;
  bool centred;       // NPS: -100..100 drawn from a centre line
  bool percent;       // shown with "%" (CSI is an index, NPS a score)
};
constexpr MetricRow kRows[] = {{"conversion", N_("Conversion"), &NoteMetrics::conversion, false, true},
                               {"csi", N_("CSI"), &NoteMetrics::csi, false, false},
                               {"nps", N_("NPS"), &NoteMetrics::nps, true, false},
                               {"retention", N_("Retention"), &NoteMetrics::retention, false, true}};

// Weak figures red, middling amber, good ones green: the eye finds the drop before the number.
ImU32 ShareColour(float share) {
  if (share < 0.34f) return IM_COL32(214, 69, 65, 255);
  if (share < 0.67f) return IM_COL32(230, 160, 40, 255);
  return IM_COL32(60, 160, 90, 255);
}

void RectJson(std::string& out, const ImVec2& min, const ImVec2& max) {
  char text[64];
  std::snprintf(text, sizeof text, "[%d,%d,%d,%d]", int(min.x), int(min.y), int(max.x), int(max.y));
  out += text;
}

// One metric's bar: a track the panel's width, the value filled from the left (or from the
// centre for NPS), its number beside it. True when clicked; `rect` is the bar's and `fill` what
// is filled of it (window pixels).
bool MetricBar(const MetricRow& row, float value, float labelWidth, ImVec2 rect[2], ImVec2 fill[2]) {
  const float em = ImGui::GetFontSize();
  const float start = ImGui::GetCursorPosX();  // the row's left edge, indent included
  ImGui::TextUnformatted(_(row.label));
  ImGui::SameLine(start + labelWidth);
  const float numberWidth = em * 3.2f;
  const float width = std::max(em * 3, ImGui::GetContentRegionAvail().x - numberWidth);
  const float height = ImGui::GetTextLineHeight();
  const bool clicked = ImGui::InvisibleButton(row.key, {width, height});
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float pad = height * 0.2f;
  const ImVec2 trackMin{min.x, min.y + pad}, trackMax{max.x, max.y - pad};
  draw->AddRectFilled(trackMin, trackMax, ImGui::GetColorU32(ImGuiCol_FrameBg), 2);
  ImVec2 fillMin = trackMin, fillMax = trackMax;
  float share = 0;
  if (row.centred) {
    share = NormalisedNps(value);
    const float centre = (trackMin.x + trackMax.x) * 0.5f;
    const float end = trackMin.x + (trackMax.x - trackMin.x) * share;
    fillMin.x = std::min(centre, end);
    fillMax.x = std::max(centre, end);
  } else {
    share = NormalisedConversion(value);
    fillMax.x = trackMin.x + (trackMax.x - trackMin.x) * share;
  }
  if (fillMax.x > fillMin.x) draw->AddRectFilled(fillMin, fillMax, ShareColour(share), 2);
  if (row.centred) {
    const float centre = (trackMin.x + trackMax.x) * 0.5f;
    draw->AddLine({centre, min.y}, {centre, max.y}, ImGui::GetColorU32(ImGuiCol_Text), 1);
  }
  if (ImGui::IsItemHovered()) {
    draw->AddRect(trackMin, trackMax, ImGui::GetColorU32(ImGuiCol_ButtonHovered), 2);
    ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
  }
  ImGui::SameLine();
  char number[32];
  if (row.centred)
    std::snprintf(number, sizeof number, "%+.0f", double(value));
  else if (row.percent)
    std::snprintf(number, sizeof number, "%.3g %%", double(value));
  else
    std::snprintf(number, sizeof number, "%.3g", double(value));
  ImGui::TextUnformatted(number);
  rect[0] = min;
  rect[1] = max;
  fill[0] = fillMin;
  fill[1] = {std::max(fillMin.x, fillMax.x), fillMax.y};
  return clicked;
}

}  // namespace

const std::string& MetricsPanelDump() { return g_dump; }

void ShowMetricsPanel(Document& document, Canvas& canvas, bool* open) {
  g_dump.clear();
  if (BeginSidePanel(_("Metrics"), open)) {
    RecordWindow("panel.metrics");
    const bool recording = LayoutRecording();
    // Built only while a layout dump is written: an ordinary frame allocates nothing for it.
    std::string out;
    if (recording) out = "{\"stages\":[";
    const RankingCache& ranking = Ranking(document);
    const Board& board = document.board();
    if (ranking.touchpoints == 0) {
      const char* hint = _("No touchpoint has metrics yet. Select a note in a Touchpoints lane and fill in its "
                           "conversion, CSI, NPS or retention in the Inspector (Ctrl+I).");
      ImGui::TextWrapped("%s", hint);
      if (recording) out = std::string("{\"hint\":\"") + hint + "\",\"stages\":[";  // no quotes in either language
    } else {
      SidePanelRemark(_("Weakest touchpoint of each stage first."));
    }
    const float em = ImGui::GetFontSize();
    float labelWidth = 0;
    for (const MetricRow& row : kRows) labelWidth = std::max(labelWidth, ImGui::CalcTextSize(_(row.label)).x);
    labelWidth += em * 0.8f;
    NoteId go;
    bool firstStage = true;
    for (const StageTouchpoints& stage : ranking.stages) {
      const Stage* s = board.FindStage(stage.stage);
      if (!s || stage.notes.empty()) continue;  // a stage with no measured touchpoint has nothing to chart
      ImGui::Separator();
      ImGui::TextUnformatted(s->name.c_str());
      if (recording) {
        out += (firstStage ? "" : ",") + std::string("{\"stage\":") + std::to_string(stage.stage.value) + ",\"touchpoints\":[";
        firstStage = false;
      }
      ImGui::Indent(em * 0.5f);
      for (size_t i = 0; i < stage.notes.size(); ++i) {
        const Note* note = board.FindNote(stage.notes[i]);
        if (!note) continue;
        ImGui::PushID(int(note->id.value));
        const bool weakest = i == 0;
        std::string text = note->covered ? _("(face down)") : ShortText(note->text, 48);
        if (text.empty()) text = _("(empty note)");
        const std::vector<NoteId>& selection = canvas.selection();
        const bool selected = std::find(selection.begin(), selection.end(), note->id) != selection.end();
        if (weakest && stage.notes.size() > 1) ImGui::PushStyleColor(ImGuiCol_Text, ShareColour(0));
        if (ImGui::Selectable(text.c_str(), selected)) go = note->id;
        if (weakest && stage.notes.size() > 1) ImGui::PopStyleColor();
        if (weakest && stage.notes.size() > 1 && ImGui::IsItemHovered())
          ImGui::SetTooltip("%s", _("The weakest touchpoint of this stage."));
        if (recording) {
          out += (i ? "," : "") + std::string("{\"note\":") + std::to_string(note->id.value) +
                 ",\"weakest\":" + (weakest ? "true" : "false") + ",\"row\":";
          RectJson(out, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
          out += ",\"bars\":{";
        }
        std::string fills;
        bool firstBar = true;
        for (const MetricRow& row : kRows) {
          const std::optional<float>& value = note->metrics.*row.field;
          if (!value) continue;
          ImVec2 rect[2], fill[2];
          if (MetricBar(row, *value, labelWidth, rect, fill)) go = note->id;
          if (recording) {
            const std::string key = (firstBar ? "\"" : ",\"") + std::string(row.key) + "\":";
            out += key;
            RectJson(out, rect[0], rect[1]);
            fills += key;
            RectJson(fills, fill[0], fill[1]);
            firstBar = false;
          }
        }
        if (recording) out += "},\"fills\":{" + fills + "}}";
        ImGui::PopID();
      }
      ImGui::Unindent(em * 0.5f);
      if (recording) out += "]}";
    }
    if (ranking.anyHidden) {
      ImGui::Separator();
      SidePanelRemark(_("Stages and lanes hidden for the room are left out."));
    }
    if (go.IsValid()) canvas.RevealNote(document, go);
    if (recording) {
      out += "]}";
      g_dump = std::move(out);
    }
  }
  ImGui::End();
}

}  // namespace jb
