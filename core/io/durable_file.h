// Writing files so that a crash or a power cut leaves either the old file or the new one, whole:
// the one place in core that creates, writes, syncs and renames files. Used by the board save
// (file_io.cpp), the recovery copies (core/session/recovery.cpp) and the change journal
// (core/session/journal.cpp).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace jb {

struct SaveError {
  std::string message;  // one sentence, names the file
};

// Replaces `path` by `bytes`: write a temp file in the same folder, flush it to disk, keep the
// file being replaced as `path` + ".bak" when `keepBackup` (one generation), rename the temp file
// over `path`, flush the folder. On failure the previous file is untouched and `error` (may be
// null) says why ("Cannot save PATH: the disk is full."). True on success.
bool WriteFileAtomically(const std::string& path, const std::string& bytes, bool keepBackup, SaveError* error);

// The names of the steps CreateFileAtomically asks the fault hook about (below).
struct DurableStepNames {
  const char* sync;        // the new file's bytes, under the temp name
  const char* syncFolder;  // the folder, after the rename
};

// Replaces `path` by a new file holding `firstBytes` (a header), the same way but for a file that
// is then appended to: the temp file is `path` + ".tmp", written, synced (step `steps.sync`),
// renamed over `path`, and the folder synced (`steps.syncFolder`, a failure ignored). On success
// `fd` is the open, writable descriptor of the new file (the caller closes it); on failure `fd` is
// -1, `error` the errno value, and `path` is untouched with no temp file left.
struct CreatedFile {
  int fd = -1;
  int error = 0;
  bool createFailed = false;  // the temp file (named in `tempPath`) could not even be created
  std::string tempPath;
};
CreatedFile CreateFileAtomically(const std::string& path, std::string_view firstBytes, const DurableStepNames& steps);

// Writes all of `bytes` at `offset` of an open file (pwrite, again after a signal or a short write).
// Returns 0, or the errno value of the failure (ENOSPC for a write that wrote nothing).
int WriteAllAt(int fd, std::string_view bytes, uint64_t offset);

// Flushes an open file or folder to disk: fsync, or fdatasync when `dataOnly`. Every sync in core
// that a power cut must not undo goes through here, after asking the hook below about `step`.
// Returns 0, or the errno value of the failure.
int SyncToDisk(int fd, const char* step, bool dataOnly = false);

// Test seam: before each step of a save ("create", "write" (per MiB), "fsync" (the new file's
// bytes), "backup", "link", "fsync backup copy" (a .bak made by copying), "rename", "fsync folder"
// (the folder, after the rename)) the saver asks the hook, and so does the change journal before
// each of its syncs ("journal fsync" (a new journal's header), "journal fsync folder" (after its
// rename), "journal fdatasync" (JournalWriter::Flush)). A non-zero errno value makes that step
// fail as a full, read-only or broken disk would (a failed "backup" only skips the .bak; a failed
// "link" makes the .bak by copying; a failed folder sync is ignored, as a real one is). A hook that
// returns 0 sees every step in order: what a test needs to check that the syncs happen, and when.
// nullptr: off.
using SaveFaultHook = int (*)(const char* step);
void SetSaveFaultHookForTesting(SaveFaultHook hook);

// Plain words for an errno value a user can do something about ("the disk is full", "the disk is
// read-only", "permission denied"); the system's text for the rest.
std::string ErrnoText(int error);

}  // namespace jb
