// The one board renderer: Board + Layout + Camera → ImDrawList. The window and the PNG export
// both call it, so a snapshot looks exactly like the screen. It only reads the board.
#pragma once
#include <imgui.h>

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "core/layout/camera.h"
#include "core/layout/layout.h"
#include "core/model/model.h"

namespace jb {

class Fonts;

// Interaction state the canvas wants reflected in the drawing (nothing of it is saved).
struct RenderOptions {
  Rect visible;  // window-pixel rectangle actually on screen: everything outside is culled
  // Notes being dragged: drawn as an outline where they will land (the canvas draws the notes
  // themselves under the cursor).
  const std::unordered_set<uint64_t>* placeholders = nullptr;
  CurveId activeCurve;  // drawn on top of the others
  std::string today;    // YYYY-MM-DD, to mark overdue action items (empty: nothing is overdue)
  // The note being edited shows its text from this line on (a clipped note scrolls to the caret).
  NoteId editing;
  size_t editingFirstLine = 0;
  // Covered notes face up anyway (an export with --reveal); the note being edited always is.
  bool revealCovered = false;
  // Notes turning face up (Reveal): note id → progress 0..1. Each narrows to a line and widens
  // again, face down before half way and face up after.
  const std::unordered_map<uint64_t, float>* flipping = nullptr;
};

// One note as DrawBoard draws it, shifted by `offset` board units (a note being dragged).
// `hideText` leaves the text out (the note editor draws it, with its caret).
void DrawNote(const Board& board, const Note& note, const NoteBox& box, Vec2 offset, const Camera& camera,
              const Fonts& fonts, ImDrawList& drawList, bool hideText = false);


// The background colour behind the board (the caller clears to it: cheaper than a filled quad).
inline constexpr float kBackgroundRgb[3] = {0.925f, 0.933f, 0.945f};

// Today's local date as YYYY-MM-DD (what "overdue" is measured against).
std::string LocalDateIso();

void DrawBoard(const Board& board, const Layout& layout, const Camera& camera, const Fonts& fonts,
               ImDrawList& drawList, const RenderOptions& options);

}  // namespace jb
