#include "app/render/thumbnail.h"

#include <glad/gl.h>
#include <imgui.h>
#include <imgui_internal.h>  // ImDrawListSharedData::InitialFlags for a standalone draw list

#include <algorithm>

#include "app/platform/fonts.h"
#include "app/platform/gpu_renderer.h"
#include "app/render/png_export.h"
#include "app/render/render.h"
#include "core/layout/layout.h"

namespace jb {

BoardThumbnail::~BoardThumbnail() {
  if (m_texture) glDeleteTextures(1, &m_texture);
}

bool BoardThumbnail::Render(const Board& board, int width, int height, GpuRenderer& renderer, const Fonts& fonts) {
  if (width < 1 || height < 1) return false;
  const Layout layout = ComputeLayout(board, &fonts);
  const Rect area = ExportArea(layout);  // what a whole-board export shows
  Camera camera;
  camera.zoom = std::min(float(width) / area.Width(), float(height) / area.Height());
  camera.world = {(area.x0 + area.x1) * 0.5f - width * 0.5f / camera.zoom,
                  (area.y0 + area.y1) * 0.5f - height * 0.5f / camera.zoom};

  ImDrawListSharedData data = *ImGui::GetDrawListSharedData();
  ImDrawList drawList(&data);
  BeginOffscreenDrawList(drawList, data, fonts, width, height);
  RenderOptions options;
  options.visible = {0, 0, float(width), float(height)};
  if (!board.curves.empty()) options.activeCurve = board.curves.front().id;
  DrawBoard(board, layout, camera, fonts, drawList, options);

  GLint previousFramebuffer = 0, previousTexture = 0;
  glGetIntegerv(GL_FRAMEBUFFER_BINDING, &previousFramebuffer);
  glGetIntegerv(GL_TEXTURE_BINDING_2D, &previousTexture);
  if (!m_texture) glGenTextures(1, &m_texture);
  glBindTexture(GL_TEXTURE_2D, m_texture);
  GpuRenderer::SetLinearClampSampling();
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
  GLuint framebuffer = 0;
  glGenFramebuffers(1, &framebuffer);
  glBindFramebuffer(GL_FRAMEBUFFER, framebuffer);
  glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, m_texture, 0);
  const bool complete = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
  if (complete) {
    glClearColor(kBackgroundRgb[0], kBackgroundRgb[1], kBackgroundRgb[2], 1);
    glClear(GL_COLOR_BUFFER_BIT);
    renderer.RenderList(drawList, 0, 0, width, height);
  }
  glBindFramebuffer(GL_FRAMEBUFFER, GLuint(previousFramebuffer));
  glDeleteFramebuffers(1, &framebuffer);
  glBindTexture(GL_TEXTURE_2D, GLuint(previousTexture));
  if (!complete) {
    glDeleteTextures(1, &m_texture);
    m_texture = 0;
  }
  return complete;
}

}  // namespace jb
