// cereal's JSON archive first: it makes RapidJSON's assertions throw, and every RapidJSON header
// in this file must see that definition (an assert that aborts would crash on a bad file).
#include <cereal/archives/json.hpp>

#include "core/file_io.h"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <istream>
#include <mutex>
#include <sstream>
#include <streambuf>
#include <string_view>
#include <unordered_set>

#include "core/serialize.h"

#if defined(__unix__) || defined(__APPLE__)
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#define JB_POSIX_FILES 1
#endif

#ifndef JB_VERSION
#error "JB_VERSION must be defined by the build (core/CMakeLists.txt)"
#endif

namespace jb {

const char* const kAppVersion = JB_VERSION;

namespace {

namespace fs = std::filesystem;

constexpr const char* kFormatName = "journeyboard";
// A real board is a few MiB; the cap keeps a wrong file from eating the machine's memory.
constexpr uintmax_t kMaxFileBytes = uintmax_t(256) << 20;
// A board is 5 levels deep (envelope → board → notes → note → tags); anything near the limit is
// not a board, and RapidJSON and cereal recurse once per level.
constexpr int kMaxNesting = 64;
constexpr auto kParseFlags = rapidjson::kParseFullPrecisionFlag | rapidjson::kParseNanAndInfFlag;

LoadError Fail(LoadErrorKind kind, std::string message) {
  return LoadError{kind, std::move(message)};
}

bool IsBlank(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

// True when no array/object in `json` nests deeper than `limit`. Brackets inside strings do not
// count. Runs before any recursive parser sees the bytes: 200,000 '[' would overflow its stack.
bool NestingWithin(std::string_view json, int limit) {
  int depth = 0;
  bool inString = false, escaped = false;
  for (char c : json) {
    if (inString) {
      if (escaped)
        escaped = false;
      else if (c == '\\')
        escaped = true;
      else if (c == '"')
        inString = false;
      continue;
    }
    if (c == '"') {
      inString = true;
    } else if (c == '[' || c == '{') {
      if (++depth > limit) return false;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return true;
}

// Whether the first bytes look like our envelope: then a parse error means a damaged board
// (cut off by a crash, a full disk, a bad merge), not some other kind of file.
bool StartsLikeBoard(std::string_view json) {
  const std::string_view head = json.substr(0, 256);
  return head.find("\"format\"") != std::string_view::npos && head.find(kFormatName) != std::string_view::npos;
}

// Lets cereal read straight from a string's bytes without copying them into a stringstream.
class ReadOnlyBuffer : public std::streambuf {
 public:
  ReadOnlyBuffer(const char* data, size_t size) {
    char* begin = const_cast<char*>(data);  // never written: a get area only
    setg(begin, begin, begin + size);
  }
};

// Place for format migrations: each step rewrites the JSON document from version N to N+1, so
// cereal only ever sees the current format. Version 1 is the first; nothing to do yet.
void MigrateToCurrent(rapidjson::Document& /*document*/, int64_t /*fromVersion*/) {}

bool ParseBoardObject(const rapidjson::Value& boardValue, Board* board, std::string* failedField, bool* fieldMissing) {
  // cereal parses a stream itself: hand it {"board": ...} re-serialized from the (migrated) DOM.
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  writer.StartObject();
  writer.Key("board");
  boardValue.Accept(writer);
  writer.EndObject();

  ReadOnlyBuffer bytes(buffer.GetString(), buffer.GetSize());
  std::istream in(&bytes);
  std::string trail;
  try {
    TrailedJsonInputArchive archive(in);
    try {
      archive(cereal::make_nvp("board", *board));
      return true;
    } catch (...) {
      trail = archive.trail.ToString();
      throw;
    }
  } catch (const cereal::RapidJSONException&) {
    *fieldMissing = false;  // a RapidJSON assertion: a value of the wrong type
  } catch (const cereal::Exception& e) {
    *fieldMissing = std::strstr(e.what(), "not found") != nullptr;
  } catch (...) {
    *fieldMissing = false;
  }
  *failedField = trail;
  return false;
}

template <class Item, class IdOf>
void AssignUniqueIds(std::vector<Item>& items, std::unordered_set<uint64_t>& used, Board& board, IdOf idOf) {
  for (Item& item : items) {
    auto& id = idOf(item);
    if (!id.IsValid() || !used.insert(id.value).second) {
      id.value = board.NewId();
      used.insert(id.value);
    }
  }
}

}  // namespace

void RepairBoard(Board& board) {
  // nextId above every id seen, references included, so NewId() never reuses one.
  uint64_t highest = 0;
  auto see = [&highest](uint64_t id) { highest = std::max(highest, id); };
  for (const Stage& stage : board.stages) see(stage.id.value);
  for (const Lane& lane : board.lanes) see(lane.id.value);
  for (const Note& note : board.notes) {
    see(note.id.value);
    see(note.stage.value);
    see(note.lane.value);
  }
  for (const EmotionCurve& curve : board.curves) {
    see(curve.id.value);
    see(curve.persona.value);
    for (const CurvePoint& point : curve.points) see(point.stage.value);
  }
  for (const Persona& persona : board.personas) see(persona.id.value);
  if (highest == UINT64_MAX) highest = UINT64_MAX - 1;  // absurd, but NewId() must not wrap to 0
  board.nextId = std::max(board.nextId, highest + 1);

  // Ids share one space on a board; a missing or repeated one gets a fresh id (the first
  // holder keeps it, so references resolve to the first).
  std::unordered_set<uint64_t> used;
  AssignUniqueIds(board.stages, used, board, [](Stage& s) -> StageId& { return s.id; });
  AssignUniqueIds(board.lanes, used, board, [](Lane& l) -> LaneId& { return l.id; });
  AssignUniqueIds(board.notes, used, board, [](Note& n) -> NoteId& { return n.id; });
  AssignUniqueIds(board.curves, used, board, [](EmotionCurve& c) -> CurveId& { return c.id; });
  AssignUniqueIds(board.personas, used, board, [](Persona& p) -> PersonaId& { return p.id; });

  // Sets, not Find*: a hostile file with many stages and many notes must not take quadratic time.
  std::unordered_set<uint64_t> stageIds, laneIds, personaIds;
  for (const Stage& stage : board.stages) stageIds.insert(stage.id.value);
  for (const Lane& lane : board.lanes) laneIds.insert(lane.id.value);
  for (const Persona& persona : board.personas) personaIds.insert(persona.id.value);

  // Numbers the layout and the renderer rely on.
  constexpr float kMinSize = 20, kMaxSize = 20000;
  for (Stage& stage : board.stages) stage.width = std::clamp(stage.width, kMinSize, kMaxSize);
  for (Lane& lane : board.lanes) lane.height = std::clamp(lane.height, kMinSize, kMaxSize);
  for (Note& note : board.notes) {
    note.votes = std::max(note.votes, 0);
    // A note pointing at a stage or lane that is gone becomes a free note where it was last put.
    if (!stageIds.count(note.stage.value) || !laneIds.count(note.lane.value)) {
      note.stage = StageId();
      note.lane = LaneId();
    }
  }
  for (EmotionCurve& curve : board.curves) {
    if (!personaIds.count(curve.persona.value)) curve.persona = PersonaId();
    auto orphan = [&stageIds](const CurvePoint& p) { return !stageIds.count(p.stage.value); };
    curve.points.erase(std::remove_if(curve.points.begin(), curve.points.end(), orphan), curve.points.end());
    for (CurvePoint& point : curve.points) {
      point.t = std::clamp(point.t, 0.0f, 1.0f);
      point.value = std::clamp(point.value, -1.0f, 1.0f);
    }
  }
}

std::string BoardToJson(const Board& board) {
  std::ostringstream out;
  {
    // Two-space indent: small, readable diffs when a .cjm file lives in a repository.
    cereal::JSONOutputArchive archive(
        out, cereal::JSONOutputArchive::Options(324, cereal::JSONOutputArchive::Options::IndentChar::space, 2));
    archive(cereal::make_nvp("format", std::string(kFormatName)), cereal::make_nvp("formatVersion", kFormatVersion),
            cereal::make_nvp("app", std::string(kAppVersion)), cereal::make_nvp("board", board));
  }  // the archive closes the root object when it is destroyed
  out << '\n';
  return out.str();
}

LoadResult BoardFromJson(const std::string& text, const std::string& sourceName) {
  const std::string& name = sourceName;
  std::string_view json = text;
  // Some editors put a UTF-8 byte order mark in front of a file they save; JSON has none.
  if (json.substr(0, 3) == "\xEF\xBB\xBF") json.remove_prefix(3);
  if (json.size() > kMaxFileBytes) {
    return Fail(LoadErrorKind::NotABoard, name + " is too large to be a Journeyboard file.");
  }
  if (IsBlank(json)) return Fail(LoadErrorKind::NotABoard, name + " is empty.");
  if (!NestingWithin(json, kMaxNesting)) {
    return Fail(LoadErrorKind::NotABoard, name + " is not a Journeyboard file: its data is nested more than " +
                                              std::to_string(kMaxNesting) + " levels deep.");
  }

  rapidjson::Document document;
  try {
    document.Parse<kParseFlags>(json.data(), json.size());
  } catch (...) {  // RapidJSON asserts throw; nothing should reach here, but a file must not crash us
    return Fail(LoadErrorKind::NotABoard, name + " is not a Journeyboard file.");
  }
  if (document.HasParseError()) {
    if (StartsLikeBoard(json)) {
      // A line number, because the file is pretty-printed and people open it in an editor.
      const size_t offset = std::min(document.GetErrorOffset(), json.size());
      const auto line = 1 + std::count(json.begin(), json.begin() + static_cast<std::ptrdiff_t>(offset), '\n');
      return Fail(LoadErrorKind::InvalidData,
                  name + " is damaged: its text is cut off or broken at line " + std::to_string(line) + ".");
    }
    return Fail(LoadErrorKind::NotABoard, name + " is not a Journeyboard file.");
  }

  // The envelope: {"format":"journeyboard","formatVersion":N,"app":"x.y.z","board":{...}}.
  // (Member functions of a non-object assert, which throws here: check IsObject first.)
  const rapidjson::Value& root = document;
  if (!root.IsObject()) return Fail(LoadErrorKind::NotABoard, name + " is not a Journeyboard file.");
  auto format = root.FindMember("format");
  if (format == root.MemberEnd() || !format->value.IsString() ||
      std::strcmp(format->value.GetString(), kFormatName) != 0) {
    return Fail(LoadErrorKind::NotABoard, name + " is not a Journeyboard file.");
  }
  auto version = root.FindMember("formatVersion");
  if (version == root.MemberEnd() || !version->value.IsInt64()) {
    return Fail(LoadErrorKind::InvalidData, name + " is damaged: its format version is missing or not a whole number.");
  }
  const int64_t formatVersion = version->value.GetInt64();
  if (formatVersion > kFormatVersion) {
    return Fail(LoadErrorKind::UnsupportedVersion, name + " was written by a newer Journeyboard (format " +
                                                       std::to_string(formatVersion) + "); this version reads format " +
                                                       std::to_string(kFormatVersion) + " and older.");
  }
  if (formatVersion < 1) {
    return Fail(LoadErrorKind::InvalidData,
                name + " is damaged: it claims format " + std::to_string(formatVersion) + ", which never existed.");
  }
  MigrateToCurrent(document, formatVersion);

  auto boardMember = root.FindMember("board");
  if (boardMember == root.MemberEnd() || !boardMember->value.IsObject()) {
    return Fail(LoadErrorKind::InvalidData, name + " is damaged: it holds no board data.");
  }

  Board board;
  std::string failedField;
  bool fieldMissing = false;
  if (!ParseBoardObject(boardMember->value, &board, &failedField, &fieldMissing)) {
    std::string message = name + " is damaged: the board data has ";
    message += fieldMissing ? "a missing field" : "a field with a wrong value";
    if (!failedField.empty()) message += " (" + failedField + ")";
    return Fail(LoadErrorKind::InvalidData, message + ".");
  }
  RepairBoard(board);
  return board;
}

LoadResult LoadBoard(const std::string& path) {
  // Look before opening: opening a FIFO would block, a folder "opens" and then fails to read.
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (ec || !fs::exists(status)) {
    const std::string reason = ec ? ec.message() : std::strerror(ENOENT);
    return Fail(LoadErrorKind::Io, "Cannot open " + path + ": " + reason + ".");
  }
  if (fs::is_directory(status)) return Fail(LoadErrorKind::Io, "Cannot open " + path + ": it is a folder.");
  if (!fs::is_regular_file(status))
    return Fail(LoadErrorKind::Io, "Cannot open " + path + ": it is not a regular file.");
  const uintmax_t size = fs::file_size(path, ec);
  if (ec) return Fail(LoadErrorKind::Io, "Cannot open " + path + ": " + ec.message() + ".");
  if (size > kMaxFileBytes) {
    return Fail(LoadErrorKind::NotABoard, path + " is too large to be a Journeyboard file (" +
                                              std::to_string(size >> 20) + " MiB; the limit is " +
                                              std::to_string(kMaxFileBytes >> 20) + " MiB).");
  }

  errno = 0;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Fail(LoadErrorKind::Io, "Cannot open " + path + ": " + std::strerror(errno ? errno : EIO) + ".");
  }
  std::string bytes(static_cast<size_t>(size), '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (in.bad()) {
    return Fail(LoadErrorKind::Io, "Cannot read " + path + ": " + std::strerror(errno ? errno : EIO) + ".");
  }
  bytes.resize(static_cast<size_t>(in.gcount()));  // the file may have shrunk since we asked
  return BoardFromJson(bytes, path);
}

namespace {

std::string ErrnoText(int error) {
  return std::strerror(error ? error : EIO);
}

// Writes all bytes to a new file and forces them to disk. Returns false with errno's text.
bool WriteNewFile(const std::string& path, const std::string& bytes, const std::string& modelPath,
                  std::string* reason) {
#if JB_POSIX_FILES
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0) {
    *reason = ErrnoText(errno);
    return false;
  }
  // Keep the permissions of the file being replaced.
  struct stat previous;
  if (::stat(modelPath.c_str(), &previous) == 0) (void)::fchmod(fd, previous.st_mode & 07777);
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      *reason = ErrnoText(errno);
      ::close(fd);
      return false;
    }
    done += size_t(n);
  }
  if (::fsync(fd) != 0) {
    *reason = ErrnoText(errno);
    ::close(fd);
    return false;
  }
  if (::close(fd) != 0) {
    *reason = ErrnoText(errno);
    return false;
  }
  return true;
#else
  (void)modelPath;
  errno = 0;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (out) out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (out) out.flush();
  const bool written = bool(out);
  out.close();
  if (!written || out.fail()) {
    *reason = ErrnoText(errno);
    return false;
  }
  return true;
#endif
}

// After a rename, the folder entry itself must reach the disk for the new file to survive a crash.
void SyncFolder(const fs::path& folder) {
#if JB_POSIX_FILES
  const int fd = ::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) {
    (void)::fsync(fd);
    ::close(fd);
  }
#else
  (void)folder;
#endif
}

}  // namespace

bool SaveBoard(const Board& board, const std::string& path, SaveError* error) {
  if (path.empty()) {
    if (error) error->message = "Cannot save the board: no file name was given.";
    return false;
  }
  auto fail = [&](const std::string& reason) {
    if (error) error->message = "Cannot save " + path + ": " + reason + ".";
    return false;
  };

  // Saves of one process share the temp file name: one at a time (autosave may run on a thread).
  static std::mutex saving;
  const std::lock_guard<std::mutex> lock(saving);

  std::error_code ec;
  fs::path target(path);
  // Saving through a symlink updates the file it points to, not the link.
  if (fs::is_symlink(target, ec)) {
    const fs::path resolved = fs::canonical(target, ec);
    if (!ec) target = resolved;
  }
  if (target.filename().empty()) return fail("the name is not a file name");
  const fs::path folder = target.parent_path();
  if (!folder.empty() && !fs::is_directory(folder, ec)) {
    return fail("the folder " + folder.string() + " does not exist");
  }
  if (fs::is_directory(target, ec)) return fail("a folder with that name is in the way");

  std::string bytes;
  try {
    bytes = BoardToJson(board);
  } catch (const std::exception& e) {
    return fail(std::string("the board could not be written out (") + e.what() + ")");
  }

#if JB_POSIX_FILES
  const std::string pid = std::to_string(::getpid());
#else
  const std::string pid = "0";
#endif
  // Hidden, next to the target (rename is only atomic within one file system), and within
  // NAME_MAX even when the target's own name is near it.
  std::string tempName = "." + target.filename().string() + ".tmp-" + pid;
  if (tempName.size() > 200) tempName = ".journeyboard-save.tmp-" + pid;
  const fs::path temp = folder / tempName;
  fs::remove(temp, ec);  // a leftover from a crashed save of this same process id

  std::string reason;
  if (!WriteNewFile(temp.string(), bytes, target.string(), &reason)) {
    fs::remove(temp, ec);
    return fail(reason);
  }
  fs::rename(temp, target, ec);
  if (ec) {
    const std::string renameReason = ec.message();
    fs::remove(temp, ec);
    return fail(renameReason);
  }
  SyncFolder(folder);
  return true;
}

}  // namespace jb
