#include "core/io/durable_file.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>

#if defined(__unix__) || defined(__APPLE__)
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#define JB_POSIX_FILES 1
#endif

namespace jb {

namespace {

namespace fs = std::filesystem;

std::atomic<SaveFaultHook> g_saveFault{nullptr};

// The errno a test wants `step` to fail with, else 0.
int InjectedFault(const char* step) {
  const SaveFaultHook hook = g_saveFault.load();
  return hook ? hook(step) : 0;
}

// A hidden name next to `target` (rename is only atomic within one file system), within NAME_MAX
// even when the target's own name is near it.
fs::path TempPath(const fs::path& target, const char* kind) {
#if JB_POSIX_FILES
  const std::string pid = std::to_string(::getpid());
#else
  const std::string pid = "0";
#endif
  std::string name = "." + target.filename().string() + "." + kind + "-" + pid;
  if (name.size() > 200) name = std::string(".journeyboard-save.") + kind + "-" + pid;
  return target.parent_path() / name;
}

// Writes all bytes to a new file and forces them to disk. Returns false with the reason.
bool WriteNewFile(const fs::path& path, const std::string& bytes, const fs::path& modelPath, std::string* reason) {
  if (const int fault = InjectedFault("create")) {
    *reason = ErrnoText(fault);
    return false;
  }
#if JB_POSIX_FILES
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0) {
    *reason = ErrnoText(errno);
    return false;
  }
  auto fail = [&](int error) {
    *reason = ErrnoText(error);
    ::close(fd);
    return false;
  };
  // Keep the permissions of the file being replaced.
  struct stat previous;
  if (::stat(modelPath.c_str(), &previous) == 0) (void)::fchmod(fd, previous.st_mode & 07777);
  constexpr size_t kChunk = size_t(1) << 20;
  for (size_t done = 0; done < bytes.size(); done += kChunk) {
    if (const int fault = InjectedFault("write")) return fail(fault);
    const std::string_view chunk = std::string_view(bytes).substr(done, kChunk);
    if (const int error = WriteAllAt(fd, chunk, done)) return fail(error);
  }
  if (const int error = SyncToDisk(fd, "fsync")) return fail(error);
  if (::close(fd) != 0) {
    *reason = ErrnoText(errno);
    return false;
  }
  return true;
#else
  (void)modelPath;
  errno = 0;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (out && InjectedFault("write") == 0) out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (out) out.flush();
  const bool written = bool(out) && InjectedFault("fsync") == 0;
  out.close();
  if (!written || out.fail()) {
    *reason = ErrnoText(errno);
    return false;
  }
  return true;
#endif
}

// After a rename, the folder entry itself must reach the disk for the new file to survive a crash.
// A failure is ignored: the file is in place, and there is nothing better to do.
void SyncFolder(const fs::path& folder, const char* step) {
#if JB_POSIX_FILES
  const int fd = ::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) {
    (void)SyncToDisk(fd, step);
    ::close(fd);
  }
#else
  (void)folder;
  (void)step;
#endif
}

// Keeps the file about to be replaced as NAME.bak, one generation. The file itself stays where it
// is throughout (a hard link or a copy, never a move), and the old .bak is replaced by a rename,
// so a failure at any point here loses nothing; the save goes on without a new .bak.
void KeepBackup(const fs::path& target) {
  std::error_code ec;
  if (!fs::is_regular_file(target, ec)) return;  // a first save has nothing to keep
  if (InjectedFault("backup")) return;
  fs::path backup = target;
  backup += ".bak";
  const fs::path temp = TempPath(backup, "tmp");
  fs::remove(temp, ec);
  bool made = false;
#if JB_POSIX_FILES
  made = InjectedFault("link") == 0 && ::link(target.c_str(), temp.c_str()) == 0;  // costs no copy
#endif
  // File systems without hard links (FAT, some network shares) get a copy, flushed like a save.
  if (!made && fs::copy_file(target, temp, fs::copy_options::overwrite_existing, ec) && !ec) {
    made = true;
#if JB_POSIX_FILES
    const int fd = ::open(temp.c_str(), O_RDONLY | O_CLOEXEC);
    made = fd >= 0 && SyncToDisk(fd, "fsync backup copy") == 0;
    if (fd >= 0) ::close(fd);
#endif
  }
  if (made) fs::rename(temp, backup, ec);
  // Also when the rename "succeeded" without effect: temp and an old .bak can be links to one file.
  fs::remove(temp, ec);
}

}  // namespace

std::string ErrnoText(int error) {
  switch (error) {
    case ENOSPC:
#ifdef EDQUOT
    case EDQUOT:
#endif
      return "the disk is full";
    case EROFS: return "the disk is read-only";
    case EACCES:
    case EPERM: return "permission denied";
    case 0: return std::strerror(EIO);
    default: return std::strerror(error);
  }
}

void SetSaveFaultHookForTesting(SaveFaultHook hook) { g_saveFault.store(hook); }

int SyncToDisk(int fd, const char* step, bool dataOnly) {
  if (const int fault = InjectedFault(step)) return fault;
#if JB_POSIX_FILES
  const int result = dataOnly ? ::fdatasync(fd) : ::fsync(fd);
  return result == 0 ? 0 : errno;
#else
  (void)fd;
  (void)dataOnly;
  return 0;
#endif
}

int WriteAllAt(int fd, std::string_view bytes, uint64_t offset) {
#if JB_POSIX_FILES
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::pwrite(fd, bytes.data() + done, bytes.size() - done, off_t(offset + done));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return errno;
    if (n == 0) return ENOSPC;
    done += size_t(n);
  }
  return 0;
#else
  (void)fd;
  (void)bytes;
  (void)offset;
  return ENOSYS;
#endif
}

bool WriteFileAtomically(const std::string& path, const std::string& bytes, bool keepBackup, SaveError* error) {
  if (path.empty()) {
    if (error) error->message = "Cannot save the board: no file name was given.";
    return false;
  }
  auto fail = [&](const std::string& reason) {
    if (error) error->message = "Cannot save " + path + ": " + reason + ".";
    return false;
  };

  // Saves of one process share temp file names: one at a time (autosave may run on a thread).
  static std::mutex saving;
  const std::lock_guard<std::mutex> lock(saving);

  std::error_code ec;
  fs::path target(path);
  // Saving through a symlink updates the file it points to, not the link.
  if (fs::is_symlink(target, ec)) {
    const fs::path resolved = fs::canonical(target, ec);
    if (!ec) target = resolved;
  }
  if (target.filename().empty() || target.filename() == "." || target.filename() == "..")
    return fail("the name is not a file name");
  const fs::path folder = target.parent_path();
  if (!folder.empty()) {
    const fs::file_status folderStatus = fs::status(folder, ec);
    if (!fs::exists(folderStatus)) return fail("the folder " + folder.string() + " does not exist");
    if (!fs::is_directory(folderStatus)) return fail(folder.string() + " is not a folder");
  }
  const fs::file_status targetStatus = fs::status(target, ec);
  if (fs::is_directory(targetStatus)) return fail("a folder with that name is in the way");
  // A device or a pipe must never be replaced by a regular file (think of /dev/null as root).
  if (fs::exists(targetStatus) && !fs::is_regular_file(targetStatus)) return fail("it is not a regular file");

  const fs::path temp = TempPath(target, "tmp");
  fs::remove(temp, ec);  // a leftover from a crashed save of this same process id

  std::string reason;
  if (!WriteNewFile(temp, bytes, target, &reason)) {
    fs::remove(temp, ec);
    return fail(reason);
  }
  if (keepBackup) KeepBackup(target);
  if (const int fault = InjectedFault("rename")) {
    fs::remove(temp, ec);
    return fail(ErrnoText(fault));
  }
  fs::rename(temp, target, ec);
  if (ec) {
    const std::string renameReason = ErrnoText(ec.value());
    fs::remove(temp, ec);
    return fail(renameReason);
  }
  SyncFolder(folder, "fsync folder");
  return true;
}

CreatedFile CreateFileAtomically(const std::string& path, std::string_view firstBytes, const DurableStepNames& steps) {
  CreatedFile result;
  result.tempPath = path + ".tmp";
#if JB_POSIX_FILES
  // The descriptor stays open across the rename and then names `path`.
  const int fd = ::open(result.tempPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) {
    result.error = errno;
    result.createFailed = true;
    return result;
  }
  int err = WriteAllAt(fd, firstBytes, 0);
  if (err == 0) err = SyncToDisk(fd, steps.sync);
  if (err == 0 && ::rename(result.tempPath.c_str(), path.c_str()) != 0) err = errno;
  if (err != 0) {
    ::close(fd);
    ::unlink(result.tempPath.c_str());
    result.error = err;
    return result;
  }
  SyncFolder(fs::path(path).parent_path(), steps.syncFolder);
  result.fd = fd;
#else
  (void)firstBytes;
  (void)steps;
  result.error = ENOSYS;
  result.createFailed = true;
#endif
  return result;
}

}  // namespace jb
