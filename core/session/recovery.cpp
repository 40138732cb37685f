// cereal's JSON archive first: it makes RapidJSON's assertions throw (see file_io.cpp).
#include "core/io/cereal_json.h"

#include "core/session/recovery.h"

#include <rapidjson/filereadstream.h>
#include <rapidjson/reader.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>

#include <unistd.h>

#include "core/io/durable_file.h"
#include "core/model/clock.h"
#include "core/model/limits.h"

namespace jb {

namespace {

namespace fs = std::filesystem;

constexpr const char* kExtension = ".cjm";

std::string AbsolutePath(const std::string& path) {
  if (path.empty()) return "";
  std::error_code ec;
  fs::path absolute = fs::absolute(path, ec);
  if (ec) absolute = path;
  // Resolving links gives one copy per file, however it was reached.
  const fs::path canonical = fs::weakly_canonical(absolute, ec);
  return (ec ? absolute.lexically_normal() : canonical).string();
}

std::string FileOf(const std::string& boardPath) {
  const std::string dir = RecoveryDir();
  return dir.empty() ? "" : (fs::path(dir) / (RecoveryKey(boardPath) + kExtension)).string();
}

bool ParseIsoTime(const std::string& text, std::time_t* time) {
  std::tm utc{};
  char zone = 0;
  if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%c", &utc.tm_year, &utc.tm_mon, &utc.tm_mday, &utc.tm_hour,
                  &utc.tm_min, &utc.tm_sec, &zone) != 7 ||
      zone != 'Z')
    return false;
  utc.tm_year -= 1900;
  utc.tm_mon -= 1;
  *time = timegm(&utc);
  return *time != std::time_t(-1);
}

// Reads the envelope's strings up to "board" and stops: a copy's origin is known without parsing
// the whole board. Iterative parsing, so no file can overflow the stack.
struct HeaderReader : rapidjson::BaseReaderHandler<rapidjson::UTF8<>, HeaderReader> {
  int depth = 0;
  std::string key;
  std::string format, recoveryOf, savedAt, continues;
  bool hasRecoveryOf = false;

  bool Key(const char* text, rapidjson::SizeType length, bool) {
    key.assign(text, length);
    return !(depth == 1 && key == "board");  // our writer puts the board last
  }
  bool String(const char* text, rapidjson::SizeType length, bool) {
    if (depth != 1) return true;
    const std::string value(text, length);
    if (key == "format") format = value;
    if (key == "savedAt") savedAt = value;
    if (key == "continues") continues = value;
    if (key == "recoveryOf") {
      recoveryOf = value;
      hasRecoveryOf = true;
    }
    return true;
  }
  bool StartObject() { return ++depth > 0; }
  bool EndObject(rapidjson::SizeType) { return --depth >= 0; }
  bool StartArray() { return ++depth > 0; }
  bool EndArray(rapidjson::SizeType) { return --depth >= 0; }
  bool Default() { return true; }
};

std::optional<RecoveryInfo> ReadHeader(const fs::path& file) {
  // The loader's checks: a FIFO or /dev/zero named like a copy must not hang the start.
  const RegularFile opened = OpenRegularFile(file.string(), kMaxFileBytes);
  if (opened.problem != FileProblem::None) return std::nullopt;
  std::FILE* stream = ::fdopen(opened.fd, "rb");
  if (!stream) {
    ::close(opened.fd);
    return std::nullopt;
  }
  char buffer[16384];
  rapidjson::FileReadStream in(stream, buffer, sizeof buffer);
  HeaderReader header;
  rapidjson::Reader reader;
  try {
    reader.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseNanAndInfFlag>(in, header);
  } catch (...) {  // RapidJSON's assertions throw; a broken copy is simply not offered
    std::fclose(stream);
    return std::nullopt;
  }
  std::fclose(stream);
  if (header.format != kFormatName || !header.hasRecoveryOf) return std::nullopt;

  RecoveryInfo info;
  info.path = file.string();
  info.boardPath = header.recoveryOf;
  unsigned long long journal = 0, through = 0;
  char end = 0;
  if (std::sscanf(header.continues.c_str(), "%16llx:%llu%c", &journal, &through, &end) == 2)
    info.continues = std::make_pair(uint64_t(journal), uint64_t(through));
  if (!ParseIsoTime(header.savedAt, &info.savedAt)) {
    std::error_code ec;
    const auto written = fs::last_write_time(file, ec);
    if (ec) return info;
    // file_clock → system_clock without C++20's clock_cast: both tick in real time.
    const auto now = std::chrono::system_clock::now() + std::chrono::duration_cast<std::chrono::system_clock::duration>(
                                                            written - fs::file_time_type::clock::now());
    info.savedAt = std::chrono::system_clock::to_time_t(now);
  }
  return info;
}

}  // namespace

std::string RecoveryDir() {
  // The XDG base directory spec says to ignore a relative path.
  const char* state = std::getenv("XDG_STATE_HOME");
  if (state && state[0] == '/') return (fs::path(state) / "journeyboard" / "recovery").string();
  const char* home = std::getenv("HOME");
  if (home && home[0]) return (fs::path(home) / ".local" / "state" / "journeyboard" / "recovery").string();
  return "";
}

std::string RecoveryKey(const std::string& boardPath) {
  if (boardPath.empty()) return "untitled";
  // FNV-1a: stable across runs, builds and machines, unlike std::hash.
  uint64_t hash = 0xcbf29ce484222325ull;
  for (unsigned char c : AbsolutePath(boardPath)) {
    hash ^= c;
    hash *= 0x100000001b3ull;
  }
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(hash));
  return text;
}

bool WriteRecovery(const Board& board, const std::string& boardPath, std::string* error,
                   std::optional<std::pair<uint64_t, uint64_t>> continues) {
  const std::string name = boardPath.empty() ? "the untitled board" : fs::path(boardPath).filename().string();
  auto fail = [&](const std::string& reason) {
    if (error) *error = "Cannot write the recovery copy of " + name + ": " + reason + ".";
    return false;
  };
  const std::string dir = RecoveryDir();
  if (dir.empty()) return fail("neither XDG_STATE_HOME nor HOME is set");
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return fail("cannot create the folder " + dir + " (" + ec.message() + ")");

  std::string bytes;
  try {
    std::vector<std::pair<std::string, std::string>> envelope = {{"recoveryOf", AbsolutePath(boardPath)},
                                                                  {"savedAt", FormatIso8601(std::time(nullptr))}};
    if (continues) {
      char text[48];
      std::snprintf(text, sizeof text, "%016llx:%llu", static_cast<unsigned long long>(continues->first),
                    static_cast<unsigned long long>(continues->second));
      envelope.emplace_back("continues", text);
    }
    bytes = BoardToJson(board, envelope);
  } catch (const std::exception& e) {
    return fail(std::string("the board could not be written out (") + e.what() + ")");
  }
  const std::string file = FileOf(boardPath);
  SaveError saveError;
  if (WriteFileAtomically(file, bytes, /*keepBackup=*/false, &saveError)) return true;
  // "Cannot save FILE: reason." → the reason, in a sentence about the board.
  std::string reason = saveError.message;
  const std::string prefix = "Cannot save " + file + ": ";
  if (reason.rfind(prefix, 0) == 0) reason = reason.substr(prefix.size());
  if (!reason.empty() && reason.back() == '.') reason.pop_back();
  return fail(reason);
}

std::optional<RecoveryInfo> FindRecovery(const std::string& boardPath) {
  const std::string file = FileOf(boardPath);
  std::error_code ec;
  if (file.empty() || !fs::is_regular_file(file, ec)) return std::nullopt;
  std::optional<RecoveryInfo> info = ReadHeader(file);
  // A copy of another board (a hash collision, or a hand-copied file) is not this board's.
  if (!info || info->boardPath != AbsolutePath(boardPath)) return std::nullopt;
  return info;
}

std::vector<RecoveryInfo> ListRecoveries() {
  std::vector<RecoveryInfo> found;
  const std::string dir = RecoveryDir();
  std::error_code ec;
  if (dir.empty() || !fs::is_directory(dir, ec)) return found;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    // Temp files of a save in progress start with a dot.
    if (name.empty() || name[0] == '.' || entry.path().extension() != kExtension) continue;
    if (!entry.is_regular_file(ec)) continue;
    if (std::optional<RecoveryInfo> info = ReadHeader(entry.path())) found.push_back(std::move(*info));
  }
  std::sort(found.begin(), found.end(), [](const RecoveryInfo& a, const RecoveryInfo& b) {
    return a.savedAt != b.savedAt ? a.savedAt > b.savedAt : a.path < b.path;
  });
  return found;
}

LoadResult LoadRecovery(const RecoveryInfo& info) {
  return LoadBoard(info.path);
}

void RemoveRecovery(const std::string& boardPath) {
  const std::string file = FileOf(boardPath);
  std::error_code ec;
  if (!file.empty()) fs::remove(file, ec);
}

}  // namespace jb
