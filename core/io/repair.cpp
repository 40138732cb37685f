// RepairBoard: makes any board safe for the layout, the renderer and the commands, and says what
// it changed in words a facilitator understands. Linear in the size of the board: a hostile file
// with many stages and many notes must not take quadratic time.
#include <algorithm>
#include <climits>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

#include "core/io/file_io.h"
#include "core/layout/layout.h"
#include "core/model/sanitize.h"
#include "core/model/warnings.h"

namespace jb {

namespace {

// Gives every record a new id 1, 2, 3... and maps the references; a reference to nothing gets an
// id no record has, so the checks after this treat it as dangling.
void Renumber(Board& board) {
  using Map = std::unordered_map<uint64_t, uint64_t>;
  Map stages, lanes, notes, personas;
  board.nextId = 1;
  auto renumber = [&board](auto& items, Map* map) {
    for (auto& item : items) {
      const uint64_t fresh = board.NewId();
      if (map) map->emplace(item.id.value, fresh);  // the first holder of a repeated id keeps its references
      item.id.value = fresh;
    }
  };
  renumber(board.stages, &stages);
  renumber(board.lanes, &lanes);
  renumber(board.notes, &notes);
  renumber(board.curves, nullptr);
  renumber(board.personas, &personas);
  renumber(board.strokes, nullptr);
  renumber(board.arrows, nullptr);
  renumber(board.frames, nullptr);
  renumber(board.labels, nullptr);
  const uint64_t nowhere = board.NewId();
  auto mapped = [nowhere](const Map& map, uint64_t old) -> uint64_t {
    if (old == 0) return 0;
    auto it = map.find(old);
    return it == map.end() ? nowhere : it->second;
  };
  for (Note& note : board.notes) {
    note.stage.value = mapped(stages, note.stage.value);
    note.lane.value = mapped(lanes, note.lane.value);
    for (PersonaId& persona : note.personas) persona.value = mapped(personas, persona.value);
  }
  for (EmotionCurve& curve : board.curves) {
    curve.persona.value = mapped(personas, curve.persona.value);
    for (CurvePoint& point : curve.points) {
      point.stage.value = mapped(stages, point.stage.value);
      point.note.value = mapped(notes, point.note.value);
    }
  }
  for (Stroke& stroke : board.strokes) {
    stroke.stage.value = mapped(stages, stroke.stage.value);
    stroke.lane.value = mapped(lanes, stroke.lane.value);
  }
  for (Arrow& arrow : board.arrows) {
    arrow.from.note.value = mapped(notes, arrow.from.note.value);
    arrow.to.note.value = mapped(notes, arrow.to.note.value);
  }
}

template <class Item, class IdOf>
size_t AssignUniqueIds(std::vector<Item>& items, std::unordered_set<uint64_t>& used, Board& board, IdOf idOf) {
  size_t fixed = 0;
  for (Item& item : items) {
    auto& id = idOf(item);
    if (!id.IsValid() || !used.insert(id.value).second) {
      id.value = board.NewId();
      used.insert(id.value);
      ++fixed;
    }
  }
  return fixed;
}

}  // namespace

std::vector<std::string> RepairBoard(Board& board) {
  std::vector<std::string> warnings;

  // nextId above every id seen, references included, so NewId() never reuses one.
  uint64_t highest = 0;
  size_t reissue = 0;  // record ids that are missing or repeated
  {
    std::unordered_set<uint64_t> seen;
    auto record = [&](uint64_t id) {
      highest = std::max(highest, id);
      if (id == 0 || !seen.insert(id).second) ++reissue;
    };
    auto reference = [&](uint64_t id) { highest = std::max(highest, id); };
    for (const Stage& stage : board.stages) record(stage.id.value);
    for (const Lane& lane : board.lanes) record(lane.id.value);
    for (const Note& note : board.notes) {
      record(note.id.value);
      reference(note.stage.value);
      reference(note.lane.value);
      for (PersonaId persona : note.personas) reference(persona.value);
    }
    for (const EmotionCurve& curve : board.curves) {
      record(curve.id.value);
      reference(curve.persona.value);
      for (const CurvePoint& point : curve.points) {
        reference(point.stage.value);
        reference(point.note.value);
      }
    }
    for (const Persona& persona : board.personas) record(persona.id.value);
    for (const Stroke& stroke : board.strokes) {
      record(stroke.id.value);
      reference(stroke.stage.value);
      reference(stroke.lane.value);
    }
    for (const Arrow& arrow : board.arrows) {
      record(arrow.id.value);
      reference(arrow.from.note.value);
      reference(arrow.to.note.value);
    }
    for (const Frame& frame : board.frames) record(frame.id.value);
    for (const TextLabel& label : board.labels) record(label.id.value);
  }
  const uint64_t next = std::max(board.nextId, highest + 1);
  // (Written so that nothing overflows: a file's nextId can be UINT64_MAX.)
  if (highest > kMaxId || next > kMaxId + 1 || reissue > kMaxId + 1 - next) {
    // Only a broken or hostile file gets here. Renumbering all of it keeps NewId() far from
    // wrapping to 0, and a second repair finds nothing to do.
    Renumber(board);
    warnings.push_back("The board's ids were out of range, so all of them were renumbered.");
  } else {
    board.nextId = next;
  }

  // Ids share one space on a board; a missing or repeated one gets a fresh id (the first
  // holder keeps it, so references resolve to the first).
  std::unordered_set<uint64_t> used;
  struct Renumbered {
    size_t count;
    const char* singular;
    const char* plural;
  };
  const Renumbered renumbered[] = {
      {AssignUniqueIds(board.stages, used, board, [](Stage& s) -> StageId& { return s.id; }), "stage", "stages"},
      {AssignUniqueIds(board.lanes, used, board, [](Lane& l) -> LaneId& { return l.id; }), "lane", "lanes"},
      {AssignUniqueIds(board.notes, used, board, [](Note& n) -> NoteId& { return n.id; }), "note", "notes"},
      {AssignUniqueIds(board.curves, used, board, [](EmotionCurve& c) -> CurveId& { return c.id; }), "emotion curve",
       "emotion curves"},
      {AssignUniqueIds(board.personas, used, board, [](Persona& p) -> PersonaId& { return p.id; }), "persona",
       "personas"},
      {AssignUniqueIds(board.strokes, used, board, [](Stroke& s) -> StrokeId& { return s.id; }), "stroke", "strokes"},
      {AssignUniqueIds(board.arrows, used, board, [](Arrow& a) -> ArrowId& { return a.id; }), "arrow", "arrows"},
      {AssignUniqueIds(board.frames, used, board, [](Frame& f) -> FrameId& { return f.id; }), "frame", "frames"},
      {AssignUniqueIds(board.labels, used, board, [](TextLabel& l) -> LabelId& { return l.id; }), "text label",
       "text labels"},
  };
  for (const Renumbered& r : renumbered) {
    if (r.count == 0) continue;
    warnings.push_back(Counted(r.count, r.singular, r.plural) + " had a missing or repeated id and " +
                       WasWere(r.count) + " given a new one.");
  }

  std::unordered_set<uint64_t> stageIds, laneIds, personaIds;
  for (const Stage& stage : board.stages) stageIds.insert(stage.id.value);
  for (const Lane& lane : board.lanes) laneIds.insert(lane.id.value);
  for (const Persona& persona : board.personas) personaIds.insert(persona.id.value);

  // Numbers the layout and the renderer rely on.
  // A note's own values (position, scores, texts) are clamped as the edit commands clamp them.
  SanitizeCounts counts;
  for (Stage& stage : board.stages) {
    stage.width = ClampValue(stage.width, kMinStageWidth, kMaxStageWidth, Stage().width, &counts.geometry);
    ClampReached(stage.reached, &counts.scores);
  }
  for (Lane& lane : board.lanes)
    lane.height = ClampValue(lane.height, kMinLaneHeight, kMaxLaneHeight, Lane().height, &counts.geometry);
  for (Note& note : board.notes) ClampNoteValues(note, &counts);

  // Notes whose stage or lane is gone are not dropped: they move to a column right of the grid
  // (and of any free notes already there), in board order, wrapping into more columns so that
  // they neither pile up nor run off the board.
  std::vector<Note*> orphans;
  float freeRight = 0;
  for (Note& note : board.notes) {
    if (note.stage && note.lane) {
      if (stageIds.count(note.stage.value) && laneIds.count(note.lane.value)) continue;
      orphans.push_back(&note);
    } else if (note.IsFree()) {
      freeRight = std::max(freeRight, note.pos.x + NoteSizeUnits(note.size).x);
    }
    note.stage = StageId();  // a half-set reference is a free note already; keep it at its place
    note.lane = LaneId();
  }
  if (!orphans.empty()) {
    float gridRight = kMetrics.laneLabelWidth;
    for (const Stage& stage : board.stages) gridRight += stage.width;
    const float pitchX = NoteSizeUnits(NoteSize::Large).x + kMetrics.noteGap;
    const size_t perColumn = std::max<size_t>(10, size_t(std::ceil(std::sqrt(double(orphans.size())))));
    const size_t columns = (orphans.size() + perColumn - 1) / perColumn;
    const float left =
        std::min(std::max(gridRight, freeRight) + 4 * kMetrics.noteGap, kMaxCoordinate - float(columns) * pitchX);
    float y = kMetrics.headerHeight;
    for (size_t i = 0; i < orphans.size(); ++i) {
      if (i % perColumn == 0) y = kMetrics.headerHeight;
      orphans[i]->pos = {left + float(i / perColumn) * pitchX, y};
      y += NoteSizeUnits(orphans[i]->size).y + kMetrics.noteGap;
    }
    warnings.push_back(Counted(orphans.size(), "note", "notes") + " pointed at a missing stage or lane and " +
                       WasWere(orphans.size()) + " moved to the free area right of the map.");
  }

  size_t unlinked = 0, pointsDropped = 0;
  for (EmotionCurve& curve : board.curves) {
    if (curve.persona && !personaIds.count(curve.persona.value)) {
      curve.persona = PersonaId();
      ++unlinked;
    }
    auto orphan = [&stageIds](const CurvePoint& p) { return !stageIds.count(p.stage.value); };
    const size_t before = curve.points.size();
    curve.points.erase(std::remove_if(curve.points.begin(), curve.points.end(), orphan), curve.points.end());
    pointsDropped += before - curve.points.size();
    for (CurvePoint& point : curve.points) {
      point.t = ClampValue(point.t, 0, 1, CurvePoint().t, &counts.scores);
      point.value = ClampValue(point.value, -1, 1, 0, &counts.scores);
    }
  }
  if (unlinked > 0) {
    warnings.push_back(Counted(unlinked, "emotion curve", "emotion curves") + " belonged to a missing persona and " +
                       (unlinked == 1 ? "now belongs to none." : "now belong to none."));
  }
  // A note tied to a missing persona (or to one twice) keeps its other ties; said, as the curves are.
  size_t untied = 0;
  for (Note& note : board.notes) {
    std::vector<PersonaId> kept;
    for (PersonaId persona : note.personas)
      if (personaIds.count(persona.value) && std::find(kept.begin(), kept.end(), persona) == kept.end())
        kept.push_back(persona);
    if (kept.size() == note.personas.size()) continue;
    note.personas = std::move(kept);
    ++untied;
  }
  if (untied > 0)
    warnings.push_back(Counted(untied, "note", "notes") + " named a missing persona and " +
                       (untied == 1 ? "is no longer tied to it." : "are no longer tied to it."));
  if (pointsDropped > 0) {
    warnings.push_back(Counted(pointsDropped, "emotion curve point", "emotion curve points") +
                       " belonged to a missing stage and " + WasWere(pointsDropped) + " removed.");
  }
  // Sketches. A stroke of absurd length is refused whole: it is damage, and drawing it would stall
  // every frame. A stroke left with no point that can be drawn goes too.
  {
    const size_t before = board.strokes.size();
    auto tooLong = [](const Stroke& s) { return s.points.size() > kMaxStrokePoints; };
    board.strokes.erase(std::remove_if(board.strokes.begin(), board.strokes.end(), tooLong), board.strokes.end());
    if (const size_t refused = before - board.strokes.size()) {
      warnings.push_back(Counted(refused, "stroke", "strokes") + " had more than " + Thousands(kMaxStrokePoints) +
                         " points and " + WasWere(refused) + " left out.");
    }
  }
  size_t strokesFreed = 0, emptyStrokes = 0, endsFreed = 0;
  for (Stroke& stroke : board.strokes) {
    ClampStrokeValues(stroke, &counts);
    if (stroke.stage && stroke.lane) {
      if (stageIds.count(stroke.stage.value) && laneIds.count(stroke.lane.value)) continue;
      ++strokesFreed;
    }
    // Free now: its cell offsets become board coordinates, near the board's top-left corner,
    // where it can be seen and moved (the cell it was drawn in is unknown).
    stroke.stage = StageId();
    stroke.lane = LaneId();
  }
  {
    const size_t before = board.strokes.size();
    auto empty = [](const Stroke& s) { return s.points.empty(); };
    board.strokes.erase(std::remove_if(board.strokes.begin(), board.strokes.end(), empty), board.strokes.end());
    emptyStrokes = before - board.strokes.size();
  }
  if (strokesFreed > 0) {
    warnings.push_back(Counted(strokesFreed, "stroke", "strokes") + " belonged to a missing stage or lane and " +
                       (strokesFreed == 1 ? "is now free on the canvas." : "are now free on the canvas."));
  }
  if (emptyStrokes > 0) {
    warnings.push_back(Counted(emptyStrokes, "stroke", "strokes") + " had no point that could be drawn and " +
                       WasWere(emptyStrokes) + " left out.");
  }
  std::unordered_set<uint64_t> noteIds;
  for (const Note& note : board.notes) noteIds.insert(note.id.value);
  for (Arrow& arrow : board.arrows) {
    ClampArrowValues(arrow, &counts);
    if (int(arrow.heads) < 0 || int(arrow.heads) > int(ArrowHeads::Both)) arrow.heads = ArrowHeads::End;
    for (ArrowEnd* end : {&arrow.from, &arrow.to}) {
      // A free end stays at its stored position: the last place the app recorded for it.
      if (end->note && !noteIds.count(end->note.value)) {
        end->note = NoteId();
        ++endsFreed;
      }
    }
  }
  if (endsFreed > 0) {
    warnings.push_back(Counted(endsFreed, "arrow end", "arrow ends") + " pointed at a missing note and " +
                       (endsFreed == 1 ? "now stays at its last position." : "now stay at their last positions."));
  }
  for (Frame& frame : board.frames) ClampFrameValues(frame, &counts);
  for (TextLabel& label : board.labels) ClampLabelValues(label, &counts);

  if (counts.geometry > 0) {
    warnings.push_back("Corrected " + Counted(counts.geometry, "position or size", "positions and sizes") +
                       " that could not be drawn (not a number, or far out of range).");
  }
  if (counts.scores > 0) {
    warnings.push_back("Corrected " +
                       Counted(counts.scores, "vote, score or emotion value", "votes, scores and emotion values") +
                       " that " + WasWere(counts.scores) + " out of range.");
  }

  // Every text: broken UTF-8 repaired, then cut (notes' texts were done above, with their values).
  RepairTexts(board.meta, &counts);
  for (Stage& stage : board.stages) RepairTexts(stage, &counts);
  for (Lane& lane : board.lanes) RepairTexts(lane, &counts);
  for (EmotionCurve& curve : board.curves) RepairTexts(curve, &counts);
  for (Persona& persona : board.personas) RepairTexts(persona, &counts);
  if (counts.broken > 0) {
    // Each broken character is now U+FFFD; the broken bytes are never written back.
    warnings.push_back(Counted(counts.broken, "text", "texts") + " held broken characters and " +
                       WasWere(counts.broken) + " repaired.");
  }
  if (counts.cuts > 0) {
    warnings.push_back("Cut " + Counted(counts.cuts, "text", "texts") + " longer than " + Thousands(kMaxTextChars) +
                       " characters.");
  }
  return warnings;
}

}  // namespace jb
