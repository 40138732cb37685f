// Side panels: docked to the right edge, full height below the menu bar, stacked top to bottom
// when several are open, one width for all (dragged at their left edge). ImGui 1.86 has no
// docking, so each is a fixed window placed every frame; the canvas is given what is left, so a
// panel never covers the board.
//
// Each frame the App calls StartSidePanels with the column and how many panels are open, then
// each panel draws between BeginSidePanel and ImGui::End (always called, like ImGui::Begin).
#pragma once
#include <string>
#include <vector>

#include "core/layout/camera.h"

namespace jb {

// `column`: the side panels' rectangle (window pixels); `count`: how many BeginSidePanel follow.
void StartSidePanels(const Rect& column, int count);
// The rectangle of the next side panel (as BeginSidePanel will place it).
Rect SidePanelRect();
// Places the next panel of the column and begins its window (title bar with a close button, no
// move, no resize). Returns what ImGui::Begin returns; call ImGui::End either way.
bool BeginSidePanel(const char* name, bool* open);
// A faint remark that wraps to the panel's width (Russian is longer than English).
void SidePanelRemark(const char* text);
// A row one can click (to go to a note, say), its text wrapped to the panel's width over as many
// lines as it takes, so no row is cut at the panel's edge. True when clicked.
bool SidePanelRow(const std::string& text);
// The splitter at the column's left edge: returns true while it is dragged, with *width changed
// (within [minWidth, maxWidth]).
bool SidePanelSplitter(const Rect& column, float* width, float minWidth, float maxWidth);

struct SidePanelInfo {
  std::string name;
  Rect rect;
};
// The panels drawn this frame (layout dump); cleared by StartSidePanels.
const std::vector<SidePanelInfo>& SidePanelsShown();

}  // namespace jb
