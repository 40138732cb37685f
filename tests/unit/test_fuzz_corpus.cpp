// Replays the fuzzer's seed corpus and every input it ever found a bug with: each must give a
// board or an error, and a board must survive repair, layout, save and reload unchanged.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "../fuzz/check_load.h"
#include "test_support.h"

namespace fs = std::filesystem;

namespace {

std::vector<fs::path> FilesIn(const fs::path& folder) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(folder, ec))
    if (entry.is_regular_file() && entry.path().filename() != "README.md") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

TEST_CASE("Every fuzz corpus and regression input loads to a board or an error") {
  size_t boards = 0, total = 0;
  for (const char* folder : {"corpus", "regressions"}) {
    for (const fs::path& file : FilesIn(fs::path(JB_FUZZ_DIR) / folder)) {
      CAPTURE(file.string());
      bool loaded = false;
      CHECK(jb::fuzz::CheckLoad(jb::test::ReadFile(file.string()), &loaded) == "");
      boards += loaded;
      ++total;
    }
  }
  CHECK(total >= 10);  // the seed corpus is there
  CHECK(boards >= 4);  // and its real boards load
}
