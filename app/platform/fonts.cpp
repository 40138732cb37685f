#include "app/platform/fonts.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include <imgui_freetype.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>

namespace jb {

namespace {

constexpr float kBoardSizes[] = {14, 20, 28, 40, 56, 80, 112};

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

}  // namespace

void Fonts::Build(ImFontAtlas& atlas, float uiPixelSize, std::string* warning) {
  ++m_generation;
  atlas.Clear();
  m_board.clear();
  m_boardBold.clear();
  m_ui = m_uiBold = m_icons = nullptr;
  m_hasIcons = false;
  atlas.TexDesiredWidth = 4096;

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
  for (float size : kBoardSizes) {
    m_board.push_back(atlas.AddFontFromFileTTF(regular.c_str(), size, &config, GlyphRanges()));
    if (haveBold) m_boardBold.push_back(atlas.AddFontFromFileTTF(bold.c_str(), size, &config, GlyphRanges()));
  }
  if (!ImGuiFreeType::BuildFontAtlas(&atlas, ImGuiFreeTypeBuilderFlags_LightHinting))
    return builtIn("Font " + regular + " could not be rendered");
  m_reference = ForPixelSize(28);
}

float Fonts::Advance(char32_t codepoint) const {
  if (!m_reference) return 0.55f;
  // ImGui 1.86 glyphs are 16-bit; outside that range use the fallback glyph's width.
  const ImFontGlyph* glyph = m_reference->FindGlyph(codepoint <= 0xFFFF ? ImWchar(codepoint) : ImWchar(0xFFFD));
  return glyph ? glyph->AdvanceX / m_reference->FontSize : 0.55f;
}

ImFont* Fonts::ForPixelSize(float pixelSize, bool bold) const {
  const std::vector<ImFont*>& fonts = bold && !m_boardBold.empty() ? m_boardBold : m_board;
  for (ImFont* font : fonts)
    if (font->FontSize >= pixelSize) return font;
  return fonts.back();
}

}  // namespace jb
