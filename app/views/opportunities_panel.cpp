// The Opportunities panel (Journey ▸ Opportunities): the scored solutions on a value × effort
// matrix — effort 1..5 across (small on the left), value (customer + business) / 2 up, so quick wins
// sit top left — each a numbered dot that can be dragged to re-score it (one undo step); below, the
// ranked list (priority = (customer + business) / effort, core/insights/insights.h), a click glides
// to the note; then the solutions nobody scored yet, each with a Score button.
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "app/platform/i18n.h"
#include "app/views/canvas.h"
#include "app/views/layout_dump.h"
#include "app/views/panels.h"
#include "app/views/side_panel.h"
#include "core/edit/journey_commands.h"
#include "core/insights/insights.h"
#include "core/model/links.h"

namespace jb {

namespace {

// A scored solution as the matrix draws it.
struct Dot {
  NoteId note;
  int number = 0;  // its place in the ranking, 1 first: drawn in the dot and in the list
  Opportunity score;
  float priority = 0;
  std::string text;   // the note's first words, for the list
  std::string label;  // fewer of them, beside the dot
  bool covered = false;
  ImVec2 centre;  // where it is drawn this frame (screen pixels), off its spot when that is taken
  ImVec2 labelMin, labelMax;
  bool labelShown = false;
};

struct Unscored {
  NoteId note;
  std::string text;
  bool covered = false;
};

// Ranking and texts are redone only when the board changed (Document::ChangeCount); the dots are
// placed again only when that or the matrix's rectangle changed.
struct Cache {
  const Document* document = nullptr;
  uint64_t change = UINT64_MAX;
  std::vector<Dot> dots;  // in rank order
  std::vector<Unscored> unscored;
  bool anyHidden = false;
  ImVec4 placedFor{-1, -1, -1, -1};
  float placedFont = 0;
};
Cache g_cache;
std::string g_dump;  // the panel as last drawn, for --dump-layout

// The drag in progress: the score when the press began, so every frame maps the pointer's whole
// displacement from it (no drift), and whether the pointer has moved enough to be a drag.
struct Drag {
  NoteId note;
  Opportunity start;
  bool moved = false;
};
Drag g_drag;

Cache& Ranking(const Document& document) {
  if (g_cache.document == &document && g_cache.change == document.ChangeCount()) return g_cache;
  const Board& board = document.board();
  g_cache.document = &document;
  g_cache.change = document.ChangeCount();
  g_cache.dots.clear();
  g_cache.unscored.clear();
  g_cache.anyHidden = false;
  g_cache.placedFont = 0;  // place again
  for (const RankedOpportunity& ranked : RankOpportunities(board)) {
    const Note* note = board.FindNote(ranked.note);
    if (!note || !note->opportunity) continue;
    if (InHiddenStageOrLane(board, *note)) {
      g_cache.anyHidden = true;
      continue;
    }
    Dot dot;
    dot.note = note->id;
    dot.number = int(g_cache.dots.size()) + 1;
    dot.score = *note->opportunity;
    dot.priority = ranked.priority;
    dot.text = ShortText(note->text, 40);
    dot.label = ShortText(note->text, 22);
    dot.covered = note->covered;
    g_cache.dots.push_back(std::move(dot));
  }
  for (NoteId id : UnscoredSolutions(board)) {
    const Note* note = board.FindNote(id);
    if (!note) continue;
    if (InHiddenStageOrLane(board, *note)) {
      g_cache.anyHidden = true;
      continue;
    }
    g_cache.unscored.push_back({id, ShortText(note->text, 40), note->covered});
  }
  return g_cache;
}

const char* NoteText(const std::string& text, bool covered) {
  if (covered) return _("(face down)");
  return text.empty() ? _("(empty note)") : text.c_str();
}

// The matrix: effort 1 at x0 .. 5 at x1, value 100 at y0 .. 0 at y1 (screen pixels).
struct Matrix {
  ImVec2 min, max;
  float X(float effort) const { return min.x + (effort - kMinEffort) / float(kMaxEffort - kMinEffort) * (max.x - min.x); }
  float Y(float value) const { return max.y - value / kMaxOpportunityValue * (max.y - min.y); }
  float PixelsPerEffort() const { return (max.x - min.x) / float(kMaxEffort - kMinEffort); }
  float PixelsPerValue() const { return (max.y - min.y) / kMaxOpportunityValue; }
};

bool Overlaps(const ImVec2& aMin, const ImVec2& aMax, const ImVec2& bMin, const ImVec2& bMax) {
  return aMin.x < bMax.x && bMin.x < aMax.x && aMin.y < bMax.y && bMin.y < aMax.y;
}

// Dots on one spot fan out around it (never a pile: each stays a number one can grab); a label goes
// right of its dot, else left, above or below, and is left out (the number stays) where it would
// cover a dot, another label or a quadrant's name.
void Place(Cache& cache, const Matrix& matrix, const ImVec2& areaMin, const ImVec2& areaMax, float radius,
           const ImVec2 (&names)[4][2]) {
  const float gap = radius * 2 + 2;
  for (size_t i = 0; i < cache.dots.size(); ++i) {
    Dot& dot = cache.dots[i];
    const ImVec2 spot{matrix.X(float(dot.score.effort)), matrix.Y(OpportunityValue(dot.score))};
    dot.centre = spot;
    for (int ring = 0; ring <= 4; ++ring) {
      const int count = ring == 0 ? 1 : 6 * ring;
      bool found = false;
      for (int k = 0; k < count && !found; ++k) {
        const float angle = 3.14159265f * 2 * float(k) / float(count) + 3.14159265f / 2;
        ImVec2 at{spot.x + std::cos(angle) * gap * float(ring), spot.y - std::sin(angle) * gap * float(ring)};
        at.x = std::clamp(at.x, areaMin.x + radius, areaMax.x - radius);
        at.y = std::clamp(at.y, areaMin.y + radius, areaMax.y - radius);
        bool free = true;
        for (size_t j = 0; j < i && free; ++j) {
          const float dx = cache.dots[j].centre.x - at.x, dy = cache.dots[j].centre.y - at.y;
          free = dx * dx + dy * dy >= gap * gap * 0.95f;
        }
        if (free) {
          dot.centre = at;
          found = true;
        }
      }
      if (found) break;
    }
  }
  const float pad = 3;
  for (size_t i = 0; i < cache.dots.size(); ++i) {
    Dot& dot = cache.dots[i];
    dot.labelShown = false;
    const ImVec2 size = ImGui::CalcTextSize(NoteText(dot.label, dot.covered));
    const ImVec2 c = dot.centre;
    const ImVec2 candidates[8] = {{c.x + radius + pad, c.y - size.y / 2},
                                  {c.x - radius - pad - size.x, c.y - size.y / 2},
                                  {c.x - size.x / 2, c.y - radius - pad - size.y},
                                  {c.x - size.x / 2, c.y + radius + pad},
                                  {c.x + radius * 0.7f, c.y - radius - pad - size.y},
                                  {c.x + radius * 0.7f, c.y + radius + pad},
                                  {c.x - radius * 0.7f - size.x, c.y - radius - pad - size.y},
                                  {c.x - radius * 0.7f - size.x, c.y + radius + pad}};
    for (const ImVec2& at : candidates) {
      const ImVec2 min{at.x - 2, at.y}, max{at.x + size.x + 2, at.y + size.y};
      bool free = min.x >= areaMin.x && min.y >= areaMin.y && max.x <= areaMax.x && max.y <= areaMax.y;
      for (const Dot& other : cache.dots) {
        if (!free) break;
        const ImVec2 r{radius, radius};
        free = !Overlaps(min, max, {other.centre.x - r.x, other.centre.y - r.y}, {other.centre.x + r.x, other.centre.y + r.y});
      }
      for (size_t j = 0; j < i && free; ++j)
        free = !cache.dots[j].labelShown || !Overlaps(min, max, cache.dots[j].labelMin, cache.dots[j].labelMax);
      for (int q = 0; q < 4 && free; ++q) free = !Overlaps(min, max, names[q][0], names[q][1]);
      if (free) {
        dot.labelMin = min;
        dot.labelMax = max;
        dot.labelShown = true;
        break;
      }
    }
  }
}

void RectJson(std::string& out, const ImVec2& min, const ImVec2& max) {
  char text[64];
  std::snprintf(text, sizeof text, "[%d,%d,%d,%d]", int(min.x), int(min.y), int(max.x), int(max.y));
  out += text;
}

std::string Number(float value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.3g", double(value));
  return text;
}

std::string JsonNumber(float value) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", double(value));
  return text;
}

void ScoreTooltip(const Dot& dot) {
  ImGui::BeginTooltip();
  ImGui::TextUnformatted(NoteText(dot.text, dot.covered));
  ImGui::TextDisabled("%s", Format(_("Customer value %s, business value %s, effort %d: priority %s."),
                                   Number(dot.score.customerValue).c_str(), Number(dot.score.businessValue).c_str(),
                                   dot.score.effort, Number(dot.priority).c_str())
                                .c_str());
  ImGui::EndTooltip();
}

// The matrix with its quadrants, axes and dots; a drag on a dot re-scores it (one gesture, one
// undo step), a click without a drag selects the note. Returns the note to glide to, if any.
NoteId DrawMatrix(Document& document, Canvas& canvas, Cache& cache, Matrix* drawn) {
  const float em = ImGui::GetFontSize();
  const float radius = std::round(em * 0.7f);
  const float tickWidth = ImGui::CalcTextSize("100").x + em * 0.4f;
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float width = std::max(em * 10, ImGui::GetContentRegionAvail().x);
  const float height = std::clamp(width * 0.75f, em * 9, em * 20);
  // The area drawn; the matrix proper is inset by a dot's radius so a dot at 0 or 100 is whole.
  const ImVec2 areaMin{origin.x + tickWidth, origin.y}, areaMax{origin.x + width, origin.y + height};
  Matrix matrix{{areaMin.x + radius + 2, areaMin.y + radius + 2}, {areaMax.x - radius - 2, areaMax.y - radius - 2}};
  *drawn = matrix;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float midX = matrix.X(3), midY = matrix.Y(50);
  // Quadrants: top left the quick wins (green), bottom right the money pits (red).
  const ImU32 tints[4] = {IM_COL32(60, 160, 90, 46), IM_COL32(70, 110, 200, 34), IM_COL32(128, 128, 128, 26),
                          IM_COL32(214, 69, 65, 40)};
  const ImVec2 quads[4][2] = {{areaMin, {midX, midY}},
                              {{midX, areaMin.y}, {areaMax.x, midY}},
                              {{areaMin.x, midY}, {midX, areaMax.y}},
                              {{midX, midY}, areaMax}};
  for (int q = 0; q < 4; ++q) draw->AddRectFilled(quads[q][0], quads[q][1], tints[q]);
  const ImU32 faint = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  draw->AddRect(areaMin, areaMax, ImGui::GetColorU32(ImGuiCol_Border));
  draw->AddLine({midX, areaMin.y}, {midX, areaMax.y}, faint);
  draw->AddLine({areaMin.x, midY}, {areaMax.x, midY}, faint);
  const char* names[4] = {_("Quick wins"), _("Big bets"), _("Fill-ins"), _("Money pits")};
  ImVec2 nameRects[4][2];
  for (int q = 0; q < 4; ++q) {
    const ImVec2 size = ImGui::CalcTextSize(names[q]);
    const bool left = q == 0 || q == 2, top = q < 2;
    const ImVec2 at{left ? areaMin.x + 4 : areaMax.x - 4 - size.x, top ? areaMin.y + 2 : areaMax.y - 2 - size.y};
    draw->AddText(at, faint, names[q]);
    nameRects[q][0] = at;
    nameRects[q][1] = {at.x + size.x, at.y + size.y};
  }
  // Axes: the value's ticks on the left, the effort's under the matrix.
  for (float value : {0.f, 50.f, 100.f}) {
    const std::string text = Number(value);
    const ImVec2 size = ImGui::CalcTextSize(text.c_str());
    draw->AddText({areaMin.x - size.x - em * 0.2f, std::clamp(matrix.Y(value) - size.y / 2, areaMin.y, areaMax.y - size.y)},
                  faint, text.c_str());
  }
  for (int effort = kMinEffort; effort <= kMaxEffort; ++effort) {
    const std::string text = std::to_string(effort);
    const ImVec2 size = ImGui::CalcTextSize(text.c_str());
    draw->AddText({matrix.X(float(effort)) - size.x / 2, areaMax.y + 2}, faint, text.c_str());
  }
  ImGui::Dummy({width, height + ImGui::GetTextLineHeight() + 2});
  const char* axis = _("Effort: 1 small, 5 large");
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + tickWidth + (width - tickWidth - ImGui::CalcTextSize(axis).x) / 2);
  ImGui::TextDisabled("%s", axis);
  const ImVec2 after = ImGui::GetCursorScreenPos();

  const ImVec4 key{areaMin.x, areaMin.y, areaMax.x, areaMax.y};
  if (cache.placedFont != em || key.x != cache.placedFor.x || key.y != cache.placedFor.y || key.z != cache.placedFor.z ||
      key.w != cache.placedFor.w) {
    Place(cache, matrix, areaMin, areaMax, radius, nameRects);
    cache.placedFor = key;
    cache.placedFont = em;
  }

  NoteId go;
  const std::vector<NoteId>& selection = canvas.selection();
  const ImU32 fill = IM_COL32(59, 111, 216, 255), ring = ImGui::GetColorU32(ImGuiCol_Text);
  for (const Dot& dot : cache.dots) {
    const ImVec2 c = dot.centre;
    if (dot.labelShown) {
      draw->AddRectFilled(dot.labelMin, dot.labelMax, ImGui::GetColorU32(ImGuiCol_WindowBg, 0.8f), 3);
      draw->AddText({dot.labelMin.x + 2, dot.labelMin.y}, ImGui::GetColorU32(ImGuiCol_Text), NoteText(dot.label, dot.covered));
    }
    const bool selected = std::find(selection.begin(), selection.end(), dot.note) != selection.end();
    draw->AddCircleFilled(c, radius, fill);
    draw->AddCircle(c, radius, selected ? ring : IM_COL32(255, 255, 255, 255), 20, selected ? 3.f : 1.5f);
    const std::string number = std::to_string(dot.number);
    const ImVec2 size = ImGui::CalcTextSize(number.c_str());
    draw->AddText({c.x - size.x / 2, c.y - size.y / 2}, IM_COL32(255, 255, 255, 255), number.c_str());
  }
  // The dots' buttons, after the drawing: a button sits over its dot wherever it was placed.
  Opportunity target;
  for (const Dot& dot : cache.dots) {
    ImGui::PushID(int(dot.note.value));
    ImGui::SetCursorScreenPos({dot.centre.x - radius, dot.centre.y - radius});
    ImGui::InvisibleButton("dot", {radius * 2, radius * 2});
    if (ImGui::IsItemActivated()) g_drag = {dot.note, dot.score, false};
    // Esc while dragging puts the dot back, as on the canvas; the press then does nothing more.
    if (ImGui::IsItemActive() && g_drag.note == dot.note && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) {
      if (document.GestureOwner() == GImGui->LastItemData.ID) document.CancelGesture();
      g_drag = Drag{};
      ImGui::ClearActiveID();
    }
    bool changed = false;
    if (ImGui::IsItemActive() && g_drag.note == dot.note) {
      const ImVec2 delta = ImGui::GetMouseDragDelta(ImGuiMouseButton_Left);
      g_drag.moved = g_drag.moved || ImGui::IsMouseDragging(ImGuiMouseButton_Left);
      if (g_drag.moved) {
        target = RescoreOpportunity(g_drag.start, float(g_drag.start.effort) + delta.x / matrix.PixelsPerEffort(),
                                    OpportunityValue(g_drag.start) - delta.y / matrix.PixelsPerValue());
        changed = !(target == dot.score);
      }
    }
    const NoteId id = dot.note;
    TrackFieldEdit(document, changed, N_("Re-score opportunity"), [id, target](const Board& start) {
      return SetNoteOpportunity(start, id, target);
    });
    if (ImGui::IsItemDeactivated() && g_drag.note == dot.note && !g_drag.moved) go = dot.note;
    RecordWidget(("opportunities.dot." + std::to_string(dot.note.value)).c_str());
    if (ImGui::IsItemActive()) {
      ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeAll);
    } else if (ImGui::IsItemHovered()) {  // last: the tooltip is a window of its own
      ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
      ScoreTooltip(dot);
    }
    ImGui::PopID();
  }
  ImGui::SetCursorScreenPos(after);
  return go;
}

}  // namespace

const std::string& OpportunitiesPanelDump() { return g_dump; }

void ShowOpportunitiesPanel(Document& document, Canvas& canvas, bool* open) {
  g_dump.clear();
  if (BeginSidePanel(_("Opportunities"), open)) {
    RecordWindow("panel.opportunities");
    const bool recording = LayoutRecording();
    Cache& cache = Ranking(document);
    std::string out;
    if (cache.dots.empty()) {
      const char* hint = cache.unscored.empty()
                             ? _("No solution is scored yet: select a note in a Solutions lane and give it a value "
                                 "and an effort in the Inspector (Ctrl+I).")
                             : _("No solution is scored yet: press Score below, or select a note in a Solutions lane "
                                 "and give it a value and an effort in the Inspector (Ctrl+I).");
      ImGui::TextWrapped("%s", hint);
      if (recording) out = std::string("{\"hint\":\"") + hint + "\",";  // no quotes in either language
    } else {
      SidePanelRemark(_("Drag a dot to re-score it: sideways sets the effort, up or down both values."));
    }
    if (recording && out.empty()) out = "{";
    SidePanelRemark(_("Value: (customer + business) / 2"));
    Matrix matrix;
    NoteId go = DrawMatrix(document, canvas, cache, &matrix);
    if (recording) {
      out += "\"matrix\":";
      RectJson(out, matrix.min, matrix.max);
      out += ",\"dots\":[";
      for (size_t i = 0; i < cache.dots.size(); ++i) {
        const Dot& dot = cache.dots[i];
        out += (i ? ",{\"note\":" : "{\"note\":") + std::to_string(dot.note.value) +
               ",\"number\":" + std::to_string(dot.number) + ",\"center\":[" + std::to_string(int(dot.centre.x)) +
               "," + std::to_string(int(dot.centre.y)) + "],\"effort\":" + std::to_string(dot.score.effort) +
               ",\"value\":" + JsonNumber(OpportunityValue(dot.score));
        if (dot.labelShown) {
          out += ",\"label\":";
          RectJson(out, dot.labelMin, dot.labelMax);
        }
        out += "}";
      }
      out += "],\"ranked\":[";
    }

    if (!cache.dots.empty()) {
      ImGui::Separator();
      SidePanelRemark(_("Priority: (customer + business) / effort"));
      const std::vector<NoteId>& selection = canvas.selection();
      if (ImGui::BeginTable("ranked", 3, ImGuiTableFlags_SizingFixedFit)) {
        ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn("text", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("priority", ImGuiTableColumnFlags_WidthFixed);
        for (size_t i = 0; i < cache.dots.size(); ++i) {
          const Dot& dot = cache.dots[i];
          ImGui::PushID(int(dot.note.value));
          ImGui::TableNextRow();
          ImGui::TableNextColumn();
          const bool selected = std::find(selection.begin(), selection.end(), dot.note) != selection.end();
          const std::string number = std::to_string(dot.number);
          if (ImGui::Selectable(number.c_str(), selected, ImGuiSelectableFlags_SpanAllColumns)) go = dot.note;
          if (ImGui::IsItemHovered()) ScoreTooltip(dot);
          const ImVec2 rowMin = ImGui::GetItemRectMin(), rowMax = ImGui::GetItemRectMax();
          ImGui::TableNextColumn();
          ImGui::TextUnformatted(NoteText(dot.text, dot.covered));
          ImGui::TableNextColumn();
          ImGui::TextUnformatted(Number(dot.priority).c_str());
          if (recording) {
            out += (i ? ",{\"note\":" : "{\"note\":") + std::to_string(dot.note.value) +
                   ",\"priority\":" + JsonNumber(dot.priority) + ",\"row\":";
            RectJson(out, rowMin, rowMax);
            out += "}";
          }
          ImGui::PopID();
        }
        ImGui::EndTable();
      }
    }
    if (recording) out += "],\"unscored\":[";

    if (!cache.unscored.empty()) {
      ImGui::Separator();
      ImGui::TextDisabled("%s", _("Not scored yet"));
      const char* score = _("Score");
      NoteId scoreNow;
      for (size_t i = 0; i < cache.unscored.size(); ++i) {
        const Unscored& item = cache.unscored[i];
        ImGui::PushID(int(item.note.value));
        const float right = ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x;
        if (ImGui::Button(score)) scoreNow = item.note;
        RecordWidget(("opportunities.score." + std::to_string(item.note.value)).c_str());
        ImGui::SameLine();
        ImGui::PushTextWrapPos(right);
        ImGui::TextUnformatted(NoteText(item.text, item.covered));
        ImGui::PopTextWrapPos();
        if (recording) out += (i ? "," : "") + std::to_string(item.note.value);
        ImGui::PopID();
      }
      // A solution scored lands in the middle of the matrix: 50, 50, effort 3.
      if (scoreNow.IsValid())
        document.Apply(SetNoteOpportunity(document.board(), scoreNow, Opportunity{}), N_("Score opportunity"));
    }
    if (cache.anyHidden) {
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
