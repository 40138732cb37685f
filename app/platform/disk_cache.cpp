#include "app/platform/disk_cache.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <vector>

namespace jb {

std::string CacheFolder() {
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && xdg[0] == '/') return std::string(xdg) + "/journeyboard";
  if (const char* home = std::getenv("HOME"); home && home[0] == '/') return std::string(home) + "/.cache/journeyboard";
  return {};
}

bool CachingOn() {
  const char* useCache = std::getenv("JOURNEYBOARD_FONT_CACHE");
  return !(useCache && std::strcmp(useCache, "0") == 0);
}

std::string CacheFile(const std::string& kind, const std::string& key) {
  const std::string dir = CacheFolder();
  if (dir.empty()) return {};
  char hash[16];
  std::snprintf(hash, sizeof hash, "%08x", unsigned(crc32_z(0, reinterpret_cast<const Bytef*>(key.data()), key.size())));
  return dir + "/" + kind + "-" + hash + ".bin";
}

bool WriteCacheFile(const std::string& path, const std::string& bytes) {
  std::error_code ignored;
  std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ignored);
  const std::string temp = path + ".tmp" + std::to_string(::getpid());
  {
    std::ofstream file(temp, std::ios::binary | std::ios::trunc);
    file.write(bytes.data(), std::streamsize(bytes.size()));
    if (!file.flush()) {
      file.close();
      std::remove(temp.c_str());
      return false;
    }
  }
  if (std::rename(temp.c_str(), path.c_str()) == 0) return true;
  std::remove(temp.c_str());
  return false;
}

void MarkCacheFileUsed(const std::string& path) { ::utimensat(AT_FDCWD, path.c_str(), nullptr, 0); }

void PruneCache(const std::string& kind, const std::string& kept, uintmax_t bytes) {
  namespace fs = std::filesystem;
  constexpr auto kStaleTempAge = std::chrono::minutes(10);
  struct Entry {
    fs::path path;
    fs::file_time_type used;
    uintmax_t bytes;
  };
  const std::string prefix = kind + "-";
  const fs::path keep(kept);
  std::vector<Entry> files;
  std::error_code ec;
  const auto now = fs::file_time_type::clock::now();
  for (fs::directory_iterator it(keep.parent_path(), ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.rfind(prefix, 0) != 0) continue;
    std::error_code statError;
    const fs::file_time_type used = fs::last_write_time(it->path(), statError);
    if (statError) continue;
    if (name.find(".bin.tmp") != std::string::npos) {
      if (now - used > kStaleTempAge) fs::remove(it->path(), statError);
      continue;
    }
    if (name.size() < 4 || name.compare(name.size() - 4, 4, ".bin") != 0) continue;
    const uintmax_t size = fs::file_size(it->path(), statError);
    if (!statError) files.push_back({it->path(), used, size});
  }
  std::sort(files.begin(), files.end(), [](const Entry& a, const Entry& b) { return a.used > b.used; });
  uintmax_t total = 0;  // `kept` among them: it was just written under the kind's name
  for (const Entry& entry : files) total += entry.bytes;
  for (auto it = files.rbegin(); it != files.rend() && total > bytes; ++it) {
    if (it->path == keep) continue;
    std::error_code removeError;
    if (fs::remove(it->path, removeError)) total -= it->bytes;
  }
}

}  // namespace jb
