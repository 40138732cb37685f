// A large byte buffer straight from the kernel, for the export's tile read-back and the PNG's
// bands: nothing is zero-filled by us (the caller writes every byte), and the kernel is asked for
// 2 MiB pages (MADV_HUGEPAGE, honoured where transparent huge pages are "madvise" or "always"), so
// filling it costs a page fault per 2 MiB instead of per 4 KiB. On this VM the first write to a
// fresh 4 KiB page costs about 20 µs, the copy that causes it far less: 32 MB written took
// 160-200 ms in 4 KiB pages and 3-7 ms in 2 MiB ones (README "Performance").
#pragma once
#include <sys/mman.h>

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <utility>
#include <vector>

namespace jb {

class PageBuffer {
 public:
  PageBuffer() = default;
  PageBuffer(const PageBuffer&) = delete;
  PageBuffer& operator=(const PageBuffer&) = delete;
  PageBuffer(PageBuffer&& other) noexcept { *this = std::move(other); }
  PageBuffer& operator=(PageBuffer&& other) noexcept {
    std::swap(m_data, other.m_data);
    std::swap(m_size, other.m_size);
    std::swap(m_capacity, other.m_capacity);
    return *this;
  }
  ~PageBuffer() {
    if (m_data) ::munmap(m_data, m_capacity);
  }

  // `size` bytes, their contents undefined (fresh pages read zero; a reused buffer keeps what it
  // held). Keeps the pages when they are enough. False when the kernel has no memory to give.
  bool Resize(size_t size) {
    if (size <= m_capacity) {
      m_size = size;
      return true;
    }
    this->~PageBuffer();
    m_data = nullptr;
    m_size = m_capacity = 0;
    const size_t capacity = (size + kHuge - 1) / kHuge * kHuge;
    // Mapped a huge page larger and trimmed, so the pages start on a 2 MiB boundary.
    void* mapped = ::mmap(nullptr, capacity + kHuge, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (mapped == MAP_FAILED) return false;
    const uintptr_t start = reinterpret_cast<uintptr_t>(mapped), aligned = (start + kHuge - 1) / kHuge * kHuge;
    if (aligned > start) ::munmap(mapped, aligned - start);
    if (const size_t tail = start + capacity + kHuge - (aligned + capacity)) ::munmap(reinterpret_cast<void*>(aligned + capacity), tail);
    m_data = reinterpret_cast<unsigned char*>(aligned);
    ::madvise(m_data, capacity, MADV_HUGEPAGE);  // a hint: without THP it is ordinary pages
    m_size = size;
    m_capacity = capacity;
    return true;
  }
  unsigned char* data() { return m_data; }
  const unsigned char* data() const { return m_data; }
  unsigned char& operator[](size_t i) { return m_data[i]; }
  size_t size() const { return m_size; }
  bool empty() const { return m_size == 0; }

 private:
  static constexpr size_t kHuge = size_t(2) << 20;
  unsigned char* m_data = nullptr;
  size_t m_size = 0, m_capacity = 0;
};

// Buffers kept for the next export, at most `most` of them: its pages are then already the
// process's, and the kernel need not zero them again. A fresh 2 MiB page is zeroed on its first
// write (ISA-L clears its hash table there, the read-back fills the rows): that was 5 to 10 % of
// a repeated 3840-px export's CPU (README "Where the PNG's time goes"). Any thread may take and give.
template <typename T>
class KeptForLater {
 public:
  explicit KeptForLater(size_t most) : m_most(most) {}
  // One kept buffer, or a new empty one.
  T Take() {
    std::lock_guard<std::mutex> lock(m_mutex);
    if (m_items.empty()) return T();
    T item = std::move(m_items.back());
    m_items.pop_back();
    return item;
  }
  void Give(T&& item) {
    std::lock_guard<std::mutex> lock(m_mutex);
    if (m_items.size() < m_most) m_items.push_back(std::move(item));
  }

 private:
  std::mutex m_mutex;
  std::vector<T> m_items;
  size_t m_most;
};

}  // namespace jb
