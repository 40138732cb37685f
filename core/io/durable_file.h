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

// Streams a new file into place at `path` with the rules of WriteFileAtomically (which is built on
// it): Open checks the target and creates the temp file, Write appends, Commit syncs, keeps the
// .bak (when asked), renames and syncs the folder. A symlink is written through to the file it
// points at; a folder, a device or a pipe is refused, never replaced. Without a successful Commit
// (a failure, or the writer destroyed first) the temp file is removed and `path` is untouched.
// Messages are one sentence: "Cannot VERB PATH: REASON." (VERB "save" unless given).
class DurableWriter {
 public:
  DurableWriter() = default;
  ~DurableWriter();
  DurableWriter(const DurableWriter&) = delete;
  DurableWriter& operator=(const DurableWriter&) = delete;

  bool Open(const std::string& path, bool keepBackup, SaveError* error, const char* verb = "save");
  // Before Open, for a file rewritten many times a second that is worth nothing after a crash
  // (the layout dump): no fsync of the file or the folder, all the other rules the same.
  void SkipSyncs() { m_sync = false; }
  // Appends `bytes` (asking the fault hook "write" per MiB). After the first failure it writes
  // nothing more and returns false; Commit then reports the reason.
  bool Write(std::string_view bytes);
  bool Commit(SaveError* error);
  // The file being replaced: `path`, or what its symlink points at.
  const std::string& Target() const { return m_target; }

 private:
  void Abandon();
  bool Fail(const std::string& reason, SaveError* error);

  std::string m_path, m_target, m_temp, m_verb, m_reason;
  int m_fd = -1;
  uint64_t m_written = 0;
  bool m_keepBackup = false, m_open = false, m_sync = true;
};

// The checks DurableWriter::Open makes before it writes anything, alone: true when `path` could be
// written (its folder exists, it is not a folder, a device or a pipe), else `error` says why.
bool CheckWritableTarget(const std::string& path, SaveError* error, const char* verb = "save");

// True when `a` and `b` name one existing file (after links, by device and inode): a command
// that reads `a` must not write `b` over it.
bool SameFile(const std::string& a, const std::string& b);

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
