// The interface's language: every user-visible string of the app is marked `_("…")` (translated
// where it is used) or `N_("…")` (a static table's text, translated where it is shown with `_()`
// of the variable). GNU gettext does the lookup in the catalog compiled from assets/locale/ru.po
// (tests/checks/check_translations.py fails when a string is unmarked or its Russian is missing).
// Text drawn on the board itself is in the board's language instead (core/layout/board_text.h).
#pragma once
#include <string>

namespace jb {

// The translation of `msgid` in the interface's language (the string itself for English or a
// string the catalog lacks). Safe from any thread once the language is set.
// format_arg: a translated printf format is checked against its arguments like the literal.
const char* Tr(const char* msgid) __attribute__((format_arg(1)));

// The singular or plural form for `n` in the interface's language (Russian has three).
const char* TrPlural(const char* one, const char* many, unsigned long n) __attribute__((format_arg(1), format_arg(2)));

// printf into a std::string, for translated sentences with placeholders:
// Format(_("There is no stage %d."), n). A whole sentence per msgid, never glued fragments.
std::string Format(const char* format, ...) __attribute__((format(printf, 1, 2)));

// Chooses the interface's language from Settings::language: "en", "ru", or "" to follow the system
// (LANGUAGE, LC_ALL, LC_MESSAGES, LANG, in that order: their first two letters). Takes effect at
// once, for every later Tr(). Call from the main thread; the first call also finds the catalog
// next to the executable (build tree) or in ../share/locale (installed).
void SetInterfaceLanguage(const std::string& setting);
// The language the interface speaks now: "en" or "ru".
const char* InterfaceLanguage();

}  // namespace jb

#define _(msgid) ::jb::Tr(msgid)
#define N_(msgid) msgid
