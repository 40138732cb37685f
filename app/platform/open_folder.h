// Opens a folder in the desktop's file manager (xdg-open), without waiting for it.
#pragma once
#include <string>

namespace jb {

// Starts `xdg-open folder` as a detached process (the app never waits for it, and no zombie is
// left). False with one sentence in *error when xdg-open is not installed or cannot start.
bool OpenFolder(const std::string& folder, std::string* error);

}  // namespace jb
