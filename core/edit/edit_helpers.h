// Small helpers the edit commands share (core/edit/*.cpp only): one definition each, so the
// commands agree and a unity build of core finds no two of the same name.
#pragma once
#include <cmath>
#include <cstdint>
#include <unordered_set>
#include <utility>
#include <vector>

#include "core/edit/diff.h"
#include "core/model/model.h"

namespace jb::edit_helpers {

inline bool IsFinite(Vec2 v) { return std::isfinite(v.x) && std::isfinite(v.y); }

// Each named note once, in board order (deterministic diffs), changed by `change`; a note the
// change leaves as it was is not recorded. Missing and empty ids are skipped.
template <class Change>
BoardDiff UpdateNotes(const Board& board, const std::vector<NoteId>& ids, Change change) {
  BoardDiff diff = NewDiff(board);
  std::unordered_set<uint64_t> wanted;
  for (NoteId id : ids)
    if (id) wanted.insert(id.value);
  for (const Note& before : board.notes) {
    if (!wanted.count(before.id.value)) continue;
    Note after = before;
    change(after);
    if (!(after == before)) diff.notes.updated.push_back({before, std::move(after)});
  }
  return diff;
}

}  // namespace jb::edit_helpers
