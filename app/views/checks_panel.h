// Journey ▸ Map checks: the side panel that answers "what did the workshop leave unfinished" —
// the top pains (votes × severity) and the map's checks (core/insights/insights.h), grouped by kind
// with counts. A click on an entry selects its note and glides the camera to it. Live: recomputed
// only when the board changes (Document::ChangeCount) or the day does, so an idle frame costs
// nothing.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/edit/document.h"
#include "core/insights/insights.h"

namespace jb {

class Canvas;

// How many of the ranked pains the panel lists.
inline constexpr size_t kTopPainsShown = 10;

class ChecksPanel {
 public:
  void Show(Document& document, Canvas& canvas, bool* open);
  // Brings the results up to date with the board and today (a no-op when neither changed).
  void Refresh(const Document& document);
  const std::vector<RankedPain>& topPains() const { return m_topPains; }
  const std::vector<CheckEntry>& entries() const { return m_entries; }

 private:
  void GoTo(Document& document, Canvas& canvas, NoteId note, StageId stage);

  std::vector<RankedPain> m_topPains;  // at most kTopPainsShown
  std::vector<CheckEntry> m_entries;
  uint64_t m_change = UINT64_MAX;  // the ChangeCount they were computed at
  std::string m_today;             // and the day
  int m_todayFrame = -1;           // the frame the day was last read (read again every 600)
};

}  // namespace jb
