#include "app/render/png_export.h"

#include <glad/gl.h>
#include <imgui.h>
#include <imgui_internal.h>  // ImDrawListSharedData::InitialFlags for a standalone draw list
#include <png.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <vector>

#include "app/platform/fonts.h"
#include "app/platform/gpu_renderer.h"
#include "app/render/render.h"
#include "core/io/durable_file.h"
#include "core/layout/layout.h"

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

  bool Open(const std::string& path, int width, int height, std::string* error) {
    SaveError failure;
    if (!m_out.Open(path, false, &failure, "write")) {
      *error = failure.message;
      return false;
    }
    m_path = path;
    m_png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    m_info = m_png ? png_create_info_struct(m_png) : nullptr;
    if (!m_info) return Failed("out of memory", error);
    if (setjmp(png_jmpbuf(m_png))) return Failed("the PNG encoder failed", error);
    png_set_write_fn(m_png, this, &PngWriter::WriteBytes, &PngWriter::FlushBytes);
    png_set_compression_level(m_png, 1);
    png_set_filter(m_png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
    png_set_IHDR(m_png, m_info, png_uint_32(width), png_uint_32(height), 8, PNG_COLOR_TYPE_RGB,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_write_info(m_png, m_info);
    return true;
  }

  // False once a write failed (the disk is full, say): no point encoding the rest.
  bool WriteRows(std::vector<png_bytep>& rows, std::string* error) {
    if (setjmp(png_jmpbuf(m_png))) return Failed("the PNG encoder failed", error);
    png_write_rows(m_png, rows.data(), png_uint_32(rows.size()));
    if (m_failed) return Commit(error);  // reports the write's reason
    return true;
  }

  bool Finish(std::string* error) {
    if (setjmp(png_jmpbuf(m_png))) return Failed("the PNG encoder failed", error);
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
    *error = "Cannot write " + m_path + ": " + reason + ".";
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

bool ExportBoardPng(const Board& board, const std::string& path, int width, GpuRenderer& renderer,
                    const Fonts& fonts, ExportStats* stats, std::string* error, bool revealCovered) {
  *stats = {};
  if (width < 16 || width > kMaxExportSide) {
    *error = "The export width must be between 16 and " + std::to_string(kMaxExportSide) + " pixels.";
    return false;
  }
  const Layout layout = ComputeLayout(board, &fonts);
  const Rect content = ExportArea(layout);
  const float zoom = float(width) / content.Width();
  const int height = std::max(1, int(std::lround(content.Height() * zoom)));
  if (height > kMaxExportSide) {
    // Say what would fit: the widest image no taller than the limit (tiling is for later).
    const int widest = int(std::floor(double(kMaxExportSide) * content.Width() / content.Height()));
    *error = "The board is too tall to export at " + std::to_string(width) + " px wide (it would be " +
             std::to_string(height) + " px tall, at most " + std::to_string(kMaxExportSide) + " px); " +
             (widest >= 16 ? "export it at most " + std::to_string(widest) + " px wide (--width), or spread" : "spread") +
             " its notes over more stages or boards.";
    return false;
  }
  stats->width = width;
  stats->height = height;
  auto start = std::chrono::steady_clock::now();

  // Build the draw list once for the whole image; each tile shows a window of it.
  Camera camera;
  camera.zoom = zoom;
  camera.world = {content.x0, content.y0};
  ImDrawList drawList(ImGui::GetDrawListSharedData());
  drawList._ResetForNewFrame();
  drawList.Flags = ImGui::GetDrawListSharedData()->InitialFlags | ImDrawListFlags_AllowVtxOffset;
  drawList.PushClipRect({0, 0}, {float(width), float(height)});
  drawList.PushTextureID(ImGui::GetIO().Fonts->TexID);
  RenderOptions options;
  options.visible = {0, 0, float(width), float(height)};
  options.today = LocalDateIso();
  options.revealCovered = revealCovered;
  if (!board.curves.empty()) options.activeCurve = board.curves.front().id;
  DrawBoard(board, layout, camera, fonts, drawList, options);

  GLint maxRenderbuffer = 0, maxViewport[2] = {0, 0};
  glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &maxRenderbuffer);
  glGetIntegerv(GL_MAX_VIEWPORT_DIMS, maxViewport);
  const int tile = std::max(256, std::min({kMaxTile, int(maxRenderbuffer), int(maxViewport[0]), int(maxViewport[1])}));
  const int tileW = std::min(tile, width), tileH = std::min(tile, height);

  GLint previousFramebuffer = 0;
  glGetIntegerv(GL_FRAMEBUFFER_BINDING, &previousFramebuffer);
  OffscreenTarget offscreen;  // stays bound while the tiles render
  const bool complete = offscreen.Create(tileW, tileH);
  auto releaseGl = [&] { glBindFramebuffer(GL_FRAMEBUFFER, GLuint(previousFramebuffer)); };
  if (!complete) {
    releaseGl();
    *error = "The graphics driver could not create an offscreen image for the export.";
    return false;
  }

  PngWriter writer;
  std::string reason;
  if (!writer.Open(path, width, height, &reason)) {
    releaseGl();
    *error = reason;
    return false;
  }

  ImDrawData drawData;
  ImDrawList* lists[] = {&drawList};
  drawData.Valid = true;
  drawData.CmdLists = lists;
  drawData.CmdListsCount = 1;
  drawData.TotalVtxCount = drawList.VtxBuffer.Size;
  drawData.TotalIdxCount = drawList.IdxBuffer.Size;
  drawData.FramebufferScale = {1, 1};

  // One band of full-width rows at a time: bounded memory for any image size.
  std::vector<unsigned char> band(size_t(width) * tileH * 3);
  std::vector<unsigned char> tilePixels(size_t(tileW) * tileH * 3);
  std::vector<png_bytep> rows;
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  bool ok = true;
  for (int y0 = 0; y0 < height && ok; y0 += tileH) {
    const int bandH = std::min(tileH, height - y0);
    for (int x0 = 0; x0 < width; x0 += tileW) {
      const int w = std::min(tileW, width - x0);
      glClearColor(kBackgroundRgb[0], kBackgroundRgb[1], kBackgroundRgb[2], 1.0f);
      glClear(GL_COLOR_BUFFER_BIT);
      drawData.DisplayPos = {float(x0), float(y0)};
      drawData.DisplaySize = {float(tileW), float(tileH)};
      renderer.Render(drawData, tileW, tileH);
      // GL's origin is bottom-left: the band's top row is the viewport's highest row.
      glReadPixels(0, tileH - bandH, w, bandH, GL_RGB, GL_UNSIGNED_BYTE, tilePixels.data());
      for (int row = 0; row < bandH; ++row) {
        const unsigned char* src = tilePixels.data() + size_t(bandH - 1 - row) * w * 3;
        std::memcpy(band.data() + (size_t(row) * width + x0) * 3, src, size_t(w) * 3);
      }
    }
    auto encodeStart = std::chrono::steady_clock::now();
    rows.clear();
    for (int row = 0; row < bandH; ++row) rows.push_back(band.data() + size_t(row) * width * 3);
    ok = writer.WriteRows(rows, &reason);
    stats->encodeMs += MsSince(encodeStart);
  }
  releaseGl();
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

}  // namespace jb
