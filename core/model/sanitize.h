// Values as loading leaves them. RepairBoard (core/io) runs these over a whole board; the edit
// commands (core/edit) run ClampNoteValues over a note they rewrite, so an edit never makes a
// board that a save and load would change. The limits are in core/model/limits.h.
#pragma once
#include <cstddef>
#include <string>

#include "core/model/model.h"

namespace jb {

// How many values were corrected, by the kind of warning RepairBoard gives for them.
struct SanitizeCounts {
  size_t geometry = 0;  // positions and sizes: NaN or far out of range
  size_t scores = 0;    // votes, severity, metrics, emotion values
  size_t cuts = 0;      // texts cut to kMaxTextChars
};

// `value` clamped into [low, high]; NaN becomes `fallback`. Counts a change in `changes`.
float ClampValue(float value, float low, float high, float fallback, size_t* changes);

// Cuts `text` after kMaxTextChars code points, never inside a UTF-8 sequence. Counts a cut.
void CutText(std::string& text, size_t* cuts);

// A note's own values: position within ±kMaxCoordinate (NaN → 0), votes ≥ 0, severity 0..3,
// conversion and CSI 0..100, NPS -100..100 (a NaN metric is dropped), texts and tags cut to
// kMaxTextChars. Its id, stage and lane are left alone (they depend on the board).
void ClampNoteValues(Note& note, SanitizeCounts* counts);

}  // namespace jb
