// Icons of Fork Awesome (Debian's fonts-fork-awesome, merged into the UI font by Fonts::Build), as
// UTF-8. Code points from the package's css/fork-awesome.css.
#pragma once

namespace jb::icons {

inline constexpr const char* kPan = "\xef\x89\x96";        // U+F256 hand-paper-o
inline constexpr const char* kSelect = "\xef\x89\x85";     // U+F245 mouse-pointer
inline constexpr const char* kNote = "\xef\x89\x89";       // U+F249 sticky-note
inline constexpr const char* kPen = "\xef\x81\x80";        // U+F040 pencil
inline constexpr const char* kHighlighter = "\xef\x87\xbc";  // U+F1FC paint-brush
inline constexpr const char* kEraser = "\xef\x84\xad";     // U+F12D eraser
inline constexpr const char* kArrow = "\xef\x85\xb8";      // U+F178 long-arrow-right
inline constexpr const char* kFrame = "\xef\x82\x96";      // U+F096 square-o
inline constexpr const char* kText = "\xef\x80\xb1";       // U+F031 font
inline constexpr const char* kVote = "\xef\x85\xa4";       // U+F164 thumbs-up
inline constexpr const char* kTimer = "\xef\x89\x92";      // U+F252 hourglass-half
inline constexpr const char* kCover = "\xef\x81\xb0";      // U+F070 eye-slash
inline constexpr const char* kPresent = "\xef\x84\x88";    // U+F108 desktop
inline constexpr const char* kRoom = "\xef\x80\xb4";       // U+F034 text-height
inline constexpr const char* kSnapshot = "\xef\x80\xb0";   // U+F030 camera
inline constexpr const char* kUndo = "\xef\x83\xa2";       // U+F0E2 undo
inline constexpr const char* kRedo = "\xef\x80\x9e";       // U+F01E repeat
inline constexpr const char* kInspector = "\xef\x87\x9e";  // U+F1DE sliders
inline constexpr const char* kPersonas = "\xef\x83\x80";   // U+F0C0 users
inline constexpr const char* kHistory = "\xef\x87\x9a";    // U+F1DA history

}  // namespace jb::icons
