// The Metrics panel's figures: per stage, the touchpoints that carry any metric, the weakest first,
// so a facilitator sees at a glance where each stage loses the customer.
#pragma once
#include <optional>
#include <vector>

#include "core/model/model.h"

namespace jb {

// A metric as a share of its scale, 0 (worst) .. 1 (best): conversion, CSI and retention are
// percents (v / 100), NPS runs from -100 to 100 ((v + 100) / 200).
float NormalisedConversion(float percent);
float NormalisedNps(float nps);

// How weak a touchpoint is: the lowest of its metrics on the 0..1 scale above (one bad figure is
// where the customer drops off, however good the others are); none when it has no metric.
std::optional<float> Weakness(const NoteMetrics& metrics);

struct StageTouchpoints {
  StageId stage;
  std::vector<NoteId> notes;  // weakest first; ties keep the board's order
};

// Every stage in board order with the notes of Touchpoints lanes in it that have at least one
// metric, the weakest (lowest Weakness) first; stages with none have no notes. Without
// `includeHidden`, stages hidden for the room and the notes of hidden lanes are left out.
std::vector<StageTouchpoints> TouchpointsByStage(const Board& board, bool includeHidden);

}  // namespace jb
