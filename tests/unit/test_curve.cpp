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
