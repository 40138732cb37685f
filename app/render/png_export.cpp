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
#include <filesystem>
#include <vector>

#include <unistd.h>

#include "app/platform/fonts.h"
#include "app/platform/gpu_renderer.h"
#include "app/render/render.h"
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
class PngWriter {
 public:
  ~PngWriter() {
    if (m_png) png_destroy_write_struct(&m_png, &m_info);
    if (m_file) std::fclose(m_file);
  }

  bool Open(const std::string& path, int width, int height, std::string* error) {
    m_file = std::fopen(path.c_str(), "wb");
    if (!m_file) {
      *error = std::strerror(errno);
      return false;
    }
    m_png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    m_info = m_png ? png_create_info_struct(m_png) : nullptr;
    if (!m_info) {
      *error = "out of memory";
      return false;
    }
    if (setjmp(png_jmpbuf(m_png))) {
      *error = "the PNG encoder failed";
      return false;
    }
    png_init_io(m_png, m_file);
    png_set_compression_level(m_png, 1);
    png_set_filter(m_png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
    png_set_IHDR(m_png, m_info, png_uint_32(width), png_uint_32(height), 8, PNG_COLOR_TYPE_RGB,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_write_info(m_png, m_info);
    return true;
  }

  bool WriteRows(std::vector<png_bytep>& rows, std::string* error) {
    if (setjmp(png_jmpbuf(m_png))) {
      *error = "the PNG encoder failed";
      return false;
    }
    png_write_rows(m_png, rows.data(), png_uint_32(rows.size()));
    return true;
  }

  bool Finish(std::string* error) {
    if (setjmp(png_jmpbuf(m_png))) {
      *error = "the PNG encoder failed";
      return false;
    }
    png_write_end(m_png, m_info);
    // Flush and close ourselves: a full disk shows up here, not earlier.
    bool ok = std::fflush(m_file) == 0 && fsync(fileno(m_file)) == 0;
    int saved = errno;
    ok = (std::fclose(m_file) == 0) && ok;
    m_file = nullptr;
    if (!ok) *error = std::strerror(saved ? saved : errno);
    return ok;
  }

 private:
  std::FILE* m_file = nullptr;
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
                    const Fonts& fonts, ExportStats* stats, std::string* error) {
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

  const std::filesystem::path target(path);
  const std::string temp = (target.parent_path() / ("." + target.filename().string() + ".tmp")).string();
  PngWriter writer;
  std::string reason;
  if (!writer.Open(temp, width, height, &reason)) {
    releaseGl();
    std::remove(temp.c_str());
    *error = "Cannot write " + path + ": " + reason + ".";
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
    std::remove(temp.c_str());
    *error = "Cannot write " + path + ": " + reason + ".";
    return false;
  }
  if (std::rename(temp.c_str(), path.c_str()) != 0) {
    std::string why = std::strerror(errno);
    std::remove(temp.c_str());
    *error = "Cannot write " + path + ": " + why + ".";
    return false;
  }
  return true;
}

}  // namespace jb
