// A PNG written as bands of rows arrive, compressed on other threads while the caller renders the
// next band: the export's encoder (png_export.cpp). Each band is deflated on its own with ISA-L's
// igzip (level 1, raw, ending on a byte boundary with a full flush, as pigz does with zlib), so
// bands compress in parallel yet join into the one zlib stream a PNG holds; the Adler-32 of the
// whole is combined from the bands'. igzip deflates a board's flat colour about ten times as fast
// as zlib's level 1 or libdeflate's (7-9 against 65-70 ms for the 33 MB of a 3840-px export of the
// 100-note board) for files about a fifth larger (README "Performance"). Rows are unfiltered
// (filter type 0): on boards, mostly flat colour, "Sub" and "Up" made the file larger and the
// encoder no faster. Memory stays bounded for any height (2^31-1 rows): a few bands in flight.
// The bytes go to a DurableWriter (core/io/durable_file.h): the board save's temp file, sync,
// rename and rules for links, devices and pipes.
#pragma once
#include <cstdint>
#include <deque>
#include <future>
#include <string>
#include <vector>

#include "app/render/page_buffer.h"
#include "core/io/durable_file.h"

namespace jb {

class PngStream {
 public:
  PngStream() = default;
  PngStream(const PngStream&) = delete;
  PngStream& operator=(const PngStream&) = delete;
  ~PngStream();

  // Writes the signature and the header. `channels`: 3 (RGB) or 4 (RGBA).
  bool Open(const std::string& path, uint32_t width, uint32_t height, int channels, std::string* error);
  // The buffer to fill with the next band's `rows` rows (top row first, width × channels bytes
  // each, RowStride() bytes apart); then Submit it. Rows across all bands must add up to the
  // height. Null, with the reason in `error`, when there is no memory for it or a write failed.
  unsigned char* NextBand(int rows, std::string* error);
  size_t RowStride() const { return size_t(m_width) * size_t(m_channels) + 1; }
  // Hands the band filled since NextBand to a compressing thread. `unpremultiply`: RGBA whose
  // colour was blended premultiplied (a transparent export) is divided back by its alpha there.
  // False once a write failed (the disk is full, say): no point rendering the rest.
  bool Submit(bool unpremultiply, std::string* error);
  // Waits for the bands, writes the end and renames the file into place.
  bool Finish(std::string* error);
  // Milliseconds the caller spent waiting for compression or writing (the rest overlapped).
  double WaitMs() const { return m_waitMs; }

 private:
  // What one band needs, kept for the next: a band's rows (each PNG's filter byte, 0, and the
  // row's pixels, so the band is deflated where it lies), igzip's working memory and the
  // compressed bytes. Reused and in 2 MiB pages (page_buffer.h): on this VM the first write to a
  // 4 KiB page cost about 20 µs, 5 ms a megabyte. Never zero-filled: every byte used is written
  // first.
  struct Workspace {
    PageBuffer rows, level, out;
  };
  // Workspaces between exports: as many as one export has at once (the band being filled, those
  // compressing, one being written), about 8 MB each at 3840 px.
  static KeptForLater<Workspace>& Kept();
  struct Band {
    Workspace space;
    size_t length = 0;      // uncompressed bytes (filter bytes included)
    size_t compressed = 0;  // raw deflate in space.out, ending on a byte boundary; 0 when it failed
    uint32_t adler = 1;
  };
  bool WriteOldest(std::string* error);
  bool Write(const std::string& bytes);
  bool Chunk(const char* type, const std::string& body);
  bool Failed(const std::string& reason, std::string* error);

  DurableWriter m_out;
  std::string m_path, m_pendingHeader;  // the zlib header, sent with the first band
  uint32_t m_width = 0, m_height = 0, m_rowsSent = 0;
  int m_channels = 3, m_bandRows = 0;
  Workspace m_band;  // the band the caller fills
  std::vector<Workspace> m_spare;  // back from compression

  std::deque<std::future<Band>> m_pending;
  uint32_t m_adler = 1;
  size_t m_inFlight = 2;
  bool m_failed = false, m_committed = false;
  double m_waitMs = 0;
};

}  // namespace jb
