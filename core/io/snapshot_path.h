// Where quick snapshots go and how they are named: `snapshots/` beside the board file, or for an
// unsaved board the user's pictures folder + "Journeyboard" ($XDG_PICTURES_DIR, else the
// XDG_PICTURES_DIR line of $XDG_CONFIG_HOME/user-dirs.dirs, else ~/Pictures); names are
// `<board>-YYYYMMDD-HHMMSS.png`, never taken twice (-2, -3, … on a clash).
#pragma once
#include <string>

namespace jb {

// The folder for a board at `boardPath` ("" for an unsaved board). "" when there is no home.
std::string SnapshotFolder(const std::string& boardPath);

// Creates `folder` (and its parents) and a new empty file `<stem>-<stamp>.png` in it, or
// `<stem>-<stamp>-2.png`, `-3`, … — each name tried with O_CREAT | O_EXCL, so two snapshots (of
// this app or another) can never get the same file. The export then replaces the empty file.
// Returns the path, or "" with one sentence in *error.
std::string ReserveSnapshotFile(const std::string& folder, const std::string& stem, const std::string& stamp,
                                std::string* error);

}  // namespace jb
