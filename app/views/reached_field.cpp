#include "app/views/reached_field.h"

#include <cmath>
#include <cstdio>
#include <vector>

#include "app/platform/i18n.h"
#include "core/edit/journey_commands.h"
#include "core/model/funnel.h"

namespace jb {

bool ApplyReachedText(Document& document, StageId stage, std::string_view text, std::string* error) {
  const Board& board = document.board();
  ReachedEntry entry;
  std::vector<ReachedChange> changes;
  if (!ParseReached(text, &entry, error) || !ResolveReached(board, stage, entry, &changes, error)) return false;
  // Each change is its own stage's update against the same board: together they are one step.
  BoardDiff diff = NewDiff(board);
  for (const ReachedChange& change : changes) {
    BoardDiff one = SetStageReached(board, change.stage, change.reached);
    for (auto& updated : one.stages.updated) diff.stages.updated.push_back(std::move(updated));
  }
  if (!diff.Empty()) document.Apply(std::move(diff), N_("Set customers reached"));
  return true;
}

std::string ReachedFieldText(const Stage& stage) {
  if (!stage.reached || !std::isfinite(*stage.reached)) return {};
  char text[48];
  std::snprintf(text, sizeof text, "%.15g", *stage.reached);
  return text;
}

}  // namespace jb
