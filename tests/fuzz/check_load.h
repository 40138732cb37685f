// What every input to the loader must satisfy, shared by the libFuzzer target (fuzz_main.cpp built
// as fuzz_load) and the unit test that replays the corpus and the regressions:
//  - BoardFromJson returns a board or an error (one sentence), never throws, crashes or hangs;
//  - a loaded board passes the model's consistency check (core/model/consistency.h);
//  - it is already repaired: RepairBoard changes nothing and says nothing;
//  - it can be laid out;
//  - it saves, and the saved file loads back equal, without warnings.
#pragma once
#include <string>
#include <variant>
#include <vector>

#include "core/io/file_io.h"
#include "core/layout/layout.h"
#include "core/model/consistency.h"

namespace jb::fuzz {

// Empty when `board` (as any reader hands it to the app) passes every check above.
inline std::string CheckBoardAsLoaded(const Board& board) {
  const std::vector<std::string> problems = CheckBoard(board);
  if (!problems.empty()) return "the board fails the consistency check: " + problems.front();

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

// Empty when a load result passes: an error is one sentence, a board passes CheckBoardAsLoaded.
inline std::string CheckLoadResult(const LoadResult& result, bool* loadedBoard = nullptr) {
  if (loadedBoard) *loadedBoard = false;
  if (const LoadError* error = std::get_if<LoadError>(&result)) {
    if (error->message.empty() || error->message.back() != '.') return "a load error without a sentence";
    return "";
  }
  if (loadedBoard) *loadedBoard = true;
  const LoadedBoard& loaded = std::get<LoadedBoard>(result);
  for (const std::string& warning : loaded.warnings)
    if (warning.empty() || warning.back() != '.') return "a load warning without a sentence";
  return CheckBoardAsLoaded(loaded.board);
}

// Empty when `bytes` passes; otherwise what went wrong. `loadedBoard` (may be null) tells whether
// the input gave a board.
inline std::string CheckLoad(const std::string& bytes, bool* loadedBoard = nullptr) {
  return CheckLoadResult(BoardFromJson(bytes, "fuzz.cjm"), loadedBoard);
}

namespace load {
inline std::string Check(const std::string& bytes, bool* gaveBoard) { return CheckLoad(bytes, gaveBoard); }
}  // namespace load

}  // namespace jb::fuzz
