#include "core/io/snapshot_path.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

namespace jb {

namespace {

std::string Env(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

// XDG_PICTURES_DIR="$HOME/Pictures" from user-dirs.dirs (xdg-user-dirs' format), or "".
std::string PicturesFromUserDirs(const std::string& home) {
  std::string config = Env("XDG_CONFIG_HOME");
  if (config.empty()) config = home + "/.config";
  std::ifstream in(config + "/user-dirs.dirs");
  const std::string key = "XDG_PICTURES_DIR=";
  for (std::string line; std::getline(in, line);) {
    if (line.compare(0, key.size(), key) != 0) continue;
    std::string value = line.substr(key.size());
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
    if (value.compare(0, 5, "$HOME") == 0) value = home + value.substr(5);
    return value.empty() || value[0] != '/' ? "" : value;
  }
  return "";
}

}  // namespace

std::string SnapshotFolder(const std::string& boardPath) {
  if (!boardPath.empty()) {
    std::error_code ec;
    fs::path absolute = fs::absolute(boardPath, ec);
    return ((ec ? fs::path(boardPath) : absolute).parent_path() / "snapshots").string();
  }
  std::string pictures = Env("XDG_PICTURES_DIR");
  const std::string home = Env("HOME");
  if (pictures.empty() && !home.empty()) pictures = PicturesFromUserDirs(home);
  if (pictures.empty() && !home.empty()) pictures = home + "/Pictures";
  return pictures.empty() ? "" : (fs::path(pictures) / "Journeyboard").string();
}

std::string ReserveSnapshotFile(const std::string& folder, const std::string& stem, const std::string& stamp,
                                std::string* error) {
  if (folder.empty()) {
    *error = "There is no folder for snapshots (HOME is not set); save the board first.";
    return "";
  }
  std::error_code ec;
  fs::create_directories(folder, ec);
  if (ec || !fs::is_directory(folder)) {
    *error = "Cannot create the snapshot folder " + folder + ": " + (ec ? ec.message() : "it is not a folder") + ".";
    return "";
  }
  for (int n = 1; n <= 1000; ++n) {
    const std::string path =
        (fs::path(folder) / (stem + "-" + stamp + (n > 1 ? "-" + std::to_string(n) : "") + ".png")).string();
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd >= 0) {
      ::close(fd);
      return path;
    }
    if (errno != EEXIST) {
      *error = "Cannot write a snapshot in " + folder + ": " + std::strerror(errno) + ".";
      return "";
    }
  }
  *error = "Cannot write a snapshot in " + folder + ": a thousand snapshots of this second are already there.";
  return "";
}

}  // namespace jb
