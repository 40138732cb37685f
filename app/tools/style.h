// Constants the canvas and its tools share for what they draw over the board.
#pragma once
#include <imgui.h>

#include "core/model/model.h"

namespace jb {

constexpr ImU32 kAccent = IM_COL32(58, 80, 200, 255);
constexpr ImU32 kAccentSoft = IM_COL32(58, 80, 200, 40);

inline Vec2 ToVec(ImVec2 v) { return {v.x, v.y}; }
inline ImVec2 ToIm(Vec2 v) { return {v.x, v.y}; }

}  // namespace jb
