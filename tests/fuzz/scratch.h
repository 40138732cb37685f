// A private scratch folder for the targets whose reader takes a path (the journal, the recovery
// copy): made once per process under $TMPDIR, else in /dev/shm (memory: 20 times faster per
// input than /tmp on this disk), else /tmp; removed at exit.
#pragma once
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace jb::fuzz {

inline const std::string& ScratchDir() {
  static const std::string dir = [] {
    const char* tmp = std::getenv("TMPDIR");
    std::error_code ec;
    const char* base = tmp && tmp[0] ? tmp : std::filesystem::is_directory("/dev/shm", ec) ? "/dev/shm" : "/tmp";
    std::string pattern = std::string(base) + "/jb-fuzz-XXXXXX";
    if (!mkdtemp(pattern.data())) {
      std::perror("jb fuzz: mkdtemp");
      std::abort();
    }
    static std::string removeAtExit = pattern;
    std::atexit([] {
      std::error_code ec;
      std::filesystem::remove_all(removeAtExit, ec);
    });
    return pattern;
  }();
  return dir;
}

// Writes `bytes` to `path` (replacing it); aborts when it cannot, which is the machine, not the input.
inline void WriteScratchFile(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), std::streamsize(bytes.size()));
  if (!out.flush()) {
    std::perror(("jb fuzz: cannot write " + path).c_str());
    std::abort();
  }
}

}  // namespace jb::fuzz
