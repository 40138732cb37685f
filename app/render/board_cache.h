// The canvas' retained drawing of the board: DrawBoard's output kept in a texture the size of the
// view plus a margin, so that a frame which changes nothing on the board costs one copy of pixels
// instead of every blended layer of the board again (on a software renderer, or a meeting room's
// weak GPU, each full-window layer costs milliseconds).
// The kept pixels reach the window by glBlitFramebuffer (a memory copy on a software renderer);
// scaled, during a gesture, by GpuRenderer::DrawScaled.
//  - A pan by whole pixels shifts the copy and draws only the newly exposed strip; past the margin
//    the kept pixels move to a second texture centred on the view.
//  - A zoom (or a glide) scales the kept pixels while the camera moves and draws the view crisp
//    once it has rested kResting seconds, as browsers and map viewers do.
//  - A change to the board redraws only the rectangles it touched (core/layout/damage.h: the
//    Document's log of touched records, and what moved in the layout), each clipped by scissor.
//    A change to the grid, the theme, the fonts or the view's options redraws the view.
// Why one view texture rather than tiles at several zoom levels: every tile is a draw call of the
// whole culled board and a fill of its own, and a fitted 1080p view needs ~12 of 512 px; measured
// on llvmpipe a single texture costs one fill of the view to redraw and one copy to show. The
// PNG export keeps its own exact path (png_export.h).
#pragma once
#include <imgui.h>

#include <cstdint>
#include <memory>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "app/platform/gpu_renderer.h"
#include "app/render/render.h"
#include "core/layout/damage.h"

namespace jb {

class Document;

class BoardCache {
 public:
  static constexpr double kResting = 0.1;  // seconds without camera motion before a crisp redraw

  // What one frame shows.
  struct View {
    const Document* document = nullptr;
    const Layout* layout = nullptr;
    uint64_t layoutResets = 0;  // the canvas' count of layouts made for another reason than an edit
    const Camera* camera = nullptr;
    const Fonts* fonts = nullptr;
    const RenderOptions* options = nullptr;  // `visible` is the canvas' rectangle (window pixels)
    double now = 0;                          // seconds
    float framebufferScale = 1;              // framebuffer pixels per window pixel
  };

  BoardCache();
  ~BoardCache();
  BoardCache(const BoardCache&) = delete;
  BoardCache& operator=(const BoardCache&) = delete;

  // The renderer that draws the textures (the window's); none: Draw draws the board directly.
  void SetRenderer(GpuRenderer* renderer) { m_renderer = renderer; }

  // Adds the board to `drawList` (the canvas' list, clipped to the canvas): the kept texture,
  // after a callback that brings it up to date when the list is rendered. Draws the board directly
  // into the list when there is no renderer or the texture cannot be made.
  void Draw(const View& view, ImDrawList& drawList);

  // Seconds until a frame is wanted to draw crisp what a gesture left scaled; negative: none.
  double CrispIn(double now) const;
  // Forgets everything kept (the next frame redraws the view). Needs the GL context current.
  void Release();

 private:
  struct Job;
  struct Key;
  // Rectangles of texture pixels, y down from the texture's top (GL's rows are bottom-up).
  struct PixelRect {
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool Empty() const { return x1 <= x0 || y1 <= y0; }
    long long Area() const { return Empty() ? 0 : (long long)(x1 - x0) * (y1 - y0); }
  };
  static PixelRect Intersect(const PixelRect& a, const PixelRect& b);

  bool Prepare(int width, int height);  // the textures at this size; false when they cannot be made
  void RedrawAll(const View& view, const Rect& viewRect);  // the view anew, centred in the texture
  void Redraw(const View& view, const PixelRect& rect);  // queues a redraw of texture pixels
  PixelRect ToPixels(const Rect& boardRect) const;
  static void RunJobs(const ImDrawList* list, const ImDrawCmd* cmd);
  static void Blit(const ImDrawList* list, const ImDrawCmd* cmd);  // the kept pixels to the window
  void RunJobs();

  GpuRenderer* m_renderer = nullptr;
  RenderTexture m_textures[2];
  int m_current = 0;
  // Where the kept pixels are: drawn with m_camera, texture pixel (0, 0) at window point m_origin
  // under that camera; m_valid holds the pixels that are drawn (a rectangle of the texture).
  Camera m_camera;
  Vec2 m_origin;
  float m_scale = 1;
  PixelRect m_valid;
  uint64_t m_changeCount = 0;
  std::unique_ptr<Key> m_key;
  DrawnItems m_items, m_newItems;
  std::unordered_set<uint64_t> m_placeholders;
  uint64_t m_editing = 0;
  size_t m_editingLine = 0;
  std::vector<uint64_t> m_flipping;
  Camera m_lastCamera;
  double m_lastMove = -1e9;
  bool m_scaledShown = false;
  std::vector<std::unique_ptr<Job>> m_jobs;
  size_t m_jobCount = 0;
  std::vector<Rect> m_damage;
  struct Composite {  // what Blit copies this frame: texture pixels → framebuffer pixels (y down)
    int texture = 0;
    PixelRect src, dst, clip;
  } m_composite;
  std::vector<uint64_t> m_touched;
};

}  // namespace jb
