// The Frame tool: not built yet (issue 16); it takes no press.
#include "app/tools/tool.h"

namespace jb {

std::unique_ptr<CanvasTool> MakeFrameTool() {
  class FrameTool : public CanvasTool {
    bool Press(ToolContext&, const Input&, MouseButton) override { return false; }
  };
  return std::make_unique<FrameTool>();
}

}  // namespace jb
