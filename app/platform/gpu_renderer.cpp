#include "app/platform/gpu_renderer.h"

#include <glad/gl.h>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <utility>

#include "app/platform/disk_cache.h"

namespace jb {

namespace {

// Fills smaller than this (framebuffer pixels, about 200 × 200) are drawn with the text around
// them. Measured on the 100-note export at 3840 (render, medians of 6 under load): splitting
// every fill 847 ms, from 4,000 px 441, from 40,000 px 425, from 400,000 px 570, never 725.
constexpr float kMinFillRunPixels = 40000;

// Everything is flat on the screen (w = 1), so the texture coordinates need no correction for
// perspective: `noperspective` spares llvmpipe a division per pixel, few instructions but many
// cycles. PNG exports 3-11 % faster in interleaved runs, no pixel more than one level apart
// (README "Where the PNG's time goes"). The colour keeps the default: `noperspective` there bought
// little more and moved an anti-aliased edge's alpha by 3 % in a tile whose long fill the driver
// clips (test_export's seam test). Opaque fills have a `flat` program of their own (Init).
const char* kVertexShader = R"(#version 330 core
layout(location = 0) in vec2 inPos;
layout(location = 1) in vec2 inUv;
layout(location = 2) in vec4 inColor;
uniform mat4 projection;
noperspective out vec2 uv;
out vec4 color;
void main() {
  uv = inUv;
  color = inColor;
  gl_Position = projection * vec4(inPos, 0.0, 1.0);
}
)";

// The atlas is a single-channel alpha texture (a quarter of RGBA's memory); white elsewhere.
const char* kFragmentShader = R"(#version 330 core
noperspective in vec2 uv;
in vec4 color;
uniform sampler2D atlas;
out vec4 outColor;
void main() {
  outColor = color * texture(atlas, uv);
}
)";

// Fills: the atlas' white pixel would read 1. On a software renderer a texture read costs
// several times the rest of a pixel, and every board fill, shadow and panel is one.
const char* kSolidFragmentShader = R"(#version 330 core
noperspective in vec2 uv;
in vec4 color;
out vec4 outColor;
void main() {
  outColor = color;
}
)";

// A scaled copy of a kept picture (the board cache's view during a gesture): the texture as it is,
// no colour to multiply, drawn without blending. On llvmpipe this costs about 60 % of what
// glBlitFramebuffer's general blit shader does for the same pixels. Its coordinates keep the
// default interpolation: llvmpipe's fast path for such copies takes no other (with
// `noperspective` a fitted gesture frame of the 1,000-note board took 7.1 ms instead of 3.4).
const char* kCopyVertexShader = R"(#version 330 core
layout(location = 0) in vec2 inPos;
layout(location = 1) in vec2 inUv;
uniform mat4 projection;
out vec2 uv;
void main() {
  uv = inUv;
  gl_Position = projection * vec4(inPos, 0.0, 1.0);
}
)";

const char* kCopyFragmentShader = R"(#version 330 core
in vec2 uv;
uniform sampler2D atlas;
out vec4 outColor;
void main() {
  outColor = texture(atlas, uv);
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
  glDeleteProgram(m_solidProgram);
  glDeleteProgram(m_flatProgram);
  if (m_copyProgram) glDeleteProgram(m_copyProgram);
  if (m_nearestSampler) glDeleteSamplers(1, &m_nearestSampler);
}

namespace {

unsigned LinkProgram(unsigned vs, const char* fragmentSource) {
  unsigned fs = CompileShader(GL_FRAGMENT_SHADER, fragmentSource);
  unsigned program = glCreateProgram();
  if (GLAD_GL_ARB_get_program_binary) glProgramParameteri(program, GL_PROGRAM_BINARY_RETRIEVABLE_HINT, GL_TRUE);
  glAttachShader(program, vs);
  glAttachShader(program, fs);
  glLinkProgram(program);
  glDeleteShader(fs);
  int linked = 0;
  glGetProgramiv(program, GL_LINK_STATUS, &linked);
  if (linked) return program;
  glDeleteProgram(program);
  return 0;
}

// [SECTION] Linked programs, cached on disk
// The first shader a process compiles costs Mesa's GLSL compiler 30-45 ms of start-up (llvmpipe,
// before any of our source is read); the driver's own binary of a linked program loads in 2-5 ms.
// Kept beside the font atlases as program-HASH.bin: the key (driver, its version, the sources),
// then the binary's format and bytes. A stale key misses; a binary the driver refuses (its own
// checksum, a newer build) is compiled afresh and replaced.

// A program's binary is 5-20 KB, four per driver version: this keeps the last few dozen.
constexpr uintmax_t kProgramCacheBytes = 1u << 20;

std::string ProgramKey(const char* vertexSource, const char* fragmentSource) {
  auto text = [](GLenum name) {
    const auto* value = reinterpret_cast<const char*>(glGetString(name));
    return std::string(value ? value : "?");
  };
  return text(GL_VENDOR) + "\n" + text(GL_RENDERER) + "\n" + text(GL_VERSION) + "\n" + vertexSource + fragmentSource;
}

unsigned LoadCachedProgram(const std::string& path, const std::string& key) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return 0;
  const std::string bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  const size_t header = key.size() + 1 + sizeof(GLenum);
  if (bytes.size() <= header || bytes.compare(0, key.size() + 1, key.c_str(), key.size() + 1) != 0) return 0;
  GLenum format = 0;
  std::memcpy(&format, bytes.data() + key.size() + 1, sizeof format);
  const unsigned program = glCreateProgram();
  glProgramBinary(program, format, bytes.data() + header, GLsizei(bytes.size() - header));
  int linked = 0;
  glGetProgramiv(program, GL_LINK_STATUS, &linked);
  if (linked) return program;
  glDeleteProgram(program);
  return 0;
}

void SaveCachedProgram(unsigned program, const std::string& path, const std::string& key) {
  GLint length = 0;
  glGetProgramiv(program, GL_PROGRAM_BINARY_LENGTH, &length);
  if (length <= 0) return;
  std::string binary(size_t(length), '\0');
  GLsizei written = 0;
  GLenum format = 0;
  glGetProgramBinary(program, length, &written, &format, binary.data());
  if (written <= 0) return;
  std::string bytes(key.c_str(), key.size() + 1);
  bytes.append(reinterpret_cast<const char*>(&format), sizeof format);
  bytes.append(binary.data(), size_t(written));
  if (WriteCacheFile(path, bytes)) PruneCache("program", path, kProgramCacheBytes);
}

// The program of `vertexSource` and `fragmentSource`: from the cache, else compiled (with `vs`,
// compiled from `vertexSource` on first need) and cached. 0 when it does not compile or link.
unsigned MakeProgram(unsigned* vs, const char* fragmentSource, const char* vertexSource = kVertexShader) {
  const bool caching = GLAD_GL_ARB_get_program_binary && CachingOn();
  const std::string key = caching ? ProgramKey(vertexSource, fragmentSource) : std::string();
  const std::string path = caching ? CacheFile("program", key) : std::string();
  if (!path.empty())
    if (const unsigned cached = LoadCachedProgram(path, key)) {
      MarkCacheFileUsed(path);
      return cached;
    }
  if (!*vs) *vs = CompileShader(GL_VERTEX_SHADER, vertexSource);
  const unsigned program = LinkProgram(*vs, fragmentSource);
  if (program && !path.empty()) SaveCachedProgram(program, path, key);
  return program;
}

// `source` with `declaration` (the colour's) made `flat`.
std::string Flat(const char* source, const char* declaration) {
  std::string flat = source;
  flat.insert(flat.find(declaration), "flat ");
  return flat;
}

}  // namespace

bool GpuRenderer::Init() {
  unsigned vs = 0;
  m_program = MakeProgram(&vs, kFragmentShader);
  m_solidProgram = m_program ? MakeProgram(&vs, kSolidFragmentShader) : 0;
  if (vs) glDeleteShader(vs);
  // Opaque fills: every such triangle is one colour (Render sends no other there), so the colour
  // is `flat` and llvmpipe interpolates nothing for it: a 3840-px PNG of the 100-note board
  // 718 → 662 M instructions (callgrind, one export), the same pixels.
  const std::string flatVertex = Flat(kVertexShader, "out vec4 color"), flatFill = Flat(kSolidFragmentShader, "in vec4 color");
  unsigned flatVs = 0;
  m_flatProgram = m_solidProgram ? MakeProgram(&flatVs, flatFill.c_str(), flatVertex.c_str()) : 0;
  if (flatVs) glDeleteShader(flatVs);
  if (!m_flatProgram) {
    if (m_program) glDeleteProgram(m_program);
    if (m_solidProgram) glDeleteProgram(m_solidProgram);
    m_program = m_solidProgram = 0;
    return false;
  }
  m_projLocation = glGetUniformLocation(m_program, "projection");
  m_texLocation = glGetUniformLocation(m_program, "atlas");
  m_solidProjLocation = glGetUniformLocation(m_solidProgram, "projection");
  m_flatProjLocation = glGetUniformLocation(m_flatProgram, "projection");

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
  ShareFonts(atlas);
  atlas.ClearTexData();  // the GPU has it; keep the CPU copy out of memory
}

void GpuRenderer::ShareFonts(const ImFontAtlas& atlas) {
  m_atlasTexture = GLuint(reinterpret_cast<intptr_t>(atlas.TexID));
  m_whiteUv = atlas.TexUvWhitePixel;
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
  // Each program's projection; the textured program last, the one left in use.
  const std::pair<unsigned, int> programs[] = {
      {m_solidProgram, m_solidProjLocation}, {m_flatProgram, m_flatProjLocation}, {m_program, m_projLocation}};
  for (const auto& [program, location] : programs) {
    glUseProgram(program);
    glUniformMatrix4fv(location, 1, GL_FALSE, projection);
  }
  glUniform1i(m_texLocation, 0);
  m_fill = Fill::Textured;
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
      const GLuint texture = GLuint(reinterpret_cast<intptr_t>(cmd.GetTexID()));
      glBindTexture(GL_TEXTURE_2D, texture);
      auto draw = [&](unsigned first, unsigned count) {
        ++(m_fill == Fill::Textured ? m_counts.textured : m_counts.fills);
        glDrawElementsBaseVertex(GL_TRIANGLES, GLsizei(count), indexType,
                                 (void*)((cmd.IdxOffset + first) * sizeof(ImDrawIdx)), GLint(cmd.VtxOffset));
      };
      if (texture != m_atlasTexture) {  // an image: every pixel reads it
        Use(Fill::Textured);
        draw(0, cmd.ElemCount);
        continue;
      }
      // The atlas: runs of triangles that read only its white pixel and cover a large area are
      // drawn without it, and those also opaque without blending (what blending would give), in
      // the list's order, so the pixels are the same. Small fills stay with the text around them:
      // on llvmpipe every change of program or blending costs more than a small fill saves.
      const ImDrawIdx* index = list->IdxBuffer.Data + cmd.IdxOffset;
      const ImDrawVert* vertex = list->VtxBuffer.Data + cmd.VtxOffset;
      m_runs.clear();
      for (unsigned i = 0; i + 2 < cmd.ElemCount; i += 3) {
        const ImDrawVert &a = vertex[index[i]], &b = vertex[index[i + 1]], &c = vertex[index[i + 2]];
        auto white = [&](const ImDrawVert& v) { return v.uv.x == m_whiteUv.x && v.uv.y == m_whiteUv.y; };
        auto opaque = [](const ImDrawVert& v) { return (v.col & IM_COL32_A_MASK) == IM_COL32_A_MASK; };
        Fill fill = Fill::Textured;
        float area = 0;
        if (white(a) && white(b) && white(c)) {
          // Opaque and of one colour: the flat program draws it as the blended one would.
          fill = opaque(a) && a.col == b.col && b.col == c.col ? Fill::Opaque : Fill::Blended;
          area = std::abs((b.pos.x - a.pos.x) * (c.pos.y - a.pos.y) - (c.pos.x - a.pos.x) * (b.pos.y - a.pos.y)) * 0.5f *
                 scale.x * scale.y;
        }
        if (m_runs.empty() || m_runs.back().fill != fill) m_runs.push_back({i, fill, 0});
        m_runs.back().area += area;
      }
      // Consecutive fills (a note's shadow, body and anti-aliased edge, then the next note's, as
      // DrawBoard batches them) count together: past the size, the whole stretch is drawn without
      // the atlas, blended (an opaque pixel blended is itself), and only its large opaque runs
      // with blending off.
      for (size_t r = 0; r < m_runs.size(); ++r) {
        if (m_runs[r].fill == Fill::Textured) continue;
        size_t end = r;
        float stretch = 0;
        while (end < m_runs.size() && m_runs[end].fill != Fill::Textured) stretch += m_runs[end++].area;
        for (; r < end; ++r) {
          if (stretch < kMinFillRunPixels) m_runs[r].fill = Fill::Textured;
          else if (m_runs[r].area < kMinFillRunPixels) m_runs[r].fill = Fill::Blended;
        }
        --r;  // the stretch's last run; the loop steps to the textured run after it
      }
      unsigned start = 0;
      Fill run = Fill::Textured;
      for (size_t r = 0; r < m_runs.size(); ++r) {
        const Fill fill = m_runs[r].fill;
        if (r > 0 && fill != run) {
          Use(run);
          draw(start, m_runs[r].start - start);
          start = m_runs[r].start;
        }
        run = fill;
      }
      Use(run);
      draw(start, cmd.ElemCount - start);
    }
  }
  Use(Fill::Textured);  // blending on again, as the state was set
  glDisable(GL_SCISSOR_TEST);
  glBindVertexArray(0);
}

void GpuRenderer::DrawScaled(const RenderTexture& texture, int x0, int y0, int x1, int y1, int toX0, int toY0, int toX1,
                             int toY1) {
  if (!m_copyTried) {  // made on first need: exports and thumbnails never scale a kept picture
    m_copyTried = true;
    unsigned vs = 0;
    m_copyProgram = MakeProgram(&vs, kCopyFragmentShader, kCopyVertexShader);
    if (vs) glDeleteShader(vs);
    m_copyProjLocation = m_copyProgram ? glGetUniformLocation(m_copyProgram, "projection") : -1;
    glGenSamplers(1, &m_nearestSampler);
    glSamplerParameteri(m_nearestSampler, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glSamplerParameteri(m_nearestSampler, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glSamplerParameteri(m_nearestSampler, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glSamplerParameteri(m_nearestSampler, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  }
  if (!m_copyProgram) {  // the driver would not link it: its own blit does the same
    texture.BlitToBound(x0, y0, x1, y1, toX0, toY0, toX1, toY1);
    return;
  }
  GLint viewport[4] = {0, 0, 0, 0};
  glGetIntegerv(GL_VIEWPORT, viewport);
  const float w = float(viewport[2]), h = float(viewport[3]);
  // The framebuffer's own pixels, bottom-up, as GL counts them.
  const float projection[16] = {2.0f / w, 0, 0, 0, 0, 2.0f / h, 0, 0, 0, 0, -1, 0, -1, -1, 0, 1};
  const float u0 = float(x0) / float(texture.Width()), u1 = float(x1) / float(texture.Width());
  const float v0 = float(y0) / float(texture.Height()), v1 = float(y1) / float(texture.Height());
  const ImU32 white = IM_COL32_WHITE;
  const ImDrawVert corners[4] = {{ImVec2(float(toX0), float(toY0)), ImVec2(u0, v0), white},
                                 {ImVec2(float(toX1), float(toY0)), ImVec2(u1, v0), white},
                                 {ImVec2(float(toX1), float(toY1)), ImVec2(u1, v1), white},
                                 {ImVec2(float(toX0), float(toY1)), ImVec2(u0, v1), white}};
  const ImDrawIdx order[6] = {0, 1, 2, 0, 2, 3};
  glUseProgram(m_copyProgram);
  glUniformMatrix4fv(m_copyProjLocation, 1, GL_FALSE, projection);
  glBindVertexArray(m_vao);
  glBindBuffer(GL_ARRAY_BUFFER, m_vbo);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, m_ebo);
  glBufferData(GL_ARRAY_BUFFER, sizeof corners, corners, GL_STREAM_DRAW);
  glBufferData(GL_ELEMENT_ARRAY_BUFFER, sizeof order, order, GL_STREAM_DRAW);
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, texture.Texture());
  glBindSampler(0, m_nearestSampler);
  glDisable(GL_BLEND);
  glDrawElements(GL_TRIANGLES, 6, sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT, nullptr);
  glBindSampler(0, 0);
  glEnable(GL_BLEND);
  glUseProgram(m_program);
  m_fill = Fill::Textured;
}

void GpuRenderer::Use(Fill fill) {
  if (fill == m_fill) return;
  glUseProgram(fill == Fill::Textured ? m_program : fill == Fill::Opaque ? m_flatProgram : m_solidProgram);
  if ((fill == Fill::Opaque) != (m_fill == Fill::Opaque)) {
    if (fill == Fill::Opaque) glDisable(GL_BLEND);
    else glEnable(GL_BLEND);
  }
  m_fill = fill;
}

OffscreenTarget* GpuRenderer::ExportTargets(int width, int height) {
  if (m_exportTargets && m_exportWidth == width && m_exportHeight == height) return m_exportTargets.get();
  m_exportTargets = std::make_unique<OffscreenTarget[]>(2);
  m_exportWidth = width;
  m_exportHeight = height;
  if (m_exportTargets[0].Create(width, height) && m_exportTargets[1].Create(width, height)) return m_exportTargets.get();
  m_exportTargets.reset();
  return nullptr;
}

OffscreenTarget::~OffscreenTarget() {
  if (m_color) glDeleteTextures(1, &m_color);
  if (m_framebuffer) glDeleteFramebuffers(1, &m_framebuffer);
}

bool OffscreenTarget::Create(int width, int height) {
  glGenFramebuffers(1, &m_framebuffer);
  // Unsized RGBA given as BGRA bytes: Mesa keeps that layout, as RenderTexture's, and llvmpipe
  // draws a large opaque fill into it on its linear path (not into RGBA8).
  glGenTextures(1, &m_color);
  glBindTexture(GL_TEXTURE_2D, m_color);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_BGRA, GL_UNSIGNED_BYTE, nullptr);
  glBindFramebuffer(GL_FRAMEBUFFER, m_framebuffer);
  glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, m_color, 0);
  return glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
}

void OffscreenTarget::Bind() const { glBindFramebuffer(GL_FRAMEBUFFER, m_framebuffer); }

void OffscreenTarget::BindForReading() const { glBindFramebuffer(GL_READ_FRAMEBUFFER, m_framebuffer); }

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
  // Unsized RGBA given as BGRA bytes: Mesa then keeps it as BGRA, the layout of an X window's back
  // buffer, so copying the kept pixels to the window swaps no channels, and the gesture's scaled
  // copy (a nearest texture read, blending off) takes llvmpipe's linear path, which fetches rows
  // of texels without running a shader: it takes BGRA textures only. Other drivers choose freely.
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_BGRA, GL_UNSIGNED_BYTE, nullptr);
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

void RenderTexture::BlitToBound(int x0, int y0, int x1, int y1, int toX0, int toY0, int toX1, int toY1) const {
  glBindFramebuffer(GL_READ_FRAMEBUFFER, m_framebuffer);
  glBlitFramebuffer(x0, y0, x1, y1, toX0, toY0, toX1, toY1, GL_COLOR_BUFFER_BIT, GL_NEAREST);
}

void RenderTexture::Bind() const { glBindFramebuffer(GL_FRAMEBUFFER, m_framebuffer); }

void RenderTexture::CopyTo(const RenderTexture& target, int x, int y, int width, int height, int toX, int toY) const {
  glBindFramebuffer(GL_READ_FRAMEBUFFER, m_framebuffer);
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, target.m_framebuffer);
  glDisable(GL_SCISSOR_TEST);
  glBlitFramebuffer(x, y, x + width, y + height, toX, toY, toX + width, toY + height, GL_COLOR_BUFFER_BIT, GL_NEAREST);
}

}  // namespace jb
