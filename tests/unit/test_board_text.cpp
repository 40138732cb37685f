// Text the app writes on a board comes in the board's language (core/layout/board_text.h).
#include <doctest/doctest.h>

#include <string>

#include "core/io/file_io.h"
#include "core/io/templates.h"
#include "core/layout/board_text.h"

using namespace jb;

TEST_CASE("every board phrase and lane prompt has its Russian, and an unknown language reads English") {
  for (int i = 0; i < static_cast<int>(BoardPhrase::Count); ++i) {
    const auto phrase = static_cast<BoardPhrase>(i);
    CHECK(std::string(BoardTextIn("en", phrase)) != "");
    CHECK(std::string(BoardTextIn("ru", phrase)) != BoardTextIn("en", phrase));
    CHECK(std::string(BoardTextIn("de", phrase)) == BoardTextIn("en", phrase));
  }
  for (int i = 0; i < kLaneKindCount; ++i) {
    const auto kind = static_cast<LaneKind>(i);
    if (kind == LaneKind::Custom) {
      CHECK(std::string(LanePrompt("ru", kind)).empty());  // a custom lane's purpose is its name
      continue;
    }
    CHECK(std::string(LanePrompt("en", kind)) != "");
    CHECK(std::string(LanePrompt("ru", kind)) != LanePrompt("en", kind));
  }
  CHECK(std::string(LanePrompt("ru", LaneKind::Touchpoints)) == "Где клиент встречается с нами?");
}

TEST_CASE("a template sets its board's language, and the language survives a save and load") {
  CHECK(MakeBoard(Template::Classic).meta.language == "en");
  Board russian = MakeBoard(Template::FiveStage);
  CHECK(russian.meta.language == "ru");
  const std::string json = BoardToJson(russian);
  CHECK(json.find("\"language\": \"ru\"") != std::string::npos);
  const LoadResult loaded = BoardFromJson(json, "test");
  REQUIRE(std::holds_alternative<LoadedBoard>(loaded));
  CHECK(std::get<LoadedBoard>(loaded).board.meta.language == "ru");
  CHECK(std::get<LoadedBoard>(loaded).warnings.empty());
  // English is the default and is not written: older files and readers see nothing new.
  CHECK(BoardToJson(MakeBoard(Template::Classic)).find("\"language\"") == std::string::npos);
}
