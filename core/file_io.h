// Reading and writing .cjm files: UTF-8 JSON written by cereal inside an envelope
// {"format":"journeyboard","formatVersion":N,"app":"x.y.z","board":{...}}.
// Every failure is a value with a one-sentence message a facilitator understands.
#pragma once
#include <string>
#include <variant>

#include "core/model.h"

namespace jb {

inline constexpr int kFormatVersion = 1;
extern const char* const kAppVersion;  // "0.1.0"

enum class LoadErrorKind {
  Io,                  // cannot open / read the file
  NotABoard,           // empty, not JSON, or JSON without the journeyboard envelope
  UnsupportedVersion,  // formatVersion newer than this app understands
  InvalidData,         // a journeyboard file whose board part is malformed (wrong types, missing fields)
};

struct LoadError {
  LoadErrorKind kind;
  std::string message;  // one sentence, names the file
};

struct SaveError {
  std::string message;  // one sentence, names the file
};

using LoadResult = std::variant<Board, LoadError>;

// Serialize a board (envelope included) to a JSON string / parse one. `sourceName` is used in messages.
std::string BoardToJson(const Board& board);
LoadResult BoardFromJson(const std::string& json, const std::string& sourceName);

// Load a file. Never throws, never crashes on bad input.
LoadResult LoadBoard(const std::string& path);

// Save atomically: write a temp file in the same folder, then rename it over `path`.
// On failure the previous file is untouched and `error` (may be null) says why. True on success.
bool SaveBoard(const Board& board, const std::string& path, SaveError* error);

// Makes a board safe to use, as loading does: nextId above every id seen, fresh ids for missing
// or repeated ones, notes pointing at a missing stage/lane become free notes, curve points of a
// missing stage are dropped, numbers clamped to what the layout can draw (t 0..1, value -1..+1,
// votes >= 0). For boards from outside (files, imported tables).
void RepairBoard(Board& board);

}  // namespace jb
