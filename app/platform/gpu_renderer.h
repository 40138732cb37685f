// Draws ImGui draw data with OpenGL 3.3 core through glad. One renderer for the window and for
// offscreen PNG export, so a snapshot looks exactly like the screen.
#pragma once
#include <imgui.h>

namespace jb {

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
  // Renders into the currently bound framebuffer, whose size is fbWidth × fbHeight pixels and
  // which shows the draw data's DisplayPos .. DisplayPos + DisplaySize.
  void Render(const ImDrawData& drawData, int fbWidth, int fbHeight);
  // Renders one draw list (an offscreen board: export tiles, thumbnails) into the bound
  // framebuffer of width × height pixels, showing the list's [x, y, x + width, y + height].
  void RenderList(ImDrawList& list, float x, float y, int width, int height);
  // For the bound 2D texture: linear filtering, edges clamped (fonts and thumbnails alike).
  static void SetLinearClampSampling();

 private:
  unsigned m_program = 0, m_vao = 0, m_vbo = 0, m_ebo = 0, m_fontTexture = 0;
  int m_projLocation = -1, m_texLocation = -1;
};

// An offscreen colour target (an RGBA8 renderbuffer in a framebuffer) for PNG exports and the
// benchmark. Needs a current GL context; released with it.
class OffscreenTarget {
 public:
  OffscreenTarget() = default;
  OffscreenTarget(const OffscreenTarget&) = delete;
  OffscreenTarget& operator=(const OffscreenTarget&) = delete;
  ~OffscreenTarget();

  // False when the driver cannot make a complete framebuffer of that size.
  bool Create(int width, int height);
  // Makes it the framebuffer that drawing goes to.
  void Bind() const;

 private:
  unsigned m_framebuffer = 0, m_color = 0;
};

}  // namespace jb
