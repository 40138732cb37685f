#include "core/io/board_builder.h"

#include <utility>

#include "core/model/clock.h"

namespace jb {

namespace {
// Curve colours in persona order: distinct on the light and dark canvas.
constexpr Rgb kCurveColors[] = {0x3b6fd8, 0xd9480f, 0x2f9e44, 0x9c36b5, 0xe8590c, 0x1098ad, 0xc2255c, 0x5c940d};
}  // namespace

BoardBuilder::BoardBuilder(std::string title, std::string language) {
  RepairText(title, &m_counts);
  m_board.meta.title = std::move(title);
  m_board.meta.language = std::move(language);
  m_board.meta.created = NowIso8601();
  m_board.meta.modified = m_board.meta.created;
}

StageId BoardBuilder::AddStage(std::string name) {
  Stage stage;
  stage.id = StageId(m_board.NewId());
  RepairText(name, &m_counts);
  stage.name = std::move(name);
  m_board.stages.push_back(std::move(stage));
  return m_board.stages.back().id;
}

LaneId BoardBuilder::AddLane(std::string name, LaneKind kind) {
  Lane lane;
  lane.id = LaneId(m_board.NewId());
  RepairText(name, &m_counts);
  lane.name = std::move(name);
  lane.kind = kind;
  m_board.lanes.push_back(std::move(lane));
  return m_board.lanes.back().id;
}

NoteId BoardBuilder::AddNote(StageId stage, LaneId lane, std::string text) {
  Note note;
  note.id = NoteId(m_board.NewId());
  note.stage = stage;
  note.lane = lane;
  RepairText(text, &m_counts);
  note.text = std::move(text);
  m_board.notes.push_back(std::move(note));
  return m_board.notes.back().id;
}

PersonaId BoardBuilder::AddPersona(std::string name) {
  Persona persona;
  persona.id = PersonaId(m_board.NewId());
  RepairText(name, &m_counts);
  persona.name = std::move(name);
  m_board.personas.push_back(std::move(persona));
  return m_board.personas.back().id;
}

CurveId BoardBuilder::AddCurve(PersonaId persona) {
  EmotionCurve curve;
  curve.id = CurveId(m_board.NewId());
  curve.persona = persona;
  if (const Persona* p = m_board.FindPersona(persona)) curve.name = p->name;
  curve.color = kCurveColors[m_board.curves.size() % std::size(kCurveColors)];
  m_board.curves.push_back(std::move(curve));
  return m_board.curves.back().id;
}

void BoardBuilder::AddPoint(CurveId curve, CurvePoint point) {
  for (EmotionCurve& c : m_board.curves) {
    if (c.id != curve) continue;
    RepairText(point.label, &m_counts);
    c.points.push_back(std::move(point));
    return;
  }
}

std::string GuessLanguage(std::string_view text) {
  size_t cyrillic = 0, latin = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) ++latin;
    else if ((c == 0xd0 || c == 0xd1) && i + 1 < text.size()) ++cyrillic;  // U+0400..U+047F lead bytes
  }
  return cyrillic > latin ? "ru" : "en";
}

}  // namespace jb
