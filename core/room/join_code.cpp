#include "core/room/join_code.h"

#include <sys/random.h>

#include <cerrno>

namespace jb {

std::string JoinCodeFromBytes(std::string_view bytes) {
  std::string code;
  code.reserve(bytes.size());
  for (char byte : bytes) code += kJoinCodeAlphabet[static_cast<unsigned char>(byte) & 31u];
  return code;
}

std::string MakeJoinCode() {
  char bytes[kJoinCodeLength];
  size_t filled = 0;
  while (filled < sizeof bytes) {
    const ssize_t got = getrandom(bytes + filled, sizeof bytes - filled, 0);
    if (got < 0) {
      if (errno == EINTR) continue;
      return "";
    }
    filled += size_t(got);
  }
  return JoinCodeFromBytes(std::string_view(bytes, sizeof bytes));
}

bool JoinCodeMatches(std::string_view given, std::string_view code) {
  if (code.empty()) return false;
  // Every byte of the code is compared whatever came before; the length is not secret.
  unsigned difference = given.size() == code.size() ? 0u : 1u;
  for (size_t i = 0; i < code.size(); ++i) {
    const char theirs = i < given.size() ? given[i] : '\0';
    difference |= static_cast<unsigned char>(theirs ^ code[i]);
  }
  return difference == 0;
}

}  // namespace jb
