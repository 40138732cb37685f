// Where everything on a board goes, in board units. Computed from the Board alone, so the
// screen, the PNG export, hit-testing and --dump-layout all agree.
//
// The grid's top-left corner is the origin: a header row of stage names across the top, a
// column of lane labels down the left, one cell per stage × lane. Notes in a cell flow left to
// right and wrap; a lane grows taller when one of its cells needs more room, so notes never
// overlap. The persona cards stand to the left of the grid; free notes sit at their own pos.
#pragma once
#include <cstdint>
#include <string>
#include <unordered_map>
#include <memory>
#include <vector>

#include "core/layout/room_layout.h"
#include "core/layout/text_wrap.h"
#include "core/model/funnel.h"
#include "core/model/model.h"

namespace jb {

struct LayoutMetrics {
  float headerHeight = 64;
  float laneLabelWidth = 210;
  float cellPadding = 14;
  float noteGap = 12;
  float collapsedLaneHeight = 40;
  float hiddenStrip = 40;  // a hidden stage's width, a hidden lane's height: where something is hidden
  float personaWidth = 320;
  float personaGap = 48;
  float noteTextSize = 17;     // board units; text shrinks from here to fit its note...
  float minNoteTextSize = 11;  // ...down to here, and only then does the note grow taller
  float notePadding = 10;
  float noteFooter = 16;       // each footer line: channel and metrics; owner, due date and tags
  float funnelHeight = 104;    // the funnel strip under the stage headers, when a stage is measured
  float funnelPadding = 14;    // inside each stage's part of the strip
  float funnelDropWidth = 84;  // right of the bars: where the drop to the next stage is written
};

// The footer lines a note shows under its text: [0] touchpoint data, [1] action data and tags.
struct NoteFooter {
  std::string touchpoint;  // "site · conv 38% · CSI 72 · NPS +12"
  std::string action;      // "Anna K. · 2026-12-15 · #pricing"
  int Lines() const { return int(!touchpoint.empty()) + int(!action.empty()); }
};
NoteFooter MakeNoteFooter(const Note& note);
// MakeNoteFooter(note).Lines() without building the strings.
int NoteFooterLines(const Note& note);
inline constexpr LayoutMetrics kMetrics{};

Vec2 NoteSizeUnits(NoteSize size);

struct NoteBox {
  NoteId id;
  Rect rect;
  Rect textBox;      // where the text goes
  WrappedText text;  // fitted and wrapped (empty when the layout had no glyph metrics)
  int stage = -1;  // index into Board::stages, -1 for a free note
  int lane = -1;   // index into Board::lanes, -1 for a free note
  bool hidden = false;  // not drawn nor hit: in a collapsed lane, or a hidden stage or lane
};

struct CurvePointPos {
  int point = 0;  // index into EmotionCurve::points
  Vec2 pos;
};

struct CurveGeometry {
  CurveId id;
  std::vector<CurvePointPos> knots;  // sorted left to right
  std::vector<Vec2> samples;         // the smooth curve, as drawn and hit-tested
};

struct SketchGeometry;  // core/layout/ink.h

// The funnel strip (issue 18): a band of board units between the stage headers and the first lane,
// shown when a stage on view has a reached count. One column per shown stage: the count and share
// on top, the bar (its length the stage's share of the first measured stage, the same scale in
// every column), right of it the drop to the next measured stage, under it the stage's touchpoint
// conversions. Worked out with the layout, never per frame.
struct FunnelColumn {
  int stage = -1;        // index into Board::stages
  int step = -1;         // index into FunnelStrip::funnel.steps
  Rect column;           // the stage's part of the strip
  Rect track;            // where the bar can reach (share 1); the same length in every column
  Rect bar;              // the bar itself: empty (zero width at the track's start) when not measured
  Rect drop;             // where the drop to the next measured stage goes (empty when there is none)
  bool biggest = false;  // the funnel's biggest drop starts here
  std::vector<float> conversions;  // its touchpoints' conversion figures, lowest first
};
struct FunnelStrip {
  Funnel funnel;  // over the shown stages (ComputeFunnel with skipHidden)
  Rect rect;      // the whole band, the lane-label column included; zero height: no strip
  std::vector<FunnelColumn> columns;  // the shown stages, in board order
  bool Shown() const { return rect.Height() > 0; }
};

// The sizes and places of the board's own lettering, board units (a header's from its top): the
// title, the stage number and name in each header, the lane names in the label column, the curves'
// legend under the emotions lane's name, and the persona cards (their width, text and spacing
// scaled together). Larger in Room view.
struct Lettering {
  float titleSize = 30;
  float stageNumberSize = 13, stageNumberTop = 8;
  float stageNameSize = 22, stageNameTop = 24;
  float laneNameSize = 17;
  float legendSize = 13, legendTop = 44;  // legendTop: from the lane's top
  float personaScale = 1;
  static constexpr float kPersonaTextSize = 14;  // a persona card's body text, before personaScale
};

struct Layout {
  std::vector<float> stageX;  // left edge of each stage, plus the right edge of the last (size+1)
  std::vector<float> laneY;   // top edge of each lane, plus the bottom edge of the last (size+1)
  Rect grid;                  // header row and label column included
  std::vector<NoteBox> notes; // same order as Board::notes
  std::vector<Rect> personas; // same order as Board::personas
  std::vector<CurveGeometry> curves;  // same order as Board::curves
  int emotionsLane = -1;      // the lane the curves are drawn in (the first of kind emotions)
  Rect bounds;                // everything: grid, persona cards, free notes
  // Every stroke's and arrow's drawn geometry, worked out once per layout (ink.h: SketchOf and
  // ArrowOf read it); drawing, hit tests and the dump share it. Null on a board with neither.
  std::shared_ptr<const SketchGeometry> sketches;
  FunnelStrip funnel;  // not Shown() when no stage on view is measured: the board lays out as before
  Lettering lettering;  // larger in Room view

  Rect StageHeader(int stage) const;
  // The board's title, above the grid (drawn there; a double-click there renames the board).
  Rect TitleBox() const { return {grid.x0, grid.y0 - 12 - lettering.titleSize * 1.6f, grid.x1, grid.y0 - 12}; }
  // How far above the grid zoom to fit reaches for the title: the box and as much again as its
  // gap below.
  float TitleBand() const { return 24 + lettering.titleSize * 1.6f; }
  Rect LaneLabel(int lane) const;
  // The ▾ at the top right of a lane's label that collapses the lane (drawn on screen only); in the
  // emotions lane it stands left of the scale's faces, which take the label's right edge.
  Rect LaneChevron(int lane) const;
  // Where the lane's name is written: clear of the ▾, in exports too, so a name wraps the same.
  Rect LaneNameBox(int lane) const;
  // The emotion scale's faces beside the cells (radius up to 9, 8 from the cells).
  static constexpr float kEmotionFacesWidth = 26;
  Rect Cell(int stage, int lane) const;
  // The vertical band of the emotion scale inside a lane: value +1 at the top, -1 at the bottom.
  float EmotionY(float value) const;
  // The inverse: the emotion value at height y, clamped to -1..+1.
  float EmotionValue(float y) const;
  // The cell under a point, or false.
  bool CellAt(Vec2 p, int* stage, int* lane) const;
};

// Whether notes can be added to or dropped into the cell (indices into the board's stages and
// lanes): not in a collapsed or hidden lane, nor a hidden stage.
bool CellTakesNotes(const Board& board, int stage, int lane);

// Each note's fitted text from earlier layouts, by note id. Fitting (wrapping at several sizes) is
// most of a layout's cost, and a view lays the board out again on every change (each step of a
// drag) while almost no text changes. An entry is reused only for the same text, size, footer,
// glyph metrics and layout metrics.
class NoteFitCache {
 public:
  struct Entry {
    std::string text;
    NoteSize size = NoteSize::Medium;
    int footerLines = 0;
    Vec2 base;  // the size fitted from (Room view: not the note's standard size)
    Vec2 noteSize;
    Rect textBox;
    WrappedText wrapped;
  };
  // The entry for `note`, refitted when stale.
  const Entry& Fit(const Note& note, const GlyphMetrics& glyphs, const LayoutMetrics& metrics);
  // The same for Room view: fitted from `base` with the room's text sizes.
  const Entry& FitRoom(const Note& note, const GlyphMetrics& glyphs, const LayoutMetrics& metrics,
                       const RoomMetrics& room, Vec2 base);
  // Forgets notes no longer on the board once the cache has grown well past it.
  void Prune(const Board& board);
  size_t Size() const { return m_entries.size(); }

 private:
  std::unordered_map<uint64_t, Entry> m_entries;
  const GlyphMetrics* m_glyphs = nullptr;
  LayoutMetrics m_metrics;
  RoomMetrics m_room;
  const Entry& FitFrom(const Note& note, const GlyphMetrics& glyphs, const LayoutMetrics& metrics,
                       const RoomMetrics* room, Vec2 base);
};

// `glyphs` measures text so notes can fit it (shrink, then grow); without it, notes keep their
// standard sizes and carry no wrapped text. `cache` (optional) keeps fitted text between layouts.
// `room` (with glyphs) lays the notes out for Room view (room_layout.h); a cache serves one of the two.
Layout ComputeLayout(const Board& board, const GlyphMetrics* glyphs = nullptr, const LayoutMetrics& metrics = kMetrics,
                     NoteFitCache* cache = nullptr, const RoomMetrics* room = nullptr);

// The note's size and wrapped text for `note` at its standard width.
void FitNote(const Note& note, const GlyphMetrics& glyphs, const LayoutMetrics& metrics, Vec2* size, Rect* textBoxAtOrigin,
             WrappedText* text);
// The same from `base` (width kept, height grown), text from `maxText` down to `minText`.
void FitNoteFrom(const Note& note, const GlyphMetrics& glyphs, const LayoutMetrics& metrics, Vec2 base, float maxText,
                 float minText, Vec2* size, Rect* textBoxAtOrigin, WrappedText* text);

}  // namespace jb
