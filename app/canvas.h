// The board view: draws the document with DrawBoard and owns the camera. Pan with the middle
// or right button, with space + left drag, or by dragging empty canvas; zoom around the cursor
// with the wheel; F fits the whole board. Views keep only view state, never a copy of the board.
#pragma once
#include <cstdint>

#include "core/camera.h"
#include "core/document.h"
#include "core/layout.h"

namespace jb {

class Fonts;

class Canvas {
 public:
  // Draws into the current ImGui window's content region and handles its input.
  void Show(const Document& document, const Fonts& fonts);

  void RequestFit() { m_fitPending = true; }
  void ZoomBy(float factor);  // around the canvas centre

  const Camera& camera() const { return m_camera; }
  const Layout& layout() const { return m_layout; }
  Vec2 size() const { return m_size; }

 private:
  void UpdateLayout(const Document& document);
  void HandleInput();

  Camera m_camera;
  Layout m_layout;
  uint64_t m_layoutChangeCount = UINT64_MAX;
  Vec2 m_size;
  bool m_fitPending = true;
  bool m_fitted = false;  // the view is the fitted one: keep it fitted on resize
  Vec2 m_fittedSize;
  Vec2 m_panStartWorld, m_panStartMouse;
};

// Fits `content` plus room for the title above it.
Rect BoardContentBounds(const Layout& layout);

}  // namespace jb
