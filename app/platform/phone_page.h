// The phone page (assets/phone/: index.html with phone.css and phone.js put in its place), built
// into the binary by app/platform/CMakeLists.txt (scripts/cmake/embed_phone_page.cmake): the room serves it
// from memory and never reads a file at run time.
#pragma once
#include <cstddef>

namespace jb {
extern const char kPhonePage[];
extern const size_t kPhonePageSize;
}  // namespace jb
