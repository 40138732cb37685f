// Camera glides: the short eased move of the view to a stage or to the whole board (focus keys
// 1–9, Left/Right, F/0). Plain math with the time passed in, so it is tested without a window.
// A glide is view state only: nothing of it enters history or the file.
#pragma once
#include "core/layout/camera.h"
#include "core/layout/layout.h"
#include "core/model/model.h"

namespace jb {

// 0 → 0, 1 → 1, slow at both ends and monotone in between; t is clamped to 0..1.
float EaseInOutCubic(float t);

// The camera a fraction `t` (0..1) of the way from `from` to `to`, both showing a viewport of
// `size` pixels. The view centre moves in a straight line and the zoom changes geometrically, so
// zooming far in or out feels as even as a short move. `from.screenOrigin` is kept.
Camera InterpolateCamera(const Camera& from, const Camera& to, Vec2 size, float t);

// The board area a focus on stage `stage` shows: its whole column, header row to the last lane.
// Empty when there is no such stage.
Rect StageFocusRect(const Layout& layout, int stage);
// The stage whose column holds board x `x`, or -1 (left of the first, right of the last, none).
int StageAtX(const Layout& layout, float x);

struct CameraGlide {
  static constexpr double kSeconds = 0.25;

  Camera from, to;
  double start = 0;
  bool active = false;

  void Start(const Camera& fromCamera, const Camera& toCamera, double now) {
    from = fromCamera;
    to = toCamera;
    start = now;
    active = true;
  }
  // The camera at `now`; the glide ends (active false) once its time is up, exactly at `to`.
  Camera At(double now, Vec2 size);
};

}  // namespace jb
