// Room view (View ▸ Room view, R): a display layout that makes a fitted board readable from the
// back of the room. Notes in a cell fill the cell's width in as many columns as fit, their text as
// large as the note's room allows (up to a cap); free notes keep their place and grow. Only the
// layout changes: the board, its notes' sizes and positions, history and the file stay as they are,
// and hit-testing uses the same layout, so a click lands on the note drawn under it.
#pragma once
#include "core/model/model.h"

namespace jb {

struct RoomMetrics {
  float minColumnWidth = 300;  // a cell gets as many columns of at least this width as fit (at least one)
  float maxTextSize = 40;      // board units: text grows with its note's room up to here...
  float minTextSize = 32;      // ...shrinks down to here, and only then does the note grow taller
  float aspect = 0.3f;         // a note's height for its width, before its text makes it taller
  float freeNoteScale = 2;     // free notes keep their top-left corner and grow by this much
  float funnelScale = 1.5f;    // the funnel strip under the headers, and its text, grow by this much
  // The room reads where it is too: stage names as large as the least note text, in the header's
  // own height (so the fitted zoom stays), lane names in a label column grown to the left, and the
  // title, the curves' legend and the persona cards grown to match.
  float stageNameSize = 32;
  float laneNameSize = 28;
  float laneLabelWidth = 290;
  float titleSize = 40;
  float legendSize = 24;
  float personaScale = 2;  // at most: the cards' text as large as the lane names, room allowing
};
inline constexpr RoomMetrics kRoomMetrics{};

// The columns a cell of `innerWidth` board units gets for `notes` notes with `gap` between them,
// and each column's width (the notes together fill the width).
int RoomColumns(float innerWidth, int notes, float gap, const RoomMetrics& room, float* columnWidth);

// The size a note starts from in Room view, before its text makes it taller: a cell's note the
// column width, a note in no cell (`columnWidth` 0) its own size grown by freeNoteScale.
Vec2 RoomNoteSize(const Note& note, float columnWidth, const RoomMetrics& room);

}  // namespace jb
