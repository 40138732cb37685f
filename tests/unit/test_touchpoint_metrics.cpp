// Retention beside the other touchpoint metrics (file, repair, consistency) and the Metrics panel's
// ranking: per stage, the touchpoints with metrics, the weakest first.
#include <doctest/doctest.h>

#include <string>

#include "core/io/file_io.h"
#include "core/io/html_page.h"
#include "core/layout/layout.h"
#include "core/model/consistency.h"
#include "core/model/sanitize.h"
#include "core/model/touchpoint_metrics.h"
#include "file_io_support.h"

using namespace jb;
using namespace jb::test;

namespace {

struct MetricsBoard {
  Board board;
  StageId s1{1}, s2{2}, s3{3};
  LaneId touch{10}, pains{11}, touch2{12};
  MetricsBoard() {
    board.stages = {{s1, "Awareness"}, {s2, "Purchase"}, {s3, "Use"}};
    board.lanes = {{touch, "Touchpoints", LaneKind::Touchpoints}, {pains, "Pains", LaneKind::Pains},
                   {touch2, "Channels", LaneKind::Touchpoints}};
    board.nextId = 200;
  }
  NoteId Add(uint64_t id, StageId stage, LaneId lane, NoteMetrics metrics) {
    Note note;
    note.id = NoteId(100 + id);  // ids are unique across stages, lanes and notes
    note.stage = stage;
    note.lane = lane;
    note.text = "note " + std::to_string(id);
    note.metrics = metrics;
    board.notes.push_back(note);
    return note.id;
  }
};

NoteMetrics M(std::optional<float> conversion, std::optional<float> csi, std::optional<float> nps,
              std::optional<float> retention) {
  return NoteMetrics{conversion, csi, nps, retention};
}

}  // namespace

TEST_CASE("Weakness is the lowest metric as a share of its scale, NPS from -100..100") {
  CHECK_FALSE(Weakness(NoteMetrics()));
  CHECK(*Weakness(M(40, {}, {}, {})) == doctest::Approx(0.40));
  CHECK(*Weakness(M({}, {}, -50, {})) == doctest::Approx(0.25));  // (-50 + 100) / 200
  CHECK(*Weakness(M({}, {}, 0, {})) == doctest::Approx(0.50));
  CHECK(*Weakness(M(90, 80, 20, 30)) == doctest::Approx(0.30));   // retention is the weakest
  CHECK(*Weakness(M(90, 15, 20, 30)) == doctest::Approx(0.15));   // CSI is
  CHECK(*Weakness(M({}, {}, {}, 0)) == doctest::Approx(0.0));
}

TEST_CASE("Touchpoints by stage: board order of stages, weakest first, only touchpoint lanes with metrics") {
  MetricsBoard b;
  const NoteId strong = b.Add(1, b.s1, b.touch, M(80, 90, 60, {}));  // 0.8
  const NoteId weak = b.Add(2, b.s1, b.touch, M(70, {}, -60, {}));   // 0.2
  b.Add(3, b.s1, b.touch, NoteMetrics());                             // no metric: left out
  b.Add(4, b.s1, b.pains, M(1, {}, {}, {}));                          // not a touchpoint lane
  const NoteId middle = b.Add(5, b.s1, b.touch2, M({}, {}, {}, 45));  // 0.45, another touchpoints lane
  const NoteId tieA = b.Add(6, b.s3, b.touch, M(50, {}, {}, {}));
  const NoteId tieB = b.Add(7, b.s3, b.touch, M({}, {}, 0, {}));      // 0.5 too: board order
  b.Add(8, StageId(), LaneId(), M(1, {}, {}, {}));                     // a free note

  const std::vector<StageTouchpoints> stages = TouchpointsByStage(b.board, false);
  REQUIRE(stages.size() == 3);
  CHECK(stages[0].stage == b.s1);
  CHECK(stages[0].notes == std::vector<NoteId>{weak, middle, strong});
  CHECK(stages[1].stage == b.s2);
  CHECK(stages[1].notes.empty());
  CHECK(stages[2].notes == std::vector<NoteId>{tieA, tieB});
}

TEST_CASE("Touchpoints by stage leaves out hidden stages and lanes unless asked") {
  MetricsBoard b;
  const NoteId shown = b.Add(1, b.s1, b.touch, M(10, {}, {}, {}));
  const NoteId inHiddenLane = b.Add(2, b.s1, b.touch2, M(5, {}, {}, {}));
  const NoteId inHiddenStage = b.Add(3, b.s2, b.touch, M(5, {}, {}, {}));
  b.board.lanes[2].hidden = true;
  b.board.stages[1].hidden = true;
  const std::vector<StageTouchpoints> visible = TouchpointsByStage(b.board, false);
  REQUIRE(visible.size() == 2);
  CHECK(visible[0].notes == std::vector<NoteId>{shown});
  CHECK(visible[1].stage == b.s3);
  const std::vector<StageTouchpoints> all = TouchpointsByStage(b.board, true);
  REQUIRE(all.size() == 3);
  CHECK(all[0].notes == std::vector<NoteId>{inHiddenLane, shown});
  CHECK(all[1].notes == std::vector<NoteId>{inHiddenStage});
}

TEST_CASE("Retention is written only when set, and a file without it reads as not measured") {
  MetricsBoard b;
  b.Add(1, b.s1, b.touch, M(40, {}, {}, {}));
  const std::string without = BoardToJson(b.board);
  CHECK(without.find("retention") == std::string::npos);  // older apps and files are unaffected
  CHECK(without.find("\"csi\": null") != std::string::npos);
  const LoadResult old = BoardFromJson(without, "old.cjm");
  REQUIRE(AsBoard(old));
  CHECK_FALSE(AsBoard(old)->notes.at(0).metrics.retention);
  CHECK(Warnings(old).empty());  // absent is not missing

  b.board.notes[0].metrics.retention = 62.5f;
  const std::string with = BoardToJson(b.board);
  CHECK(with.find("\"retention\": 62.5") != std::string::npos);
  const LoadResult back = BoardFromJson(with, "new.cjm");
  REQUIRE(AsBoard(back));
  CHECK(AsBoard(back)->notes.at(0).metrics.retention == 62.5f);
  CHECK(AsBoard(back)->notes.at(0) == b.board.notes[0]);
  CHECK(Warnings(back).empty());

  // null is not measured; a number in text is that number; anything else is repaired and said.
  const LoadResult null = BoardFromJson(Replace(with, "\"retention\": 62.5", "\"retention\": null"), "n.cjm");
  REQUIRE(AsBoard(null));
  CHECK_FALSE(AsBoard(null)->notes.at(0).metrics.retention);
  CHECK(Warnings(null).empty());
  const LoadResult text = BoardFromJson(Replace(with, "\"retention\": 62.5", "\"retention\": \"70\""), "t.cjm");
  REQUIRE(AsBoard(text));
  CHECK(AsBoard(text)->notes.at(0).metrics.retention == 70.0f);
  const LoadResult bad = BoardFromJson(Replace(with, "\"retention\": 62.5", "\"retention\": [1]"), "b.cjm");
  REQUIRE(AsBoard(bad));
  CHECK_FALSE(AsBoard(bad)->notes.at(0).metrics.retention);
  CHECK(HasWarning(Warnings(bad), "(metrics.retention)"));
}

TEST_CASE("Retention is clamped to 0..100 on load and on edit, and the consistency check holds it there") {
  MetricsBoard b;
  b.Add(1, b.s1, b.touch, M({}, {}, {}, 150));
  CHECK_FALSE(CheckBoard(b.board).empty());  // out of range is inconsistent
  const LoadResult loaded = BoardFromJson(BoardToJson(b.board), "r.cjm");
  REQUIRE(AsBoard(loaded));
  CHECK(AsBoard(loaded)->notes.at(0).metrics.retention == 100.0f);
  CHECK(CheckBoard(*AsBoard(loaded)).empty());

  Note note = b.board.notes[0];
  note.metrics.retention = -3;
  SanitizeCounts counts;
  ClampNoteValues(note, &counts);
  CHECK(note.metrics.retention == 0.0f);
  CHECK(counts.scores == 1);
}

TEST_CASE("Retention shows on the note's footer and in the shared page, beside the other metrics") {
  MetricsBoard b;
  b.Add(1, b.s1, b.touch, M(38, {}, {}, 55));
  b.Add(2, b.s2, b.touch, M({}, {}, {}, 12.5f));  // retention alone still makes a touchpoint row
  CHECK(MakeNoteFooter(b.board.notes[0]).touchpoint == "conv 38% · ret 55%");
  CHECK(NoteFooterLines(b.board.notes[1]) == 1);
  const std::string page = WriteHtmlPage(b.board, HtmlPageOptions());
  CHECK(page.find("Conversion 38% · Retention 55%") != std::string::npos);
  CHECK(page.find("<th>NPS</th><th>Retention</th>") != std::string::npos);
  CHECK(page.find("<td>12.5%</td></tr>") != std::string::npos);
  b.board.notes[0].metrics.retention.reset();
  b.board.notes[1].metrics.retention.reset();
  b.board.notes[1].metrics.nps = 5;
  CHECK(WriteHtmlPage(b.board, HtmlPageOptions()).find("Retention") == std::string::npos);  // no empty column
  b.board.notes[0].metrics.retention = 55;
  b.board.meta.language = "ru";
  CHECK(WriteHtmlPage(b.board, HtmlPageOptions()).find("Удержание 55%") != std::string::npos);
}
