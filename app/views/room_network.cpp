// The Invite panel's choice of network (RoomPanel::ShowNetworkChoice): the one with the default
// route (what phones on the venue's Wi-Fi reach), any other interface of this computer, or this
// computer only (a rehearsal, or a room that must stay closed to the network).
#include <imgui.h>

#include "app/platform/i18n.h"
#include "app/platform/network_addresses.h"
#include "app/views/layout_dump.h"
#include "app/views/room_panel.h"

namespace jb {

void RoomPanel::ShowNetworkChoice() {
  const bool open = ImGui::TreeNode(_("Network"));
  RecordWidget("invite.network");
  if (!open) return;
  auto choice = [this](const std::string& value, const std::string& label, const std::string& widget) {
    if (ImGui::RadioButton(label.c_str(), network == value) && network != value && chooseNetwork) chooseNetwork(value);
    RecordWidget(widget.c_str());
  };
  choice("", _("The network with the default route"), "invite.network.default");
  // Listed when the panel is open only: a few system calls a frame, no more than the panel's text.
  for (const NetworkAddress& entry : ListNetworkAddresses())
    choice(entry.address, entry.interface + "  " + entry.address, "invite.network." + entry.address);
  choice("loopback", _("This computer only (127.0.0.1)"), "invite.network.loopback");
  ImGui::TreePop();
}

}  // namespace jb
