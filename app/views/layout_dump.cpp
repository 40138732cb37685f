#include "app/views/layout_dump.h"

#include "app/render/png_export.h"
#include "app/render/render.h"
#include "core/io/durable_file.h"
#include "core/layout/ink.h"
#include "core/layout/sketch_hit.h"

#include <imgui.h>
#include <imgui_internal.h>  // ImGuiWindow::Hidden: a window's first, measuring frame

#include <cstdio>
#include <vector>
#include <sstream>

namespace jb {

namespace {

void Quoted(std::ostringstream& out, const std::string& text) {
  out << '"';
  for (unsigned char c : text) {
    switch (c) {
      case '"': out << "\\\""; break;
      case '\\': out << "\\\\"; break;
      case '\n': out << "\\n"; break;
      case '\r': out << "\\r"; break;
      case '\t': out << "\\t"; break;
      default:
        if (c < 0x20) {
          char escaped[8];
          std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
          out << escaped;
        } else {
          out << char(c);
        }
    }
  }
  out << '"';
}

void RectJson(std::ostringstream& out, const Camera& camera, const Rect& r) {
  Rect s = camera.ToScreen(r);
  out << '[' << s.x0 << ',' << s.y0 << ',' << s.x1 << ',' << s.y1 << ']';
}

void PointJson(std::ostringstream& out, const Camera& camera, Vec2 p) {
  const Vec2 s = camera.ToScreen(p);
  out << '[' << s.x << ',' << s.y << ']';
}

template <typename Id>
void IdList(std::ostringstream& out, const char* key, const std::vector<Id>& ids, bool first = false) {
  out << (first ? "\"" : ",\"") << key << "\":[";
  for (size_t i = 0; i < ids.size(); ++i) out << (i ? "," : "") << ids[i].value;
  out << ']';
}

// The sketches, with the geometry the renderer draws (core/layout/ink.h), and which are selected.
void SketchesJson(std::ostringstream& out, const Board& board, const Layout& layout, const Camera& camera,
                  const ViewInfo& view) {
  out << "\"tool\":";
  Quoted(out, view.tool);
  out << ",\n\"strokes\":[";
  for (size_t i = 0; i < board.strokes.size(); ++i) {
    const Stroke& stroke = board.strokes[i];
    char color[8];
    std::snprintf(color, sizeof color, "%06x", unsigned(stroke.color & 0xffffff));
    out << (i ? ",\n" : "\n") << "{\"id\":" << stroke.id.value << ",\"stage\":" << stroke.stage.value
        << ",\"lane\":" << stroke.lane.value << ",\"points\":" << stroke.points.size()
        << ",\"highlighter\":" << (stroke.highlighter ? "true" : "false") << ",\"color\":\"" << color
        << "\",\"width\":" << stroke.width;
    thread_local std::vector<Vec2> points;
    const bool shown = StrokeShown(StrokePoints(board, layout, stroke, &points));
    out << ",\"shown\":" << (shown ? "true" : "false") << ",\"rect\":";
    RectJson(out, camera, shown ? StrokeBounds(points, stroke.width) : Rect{});
    out << '}';
  }
  out << "],\n\"arrows\":[";
  const NoteBoxIndex index(layout);
  ArrowGeometry geometry;
  static const char* const kHeads[] = {"none", "end", "start", "both"};
  for (size_t i = 0; i < board.arrows.size(); ++i) {
    const Arrow& arrow = board.arrows[i];
    ArrowPath(board, layout, arrow, &geometry, &index);
    out << (i ? ",\n" : "\n") << "{\"id\":" << arrow.id.value;
    for (int end = 0; end < 2; ++end) {
      const ArrowEnd& e = end ? arrow.to : arrow.from;
      // Where it is drawn: a bound end where it leaves its note, a free one where it was dropped.
      const Vec2 drawn = geometry.path.empty() ? e.pos : end ? geometry.path.back() : geometry.path.front();
      out << (end ? ",\"to\":{\"note\":" : ",\"from\":{\"note\":") << e.note.value << ",\"pos\":";
      PointJson(out, camera, drawn);
      out << '}';
    }
    out << ",\"curved\":" << (arrow.curved ? "true" : "false") << ",\"heads\":\"" << kHeads[int(arrow.heads)]
        << "\",\"shown\":" << (geometry.shown ? "true" : "false") << ",\"label\":";
    Quoted(out, arrow.label);
    out << ",\"rect\":";
    RectJson(out, camera, geometry.bounds);
    out << '}';
  }
  out << "],\n\"frames\":[";
  for (size_t i = 0; i < board.frames.size(); ++i) {
    out << (i ? ",\n" : "\n") << "{\"id\":" << board.frames[i].id.value << ",\"title\":";
    Quoted(out, board.frames[i].title);
    out << ",\"rect\":";
    RectJson(out, camera, board.frames[i].rect);
    out << '}';
  }
  out << "],\n\"labels\":[";
  for (size_t i = 0; i < board.labels.size(); ++i) {
    const TextLabel& label = board.labels[i];
    out << (i ? ",\n" : "\n") << "{\"id\":" << label.id.value << ",\"text\":";
    Quoted(out, label.text);
    out << ",\"size\":" << label.size << ",\"rect\":";
    RectJson(out, camera, view.glyphs ? LabelBounds(*view.glyphs, label) : Rect{label.pos.x, label.pos.y, label.pos.x, label.pos.y});
    out << '}';
  }
  out << "],\n\"sketchSelection\":{";
  IdList(out, "strokes", view.sketchSelection.strokes, true);
  IdList(out, "arrows", view.sketchSelection.arrows);
  IdList(out, "frames", view.sketchSelection.frames);
  IdList(out, "labels", view.sketchSelection.labels);
  out << "},";
}

struct RecordedWidget {
  std::string name;
  float x0, y0, x1, y1;
};
std::vector<RecordedWidget> g_widgets;
std::vector<std::pair<std::string, std::string>> g_dialogs;  // title, text
bool g_recording = false;

}  // namespace

void RecordWidget(const char* name) {
  if (!g_recording) return;
  // A popup's first frame measures it off its final place: a rect from then would mislead.
  if (const ImGuiWindow* window = ImGui::GetCurrentWindowRead(); window && window->Hidden) return;
  ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  g_widgets.push_back({name, min.x, min.y, max.x, max.y});
}

void RecordWindow(const char* name) {
  if (!g_recording) return;
  ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
  g_widgets.push_back({name, pos.x, pos.y, pos.x + size.x, pos.y + size.y});
}

void RecordRect(const char* name, float x0, float y0, float x1, float y1) {
  if (g_recording) g_widgets.push_back({name, x0, y0, x1, y1});
}

bool LayoutRecording() { return g_recording; }

void ClearRecordedWidgets() {
  g_widgets.clear();
  g_dialogs.clear();
}

void RecordDialog(const char* title, const std::string& text) {
  if (g_recording) g_dialogs.emplace_back(title, text);
}

std::string LayoutToJson(const Board& board, const Layout& layout, const Camera& camera, const ViewInfo& view) {
  g_recording = true;  // from now on panels record their widgets
  if (layout.notes.size() != board.notes.size() || layout.curves.size() != board.curves.size()) return {};
  std::ostringstream out;
  out.precision(7);
  out << "{\"window\":[" << view.windowWidth << ',' << view.windowHeight << "],\"zoom\":" << camera.zoom
      << ",\"uiScale\":" << view.uiScale << ",\"dirty\":" << (view.dirty ? "true" : "false")
      << ",\"gesture\":" << (view.gesture ? "true" : "false") << ",\"presenting\":" << (view.presenting ? "true" : "false")
      << ",\"spotlight\":" << (view.spotlight ? "true" : "false") << ",\"roomView\":" << (view.roomView ? "true" : "false") << ",\"focusedStage\":" << view.focusedStage
      << ",\"personaFilter\":" << view.personaFilter
      << ",\"menuBar\":" << view.menuBar << ",\"camera\":[" << camera.world.x << ',' << camera.world.y << ']'
      << ",\"coverMode\":" << (view.coverMode ? "true" : "false") << ",\"flipping\":" << view.flipping
      << ",\"path\":";
  Quoted(out, view.path);
  out << ",\"undo\":";
  Quoted(out, view.undo);
  out << ",\"redo\":";
  Quoted(out, view.redo);
  out << ",\"status\":";
  Quoted(out, view.status);
  auto pixels = [&out](const Rect& r) { out << '[' << r.x0 << ',' << r.y0 << ',' << r.x1 << ',' << r.y1 << ']'; };
  out << ",\"theme\":";
  Quoted(out, view.theme);
  out << ",\"ui\":{\"language\":";
  Quoted(out, view.uiLanguage);
  out << ",\"menus\":[";
  for (size_t i = 0; i < view.uiMenus.size(); ++i) {
    if (i) out << ',';
    Quoted(out, view.uiMenus[i]);
  }
  out << "]}";
  out << ",\"canvas\":";
  pixels(view.canvas);
  out << ",\"toolbar\":{\"shown\":" << (view.toolbarShown ? "true" : "false") << ",\"buttons\":[";
  for (size_t i = 0; i < view.toolbar.size(); ++i) {
    out << (i ? "," : "") << "{\"id\":";
    Quoted(out, view.toolbar[i].id);
    out << ",\"rect\":";
    pixels(view.toolbar[i].rect);
    out << ",\"checked\":" << (view.toolbar[i].checked ? "true" : "false") << '}';
  }
  out << "]},\"sidePanels\":[";
  for (size_t i = 0; i < view.sidePanels.size(); ++i) {
    out << (i ? "," : "") << "{\"name\":";
    Quoted(out, view.sidePanels[i].name);
    out << ",\"rect\":";
    pixels(view.sidePanels[i].rect);
    out << '}';
  }
  out << ']';
  out << ",\"addStage\":";
  RectJson(out, camera, view.addStage);
  out << ",\"addLane\":";
  RectJson(out, camera, view.addLane);
  out << ",\"export\":";
  RectJson(out, camera, ExportArea(layout));
  out << ",\"timer\":{\"state\":";
  Quoted(out, view.timerState);
  out << ",\"remaining\":" << view.timerRemaining << ",\"shown\":" << (view.timerShown ? "true" : "false")
      << ",\"chime\":" << (view.timerChime ? "true" : "false") << ",\"chimes\":" << view.timerChimes
      << ",\"flash\":" << (view.timerFlash ? "true" : "false") << '}';
  if (!view.toast.empty()) {
    out << ",\"toast\":{\"text\":";
    Quoted(out, view.toast);
    out << ",\"path\":";
    Quoted(out, view.toastPath);
    out << '}';
  }
  out << ",\"toasts\":[";
  for (size_t i = 0; i < view.toasts.size(); ++i) {
    out << (i ? ",{\"text\":" : "{\"text\":");
    Quoted(out, view.toasts[i].first);
    out << ",\"kind\":";
    Quoted(out, view.toasts[i].second);
    out << '}';
  }
  out << "],\"help\":{\"open\":" << (view.helpOpen ? "true" : "false") << ",\"rows\":" << view.helpRows
      << ",\"gestures\":" << view.helpGestures << "},\"menuBarMenus\":[";
  for (size_t i = 0; i < view.menuBarMenus.size(); ++i) {
    out << (i ? "," : "");
    Quoted(out, view.menuBarMenus[i]);
  }
  out << ']';
  if (view.lastExportFillDraws >= 0)
    out << ",\"lastExportDraws\":{\"fills\":" << view.lastExportFillDraws << ",\"textured\":" << view.lastExportTexturedDraws
        << '}';
  if (!view.exportProgress.empty()) {
    out << ",\"exportProgress\":";
    Quoted(out, view.exportProgress);
  }
  out << ",\"start\":{\"open\":" << (view.startOpen ? "true" : "false");
  for (const auto* list : {&view.startTemplates, &view.startRecent}) {
    out << (list == &view.startTemplates ? ",\"templates\":[" : ",\"recent\":[");
    for (size_t i = 0; i < list->size(); ++i) {
      out << (i ? "," : "") << "{\"name\":";
      Quoted(out, (*list)[i].first);
      out << ",\"rect\":";
      pixels((*list)[i].second);
      out << '}';
    }
    out << ']';
  }
  out << "},\"title\":";
  RectJson(out, camera, view.title);
  out << ",\"renaming\":";
  Quoted(out, view.renaming);
  if (view.editing) out << ",\"editing\":{\"id\":" << view.editing << ",\"firstLine\":" << view.editingFirstLine << '}';
  out << ",\"voting\":" << (view.voting ? "true" : "false");
  out << ",\"room\":{\"open\":" << (view.roomOpen ? "true" : "false") << ",\"url\":";
  Quoted(out, view.roomUrl);
  out << ",\"code\":";
  Quoted(out, view.roomCode);
  out << ",\"phones\":" << view.roomPhones << "},\"inbox\":[";
  if (view.inbox)
    for (size_t i = 0; i < view.inbox->size(); ++i) {
      const IncomingNote& note = (*view.inbox)[i];
      out << (i ? "," : "") << "{\"seq\":" << note.seq << ",\"text\":";
      Quoted(out, note.text);
      out << ",\"name\":";
      Quoted(out, note.name);
      out << ",\"lane\":" << note.lane.value << ",\"stage\":" << note.stage.value << '}';
    }
  out << ']';
  if (view.topPains && view.checks) {
    out << ",\"checks\":{\"open\":" << (view.checksOpen ? "true" : "false") << ",\"topPains\":[";
    for (size_t i = 0; i < view.topPains->size(); ++i) {
      const RankedPain& pain = (*view.topPains)[i];
      out << (i ? "," : "") << "{\"note\":" << pain.note.value << ",\"stage\":" << pain.stage.value << ",\"score\":" << pain.score
          << '}';
    }
    out << "],\"entries\":[";
    for (size_t i = 0; i < view.checks->size(); ++i) {
      const CheckEntry& entry = (*view.checks)[i];
      out << (i ? "," : "") << "{\"kind\":\"" << CheckKindName(entry.kind) << "\",\"note\":" << entry.note.value
          << ",\"stage\":" << entry.stage.value << ",\"curve\":" << entry.curve.value << ",\"point\":" << entry.point << '}';
    }
    out << "]}";
  }
  if (!view.metricsPanel.empty()) out << ",\"metricsPanel\":" << view.metricsPanel;
  if (!view.round.empty()) out << ",\"round\":" << view.round;
  if (!view.opportunitiesPanel.empty()) out << ",\"opportunitiesPanel\":" << view.opportunitiesPanel;
  out << ",\"find\":{\"open\":" << (view.findOpen ? "true" : "false") << ",\"query\":";
  Quoted(out, view.findQuery);
  out << ",\"count\":";
  Quoted(out, view.findCount);
  out << ",\"matches\":[";
  for (size_t i = 0; i < view.findMatches.size(); ++i) out << (i ? "," : "") << view.findMatches[i];
  out << "],\"current\":" << view.findCurrent << "},\"palette\":{\"open\":" << (view.paletteOpen ? "true" : "false")
      << ",\"query\":";
  Quoted(out, view.paletteQuery);
  out << ",\"shown\":[";
  for (size_t i = 0; i < view.paletteShown.size(); ++i) {
    out << (i ? "," : "");
    Quoted(out, view.paletteShown[i]);
  }
  out << "]}";
  out << ",\"selection\":[";
  for (size_t i = 0; i < view.selection.size(); ++i) out << (i ? "," : "") << view.selection[i];
  out << "],";
  SketchesJson(out, board, layout, camera, view);
  out << "\n\"stages\":[";
  for (size_t s = 0; s < board.stages.size(); ++s) {
    out << (s ? ",\n" : "\n") << "{\"id\":" << board.stages[s].id.value << ",\"name\":";
    Quoted(out, board.stages[s].name);
    out << ",\"width\":" << board.stages[s].width << ",\"hidden\":" << (board.stages[s].hidden ? "true" : "false")
        << ",\"rect\":";
    RectJson(out, camera, layout.StageHeader(int(s)));
    out << ",\"namePx\":" << layout.lettering.stageNameSize * camera.zoom << '}';
  }
  out << "]";
  if (layout.funnel.Shown()) {  // the funnel strip: only when it is drawn
    const Funnel& funnel = layout.funnel.funnel;
    auto optional = [&out](const std::optional<double>& value) {
      if (value) out << *value;
      else out << "null";
    };
    out << ",\n\"funnel\":{\"rect\":";
    RectJson(out, camera, layout.funnel.rect);
    out << ",\"stages\":[";
    for (size_t i = 0; i < layout.funnel.columns.size(); ++i) {
      const FunnelColumn& column = layout.funnel.columns[i];
      const FunnelStep& step = funnel.steps[size_t(column.step)];
      out << (i ? ",\n" : "\n") << "{\"stage\":" << step.stage.value << ",\"reached\":";
      optional(step.reached);
      out << ",\"share\":";
      optional(step.share);
      out << ",\"drop\":";
      optional(step.dropToNext);
      out << ",\"biggest\":" << (column.biggest ? "true" : "false") << ",\"count\":";
      Quoted(out, step.reached ? FormatReachedCount(*step.reached, board.meta.language) : std::string());
      out << ",\"conversions\":[";
      for (size_t c = 0; c < column.conversions.size(); ++c) out << (c ? "," : "") << column.conversions[c];
      out << "],\"bar\":";
      RectJson(out, camera, column.bar);
      out << ",\"column\":";
      RectJson(out, camera, column.column);
      out << '}';
    }
    out << "]}";
  }
  out << ",\n\"lanes\":[";
  for (size_t l = 0; l < board.lanes.size(); ++l) {
    const Lane& lane = board.lanes[l];
    out << (l ? ",\n" : "\n") << "{\"id\":" << lane.id.value << ",\"name\":";
    Quoted(out, lane.name);
    out << ",\"kind\":\"" << LaneKindName(lane.kind) << "\",\"collapsed\":" << (lane.collapsed ? "true" : "false")
        << ",\"hidden\":" << (lane.hidden ? "true" : "false") << ",\"rect\":";
    RectJson(out, camera, layout.LaneLabel(int(l)));
    out << ",\"nameBox\":";
    RectJson(out, camera, layout.LaneNameBox(int(l)));
    out << ",\"namePx\":" << layout.lettering.laneNameSize * camera.zoom;
    if (l < view.chevrons.size()) {
      out << ",\"chevron\":";
      RectJson(out, camera, view.chevrons[l]);
    }
    out << '}';
  }
  out << "],\n\"cells\":[";
  bool first = true;
  for (size_t l = 0; l < board.lanes.size(); ++l)
    for (size_t s = 0; s < board.stages.size(); ++s) {
      out << (first ? "\n" : ",\n") << "{\"stage\":" << board.stages[s].id.value << ",\"lane\":" << board.lanes[l].id.value
          << ",\"rect\":";
      RectJson(out, camera, layout.Cell(int(s), int(l)));
      out << '}';
      first = false;
    }
  out << "],\n\"notes\":[";
  for (size_t i = 0; i < board.notes.size(); ++i) {
    const Note& note = board.notes[i];
    out << (i ? ",\n" : "\n") << "{\"id\":" << note.id.value << ",\"stage\":" << note.stage.value
        << ",\"lane\":" << note.lane.value << ",\"text\":";
    Quoted(out, note.text);
    out << ",\"lines\":[";  // the fitted text as drawn, one string per wrapped line
    const auto& lines = layout.notes[i].text.lines;
    const size_t shown = layout.notes[i].text.ShownLines();  // a clipped note's first lines
    for (size_t k = 0; k < shown && lines[k].second <= note.text.size(); ++k) {
      out << (k ? "," : "");
      Quoted(out, note.text.substr(lines[k].first, lines[k].second - lines[k].first));
    }
    out << "],\"clipped\":" << (layout.notes[i].text.Clipped() ? "true" : "false");
    out << ",\"votes\":" << note.votes << ",\"hidden\":" << (layout.notes[i].hidden ? "true" : "false")
        << ",\"covered\":" << (note.covered ? "true" : "false")
        << ",\"dimmed\":" << (NoteShownForPersona(note, PersonaId(view.personaFilter)) ? "false" : "true")
        << ",\"votesBadge\":" << (note.votes > kMaxVoteDots ? "true" : "false")
        << ",\"textPx\":" << layout.notes[i].text.size * camera.zoom << ",\"rect\":";
    RectJson(out, camera, layout.notes[i].rect);
    out << '}';
  }
  out << "],\n\"curves\":[";
  for (size_t c = 0; c < board.curves.size(); ++c) {
    const EmotionCurve& curve = board.curves[c];
    out << (c ? ",\n" : "\n") << "{\"id\":" << curve.id.value << ",\"name\":";
    Quoted(out, curve.name);
    out << ",\"points\":[";
    const CurveGeometry& geometry = layout.curves[c];
    for (size_t k = 0; k < geometry.knots.size(); ++k) {
      const CurvePoint& point = curve.points[geometry.knots[k].point];
      Vec2 pos = camera.ToScreen(geometry.knots[k].pos);
      out << (k ? "," : "") << "{\"index\":" << geometry.knots[k].point << ",\"stage\":" << point.stage.value
          << ",\"value\":" << point.value << ",\"label\":";
      Quoted(out, point.label);
      out << ",\"pos\":[" << pos.x << ',' << pos.y << ']';
      for (const ViewInfo::PointLabelRect& label : view.pointLabels)  // a labelled point: where its label is drawn
        if (label.curve == int(c) && label.knot == k) {
          const Rect& r = label.rect;
          out << ",\"labelRect\":[" << r.x0 << ',' << r.y0 << ',' << r.x1 << ',' << r.y1 << "],\"labelPx\":" << label.px
              << ",\"labelLines\":[";
          for (size_t i = 0; i < label.lines.size(); ++i) {
            out << (i ? "," : "");
            Quoted(out, label.lines[i]);
          }
          out << ']';
        }
      out << '}';
    }
    out << "]}";
  }
  out << "],\n\"personaCards\":[";  // in the order of the board's personas
  for (size_t i = 0; i < layout.personas.size(); ++i) {
    out << (i ? "," : "");
    RectJson(out, camera, layout.personas[i]);
  }
  // The sizes the board's own lettering is drawn at, in pixels: the persona cards' body text, the
  // title, the curves' legend.
  const Lettering& lettering = layout.lettering;
  out << "],\"personaTextPx\":" << Lettering::kPersonaTextSize * lettering.personaScale * camera.zoom
      << ",\"titlePx\":" << lettering.titleSize * camera.zoom << ",\"legendPx\":" << lettering.legendSize * camera.zoom;
  out << ",\n\"prompts\":[";  // stage and lane by id, like cells
  bool firstPrompt = true;
  for (const DrawnPrompt& prompt : view.prompts) {
    if (prompt.stage >= int(board.stages.size()) || prompt.lane >= int(board.lanes.size())) continue;
    out << (firstPrompt ? "\n" : ",\n") << "{\"stage\":" << board.stages[prompt.stage].id.value
        << ",\"lane\":" << board.lanes[prompt.lane].id.value << ",\"text\":";
    Quoted(out, prompt.text);
    out << ",\"rect\":";
    pixels(prompt.rect);
    out << '}';
    firstPrompt = false;
  }
  out << "],\n\"widgets\":{";
  for (size_t i = 0; i < g_widgets.size(); ++i) {
    const RecordedWidget& w = g_widgets[i];
    out << (i ? "," : "");
    Quoted(out, w.name);
    out << ":[" << w.x0 << ',' << w.y0 << ',' << w.x1 << ',' << w.y1 << ']';
  }
  out << "},\n\"dialogs\":[";
  for (size_t i = 0; i < g_dialogs.size(); ++i) {
    out << (i ? "," : "") << "{\"title\":";
    Quoted(out, g_dialogs[i].first);
    out << ",\"text\":";
    Quoted(out, g_dialogs[i].second);
    out << '}';
  }
  out << "]}\n";
  return out.str();
}

bool WriteLayoutDump(const std::string& path, const std::string& json, std::string* error) {
  // The board save's writer: a reader never sees half a file, and a link, a pipe or a device
  // named by --dump-layout is written through or refused, never replaced.
  // It is rewritten up to every frame and worth nothing after a crash: no syncs.
  DurableWriter writer;
  writer.SkipSyncs();
  SaveError failure;
  if (writer.Open(path, false, &failure, "write") && writer.Write(json) && writer.Commit(&failure)) return true;
  if (failure.message.empty()) writer.Commit(&failure);  // a failed Write: Commit says why
  if (error) *error = failure.message;
  return false;
}

}  // namespace jb
