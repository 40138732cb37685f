#include "core/layout/damage.h"

#include <algorithm>

#include "core/layout/ink.h"
#include "core/layout/lane_prompts.h"

namespace jb {

namespace {

// Prompts are keyed by their cell, above every record id (ids count up from 1 in one board).
uint64_t PromptKey(int stage, int lane) { return (uint64_t(1) << 63) | (uint64_t(uint32_t(stage)) << 32) | uint32_t(lane); }

void AddRect(std::vector<float>* out, const Rect& r) { out->insert(out->end(), {r.x0, r.y0, r.x1, r.y1}); }

}  // namespace

void CollectDrawnItems(const Board& board, const Layout& layout, DrawnItems* out) {
  out->items.clear();
  out->grid.clear();
  out->grid.insert(out->grid.end(), layout.stageX.begin(), layout.stageX.end());
  out->grid.push_back(-1);  // separators: one stage fewer and one lane more never read the same
  out->grid.insert(out->grid.end(), layout.laneY.begin(), layout.laneY.end());
  out->grid.push_back(-1);
  AddRect(&out->grid, layout.grid);
  AddRect(&out->grid, layout.funnel.rect);
  for (const Rect& card : layout.personas) AddRect(&out->grid, card);

  for (const NoteBox& box : layout.notes)
    if (!box.hidden) out->items.push_back({box.id.value, box.rect});
  for (size_t i = 0; i < board.strokes.size(); ++i)
    if (const StrokeGeometry* stroke = StrokeOf(layout, board, i); stroke && stroke->shown)
      out->items.push_back({board.strokes[i].id.value, stroke->bounds});
  for (size_t i = 0; i < board.arrows.size(); ++i) {
    const ArrowGeometry* arrow = ArrowOf(layout, board, i);
    if (!arrow || !arrow->shown) continue;
    Rect r = arrow->bounds;
    if (!board.arrows[i].label.empty()) {  // the label's plate is centred on the path: a generous box
      const float half = 10.0f * float(board.arrows[i].label.size()) + 12;
      r = {std::min(r.x0, arrow->labelAnchor.x - half), std::min(r.y0, arrow->labelAnchor.y - 14),
           std::max(r.x1, arrow->labelAnchor.x + half), std::max(r.y1, arrow->labelAnchor.y + 14)};
    }
    out->items.push_back({board.arrows[i].id.value, r});
  }
  for (const Frame& frame : board.frames) out->items.push_back({frame.id.value, frame.rect});
  for (const CellPrompt& prompt : CellPrompts(board, layout))
    out->items.push_back({PromptKey(prompt.stage, prompt.lane), layout.Cell(prompt.stage, prompt.lane)});
  std::sort(out->items.begin(), out->items.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
}

bool BoardDamage(const DrawnItems& before, const DrawnItems& after, bool everything,
                 const std::vector<uint64_t>& touchedIds, float margin, std::vector<Rect>* out) {
  out->clear();
  if (everything || before.grid != after.grid) return false;
  std::vector<uint64_t> touched = touchedIds;
  std::sort(touched.begin(), touched.end());
  auto isTouched = [&touched](uint64_t id) { return std::binary_search(touched.begin(), touched.end(), id); };
  // One walk over both sorted lists.
  size_t a = 0, b = 0;
  while (a < before.items.size() || b < after.items.size()) {
    if (b == after.items.size() || (a < before.items.size() && before.items[a].first < after.items[b].first)) {
      out->push_back(before.items[a++].second.Grown(margin));  // gone
    } else if (a == before.items.size() || after.items[b].first < before.items[a].first) {
      out->push_back(after.items[b++].second.Grown(margin));  // new
    } else {
      const Rect& was = before.items[a++].second;
      const Rect& now = after.items[b++].second;
      const bool moved = was.x0 != now.x0 || was.y0 != now.y0 || was.x1 != now.x1 || was.y1 != now.y1;
      if (moved || isTouched(after.items[b - 1].first)) {
        out->push_back(was.Grown(margin));
        if (moved) out->push_back(now.Grown(margin));
      }
    }
  }
  return true;
}

}  // namespace jb
