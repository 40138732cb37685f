// The start screen (with no file given, and File ▸ Start screen…): the boards opened lately and
// the templates as pictures, each with what it is for. Ctrl+N's New board dialog shows the same
// template cards (TemplateGallery), so a template looks the same wherever it is chosen.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "app/render/thumbnail.h"
#include "core/io/templates.h"
#include "core/model/model.h"

namespace jb {

class Fonts;
class GpuRenderer;

// Rectangles in window pixels as last drawn, by name ("classic", or a recent board's path), for
// the layout dump.
using NamedRects = std::vector<std::pair<std::string, Rect>>;

// One large card per template: its picture (drawn once by the board renderer, the first time the
// cards show), its name and a line on what it is for.
class TemplateGallery {
 public:
  // `example`: the sample board too, as "Example". `columns`: cards per row. True when one was
  // clicked (in *chosen). `rects` gets each card's rectangle by template key.
  bool Show(bool example, int columns, GpuRenderer& renderer, const Fonts& fonts, Template* chosen, NamedRects* rects);

 private:
  BoardThumbnail m_pictures[4];  // by Template
  bool m_drawn[4] = {};
};

enum class StartAction { None, NewBoard, OpenRecent, OpenOther, Close };
struct StartAnswer {
  StartAction action = StartAction::None;
  Template chosen = Template::Blank;  // NewBoard
  std::string path;                   // OpenRecent
};

// The start screen, a modal over the whole window. Esc (or Close) leaves the board behind it.
class StartScreen {
 public:
  void Request() { m_requested = true; }
  void Withdraw() { m_requested = false; }
  bool Requested() const { return m_requested; }
  bool IsOpen() const { return m_open; }
  StartAnswer Show(const std::vector<std::string>& recent, TemplateGallery& gallery, GpuRenderer& renderer,
                   const Fonts& fonts);
  // As last drawn (empty while closed).
  const NamedRects& TemplateRects() const { return m_templateRects; }
  const NamedRects& RecentRects() const { return m_recentRects; }

 private:
  bool m_requested = false, m_open = false;
  NamedRects m_templateRects, m_recentRects;
};

// The title a new board gets, asked right after it was made from a template: prefilled with the
// template's title and selected, so typing replaces it. Enter accepts; Esc or Skip keeps the
// prefilled title (returns false then).
class TitleQuestion {
 public:
  void Request(const std::string& title) {
    m_title = title;
    m_requested = true;
  }
  // True when a title was accepted (in *title).
  bool Show(std::string* title);

 private:
  bool m_requested = false, m_focus = false;
  std::string m_title;
};

}  // namespace jb
