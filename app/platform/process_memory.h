// How the process keeps its memory: called first thing in main (the app's and the bench's).
#pragma once

namespace jb {

// Freed memory stays in the process for the next allocation, and the heap's first 60 MB are
// asked for in 2 MiB pages. On this project's VM the first write to each fresh 4 KiB page costs
// about 20 µs (32 MB written: 160-200 ms in 4 KiB pages, 3-7 ms in 2 MiB ones), and Mesa's
// software renderer allocates megabytes per texture, render target, vertex buffer and export
// tile. Does what glibc's `glibc.malloc.hugetlb=1` tunable does, which can only be set before
// the process starts. Without transparent huge pages ("never") the pages are ordinary.
void KeepMemoryInLargePages();

}  // namespace jb
