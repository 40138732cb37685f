// What every input to the loader must satisfy, shared by the libFuzzer target (fuzz_load.cpp)
// and the unit test that replays the corpus and the regressions:
//  - BoardFromJson returns a board or an error, never throws, crashes or hangs;
//  - a loaded board is already repaired: RepairBoard changes nothing and says nothing;
//  - it can be laid out;
//  - it saves, and the saved file loads back equal, without warnings.
#pragma once
#include <string>
#include <variant>

#include "core/io/file_io.h"
#include "core/layout/layout.h"

namespace jb::fuzz {

// Empty when `bytes` passes; otherwise what went wrong. `loadedBoard` (may be null) tells whether
// the input gave a board.
inline std::string CheckLoad(const std::string& bytes, bool* loadedBoard = nullptr) {
  if (loadedBoard) *loadedBoard = false;
  const LoadResult result = BoardFromJson(bytes, "fuzz.cjm");
  if (const LoadError* error = std::get_if<LoadError>(&result)) {
    if (error->message.empty() || error->message.back() != '.') return "a load error without a sentence";
    return "";
  }
  if (loadedBoard) *loadedBoard = true;
  const Board& board = std::get<LoadedBoard>(result).board;

  Board again = board;
  if (!RepairBoard(again).empty()) return "RepairBoard found more to repair on a loaded board";
  if (!(again == board)) return "RepairBoard changed a loaded board";

  const Layout layout = ComputeLayout(board);
  if (layout.notes.size() != board.notes.size()) return "the layout lost notes";

  const std::string json = BoardToJson(board);
  const LoadResult reloaded = BoardFromJson(json, "resaved.cjm");
  const LoadedBoard* back = std::get_if<LoadedBoard>(&reloaded);
  if (!back) return "a saved board does not load: " + std::get<LoadError>(reloaded).message;
  if (!back->warnings.empty()) return "a saved board loads with warnings: " + back->warnings.front();
  if (!(back->board == board)) return "a saved board loads back different";
  return "";
}

}  // namespace jb::fuzz
