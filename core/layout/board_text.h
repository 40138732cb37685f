// Text the app itself writes on a board (persona headings, lane prompts), in the board's language
// (BoardMeta::language), not the interface's: a Russian board exported by an English-speaking
// facilitator still reads in Russian. The interface's own strings go through gettext
// (app/platform/i18n.h); these are part of what the board shows, so the screen and the export
// thread need them in any language at once, which a per-process gettext locale cannot give.
#pragma once
#include <string_view>

#include "core/model/model.h"

namespace jb {

enum class BoardPhrase {
  PersonaGoals,
  PersonaNeeds,
  PersonaPains,
  PersonaObjections,
  PersonaChannels,
  // The portrait, as "label: value" lines on the card.
  PersonaAge,
  PersonaGender,
  PersonaFamily,
  PersonaHome,
  PersonaOccupation,
  PersonaIncome,
  PersonaStatus,
  PersonaFreeTime,
  PersonaDecides,
  PersonaBlockers,
  PersonaIfUnsolved,
  PersonaCompetitors,
  // The funnel strip under the stage headers: its title, and a touchpoint's conversion ("conv 38 %").
  FunnelTitle,
  FunnelConversion,
  Count,
};

// The words of the shared page (core/io/html_page.h) and the follow-up report
// (core/insights/report.h), in the board's language like the persona headings. PercentLost holds
// one "%s" for the percentage ("62 %").
enum class PageWord {
  UntitledMap,
  Made,
  Personas,
  Snapshot,
  SnapshotAlt,
  Map,
  Stages,
  Covered,
  Votes,
  Owner,
  Due,
  Overdue,
  Channel,
  Conversion,
  Severity,
  LeftOut,
  Emotions,
  AsIs,
  ToBe,
  Actions,
  Action,
  Stage,
  HiddenStage,
  HiddenLane,
  TopVoted,
  Touchpoints,
  Touchpoint,
  Links,
  BesideMap,
  MadeWith,
  Quote,
  Retention,
  // The follow-up report's
  ReportTitle,
  Funnel,
  BiggestDrop,
  PercentLost,
  Reached,
  Share,
  DropToNext,
  NotMeasured,
  EmotionExtremes,
  Curve,
  Lowest,
  Highest,
  TopPains,
  Pain,
  VotesTimesSeverity,
  Unanswered,
  EveryPainAnswered,
  Opportunities,
  Solution,
  CustomerValue,
  BusinessValue,
  Effort,
  Priority,
  PriorityRule,
  ActionsByOwner,
  Unassigned,
  NoDueDate,
  Checks,
  ChecksPass,
  CheckPainWithoutSolution,
  CheckSolutionWithoutAction,
  CheckActionWithoutOwner,
  CheckActionWithoutDue,
  CheckActionOverdue,
  CheckActionVague,
  CheckStageWithoutTouchpoint,
  CheckLowPointWithoutPain,
  Missing,
  MissingPersonas,
  MissingFunnel,
  MissingCurves,
  MissingPains,
  MissingOpportunities,
  MissingActions,
  Count,
};

// The languages boards can be written in, as tags with their own names ("en" English, "ru" Русский).
struct BoardLanguage {
  const char* tag;
  const char* name;
};
const BoardLanguage* BoardLanguages(int* count);

// `phrase` in `language` ("en", "ru"); English for a language the app does not know.
const char* BoardTextIn(std::string_view language, BoardPhrase phrase);
const char* PageText(std::string_view language, PageWord word);

// The guiding question an empty cell of a lane of `kind` shows ("Where does the customer meet
// us?"), from the method's own questions; "" for custom lanes.
const char* LanePrompt(std::string_view language, LaneKind kind);

}  // namespace jb
