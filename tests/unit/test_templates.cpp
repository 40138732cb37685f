#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/io/templates.h"
#include "core/model/clock.h"

using namespace jb;

namespace {

std::vector<std::string> StageNames(const Board& board) {
  std::vector<std::string> names;
  for (const Stage& stage : board.stages) names.push_back(stage.name);
  return names;
}

std::vector<std::pair<std::string, LaneKind>> Lanes(const Board& board) {
  std::vector<std::pair<std::string, LaneKind>> lanes;
  for (const Lane& lane : board.lanes) lanes.emplace_back(lane.name, lane.kind);
  return lanes;
}

std::vector<uint64_t> AllIds(const Board& board) {
  std::vector<uint64_t> ids;
  for (const Stage& s : board.stages) ids.push_back(s.id.value);
  for (const Lane& l : board.lanes) ids.push_back(l.id.value);
  for (const Note& n : board.notes) ids.push_back(n.id.value);
  for (const EmotionCurve& c : board.curves) ids.push_back(c.id.value);
  for (const Persona& p : board.personas) ids.push_back(p.id.value);
  return ids;
}

bool LooksLikeIso8601(const std::string& text) {
  if (text.size() != 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':' ||
      text[19] != 'Z')
    return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18})
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return false;
  return true;
}

int WordCount(const std::string& text) {
  std::istringstream in(text);
  std::string word;
  int count = 0;
  while (in >> word) ++count;
  return count;
}

bool HasCyrillic(const std::string& text) {
  // Cyrillic U+0400..U+04FF is encoded with lead bytes 0xD0..0xD3 in UTF-8.
  return std::any_of(text.begin(), text.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte >= 0xD0 && byte <= 0xD3;
  });
}

const Lane* LaneOfKind(const Board& board, LaneKind kind) {
  for (const Lane& lane : board.lanes)
    if (lane.kind == kind) return &lane;
  return nullptr;
}

bool StageHasNoteOfKind(const Board& board, StageId stage, LaneKind kind) {
  const Lane* lane = LaneOfKind(board, kind);
  return lane && std::any_of(board.notes.begin(), board.notes.end(),
                             [&](const Note& n) { return n.stage == stage && n.lane == lane->id; });
}

const std::vector<Template> kAllTemplates = {Template::Classic, Template::FiveStage, Template::Blank, Template::Sample};

}  // namespace

TEST_CASE("Template keys") {
  const auto& templates = Templates();
  REQUIRE(templates.size() == 4);
  for (const TemplateInfo& info : templates) {
    Template found = Template::Blank;
    CHECK(TemplateFromKey(info.key, &found));
    CHECK(found == info.id);
    CHECK(std::string(info.title).size() > 0);
  }
  Template t = Template::Blank;
  CHECK(TemplateFromKey("classic", &t));
  CHECK(t == Template::Classic);
  CHECK(TemplateFromKey("five-stage", &t));
  CHECK(t == Template::FiveStage);
  CHECK(TemplateFromKey("blank", &t));
  CHECK(t == Template::Blank);
  CHECK(TemplateFromKey("sample", &t));
  CHECK(t == Template::Sample);
  CHECK_FALSE(TemplateFromKey("Classic", &t));
  CHECK_FALSE(TemplateFromKey("", &t));
  CHECK(t == Template::Sample);  // untouched on failure
}

TEST_CASE("Classic template: stages and lanes") {
  const Board board = MakeBoard(Template::Classic);
  CHECK(StageNames(board) ==
        std::vector<std::string>{"Awareness", "Consideration", "Decision", "Purchase", "Post-purchase"});
  const std::vector<std::pair<std::string, LaneKind>> lanes = {
      {"Customer goal", LaneKind::Goals},     {"Questions", LaneKind::Questions},
      {"Touchpoints", LaneKind::Touchpoints}, {"Emotions", LaneKind::Emotions},
      {"Pain points", LaneKind::Pains},       {"Moments of delight", LaneKind::Delights},
      {"Solutions", LaneKind::Solutions},     {"Action items", LaneKind::Actions}};
  CHECK(Lanes(board) == lanes);
  for (const Stage& stage : board.stages) CHECK(stage.width == 360);
  for (const Lane& lane : board.lanes) CHECK(lane.height == (lane.kind == LaneKind::Emotions ? 200 : 150));
  CHECK(board.notes.empty());
  CHECK(board.personas.empty());
  REQUIRE(board.curves.size() == 1);
  CHECK(board.curves[0].points.empty());
  CHECK_FALSE(board.curves[0].toBe);
}

TEST_CASE("Five-stage template is in Russian") {
  const Board board = MakeBoard(Template::FiveStage);
  CHECK(board.meta.title == "Пять этапов");
  CHECK(StageNames(board) == std::vector<std::string>{"Поиск", "Выбор", "Покупка", "Удержание", "Лояльность"});
  const std::vector<std::pair<std::string, LaneKind>> lanes = {{"Цель", LaneKind::Goals},
                                                               {"Вопросы", LaneKind::Questions},
                                                               {"Точки соприкосновения", LaneKind::Touchpoints},
                                                               {"Эмоции", LaneKind::Emotions},
                                                               {"Боли", LaneKind::Pains},
                                                               {"Решения", LaneKind::Solutions}};
  CHECK(Lanes(board) == lanes);
  CHECK(board.curves.size() == 1);
  CHECK(board.personas.empty());
}

TEST_CASE("Blank template") {
  const Board board = MakeBoard(Template::Blank);
  CHECK(StageNames(board) == std::vector<std::string>{"Stage 1", "Stage 2", "Stage 3"});
  const std::vector<std::pair<std::string, LaneKind>> lanes = {{"Notes", LaneKind::Custom},
                                                               {"Emotions", LaneKind::Emotions}};
  CHECK(Lanes(board) == lanes);
  CHECK(board.curves.size() == 1);
  CHECK(board.notes.empty());
}

TEST_CASE("Every template has unique ids, nextId above them, a title and timestamps") {
  for (Template which : kAllTemplates) {
    CAPTURE(static_cast<int>(which));
    const Board board = MakeBoard(which);
    const std::vector<uint64_t> ids = AllIds(board);
    const std::set<uint64_t> unique(ids.begin(), ids.end());
    CHECK(unique.size() == ids.size());
    CHECK(unique.count(0) == 0);
    CHECK(board.nextId > *unique.rbegin());
    CHECK_FALSE(board.meta.title.empty());
    CHECK(LooksLikeIso8601(board.meta.created));
    CHECK(board.meta.modified == board.meta.created);
    // Every reference resolves.
    for (const Note& note : board.notes) {
      if (note.IsFree()) continue;
      CHECK(board.FindStage(note.stage) != nullptr);
      CHECK(board.FindLane(note.lane) != nullptr);
    }
    for (const EmotionCurve& curve : board.curves)
      for (const CurvePoint& point : curve.points) CHECK(board.FindStage(point.stage) != nullptr);
  }
}

TEST_CASE("Sample board is a realistic filled map") {
  const Board board = MakeBoard(Template::Sample);
  CHECK(board.meta.title.find("Streamly") != std::string::npos);
  CHECK(StageNames(board) == StageNames(MakeBoard(Template::Classic)));
  CHECK(Lanes(board) == Lanes(MakeBoard(Template::Classic)));
  CHECK(board.notes.size() >= 28);

  SUBCASE("every lane except emotions has notes, and notes read like sticky notes") {
    for (const Lane& lane : board.lanes) {
      CAPTURE(lane.name);
      const auto count =
          std::count_if(board.notes.begin(), board.notes.end(), [&](const Note& n) { return n.lane == lane.id; });
      if (lane.kind == LaneKind::Emotions)
        CHECK(count == 0);
      else
        CHECK(count > 0);
    }
    for (const Note& note : board.notes) {
      CAPTURE(note.text);
      CHECK(WordCount(note.text) >= 3);
      CHECK(WordCount(note.text) <= 12);
      CHECK_FALSE(HasCyrillic(note.text));
      CHECK(note.votes >= 0);
      CHECK(note.votes <= 5);
    }
    CHECK(std::count_if(board.notes.begin(), board.notes.end(), [](const Note& n) { return n.votes > 0; }) >= 3);
    CHECK(std::count_if(board.notes.begin(), board.notes.end(), [](const Note& n) { return !n.tags.empty(); }) >= 3);
  }

  SUBCASE("action items are concrete: owner and due date") {
    const Lane* actions = LaneOfKind(board, LaneKind::Actions);
    REQUIRE(actions);
    for (const Note& note : board.notes) {
      if (note.lane != actions->id) continue;
      CAPTURE(note.text);
      CHECK_FALSE(note.owner.empty());
      REQUIRE(note.due.size() == 10);
      CHECK(note.due[4] == '-');
      CHECK(note.due[7] == '-');
    }
  }

  SUBCASE("one free parking note") {
    const auto freeNotes =
        std::count_if(board.notes.begin(), board.notes.end(), [](const Note& n) { return n.IsFree(); });
    CHECK(freeNotes == 1);
  }

  SUBCASE("a complete persona") {
    REQUIRE(board.personas.size() == 1);
    const Persona& p = board.personas[0];
    CHECK(p.name == "Maria, 34");
    for (const std::string* field :
         {&p.description, &p.goals, &p.needs, &p.pains, &p.objections, &p.channels, &p.quote}) {
      CHECK_FALSE(field->empty());
      CHECK_FALSE(HasCyrillic(*field));
    }
  }

  SUBCASE("the persona's to-be curve stays above the as-is low point") {
    REQUIRE(board.curves.size() == 2);
    const EmotionCurve& toBe = board.curves[1];
    CHECK(toBe.toBe);
    CHECK(toBe.persona == board.personas[0].id);
    CHECK(toBe.color != board.curves[0].color);
    CHECK(toBe.points.size() >= 4);
    for (const CurvePoint& point : toBe.points) CHECK(point.value > -0.2f);
  }

  SUBCASE("touchpoints carry channels and metrics, pains and delights a severity") {
    int withChannel = 0, withMetric = 0, withSeverity = 0;
    for (const Note& note : board.notes) {
      withChannel += !note.channel.empty();
      withMetric += note.metrics.conversion.has_value() || note.metrics.csi.has_value() || note.metrics.nps.has_value();
      withSeverity += note.severity > 0;
    }
    CHECK(withChannel >= 5);
    CHECK(withMetric >= 5);
    CHECK(withSeverity >= 5);
  }

  SUBCASE("the persona's as-is curve dips at the pain and peaks at the delight") {
    REQUIRE(board.curves.size() == 2);
    const EmotionCurve& curve = board.curves[0];
    CHECK(curve.persona == board.personas[0].id);
    CHECK_FALSE(curve.toBe);
    CHECK(curve.points.size() >= 6);
    CHECK(curve.points.size() <= 8);
    for (const CurvePoint& point : curve.points) {
      CHECK_FALSE(point.label.empty());
      CHECK(point.t >= 0);
      CHECK(point.t <= 1);
    }
    auto byValue = [](const CurvePoint& a, const CurvePoint& b) { return a.value < b.value; };
    const CurvePoint& low = *std::min_element(curve.points.begin(), curve.points.end(), byValue);
    const CurvePoint& high = *std::max_element(curve.points.begin(), curve.points.end(), byValue);
    CHECK(low.value <= -0.6f);
    CHECK(high.value >= 0.6f);
    CHECK(StageHasNoteOfKind(board, low.stage, LaneKind::Pains));
    CHECK(StageHasNoteOfKind(board, high.stage, LaneKind::Delights));
    CHECK(board.FindStage(low.stage)->name == "Purchase");
    CHECK(board.FindStage(high.stage)->name == "Post-purchase");
  }
}

TEST_CASE("FormatIso8601 gives UTC calendar time") {
  CHECK(FormatIso8601(0) == "1970-01-01T00:00:00Z");
  CHECK(FormatIso8601(-1) == "1969-12-31T23:59:59Z");
  CHECK(FormatIso8601(951782400) == "2000-02-29T00:00:00Z");
  CHECK(FormatIso8601(1700000000) == "2023-11-14T22:13:20Z");
  CHECK(FormatIso8601(4102444799) == "2099-12-31T23:59:59Z");
  CHECK(LooksLikeIso8601(NowIso8601()));
}
