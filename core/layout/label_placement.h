// Where the emotion points' labels go: each beside its point, inside the board, clear of every
// other label and, where it can, of the curves. Pure geometry in board units: the renderer (screen
// and exports alike) and --dump-layout place labels with it, so both see the same rectangles.
#pragma once
#include <vector>

#include "core/model/model.h"

namespace jb {

struct LabelRequest {
  Vec2 anchor;          // the point the label belongs to
  Vec2 size;            // the wrapped text's width and height
  bool below = true;    // its first choice: under the point (else above)
};

struct PlacedLabel {
  Rect rect;
  bool moved = false;  // not in its first-choice place: the renderer draws a leader line to the point
};

struct LabelPlacementOptions {
  float gap = 12;        // between the point and its label's near edge
  float step = 10;       // how far each further try moves away from the point
  int tries = 12;        // per side
  float pointRadius = 9; // the points' own discs, which labels keep clear of where they can
};

// Labels are placed one by one in order of their anchors' x (ties by index: the result depends
// only on the input). Each takes the nearest candidate place (its first choice, then the other
// side, then further away on both, then shifted sideways) that overlaps no label placed before
// and, where any does, crosses no curve and covers no point. A label wider or taller than
// `bounds` is clamped to its top-left corner. `curves`: polylines sorted by x.
std::vector<PlacedLabel> PlaceLabels(const std::vector<LabelRequest>& labels, const Rect& bounds,
                                     const std::vector<std::vector<Vec2>>& curves,
                                     const LabelPlacementOptions& options = {});

// Whether a segment crosses or lies inside a rectangle.
bool SegmentTouchesRect(Vec2 a, Vec2 b, const Rect& r);

}  // namespace jb
