#include "core/diff.h"

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
size_t HeapBytes(const BoardMeta& meta) {
  return HeapBytes(meta.title) + HeapBytes(meta.created) + HeapBytes(meta.modified);
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

template <class T, class IdT>
void ApplyRecords(std::vector<T>& items, const RecordDiff<T, IdT>& diff) {
  for (const Placed<T>* p : ByIndex(diff.removed, true)) {
    const int at = Locate(items, p->index, p->record.id);
    if (at >= 0) EraseAt(items, at);
  }
  for (const Updated<T>& u : diff.updated) Replace(items, u.after);
  for (const Placed<T>* p : ByIndex(diff.added, false)) InsertClamped(items, p->index, p->record);
  for (const Moved<IdT>& m : diff.moved) MoveRecord(items, m.id, m.from, m.to);
}

template <class T, class IdT>
void RevertRecords(std::vector<T>& items, const RecordDiff<T, IdT>& diff) {
  for (auto m = diff.moved.rbegin(); m != diff.moved.rend(); ++m) MoveRecord(items, m->id, m->to, m->from);
  for (const Placed<T>* p : ByIndex(diff.added, true)) {
    const int at = Locate(items, p->index, p->record.id);
    if (at >= 0) EraseAt(items, at);
  }
  for (auto u = diff.updated.rbegin(); u != diff.updated.rend(); ++u) Replace(items, u->before);
  for (const Placed<T>* p : ByIndex(diff.removed, false)) InsertClamped(items, p->index, p->record);
}

}  // namespace

bool BoardDiff::Empty() const {
  return stages.Empty() && lanes.Empty() && notes.Empty() && curves.Empty() && personas.Empty() && !meta &&
         nextIdBefore == nextIdAfter;
}

size_t BoardDiff::ApproxBytes() const {
  size_t bytes = sizeof(BoardDiff) + RecordBytes(stages) + RecordBytes(lanes) + RecordBytes(notes) +
                 RecordBytes(curves) + RecordBytes(personas);
  if (meta) bytes += HeapBytes(meta->before) + HeapBytes(meta->after);
  return bytes;
}

// Record types are independent vectors, so their order only has to be fixed, and reversed by
// RevertDiff.
void ApplyDiff(Board& board, const BoardDiff& diff) {
  ApplyRecords(board.stages, diff.stages);
  ApplyRecords(board.lanes, diff.lanes);
  ApplyRecords(board.notes, diff.notes);
  ApplyRecords(board.curves, diff.curves);
  ApplyRecords(board.personas, diff.personas);
  if (diff.meta) board.meta = diff.meta->after;
  // Equal numbers mean "allocates no ids": hand-made diffs may leave both at 0.
  if (diff.nextIdBefore != diff.nextIdAfter) board.nextId = diff.nextIdAfter;
}

void RevertDiff(Board& board, const BoardDiff& diff) {
  if (diff.nextIdBefore != diff.nextIdAfter) board.nextId = diff.nextIdBefore;
  if (diff.meta) board.meta = diff.meta->before;
  RevertRecords(board.personas, diff.personas);
  RevertRecords(board.curves, diff.curves);
  RevertRecords(board.notes, diff.notes);
  RevertRecords(board.lanes, diff.lanes);
  RevertRecords(board.stages, diff.stages);
}

}  // namespace jb
