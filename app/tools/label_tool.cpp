// The Label tool: not built yet (issue 16); it takes no press.
#include "app/tools/tool.h"

namespace jb {

std::unique_ptr<CanvasTool> MakeLabelTool() {
  class LabelTool : public CanvasTool {
    bool Press(ToolContext&, const Input&, MouseButton) override { return false; }
  };
  return std::make_unique<LabelTool>();
}

}  // namespace jb
