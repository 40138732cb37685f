#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/io/settings.h"
#include "core/io/templates.h"
#include "core/layout/board_text.h"
#include "core/layout/camera.h"
#include "core/layout/camera_glide.h"
#include "core/layout/fit.h"
#include "core/layout/lane_prompts.h"
#include "core/layout/layout.h"

using namespace jb;

namespace {

bool Inside(const Rect& inner, const Rect& outer) {
  return inner.x0 >= outer.x0 && inner.y0 >= outer.y0 && inner.x1 <= outer.x1 && inner.y1 <= outer.y1;
}

}  // namespace

TEST_CASE("Zoom to fit keeps the grid, the title and both + buttons inside the canvas") {
  for (Template which : {Template::FiveStage, Template::Classic, Template::Blank, Template::Sample}) {
    const Board board = MakeBoard(which);
    const Layout layout = ComputeLayout(board);
    const Rect bounds = FitBounds(layout);
    CHECK(Inside(layout.bounds, bounds));
    CHECK(Inside(AddStageButtonRect(layout), bounds));
    CHECK(Inside(AddLaneButtonRect(layout), bounds));
    // A 1920×1080 window less the menu bar, the toolbar and an open side panel; wide and tall canvases.
    for (Vec2 size : {Vec2{1920 - 56 - 352, 1080 - 21}, Vec2{1920 - 56, 1080 - 21}, Vec2{600, 1000}, Vec2{1600, 300}}) {
      CAPTURE(size.x);
      Camera camera;
      camera.screenOrigin = {56, 21};
      camera.Fit(bounds, size, 32);
      const Rect canvas{56 + 32 - 0.5f, 21 + 32 - 0.5f, 56 + size.x - 32 + 0.5f, 21 + size.y - 32 + 0.5f};
      CHECK(Inside(camera.ToScreen(AddStageButtonRect(layout)), canvas));
      CHECK(Inside(camera.ToScreen(AddLaneButtonRect(layout)), canvas));
      CHECK(Inside(camera.ToScreen(layout.grid), canvas));
    }
  }
}

TEST_CASE("A lane's name keeps clear of its collapse chevron, and the emotions lane's chevron of the faces") {
  for (Template which : {Template::FiveStage, Template::Classic, Template::Sample}) {
    const Board board = MakeBoard(which);
    const Layout layout = ComputeLayout(board);
    REQUIRE(layout.emotionsLane >= 0);
    for (int l = 0; l < int(board.lanes.size()); ++l) {
      CAPTURE(l);
      const Rect label = layout.LaneLabel(l), chevron = layout.LaneChevron(l), name = layout.LaneNameBox(l);
      CHECK(Inside(chevron, label));
      CHECK(Inside(name, label));
      CHECK(name.x1 < chevron.x0);
      CHECK(name.Width() > 100);  // room for a word or two of a 17-unit bold name
      // The scale's faces take the label's right edge in the emotions lane; elsewhere the ▾ does.
      const float faces = label.x1 - Layout::kEmotionFacesWidth;
      if (l == layout.emotionsLane) CHECK(chevron.x1 <= faces);
      else CHECK(chevron.x1 > faces);
    }
  }
}

TEST_CASE("A focus on the last stage shows the add-stage button beside it, other stages their column only") {
  const Layout layout = ComputeLayout(MakeBoard(Template::FiveStage));
  const int last = int(layout.stageX.size()) - 2;
  CHECK(Inside(AddStageButtonRect(layout), StageFitBounds(layout, last)));
  CHECK(Inside(StageFocusRect(layout, last), StageFitBounds(layout, last)));
  const Rect first = StageFitBounds(layout, 0), column = StageFocusRect(layout, 0);
  CHECK(first.x0 == column.x0);
  CHECK(first.x1 == column.x1);
  CHECK(StageFitBounds(layout, last + 1).Width() == 0);  // no such stage
  CHECK(StageFitBounds(layout, -1).Width() == 0);
}

TEST_CASE("Enclose holds both rectangles") {
  const Rect a{0, 0, 10, 10}, b{-5, 4, 3, 20};
  const Rect both = Enclose(a, b);
  CHECK(both.x0 == -5);
  CHECK(both.y0 == 0);
  CHECK(both.x1 == 10);
  CHECK(both.y1 == 20);
}

TEST_CASE("The UI scale follows the monitor's height until one is chosen") {
  CHECK(AutoUiScale(720, 1) == 1);
  CHECK(AutoUiScale(1080, 1) == 1);
  CHECK(AutoUiScale(1200, 1) == 1);
  CHECK(AutoUiScale(1440, 1) == 1.25f);
  CHECK(AutoUiScale(2160, 1) == 2);
  CHECK(AutoUiScale(4320, 1) == 3);     // at most 3
  CHECK(AutoUiScale(2160, 2) == 1);     // the system's content scale already doubles it
  CHECK(AutoUiScale(2160, 1.5f) == doctest::Approx(4.0f / 3));
  CHECK(AutoUiScale(0, 1) == 1);        // no monitor
  CHECK(AutoUiScale(1080, 0) == 1);     // a bogus content scale
}

TEST_CASE("A chosen UI scale is saved as chosen, and files from before keep a scale other than 1 as chosen") {
  std::string warning;
  CHECK(ParseSettings("{}", &warning).uiScaleAuto);
  CHECK(ParseSettings(R"({"uiScale": 1})", &warning).uiScaleAuto);          // an old file's default
  CHECK(!ParseSettings(R"({"uiScale": 1.5})", &warning).uiScaleAuto);       // an old file's choice
  CHECK(!ParseSettings(R"({"uiScale": 1, "uiScaleAuto": false})", &warning).uiScaleAuto);
  CHECK(ParseSettings(R"({"uiScale": 2, "uiScaleAuto": true})", &warning).uiScaleAuto);
  Settings chosen;
  chosen.uiScale = 1;
  chosen.uiScaleAuto = false;  // 100 % picked on a 4K monitor stays 100 %
  CHECK(ParseSettings(SettingsToJson(chosen), &warning) == chosen);
  CHECK(warning == "");
}

TEST_CASE("Lane prompts: empty cells of prompted lanes, in the board's language, none where something is") {
  Board board = MakeBoard(Template::Classic);
  Layout layout = ComputeLayout(board);
  std::vector<CellPrompt> prompts = CellPrompts(board, layout);
  int touchpoints = -1;
  for (size_t l = 0; l < board.lanes.size(); ++l)
    if (board.lanes[l].kind == LaneKind::Touchpoints) touchpoints = int(l);
  REQUIRE(touchpoints >= 0);
  auto promptAt = [&prompts](int stage, int lane) -> const CellPrompt* {
    for (const CellPrompt& p : prompts)
      if (p.stage == stage && p.lane == lane) return &p;
    return nullptr;
  };
  REQUIRE(promptAt(0, touchpoints));
  CHECK(std::string(promptAt(0, touchpoints)->text) == LanePrompt(board.meta.language, LaneKind::Touchpoints));
  CHECK(std::string(promptAt(0, touchpoints)->text) != "");
  const Rect cell = layout.Cell(0, touchpoints), box = promptAt(0, touchpoints)->box;
  CHECK((box.x0 > cell.x0 && box.y0 > cell.y0 && box.x1 < cell.x1 && box.y1 < cell.y1));
  // A note in the cell takes its prompt away, and only that cell's.
  Note note;
  note.id = NoteId{987654};
  note.stage = board.stages[0].id;
  note.lane = board.lanes[size_t(touchpoints)].id;
  note.text = "Website";
  board.notes.push_back(note);
  layout = ComputeLayout(board);
  prompts = CellPrompts(board, layout);
  CHECK(!promptAt(0, touchpoints));
  CHECK(promptAt(1, touchpoints));
  // Hidden stages, collapsed and hidden lanes and custom lanes show none.
  board.stages[1].hidden = true;
  board.lanes[size_t(touchpoints)].collapsed = true;
  board.lanes[0].hidden = true;
  board.lanes[1].kind = LaneKind::Custom;
  layout = ComputeLayout(board);
  for (const CellPrompt& p : CellPrompts(board, layout)) {
    CHECK(p.stage != 1);
    CHECK(p.lane != touchpoints);
    CHECK(p.lane != 0);
    CHECK(p.lane != 1);
  }
}

TEST_CASE("Lane prompts on a Russian template are Russian, and an emotions cell with a point shows none") {
  const Board board = MakeBoard(Template::FiveStage);
  REQUIRE(board.meta.language == "ru");
  const Layout layout = ComputeLayout(board);
  const std::vector<CellPrompt> prompts = CellPrompts(board, layout);
  REQUIRE(!prompts.empty());
  for (const CellPrompt& p : prompts)
    CHECK(std::string(p.text) == LanePrompt("ru", board.lanes[size_t(p.lane)].kind));
  Board sample = MakeBoard(Template::Sample);
  const Layout sampleLayout = ComputeLayout(sample);
  for (const CellPrompt& p : CellPrompts(sample, sampleLayout))
    CHECK(sample.lanes[size_t(p.lane)].kind != LaneKind::Emotions);  // the sample's curve has a point in every stage
}

// [SECTION] Boards of any size: the least zoom follows the board

namespace {

// A board 400 stages wide (about 130,000 units): at Camera::kMinZoom it would be 2,600 px wide.
Board VeryWideBoard() {
  Board board = MakeBoard(Template::FiveStage);
  while (board.stages.size() < 400) {
    Stage stage;
    stage.id = StageId{board.NewId()};
    stage.name = "Step";
    stage.width = 320;
    board.stages.push_back(stage);
  }
  return board;
}

}  // namespace

TEST_CASE("A board too big for the least zoom still fits whole, and zooming out stops at half of that") {
  const Layout layout = ComputeLayout(VeryWideBoard());
  const Rect bounds = FitBounds(layout);
  const Vec2 size{1280 - 56, 800 - 21};
  Camera camera;
  camera.screenOrigin = {56, 21};
  camera.Fit(bounds, size, 32);
  const float fit = Camera::FitZoom(bounds, size, 32);
  CHECK(fit < Camera::kMinZoom / 2);
  CHECK(camera.zoom == fit);  // not clamped up to kMinZoom: the whole board is in view
  const Rect canvas{56 + 32 - 0.5f, 21 + 32 - 0.5f, 56 + size.x - 32 + 0.5f, 21 + size.y - 32 + 0.5f};
  CHECK(Inside(camera.ToScreen(layout.grid), canvas));
  CHECK(Inside(camera.ToScreen(AddStageButtonRect(layout)), canvas));
  CHECK(camera.minZoom == doctest::Approx(fit * Camera::kFitSlack));
  CHECK(Camera::MinZoomFor(bounds, size, 32) == camera.minZoom);

  // Zooming out goes below the fitted view, down to half of it, and no further.
  for (int i = 0; i < 40; ++i) camera.ZoomAround({600, 400}, 0.8f);
  CHECK(camera.zoom == doctest::Approx(fit * Camera::kFitSlack));
  camera.ZoomAround({600, 400}, 1.25f);
  CHECK(camera.zoom > fit * Camera::kFitSlack);
  // And in, as far as ever.
  for (int i = 0; i < 80; ++i) camera.ZoomAround({600, 400}, 1.25f);
  CHECK(camera.zoom == Camera::kMaxZoom);
}

TEST_CASE("A board that fits above the least zoom keeps Camera::kMinZoom as its limit") {
  const Layout layout = ComputeLayout(MakeBoard(Template::Sample));
  const Rect bounds = FitBounds(layout);
  CHECK(Camera::MinZoomFor(bounds, {1224, 779}, 32) == Camera::kMinZoom);
  Camera camera;
  camera.Fit(bounds, {1224, 779}, 32);
  CHECK(camera.minZoom == Camera::kMinZoom);
  for (int i = 0; i < 40; ++i) camera.ZoomAround({600, 400}, 0.8f);
  CHECK(camera.zoom == Camera::kMinZoom);
  // A tiny viewport never asks for more than kMinZoom either, and never for zero.
  CHECK(Camera::MinZoomFor(bounds, {1, 1}, 32) > 0);
  CHECK(Camera::MinZoomFor(bounds, {1, 1}, 32) <= Camera::kMinZoom);
}

TEST_CASE("A glide to a big board's fitted view ends exactly there, through positive zooms") {
  const Rect bounds = FitBounds(ComputeLayout(VeryWideBoard()));
  Camera from, to;
  from.zoom = 1;
  to.Fit(bounds, {1224, 779}, 32);
  REQUIRE(to.zoom < Camera::kMinZoom);
  float last = from.zoom;
  for (float t = 0.1f; t < 1; t += 0.1f) {
    const Camera at = InterpolateCamera(from, to, {1224, 779}, t);
    CHECK(at.zoom < last);  // straight down to the target, never clamped at kMinZoom
    CHECK(at.zoom > to.zoom);
    last = at.zoom;
  }
  const Camera end = InterpolateCamera(from, to, {1224, 779}, 1);
  CHECK(end.zoom == to.zoom);
  CHECK(end.world == to.world);
}
