#include "core/layout/layout.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <cstdio>
#include <unordered_set>

#include "core/layout/curve.h"
#include "core/layout/ink.h"
#include "core/layout/text_wrap.h"

namespace jb {

namespace {

constexpr int kCurveSamplesPerSegment = 24;

// Flow the notes of one cell inside `innerWidth`; returns the height they need and writes
// positions relative to the cell's inner top-left.
float FlowCell(const std::vector<Vec2>& sizes, float innerWidth, float gap, std::vector<Vec2>* offsets) {
  offsets->clear();
  float x = 0, y = 0, rowHeight = 0;
  for (Vec2 size : sizes) {
    if (x > 0 && x + size.x > innerWidth + 0.01f) {  // a hair of slack: Room view's columns fill it exactly
      x = 0;
      y += rowHeight + gap;
      rowHeight = 0;
    }
    offsets->push_back({x, y});
    x += size.x + gap;
    rowHeight = std::max(rowHeight, size.y);
  }
  return sizes.empty() ? 0.0f : y + rowHeight;
}

Rect Union(const Rect& a, const Rect& b) {
  return {std::min(a.x0, b.x0), std::min(a.y0, b.y0), std::max(a.x1, b.x1), std::max(a.y1, b.y1)};
}

}  // namespace

Vec2 NoteSizeUnits(NoteSize size) {
  switch (size) {
    case NoteSize::Small: return {124, 80};
    case NoteSize::Large: return {220, 140};
    case NoteSize::Medium: break;
  }
  return {158, 100};
}

NoteFooter MakeNoteFooter(const Note& note) {
  NoteFooter footer;
  auto add = [](std::string& line, const std::string& part) {
    if (!part.empty()) line += (line.empty() ? "" : " · ") + part;
  };
  auto number = [](const char* format, float value) {
    char text[32];
    std::snprintf(text, sizeof text, format, double(value));
    return std::string(text);
  };
  add(footer.touchpoint, note.channel);
  if (note.metrics.conversion) add(footer.touchpoint, number("conv %.3g%%", *note.metrics.conversion));
  if (note.metrics.csi) add(footer.touchpoint, number("CSI %.3g", *note.metrics.csi));
  if (note.metrics.nps) add(footer.touchpoint, number("NPS %+.0f", *note.metrics.nps));
  if (note.metrics.retention) add(footer.touchpoint, number("ret %.3g%%", *note.metrics.retention));
  add(footer.action, note.owner);
  add(footer.action, note.due);
  for (const std::string& tag : note.tags) add(footer.action, "#" + tag);
  return footer;
}

int NoteFooterLines(const Note& note) {
  const bool touchpoint = !note.channel.empty() || note.metrics.conversion || note.metrics.csi || note.metrics.nps ||
                          note.metrics.retention;
  const bool action = !note.owner.empty() || !note.due.empty() || !note.tags.empty();
  return int(touchpoint) + int(action);
}

const NoteFitCache::Entry& NoteFitCache::Fit(const Note& note, const GlyphMetrics& glyphs, const LayoutMetrics& metrics) {
  return FitFrom(note, glyphs, metrics, nullptr, NoteSizeUnits(note.size));
}

const NoteFitCache::Entry& NoteFitCache::FitRoom(const Note& note, const GlyphMetrics& glyphs,
                                                 const LayoutMetrics& metrics, const RoomMetrics& room, Vec2 base) {
  return FitFrom(note, glyphs, metrics, &room, base);
}

const NoteFitCache::Entry& NoteFitCache::FitFrom(const Note& note, const GlyphMetrics& glyphs,
                                                 const LayoutMetrics& metrics, const RoomMetrics* room, Vec2 base) {
  const RoomMetrics roomMetrics = room ? *room : RoomMetrics{};
  const bool sameMetrics = std::memcmp(&metrics, &m_metrics, sizeof metrics) == 0 &&
                           std::memcmp(&roomMetrics, &m_room, sizeof roomMetrics) == 0;
  if (&glyphs != m_glyphs || !sameMetrics) {
    m_entries.clear();
    m_glyphs = &glyphs;
    m_metrics = metrics;
    m_room = roomMetrics;
  }
  Entry& entry = m_entries[note.id.value];
  const int footerLines = NoteFooterLines(note);
  if (entry.wrapped.lines.empty() || entry.text != note.text || entry.size != note.size ||
      entry.footerLines != footerLines || entry.base.x != base.x || entry.base.y != base.y) {
    if (room)
      FitNoteFrom(note, glyphs, metrics, base, room->maxTextSize, room->minTextSize, &entry.noteSize, &entry.textBox,
                  &entry.wrapped);
    else
      FitNote(note, glyphs, metrics, &entry.noteSize, &entry.textBox, &entry.wrapped);
    entry.text = note.text;
    entry.size = note.size;
    entry.footerLines = footerLines;
    entry.base = base;
  }
  return entry;
}

void NoteFitCache::Prune(const Board& board) {
  if (m_entries.size() <= board.notes.size() * 2 + 64) return;
  std::unordered_set<uint64_t> live;
  for (const Note& note : board.notes) live.insert(note.id.value);
  for (auto it = m_entries.begin(); it != m_entries.end();)
    it = live.count(it->first) ? std::next(it) : m_entries.erase(it);
}

void FitNote(const Note& note, const GlyphMetrics& glyphs, const LayoutMetrics& m, Vec2* size, Rect* textBox,
             WrappedText* text) {
  FitNoteFrom(note, glyphs, m, NoteSizeUnits(note.size), m.noteTextSize, m.minNoteTextSize, size, textBox, text);
}

void FitNoteFrom(const Note& note, const GlyphMetrics& glyphs, const LayoutMetrics& m, Vec2 base, float maxText,
                 float minText, Vec2* size, Rect* textBox, WrappedText* text) {
  *size = base;
  const int footerLines = NoteFooterLines(note);
  const float footer = footerLines * m.noteFooter + (footerLines ? 2 : 0);
  const float width = size->x - 2 * m.notePadding;
  const float height = size->y - 2 * m.notePadding - footer;
  *text = FitText(glyphs, note.text, width, height, maxText, minText);
  if (text->Height() > height) {
    // Grow, but never past kMaxNoteHeight: show the lines that fit (at least one), clip the rest.
    const float room = std::max(height, kMaxNoteHeight - 2 * m.notePadding - footer);
    const size_t fits = std::max<size_t>(1, size_t(room / text->LineHeight()));
    if (fits < text->lines.size()) text->maxLines = fits;
    size->y = float(text->ShownLines()) * text->LineHeight() + 2 * m.notePadding + footer;
  }
  *textBox = {m.notePadding, m.notePadding, size->x - m.notePadding, size->y - m.notePadding - footer};
}

bool CellTakesNotes(const Board& board, int stage, int lane) {
  if (stage < 0 || lane < 0 || stage >= int(board.stages.size()) || lane >= int(board.lanes.size())) return false;
  const Lane& l = board.lanes[size_t(lane)];
  return !l.collapsed && !l.hidden && !board.stages[size_t(stage)].hidden;
}

Rect Layout::StageHeader(int stage) const {
  return {stageX[stage], grid.y0, stageX[stage + 1], laneY.front() - funnel.rect.Height()};
}
Rect Layout::LaneLabel(int lane) const { return {grid.x0, laneY[lane], stageX.front(), laneY[lane + 1]}; }

Rect Layout::LaneChevron(int lane) const {
  const Rect label = LaneLabel(lane);
  const float right = label.x1 - 8 - (lane == emotionsLane ? kEmotionFacesWidth : 0);
  return {right - 26, label.y0 + 8, right, label.y0 + 34};
}

Rect Layout::LaneNameBox(int lane) const {
  const Rect label = LaneLabel(lane);
  return {label.x0 + 22, label.y0 + 12, LaneChevron(lane).x0 - 2, label.y1 - 6};
}

Rect Layout::Cell(int stage, int lane) const {
  return {stageX[stage], laneY[lane], stageX[stage + 1], laneY[lane + 1]};
}

float Layout::EmotionY(float value) const {
  if (emotionsLane < 0) return 0;
  float top = laneY[emotionsLane], bottom = laneY[emotionsLane + 1];
  float margin = std::min(28.0f, (bottom - top) * 0.2f);
  float mid = (top + bottom) * 0.5f, half = (bottom - top) * 0.5f - margin;
  return mid - std::clamp(value, -1.0f, 1.0f) * half;
}

float Layout::EmotionValue(float y) const {
  float top = EmotionY(1), bottom = EmotionY(-1);
  if (bottom <= top) return 0;
  return std::clamp(1 - 2 * (y - top) / (bottom - top), -1.0f, 1.0f);
}

bool Layout::CellAt(Vec2 p, int* stage, int* lane) const {
  if (stageX.size() < 2 || laneY.size() < 2) return false;
  if (p.x < stageX.front() || p.x >= stageX.back() || p.y < laneY.front() || p.y >= laneY.back()) return false;
  *stage = int(std::upper_bound(stageX.begin(), stageX.end(), p.x) - stageX.begin()) - 1;
  *lane = int(std::upper_bound(laneY.begin(), laneY.end(), p.y) - laneY.begin()) - 1;
  return true;
}

namespace {

// Sketches outside the grid (a frame beside it, a remark above it, a free stroke or an arrow's free
// end) belong to the board too: fit and a whole-board export must show them.
void IncludeSketches(const Board& board, const GlyphMetrics* glyphs, Layout* layout) {
  for (const Frame& frame : board.frames) layout->bounds = Union(layout->bounds, frame.rect);
  for (const TextLabel& label : board.labels) {
    float width = 0;
    int lines = 1;
    size_t start = 0;
    for (size_t end; (end = label.text.find('\n', start)) != std::string::npos; start = end + 1, ++lines)
      width = std::max(width, glyphs ? TextWidth(*glyphs, std::string_view(label.text).substr(start, end - start), label.size)
                                     : float(end - start) * label.size * 0.6f);
    const std::string_view last = std::string_view(label.text).substr(start);
    width = std::max(width, glyphs ? TextWidth(*glyphs, last, label.size) : float(last.size()) * label.size * 0.6f);
    layout->bounds = Union(layout->bounds, {label.pos.x, label.pos.y, label.pos.x + width,
                                            label.pos.y + float(lines) * label.size * WrappedText::kLineSpacing});
  }
  if (board.strokes.empty() && board.arrows.empty()) return;
  auto geometry = std::make_shared<SketchGeometry>();
  ComputeSketchGeometry(board, *layout, geometry.get());
  for (size_t i = 0; i < board.strokes.size(); ++i)
    if (board.strokes[i].IsFree() && geometry->strokes[i].shown)
      layout->bounds = Union(layout->bounds, geometry->strokes[i].bounds);
  for (size_t i = 0; i < board.arrows.size(); ++i) {
    const Arrow& arrow = board.arrows[i];
    // Bound at both ends: inside its notes' span already.
    if ((!arrow.from.note || !arrow.to.note) && geometry->arrows[i].shown)
      layout->bounds = Union(layout->bounds, geometry->arrows[i].bounds);
  }
  layout->sketches = std::move(geometry);
}

// The funnel strip's columns, once the stages' edges and the notes' boxes are known.
void PlaceFunnel(const Board& board, const LayoutMetrics& m, float scale, Layout* layout) {
  FunnelStrip& strip = layout->funnel;
  const float pad = m.funnelPadding * scale, dropWidth = m.funnelDropWidth * scale;
  // One scale for every bar: the narrowest shown stage's room (a share of 1 fills it).
  float length = 0;
  bool first = true;
  for (size_t s = 0; s < board.stages.size(); ++s) {
    if (board.stages[s].hidden) continue;
    const float room = board.stages[s].width - 2 * pad - dropWidth;
    length = first ? room : std::min(length, room);
    first = false;
  }
  length = std::max(length, 40.0f * scale);
  const float top = strip.rect.y0;
  int step = 0;
  for (size_t s = 0; s < board.stages.size(); ++s) {
    if (board.stages[s].hidden) continue;
    FunnelColumn column;
    column.stage = int(s);
    column.step = step;
    const FunnelStep& data = strip.funnel.steps[size_t(step)];
    column.column = {layout->stageX[s], top, layout->stageX[s + 1], strip.rect.y1};
    const float x0 = column.column.x0 + pad;
    column.track = {x0, top + 46 * scale, x0 + length, top + 70 * scale};
    const float share = data.share ? std::clamp(float(*data.share), 0.0f, 1.0f) : 0.0f;
    column.bar = {x0, column.track.y0, x0 + length * share, column.track.y1};
    if (data.dropToNext)
      column.drop = {column.track.x1 + 6 * scale, top + 40 * scale, column.column.x1 - 6 * scale, top + 74 * scale};
    column.biggest = strip.funnel.biggestDrop == step;
    for (size_t i = 0; i < board.notes.size(); ++i) {
      const NoteBox& box = layout->notes[i];
      if (box.stage == int(s) && !box.hidden && board.notes[i].metrics.conversion)
        column.conversions.push_back(*board.notes[i].metrics.conversion);
    }
    std::sort(column.conversions.begin(), column.conversions.end());
    strip.columns.push_back(std::move(column));
    ++step;
  }
}

}  // namespace

Layout ComputeLayout(const Board& board, const GlyphMetrics* glyphs, const LayoutMetrics& m, NoteFitCache* cache,
                     const RoomMetrics* room) {
  if (!glyphs) room = nullptr;  // Room view fits text by the glyphs: without them, the normal layout
  Layout layout;
  const int stageCount = int(board.stages.size());
  const int laneCount = int(board.lanes.size());

  layout.stageX.resize(stageCount + 1);
  layout.stageX[0] = m.laneLabelWidth;
  for (int s = 0; s < stageCount; ++s)
    layout.stageX[s + 1] = layout.stageX[s] + (board.stages[s].hidden ? m.hiddenStrip : board.stages[s].width);

  // Group cell notes per cell (in board order) to size the lanes.
  std::vector<std::vector<int>> cellNotes(size_t(stageCount) * laneCount);
  std::vector<Vec2> noteSizes(board.notes.size());
  layout.notes.resize(board.notes.size());
  for (size_t i = 0; i < board.notes.size(); ++i) {
    const Note& note = board.notes[i];
    NoteBox& box = layout.notes[i];
    box.id = note.id;
    int s = note.IsFree() ? -1 : board.StageIndex(note.stage);
    int l = note.IsFree() ? -1 : board.LaneIndex(note.lane);
    if (s >= 0 && l >= 0) {
      box.stage = s;
      box.lane = l;
      cellNotes[size_t(l) * stageCount + s].push_back(int(i));
    }
  }

  // Each note's size (grown to fit its text) and text box relative to its top-left. Room view
  // fits from the width of its cell's columns instead of the note's standard size.
  std::vector<float> roomColumn;
  if (room) {
    roomColumn.resize(cellNotes.size());
    for (int l = 0; l < laneCount; ++l)
      for (int s = 0; s < stageCount; ++s) {
        const size_t cell = size_t(l) * stageCount + s;
        const float inner = board.stages[s].width - 2 * m.cellPadding;
        RoomColumns(inner, int(cellNotes[cell].size()), m.noteGap, *room, &roomColumn[cell]);
      }
  }
  for (size_t i = 0; i < board.notes.size(); ++i) {
    NoteBox& box = layout.notes[i];
    const Note& note = board.notes[i];
    if (room) {
      const float column = box.stage >= 0 ? roomColumn[size_t(box.lane) * stageCount + box.stage] : 0;
      const Vec2 base = RoomNoteSize(note, column, *room);
      if (cache) {
        const NoteFitCache::Entry& fitted = cache->FitRoom(note, *glyphs, m, *room, base);
        noteSizes[i] = fitted.noteSize;
        box.textBox = fitted.textBox;
        box.text = fitted.wrapped;
      } else {
        FitNoteFrom(note, *glyphs, m, base, room->maxTextSize, room->minTextSize, &noteSizes[i], &box.textBox,
                    &box.text);
      }
    } else if (glyphs && cache) {
      const NoteFitCache::Entry& fitted = cache->Fit(note, *glyphs, m);
      noteSizes[i] = fitted.noteSize;
      box.textBox = fitted.textBox;
      box.text = fitted.wrapped;
    } else if (glyphs) {
      FitNote(note, *glyphs, m, &noteSizes[i], &box.textBox, &box.text);
    } else {
      noteSizes[i] = NoteSizeUnits(note.size);
      box.textBox = {m.notePadding, m.notePadding, noteSizes[i].x - m.notePadding, noteSizes[i].y - m.notePadding};
    }
    if (box.stage < 0)
      box.rect = {note.pos.x, note.pos.y, note.pos.x + noteSizes[i].x, note.pos.y + noteSizes[i].y};
  }

  // The funnel strip, when a shown stage is measured, pushes the lanes down by its height.
  layout.funnel.funnel = ComputeFunnel(board, /*skipHidden=*/true);
  const float funnelScale = room ? room->funnelScale : 1.0f;
  const bool funnelShown = std::any_of(layout.funnel.funnel.steps.begin(), layout.funnel.funnel.steps.end(),
                                       [](const FunnelStep& step) { return step.reached.has_value(); });
  if (funnelShown) layout.funnel.rect = {0, m.headerHeight, 0, m.headerHeight + m.funnelHeight * funnelScale};

  // Lane heights: at least the lane's own height, more if a cell's notes need it.
  std::vector<std::vector<Vec2>> offsets(cellNotes.size());
  layout.laneY.resize(laneCount + 1);
  layout.laneY[0] = m.headerHeight + layout.funnel.rect.Height();
  std::vector<Vec2> sizes;
  for (int l = 0; l < laneCount; ++l) {
    const Lane& lane = board.lanes[l];
    float height = lane.hidden ? m.hiddenStrip : lane.collapsed ? m.collapsedLaneHeight : lane.height;
    for (int s = 0; s < stageCount; ++s) {
      size_t cell = size_t(l) * stageCount + s;
      sizes.clear();
      for (int i : cellNotes[cell]) sizes.push_back(noteSizes[i]);
      float inner = std::max(board.stages[s].width - 2 * m.cellPadding, 1.0f);
      float needed = FlowCell(sizes, inner, m.noteGap, &offsets[cell]);
      if (CellTakesNotes(board, s, l) && needed > 0) height = std::max(height, needed + 2 * m.cellPadding);
    }
    layout.laneY[l + 1] = layout.laneY[l] + height;
  }

  for (int l = 0; l < laneCount; ++l) {
    for (int s = 0; s < stageCount; ++s) {
      size_t cell = size_t(l) * stageCount + s;
      for (size_t k = 0; k < cellNotes[cell].size(); ++k) {
        int i = cellNotes[cell][k];
        Vec2 size = noteSizes[i];
        float x = layout.stageX[s] + m.cellPadding + offsets[cell][k].x;
        float y = layout.laneY[l] + m.cellPadding + offsets[cell][k].y;
        layout.notes[i].rect = {x, y, x + size.x, y + size.y};
        layout.notes[i].hidden = !CellTakesNotes(board, s, l);
      }
    }
  }

  for (NoteBox& box : layout.notes)
    box.textBox = {box.rect.x0 + box.textBox.x0, box.rect.y0 + box.textBox.y0, box.rect.x0 + box.textBox.x1,
                   box.rect.y0 + box.textBox.y1};

  // Room view's wider label column grows to the left: the cells keep their board coordinates, so
  // strokes, arrows and free notes beside the grid stay where they are against it.
  const float labelWidth = room ? room->laneLabelWidth : m.laneLabelWidth;
  layout.grid = {m.laneLabelWidth - labelWidth, 0, layout.stageX.back(), layout.laneY.back()};
  layout.bounds = layout.grid;
  if (room) {
    Lettering& h = layout.lettering;
    h.titleSize = room->titleSize;
    h.stageNameSize = room->stageNameSize;
    h.laneNameSize = room->laneNameSize;
    // The name's line ends 8 above the header's bottom; the number, as large as on the normal
    // view's screen, at the top (its line's empty top and bottom overlap the name's).
    h.stageNameTop = std::min(h.stageNameTop, m.headerHeight - 8 - h.stageNameSize * 1.2f);
    h.stageNumberSize = 16;
    h.stageNumberTop = 2;
    // The legend starts as far below the larger name as it does below the normal one.
    h.legendTop += (h.laneNameSize - Lettering{}.laneNameSize) * 1.2f;
    h.legendSize = room->legendSize;
  }
  if (funnelShown) {
    layout.funnel.rect.x0 = layout.grid.x0;
    layout.funnel.rect.x1 = layout.stageX.back();
    PlaceFunnel(board, m, funnelScale, &layout);
  } else {
    layout.funnel.funnel.steps.clear();  // nothing measured: nothing to keep
  }

  // Persona cards stack to the left of the grid, sharing its height (at least a readable card each).
  float personaY = 0;
  const float personaCount = float(board.personas.size());
  // Each filled part of the portrait is a line more on the card (as DrawPersona draws it).
  size_t portraitLines = 0;
  for (const Persona& persona : board.personas) {
    size_t filled = persona.income ? 1 : 0;
    for (const std::string* text : {&persona.age, &persona.gender, &persona.family, &persona.home, &persona.occupation,
                                    &persona.status, &persona.freeTime, &persona.decides, &persona.blockers,
                                    &persona.ifUnsolved, &persona.competitors})
      filled += text->empty() ? 0 : 1;
    if (!persona.income && !persona.currency.empty()) ++filled;
    portraitLines = std::max(portraitLines, filled);
  }
  const float readable = 620.0f + 30.0f * float(portraitLines);  // a card's height at scale 1
  const float share = (layout.grid.Height() - (personaCount - 1) * m.personaGap) / std::max(personaCount, 1.0f);
  const float cardHeight = personaCount > 0 ? std::max(readable, share) : 0.0f;
  // Room view's cards grow as far as their share of the grid's height lets them (one card on the
  // sample: twice; two: a little), so they never make the board taller and its fitted zoom less.
  if (room) layout.lettering.personaScale = std::clamp(share / readable, 1.0f, room->personaScale);
  const float cardScale = layout.lettering.personaScale;
  for (size_t p = 0; p < board.personas.size(); ++p) {
    const float right = layout.grid.x0 - m.personaGap;
    Rect card{right - m.personaWidth * cardScale, personaY, right, personaY + cardHeight};
    layout.personas.push_back(card);
    personaY = card.y1 + m.personaGap;
    layout.bounds = Union(layout.bounds, card);
  }
  for (const NoteBox& box : layout.notes)
    if (box.stage < 0) layout.bounds = Union(layout.bounds, box.rect);

  for (int l = 0; l < laneCount; ++l)
    if (board.lanes[l].kind == LaneKind::Emotions && !board.lanes[l].collapsed && !board.lanes[l].hidden) {
      layout.emotionsLane = l;
      break;
    }

  for (const EmotionCurve& curve : board.curves) {
    CurveGeometry geometry;
    geometry.id = curve.id;
    if (layout.emotionsLane >= 0) {
      for (size_t p = 0; p < curve.points.size(); ++p) {
        const CurvePoint& point = curve.points[p];
        int s = board.StageIndex(point.stage);
        if (s < 0 || board.stages[s].hidden) continue;  // the curve leaves a hidden stage out
        float t = std::clamp(point.t, 0.0f, 1.0f);
        float x = layout.stageX[s] + t * board.stages[s].width;
        geometry.knots.push_back({int(p), {x, layout.EmotionY(point.value)}});
      }
      std::stable_sort(geometry.knots.begin(), geometry.knots.end(),
                       [](const CurvePointPos& a, const CurvePointPos& b) { return a.pos.x < b.pos.x; });
      std::vector<Vec2> knots;
      for (const auto& knot : geometry.knots) knots.push_back(knot.pos);
      geometry.samples = SampleMonotoneCubic(knots, kCurveSamplesPerSegment);
    }
    layout.curves.push_back(std::move(geometry));
  }
  IncludeSketches(board, glyphs, &layout);
  if (cache) cache->Prune(board);
  return layout;
}

}  // namespace jb
