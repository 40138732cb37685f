#include "app/render/png_export.h"

#include <glad/gl.h>
#include <imgui.h>
#include <imgui_internal.h>  // ImDrawListSharedData::InitialFlags for a standalone draw list
#include <png.h>

#include <algorithm>
#include <thread>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "app/platform/fonts.h"
#include "app/platform/gpu_renderer.h"
#include "app/render/render.h"
#include "core/io/durable_file.h"
#include "core/layout/layout.h"
#include "app/platform/i18n.h"

namespace jb {

namespace {

constexpr float kExportMarginUnits = 48;
constexpr int kMaxTile = 4096;

double MsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

// A libpng writer fed one row at a time. Fast settings, chosen by measurement (DESIGN.md):
// zlib level 1 and no row filter are ~6x faster than the defaults for a few % more bytes.
// The bytes go to a DurableWriter (core/io/durable_file.h): the board save's temp file, sync,
// rename and rules for links, devices and pipes, in 1 MiB pieces.
class PngWriter {
 public:
  ~PngWriter() {
    if (m_png) png_destroy_write_struct(&m_png, &m_info);
  }

  bool Open(const std::string& path, int width, int height, bool alpha, std::string* error) {
    SaveError failure;
    if (!m_out.Open(path, false, &failure, "write")) {
      *error = failure.message;
      return false;
    }
    m_path = path;
    m_png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    m_info = m_png ? png_create_info_struct(m_png) : nullptr;
    if (!m_info) return Failed(_("out of memory"), error);
    if (setjmp(png_jmpbuf(m_png))) return Failed(_("the PNG encoder failed"), error);
    png_set_write_fn(m_png, this, &PngWriter::WriteBytes, &PngWriter::FlushBytes);
    png_set_compression_level(m_png, 1);
    png_set_filter(m_png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
    png_set_IHDR(m_png, m_info, png_uint_32(width), png_uint_32(height), 8,
                 alpha ? PNG_COLOR_TYPE_RGB_ALPHA : PNG_COLOR_TYPE_RGB,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_write_info(m_png, m_info);
    return true;
  }

  // False once a write failed (the disk is full, say): no point encoding the rest.
  bool WriteRows(std::vector<png_bytep>& rows, std::string* error) {
    if (setjmp(png_jmpbuf(m_png))) return Failed(_("the PNG encoder failed"), error);
    png_write_rows(m_png, rows.data(), png_uint_32(rows.size()));
    if (m_failed) return Commit(error);  // reports the write's reason
    return true;
  }

  bool Finish(std::string* error) {
    if (setjmp(png_jmpbuf(m_png))) return Failed(_("the PNG encoder failed"), error);
    png_write_end(m_png, m_info);
    return Commit(error);
  }

 private:
  static void WriteBytes(png_structp png, png_bytep data, png_size_t size) {
    auto* self = static_cast<PngWriter*>(png_get_io_ptr(png));
    self->m_buffer.append(reinterpret_cast<const char*>(data), size);
    if (self->m_buffer.size() >= kPiece) self->Drain();
  }
  static void FlushBytes(png_structp) {}

  void Drain() {
    if (!m_out.Write(m_buffer)) m_failed = true;
    m_buffer.clear();
  }

  // A full disk shows up here or in Drain, not earlier.
  bool Commit(std::string* error) {
    Drain();
    SaveError failure;
    if (m_out.Commit(&failure)) return true;
    *error = failure.message;
    return false;
  }

  bool Failed(const char* reason, std::string* error) {
    *error = Format(_("Cannot write %s: %s."), m_path.c_str(), reason);
    return false;  // m_out, never committed, removes its temp file
  }

  static constexpr size_t kPiece = size_t(1) << 20;
  DurableWriter m_out;
  std::string m_path, m_buffer;
  bool m_failed = false;
  png_structp m_png = nullptr;
  png_infop m_info = nullptr;
};

}  // namespace

Rect ExportArea(const Layout& layout) {
  Rect content = layout.bounds;
  content.y0 -= 72;  // the title above the grid
  return {content.x0 - kExportMarginUnits, content.y0 - kExportMarginUnits, content.x1 + kExportMarginUnits,
          content.y1 + kExportMarginUnits};
}

bool PlanExport(const Board& board, const Layout& layout, const ExportParams& params, ExportPlan* plan,
                std::string* error) {
  *plan = {};
  plan->background = params.background;
  Rect area;
  switch (params.region) {
    case ExportRegion::Board: area = ExportArea(layout); break;
    case ExportRegion::View:
      area = params.view;
      if (!(area.Width() > 0 && area.Height() > 0)) {
        *error = _("The current view has no area to export.");
        return false;
      }
      break;
    case ExportRegion::Selection: {
      bool any = false;
      for (NoteId id : params.selection)
        for (size_t i = 0; i < board.notes.size() && i < layout.notes.size(); ++i) {
          if (board.notes[i].id != id || layout.notes[i].hidden) continue;
          const Rect& r = layout.notes[i].rect;
          area = any ? Rect{std::min(area.x0, r.x0), std::min(area.y0, r.y0), std::max(area.x1, r.x1),
                            std::max(area.y1, r.y1)}
                     : r;
          any = true;
        }
      if (!any) {
        *error = _("Nothing is selected to export; select notes first or export another region.");
        return false;
      }
      area = {area.x0 - kExportMarginUnits / 2, area.y0 - kExportMarginUnits / 2, area.x1 + kExportMarginUnits / 2,
              area.y1 + kExportMarginUnits / 2};
      break;
    }
    case ExportRegion::Stage: {
      int found = -1;
      for (size_t s = 0; s < board.stages.size(); ++s)
        if (board.stages[s].name == params.stage) found = int(s);
      if (found < 0 || size_t(found) + 1 >= layout.stageX.size()) {
        std::string names;
        for (size_t s = 0; s < board.stages.size(); ++s) names += (s ? ", '" : "'") + board.stages[s].name + "'";
        *error = names.empty() ? Format(_("The board has no stage named '%s'."), params.stage.c_str())
                               : Format(_("The board has no stage named '%s' (its stages: %s)."), params.stage.c_str(),
                                        names.c_str());
        return false;
      }
      // The stage's column, its header included, from the top of the grid to its bottom.
      const float margin = kExportMarginUnits / 2;
      area = {layout.stageX[size_t(found)] - margin, layout.grid.y0 - margin, layout.stageX[size_t(found) + 1] + margin,
              layout.grid.y1 + margin};
      break;
    }
  }
  int width = params.width;
  if (params.scale > 0) {
    const double w = std::round(double(area.Width()) * params.scale);
    if (w > kMaxExportSide) {
      *error = Format(_("At scale %s the image would be %lld px wide, at most %d px; choose a smaller scale."),
                      std::to_string(params.scale).substr(0, 5).c_str(), (long long)(w), int(kMaxExportSide));
      return false;
    }
    width = std::max(1, int(w));
  } else if (width < 16 || width > kMaxExportSide) {
    *error = Format(_("The export width must be between 16 and %d pixels."), int(kMaxExportSide));
    return false;
  }
  const float zoom = float(width) / area.Width();
  const double tall = std::round(double(area.Height()) * zoom);
  if (tall > kMaxExportSide) {
    // Say what would fit: the widest image no taller than the limit.
    const int widest = int(std::floor(double(kMaxExportSide) * area.Width() / area.Height()));
    *error = widest >= 16
                 ? Format(_("The board is too tall to export at %d px wide (it would be %lld px tall, at most %d px); "
                            "export it at most %d px wide (--width), or spread its notes over more stages or boards."),
                          width, (long long)(tall), int(kMaxExportSide), widest)
                 : Format(_("The board is too tall to export at %d px wide (it would be %lld px tall, at most %d px); "
                            "spread its notes over more stages or boards."),
                          width, (long long)(tall), int(kMaxExportSide));
    return false;
  }
  plan->area = area;
  plan->width = width;
  plan->height = std::max(1, int(tall));
  plan->zoom = zoom;
  return true;
}

namespace {

int EnvInt(const char* name) {
  const char* text = std::getenv(name);
  return text ? std::atoi(text) : 0;
}

}  // namespace

bool RenderExportPng(const Board& board, const ExportParams& params, const std::string& path, GpuRenderer& renderer,
                     const Fonts& fonts, const ImDrawListSharedData& shared, ExportProgress* progress,
                     ExportStats* stats, std::string* error) {
  *stats = {};
  error->clear();
  const Layout layout = ComputeLayout(board, &fonts);
  ExportPlan plan;
  if (!PlanExport(board, layout, params, &plan, error)) return false;
  const int width = plan.width, height = plan.height, channels = plan.Channels();
  stats->width = width;
  stats->height = height;
  auto start = std::chrono::steady_clock::now();

  // Build the draw list once for the whole image; each tile shows a window of it. The draw list
  // uses `shared` (a copy of the UI's), never the ImGui context, so this runs on any thread.
  Camera camera;
  camera.zoom = plan.zoom;
  camera.world = {plan.area.x0, plan.area.y0};
  ImDrawListSharedData data = shared;
  ImDrawList drawList(&data);
  BeginOffscreenDrawList(drawList, data, fonts, width, height);
  RenderOptions options;
  options.visible = {0, 0, float(width), float(height)};
  options.today = LocalDateIso();
  options.revealCovered = params.reveal;
  if (!board.curves.empty()) options.activeCurve = board.curves.front().id;
  DrawBoard(board, layout, camera, fonts, drawList, options);

  GLint maxRenderbuffer = 0, maxViewport[2] = {0, 0};
  glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &maxRenderbuffer);
  glGetIntegerv(GL_MAX_VIEWPORT_DIMS, maxViewport);
  int tile = std::max(256, std::min({kMaxTile, int(maxRenderbuffer), int(maxViewport[0]), int(maxViewport[1])}));
  if (const int cap = EnvInt("JB_EXPORT_TILE"); cap >= 16) tile = std::min(tile, cap);
  const int slowMs = EnvInt("JB_EXPORT_SLOW_MS");
  const int tileW = std::min(tile, width), tileH = std::min(tile, height);
  const int columns = (width + tileW - 1) / tileW, bands = (height + tileH - 1) / tileH;
  progress->tiles = columns * bands;
  progress->tile = 0;

  GLint previousFramebuffer = 0;
  glGetIntegerv(GL_FRAMEBUFFER_BINDING, &previousFramebuffer);
  OffscreenTarget offscreen;  // stays bound while the tiles render
  const bool complete = offscreen.Create(tileW, tileH);
  auto releaseGl = [&] { glBindFramebuffer(GL_FRAMEBUFFER, GLuint(previousFramebuffer)); };
  if (!complete) {
    releaseGl();
    *error = _("The graphics driver could not create an offscreen image for the export.");
    return false;
  }

  PngWriter writer;
  std::string reason;
  if (!writer.Open(path, width, height, channels == 4, &reason)) {
    releaseGl();
    *error = reason;
    return false;
  }

  // Transparent: clear to nothing, and undo the blend's premultiplication below, so the board's
  // own parts stay opaque and anti-aliased edges keep their colour.
  float clear[4] = {kBackgroundRgb[0], kBackgroundRgb[1], kBackgroundRgb[2], 1.0f};
  if (params.background == ExportBackground::White) clear[0] = clear[1] = clear[2] = 1.0f;
  if (params.background == ExportBackground::Transparent) clear[0] = clear[1] = clear[2] = clear[3] = 0.0f;

  // One band of full-width rows at a time: bounded memory for any image size.
  std::vector<unsigned char> band(size_t(width) * tileH * channels);
  std::vector<unsigned char> tilePixels(size_t(tileW) * tileH * channels);
  std::vector<png_bytep> rows;
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  bool ok = true, cancelled = false;
  for (int y0 = 0; y0 < height && ok && !cancelled; y0 += tileH) {
    const int bandH = std::min(tileH, height - y0);
    for (int x0 = 0; x0 < width; x0 += tileW) {
      if (progress->cancel) {
        cancelled = true;
        break;
      }
      const int w = std::min(tileW, width - x0);
      glClearColor(clear[0], clear[1], clear[2], clear[3]);
      glClear(GL_COLOR_BUFFER_BIT);
      renderer.RenderList(drawList, float(x0), float(y0), tileW, tileH);
      // GL's origin is bottom-left: the band's top row is the viewport's highest row.
      glReadPixels(0, tileH - bandH, w, bandH, channels == 4 ? GL_RGBA : GL_RGB, GL_UNSIGNED_BYTE, tilePixels.data());
      for (int row = 0; row < bandH; ++row) {
        const unsigned char* src = tilePixels.data() + size_t(bandH - 1 - row) * w * channels;
        std::memcpy(band.data() + (size_t(row) * width + x0) * channels, src, size_t(w) * channels);
      }
      ++progress->tile;
      progress->Changed();
      if (slowMs > 0) std::this_thread::sleep_for(std::chrono::milliseconds(slowMs));
    }
    if (cancelled) break;
    progress->encoding = true;
    progress->Changed();
    auto encodeStart = std::chrono::steady_clock::now();
    if (channels == 4)
      for (size_t i = 0; i < size_t(width) * bandH * 4; i += 4) {
        const unsigned alpha = band[i + 3];
        if (alpha == 0 || alpha == 255) continue;
        for (int c = 0; c < 3; ++c) band[i + c] = (unsigned char)std::min(255u, (band[i + c] * 255u + alpha / 2) / alpha);
      }
    rows.clear();
    for (int row = 0; row < bandH; ++row) rows.push_back(band.data() + size_t(row) * width * channels);
    ok = writer.WriteRows(rows, &reason);
    stats->encodeMs += MsSince(encodeStart);
    progress->encoding = false;
  }
  releaseGl();
  if (cancelled) return false;  // the writer, never committed, removes its temp file
  progress->encoding = true;
  auto finishStart = std::chrono::steady_clock::now();
  ok = ok && writer.Finish(&reason);
  stats->encodeMs += MsSince(finishStart);
  stats->renderMs = MsSince(start) - stats->encodeMs;
  if (!ok) {
    *error = reason;
    return false;
  }
  return true;
}

bool ExportBoardPng(const Board& board, const std::string& path, int width, GpuRenderer& renderer,
                    const Fonts& fonts, ExportStats* stats, std::string* error) {
  ExportParams params;
  params.width = width;
  ExportProgress progress;
  return RenderExportPng(board, params, path, renderer, fonts, *ImGui::GetDrawListSharedData(), &progress, stats,
                         error);
}

}  // namespace jb
