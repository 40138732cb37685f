#include "app/platform/fonts.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include <imgui_freetype.h>

#include <isa-l/crc.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <algorithm>
#include <vector>
#include <string_view>
#include <type_traits>

#include "app/platform/disk_cache.h"

namespace jb {

namespace {

// Each step at most 1.4 times the last, down to 8 px: text is drawn from the size at or above it,
// scaled down, with linear sampling and no mipmaps, so one-pixel strokes survive only while a
// pixel covers little more than a texel. With 14 px the smallest, a line of "l" at 8 px lost every
// stroke (tests/gui/test_export.py, small text keeps every stroke). 8 and 10 cost ~12 ms more of an
// uncached bake (the disk cache holds them after).
constexpr float kBoardSizes[] = {8, 10, 14, 20, 28, 40, 56, 80, 112};

// The board sizes to bake: all of them, or (largest > 0) up to the first at or above `largest`,
// and never fewer than the reference size needs.
std::vector<float> BoardSizes(float largest) {
  std::vector<float> sizes;
  for (float size : kBoardSizes) {
    sizes.push_back(size);
    if (largest > 0 && size >= largest && size >= Fonts::kReferencePixelSize) break;
  }
  return sizes;
}

// Where Debian's fonts-dejavu-core puts them; JOURNEYBOARD_FONT_DIR overrides (tests use it to
// simulate a missing or broken font).
std::string FontDir() {
  if (const char* dir = std::getenv("JOURNEYBOARD_FONT_DIR")) return dir;
  return "/usr/share/fonts/truetype/dejavu";
}

// Whether FreeType opens `path` as a font face (and it has glyphs).
bool FreeTypeOpens(const std::string& path) {
  FT_Library library = nullptr;
  if (FT_Init_FreeType(&library) != 0) return false;
  FT_Face face = nullptr;
  const bool ok = FT_New_Face(library, path.c_str(), 0, &face) == 0 && face->num_glyphs > 0;
  if (face) FT_Done_Face(face);
  FT_Done_FreeType(library);
  return ok;
}

const ImWchar* GlyphRanges() {
  static const ImWchar ranges[] = {
      0x0020, 0x00FF,  // Basic Latin + Latin-1
      0x0100, 0x017F,  // Latin Extended-A
      0x0400, 0x045F,  // Cyrillic
      0x0490, 0x0491,  // Ґ ґ
      0x2010, 0x2027,  // dashes, quotes, bullet, ellipsis
      0x2030, 0x203A,  // per mille, angle quotes
      0x20AC, 0x20BD,  // € … ₽
      0x2116, 0x2116,  // №
      0x2190, 0x2193,  // arrows
      0x2212, 0x2212,  // minus
      0,
  };
  return ranges;
}

// Debian's fonts-fork-awesome; JOURNEYBOARD_ICON_FONT overrides (tests use it to simulate a missing font).
std::string IconFontPath() {
  if (const char* path = std::getenv("JOURNEYBOARD_ICON_FONT")) return path;
  return "/usr/share/fonts/truetype/fork-awesome/forkawesome-webfont.ttf";
}

// Only the icons the toolbar uses (app/platform/icons.h), so the atlas stays small.
const ImWchar* IconRanges() {
  static const ImWchar ranges[] = {0xF256, 0xF256, 0xF245, 0xF245, 0xF249, 0xF249, 0xF164, 0xF164, 0xF252,
                                   0xF252, 0xF070, 0xF070, 0xF108, 0xF108, 0xF030, 0xF030, 0xF0E2, 0xF0E2,
                                   0xF01E, 0xF01E, 0xF1DE, 0xF1DE, 0xF0C0, 0xF0C0, 0xF1DA, 0xF1DA, 0xF034, 0xF034,
                                   0xF040, 0xF040, 0xF1FC, 0xF1FC, 0xF12D, 0xF12D, 0xF178, 0xF178, 0xF096, 0xF096,
                                   0xF031, 0xF031, 0};
  return ranges;
}


// Board text is drawn from the nearest baked size, scaled down below the smallest (14 px): a dash
// or hyphen baked one texel tall then becomes a quad 0.7 px tall, drawn only where it happens to
// cover a pixel centre, so "as-is" read "as is" at the fitted zoom. Such glyphs get half a texel
// of the atlas' empty padding on each side: their quad is then at least a pixel tall wherever it
// lies, and linear filtering spreads the stroke's ink over the pixels it covers. Drawn unscaled,
// the padding's texels are empty and the pixels the same. Idempotent: a padded glyph is 2 texels.
void PadThinGlyphs(const std::vector<ImFont*>& fonts, const ImFontAtlas& atlas) {
  if (atlas.TexWidth <= 0 || atlas.TexHeight <= 0 || atlas.TexGlyphPadding < 1) return;
  const float du = 0.5f / float(atlas.TexWidth), dv = 0.5f / float(atlas.TexHeight);
  for (ImFont* font : fonts)
    for (ImFontGlyph& glyph : font->Glyphs) {
      if (glyph.Y1 > glyph.Y0 && glyph.Y1 - glyph.Y0 < 2) glyph.Y0 -= 0.5f, glyph.Y1 += 0.5f, glyph.V0 -= dv, glyph.V1 += dv;
      if (glyph.X1 > glyph.X0 && glyph.X1 - glyph.X0 < 2) glyph.X0 -= 0.5f, glyph.X1 += 0.5f, glyph.U0 -= du, glyph.U1 += du;
    }
}

// [SECTION] The baked atlas, cached on disk
// Baking ~9,000 glyphs at 8 sizes with FreeType is most of a command-line export's start (see
// README "Performance"); the result depends only on the font files and the sizes, so it is kept
// in $XDG_CACHE_HOME/journeyboard/ (else ~/.cache/journeyboard/) and read back in a few ms. The
// file holds its key (each font file's path, size and modification time, the sizes, ImGui's
// version and the glyph layout): a stale file simply misses. A CRC-32 over everything catches a
// torn or corrupt file, which is ignored and rebuilt; files are written to a temp name and renamed.

constexpr char kAtlasMagic[8] = {'J', 'B', 'A', 'T', 'L', 'A', 'S', '1'};

// The file's CRC-32 (zlib's, so files written before stay valid), by ISA-L's carry-less multiply:
// the atlas is megabytes, read on every start, where zlib's table-driven loop took a few ms.
uint32_t AtlasCrc(const char* bytes, size_t size) {
  return crc32_gzip_refl(0, reinterpret_cast<const unsigned char*>(bytes), size);
}

// Path, size and modification time (ns): a replaced or edited font misses the cache.
std::string FileStamp(const std::string& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) return path + ":none;";
  return path + ":" + std::to_string(info.st_size) + ":" + std::to_string(info.st_mtim.tv_sec) + "." +
         std::to_string(info.st_mtim.tv_nsec) + ";";
}

class ByteWriter {
 public:
  template <typename T>
  void Put(const T& value) {
    static_assert(std::is_trivially_copyable<T>::value, "plain bytes only");
    Raw(&value, sizeof(T));
  }
  void Raw(const void* data, size_t size) { m_bytes.append(static_cast<const char*>(data), size); }
  void Text(const std::string& text) {
    Put(uint32_t(text.size()));
    Raw(text.data(), text.size());
  }
  std::string& bytes() { return m_bytes; }

 private:
  std::string m_bytes;
};

// Reads what ByteWriter wrote; any read past the end makes ok() false (and yields zeros).
class ByteReader {
 public:
  ByteReader(const char* data, size_t size) : m_data(data), m_size(size) {}
  template <typename T>
  T Get() {
    T value{};
    Raw(&value, sizeof(T));
    return value;
  }
  void Raw(void* out, size_t size) {
    if (!m_ok || size > m_size - m_pos) {
      m_ok = false;
      std::memset(out, 0, size);
      return;
    }
    std::memcpy(out, m_data + m_pos, size);
    m_pos += size;
  }
  std::string Text() {
    const uint32_t size = Get<uint32_t>();
    if (!m_ok || size > m_size - m_pos) {
      m_ok = false;
      return {};
    }
    std::string text(m_data + m_pos, size);
    m_pos += size;
    return text;
  }
  void Fail() { m_ok = false; }
  bool ok() const { return m_ok; }
  bool AtEnd() const { return m_pos == m_size; }

 private:
  const char* m_data;
  size_t m_size, m_pos = 0;
  bool m_ok = true;
};

// A file's bytes mapped read-only, its pages read in at once: the atlas is megabytes, and
// copying it through a stream (a doubling buffer, then a string) cost a page fault per 4 KiB
// several times over, most of the cached load.
class MappedFile {
 public:
  explicit MappedFile(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return;
    struct stat info {};
    if (::fstat(fd, &info) == 0 && info.st_size > 0) {
      void* data = ::mmap(nullptr, size_t(info.st_size), PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
      if (data != MAP_FAILED) {
        m_data = data;
        m_size = size_t(info.st_size);
      }
    }
    ::close(fd);
  }
  ~MappedFile() {
    if (m_data) ::munmap(m_data, m_size);
  }
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  std::string_view Bytes() const { return {static_cast<const char*>(m_data), m_size}; }

 private:
  void* m_data = nullptr;
  size_t m_size = 0;
};

// Each UI scale and each set of board sizes (a command-line export bakes only what it draws)
// makes an atlas of its own, 2-9 MB: the cache keeps the ones used last, within this much.
constexpr uintmax_t kAtlasCacheBytes = 48u << 20;

int IndexOf(const ImFontAtlas& atlas, const ImFont* font) {
  for (int i = 0; i < atlas.Fonts.Size; ++i)
    if (atlas.Fonts[i] == font) return i;
  return -1;
}

}  // namespace

std::string Fonts::CacheKey(float uiPixelSize, const std::vector<float>& boardSizes) {
  const std::string regular = FontDir() + "/DejaVuSans.ttf", bold = FontDir() + "/DejaVuSans-Bold.ttf";
  std::string key = std::string("imgui ") + IMGUI_VERSION + "; glyph " + std::to_string(sizeof(ImFontGlyph)) +
                    "; light hinting; ui " + std::to_string(uiPixelSize) + "; board";
  for (float size : boardSizes) key += " " + std::to_string(size);
  key += "; " + FileStamp(regular) + FileStamp(bold) + FileStamp(IconFontPath());
  return key;
}

void Fonts::SaveCache(const ImFontAtlas& atlas, const std::string& key) const {
  const std::string path = CacheFile("atlas", key);
  if (path.empty() || !atlas.TexPixelsAlpha8) return;
  ByteWriter out;
  out.Raw(kAtlasMagic, sizeof kAtlasMagic);
  out.Text(key);
  out.Put(int32_t(atlas.TexWidth));
  out.Put(int32_t(atlas.TexHeight));
  out.Put(atlas.TexUvScale);
  out.Put(atlas.TexUvWhitePixel);
  out.Put(atlas.TexUvLines);
  out.Put(int32_t(atlas.Flags));
  out.Put(int32_t(atlas.Fonts.Size));
  for (const ImFont* font : atlas.Fonts) {
    out.Put(font->FontSize);
    out.Put(font->Ascent);
    out.Put(font->Descent);
    out.Put(font->FallbackChar);
    out.Put(font->EllipsisChar);
    out.Put(font->DotChar);
    out.Put(int32_t(font->MetricsTotalSurface));
    out.Put(int32_t(font->Glyphs.Size));
    out.Raw(font->Glyphs.Data, size_t(font->Glyphs.Size) * sizeof(ImFontGlyph));
  }
  out.Put(int32_t(IndexOf(atlas, m_ui)));
  out.Put(int32_t(IndexOf(atlas, m_uiBold)));
  out.Put(int32_t(IndexOf(atlas, m_icons)));
  out.Put(int32_t(IndexOf(atlas, m_reference)));
  out.Put(uint8_t(m_hasIcons));
  out.Put(int32_t(m_board.size()));
  for (const ImFont* font : m_board) out.Put(int32_t(IndexOf(atlas, font)));
  out.Put(int32_t(m_boardBold.size()));
  for (const ImFont* font : m_boardBold) out.Put(int32_t(IndexOf(atlas, font)));
  out.Raw(atlas.TexPixelsAlpha8, size_t(atlas.TexWidth) * size_t(atlas.TexHeight));
  const uint32_t crc = AtlasCrc(out.bytes().data(), out.bytes().size());
  out.Put(crc);

  if (!WriteCacheFile(path, out.bytes())) return;
  PruneCache("atlas", path, kAtlasCacheBytes);
}

bool Fonts::LoadCache(ImFontAtlas& atlas, const std::string& key) {
  const std::string path = CacheFile("atlas", key);
  if (path.empty()) return false;
  const MappedFile file(path);
  const std::string_view bytes = file.Bytes();
  if (bytes.size() < sizeof kAtlasMagic + 4 || std::memcmp(bytes.data(), kAtlasMagic, sizeof kAtlasMagic) != 0)
    return false;
  uint32_t stored = 0;
  std::memcpy(&stored, bytes.data() + bytes.size() - 4, 4);
  if (AtlasCrc(bytes.data(), bytes.size() - 4) != stored) return false;
  ByteReader in(bytes.data() + sizeof kAtlasMagic, bytes.size() - sizeof kAtlasMagic - 4);
  if (in.Text() != key) return false;  // another font or size that happens to share the name
  const int texWidth = in.Get<int32_t>(), texHeight = in.Get<int32_t>();
  const ImVec2 uvScale = in.Get<ImVec2>(), uvWhite = in.Get<ImVec2>();
  ImVec4 uvLines[IM_ARRAYSIZE(atlas.TexUvLines)];
  in.Raw(uvLines, sizeof uvLines);
  const int flags = in.Get<int32_t>();
  const int fontCount = in.Get<int32_t>();
  if (!in.ok() || texWidth <= 0 || texHeight <= 0 || texWidth > 16384 || texHeight > 16384 || fontCount <= 0 ||
      fontCount > 64)
    return false;

  atlas.Clear();
  m_board.clear();
  m_boardBold.clear();
  m_ui = m_uiBold = m_icons = m_reference = nullptr;
  auto fail = [&] {
    atlas.Clear();
    m_board.clear();
    m_boardBold.clear();
    m_ui = m_uiBold = m_icons = m_reference = nullptr;
    return false;
  };
  for (int i = 0; i < fontCount; ++i) {
    ImFont* font = IM_NEW(ImFont);
    atlas.Fonts.push_back(font);
    font->ContainerAtlas = &atlas;
    font->FontSize = in.Get<float>();
    font->Ascent = in.Get<float>();
    font->Descent = in.Get<float>();
    font->FallbackChar = in.Get<ImWchar>();
    font->EllipsisChar = in.Get<ImWchar>();
    font->DotChar = in.Get<ImWchar>();
    font->MetricsTotalSurface = in.Get<int32_t>();
    const int glyphs = in.Get<int32_t>();
    if (!in.ok() || glyphs <= 0 || glyphs > 0x10000 || !(font->FontSize > 0)) return fail();
    font->Glyphs.resize(glyphs);
    in.Raw(font->Glyphs.Data, size_t(glyphs) * sizeof(ImFontGlyph));
    if (!in.ok()) return fail();
    for (const ImFontGlyph& glyph : font->Glyphs)
      if (glyph.Codepoint > 0xFFFF) return fail();
    font->BuildLookupTable();
  }
  auto font = [&](int index, bool optional) -> ImFont* {
    if (index < 0 || index >= fontCount) {
      if (!optional) in.Fail();
      return nullptr;
    }
    return atlas.Fonts[index];
  };
  m_ui = font(in.Get<int32_t>(), false);
  m_uiBold = font(in.Get<int32_t>(), true);
  m_icons = font(in.Get<int32_t>(), true);
  m_reference = font(in.Get<int32_t>(), false);
  m_hasIcons = in.Get<uint8_t>() != 0;
  const int boards = in.Get<int32_t>();
  if (!in.ok() || boards <= 0 || boards > 64) return fail();
  for (int i = 0; i < boards; ++i) m_board.push_back(font(in.Get<int32_t>(), false));
  const int bolds = in.Get<int32_t>();
  if (!in.ok() || bolds < 0 || bolds > 64) return fail();
  for (int i = 0; i < bolds; ++i) m_boardBold.push_back(font(in.Get<int32_t>(), false));
  const size_t pixels = size_t(texWidth) * size_t(texHeight);
  auto* texture = static_cast<unsigned char*>(IM_ALLOC(pixels));
  in.Raw(texture, pixels);
  if (!in.ok() || !in.AtEnd() || m_ui != atlas.Fonts[0]) {
    IM_FREE(texture);
    return fail();
  }
  atlas.Flags = flags;
  atlas.TexWidth = texWidth;
  atlas.TexHeight = texHeight;
  atlas.TexUvScale = uvScale;
  atlas.TexUvWhitePixel = uvWhite;
  std::memcpy(atlas.TexUvLines, uvLines, sizeof uvLines);
  atlas.TexPixelsAlpha8 = texture;
  atlas.TexReady = true;
  MarkCacheFileUsed(path);
  return true;
}

void Fonts::Build(ImFontAtlas& atlas, float uiPixelSize, std::string* warning, float largestBoardPixels) {
  ++m_generation;
  atlas.Clear();
  m_board.clear();
  m_boardBold.clear();
  m_ui = m_uiBold = m_icons = nullptr;
  m_hasIcons = false;
  atlas.TexDesiredWidth = 4096;
  m_iconWarning.clear();
  // JOURNEYBOARD_FONT_CACHE=0 bakes afresh (and writes no cache): tests compare the two.
  const bool caching = CachingOn();
  const std::vector<float> boardSizes = BoardSizes(largestBoardPixels);
  const std::string key = caching ? CacheKey(uiPixelSize, boardSizes) : std::string();
  if (caching && LoadCache(atlas, key)) {
    PadThinGlyphs(m_board, atlas);
    PadThinGlyphs(m_boardBold, atlas);
    return;
  }

  const std::string regular = FontDir() + "/DejaVuSans.ttf";
  const std::string bold = FontDir() + "/DejaVuSans-Bold.ttf";
  auto builtIn = [&](const std::string& why) {
    *warning = why + "; using the built-in font, which has no Cyrillic.";
    atlas.Clear();
    m_board.clear();
    m_boardBold.clear();
    m_uiBold = nullptr;
    m_hasIcons = false;
    m_icons = nullptr;
    ImFontConfig config;
    config.SizePixels = uiPixelSize;
    m_ui = atlas.AddFontDefault(&config);
    m_board.push_back(m_ui);
    ImGuiFreeType::BuildFontAtlas(&atlas, ImGuiFreeTypeBuilderFlags_LightHinting);
    m_reference = m_ui;
  };
  if (!std::filesystem::exists(regular)) return builtIn("Font " + regular + " not found (install fonts-dejavu-core)");
  // FreeType, which renders the glyphs, is the judge of what a font is: a file it cannot open
  // (empty, truncated, not a font at all) is set aside here rather than handed to ImGui.
  if (!FreeTypeOpens(regular)) return builtIn("Font " + regular + " is not a font FreeType can read");
  const bool haveBold = std::filesystem::exists(bold) && FreeTypeOpens(bold);
  ImFontConfig config;
  config.OversampleH = config.OversampleV = 1;  // FreeType renders hinted glyphs at the exact size
  m_ui = atlas.AddFontFromFileTTF(regular.c_str(), uiPixelSize, &config, GlyphRanges());
  // The toolbar's icons, merged into the UI font so a label can hold both; without the font the
  // toolbar shows short text labels instead.
  const std::string icons = IconFontPath();
  m_hasIcons = std::filesystem::exists(icons) && FreeTypeOpens(icons);
  m_iconWarning.clear();
  if (m_hasIcons) {
    ImFontConfig merge = config;
    merge.MergeMode = true;
    merge.GlyphMinAdvanceX = uiPixelSize;  // icons of one width line up in a column
    atlas.AddFontFromFileTTF(icons.c_str(), uiPixelSize, &merge, IconRanges());
    m_icons = atlas.AddFontFromFileTTF(icons.c_str(), std::round(uiPixelSize * 1.6f), &config, IconRanges());
  } else {
    m_iconWarning =
        "Icon font " + icons + " is missing or not a font (install fonts-fork-awesome); the toolbar shows text labels.";
  }
  if (haveBold) m_uiBold = atlas.AddFontFromFileTTF(bold.c_str(), uiPixelSize, &config, GlyphRanges());
  for (float size : boardSizes) {
    m_board.push_back(atlas.AddFontFromFileTTF(regular.c_str(), size, &config, GlyphRanges()));
    if (haveBold) m_boardBold.push_back(atlas.AddFontFromFileTTF(bold.c_str(), size, &config, GlyphRanges()));
  }
  if (!ImGuiFreeType::BuildFontAtlas(&atlas, ImGuiFreeTypeBuilderFlags_LightHinting))
    return builtIn("Font " + regular + " could not be rendered");
  m_reference = ForPixelSize(Fonts::kReferencePixelSize);
  PadThinGlyphs(m_board, atlas);
  PadThinGlyphs(m_boardBold, atlas);
  // Only a complete bake with every font is kept: a missing icon font is said on every start.
  if (caching && m_hasIcons) SaveCache(atlas, key);
}

float ReferenceGlyphs::Advance(char32_t codepoint) const {
  if (!m_font) return 0.55f;
  // ImGui 1.86 glyphs are 16-bit; outside that range use the fallback glyph's width.
  const ImFontGlyph* glyph = m_font->FindGlyph(codepoint <= 0xFFFF ? ImWchar(codepoint) : ImWchar(0xFFFD));
  return glyph ? glyph->AdvanceX / m_font->FontSize : 0.55f;
}

float Fonts::Advance(char32_t codepoint) const { return ReferenceGlyphs(m_reference).Advance(codepoint); }

ReferenceGlyphs Fonts::BoldGlyphs() const {
  // The bold face baked at the reference size, chosen as m_reference is but without ForPixelSize,
  // whose size probe would make an export bake that size.
  for (const ImFont* font : m_boardBold)
    if (font->FontSize >= kReferencePixelSize) return ReferenceGlyphs(font);
  return ReferenceGlyphs(m_boardBold.empty() ? m_reference : m_boardBold.back());
}

namespace {
thread_local Fonts::SizeProbe* t_sizeProbe = nullptr;
}  // namespace

Fonts::SizeProbe::SizeProbe() : m_outer(t_sizeProbe) { t_sizeProbe = this; }
Fonts::SizeProbe::~SizeProbe() { t_sizeProbe = m_outer; }

ImFont* Fonts::ForPixelSize(float pixelSize, bool bold) const {
  if (t_sizeProbe) t_sizeProbe->Asked(pixelSize);
  const std::vector<ImFont*>& fonts = bold && !m_boardBold.empty() ? m_boardBold : m_board;
  for (ImFont* font : fonts)
    if (font->FontSize >= pixelSize) return font;
  return fonts.back();
}

}  // namespace jb
