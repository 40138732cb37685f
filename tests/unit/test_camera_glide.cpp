#include <doctest/doctest.h>

#include <cmath>

#include "core/io/templates.h"
#include "core/layout/camera_glide.h"
#include "core/layout/layout.h"

using namespace jb;

namespace {

Vec2 Centre(const Camera& camera, Vec2 size) {
  return {camera.world.x + size.x * 0.5f / camera.zoom, camera.world.y + size.y * 0.5f / camera.zoom};
}

}  // namespace

TEST_CASE("EaseInOutCubic starts at 0, ends at 1, is symmetric and never goes back") {
  CHECK(EaseInOutCubic(0) == 0);
  CHECK(EaseInOutCubic(1) == 1);
  CHECK(EaseInOutCubic(0.5f) == doctest::Approx(0.5f));
  CHECK(EaseInOutCubic(-3) == 0);  // clamped
  CHECK(EaseInOutCubic(7) == 1);
  // Slow at both ends: the first and last tenth cover far less than a tenth of the way.
  CHECK(EaseInOutCubic(0.1f) < 0.01f);
  CHECK(EaseInOutCubic(0.9f) > 0.99f);
  float previous = 0;
  for (int i = 1; i <= 1000; ++i) {
    const float t = float(i) / 1000, e = EaseInOutCubic(t);
    CAPTURE(t);
    CHECK(e >= previous);
    CHECK(e + EaseInOutCubic(1 - t) == doctest::Approx(1.0f).epsilon(1e-5));
    previous = e;
  }
}

TEST_CASE("InterpolateCamera goes from one view to the other, centre in a line, zoom geometric") {
  const Vec2 size{1280, 760};
  Camera from, to;
  from.screenOrigin = {0, 24};
  from.world = {-300, -100};
  from.zoom = 0.4f;
  to.world = {500, 200};
  to.zoom = 1.6f;
  const Camera start = InterpolateCamera(from, to, size, 0);
  CHECK(start.world.x == doctest::Approx(from.world.x));
  CHECK(start.world.y == doctest::Approx(from.world.y));
  CHECK(start.zoom == doctest::Approx(from.zoom));
  const Camera end = InterpolateCamera(from, to, size, 1);
  CHECK(end.world == to.world);  // exactly the target
  CHECK(end.zoom == to.zoom);
  CHECK(end.screenOrigin == from.screenOrigin);  // the canvas did not move on screen
  CHECK(InterpolateCamera(from, to, size, 0.5f).zoom == doctest::Approx(0.8f));  // geometric middle

  const Vec2 c0 = Centre(from, size), c1 = Centre(to, size);
  REQUIRE(c1.x < c0.x);  // the view moves left and up while zooming in
  REQUIRE(c1.y < c0.y);
  float previousZoom = from.zoom, previousX = c0.x;
  for (int i = 1; i <= 100; ++i) {
    const float t = float(i) / 100;
    const Camera camera = InterpolateCamera(from, to, size, t);
    const Vec2 c = Centre(camera, size);
    CAPTURE(t);
    CHECK(camera.zoom > previousZoom);  // monotone zoom and travel
    CHECK(c.x < previousX);
    // The centre is `t` of the way along the straight line between the two centres.
    CHECK(c.x == doctest::Approx(c0.x + (c1.x - c0.x) * t).epsilon(1e-4));
    CHECK(c.y == doctest::Approx(c0.y + (c1.y - c0.y) * t).epsilon(1e-4));
    previousZoom = camera.zoom;
    previousX = c.x;
  }
}

TEST_CASE("CameraGlide runs its time, ends exactly at the target and then stops") {
  const Vec2 size{800, 600};
  Camera from, to;
  from.zoom = 1;
  to.world = {1000, 0};
  to.zoom = 0.5f;
  CameraGlide glide;
  glide.Start(from, to, 10.0);
  CHECK(glide.active);
  const Camera first = glide.At(10.0, size);
  CHECK(first.world.x == doctest::Approx(from.world.x));
  CHECK(glide.active);
  const Camera middle = glide.At(10.0 + CameraGlide::kSeconds / 2, size);
  CHECK(glide.active);
  CHECK(Centre(middle, size).x == doctest::Approx((Centre(from, size).x + Centre(to, size).x) / 2));
  const Camera last = glide.At(10.0 + CameraGlide::kSeconds, size);
  CHECK_FALSE(glide.active);
  CHECK(last.world == to.world);
  CHECK(last.zoom == to.zoom);
  // A clock that went back ends the glide at its target rather than leaving it running.
  glide.Start(from, to, 10.0);
  CHECK(glide.At(9.0, size).world == to.world);
  CHECK_FALSE(glide.active);
}

TEST_CASE("A stage's focus rect is its whole column, header to last lane, and fits centred") {
  const Board board = MakeBoard(Template::Classic);
  const Layout layout = ComputeLayout(board);
  REQUIRE(board.stages.size() >= 3);
  for (int s = 0; s < int(board.stages.size()); ++s) {
    CAPTURE(s);
    const Rect focus = StageFocusRect(layout, s);
    const Rect header = layout.StageHeader(s);
    CHECK(focus.x0 == header.x0);
    CHECK(focus.x1 == header.x1);
    CHECK(focus.y0 == header.y0);  // the header is shown
    CHECK(focus.y1 == layout.laneY.back());  // and every lane
    CHECK(focus.Width() == doctest::Approx(board.stages[s].width));
    CHECK(StageAtX(layout, (focus.x0 + focus.x1) / 2) == s);
    // Fitted into a wide viewport it sits in the middle, whole, with the margin around it.
    Camera camera;
    const Vec2 size{1280, 720};
    camera.Fit(focus, size, 32);
    const Rect shown = camera.ToScreen(focus);
    CHECK((shown.x0 + shown.x1) / 2 == doctest::Approx(size.x / 2));
    CHECK((shown.y0 + shown.y1) / 2 == doctest::Approx(size.y / 2));
    CHECK(shown.y0 >= 32 - 0.01f);
    CHECK(shown.y1 <= size.y - 32 + 0.01f);
  }
  CHECK(StageFocusRect(layout, -1).Width() == 0);
  CHECK(StageFocusRect(layout, int(board.stages.size())).Width() == 0);
  CHECK(StageAtX(layout, layout.stageX.front() - 1) == -1);
  CHECK(StageAtX(layout, layout.stageX.back() + 1) == -1);
}
