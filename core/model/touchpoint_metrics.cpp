#include "core/model/touchpoint_metrics.h"

#include <algorithm>
#include <unordered_map>

namespace jb {

float NormalisedConversion(float percent) { return std::clamp(percent / 100.f, 0.f, 1.f); }
float NormalisedNps(float nps) { return std::clamp((nps + 100.f) / 200.f, 0.f, 1.f); }

std::optional<float> Weakness(const NoteMetrics& metrics) {
  std::optional<float> lowest;
  auto take = [&](float share) { lowest = lowest ? std::min(*lowest, share) : share; };
  if (metrics.conversion) take(NormalisedConversion(*metrics.conversion));
  if (metrics.csi) take(NormalisedConversion(*metrics.csi));
  if (metrics.nps) take(NormalisedNps(*metrics.nps));
  if (metrics.retention) take(NormalisedConversion(*metrics.retention));
  return lowest;
}

std::vector<StageTouchpoints> TouchpointsByStage(const Board& board, bool includeHidden) {
  std::unordered_map<uint64_t, size_t> stageIndex;
  std::vector<StageTouchpoints> stages;
  stages.reserve(board.stages.size());
  for (const Stage& stage : board.stages) {
    if (stage.hidden && !includeHidden) continue;
    stageIndex.emplace(stage.id.value, stages.size());
    stages.push_back({stage.id, {}});
  }
  std::unordered_map<uint64_t, bool> touchpointLane;
  for (const Lane& lane : board.lanes)
    touchpointLane.emplace(lane.id.value, lane.kind == LaneKind::Touchpoints && (includeHidden || !lane.hidden));
  std::vector<std::vector<std::pair<float, NoteId>>> ranked(stages.size());
  for (const Note& note : board.notes) {
    auto lane = touchpointLane.find(note.lane.value);
    auto stage = stageIndex.find(note.stage.value);
    if (lane == touchpointLane.end() || !lane->second || stage == stageIndex.end()) continue;
    if (const std::optional<float> weakness = Weakness(note.metrics))
      ranked[stage->second].push_back({*weakness, note.id});
  }
  for (size_t i = 0; i < stages.size(); ++i) {
    std::stable_sort(ranked[i].begin(), ranked[i].end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& entry : ranked[i]) stages[i].notes.push_back(entry.second);
  }
  return stages;
}

}  // namespace jb
