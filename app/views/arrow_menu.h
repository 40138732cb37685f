// The arrow menu (right-click on an arrow): straight or curved, which ends have heads, a short
// label, delete. Each choice is one undo step through SetArrowStyle or DeleteArrows.
#pragma once
#include <string>

#include "core/edit/document.h"

namespace jb {

class ArrowMenu {
 public:
  // Opens the menu on the arrow at `index` in Board::arrows (kept by id: the board may change while
  // the menu is open).
  void Open(const Board& board, int index);
  // Every frame, where the canvas shows its context menus.
  void Show(Document& document);

 private:
  ArrowId m_arrow;
  std::string m_label;    // the label field's text
  bool m_labelTooLong = false;
};

// Longest arrow label, in characters: it is drawn on one line at the middle of the arrow.
inline constexpr size_t kMaxArrowLabelChars = 60;

}  // namespace jb
