// Where an image drawn in bands of rows cuts them (the PNG export, app/render/png_export.cpp).
// Whatever lies across a band's edge is drawn in both bands: set up, binned and, for a note, its
// glyphs submitted twice. So a band ends, where it can, at a row nothing lies across.
#pragma once
#include <vector>

namespace jb {

// Rows y0..y1 (pixels, fractional) of one thing drawn; it lies across the edge above row e when
// y0 < e < y1.
struct RowSpan {
  float y0 = 0, y1 = 0;
};

// The bands' first rows, then `height`: each band at most `rows` tall (rows >= 1), ending at a row
// no span lies across when one is in its lower half, else at `rows`.
std::vector<int> BandStarts(const std::vector<RowSpan>& spans, int height, int rows);

}  // namespace jb
