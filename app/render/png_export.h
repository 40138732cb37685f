// PNG snapshots of a whole board: rendered by DrawBoard into an offscreen framebuffer (in tiles,
// so any size up to 32K px works within GL limits and bounded memory) and encoded with libpng.
#pragma once
#include <string>

#include "core/model/model.h"

namespace jb {

class Fonts;
class GpuRenderer;
struct Layout;

struct ExportStats {
  int width = 0, height = 0;
  double renderMs = 0;  // drawing + GPU + read back
  double encodeMs = 0;  // PNG compression and file writing
};

inline constexpr int kDefaultExportWidth = 3840;
inline constexpr int kMaxExportSide = 32768;

// The part of the board a PNG export shows, in board units: everything, the title above the
// grid, and a margin. The image maps it to [0, width] × [0, height].
Rect ExportArea(const Layout& layout);

// Needs a current GL context, an ImGui context whose fonts are built and uploaded through
// `renderer`, and must be called between ImGui::NewFrame and ImGui::Render (or EndFrame).
// Writes with the board save's DurableWriter (core/io/durable_file.h): a temp file beside `path`,
// synced and renamed, so a failed export leaves nothing behind; a symlink is written through, a
// folder, device or pipe refused. Covered notes are drawn face down unless `revealCovered`; hidden
// stages and lanes stay hidden (they are hidden for the room).
bool ExportBoardPng(const Board& board, const std::string& path, int width, GpuRenderer& renderer,
                    const Fonts& fonts, ExportStats* stats, std::string* error, bool revealCovered = false);

}  // namespace jb
