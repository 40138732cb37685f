// Values as loading leaves them. RepairBoard (core/io) runs these over a whole board; the edit
// commands (core/edit) run ClampNoteValues over a note they rewrite, so an edit never makes a
// board that a save and load would change. The limits are in core/model/limits.h.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

#include "core/model/model.h"

namespace jb {

// How many values were corrected, by the kind of warning RepairBoard gives for them.
struct SanitizeCounts {
  size_t geometry = 0;  // positions and sizes: NaN or far out of range
  size_t scores = 0;    // votes, severity, metrics, emotion values
  size_t cuts = 0;      // texts cut to kMaxTextChars
  size_t broken = 0;    // texts that held invalid UTF-8 or control characters, repaired
};

// `value` clamped into [low, high]; NaN becomes `fallback`. Counts a change in `changes`.
float ClampValue(float value, float low, float high, float fallback, size_t* changes);

// Code points in UTF-8 `text` (bytes that are not continuation bytes).
size_t CountCodepoints(std::string_view text);
// Cuts `text` after `most` code points, never inside a UTF-8 sequence. True when it cut.
bool CutToCodepoints(std::string& text, size_t most);
// Cuts `text` after kMaxTextChars code points. Counts a cut.
void CutText(std::string& text, size_t* cuts);

// True when `text` is well-formed UTF-8 as utf8proc decodes it (no stray continuation bytes,
// overlong forms, surrogates, code points past U+10FFFF or cut-off sequences).
bool IsValidUtf8(std::string_view text);

// Replaces every byte that does not begin a valid UTF-8 sequence (stray continuation bytes,
// overlong forms, surrogates, code points past U+10FFFF, cut-off sequences) with U+FFFD, as
// utf8proc decodes it. True when `text` changed. Text from outside (files, journal records, the
// clipboard, typed input) goes through this before it reaches a board.
bool RepairUtf8(std::string& text);

// Removes the control characters U+0000..U+001F (but tab and newline) and U+007F. They have no
// place in a sticky note, and U+0000 could not be kept anyway: cereal reads a JSON string as a C
// string, so a saved NUL would cut the text when loaded. True when `text` changed.
bool RemoveControlChars(std::string& text);

// RepairUtf8 and RemoveControlChars (counted as broken), then CutText, counting each in `counts`:
// what every text read from outside gets.
void RepairText(std::string& text, SanitizeCounts* counts);

// Every text of a record through RepairText (a note's texts and tags; every name, label and
// persona field): what RepairBoard does to a loaded board and the Document to every change.
void RepairTexts(Note& note, SanitizeCounts* counts);
void RepairTexts(Stage& stage, SanitizeCounts* counts);
void RepairTexts(Lane& lane, SanitizeCounts* counts);
void RepairTexts(EmotionCurve& curve, SanitizeCounts* counts);
void RepairTexts(Persona& persona, SanitizeCounts* counts);
void RepairTexts(BoardMeta& meta, SanitizeCounts* counts);
void RepairTexts(Stroke& stroke, SanitizeCounts* counts);  // a stroke has no text: for the generic callers
void RepairTexts(Arrow& arrow, SanitizeCounts* counts);
void RepairTexts(Frame& frame, SanitizeCounts* counts);
void RepairTexts(TextLabel& label, SanitizeCounts* counts);

// A note's own values: position within ±kMaxCoordinate (NaN → 0), votes ≥ 0, severity 0..3,
// conversion, CSI and retention 0..100, NPS -100..100 (a NaN metric is dropped), texts and tags repaired
// (RepairText). Its id, stage and lane are left alone (they depend on the board).
void ClampNoteValues(Note& note, SanitizeCounts* counts);

// A stage's reached count within 0..kMaxReached (not finite: not measured); an opportunity's values
// within 0..kMaxOpportunityValue (NaN: the default) and its effort within kMinEffort..kMaxEffort.
// Each change counts once in `changes`. ClampNoteValues clamps the opportunity.
void ClampReached(std::optional<double>& reached, size_t* changes);
void ClampOpportunity(std::optional<Opportunity>& opportunity, size_t* changes);

// The sketch records' own values, as ClampNoteValues does for a note (references and ids are left
// alone). A stroke's points that are not finite are dropped (a point of a line has no fallback
// place), the rest clamped within ±kMaxCoordinate; its width within kMin/kMaxStrokeWidth (NaN: the
// default). An arrow's end positions, a frame's rectangle (corners put in order) and a label's
// position are clamped like a note's (NaN → 0), a label's size within kMin/kMaxLabelSize. Texts
// through RepairText. The point count limit is RepairBoard's (it refuses the whole stroke).
void ClampStrokeValues(Stroke& stroke, SanitizeCounts* counts);
void ClampArrowValues(Arrow& arrow, SanitizeCounts* counts);
void ClampFrameValues(Frame& frame, SanitizeCounts* counts);
void ClampLabelValues(TextLabel& label, SanitizeCounts* counts);

}  // namespace jb
