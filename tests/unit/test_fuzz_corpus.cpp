// Replays every fuzz target's seed corpus and every input it ever found a bug with
// (tests/fuzz/corpus/<target>/, tests/fuzz/regressions/<target>/) through the same check the
// fuzzer runs (tests/fuzz/check_<target>.h), and tests the model's consistency check itself.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <limits>
#include <string>
#include <vector>

#include "core/io/templates.h"
#include "core/model/consistency.h"
#include "core/model/sanitize.h"
#include "fuzz_targets.h"
#include "test_support.h"

namespace fs = std::filesystem;

namespace {

std::vector<fs::path> FilesIn(const fs::path& folder) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(folder, ec))
    if (entry.is_regular_file() && entry.path().filename() != "README.md") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

struct Replayed {
  size_t total = 0, gaveBoard = 0;
};

template <class CheckFn>
Replayed Replay(const char* target, CheckFn check) {
  Replayed replayed;
  for (const char* folder : {"corpus", "regressions"}) {
    for (const fs::path& file : FilesIn(fs::path(JB_FUZZ_DIR) / folder / target)) {
      CAPTURE(file.string());
      bool gaveBoard = false;
      CHECK(check(jb::test::ReadFile(file.string()), &gaveBoard) == "");
      replayed.gaveBoard += gaveBoard;
      ++replayed.total;
    }
  }
  return replayed;
}

}  // namespace

// One case per target, named after it (JB_FUZZ_TARGETS comes from tests/CMakeLists.txt).
#define JB_FUZZ_REPLAY_CASE(target)                                                       \
  TEST_CASE("Fuzz corpus and regressions of " #target " pass its check") {                \
    const Replayed replayed = Replay(#target, jb::fuzz::target::Check);                   \
    CHECK(replayed.total >= 5);      /* the seed corpus is there */                       \
    CHECK(replayed.gaveBoard >= 2);  /* and its real inputs get through to the end */     \
  }
JB_FUZZ_TARGETS(JB_FUZZ_REPLAY_CASE)

TEST_CASE("The loader's corpus still holds its real boards") {
  const Replayed replayed = Replay("load", jb::fuzz::load::Check);
  CHECK(replayed.total >= 20);
  CHECK(replayed.gaveBoard >= 4);
}

TEST_CASE("CheckBoard passes every template and names what is wrong with a broken board") {
  using namespace jb;
  for (const TemplateInfo& info : Templates()) {
    CAPTURE(info.key);
    CHECK(CheckBoard(MakeBoard(info.id)).empty());
  }
  auto broken = [](auto&& breakIt) {
    Board board = MakeBoard(Template::Sample);
    breakIt(board);
    const std::vector<std::string> problems = CheckBoard(board, ConsistencyOptions{true});
    return problems.empty() ? std::string() : problems.front();
  };
  CHECK(broken([](Board& b) { b.notes[1].id = b.notes[0].id; }).find("used twice") != std::string::npos);
  CHECK(broken([](Board& b) { b.notes[0].id = NoteId(b.nextId); }).find("not below nextId") != std::string::npos);
  CHECK(broken([](Board& b) { b.stages[0].id = StageId(); }).find("no id") != std::string::npos);
  CHECK(broken([](Board& b) { b.nextId = 0; }).find("nextId") != std::string::npos);
  CHECK(broken([](Board& b) { b.notes[0].stage = StageId(b.nextId + 5); }).find("missing stage or lane") !=
        std::string::npos);
  CHECK(broken([](Board& b) { b.notes[0].lane = LaneId(); }).find("missing stage or lane") != std::string::npos);
  CHECK(broken([](Board& b) { b.stages[0].width = std::numeric_limits<float>::quiet_NaN(); }).find("stage width") !=
        std::string::npos);
  CHECK(broken([](Board& b) { b.lanes[0].height = 1e30f; }).find("lane height") != std::string::npos);
  CHECK(broken([](Board& b) { b.notes[0].pos.x = -2 * kMaxCoordinate; }).find("note's x") != std::string::npos);
  CHECK(broken([](Board& b) { b.notes[0].votes = -1; }).find("negative votes") != std::string::npos);
  CHECK(broken([](Board& b) { b.notes[0].severity = 4; }).find("severity") != std::string::npos);
  CHECK(broken([](Board& b) { b.notes[0].metrics.nps = 101; }).find("NPS") != std::string::npos);
  CHECK(broken([](Board& b) { b.notes[0].text.assign(kMaxTextChars + 1, 'x'); }).find("text limit") !=
        std::string::npos);
  CHECK(broken([](Board& b) { b.meta.title = "\xff\xfe"; }).find("not valid UTF-8") != std::string::npos);
  CHECK(broken([](Board& b) { b.curves[0].persona = PersonaId(b.nextId + 1); }).find("missing persona") !=
        std::string::npos);
  CHECK(broken([](Board& b) { b.curves[0].points.at(0).value = 2; }).find("curve point's value") != std::string::npos);
  CHECK(broken([](Board& b) { b.notes.resize(kMaxNotes + 1, b.notes[0]); }).find("too many notes") !=
        std::string::npos);
  // A hostile board's report stays short.
  Board many = MakeBoard(Template::Sample);
  for (Note& note : many.notes) note.votes = -1;
  many.notes.resize(1000, many.notes[0]);
  CHECK(CheckBoard(many).size() <= 32);
}

TEST_CASE("IsValidUtf8 refuses what is not UTF-8 and keeps what is") {
  using jb::IsValidUtf8;
  CHECK(IsValidUtf8(""));
  CHECK(IsValidUtf8("plain, Кириллица, 😀, e\xcc\x81"));
  CHECK_FALSE(IsValidUtf8("\xff\xfe"));          // never in UTF-8
  CHECK_FALSE(IsValidUtf8("\xc0\xaf"));          // overlong '/'
  CHECK_FALSE(IsValidUtf8("\xed\xa0\x80"));      // a surrogate
  CHECK_FALSE(IsValidUtf8("ok \xe2\x82"));       // cut off
  CHECK_FALSE(IsValidUtf8("\xf4\x90\x80\x80"));  // beyond U+10FFFF
}
