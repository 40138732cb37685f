#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

#include "core/layout/curve.h"

using namespace jb;

namespace {

// Checks the contract of SampleMonotoneCubic for these knots; returns the samples.
std::vector<Vec2> SampleAndCheck(const std::vector<Vec2>& knots, int perSegment) {
  const std::vector<Vec2> samples = SampleMonotoneCubic(knots, perSegment);
  const int steps = std::max(perSegment, 1);
  REQUIRE(samples.size() == 1 + (knots.size() - 1) * size_t(steps));
  for (size_t k = 0; k < knots.size(); ++k) {
    CAPTURE(k);
    // Passes exactly through every knot.
    CHECK(samples[k * size_t(steps)] == knots[k]);
  }
  for (size_t k = 0; k + 1 < knots.size(); ++k) {
    const float low = std::min(knots[k].y, knots[k + 1].y);
    const float high = std::max(knots[k].y, knots[k + 1].y);
    for (size_t i = k * size_t(steps); i <= (k + 1) * size_t(steps); ++i) {
      CAPTURE(k);
      CAPTURE(i);
      REQUIRE(std::isfinite(samples[i].x));
      REQUIRE(std::isfinite(samples[i].y));
      // Never overshoots: stays within the y range of its segment's two knots...
      CHECK(samples[i].y >= low);
      CHECK(samples[i].y <= high);
      // ...and moves left to right between them.
      CHECK(samples[i].x >= knots[k].x);
      CHECK(samples[i].x <= knots[k + 1].x);
    }
  }
  return samples;
}

}  // namespace

TEST_CASE("Curve sampling with fewer than two knots returns the knots") {
  CHECK(SampleMonotoneCubic({}, 8).empty());
  const std::vector<Vec2> one = {{3, 0.5f}};
  CHECK(SampleMonotoneCubic(one, 8) == one);
}

TEST_CASE("Curve sampling passes through the knots and stays within each segment") {
  const std::vector<Vec2> zigzag = {{0, 0}, {100, 0.9f}, {150, -1}, {400, 1}, {420, 0.95f}, {700, -0.3f}};
  SampleAndCheck(zigzag, 24);
  SampleAndCheck(zigzag, 1);
  // A non-positive sample count means one sample a segment, not a crash.
  CHECK(SampleMonotoneCubic(zigzag, 0).size() == zigzag.size());
  CHECK(SampleMonotoneCubic(zigzag, -5).size() == zigzag.size());
}

TEST_CASE("Curve sampling of monotone data is monotone and smooth") {
  const std::vector<Vec2> rising = {{0, -1}, {10, -0.9f}, {20, 0.5f}, {200, 0.6f}, {210, 1}};
  const std::vector<Vec2> samples = SampleAndCheck(rising, 32);
  for (size_t i = 1; i < samples.size(); ++i) CHECK(samples[i].y >= samples[i - 1].y);
  // Flat data stays flat.
  for (const Vec2& p : SampleAndCheck({{0, 0.25f}, {50, 0.25f}, {90, 0.25f}}, 10)) CHECK(p.y == 0.25f);
  // Not merely linear: the curve bends between knots of different slopes.
  const std::vector<Vec2> bent = SampleMonotoneCubic({{0, 0}, {100, 1}, {200, 1}}, 4);
  CHECK(bent[2].y != doctest::Approx(0.5f));
}

// Expected values worked out by hand from Fritsch–Carlson (secants d_k = Δy/h_k over segments of
// width h_k; tangents m_0 = d_0, m_n = d_(n-1), m_k = (d_(k-1) + d_k)/2 inside, 0 at an extremum;
// (m_k/d_k, m_(k+1)/d_k) scaled back into the circle of radius 3) and the cubic Hermite basis
//   y(t) = h00·y_k + h10·h_k·m_k + h01·y_(k+1) + h11·h_k·m_(k+1),
// h00 = 2t³-3t²+1, h10 = t³-2t²+t, h01 = -2t³+3t², h11 = t³-t². At t = 1/2 that is
//   y = (y_k + y_(k+1))/2 + h_k·(m_k - m_(k+1))/8.
// The widths differ, so a tangent not scaled by its segment's width (a curve that goes flat at
// every knot) misses these values by far more than the tolerance.
TEST_CASE("Curve sampling matches the monotone cubic worked out by hand, on segments of unequal width") {
  // Within about 1e-5: float rounding is far below, the mistakes these catch far above.
  const auto near = [](float value) { return doctest::Approx(value).epsilon(1e-5); };
  SUBCASE("rising, no tangent limited") {
    // h = 40, 160; d = 0.01, 0.0025; m = 0.01, 0.00625, 0.0025. (α, β) = (1, 0.625), (2.5, 1):
    // inside the circle.
    const std::vector<Vec2> s = SampleAndCheck({{0, 0}, {40, 0.4f}, {200, 0.8f}}, 4);
    // t = 1/4 (h00 = 0.84375, h10 = 0.140625, h01 = 0.15625, h11 = -0.046875), h·m = 0.4, 0.25:
    //   0.140625·0.4 + 0.15625·0.4 - 0.046875·0.25 = 0.05625 + 0.0625 - 0.01171875
    CHECK(s[1].x == doctest::Approx(10));
    CHECK(s[1].y == near(0.10703125f));
    // t = 1/2: 0.2 + 40·(0.01 - 0.00625)/8 = 0.2 + 0.01875
    CHECK(s[2].x == doctest::Approx(20));
    CHECK(s[2].y == near(0.21875f));
    // Second segment, t = 1/2: 0.6 + 160·(0.00625 - 0.0025)/8 = 0.6 + 0.075
    CHECK(s[6].x == doctest::Approx(120));
    CHECK(s[6].y == near(0.675f));
    // t = 3/4 (h00 = 0.15625, h10 = 0.046875, h01 = 0.84375, h11 = -0.140625), h·m = 1, 0.4:
    //   0.0625 + 0.046875 + 0.675 - 0.05625
    CHECK(s[7].x == doctest::Approx(160));
    CHECK(s[7].y == near(0.728125f));
  }
  SUBCASE("a peak: zero tangent at the extremum") {
    // h = 50, 200; d = 0.02, -0.005 (opposite signs: m_1 = 0); m_0 = 0.02, m_2 = -0.005.
    const std::vector<Vec2> s = SampleAndCheck({{0, 0}, {50, 1}, {250, 0}}, 2);
    CHECK(s[1].y == near(0.625f));  // 0.5 + 50·(0.02 - 0)/8
    CHECK(s[3].y == near(0.625f));  // 0.5 + 200·(0 - -0.005)/8
  }
  SUBCASE("a flat stretch between steep ones: Fritsch–Carlson limits the tangents") {
    // h = 10, 20, 4; Δy = 0.7, 0.2, 0.2; d = 0.07, 0.01, 0.05; m = 0.07, 0.04, 0.03, 0.05.
    // Middle segment: (α, β) = (4, 3), radius 5 > 3, so both scale by 3/5: m_1 = 0.024, m_2 = 0.018.
    // The others stay inside: (1, 0.04/0.07) before, and (0.018/0.05, 1) = (0.36, 1) after.
    const std::vector<Vec2> s = SampleAndCheck({{0, -1}, {10, -0.3f}, {30, -0.1f}, {34, 0.1f}}, 2);
    CHECK(s[1].y == near(-0.5925f));  // -0.65 + 10·(0.07 - 0.024)/8
    CHECK(s[3].y == near(-0.185f));   // -0.2 + 20·(0.024 - 0.018)/8
    CHECK(s[5].y == near(-0.016f));   // 0 + 4·(0.018 - 0.05)/8
  }
}

TEST_CASE("Curve sampling of random knots never leaves the emotion scale") {
  std::mt19937 random(20240611);
  std::uniform_real_distribution<float> value(-1, 1);
  std::uniform_real_distribution<float> gap(0, 300);
  std::uniform_int_distribution<int> count(2, 12);
  std::bernoulli_distribution sameX(0.15);
  std::bernoulli_distribution extreme(0.2);
  for (int trial = 0; trial < 500; ++trial) {
    CAPTURE(trial);
    std::vector<Vec2> knots;
    float x = gap(random);
    const int n = count(random);
    for (int i = 0; i < n; ++i) {
      if (i > 0 && !sameX(random)) x += gap(random);
      const float y = extreme(random) ? (value(random) < 0 ? -1.0f : 1.0f) : value(random);
      knots.push_back({x, y});
    }
    for (const Vec2& p : SampleAndCheck(knots, 16)) {
      REQUIRE(p.y >= -1.0f);
      REQUIRE(p.y <= 1.0f);
    }
  }
}

TEST_CASE("Curve sampling with equal x knots gives no NaN") {
  const std::vector<Vec2> jump = {{0, 0}, {100, -0.8f}, {100, 0.8f}, {200, 0}};
  SampleAndCheck(jump, 12);
  const std::vector<Vec2> allSame = {{5, 1}, {5, -1}, {5, 0}};
  SampleAndCheck(allSame, 12);
  const std::vector<Vec2> pair = {{7, 0.3f}, {7, 0.3f}};
  for (const Vec2& p : SampleAndCheck(pair, 5)) CHECK(p == Vec2{7, 0.3f});
}

TEST_CASE("DistanceToPolyline") {
  CHECK(std::isinf(DistanceToPolyline({}, {0, 0})));
  CHECK(DistanceToPolyline({{3, 4}}, {0, 0}) == doctest::Approx(5));
  const std::vector<Vec2> line = {{0, 0}, {10, 0}, {10, 10}};
  CHECK(DistanceToPolyline(line, {5, 0}) == doctest::Approx(0));
  CHECK(DistanceToPolyline(line, {5, 3}) == doctest::Approx(3));
  CHECK(DistanceToPolyline(line, {12, 5}) == doctest::Approx(2));
  CHECK(DistanceToPolyline(line, {-3, -4}) == doctest::Approx(5));            // beyond the first end
  CHECK(DistanceToPolyline(line, {10, 14}) == doctest::Approx(4));            // beyond the last end
  CHECK(DistanceToPolyline({{2, 2}, {2, 2}}, {2, 5}) == doctest::Approx(3));  // zero-length segment
}
