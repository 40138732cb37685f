#include "app/render/png_stream.h"

#include <isa-l/crc.h>
#include <isa-l/igzip_lib.h>
#include <zlib.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <memory>
#include <new>
#include <thread>

#include "app/platform/i18n.h"

namespace jb {

namespace {

void PutBigEndian(std::string& out, uint32_t value) {
  const char bytes[4] = {char(value >> 24), char(value >> 16), char(value >> 8), char(value)};
  out.append(bytes, 4);
}

}  // namespace

KeptForLater<PngStream::Workspace>& PngStream::Kept() {
  static KeptForLater<Workspace> kept(4);
  return kept;
}

PngStream::~PngStream() {
  // An abandoned export (cancelled, failed): let the compressing threads end before the buffers
  // go; m_out, never committed, removes its temp file.
  for (auto& band : m_pending) band.wait();
  for (Workspace& space : m_spare) Kept().Give(std::move(space));
  if (!m_band.rows.empty()) Kept().Give(std::move(m_band));
}

bool PngStream::Failed(const std::string& reason, std::string* error) {
  *error = Format(_("Cannot write %s: %s."), m_path.c_str(), reason.c_str());
  return false;
}

bool PngStream::Write(const std::string& bytes) {
  if (m_failed) return false;
  if (!m_out.Write(bytes)) m_failed = true;
  return !m_failed;
}

bool PngStream::Chunk(const char* type, const std::string& body) {
  std::string chunk;
  chunk.reserve(body.size() + 12);
  PutBigEndian(chunk, uint32_t(body.size()));
  chunk.append(type, 4);
  chunk += body;
  // PNG's CRC-32 is gzip's: ISA-L's carry-less multiply version, many times zlib's speed on the
  // image's megabytes.
  uint32_t crc = crc32_gzip_refl(0, reinterpret_cast<const unsigned char*>(type), 4);
  crc = crc32_gzip_refl(crc, reinterpret_cast<const unsigned char*>(body.data()), body.size());
  PutBigEndian(chunk, crc);
  return Write(chunk);
}

bool PngStream::Open(const std::string& path, uint32_t width, uint32_t height, int channels, std::string* error) {
  m_path = path;
  m_width = width;
  m_height = height;
  m_channels = channels;
  // Two bands compress while the caller renders a third; more would only wait for a core.
  m_inFlight = std::max(2u, std::min(4u, std::thread::hardware_concurrency()));
  SaveError failure;
  if (!m_out.Open(path, false, &failure, "write")) {
    *error = failure.message;
    return false;
  }
  std::string header("\x89PNG\r\n\x1a\n", 8);
  std::string ihdr;
  PutBigEndian(ihdr, width);
  PutBigEndian(ihdr, height);
  const char rest[5] = {8, char(channels == 4 ? 6 : 2), 0, 0, 0};  // 8 bits, RGB(A), deflate, filter 0, no interlace
  ihdr.append(rest, 5);
  if (!Write(header) || !Chunk("IHDR", ihdr)) return Finish(error);
  // The zlib stream's header: deflate, 32 KiB window, fastest (FCHECK makes it a multiple of 31).
  const char zlibHeader[2] = {0x78, 0x01};
  m_pendingHeader = std::string(zlibHeader, 2);
  return true;
}

unsigned char* PngStream::NextBand(int rows, std::string* error) {
  m_bandRows = rows;
  if (m_band.rows.empty() && m_spare.empty()) {
    // No workspace back from compression: one kept from an earlier export, else the oldest band's
    // when it is compressed, or while two compress, once it is: faulting in ~10 MB of fresh pages
    // costs more than waiting for a band (README "Performance"). One band compresses while this
    // one is filled.
    m_band = Kept().Take();
    if (m_band.rows.empty() && !m_pending.empty() &&
        (m_pending.size() >= 2 || m_pending.front().wait_for(std::chrono::seconds(0)) == std::future_status::ready) &&
        !WriteOldest(error))
      return nullptr;
  }
  if (m_band.rows.empty() && !m_spare.empty()) {
    m_band = std::move(m_spare.back());
    m_spare.pop_back();
  }
  if (!m_band.rows.Resize(size_t(rows) * RowStride())) {
    *error = _("There is not enough memory for the export.");
    return nullptr;
  }
  for (int row = 0; row < rows; ++row) m_band.rows[size_t(row) * RowStride()] = 0;  // filter: none
  return m_band.rows.data() + 1;
}

namespace {

// Deflates `length` bytes at `in` into the workspace's output as raw deflate blocks: the stream's
// last ones when `last`, else ending on a byte boundary without a final block, so the next band's
// blocks follow in the one stream. The compressed size, or 0 when memory ran out.
size_t DeflateBand(const unsigned char* in, size_t length, bool last, PageBuffer& level, PageBuffer& out) {
  // Stored blocks at worst: 5 bytes a 64 KiB block, and a Huffman header or two.
  const size_t bound = length + length / 8192 * 5 + 2 * ISAL_DEF_MAX_HDR_SIZE + 64;
  if (!out.Resize(bound) || !level.Resize(ISAL_DEF_LVL1_DEFAULT)) return 0;
  isal_zstream stream;
  isal_deflate_stateless_init(&stream);
  stream.level = 1;
  stream.level_buf = level.data();
  stream.level_buf_size = uint32_t(level.size());
  stream.flush = last ? NO_FLUSH : FULL_FLUSH;
  stream.end_of_stream = last ? 1 : 0;
  stream.next_in = const_cast<unsigned char*>(in);
  stream.avail_in = uint32_t(length);
  stream.next_out = out.data();
  stream.avail_out = uint32_t(out.size());
  if (isal_deflate_stateless(&stream) != COMP_OK) return 0;
  return stream.total_out;
}

}  // namespace

bool PngStream::Submit(bool unpremultiply, std::string* error) {
  const bool last = m_rowsSent + uint32_t(m_bandRows) >= m_height;
  m_rowsSent += uint32_t(m_bandRows);
  auto compress = [space = std::move(m_band), stride = RowStride(), unpremultiply, last]() mutable {
    unsigned char* rows = space.rows.data();
    const size_t length = space.rows.size();
    if (unpremultiply)
      for (size_t start = 0; start < length; start += stride)
        for (size_t i = start + 1; i + 3 < start + stride; i += 4) {
          const unsigned alpha = rows[i + 3];
          if (alpha == 0 || alpha == 255) continue;
          for (int c = 0; c < 3; ++c)
            rows[i + c] = (unsigned char)std::min(255u, (rows[i + c] * 255u + alpha / 2) / alpha);
        }
    Band band;
    band.length = length;
    band.adler = isal_adler32(1, rows, length);
    band.compressed = DeflateBand(rows, length, last, space.level, space.out);
    band.space = std::move(space);
    return band;
  };
  m_pending.push_back(std::async(std::launch::async, std::move(compress)));
  m_band = {};
  while (m_pending.size() > m_inFlight)
    if (!WriteOldest(error)) return false;
  return !m_failed || Finish(error);
}

bool PngStream::WriteOldest(std::string* error) {
  const auto start = std::chrono::steady_clock::now();
  Band band = m_pending.front().get();
  m_pending.pop_front();
  m_waitMs += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  if (band.compressed == 0) return Failed(_("out of memory"), error);
  m_adler = uint32_t(adler32_combine(m_adler, band.adler, z_off_t(band.length)));
  std::string body = std::move(m_pendingHeader);
  m_pendingHeader.clear();
  body.append(reinterpret_cast<const char*>(band.space.out.data()), band.compressed);
  m_spare.push_back(std::move(band.space));
  if (m_pending.empty() && m_rowsSent >= m_height) PutBigEndian(body, m_adler);
  if (!Chunk("IDAT", body)) return Finish(error);
  return true;
}

bool PngStream::Finish(std::string* error) {
  while (!m_pending.empty() && !m_failed)
    if (!WriteOldest(error)) return false;
  if (!m_failed) Chunk("IEND", {});
  // A full disk shows up here or in a Write, not earlier; Commit says the write's reason.
  if (m_committed) return false;
  m_committed = true;
  SaveError failure;
  if (m_out.Commit(&failure)) return true;
  *error = failure.message;
  return false;
}

}  // namespace jb
