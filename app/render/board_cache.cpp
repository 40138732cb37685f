#include "app/render/board_cache.h"

#include <glad/gl.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "app/platform/fonts.h"
#include "app/render/png_export.h"
#include "core/edit/document.h"

namespace jb {

// What, besides the board, the kept pixels were drawn with: any difference redraws the view.
struct BoardCache::Key {
  int width = 0, height = 0;
  float scale = 1;
  const BoardPalette* palette = nullptr;
  int fontsGeneration = -1;
  uint64_t layoutResets = 0;
  std::string today;
  CurveId activeCurve;
  PersonaId personaFilter;
  std::unordered_set<uint64_t> found;
  NoteId foundCurrent;
  bool revealCovered = false, lanePrompts = false;
  float pointLabelMinPx = 0;

  bool operator==(const Key& o) const {
    return width == o.width && height == o.height && scale == o.scale && palette == o.palette &&
           fontsGeneration == o.fontsGeneration && layoutResets == o.layoutResets && today == o.today &&
           activeCurve == o.activeCurve && personaFilter == o.personaFilter && found == o.found &&
           foundCurrent == o.foundCurrent && revealCovered == o.revealCovered && lanePrompts == o.lanePrompts &&
           pointLabelMinPx == o.pointLabelMinPx;
  }
};

// One step of bringing the texture up to date, run in the GL thread when the canvas' list is
// rendered: a copy of kept pixels into the other texture, or a rectangle drawn anew.
struct BoardCache::Job {
  bool copy = false;
  int target = 0;
  PixelRect rect;     // in the target
  int fromX = 0, fromY = 0;  // copy: the source rectangle's top-left in the other texture
  float background[3] = {0, 0, 0};
  std::unique_ptr<ImDrawList> list;
};

BoardCache::BoardCache() = default;
BoardCache::~BoardCache() = default;

BoardCache::PixelRect BoardCache::Intersect(const PixelRect& a, const PixelRect& b) {
  return {std::max(a.x0, b.x0), std::max(a.y0, b.y0), std::min(a.x1, b.x1), std::min(a.y1, b.y1)};
}

void BoardCache::Release() {
  m_textures[0].Release();
  m_textures[1].Release();
  m_valid = {};
  m_key.reset();
  m_jobCount = 0;
}

double BoardCache::CrispIn(double now) const {
  return m_scaledShown ? std::max(0.0, m_lastMove + kResting - now) : -1;
}

bool BoardCache::Prepare(int width, int height) {
  // Frames built but never rendered (the benchmark's CPU frames) leave their jobs undone.
  if (m_jobCount > 0) m_valid = {};
  m_jobCount = 0;
  for (RenderTexture& texture : m_textures) {
    if (texture.Width() == width && texture.Height() == height) continue;
    m_valid = {};
    // The view and a quarter of it around: 2 × 19 MB at 1080p, 2 × 77 MB at 4K (under 256 MB).
    if (!texture.Create(width, height)) {
      Release();
      return false;
    }
  }
  return true;
}

BoardCache::PixelRect BoardCache::ToPixels(const Rect& boardRect) const {
  const Rect r = m_camera.ToScreen(boardRect);
  return {int(std::floor(r.x0 * m_scale - m_origin.x)) - 1, int(std::floor(r.y0 * m_scale - m_origin.y)) - 1,
          int(std::ceil(r.x1 * m_scale - m_origin.x)) + 1, int(std::ceil(r.y1 * m_scale - m_origin.y)) + 1};
}

void BoardCache::Redraw(const View& view, const PixelRect& rect) {
  if (rect.Empty()) return;
  if (m_jobs.size() <= m_jobCount) m_jobs.push_back(std::make_unique<Job>());
  Job& job = *m_jobs[m_jobCount++];
  job.copy = false;
  job.target = m_current;
  job.rect = rect;
  const RenderOptions& options = *view.options;
  const BoardPalette& palette = options.palette ? *options.palette : LightPalette();
  std::copy(std::begin(palette.background), std::end(palette.background), job.background);
  if (!job.list) job.list = std::make_unique<ImDrawList>(ImGui::GetDrawListSharedData());
  ImDrawList& list = *job.list;
  list._ResetForNewFrame();
  // The list is in window pixels of the camera the texture was drawn with, so the board is computed
  // exactly as a direct drawing with that camera would be; the texture shows a window of it.
  const float s = m_scale;
  const Rect shown{(m_origin.x + float(rect.x0)) / s, (m_origin.y + float(rect.y0)) / s,
                   (m_origin.x + float(rect.x1)) / s, (m_origin.y + float(rect.y1)) / s};
  list.PushClipRect({shown.x0, shown.y0}, {shown.x1, shown.y1});
  list.PushTextureID(view.fonts->Ui()->ContainerAtlas->TexID);
  const Camera& camera = m_camera;
  RenderOptions drawOptions = options;
  // Culled with a margin, clipped without: a note just outside still casts its shadow inside.
  const float spill = (26 * m_camera.zoom + 8) / s;
  drawOptions.visible = {shown.x0 - spill, shown.y0 - spill, shown.x1 + spill, shown.y1 + spill};
  drawOptions.promptsDrawn = nullptr;
  DrawBoard(view.document->board(), *view.layout, camera, *view.fonts, list, drawOptions);
}

void BoardCache::RedrawAll(const View& view, const Rect& viewRect) {
  const RenderTexture& texture = m_textures[m_current];
  const float s = view.framebufferScale;
  const int x0 = int(std::floor(viewRect.x0 * s)), y0 = int(std::floor(viewRect.y0 * s));
  const int x1 = int(std::ceil(viewRect.x1 * s)), y1 = int(std::ceil(viewRect.y1 * s));
  // The view in the middle of the texture, its margins left to draw when a pan reaches them.
  const int marginX = (texture.Width() - (x1 - x0)) / 2, marginY = (texture.Height() - (y1 - y0)) / 2;
  m_camera = *view.camera;
  m_scale = s;
  m_origin = {float(x0 - marginX), float(y0 - marginY)};
  m_valid = Intersect({marginX, marginY, marginX + x1 - x0, marginY + y1 - y0}, {0, 0, texture.Width(), texture.Height()});
  m_damage.clear();
  Redraw(view, m_valid);
}

void BoardCache::RunJobs(const ImDrawList*, const ImDrawCmd* cmd) { static_cast<BoardCache*>(cmd->UserCallbackData)->RunJobs(); }

void BoardCache::Blit(const ImDrawList*, const ImDrawCmd* cmd) {
  const BoardCache& cache = *static_cast<const BoardCache*>(cmd->UserCallbackData);
  const Composite& c = cache.m_composite;
  GLint viewport[4] = {0, 0, 0, 0};
  glGetIntegerv(GL_VIEWPORT, viewport);  // the window's framebuffer, as GpuRenderer::Render set it
  const int height = viewport[3];
  const RenderTexture& texture = cache.m_textures[c.texture];
  PixelRect src = c.src, dst = c.dst;
  const bool scaled = src.x1 - src.x0 != dst.x1 - dst.x0 || src.y1 - src.y0 != dst.y1 - dst.y0;
  if (!scaled) {
    // Whole pixels, clipped here instead of by scissor: Mesa then copies memory, where a blit with
    // scissor draws a quad that reads the texture pixel by pixel.
    const PixelRect shown = Intersect(dst, c.clip);
    if (shown.Empty()) return;
    src = {src.x0 + shown.x0 - dst.x0, src.y0 + shown.y0 - dst.y0, src.x1 + shown.x1 - dst.x1, src.y1 + shown.y1 - dst.y1};
    dst = shown;
    glDisable(GL_SCISSOR_TEST);
  } else {
    glEnable(GL_SCISSOR_TEST);
    glScissor(c.clip.x0, height - c.clip.y1, c.clip.x1 - c.clip.x0, c.clip.y1 - c.clip.y0);
  }
  const int x0 = src.x0, y0 = texture.Height() - src.y1, x1 = src.x1, y1 = texture.Height() - src.y0;
  if (scaled)
    cache.m_renderer->DrawScaled(texture, x0, y0, x1, y1, dst.x0, height - dst.y1, dst.x1, height - dst.y0);
  else
    texture.BlitToBound(x0, y0, x1, y1, dst.x0, height - dst.y1, dst.x1, height - dst.y0);
}

void BoardCache::RunJobs() {
  for (size_t i = 0; i < m_jobCount; ++i) {
    Job& job = *m_jobs[i];
    const RenderTexture& target = m_textures[job.target];
    const int height = target.Height();
    const PixelRect& r = job.rect;
    if (job.copy) {
      m_textures[1 - job.target].CopyTo(target, job.fromX, height - (job.fromY + (r.y1 - r.y0)), r.x1 - r.x0,
                                        r.y1 - r.y0, r.x0, height - r.y1);
      continue;
    }
    target.Bind();
    glViewport(0, 0, target.Width(), height);
    glEnable(GL_SCISSOR_TEST);
    glScissor(r.x0, height - r.y1, r.x1 - r.x0, r.y1 - r.y0);
    glClearColor(job.background[0], job.background[1], job.background[2], 1);
    glClear(GL_COLOR_BUFFER_BIT);
    // Every job of a frame is queued after the frame's last move of the texture's origin.
    m_renderer->RenderList(*job.list, m_origin.x / m_scale, m_origin.y / m_scale, target.Width(), height, m_scale);
  }
  m_jobCount = 0;
}

void BoardCache::Draw(const View& view, ImDrawList& drawList) {
  const RenderOptions& options = *view.options;
  const Rect& visible = options.visible;
  const float s = view.framebufferScale > 0 ? view.framebufferScale : 1;
  const int viewW = int(std::ceil(visible.x1 * s)) - int(std::floor(visible.x0 * s));
  const int viewH = int(std::ceil(visible.y1 * s)) - int(std::floor(visible.y0 * s));
  const int width = viewW + 2 * (viewW / 4 + 16), height = viewH + 2 * (viewH / 4 + 16);
  if (!m_renderer || viewW <= 0 || viewH <= 0 || !Prepare(width, height)) {
    DrawBoard(view.document->board(), *view.layout, *view.camera, *view.fonts, drawList, options);
    return;
  }
  const Document& document = *view.document;

  // What the view's options touched: the notes dragged (drawn as placeholders), the note being
  // edited, the notes turning face up.
  m_touched.clear();
  static const std::unordered_set<uint64_t> kNone;
  const std::unordered_set<uint64_t>& placeholders = options.placeholders ? *options.placeholders : kNone;
  if (placeholders != m_placeholders) {
    for (uint64_t id : placeholders)
      if (!m_placeholders.count(id)) m_touched.push_back(id);
    for (uint64_t id : m_placeholders)
      if (!placeholders.count(id)) m_touched.push_back(id);
    m_placeholders = placeholders;
  }
  if (options.editing.value != m_editing || options.editingFirstLine != m_editingLine) {
    m_touched.insert(m_touched.end(), {m_editing, options.editing.value});
    m_editing = options.editing.value;
    m_editingLine = options.editingFirstLine;
  }
  m_touched.insert(m_touched.end(), m_flipping.begin(), m_flipping.end());
  m_flipping.clear();
  if (options.flipping)
    for (const auto& [id, progress] : *options.flipping) m_flipping.push_back(id);
  m_touched.insert(m_touched.end(), m_flipping.begin(), m_flipping.end());

  Key key;
  key.width = width;
  key.height = height;
  key.scale = s;
  key.palette = options.palette;
  key.fontsGeneration = view.fonts->Generation();
  key.layoutResets = view.layoutResets;
  key.today = options.today;
  key.activeCurve = options.activeCurve;
  key.personaFilter = options.personaFilter;
  if (options.found) key.found = *options.found;
  key.foundCurrent = options.foundCurrent;
  key.revealCovered = options.revealCovered;
  key.lanePrompts = options.lanePrompts;
  key.pointLabelMinPx = options.pointLabelMinPx;
  const bool keyChanged = !m_key || !(*m_key == key);
  if (keyChanged) {
    m_valid = {};
    m_key = std::make_unique<Key>(std::move(key));
  }

  // What the board's changes touched since the kept drawing.
  bool everything = false;
  if (document.ChangeCount() != m_changeCount) {
    Touched touched;
    document.TouchedSince(m_changeCount, &touched);
    everything = touched.everything;
    m_touched.insert(m_touched.end(), touched.ids.begin(), touched.ids.end());
  }
  if (keyChanged || document.ChangeCount() != m_changeCount || !m_touched.empty()) {
    CollectDrawnItems(document.board(), *view.layout, &m_newItems);
    if (!m_valid.Empty()) {
      // Shadows, vote badges and find halos spill past a note: board units, and a few pixels.
      const float margin = 26 + 8 / m_camera.zoom;
      std::vector<Rect> damage;
      if (BoardDamage(m_items, m_newItems, everything, m_touched, margin, &damage))
        m_damage.insert(m_damage.end(), damage.begin(), damage.end());
      else
        m_valid = {};
    }
    std::swap(m_items, m_newItems);
    m_changeCount = document.ChangeCount();
  }

  const Camera& camera = *view.camera;
  if (camera.zoom != m_lastCamera.zoom || camera.world.x != m_lastCamera.world.x ||
      camera.world.y != m_lastCamera.world.y || camera.screenOrigin.x != m_lastCamera.screenOrigin.x ||
      camera.screenOrigin.y != m_lastCamera.screenOrigin.y)
    m_lastMove = view.now;
  m_lastCamera = camera;
  const bool resting = view.now - m_lastMove >= kResting;

  // How far the kept pixels moved on screen since they were drawn (window pixels, in double: far
  // from the origin a float would blur a whole-pixel pan into a fraction).
  const double shiftX = (double(m_camera.world.x) - camera.world.x) * camera.zoom +
                        (double(camera.screenOrigin.x) - m_camera.screenOrigin.x);
  const double shiftY = (double(m_camera.world.y) - camera.world.y) * camera.zoom +
                        (double(camera.screenOrigin.y) - m_camera.screenOrigin.y);
  const double pxX = shiftX * s, pxY = shiftY * s;
  const bool exact = camera.zoom == m_camera.zoom && s == m_scale && std::abs(pxX - std::round(pxX)) < 0.02 &&
                     std::abs(pxY - std::round(pxY)) < 0.02;

  m_scaledShown = false;
  const int texW = m_textures[0].Width(), texH = m_textures[0].Height();
  int offsetX = 0, offsetY = 0;  // texture pixels → framebuffer pixels, when not scaled
  if (m_valid.Empty() || (!exact && (resting || !m_damage.empty()))) {
    RedrawAll(view, visible);  // drawn with this camera: no shift
    offsetX = int(m_origin.x);
    offsetY = int(m_origin.y);
  } else if (!exact) {
    m_scaledShown = true;
  } else {
    offsetX = int(std::lround(pxX)) + int(m_origin.x);
    offsetY = int(std::lround(pxY)) + int(m_origin.y);
    PixelRect shown{int(std::floor(visible.x0 * s)) - offsetX, int(std::floor(visible.y0 * s)) - offsetY,
                    int(std::ceil(visible.x1 * s)) - offsetX, int(std::ceil(visible.y1 * s)) - offsetY};
    if (shown.x0 < 0 || shown.y0 < 0 || shown.x1 > texW || shown.y1 > texH) {
      // Past the margin: the kept pixels move to the other texture, the view in its middle.
      const int moveX = shown.x0 - (texW - (shown.x1 - shown.x0)) / 2;
      const int moveY = shown.y0 - (texH - (shown.y1 - shown.y0)) / 2;
      const PixelRect kept = Intersect(m_valid, {moveX, moveY, moveX + texW, moveY + texH});
      m_current = 1 - m_current;
      m_origin.x += float(moveX);
      m_origin.y += float(moveY);
      offsetX += moveX;
      offsetY += moveY;
      shown = {shown.x0 - moveX, shown.y0 - moveY, shown.x1 - moveX, shown.y1 - moveY};
      m_valid = {};
      if (!kept.Empty()) {
        if (m_jobs.size() <= m_jobCount) m_jobs.push_back(std::make_unique<Job>());
        Job& job = *m_jobs[m_jobCount++];
        job.copy = true;
        job.target = m_current;
        job.rect = {kept.x0 - moveX, kept.y0 - moveY, kept.x1 - moveX, kept.y1 - moveY};
        job.fromX = kept.x0;
        job.fromY = kept.y0;
        m_valid = job.rect;
      }
    }
    // Grow the drawn rectangle over the view: draw the strips between.
    const PixelRect grown = m_valid.Empty()
                                ? shown
                                : Intersect({std::min(m_valid.x0, shown.x0), std::min(m_valid.y0, shown.y0),
                                             std::max(m_valid.x1, shown.x1), std::max(m_valid.y1, shown.y1)},
                                            {0, 0, texW, texH});
    if (m_valid.Empty()) {
      Redraw(view, grown);
    } else {
      const PixelRect& v = m_valid;
      Redraw(view, {grown.x0, grown.y0, grown.x1, v.y0});  // above
      Redraw(view, {grown.x0, v.y1, grown.x1, grown.y1});  // below
      Redraw(view, {grown.x0, v.y0, v.x0, v.y1});          // left
      Redraw(view, {v.x1, v.y0, grown.x1, v.y1});          // right
    }
    m_valid = grown;
    // The board's changes, merged where they overlap; past a share of the view, all of it.
    std::vector<PixelRect> rects;
    long long area = 0;
    for (const Rect& r : m_damage) {
      PixelRect p = Intersect(ToPixels(r), m_valid);
      if (p.Empty()) continue;
      for (size_t k = 0; k < rects.size();) {
        const PixelRect& q = rects[k];
        if (p.x0 <= q.x1 && q.x0 <= p.x1 && p.y0 <= q.y1 && q.y0 <= p.y1) {
          p = {std::min(p.x0, q.x0), std::min(p.y0, q.y0), std::max(p.x1, q.x1), std::max(p.y1, q.y1)};
          rects.erase(rects.begin() + long(k));
          k = 0;
        } else {
          ++k;
        }
      }
      rects.push_back(p);
    }
    m_damage.clear();
    for (const PixelRect& r : rects) area += r.Area();
    if (rects.size() > 24 || area * 2 > shown.Area()) {
      Redraw(view, m_valid);  // cheaper as one drawing of everything than many of parts
    } else {
      for (const PixelRect& r : rects) Redraw(view, r);
    }
  }

  if (m_jobCount > 0) drawList.AddCallback(&BoardCache::RunJobs, this);
  // The kept pixels, copied to the window by a blit (scissored to the canvas): on a software
  // renderer a blit of whole pixels is a memory copy, cheaper than a textured quad. A gesture's
  // scaled view is a quad of the nearest texels (GpuRenderer::DrawScaled): on llvmpipe a bilinear
  // read of the whole view costs about half as much again, for frames that last until the view
  // rests and is drawn crisp.
  // Scaled, only the board's part: every pixel scaled costs a texture read, and around the board
  // the window's clear shows the same background.
  const PixelRect v = m_scaledShown ? Intersect(m_valid, ToPixels(ExportArea(*view.layout))) : m_valid;
  if (!v.Empty()) {
    Composite& c = m_composite;
    c.texture = m_current;
    c.src = v;
    if (m_scaledShown) {
      const Vec2 a = camera.ToScreen(m_camera.ToWorld({(m_origin.x + float(v.x0)) / m_scale, (m_origin.y + float(v.y0)) / m_scale}));
      const Vec2 b = camera.ToScreen(m_camera.ToWorld({(m_origin.x + float(v.x1)) / m_scale, (m_origin.y + float(v.y1)) / m_scale}));
      c.dst = {int(std::lround(a.x * s)), int(std::lround(a.y * s)), int(std::lround(b.x * s)), int(std::lround(b.y * s))};
    } else {
      c.dst = {v.x0 + offsetX, v.y0 + offsetY, v.x1 + offsetX, v.y1 + offsetY};
    }
    const ImVec4 clip = drawList._ClipRectStack.back();
    c.clip = {int(std::floor(clip.x * s)), int(std::floor(clip.y * s)), int(std::ceil(clip.z * s)), int(std::ceil(clip.w * s))};
    drawList.AddCallback(&BoardCache::Blit, this);
  }
  if (options.promptsDrawn) ListLanePrompts(document.board(), *view.layout, camera, *view.fonts, options, options.promptsDrawn);
}

}  // namespace jb
