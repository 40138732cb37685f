// Emotion curve geometry. Sampling is model logic: drawing and hit-testing use the same samples.
#pragma once
#include <vector>

#include "core/model/model.h"

namespace jb {

// Monotone cubic Hermite interpolation (Fritsch–Carlson) through `knots`, which must be sorted
// by x (equal x allowed). Between two knots the curve never leaves the range of their y values,
// so it never overshoots the emotion scale. Returns the knots' first point, `samplesPerSegment`
// points per segment, ending exactly at the last knot. Fewer than 2 knots: returns the knots.
std::vector<Vec2> SampleMonotoneCubic(const std::vector<Vec2>& knots, int samplesPerSegment);

// Distance from p to a polyline (for hit-testing a curve).
float DistanceToPolyline(const std::vector<Vec2>& polyline, Vec2 p);

}  // namespace jb
