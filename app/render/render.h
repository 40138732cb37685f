// The one board renderer: Board + Layout + Camera → ImDrawList. The window and the PNG export
// both call it, so a snapshot looks exactly like the screen. It only reads the board.
#pragma once
#include <imgui.h>

#include <algorithm>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "core/layout/camera.h"
#include "core/layout/layout.h"
#include "core/model/model.h"

namespace jb {

class Fonts;

// The board's colours, chosen by the theme (View ▸ Theme): light (the board's own, and every
// export's), dark, and projector (near-black ink on white, thick lines, saturated notes, outlined).
struct BoardPalette {
  float background[3] = {0.925f, 0.933f, 0.945f};  // behind the board (the caller clears to it)
  ImU32 ink = IM_COL32(31, 36, 48, 255);           // title, lane names, curve names
  ImU32 inkSoft = IM_COL32(92, 99, 112, 255);
  ImU32 noteInk = IM_COL32(31, 36, 48, 255);  // on notes and persona cards
  ImU32 noteInkSoft = IM_COL32(92, 99, 112, 255);
  ImU32 gridLine = IM_COL32(206, 211, 220, 255);
  ImU32 cellFill = IM_COL32(255, 255, 255, 255);
  ImU32 labelFill = IM_COL32(246, 247, 249, 255);
  ImU32 headerFill = IM_COL32(43, 58, 92, 255);
  ImU32 headerInk = IM_COL32(255, 255, 255, 255);
  ImU32 shadow = IM_COL32(20, 30, 50, 40);
  ImU32 pain = IM_COL32(214, 69, 65, 255);
  ImU32 delight = IM_COL32(46, 158, 87, 255);
  ImU32 neutral = IM_COL32(140, 146, 158, 255);
  ImU32 vote = IM_COL32(58, 80, 200, 255);
  float lineScale = 1;    // grid lines
  ImU32 noteOutline = 0;  // drawn around every note when noteOutlinePx > 0
  float noteOutlinePx = 0;
  float noteSaturation = 1;  // note colours' saturation, times this
  ImU32 NoteFill(Rgb rgb) const;
};
const BoardPalette& LightPalette();
const BoardPalette& DarkPalette();
const BoardPalette& ProjectorPalette();

// A lane prompt as drawn this frame (the layout dump lists them), window pixels.
struct DrawnPrompt {
  int stage = 0, lane = 0;  // indices into Board::stages and Board::lanes
  std::string text;
  Rect rect;
};

// Interaction state the canvas wants reflected in the drawing (nothing of it is saved).
struct RenderOptions {
  Rect visible;  // window-pixel rectangle actually on screen: everything outside is culled
  // Pixels past `visible` that things culled by their own bounds may still reach (a curve's
  // width, a glyph below its line): an export's tiles cull by `visible` widened by this much.
  // Notes, whose cull rectangle holds their shadow and badge, are culled by `visible` itself and
  // their text is clipped to it, so a note across two tiles is not drawn whole in both.
  float spill = 0;
  // Notes being dragged: drawn as an outline where they will land (the canvas draws the notes
  // themselves under the cursor).
  const std::unordered_set<uint64_t>* placeholders = nullptr;
  CurveId activeCurve;  // drawn on top of the others
  std::string today;    // YYYY-MM-DD, to mark overdue action items (empty: nothing is overdue)
  // The note being edited shows its text from this line on (a clipped note scrolls to the caret).
  NoteId editing;
  size_t editingFirstLine = 0;
  // Find's matches (ids): a bright halo behind each, a stronger one behind `foundCurrent`.
  const std::unordered_set<uint64_t>* found = nullptr;
  NoteId foundCurrent;
  const BoardPalette* palette = nullptr;  // null: LightPalette()
  // Covered notes face up anyway (an export with --reveal); the note being edited always is.
  bool revealCovered = false;
  // Notes turning face up (Reveal): note id → progress 0..1. Each narrows to a line and widens
  // again, face down before half way and face up after.
  const std::unordered_map<uint64_t, float>* flipping = nullptr;
  float pointLabelMinPx = 0;  // Room view: point labels drawn at least this many screen pixels tall
  // Empty cells show their lane's guiding question (core/layout/lane_prompts.h): on screen only,
  // an export leaves this off. Those drawn are listed in `promptsDrawn` when it is set.
  bool lanePrompts = false;
  std::vector<DrawnPrompt>* promptsDrawn = nullptr;
  // Journey ▸ Filter by persona: notes, curves and arrows that do not concern this persona are
  // drawn faint (core's ...ShownForPersona). None: nothing is dimmed, as in every export.
  PersonaId personaFilter;
  // An opaque export clears to the cells' colour (the palette's cellFill), the colour of most of
  // its pixels: on llvmpipe a clear costs a fraction of a fill. The cells are then not filled and
  // the page around them is painted this colour instead (nothing when it is the cells' colour).
  std::optional<ImU32> pageAroundClearedCells;
};

// The grid's cells: every lane's row across every stage, in board units.
Rect CellsBlock(const Layout& layout);
// Whether an export may clear to the cells' colour and leave them unfilled
// (RenderOptions::pageAroundClearedCells): nothing drawn under the cells reaches into them (a
// frame drawn on the canvas would show through).
bool CellsMayBeCleared(const Board& board, const Layout& layout);

// Past this many votes a note shows its count in a badge instead of dots.
inline constexpr int kMaxVoteDots = 5;

// All a note in a cell draws, board units: its body, the vote dots or badge rising above it, its
// shadow below and right, an outline's half width around. DrawBoard culls notes by it, and an
// export ends its bands where no note reaches across (png_export.cpp), so none is drawn twice.
Rect NoteReach(const Note& note, const NoteBox& box);

// An emotion point's label as DrawBoard draws it: wrapped to at most three lines ("…" when cut),
// placed by core's PlaceLabels inside the Emotions lane (the whole grid when the lane has no room
// for them all apart), clear of the other labels.
struct PointLabel {
  int curve = -1;   // index in Board::curves
  size_t knot = 0;  // index in that curve's Layout::curves[].knots
  Rect rect;        // board units, the text and its margin
  float size = 0;   // text height in board units (at least RenderOptions::pointLabelMinPx on screen)
  bool moved = false;  // away from its first place: a leader line joins it to its point
  std::vector<std::string> lines;
};
std::vector<PointLabel> PlacePointLabels(const Board& board, const Layout& layout, float zoom, const Fonts& fonts,
                                         float minPx);

// Readies `drawList` (made on `shared`) for drawing a board offscreen into a `width`×`height`
// image (an export's tiles, the start screen's thumbnails): clipped to it, with the fonts' atlas.
void BeginOffscreenDrawList(ImDrawList& drawList, ImDrawListSharedData& shared, const Fonts& fonts, int width,
                            int height);

// One note as DrawBoard draws it, shifted by `offset` board units (a note being dragged).
// `hideText` leaves the text out (the note editor draws it, with its caret).
void DrawNote(const Board& board, const Note& note, const NoteBox& box, Vec2 offset, const Camera& camera,
              const Fonts& fonts, ImDrawList& drawList, bool hideText = false, const BoardPalette* palette = nullptr);

// One arrow as DrawBoard draws it (the Arrow tool's live preview: the same path and heads).
void DrawArrowOver(const Board& board, const Layout& layout, const Arrow& arrow, const Camera& camera, const Fonts& fonts,
                   ImDrawList& drawList, const BoardPalette* palette = nullptr);

// The light palette's background behind the board (the caller clears to it: cheaper than a
// filled quad).
inline constexpr float kBackgroundRgb[3] = {0.925f, 0.933f, 0.945f};

// Today's local date as YYYY-MM-DD (what "overdue" is measured against).
std::string LocalDateIso();

// One stroke (points in board units) as DrawBoard draws it: a pen's in-progress stroke is previewed
// with this, so it looks the same before and after the release.
void DrawStrokeLine(const std::vector<Vec2>& points, Rgb color, float width, bool highlighter, const Camera& camera,
                    ImDrawList& drawList);

void DrawBoard(const Board& board, const Layout& layout, const Camera& camera, const Fonts& fonts,
               ImDrawList& drawList, const RenderOptions& options);

// The lane prompts DrawBoard draws within `options.visible`, listed into `out` without drawing (a
// view that keeps its drawing still lists what it shows). Needs an ImGui context.
void ListLanePrompts(const Board& board, const Layout& layout, const Camera& camera, const Fonts& fonts,
                     const RenderOptions& options, std::vector<DrawnPrompt>* out);

}  // namespace jb
