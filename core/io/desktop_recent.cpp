#include "core/io/desktop_recent.h"

#include <pugixml.hpp>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string_view>

#include "core/io/durable_file.h"
#include "core/model/clock.h"

namespace jb {

namespace {

constexpr const char* kMimeType = "application/x-journeyboard";
constexpr const char* kAppName = "journeyboard";
// GLib (which most desktops read this file with) keeps the command shell-quoted.
constexpr const char* kExec = "'journeyboard %u'";

// file:///a%20b.cjm for /a b.cjm: bytes outside the URI's unreserved set and '/' escaped.
std::string FileUri(const std::string& path) {
  static const char* hex = "0123456789ABCDEF";
  std::string uri = "file://";
  for (unsigned char c : path) {
    if (std::isalnum(c) || std::string_view("-._~/").find(char(c)) != std::string_view::npos) {
      uri += char(c);
    } else {
      uri += '%';
      uri += hex[c >> 4];
      uri += hex[c & 15];
    }
  }
  return uri;
}

// The path of a file:// URI, escapes decoded; empty for any other URI. Writers escape differently
// (GLib leaves '&', '=' or ',' as they are), so bookmarks are compared by path.
std::string PathOfUri(const std::string& uri) {
  const std::string prefix = "file://";
  if (uri.compare(0, prefix.size(), prefix) != 0) return {};
  std::string path;
  for (size_t i = prefix.size(); i < uri.size(); ++i) {
    if (uri[i] == '%' && i + 2 < uri.size() && std::isxdigit((unsigned char)uri[i + 1]) &&
        std::isxdigit((unsigned char)uri[i + 2])) {
      path += char(std::strtol(uri.substr(i + 1, 2).c_str(), nullptr, 16));
      i += 2;
    } else {
      path += uri[i];
    }
  }
  return path;
}

pugi::xml_node Child(pugi::xml_node parent, const char* name) {
  pugi::xml_node node = parent.child(name);
  return node ? node : parent.append_child(name);
}

// The bookmark's <bookmark:application> for Journeyboard, made if missing.
pugi::xml_node OurApplication(pugi::xml_node bookmark) {
  pugi::xml_node metadata = bookmark.child("info").find_child_by_attribute("metadata", "owner", "http://freedesktop.org");
  if (!metadata) {
    metadata = Child(bookmark, "info").append_child("metadata");
    metadata.append_attribute("owner") = "http://freedesktop.org";
  }
  if (!metadata.child("mime:mime-type")) metadata.append_child("mime:mime-type").append_attribute("type") = kMimeType;
  pugi::xml_node applications = Child(metadata, "bookmark:applications");
  pugi::xml_node application = applications.find_child_by_attribute("bookmark:application", "name", kAppName);
  if (!application) {
    application = applications.append_child("bookmark:application");
    application.append_attribute("name") = kAppName;
    application.append_attribute("exec") = kExec;
    application.append_attribute("count") = 0;
  }
  return application;
}

void SetAttribute(pugi::xml_node node, const char* name, const std::string& value) {
  pugi::xml_attribute attribute = node.attribute(name);
  if (!attribute) attribute = node.append_attribute(name);
  attribute = value.c_str();
}

bool IsOurs(pugi::xml_node bookmark) {
  for (pugi::xml_node metadata : bookmark.child("info").children("metadata"))
    if (metadata.child("bookmark:applications").find_child_by_attribute("bookmark:application", "name", kAppName))
      return true;
  return false;
}

}  // namespace

std::string DesktopRecentPath() {
  if (const char* data = std::getenv("XDG_DATA_HOME"); data && data[0] == '/')
    return std::string(data) + "/recently-used.xbel";
  if (const char* home = std::getenv("HOME"); home && *home) return std::string(home) + "/.local/share/recently-used.xbel";
  return {};
}

bool AddToDesktopRecent(const std::string& xbelPath, const std::string& boardPath, std::time_t now,
                        std::string* warning) {
  pugi::xml_document document;
  std::FILE* existing = std::fopen(xbelPath.c_str(), "rb");
  if (existing) {
    std::fclose(existing);
    const pugi::xml_parse_result parsed = document.load_file(xbelPath.c_str(), pugi::parse_default | pugi::parse_declaration);
    if (!parsed || !document.child("xbel")) {
      *warning = "The desktop's recent files list " + xbelPath + " could not be read, so it was left as it was.";
      return false;
    }
  } else {
    pugi::xml_node declaration = document.append_child(pugi::node_declaration);
    declaration.append_attribute("version") = "1.0";
    declaration.append_attribute("encoding") = "UTF-8";
    pugi::xml_node root = document.append_child("xbel");
    root.append_attribute("version") = "1.0";
    root.append_attribute("xmlns:bookmark") = "http://www.freedesktop.org/standards/desktop-bookmarks";
    root.append_attribute("xmlns:mime") = "http://www.freedesktop.org/standards/shared-mime-info";
  }
  pugi::xml_node root = document.child("xbel");
  const std::string when = FormatIso8601(int64_t(now));

  pugi::xml_node bookmark;
  for (pugi::xml_node candidate : root.children("bookmark"))
    if (PathOfUri(candidate.attribute("href").value()) == boardPath) bookmark = candidate;
  if (!bookmark) {
    bookmark = root.append_child("bookmark");
    bookmark.append_attribute("href") = FileUri(boardPath).c_str();
    bookmark.append_attribute("added") = when.c_str();
  }
  SetAttribute(bookmark, "modified", when);
  SetAttribute(bookmark, "visited", when);
  pugi::xml_node application = OurApplication(bookmark);
  SetAttribute(application, "modified", when);
  application.attribute("count") = application.attribute("count").as_int() + 1;

  // Journeyboard's share of the list stays small: its oldest bookmarks go first.
  std::vector<pugi::xml_node> ours;
  for (pugi::xml_node candidate : root.children("bookmark"))
    if (IsOurs(candidate)) ours.push_back(candidate);
  std::stable_sort(ours.begin(), ours.end(), [](pugi::xml_node a, pugi::xml_node b) {
    return std::string(a.attribute("modified").value()) > b.attribute("modified").value();
  });
  for (size_t i = kMaxDesktopRecent; i < ours.size(); ++i) root.remove_child(ours[i]);

  std::ostringstream bytes;
  document.save(bytes, "  ", pugi::format_default, pugi::encoding_utf8);
  SaveError error;
  if (!WriteFileAtomically(xbelPath, bytes.str(), false, &error)) {
    *warning = error.message;
    return false;
  }
  return true;
}

DesktopRecentUpdater::~DesktopRecentUpdater() {
  if (m_thread.joinable()) m_thread.join();
}

void DesktopRecentUpdater::Add(const std::string& boardPath) {
  std::lock_guard<std::mutex> lock(m_mutex);
  m_pending.push_back(boardPath);
  if (m_running) return;
  // The last worker has said it is done (m_running false): joining it does not wait.
  if (m_thread.joinable()) m_thread.join();
  m_running = true;
  m_thread = std::thread(&DesktopRecentUpdater::Drain, this);
}

void DesktopRecentUpdater::Drain() {
  // "Where available": a desktop with no data folder keeps no list, and is not given one.
  std::string xbelPath = DesktopRecentPath();
  std::error_code ignored;
  if (!xbelPath.empty() && !std::filesystem::is_directory(std::filesystem::path(xbelPath).parent_path(), ignored))
    xbelPath.clear();
  for (;;) {
    std::string boardPath;
    {
      std::lock_guard<std::mutex> lock(m_mutex);
      if (m_pending.empty()) {
        m_running = false;
        return;
      }
      boardPath = m_pending.front();
      m_pending.erase(m_pending.begin());
    }
    std::string warning;
    if (!xbelPath.empty() && !AddToDesktopRecent(xbelPath, boardPath, std::time(nullptr), &warning))
      std::fprintf(stderr, "journeyboard: warning: %s\n", warning.c_str());
  }
}

}  // namespace jb
