// The board view: draws the document with DrawBoard, owns the camera and the selection, and turns
// mouse and keyboard into Document commands. Views keep only view state, never a copy of the board.
// Each frame it builds one Input snapshot and offers presses to its tools (app/tools/, listed in
// app/tools/toolbox.cpp), which own the gestures; the canvas keeps the text fields, the menus,
// the keys, the clipboard and the overlay.
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
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "app/render/board_cache.h"
#include "app/render/render.h"
#include "app/tools/tool.h"
#include "app/views/arrow_menu.h"
#include "core/edit/commands.h"
#include "core/edit/document.h"
#include "core/layout/camera.h"
#include "core/layout/camera_glide.h"
#include "core/layout/layout.h"
#include "core/layout/text_edit.h"

namespace jb {

class Fonts;
struct BoardPalette;
}  // namespace jb
struct ImDrawList;
namespace jb {

class Canvas : private ToolHost {
 public:
  // The strip's tools (app/tools/tool.h). Note: the next tap adds a note (then back to Pan).
  using Tool = ToolKind;

  // Draws into the current ImGui window's content region and handles its input. `typed` holds the
  // characters typed since the last frame (full code points).
  void Show(Document& document, const Fonts& fonts, const std::u32string& typed);

  // Fits the board at once (start, open, restore): no glide.
  void RequestFit() {
    m_fitPending = true;
    m_glide.active = false;
    m_focusStage = -1;
  }
  // F, 0: glides to the fitted view (about 250 ms, eased).
  void GlideToFit() { m_glideToFitPending = true; }
  // The top `px` of the canvas are covered (presentation's overlay, the find bar): fits and
  // focused stages keep below them, and a change re-frames the view as a resize does.
  void SetCoveredTop(float px) { m_coveredTop = px; }
  void ZoomBy(float factor);  // around the canvas centre
  // Moves the view by `dx`, `dy` window pixels, as a hand's pan does (the benchmark, tests).
  void PanBy(float dx, float dy);
  // Glides to show `world` (board units) whole and centred (takes effect at the next Show).
  void ShowRect(const Rect& world) { GlideTo(world); }
  // Puts the view at once (no glide, no longer fitted): `world` at the canvas's top-left, `zoom`
  // pixels per board unit. The benchmark's gesture path moves the camera as a pan or wheel does.
  void SetView(Vec2 world, float zoom) {
    StopGlide();
    m_fitted = false;
    m_camera.world = world;
    m_camera.zoom = std::clamp(zoom, std::min(m_camera.minZoom, Camera::kMaxZoom), Camera::kMaxZoom);  // the board's least zoom
  }
  void GlideTo(const Rect& world) {
    m_showRect = world;
    m_showRectPending = true;
  }
  // [SECTION] Focus on stages (keys 1–9, Left/Right; view only, never in history or the file)
  // Glides to stage `index` (0-based) and keeps it focused until the view is moved by hand.
  // False when the board has no such stage.
  bool FocusStage(int index);
  // Left/Right: the stage before or after the focused one; from a fitted board, the first or last.
  void StepStage(int direction);
  // The stage last focused while the view still shows it, else the stage at the view's centre;
  // -1 for none.
  int FocusedStage() const;
  const std::vector<DrawnPrompt>& PromptsDrawn() const { return m_promptsDrawn; }
  // The camera moves on the next frames: a glide, or a fit at once still to come (Room view's new
  // layout is refitted at the next frame). The dump waits for it, the main loop asks for frames.
  bool Gliding() const { return m_glide.active || m_glideToFitPending || m_showRectPending || m_fitPending; }
  // Spotlight (L): everything left and right of the focused stage's column is dimmed.
  bool spotlight = false;
  // Room view (R): notes laid out and lettered to be read from the back of the room
  // (core/layout/room_layout.h); a display layout only. A fitted view stays fitted.
  void SetRoomView(bool on);
  bool RoomView() const { return m_roomView; }
  // What RenderOptions::pointLabelMinPx is: point labels readable from afar in Room view.
  float PointLabelMinPx() const { return m_roomView ? 13.0f : 0.0f; }

  // [SECTION] Commands for menus and shortcuts
  bool HasSelection() const { return !m_selection.empty() || !m_sketches.Empty(); }
  void SelectAll(const Document& document);
  void SetSelection(std::vector<NoteId> ids) { m_selection = std::move(ids); }
  void ClearSelection() {
    m_selection.clear();
    m_sketches.Clear();
  }
  void DeleteSelection(Document& document);
  // Del: the selected emotion point when there is one, else the selected notes.
  void DeleteSelected(Document& document);
  void CopySelection(const Document& document);
  void CutSelection(Document& document);
  void Paste(Document& document);
  void DuplicateSelection(Document& document);
  // Arrange ▸ Frame around selection: a frame around the selected free notes and sketches (with a
  // margin and room for its title), then its title field; with none of them selected, a sentence
  // to the status line instead.
  void FrameAroundSelection(Document& document);
  // Ends whatever is in progress: a text edit or rename is kept, a drag is cancelled.
  void FinishInteraction(Document& document);
  // Selects the note and glides to it (RevealRect, find_bar.h): how the find bar and the panels
  // that list notes (Map checks, Metrics, Opportunities) bring one into view.
  void RevealNote(Document& document, NoteId id);
  // Drops selected ids that no longer exist (after undo, redo, open).
  void PruneSelection(const Document& document);
  // True while typing into a note or a header: global shortcuts must leave the keys alone.
  bool IsTyping() const;

  // The command table's plain keys (F, V, Del): run while the canvas has the focus, nobody types
  // and no gesture is in progress (set by the App).
  std::function<void()> commandKeys;
  // Esc that nothing else wanted (no gesture, selection, point or voting to end): the App leaves
  // presentation mode with it.
  std::function<void()> idleEscape;
  // One sentence for the status line (a paste that was cut to the limits), set by the App.
  std::function<void(const std::string&)> notice;
  Tool tool = Tool::Pan;
  InkChoice ink;  // the pen's and highlighter's colour and width, smoothing (set by the App)
  const BoardPalette* palette = nullptr;  // the theme's board colours (null: light), set by the App
  // Dot voting: a click on a note adds a vote, Shift + click takes one away.
  bool voting = false;
  // Set by the App: while a voting round is open, a vote click is the room's dot in the round
  // (ToolContext::roundDot).
  std::function<bool(NoteId, bool)> roundDot;
  // Find's matches (note ids), drawn with a halo; the find bar (find_bar.h) sets them.
  std::unordered_set<uint64_t> found;
  NoteId foundCurrent;
  // Cover mode (silent brainstorming): notes added, pasted or duplicated are created face down.
  bool coverMode = false;

  // [SECTION] Hide, reveal and cover (canvas_workshop.cpp)
  // H: hides or shows the stage or lane whose header is under the mouse; false (and a sentence to
  // the status line) when there is none.
  bool ToggleHiddenUnderMouse(Document& document);
  void SetStageHidden(Document& document, int stage, bool hidden);
  void SetLaneHidden(Document& document, int lane, bool hidden);
  // Turns every covered note face up (one undo step) with a short flip.
  void RevealCovered(Document& document);
  // A flip is running: the app asks for timed frames only while this is true.
  bool IsAnimating() const { return !m_flipping.empty(); }
  size_t FlippingNotes() const { return m_flipping.size(); }
  // Drops selected notes in hidden stages and lanes: Del must not remove what the room cannot see.
  void PruneHiddenFromSelection(const Document& document);
  // A persona chip held over the note at `noteIndex` (-1: none): outlined; `delivered` (the button
  // let go) ties the note to the persona, one undo step.
  void PersonaDrop(Document& document, PersonaId persona, int noteIndex, bool delivered);
  // The curve that clicks in the Emotions lane add points to (the selected persona's), drawn on top.
  CurveId activeCurve;
  PersonaId activePersona;  // the persona the panel shows
  PersonaId personaFilter;  // Journey ▸ Filter by persona (a view: never saved); none: everyone
  // Draw the board through the retained board cache (app/render/board_cache.h): gestures composite
  // what was drawn instead of redrawing it. Off: every frame draws the whole board (the benchmark's
  // "nocache" figures, and the reference the cache is checked against).
  bool boardCache = true;
  // The renderer the board cache draws its textures with (the App's); none: no cache.
  void UseRenderer(GpuRenderer* renderer) { m_boardCache.SetRenderer(renderer); }
  // Seconds until the board cache wants a frame to draw crisp what a gesture left scaled, or -1.
  double BoardCacheFrameIn(double now) const { return boardCache ? m_boardCache.CrispIn(now) : -1; }
  // The ImGui drag-and-drop payload of a persona chip (persona_panel.cpp): a PersonaId's value.
  // Dropped on a note, it ties the note to that persona (canvas_workshop.cpp).
  static constexpr const char* kPersonaPayload = "JB_PERSONA";
  void SetActivePersona(const Board& board, PersonaId persona);
  const Camera& camera() const { return m_camera; }
  const Layout& layout() const { return m_layout; }
  // False when the board changed after this frame's layout (a dialog or panel acted after the
  // canvas drew); the next frame catches up.
  // The name field open on the canvas: "title", "stage", "lane", "point" or "" (for the layout dump).
  const char* RenamingWhat() const;
  // The note being edited (0: none) and the first line it shows: a clipped note scrolls to the caret.
  uint64_t EditedNote(size_t* firstLine) const {
    if (m_editing != Editing::Note) return 0;
    for (const NoteBox& box : m_layout.notes) {
      if (box.id != m_editId) continue;
      *firstLine = EditorFirstLine(box);
      return m_editId.value;
    }
    return 0;
  }
  bool LayoutIsCurrent(const Document& document) const { return m_layoutChangeCount == document.ChangeCount(); }
  const std::vector<NoteId>& selection() const { return m_selection; }
  const SketchSelection& sketchSelection() const { return m_sketches; }
  Vec2 size() const { return m_size; }
  Rect AddStageButton() const;
  Rect AddLaneButton() const;
  Rect LaneChevron(int lane) const;  // the ▾ that collapses a lane

 private:
  // The modes with a text field: the note editor, the rename field, the point label field.
  enum class Editing { None, Note, RenameStage, RenameLane, RenameTitle, PointLabel, LabelText, FrameTitle };
  using Hit = Hover;

  void UpdateLayout(const Document& document, const Fonts& fonts);
  Hit HitTest(const Board& board, Vec2 world) const;
  Input Snapshot(const Board& board) const;
  ToolContext Context(Document& document, const Fonts& fonts);

  // Offers presses to the tools and feeds the gesture's owner (app/tools/tool.h).
  void HandleMouse(ToolContext& ctx, const Input& input);
  void HandleKeys(Document& document, const Input& input);
  void EndGesture(Document& document);  // cancels the gesture in progress, if any

  // ToolHost: what tools ask of the canvas.
  void BeginNoteEdit(Document& document, NoteId id) override;
  void BeginNewNote(Document& document, const NoteTarget& target, Vec2 freePos) override;
  void BeginRename(const Board& board, bool stage, int index) override;
  void BeginTitleRename(const Board& board) override;
  void BeginPointLabel(const std::string& label) override;
  void OpenContextMenu(const Board& board, const Hover& hover) override;
  void BeginLabelEdit(Document& document, LabelId id, Vec2 pos) override;
  void BeginFrameTitle(const Board& board, FrameId id) override;

  void HandleNoteEditor(Document& document, const Fonts& fonts, const std::u32string& typed);
  void CommitNoteEdit(Document& document);
  void ShowRenameField(Document& document);
  void ShowPointLabelField(Document& document);
  void ShowLabelField(Document& document);      // a free text label's text (multi-line)
  void ShowFrameTitleField(Document& document);
  const EmotionCurve* ActiveCurve(const Board& board) const;
  void ShowContextMenus(Document& document);
  void ShowDeleteConfirmation(Document& document);

  void DrawOverlay(const ToolContext& ctx, ImDrawList& drawList) const;
  void DrawSpotlight(ImDrawList& drawList) const;
  // Moves the camera for this frame: a pending fit or glide starts, a running glide steps.
  void UpdateCamera(double now, bool resized);
  void StartGlide(const Rect& world, bool fits, double now);
  void StopGlide();  // the hand moves the view: a glide (and the focus it was heading for) ends
  Camera FittedTo(const Rect& world) const;  // the camera that shows `world` whole in this canvas
  // The first line the edited note shows: a note clipped at kMaxNoteHeight scrolls to the caret.
  size_t EditorFirstLine(const NoteBox& box) const { return box.text.FirstShownLine(TextEdit::LineOf(box.text, m_edit.caret())); }
  bool IsSelected(NoteId id) const;
  void Select(NoteId id, bool additive, bool toggle);
  std::vector<NoteId> SelectionInBoardOrder(const Board& board) const;

  Camera m_camera;
  Layout m_layout;
  NoteFitCache m_fitCache;  // a drag re-lays the board out on every step; its texts stay wrapped
  NoteFitCache m_roomFitCache;  // the same for Room view (fitted at other widths and sizes)
  bool m_roomView = false;
  uint64_t m_layoutChangeCount = UINT64_MAX;
  uint64_t m_layoutResets = 0;  // layouts made for another reason than an edit (Room view, fonts)
  BoardCache m_boardCache;
  Vec2 m_size;
  bool m_fitPending = true;
  bool m_fitted = false;  // the view is the fitted one: keep it fitted on resize
  Vec2 m_fittedSize;
  Rect m_showRect;
  bool m_showRectPending = false;
  bool m_glideToFitPending = false;
  CameraGlide m_glide;
  bool m_glideFits = false;    // the glide ends at the fitted view (F, 0)
  Rect m_glideRect;            // what the glide ends showing: refitted when the canvas resizes
  int m_focusStage = -1;       // the stage focused with 1–9 or Left/Right, -1 none
  bool m_focusPending = false; // its glide is still to start (at the next Show)
  Camera m_focusCamera;        // the view that shows it: moving away by hand drops the focus
  Vec2 m_viewSize;             // the canvas size the camera was last set for
  float m_coveredTop = 0, m_viewCoveredTop = 0;  // SetCoveredTop's, and the one the camera was last set for

  // The tools, in the order a press is offered to them, and the one that owns the gesture in
  // progress (until its button goes up or Esc).
  std::vector<std::unique_ptr<CanvasTool>> m_tools = MakeTools();
  int m_personaDropNote = -1;  // the note a persona chip is held over (outlined), this frame
  CanvasTool* m_owner = nullptr;
  MouseButton m_ownerButton = kLeft;
  const Fonts* m_fonts = nullptr;  // of the last Show

  Editing m_editing = Editing::None;
  std::vector<NoteId> m_selection;
  PointSelection m_point;  // the selected emotion point
  SketchSelection m_sketches;  // selected strokes, arrows, frames and labels

  // Note editor
  NoteId m_editId;
  bool m_editIsNew = false;
  NoteTarget m_editTarget;
  TextEdit m_edit;  // the text, caret and selection being edited
  double m_editStartTime = 0;

  // Rename and label fields
  int m_renameIndex = -1;  // the stage or lane renamed
  std::string m_renameText;
  bool m_renameFocus = false;
  LabelId m_labelId;  // the label typed into (empty: a new one at m_labelPos)
  Vec2 m_labelPos;
  FrameId m_frameId;  // the frame renamed

  // Context menus and confirmation
  Hit m_menuHit;
  bool m_openMenu = false;
  ArrowMenu m_arrowMenu;
  bool m_confirmDelete = false;
  Hit m_deleteHit;
  // The stage menu's Customers reached… field (ShowReachedField).
  StageId m_reachedStage;
  std::string m_reachedText, m_reachedError;
  bool m_openReached = false, m_reachedFocus = false;
  void ShowReachedField(Document& document);

  // Reveal's flip: note id → its progress, advanced each frame from m_flipStart (ImGui time).
  std::unordered_map<uint64_t, float> m_flipping;
  double m_flipStart = 0;
  void AdvanceFlip();
  // `diff` as cover mode makes it (its new notes face down when the mode is on).
  BoardDiff Covering(BoardDiff diff) const;
  bool m_editCovered = false;  // the note being added is made face down (cover mode at its start)

  std::vector<Note> m_clipboard;
  std::string m_clipboardText;  // what we put on the system clipboard with it
  std::string m_today;
  std::vector<DrawnPrompt> m_promptsDrawn;  // the lane prompts of the last frame (layout dump)
  Vec2 m_lastMouseWorld;
  bool m_lastMouseInCanvas = false;
};

// Whether the note sits in a hidden stage or lane (kept and saved, not shown).
bool InHiddenStageOrLane(const Board& board, const Note& note);

// Fits `content` plus room for the title above it.
Rect BoardContentBounds(const Layout& layout);

}  // namespace jb
