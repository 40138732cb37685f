// The board view: draws the document with DrawBoard, owns the camera and the selection, and turns
// mouse and keyboard into Document commands. Views keep only view state, never a copy of the board.
//
// Gestures (all undoable, one step each): double-click a cell (or empty canvas) to add a note and
// type; double-click a note to edit it; drag notes between cells (live reflow, the note follows
// the hand) or out of the grid (free); drag a header to reorder, its border to resize;
// double-click a header to rename; "+" adds a stage or lane; right-click opens context menus.
// A left drag on empty canvas pans (one finger on a touch screen); Shift + drag, or the Select
// tool, draws a selection rectangle.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <unordered_set>
#include <vector>

#include "core/edit/commands.h"
#include "core/edit/document.h"
#include "core/layout/camera.h"
#include "core/layout/layout.h"
#include "core/layout/text_edit.h"

namespace jb {

class Fonts;
}  // namespace jb
struct ImDrawList;
namespace jb {

class Canvas {
 public:
  enum class Tool { Pan, Select };

  // Draws into the current ImGui window's content region and handles its input. `typed` holds the
  // characters typed since the last frame (full code points).
  void Show(Document& document, const Fonts& fonts, const std::u32string& typed);

  void RequestFit() { m_fitPending = true; }
  void ZoomBy(float factor);  // around the canvas centre
  // Shows `world` (board units) whole and centred, e.g. one stage (takes effect at the next Show).
  void ShowRect(const Rect& world) {
    m_showRect = world;
    m_showRectPending = true;
  }

  // [SECTION] Commands for menus and shortcuts
  bool HasSelection() const { return !m_selection.empty(); }
  void SelectAll(const Document& document);
  void SetSelection(std::vector<NoteId> ids) { m_selection = std::move(ids); }
  void ClearSelection() { m_selection.clear(); }
  void DeleteSelection(Document& document);
  // Del: the selected emotion point when there is one, else the selected notes.
  void DeleteSelected(Document& document);
  void CopySelection(const Document& document);
  void CutSelection(Document& document);
  void Paste(Document& document);
  void DuplicateSelection(Document& document);
  // Ends whatever is in progress: a text edit or rename is kept, a drag is cancelled.
  void FinishInteraction(Document& document);
  // Drops selected ids that no longer exist (after undo, redo, open).
  void PruneSelection(const Document& document);
  // True while typing into a note or a header: global shortcuts must leave the keys alone.
  bool IsTyping() const;

  // The command table's plain keys (F, V, Del): run while the canvas has the focus, nobody types
  // and no gesture is in progress (set by the App).
  std::function<void()> commandKeys;
  Tool tool = Tool::Pan;
  // Dot voting: a click on a note adds a vote, Shift + click takes one away.
  bool voting = false;
  // The curve that clicks in the Emotions lane add points to (the selected persona's), drawn on top.
  CurveId activeCurve;
  PersonaId activePersona;  // the persona the panel shows
  void SetActivePersona(const Board& board, PersonaId persona);
  const Camera& camera() const { return m_camera; }
  const Layout& layout() const { return m_layout; }
  // False when the board changed after this frame's layout (a dialog or panel acted after the
  // canvas drew); the next frame catches up.
  bool LayoutIsCurrent(const Document& document) const { return m_layoutChangeCount == document.ChangeCount(); }
  const std::vector<NoteId>& selection() const { return m_selection; }
  Vec2 size() const { return m_size; }
  Rect AddStageButton() const;
  Rect AddLaneButton() const;
  Rect LaneChevron(int lane) const;  // the ▾ that collapses a lane

 private:
  enum class Mode {
    Idle,
    Pan,
    Marquee,
    PressNote,    // left button down on a note, not yet dragged
    DragNotes,
    PressStage,   // left button down on a stage header
    PressLane,
    DragStage,
    DragLane,
    ResizeStage,
    ResizeLane,
    EditNote,
    RenameStage,
    RenameLane,
    PressEmotion,  // left button down on empty Emotions lane: a click adds a curve point
    DragPoint,
    LabelPoint,
  };

  struct Hit {
    enum Kind {
      None, Note, CurvePoint, Curve, StageHeader, LaneLabel, LaneChevron, StageBorder, LaneBorder, AddStage, AddLane,
      Cell, Empty
    };
    Kind kind = None;
    int index = -1;  // note index in Board::notes, stage / lane index, or point index in its curve
    int stage = -1, lane = -1;  // for Cell
    int curve = -1;             // for CurvePoint and Curve: index in Board::curves
  };

  void UpdateLayout(const Document& document, const Fonts& fonts);
  Hit HitTest(const Board& board, Vec2 world) const;

  void HandleMouse(Document& document, const Fonts& fonts);
  void HandleKeys(Document& document);
  void StartPress(Document& document, const Hit& hit);
  void UpdateNoteDrag(Document& document);
  NoteTarget DropTarget(const Board& board, Vec2 world) const;

  void BeginNoteEdit(Document& document, NoteId id);
  void BeginNewNote(Document& document, const NoteTarget& target, Vec2 freePos);
  void HandleNoteEditor(Document& document, const Fonts& fonts, const std::u32string& typed);
  void CommitNoteEdit(Document& document);
  void ShowRenameField(Document& document);
  void ShowPointLabelField(Document& document);
  void AddPointAt(Document& document, Vec2 world, int stage);
  void UpdatePointDrag(Document& document);
  const EmotionCurve* ActiveCurve(const Board& board) const;
  void ShowContextMenus(Document& document);
  void ShowDeleteConfirmation(Document& document);

  void DrawOverlay(const Document& document, const Fonts& fonts, ImDrawList& drawList) const;
  bool IsSelected(NoteId id) const;
  void Select(NoteId id, bool additive, bool toggle);
  std::vector<NoteId> SelectionInBoardOrder(const Board& board) const;

  Camera m_camera;
  Layout m_layout;
  NoteFitCache m_fitCache;  // a drag re-lays the board out on every step; its texts stay wrapped
  uint64_t m_layoutChangeCount = UINT64_MAX;
  Vec2 m_size;
  bool m_fitPending = true;
  bool m_fitted = false;  // the view is the fitted one: keep it fitted on resize
  Vec2 m_fittedSize;
  Rect m_showRect;
  bool m_showRectPending = false;

  Mode m_mode = Mode::Idle;
  std::vector<NoteId> m_selection;
  Vec2 m_pressMouse, m_pressWorld, m_panStartWorld;
  int m_pressIndex = -1;        // note / stage / lane index pressed
  bool m_pressWasSelected = false;
  bool m_pressModifier = false;

  // Note drag: the layout at the gesture's start (targets are computed against it, so the live
  // reflow never feeds back into where the note goes).
  std::vector<NoteId> m_dragIds;
  std::vector<Rect> m_dragStartRects;
  Layout m_dragStartLayout;
  NoteTarget m_dragTarget;
  bool m_dragHasTarget = false;
  float m_resizeStart = 0;

  // Note editor
  NoteId m_editId;
  bool m_editIsNew = false;
  NoteTarget m_editTarget;
  TextEdit m_edit;  // the text, caret and selection being edited
  double m_editStartTime = 0;

  // The selected emotion point (Delete removes it, double-click labels it) and its drag.
  CurveId m_pointCurve;
  int m_pointIndex = -1;
  CurvePoint m_pointStart;
  int m_pointMovedIndex = -1;  // where the dragged point ended up after re-sorting

  // Rename and label fields
  std::string m_renameText;
  bool m_renameFocus = false;

  // Context menus and confirmation
  Hit m_menuHit;
  bool m_openMenu = false;
  bool m_confirmDelete = false;
  Hit m_deleteHit;

  std::vector<Note> m_clipboard;
  std::string m_clipboardText;  // what we put on the system clipboard with it
  std::string m_today;
  Vec2 m_lastMouseWorld;
  bool m_lastMouseInCanvas = false;
};

// Fits `content` plus room for the title above it.
Rect BoardContentBounds(const Layout& layout);

}  // namespace jb
