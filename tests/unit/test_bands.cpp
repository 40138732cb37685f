// Where the PNG export cuts its bands of rows (core/layout/bands.h): at a row nothing lies across
// when one is in the band's lower half, so a note across an edge is not drawn twice.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <random>
#include <vector>

#include "core/layout/bands.h"

using namespace jb;

namespace {

bool LiesAcross(const std::vector<RowSpan>& spans, int row) {
  for (const RowSpan& span : spans)
    if (span.y0 < float(row) && float(row) < span.y1) return true;
  return false;
}

}  // namespace

TEST_CASE("bands: with nothing drawn, every band is the full height but the last") {
  CHECK(BandStarts({}, 250, 100) == std::vector<int>{0, 100, 200, 250});
  CHECK(BandStarts({}, 200, 100) == std::vector<int>{0, 100, 200});
  CHECK(BandStarts({}, 40, 100) == std::vector<int>{0, 40});
}

TEST_CASE("bands: a band ends above a note that would lie across its edge") {
  // A note from row 90.5 to 130: the bands end at 90, above it, then 100 rows on.
  CHECK(BandStarts({{90.5f, 130}}, 300, 100) == std::vector<int>{0, 90, 190, 290, 300});
  // Touching the edge from above (ending at row 100) or starting at it does not lie across it.
  CHECK(BandStarts({{60, 100}}, 300, 100) == std::vector<int>{0, 100, 200, 300});
  CHECK(BandStarts({{100, 160}}, 300, 100) == std::vector<int>{0, 100, 200, 300});
  // Rows of notes with gaps: each band ends at the last clean row within its full height.
  const std::vector<RowSpan> rowsOfNotes{{5, 38}, {42, 75}, {79, 112}, {116, 149}, {153, 186}, {190, 223}};
  const std::vector<int> starts = BandStarts(rowsOfNotes, 230, 100);
  CHECK(starts == std::vector<int>{0, 79, 153, 230});
  for (size_t b = 1; b + 1 < starts.size(); ++b) CHECK_FALSE(LiesAcross(rowsOfNotes, starts[b]));
}

TEST_CASE("bands: with no clean row in its lower half a band keeps its full height") {
  // Clean rows at 10 and 45 only: under half of 100 rows.
  CHECK(BandStarts({{10, 45}, {45, 400}}, 300, 100) == std::vector<int>{0, 100, 200, 300});
  // Huge, infinite and not-a-number spans are clamped or skipped, never read past the image.
  const float nan = std::numeric_limits<float>::quiet_NaN(), inf = std::numeric_limits<float>::infinity();
  CHECK(BandStarts({{-1e30f, 1e30f}}, 250, 100) == std::vector<int>{0, 100, 200, 250});
  CHECK(BandStarts({{-inf, inf}, {nan, 5}, {95.5f, nan}}, 250, 100) == std::vector<int>{0, 100, 200, 250});
  CHECK(BandStarts({{1e9f, 2e9f}, {-2e9f, -1e9f}}, 250, 100) == std::vector<int>{0, 100, 200, 250});
}

TEST_CASE("bands: random boards: bands cover the image in order, none taller than asked, cut clean when they can") {
  std::mt19937 random(20261203);
  for (int round = 0; round < 300; ++round) {
    const int height = 1 + int(random() % 3000), rows = 16 + int(random() % 900);
    std::vector<RowSpan> spans;
    for (int n = int(random() % 200); n > 0; --n) {
      const float y0 = float(random() % 3200) - 100 + float(random() % 100) / 100;
      spans.push_back({y0, y0 + 2 + float(random() % 300)});
    }
    const std::vector<int> starts = BandStarts(spans, height, rows);
    REQUIRE(starts.size() >= 2);
    CHECK(starts.front() == 0);
    CHECK(starts.back() == height);
    for (size_t b = 1; b < starts.size(); ++b) {
      const int tall = starts[b] - starts[b - 1];
      CHECK(tall > 0);
      CHECK(tall <= rows);
      if (b + 1 == starts.size()) continue;
      // Cut at a clean row, or at the full height when no row of the lower half was clean.
      bool anyClean = false;
      for (int e = starts[b - 1] + rows; e > starts[b - 1] + rows / 2; --e) anyClean = anyClean || !LiesAcross(spans, e);
      if (anyClean) CHECK_FALSE(LiesAcross(spans, starts[b]));
      else CHECK(tall == rows);
    }
  }
}
