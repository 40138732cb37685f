#include "app/platform/gpu_renderer.h"

#include <glad/gl.h>

#include <cstddef>
#include <cstdio>

namespace jb {

namespace {

const char* kVertexShader = R"(#version 330 core
layout(location = 0) in vec2 inPos;
layout(location = 1) in vec2 inUv;
layout(location = 2) in vec4 inColor;
uniform mat4 projection;
out vec2 uv;
out vec4 color;
void main() {
  uv = inUv;
  color = inColor;
  gl_Position = projection * vec4(inPos, 0.0, 1.0);
}
)";

// The atlas is a single-channel alpha texture (a quarter of RGBA's memory); white elsewhere.
const char* kFragmentShader = R"(#version 330 core
in vec2 uv;
in vec4 color;
uniform sampler2D atlas;
out vec4 outColor;
void main() {
  outColor = color * texture(atlas, uv);
}
)";

unsigned CompileShader(unsigned type, const char* source) {
  unsigned shader = glCreateShader(type);
  glShaderSource(shader, 1, &source, nullptr);
  glCompileShader(shader);
  int ok = 0;
  glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
  if (!ok) {
    char log[1024];
    glGetShaderInfoLog(shader, sizeof log, nullptr, log);
    std::fprintf(stderr, "journeyboard: shader compile failed: %s\n", log);
  }
  return shader;
}

}  // namespace

GpuRenderer::~GpuRenderer() {
  if (!m_program) return;
  glDeleteTextures(1, &m_fontTexture);
  glDeleteBuffers(1, &m_vbo);
  glDeleteBuffers(1, &m_ebo);
  glDeleteVertexArrays(1, &m_vao);
  glDeleteProgram(m_program);
}

bool GpuRenderer::Init() {
  unsigned vs = CompileShader(GL_VERTEX_SHADER, kVertexShader);
  unsigned fs = CompileShader(GL_FRAGMENT_SHADER, kFragmentShader);
  m_program = glCreateProgram();
  glAttachShader(m_program, vs);
  glAttachShader(m_program, fs);
  glLinkProgram(m_program);
  glDeleteShader(vs);
  glDeleteShader(fs);
  int linked = 0;
  glGetProgramiv(m_program, GL_LINK_STATUS, &linked);
  if (!linked) return false;
  m_projLocation = glGetUniformLocation(m_program, "projection");
  m_texLocation = glGetUniformLocation(m_program, "atlas");

  glGenVertexArrays(1, &m_vao);
  glGenBuffers(1, &m_vbo);
  glGenBuffers(1, &m_ebo);
  glBindVertexArray(m_vao);
  glBindBuffer(GL_ARRAY_BUFFER, m_vbo);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, m_ebo);
  glEnableVertexAttribArray(0);
  glEnableVertexAttribArray(1);
  glEnableVertexAttribArray(2);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), (void*)offsetof(ImDrawVert, pos));
  glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), (void*)offsetof(ImDrawVert, uv));
  glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(ImDrawVert), (void*)offsetof(ImDrawVert, col));
  glBindVertexArray(0);
  return true;
}

void GpuRenderer::SetLinearClampSampling() {
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
}

void GpuRenderer::RenderList(ImDrawList& list, float x, float y, int width, int height, float scale) {
  ImDrawList* lists[] = {&list};
  ImDrawData drawData;
  drawData.Valid = true;
  drawData.CmdLists = lists;
  drawData.CmdListsCount = 1;
  drawData.TotalVtxCount = list.VtxBuffer.Size;
  drawData.TotalIdxCount = list.IdxBuffer.Size;
  drawData.DisplayPos = {x, y};
  drawData.DisplaySize = {float(width) / scale, float(height) / scale};
  drawData.FramebufferScale = {scale, scale};
  Render(drawData, width, height);
}

void GpuRenderer::UploadFonts(ImFontAtlas& atlas) {
  unsigned char* pixels = nullptr;
  int width = 0, height = 0;
  atlas.GetTexDataAsAlpha8(&pixels, &width, &height);
  if (!m_fontTexture) glGenTextures(1, &m_fontTexture);
  glBindTexture(GL_TEXTURE_2D, m_fontTexture);
  SetLinearClampSampling();
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, width, height, 0, GL_RED, GL_UNSIGNED_BYTE, pixels);
  // Read as (1, 1, 1, coverage): the shader multiplies by any texture, so colour images (the start
  // screen's thumbnails, app/render/thumbnail.h) draw through it too.
  const GLint swizzle[4] = {GL_ONE, GL_ONE, GL_ONE, GL_RED};
  glTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_RGBA, swizzle);
  atlas.SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(m_fontTexture)));
  atlas.ClearTexData();  // the GPU has it; keep the CPU copy out of memory
}

void GpuRenderer::SetupState(const ImDrawData& drawData, int fbWidth, int fbHeight) {
  glViewport(0, 0, fbWidth, fbHeight);
  glEnable(GL_BLEND);
  glBlendEquation(GL_FUNC_ADD);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glDisable(GL_CULL_FACE);
  glDisable(GL_DEPTH_TEST);
  glEnable(GL_SCISSOR_TEST);

  const float l = drawData.DisplayPos.x, r = l + drawData.DisplaySize.x;
  const float t = drawData.DisplayPos.y, b = t + drawData.DisplaySize.y;
  const float projection[16] = {2.0f / (r - l), 0, 0, 0, 0, 2.0f / (t - b), 0, 0, 0, 0, -1, 0,
                                (r + l) / (l - r), (t + b) / (b - t), 0, 1};
  glUseProgram(m_program);
  glUniformMatrix4fv(m_projLocation, 1, GL_FALSE, projection);
  glUniform1i(m_texLocation, 0);
  glActiveTexture(GL_TEXTURE0);
  glBindVertexArray(m_vao);
  glBindBuffer(GL_ARRAY_BUFFER, m_vbo);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, m_ebo);
}

namespace {

void Upload(const ImDrawList& list) {
  glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(list.VtxBuffer.Size * sizeof(ImDrawVert)), list.VtxBuffer.Data,
               GL_STREAM_DRAW);
  glBufferData(GL_ELEMENT_ARRAY_BUFFER, GLsizeiptr(list.IdxBuffer.Size * sizeof(ImDrawIdx)), list.IdxBuffer.Data,
               GL_STREAM_DRAW);
}

}  // namespace

void GpuRenderer::Render(const ImDrawData& drawData, int fbWidth, int fbHeight) {
  if (fbWidth <= 0 || fbHeight <= 0) return;
  // A callback may draw elsewhere (the board cache renders into its textures): afterwards this
  // framebuffer, the state and the list's buffers are set again.
  GLint framebuffer = 0, readFramebuffer = 0;
  glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &framebuffer);
  glGetIntegerv(GL_READ_FRAMEBUFFER_BINDING, &readFramebuffer);
  SetupState(drawData, fbWidth, fbHeight);
  const float l = drawData.DisplayPos.x, t = drawData.DisplayPos.y;
  const ImVec2 scale{fbWidth / drawData.DisplaySize.x, fbHeight / drawData.DisplaySize.y};
  const GLenum indexType = sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT;
  for (int n = 0; n < drawData.CmdListsCount; ++n) {
    const ImDrawList* list = drawData.CmdLists[n];
    Upload(*list);
    for (const ImDrawCmd& cmd : list->CmdBuffer) {
      if (cmd.UserCallback) {
        if (cmd.UserCallback != ImDrawCallback_ResetRenderState) cmd.UserCallback(list, &cmd);
        glBindFramebuffer(GL_DRAW_FRAMEBUFFER, GLuint(framebuffer));
        glBindFramebuffer(GL_READ_FRAMEBUFFER, GLuint(readFramebuffer));  // a read-back after Render reads the frame
        SetupState(drawData, fbWidth, fbHeight);
        Upload(*list);
        continue;
      }
      float x0 = (cmd.ClipRect.x - l) * scale.x, y0 = (cmd.ClipRect.y - t) * scale.y;
      float x1 = (cmd.ClipRect.z - l) * scale.x, y1 = (cmd.ClipRect.w - t) * scale.y;
      if (x1 <= 0 || y1 <= 0 || x0 >= fbWidth || y0 >= fbHeight || x1 <= x0 || y1 <= y0) continue;
      glScissor(int(x0), int(fbHeight - y1), int(x1 - x0 + 0.5f), int(y1 - y0 + 0.5f));
      glBindTexture(GL_TEXTURE_2D, GLuint(reinterpret_cast<intptr_t>(cmd.GetTexID())));
      glDrawElementsBaseVertex(GL_TRIANGLES, GLsizei(cmd.ElemCount), indexType,
                               (void*)(cmd.IdxOffset * sizeof(ImDrawIdx)), GLint(cmd.VtxOffset));
    }
  }
  glDisable(GL_SCISSOR_TEST);
  glBindVertexArray(0);
}

OffscreenTarget::~OffscreenTarget() {
  if (m_color) glDeleteRenderbuffers(1, &m_color);
  if (m_framebuffer) glDeleteFramebuffers(1, &m_framebuffer);
}

bool OffscreenTarget::Create(int width, int height) {
  glGenFramebuffers(1, &m_framebuffer);
  glGenRenderbuffers(1, &m_color);
  glBindRenderbuffer(GL_RENDERBUFFER, m_color);
  glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width, height);
  glBindFramebuffer(GL_FRAMEBUFFER, m_framebuffer);
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, m_color);
  return glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
}

void OffscreenTarget::Bind() const { glBindFramebuffer(GL_FRAMEBUFFER, m_framebuffer); }

RenderTexture::~RenderTexture() { Release(); }

void RenderTexture::Release() {
  if (m_framebuffer) glDeleteFramebuffers(1, &m_framebuffer);
  if (m_texture) glDeleteTextures(1, &m_texture);
  m_framebuffer = m_texture = 0;
  m_width = m_height = 0;
}

bool RenderTexture::Create(int width, int height) {
  Release();
  glGenTextures(1, &m_texture);
  glBindTexture(GL_TEXTURE_2D, m_texture);
  GpuRenderer::SetLinearClampSampling();
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
  glGenFramebuffers(1, &m_framebuffer);
  glBindFramebuffer(GL_FRAMEBUFFER, m_framebuffer);
  glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, m_texture, 0);
  if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
    Release();
    return false;
  }
  m_width = width;
  m_height = height;
  return true;
}

void RenderTexture::BlitToBound(int x0, int y0, int x1, int y1, int toX0, int toY0, int toX1, int toY1,
                                bool linear) const {
  glBindFramebuffer(GL_READ_FRAMEBUFFER, m_framebuffer);
  glBlitFramebuffer(x0, y0, x1, y1, toX0, toY0, toX1, toY1, GL_COLOR_BUFFER_BIT, linear ? GL_LINEAR : GL_NEAREST);
}

void RenderTexture::Bind() const { glBindFramebuffer(GL_FRAMEBUFFER, m_framebuffer); }

void RenderTexture::CopyTo(const RenderTexture& target, int x, int y, int width, int height, int toX, int toY) const {
  glBindFramebuffer(GL_READ_FRAMEBUFFER, m_framebuffer);
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, target.m_framebuffer);
  glDisable(GL_SCISSOR_TEST);
  glBlitFramebuffer(x, y, x + width, y + height, toX, toY, toX + width, toY + height, GL_COLOR_BUFFER_BIT, GL_NEAREST);
}

}  // namespace jb
