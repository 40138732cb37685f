// Journey ▸ Opportunities. Placeholder of the foundation commit: the matrix and list come next.
#include "app/platform/i18n.h"
#include "app/views/panels.h"
#include "app/views/side_panel.h"

#include <imgui.h>

namespace jb {

namespace {
std::string g_dump;
}  // namespace

const std::string& OpportunitiesPanelDump() { return g_dump; }

void ShowOpportunitiesPanel(Document&, Canvas&, bool* open) {
  g_dump.clear();
  if (BeginSidePanel(_("Opportunities"), open)) ImGui::TextWrapped("%s", _("Opportunities"));
  ImGui::End();
}

}  // namespace jb
