// journeyboard: the executable. Everything happens in cli/cli.cpp (commands) and app.cpp (window).
#include <string>
#include <vector>

#include "app/app.h"
#include "app/cli/cli.h"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  return jb::RunCommandLine(args, jb::RunWindow, jb::ListCommands);
}
