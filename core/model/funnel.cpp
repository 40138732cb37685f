#include "core/model/funnel.h"

#include <cmath>

namespace jb {

bool Funnel::Measured() const {
  int measured = 0;
  for (const FunnelStep& step : steps) measured += step.reached.has_value();
  return measured >= 2;
}

Funnel ComputeFunnel(const Board& board, bool skipHidden) {
  Funnel funnel;
  for (const Stage& stage : board.stages) {
    if (skipHidden && stage.hidden) continue;
    FunnelStep step;
    step.stage = stage.id;
    if (stage.reached && std::isfinite(*stage.reached) && *stage.reached >= 0) step.reached = stage.reached;
    funnel.steps.push_back(step);
  }
  std::optional<double> first;
  for (FunnelStep& step : funnel.steps) {
    if (!step.reached) continue;
    if (!first) first = step.reached;
    if (*first > 0) step.share = *step.reached / *first;
  }
  double biggest = 0;
  for (size_t i = 0; i < funnel.steps.size(); ++i) {
    FunnelStep& step = funnel.steps[i];
    if (!step.reached) continue;
    for (size_t j = i + 1; j < funnel.steps.size(); ++j) {
      if (!funnel.steps[j].reached) continue;
      step.next = int(j);
      if (*step.reached > 0) step.dropToNext = (*step.reached - *funnel.steps[j].reached) / *step.reached * 100.0;
      break;
    }
    if (step.dropToNext && *step.dropToNext > biggest) {
      biggest = *step.dropToNext;
      funnel.biggestDrop = int(i);
    }
  }
  return funnel;
}

}  // namespace jb
