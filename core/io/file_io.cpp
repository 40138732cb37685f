// cereal's JSON archive first: it makes RapidJSON's assertions throw, and every RapidJSON header
// in this file must see that definition (an assert that aborts would crash on a bad file).
#include "core/io/cereal_json.h"

#include "core/io/file_io.h"

#include <rapidjson/document.h>
#include <rapidjson/encodedstream.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <istream>
#include <limits>
#include <sstream>
#include <streambuf>
#include <string_view>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/io/board_json.h"
#include "core/io/serialize.h"

#ifndef JB_VERSION
#error "JB_VERSION must be defined by the build (core/io/CMakeLists.txt)"
#endif

namespace jb {

const char* const kAppVersion = JB_VERSION;

namespace {

namespace fs = std::filesystem;

// A board is 5 levels deep (envelope → board → notes → note → tags); anything near the limit is
// not a board, and RapidJSON and cereal recurse once per level.
constexpr int kMaxNesting = 64;
// Numbers are handed over as text and read by ReadNumber: RapidJSON 1.1's own full-precision
// conversion reaches undefined behaviour on inputs such as 0e300 (found by fuzzing).
constexpr auto kParseFlags = rapidjson::kParseNumbersAsStringsFlag | rapidjson::kParseNanAndInfFlag;

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

// A JSON number (syntax already checked by RapidJSON, NaN and ±Infinity included) as the value
// RapidJSON would make: an integer when it fits 64 bits, else the correctly rounded double.
rapidjson::Value ReadNumber(std::string_view text) {
  const char* begin = text.data();
  const char* end = begin + text.size();
  if (text.find_first_of(".eEIN") == std::string_view::npos) {
    if (text.front() == '-') {
      int64_t value = 0;
      if (std::from_chars(begin, end, value).ec == std::errc()) return rapidjson::Value(value);
    } else {
      uint64_t value = 0;
      if (std::from_chars(begin, end, value).ec == std::errc()) return rapidjson::Value(value);
    }
  }
  if (text.find('N') != std::string_view::npos) return rapidjson::Value(std::numeric_limits<double>::quiet_NaN());
  if (text.find('I') != std::string_view::npos) {
    const double infinity = std::numeric_limits<double>::infinity();
    return rapidjson::Value(text.front() == '-' ? -infinity : infinity);
  }
  double value = 0;
  if (std::from_chars(begin, end, value).ec == std::errc()) return rapidjson::Value(value);
  // Out of double's range. RapidJSON's syntax check bounds the digits before the exponent, so a
  // long double holds every overflow exactly; what underflows it too is a zero.
  long double wide = 0;
  if (std::from_chars(begin, end, wide).ec != std::errc()) return rapidjson::Value(text.front() == '-' ? -0.0 : 0.0);
  if (std::fabs(wide) > std::numeric_limits<double>::max())
    return rapidjson::Value(wide < 0 ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity());
  return rapidjson::Value(static_cast<double>(wide));
}

// Builds the document from the reader's events, reading numbers with ReadNumber.
struct DocumentBuilder {
  rapidjson::Document& document;

  bool Null() { return document.Null(); }
  bool Bool(bool b) { return document.Bool(b); }
  bool Int(int i) { return document.Int(i); }
  bool Uint(unsigned u) { return document.Uint(u); }
  bool Int64(int64_t i) { return document.Int64(i); }
  bool Uint64(uint64_t u) { return document.Uint64(u); }
  bool Double(double d) { return document.Double(d); }
  bool RawNumber(const char* text, rapidjson::SizeType length, bool) {
    const rapidjson::Value number = ReadNumber(std::string_view(text, length));
    if (number.IsUint64()) return document.Uint64(number.GetUint64());
    if (number.IsInt64()) return document.Int64(number.GetInt64());
    return document.Double(number.GetDouble());
  }
  bool String(const char* text, rapidjson::SizeType length, bool copy) { return document.String(text, length, copy); }
  bool StartObject() { return document.StartObject(); }
  bool Key(const char* text, rapidjson::SizeType length, bool copy) { return document.Key(text, length, copy); }
  bool EndObject(rapidjson::SizeType members) { return document.EndObject(members); }
  bool StartArray() { return document.StartArray(); }
  bool EndArray(rapidjson::SizeType elements) { return document.EndArray(elements); }
};

rapidjson::ParseResult ParseDocument(std::string_view json, rapidjson::Document* document) {
  rapidjson::ParseResult result;
  auto generate = [&](rapidjson::Document& target) {
    DocumentBuilder builder{target};
    rapidjson::MemoryStream memory(json.data(), json.size());
    rapidjson::EncodedInputStream<rapidjson::UTF8<>, rapidjson::MemoryStream> in(memory);
    rapidjson::Reader reader;
    result = reader.Parse<kParseFlags>(in, builder);
    return !result.IsError();
  };
  document->Populate(generate);
  return result;
}

// JSON text with each escaped lone surrogate ("\ud800" without its pair, which RapidJSON refuses)
// written as the raw bytes of that surrogate instead: invalid UTF-8 that RepairBoard then replaces
// with U+FFFD and counts, as it does for raw broken bytes. Only escapes are touched; "\\ud800"
// (an escaped backslash, then text) is left alone.
std::string LoneSurrogatesAsBytes(std::string_view json) {
  auto hex = [&json](size_t at, unsigned* code) {
    if (at + 6 > json.size() || json[at] != '\\' || json[at + 1] != 'u') return false;
    const auto result = std::from_chars(json.data() + at + 2, json.data() + at + 6, *code, 16);
    return result.ec == std::errc() && result.ptr == json.data() + at + 6;
  };
  std::string out;
  out.reserve(json.size());
  for (size_t i = 0; i < json.size();) {
    unsigned code = 0, low = 0;
    if (json[i] != '\\') {
      out += json[i++];
    } else if (!hex(i, &code) || code < 0xD800 || code > 0xDFFF) {
      out.append(json.substr(i, 2));  // any other escape, "\\" included
      i += 2;
    } else if (code <= 0xDBFF && hex(i + 6, &low) && low >= 0xDC00 && low <= 0xDFFF) {
      out.append(json.substr(i, 12));  // a proper pair
      i += 12;
    } else {
      out += char(0xE0 | (code >> 12));
      out += char(0x80 | ((code >> 6) & 0x3F));
      out += char(0x80 | (code & 0x3F));
      i += 6;
    }
  }
  return out;
}

// JSON text with each number that RapidJSON refuses as too big (1e400, a 100,000-digit integer)
// written as Infinity or 0 instead, which the loader reads and RepairBoard clamps, saying so.
// Strings are copied as they are.
std::string HugeNumbersInRange(std::string_view json) {
  std::string out;
  out.reserve(json.size());
  bool inString = false, escaped = false;
  for (size_t i = 0; i < json.size();) {
    const char c = json[i];
    if (inString || (c != '-' && (c < '0' || c > '9'))) {
      if (inString && escaped) escaped = false;
      else if (inString && c == '\\') escaped = true;
      else if (c == '"') inString = !inString;
      out += c;
      ++i;
      continue;
    }
    const size_t end = std::min(json.find_first_not_of("0123456789+-.eE", i), json.size());
    const std::string_view number = json.substr(i, end - i);
    i = end;
    double value = 0;
    const auto parsed = std::from_chars(number.data(), number.data() + number.size(), value);
    if (parsed.ec == std::errc() && number.size() <= 300) {
      out.append(number);
      continue;
    }
    if (parsed.ec != std::errc::result_out_of_range && parsed.ec != std::errc()) {
      out.append(number);  // not a number after all ("-Infinity"): RapidJSON judges it
      continue;
    }
    // Out of double's range: large if its digits before the point and its exponent say so.
    const std::string_view digits = number.substr(number.front() == '-' ? 1 : 0);
    const size_t exponentAt = digits.find_first_of("eE");
    const std::string_view mantissa = digits.substr(0, exponentAt);
    const size_t leading = std::min(mantissa.find_first_not_of('0'), mantissa.size());
    const long whole = long(std::min(mantissa.find('.'), mantissa.size())) - long(leading);
    long exponent = 0;
    if (exponentAt != std::string_view::npos) {
      std::string_view text = digits.substr(exponentAt + 1);
      if (!text.empty() && text.front() == '+') text.remove_prefix(1);
      if (std::from_chars(text.data(), text.data() + text.size(), exponent).ec == std::errc::result_out_of_range)
        exponent = text.front() == '-' ? -1000000 : 1000000;
    }
    if (whole + exponent > 0) out += number.front() == '-' ? "-Infinity" : "Infinity";
    else out += '0';
  }
  return out;
}

// The first key `object` holds twice, quoted ("\"board\""), or "" when none is repeated. A key that
// is long or not plain text is named "a key".
std::string RepeatedKey(const rapidjson::Value& object) {
  std::vector<std::string_view> keys;
  keys.reserve(object.MemberCount());
  for (const auto& member : object.GetObject())
    keys.emplace_back(member.name.GetString(), member.name.GetStringLength());
  std::sort(keys.begin(), keys.end());
  const auto repeated = std::adjacent_find(keys.begin(), keys.end());
  if (repeated == keys.end()) return "";
  const bool plain = repeated->size() <= 40 && std::all_of(repeated->begin(), repeated->end(), [](char c) {
    return c >= 0x20 && c < 0x7F;
  });
  return plain ? "\"" + std::string(*repeated) + "\"" : "a key";
}

// Lets cereal read straight from a string's bytes without copying them into a stringstream.
class ReadOnlyBuffer : public std::streambuf {
 public:
  ReadOnlyBuffer(const char* data, size_t size) {
    char* begin = const_cast<char*>(data);  // never written: a get area only
    setg(begin, begin, begin + size);
  }
};

// JSON text with each escaped U+0000 ("\u0000") written as "\u0001": cereal reads a string as a
// C string, so a NUL would cut the text there and lose the rest. U+0001 is kept, and RepairBoard
// then removes it and says so, as it does every control character (RemoveControlChars).
void NulEscapesAsControl(std::string& json) {
  for (size_t i = 0; i + 1 < json.size(); ++i) {
    if (json[i] != '\\') continue;
    if (json.compare(i + 1, 5, "u0000") == 0) json[i + 5] = '1';
    ++i;  // the escaped character: "\\u0000" is a backslash, then text
  }
}

bool ParseBoardObject(const rapidjson::Value& boardValue, Board* board, std::string* failedField, bool* fieldMissing) {
  // cereal parses a stream itself: hand it {"board": ...} re-serialized from the (migrated) DOM.
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  writer.StartObject();
  writer.Key("board");
  boardValue.Accept(writer);
  writer.EndObject();

  std::string withoutNul;  // a copy only for a board that holds a NUL
  std::string_view json(buffer.GetString(), buffer.GetSize());
  if (json.find("\\u0000") != std::string_view::npos) {
    withoutNul = std::string(json);
    NulEscapesAsControl(withoutNul);
    json = withoutNul;
  }
  ReadOnlyBuffer bytes(json.data(), json.size());
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

}  // namespace

std::string BoardToJson(const Board& board, const std::vector<std::pair<std::string, std::string>>& extra) {
  std::ostringstream out;
  {
    // Two-space indent: small, readable diffs when a .cjm file lives in a repository.
    cereal::JSONOutputArchive archive(
        out, cereal::JSONOutputArchive::Options(324, cereal::JSONOutputArchive::Options::IndentChar::space, 2));
    archive(cereal::make_nvp("format", std::string(kFormatName)), cereal::make_nvp("formatVersion", kFormatVersion),
            cereal::make_nvp("app", std::string(kAppVersion)));
    for (const auto& [name, value] : extra) archive(cereal::make_nvp(name.c_str(), value));
    archive(cereal::make_nvp("board", board));
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
    return Fail(LoadErrorKind::TooLarge, name + " is too large to open: it is over the limit of " +
                                             std::to_string(kMaxFileBytes >> 20) + " MiB.");
  }
  if (IsBlank(json)) return Fail(LoadErrorKind::NotABoard, name + " is empty.");
  if (!NestingWithin(json, kMaxNesting)) {
    return Fail(LoadErrorKind::NotABoard, name + " is not a Journeyboard file: its data is nested more than " +
                                              std::to_string(kMaxNesting) + " levels deep.");
  }

  // A NUL byte ends RapidJSON's input, which would ignore whatever follows it: parse the text
  // before it, and call the rest stray data below. (No JSON text holds a raw NUL.)
  const size_t nul = json.find('\0');
  std::string_view body = json.substr(0, nul);
  auto lineAt = [](std::string_view text, size_t offset) {
    offset = std::min(offset, text.size());
    return std::to_string(1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
  };

  rapidjson::Document document;
  rapidjson::ParseResult parsed;
  std::string rewritten;  // the text with what RapidJSON refuses but a repair can handle rewritten
  bool numbersDone = false, surrogatesDone = false;
  // Where data follows the JSON value (after a NUL, or RapidJSON's "root not singular"), as a line:
  // the value before it is parsed, so that a board file says it is damaged and others are not ours.
  std::string strayLine = nul == std::string_view::npos ? "" : lineAt(json, nul);
  try {
    for (;;) {
      parsed = ParseDocument(body, &document);
      // Each repairable refusal is rewritten once, then parsed again (only a damaged file pays).
      if (parsed.Code() == rapidjson::kParseErrorNumberTooBig && !numbersDone) {
        numbersDone = true;
        rewritten = HugeNumbersInRange(body);
      } else if (parsed.Code() == rapidjson::kParseErrorStringUnicodeSurrogateInvalid && !surrogatesDone) {
        surrogatesDone = true;
        rewritten = LoneSurrogatesAsBytes(body);
      } else if (parsed.Code() == rapidjson::kParseErrorDocumentRootNotSingular && strayLine.empty()) {
        strayLine = lineAt(body, parsed.Offset());
        std::string value(body.substr(0, parsed.Offset()));
        rewritten = std::move(value);
      } else {
        break;
      }
      body = rewritten;
    }
  } catch (...) {  // RapidJSON asserts throw; nothing should reach here, but a file must not crash us
    return Fail(LoadErrorKind::NotABoard, name + " is not a Journeyboard file.");
  }
  if (parsed.IsError()) {
    if (StartsLikeBoard(json)) {
      // A line number, because the file is pretty-printed and people open it in an editor.
      return Fail(LoadErrorKind::InvalidData,
                  name + " is damaged: its text is cut off or broken at line " + lineAt(body, parsed.Offset()) + ".");
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
  // Refused rather than ignored: a file with more after its board is not what was saved.
  if (!strayLine.empty()) {
    return Fail(LoadErrorKind::InvalidData,
                name + " is damaged: it has stray data after the board, at line " + strayLine + ".");
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

  // A repeated key: RapidJSON keeps both and FindMember finds the first, so the other copy would
  // be dropped without a word. Refused, not repaired: which copy holds the real work is for a
  // person to judge, and the file stays as it is for them.
  if (const std::string repeated = RepeatedKey(root); !repeated.empty()) {
    return Fail(LoadErrorKind::InvalidData, name + " is damaged: it holds " + repeated +
                                                " twice, and Journeyboard cannot tell which copy is right.");
  }
  auto boardMember = document.FindMember("board");
  if (boardMember == document.MemberEnd() || !boardMember->value.IsObject()) {
    return Fail(LoadErrorKind::InvalidData, name + " is damaged: it holds no board data.");
  }
  if (const std::string repeated = RepeatedKey(boardMember->value); !repeated.empty()) {
    return Fail(LoadErrorKind::InvalidData, name + " is damaged: its board holds " + repeated +
                                                " twice, and Journeyboard cannot tell which copy is right.");
  }
  // Data under "board" that has none of a board's fields is something else's: opening it as an
  // empty board and saving would drop it. ({} is a board with nothing in it yet.)
  if (!boardMember->value.ObjectEmpty() && !board_json::HasBoardField(boardMember->value)) {
    return Fail(LoadErrorKind::NotABoard,
                name + " is not a Journeyboard board: its board part holds none of a board's fields.");
  }
  // Counted on the document, before a migration or cereal builds anything per record.
  const std::string overLimit = board_json::CheckLimits(boardMember->value);
  if (!overLimit.empty()) return Fail(LoadErrorKind::TooLarge, name + " is too large to open: " + overLimit + ".");

  board_json::Migrate(document, static_cast<int>(formatVersion));
  // Looked up again: a migration may have changed the envelope around it.
  boardMember = document.FindMember("board");
  if (boardMember == document.MemberEnd() || !boardMember->value.IsObject()) {
    return Fail(LoadErrorKind::InvalidData, name + " is damaged: it holds no board data.");
  }
  rapidjson::Value& boardValue = boardMember->value;
  LoadedBoard loaded;
  std::string failedField;
  if (!board_json::PrepareBoard(boardValue, document.GetAllocator(), &failedField, &loaded.warnings)) {
    return Fail(LoadErrorKind::InvalidData,
                name + " is damaged: the board data has a field with a wrong value (" + failedField + ").");
  }
  bool fieldMissing = false;
  if (!ParseBoardObject(boardValue, &loaded.board, &failedField, &fieldMissing)) {
    std::string message = name + " is damaged: the board data has ";
    message += fieldMissing ? "a missing field" : "a field with a wrong value";
    if (!failedField.empty()) message += " (" + failedField + ")";
    return Fail(LoadErrorKind::InvalidData, message + ".");
  }
  for (std::string& warning : RepairBoard(loaded.board)) loaded.warnings.push_back(std::move(warning));
  return loaded;
}

RegularFile OpenRegularFile(const std::string& path, uint64_t maxBytes) {
  RegularFile file;
  // O_NONBLOCK: opening a FIFO with no writer would wait for one.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    const int err = errno;
    file.problem = err == ENOENT ? FileProblem::Missing : FileProblem::CannotOpen;
    file.reason = std::strerror(err);
    return file;
  }
  struct stat info {};
  if (::fstat(fd, &info) != 0) {
    file.problem = FileProblem::CannotOpen;
    file.reason = std::strerror(errno);
  } else if (S_ISDIR(info.st_mode)) {
    file.problem = FileProblem::Folder;
  } else if (!S_ISREG(info.st_mode)) {
    file.problem = FileProblem::NotRegular;
  } else {
    file.size = uint64_t(info.st_size);
    if (file.size > maxBytes) file.problem = FileProblem::TooLarge;
  }
  if (file.problem != FileProblem::None) {
    ::close(fd);
    return file;
  }
  file.fd = fd;
  return file;
}

RegularFile ReadRegularFile(const std::string& path, uint64_t maxBytes, std::string* bytes) {
  RegularFile file = OpenRegularFile(path, maxBytes);
  if (file.problem != FileProblem::None) return file;
  bytes->assign(size_t(file.size), '\0');
  size_t done = 0;
  while (done < bytes->size()) {
    const ssize_t got = ::read(file.fd, bytes->data() + done, bytes->size() - done);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      file.problem = FileProblem::CannotRead;
      file.reason = std::strerror(errno);
      break;
    }
    if (got == 0) break;  // the file shrank since fstat
    done += size_t(got);
  }
  ::close(file.fd);
  file.fd = -1;
  bytes->resize(file.problem == FileProblem::None ? done : 0);
  return file;
}

LoadResult LoadBoard(const std::string& path) {
  std::string bytes;
  const RegularFile file = ReadRegularFile(path, kMaxFileBytes, &bytes);
  switch (file.problem) {
    case FileProblem::None: break;
    case FileProblem::Missing:
    case FileProblem::CannotOpen: return Fail(LoadErrorKind::Io, "Cannot open " + path + ": " + file.reason + ".");
    case FileProblem::Folder: return Fail(LoadErrorKind::Io, "Cannot open " + path + ": it is a folder.");
    case FileProblem::NotRegular: return Fail(LoadErrorKind::Io, "Cannot open " + path + ": it is not a regular file.");
    case FileProblem::TooLarge:
      return Fail(LoadErrorKind::TooLarge, path + " is too large to open: it is " + std::to_string(file.size >> 20) +
                                               " MiB, and the limit is " + std::to_string(kMaxFileBytes >> 20) + " MiB.");
    case FileProblem::CannotRead: return Fail(LoadErrorKind::Io, "Cannot read " + path + ": " + file.reason + ".");
  }
  return BoardFromJson(bytes, path);
}

// [SECTION] Saving (the durable steps: durable_file.cpp)

bool SaveBoard(const Board& board, const std::string& path, SaveError* error) {
  std::string bytes;
  try {
    bytes = BoardToJson(board);
  } catch (const std::exception& e) {
    if (error) error->message = "Cannot save " + path + ": the board could not be written out (" + e.what() + ").";
    return false;
  }
  return WriteFileAtomically(path, bytes, /*keepBackup=*/true, error);
}

}  // namespace jb
