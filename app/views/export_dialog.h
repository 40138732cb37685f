// export_dialog.cpp: the Export dialog (Ctrl+E) — region, width or scale, background, the size
// it makes, the file — and the box in the bottom-right corner that shows an export's progress
// (with Cancel); where the PNG went is then a toast (toasts.h), with Open folder.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "core/model/model.h"

namespace jb {

inline constexpr int kExportWidthPresets[] = {1920, 3840, 7680, 15360};

// What the facilitator chose; kept between openings.
struct ExportChoice {
  enum Region { Board, View, Selection, Stage } region = Board;
  int stage = 0;           // index into the stage names
  int preset = 1;          // index into kExportWidthPresets, or 4: custom, 5: scale
  int customWidth = 3840;  // 16..32768
  float scale = 1;         // pixels per board unit
  enum Background { Canvas, White, Transparent } background = Canvas;
  std::string path;
};

enum class ExportDialogAnswer { None, Export, Browse };
// `sizeLine` says what the choice makes ("3840 × 2282 px, about 3.5 MB") or why it cannot be made.
ExportDialogAnswer ShowExportDialog(bool* requested, ExportChoice* choice, const std::vector<std::string>& stages,
                                    bool hasSelection, const std::function<std::string(const ExportChoice&)>& sizeLine);

// `progress`: a running export ("Exporting NAME: tile 3 of 12"), shown in `area`'s bottom-right
// corner (window pixels) with Cancel; empty: nothing shown. True when Cancel was clicked. (Where
// it went is a toast: toasts.h.)
bool ShowExportProgress(const std::string& progress, const Rect& area);

}  // namespace jb
