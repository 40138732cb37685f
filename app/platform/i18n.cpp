#include "app/platform/i18n.h"

#include <libintl.h>
#include <unistd.h>

#include <clocale>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <sys/stat.h>

// glibc's catalog generation: bumping it makes gettext drop the translations it has cached, so
// a new LANGUAGE takes effect at once (the documented way to switch languages at run time).
extern "C" int _nl_msg_cat_cntr;

namespace jb {

namespace {

constexpr const char* kDomain = "journeyboard";
const char* g_language = "en";
bool g_bound = false;
std::string g_systemLanguage;  // LANGUAGE as the app was started with (we overwrite it)

bool IsFile(const std::string& path) {
  struct stat info {};
  return stat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode);
}

// The locale folder beside the executable (the build tree puts it one level above app/), else the
// installed ../share/locale; found from /proc/self/exe, never from the working folder.
std::string LocaleDir() {
  char exe[4096];
  const ssize_t length = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (length <= 0) return "/usr/share/locale";
  std::string dir(exe, size_t(length));
  dir = dir.substr(0, dir.rfind('/'));
  const std::string mo = "/ru/LC_MESSAGES/journeyboard.mo";
  for (const std::string& candidate : {dir + "/locale", dir + "/../locale", dir + "/../share/locale"})
    if (IsFile(candidate + mo)) return candidate;
  return dir + "/../share/locale";
}

void Bind() {
  if (g_bound) return;
  g_bound = true;
  if (const char* language = std::getenv("LANGUAGE")) g_systemLanguage = language;
  // Only the messages and the character set follow the locale: numbers keep '.' (LC_NUMERIC is
  // never touched). A system that lacks the user's locale still gets C.UTF-8, under which glibc
  // honours LANGUAGE (it ignores it under plain "C").
  if (!std::setlocale(LC_CTYPE, "")) std::setlocale(LC_CTYPE, "C.UTF-8");
  if (!std::setlocale(LC_MESSAGES, "")) std::setlocale(LC_MESSAGES, "C.UTF-8");
  bindtextdomain(kDomain, LocaleDir().c_str());
  bind_textdomain_codeset(kDomain, "UTF-8");
}

// The system's language: the first of LANGUAGE, LC_ALL, LC_MESSAGES, LANG that is set.
std::string SystemLanguage() {
  if (!g_systemLanguage.empty()) return g_systemLanguage.substr(0, 2);
  for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"})
    if (const char* value = std::getenv(name); value && *value) return std::string(value).substr(0, 2);
  return "en";
}

}  // namespace

const char* Tr(const char* msgid) {
  return dgettext(kDomain, msgid);
}

std::string Format(const char* format, ...) {
  va_list args;
  va_start(args, format);
  va_list again;
  va_copy(again, args);
  const int length = std::vsnprintf(nullptr, 0, format, args);
  va_end(args);
  std::string text(length > 0 ? size_t(length) : 0, '\0');
  if (length > 0) std::vsnprintf(text.data(), text.size() + 1, format, again);
  va_end(again);
  return text;
}

const char* TrPlural(const char* one, const char* many, unsigned long n) {
  return dngettext(kDomain, one, many, n);
}

void SetInterfaceLanguage(const std::string& setting) {
  Bind();
  const std::string wanted = setting.empty() ? SystemLanguage() : setting;
  g_language = wanted == "ru" ? "ru" : "en";
  setenv("LANGUAGE", g_language, 1);
  ++_nl_msg_cat_cntr;
}

const char* InterfaceLanguage() { return g_language; }

}  // namespace jb
