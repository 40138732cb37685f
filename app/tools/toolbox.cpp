// The canvas' tools, in the order a press is offered to them: the first that accepts it owns the
// gesture. A new tool (a pen, an eraser, an arrow) is a file app/tools/<name>_tool.cpp that defines
// its class and `std::unique_ptr<CanvasTool> Make<Name>Tool()`, and one line in this list (where
// it stands decides which presses reach it).
#include "app/tools/tool.h"

#define JB_CANVAS_TOOLS(X)                                                                  \
  X(Pen)          /* P, Shift+P: pen and highlighter strokes (any left press while chosen) */ \
  X(Eraser)       /* E: a drag removes the strokes it touches, one undo step */             \
  X(Arrow)        /* A: a drag from a note or the canvas to a note or the canvas */         \
  X(Frame)        /* Shift+F: a drag draws a titled frame */                                \
  X(Label)        /* T: a tap places a text label; double-click outside the grid too */     \
  X(Note)         /* the Add note tool (N): a tap on a cell or empty canvas adds a note */  \
  X(TextEntry)    /* double-click: edit or add a note, rename a header, label a point */    \
  X(EmotionPoint) /* add, drag and select emotion points */                                 \
  X(Vote)         /* V mode: a click on a note votes, Shift + click takes a vote back */    \
  X(Header)       /* stage and lane headers: drag, resize by the border, collapse, "+" */   \
  X(FrameMove)    /* a frame's title strip or border: select; drag with its contents */     \
  X(SketchDrag)   /* click, Shift click and drag strokes, arrows, frames and labels */      \
  X(NoteDrag)     /* click and Shift/Ctrl click select; drag, reorder and free notes */     \
  X(Select)       /* Shift + drag or the Select tool: a selection rectangle */              \
  X(Pan)          /* what is left: left drag on empty canvas, middle or right drag; menus */

namespace jb {

#define JB_DECLARE_TOOL(name) std::unique_ptr<CanvasTool> Make##name##Tool();
JB_CANVAS_TOOLS(JB_DECLARE_TOOL)
#undef JB_DECLARE_TOOL

std::vector<std::unique_ptr<CanvasTool>> MakeTools() {
  std::vector<std::unique_ptr<CanvasTool>> tools;
#define JB_MAKE_TOOL(name) tools.push_back(Make##name##Tool());
  JB_CANVAS_TOOLS(JB_MAKE_TOOL)
#undef JB_MAKE_TOOL
  return tools;
}

}  // namespace jb
