// Every limit and default of a board, in one place: what a file may hold, what the loader and
// RepairBoard (core/io) clamp to, what the edit commands (core/edit) keep to, and the defaults
// new records start from. Change a number here and every layer follows.
#pragma once
#include <cstddef>
#include <cstdint>

namespace jb {

// [SECTION] Defaults of new records: model.h's members, the loader's value for a missing field
// (board_json.cpp) and the templates all use these.
inline constexpr float kDefaultStageWidth = 360;
inline constexpr float kDefaultLaneHeight = 150;  // a minimum: the layout grows a lane for its notes

// [SECTION] What a file may hold; a file beyond these is refused before the board is built
// (file_io.cpp, board_json.cpp): beyond them the app would stall, since the layout keeps a cell per
// stage × lane and samples every curve each frame. Real boards stay far below.
inline constexpr uintmax_t kMaxFileBytes = uintmax_t(256) << 20;
inline constexpr size_t kMaxNotes = 200000;
inline constexpr size_t kMaxStages = 1000;  // the layout keeps one cell per stage × lane
inline constexpr size_t kMaxLanes = 1000;
inline constexpr size_t kMaxCurves = 1000;
inline constexpr size_t kMaxPersonas = 1000;
inline constexpr size_t kMaxCurvePoints = 100000;  // over all curves
// Sketch records: far above a workshop's ink (the benchmark's stress board has 2,000 strokes and
// 1,000 arrows), low enough that the layout's per-frame work stays bounded.
inline constexpr size_t kMaxStrokes = 100000;
inline constexpr size_t kMaxArrows = 100000;
inline constexpr size_t kMaxFrames = 10000;
inline constexpr size_t kMaxLabels = 10000;
// One stroke's points: a simplified stroke is a few dozen, a long raw one a few thousand. A stroke
// with more is damage or a hostile file; loading refuses that stroke alone (RepairBoard) and says so.
inline constexpr size_t kMaxStrokePoints = 10000;

// [SECTION] Values a board keeps to: loading (RepairBoard) clamps to them, and so do the edit
// commands (ClampNoteValues, core/model/sanitize.h), so an edit never makes a board that a save
// and load would change.
inline constexpr size_t kMaxTextChars = 20000;  // longer texts (code points) are cut on load
// Notes one paste of outside text makes (core/layout/clipboard_text.h says why it is a cap).
inline constexpr size_t kMaxPastedNotes = 200;
// Ids a board may use: 2^53 is what any JSON reader keeps exact, and far from wrapping to 0.
inline constexpr uint64_t kMaxId = uint64_t(1) << 53;
// Note positions beyond ±this (board units) are not a place anyone put a note: a broken file or
// a runaway drag. RepairBoard clamps note positions to it, and places moved notes within it.
inline constexpr float kMaxCoordinate = 1e6f;
// Not the same limit: the loader clamps every number it reads (any float field) to ±this before
// the double → float cast, which is undefined beyond float's range. It is above kMaxCoordinate on
// purpose: a position between the two still reaches RepairBoard out of range, which clamps it and
// says so in a warning; clamping to kMaxCoordinate while reading would fix it silently.
inline constexpr double kMaxJsonNumber = 1e7;
// A stage's reached count (core/model/model.h) is a double read as it is, not through the float
// clamp above: a site's visitors run to hundreds of millions. Beyond this it is no count.
inline constexpr double kMaxReached = 1e12;
// An opportunity's values (0..100) and effort (1..5).
inline constexpr float kMaxOpportunityValue = 100;
inline constexpr int kMinEffort = 1, kMaxEffort = 5;
// Stage widths and lane heights: what the resize commands allow and what loading clamps a file's
// to (RepairBoard; NaN becomes the default). One range for both: a wider stage is nothing a
// facilitator can make, and 1,000 stages of an absurd width export as a blank image.
inline constexpr float kMinStageWidth = 160, kMaxStageWidth = 4000;
inline constexpr float kMinLaneHeight = 60, kMaxLaneHeight = 4000;
// Sketch sizes (board units) loading clamps to and the sketch commands keep to; NaN becomes the default.
inline constexpr float kDefaultStrokeWidth = 4, kMinStrokeWidth = 0.5f, kMaxStrokeWidth = 200;
inline constexpr float kDefaultLabelSize = 48, kMinLabelSize = 6, kMaxLabelSize = 2000;

// [SECTION] What the layout draws (core/layout): bounds on drawing, never on what a board keeps.
// A note is drawn at most this tall (board units, about 70 lines at the smallest text size); the
// text beyond is kept and editable but clipped, with "…" on the last line shown. Without it one
// note of 20,000 lines is taller than any export can be.
inline constexpr float kMaxNoteHeight = 1000;

}  // namespace jb
