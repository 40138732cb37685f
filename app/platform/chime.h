// The timer's end chime: a short two-note sound, played without blocking by the sound player of
// whichever Debian audio stack is installed (PipeWire's pw-play, PulseAudio's paplay, ALSA's
// aplay). No audio library is linked for one sound; with no player, or no sound card, nothing
// is heard and nothing is said.
#pragma once
#include <string>

namespace jb {

// The chime as a WAV file's bytes (16-bit mono PCM), made in memory.
std::string ChimeWav();
// Starts a player on the chime in a child process and returns at once; false when no player was
// found on PATH or it could not be started.
bool PlayChime();

}  // namespace jb
