// The model's own consistency check: what every board the program holds must satisfy, whichever
// way it came in (a file, a recovery copy, a replayed journal, a paste, an edit). RepairBoard
// (core/io) makes a board pass it; the fuzz targets (tests/fuzz/) and unit tests assert it.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/model/model.h"

namespace jb {

// Text must be valid UTF-8: every way in repairs it to U+FFFD (RepairUtf8, core/model/sanitize.h).
inline constexpr bool kCheckTextIsUtf8 = true;

struct ConsistencyOptions {
  bool utf8 = kCheckTextIsUtf8;
};

// What is wrong with `board`, one short phrase each; empty when it is consistent:
// - nextId in 1..kMaxId + 1; every record id non-zero, unique on the board and below nextId;
// - a note's stage and lane are both set and resolve, or both unset (a free note); a curve's
//   persona is unset or resolves; every curve point's stage resolves;
// - record counts within limits.h; every number finite and within the range RepairBoard keeps
//   (sizes, positions, votes, severity, metrics, curve t and value); enums within their range;
// - sketches: a stroke's stage and lane both set and resolving, or both unset; 1..kMaxStrokePoints
//   points within ±kMaxCoordinate and a width in range; an arrow's bound ends resolve to notes;
//   frame corners in order; label sizes in range;
// - every text at most kMaxTextChars code points (and valid UTF-8 when `options.utf8`).
// Reports at most a few dozen problems, so a hostile board cannot make the report itself huge.
std::vector<std::string> CheckBoard(const Board& board, ConsistencyOptions options = {});

}  // namespace jb
