// The user's cache folder for Journeyboard: what is slow to make and can always be made again
// (the font atlases, fonts.cpp; the renderer's linked programs, gpu_renderer.cpp). Each file is
// named by a hash of its key and holds the key itself, so a stale or colliding file only misses.
#pragma once
#include <cstdint>
#include <string>

namespace jb {

// $XDG_CACHE_HOME/journeyboard, else ~/.cache/journeyboard; empty when neither is set.
std::string CacheFolder();
// False under JOURNEYBOARD_FONT_CACHE=0: everything is made afresh and nothing written (tests
// compare the two).
bool CachingOn();
// The file for `key` among `kind`'s ("atlas", "program"): FOLDER/KIND-CRC32.bin; empty without a
// folder.
std::string CacheFile(const std::string& kind, const std::string& key);
// Writes `bytes` whole under a temp name and renames it into place, so another process reads the
// old file or the new one, never half of one. False when it could not (the file is then absent).
bool WriteCacheFile(const std::string& path, const std::string& bytes);
// Marks a file the cache just served as used now (its modification time), so pruning keeps it.
void MarkCacheFileUsed(const std::string& path);
// After writing `kept` (a file of `kind`): removes the kind's files used longest ago until the
// rest fit `bytes` (`kept` always stays), and the kind's temp files a crash left over 10 minutes
// ago. Files of other kinds and names are left alone.
void PruneCache(const std::string& kind, const std::string& kept, uintmax_t bytes);

}  // namespace jb
