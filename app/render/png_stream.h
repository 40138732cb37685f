// A PNG written as bands of rows arrive, compressed on other threads while the caller renders the
// next band: the export's encoder (png_export.cpp). Each band is deflated on its own (zlib, raw,
// level 1, ending on a byte boundary with a sync flush, as pigz does), so bands compress in
// parallel yet join into the one zlib stream a PNG holds; the Adler-32 of the whole is combined
// from the bands'. Rows are unfiltered (filter type 0): on boards, mostly flat colour, "Sub" and
// "Up" made the file 10–20 % larger and the encoder no faster (README "Performance"). Memory
// stays bounded for any height (2^31-1 rows): a few bands in flight.
// The bytes go to a DurableWriter (core/io/durable_file.h): the board save's temp file, sync,
// rename and rules for links, devices and pipes.
#pragma once
#include <cstdint>
#include <deque>
#include <future>
#include <string>
#include <vector>

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
  // height.
  unsigned char* NextBand(int rows);
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
  struct Band {
    std::string bytes;  // raw deflate, ending on a byte boundary
    std::vector<unsigned char> rows;  // its filtered rows, handed back for the next band
    uint32_t adler = 1;
    size_t length = 0;  // uncompressed bytes (filter bytes included)
  };
  bool WriteOldest(std::string* error);
  bool Write(const std::string& bytes);
  bool Chunk(const char* type, const std::string& body);
  bool Failed(const std::string& reason, std::string* error);

  DurableWriter m_out;
  std::string m_path, m_pendingHeader;  // the zlib header, sent with the first band
  uint32_t m_width = 0, m_height = 0, m_rowsSent = 0;
  int m_channels = 3, m_bandRows = 0;
  // Filled by the caller: each row is PNG's filter byte (0, none) and the row's pixels, so the
  // band is deflated where it lies.
  std::vector<unsigned char> m_band;
  // Bands' buffers back from compression: reused, as new megabytes cost a page fault per 4 KiB.
  // Not PageBuffers (page_buffer.h): that saved their zero-fill and 14-78 ms of CPU at 100 and
  // 1,000 notes but cost 300 ms at 10,000 (medians of 5-7 interleaved runs, load 3-5), unexplained.
  std::vector<std::vector<unsigned char>> m_spare;
  std::deque<std::future<Band>> m_pending;
  uint32_t m_adler = 1;
  size_t m_inFlight = 2;
  bool m_failed = false, m_committed = false;
  double m_waitMs = 0;
};

}  // namespace jb
