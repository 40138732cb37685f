// The canvas, part 1: camera, hit testing, mouse and keys.
// canvas_editing.cpp: the note editor, rename fields, menus, selection and clipboard.
// canvas_overlay.cpp: what is drawn over the board (selection, drop target, dragged notes, buttons).
//
// [SECTION] Camera and layout
// [SECTION] Hit testing
// [SECTION] Mouse: press, drag, release
// [SECTION] Keys
#include "app/views/canvas.h"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>

#include "app/platform/fonts.h"
#include "app/render/render.h"
#include "app/views/canvas_internal.h"
#include "core/edit/journey_commands.h"
#include "core/layout/curve.h"

namespace jb {

using namespace canvas;


// [SECTION] Camera and layout

Rect BoardContentBounds(const Layout& layout) {
  Rect bounds = layout.bounds;
  bounds.y0 -= 72;  // the title above the grid
  return bounds;
}

void Canvas::UpdateLayout(const Document& document, const Fonts& fonts) {
  if (document.ChangeCount() == m_layoutChangeCount) return;
  m_layout = ComputeLayout(document.board(), &fonts, kMetrics, &m_fitCache);
  m_layoutChangeCount = document.ChangeCount();
}

void Canvas::ZoomBy(float factor) {
  m_fitted = false;
  m_camera.ZoomAround({m_camera.screenOrigin.x + m_size.x * 0.5f, m_camera.screenOrigin.y + m_size.y * 0.5f},
                      factor);
}

void Canvas::Show(Document& document, const Fonts& fonts, const std::u32string& typed) {
  if (ImGui::GetFrameCount() % 600 == 0 || m_today.empty()) m_today = LocalDateIso();  // a workshop may cross midnight
  UpdateLayout(document, fonts);
  ImVec2 origin = ImGui::GetCursorScreenPos();
  ImVec2 avail = ImGui::GetContentRegionAvail();
  m_size = {std::max(avail.x, 1.0f), std::max(avail.y, 1.0f)};
  // A view that is still the fitted one stays fitted when the window or the menu bar changes.
  if (m_fitted && (origin.x != m_camera.screenOrigin.x || origin.y != m_camera.screenOrigin.y || m_size != m_fittedSize))
    m_fitPending = true;
  m_camera.screenOrigin = {origin.x, origin.y};
  if (m_fitPending) {
    Camera fitted;
    fitted.Fit(BoardContentBounds(m_layout), m_size, kFitMarginPx);
    m_camera.zoom = fitted.zoom;
    m_camera.world = fitted.world;
    m_fitPending = false;
    m_fitted = true;
    m_fittedSize = m_size;
  }
  if (m_showRectPending) {
    Camera shown;
    shown.Fit(m_showRect, m_size, kFitMarginPx);
    m_camera.zoom = shown.zoom;
    m_camera.world = shown.world;
    m_showRectPending = false;
    m_fitted = false;
  }

  ImGui::SetItemAllowOverlap();
  ImGui::InvisibleButton("board", {m_size.x, m_size.y},
                         ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight |
                             ImGuiButtonFlags_MouseButtonMiddle);
  ImGui::SetItemAllowOverlap();
  HandleMouse(document, fonts);
  if (m_mode == Mode::EditNote) HandleNoteEditor(document, fonts, typed);
  HandleKeys(document);
  UpdateLayout(document, fonts);

  ImDrawList& drawList = *ImGui::GetWindowDrawList();
  drawList.PushClipRect(origin, {origin.x + m_size.x, origin.y + m_size.y}, true);
  RenderOptions options;
  options.visible = {origin.x, origin.y, origin.x + m_size.x, origin.y + m_size.y};
  std::unordered_set<uint64_t> placeholders;
  if (m_mode == Mode::DragNotes) {
    for (NoteId id : m_dragIds) placeholders.insert(id.value);
    options.placeholders = &placeholders;
  }
  if (const EmotionCurve* curve = ActiveCurve(document.board())) options.activeCurve = curve->id;
  options.today = m_today;
  DrawBoard(document.board(), m_layout, m_camera, fonts, drawList, options);
  DrawOverlay(document, fonts, drawList);
  drawList.PopClipRect();

  if (m_mode == Mode::RenameStage || m_mode == Mode::RenameLane) ShowRenameField(document);
  if (m_mode == Mode::LabelPoint) ShowPointLabelField(document);
  ShowContextMenus(document);
  ShowDeleteConfirmation(document);
}

// [SECTION] Hit testing

Rect Canvas::AddStageButton() const {
  float x = m_layout.stageX.back() + 12, y = (m_layout.laneY.front() - kButtonUnits) * 0.5f;
  return {x, y, x + kButtonUnits, y + kButtonUnits};
}

Rect Canvas::AddLaneButton() const {
  float x = (m_layout.stageX.front() - kButtonUnits) * 0.5f, y = m_layout.laneY.back() + 12;
  return {x, y, x + kButtonUnits, y + kButtonUnits};
}

Rect Canvas::LaneChevron(int lane) const {
  Rect label = m_layout.LaneLabel(lane);
  return {label.x1 - 34, label.y0 + 8, label.x1 - 8, label.y0 + 34};
}

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

NoteTarget Canvas::DropTarget(const Board& board, Vec2 world) const {
  NoteTarget target;
  int stage = -1, lane = -1;
  if (!m_dragStartLayout.CellAt(world, &stage, &lane) || board.lanes[lane].collapsed) return target;
  target.stage = board.stages[stage].id;
  target.lane = board.lanes[lane].id;
  // Before the first note (in cell order) that the pointer is above, or left of within its row.
  for (size_t i = 0; i < m_dragStartLayout.notes.size(); ++i) {
    const NoteBox& box = m_dragStartLayout.notes[i];
    if (box.stage != stage || box.lane != lane) continue;
    if (std::find(m_dragIds.begin(), m_dragIds.end(), box.id) != m_dragIds.end()) continue;
    bool above = world.y < box.rect.y0;
    bool leftInRow = world.y < box.rect.y1 && world.x < (box.rect.x0 + box.rect.x1) * 0.5f;
    if (above || leftInRow) {
      target.before = box.id;
      break;
    }
  }
  return target;
}

// [SECTION] Mouse: press, drag, release

void Canvas::HandleMouse(Document& document, const Fonts& fonts) {
  (void)fonts;
  ImGuiIO& io = ImGui::GetIO();
  const Board& board = document.board();
  const Vec2 mouse = ToVec(io.MousePos);
  const Vec2 world = m_camera.ToWorld(mouse);
  const bool hovered = ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem);
  m_lastMouseInCanvas = hovered;
  if (hovered) m_lastMouseWorld = world;

  if (hovered && io.MouseWheel != 0 && m_mode != Mode::DragNotes) {
    m_camera.ZoomAround(mouse, std::pow(kWheelZoomStep, io.MouseWheel));
    m_fitted = false;
  }

  // Right and middle buttons always pan; right-click without moving opens a context menu.
  if (hovered && (ImGui::IsMouseClicked(ImGuiMouseButton_Right) || ImGui::IsMouseClicked(ImGuiMouseButton_Middle))) {
    if (m_mode == Mode::EditNote) CommitNoteEdit(document);
    m_panStartWorld = m_camera.world;
    m_pressMouse = mouse;
  }
  for (int button : {int(ImGuiMouseButton_Right), int(ImGuiMouseButton_Middle)}) {
    if (ImGui::IsMouseDown(button) && ImGui::IsMouseDragging(button, kDragThresholdPx) && m_mode == Mode::Idle &&
        ImGui::IsItemActive()) {
      m_camera.world.x = m_panStartWorld.x - (mouse.x - m_pressMouse.x) / m_camera.zoom;
      m_camera.world.y = m_panStartWorld.y - (mouse.y - m_pressMouse.y) / m_camera.zoom;
      m_fitted = false;
    }
  }
  if (hovered && ImGui::IsMouseReleased(ImGuiMouseButton_Right) &&
      ImGui::GetMouseDragDelta(ImGuiMouseButton_Right, 0).x == 0 &&
      ImGui::GetMouseDragDelta(ImGuiMouseButton_Right, 0).y == 0 && m_mode == Mode::Idle) {
    m_menuHit = HitTest(board, world);
    if (m_menuHit.kind == Hit::Note && !IsSelected(board.notes[m_menuHit.index].id)) Select(board.notes[m_menuHit.index].id, false, false);
    m_openMenu = true;
  }

  // Left button.
  const bool leftClicked = hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left);
  if (leftClicked && m_mode == Mode::EditNote) {
    Rect editing;
    if (int i = board.NoteIndex(m_editId); i >= 0) editing = m_layout.notes[i].rect;
    if (editing.Contains(world)) return;  // clicks inside the note being edited stay there
    CommitNoteEdit(document);
  }
  if (leftClicked && (m_mode == Mode::RenameStage || m_mode == Mode::RenameLane || m_mode == Mode::LabelPoint))
    return;  // the field handles it
  if (leftClicked && m_mode == Mode::Idle) {
    Hit hit = HitTest(board, world);
    if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
      switch (hit.kind) {
        case Hit::Note:
          if (!voting) BeginNoteEdit(document, board.notes[hit.index].id);
          else StartPress(document, hit);  // in voting mode every click is a vote
          return;
        case Hit::CurvePoint:
          if (document.InGesture()) document.CancelGesture();
          m_pointCurve = board.curves[hit.curve].id;
          m_pointIndex = hit.index;
          m_renameText = board.curves[hit.curve].points[hit.index].label;
          m_renameFocus = true;
          m_mode = Mode::LabelPoint;
          return;
        case Hit::StageHeader:
          m_mode = Mode::RenameStage;
          m_pressIndex = hit.index;
          m_renameText = board.stages[hit.index].name;
          m_renameFocus = true;
          return;
        case Hit::LaneLabel:
          m_mode = Mode::RenameLane;
          m_pressIndex = hit.index;
          m_renameText = board.lanes[hit.index].name;
          m_renameFocus = true;
          return;
        case Hit::Cell:
          if (hit.lane == m_layout.emotionsLane) break;  // clicks there add curve points
          if (!board.lanes[hit.lane].collapsed) {
            NoteTarget target;
            target.stage = board.stages[hit.stage].id;
            target.lane = board.lanes[hit.lane].id;
            BeginNewNote(document, target, world);
          }
          return;
        case Hit::Empty: {
          Vec2 size = NoteSizeUnits(NoteSize::Medium);
          BeginNewNote(document, NoteTarget{}, {world.x - size.x * 0.5f, world.y - size.y * 0.5f});
          return;
        }
        default: break;
      }
    }
    StartPress(document, hit);
  }

  const bool dragging = ImGui::IsMouseDragging(ImGuiMouseButton_Left, kDragThresholdPx);
  const Vec2 deltaUnits{(mouse.x - m_pressMouse.x) / m_camera.zoom, (mouse.y - m_pressMouse.y) / m_camera.zoom};
  switch (m_mode) {
    case Mode::Pan:
      m_camera.world.x = m_panStartWorld.x - (mouse.x - m_pressMouse.x) / m_camera.zoom;
      m_camera.world.y = m_panStartWorld.y - (mouse.y - m_pressMouse.y) / m_camera.zoom;
      if (dragging) m_fitted = false;
      break;
    case Mode::PressNote:
      if (dragging) {
        m_dragIds = SelectionInBoardOrder(board);
        m_dragStartLayout = m_layout;
        m_dragStartRects.clear();
        for (NoteId id : m_dragIds) m_dragStartRects.push_back(m_layout.notes[board.NoteIndex(id)].rect);
        m_dragHasTarget = false;
        document.BeginGesture(m_dragIds.size() == 1 ? "Move note" : "Move notes");
        m_mode = Mode::DragNotes;
      }
      break;
    case Mode::DragNotes: UpdateNoteDrag(document); break;
    case Mode::DragPoint:
      if (dragging) UpdatePointDrag(document);
      break;
    case Mode::PressEmotion:
      if (dragging) m_mode = Mode::Pan;
      break;
    case Mode::PressStage:
      if (dragging) {
        document.BeginGesture("Move stage");
        m_dragStartLayout = m_layout;
        m_mode = Mode::DragStage;
      }
      break;
    case Mode::PressLane:
      if (dragging) {
        document.BeginGesture("Move lane");
        m_dragStartLayout = m_layout;
        m_mode = Mode::DragLane;
      }
      break;
    case Mode::DragStage: {
      const std::vector<float>& xs = m_dragStartLayout.stageX;
      int to = 0;
      for (size_t s = 0; s + 1 < xs.size(); ++s)
        if (world.x > (xs[s] + xs[s + 1]) * 0.5f) to = int(s);
      StageId id = m_dragIds.empty() ? StageId{} : StageId{m_dragIds[0].value};
      document.UpdateGesture([&](const Board& start) { return MoveStage(start, id, to); });
      break;
    }
    case Mode::DragLane: {
      const std::vector<float>& ys = m_dragStartLayout.laneY;
      int to = 0;
      for (size_t l = 0; l + 1 < ys.size(); ++l)
        if (world.y > (ys[l] + ys[l + 1]) * 0.5f) to = int(l);
      LaneId id = m_dragIds.empty() ? LaneId{} : LaneId{m_dragIds[0].value};
      document.UpdateGesture([&](const Board& start) { return MoveLane(start, id, to); });
      break;
    }
    case Mode::ResizeStage: {
      StageId id = board.stages[m_pressIndex].id;
      float width = m_resizeStart + deltaUnits.x;
      document.UpdateGesture([&](const Board& start) { return ResizeStage(start, id, width); });
      ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
      break;
    }
    case Mode::ResizeLane: {
      LaneId id = board.lanes[m_pressIndex].id;
      float height = m_resizeStart + deltaUnits.y;
      document.UpdateGesture([&](const Board& start) { return ResizeLane(start, id, height); });
      ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeNS);
      break;
    }
    default: break;
  }

  if (ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
    switch (m_mode) {
      case Mode::PressNote:
        // A plain click on a note that was part of a selection selects just that note.
        if (!m_pressModifier && m_pressWasSelected && m_pressIndex >= 0 && m_pressIndex < int(board.notes.size()))
          Select(board.notes[m_pressIndex].id, false, false);
        m_mode = Mode::Idle;
        break;
      case Mode::Marquee: {
        Rect box{std::min(m_pressWorld.x, world.x), std::min(m_pressWorld.y, world.y), std::max(m_pressWorld.x, world.x),
                 std::max(m_pressWorld.y, world.y)};
        if (!io.KeyShift && !io.KeyCtrl) m_selection.clear();
        for (const NoteBox& note : m_layout.notes)
          if (!note.hidden && note.rect.Overlaps(box) && !IsSelected(note.id)) m_selection.push_back(note.id);
        m_mode = Mode::Idle;
        break;
      }
      case Mode::Pan:
        if (std::hypot(mouse.x - m_pressMouse.x, mouse.y - m_pressMouse.y) < kDragThresholdPx) m_selection.clear();
        m_mode = Mode::Idle;
        break;
      case Mode::PressEmotion: {
        int stage = -1, lane = -1;
        if (m_layout.CellAt(m_pressWorld, &stage, &lane)) AddPointAt(document, m_pressWorld, stage);
        m_mode = Mode::Idle;
        break;
      }
      case Mode::DragPoint: {
        document.CommitGesture();
        // The move may have re-sorted the curve: follow the point to its new index.
        if (m_pointMovedIndex >= 0) m_pointIndex = m_pointMovedIndex;
        m_mode = Mode::Idle;
        break;
      }
      case Mode::DragNotes:
      case Mode::DragStage:
      case Mode::DragLane:
      case Mode::ResizeStage:
      case Mode::ResizeLane:
        document.CommitGesture();
        m_mode = Mode::Idle;
        break;
      case Mode::PressStage:
      case Mode::PressLane: m_mode = Mode::Idle; break;
      default: break;
    }
  }

  // Hover cursors.
  if (hovered && m_mode == Mode::Idle) {
    Hit hit = HitTest(board, world);
    if (hit.kind == Hit::StageBorder) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
    if (hit.kind == Hit::LaneBorder) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeNS);
    if (hit.kind == Hit::AddStage || hit.kind == Hit::AddLane || hit.kind == Hit::LaneChevron)
      ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
  }
}

void Canvas::StartPress(Document& document, const Hit& hit) {
  ImGuiIO& io = ImGui::GetIO();
  const Board& board = document.board();
  m_pressMouse = ToVec(io.MousePos);
  m_pressWorld = m_camera.ToWorld(m_pressMouse);
  m_panStartWorld = m_camera.world;
  m_pressIndex = hit.index;
  m_pressModifier = io.KeyShift || io.KeyCtrl;
  if (hit.kind != Hit::CurvePoint) m_pointIndex = -1;
  switch (hit.kind) {
    case Hit::Note: {
      NoteId id = board.notes[hit.index].id;
      if (voting) {
        document.Apply(AddVotes(board, {id}, io.KeyShift ? -1 : 1), io.KeyShift ? "Remove vote" : "Vote");
        m_mode = Mode::Idle;
        break;
      }
      m_pressWasSelected = IsSelected(id);
      if (m_pressModifier) Select(id, true, true);
      else if (!m_pressWasSelected) Select(id, false, false);
      m_mode = IsSelected(id) ? Mode::PressNote : Mode::Idle;
      break;
    }
    case Hit::CurvePoint: {
      const EmotionCurve& curve = board.curves[hit.curve];
      activeCurve = m_pointCurve = curve.id;
      m_pointIndex = hit.index;
      m_pointStart = curve.points[hit.index];
      m_pointMovedIndex = -1;
      m_selection.clear();
      document.BeginGesture("Move point");
      m_mode = Mode::DragPoint;
      break;
    }
    case Hit::Curve:
      activeCurve = board.curves[hit.curve].id;
      m_mode = (io.KeyShift || tool == Tool::Select) ? Mode::Marquee : Mode::Pan;
      break;
    case Hit::StageHeader:
      m_dragIds = {NoteId{board.stages[hit.index].id.value}};  // reused as "the dragged id"
      m_mode = Mode::PressStage;
      break;
    case Hit::LaneLabel:
      m_dragIds = {NoteId{board.lanes[hit.index].id.value}};
      m_mode = Mode::PressLane;
      break;
    case Hit::LaneChevron: {
      const Lane& lane = board.lanes[hit.index];
      document.Apply(SetLaneCollapsed(board, lane.id, !lane.collapsed), lane.collapsed ? "Expand lane" : "Collapse lane");
      break;
    }
    case Hit::StageBorder:
      m_resizeStart = board.stages[hit.index].width;
      document.BeginGesture("Resize stage");
      m_mode = Mode::ResizeStage;
      break;
    case Hit::LaneBorder:
      m_resizeStart = m_layout.laneY[hit.index + 1] - m_layout.laneY[hit.index];
      document.BeginGesture("Resize lane");
      m_mode = Mode::ResizeLane;
      break;
    case Hit::AddStage: {
      std::string name = "Stage " + std::to_string(board.stages.size() + 1);
      document.Apply(AddStage(board, name), "Add stage");
      break;
    }
    case Hit::AddLane: document.Apply(AddLane(board, "New lane", LaneKind::Custom), "Add lane"); break;
    case Hit::Cell:
      if (hit.lane == m_layout.emotionsLane && !io.KeyShift && tool == Tool::Pan && !voting) {
        m_mode = Mode::PressEmotion;
        break;
      }
      [[fallthrough]];
    case Hit::Empty:
    case Hit::None:
      m_mode = (io.KeyShift || tool == Tool::Select) ? Mode::Marquee : Mode::Pan;
      break;
  }
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

// A click in the Emotions lane adds a point to the active curve (a board without a curve gets one).
void Canvas::AddPointAt(Document& document, Vec2 world, int stage) {
  const Board& board = document.board();
  const EmotionCurve* curve = ActiveCurve(board);
  if (!curve) {
    CurveId id;
    PersonaId persona = board.personas.empty() ? PersonaId{} : board.personas.front().id;
    document.Apply(AddCurve(board, persona, "Emotions", NextCurveColor(board), false, &id), "Add curve");
    activeCurve = id;
    curve = document.board().FindCurve(id);
    if (!curve) return;
  }
  const Board& now = document.board();
  const Stage& s = now.stages[stage];
  CurvePoint point;
  point.stage = s.id;
  point.t = std::clamp((world.x - m_layout.stageX[stage]) / s.width, 0.0f, 1.0f);
  point.value = m_layout.EmotionValue(world.y);
  if (ImGui::GetIO().KeyShift) point.value = SnapEmotion(point.value);
  int index = -1;
  if (document.Apply(AddCurvePoint(now, curve->id, point, &index), "Add point")) {
    activeCurve = m_pointCurve = curve->id;
    m_pointIndex = index;
    m_selection.clear();
  }
}

// Up and down sets the feeling, sideways moves the point within its stage; Shift snaps to the
// five levels. Recomputed from the gesture's start, like every drag.
void Canvas::UpdatePointDrag(Document& document) {
  const Board& board = document.board();
  const int stage = board.StageIndex(m_pointStart.stage);
  if (stage < 0) return;
  const Vec2 world = m_camera.ToWorld(ToVec(ImGui::GetIO().MousePos));
  CurvePoint target = m_pointStart;
  target.t = std::clamp((world.x - m_layout.stageX[stage]) / board.stages[stage].width, 0.0f, 1.0f);
  target.value = m_layout.EmotionValue(world.y);
  if (ImGui::GetIO().KeyShift) target.value = SnapEmotion(target.value);
  const CurveId curve = m_pointCurve;
  const int index = m_pointIndex;
  document.UpdateGesture([&](const Board& start) {
    return MoveCurvePoint(start, curve, index, target.stage, target.t, target.value, &m_pointMovedIndex);
  });
  ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeAll);
}

void Canvas::UpdateNoteDrag(Document& document) {
  const Board& board = document.board();
  const Vec2 world = m_camera.ToWorld(ToVec(ImGui::GetIO().MousePos));
  NoteTarget target = DropTarget(board, world);
  std::vector<Vec2> offsets;
  if (!target.IsCell() && !m_dragStartRects.empty()) {
    const Rect& first = m_dragStartRects.front();
    target.freePos = {first.x0 + world.x - m_pressWorld.x, first.y0 + world.y - m_pressWorld.y};
    for (const Rect& r : m_dragStartRects) offsets.push_back({r.x0 - first.x0, r.y0 - first.y0});
  }
  bool same = m_dragHasTarget && target.stage == m_dragTarget.stage && target.lane == m_dragTarget.lane &&
              target.before == m_dragTarget.before && target.freePos == m_dragTarget.freePos;
  if (same) return;
  m_dragTarget = target;
  m_dragHasTarget = true;
  const std::vector<NoteId> ids = m_dragIds;
  document.UpdateGesture([&](const Board& start) { return MoveNotes(start, ids, target, offsets); });
}

// [SECTION] Keys

void Canvas::HandleKeys(Document& document) {
  if (!ImGui::IsWindowFocused() || ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopupId)) return;
  ImGuiIO& io = ImGui::GetIO();
  if (IsTyping()) return;
  if (Pressed(GLFW_KEY_ESCAPE, false)) {
    if (document.InGesture()) document.CancelGesture();
    if (m_mode == Mode::Idle) {
      m_selection.clear();
      m_pointIndex = -1;
      voting = false;
    }
    m_mode = Mode::Idle;
    return;
  }
  if (io.KeyCtrl || io.KeyAlt || m_mode != Mode::Idle) return;
  if (commandKeys) commandKeys();  // F, V, Del: the command table's plain keys
  Vec2 nudge{0, 0};
  float step = io.KeyShift ? kNudgeUnits * 5 : kNudgeUnits;
  if (Pressed(GLFW_KEY_LEFT)) nudge.x -= step;
  if (Pressed(GLFW_KEY_RIGHT)) nudge.x += step;
  if (Pressed(GLFW_KEY_UP)) nudge.y -= step;
  if (Pressed(GLFW_KEY_DOWN)) nudge.y += step;
  if ((nudge.x != 0 || nudge.y != 0) && !m_selection.empty())
    document.Apply(NudgeNotes(document.board(), m_selection, nudge), "Nudge");
}

void Canvas::DeleteSelected(Document& document) {
  if (m_pointIndex >= 0) {
    document.Apply(DeleteCurvePoint(document.board(), m_pointCurve, m_pointIndex), "Delete point");
    m_pointIndex = -1;
  } else {
    DeleteSelection(document);
  }
}

bool Canvas::IsTyping() const {
  return m_mode == Mode::EditNote || m_mode == Mode::RenameStage || m_mode == Mode::RenameLane ||
         m_mode == Mode::LabelPoint;
}

void Canvas::FinishInteraction(Document& document) {
  switch (m_mode) {
    case Mode::EditNote: CommitNoteEdit(document); break;
    case Mode::RenameStage:
    case Mode::RenameLane:
    case Mode::LabelPoint: m_mode = Mode::Idle; break;
    default:
      if (document.InGesture()) document.CancelGesture();
      m_mode = Mode::Idle;
  }
}

}  // namespace jb
