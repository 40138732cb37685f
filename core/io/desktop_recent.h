// The desktop's list of recently used files, $XDG_DATA_HOME/recently-used.xbel (the freedesktop
// "desktop bookmark" format, XBEL): file managers and file choosers show the boards opened or
// saved in Journeyboard beside everything else. Beside the app's own recent list (recent.txt in
// the config folder), never instead of it.
#pragma once
#include <ctime>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace jb {

// Journeyboard keeps at most this many of its boards in the desktop's list (the oldest go).
inline constexpr int kMaxDesktopRecent = 20;

// $XDG_DATA_HOME/recently-used.xbel, else ~/.local/share/recently-used.xbel; empty when neither
// is set. The XDG spec says to ignore a relative XDG_DATA_HOME.
std::string DesktopRecentPath();

// Puts the board at `boardPath` (absolute) into the list at `xbelPath` as used at `now`: a new
// bookmark (type application/x-journeyboard, application journeyboard, exec 'journeyboard %u'),
// or the existing one's modified and visited times and its use count updated. Every other
// bookmark is kept as it was; the file is read, changed and written to a temp file renamed over
// it. A file that is not an XBEL list is left untouched: false, `warning` says so in one sentence.
bool AddToDesktopRecent(const std::string& xbelPath, const std::string& boardPath, std::time_t now,
                        std::string* warning);

// Runs AddToDesktopRecent on a thread of its own, one update at a time in the order asked, so a
// slow disk never holds up a frame. Warnings go to stderr. The destructor waits for what is queued.
// Where the list's folder does not exist (no desktop data folder) nothing is written or said.
class DesktopRecentUpdater {
 public:
  DesktopRecentUpdater() = default;
  DesktopRecentUpdater(const DesktopRecentUpdater&) = delete;
  DesktopRecentUpdater& operator=(const DesktopRecentUpdater&) = delete;
  ~DesktopRecentUpdater();
  void Add(const std::string& boardPath);

 private:
  void Drain();

  std::mutex m_mutex;
  std::vector<std::string> m_pending;
  std::thread m_thread;
  bool m_running = false;
};

}  // namespace jb
