// The stage funnel: how many customers reached each stage, and where the most of them are lost.
// Pure arithmetic over the stages' `reached` counts (model.h), shared by the funnel strip under the
// stage headers, the follow-up report and the page.
#pragma once
#include <optional>
#include <vector>

#include "core/model/model.h"

namespace jb {

struct FunnelStep {
  StageId stage;
  std::optional<double> reached;  // as the stage holds it
  // reached as a share of the first measured stage (1 = all of them); none when not measured or
  // when the first measured stage reached nobody.
  std::optional<double> share;
  // Percent of this stage's customers not found at the next measured stage: 62 means 62 % lost.
  // Negative when the next stage reached more (customers joined on the way). None when this stage
  // or every later one is not measured, or when this stage reached nobody.
  std::optional<double> dropToNext;
  int next = -1;  // index (in Funnel::steps) of that next measured stage
};

struct Funnel {
  std::vector<FunnelStep> steps;  // one per stage, in board order
  int biggestDrop = -1;           // the step with the largest positive dropToNext (ties: the earlier)
  // At least two stages measured: something to draw and to say.
  bool Measured() const;
};

// Every stage in board order. Stages hidden for the room count as the others do, unless
// `skipHidden`: then they are left out of the steps as if the board had no such stage (the strip
// draws them as the thin marked strip they are).
Funnel ComputeFunnel(const Board& board, bool skipHidden = false);

}  // namespace jb
