// PNG snapshots of a board: rendered by DrawBoard into an offscreen framebuffer in tiles, each
// with only its share of the board, band by band of rows, so any size works within GL limits and
// bounded memory; each band is compressed on other threads while the next renders (png_stream.h).
// One engine
// for the command line (on its own thread, EGL) and the window (a worker thread, export_job.h).
#pragma once
#include <atomic>
#include <functional>
#include <string>
#include <vector>

#include "app/platform/gpu_renderer.h"
#include "core/model/model.h"

struct ImDrawListSharedData;

namespace jb {

class Fonts;
struct Layout;

struct ExportStats {
  int width = 0, height = 0;
  double renderMs = 0;  // drawing + GPU + read back
  double encodeMs = 0;  // PNG compression and file writing (what of it did not overlap the drawing)
  // The render's steps, summed over the tiles (JB_EXPORT_TIMING prints them): building the draw
  // lists, submitting them to GL, the read-back (where the GPU's work is waited for), copying rows
  // into the PNG's bands, and handing bands to the encoder (waits included).
  double drawListMs = 0, submitMs = 0, readBackMs = 0, copyMs = 0, bandMs = 0;
  std::string scaledDown;  // ScaledDownNote when the image was scaled down to fit; else empty
  GpuRenderer::DrawCounts draws;  // the GL draw calls, fills without the atlas and those reading it
};

inline constexpr int kDefaultExportWidth = 3840;
inline constexpr int kMaxExportSide = 32768;  // the widest --width and custom width (--scale may go wider)
// Past this many pixels an export is scaled down to fit, and says so: 400 megapixels is 1.6 GB
// once a viewer decodes it (RGBA), about what image viewers and browsers still open, and minutes
// of work on a laptop's GPU. Any taller or wider image up to it streams in bands of rows.
inline constexpr double kMaxExportPixels = 400e6;
inline constexpr float kMinExportScale = 0.01f, kMaxExportScale = 64.0f;

enum class ExportRegion { Board, View, Selection, Stage };
enum class ExportBackground { Canvas, White, Transparent };

// What to export and how big. The size is `scale` (board units → pixels) when it is above 0, else
// `width` pixels.
struct ExportParams {
  ExportRegion region = ExportRegion::Board;
  std::string stage;              // Stage: the stage's name
  Rect view;                      // View: the visible rectangle, board units
  std::vector<NoteId> selection;  // Selection: the notes whose bounds (plus a margin) are shown
  int width = kDefaultExportWidth;
  float scale = 0;
  ExportBackground background = ExportBackground::Canvas;
  bool reveal = false;  // covered notes drawn face up (RenderOptions::revealCovered)
  bool room = false;    // laid out as Room view does: the current view while Room view is on
};

// The layout an export draws: the board's, or Room view's when `params.room`.
Layout ExportLayout(const Board& board, const ExportParams& params, const Fonts& fonts);

// The area an export shows (board units) and the image's size.
struct ExportPlan {
  Rect area;
  int width = 0, height = 0;
  float zoom = 1;  // pixels per board unit
  int Channels() const { return background == ExportBackground::Transparent ? 4 : 3; }
  ExportBackground background = ExportBackground::Canvas;
  // The size asked for when it was over kMaxExportPixels and the image was scaled down to fit;
  // 0 when the image is the size asked for.
  long long askedWidth = 0, askedHeight = 0;
  double limit = kMaxExportPixels;  // the pixels it had to fit in
  bool ScaledDown() const { return askedWidth > 0; }
  // The file's size, roughly: fast zlib keeps ~1/35 of the sample board's raw pixels; boards
  // dense with notes keep more, so this errs large.
  double ApproxMegabytes() const { return double(width) * height * Channels() / 20.0 / 1e6; }
};

// The part of the board a whole-board export shows, in board units: everything, the title above
// the grid, and a margin. The image maps it to [0, width] × [0, height].
Rect ExportArea(const Layout& layout);

// The area and size for `params`, or false with one sentence (no such stage, nothing selected).
// An image over kMaxExportPixels is planned scaled down to fit (plan->ScaledDown()). Cheap: the
// export dialog calls it every frame for its size line.
bool PlanExport(const Board& board, const Layout& layout, const ExportParams& params, ExportPlan* plan,
                std::string* error);

// One sentence for a scaled-down plan: the size asked for and the size it will be.
std::string ScaledDownNote(const ExportPlan& plan);

// Where a running export is; written by the exporting thread, read by the UI. `cancel` asks it to
// stop: it then leaves no file and returns false with an empty error.
struct ExportProgress {
  std::atomic<int> tile{0}, tiles{0};
  std::atomic<bool> encoding{false};
  std::atomic<bool> cancel{false};
  // Called on the exporting thread after each step (a tile drawn, encoding begun); may be empty.
  std::function<void()> changed;
  void Changed() const {
    if (changed) changed();
  }
};

// The largest text, in pixels, the export `params` draws: DrawBoard runs over the image once,
// band by band into a scratch list, rendering nothing, with a Fonts::SizeProbe. The fonts it needs
// go no larger (Fonts::Build's largestBoardPixels): an export 3840 wide of a workshop board needs
// half the sizes, a quarter of the atlas. 0 when the plan fails. Layout uses the reference size
// only, so `fonts` may be any bake that holds it.
float ExportTextPixels(const Board& board, const ExportParams& params, const Fonts& fonts);

// Renders and writes the PNG. Needs a current GL context in which `renderer` was initialised and
// the fonts' atlas texture is readable (the main context, or one sharing it). Uses no ImGui context:
// `shared` is a copy of the UI's ImDrawListSharedData (white pixel, tessellation), so it may run on
// another thread while the UI draws, as long as the fonts are not rebuilt meanwhile.
// Writes with the board save's DurableWriter (core/io/durable_file.h): a temp file beside `path`,
// synced and renamed, so a failed or cancelled export leaves nothing behind; a symlink is written
// through, a folder, device or pipe refused. Covered notes are drawn face down unless
// `params.reveal`; hidden stages and lanes stay hidden (they are hidden for the room).
// Test hooks: JB_EXPORT_TILE=N caps the tile size at N pixels, JB_EXPORT_SLOW_MS=N waits N ms
// after each tile (to cancel an export in a test), JB_EXPORT_MAX_PIXELS=N scales down past N
// pixels instead of kMaxExportPixels, JB_EXPORT_BAND=N renders bands of N rows.
bool RenderExportPng(const Board& board, const ExportParams& params, const std::string& path, GpuRenderer& renderer,
                     const Fonts& fonts, const ImDrawListSharedData& shared, ExportProgress* progress,
                     ExportStats* stats, std::string* error);

// The whole board `width` pixels wide, on the calling thread between ImGui::NewFrame and
// ImGui::Render (the benchmark).
bool ExportBoardPng(const Board& board, const std::string& path, int width, GpuRenderer& renderer,
                    const Fonts& fonts, ExportStats* stats, std::string* error);

}  // namespace jb
