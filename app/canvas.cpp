#include "app/canvas.h"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <cmath>

#include "app/fonts.h"
#include "app/render.h"

namespace jb {

namespace {
constexpr float kWheelZoomStep = 1.15f;
constexpr float kFitMarginPx = 32;
}  // namespace

Rect BoardContentBounds(const Layout& layout) {
  Rect bounds = layout.bounds;
  bounds.y0 -= 72;  // the title above the grid
  return bounds;
}

void Canvas::UpdateLayout(const Document& document) {
  if (document.ChangeCount() == m_layoutChangeCount) return;
  m_layout = ComputeLayout(document.board());
  m_layoutChangeCount = document.ChangeCount();
}

void Canvas::ZoomBy(float factor) {
  m_fitted = false;
  m_camera.ZoomAround({m_camera.screenOrigin.x + m_size.x * 0.5f, m_camera.screenOrigin.y + m_size.y * 0.5f},
                      factor);
}

void Canvas::HandleInput() {
  ImGuiIO& io = ImGui::GetIO();
  const bool hovered = ImGui::IsItemHovered();
  const bool active = ImGui::IsItemActive();
  if (hovered && io.MouseWheel != 0) {
    m_camera.ZoomAround({io.MousePos.x, io.MousePos.y}, std::pow(kWheelZoomStep, io.MouseWheel));
    m_fitted = false;
  }
  // Any drag that started on the canvas pans it: middle, right, or left (one finger on a
  // touch screen; space + left drag works the same).
  // The pan is recomputed from where it started, so it never drifts from the hand.
  if (ImGui::IsItemActivated()) {
    m_panStartWorld = m_camera.world;
    m_panStartMouse = {io.MousePos.x, io.MousePos.y};
  }
  if (active && (ImGui::IsMouseDragging(ImGuiMouseButton_Left, 2) || ImGui::IsMouseDragging(ImGuiMouseButton_Right, 2) ||
                 ImGui::IsMouseDragging(ImGuiMouseButton_Middle, 2))) {
    m_camera.world.x = m_panStartWorld.x - (io.MousePos.x - m_panStartMouse.x) / m_camera.zoom;
    m_camera.world.y = m_panStartWorld.y - (io.MousePos.y - m_panStartMouse.y) / m_camera.zoom;
    m_fitted = false;
  }
  if (!io.WantTextInput && ImGui::IsWindowFocused() && !io.KeyCtrl && !io.KeyAlt && ImGui::IsKeyPressed(GLFW_KEY_F, false))
    m_fitPending = true;
}

void Canvas::Show(const Document& document, const Fonts& fonts) {
  UpdateLayout(document);
  ImVec2 origin = ImGui::GetCursorScreenPos();
  ImVec2 avail = ImGui::GetContentRegionAvail();
  m_size = {std::max(avail.x, 1.0f), std::max(avail.y, 1.0f)};
  // A view that is still the fitted one stays fitted when the window or the menu bar changes.
  if (m_fitted && (origin.x != m_camera.screenOrigin.x || origin.y != m_camera.screenOrigin.y ||
                   m_size != m_fittedSize))
    m_fitPending = true;
  m_camera.screenOrigin = {origin.x, origin.y};
  if (m_fitPending) {
    Rect content = BoardContentBounds(m_layout);
    Camera fitted;
    fitted.Fit(content, m_size, kFitMarginPx);
    m_camera.zoom = fitted.zoom;
    m_camera.world = fitted.world;
    m_fitPending = false;
    m_fitted = true;
    m_fittedSize = m_size;
  }

  ImGui::InvisibleButton("board", {m_size.x, m_size.y},
                         ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight |
                             ImGuiButtonFlags_MouseButtonMiddle);
  HandleInput();

  ImDrawList& drawList = *ImGui::GetWindowDrawList();
  drawList.PushClipRect(origin, {origin.x + m_size.x, origin.y + m_size.y}, true);
  RenderOptions options;
  options.visible = {origin.x, origin.y, origin.x + m_size.x, origin.y + m_size.y};
  DrawBoard(document.board(), m_layout, m_camera, fonts, drawList, options);
  drawList.PopClipRect();
}

}  // namespace jb
