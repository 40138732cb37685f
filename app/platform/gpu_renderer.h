// Draws ImGui draw data with OpenGL 3.3 core through glad. One renderer for the window and for
// offscreen PNG export, so a snapshot looks exactly like the screen.
#pragma once
#include <imgui.h>

#include <memory>
#include <vector>

namespace jb {

class RenderTexture;
class OffscreenTarget;

class GpuRenderer {
 public:
  GpuRenderer() = default;
  GpuRenderer(const GpuRenderer&) = delete;
  GpuRenderer& operator=(const GpuRenderer&) = delete;
  ~GpuRenderer();

  // Needs a current GL context with functions loaded.
  bool Init();
  // (Re)uploads the font atlas and stores its texture id in the atlas.
  void UploadFonts(ImFontAtlas& atlas);
  // Draws with an atlas another renderer uploaded (an export's context shares the window's):
  // without it every fill would read the texture, as if it were an image.
  void ShareFonts(const ImFontAtlas& atlas);
  // Renders into the currently bound framebuffer, whose size is fbWidth × fbHeight pixels and
  // which shows the draw data's DisplayPos .. DisplayPos + DisplaySize.
  void Render(const ImDrawData& drawData, int fbWidth, int fbHeight);
  // Renders one draw list (an offscreen board: export tiles, thumbnails, the board cache) into the
  // bound framebuffer of width × height pixels, showing the list's [x, y, x + width / scale,
  // y + height / scale].
  void RenderList(ImDrawList& list, float x, float y, int width, int height, float scale = 1);
  // A draw list's callbacks are called in the GL thread and may draw elsewhere (the board cache):
  // each is followed by a full reset of the renderer's state.
  // Draws the rectangle [x0, x1) × [y0, y1) of `texture` over [toX0, toX1) × [toY0, toY1) of the
  // bound framebuffer, scaled, each pixel the nearest texel's, without blending (the texture is
  // opaque); GL's bottom-up pixels; scissored when the scissor test is on. Call from a draw
  // list's callback: the state it leaves is reset after it.
  void DrawScaled(const RenderTexture& texture, int x0, int y0, int x1, int y1, int toX0, int toY0, int toX1, int toY1);
  // For the bound 2D texture: linear filtering, edges clamped (fonts and thumbnails alike).
  static void SetLinearClampSampling();
  // Two offscreen targets of width × height for an export's tiles, kept for the next export of
  // the same tile size: a fresh target's memory cost up to ~500 page faults, about 10 ms on this
  // VM, every other export. Null when the driver cannot make them.
  OffscreenTarget* ExportTargets(int width, int height);
  // Draw calls since ResetDrawCounts: fills drawn without the atlas, and those that read a texture
  // (text, images, small fills drawn with the text around them). An export reports them: a
  // renderer that did not know the atlas would draw every fill as an image, the same pixels slower.
  struct DrawCounts {
    int fills = 0, textured = 0;
  };
  const DrawCounts& Counts() const { return m_counts; }
  void ResetDrawCounts() { m_counts = {}; }

 private:
  void SetupState(const ImDrawData& drawData, int fbWidth, int fbHeight);
  // How a run of triangles is drawn: reading the texture, or a fill (of the atlas' white pixel)
  // blended, or opaque without blending and of one colour a triangle (m_flatProgram).
  enum class Fill { Textured, Blended, Opaque };
  void Use(Fill fill);

  unsigned m_program = 0, m_solidProgram = 0, m_flatProgram = 0, m_copyProgram = 0, m_vao = 0, m_vbo = 0, m_ebo = 0, m_fontTexture = 0;
  unsigned m_nearestSampler = 0;
  bool m_copyTried = false;  // DrawScaled's program and sampler, made on its first call
  int m_projLocation = -1, m_texLocation = -1, m_solidProjLocation = -1, m_flatProjLocation = -1,
      m_copyProjLocation = -1;
  unsigned m_atlasTexture = 0;  // the font atlas, this renderer's own or shared (ShareFonts)
  ImVec2 m_whiteUv{-1, -1};     // the atlas' white pixel: what fills read
  Fill m_fill = Fill::Textured;
  struct Run {  // triangles of one fill in a draw command, from index `start` to the next run's
    unsigned start;
    Fill fill;
    float area;  // framebuffer pixels
  };
  std::vector<Run> m_runs;
  DrawCounts m_counts;
  std::unique_ptr<OffscreenTarget[]> m_exportTargets;
  int m_exportWidth = 0, m_exportHeight = 0;
};

// An offscreen colour target (an RGBA8 renderbuffer in a framebuffer) for PNG exports and the
// benchmark. Needs a current GL context; released with it.
class OffscreenTarget {
 public:
  OffscreenTarget() = default;
  OffscreenTarget(const OffscreenTarget&) = delete;
  OffscreenTarget& operator=(const OffscreenTarget&) = delete;
  ~OffscreenTarget();

  // False when the driver cannot make a complete framebuffer of that size. Its pixels are kept as
  // BGRA: read back as GL_BGRA, Mesa copies them without converting each.
  bool Create(int width, int height);
  // Makes it the framebuffer that drawing goes to (and reading comes from).
  void Bind() const;
  // Makes it the framebuffer that reading comes from; drawing goes where it went.
  void BindForReading() const;

 private:
  unsigned m_framebuffer = 0, m_color = 0;
};

// A colour texture one can draw into and then draw with (the board cache's retained drawing):
// 8 bits a channel stored as BGRA (a window's own layout), linear sampling. Needs a current GL
// context; released with it.
class RenderTexture {
 public:
  RenderTexture() = default;
  RenderTexture(const RenderTexture&) = delete;
  RenderTexture& operator=(const RenderTexture&) = delete;
  ~RenderTexture();

  bool Create(int width, int height);  // false (and empty) when the driver refuses the size
  void Release();
  void Bind() const;  // as the framebuffer drawing goes to
  // Copies a rectangle of pixels (GL's bottom-up rows) into `target` at (toX, toY).
  void CopyTo(const RenderTexture& target, int x, int y, int width, int height, int toX, int toY) const;
  // Copies a rectangle into the bound draw framebuffer (scaled: nearest pixel), which keeps its
  // binding; GL's bottom-up coordinates, scissored when the scissor test is on. A whole-pixel copy
  // without scissor is a memory copy on llvmpipe; a scaled one is cheaper by GpuRenderer::DrawScaled.
  void BlitToBound(int x0, int y0, int x1, int y1, int toX0, int toY0, int toX1, int toY1) const;
  unsigned Texture() const { return m_texture; }
  int Width() const { return m_width; }
  int Height() const { return m_height; }

 private:
  unsigned m_framebuffer = 0, m_texture = 0;
  int m_width = 0, m_height = 0;
};

}  // namespace jb
