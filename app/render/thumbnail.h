// A board drawn once into a GL texture by DrawBoard, the renderer of the canvas and the exports:
// the start screen's template thumbnails look exactly like the board they make.
#pragma once
#include <imgui.h>

#include "core/model/model.h"

namespace jb {

class Fonts;
class GpuRenderer;

class BoardThumbnail {
 public:
  BoardThumbnail() = default;
  BoardThumbnail(const BoardThumbnail&) = delete;
  BoardThumbnail& operator=(const BoardThumbnail&) = delete;
  ~BoardThumbnail();

  // The whole board (title included) fitted into width × height pixels on the canvas background.
  // Needs the current GL context and an ImGui frame (between NewFrame and Render: the draw list
  // takes its shared data); restores the framebuffer it found. False when the driver cannot draw
  // offscreen: the caller shows the template without a picture.
  bool Render(const Board& board, int width, int height, GpuRenderer& renderer, const Fonts& fonts);
  bool Ready() const { return m_texture != 0; }
  // For ImGui::Image with uv0 (0,1), uv1 (1,0): GL's rows go bottom-up.
  ImTextureID Texture() const { return reinterpret_cast<ImTextureID>(static_cast<intptr_t>(m_texture)); }

 private:
  unsigned m_texture = 0;
};

}  // namespace jb
