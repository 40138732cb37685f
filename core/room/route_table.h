// Which network interface carries the default route, read from Linux's /proc/net/route text: the
// room's address is the one phones on the same network can reach.
#pragma once
#include <string>
#include <string_view>

namespace jb {

// The interface of the up default route (destination 0.0.0.0, mask 0) with the lowest metric;
// empty when there is none. `table` is /proc/net/route's whole text (a header line, then one
// tab-separated route a line: Iface Destination Gateway Flags RefCnt Use Metric Mask ...).
std::string DefaultRouteInterface(std::string_view table);

}  // namespace jb
