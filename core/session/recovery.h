// Recovery copies: the app autosaves the board being edited here (on a timer and on focus loss),
// so a crash or a power cut loses at most a minute of a workshop, and offers the copy at the next
// start. One copy per board file, named by a hash of the file's absolute path ("untitled" for a
// board never saved). A copy is an ordinary .cjm file whose envelope also says which board it is
// a copy of ("recoveryOf") and when it was written ("savedAt", ISO 8601 UTC).
#pragma once
#include <ctime>
#include <optional>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/io/file_io.h"
#include "core/model/model.h"

namespace jb {

struct RecoveryInfo {
  std::string path;       // the recovery file
  std::string boardPath;  // absolute path of the board it is a copy of; empty for an untitled board
  std::time_t savedAt = 0;
  // A copy written while the journal of the copy before it went on: the changes of that journal
  // (its snapshot id) through record `continuesThrough` are in this copy. Empty: none.
  std::optional<std::pair<uint64_t, uint64_t>> continues;
};

// $XDG_STATE_HOME/journeyboard/recovery, else ~/.local/state/journeyboard/recovery; empty when
// neither variable is set.
std::string RecoveryDir();

// 16 hex digits of a stable hash (FNV-1a) of the absolute, normalized path; "untitled" for "".
std::string RecoveryKey(const std::string& boardPath);

// Writes the copy atomically (temp file + rename), creating the folder. False with one sentence.
// `continues`: the journal (snapshot id) and its last record already in `board` (RecoveryInfo).
bool WriteRecovery(const Board& board, const std::string& boardPath, std::string* error,
                   std::optional<std::pair<uint64_t, uint64_t>> continues = std::nullopt);

// The copy for this board, if there is a readable one that belongs to it.
std::optional<RecoveryInfo> FindRecovery(const std::string& boardPath);

// Every copy in the folder, newest first (for a start without a file: "recover a crashed board?").
std::vector<RecoveryInfo> ListRecoveries();

// Loads a copy like any board (migration, repair, warnings).
LoadResult LoadRecovery(const RecoveryInfo& info);

// Removes the copy (after a save, or when the user declines it). Missing copies are fine.
void RemoveRecovery(const std::string& boardPath);

}  // namespace jb
