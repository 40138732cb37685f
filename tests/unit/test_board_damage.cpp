// The board cache's invalidation (core/layout/damage.h, Document::TouchedSince): a change redraws
// exactly the rectangles it touched, and the grid moving redraws everything.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/edit/commands.h"
#include "core/edit/document.h"
#include "core/io/templates.h"
#include "core/layout/damage.h"
#include "core/layout/layout.h"

using namespace jb;

namespace {

struct DamageProbe {
  Document document;
  Layout layout;
  DrawnItems items;
  uint64_t changeCount = 0;

  explicit DamageProbe(Board board) {
    document.Reset(std::move(board), "");
    Settle();
  }
  void Settle() {
    layout = ComputeLayout(document.board());
    CollectDrawnItems(document.board(), layout, &items);
    changeCount = document.ChangeCount();
  }
  // The damage since the last Settle (false: everything), and settles.
  bool Damage(std::vector<Rect>* out) {
    Touched touched;
    document.TouchedSince(changeCount, &touched);
    const Layout after = ComputeLayout(document.board());
    DrawnItems afterItems;
    CollectDrawnItems(document.board(), after, &afterItems);
    const bool partial = BoardDamage(items, afterItems, touched.everything, touched.ids, 0, out);
    Settle();
    return partial;
  }
  Rect NoteRect(NoteId id) const { return layout.notes[size_t(document.board().NoteIndex(id))].rect; }
};

bool SameRect(const Rect& a, const Rect& b) { return a.x0 == b.x0 && a.y0 == b.y0 && a.x1 == b.x1 && a.y1 == b.y1; }

bool HasRect(const std::vector<Rect>& rects, const Rect& r) {
  return std::any_of(rects.begin(), rects.end(), [&r](const Rect& q) { return SameRect(q, r); });
}

// A free note far from the grid: moving it reflows nothing else.
NoteId AddFreeNote(Document& document, Vec2 at) {
  Note note;
  note.text = "free";
  NoteTarget target;
  target.freePos = at;
  NoteId id;
  document.Apply(AddNote(document.board(), note, target, &id), "add");
  return id;
}

}  // namespace

TEST_CASE("Editing a note's colour redraws that note only") {
  DamageProbe probe(MakeBoard(Template::Sample));
  const Note& note = probe.document.board().notes[3];
  const Rect where = probe.NoteRect(note.id);
  probe.document.Apply(SetNotesColor(probe.document.board(), {note.id}, 0x123456), "colour");
  std::vector<Rect> damage;
  REQUIRE(probe.Damage(&damage));
  REQUIRE(damage.size() == 1);
  CHECK(SameRect(damage[0], where));
}

TEST_CASE("Moving a free note redraws where it was and where it is, nothing else") {
  DamageProbe probe(MakeBoard(Template::Sample));
  const NoteId id = AddFreeNote(probe.document, {-2000, -2000});
  probe.Settle();
  const Rect before = probe.NoteRect(id);
  probe.document.Apply(NudgeNotes(probe.document.board(), {id}, {300, 40}), "move");
  const Rect after = probe.NoteRect(id);
  std::vector<Rect> damage;
  REQUIRE(probe.Damage(&damage));
  // NudgeNotes moved it (probe.layout is the new one now).
  CHECK(SameRect(probe.NoteRect(id), Rect{before.x0 + 300, before.y0 + 40, before.x1 + 300, before.y1 + 40}));
  (void)after;
  CHECK(damage.size() == 2);
  CHECK(HasRect(damage, before));
  CHECK(HasRect(damage, probe.NoteRect(id)));
}

TEST_CASE("A note added to a cell redraws the notes it pushed and the cell's prompt, not other cells") {
  DamageProbe probe(MakeBoard(Template::Sample));
  const Board& board = probe.document.board();
  // The first cell with a note in it.
  const Note& first = board.notes[0];
  REQUIRE(!first.IsFree());
  Note note;
  note.text = "new";
  NoteTarget target;
  target.stage = first.stage;
  target.lane = first.lane;
  target.before = first.id;  // first in the cell: every note of the cell moves down or along
  NoteId added;
  const size_t before = probe.items.items.size();
  probe.document.Apply(AddNote(board, note, target, &added), "add");
  std::vector<Rect> damage;
  const bool partial = probe.Damage(&damage);
  if (!partial) {
    // The cell grew and pushed its lane: the grid moved, so everything is redrawn.
    CHECK(damage.empty());
    return;
  }
  CHECK(HasRect(damage, probe.NoteRect(added)));
  // Every rectangle redrawn is inside the changed cell (its notes) or is the new note.
  const int s = probe.document.board().StageIndex(first.stage), l = probe.document.board().LaneIndex(first.lane);
  const Rect cell = probe.layout.Cell(s, l);
  for (const Rect& r : damage) CHECK((r.x0 >= cell.x0 - 1 && r.x1 <= cell.x1 + 1 && r.y0 >= cell.y0 - 1 && r.y1 <= cell.y1 + 1));
  CHECK(damage.size() < before);
}

TEST_CASE("A new lane moves the grid: everything is redrawn") {
  DamageProbe probe(MakeBoard(Template::Sample));
  probe.document.Apply(AddLane(probe.document.board(), "Channels", LaneKind::Custom), "lane");
  std::vector<Rect> damage;
  CHECK_FALSE(probe.Damage(&damage));
  CHECK(damage.empty());
}

TEST_CASE("Undo and redo touch what their step touched, old counts and Reset touch everything") {
  Document document;
  document.Reset(MakeBoard(Template::Sample), "");
  const uint64_t start = document.ChangeCount();
  const NoteId id = document.board().notes[2].id;
  document.Apply(SetNoteText(document.board(), id, "changed"), "text");
  Touched touched;
  document.TouchedSince(start, &touched);
  CHECK_FALSE(touched.everything);
  CHECK(touched.ids == std::vector<uint64_t>{id.value});
  const uint64_t afterEdit = document.ChangeCount();
  document.Undo();
  Touched undo;
  document.TouchedSince(afterEdit, &undo);
  CHECK_FALSE(undo.everything);
  CHECK(undo.ids == std::vector<uint64_t>{id.value});
  Touched none;
  document.TouchedSince(document.ChangeCount(), &none);
  CHECK_FALSE(none.everything);
  CHECK(none.ids.empty());
  // A gesture's update touches both its previous and its new change.
  const NoteId other = document.board().notes[4].id;
  const uint64_t beforeGesture = document.ChangeCount();
  document.BeginGesture("typing");
  document.UpdateGesture([&](const Board& b) { return SetNoteText(b, id, "a"); });
  document.UpdateGesture([&](const Board& b) { return SetNoteText(b, other, "b"); });
  Touched gesture;
  document.TouchedSince(beforeGesture, &gesture);
  CHECK(std::count(gesture.ids.begin(), gesture.ids.end(), id.value) >= 1);
  CHECK(std::count(gesture.ids.begin(), gesture.ids.end(), other.value) >= 1);
  document.CommitGesture();
  // More changes than the log keeps: everything.
  const uint64_t old = document.ChangeCount();
  for (int i = 0; i < 40; ++i) document.Apply(SetNoteText(document.board(), id, "n" + std::to_string(i)), "text");
  Touched tooOld;
  document.TouchedSince(old, &tooOld);
  CHECK(tooOld.everything);
  const uint64_t beforeReset = document.ChangeCount();
  document.Reset(MakeBoard(Template::Blank), "");
  Touched reset;
  document.TouchedSince(beforeReset, &reset);
  CHECK(reset.everything);
  // A structural change: everything.
  const uint64_t beforeRename = document.ChangeCount();
  document.Apply(RenameStage(document.board(), document.board().stages[0].id, "Renamed"), "rename");
  Touched rename;
  document.TouchedSince(beforeRename, &rename);
  CHECK(rename.everything);
}
