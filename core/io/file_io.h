// Reading and writing .cjm files: UTF-8 JSON written by cereal inside an envelope
// {"format":"journeyboard","formatVersion":N,"app":"x.y.z","board":{...}}.
// Loading migrates old versions step by step, fills missing fields, then repairs the board and
// says what it repaired. Every failure is a value with a one-sentence message a facilitator
// understands.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "core/io/durable_file.h"  // SaveError, WriteFileAtomically, the fault hook and SyncToDisk
#include "core/model/model.h"

namespace jb {

// Version 2 added channel, metrics and severity to notes; version 3 the sketch lists (strokes,
// arrows, frames, labels); version 4 the funnel (every stage's `reached`, null when not measured)
// and a solution's optional `opportunity`. Every change: bump it, add a migration in board_json.cpp, freeze a
// fixture under tests/fixtures/vN/.
inline constexpr int kFormatVersion = 4;
inline constexpr const char* kFormatName = "journeyboard";
extern const char* const kAppVersion;  // "0.1.0"

// What a board may hold (kMaxFileBytes, kMaxNotes, kMaxTextChars...): core/model/limits.h.

enum class LoadErrorKind {
  Io,                  // cannot open / read the file
  NotABoard,           // empty, not JSON, or JSON without the journeyboard envelope
  UnsupportedVersion,  // formatVersion newer than this app understands
  InvalidData,         // a journeyboard file whose board part is malformed (wrong types, broken structure)
  TooLarge,            // over one of the limits above
};

struct LoadError {
  LoadErrorKind kind;
  std::string message;  // one sentence, names the file
};

// A board that loaded, and what was repaired on the way ("3 notes pointed at a missing stage and
// were moved to the free area."). Empty warnings: the file was loaded exactly as written.
struct LoadedBoard {
  Board board;
  std::vector<std::string> warnings;
};

using LoadResult = std::variant<LoadedBoard, LoadError>;

// Serialize a board (envelope included) to a JSON string / parse one. `sourceName` is used in
// messages. `extra` adds string members to the envelope before "board" (a recovery file says
// which board it belongs to); loading ignores members it does not know.
std::string BoardToJson(const Board& board, const std::vector<std::pair<std::string, std::string>>& extra = {});
LoadResult BoardFromJson(const std::string& json, const std::string& sourceName);

// Load a file. Never throws, never crashes on bad input.
LoadResult LoadBoard(const std::string& path);

// The checks every reader of a file the app did not just write makes before reading it (boards,
// recovery copies, change journals): a FIFO would block the read for ever, /dev/zero never ends,
// a folder "opens" and then fails. The file is opened first (without blocking) and then looked
// at, so a file swapped in between is caught too.
enum class FileProblem {
  None,
  Missing,     // no such file (reason: the system's words)
  CannotOpen,  // exists but cannot be opened (reason)
  Folder,
  NotRegular,  // a FIFO, a device, a socket (links are followed first)
  TooLarge,    // over `maxBytes` (size says how large)
  CannotRead,  // opened, but reading failed (reason)
};
struct RegularFile {
  int fd = -1;  // OpenRegularFile: open for reading when problem is None; the caller closes it
  uint64_t size = 0;
  FileProblem problem = FileProblem::None;
  std::string reason;
};
RegularFile OpenRegularFile(const std::string& path, uint64_t maxBytes);
// The same checks, then the whole file into `bytes` (fewer bytes if it shrank meanwhile); no fd.
RegularFile ReadRegularFile(const std::string& path, uint64_t maxBytes, std::string* bytes);

// Save safely (WriteFileAtomically with a .bak, core/io/durable_file.h): write a temp file in the
// same folder, flush it to disk, keep the previous file as `path` + ".bak" (one generation), rename
// the temp file over `path`, flush the folder. On failure the previous file is untouched and
// `error` (may be null) says why. True on success.
bool SaveBoard(const Board& board, const std::string& path, SaveError* error);

// Makes a board safe to use, as loading does, and returns one sentence per kind of repair:
// nextId above every id seen, fresh ids for missing or repeated ones, notes pointing at a missing
// stage/lane moved to a column right of the grid (free notes), curve points of a missing stage
// dropped, NaN and absurd numbers clamped to what the layout can draw, over-long texts cut.
// A board it returns no warnings for is left exactly as it was. For boards from outside (files,
// imported tables, recovery).
std::vector<std::string> RepairBoard(Board& board);

}  // namespace jb
