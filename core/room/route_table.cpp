#include "core/room/route_table.h"

#include <charconv>
#include <limits>
#include <sstream>
#include <vector>

namespace jb {

namespace {
constexpr unsigned kRouteUp = 0x1;  // RTF_UP

bool Hex(const std::string& text, unsigned long* out) {
  const auto [at, error] = std::from_chars(text.data(), text.data() + text.size(), *out, 16);
  return error == std::errc() && at == text.data() + text.size();
}
}  // namespace

std::string DefaultRouteInterface(std::string_view table) {
  std::istringstream lines{std::string(table)};
  std::string line;
  std::getline(lines, line);  // the header
  std::string best;
  long bestMetric = std::numeric_limits<long>::max();
  while (std::getline(lines, line)) {
    std::istringstream fields(line);
    std::vector<std::string> field;
    for (std::string f; fields >> f;) field.push_back(f);
    if (field.size() < 8) continue;
    unsigned long destination = 1, flags = 0, mask = 1;
    if (!Hex(field[1], &destination) || !Hex(field[3], &flags) || !Hex(field[7], &mask)) continue;
    long metric = 0;
    const auto [at, error] = std::from_chars(field[6].data(), field[6].data() + field[6].size(), metric);
    if (error != std::errc() || at != field[6].data() + field[6].size()) continue;
    if (destination != 0 || mask != 0 || !(flags & kRouteUp)) continue;
    if (metric < bestMetric) {
      best = field[0];
      bestMetric = metric;
    }
  }
  return best;
}

}  // namespace jb
