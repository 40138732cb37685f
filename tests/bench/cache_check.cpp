// journeyboard_cache_check: proves the canvas' board cache (app/render/board_cache.h) shows what a
// full redraw shows. It drives the real App headless (EGL, as the benchmark does) through random
// edits, undos, redos, whole-pixel pans and zooms on random boards, and after each step compares
// the cached frame with the same frame drawn with the cache off, pixel by pixel. Zooms are
// compared once the view has rested (while the camera moves the cache shows scaled pixels on
// purpose). Prints the steps and exits 1 at the first frame that differs, saving both images.
//
// usage: journeyboard_cache_check [--seed N] [--steps K] [--boards B] [--out DIR]
#include <glad/gl.h>
#include <imgui.h>

#include <algorithm>
#include <array>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include <unistd.h>

#include "app/app.h"
#include "app/platform/gl_context.h"
#include "app/platform/gpu_renderer.h"
#include "app/render/render.h"
#include "core/edit/commands.h"
#include "core/io/templates.h"

namespace fs = std::filesystem;

namespace jb {
namespace {

constexpr int kWidth = 1280, kHeight = 800;

class Checker {
 public:
  Checker(App& app, unsigned seed) : m_app(app), m_rng(seed) { m_target.Create(kWidth, kHeight); }

  // One frame, drawn and read back (RGBA, GL's bottom-up rows).
  std::vector<unsigned char> Frame(float seconds) {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = {float(kWidth), float(kHeight)};
    io.DeltaTime = seconds;
    ImGui::NewFrame();
    m_app.BuildUi(m_typed);
    ImGui::Render();
    m_target.Bind();
    glViewport(0, 0, kWidth, kHeight);
    const float* background = m_app.canvas().palette ? m_app.canvas().palette->background : kBackgroundRgb;
    glClearColor(background[0], background[1], background[2], 1);
    glClear(GL_COLOR_BUFFER_BIT);
    m_app.renderer().Render(*ImGui::GetDrawData(), kWidth, kHeight);
    std::vector<unsigned char> pixels(size_t(kWidth) * kHeight * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, kWidth, kHeight, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    return pixels;
  }

  // The cached frame against a full redraw of the same state. False (and both saved) when more
  // than 48 pixels of either (inside the canvas) have no match within 16 per channel at the same
  // place or one pixel around it in the other: after a pan a glyph of small text may land a pixel
  // apart (its position is floored from other sums), while a stale note leaves thousands of pixels
  // with no match anywhere near.
  //
  // The cache's pixels were drawn with the camera before whole-pixel pans; in floats the current
  // camera is a few ten-thousandths of a pixel from that, one way for the whole frame. An edge
  // that lies that close to a pixel's centre then covers the pixel in one and not in the other (a
  // row of three notes' shadows, 148 pixels). So a mismatch is looked at again against full
  // redraws of views a 256th of a pixel (the rasteriser's grid) away in the eight directions: the
  // cache passes if it matches one of them. A stale or missing note matches none.
  bool Compare(const std::string& what, const fs::path& out) {
    m_app.canvas().boardCache = true;
    const std::vector<unsigned char> cached = Frame(1e-4f);
    m_app.canvas().boardCache = false;
    const std::vector<unsigned char> full = Frame(1e-4f);
    m_app.canvas().boardCache = true;
    ++m_compared;
    // Glyphs cut by the canvas' edge are clipped per pixel from the cache and per glyph when drawn
    // directly: the edges' few pixels are left out.
    const Vec2 origin = m_app.canvas().camera().screenOrigin, size = m_app.canvas().size();
    m_edge = {int(origin.x) + 3, kHeight - int(origin.y + size.y) + 3, int(origin.x + size.x) - 3,
              kHeight - int(origin.y) - 3};
    size_t off = Unmatched(cached, full) + Unmatched(full, cached);
    if (off > 48) {
      Canvas& canvas = m_app.canvas();
      const Camera camera = canvas.camera();
      const float step = 1.0f / 256 / camera.zoom;
      canvas.boardCache = false;
      for (int dy = -1; dy <= 1 && off > 48; ++dy)
        for (int dx = -1; dx <= 1 && off > 48; ++dx) {
          if (dx == 0 && dy == 0) continue;
          canvas.SetView({camera.world.x + float(dx) * step, camera.world.y + float(dy) * step}, camera.zoom);
          const std::vector<unsigned char> nudged = Frame(1e-4f);
          off = std::min(off, Unmatched(cached, nudged) + Unmatched(nudged, cached));
        }
      canvas.SetView(camera.world, camera.zoom);
      canvas.boardCache = true;
    }
    m_worstOff = std::max(m_worstOff, off);
    if (off <= 48) return true;
    std::fprintf(stderr, "journeyboard_cache_check: after %s the cached frame differs from a full redraw: %zu pixels without a match\n",
                 what.c_str(), off);
    Save(cached, out / "cached.ppm");
    Save(full, out / "full.ppm");
    return false;
  }

  size_t Unmatched(const std::vector<unsigned char>& a, const std::vector<unsigned char>& b) const {
    auto close = [&](size_t i, size_t j) {
      for (int c = 0; c < 3; ++c)
        if (std::abs(int(a[i + c]) - int(b[j + c])) > 16) return false;
      return true;
    };
    size_t count = 0;
    for (int y = std::max(0, m_edge[1]); y < std::min(kHeight, m_edge[3]); ++y)
      for (int x = std::max(0, m_edge[0]); x < std::min(kWidth, m_edge[2]); ++x) {
        const size_t i = (size_t(y) * kWidth + x) * 4;
        if (close(i, i)) continue;
        bool found = false;
        for (int dy = -1; dy <= 1 && !found; ++dy)
          for (int dx = -1; dx <= 1 && !found; ++dx) {
            const int nx = x + dx, ny = y + dy;
            if (nx >= 0 && ny >= 0 && nx < kWidth && ny < kHeight) found = close(i, (size_t(ny) * kWidth + nx) * 4);
          }
        if (!found) ++count;
      }
    return count;
  }

  bool RunBoard(Board board, int steps, const fs::path& out) {
    m_out = out;
    m_app.document().Reset(std::move(board), "");
    m_app.canvas().ClearSelection();
    m_app.canvas().RequestFit();
    Frame(1.0f / 60);
    Frame(0.2f);
    if (!Compare("opening", out)) return false;
    for (int step = 0; step < steps; ++step) {
      const std::string what = Step();
      std::fprintf(stderr, "  %s\n", what.c_str());
      if (m_failed) return false;
      if (m_zoomed) {  // the gesture's scaled frames, then a rest: crisp again
        Frame(1.0f / 60);
        Frame(0.2f);
        m_zoomed = false;
      } else {
        Frame(1.0f / 60);
      }
      if (!Compare(what, out)) return false;
    }
    return true;
  }

  int Compared() const { return m_compared; }
  size_t WorstOff() const { return m_worstOff; }

 private:
  static void Save(const std::vector<unsigned char>& rgba, const fs::path& path) {
    std::ofstream file(path, std::ios::binary);
    file << "P6\n" << kWidth << " " << kHeight << "\n255\n";
    for (int y = kHeight - 1; y >= 0; --y)
      for (int x = 0; x < kWidth; ++x) file.write(reinterpret_cast<const char*>(&rgba[(size_t(y) * kWidth + x) * 4]), 3);
  }

  int Pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(m_rng); }

  std::string Step() {
    Document& document = m_app.document();
    const Board& board = document.board();
    Canvas& canvas = m_app.canvas();
    auto someNote = [&]() { return board.notes[size_t(Pick(int(board.notes.size())))].id; };
    switch (Pick(13)) {
      case 0:
      case 1: {
        const int dx = Pick(401) - 200, dy = Pick(301) - 150;
        canvas.PanBy(float(dx), float(dy));
        return "pan by " + std::to_string(dx) + ", " + std::to_string(dy);
      }
      case 2: {
        const float factor = Pick(2) ? 1.25f : 0.8f;
        canvas.ZoomBy(factor);
        m_zoomed = true;
        return "zoom by " + std::to_string(factor);
      }
      case 3:
        if (board.notes.empty()) break;
        document.Apply(SetNoteText(board, someNote(), "edited " + std::to_string(Pick(1000)) + " with more words to wrap"), "text");
        return "edit a note's text";
      case 4:
        if (board.notes.empty()) break;
        document.Apply(SetNotesColor(board, {someNote()}, Rgb(0x808080 + Pick(0x7f7f7f))), "colour");
        return "colour a note";
      case 5: {
        if (board.notes.empty()) break;
        const Note& to = board.notes[size_t(Pick(int(board.notes.size())))];
        NoteTarget target;
        target.stage = to.stage;
        target.lane = to.lane;
        target.freePos = {to.pos.x + 40, to.pos.y + 30};
        if (!to.IsFree()) target.before = to.id;
        document.Apply(MoveNotes(board, {someNote()}, target), "move");
        return "move a note";
      }
      case 6: {
        if (board.stages.empty() || board.lanes.empty()) break;
        Note note;
        note.text = "added " + std::to_string(Pick(100));
        NoteTarget target;
        target.stage = board.stages[size_t(Pick(int(board.stages.size())))].id;
        target.lane = board.lanes[size_t(Pick(int(board.lanes.size())))].id;
        if (!CellTakesNotes(board, board.StageIndex(target.stage), board.LaneIndex(target.lane))) break;
        document.Apply(AddNote(board, note, target), "add");
        return "add a note to a cell";
      }
      case 7:
        if (board.notes.size() < 3) break;
        document.Apply(DeleteNotes(board, {someNote()}), "delete");
        return "delete a note";
      case 8:
        if (board.notes.empty()) break;
        document.Apply(NudgeNotes(board, {someNote()}, {float(Pick(61) - 30), float(Pick(61) - 30)}), "nudge");
        return "nudge a note";
      case 9:
        document.Undo();
        return "undo";
      case 10:
        document.Redo();
        return "redo";
      case 12:
        if (const std::string drag = DragNote(); !drag.empty()) return drag;
        break;
      case 11:
        if (Pick(4) == 0) {
          document.Apply(AddLane(board, "Lane " + std::to_string(Pick(100)), LaneKind::Custom), "lane");
          return "add a lane";
        }
        break;
    }
    canvas.PanBy(1, 0);
    return "pan by 1, 0";
  }

  // Presses on a note on view and drags it by the mouse a few frames; compared mid-drag (the
  // note drawn live over the cache, a placeholder where it will land), then dropped.
  std::string DragNote() {
    const Board& board = m_app.document().board();
    const Layout& layout = m_app.canvas().layout();
    const Camera& camera = m_app.canvas().camera();
    const Vec2 origin = camera.screenOrigin, size = m_app.canvas().size();
    std::vector<size_t> onView;
    for (size_t i = 0; i < board.notes.size() && i < layout.notes.size(); ++i) {
      if (layout.notes[i].hidden) continue;
      const Rect r = camera.ToScreen(layout.notes[i].rect);
      const Vec2 c{(r.x0 + r.x1) * 0.5f, (r.y0 + r.y1) * 0.5f};
      if (c.x > origin.x + 60 && c.y > origin.y + 60 && c.x < origin.x + size.x - 60 && c.y < origin.y + size.y - 60)
        onView.push_back(i);
    }
    if (onView.empty()) return "";
    const size_t i = onView[size_t(Pick(int(onView.size())))];
    const Rect r = camera.ToScreen(layout.notes[i].rect);
    const ImVec2 press{(r.x0 + r.x1) * 0.5f, (r.y0 + r.y1) * 0.5f};
    m_app.canvas().SetSelection({board.notes[i].id});
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = press;
    Frame(1.0f / 60);
    io.MouseDown[0] = true;
    Frame(1.0f / 60);
    const float dx = float(Pick(301) - 150), dy = float(Pick(201) - 100);
    for (int k = 1; k <= 4; ++k) {
      io.MousePos = {press.x + dx * float(k) / 4, press.y + dy * float(k) / 4};
      Frame(1.0f / 60);
    }
    const bool same = Compare("dragging a note (mid-drag)", m_out);
    io.MouseDown[0] = false;
    Frame(1.0f / 60);
    io.MousePos = {-FLT_MAX, -FLT_MAX};
    m_app.canvas().ClearSelection();
    if (!same) m_failed = true;
    return "drag a note by " + std::to_string(int(dx)) + ", " + std::to_string(int(dy));
  }

  App& m_app;
  std::mt19937 m_rng;
  fs::path m_out;
  bool m_failed = false;
  OffscreenTarget m_target;
  std::u32string m_typed;
  bool m_zoomed = false;
  std::array<int, 4> m_edge{0, 0, kWidth, kHeight};  // the canvas less its edges, GL's bottom-up rows
  int m_compared = 0;
  size_t m_worstOff = 0;
};

// The gesture's scaled copy (GpuRenderer::DrawScaled, a quad of its own program) against GL's
// own nearest-pixel blit of the same rectangles: random texels, scales up and down, flipped
// neither way, with and without scissor. Both must cover the same pixels, and each pixel of the
// copy must be the texel nearest its centre or one next to it: llvmpipe's linear path, which
// takes the copy (RenderTexture keeps BGRA for it), steps through a row in 24.8 fixed point from
// a rounded start, so near a texel edge it may take the neighbour. Returns false, saying which,
// when they differ more.
bool ScaledCopyMatchesBlit(GpuRenderer& renderer, std::mt19937& rng) {
  constexpr int kTex = 300, kOut = 257;
  RenderTexture texture, viaBlit, viaDraw;
  if (!texture.Create(kTex, kTex) || !viaBlit.Create(kOut, kOut) || !viaDraw.Create(kOut, kOut)) {
    std::fprintf(stderr, "journeyboard_cache_check: could not make the scaled copy's textures\n");
    return false;
  }
  std::vector<unsigned char> texels(size_t(kTex) * kTex * 4);
  for (unsigned char& c : texels) c = static_cast<unsigned char>(rng());
  for (size_t i = 3; i < texels.size(); i += 4) texels[i] = 255;  // the kept view is opaque
  glBindTexture(GL_TEXTURE_2D, texture.Texture());
  glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, kTex, kTex, GL_RGBA, GL_UNSIGNED_BYTE, texels.data());
  std::uniform_int_distribution<int> at(0, kTex / 2), size(20, kTex / 2), out(0, kOut / 3), span(30, 2 * kOut / 3);
  for (int round = 0; round < 12; ++round) {
    const int x0 = at(rng), y0 = at(rng), x1 = x0 + size(rng), y1 = y0 + size(rng);
    const int toX0 = out(rng), toY0 = out(rng), toX1 = toX0 + span(rng), toY1 = toY0 + span(rng);
    const bool scissor = round % 2 == 1;
    std::vector<unsigned char> images[2];
    for (int way = 0; way < 2; ++way) {
      const RenderTexture& target = way == 0 ? viaBlit : viaDraw;
      target.Bind();
      glViewport(0, 0, kOut, kOut);
      glDisable(GL_SCISSOR_TEST);
      glClearColor(0, 0, 0, 0);
      glClear(GL_COLOR_BUFFER_BIT);
      if (scissor) {
        glEnable(GL_SCISSOR_TEST);
        glScissor(toX0 + 5, toY0 + 3, (toX1 - toX0) / 2, (toY1 - toY0) / 2);
      }
      if (way == 0) texture.BlitToBound(x0, y0, x1, y1, toX0, toY0, toX1, toY1);
      else renderer.DrawScaled(texture, x0, y0, x1, y1, toX0, toY0, toX1, toY1);
      glDisable(GL_SCISSOR_TEST);
      images[way].resize(size_t(kOut) * kOut * 4);
      target.Bind();
      glReadPixels(0, 0, kOut, kOut, GL_RGBA, GL_UNSIGNED_BYTE, images[way].data());
    }
    // The texel nearest a pixel's centre, along one axis.
    auto nearest = [](int at, int from0, int from1, int to0, int to1) {
      const double sample = from0 + (at + 0.5 - to0) * (from1 - from0) / double(to1 - to0);
      return std::clamp(int(std::floor(sample)), from0, from1 - 1);
    };
    size_t uncovered = 0, far = 0, differing = 0, drawn = 0;
    for (int y = 0; y < kOut; ++y) {
      const int ty = nearest(y, y0, y1, toY0, toY1);
      for (int x = 0; x < kOut; ++x) {
        const unsigned char* blit = &images[0][(size_t(y) * kOut + x) * 4];
        const unsigned char* copy = &images[1][(size_t(y) * kOut + x) * 4];
        if ((blit[3] != 0) != (copy[3] != 0)) ++uncovered;
        if (blit[3] == 0) continue;
        ++drawn;
        if (std::memcmp(blit, copy, 4) != 0) ++differing;
        const int tx = nearest(x, x0, x1, toX0, toX1);
        bool near = false;  // that texel or one next to it
        for (int dy = -1; dy <= 1 && !near; ++dy)
          for (int dx = -1; dx <= 1 && !near; ++dx) {
            const int sx = std::clamp(tx + dx, 0, kTex - 1), sy = std::clamp(ty + dy, 0, kTex - 1);
            near = std::memcmp(copy, &texels[(size_t(sy) * kTex + sx) * 4], 4) == 0;
          }
        if (!near) ++far;
      }
    }
    if (drawn == 0 || uncovered > 0 || far > 0) {
      std::fprintf(stderr,
                   "journeyboard_cache_check: the scaled copy of (%d,%d)-(%d,%d) to (%d,%d)-(%d,%d)%s covers %zu pixels "
                   "the blit does not (or leaves them), and %zu of its %zu pixels are no texel near their own "
                   "(%zu differ from the blit's)\n",
                   x0, y0, x1, y1, toX0, toY0, toX1, toY1, scissor ? " with scissor" : "", uncovered, far, drawn,
                   differing);
      return false;
    }
  }
  return true;
}

}  // namespace
}  // namespace jb

int main(int argc, char** argv) {
  using namespace jb;
  unsigned seed = std::random_device{}();
  int steps = 40, boards = 3;
  fs::path out = fs::temp_directory_path();
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--seed" && i + 1 < argc) seed = unsigned(std::strtoul(argv[++i], nullptr, 10));
    else if (arg == "--steps" && i + 1 < argc) steps = std::max(1, std::atoi(argv[++i]));
    else if (arg == "--boards" && i + 1 < argc) boards = std::max(1, std::atoi(argv[++i]));
    else if (arg == "--out" && i + 1 < argc) out = argv[++i];
    else {
      std::fprintf(stderr, "usage: journeyboard_cache_check [--seed N] [--steps K] [--boards B] [--out DIR]\n");
      return 2;
    }
  }
  const fs::path work = fs::temp_directory_path() / ("journeyboard-cache-check-" + std::to_string(getpid()));
  fs::create_directories(work);
  setenv("XDG_CONFIG_HOME", (work / "config").c_str(), 1);
  setenv("XDG_STATE_HOME", (work / "state").c_str(), 1);
  HeadlessGl gl;
  std::string error;
  if (!gl.Create(&error)) {
    std::fprintf(stderr, "journeyboard_cache_check: %s\n", error.c_str());
    return 1;
  }
  ImGui::CreateContext();
  int code = 0;
  {
    WindowOptions options;
    options.templateKey = "sample";
    App app(nullptr, options);
    if (!app.Init()) {
      code = 1;
    } else {
      std::printf("journeyboard_cache_check: seed %u\n", seed);
      std::mt19937 rng(seed);
      if (!ScaledCopyMatchesBlit(app.renderer(), rng)) code = 1;
      Checker checker(app, seed);
      const Template kinds[] = {Template::Sample, Template::FiveStage, Template::Classic};
      for (int b = 0; b < boards && code == 0; ++b) {
        std::fprintf(stderr, "board %d\n", b);
        if (!checker.RunBoard(MakeBoard(kinds[b % 3]), steps, out)) code = 1;
      }
      std::printf("journeyboard_cache_check: %d frames compared, at most %zu pixels without a match: %s\n",
                  checker.Compared(), checker.WorstOff(), code == 0 ? "the cache matches a full redraw" : "MISMATCH");
    }
  }
  ImGui::DestroyContext();
  std::error_code ec;
  fs::remove_all(work, ec);
  return code;
}
