// The room's join code: the secret a phone must show (in the join address) before the server
// answers anything. 10 characters from a 32-letter alphabet = 50 bits, read from the kernel's
// random pool through getrandom(2) (the same source as /dev/urandom, without a file to open).
#pragma once
#include <string>
#include <string_view>

namespace jb {

inline constexpr size_t kJoinCodeLength = 10;
// No 0/O or 1/I: a code typed from the screen is not misread. 32 letters = 5 bits each.
inline constexpr std::string_view kJoinCodeAlphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

// A fresh code; empty when the kernel gave no random bytes (the room then does not open).
std::string MakeJoinCode();
// The code made from `bytes` (one per letter, low 5 bits used): MakeJoinCode's mapping, for tests.
std::string JoinCodeFromBytes(std::string_view bytes);
// Whether `given` equals `code`, in time that depends only on their lengths (a guesser learns
// nothing from how long a wrong code took). An empty `code` matches nothing.
bool JoinCodeMatches(std::string_view given, std::string_view code);

}  // namespace jb
