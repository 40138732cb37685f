// The journey map as plain data: what a .cjm file holds. No view state (camera, selection)
// lives here. Text is UTF-8 everywhere. Sizes are in board units (1 unit = 1 px at zoom 1).
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/model/ids.h"
#include "core/model/limits.h"

namespace jb {

struct Vec2 {
  float x = 0, y = 0;
  friend bool operator==(Vec2 a, Vec2 b) { return a.x == b.x && a.y == b.y; }
  friend bool operator!=(Vec2 a, Vec2 b) { return !(a == b); }
};

struct Rect {
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  float Width() const { return x1 - x0; }
  float Height() const { return y1 - y0; }
  bool Contains(Vec2 p) const { return p.x >= x0 && p.x < x1 && p.y >= y0 && p.y < y1; }
  bool Overlaps(const Rect& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
  Rect Grown(float d) const { return {x0 - d, y0 - d, x1 + d, y1 + d}; }  // d < 0 shrinks
};

// Colours are 0xRRGGBB; 0 in a colour field means "follow the lane kind's colour".
using Rgb = uint32_t;

enum class LaneKind {
  Goals,
  Questions,
  Touchpoints,
  Emotions,  // the lane where the emotion curves are drawn
  Pains,
  Delights,
  Solutions,
  Actions,
  Metrics,
  Custom,
};
inline constexpr int kLaneKindCount = 10;

// The names used in files ("goals", "pains", ...) and their inverse; unknown names give Custom.
const char* LaneKindName(LaneKind kind);
LaneKind LaneKindFromName(std::string_view name);
// A readable label for menus ("Pain points").
const char* LaneKindLabel(LaneKind kind);
// Sticky-note colour for notes in a lane of this kind.
Rgb LaneKindNoteColor(LaneKind kind);

enum class NoteSize { Small, Medium, Large };
const char* NoteSizeName(NoteSize size);
NoteSize NoteSizeFromName(std::string_view name);

struct Stage {
  StageId id;
  std::string name;
  float width = kDefaultStageWidth;
  bool hidden = false;  // hidden for the room: kept and saved, drawn as a thin marked strip
  // How many customers got to this stage (the funnel): a count, or a percentage when the first
  // measured stage holds 100. Not measured: no value (a file writes null).
  std::optional<double> reached;
};

struct Lane {
  LaneId id;
  std::string name;
  LaneKind kind = LaneKind::Custom;
  float height = kDefaultLaneHeight;  // minimum height; the layout grows it when its notes need more room
  Rgb color = 0;       // 0: the kind's colour
  bool collapsed = false;
  bool hidden = false;  // hidden for the room: kept and saved, drawn as a thin marked strip
};

// Touchpoint metrics, each unset until the team fills it in (a file writes null for unset;
// retention, added later, is written only when set so older apps and files are unaffected).
struct NoteMetrics {
  std::optional<float> conversion;  // percent, 0..100
  std::optional<float> csi;         // customer satisfaction index, 0..100
  std::optional<float> nps;         // net promoter score, -100..100
  std::optional<float> retention;   // percent of customers who stay or come back, 0..100
};

// A solution scored as an opportunity: what it is worth to the customer and to the business
// (0..100 each) against the effort it takes (1 small .. 5 large). Ranked by (customer + business) / effort.
struct Opportunity {
  float customerValue = 50;
  float businessValue = 50;
  int effort = 3;
};

struct Note {
  NoteId id;
  // Both set: the note sits in that cell; notes of one cell are laid out in the order they
  // have in Board::notes. Both empty: the note is free on the canvas at `pos`.
  StageId stage;
  LaneId lane;
  Vec2 pos;  // top-left, for free notes only
  NoteSize size = NoteSize::Medium;
  std::string text;
  Rgb color = 0;  // 0: the lane kind's colour
  int votes = 0;
  std::vector<std::string> tags;
  std::string owner;
  std::string due;  // ISO date "YYYY-MM-DD" or empty
  std::string channel;  // touchpoint channel, free text: site, call centre, social, e-mail, office...
  NoteMetrics metrics;
  int severity = 0;  // 0 none; 1..3 how strong a pain point or moment of delight is
  bool covered = false;  // face down (silent brainstorming): drawn without its text until revealed
  // The personas this note concerns; empty: it concerns everyone (the persona filter never dims it).
  std::vector<PersonaId> personas;
  std::optional<Opportunity> opportunity;  // set on solutions the team scored

  bool IsFree() const { return !stage || !lane; }
};

struct CurvePoint {
  CurvePoint() = default;
  CurvePoint(StageId s, float across, float v, std::string caption = "", NoteId task = {})
      : stage(s), t(across), value(v), label(std::move(caption)), note(task) {}

  StageId stage;
  float t = 0.5f;      // 0..1 across the stage's width
  float value = 0;     // -1 (very negative) .. +1 (very positive)
  std::string label;   // short caption drawn beside the point
  // The task this point scores (a note, usually in a touchpoints lane), when the curve came from a
  // Mermaid journey: the export writes each task's actors and scores from it. It may name a note
  // deleted since; that reads as no task.
  NoteId note;
};

struct EmotionCurve {
  CurveId id;
  PersonaId persona;
  std::string name;
  Rgb color = 0x3b6fd8;
  bool toBe = false;  // false: the experience as it is today; true: as the team designs it
  std::vector<CurvePoint> points;
};

struct Persona {
  PersonaId id;
  std::string name;
  std::string description;  // free text about them
  // The portrait, each part optional (empty: not filled).
  std::string age;
  std::string gender;
  std::string family;      // partner, children
  std::string home;        // where they live
  std::string occupation;  // what they do
  std::optional<float> income;  // an amount in `currency`, per month or year as the team agrees
  std::string currency;
  std::string status;      // social status
  std::string freeTime;    // where they spend it, what interests them
  std::string decides;     // alone, or whom they consult
  std::string blockers;    // what stops them from solving the problem
  std::string ifUnsolved;  // what happens if they never solve it
  std::string competitors; // what they like in competitors
  std::string goals;
  std::string needs;
  std::string pains;  // "pains and fears" in the UI
  std::string objections;
  std::string channels;
  std::string quote;
};

// A persona's free texts, for code that treats them alike (repair, consistency check). Works on a
// const or a mutable persona.
template <class P>
auto PersonaTexts(P& persona) {
  return std::array{&persona.name,       &persona.description, &persona.age,         &persona.gender,
                    &persona.family,     &persona.home,        &persona.occupation,  &persona.currency,
                    &persona.status,     &persona.freeTime,    &persona.decides,     &persona.blockers,
                    &persona.ifUnsolved, &persona.competitors, &persona.goals,       &persona.needs,
                    &persona.pains,      &persona.objections,  &persona.channels,    &persona.quote};
}

// [SECTION] Sketching over the map: ink, arrows, frames and free text

// A pen or highlighter stroke: a simplified polyline of fixed board-space width. Drawn over a
// cell, it belongs to that cell: its points are offsets in board units from the cell's top-left,
// so a circle around notes stays around them when the lane grows or the stage is resized or
// moved. Drawn elsewhere, it is free and its points are board coordinates.
struct Stroke {
  StrokeId id;
  StageId stage;  // both set: the cell it belongs to; both empty: free on the canvas
  LaneId lane;
  std::vector<Vec2> points;
  float width = kDefaultStrokeWidth;  // board units
  Rgb color = 0x1f2937;
  bool highlighter = false;  // wide and translucent, drawn under the notes

  bool IsFree() const { return !stage || !lane; }
};

// One end of an arrow: bound to a note (it follows the note wherever it is laid out) or, with no
// note, free at `pos` (board units).
struct ArrowEnd {
  NoteId note;
  Vec2 pos;
};

enum class ArrowHeads { None, End, Start, Both };

// An arrow between notes (or free points). An arrow from one note to another is also a link
// between them: a pain to the solution that answers it, a solution to its action item.
struct Arrow {
  ArrowId id;
  ArrowEnd from, to;
  bool curved = false;  // a cubic leaving each note along the outward normal of its side
  ArrowHeads heads = ArrowHeads::End;
  std::string label;  // short, drawn at the middle
  Rgb color = 0x374151;
};

// A titled rounded rectangle under the notes, for clustering ideas outside the grid.
struct Frame {
  FrameId id;
  Rect rect;  // board units
  std::string title;
  Rgb color = 0;  // 0: the default frame colour
};

// Free text anywhere on the canvas: titles and side remarks. Scales with zoom like notes.
struct TextLabel {
  LabelId id;
  Vec2 pos;  // top-left, board units
  std::string text;
  float size = kDefaultLabelSize;  // text height, board units
  Rgb color = 0;    // 0: the default ink
};

struct BoardMeta {
  std::string title;
  std::string created;   // ISO 8601 UTC
  std::string modified;  // ISO 8601 UTC
  // The language of text the app writes on the board itself (lane prompts, persona headings), as a
  // language tag: "en", "ru". Set by the template, changeable in Board properties; an unknown tag
  // is kept and shows English.
  std::string language = "en";
};

struct Board {
  BoardMeta meta;
  std::vector<Stage> stages;  // order = order on screen, left to right
  std::vector<Lane> lanes;    // order = order on screen, top to bottom
  std::vector<Note> notes;
  std::vector<EmotionCurve> curves;
  std::vector<Persona> personas;
  // Sketching (drawn in this order: frames and highlighter under the notes, the rest over them).
  std::vector<Stroke> strokes;
  std::vector<Arrow> arrows;
  std::vector<Frame> frames;
  std::vector<TextLabel> labels;
  uint64_t nextId = 1;  // every id on the board is below this

  uint64_t NewId() { return nextId++; }

  const Stage* FindStage(StageId id) const;
  const Lane* FindLane(LaneId id) const;
  const Note* FindNote(NoteId id) const;
  const EmotionCurve* FindCurve(CurveId id) const;
  const Persona* FindPersona(PersonaId id) const;
  int StageIndex(StageId id) const;  // -1 if absent
  int LaneIndex(LaneId id) const;    // -1 if absent
  int NoteIndex(NoteId id) const;    // -1 if absent
};

// Whether `text` is a real calendar date written YYYY-MM-DD.
bool IsIsoDate(const std::string& text);
// Whether the note's due date is a real date (YYYY-MM-DD) before `todayIso` (same form; a
// malformed one gives false).
bool IsOverdue(const Note& note, const std::string& todayIso);

// Whether the persona filter shows `note` for `persona`: no filter (an empty id), a note tied to
// no persona (it concerns everyone) or one tied to that persona.
bool NoteShownForPersona(const Note& note, PersonaId persona);
// The same for a curve: one of no persona is everyone's.
bool CurveShownForPersona(const EmotionCurve& curve, PersonaId persona);
// The same for an arrow: shown unless both its ends are notes the filter dims (a free end is shown).
bool ArrowShownForPersona(const Board& board, const Arrow& arrow, PersonaId persona);

// Equality by content, for tests and for checking that undo restores a board exactly.
bool operator==(const Stage& a, const Stage& b);
bool operator==(const Lane& a, const Lane& b);
bool operator==(const NoteMetrics& a, const NoteMetrics& b);
bool operator==(const Opportunity& a, const Opportunity& b);
bool operator==(const Note& a, const Note& b);
bool operator==(const CurvePoint& a, const CurvePoint& b);
bool operator==(const EmotionCurve& a, const EmotionCurve& b);
bool operator==(const Persona& a, const Persona& b);
bool operator==(const Stroke& a, const Stroke& b);
bool operator==(const ArrowEnd& a, const ArrowEnd& b);
bool operator==(const Arrow& a, const Arrow& b);
bool operator==(const Frame& a, const Frame& b);
bool operator==(const TextLabel& a, const TextLabel& b);
bool operator==(const Board& a, const Board& b);

}  // namespace jb
