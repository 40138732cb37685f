#include "app/render/png_export.h"

#include <glad/gl.h>
#include <imgui.h>
#include <imgui_internal.h>  // ImDrawListSharedData::InitialFlags for a standalone draw list

#include <algorithm>
#include <deque>
#include <thread>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>
#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#endif

#include "app/platform/fonts.h"
#include "app/platform/gpu_renderer.h"
#include "app/render/page_buffer.h"
#include "app/render/png_stream.h"
#include "app/render/render.h"
#include "core/io/durable_file.h"
#include "core/layout/bands.h"
#include "core/layout/layout.h"
#include "core/model/warnings.h"
#include "app/platform/i18n.h"

namespace jb {

namespace {

constexpr float kExportMarginUnits = 48;
constexpr int kMaxTile = 4096;
// A band of rows, ~9 MB of RGB: smaller bands drew more twice (the curve, the lanes, notes across
// their edges) and gave llvmpipe more scenes to start; at 1 MiB a 3840-px export of the
// 1,000-note board took 61 ms, at 3 MiB 54 (README "Where the PNG's time goes").
constexpr int kBandPixels = 3 << 20;
constexpr float kCullMarginUnits = 40;
// What one glReadPixels brings back at most: one 2 MiB page (page_buffer.h).
constexpr size_t kReadBackSliceBytes = size_t(2) << 20;

double MsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

// Makes the list draw the export's pixels `tile` only: DrawBoard culls by it with `spill` for what
// is drawn past the rectangle it is culled by (a curve's width, a glyph reaching below its line:
// ImGui culls text by whole lines); notes, whose own cull rectangle holds their shadow, vote dots
// and badge, by the tile itself.
void CullToTile(ImDrawList& drawList, RenderOptions& options, const Rect& tile, float spill) {
  options.visible = tile;
  options.spill = spill;
  const Rect reach = tile.Grown(spill);
  drawList.PushClipRect({reach.x0, reach.y0}, {reach.x1, reach.y1}, true);
}

// The targets' BGRA rows (gpu_renderer.h, OffscreenTarget) to the PNG's RGB (an opaque export)
// or RGBA, the copy every pixel of the image takes on the thread that submits the next tile.
void BgraToRgbScalar(const unsigned char* src, unsigned char* dst, int pixels) {
  for (int x = 0; x < pixels; ++x, src += 4, dst += 3) dst[0] = src[2], dst[1] = src[1], dst[2] = src[0];
}

void BgraToRgbaScalar(const unsigned char* src, unsigned char* dst, int pixels) {
  for (int x = 0; x < pixels; ++x, src += 4, dst += 4)
    dst[0] = src[2], dst[1] = src[1], dst[2] = src[0], dst[3] = src[3];
}

#if defined(__x86_64__) || defined(__i386__)
// Four pixels a step with one byte shuffle (SSSE3, on every x86-64 of the last fifteen years). To
// RGB: 16 bytes in, 12 out, written as 16 whose last 4 the next step overwrites; the last few
// pixels go the scalar way so nothing lands past the row. Under a third of a scalar copy's
// instructions (README "Performance").
__attribute__((target("ssse3"))) void BgraToRgbSsse3(const unsigned char* src, unsigned char* dst, int pixels) {
  const __m128i order = _mm_setr_epi8(2, 1, 0, 6, 5, 4, 10, 9, 8, 14, 13, 12, -1, -1, -1, -1);
  int x = 0;
  for (; x + 6 <= pixels; x += 4, src += 16, dst += 12)
    _mm_storeu_si128(reinterpret_cast<__m128i*>(dst),
                     _mm_shuffle_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(src)), order));
  BgraToRgbScalar(src, dst, pixels - x);
}

__attribute__((target("ssse3"))) void BgraToRgbaSsse3(const unsigned char* src, unsigned char* dst, int pixels) {
  const __m128i order = _mm_setr_epi8(2, 1, 0, 3, 6, 5, 4, 7, 10, 9, 8, 11, 14, 13, 12, 15);
  int x = 0;
  for (; x + 4 <= pixels; x += 4, src += 16, dst += 16)
    _mm_storeu_si128(reinterpret_cast<__m128i*>(dst),
                     _mm_shuffle_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(src)), order));
  BgraToRgbaScalar(src, dst, pixels - x);
}
#endif

using RowCopy = void (*)(const unsigned char* src, unsigned char* dst, int pixels);

RowCopy BgraRowCopy(int channels) {
#if defined(__x86_64__) || defined(__i386__)
  if (__builtin_cpu_supports("ssse3") && !std::getenv("JB_EXPORT_SCALAR_COPY"))
    return channels == 4 ? BgraToRgbaSsse3 : BgraToRgbSsse3;
#endif
  return channels == 4 ? BgraToRgbaScalar : BgraToRgbScalar;
}

// Where the bands start, then the image's height (core/layout/bands.h): DrawBoard draws a note in
// every band its reach (NoteReach) comes within a pixel of, so bands end between notes' reaches.
std::vector<int> ExportBandStarts(const Board& board, const Layout& layout, const Camera& camera, int height,
                                  int rows) {
  std::vector<RowSpan> notes;
  notes.reserve(board.notes.size());
  for (size_t i = 0; i < board.notes.size() && i < layout.notes.size(); ++i) {
    if (layout.notes[i].hidden) continue;
    const Rect reach = camera.ToScreen(NoteReach(board.notes[i], layout.notes[i]));
    notes.push_back({reach.y0 - 1, reach.y1 + 1});
  }
  return BandStarts(notes, height, rows);
}

}  // namespace

Layout ExportLayout(const Board& board, const ExportParams& params, const Fonts& fonts) {
  return ComputeLayout(board, &fonts, kMetrics, nullptr, params.room ? &kRoomMetrics : nullptr);
}

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
  double width = params.width;
  if (params.scale > 0) {
    width = std::max(1.0, std::round(double(area.Width()) * params.scale));
  } else if (width < 16 || width > kMaxExportSide) {
    *error = Format(_("The export width must be between 16 and %d pixels."), int(kMaxExportSide));
    return false;
  }
  double tall = std::max(1.0, std::round(double(area.Height()) * width / area.Width()));
  // Test hook: JB_EXPORT_MAX_PIXELS=N lowers the limit, so a test sees the scaling cheaply.
  double limit = kMaxExportPixels;
  if (const char* text = std::getenv("JB_EXPORT_MAX_PIXELS"); text && std::atof(text) >= 256)
    limit = std::min(limit, std::atof(text));
  if (width * tall > limit) {
    // Scaled down to fit: the widest image with the same shape within the limit.
    plan->askedWidth = (long long)(width);
    plan->askedHeight = (long long)(tall);
    width = std::max(1.0, std::floor(width * std::sqrt(limit / (width * tall))));
    tall = std::max(1.0, std::round(double(area.Height()) * width / area.Width()));
    while (width > 1 && width * tall > limit) {
      width -= 1;
      tall = std::max(1.0, std::round(double(area.Height()) * width / area.Width()));
    }
  }
  plan->limit = limit;
  plan->area = area;
  plan->width = int(width);
  plan->height = int(tall);
  plan->zoom = float(width / area.Width());
  return true;
}

std::string ScaledDownNote(const ExportPlan& plan) {
  return Format(_("At the size asked for the image would be %lld × %lld px (%s megapixels), more than image viewers "
                  "open; it is scaled down to %d × %d px (%d megapixels)."),
                plan.askedWidth, plan.askedHeight, Thousands(uint64_t(double(plan.askedWidth) * double(plan.askedHeight) / 1e6)).c_str(),
                plan.width, plan.height, int(std::round(plan.limit / 1e6)));
}

namespace {

int EnvInt(const char* name) {
  const char* text = std::getenv(name);
  return text ? std::atoi(text) : 0;
}

RenderOptions ExportRenderOptions(const Board& board, const ExportParams& params) {
  RenderOptions options;
  options.today = LocalDateIso();
  options.revealCovered = params.reveal;
  if (!board.curves.empty()) options.activeCurve = board.curves.front().id;
  return options;
}

Camera ExportCamera(const ExportPlan& plan) {
  Camera camera;
  camera.zoom = plan.zoom;
  camera.world = {plan.area.x0, plan.area.y0};
  return camera;
}

}  // namespace

float ExportTextPixels(const Board& board, const ExportParams& params, const Fonts& fonts) {
  const Layout layout = ExportLayout(board, params, fonts);
  ExportPlan plan;
  std::string error;
  if (!PlanExport(board, layout, params, &plan, &error)) return 0;
  const Camera camera = ExportCamera(plan);
  RenderOptions options = ExportRenderOptions(board, params);
  ImDrawListSharedData data;
  data.SetCircleTessellationMaxError(ImGuiStyle().CircleTessellationMaxError);
  ImDrawList drawList(&data);
  const float cullMargin = kCullMarginUnits * plan.zoom + 2;
  // Bands as the export's, so the scratch list stays a band's size (a whole 10,000-note board's
  // vertices are tens of MB).
  const int rows = std::max(16, kBandPixels / plan.width), columns = std::min(plan.width, kMaxTile);
  Fonts::SizeProbe probe;
  for (int y0 = 0; y0 < plan.height; y0 += rows)
    for (int x0 = 0; x0 < plan.width; x0 += columns) {
      BeginOffscreenDrawList(drawList, data, fonts, plan.width, plan.height);
      CullToTile(drawList, options, {float(x0), float(y0), float(x0 + columns), float(y0 + rows)}, cullMargin);
      DrawBoard(board, layout, camera, fonts, drawList, options);
    }
  return probe.Largest();
}

bool RenderExportPng(const Board& board, const ExportParams& params, const std::string& path, GpuRenderer& renderer,
                     const Fonts& fonts, const ImDrawListSharedData& shared, ExportProgress* progress,
                     ExportStats* stats, std::string* error) {
  *stats = {};
  error->clear();
  const Layout layout = ExportLayout(board, params, fonts);
  ExportPlan plan;
  if (!PlanExport(board, layout, params, &plan, error)) return false;
  const int width = plan.width, height = plan.height, channels = plan.Channels();
  stats->width = width;
  stats->height = height;
  if (plan.ScaledDown()) stats->scaledDown = ScaledDownNote(plan);
  auto start = std::chrono::steady_clock::now();
  renderer.ResetDrawCounts();

  // Each tile gets its own draw list, holding only what touches it (DrawBoard culls by
  // `visible`, ImGui's text by the clip rectangle): the GPU and the upload see a tile's share of
  // the board, not all of it. The draw list uses `shared` (a copy of the UI's), never the ImGui
  // context, so this runs on any thread.
  const Camera camera = ExportCamera(plan);
  ImDrawListSharedData data = shared;
  ImDrawList drawList(&data);
  RenderOptions options = ExportRenderOptions(board, params);

  GLint maxRenderbuffer = 0, maxViewport[2] = {0, 0};
  glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &maxRenderbuffer);
  glGetIntegerv(GL_MAX_VIEWPORT_DIMS, maxViewport);
  int tile = std::max(256, std::min({kMaxTile, int(maxRenderbuffer), int(maxViewport[0]), int(maxViewport[1])}));
  if (const int cap = EnvInt("JB_EXPORT_TILE"); cap >= 16) tile = std::min(tile, cap);
  const int slowMs = EnvInt("JB_EXPORT_SLOW_MS");
  const float cullMargin = kCullMarginUnits * plan.zoom + 2;
  // Bands of rows several MB each: one compresses while the next renders.
  int bandRows = std::max(16, kBandPixels / width);
  if (const int rows = EnvInt("JB_EXPORT_BAND"); rows >= 16) bandRows = rows;
  const int tileW = std::min(tile, width), tileH = std::min({tile, bandRows, height});
  const std::vector<int> bandStarts = ExportBandStarts(board, layout, camera, height, tileH);
  const int columns = (width + tileW - 1) / tileW, bands = int(bandStarts.size()) - 1;
  progress->tiles = columns * bands;
  progress->tile = 0;

  GLint previousFramebuffer = 0;
  glGetIntegerv(GL_FRAMEBUFFER_BINDING, &previousFramebuffer);
  // Two targets take turns: once a tile is submitted and flushed, llvmpipe's threads rasterize it
  // while this thread builds and submits the next; a tile is read back when its own fence has
  // passed, so the read waits for that tile only. Kept by the renderer for the next export.
  OffscreenTarget* targets = renderer.ExportTargets(tileW, tileH);
  auto releaseGl = [&] { glBindFramebuffer(GL_FRAMEBUFFER, GLuint(previousFramebuffer)); };
  if (!targets) {
    releaseGl();
    *error = _("The graphics driver could not create an offscreen image for the export.");
    return false;
  }

  PngStream writer;
  std::string reason;
  if (!writer.Open(path, uint32_t(width), uint32_t(height), channels, &reason)) {
    releaseGl();
    *error = reason;
    return false;
  }

  // Transparent: clear to nothing, and undo the blend's premultiplication (in the encoder), so
  // the board's own parts stay opaque and anti-aliased edges keep their colour. Opaque: clear to
  // the cells' colour and paint the page around them (RenderOptions::pageAroundClearedCells);
  // JB_EXPORT_FILL_CELLS=1 fills the cells over the page instead, for a test to compare.
  ImVec4 clear(0, 0, 0, 0);
  if (params.background != ExportBackground::Transparent) {
    const ImVec4 page = params.background == ExportBackground::White
                            ? ImVec4(1, 1, 1, 1)
                            : ImVec4(kBackgroundRgb[0], kBackgroundRgb[1], kBackgroundRgb[2], 1);
    const bool fillCells = EnvInt("JB_EXPORT_FILL_CELLS") == 1 || !CellsMayBeCleared(board, layout);
    const ImU32 cells = (options.palette ? *options.palette : LightPalette()).cellFill;
    clear = fillCells ? page : ImGui::ColorConvertU32ToFloat4(cells);
    if (!fillCells) options.pageAroundClearedCells = ImGui::ColorConvertFloat4ToU32(page);
  }

  // One slice of the read-back (BGRA), written whole by each; kept for the next export (page_buffer.h).
  static KeptForLater<PageBuffer> keptTilePixels(1);
  struct ReadBackBuffer {
    PageBuffer pixels = keptTilePixels.Take();
    ~ReadBackBuffer() { keptTilePixels.Give(std::move(pixels)); }
  } readBackBuffer;
  PageBuffer& tilePixels = readBackBuffer.pixels;
  const int sliceRows = std::max(1, std::min(tileH, int(kReadBackSliceBytes / (size_t(tileW) * 4))));
  if (!tilePixels.Resize(size_t(tileW) * sliceRows * 4)) {
    releaseGl();
    *error = _("There is not enough memory for the export.");
    return false;
  }
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  auto step = std::chrono::steady_clock::now();
  auto lap = [&step](double& into) {
    into += MsSince(step);
    step = std::chrono::steady_clock::now();
  };
  struct Drawn {
    int x0, y0, width, height, target;
    GLsync fence;
  };
  std::deque<Drawn> drawn;
  unsigned char* band = nullptr;
  const RowCopy copyRow = BgraRowCopy(channels);
  auto readBack = [&](const Drawn& tile) {
    glClientWaitSync(tile.fence, GL_SYNC_FLUSH_COMMANDS_BIT, GL_TIMEOUT_IGNORED);
    glDeleteSync(tile.fence);
    if (tile.x0 == 0) {
      band = writer.NextBand(tile.height, &reason);
      if (!band) return false;
    }
    // GL's origin is bottom-left: the band's top row is the viewport's highest row.
    // BGRA, the target's own layout: Mesa copies it row by row, where any other took a per-pixel
    // conversion; the copy into the band puts the channels in the PNG's order.
    targets[tile.target].BindForReading();
    // In slices of rows into one small buffer, each copied into the band while it is still in the
    // cache: a whole tile's read-back was 12 MB more memory to fault in (README "Performance").
    for (int done = 0; done < tile.height; done += sliceRows) {
      const int rows = std::min(sliceRows, tile.height - done);
      glReadPixels(0, tileH - done - rows, tile.width, rows, GL_BGRA, GL_UNSIGNED_BYTE, tilePixels.data());
      lap(stats->readBackMs);
      for (int row = 0; row < rows; ++row) {
        const unsigned char* src = tilePixels.data() + size_t(rows - 1 - row) * tile.width * 4;
        unsigned char* dst = band + size_t(done + row) * writer.RowStride() + size_t(tile.x0) * channels;
        copyRow(src, dst, tile.width);
      }
      lap(stats->copyMs);
    }
    ++progress->tile;
    progress->Changed();
    if (slowMs > 0) std::this_thread::sleep_for(std::chrono::milliseconds(slowMs));
    if (tile.x0 + tile.width < width) return true;
    const bool submitted = writer.Submit(channels == 4, &reason);
    lap(stats->bandMs);
    return submitted;
  };
  bool ok = true, cancelled = false;
  int drawnTiles = 0;
  for (int band = 0; band < bands && ok && !cancelled; ++band) {
    const int y0 = bandStarts[size_t(band)], bandH = bandStarts[size_t(band) + 1] - y0;
    for (int x0 = 0; x0 < width && ok; x0 += tileW) {
      if (progress->cancel) {
        cancelled = true;
        break;
      }
      if (drawn.size() == 2) {
        ok = readBack(drawn.front());
        drawn.pop_front();
        if (!ok) break;
      }
      const int w = std::min(tileW, width - x0), target = drawnTiles++ % 2;
      step = std::chrono::steady_clock::now();
      BeginOffscreenDrawList(drawList, data, fonts, width, height);
      CullToTile(drawList, options, {float(x0), float(y0), float(x0 + w), float(y0 + bandH)}, cullMargin);
      DrawBoard(board, layout, camera, fonts, drawList, options);
      lap(stats->drawListMs);
      targets[target].Bind();
      glClearColor(clear.x, clear.y, clear.z, clear.w);
      glClear(GL_COLOR_BUFFER_BIT);
      renderer.RenderList(drawList, float(x0), float(y0), tileW, tileH);
      drawn.push_back({x0, y0, w, bandH, target, glFenceSync(GL_SYNC_GPU_COMMANDS_COMPLETE, 0)});
      glFlush();  // the rasterizer starts on this tile now, not when the next read waits for it
      lap(stats->submitMs);
    }
  }
  for (; ok && !cancelled && !drawn.empty(); drawn.pop_front()) ok = readBack(drawn.front());
  for (const Drawn& tile : drawn) glDeleteSync(tile.fence);  // cancelled or failed
  releaseGl();
  if (cancelled) return false;  // the writer, never committed, removes its temp file
  stats->draws = renderer.Counts();
  progress->encoding = true;
  progress->Changed();
  const double drawnMs = MsSince(start), waitedMs = writer.WaitMs();
  ok = ok && writer.Finish(&reason);
  // Encoding overlaps the drawing: it counts what the caller waited for it, in the bands and after
  // the last one.
  stats->encodeMs = MsSince(start) - drawnMs + waitedMs;
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
