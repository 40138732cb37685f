// The Arrow tool: not built yet (issue 16); it takes no press.
#include "app/tools/tool.h"

namespace jb {

std::unique_ptr<CanvasTool> MakeArrowTool() {
  class ArrowTool : public CanvasTool {
    bool Press(ToolContext&, const Input&, MouseButton) override { return false; }
  };
  return std::make_unique<ArrowTool>();
}

}  // namespace jb
