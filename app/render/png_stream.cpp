#include "app/render/png_stream.h"

#include <zlib.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <thread>

#include "app/platform/i18n.h"

namespace jb {

namespace {

void PutBigEndian(std::string& out, uint32_t value) {
  const char bytes[4] = {char(value >> 24), char(value >> 16), char(value >> 8), char(value)};
  out.append(bytes, 4);
}

}  // namespace

PngStream::~PngStream() {
  // An abandoned export (cancelled, failed): let the compressing threads end before the buffers
  // go; m_out, never committed, removes its temp file.
  for (auto& band : m_pending) band.wait();
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
  uLong crc = crc32(0L, reinterpret_cast<const Bytef*>(type), 4);
  crc = crc32_z(crc, reinterpret_cast<const Bytef*>(body.data()), body.size());
  PutBigEndian(chunk, uint32_t(crc));
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

unsigned char* PngStream::NextBand(int rows) {
  m_bandRows = rows;
  m_band.resize(size_t(rows) * m_width * size_t(m_channels));
  return m_band.data();
}

bool PngStream::Submit(bool unpremultiply, std::string* error) {
  const bool last = m_rowsSent + uint32_t(m_bandRows) >= m_height;
  m_rowsSent += uint32_t(m_bandRows);
  auto compress = [pixels = std::move(m_band), rows = m_bandRows, width = m_width, channels = m_channels, unpremultiply,
                   last]() mutable {
    const size_t stride = size_t(width) * size_t(channels);
    if (unpremultiply)
      for (size_t i = 0; i < pixels.size(); i += 4) {
        const unsigned alpha = pixels[i + 3];
        if (alpha == 0 || alpha == 255) continue;
        for (int c = 0; c < 3; ++c)
          pixels[i + c] = (unsigned char)std::min(255u, (pixels[i + c] * 255u + alpha / 2) / alpha);
      }
    // Filter type 0 before each row.
    std::vector<unsigned char> filtered(size_t(rows) * (stride + 1));
    for (int row = 0; row < rows; ++row) {
      filtered[size_t(row) * (stride + 1)] = 0;
      std::memcpy(&filtered[size_t(row) * (stride + 1) + 1], &pixels[size_t(row) * stride], stride);
    }
    Band band;
    band.length = filtered.size();
    band.adler = uint32_t(adler32_z(1L, filtered.data(), filtered.size()));
    z_stream z{};
    if (deflateInit2(&z, 1, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK) return band;
    band.bytes.resize(deflateBound(&z, uLong(filtered.size())) + 16);
    z.next_in = filtered.data();
    z.avail_in = uInt(filtered.size());
    z.next_out = reinterpret_cast<Bytef*>(band.bytes.data());
    z.avail_out = uInt(band.bytes.size());
    // Not the last band: a sync flush ends it on a byte boundary with no final block, so the next
    // band's own blocks follow it in the one stream.
    deflate(&z, last ? Z_FINISH : Z_SYNC_FLUSH);
    band.bytes.resize(band.bytes.size() - z.avail_out);
    deflateEnd(&z);
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
  if (band.bytes.empty()) return Failed(_("out of memory"), error);
  m_adler = uint32_t(adler32_combine(m_adler, band.adler, z_off_t(band.length)));
  std::string body = std::move(m_pendingHeader);
  m_pendingHeader.clear();
  body += band.bytes;
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
