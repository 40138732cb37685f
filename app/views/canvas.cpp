// The canvas, part 1: camera, hit testing, the input snapshot and the tool dispatcher, keys.
// canvas_editing.cpp: the note editor, rename fields, menus, selection and clipboard.
// canvas_overlay.cpp: what is drawn over the board (buttons, selection, caret; tools draw their own).
//
// [SECTION] Camera and layout
// [SECTION] Hit testing
// [SECTION] Mouse: the input snapshot and the tool dispatcher
// [SECTION] Text entry (the tools' ToolHost requests)
// [SECTION] Keys
#include "app/views/canvas.h"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <cstring>

#include "app/platform/fonts.h"
#include "app/render/render.h"
#include "app/views/canvas_internal.h"
#include "app/views/find_bar.h"
#include "app/platform/i18n.h"
#include "core/edit/journey_commands.h"
#include "core/layout/curve.h"
#include "core/layout/fit.h"
#include "core/layout/sketch_hit.h"

namespace jb {

using namespace canvas;


// [SECTION] Camera and layout

Rect BoardContentBounds(const Layout& layout) {
  return FitBounds(layout);  // the title and both "+" buttons too: fit leaves nothing outside
}

void Canvas::UpdateLayout(const Document& document, const Fonts& fonts) {
  if (document.ChangeCount() == m_layoutChangeCount) return;
  if (m_layoutChangeCount == UINT64_MAX) ++m_layoutResets;  // not an edit: the board cache draws anew
  m_layout = m_roomView ? ComputeLayout(document.board(), &fonts, kMetrics, &m_roomFitCache, &kRoomMetrics)
                        : ComputeLayout(document.board(), &fonts, kMetrics, &m_fitCache);
  m_layoutChangeCount = document.ChangeCount();
}

void Canvas::SetRoomView(bool on) {
  if (on == m_roomView) return;
  m_roomView = on;
  m_layoutChangeCount = UINT64_MAX;  // lay out again at the next Show
  if (m_fitted || m_glideFits) RequestFit();
}

void Canvas::ZoomBy(float factor) {
  StopGlide();
  m_fitted = false;
  m_camera.ZoomAround({m_camera.screenOrigin.x + m_size.x * 0.5f, m_camera.screenOrigin.y + m_size.y * 0.5f},
                      factor);
}

void Canvas::PanBy(float dx, float dy) {
  SetView({m_camera.world.x - dx / m_camera.zoom, m_camera.world.y - dy / m_camera.zoom}, m_camera.zoom);
}

void Canvas::StopGlide() {
  if (!m_glide.active && !m_focusPending && !m_showRectPending && !m_glideToFitPending) return;
  m_glide.active = m_focusPending = m_showRectPending = m_glideToFitPending = false;
  m_glideFits = false;
  m_focusStage = -1;  // stopped on the way: nothing is focused
}

Camera Canvas::FittedTo(const Rect& world) const {
  Camera camera = m_camera;
  // Content keeps a small gap below a covering strip, or the usual margin from the edge.
  constexpr float kBelowCoveredPx = 12;
  const float covered = std::clamp(m_coveredTop + kBelowCoveredPx - kFitMarginPx, 0.0f, m_size.y * 0.5f);
  camera.Fit(world, {m_size.x, m_size.y - covered}, kFitMarginPx);
  camera.world.y -= covered / camera.zoom;  // the fitted area starts below the covered strip
  return camera;
}

void Canvas::StartGlide(const Rect& world, bool fits, double now) {
  m_glideRect = world;
  m_glideFits = fits;
  m_fitted = false;  // until the glide to the fitted view ends
  m_glide.Start(m_camera, FittedTo(world), now);
}

void Canvas::UpdateCamera(double now, bool resized) {
  m_camera.minZoom = Camera::MinZoomFor(BoardContentBounds(m_layout), m_size, kFitMarginPx);  // any board fits
  // The view was moved by hand (drag, wheel, zoom keys) since a focus glide ended: let the focus go.
  if (m_focusStage >= 0 && !m_glide.active && !m_focusPending &&
      (m_camera.world != m_focusCamera.world || m_camera.zoom != m_focusCamera.zoom))
    m_focusStage = -1;
  if (m_fitPending) {  // at once: start, open, a resize of the fitted view
    const Camera fitted = FittedTo(BoardContentBounds(m_layout));
    m_camera.zoom = fitted.zoom;
    m_camera.world = fitted.world;
    m_fitPending = false;
    m_fitted = true;
    m_fittedSize = m_size;
    m_glide.active = false;
  }
  if (m_glideToFitPending) {
    m_glideToFitPending = false;
    m_focusStage = -1;
    StartGlide(BoardContentBounds(m_layout), /*fits=*/true, now);
  }
  if (m_showRectPending) {
    m_showRectPending = false;
    m_focusStage = -1;
    StartGlide(m_showRect, /*fits=*/false, now);
  }
  if (m_focusPending) {
    m_focusPending = false;
    const Rect column = StageFitBounds(m_layout, m_focusStage);
    if (column.Width() > 0) StartGlide(column, /*fits=*/false, now);
    else m_focusStage = -1;  // the stage went away before its glide could start
  }
  if (m_glide.active) {
    Camera next = m_glide.At(now, m_size);
    if (resized) {  // the target moved with the canvas: go straight to where the glide ends now
      next = FittedTo(m_glideRect);
      m_glide.active = false;
    }
    m_camera.zoom = next.zoom;
    m_camera.world = next.world;
    if (!m_glide.active && m_glideFits) {
      m_fitted = true;
      m_fittedSize = m_size;
    }
  } else if (resized && m_focusStage >= 0) {  // a focused stage stays framed (entering presentation)
    const Camera framed = FittedTo(StageFitBounds(m_layout, m_focusStage));
    m_camera.zoom = framed.zoom;
    m_camera.world = framed.world;
  }
  if (m_focusStage >= 0 && !m_glide.active) m_focusCamera = m_camera;
}

bool Canvas::FocusStage(int index) {
  if (index < 0 || index + 1 >= int(m_layout.stageX.size())) return false;
  m_glideToFitPending = m_showRectPending = false;
  m_focusStage = index;
  m_focusPending = true;
  return true;
}

void Canvas::StepStage(int direction) {
  const int count = int(m_layout.stageX.size()) - 1;
  if (count <= 0) return;
  // From the whole board, Right starts at the first stage and Left at the last.
  const int from = m_focusStage >= 0 ? m_focusStage : m_fitted ? -1 : FocusedStage();
  FocusStage(from < 0 ? (direction > 0 ? 0 : count - 1) : std::clamp(from + direction, 0, count - 1));
}

int Canvas::FocusedStage() const {
  const int count = int(m_layout.stageX.size()) - 1;
  if (m_focusStage >= 0 && m_focusStage < count) return m_focusStage;
  const Vec2 centre = m_camera.ToWorld({m_camera.screenOrigin.x + m_size.x * 0.5f, m_camera.screenOrigin.y + m_size.y * 0.5f});
  return StageAtX(m_layout, centre.x);
}

void Canvas::Show(Document& document, const Fonts& fonts, const std::u32string& typed) {
  if (ImGui::GetFrameCount() % 600 == 0 || m_today.empty()) m_today = LocalDateIso();  // a workshop may cross midnight
  UpdateLayout(document, fonts);
  ImVec2 origin = ImGui::GetCursorScreenPos();
  ImVec2 avail = ImGui::GetContentRegionAvail();
  m_size = {std::max(avail.x, 1.0f), std::max(avail.y, 1.0f)};
  // A view that is still the fitted one stays fitted when the window or the menu bar changes.
  const bool resized = origin.x != m_camera.screenOrigin.x || origin.y != m_camera.screenOrigin.y ||
                       m_size != m_viewSize || m_coveredTop != m_viewCoveredTop;
  if (m_fitted && (resized || m_size != m_fittedSize)) m_fitPending = true;
  m_camera.screenOrigin = {origin.x, origin.y};
  m_viewSize = m_size;
  m_viewCoveredTop = m_coveredTop;
  UpdateCamera(ImGui::GetTime(), resized);

  ImGui::SetItemAllowOverlap();
  ImGui::InvisibleButton("board", {m_size.x, m_size.y},
                         ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight |
                             ImGuiButtonFlags_MouseButtonMiddle);
  ImGui::SetItemAllowOverlap();
  PersonaId droppedPersona;
  bool dropDelivered = false;
  if (ImGui::BeginDragDropTarget()) {  // a persona chip from the persona panel
    constexpr ImGuiDragDropFlags kPreview = ImGuiDragDropFlags_AcceptBeforeDelivery | ImGuiDragDropFlags_AcceptNoDrawDefaultRect;
    if (const ImGuiPayload* payload = ImGui::AcceptDragDropPayload(kPersonaPayload, kPreview);
        payload && payload->DataSize == sizeof(uint64_t)) {
      uint64_t value = 0;
      std::memcpy(&value, payload->Data, sizeof value);
      droppedPersona = PersonaId(value);
      dropDelivered = payload->IsDelivery();
    }
    ImGui::EndDragDropTarget();
  }
  m_fonts = &fonts;
  ToolContext ctx = Context(document, fonts);
  const Input input = Snapshot(document.board());
  m_personaDropNote = -1;
  if (droppedPersona)
    PersonaDrop(document, droppedPersona, input.hover.kind == Hover::Note ? input.hover.index : -1, dropDelivered);
  HandleMouse(ctx, input);
  if (m_editing == Editing::Note) HandleNoteEditor(document, fonts, typed);
  HandleKeys(document, input);
  UpdateLayout(document, fonts);

  ImDrawList& drawList = *ImGui::GetWindowDrawList();
  drawList.PushClipRect(origin, {origin.x + m_size.x, origin.y + m_size.y}, true);
  RenderOptions options;
  options.visible = {origin.x, origin.y, origin.x + m_size.x, origin.y + m_size.y};
  std::unordered_set<uint64_t> placeholders;
  if (const std::vector<NoteId>* hidden = m_owner ? m_owner->HiddenNotes() : nullptr) {
    for (NoteId id : *hidden) placeholders.insert(id.value);
    options.placeholders = &placeholders;
  }
  if (const EmotionCurve* curve = ActiveCurve(document.board())) options.activeCurve = curve->id;
  options.today = m_today;
  options.personaFilter = personaFilter;
  options.lanePrompts = true;  // the screen only: exports never set it
  options.promptsDrawn = &m_promptsDrawn;
  if (!found.empty()) {
    options.found = &found;
    options.foundCurrent = foundCurrent;
  }
  options.palette = palette;
  options.pointLabelMinPx = PointLabelMinPx();
  AdvanceFlip();
  if (!m_flipping.empty()) options.flipping = &m_flipping;
  if (m_editing == Editing::Note) {
    const int i = document.board().NoteIndex(m_editId);
    if (i >= 0 && i < int(m_layout.notes.size())) {
      options.editing = m_editId;
      options.editingFirstLine = EditorFirstLine(m_layout.notes[i]);
    }
  }
  if (boardCache) {
    BoardCache::View view;
    view.document = &document;
    view.layout = &m_layout;
    view.layoutResets = m_layoutResets;
    view.camera = &m_camera;
    view.fonts = &fonts;
    view.options = &options;
    view.now = ImGui::GetTime();
    view.framebufferScale = ImGui::GetIO().DisplayFramebufferScale.x;
    m_boardCache.Draw(view, drawList);
  } else {
    DrawBoard(document.board(), m_layout, m_camera, fonts, drawList, options);
  }
  DrawOverlay(ctx, drawList);
  if (m_personaDropNote >= 0 && size_t(m_personaDropNote) < m_layout.notes.size()) {
    const Rect r = m_camera.ToScreen(m_layout.notes[size_t(m_personaDropNote)].rect);
    drawList.AddRect({r.x0 - 3, r.y0 - 3}, {r.x1 + 3, r.y1 + 3}, IM_COL32(37, 99, 235, 255), 4, 0, 3);
  }
  drawList.PopClipRect();

  if (m_editing == Editing::RenameStage || m_editing == Editing::RenameLane || m_editing == Editing::RenameTitle)
    ShowRenameField(document);
  if (m_editing == Editing::PointLabel) ShowPointLabelField(document);
  if (m_editing == Editing::LabelText) ShowLabelField(document);
  if (m_editing == Editing::FrameTitle) ShowFrameTitleField(document);
  ShowContextMenus(document);
  ShowReachedField(document);
  ShowDeleteConfirmation(document);
}

// [SECTION] Hit testing

Rect Canvas::AddStageButton() const { return AddStageButtonRect(m_layout); }

Rect Canvas::AddLaneButton() const { return AddLaneButtonRect(m_layout); }

Rect Canvas::LaneChevron(int lane) const { return m_layout.LaneChevron(lane); }

namespace {

Hover SketchHover(const SketchHit& sketch) {
  constexpr Hover::Kind kinds[] = {Hover::None, Hover::Stroke, Hover::Arrow, Hover::Frame, Hover::Label};
  return {kinds[int(sketch.kind)], sketch.index};
}

}  // namespace

Canvas::Hit Canvas::HitTest(const Board& board, Vec2 p) const {
  Hit hit;
  // Curve points first (small, on top); the active curve's before the others.
  const float pointRadius = 10 / m_camera.zoom;
  for (int pass = 0; pass < 2; ++pass)
    for (size_t c = 0; c < m_layout.curves.size(); ++c) {
      if ((board.curves[c].id == activeCurve) != (pass == 0)) continue;
      for (const CurvePointPos& knot : m_layout.curves[c].knots)
        if (std::hypot(knot.pos.x - p.x, knot.pos.y - p.y) <= pointRadius) {
          hit.kind = Hit::CurvePoint;
          hit.curve = int(c);
          hit.index = knot.point;
          return hit;
        }
    }
  const float sketchTolerance = 6 / m_camera.zoom;
  if (m_fonts)
    if (const SketchHit sketch = HitSketchAbove(board, m_layout, *m_fonts, p, sketchTolerance)) return SketchHover(sketch);
  for (int i = int(m_layout.notes.size()) - 1; i >= 0; --i) {
    const NoteBox& box = m_layout.notes[i];
    if (!box.hidden && box.rect.Contains(p)) return {Hit::Note, i};
  }
  // The curve itself, by the same samples it is drawn with.
  for (size_t c = 0; c < m_layout.curves.size(); ++c)
    if (m_layout.curves[c].samples.size() >= 2 && DistanceToPolyline(m_layout.curves[c].samples, p) <= 6 / m_camera.zoom) {
      hit.kind = Hit::Curve;
      hit.curve = int(c);
      return hit;
    }
  const float grip = kBorderGripPx / m_camera.zoom;
  const float headerBottom = m_layout.laneY.front(), labelRight = m_layout.stageX.front();
  if (p.y >= m_layout.grid.y0 && p.y < headerBottom) {
    for (size_t s = 1; s < m_layout.stageX.size(); ++s)
      if (std::abs(p.x - m_layout.stageX[s]) <= grip) return {Hit::StageBorder, int(s) - 1};
  }
  if (p.x >= m_layout.grid.x0 && p.x < labelRight) {
    for (size_t l = 1; l < m_layout.laneY.size(); ++l)
      if (std::abs(p.y - m_layout.laneY[l]) <= grip) return {Hit::LaneBorder, int(l) - 1};
  }
  if (AddStageButton().Contains(p)) return {Hit::AddStage};
  if (AddLaneButton().Contains(p)) return {Hit::AddLane};
  for (size_t s = 0; s < board.stages.size(); ++s)
    if (m_layout.StageHeader(int(s)).Contains(p)) return {Hit::StageHeader, int(s)};
  for (size_t l = 0; l < board.lanes.size(); ++l) {
    if (LaneChevron(int(l)).Contains(p)) return {Hit::LaneChevron, int(l)};
    if (m_layout.LaneLabel(int(l)).Contains(p)) return {Hit::LaneLabel, int(l)};
  }
  if (m_layout.TitleBox().Contains(p)) return {Hit::Title};
  if (const SketchHit sketch = HitSketchBelow(board, m_layout, p, sketchTolerance)) return SketchHover(sketch);
  int stage = -1, lane = -1;
  if (m_layout.CellAt(p, &stage, &lane)) {
    hit.kind = Hit::Cell;
    hit.stage = stage;
    hit.lane = lane;
    return hit;
  }
  hit.kind = Hit::Empty;
  return hit;
}

// [SECTION] Mouse: the input snapshot and the tool dispatcher

Input Canvas::Snapshot(const Board& board) const {
  ImGuiIO& io = ImGui::GetIO();
  Input input;
  input.hovered = ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem);
  input.canvasActive = ImGui::IsItemActive();
  input.mouse = ToVec(io.MousePos);
  input.world = m_camera.ToWorld(input.mouse);
  input.hover = HitTest(board, input.world);
  for (int button = 0; button < kMouseButtons; ++button) {
    input.pressed[button] = ImGui::IsMouseClicked(button);
    input.released[button] = ImGui::IsMouseReleased(button);
    input.doubleClicked[button] = ImGui::IsMouseDoubleClicked(button);
    input.down[button] = ImGui::IsMouseDown(button);
    input.dragging[button] = ImGui::IsMouseDragging(button, kDragThresholdPx);
    input.dragDelta[button] = ToVec(ImGui::GetMouseDragDelta(button, 0));
  }
  input.shift = io.KeyShift;
  input.ctrl = io.KeyCtrl;
  input.alt = io.KeyAlt;
  input.wheel = io.MouseWheel;
  input.escape = Pressed(GLFW_KEY_ESCAPE, false);
  return input;
}

ToolContext Canvas::Context(Document& document, const Fonts& fonts) {
  return ToolContext{document, fonts,    m_camera, m_layout, m_selection, activeCurve, m_point,
                     m_fitted, voting,   tool,     *this,    palette,     m_sketches,  ink,    &roundDot};
}

// The dispatcher: a press goes to the first tool that accepts it, which then owns the gesture
// until its button goes up (or Esc, in HandleKeys); the others are not asked meanwhile.
void Canvas::HandleMouse(ToolContext& ctx, const Input& input) {
  Document& document = ctx.document;
  const Board& board = document.board();
  m_lastMouseInCanvas = input.hovered;
  if (input.hovered) m_lastMouseWorld = input.world;

  // The hand takes the view back from a glide: a wheel step or any press on the board stops it.
  if (input.hovered && (input.wheel != 0 || input.pressed[kLeft] || input.pressed[kRight] || input.pressed[kMiddle]))
    StopGlide();
  if (input.hovered && input.wheel != 0 && !(m_owner && m_owner->LocksView())) {
    m_camera.ZoomAround(input.mouse, std::pow(kWheelZoomStep, input.wheel));
    m_fitted = false;
  }

  // A click outside the note being typed finishes it; clicks inside it, and in the rename and
  // label fields, stay there.
  if (input.hovered && (input.pressed[kRight] || input.pressed[kMiddle]) && m_editing == Editing::Note)
    CommitNoteEdit(document);
  if (input.hovered && input.pressed[kLeft]) {
    if (m_editing == Editing::Note) {
      Rect editing;
      if (int i = board.NoteIndex(m_editId); i >= 0) editing = m_layout.notes[i].rect;
      if (editing.Contains(input.world)) return;
      CommitNoteEdit(document);
    }
    if (m_editing != Editing::None) return;
  }

  if (!m_owner && input.hovered && m_editing == Editing::None) {
    for (MouseButton button : {kLeft, kRight, kMiddle}) {
      if (!input.pressed[button]) continue;
      for (const std::unique_ptr<CanvasTool>& tool : m_tools)
        if (tool->Press(ctx, input, button)) {
          m_owner = tool.get();
          m_ownerButton = button;
          break;
        }
      break;
    }
  }
  if (m_owner) {
    m_owner->Update(ctx, input);
    if (input.released[m_ownerButton]) {
      m_owner->Release(ctx, input);
      m_owner = nullptr;
    }
  }
  if (!m_owner && input.hovered && m_editing == Editing::None)
    for (const std::unique_ptr<CanvasTool>& tool : m_tools) tool->HoverCursor(ctx, input);
}

void Canvas::EndGesture(Document& document) {
  if (m_owner) {
    ToolContext ctx = Context(document, *m_fonts);
    m_owner->Cancel(ctx);
    m_owner = nullptr;
  }
  if (document.InGesture()) document.CancelGesture();
}

// [SECTION] Text entry (the tools' ToolHost requests)

void Canvas::BeginRename(const Board& board, bool stage, int index) {
  m_editing = stage ? Editing::RenameStage : Editing::RenameLane;
  m_renameIndex = index;
  m_renameText = stage ? board.stages[index].name : board.lanes[index].name;
  m_renameFocus = true;
}

void Canvas::BeginTitleRename(const Board& board) {
  m_editing = Editing::RenameTitle;
  m_renameText = board.meta.title;
  m_renameFocus = true;
}

void Canvas::BeginPointLabel(const std::string& label) {
  m_renameText = label;
  m_renameFocus = true;
  m_editing = Editing::PointLabel;
}

void Canvas::OpenContextMenu(const Board& board, const Hover& hover) {
  m_menuHit = hover;
  if (m_menuHit.kind == Hit::Empty)  // a stage's part of the funnel strip: that stage's menu (Customers reached…)
    for (const FunnelColumn& column : m_layout.funnel.columns)
      if (column.column.Contains(m_lastMouseWorld)) m_menuHit = {Hit::StageHeader, column.stage};
  if (m_menuHit.kind == Hit::Note && !IsSelected(board.notes[m_menuHit.index].id)) Select(board.notes[m_menuHit.index].id, false, false);
  // A sketch's menu acts on it: one not yet selected becomes the selection.
  const int i = m_menuHit.index;
  auto pick = [&](auto& ids, const auto& records) {
    if (i < 0 || i >= int(records.size()) || std::find(ids.begin(), ids.end(), records[size_t(i)].id) != ids.end()) return;
    ClearSelection();
    ids.push_back(records[size_t(i)].id);
  };
  if (m_menuHit.kind == Hit::Stroke) pick(m_sketches.strokes, board.strokes);
  if (m_menuHit.kind == Hit::Arrow) pick(m_sketches.arrows, board.arrows);
  if (m_menuHit.kind == Hit::Frame) pick(m_sketches.frames, board.frames);
  if (m_menuHit.kind == Hit::Label) pick(m_sketches.labels, board.labels);
  m_openMenu = true;
}

const EmotionCurve* Canvas::ActiveCurve(const Board& board) const {
  if (const EmotionCurve* curve = board.FindCurve(activeCurve)) return curve;
  return board.curves.empty() ? nullptr : &board.curves.front();
}

void Canvas::SetActivePersona(const Board& board, PersonaId persona) {
  activePersona = persona;
  for (const EmotionCurve& curve : board.curves)
    if (curve.persona == persona) {
      activeCurve = curve.id;
      return;
    }
}

// [SECTION] Keys

void Canvas::HandleKeys(Document& document, const Input& input) {
  if (!ImGui::IsWindowFocused() || ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopupId)) return;
  ImGuiIO& io = ImGui::GetIO();
  if (IsTyping()) return;
  if (input.escape) {  // ends the gesture (the board goes back); with none, ends selection and voting
    const bool idle = !m_owner;
    EndGesture(document);
    if (idle) {
      const bool sketching = tool >= Tool::Pen;
      const bool used = HasSelection() || m_point.index >= 0 || voting || tool == Tool::Note || sketching;
      ClearSelection();
      m_point.index = -1;
      voting = false;
      if (tool == Tool::Note) tool = Tool::Pan;
      if (sketching) tool = Tool::Select;  // Esc puts the marker down: back to Select
      if (!used && idleEscape) idleEscape();
    }
    return;
  }
  if (io.KeyCtrl || io.KeyAlt || m_owner) return;
  if (commandKeys) commandKeys();  // F, V, Del: the command table's plain keys
  // Arrows nudge the selected notes; with none selected, Left/Right step between stages (a command).
  Vec2 nudge{0, 0};
  float step = io.KeyShift ? kNudgeUnits * 5 : kNudgeUnits;
  if (Pressed(GLFW_KEY_LEFT)) nudge.x -= step;
  if (Pressed(GLFW_KEY_RIGHT)) nudge.x += step;
  if (Pressed(GLFW_KEY_UP)) nudge.y -= step;
  if (Pressed(GLFW_KEY_DOWN)) nudge.y += step;
  if ((nudge.x != 0 || nudge.y != 0) && !m_selection.empty())
    document.Apply(NudgeNotes(document.board(), m_selection, nudge), N_("Nudge"));
}

void Canvas::DeleteSelected(Document& document) {
  if (m_point.index >= 0) {
    document.Apply(DeleteCurvePoint(document.board(), m_point.curve, m_point.index), N_("Delete point"));
    m_point.index = -1;
  } else {
    DeleteSelection(document);
  }
}

const char* Canvas::RenamingWhat() const {
  switch (m_editing) {
    case Editing::RenameTitle: return "title";
    case Editing::RenameStage: return "stage";
    case Editing::RenameLane: return "lane";
    case Editing::PointLabel: return "point";
    case Editing::LabelText: return "label";
    case Editing::FrameTitle: return "frame";
    default: return "";
  }
}

bool Canvas::IsTyping() const { return m_editing != Editing::None; }

void Canvas::FinishInteraction(Document& document) {
  switch (m_editing) {
    case Editing::Note: CommitNoteEdit(document); break;
    case Editing::RenameStage:
    case Editing::RenameLane:
    case Editing::RenameTitle:
    case Editing::PointLabel:
    case Editing::LabelText:
    case Editing::FrameTitle: m_editing = Editing::None; break;
    case Editing::None: break;
  }
  EndGesture(document);
}

void Canvas::RevealNote(Document& document, NoteId id) {
  FinishInteraction(document);
  SetSelection({id});
  const int index = document.board().NoteIndex(id);
  if (LayoutIsCurrent(document) && index >= 0 && size_t(index) < m_layout.notes.size())
    GlideTo(RevealRect(m_layout.notes[size_t(index)].rect, m_size, m_camera.zoom));
}

}  // namespace jb
