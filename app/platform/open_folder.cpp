#include "app/platform/open_folder.h"
#include "app/platform/i18n.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <sstream>

namespace jb {

namespace {

bool OnPath(const std::string& program) {
  const char* path = std::getenv("PATH");
  std::stringstream dirs(path ? path : "/usr/bin:/bin");
  for (std::string dir; std::getline(dirs, dir, ':');)
    if (!dir.empty() && ::access((dir + "/" + program).c_str(), X_OK) == 0) return true;
  return false;
}

}  // namespace

bool OpenFolder(const std::string& folder, std::string* error) {
  // Checked first: the grandchild below cannot report a failed exec.
  if (!OnPath("xdg-open")) {
    *error = Format(_("xdg-open is not installed, so the folder cannot be opened; it is %s."), folder.c_str());
    return false;
  }
  // Fork twice: the middle child exits at once (we reap it), the grandchild belongs to init.
  const pid_t child = ::fork();
  if (child < 0) {
    *error = Format(_("The folder could not be opened (no process could be started); it is %s."), folder.c_str());
    return false;
  }
  if (child == 0) {
    ::setsid();
    if (::fork() == 0) {
      ::execlp("xdg-open", "xdg-open", folder.c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
    ::_exit(0);
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  return true;
}

}  // namespace jb
