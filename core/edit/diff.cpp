#include "core/edit/diff.h"

#include <algorithm>

namespace jb {

namespace {

// [SECTION] Sizes
// Heap bytes a record owns beyond its sizeof: rough, only for the history's memory cap.
size_t HeapBytes(const std::string& text) {
  return text.capacity();
}
size_t HeapBytes(const Stage& stage) {
  return HeapBytes(stage.name);
}
size_t HeapBytes(const Lane& lane) {
  return HeapBytes(lane.name);
}
size_t HeapBytes(const Note& note) {
  size_t bytes =
      HeapBytes(note.text) + HeapBytes(note.owner) + HeapBytes(note.due) + HeapBytes(note.channel) +
      note.tags.capacity() * sizeof(std::string);
  for (const std::string& tag : note.tags) bytes += HeapBytes(tag);
  return bytes;
}
size_t HeapBytes(const EmotionCurve& curve) {
  size_t bytes = HeapBytes(curve.name) + curve.points.capacity() * sizeof(CurvePoint);
  for (const CurvePoint& point : curve.points) bytes += HeapBytes(point.label);
  return bytes;
}
size_t HeapBytes(const Persona& p) {
  return HeapBytes(p.name) + HeapBytes(p.description) + HeapBytes(p.goals) + HeapBytes(p.needs) + HeapBytes(p.pains) +
         HeapBytes(p.objections) + HeapBytes(p.channels) + HeapBytes(p.quote);
}
size_t HeapBytes(const Stroke& stroke) {
  return stroke.points.capacity() * sizeof(Vec2);
}
size_t HeapBytes(const Arrow& arrow) {
  return HeapBytes(arrow.label);
}
size_t HeapBytes(const Frame& frame) {
  return HeapBytes(frame.title);
}
size_t HeapBytes(const TextLabel& label) {
  return HeapBytes(label.text);
}
size_t HeapBytes(const BoardMeta& meta) {
  return HeapBytes(meta.title) + HeapBytes(meta.created) + HeapBytes(meta.modified) + HeapBytes(meta.language);
}

template <class T, class IdT>
size_t RecordBytes(const RecordDiff<T, IdT>& diff) {
  size_t bytes = diff.removed.capacity() * sizeof(Placed<T>) + diff.updated.capacity() * sizeof(Updated<T>) +
                 diff.added.capacity() * sizeof(Placed<T>) + diff.moved.capacity() * sizeof(Moved<IdT>);
  for (const auto& placed : diff.removed) bytes += HeapBytes(placed.record);
  for (const auto& placed : diff.added) bytes += HeapBytes(placed.record);
  for (const auto& updated : diff.updated) bytes += HeapBytes(updated.before) + HeapBytes(updated.after);
  return bytes;
}

// [SECTION] Apply and revert, per record type
// Indices are trusted when they name the expected record and looked up by id otherwise, so a
// diff still lands sensibly on a board that drifted (and never indexes out of range).

template <class T, class IdT>
int Locate(const std::vector<T>& items, int index, IdT id) {
  if (index >= 0 && index < int(items.size()) && items[size_t(index)].id == id) return index;
  for (size_t i = 0; i < items.size(); ++i)
    if (items[i].id == id) return int(i);
  return -1;
}

template <class T>
void InsertClamped(std::vector<T>& items, int index, T record) {
  const int at = std::clamp(index, 0, int(items.size()));
  items.insert(items.begin() + at, std::move(record));
}

template <class T>
void EraseAt(std::vector<T>& items, int index) {
  items.erase(items.begin() + index);
}

template <class IdT, class T>
void MoveRecord(std::vector<T>& items, IdT id, int from, int to) {
  const int at = Locate(items, from, id);
  if (at < 0) return;
  T record = std::move(items[size_t(at)]);
  EraseAt(items, at);
  InsertClamped(items, to, std::move(record));
}

// Runs moves in order (`reverse`: each from `to` back to `from`). A drag of many notes moves each
// one through the whole vector; records are heavy to shift, so with more than a few moves the
// order is worked out on a vector of positions first and the records are permuted once.
template <class T, class It>
void MoveRecords(std::vector<T>& items, It first, It last, bool reverse) {
  if (std::distance(first, last) < 4) {
    for (It m = first; m != last; ++m) MoveRecord(items, m->id, reverse ? m->to : m->from, reverse ? m->from : m->to);
    return;
  }
  using IdT = decltype(first->id);
  std::vector<size_t> order(items.size());
  std::vector<IdT> ids(items.size());
  for (size_t i = 0; i < items.size(); ++i) {
    order[i] = i;
    ids[i] = items[i].id;
  }
  for (It m = first; m != last; ++m) {
    const int from = reverse ? m->to : m->from, to = reverse ? m->from : m->to;
    int at = from >= 0 && from < int(ids.size()) && ids[size_t(from)] == m->id ? from : -1;
    if (at < 0) {
      auto found = std::find(ids.begin(), ids.end(), m->id);
      if (found == ids.end()) continue;
      at = int(found - ids.begin());
    }
    // Erase at `at`, insert at `to` clamped to the shortened vector: one rotation.
    const int dest = std::clamp(to, 0, int(ids.size()) - 1);
    if (at < dest) {
      std::rotate(order.begin() + at, order.begin() + at + 1, order.begin() + dest + 1);
      std::rotate(ids.begin() + at, ids.begin() + at + 1, ids.begin() + dest + 1);
    } else if (dest < at) {
      std::rotate(order.begin() + dest, order.begin() + at, order.begin() + at + 1);
      std::rotate(ids.begin() + dest, ids.begin() + at, ids.begin() + at + 1);
    }
  }
  std::vector<T> permuted;
  permuted.reserve(items.size());
  for (size_t i : order) permuted.push_back(std::move(items[i]));
  items = std::move(permuted);
}

template <class T>
void Replace(std::vector<T>& items, const T& with) {
  const int at = Locate(items, -1, with.id);
  if (at >= 0) items[size_t(at)] = with;
}

// Pointers to placed records sorted by index: the lists may come in any order.
template <class T>
std::vector<const Placed<T>*> ByIndex(const std::vector<Placed<T>>& placed, bool descending) {
  std::vector<const Placed<T>*> sorted;
  sorted.reserve(placed.size());
  for (const auto& p : placed) sorted.push_back(&p);
  std::stable_sort(sorted.begin(), sorted.end(), [descending](const Placed<T>* a, const Placed<T>* b) {
    return descending ? a->index > b->index : a->index < b->index;
  });
  return sorted;
}

// Erases records listed by descending index. When every index names its record (as diffs made
// on this very board do), in one pass: erasing one by one shifts the whole tail each time, and a
// drag of many notes re-applies hundreds of these per step.
template <class T>
void EraseAll(std::vector<T>& items, const std::vector<const Placed<T>*>& descending) {
  bool direct = descending.size() >= 4;
  for (size_t k = 0; direct && k < descending.size(); ++k) {
    const int at = descending[k]->index;
    direct = at >= 0 && at < int(items.size()) && items[size_t(at)].id == descending[k]->record.id &&
             (k == 0 || at < descending[k - 1]->index);
  }
  if (!direct) {
    for (const Placed<T>* p : descending) {
      const int at = Locate(items, p->index, p->record.id);
      if (at >= 0) EraseAt(items, at);
    }
    return;
  }
  std::vector<bool> gone(items.size(), false);
  for (const Placed<T>* p : descending) gone[size_t(p->index)] = true;
  size_t kept = 0;
  for (size_t i = 0; i < items.size(); ++i)
    if (!gone[i]) {
      if (kept != i) items[kept] = std::move(items[i]);
      ++kept;
    }
  items.erase(items.begin() + kept, items.end());
}

// Inserts records listed by ascending index, each at its index in the growing vector. With
// strictly increasing indices that all land inside it, that is one merge.
template <class T>
void InsertAll(std::vector<T>& items, const std::vector<const Placed<T>*>& ascending) {
  bool direct = ascending.size() >= 4;
  for (size_t k = 0; direct && k < ascending.size(); ++k) {
    const int at = ascending[k]->index;
    direct = at >= 0 && size_t(at) <= items.size() + k && (k == 0 || at > ascending[k - 1]->index);
  }
  if (!direct) {
    for (const Placed<T>* p : ascending) InsertClamped(items, p->index, p->record);
    return;
  }
  std::vector<T> merged;
  merged.reserve(items.size() + ascending.size());
  size_t next = 0, k = 0;
  while (merged.size() < items.size() + ascending.size()) {
    if (k < ascending.size() && ascending[k]->index == int(merged.size())) merged.push_back(ascending[k++]->record);
    else merged.push_back(std::move(items[next++]));
  }
  items = std::move(merged);
}

template <class T, class IdT>
void ApplyRecords(std::vector<T>& items, const RecordDiff<T, IdT>& diff) {
  EraseAll(items, ByIndex(diff.removed, true));
  for (const Updated<T>& u : diff.updated) Replace(items, u.after);
  InsertAll(items, ByIndex(diff.added, false));
  MoveRecords(items, diff.moved.begin(), diff.moved.end(), false);
}

template <class T, class IdT>
void RevertRecords(std::vector<T>& items, const RecordDiff<T, IdT>& diff) {
  MoveRecords(items, diff.moved.rbegin(), diff.moved.rend(), true);
  EraseAll(items, ByIndex(diff.added, true));
  for (auto u = diff.updated.rbegin(); u != diff.updated.rend(); ++u) Replace(items, u->before);
  InsertAll(items, ByIndex(diff.removed, false));
}

}  // namespace

bool BoardDiff::Empty() const {
  return stages.Empty() && lanes.Empty() && notes.Empty() && curves.Empty() && personas.Empty() &&
         strokes.Empty() && arrows.Empty() && frames.Empty() && labels.Empty() && !meta &&
         nextIdBefore == nextIdAfter;
}

size_t BoardDiff::ApproxBytes() const {
  size_t bytes = sizeof(BoardDiff) + RecordBytes(stages) + RecordBytes(lanes) + RecordBytes(notes) +
                 RecordBytes(curves) + RecordBytes(personas) + RecordBytes(strokes) + RecordBytes(arrows) +
                 RecordBytes(frames) + RecordBytes(labels);
  if (meta) bytes += HeapBytes(meta->before) + HeapBytes(meta->after);
  return bytes;
}

namespace {

template <class T, class IdT>
void AddTouchedRecords(const RecordDiff<T, IdT>& records, Touched* out) {
  for (const auto& placed : records.removed) out->ids.push_back(placed.record.id.value);
  for (const auto& updated : records.updated) out->ids.push_back(updated.after.id.value);
  for (const auto& placed : records.added) out->ids.push_back(placed.record.id.value);
  for (const auto& moved : records.moved) out->ids.push_back(moved.id.value);
}

}  // namespace

void AddTouched(const BoardDiff& diff, Touched* out) {
  if (!diff.stages.Empty() || !diff.lanes.Empty() || !diff.curves.Empty() || !diff.personas.Empty() ||
      !diff.labels.Empty() || diff.meta)
    out->everything = true;
  if (out->everything) return;
  AddTouchedRecords(diff.notes, out);
  AddTouchedRecords(diff.strokes, out);
  AddTouchedRecords(diff.arrows, out);
  AddTouchedRecords(diff.frames, out);
}

// Record types are independent vectors, so their order only has to be fixed, and reversed by
// RevertDiff.
void ApplyDiff(Board& board, const BoardDiff& diff) {
  ApplyRecords(board.stages, diff.stages);
  ApplyRecords(board.lanes, diff.lanes);
  ApplyRecords(board.notes, diff.notes);
  ApplyRecords(board.curves, diff.curves);
  ApplyRecords(board.personas, diff.personas);
  ApplyRecords(board.strokes, diff.strokes);
  ApplyRecords(board.arrows, diff.arrows);
  ApplyRecords(board.frames, diff.frames);
  ApplyRecords(board.labels, diff.labels);
  if (diff.meta) board.meta = diff.meta->after;
  // Equal numbers mean "allocates no ids": hand-made diffs may leave both at 0.
  if (diff.nextIdBefore != diff.nextIdAfter) board.nextId = diff.nextIdAfter;
}

void RevertDiff(Board& board, const BoardDiff& diff) {
  if (diff.nextIdBefore != diff.nextIdAfter) board.nextId = diff.nextIdBefore;
  if (diff.meta) board.meta = diff.meta->before;
  RevertRecords(board.labels, diff.labels);
  RevertRecords(board.frames, diff.frames);
  RevertRecords(board.arrows, diff.arrows);
  RevertRecords(board.strokes, diff.strokes);
  RevertRecords(board.personas, diff.personas);
  RevertRecords(board.curves, diff.curves);
  RevertRecords(board.notes, diff.notes);
  RevertRecords(board.lanes, diff.lanes);
  RevertRecords(board.stages, diff.stages);
}

}  // namespace jb
