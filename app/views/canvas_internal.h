// Constants and small helpers shared by the canvas' files (canvas*.cpp), nothing else.
#pragma once
#include <imgui.h>

#include "app/tools/style.h"
#include "app/tools/tool.h"
#include "core/layout/fit.h"
#include "core/model/model.h"

namespace jb::canvas {

constexpr float kWheelZoomStep = 1.15f;
constexpr float kFitMarginPx = 32;
constexpr float kBorderGripPx = 5;
constexpr float kButtonUnits = kAddButtonUnits;  // the "+" buttons
constexpr float kNudgeUnits = 10;

// Sticky-note palette for the context menu (0 = the lane's colour).
constexpr Rgb kPalette[] = {0, 0xfff1a8, 0xffd9a8, 0xffc9c2, 0xf8c8e8, 0xe6dcff, 0xcfe3ff, 0xc6ecec, 0xc8f0c8, 0xe0e6ee};

inline bool Pressed(int key, bool repeat = true) { return ImGui::IsKeyPressed(key, repeat); }

}  // namespace jb::canvas
