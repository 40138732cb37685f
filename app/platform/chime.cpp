#include "app/platform/chime.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace jb {

namespace {

void Put16(std::string& out, uint16_t v) {
  out += char(v & 0xff);
  out += char(v >> 8);
}
void Put32(std::string& out, uint32_t v) {
  Put16(out, uint16_t(v & 0xffff));
  Put16(out, uint16_t(v >> 16));
}

// The first of `names` that is an executable file in a PATH folder.
std::string FindOnPath(const std::vector<std::string>& names) {
  const char* path = std::getenv("PATH");
  if (!path) return {};
  for (const std::string& name : names) {
    const std::string dirs = path;
    for (size_t start = 0; start <= dirs.size();) {
      size_t end = dirs.find(':', start);
      if (end == std::string::npos) end = dirs.size();
      const std::string dir = dirs.substr(start, end - start);
      const std::string candidate = (dir.empty() ? "." : dir) + "/" + name;
      if (::access(candidate.c_str(), X_OK) == 0) return candidate;
      start = end + 1;
    }
  }
  return {};
}

// The chime written once per run to a private temp file, removed at exit.
struct ChimeFile {
  std::string path;
  ChimeFile() {
    const char* runtime = std::getenv("XDG_RUNTIME_DIR");
    std::string name = std::string(runtime && *runtime ? runtime : "/tmp") + "/journeyboard-chime-XXXXXX.wav";
    std::vector<char> buffer(name.begin(), name.end());
    buffer.push_back('\0');
    const int fd = ::mkstemps(buffer.data(), 4);
    if (fd < 0) return;
    const std::string wav = ChimeWav();
    const bool written = ::write(fd, wav.data(), wav.size()) == ssize_t(wav.size());
    ::close(fd);
    if (written) path = buffer.data();
    else ::unlink(buffer.data());
  }
  ~ChimeFile() {
    if (!path.empty()) ::unlink(path.c_str());
  }
};

}  // namespace

std::string ChimeWav() {
  // Two bell-like notes (E6 then C6, with an octave overtone), each dying away: a "ding-dong"
  // that carries across a room without being shrill.
  constexpr int kRate = 22050;
  constexpr double kPi = 3.14159265358979323846;
  const struct {
    double start, freq;
  } notes[] = {{0.0, 1318.5}, {0.32, 1046.5}};
  const int samples = int(kRate * 1.2);
  std::string pcm;
  pcm.reserve(size_t(samples) * 2);
  for (int i = 0; i < samples; ++i) {
    const double t = double(i) / kRate;
    double v = 0;
    for (const auto& note : notes) {
      const double u = t - note.start;
      if (u < 0) continue;
      const double attack = std::min(1.0, u / 0.005);  // no click at the onset
      const double envelope = attack * std::exp(-u * 4.5);
      v += envelope * (std::sin(2 * kPi * note.freq * u) + 0.3 * std::sin(4 * kPi * note.freq * u));
    }
    Put16(pcm, uint16_t(int16_t(std::lround(std::max(-1.0, std::min(1.0, v * 0.3)) * 32767))));
  }
  std::string wav = "RIFF";
  Put32(wav, uint32_t(36 + pcm.size()));
  wav += "WAVEfmt ";
  Put32(wav, 16);
  Put16(wav, 1);  // PCM
  Put16(wav, 1);  // mono
  Put32(wav, kRate);
  Put32(wav, kRate * 2);
  Put16(wav, 2);
  Put16(wav, 16);
  wav += "data";
  Put32(wav, uint32_t(pcm.size()));
  return wav + pcm;
}

bool PlayChime() {
  static const ChimeFile file;
  if (file.path.empty()) return false;
  const std::string player = FindOnPath({"pw-play", "paplay", "aplay"});
  if (player.empty()) return false;
  std::vector<std::string> args = {player};
  if (player.substr(player.rfind('/') + 1) == "aplay") args.push_back("-q");
  args.push_back(file.path);
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  // The player's chatter (no sound card, no server) is not ours to show.
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  const int failed = posix_spawn(&pid, player.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (failed) return false;
  std::thread([pid] { ::waitpid(pid, nullptr, 0); }).detach();  // reaped, never waited on by the UI
  return true;
}

}  // namespace jb
