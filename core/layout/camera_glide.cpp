#include "core/layout/camera_glide.h"

#include <algorithm>
#include <cmath>

namespace jb {

float EaseInOutCubic(float t) {
  t = std::clamp(t, 0.0f, 1.0f);
  if (t < 0.5f) return 4 * t * t * t;
  const float u = -2 * t + 2;
  return 1 - u * u * u / 2;
}

Camera InterpolateCamera(const Camera& from, const Camera& to, Vec2 size, float t) {
  t = std::clamp(t, 0.0f, 1.0f);
  Camera camera = from;
  if (t >= 1) {  // exactly the target, not a rounding of it
    camera.world = to.world;
    camera.zoom = to.zoom;
    return camera;
  }
  // Any positive zoom: a big board's fitted view is far below Camera::kMinZoom.
  constexpr float kTiny = 1e-9f;
  const float z0 = std::max(from.zoom, kTiny), z1 = std::max(to.zoom, kTiny);
  const Vec2 c0{from.world.x + size.x * 0.5f / z0, from.world.y + size.y * 0.5f / z0};
  const Vec2 c1{to.world.x + size.x * 0.5f / z1, to.world.y + size.y * 0.5f / z1};
  camera.zoom = z0 * std::pow(z1 / z0, t);
  const Vec2 centre{c0.x + (c1.x - c0.x) * t, c0.y + (c1.y - c0.y) * t};
  camera.world = {centre.x - size.x * 0.5f / camera.zoom, centre.y - size.y * 0.5f / camera.zoom};
  return camera;
}

Rect StageFocusRect(const Layout& layout, int stage) {
  if (stage < 0 || stage + 1 >= int(layout.stageX.size()) || layout.laneY.empty()) return {};
  return {layout.stageX[stage], layout.grid.y0, layout.stageX[stage + 1], layout.laneY.back()};
}

int StageAtX(const Layout& layout, float x) {
  for (size_t s = 0; s + 1 < layout.stageX.size(); ++s)
    if (x >= layout.stageX[s] && x < layout.stageX[s + 1]) return int(s);
  return -1;
}

Camera CameraGlide::At(double now, Vec2 size) {
  const double t = (now - start) / kSeconds;
  if (t >= 1 || t < 0) active = false;  // t < 0: the clock went back; end rather than hang
  return InterpolateCamera(from, to, size, active ? EaseInOutCubic(float(t)) : 1.0f);
}

}  // namespace jb
