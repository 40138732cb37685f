// Saving never loses a workshop: the previous file survives every failure byte for byte, and the
// version before the last save is kept as FILE.cjm.bak.
#include <doctest/doctest.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include <fcntl.h>
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/io/file_io.h"
#include "core/io/templates.h"
#include "file_io_support.h"
#include "test_support.h"

using namespace jb;
using namespace jb::test;
namespace fs = std::filesystem;

namespace {

// Makes the `nth` time (1-based) the saver reaches `step` fail with `error`, while in scope.
class SaveFault {
 public:
  SaveFault(const char* step, int error, int nth = 1) {
    s_step = step;
    s_error = error;
    s_remaining = nth;
    s_seen = 0;
    SetSaveFaultHookForTesting(&Hook);
  }
  ~SaveFault() { SetSaveFaultHookForTesting(nullptr); }
  SaveFault(const SaveFault&) = delete;
  SaveFault& operator=(const SaveFault&) = delete;
  static int Seen() { return s_seen; }  // how often the step was reached

 private:
  static int Hook(const char* step) {
    if (std::strcmp(step, s_step) != 0) return 0;
    ++s_seen;
    return --s_remaining == 0 ? s_error : 0;
  }
  static inline const char* s_step = "";
  static inline int s_error = 0, s_remaining = 0, s_seen = 0;
};

// A board whose file is a few MiB, so it is written in several pieces.
Board BigBoard() {
  Board board = FixedBoard(Template::Classic);
  const Stage& stage = board.stages.front();
  const Lane& lane = board.lanes.front();
  for (int i = 0; i < 8000; ++i) {
    Note note;
    note.id = NoteId(board.NewId());
    note.stage = stage.id;
    note.lane = lane.id;
    note.text = "Note " + std::to_string(i) + ": " + std::string(300, 'x');
    board.notes.push_back(note);
  }
  return board;
}

// Makes a folder read-only while in scope, for root too: root ignores permission bits, so as
// root the folder gets the immutable attribute (chattr +i), which stops everyone. Locked() is
// false, with Why(), where neither works (a file system without the attribute, no capability).
class ReadOnlyFolder {
 public:
  explicit ReadOnlyFolder(const fs::path& folder) : m_folder(folder) {
    if (::geteuid() != 0) {
      m_chmodded = ::chmod(folder.c_str(), 0555) == 0;
      if (!m_chmodded) m_why = std::string("chmod: ") + std::strerror(errno);
    } else {
      m_immutable = SetImmutable(true);
    }
    // Whatever the means, check that it holds before a test relies on it.
    if (!m_chmodded && !m_immutable) return;
    const fs::path probe = folder / ".probe";
    const int fd = ::open(probe.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd >= 0) {
      ::close(fd);
      ::unlink(probe.c_str());
      m_why = "the folder still takes new files";
    }
  }
  ~ReadOnlyFolder() {
    if (m_immutable) SetImmutable(false);  // else the temp folder could not be removed
    if (m_chmodded) ::chmod(m_folder.c_str(), 0755);
  }
  ReadOnlyFolder(const ReadOnlyFolder&) = delete;
  ReadOnlyFolder& operator=(const ReadOnlyFolder&) = delete;

  bool Locked() const { return (m_chmodded || m_immutable) && m_why.empty(); }
  const std::string& Why() const { return m_why; }

 private:
  bool SetImmutable(bool on) {
    const int fd = ::open(m_folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
      m_why = std::string("open: ") + std::strerror(errno);
      return false;
    }
    int flags = 0;  // the kernel reads and writes an int, whatever the ioctl's declared type
    bool done = ::ioctl(fd, FS_IOC_GETFLAGS, &flags) == 0;
    if (done) {
      flags = on ? (flags | FS_IMMUTABLE_FL) : (flags & ~FS_IMMUTABLE_FL);
      done = ::ioctl(fd, FS_IOC_SETFLAGS, &flags) == 0;
    }
    if (!done && on) m_why = std::string("chattr +i: ") + std::strerror(errno);
    ::close(fd);
    return done;
  }

  fs::path m_folder;
  bool m_chmodded = false, m_immutable = false;
  std::string m_why;
};

std::string Bak(const std::string& path) {
  return path + ".bak";
}

}  // namespace

TEST_CASE("Save is atomic: it overwrites and leaves no temp files") {
  TempDir dir;
  const std::string path = dir.File("board.cjm");
  SaveError error;
  Board first = FixedBoard(Template::Classic);
  REQUIRE(SaveBoard(first, path, &error));
  CHECK(FolderEntries(dir.Path()) == std::vector<std::string>{"board.cjm"});  // a first save has no .bak
  CHECK(ReadFile(path) == BoardToJson(first));

  Board second = FixedBoard(Template::Sample);
  REQUIRE(SaveBoard(second, path, nullptr));
  CHECK(FolderEntries(dir.Path()) == std::vector<std::string>{"board.cjm", "board.cjm.bak"});
  const LoadResult loaded = LoadBoard(path);
  REQUIRE(AsBoard(loaded));
  CHECK(*AsBoard(loaded) == second);
}

TEST_CASE("A save syncs the new file's bytes, renames it over the old one, then syncs the folder") {
  TempDir dir;
  const std::string path = dir.File("board.cjm");
  std::string before, after;  // the file before and after the save being watched
  const auto temps = [&] {
    std::vector<std::string> names = FolderEntries(dir.Path());
    names.erase(std::remove_if(names.begin(), names.end(),
                               [](const std::string& name) { return name == "board.cjm" || name == "board.cjm.bak"; }),
                names.end());
    return names;
  };
  // What the disk holds when each step is about to happen: the whole new file under a temp name
  // at its sync and until the rename, the old file (and the .bak made of it) in place until the
  // rename, the new file in place and no temp file when the folder is synced.
  int linkError = 0;
  bool backup = true;
  DurableSteps steps([&](const std::string& step) {
    CAPTURE(step);
    if (step == "fsync" || step == "rename") {
      const std::vector<std::string> t = temps();
      CHECK(t.size() == 1);
      if (t.size() == 1) CHECK(ReadFile((dir.Path() / t[0]).string()) == after);
      CHECK(ReadFile(path) == before);
    }
    if (step == "rename" && backup && !before.empty()) CHECK(ReadFile(Bak(path)) == before);
    if (step == "fsync backup copy") CHECK(temps().size() == 2);  // the new file and the copy
    if (step == "fsync folder") {
      CHECK(temps().empty());
      CHECK(ReadFile(path) == after);
    }
    return step == "link" ? linkError : 0;
  });
  auto save = [&](const Board& board) {
    before = ReadFile(path);
    after = BoardToJson(board);
    REQUIRE(SaveBoard(board, path, nullptr));
    return steps.Take();
  };
  using Steps = std::vector<std::string>;
  CHECK(save(FixedBoard(Template::Blank)) == Steps{"create", "write", "fsync", "rename", "fsync folder"});
  CHECK(save(FixedBoard(Template::Classic)) ==
        Steps{"create", "write", "fsync", "backup", "link", "rename", "fsync folder"});
  // A .bak made by copying is synced too, before the rename.
  linkError = EPERM;
  CHECK(save(FixedBoard(Template::Sample)) ==
        Steps{"create", "write", "fsync", "backup", "link", "fsync backup copy", "rename", "fsync folder"});
  linkError = 0;
  // A file of several MiB: every piece is written before the one sync.
  const Board big = BigBoard();
  Steps expected = {"create"};
  expected.insert(expected.end(), (BoardToJson(big).size() + (1 << 20) - 1) >> 20, "write");
  for (const char* step : {"fsync", "backup", "link", "rename", "fsync folder"}) expected.push_back(step);
  REQUIRE(expected.size() > 7);
  CHECK(save(big) == expected);
  // Saving with no backup (a recovery copy) is as durable.
  before = ReadFile(path);
  after = "bytes";
  backup = false;
  REQUIRE(WriteFileAtomically(path, after, false, nullptr));
  CHECK(steps.Take() == Steps{"create", "write", "fsync", "rename", "fsync folder"});
}

TEST_CASE("SyncToDisk asks the hook, then really syncs") {
  // The steps show where the syncs are; this shows that they reach the system: a sync that did
  // nothing could not tell a bad descriptor or a pipe from a file.
  TempDir dir;
  const std::string path = dir.File("f");
  WriteFile(path, "bytes");
  const int fd = ::open(path.c_str(), O_RDWR | O_CLOEXEC);
  REQUIRE(fd >= 0);
  CHECK(SyncToDisk(fd, "test") == 0);
  CHECK(SyncToDisk(fd, "test", /*dataOnly=*/true) == 0);
  ::close(fd);
  CHECK(SyncToDisk(-1, "test") == EBADF);
  CHECK(SyncToDisk(-1, "test", /*dataOnly=*/true) == EBADF);
  int pipeEnds[2];
  REQUIRE(::pipe(pipeEnds) == 0);
  CHECK(SyncToDisk(pipeEnds[1], "test") == EINVAL);
  CHECK(SyncToDisk(pipeEnds[1], "test", /*dataOnly=*/true) == EINVAL);
  ::close(pipeEnds[0]);
  ::close(pipeEnds[1]);
  // A fault the hook injects comes back as the step's error, and the step is not done.
  SaveFault fault("test", ENOSPC);
  CHECK(SyncToDisk(-1, "test") == ENOSPC);
  CHECK(SyncToDisk(-1, "other") == EBADF);
}

TEST_CASE("Save keeps the previous version as FILE.cjm.bak, one generation") {
  TempDir dir;
  const std::string path = dir.File("workshop.cjm");
  const Board a = FixedBoard(Template::Blank), b = FixedBoard(Template::Classic), c = FixedBoard(Template::Sample);
  REQUIRE(SaveBoard(a, path, nullptr));
  CHECK_FALSE(fs::exists(Bak(path)));
  REQUIRE(SaveBoard(b, path, nullptr));
  CHECK(ReadFile(Bak(path)) == BoardToJson(a));
  REQUIRE(SaveBoard(c, path, nullptr));
  CHECK(ReadFile(Bak(path)) == BoardToJson(b));
  CHECK(ReadFile(path) == BoardToJson(c));
  // The .bak is a file of its own: the next save does not change it through a shared link.
  const std::string bakBefore = ReadFile(Bak(path));
  REQUIRE(SaveBoard(c, path, nullptr));
  CHECK(ReadFile(Bak(path)) == BoardToJson(c));
  CHECK(bakBefore == BoardToJson(b));
  CHECK(FolderEntries(dir.Path()) == std::vector<std::string>{"workshop.cjm", "workshop.cjm.bak"});
  // And it opens like any board.
  const LoadResult backup = LoadBoard(Bak(path));
  REQUIRE(AsBoard(backup));
  CHECK(*AsBoard(backup) == c);
}

TEST_CASE("A failed save after a failed save leaves no stray files") {
  // The rename fails after the .bak was made: the .bak and the file are then one file under two
  // names, which the next backup must cope with.
  TempDir dir;
  const std::string path = dir.File("b.cjm");
  REQUIRE(SaveBoard(FixedBoard(Template::Blank), path, nullptr));
  {
    SaveFault fault("rename", EIO);
    CHECK_FALSE(SaveBoard(FixedBoard(Template::Classic), path, nullptr));
  }
  REQUIRE(SaveBoard(FixedBoard(Template::Sample), path, nullptr));
  CHECK(ReadFile(Bak(path)) == BoardToJson(FixedBoard(Template::Blank)));
  CHECK(FolderEntries(dir.Path()) == std::vector<std::string>{"b.cjm", "b.cjm.bak"});
}

TEST_CASE("Where hard links are not possible, the .bak is a copy") {
  TempDir dir;
  const std::string path = dir.File("b.cjm");
  REQUIRE(SaveBoard(FixedBoard(Template::Blank), path, nullptr));
  SaveFault fault("link", EPERM);
  REQUIRE(SaveBoard(FixedBoard(Template::Classic), path, nullptr));
  CHECK(SaveFault::Seen() == 1);
  CHECK(ReadFile(Bak(path)) == BoardToJson(FixedBoard(Template::Blank)));
  CHECK(ReadFile(path) == BoardToJson(FixedBoard(Template::Classic)));
  CHECK(FolderEntries(dir.Path()) == std::vector<std::string>{"b.cjm", "b.cjm.bak"});
}

TEST_CASE("A failure to make the .bak does not block the save") {
  TempDir dir;
  const std::string path = dir.File("b.cjm");
  REQUIRE(SaveBoard(FixedBoard(Template::Blank), path, nullptr));
  REQUIRE(SaveBoard(FixedBoard(Template::Classic), path, nullptr));
  const std::string oldBak = ReadFile(Bak(path));
  SaveFault fault("backup", EIO);
  SaveError error;
  REQUIRE(SaveBoard(FixedBoard(Template::Sample), path, &error));
  CHECK(SaveFault::Seen() == 1);
  CHECK(ReadFile(path) == BoardToJson(FixedBoard(Template::Sample)));
  CHECK(ReadFile(Bak(path)) == oldBak);  // the older backup is still there, untouched
  CHECK(FolderEntries(dir.Path()) == std::vector<std::string>{"b.cjm", "b.cjm.bak"});
}

TEST_CASE("Save failures leave the previous file and its .bak byte-identical, with one sentence") {
  struct Case {
    const char* step;
    int error;
    int nth;
    const char* reason;
  };
  const Case cases[] = {
      {"create", EROFS, 1, "the disk is read-only"},  // a read-only disk or folder
      {"create", EACCES, 1, "permission denied"},     // a folder that is not ours
      {"write", ENOSPC, 1, "the disk is full"},       // full before the first byte
      {"write", ENOSPC, 2, "the disk is full"},       // full half-way through
      {"write", EDQUOT, 3, "the disk is full"},       // over quota
      {"fsync", EIO, 1, std::strerror(EIO)},          // the disk lost the bytes
      {"rename", EXDEV, 1, std::strerror(EXDEV)},
      // A folder made at the target after the check: the check's words, so it is said once.
      {"rename", EISDIR, 1, "a folder with that name is in the way"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.step);
    CAPTURE(c.nth);
    TempDir dir;
    const std::string path = dir.File("keep.cjm");
    REQUIRE(SaveBoard(FixedBoard(Template::Blank), path, nullptr));
    REQUIRE(SaveBoard(FixedBoard(Template::Classic), path, nullptr));
    const std::string before = ReadFile(path), bakBefore = ReadFile(Bak(path));
    SaveError error;
    {
      SaveFault fault(c.step, c.error, c.nth);
      CHECK_FALSE(SaveBoard(BigBoard(), path, &error));
      CHECK(SaveFault::Seen() >= c.nth);
    }
    CHECK(error.message == "Cannot save " + path + ": " + c.reason + ".");
    CHECK(ReadFile(path) == before);
    if (std::string(c.step) != "rename") CHECK(ReadFile(Bak(path)) == bakBefore);
    CHECK(FolderEntries(dir.Path()) == std::vector<std::string>{"keep.cjm", "keep.cjm.bak"});  // no temp left
    // The next save works again.
    REQUIRE(SaveBoard(FixedBoard(Template::Sample), path, nullptr));
    CHECK(ReadFile(path) == BoardToJson(FixedBoard(Template::Sample)));
  }
}

TEST_CASE("A read-only folder: the save fails and the previous file stays") {
  TempDir dir;
  const fs::path folder = dir.Path() / "locked";
  fs::create_directories(folder);
  const std::string path = (folder / "b.cjm").string();
  REQUIRE(SaveBoard(FixedBoard(Template::Blank), path, nullptr));
  const std::string before = ReadFile(path);
  SaveError error;
  {
    ReadOnlyFolder locked(folder);
    if (!locked.Locked()) {
      WARN_MESSAGE(false, "skipped: cannot make a folder read-only here (" << locked.Why() << ")");
      return;
    }
    CHECK_FALSE(SaveBoard(FixedBoard(Template::Sample), path, &error));
  }
  CHECK(error.message == "Cannot save " + path + ": permission denied.");
  CHECK(ReadFile(path) == before);
  CHECK(FolderEntries(folder) == std::vector<std::string>{"b.cjm"});  // no temp file, no .bak
  // Unlocked, the same save goes through.
  REQUIRE(SaveBoard(FixedBoard(Template::Sample), path, nullptr));
  CHECK(ReadFile(path) == BoardToJson(FixedBoard(Template::Sample)));
}

TEST_CASE("Save keeps the file's permissions") {
  TempDir dir;
  const std::string path = dir.File("shared.cjm");
  REQUIRE(SaveBoard(FixedBoard(Template::Blank), path, nullptr));
  REQUIRE(::chmod(path.c_str(), 0640) == 0);
  REQUIRE(SaveBoard(FixedBoard(Template::Classic), path, nullptr));
  struct stat info;
  REQUIRE(::stat(path.c_str(), &info) == 0);
  CHECK((info.st_mode & 0777) == 0640);
}

TEST_CASE("A failed save leaves the previous file byte-identical") {
  TempDir dir;
  const std::string path = dir.File("keep.cjm");
  REQUIRE(SaveBoard(FixedBoard(Template::Classic), path, nullptr));
  const std::string before = ReadFile(path);
  // Block the temp file's name with a non-empty folder (chmod would not stop root).
  const fs::path blocker = dir.Path() / (".keep.cjm.tmp-" + std::to_string(::getpid()));
  fs::create_directories(blocker / "inside");
  SaveError error;
  CHECK_FALSE(SaveBoard(FixedBoard(Template::Sample), path, &error));
  CHECK(error.message.rfind("Cannot save " + path + ": ", 0) == 0);
  CHECK(error.message.back() == '.');
  CHECK(ReadFile(path) == before);
}

TEST_CASE("Saving into a missing folder, a non-folder or over a folder fails with a message") {
  TempDir dir;
  const std::string path = dir.File("no/such/folder/board.cjm");
  SaveError error;
  CHECK_FALSE(SaveBoard(FixedBoard(Template::Blank), path, &error));
  CAPTURE(error.message);
  CHECK(error.message == "Cannot save " + path + ": the folder " + dir.File("no/such/folder") + " does not exist.");
  CHECK_FALSE(SaveBoard(FixedBoard(Template::Blank), path, nullptr));  // no error slot: still no crash
  CHECK(FolderEntries(dir.Path()).empty());

  fs::create_directories(dir.Path() / "taken.cjm");
  CHECK_FALSE(SaveBoard(FixedBoard(Template::Blank), dir.File("taken.cjm"), &error));
  CHECK(error.message == "Cannot save " + dir.File("taken.cjm") + ": a folder with that name is in the way.");
  CHECK(fs::is_directory(dir.Path() / "taken.cjm"));

  // A device is not a folder.
  CHECK_FALSE(SaveBoard(FixedBoard(Template::Blank), "/dev/full/x.cjm", &error));
  CHECK(error.message == "Cannot save /dev/full/x.cjm: /dev/full is not a folder.");
}

TEST_CASE("A pipe or a device is never replaced by a saved file") {
  TempDir dir;
  const std::string pipe = dir.File("pipe.cjm");
  REQUIRE(::mkfifo(pipe.c_str(), 0600) == 0);
  SaveError error;
  CHECK_FALSE(SaveBoard(FixedBoard(Template::Blank), pipe, &error));
  CHECK(error.message == "Cannot save " + pipe + ": it is not a regular file.");
  CHECK(fs::is_fifo(pipe));
  CHECK(FolderEntries(dir.Path()) == std::vector<std::string>{"pipe.cjm"});
  // /dev/full would be replaced by a regular file if root could rename over it.
  CHECK_FALSE(SaveBoard(FixedBoard(Template::Blank), "/dev/full", &error));
  CHECK(error.message == "Cannot save /dev/full: it is not a regular file.");
  CHECK(fs::is_character_file("/dev/full"));
}

TEST_CASE("Saving through a symlink updates the file it points to and keeps its .bak beside it") {
  TempDir dir;
  fs::create_directories(dir.Path() / "real");
  const std::string real = dir.File("real/b.cjm"), link = dir.File("link.cjm");
  REQUIRE(SaveBoard(FixedBoard(Template::Blank), real, nullptr));
  fs::create_symlink(real, link);
  REQUIRE(SaveBoard(FixedBoard(Template::Classic), link, nullptr));
  CHECK(fs::is_symlink(link));
  CHECK(ReadFile(real) == BoardToJson(FixedBoard(Template::Classic)));
  CHECK(ReadFile(Bak(real)) == BoardToJson(FixedBoard(Template::Blank)));
  CHECK_FALSE(fs::exists(Bak(link)));
}

TEST_CASE("WriteFileAtomically without a backup keeps no .bak") {
  TempDir dir;
  const std::string path = dir.File("notes.txt");
  REQUIRE(WriteFileAtomically(path, "one", false, nullptr));
  REQUIRE(WriteFileAtomically(path, "two", false, nullptr));
  CHECK(ReadFile(path) == "two");
  CHECK(FolderEntries(dir.Path()) == std::vector<std::string>{"notes.txt"});
}

// DurableWriter: the streaming form of the same writer, used by the PNG export and --dump-layout.

TEST_CASE("DurableWriter streams pieces into place with the save's steps, and only on Commit") {
  TempDir dir;
  const std::string path = dir.File("image.png");
  WriteFile(path, "old");
  DurableSteps steps;
  DurableWriter writer;
  SaveError error;
  REQUIRE(writer.Open(path, false, &error, "write"));
  CHECK(writer.Write("one,"));
  CHECK(writer.Write(std::string(3 << 20, 'x')));  // three MiB: asked about per MiB
  CHECK(writer.Write(""));
  CHECK(writer.Write("two"));
  CHECK(ReadFile(path) == "old");  // nothing replaced before Commit
  REQUIRE(writer.Commit(&error));
  CHECK(ReadFile(path) == "one," + std::string(3 << 20, 'x') + "two");
  CHECK(steps.Take() == std::vector<std::string>{"create", "write", "write", "write", "write", "write", "fsync",
                                                 "rename", "fsync folder"});
  CHECK(FolderEntries(dir.Path()) == std::vector<std::string>{"image.png"});
}

TEST_CASE("DurableWriter without Commit, or after a failed write, leaves the old file and no temp") {
  TempDir dir;
  const std::string path = dir.File("image.png");
  WriteFile(path, "old");
  {
    DurableWriter writer;
    REQUIRE(writer.Open(path, false, nullptr, "write"));
    CHECK(writer.Write("new"));
  }  // abandoned: an export that failed half way
  CHECK(ReadFile(path) == "old");
  CHECK(FolderEntries(dir.Path()) == std::vector<std::string>{"image.png"});

  // The disk fills up at the second MiB: later writes do nothing, Commit says why, in one sentence.
  SaveFault full("write", ENOSPC, 2);
  DurableWriter writer;
  SaveError error;
  REQUIRE(writer.Open(path, false, &error, "write"));
  CHECK_FALSE(writer.Write(std::string(2 << 20, 'x')));
  CHECK_FALSE(writer.Write("more"));
  CHECK_FALSE(writer.Commit(&error));
  CHECK(error.message == "Cannot write " + path + ": the disk is full.");
  CHECK(ReadFile(path) == "old");
  CHECK(FolderEntries(dir.Path()) == std::vector<std::string>{"image.png"});
}

TEST_CASE("DurableWriter: a failed sync or rename leaves the old file, with one sentence") {
  TempDir dir;
  const std::string path = dir.File("dump.json");
  WriteFile(path, "old");
  for (const char* step : {"create", "fsync", "rename"}) {
    CAPTURE(step);
    SaveFault fault(step, step == std::string("create") ? EROFS : EIO);
    DurableWriter writer;
    SaveError error;
    const bool ok = writer.Open(path, false, &error, "write") && writer.Write("new") && writer.Commit(&error);
    CHECK_FALSE(ok);
    CHECK(error.message.rfind("Cannot write " + path + ": ", 0) == 0);
    CHECK(error.message.back() == '.');
    CHECK(ReadFile(path) == "old");
    CHECK(FolderEntries(dir.Path()) == std::vector<std::string>{"dump.json"});
  }
}

TEST_CASE("DurableWriter writes through a symlink and refuses pipes, devices and folders") {
  TempDir dir;
  fs::create_directories(dir.Path() / "real");
  const std::string real = dir.File("real/out.png"), link = dir.File("link.png");
  WriteFile(real, "old");
  fs::create_symlink(real, link);
  DurableWriter writer;
  SaveError error;
  REQUIRE(writer.Open(link, false, &error, "write"));
  CHECK(writer.Target() == real);
  CHECK(writer.Write("new"));
  REQUIRE(writer.Commit(&error));
  CHECK(fs::is_symlink(link));
  CHECK(ReadFile(real) == "new");

  const std::string pipe = dir.File("pipe.png");
  REQUIRE(::mkfifo(pipe.c_str(), 0600) == 0);
  for (const std::string& target : {pipe, std::string("/dev/full"), std::string("/dev/null")}) {
    CAPTURE(target);
    DurableWriter refused;
    CHECK_FALSE(refused.Open(target, false, &error, "write"));
    CHECK(error.message == "Cannot write " + target + ": it is not a regular file.");
    CHECK_FALSE(refused.Commit(&error));
    CHECK_FALSE(CheckWritableTarget(target, &error, "write"));
  }
  CHECK(fs::is_fifo(pipe));
  CHECK(fs::is_character_file("/dev/full"));
  CHECK(fs::is_character_file("/dev/null"));
  CHECK_FALSE(CheckWritableTarget(dir.File("real"), &error, "write"));
  CHECK(error.message == "Cannot write " + dir.File("real") + ": a folder with that name is in the way.");
  CHECK(CheckWritableTarget(dir.File("new.png"), &error, "write"));
  CHECK_FALSE(fs::exists(dir.File("new.png")));  // checking writes nothing
}

TEST_CASE("DurableWriter in a read-only folder fails with one sentence") {
  TempDir dir;
  fs::create_directories(dir.Path() / "locked");
  const std::string path = dir.File("locked/out.png");
  ReadOnlyFolder readOnly(dir.Path() / "locked");
  if (!readOnly.Locked()) {
    MESSAGE("skipped: cannot make a read-only folder here (" << readOnly.Why() << ")");
    return;
  }
  DurableWriter writer;
  SaveError error;
  CHECK_FALSE(writer.Open(path, false, &error, "write"));
  CAPTURE(error.message);
  CHECK(error.message.rfind("Cannot write " + path + ": ", 0) == 0);
  CHECK(error.message.back() == '.');
  // The check alone sees it too, before any work (an export's render) is done.
  SaveError early;
  CHECK_FALSE(CheckWritableTarget(path, &early, "write"));
  CHECK(early.message == error.message);
  CHECK(FolderEntries(dir.Path() / "locked").empty());
}

TEST_CASE("SameFile sees one file through links, not two files with equal bytes") {
  TempDir dir;
  const std::string a = dir.File("a.cjm"), b = dir.File("b.cjm");
  WriteFile(a, "same");
  WriteFile(b, "same");
  fs::create_symlink(a, dir.File("link.cjm"));
  fs::create_hard_link(a, dir.File("hard.cjm"));
  CHECK(SameFile(a, a));
  CHECK(SameFile(a, dir.File("link.cjm")));
  CHECK(SameFile(a, dir.File("hard.cjm")));
  CHECK(SameFile(a, dir.File("./a.cjm")));
  CHECK_FALSE(SameFile(a, b));
  CHECK_FALSE(SameFile(a, dir.File("missing.cjm")));
  CHECK_FALSE(SameFile("", a));
}

TEST_CASE("DurableWriter::SkipSyncs (the layout dump) skips only the syncs") {
  TempDir dir;
  const std::string path = dir.File("layout.json");
  DurableSteps steps;
  DurableWriter writer;
  writer.SkipSyncs();
  REQUIRE(writer.Open(path, false, nullptr, "write"));
  CHECK(writer.Write("{}"));
  REQUIRE(writer.Commit(nullptr));
  CHECK(ReadFile(path) == "{}");
  CHECK(steps.Take() == std::vector<std::string>{"create", "write", "rename"});
  // The other rules stay: a pipe is still refused.
  REQUIRE(::mkfifo(dir.File("pipe.json").c_str(), 0600) == 0);
  DurableWriter pipe;
  pipe.SkipSyncs();
  CHECK_FALSE(pipe.Open(dir.File("pipe.json"), false, nullptr, "write"));
  CHECK(fs::is_fifo(dir.File("pipe.json")));
}

TEST_CASE("A dangling symlink is written through: the file it names is made, the link stays") {
  TempDir dir;
  fs::create_directories(dir.Path() / "real");
  const std::string link = dir.File("link.png"), hop = dir.File("hop.png");
  fs::create_symlink("hop.png", link);          // relative, to another link...
  fs::create_symlink("real/made.png", hop);     // ...to a file not there yet
  REQUIRE(WriteFileAtomically(link, "png", false, nullptr));
  CHECK(fs::is_symlink(link));
  CHECK(fs::is_symlink(hop));
  CHECK(ReadFile(dir.File("real/made.png")) == "png");
  // A loop of links: refused, not a hang, and the links stay links.
  fs::create_symlink("b.png", dir.File("a.png"));
  fs::create_symlink("a.png", dir.File("b.png"));
  SaveError error;
  CHECK_FALSE(WriteFileAtomically(dir.File("a.png"), "x", false, &error));
  CHECK(error.message == "Cannot save " + dir.File("a.png") + ": its links go round in a loop.");
  CHECK(fs::is_symlink(dir.File("a.png")));
  CHECK(fs::is_symlink(dir.File("b.png")));
}
