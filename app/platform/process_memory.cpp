#include "app/platform/process_memory.h"

#include <malloc.h>
#include <sys/mman.h>

#include <cstdint>
#include <cstdlib>

namespace jb {

void KeepMemoryInLargePages() {
  // Up to 32 MB an allocation comes from the heap, and up to 128 MB of freed heap stays: glibc
  // raises its own threshold only after the first large free, so whether an export paid the
  // faults depended on what happened to be freed before it (a 3840-px export of the 100-note
  // board rendered in 410 or 200 ms).
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 128 << 20);
  // The heap grown by two blocks marked for huge pages, then freed: later allocations are carved
  // from the marked range (glibc keeps it, under the trim threshold). Two blocks: the export's
  // page faults fell from 12,800 to 6,000 with one and 4,900 with two, no further with three.
  constexpr size_t kBlock = size_t(30) << 20, kHuge = size_t(2) << 20;
  void* blocks[2] = {std::malloc(kBlock), std::malloc(kBlock)};
  for (void* block : blocks) {
    if (!block) continue;
    const uintptr_t start = (reinterpret_cast<uintptr_t>(block) + kHuge - 1) / kHuge * kHuge;
    const uintptr_t end = (reinterpret_cast<uintptr_t>(block) + kBlock) / kHuge * kHuge;
    if (end > start) madvise(reinterpret_cast<void*>(start), end - start, MADV_HUGEPAGE);
  }
  for (void* block : blocks) std::free(block);
}

}  // namespace jb
