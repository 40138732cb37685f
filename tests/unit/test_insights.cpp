#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/insights/insights.h"

using namespace jb;

namespace {

// A board for the insights: stages S1 S2 S3; lanes of the kinds the checks read.
struct InsightsBoard {
  Board board;
  StageId s1, s2, s3;
  LaneId touch, pains, solutions, actions, emotions;

  InsightsBoard() {
    s1 = StageId(board.NewId());
    s2 = StageId(board.NewId());
    s3 = StageId(board.NewId());
    board.stages = {{s1, "S1"}, {s2, "S2"}, {s3, "S3"}};
    auto lane = [this](LaneKind kind) {
      Lane l;
      l.id = LaneId(board.NewId());
      l.kind = kind;
      board.lanes.push_back(l);
      return l.id;
    };
    touch = lane(LaneKind::Touchpoints);
    emotions = lane(LaneKind::Emotions);
    pains = lane(LaneKind::Pains);
    solutions = lane(LaneKind::Solutions);
    actions = lane(LaneKind::Actions);
  }
  NoteId Add(StageId stage, LaneId lane, std::string text, int votes = 0, int severity = 0) {
    Note n;
    n.id = NoteId(board.NewId());
    n.stage = stage;
    n.lane = lane;
    n.text = std::move(text);
    n.votes = votes;
    n.severity = severity;
    board.notes.push_back(n);
    return n.id;
  }
  // A concrete, owned, dated action item.
  NoteId Task(StageId stage, std::string text = "Add a Refuse button to the payment form") {
    const NoteId id = Add(stage, actions, std::move(text));
    board.notes.back().owner = "Anna";
    board.notes.back().due = "2026-12-15";
    return id;
  }
  void Link(NoteId from, NoteId to) {
    Arrow arrow;
    arrow.id = ArrowId(board.NewId());
    arrow.from.note = from;
    arrow.to.note = to;
    board.arrows.push_back(arrow);
  }
  Note& N(NoteId id) { return board.notes[size_t(board.NoteIndex(id))]; }
};

std::vector<CheckEntry> Of(const std::vector<CheckEntry>& all, CheckKind kind) {
  std::vector<CheckEntry> out;
  for (const CheckEntry& e : all)
    if (e.kind == kind) out.push_back(e);
  return out;
}

std::vector<NoteId> NotesOf(const std::vector<CheckEntry>& all, CheckKind kind) {
  std::vector<NoteId> out;
  for (const CheckEntry& e : Of(all, kind)) out.push_back(e.note);
  return out;
}

}  // namespace

TEST_CASE("Insights: pains rank by votes times severity, unrated severity counting as 1") {
  InsightsBoard b;
  const NoteId low = b.Add(b.s1, b.pains, "low", 1, 2);      // 2
  const NoteId unrated = b.Add(b.s1, b.pains, "unrated", 5);  // 5 × 1
  const NoteId top = b.Add(b.s2, b.pains, "top", 3, 3);       // 9
  const NoteId none = b.Add(b.s3, b.pains, "no votes", 0, 3);  // 0
  b.Add(b.s1, b.solutions, "not a pain", 50, 3);
  const std::vector<RankedPain> ranked = RankPains(b.board);
  REQUIRE(ranked.size() == 4);
  CHECK(ranked[0].note == top);
  CHECK(ranked[0].score == 9);
  CHECK(ranked[0].stage == b.s2);
  CHECK(ranked[1].note == unrated);
  CHECK(ranked[1].score == 5);
  CHECK(ranked[2].note == low);
  CHECK(ranked[2].score == 2);
  CHECK(ranked[3].note == none);
  CHECK(ranked[3].score == 0);
}

TEST_CASE("Insights: equal pain scores keep stage order, then cell order, whatever the notes' vector order") {
  InsightsBoard b;
  const NoteId third = b.Add(b.s3, b.pains, "third", 2, 1);
  const NoteId first = b.Add(b.s1, b.pains, "first", 1, 2);
  const NoteId second = b.Add(b.s1, b.pains, "second", 2);
  const std::vector<RankedPain> ranked = RankPains(b.board);
  REQUIRE(ranked.size() == 3);
  CHECK(ranked[0].note == first);
  CHECK(ranked[1].note == second);
  CHECK(ranked[2].note == third);
}

TEST_CASE("Insights: a board with no pains ranks nothing, and a free note is no pain") {
  InsightsBoard b;
  CHECK(RankPains(b.board).empty());
  const NoteId free = b.Add({}, {}, "free", 9, 3);
  b.N(free).pos = {10, 10};
  CHECK(RankPains(b.board).empty());
  CHECK(RankPains(Board()).empty());
}

TEST_CASE("Insights: a pain with no link to a solution is found, and an arrow to one answers it") {
  InsightsBoard b;
  b.Add(b.s1, b.touch, "site");
  b.Add(b.s2, b.touch, "call");
  b.Add(b.s3, b.touch, "mail");
  const NoteId pain = b.Add(b.s1, b.pains, "slow form");
  const NoteId other = b.Add(b.s2, b.pains, "queue");
  const NoteId solution = b.Add(b.s1, b.solutions, "one-step form");
  const NoteId touch = b.board.notes[0].id;
  b.Link(pain, touch);  // a link, but not to a solution
  std::vector<CheckEntry> checks = MapChecks(b.board, "2026-12-01");
  CHECK(NotesOf(checks, CheckKind::PainWithoutSolution) == std::vector<NoteId>{pain, other});
  CHECK(Of(checks, CheckKind::PainWithoutSolution)[0].stage == b.s1);
  b.Link(solution, pain);  // either direction links
  checks = MapChecks(b.board, "2026-12-01");
  CHECK(NotesOf(checks, CheckKind::PainWithoutSolution) == std::vector<NoteId>{other});
  // An arrow with a free end links nothing.
  Arrow loose;
  loose.id = ArrowId(b.board.NewId());
  loose.from.note = other;
  loose.to.pos = {5, 5};
  b.board.arrows.push_back(loose);
  CHECK(NotesOf(MapChecks(b.board, ""), CheckKind::PainWithoutSolution) == std::vector<NoteId>{other});
}

TEST_CASE("Insights: a solution with no link to an action item is found, and a link answers it") {
  InsightsBoard b;
  const NoteId solution = b.Add(b.s2, b.solutions, "one-step form");
  const NoteId task = b.Task(b.s2);
  const NoteId pain = b.Add(b.s2, b.pains, "slow");
  b.Link(pain, solution);
  CHECK(NotesOf(MapChecks(b.board, ""), CheckKind::SolutionWithoutAction) == std::vector<NoteId>{solution});
  b.Link(solution, task);
  CHECK(NotesOf(MapChecks(b.board, ""), CheckKind::SolutionWithoutAction).empty());
}

TEST_CASE("Insights: action items with no owner, no due date or past due are found, each on its own") {
  InsightsBoard b;
  const NoteId good = b.Task(b.s1);
  const NoteId noOwner = b.Task(b.s1);
  b.N(noOwner).owner = "  ";
  const NoteId noDue = b.Task(b.s2);
  b.N(noDue).due = "";
  const NoteId badDue = b.Task(b.s2);
  b.N(badDue).due = "next week";
  const NoteId late = b.Task(b.s3);
  b.N(late).due = "2026-11-30";
  std::vector<CheckEntry> checks = MapChecks(b.board, "2026-12-01");
  CHECK(NotesOf(checks, CheckKind::ActionWithoutOwner) == std::vector<NoteId>{noOwner});
  CHECK(NotesOf(checks, CheckKind::ActionWithoutDue) == std::vector<NoteId>{noDue, badDue});
  CHECK(NotesOf(checks, CheckKind::ActionOverdue) == std::vector<NoteId>{late});
  // Due today is not overdue; the day after, the good one and the late one are.
  CHECK(NotesOf(MapChecks(b.board, "2026-12-15"), CheckKind::ActionOverdue) == std::vector<NoteId>{late});
  CHECK(NotesOf(MapChecks(b.board, "2026-12-16"), CheckKind::ActionOverdue) == std::vector<NoteId>{good, noOwner, late});
  // Without a today (or with a malformed one) nothing is overdue; the other checks still run.
  CHECK(NotesOf(MapChecks(b.board, ""), CheckKind::ActionOverdue).empty());
  CHECK(NotesOf(MapChecks(b.board, "2026-13-01"), CheckKind::ActionOverdue).empty());
  CHECK(NotesOf(MapChecks(b.board, ""), CheckKind::ActionWithoutOwner) == std::vector<NoteId>{noOwner});
  // A note with no owner outside an Actions lane is no task.
  b.Add(b.s1, b.solutions, "x");
  CHECK(NotesOf(MapChecks(b.board, ""), CheckKind::ActionWithoutOwner) == std::vector<NoteId>{noOwner});
}

TEST_CASE("Insights: the vague-verb rule in English and Russian") {
  struct Case {
    const char* text;
    bool vague;
  };
  const Case cases[] = {
      {"Improve the site", true},
      {"improve", true},
      {"IMPROVE UX", true},
      {"Optimise the onboarding process", true},
      {"optimize our customer experience", true},
      {"Enhance overall satisfaction.", true},
      {"Increase conversion!", true},
      {"Boost NPS", true},
      {"Streamline the process", true},
      {"Improve the site's search to find by SKU", false},
      {"Add a Refuse button to the payment form by the 15th", false},
      {"Improve page load to under 2 s", false},
      {"Increase the font size on the payment form", false},
      {"Call back every lost lead within a day", false},
      {"The site", false},
      {"", false},
      {"Улучшить сайт", true},
      {"УЛУЧШИТЬ клиентский опыт", true},
      {"Оптимизировать процесс", true},
      {"Повысить лояльность", true},
      {"Увеличить конверсию сайта", true},
      {"улучшить всё", true},
      {"Сменить шрифт в форме оплаты", false},
      {"Улучшить шрифт в форме оплаты", false},
      {"Повысить лимит корзины до 50 товаров", false},
      {"Добавить кнопку «Отказаться» к 15-му", false},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CHECK(IsVagueAction(c.text) == c.vague);
  }
}

TEST_CASE("Insights: a vague action item is found, a concrete one is not") {
  InsightsBoard b;
  const NoteId vague = b.Task(b.s1, "Improve the site");
  b.Task(b.s1);
  const NoteId vagueRu = b.Task(b.s2, "Улучшить сайт");
  b.Task(b.s2, "Сменить шрифт в форме оплаты");
  b.Add(b.s3, b.solutions, "Improve UX");  // vague, but a solution is not a task
  CHECK(NotesOf(MapChecks(b.board, ""), CheckKind::ActionVague) == std::vector<NoteId>{vague, vagueRu});
}

TEST_CASE("Insights: a stage with no touchpoint note is found") {
  InsightsBoard b;
  b.Add(b.s2, b.touch, "call centre");
  b.Add(b.s3, b.pains, "not a touchpoint");
  std::vector<CheckEntry> stages = Of(MapChecks(b.board, ""), CheckKind::StageWithoutTouchpoint);
  REQUIRE(stages.size() == 2);
  CHECK(stages[0].stage == b.s1);
  CHECK(!stages[0].note);
  CHECK(stages[1].stage == b.s3);
  b.Add(b.s1, b.touch, "site");
  b.Add(b.s3, b.touch, "mail");
  CHECK(Of(MapChecks(b.board, ""), CheckKind::StageWithoutTouchpoint).empty());
}

TEST_CASE("Insights: an emotion low point with no pain note in its stage is found") {
  InsightsBoard b;
  EmotionCurve curve;
  curve.id = CurveId(b.board.NewId());
  curve.points = {{b.s1, 0.5f, -0.5f}, {b.s2, 0.5f, -0.9f}, {b.s3, 0.5f, -0.49f}};
  b.board.curves.push_back(curve);
  b.Add(b.s2, b.pains, "queue");
  std::vector<CheckEntry> low = Of(MapChecks(b.board, ""), CheckKind::LowPointWithoutPain);
  REQUIRE(low.size() == 1);  // S1 at exactly -0.5; S2 has its pain; S3 is not low enough
  CHECK(low[0].stage == b.s1);
  CHECK(low[0].curve == curve.id);
  CHECK(low[0].point == 0);
  b.Add(b.s1, b.pains, "form");
  CHECK(Of(MapChecks(b.board, ""), CheckKind::LowPointWithoutPain).empty());
}

TEST_CASE("Insights: checks come grouped by kind, and every kind has a dump name") {
  InsightsBoard b;
  b.Add(b.s1, b.pains, "p");
  b.Add(b.s1, b.actions, "Improve UX");
  const std::vector<CheckEntry> checks = MapChecks(b.board, "2026-12-01");
  for (size_t i = 1; i < checks.size(); ++i) CHECK(int(checks[i - 1].kind) <= int(checks[i].kind));
  CHECK(Of(checks, CheckKind::ActionWithoutOwner).size() == 1);
  CHECK(Of(checks, CheckKind::ActionVague).size() == 1);
  for (int k = 0; k < kCheckKindCount; ++k) CHECK(std::string(CheckKindName(CheckKind(k))).size() > 0);
  CHECK(std::string(CheckKindName(CheckKind::PainWithoutSolution)) == "painWithoutSolution");
}
