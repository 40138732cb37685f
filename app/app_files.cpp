// The App's files: the restore prompt (the policy: core/session/recovery_keeper.h), the recent
// boards, open and save (a save first checks that no other program changed the file), and
// New/Open/Quit asking first about unsaved changes.
#include <algorithm>
#include <filesystem>
#include <fstream>

#include <sys/stat.h>

#include "app/app.h"
#include "app/platform/i18n.h"
#include "app/views/dialogs.h"
#include "core/io/file_io.h"
#include "core/model/clock.h"
#include "core/session/recovery.h"
#include "core/session/save_document.h"

namespace fs = std::filesystem;

namespace jb {

// What identifies the version of a file on disk: another program's save changes the size or the
// modification time, or (written through a temp file and a rename, as we save) the inode.
FileStamp StampOf(const std::string& path) {
  FileStamp stamp;
  struct stat info {};
  if (path.empty() || ::stat(path.c_str(), &info) != 0) return stamp;
  stamp.path = path;
  stamp.device = uint64_t(info.st_dev);
  stamp.inode = uint64_t(info.st_ino);
  stamp.size = int64_t(info.st_size);
  stamp.mtimeNs = int64_t(info.st_mtim.tv_sec) * 1000000000 + info.st_mtim.tv_nsec;
  return stamp;
}

// [SECTION] Recovery

void App::RecoveryDialog() {
  if (!m_recovery.offered()) return;
  const RecoveryInfo info = *m_recovery.offered();
  const std::string when = LocalClockTime(info.savedAt);
  std::string board = info.boardPath.empty() ? std::string(_("an untitled board")) : fs::path(info.boardPath).filename().string();
  // Read before asking, so the prompt can say what of the work cannot come back.
  if (!m_recoveryRead) m_recoveryRead = RecoveryKeeper::Restore(info);
  const auto* readable = std::get_if<RestoredBoard>(&*m_recoveryRead);
  const std::string note = readable ? readable->warning : "";
  const RecoveryAnswer answer = ShowRecoveryPrompt(&m_recoveryRequested, board, when, note);
  if (answer == RecoveryAnswer::None) return;
  RestoreResult restored = std::move(*m_recoveryRead);
  m_recoveryRead.reset();
  if (answer == RecoveryAnswer::Restore) {
    if (auto* error = std::get_if<LoadError>(&restored)) {
      ShowError(error->message);  // the copy stays on disk: nothing is deleted that could not be read
      m_recovery.Forget();
    } else {
      RestoredBoard& result = std::get<RestoredBoard>(restored);
      m_canvas.FinishInteraction(m_document);
      m_document.Reset(std::move(result.board), info.boardPath, /*saved=*/false);
      m_recovery.MarkRestored(m_document);
      // Already said in the prompt; kept in the log too.
      if (!result.warning.empty()) std::fprintf(stderr, "journeyboard: %s\n", result.warning.c_str());
      m_canvas.ClearSelection();
      m_canvas.RequestFit();
      m_start.Withdraw();  // the restored board is what the facilitator came back for
      Status(Format(_("Restored unsaved work from %s."), when.c_str()));
    }
  } else if (answer == RecoveryAnswer::Discard) {
    m_recovery.Decline();
  }
}

// [SECTION] Files

void App::ReportRepairs(const std::vector<std::string>& warnings, const std::string& path) {
  if (warnings.empty()) return;
  std::string message = Format(_("%s was damaged and has been repaired:"), fs::path(path).filename().string().c_str());
  for (const std::string& warning : warnings) message += "\n  • " + warning;
  message += std::string("\n") + _("Check the board, then save to keep the repaired version.");
  // A list to read, not a toast: the modal message.
  std::fprintf(stderr, "journeyboard: %s\n", message.c_str());
  m_error = message;
  m_errorRequested = true;
}

void App::LoadRecent() {
  std::ifstream in(ConfigDir() + "/recent.txt");
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) m_recent.push_back(line);
}

void App::AddRecent(const std::string& path) {
  std::error_code ec;
  std::string absolute = fs::absolute(path, ec).string();
  m_recent.erase(std::remove(m_recent.begin(), m_recent.end(), absolute), m_recent.end());
  m_recent.insert(m_recent.begin(), absolute);
  if (m_recent.size() > 10) m_recent.resize(10);
  if (m_window) m_desktopRecent.Add(absolute);
  const std::string dir = ConfigDir();
  if (dir.empty()) return;
  fs::create_directories(dir, ec);
  std::ofstream out(dir + "/recent.txt", std::ios::trunc);
  for (const std::string& recent : m_recent) out << recent << '\n';
}

void App::OpenFile(const std::string& path) {
  const FileStamp stamp = StampOf(path);
  LoadResult loaded = LoadBoard(path);
  if (!std::holds_alternative<LoadError>(loaded)) m_recovery.Discard(m_document);
  if (auto* error = std::get_if<LoadError>(&loaded)) {
    ShowError(error->message);
    return;
  }
  m_canvas.FinishInteraction(m_document);
  LoadedBoard& opened = std::get<LoadedBoard>(loaded);
  ReportRepairs(opened.warnings, path);
  m_document.Reset(std::move(opened.board), path);
  m_loadedStamp = stamp;
  m_canvas.ClearSelection();
  m_canvas.RequestFit();
  AddRecent(path);
  Status(Format(_("Opened %s."), m_document.DisplayName().c_str()));
}

bool App::SaveTo(const std::string& path) {
  m_canvas.FinishInteraction(m_document);  // the note being typed is part of what gets saved
  SaveError error;
  const std::string previousPath = m_document.path();
  if (!SaveDocument(m_document, path, &error)) {
    ShowError(error.message);
    return false;
  }
  m_loadedStamp = StampOf(m_document.path());
  RemoveRecovery(previousPath);
  ChangeJournal::Remove(previousPath);
  m_recovery.Discard(m_document);
  AddRecent(m_document.path());
  Status(Format(_("Saved %s."), m_document.path().c_str()));
  return true;
}

void App::Save() {
  if (m_document.path().empty()) RequestSaveAs();  // RunPending follows a successful save
  else if (ChangedOnDisk()) m_changedOnDiskRequested = true;
  else if (SaveTo(m_document.path()) && m_pending != Pending::None) RunPending();
}

bool App::ChangedOnDisk() const {
  // Only the file this board was loaded from or last saved to: a board restored or started
  // elsewhere has no version of ours to compare with. A deleted file has nothing to overwrite.
  if (m_loadedStamp.path.empty() || m_loadedStamp.path != m_document.path()) return false;
  const FileStamp now = StampOf(m_document.path());
  return !now.path.empty() && !(now == m_loadedStamp);
}

void App::RequestSaveAs() {
  std::string suggested = m_document.path().empty() ? (fs::current_path() / "journey.cjm").string() : m_document.path();
  m_fileDialog.Request(FileDialog::Purpose::SaveAs, suggested);
}

// New, Open and Quit replace the board: with unsaved changes, ask first.
void App::StartOrConfirm(Pending action) {
  m_pending = action;
  if (m_document.IsDirty()) m_confirmDiscard = true;
  else RunPending();
}

void App::RunPending() {
  Pending action = m_pending;
  m_pending = Pending::None;
  // The board is saved or its changes were declined: its recovery copy is no longer wanted.
  // (Open and Import table ask for a file first: the dialog may yet be cancelled.)
  if (action != Pending::None && action != Pending::Open && action != Pending::ImportTable)
    m_recovery.Discard(m_document);
  switch (action) {
    case Pending::New:
      m_canvas.FinishInteraction(m_document);
      m_document.Reset(MakeBoard(m_pendingTemplate), "");
      m_canvas.ClearSelection();
      m_canvas.RequestFit();
      m_titleQuestion.Request(m_document.board().meta.title);  // asked over the new board
      m_dialogSwitchFrames = 3;
      break;
    case Pending::Open: m_fileDialog.Request(FileDialog::Purpose::Open, m_document.path()); break;
    case Pending::OpenPath: OpenFile(m_pendingPath); break;
    case Pending::Quit: m_quit = true; break;
    case Pending::ImportTable: m_fileDialog.Request(FileDialog::Purpose::ImportTable, m_document.path()); break;
    case Pending::PasteTable: OpenPendingTable(); break;
    case Pending::None: break;
  }
}

}  // namespace jb
