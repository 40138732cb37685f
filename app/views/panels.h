// Side panels: one view per feature, each a function over the Document (the only way to change
// the board) and the canvas (whose selection and active curve they follow).
#pragma once
#include <functional>
#include <string>

#include "core/edit/diff.h"
#include "core/edit/document.h"

namespace jb {

class Canvas;

// Personas (name, description, goals, needs, pains, objections, channels, quote) and the
// emotion curves (colour, persona, as-is / to-be).
void ShowPersonaPanel(Document& document, Canvas& canvas, bool* open);
// The fields of the selected note: text, channel and metrics, owner and due date, tags, severity, votes.
void ShowInspector(Document& document, Canvas& canvas, bool* open);
// Every undo step (history_panel.cpp): a click jumps to it; steps after the current one are greyed.
void ShowHistoryPanel(Document& document, Canvas& canvas, bool* open);
// Journey ▸ Metrics (metrics_panel.cpp): per stage, the touchpoints' metrics as bars, the weakest
// first; a click selects the note and glides to it.
void ShowMetricsPanel(Document& document, Canvas& canvas, bool* open);
// The Metrics panel as last drawn, for --dump-layout's "metricsPanel" (JSON; empty when not drawn).
const std::string& MetricsPanelDump();
// Journey ▸ Opportunities (opportunities_panel.cpp): the solutions on a value × effort matrix,
// draggable to re-score, with the ranked list beside it.
void ShowOpportunitiesPanel(Document& document, Canvas& canvas, bool* open);
// The Opportunities panel as last drawn, for --dump-layout's "opportunitiesPanel" (JSON; empty when not drawn).
const std::string& OpportunitiesPanelDump();

// A multi-line text field that shows its text wrapped (ImGui 1.86's multi-line input cannot wrap)
// and turns into an editor when clicked. Returns true when the text changed this frame. `record`:
// the name its rect has in the layout dump.
bool WrappedTextField(const char* id, std::string* text, float height, const char* record = nullptr);

// Touch targets for the panels a facilitator works at the board's screen (timer, voting round,
// invite, inbox): at least 44 px high at UI scale 100 % (more with the scale).
float TouchHeight();
// A button of TouchHeight() and `width` (0: fits its label; negative: to the window's right edge
// less that much), recorded in the layout dump as `record`.
bool TouchButton(const char* label, const char* record, float width = 0);
// Pushes a frame padding that makes every framed widget (button, box, field, list) TouchHeight()
// high; pop it with ImGui::PopStyleVar() before the window's End.
void PushTouchFrames();

// One undo step per field edit: the first change begins a gesture owned by the field (its ImGui
// id), every change updates it, and leaving the field commits it. Call right after the widget.
// A field ends only its own gesture, never a tool's or another field's.
void TrackFieldEdit(Document& document, bool changed, const char* label,
                    const std::function<BoardDiff(const Board& start)>& make);
// Once a frame, after every panel: commits a field's gesture whose field was not drawn active this
// frame (its note deselected, its persona deleted or undone, its panel closed or collapsed), so no
// gesture outlives its field to be cancelled by a later undo or save, or to swallow the redo steps.
void EndOrphanedFieldEdit(Document& document);

}  // namespace jb
