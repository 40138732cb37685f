// Canvas tools: one small class per way the canvas reacts to the mouse (pan, select, note drag,
// headers, emotion points, voting, entering text). The canvas builds an Input snapshot once per
// frame and offers each press to its tools in order (app/tools/toolbox.cpp); the first tool that
// accepts it owns the gesture until the button is released or Esc cancels it, and while it does the
// others are not asked. Tools change the board only through core commands and the Document
// (Apply, or BeginGesture / UpdateGesture / CommitGesture / CancelGesture), and see the canvas only
// through a ToolContext: they never include app/views.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/edit/commands.h"
#include "core/edit/document.h"
#include "core/edit/sketch_commands.h"
#include "core/layout/camera.h"
#include "core/layout/layout.h"

struct ImDrawList;
namespace jb {

class Fonts;
struct BoardPalette;

// What is under the mouse, by the canvas' hit test (topmost first: curve points, text labels,
// arrows and pen strokes, notes, the curve line, header borders, the "+" buttons, headers, lane
// chevrons, the board's title, highlighter strokes and frames, cells, empty canvas).
struct Hover {
  enum Kind {
    None, Note, CurvePoint, Curve, StageHeader, LaneLabel, LaneChevron, StageBorder, LaneBorder, AddStage, AddLane,
    Title, Cell, Empty,
    Stroke, Arrow, Frame, Label  // sketches (core/layout/sketch_hit.h): index in the board's list
  };
  Kind kind = None;
  int index = -1;  // note index in Board::notes, stage / lane index, or point index in its curve
  int stage = -1, lane = -1;  // for Cell
  int curve = -1;             // for CurvePoint and Curve: index in Board::curves
};

enum MouseButton { kLeft = 0, kRight = 1, kMiddle = 2, kMouseButtons = 3 };

// The input of one frame, built once by the canvas before any tool is asked.
struct Input {
  bool hovered = false;     // the mouse is over the canvas (no popup or panel in the way)
  bool canvasActive = false;  // the canvas holds the mouse since a press on it
  Vec2 mouse, world;        // the mouse in window pixels and in board units
  Hover hover;              // what is under the mouse
  bool pressed[kMouseButtons] = {}, released[kMouseButtons] = {}, doubleClicked[kMouseButtons] = {};
  bool down[kMouseButtons] = {};
  bool dragging[kMouseButtons] = {};  // moved past kDragThresholdPx since the press
  Vec2 dragDelta[kMouseButtons];      // since the press, in pixels (no threshold)
  bool shift = false, ctrl = false, alt = false;
  float wheel = 0;
  bool escape = false;
};

constexpr float kDragThresholdPx = 4;

// The tool chosen in the strip (Canvas::tool): what a left press on the canvas does. Pan, Select
// and Note leave the sketches' tools out; each sketching tool takes every left press on the canvas
// (notes included) while it is chosen.
enum class ToolKind { Pan, Select, Note, Pen, Highlighter, Eraser, Arrow, Frame, Text };
// Its name in the layout dump: "pan", "select", "note", "pen", "highlighter", ...
inline const char* ToolName(ToolKind kind) {
  static const char* const kNames[] = {"pan", "select", "note", "pen", "highlighter", "eraser", "arrow", "frame", "text"};
  return kNames[int(kind)];
}

// The sketches selected alongside the notes (ToolContext::sketches) are a SketchSelection, the
// core commands' own struct (core/edit/sketch_commands.h): passed to MoveSketch, Recolor and
// DeleteSketch as it is.

// The ink the pen and the highlighter lay down (Tools ▸ Ink): colour and width from a small
// palette, and whether strokes are smoothed (a setting: some hands want the raw line).
struct InkChoice {
  Rgb penColor = 0x1f2937;
  float penWidth = kDefaultStrokeWidth;
  Rgb highlighterColor = 0xfacc15;
  float highlighterWidth = 28;
  bool smoothing = true;
};

// The selected emotion point: Delete removes it, a double-click labels it.
struct PointSelection {
  CurveId curve;
  int index = -1;
};

// What a tool asks of the canvas that owns it: the modes with a text field stay the canvas'.
class ToolHost {
 public:
  virtual void BeginNoteEdit(Document& document, NoteId id) = 0;
  virtual void BeginNewNote(Document& document, const NoteTarget& target, Vec2 freePos) = 0;
  virtual void BeginRename(const Board& board, bool stage, int index) = 0;
  virtual void BeginTitleRename(const Board& board) = 0;  // the board's title, in place
  virtual void BeginPointLabel(const std::string& label) = 0;  // of ToolContext::point
  virtual void OpenContextMenu(const Board& board, const Hover& hover) = 0;
  // The text field of a free text label: `id` names one to edit, an empty id types a new one whose
  // top-left is `pos` (board units; nothing is added if it is left empty).
  virtual void BeginLabelEdit(Document& document, LabelId id, Vec2 pos) = 0;
  virtual void BeginFrameTitle(const Board& board, FrameId id) = 0;  // the title field, in place

 protected:
  ~ToolHost() = default;
};

// All a tool sees of the canvas.
struct ToolContext {
  Document& document;
  const Fonts& fonts;
  Camera& camera;
  const Layout& layout;
  std::vector<NoteId>& selection;
  CurveId& activeCurve;  // the curve clicks in the Emotions lane add points to
  PointSelection& point;
  bool& fitted;          // the view is the fitted one: a tool that moves the camera clears it
  bool voting;           // dot voting mode (V)
  ToolKind tool;         // chosen in the strip
  ToolHost& host;
  const BoardPalette* palette = nullptr;  // the theme's colours, for what a tool draws of the board
  SketchSelection& sketches;              // selected with the notes
  const InkChoice& ink;
  // While a voting round is open, a vote click casts (or, with Shift, takes back) the room's dot in
  // the round instead of adding a vote to the note; it returns false when no round is open.
  const std::function<bool(NoteId note, bool takeBack)>* roundDot = nullptr;
  // The Select tool is chosen: a left drag on empty canvas selects.
  bool SelectTool() const { return tool == ToolKind::Select; }
  // The Add note tool is chosen: a tap on a cell or empty canvas adds a note.
  bool NoteTool() const { return tool == ToolKind::Note; }
  // A sketching tool is chosen: it takes the left presses, the note and header tools leave them.
  bool SketchTool() const { return tool >= ToolKind::Pen; }
};

class CanvasTool {
 public:
  virtual ~CanvasTool() = default;
  // A press of `button` that no tool before this one took: true takes the gesture.
  virtual bool Press(ToolContext& ctx, const Input& input, MouseButton button) = 0;
  // Every frame while this tool owns the gesture (the press's frame included).
  virtual void Update(ToolContext&, const Input&) {}
  // The gesture's button went up: the gesture ends.
  virtual void Release(ToolContext&, const Input&) {}
  // Esc, or the app ending what is in progress: undo what the gesture did so far.
  virtual void Cancel(ToolContext& ctx);
  // Over the canvas with no gesture in progress (hover cursors).
  virtual void HoverCursor(ToolContext&, const Input&) {}
  // While it owns the gesture: notes the board leaves out (they follow the hand), and whether the
  // wheel must leave the view alone.
  virtual const std::vector<NoteId>* HiddenNotes() const { return nullptr; }
  virtual bool LocksView() const { return false; }
  // While it owns the gesture: drawn under the selection outlines, and over everything.
  virtual void DrawBelow(const ToolContext&, ImDrawList&) const {}
  virtual void DrawAbove(const ToolContext&, ImDrawList&) const {}
};

// The tools in the order a press is offered to them (app/tools/toolbox.cpp).
std::vector<std::unique_ptr<CanvasTool>> MakeTools();

// Selection helpers shared by the canvas and its tools.
bool IsSelected(const std::vector<NoteId>& selection, NoteId id);
void SelectNote(std::vector<NoteId>& selection, NoteId id, bool additive, bool toggle);
std::vector<NoteId> SelectionInBoardOrder(const Board& board, const std::vector<NoteId>& selection);

// The curve clicks in the Emotions lane add points to: `active`, else the board's first curve.
const EmotionCurve* ActiveCurveOf(const Board& board, CurveId active);

// A drag that moves the view: the board stays under the hand.
struct PanDrag {
  Vec2 pressMouse, startWorld;
  void Start(const ToolContext& ctx, const Input& input) {
    pressMouse = input.mouse;
    startWorld = ctx.camera.world;
  }
  void MoveTo(ToolContext& ctx, Vec2 mouse) const {
    ctx.camera.world.x = startWorld.x - (mouse.x - pressMouse.x) / ctx.camera.zoom;
    ctx.camera.world.y = startWorld.y - (mouse.y - pressMouse.y) / ctx.camera.zoom;
  }
};

}  // namespace jb
