// Room view's display layout (core/layout/room_layout.h): notes fill their cell's width in columns,
// text as large as the room allows, and the board itself left alone.
#include <doctest/doctest.h>

#include "core/io/templates.h"
#include "core/layout/layout.h"
#include "core/layout/room_layout.h"

using namespace jb;

namespace {

struct HalfGlyphs : GlyphMetrics {
  float Advance(char32_t) const override { return 0.5f; }
};

bool Same(const Rect& a, const Rect& b) { return a.x0 == b.x0 && a.y0 == b.y0 && a.x1 == b.x1 && a.y1 == b.y1; }

}  // namespace

TEST_CASE("room columns: as many of the minimum width as fit, never more than the notes, filling the width") {
  RoomMetrics room;
  room.minColumnWidth = 300;
  float width = 0;
  CHECK(RoomColumns(332, 3, 12, room, &width) == 1);
  CHECK(width == doctest::Approx(332));
  CHECK(RoomColumns(700, 3, 12, room, &width) == 2);
  CHECK(width == doctest::Approx((700 - 12) / 2.0f));
  CHECK(RoomColumns(1000, 2, 12, room, &width) == 2);  // a third column would stay empty
  CHECK(RoomColumns(1000, 0, 12, room, &width) == 1);
  CHECK(RoomColumns(100, 4, 12, room, &width) == 1);   // a narrow cell: one column, its width
  CHECK(width == doctest::Approx(100));
  CHECK(RoomColumns(-5, 1, 12, room, &width) == 1);
  CHECK(width > 0);
}

TEST_CASE("room layout: notes fill their cell's width with larger text, and the board is left as it was") {
  const Board board = MakeBoard(Template::Sample);
  const Board before = board;
  HalfGlyphs glyphs;
  const Layout normal = ComputeLayout(board, &glyphs);
  NoteFitCache cache;
  const Layout room = ComputeLayout(board, &glyphs, kMetrics, &cache, &kRoomMetrics);
  CHECK(board == before);
  REQUIRE(room.notes.size() == normal.notes.size());
  // The same columns of stages: only lanes grow.
  CHECK(room.stageX == normal.stageX);
  int inCells = 0;
  for (size_t i = 0; i < room.notes.size(); ++i) {
    const NoteBox& box = room.notes[i];
    CHECK(box.text.size >= kRoomMetrics.minTextSize);
    CHECK(box.text.size <= kRoomMetrics.maxTextSize);
    CHECK(box.text.size > normal.notes[i].text.size);
    if (box.stage < 0) {  // a free note keeps its corner
      CHECK(box.rect.x0 == board.notes[i].pos.x);
      CHECK(box.rect.y0 == board.notes[i].pos.y);
      continue;
    }
    ++inCells;
    const Rect cell = room.Cell(box.stage, box.lane);
    // Inside its cell, and the cell's notes together span its inner width.
    CHECK(box.rect.x0 >= cell.x0 + kMetrics.cellPadding - 0.01f);
    CHECK(box.rect.x1 <= cell.x1 - kMetrics.cellPadding + 0.01f);
    CHECK(box.rect.y1 <= cell.y1 + 0.01f);
    CHECK(box.rect.Width() > normal.notes[i].rect.Width());
    // No two notes overlap.
    for (size_t j = 0; j < i; ++j)
      if (room.notes[j].stage >= 0) CHECK_FALSE(box.rect.Overlaps(room.notes[j].rect));
  }
  CHECK(inCells > 20);
  // A cached layout equals a fresh one; a second pass from the cache too.
  const Layout fresh = ComputeLayout(board, &glyphs, kMetrics, nullptr, &kRoomMetrics);
  const Layout again = ComputeLayout(board, &glyphs, kMetrics, &cache, &kRoomMetrics);
  for (size_t i = 0; i < room.notes.size(); ++i) {
    CHECK(Same(fresh.notes[i].rect, room.notes[i].rect));
    CHECK(Same(again.notes[i].rect, room.notes[i].rect));
    CHECK(again.notes[i].text.size == room.notes[i].text.size);
  }
}

TEST_CASE("room layout: a cell of several notes puts them side by side when the stage is wide") {
  Board board = MakeBoard(Template::Blank);
  board.stages[0].width = 1000;
  for (int k = 0; k < 3; ++k) {
    Note note;
    note.id = NoteId(board.NewId());
    note.stage = board.stages[0].id;
    note.lane = board.lanes[0].id;
    note.text = "Short";
    board.notes.push_back(note);
  }
  HalfGlyphs glyphs;
  const Layout room = ComputeLayout(board, &glyphs, kMetrics, nullptr, &kRoomMetrics);
  float width = 0;
  const int columns = RoomColumns(1000 - 2 * kMetrics.cellPadding, 3, kMetrics.noteGap, kRoomMetrics, &width);
  CHECK(columns == 3);
  for (const NoteBox& box : room.notes) {
    CHECK(box.rect.Width() == doctest::Approx(width));
    CHECK(box.rect.y0 == room.notes[0].rect.y0);  // one row
    CHECK(box.text.size == kRoomMetrics.maxTextSize);  // a short text takes the cap
  }
  CHECK(room.notes[2].rect.x1 == doctest::Approx(room.stageX[1] - kMetrics.cellPadding));
}

TEST_CASE("room layout: the title, the curves' legend and the persona cards grow with the notes") {
  const Board board = MakeBoard(Template::Sample);
  REQUIRE(!board.personas.empty());
  HalfGlyphs glyphs;
  const Layout normal = ComputeLayout(board, &glyphs);
  const Layout room = ComputeLayout(board, &glyphs, kMetrics, nullptr, &kRoomMetrics);
  const Lettering& n = normal.lettering;
  const Lettering& r = room.lettering;
  CHECK(r.titleSize == kRoomMetrics.titleSize);
  CHECK(r.titleSize > n.titleSize);
  CHECK(r.legendSize > n.legendSize);
  // The title's box holds its larger line, and zoom to fit reaches that far above the grid.
  CHECK(room.TitleBox().Height() >= r.titleSize * 1.2f);
  CHECK(room.TitleBand() > room.TitleBox().Height());
  CHECK(normal.TitleBand() == doctest::Approx(72));  // the normal view's fit as it was
  // The legend starts below the lane's larger name.
  CHECK(r.legendTop >= 12 + r.laneNameSize * 1.2f);
  // The persona cards: scaled as a whole, still left of the grid, one under the other.
  REQUIRE(room.personas.size() == normal.personas.size());
  CHECK(r.personaScale > 1.5f);  // one card beside the sample's tall grid: near the most
  CHECK(r.personaScale <= kRoomMetrics.personaScale);
  for (size_t i = 0; i < room.personas.size(); ++i) {
    CHECK(room.personas[i].Width() == doctest::Approx(normal.personas[i].Width() * r.personaScale));
    CHECK(room.personas[i].x1 == doctest::Approx(room.grid.x0 - kMetrics.personaGap));
    if (i > 0) CHECK(room.personas[i].y0 >= room.personas[i - 1].y1);
  }
}

TEST_CASE("room layout: persona cards grow only as far as their share of the grid lets them") {
  Board board = MakeBoard(Template::Sample);
  REQUIRE(board.personas.size() == 1);
  HalfGlyphs glyphs;
  const float one = ComputeLayout(board, &glyphs, kMetrics, nullptr, &kRoomMetrics).lettering.personaScale;
  for (int more = 0; more < 2; ++more) {
    Persona persona = board.personas[0];
    persona.id = PersonaId(board.NewId());
    board.personas.push_back(persona);
  }
  const Layout normal = ComputeLayout(board, &glyphs);
  const Layout room = ComputeLayout(board, &glyphs, kMetrics, nullptr, &kRoomMetrics);
  REQUIRE(room.personas.size() == 3);
  // Three cards share the grid's height: they grow less than one did, never below normal...
  CHECK(room.lettering.personaScale < one);
  CHECK(room.lettering.personaScale >= 1);
  // ...and never reach further down than the grid or the normal view's cards do, so the fitted
  // board is no taller for them.
  CHECK(room.personas.back().y1 <= std::max(room.grid.y1, normal.personas.back().y1) + 0.01f);
  for (size_t i = 0; i < room.personas.size(); ++i)
    CHECK(room.personas[i].Width() == doctest::Approx(kMetrics.personaWidth * room.lettering.personaScale));
}
