// --dump-layout: the on-screen rectangles of everything on the board, as JSON, so GUI tests and
// tools can aim real mouse input. Its shape is a contract; add keys, never rename them:
// {"window":[w,h],"stages":[{"id","name","rect"}],"lanes":[{"id","name","kind","rect"}],
//  "cells":[{"stage","lane","rect"}],"notes":[{"id","stage","lane","text","lines","textPx","votesBadge","rect"}],
//  "curves":[{"id","points":[{"stage","value","pos":[x,y],"labelRect","labelPx"}]}],"status":"...",
//  "prompts":[{"stage","lane","text","rect"}],"tool":"pen",
//  "strokes":[{"id","stage","lane","points","highlighter","color","width","rect"}],
//  "arrows":[{"id","from":{"note","pos":[x,y]},"to":{...},"curved","heads","label","rect"}],
//  "frames":[{"id","title","rect"}],"labels":[{"id","text","size","rect"}],
//  "sketchSelection":{"strokes":[ids],"arrows":[..],"frames":[..],"labels":[..]},
//  "checks":{"open","topPains":[{"note","stage","score"}],"entries":[{"kind","note","stage","curve","point"}]},
//  "room":{"open","url","code","phones"},"inbox":[{"seq","text","name","lane","stage"}],
//  "round":{"state","candidates","dotsCast","results"...} (app/views/round_panel.h)}
// Rects are [x0,y0,x1,y1] in window pixels; a stage's rect is its header, a lane's its label.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "app/render/render.h"
#include "app/tools/tool.h"
#include "app/views/side_panel.h"
#include "app/views/toolbar.h"
#include "core/layout/camera.h"
#include "core/insights/insights.h"
#include "core/layout/layout.h"
#include "core/model/model.h"
#include "core/room/incoming_note.h"

namespace jb {

struct ViewInfo {
  int windowWidth = 0, windowHeight = 0;
  std::string path;
  bool dirty = false;
  Rect addStage, addLane;     // the canvas' "+" buttons, board units
  std::vector<Rect> chevrons; // each lane's collapse button, board units
  std::vector<uint64_t> selection;
  std::string undo, redo;     // labels of the next undo / redo step
  float uiScale = 1;          // View ▸ UI scale (times the monitor's content scale)
  std::string status;         // the status line's latest message (kept after it fades)
  uint64_t editing = 0;       // the note being edited (0: none) and its first line shown
  size_t editingFirstLine = 0;
  bool gesture = false;       // a change is in progress (a drag, a note being typed): not yet committed
  bool voting = false;        // voting mode (V)
  // Find (Ctrl+F): the bar, its query, the matching notes in board order, the one Enter went to (0: none).
  bool findOpen = false;
  std::string findQuery, findCount;
  std::vector<uint64_t> findMatches;
  uint64_t findCurrent = 0;
  // The command palette (Ctrl+K): open, what is typed, and the commands it lists, best first.
  bool paletteOpen = false;
  std::string paletteQuery;
  std::vector<std::string> paletteShown;
  bool presenting = false;    // presentation mode (F5): full screen, no menu bar or panels
  bool spotlight = false;     // L: everything beside the focused stage dimmed
  bool roomView = false;      // R: the board laid out for the back row
  uint64_t personaFilter = 0;  // Journey ▸ Filter by persona: the persona (0: everyone)
  int focusedStage = -1;      // index of the focused stage (last focused, else at the view's centre), -1 none
  float menuBar = 0;          // the menu bar's height in pixels, 0 when hidden
  std::string timerState = "idle";  // the workshop timer: idle, running, paused, finished
  int timerRemaining = 0;           // its whole seconds as shown (mm:ss)
  bool timerShown = false;          // its badge is on the canvas
  bool timerChime = true;           // it chimes at the end
  int timerChimes = 0;              // how many ends chimed so far
  bool timerFlash = false;          // the end is flashing
  bool toolbarShown = false;  // the toolbar on the left edge, and its buttons as drawn
  std::vector<ToolbarButtonState> toolbar;
  std::string theme;                      // "light", "dark", "projector"
  std::vector<SidePanelInfo> sidePanels;  // window pixels
  Rect canvas;                            // the canvas area, window pixels
  bool coverMode = false;     // Workshop ▸ Cover mode: new notes are made face down
  size_t flipping = 0;        // notes in Reveal's flip right now (0 again when it has ended)
  std::string toast, toastPath;  // the export toast's text and the file it names (empty: none shown)
  std::string exportProgress;    // a running export: "tile 3 of 12", "encoding" (empty: none)
  // The last export's GL draw calls: fills drawn without the atlas and those reading it (-1: none yet).
  int lastExportFillDraws = -1, lastExportTexturedDraws = -1;
  // Emotion points' labels as drawn (PlacePointLabels): window pixels and text height in pixels.
  struct PointLabelRect {
    int curve = -1;
    size_t knot = 0;
    Rect rect;
    float px = 0;
    std::vector<std::string> lines;  // as drawn, "…" ending a cut last line
  };
  std::vector<PointLabelRect> pointLabels;
  std::vector<DrawnPrompt> prompts;  // lane prompts drawn this frame, window pixels
  std::vector<std::pair<std::string, std::string>> toasts;  // shown, oldest first: text, "info" or "error"
  bool helpOpen = false;         // the shortcuts sheet (F1, ?), its rows, and how many are gestures
  int helpRows = 0, helpGestures = 0;
  std::vector<std::string> menuBarMenus;  // the menu bar's menus, as named there
  // The start screen: open, and its template cards and recent boards by key / path, window pixels.
  bool startOpen = false;
  std::vector<std::pair<std::string, Rect>> startTemplates, startRecent;
  Rect title;            // the board's title above the grid, board units (a double-click renames it)
  // The name field open on the canvas: "title", "stage", "lane", "point", "label" (a text label's
  // text), "frame" (a frame's title) or "".
  std::string renaming;
  std::string uiLanguage;              // the interface's language: "en", "ru"
  std::vector<std::string> uiMenus;    // the menu bar's menus as drawn (translated)
  std::string tool;                    // the strip's chosen tool: "pan", "select", "pen", ...
  SketchSelection sketchSelection;
  std::string metricsPanel;  // the Metrics panel as drawn (JSON, metrics_panel.cpp); empty when closed
  std::string opportunitiesPanel;  // the Opportunities panel as drawn (JSON, opportunities_panel.cpp); empty when closed
  const GlyphMetrics* glyphs = nullptr;  // for the text labels' boxes (none: they are left out)
  // Journey ▸ Map checks: open, and what it lists (none: the dump leaves "checks" out).
  bool checksOpen = false;
  const std::vector<RankedPain>* topPains = nullptr;
  const std::vector<CheckEntry>* checks = nullptr;
  // File ▸ Invite participants: the room open, its join address and code, phones connected; the
  // inbox's waiting notes, newest first (none: the dump's "inbox" is empty).
  bool roomOpen = false;
  std::string roomUrl, roomCode;
  size_t roomPhones = 0;
  const std::vector<IncomingNote>* inbox = nullptr;
  std::string round;  // the voting round (RoundPanel::DumpJson); empty: left out
};

// Panels call this right after a widget that tests need to aim at ("inspector.owner"); the next
// layout dump lists it under "widgets" with its window-pixel rect. Costs nothing without a dump.
void RecordWidget(const char* name);
// The same for the current window as a whole ("panel.personas"): what is visible of a panel.
void RecordWindow(const char* name);
// The same for something drawn rather than a widget (the timer's badge), in window pixels.
void RecordRect(const char* name, float x0, float y0, float x1, float y1);
void ClearRecordedWidgets();
// Whether a layout dump is being written (panels skip building what only the dump needs).
bool LayoutRecording();
// Dialogs call this with their title and the text they show; the next layout dump lists it under
// "dialogs" ([{"title","text"}]), so tests can wait for a prompt and read what it says.
void RecordDialog(const char* title, const std::string& text);

std::string LayoutToJson(const Board& board, const Layout& layout, const Camera& camera, const ViewInfo& view);
// Writes with the board save's DurableWriter (temp file, sync, rename) so a reader never sees half
// a file. On failure `error` (may be null) says why in one sentence.
bool WriteLayoutDump(const std::string& path, const std::string& json, std::string* error = nullptr);

}  // namespace jb
