// journeyboard: the executable. Everything happens in cli/cli.cpp (commands) and app.cpp (window).
#include <string>
#include <vector>

#include "app/app.h"
#include "app/cli/cli.h"
#include "app/platform/i18n.h"
#include "app/platform/process_memory.h"
#include "core/io/settings.h"

int main(int argc, char** argv) {
  jb::KeepMemoryInLargePages();
  std::vector<std::string> args(argv + 1, argv + argc);
  // The command line's messages already speak the chosen language (the window reads it again).
  jb::SetInterfaceLanguage(jb::LoadSettings(jb::SettingsPath(), nullptr).language);
  return jb::RunCommandLine(args, jb::RunWindow, jb::ListCommands);
}
