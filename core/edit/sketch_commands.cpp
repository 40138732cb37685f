#include "core/edit/sketch_commands.h"
#include "core/edit/edit_helpers.h"

#include <algorithm>
#include <cmath>
#include <unordered_set>
#include <utility>

#include "core/edit/commands.h"
#include "core/model/sanitize.h"

namespace jb {

namespace {

using edit_helpers::IsFinite;


template <class T, class IdT>
const T* Find(const std::vector<T>& items, IdT id) {
  for (const T& item : items)
    if (item.id == id) return &item;
  return nullptr;
}

// Removes the records with these ids (unknown ids and repeats are skipped), in board order.
template <class T, class IdT>
void RemoveByIds(const std::vector<T>& items, const std::vector<IdT>& ids, RecordDiff<T, IdT>& diff) {
  if (ids.empty()) return;
  const std::unordered_set<IdT> wanted(ids.begin(), ids.end());
  for (size_t i = 0; i < items.size(); ++i)
    if (wanted.count(items[i].id)) diff.removed.push_back({items[i], int(i)});
}

template <class T, class IdT, class Change>
void UpdateByIds(const std::vector<T>& items, const std::vector<IdT>& ids, RecordDiff<T, IdT>& diff, Change change) {
  if (ids.empty()) return;
  const std::unordered_set<IdT> wanted(ids.begin(), ids.end());
  for (const T& item : items) {
    if (!wanted.count(item.id)) continue;
    T after = item;
    change(after);
    if (!(after == item)) diff.updated.push_back({item, std::move(after)});
  }
}

Vec2 Plus(Vec2 a, Vec2 b) { return {a.x + b.x, a.y + b.y}; }

bool Inside(const Rect& r, Vec2 p) { return p.x >= r.x0 && p.x <= r.x1 && p.y >= r.y0 && p.y <= r.y1; }

}  // namespace

// [SECTION] Strokes

BoardDiff AddStroke(const Board& board, Stroke stroke, StrokeId* id) {
  if (id) *id = StrokeId();
  if (stroke.points.empty() || stroke.points.size() > kMaxStrokePoints) return NewDiff(board);
  if (!std::all_of(stroke.points.begin(), stroke.points.end(), IsFinite)) return NewDiff(board);
  if (stroke.stage && stroke.lane) {
    if (!board.FindStage(stroke.stage) || !board.FindLane(stroke.lane)) return NewDiff(board);
  } else {
    stroke.stage = StageId();
    stroke.lane = LaneId();
  }
  SanitizeCounts ignored;
  ClampStrokeValues(stroke, &ignored);
  BoardDiff diff = NewDiff(board, 1);
  stroke.id = StrokeId(board.nextId);
  diff.strokes.added.push_back({std::move(stroke), int(board.strokes.size())});
  if (id) *id = StrokeId(board.nextId);
  return diff;
}

BoardDiff EraseStrokes(const Board& board, const std::vector<StrokeId>& ids) {
  BoardDiff diff = NewDiff(board);
  RemoveByIds(board.strokes, ids, diff.strokes);
  return diff;
}

// [SECTION] Arrows

BoardDiff AddArrow(const Board& board, Arrow arrow, ArrowId* id) {
  if (id) *id = ArrowId();
  for (const ArrowEnd* end : {&arrow.from, &arrow.to}) {
    if (end->note && !board.FindNote(end->note)) return NewDiff(board);
    if (!IsFinite(end->pos)) return NewDiff(board);
  }
  if (arrow.from.note && arrow.from.note == arrow.to.note) return NewDiff(board);
  SanitizeCounts ignored;
  ClampArrowValues(arrow, &ignored);
  BoardDiff diff = NewDiff(board, 1);
  arrow.id = ArrowId(board.nextId);
  diff.arrows.added.push_back({std::move(arrow), int(board.arrows.size())});
  if (id) *id = ArrowId(board.nextId);
  return diff;
}

BoardDiff DeleteArrows(const Board& board, const std::vector<ArrowId>& ids) {
  BoardDiff diff = NewDiff(board);
  RemoveByIds(board.arrows, ids, diff.arrows);
  return diff;
}

BoardDiff SetArrowStyle(const Board& board, ArrowId id, bool curved, ArrowHeads heads, std::string label) {
  BoardDiff diff = NewDiff(board);
  if (int(heads) < 0 || int(heads) > int(ArrowHeads::Both)) return diff;
  SanitizeCounts ignored;
  RepairText(label, &ignored);
  UpdateByIds(board.arrows, std::vector<ArrowId>{id}, diff.arrows, [&](Arrow& a) {
    a.curved = curved;
    a.heads = heads;
    a.label = label;
  });
  return diff;
}

// [SECTION] Frames and labels

BoardDiff AddFrame(const Board& board, Frame frame, FrameId* id) {
  if (id) *id = FrameId();
  const Rect& r = frame.rect;
  if (!IsFinite({r.x0, r.y0}) || !IsFinite({r.x1, r.y1})) return NewDiff(board);
  SanitizeCounts ignored;
  ClampFrameValues(frame, &ignored);
  BoardDiff diff = NewDiff(board, 1);
  frame.id = FrameId(board.nextId);
  diff.frames.added.push_back({std::move(frame), int(board.frames.size())});
  if (id) *id = FrameId(board.nextId);
  return diff;
}

BoardDiff AddLabel(const Board& board, TextLabel label, LabelId* id) {
  if (id) *id = LabelId();
  if (!IsFinite(label.pos)) return NewDiff(board);
  SanitizeCounts ignored;
  ClampLabelValues(label, &ignored);
  BoardDiff diff = NewDiff(board, 1);
  label.id = LabelId(board.nextId);
  diff.labels.added.push_back({std::move(label), int(board.labels.size())});
  if (id) *id = LabelId(board.nextId);
  return diff;
}

BoardDiff EditLabel(const Board& board, LabelId id, std::string text) {
  BoardDiff diff = NewDiff(board);
  SanitizeCounts ignored;
  RepairText(text, &ignored);
  UpdateByIds(board.labels, std::vector<LabelId>{id}, diff.labels, [&](TextLabel& l) { l.text = text; });
  return diff;
}

BoardDiff RenameFrame(const Board& board, FrameId id, std::string title) {
  BoardDiff diff = NewDiff(board);
  SanitizeCounts ignored;
  RepairText(title, &ignored);
  const Frame* frame = Find(board.frames, id);
  if (!frame || frame->title == title) return diff;
  UpdateByIds(board.frames, std::vector<FrameId>{id}, diff.frames, [&](Frame& f) { f.title = title; });
  return diff;
}

// [SECTION] Any sketch records

BoardDiff MoveSketch(const Board& board, const SketchSelection& picked, Vec2 delta) {
  BoardDiff diff = NewDiff(board);
  if (!IsFinite(delta) || (delta.x == 0 && delta.y == 0)) return diff;
  std::unordered_set<StrokeId> strokes(picked.strokes.begin(), picked.strokes.end());
  std::unordered_set<LabelId> labels(picked.labels.begin(), picked.labels.end());
  std::unordered_set<NoteId> notes;
  // What a picked frame carries: free records inside it as it is now (before the move).
  for (FrameId frameId : picked.frames) {
    const Frame* frame = Find(board.frames, frameId);
    if (!frame) continue;
    for (const Note& note : board.notes)
      if (note.IsFree() && Inside(frame->rect, note.pos)) notes.insert(note.id);
    for (const Stroke& stroke : board.strokes) {
      auto in = [&frame](Vec2 p) { return Inside(frame->rect, p); };
      if (stroke.IsFree() && std::all_of(stroke.points.begin(), stroke.points.end(), in)) strokes.insert(stroke.id);
    }
    for (const TextLabel& label : board.labels)
      if (Inside(frame->rect, label.pos)) labels.insert(label.id);
  }
  SanitizeCounts ignored;
  UpdateByIds(board.strokes, std::vector<StrokeId>(strokes.begin(), strokes.end()), diff.strokes, [&](Stroke& s) {
    for (Vec2& p : s.points) p = Plus(p, delta);
    ClampStrokeValues(s, &ignored);
  });
  UpdateByIds(board.labels, std::vector<LabelId>(labels.begin(), labels.end()), diff.labels, [&](TextLabel& l) {
    l.pos = Plus(l.pos, delta);
    ClampLabelValues(l, &ignored);
  });
  UpdateByIds(board.arrows, picked.arrows, diff.arrows, [&](Arrow& a) {
    for (ArrowEnd* end : {&a.from, &a.to})
      if (!end->note) end->pos = Plus(end->pos, delta);
    ClampArrowValues(a, &ignored);
  });
  UpdateByIds(board.frames, picked.frames, diff.frames, [&](Frame& f) {
    f.rect = Rect{f.rect.x0 + delta.x, f.rect.y0 + delta.y, f.rect.x1 + delta.x, f.rect.y1 + delta.y};
    ClampFrameValues(f, &ignored);
  });
  UpdateByIds(board.notes, std::vector<NoteId>(notes.begin(), notes.end()), diff.notes, [&](Note& n) {
    n.pos = Plus(n.pos, delta);
    ClampNoteValues(n, &ignored);
  });
  return diff;
}

BoardDiff Recolor(const Board& board, const SketchSelection& picked, Rgb color) {
  BoardDiff diff = NewDiff(board);
  color &= 0xffffff;  // what a file keeps
  UpdateByIds(board.strokes, picked.strokes, diff.strokes, [color](Stroke& s) { s.color = color; });
  UpdateByIds(board.arrows, picked.arrows, diff.arrows, [color](Arrow& a) { a.color = color; });
  UpdateByIds(board.frames, picked.frames, diff.frames, [color](Frame& f) { f.color = color; });
  UpdateByIds(board.labels, picked.labels, diff.labels, [color](TextLabel& l) { l.color = color; });
  return diff;
}

BoardDiff DeleteSketch(const Board& board, const SketchSelection& picked) {
  BoardDiff diff = NewDiff(board);
  RemoveByIds(board.strokes, picked.strokes, diff.strokes);
  RemoveByIds(board.arrows, picked.arrows, diff.arrows);
  RemoveByIds(board.frames, picked.frames, diff.frames);
  RemoveByIds(board.labels, picked.labels, diff.labels);
  return diff;
}

BoardDiff MoveSelection(const Board& board, const SketchSelection& picked, const std::vector<NoteId>& notes, Vec2 delta,
                        const std::vector<Stroke>& landed) {
  BoardDiff diff = MoveSketch(board, picked, delta);
  if (!IsFinite(delta) || (delta.x == 0 && delta.y == 0)) return diff;
  SanitizeCounts ignored;
  const std::unordered_set<StrokeId> pickedStrokes(picked.strokes.begin(), picked.strokes.end());
  for (Updated<Stroke>& update : diff.strokes.updated) {
    if (!pickedStrokes.count(update.before.id)) continue;  // carried by a frame: offset only
    const Stroke* land = Find(landed, update.before.id);
    if (!land || land->points.empty()) continue;
    Stroke& after = update.after;
    after.stage = land->stage;
    after.lane = land->lane;
    if (after.IsFree() || !board.FindStage(after.stage) || !board.FindLane(after.lane)) {
      after.stage = {};
      after.lane = {};
    }
    after.points = land->points;
    ClampStrokeValues(after, &ignored);
  }
  // The selected free notes a frame did not already carry.
  std::unordered_set<NoteId> moved;
  for (const Updated<Note>& update : diff.notes.updated) moved.insert(update.before.id);
  const std::unordered_set<NoteId> wanted(notes.begin(), notes.end());
  for (const Note& note : board.notes) {
    if (!wanted.count(note.id) || moved.count(note.id) || !note.IsFree()) continue;
    Note after = note;
    after.pos = Plus(after.pos, delta);
    ClampNoteValues(after, &ignored);
    if (!(after == note)) diff.notes.updated.push_back({note, std::move(after)});
  }
  return diff;
}

BoardDiff RecolorSelection(const Board& board, const std::vector<NoteId>& notes, const SketchSelection& picked, Rgb color) {
  BoardDiff diff = SetNotesColor(board, notes, color);
  BoardDiff sketch = Recolor(board, picked, color);
  diff.strokes = std::move(sketch.strokes);
  diff.arrows = std::move(sketch.arrows);
  diff.frames = std::move(sketch.frames);
  diff.labels = std::move(sketch.labels);
  return diff;
}

BoardDiff DeleteNotesAndSketch(const Board& board, const std::vector<NoteId>& notes, const SketchSelection& picked) {
  BoardDiff diff = notes.empty() ? NewDiff(board) : DeleteNotes(board, notes);
  const BoardDiff sketch = DeleteSketch(board, picked);
  auto append = [](auto& into, const auto& from) {
    for (const auto& placed : from.removed)
      if (std::none_of(into.removed.begin(), into.removed.end(),
                       [&](const auto& taken) { return taken.record.id == placed.record.id; }))
        into.removed.push_back(placed);
  };
  append(diff.strokes, sketch.strokes);
  append(diff.arrows, sketch.arrows);
  append(diff.frames, sketch.frames);
  append(diff.labels, sketch.labels);
  return diff;
}

// [SECTION] Cascades

void AddSketchCascade(const Board& board, BoardDiff& diff) {
  std::unordered_set<NoteId> notes;
  for (const auto& placed : diff.notes.removed) notes.insert(placed.record.id);
  std::unordered_set<StageId> stages;
  for (const auto& placed : diff.stages.removed) stages.insert(placed.record.id);
  std::unordered_set<LaneId> lanes;
  for (const auto& placed : diff.lanes.removed) lanes.insert(placed.record.id);
  std::unordered_set<ArrowId> arrowsGone;
  for (const auto& placed : diff.arrows.removed) arrowsGone.insert(placed.record.id);
  std::unordered_set<StrokeId> strokesGone;
  for (const auto& placed : diff.strokes.removed) strokesGone.insert(placed.record.id);
  if (!notes.empty()) {
    for (size_t i = 0; i < board.arrows.size(); ++i) {
      const Arrow& arrow = board.arrows[i];
      if (arrowsGone.count(arrow.id)) continue;
      if ((arrow.from.note && notes.count(arrow.from.note)) || (arrow.to.note && notes.count(arrow.to.note)))
        diff.arrows.removed.push_back({arrow, int(i)});
    }
  }
  if (!stages.empty() || !lanes.empty()) {
    for (size_t i = 0; i < board.strokes.size(); ++i) {
      const Stroke& stroke = board.strokes[i];
      if (stroke.IsFree() || strokesGone.count(stroke.id)) continue;
      if (stages.count(stroke.stage) || lanes.count(stroke.lane)) diff.strokes.removed.push_back({stroke, int(i)});
    }
  }
}

}  // namespace jb
