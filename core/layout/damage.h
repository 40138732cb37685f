// Where each drawn thing of a board is, so that a view which keeps what it drew (the canvas' board
// cache, app/render/board_cache.h) redraws only what a change touched: the board rectangles of the
// notes, strokes, arrows, frames and empty-cell prompts by id, and the grid's geometry, which moves
// everything when it moves (a lane that grew pushes every lane below it).
#pragma once
#include <cstdint>
#include <utility>
#include <vector>

#include "core/layout/layout.h"
#include "core/model/model.h"

namespace jb {

struct DrawnItems {
  std::vector<std::pair<uint64_t, Rect>> items;  // by id, ascending; a cell's prompt has a key of its own
  std::vector<float> grid;                       // stage and lane edges, header, funnel, persona cards
};

// What `board` laid out as `layout` draws. Rectangles are the records' own, in board units; the
// caller's margin covers what spills over them (shadows, vote badges, find halos).
void CollectDrawnItems(const Board& board, const Layout& layout, DrawnItems* out);

// The board rectangles (grown by `margin`) to redraw when a drawing of `before` becomes one of
// `after`: every item in `touchedIds` (its old and new place: a changed colour, text or vote), and
// every item that appeared, disappeared or moved. False, with `out` empty, when everything must be
// redrawn: `everything` is set, or the grid moved.
bool BoardDamage(const DrawnItems& before, const DrawnItems& after, bool everything,
                 const std::vector<uint64_t>& touchedIds, float margin, std::vector<Rect>* out);

}  // namespace jb
