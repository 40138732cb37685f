// journeyboard: the executable. Everything happens in cli.cpp (commands) and app.cpp (window).
#include <string>
#include <vector>

#include "app/cli/cli.h"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  return jb::RunCommandLine(args);
}
