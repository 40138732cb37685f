#include "core/layout/bands.h"

#include <algorithm>
#include <cmath>

namespace jb {

std::vector<int> BandStarts(const std::vector<RowSpan>& spans, int height, int rows) {
  height = std::max(0, height);
  rows = std::max(1, rows);
  std::vector<char> clean(size_t(height) + 1, 1);  // a band may end above this row
  for (const RowSpan& span : spans) {
    if (!(span.y0 <= span.y1)) continue;  // empty, or not a number
    // The whole rows strictly between y0 and y1, within the image.
    const float from = std::clamp(std::floor(span.y0) + 1, 0.0f, float(height) + 1);
    const float to = std::clamp(std::ceil(span.y1) - 1, -1.0f, float(height));
    for (int e = int(from); e <= int(to); ++e) clean[size_t(e)] = 0;
  }
  std::vector<int> starts{0};
  while (height - starts.back() > rows) {
    int end = starts.back() + rows;
    for (int e = end; e > starts.back() + rows / 2; --e)
      if (clean[size_t(e)]) {
        end = e;
        break;
      }
    starts.push_back(end);
  }
  starts.push_back(height);
  return starts;
}

}  // namespace jb
