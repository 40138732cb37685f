#include "core/io/durable_file.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <condition_variable>
#include <mutex>
#include <set>

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

// Temp names are per process and target: two writers of one target in this process (autosave on
// a thread, a save) take turns rather than share a temp file.
std::mutex g_tempsLock;
std::condition_variable g_tempFreed;
std::set<std::string> g_tempsInUse;

void ClaimTemp(const std::string& temp) {
  std::unique_lock<std::mutex> lock(g_tempsLock);
  g_tempFreed.wait(lock, [&] { return g_tempsInUse.count(temp) == 0; });
  g_tempsInUse.insert(temp);
}

void ReleaseTemp(const std::string& temp) {
  {
    const std::lock_guard<std::mutex> lock(g_tempsLock);
    g_tempsInUse.erase(temp);
  }
  g_tempFreed.notify_all();
}

// Where a write to `path` goes and whether it may: a symlink is followed to its file; the folder
// must exist; a folder, a device or a pipe at the target is refused (think of /dev/null as
// root: it must never be replaced by a regular file). Empty `reason` when it may.
fs::path ResolveTarget(const std::string& path, std::string* reason) {
  std::error_code ec;
  fs::path target(path);
  // Writing through a symlink updates the file it points to, not the link. A link to a file not
  // there yet (dangling) makes that file, link by link (at most 40, as the kernel allows).
  for (int hops = 0; hops < 40 && fs::is_symlink(target, ec); ++hops) {
    const fs::path resolved = fs::canonical(target, ec);
    if (!ec) {
      target = resolved;
      break;
    }
    const fs::path next = fs::read_symlink(target, ec);
    if (ec) break;
    target = next.is_absolute() ? next : target.parent_path() / next;
  }
  if (fs::is_symlink(target, ec)) {  // still a link: they go round in a loop
    *reason = "its links go round in a loop";
    return target;
  }
  if (target.filename().empty() || target.filename() == "." || target.filename() == "..") {
    *reason = "the name is not a file name";
    return target;
  }
  const fs::path folder = target.parent_path();
  if (!folder.empty()) {
    const fs::file_status folderStatus = fs::status(folder, ec);
    if (!fs::exists(folderStatus)) {
      *reason = "the folder " + folder.string() + " does not exist";
      return target;
    }
    if (!fs::is_directory(folderStatus)) {
      *reason = folder.string() + " is not a folder";
      return target;
    }
  }
  const fs::file_status targetStatus = fs::status(target, ec);
  if (fs::is_directory(targetStatus)) *reason = "a folder with that name is in the way";
  else if (fs::exists(targetStatus) && !fs::is_regular_file(targetStatus)) *reason = "it is not a regular file";
  return target;
}

std::string NoNameMessage(const std::string& verb) {
  return "Cannot " + verb + (verb == "save" ? " the board" : " the file") + ": no file name was given.";
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
    // A folder made at the target between the check and the rename: the check's own words, so
    // the once-only report does not say it twice.
    case EISDIR: return "a folder with that name is in the way";
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

bool CheckWritableTarget(const std::string& path, SaveError* error, const char* verb) {
  if (path.empty()) {
    if (error) error->message = NoNameMessage(verb);
    return false;
  }
  std::string reason;
  const fs::path target = ResolveTarget(path, &reason);
#if JB_POSIX_FILES
  // The temp file and the rename need a writable folder: say so now, not after a long render.
  // access() also sees a read-only disk and the immutable attribute, for root too.
  const fs::path folder = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  if (reason.empty() && ::access(folder.c_str(), W_OK | X_OK) != 0) reason = ErrnoText(errno);
#endif
  if (reason.empty()) return true;
  if (error) error->message = "Cannot " + std::string(verb) + " " + path + ": " + reason + ".";
  return false;
}

bool SameFile(const std::string& a, const std::string& b) {
  std::error_code ec;
  return !a.empty() && !b.empty() && fs::equivalent(a, b, ec) && !ec;
}

DurableWriter::~DurableWriter() { Abandon(); }

void DurableWriter::Abandon() {
  if (!m_open) return;
#if JB_POSIX_FILES
  if (m_fd >= 0) ::close(m_fd);
#endif
  m_fd = -1;
  std::error_code ec;
  fs::remove(m_temp, ec);
  ReleaseTemp(m_temp);
  m_open = false;
}

bool DurableWriter::Fail(const std::string& reason, SaveError* error) {
  Abandon();
  if (error) error->message = "Cannot " + m_verb + " " + m_path + ": " + reason + ".";
  return false;
}

bool DurableWriter::Open(const std::string& path, bool keepBackup, SaveError* error, const char* verb) {
  Abandon();
  m_path = path;
  m_verb = verb;
  m_keepBackup = keepBackup;
  m_reason.clear();
  m_written = 0;
  if (path.empty()) {
    if (error) error->message = NoNameMessage(m_verb);
    return false;
  }
  std::string reason;
  const fs::path target = ResolveTarget(path, &reason);
  if (!reason.empty()) return Fail(reason, error);
  m_target = target.string();
  m_temp = TempPath(target, "tmp").string();
  ClaimTemp(m_temp);
  m_open = true;
  std::error_code ec;
  fs::remove(m_temp, ec);  // a leftover from a crashed save of this same process id
  if (const int fault = InjectedFault("create")) return Fail(ErrnoText(fault), error);
#if JB_POSIX_FILES
  m_fd = ::open(m_temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_TRUNC | O_CLOEXEC, 0666);
  if (m_fd < 0) {
    const int failure = errno;
    m_open = false;  // the temp name may be someone else's file (O_EXCL): leave it
    ReleaseTemp(m_temp);
    if (error) error->message = "Cannot " + m_verb + " " + m_path + ": " + ErrnoText(failure) + ".";
    return false;
  }
  // Keep the permissions of the file being replaced.
  struct stat previous;
  if (::stat(m_target.c_str(), &previous) == 0) (void)::fchmod(m_fd, previous.st_mode & 07777);
#else
  return Fail(ErrnoText(ENOSYS), error);
#endif
  return true;
}

bool DurableWriter::Write(std::string_view bytes) {
  if (!m_open || !m_reason.empty()) return false;
  constexpr size_t kChunk = size_t(1) << 20;
  for (size_t done = 0; done < bytes.size(); done += kChunk) {
    int failure = InjectedFault("write");
    if (failure == 0) failure = WriteAllAt(m_fd, bytes.substr(done, kChunk), m_written);
    if (failure != 0) {
      m_reason = ErrnoText(failure);
      return false;
    }
    m_written += std::min(kChunk, bytes.size() - done);
  }
  return true;
}

bool DurableWriter::Commit(SaveError* error) {
  if (!m_open) {
    if (error && error->message.empty()) error->message = "Cannot " + m_verb + " " + m_path + ": it was not opened.";
    return false;
  }
  if (!m_reason.empty()) return Fail(m_reason, error);
  if (m_sync) {
    if (const int failure = SyncToDisk(m_fd, "fsync")) return Fail(ErrnoText(failure), error);
  }
#if JB_POSIX_FILES
  const int closed = ::close(m_fd);
  m_fd = -1;
  if (closed != 0) return Fail(ErrnoText(errno), error);
#endif
  if (m_keepBackup) KeepBackup(m_target);
  if (const int fault = InjectedFault("rename")) return Fail(ErrnoText(fault), error);
  std::error_code ec;
  fs::rename(m_temp, m_target, ec);
  if (ec) return Fail(ErrnoText(ec.value()), error);
  ReleaseTemp(m_temp);
  m_open = false;
  if (m_sync) SyncFolder(fs::path(m_target).parent_path(), "fsync folder");
  return true;
}

bool WriteFileAtomically(const std::string& path, const std::string& bytes, bool keepBackup, SaveError* error) {
  DurableWriter writer;
  if (!writer.Open(path, keepBackup, error)) return false;
  writer.Write(bytes);
  return writer.Commit(error);
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
