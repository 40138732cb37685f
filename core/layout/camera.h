// The view onto the board: which board point sits at the canvas' top-left, and the zoom.
// Plain math, no GUI: the canvas, the PNG export and --dump-layout share it.
#pragma once
#include <algorithm>
#include <cmath>

#include "core/model/model.h"

namespace jb {

struct Camera {
  Vec2 screenOrigin;  // canvas top-left, in window pixels
  Vec2 world;         // the board point shown at screenOrigin
  float zoom = 1;     // window pixels per board unit

  // The least zoom of a board that fits above it; a bigger board goes lower (MinZoomFor).
  static constexpr float kMinZoom = 0.02f;
  static constexpr float kMaxZoom = 8.0f;
  // Below the zoom that fits a big board, room to zoom out further: half of it.
  static constexpr float kFitSlack = 0.5f;
  // What zooming out stops at: the owner keeps it at MinZoomFor(the board) as the board changes.
  float minZoom = kMinZoom;

  // The least zoom for `content` in a viewport of `size` pixels with `margin` around it:
  // kMinZoom, or kFitSlack × the zoom that shows all of it when that is less, so a board of any
  // size can be seen whole (50,000 notes fit at about 0.001).
  static float MinZoomFor(const Rect& content, Vec2 size, float margin) {
    return std::min(kMinZoom, FitZoom(content, size, margin) * kFitSlack);
  }
  // The zoom that shows all of `content`, unclamped.
  static float FitZoom(const Rect& content, Vec2 size, float margin) {
    const float w = std::max(content.Width(), 1.0f), h = std::max(content.Height(), 1.0f);
    const float availW = std::max(size.x - 2 * margin, 1.0f), availH = std::max(size.y - 2 * margin, 1.0f);
    return std::min(availW / w, availH / h);
  }

  Vec2 ToScreen(Vec2 p) const {
    return {screenOrigin.x + (p.x - world.x) * zoom, screenOrigin.y + (p.y - world.y) * zoom};
  }
  Rect ToScreen(const Rect& r) const {
    Vec2 a = ToScreen(Vec2{r.x0, r.y0}), b = ToScreen(Vec2{r.x1, r.y1});
    return {a.x, a.y, b.x, b.y};
  }
  Vec2 ToWorld(Vec2 s) const {
    return {world.x + (s.x - screenOrigin.x) / zoom, world.y + (s.y - screenOrigin.y) / zoom};
  }

  // Zoom by `factor` keeping the board point under `anchor` (window pixels) where it is.
  void ZoomAround(Vec2 anchor, float factor) {
    Vec2 before = ToWorld(anchor);
    zoom = std::clamp(zoom * factor, std::min(minZoom, kMaxZoom), kMaxZoom);
    Vec2 after = ToWorld(anchor);
    world.x += before.x - after.x;
    world.y += before.y - after.y;
  }

  // Show all of `content` centred in a viewport of `size` pixels with `margin` pixels around it,
  // however big it is; the least zoom follows it.
  void Fit(const Rect& content, Vec2 size, float margin) {
    const float w = std::max(content.Width(), 1.0f), h = std::max(content.Height(), 1.0f);
    const float fit = FitZoom(content, size, margin);
    minZoom = std::min(kMinZoom, fit * kFitSlack);
    zoom = std::clamp(fit, minZoom, kMaxZoom);
    world.x = content.x0 - (size.x / zoom - w) * 0.5f;
    world.y = content.y0 - (size.y / zoom - h) * 0.5f;
  }
};

}  // namespace jb
