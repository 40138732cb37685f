// Find (Ctrl+F, Edit ▸ Find...): a search bar at the top of the canvas. What matches
// (core/layout/search.h FindNotes: case- and accent-insensitive, text, tags, owner, channel) has a
// halo on the board; Enter / Shift+Enter (or the arrow buttons) select the next / previous match
// and bring it into view; Escape or × closes and takes the halos away.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/edit/document.h"
#include "core/layout/search.h"

namespace jb {

class Canvas;

// The board rectangle that shows `note` in the middle of a `view` pixels canvas: at the current
// zoom when the note is readable there, else zoomed in to kReadableZoom, never so far that the
// note does not fit. Sized like the view, so Canvas::ShowRect keeps exactly that zoom. (The find
// bar and the panels that list notes bring one into view with it: Canvas::RevealNote.)
Rect RevealRect(const Rect& note, Vec2 view, float zoom);

class FindBar {
 public:
  // Opens the bar, empty, with its field focused (when it is open already: focuses it again).
  void Open() {
    if (!m_open) m_query.clear();
    m_open = true;
    m_focus = true;
  }
  // Once a frame, after the canvas: the bar, the matches, and the halos it asks the canvas to draw.
  void Show(Document& document, Canvas& canvas);

  bool open() const { return m_open; }
  // How far below the top of the window's work area (under the menu bar) the bar reaches while
  // open, at the current UI scale; 0 when closed.
  float Reach() const;
  const std::string& query() const { return m_query; }
  const std::vector<NoteId>& matches() const { return m_matches; }
  // What the bar says of the matches: "3 of 7", "7 matches", "No matches" ("" for no query).
  const std::string& count() const { return m_count; }
  // The match Enter went to last (0: none yet).
  uint64_t current() const { return m_current >= 0 ? m_matches[size_t(m_current)].value : 0; }

 private:
  void Search(const Document& document, Canvas& canvas);
  void Step(Document& document, Canvas& canvas, int step);
  void UpdateCount();
  void Close(Canvas& canvas);

  bool m_open = false;
  bool m_focus = false;  // put the keyboard in the field this frame
  std::string m_query;
  std::string m_searched;  // the query m_matches are for, on the board of m_searchedChange
  uint64_t m_searchedChange = UINT64_MAX;
  NoteFoldCache m_folds;  // so a drag step with the bar open refolds only the dragged notes' texts
  std::vector<NoteId> m_matches;
  int m_current = -1;  // index into m_matches, -1 before the first Enter
  std::string m_count;
};

}  // namespace jb
