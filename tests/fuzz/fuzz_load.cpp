// libFuzzer target for the loader: parse, migrate, restore, repair, lay out, save, reload.
// Built by scripts/fuzz.sh (clang, -DJB_FUZZ=ON); inputs that fail go to tests/fuzz/regressions/.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "check_load.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  const std::string problem = jb::fuzz::CheckLoad(bytes);
  if (!problem.empty()) {
    std::fprintf(stderr, "fuzz_load: %s\n", problem.c_str());
    std::abort();  // libFuzzer saves the input as a crash
  }
  return 0;
}
