// The stage funnel: how many customers reached each stage, and where the most of them are lost.
// Pure arithmetic over the stages' `reached` counts (model.h), shared by the funnel strip under the
// stage headers, the follow-up report and the page.
#pragma once
#include <optional>
#include <string>
#include <string_view>
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

namespace jb {

// What the facilitator typed for a stage's reached count (the stage menu's and the inspector's
// field): a count ("1200", "1 200", "1,200", "1 200.5"), a percentage of the first measured stage
// ("45%", "45 %", "12,5 %"), or nothing (clear it).
struct ReachedEntry {
  enum class Kind { Clear, Count, Percent };
  Kind kind = Kind::Clear;
  double value = 0;
};
// False with one sentence in *error (ending with '.') when the text is none of those.
bool ParseReached(std::string_view text, ReachedEntry* entry, std::string* error);

// The stages' new reached values for `entry` typed at `stage`: the stage's own, and for a
// percentage on a board with no other stage measured, the board's first stage set to 100 in the
// same step (the percentage needs its base). A percentage is of the first measured stage other
// than `stage`. False with one sentence in *error when the entry cannot be placed.
struct ReachedChange {
  StageId stage;
  std::optional<double> reached;
};
bool ResolveReached(const Board& board, StageId stage, const ReachedEntry& entry, std::vector<ReachedChange>* changes,
                    std::string* error);

// The board's own figures, in its language (BoardMeta::language): "10,000" in English, "10 000"
// (a no-break space between groups) in Russian; "31 %" with a decimal when small ("4.5 %",
// "4,5 %"); `sign` puts "−" (U+2212) or "+" before a non-zero percentage.
std::string FormatReachedCount(double count, std::string_view language);
std::string FormatFunnelPercent(double percent, std::string_view language, bool sign = false);

}  // namespace jb
