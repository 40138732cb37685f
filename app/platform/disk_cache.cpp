#include "app/platform/disk_cache.h"

#include <unistd.h>
#include <zlib.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>

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

}  // namespace jb
