// journeyboard: the executable. Everything happens in cli/cli.cpp (commands) and app.cpp (window).
#include <malloc.h>

#include <string>
#include <vector>

#include "app/app.h"
#include "app/cli/cli.h"
#include "app/platform/i18n.h"
#include "core/io/settings.h"

int main(int argc, char** argv) {
  // Freed memory is kept for the next allocation instead of going back to the kernel: on this
  // project's VM the first write to each fresh 4 KiB page costs about 20 µs, and Mesa's software
  // renderer allocates and frees megabytes per draw list (vertex buffers) and per export tile.
  // glibc's own threshold rises only after the first large free, so whether an export paid the
  // faults depended on what happened to be freed before it: a 3840-px export of the 100-note
  // board rendered in 410 or 200 ms (README "Performance").
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 128 << 20);
  std::vector<std::string> args(argv + 1, argv + argc);
  // The command line's messages already speak the chosen language (the window reads it again).
  jb::SetInterfaceLanguage(jb::LoadSettings(jb::SettingsPath(), nullptr).language);
  return jb::RunCommandLine(args, jb::RunWindow, jb::ListCommands);
}
