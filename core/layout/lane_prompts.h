// Lane prompts: the faint guiding question an empty cell shows ("Where does the customer meet
// us?"), in the board's language, so a fresh template says what goes where. Which cells get one
// is decided here (pure, tested); the canvas draws them, exports never do.
#pragma once
#include <vector>

#include "core/layout/layout.h"
#include "core/model/model.h"

namespace jb {

inline constexpr float kPromptUnits = 15;  // the prompt's text size, board units

struct CellPrompt {
  int stage = 0, lane = 0;  // indices into Board::stages and Board::lanes
  const char* text = "";    // LanePrompt(board.meta.language, lane.kind)
  Rect box;                 // where it is written: the cell less a margin, board units
};

// One prompt per empty cell (no note in it; in the emotions lane no curve point either) of a lane
// whose kind has a prompt; none in hidden stages, hidden or collapsed lanes, or custom lanes.
std::vector<CellPrompt> CellPrompts(const Board& board, const Layout& layout);

}  // namespace jb
