#include "core/io/templates.h"

#include <optional>
#include <string>
#include <utility>

#include "core/layout/layout.h"
#include "core/model/clock.h"

namespace jb {

namespace {

constexpr float kEmotionsLaneHeight = 200;  // the curve needs vertical room for -1..+1

struct LaneSpec {
  const char* name;
  LaneKind kind;
};

struct BoardSpec {
  const char* title;
  const char* language;
  const char* curveName;
  std::vector<const char*> stages;
  std::vector<LaneSpec> lanes;
};

Board BuildBoard(const BoardSpec& spec) {
  Board board;
  board.meta.title = spec.title;
  board.meta.language = spec.language;
  board.meta.created = NowIso8601();
  board.meta.modified = board.meta.created;
  bool hasEmotionsLane = false;
  for (const char* name : spec.stages) {
    Stage stage;
    stage.id = StageId(board.NewId());
    stage.name = name;
    stage.width = kDefaultStageWidth;
    board.stages.push_back(std::move(stage));
  }
  for (const LaneSpec& laneSpec : spec.lanes) {
    Lane lane;
    lane.id = LaneId(board.NewId());
    lane.name = laneSpec.name;
    lane.kind = laneSpec.kind;
    lane.height = laneSpec.kind == LaneKind::Emotions ? kEmotionsLaneHeight : kDefaultLaneHeight;
    hasEmotionsLane = hasEmotionsLane || laneSpec.kind == LaneKind::Emotions;
    board.lanes.push_back(std::move(lane));
  }
  // An empty curve is ready for the room to drag points onto.
  if (hasEmotionsLane) {
    EmotionCurve curve;
    curve.id = CurveId(board.NewId());
    curve.name = spec.curveName;
    board.curves.push_back(std::move(curve));
  }
  return board;
}

BoardSpec ClassicSpec() {
  return {"Customer journey map", "en",
          "As-is",
          {"Awareness", "Consideration", "Decision", "Purchase", "Post-purchase"},
          {{"Customer goal", LaneKind::Goals},
           {"Questions", LaneKind::Questions},
           {"Touchpoints", LaneKind::Touchpoints},
           {"Emotions", LaneKind::Emotions},
           {"Pain points", LaneKind::Pains},
           {"Moments of delight", LaneKind::Delights},
           {"Solutions", LaneKind::Solutions},
           {"Action items", LaneKind::Actions}}};
}

BoardSpec FiveStageSpec() {
  return {"Пять этапов", "ru",
          "Как есть",
          {"Поиск", "Выбор", "Покупка", "Удержание", "Лояльность"},
          {{"Цель", LaneKind::Goals},
           {"Вопросы", LaneKind::Questions},
           {"Точки соприкосновения", LaneKind::Touchpoints},
           {"Эмоции", LaneKind::Emotions},
           {"Боли", LaneKind::Pains},
           {"Решения", LaneKind::Solutions}}};
}

BoardSpec BlankSpec() {
  return {"Untitled journey map", "en",
          "As-is",
          {"Stage 1", "Stage 2", "Stage 3"},
          {{"Notes", LaneKind::Custom}, {"Emotions", LaneKind::Emotions}}};
}

// ---- The sample board -------------------------------------------------------------------

// Indices into the Classic spec, so the sample's notes read like a table.
enum SampleStage { kAwareness, kConsideration, kDecision, kPurchase, kPostPurchase };

struct SampleNote {
  int stage;
  LaneKind lane;
  const char* text;
  int votes = 0;
  std::vector<const char*> tags = {};
  const char* owner = "";
  const char* due = "";
  NoteSize size = NoteSize::Medium;
};

struct SamplePoint {
  int stage;
  float t;
  float value;
  const char* label;
};

// Streamly: the first month of a video streaming subscription, as a real workshop might map it.
// The big drop (card demanded before the free trial) sits in Purchase, the delight (TV pairing)
// in Post-purchase, and Maria's curve follows them.
const std::vector<SampleNote>& SampleNotes() {
  static const std::vector<SampleNote> notes = {
      // Customer goal
      {kAwareness, LaneKind::Goals, "Find something good to watch tonight"},
      {kConsideration, LaneKind::Goals, "Compare catalogues without signing up"},
      {kDecision, LaneKind::Goals, "Be sure I can cancel anytime"},
      {kPurchase, LaneKind::Goals, "Start watching in under two minutes"},
      {kPostPurchase, LaneKind::Goals, "Watch on TV and phone without hassle"},
      // Questions
      {kAwareness, LaneKind::Questions, "Is it cheaper than what I already pay?"},
      {kConsideration, LaneKind::Questions, "Do they have the shows my kids watch?"},
      {kDecision, LaneKind::Questions, "What happens when the free month ends?", 2},
      {kPurchase, LaneKind::Questions, "Why do you need my card for a free trial?", 3},
      {kPostPurchase, LaneKind::Questions, "Can I share the account with my partner?"},
      // Touchpoints
      {kAwareness, LaneKind::Touchpoints, "Instagram ad with a free month", 0, {"paid"}},
      {kAwareness, LaneKind::Touchpoints, "Friend's tip in a group chat", 0, {"word of mouth"}},
      {kConsideration, LaneKind::Touchpoints, "Landing page with catalogue preview"},
      {kConsideration, LaneKind::Touchpoints, "App store reviews, 4.3 stars"},
      {kDecision, LaneKind::Touchpoints, "Pricing page with three plans"},
      {kPurchase, LaneKind::Touchpoints, "Sign-up form and payment screen"},
      {kPostPurchase, LaneKind::Touchpoints, "Welcome email and TV app pairing"},
      // Pain points
      {kConsideration, LaneKind::Pains, "Catalogue hidden behind a sign-up wall", 2},
      {kDecision, LaneKind::Pains, "Plan differences unclear: HD? screens?", 1},
      {kPurchase,
       LaneKind::Pains,
       "Card required before trial — 38% drop here",
       5,
       {"conversion", "trial"},
       "",
       "",
       NoteSize::Large},
      {kPurchase, LaneKind::Pains, "SMS code takes over two minutes", 3, {"tech debt"}},
      {kPostPurchase, LaneKind::Pains, "No idea when I will be billed", 2, {"trial"}},
      // Moments of delight
      {kAwareness, LaneKind::Delights, "Trailer plays right inside the ad"},
      {kConsideration, LaneKind::Delights, "Search finds shows without an account"},
      {kPostPurchase, LaneKind::Delights, "TV pairs by QR code in 10 seconds", 4, {"keep"}},
      {kPostPurchase, LaneKind::Delights, "Resumes on TV where I stopped on phone", 1},
      // Solutions
      {kConsideration, LaneKind::Solutions, "Let guests browse the full catalogue"},
      {kDecision, LaneKind::Solutions, "One-line plan summary: 'cancel anytime'"},
      {kPurchase, LaneKind::Solutions, "Card-free trial, ask for the card on day 25", 4, {"conversion"}},
      {kPostPurchase, LaneKind::Solutions, "Reminder email 3 days before billing", 2},
      // Action items: concrete, with an owner and a date
      {kConsideration, LaneKind::Actions, "Ship guest catalogue browsing", 0, {}, "Leo M.", "2026-11-20"},
      {kPurchase,
       LaneKind::Actions,
       "A/B test card-free trial on 20% of traffic",
       0,
       {"conversion"},
       "Sofia R.",
       "2026-12-01"},
      {kPurchase, LaneKind::Actions, "Switch SMS provider, code under 10 s", 0, {}, "Tom B.", "2027-01-15"},
      {kPostPurchase, LaneKind::Actions, "Add 'Remind me before billing' toggle", 0, {}, "Anna K.", "2026-12-15"},
  };
  return notes;
}

const std::vector<SamplePoint>& SamplePoints() {
  static const std::vector<SamplePoint> points = {
      {kAwareness, 0.5f, 0.4f, "Fun ad, free month"},
      {kConsideration, 0.5f, 0.1f, "Can't see the catalogue"},
      {kDecision, 0.5f, -0.2f, "Plans look alike"},
      {kPurchase, 0.35f, -0.8f, "Card demanded before trial"},
      {kPurchase, 0.8f, -0.4f, "Slow SMS code"},
      {kPostPurchase, 0.35f, 0.8f, "TV paired in 10 seconds"},
      {kPostPurchase, 0.85f, 0.3f, "Worried about billing"},
  };
  return points;
}

// The to-be journey the team designs: no card before the trial, a billing reminder.
const std::vector<SamplePoint>& SampleToBePoints() {
  static const std::vector<SamplePoint> points = {
      {kAwareness, 0.5f, 0.45f, ""},
      {kConsideration, 0.5f, 0.45f, "Browse as a guest"},
      {kDecision, 0.5f, 0.3f, ""},
      {kPurchase, 0.5f, 0.35f, "Card-free trial"},
      {kPostPurchase, 0.5f, 0.85f, "Reminder before billing"},
  };
  return points;
}

// What the team measured at each touchpoint, and how strong each pain and delight is.
struct SampleTouchpoint {
  const char* text;
  const char* channel;
  std::optional<float> conversion, csi, nps;
};

const std::vector<SampleTouchpoint>& SampleTouchpoints() {
  static const std::vector<SampleTouchpoint> touchpoints = {
      {"Instagram ad with a free month", "ads", 2.1f, {}, {}},
      {"Friend's tip in a group chat", "messenger", {}, {}, {}},
      {"Landing page with catalogue preview", "site", 34.0f, 71.0f, {}},
      {"App store reviews, 4.3 stars", "mobile app", {}, 78.0f, {}},
      {"Pricing page with three plans", "site", 48.0f, 62.0f, {}},
      {"Sign-up form and payment screen", "site", 38.0f, 41.0f, -12.0f},
      {"Welcome email and TV app pairing", "e-mail", {}, 88.0f, 46.0f},
  };
  return touchpoints;
}

int SampleSeverity(const std::string& text) {
  if (text == "Card required before trial — 38% drop here") return 3;
  if (text == "SMS code takes over two minutes" || text == "TV pairs by QR code in 10 seconds") return 2;
  if (text == "Catalogue hidden behind a sign-up wall" || text == "No idea when I will be billed") return 2;
  if (text == "Plan differences unclear: HD? screens?" || text == "Resumes on TV where I stopped on phone") return 1;
  return 0;
}

Persona SamplePersona(PersonaId id) {
  Persona persona;
  persona.id = id;
  persona.name = "Maria, 34";
  persona.description =
      "Marketing manager at a logistics firm in Lyon. Earns about EUR 3,200 a month. "
      "Lives with her partner and two children, 6 and 9.";
  persona.goals =
      "Unwind in the evening once the kids are asleep; find films the whole family enjoys at the "
      "weekend; keep monthly subscriptions under control.";
  persona.needs = "A quick start with no setup; clear prices; a kids profile; works on the living-room TV.";
  persona.pains =
      "Has been charged after forgotten free trials before; too many apps with overlapping "
      "catalogues; little time to browse.";
  persona.objections =
      "A 'free' trial that asks for a card feels like a trap; not sure the catalogue is worth "
      "another EUR 11.99 a month.";
  persona.channels = "Instagram, friends' group chats, YouTube trailers, app store on her phone, smart TV.";
  persona.quote = "I don't mind paying. I mind being tricked into paying.";
  return persona;
}

Board MakeSampleBoard() {
  BoardSpec spec = ClassicSpec();
  spec.title = "Streamly — first month of a video streaming subscription";
  Board board = BuildBoard(spec);

  auto laneOfKind = [&board](LaneKind kind) {
    for (const Lane& lane : board.lanes)
      if (lane.kind == kind) return lane.id;
    return LaneId();
  };
  for (const SampleNote& sample : SampleNotes()) {
    Note note;
    note.id = NoteId(board.NewId());
    note.stage = board.stages[size_t(sample.stage)].id;
    note.lane = laneOfKind(sample.lane);
    note.size = sample.size;
    note.text = sample.text;
    note.votes = sample.votes;
    for (const char* tag : sample.tags) note.tags.emplace_back(tag);
    note.owner = sample.owner;
    note.due = sample.due;
    note.severity = SampleSeverity(note.text);
    for (const SampleTouchpoint& touchpoint : SampleTouchpoints())
      if (note.text == touchpoint.text) {
        note.channel = touchpoint.channel;
        note.metrics = {touchpoint.conversion, touchpoint.csi, touchpoint.nps, std::nullopt};
      }
    board.notes.push_back(std::move(note));
  }

  // A parking-lot note beside the grid: off-topic but not lost.
  Note parking;
  parking.id = NoteId(board.NewId());
  float gridRight = kMetrics.laneLabelWidth;
  for (const Stage& stage : board.stages) gridRight += stage.width;
  parking.pos = {gridRight + 80, 64};
  parking.text = "Parking: ask legal about trial terms";
  parking.color = LaneKindNoteColor(LaneKind::Custom);  // a free note has no lane to take a colour from
  board.notes.push_back(std::move(parking));

  Persona persona = SamplePersona(PersonaId(board.NewId()));
  EmotionCurve& curve = board.curves.front();
  curve.persona = persona.id;
  curve.name = "Maria — as-is";
  curve.toBe = false;
  for (const SamplePoint& sample : SamplePoints())
    curve.points.push_back({board.stages[size_t(sample.stage)].id, sample.t, sample.value, sample.label});

  EmotionCurve toBe;
  toBe.id = CurveId(board.NewId());
  toBe.persona = persona.id;
  toBe.name = "Maria — to-be";
  toBe.color = 0x2e9e57;
  toBe.toBe = true;
  for (const SamplePoint& sample : SampleToBePoints())
    toBe.points.push_back({board.stages[size_t(sample.stage)].id, sample.t, sample.value, sample.label});
  board.curves.push_back(std::move(toBe));
  board.personas.push_back(std::move(persona));
  return board;
}

}  // namespace

const std::vector<TemplateInfo>& Templates() {
  static const std::vector<TemplateInfo> templates = {
      {Template::Classic, "classic", "Classic: 5 stages, 8 lanes"},
      {Template::FiveStage, "five-stage", "Пять этапов"},
      {Template::Blank, "blank", "Blank: 3 stages"},
      {Template::Sample, "sample", "Sample: Streamly subscription"},
  };
  return templates;
}

bool TemplateFromKey(std::string_view key, Template* out) {
  for (const TemplateInfo& info : Templates()) {
    if (key == info.key) {
      if (out) *out = info.id;
      return true;
    }
  }
  return false;
}

Board MakeBoard(Template which) {
  switch (which) {
    case Template::Classic:
      return BuildBoard(ClassicSpec());
    case Template::FiveStage:
      return BuildBoard(FiveStageSpec());
    case Template::Blank:
      return BuildBoard(BlankSpec());
    case Template::Sample:
      return MakeSampleBoard();
  }
  return BuildBoard(BlankSpec());
}

}  // namespace jb
