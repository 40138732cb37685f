#include "core/layout/room_layout.h"

#include <algorithm>
#include <cmath>

#include "core/layout/layout.h"

namespace jb {

int RoomColumns(float innerWidth, int notes, float gap, const RoomMetrics& room, float* columnWidth) {
  innerWidth = std::max(innerWidth, 1.0f);
  const int fit = int(std::floor((innerWidth + gap) / (room.minColumnWidth + gap)));
  const int columns = std::clamp(fit, 1, std::max(notes, 1));
  *columnWidth = std::max((innerWidth - gap * float(columns - 1)) / float(columns), 1.0f);
  return columns;
}

Vec2 RoomNoteSize(const Note& note, float columnWidth, const RoomMetrics& room) {
  if (columnWidth <= 0) {  // not in a cell
    const Vec2 size = NoteSizeUnits(note.size);
    return {size.x * room.freeNoteScale, size.y * room.freeNoteScale};
  }
  return {columnWidth, columnWidth * room.aspect};
}

}  // namespace jb
