// What every recovery copy must satisfy (core/session/recovery.h), for fuzz_recovery and the unit
// test that replays corpus/recovery/ and regressions/recovery/. The input is the copy of the
// untitled board, in a private XDG_STATE_HOME:
//  - FindRecovery and ListRecoveries never throw or hang, and agree: a copy found for the board
//    is listed, with the board it names;
//  - LoadRecovery gives what the loader gives for the same bytes (a board equal to it, or an
//    error), and that passes the loader's checks (check_load.h).
#pragma once
#include <cstdlib>
#include <filesystem>
#include <string>

#include "check_load.h"
#include "core/session/recovery.h"
#include "scratch.h"

namespace jb::fuzz::recovery {

inline std::string Check(const std::string& bytes, bool* gaveBoard) {
  if (gaveBoard) *gaveBoard = false;
  static const std::string copy = [] {
    setenv("XDG_STATE_HOME", ScratchDir().c_str(), 1);
    std::filesystem::create_directories(RecoveryDir());
    return RecoveryDir() + "/" + RecoveryKey("") + ".cjm";
  }();
  WriteScratchFile(copy, bytes);

  const std::optional<RecoveryInfo> found = FindRecovery("");
  size_t listed = 0;
  for (const RecoveryInfo& info : ListRecoveries()) listed += info.path == copy;
  if (listed > 1) return "the copy is listed twice";
  if (!found) return "";
  if (listed != 1) return "a copy found for the board is not listed";
  if (found->path != copy) return "FindRecovery names another file";
  if (!found->boardPath.empty()) return "a copy found for the untitled board names a board";

  const LoadResult loaded = LoadRecovery(*found);
  const LoadResult direct = BoardFromJson(bytes, copy);
  if (loaded.index() != direct.index()) return "LoadRecovery and the loader disagree on whether it is a board";
  if (const LoadedBoard* board = std::get_if<LoadedBoard>(&loaded)) {
    if (!(board->board == std::get<LoadedBoard>(direct).board)) return "LoadRecovery gives another board";
  }
  return CheckLoadResult(loaded, gaveBoard);
}

}  // namespace jb::fuzz::recovery
