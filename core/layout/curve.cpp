#include "core/layout/curve.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace jb {

std::vector<Vec2> SampleMonotoneCubic(const std::vector<Vec2>& knots, int samplesPerSegment) {
  const size_t n = knots.size();
  if (n < 2) return knots;
  const int steps = std::max(samplesPerSegment, 1);

  // Secant slopes. A segment of zero (or, against the contract, negative) width is a jump: its
  // slope counts as flat, so no division by zero and the neighbouring tangents go to zero.
  std::vector<float> width(n - 1), secant(n - 1);
  for (size_t k = 0; k + 1 < n; ++k) {
    width[k] = knots[k + 1].x - knots[k].x;
    secant[k] = width[k] > 0 ? (knots[k + 1].y - knots[k].y) / width[k] : 0.0f;
  }

  // Initial tangents: one-sided at the ends, the mean of the secants inside; zero at a local
  // extremum (secants of opposite sign or a flat side) so the curve cannot bulge past a knot.
  std::vector<float> tangent(n);
  tangent[0] = secant[0];
  tangent[n - 1] = secant[n - 2];
  for (size_t k = 1; k + 1 < n; ++k) {
    const float before = secant[k - 1], after = secant[k];
    tangent[k] = (before * after > 0) ? (before + after) * 0.5f : 0.0f;
  }

  // Fritsch–Carlson: keep (alpha, beta) = tangents / secant inside the circle of radius 3, a
  // sufficient condition for the cubic to be monotone on the segment. Shrinking a tangent here
  // only moves the previous segment's (alpha, beta) towards the origin, so it stays valid.
  for (size_t k = 0; k + 1 < n; ++k) {
    if (secant[k] == 0) {
      tangent[k] = 0;
      tangent[k + 1] = 0;
      continue;
    }
    // A tangent against the secant's direction would make the segment turn back: flatten it.
    float alpha = std::max(tangent[k] / secant[k], 0.0f);
    float beta = std::max(tangent[k + 1] / secant[k], 0.0f);
    const float radiusSquared = alpha * alpha + beta * beta;
    if (radiusSquared > 9) {
      const float tau = 3.0f / std::sqrt(radiusSquared);
      alpha *= tau;
      beta *= tau;
    }
    tangent[k] = alpha * secant[k];
    tangent[k + 1] = beta * secant[k];
  }

  std::vector<Vec2> samples;
  samples.reserve(1 + (n - 1) * size_t(steps));
  samples.push_back(knots[0]);
  for (size_t k = 0; k + 1 < n; ++k) {
    const Vec2 a = knots[k], b = knots[k + 1];
    const float h = std::max(width[k], 0.0f);
    const float low = std::min(a.y, b.y), high = std::max(a.y, b.y);
    for (int i = 1; i < steps; ++i) {
      const float t = float(i) / float(steps);
      const float t2 = t * t, t3 = t2 * t;
      const float h00 = 2 * t3 - 3 * t2 + 1;
      const float h10 = t3 - 2 * t2 + t;
      const float h01 = -2 * t3 + 3 * t2;
      const float h11 = t3 - t2;
      const float y = h00 * a.y + h10 * h * tangent[k] + h01 * b.y + h11 * h * tangent[k + 1];
      // The clamp only absorbs rounding: mathematically the cubic already stays in range.
      samples.push_back({a.x + t * (b.x - a.x), std::clamp(y, low, high)});
    }
    samples.push_back(b);  // exactly the knot, not a rounded t = 1
  }
  return samples;
}

float DistanceToPolyline(const std::vector<Vec2>& polyline, Vec2 p) {
  if (polyline.empty()) return std::numeric_limits<float>::infinity();
  float best = std::hypot(p.x - polyline[0].x, p.y - polyline[0].y);
  for (size_t i = 1; i < polyline.size(); ++i) {
    const Vec2 a = polyline[i - 1], b = polyline[i];
    const float dx = b.x - a.x, dy = b.y - a.y;
    const float lengthSquared = dx * dx + dy * dy;
    float t = 0;
    if (lengthSquared > 0) t = std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / lengthSquared, 0.0f, 1.0f);
    best = std::min(best, std::hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy)));
  }
  return best;
}

}  // namespace jb
