// Fonts for the UI and the board. The board font is baked at several pixel sizes so text stays
// crisp at every zoom: DrawBoard picks the smallest baked size at or above what it needs.
// Glyphs cover Latin and Cyrillic. FreeType hinting keeps small text sharp.
#pragma once
#include <imgui.h>

#include <string>
#include <vector>

#include "core/layout/text_wrap.h"

namespace jb {

// Advance widths from one baked font, for text 1 unit high (0.55 for every glyph without one).
class ReferenceGlyphs : public GlyphMetrics {
 public:
  explicit ReferenceGlyphs(const ImFont* font) : m_font(font) {}
  float Advance(char32_t codepoint) const override;

 private:
  const ImFont* m_font;
};

class Fonts : public GlyphMetrics {
 public:
  // Builds the atlas (does not upload it). `uiPixelSize` is the UI font's size in pixels.
  // When the font file is missing or is not a font FreeType can read, falls back to ImGui's
  // built-in font and sets *warning (one sentence). A complete bake is kept in the user's cache
  // folder ($XDG_CACHE_HOME/journeyboard/) and read back next time; a stale, torn or corrupt
  // cache file is ignored and rebuilt; the atlases used longest ago go once the folder passes
  // 48 MB. JOURNEYBOARD_FONT_CACHE=0 always bakes.
  // `largestBoardPixels` > 0 bakes the board font only up to the first size at or above it (never
  // below the layout's reference size): a thumbnail's text is a few pixels tall, and the full set
  // of sizes is 95 % of the atlas. Larger text is then drawn from the largest baked size, scaled.
  void Build(ImFontAtlas& atlas, float uiPixelSize, std::string* warning, float largestBoardPixels = 0);

  ImFont* Ui() const { return m_ui; }
  // Counts Build calls: what was drawn with older fonts must be drawn again (the board cache).
  int Generation() const { return m_generation; }
  // The UI font holds the toolbar's icons (app/platform/icons.h); else the toolbar uses text.
  bool HasIcons() const { return m_hasIcons; }
  // One sentence when the icon font is missing (the toolbar then shows text); empty otherwise.
  const std::string& IconWarning() const { return m_iconWarning; }
  ImFont* Icons() const { return m_icons ? m_icons : m_ui; }  // the icons alone, larger (toolbar buttons)
  ImFont* UiBold() const { return m_uiBold ? m_uiBold : m_ui; }
  // Text is measured for layout at this size (Advance, and the funnel's labels), so lines break the
  // same whichever sizes were baked.
  static constexpr float kReferencePixelSize = 28;
  // The board font to draw text of `pixelSize` pixels with.
  ImFont* ForPixelSize(float pixelSize, bool bold = false) const;
  // While one lives, the largest `pixelSize` ForPixelSize is asked for on this thread is kept: an
  // export draws its board once without rendering to learn which sizes it needs baked.
  class SizeProbe {
   public:
    SizeProbe();
    ~SizeProbe();
    SizeProbe(const SizeProbe&) = delete;
    SizeProbe& operator=(const SizeProbe&) = delete;
    float Largest() const { return m_largest; }
    void Asked(float pixelSize) { m_largest = pixelSize > m_largest ? pixelSize : m_largest; }

   private:
    float m_largest = 0;
    SizeProbe* m_outer;
  };

  // Text measurement for layout and wrapping, from one reference size, so lines break the same
  // at every zoom and in exports.
  float Advance(char32_t codepoint) const override;
  // The same for bold text that wraps (lane names, persona names): the bold face is wider, so its
  // lines break by its own widths, else a bold line runs past its box.
  ReferenceGlyphs BoldGlyphs() const;

 private:
  int m_generation = 0;
  static std::string CacheKey(float uiPixelSize, const std::vector<float>& boardSizes);
  bool LoadCache(ImFontAtlas& atlas, const std::string& key);
  void SaveCache(const ImFontAtlas& atlas, const std::string& key) const;

  ImFont* m_ui = nullptr;
  ImFont* m_uiBold = nullptr;
  std::vector<ImFont*> m_board;  // ascending sizes
  std::vector<ImFont*> m_boardBold;
  ImFont* m_reference = nullptr;
  bool m_hasIcons = false;
  ImFont* m_icons = nullptr;
  std::string m_iconWarning;
};

}  // namespace jb
