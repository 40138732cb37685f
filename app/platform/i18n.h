// The interface's language: every user-visible string of the app is marked `_("…")` (translated
// where it is used) or `N_("…")` (a static table's text, translated where it is shown with `_()`
// of the variable). GNU gettext does the lookup in the catalogs built from po/*.po.
// Text drawn on the board itself is in the board's language instead (core/layout/board_text.h).
#pragma once

namespace jb {

// The translation of `msgid` in the interface's language (the string itself for English or a
// string the catalog lacks). Safe from any thread once the language is set.
const char* Tr(const char* msgid);

}  // namespace jb

#define _(msgid) ::jb::Tr(msgid)
#define N_(msgid) msgid
