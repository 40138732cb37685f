// The IPv4 addresses of this computer's network interfaces, for the Invite panel's choice of the
// network the room opens on (a laptop on the venue's Wi-Fi and a cable to the projector's LAN).
#pragma once
#include <string>
#include <vector>

namespace jb {

struct NetworkAddress {
  std::string interface;  // "wlan0", "eth0"
  std::string address;    // "192.168.1.20"
};

// The interfaces that are up, loopback left out, in the system's order.
std::vector<NetworkAddress> ListNetworkAddresses();

}  // namespace jb
