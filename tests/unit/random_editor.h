// A random editor for the document and journal tests: random commands and gesture steps on
// whatever board it is given, so long runs of edits, undos and redos can be checked end to end.
#pragma once
#include <doctest/doctest.h>

#include <functional>
#include <random>
#include <string>
#include <type_traits>
#include <vector>

#include "board_support.h"
#include "core/edit/commands.h"
#include "core/edit/journey_commands.h"

namespace jb::test {

// Random commands on whatever board it is given: mostly with ids that exist, sometimes with ids
// that do not (0, not yet allocated, or a record of another type), for which a command must
// return an empty diff.
class RandomEditor {
 public:
  // Wrong ids of another record type: `otherType` (a persona's) for stage, lane and note
  // commands, `stageId` (a stage's) for curve and persona commands. Both from the start board,
  // below its nextId, so no record of the other types is ever given them.
  RandomEditor(uint32_t seed, uint64_t otherType, uint64_t stageId)
      : m_rng(seed), m_otherType(otherType), m_stageId(stageId) {}

  int Int(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(m_rng); }
  float Float(float lo, float hi) { return std::uniform_real_distribution<float>(lo, hi)(m_rng); }
  bool Chance(int percent) { return Int(0, 99) < percent; }

  // A diff for one random command; `mustBeEmpty` is set when the arguments cannot work.
  BoardDiff Command(const Board& board, std::string* label, bool* mustBeEmpty) {
    *mustBeEmpty = false;
    // Weights keep the board from emptying or growing without bound.
    const bool crowded = board.notes.size() > 150;
    // 0-20: notes, stages, lanes; 21: meta; 22-36: the journey (curves, personas, details, votes).
    static const int kWeights[] = {8, 5, 10, 3, 3, 4, 3, 3, 4, 3, 2, 3, 3, 2, 3, 2, 2, 3, 2, 2, 2, 1,
                                   3, 3, 2, 1, 1, 1, 2, 1, 1, 1, 2, 1, 3, 1, 2};
    int total = 0;
    for (int w : kWeights) total += w;
    int roll = Int(0, total - 1), which = 0;
    while (roll >= kWeights[which]) roll -= kWeights[which++];
    if (crowded && Chance(50)) which = 1;
    if (which == 9 && board.stages.size() > 10) which = 13;    // add stage → delete stage
    if (which == 14 && board.lanes.size() > 10) which = 20;    // add lane → delete lane
    if (which == 22 && PointCount(board) > 60) which = 24;     // add point → delete point
    if (which == 26 && board.curves.size() > 8) which = 27;    // add curve → delete curve
    if (which == 29 && board.personas.size() > 6) which = 31;  // add persona → delete persona

    switch (which) {
      case 0: {
        *label = "Add note";
        Note note = RandomNote();
        const NoteTarget target = Target(board, mustBeEmpty);
        NoteId id;
        BoardDiff diff = AddNote(board, note, target, &id);
        CHECK(bool(id) == !diff.Empty());
        return diff;
      }
      case 1: {
        *label = "Delete notes";
        const auto ids = Notes(board, mustBeEmpty);
        return DeleteNotes(board, ids);
      }
      case 2: {
        *label = "Move notes";
        const auto ids = Notes(board, mustBeEmpty);
        return MoveNotes(board, ids, Target(board, mustBeEmpty), Offsets(ids.size()));
      }
      case 3: {
        *label = "Paste";
        std::vector<Note> clipboard;
        const int count = Int(0, 3);
        for (int i = 0; i < count; ++i)
          clipboard.push_back(!board.notes.empty() && Chance(70) ? board.notes[Index(board.notes)] : RandomNote());
        if (clipboard.empty()) *mustBeEmpty = true;
        std::vector<NoteId> ids;
        BoardDiff diff = PasteNotes(board, clipboard, Target(board, mustBeEmpty), &ids);
        CHECK(ids.size() == (diff.Empty() ? 0 : clipboard.size()));
        return diff;
      }
      case 4: {
        *label = "Duplicate";
        const auto ids = Notes(board, mustBeEmpty);
        return DuplicateNotes(board, ids);
      }
      case 5: {
        *label = "Edit text";
        bool bad = false;
        const NoteId id = Pick<NoteId>(board.notes, &bad);
        *mustBeEmpty = bad;
        return SetNoteText(board, id, Chance(20) ? "Заметка" : "note " + std::to_string(Int(0, 9)));
      }
      case 6:
        *label = "Colour";
        return SetNotesColor(board, Notes(board, mustBeEmpty), Chance(30) ? 0 : Rgb(Int(1, 5)) * 0x202020);
      case 7:
        *label = "Size";
        return SetNotesSize(board, Notes(board, mustBeEmpty), NoteSize(Int(0, 2)));
      case 8:
        *label = "Nudge";
        return NudgeNotes(board, Notes(board, mustBeEmpty), {float(Int(-3, 3)) * 0.25f, float(Int(-3, 3)) * 0.5f});
      case 9:
        *label = "Add stage";
        return AddStage(board, "Stage " + std::to_string(Int(0, 99)), Int(-1, int(board.stages.size()) + 1));
      case 10: {
        *label = "Rename stage";
        const StageId id = Pick<StageId>(board.stages, mustBeEmpty);
        return RenameStage(board, id, Chance(50) ? "Поиск" : "Search");
      }
      case 11: {
        *label = "Resize stage";
        const StageId id = Pick<StageId>(board.stages, mustBeEmpty);
        return ResizeStage(board, id, Float(0, 5000));
      }
      case 12: {
        *label = "Move stage";
        const StageId id = Pick<StageId>(board.stages, mustBeEmpty);
        return MoveStage(board, id, Int(-2, int(board.stages.size()) + 1));
      }
      case 13: {
        *label = "Delete stage";
        const StageId id = Pick<StageId>(board.stages, mustBeEmpty);
        return DeleteStage(board, id);
      }
      case 14:
        *label = "Add lane";
        return AddLane(board, "Lane", LaneKind(Int(0, kLaneKindCount - 1)), Int(-1, int(board.lanes.size()) + 1));
      case 15: {
        *label = "Rename lane";
        const LaneId id = Pick<LaneId>(board.lanes, mustBeEmpty);
        return RenameLane(board, id, Chance(50) ? "Боли" : "Pains");
      }
      case 16: {
        *label = "Resize lane";
        const LaneId id = Pick<LaneId>(board.lanes, mustBeEmpty);
        return ResizeLane(board, id, Float(0, 5000));
      }
      case 17: {
        *label = "Move lane";
        const LaneId id = Pick<LaneId>(board.lanes, mustBeEmpty);
        return MoveLane(board, id, Int(-2, int(board.lanes.size()) + 1));
      }
      case 18: {
        *label = "Lane kind";
        const LaneId id = Pick<LaneId>(board.lanes, mustBeEmpty);
        return SetLaneKind(board, id, LaneKind(Int(0, kLaneKindCount - 1)));
      }
      case 19: {
        *label = "Collapse lane";
        const LaneId id = Pick<LaneId>(board.lanes, mustBeEmpty);
        return SetLaneCollapsed(board, id, Chance(50));
      }
      case 20: {
        *label = "Delete lane";
        const LaneId id = Pick<LaneId>(board.lanes, mustBeEmpty);
        return DeleteLane(board, id);
      }
      case 21: {
        // Not a command yet: a hand-made meta edit, so history covers the meta too.
        *label = "Rename board";
        BoardDiff diff;
        BoardMeta after = board.meta;
        after.title = "Title " + std::to_string(Int(0, 9));
        diff.meta = Updated<BoardMeta>{board.meta, after};
        return diff;
      }
      default:
        return JourneyCommand(board, which, label, mustBeEmpty);
    }
  }

  // [SECTION] Journey commands (curves, personas, note details, votes)
  BoardDiff JourneyCommand(const Board& board, int which, std::string* label, bool* mustBeEmpty) {
    switch (which) {
      case 22: {
        *label = "Add curve point";
        const CurveId curve = Pick<CurveId>(board.curves, mustBeEmpty);
        const StageId stage = Pick<StageId>(board.stages, mustBeEmpty);
        const float value = Chance(30) ? SnapEmotion(Float(-1, 1)) : Float(-1.3f, 1.3f);
        int index = -2;
        BoardDiff diff = AddCurvePoint(board, curve, {stage, Float(-0.2f, 1.2f), value, "p"}, &index);
        CHECK((index >= 0) == !diff.Empty());
        return diff;
      }
      case 23: {
        *label = "Move curve point";
        const CurveId curve = CurveWithPoints(board, mustBeEmpty);
        const int index = PointIndex(board, curve, mustBeEmpty);
        const StageId stage = Pick<StageId>(board.stages, mustBeEmpty);
        return MoveCurvePoint(board, curve, index, stage, Float(0, 1), SnapEmotion(Float(-1, 1)));
      }
      case 24: {
        *label = "Delete curve point";
        const CurveId curve = CurveWithPoints(board, mustBeEmpty);
        return DeleteCurvePoint(board, curve, PointIndex(board, curve, mustBeEmpty));
      }
      case 25: {
        *label = "Point label";
        const CurveId curve = CurveWithPoints(board, mustBeEmpty);
        const int index = PointIndex(board, curve, mustBeEmpty);
        return SetCurvePointLabel(board, curve, index, Chance(50) ? "Оплата" : "pay " + std::to_string(Int(0, 9)));
      }
      case 26: {
        *label = "Add curve";
        const PersonaId persona = MaybePersona(board, 20, mustBeEmpty);
        CurveId id;
        BoardDiff diff = AddCurve(board, persona, "Curve", NextCurveColor(board), Chance(50), &id);
        CHECK(bool(id) == !diff.Empty());
        return diff;
      }
      case 27: {
        *label = "Delete curve";
        return DeleteCurve(board, Pick<CurveId>(board.curves, mustBeEmpty));
      }
      case 28: {
        *label = "Curve setting";
        const CurveId curve = Pick<CurveId>(board.curves, mustBeEmpty);
        switch (Int(0, 3)) {
          case 0:
            return SetCurveName(board, curve, Chance(50) ? "Мария" : "As-is");
          case 1:
            return SetCurveColor(board, curve, Chance(50) ? NextCurveColor(board) : 0x3b6fd8);
          case 2:
            return SetCurveToBe(board, curve, Chance(50));
          default: {
            const PersonaId persona = MaybePersona(board, 30, mustBeEmpty);
            return SetCurvePersona(board, curve, persona);
          }
        }
      }
      case 29: {
        *label = "Add persona";
        Persona persona;
        persona.name = Chance(50) ? "Олег" : "Sam";
        persona.quote = "quote " + std::to_string(Int(0, 9));
        PersonaId id;
        BoardDiff diff = AddPersona(board, persona, &id);
        CHECK(bool(id));
        return diff;
      }
      case 30: {
        *label = "Edit persona";
        const PersonaId id = Pick<PersonaId>(board.personas, mustBeEmpty);
        Persona after = board.FindPersona(id) ? *board.FindPersona(id) : Persona{};
        after.id = id;
        (Chance(50) ? after.goals : after.pains) = "text " + std::to_string(Int(0, 4));
        return UpdatePersona(board, after);
      }
      case 31: {
        *label = "Delete persona";
        return DeletePersona(board, Pick<PersonaId>(board.personas, mustBeEmpty));
      }
      case 32: {
        *label = "Edit note details";
        const NoteId id = Pick<NoteId>(board.notes, mustBeEmpty);
        Note after = board.FindNote(id) ? *board.FindNote(id) : RandomNote();
        after.id = id;
        after.owner = Chance(50) ? "" : "Anna";
        after.due = Chance(50) ? "" : "2024-0" + std::to_string(Int(1, 9)) + "-15";
        if (Chance(30)) after.text = "details " + std::to_string(Int(0, 9));
        if (Chance(20)) after.votes = Int(-2, 4);
        if (Chance(30)) {  // a stale copy from somewhere else: must not move the note
          after.stage = Pick<StageId>(board.stages, &m_ignored);
          after.lane = Pick<LaneId>(board.lanes, &m_ignored);
          after.pos = {Float(0, 100), Float(0, 100)};
        }
        return UpdateNote(board, after);
      }
      case 33: {
        *label = "Tags";
        std::vector<std::string> tags;
        if (Chance(70)) tags.push_back(Chance(50) ? "срочно" : "quick win");
        return SetNotesTags(board, Notes(board, mustBeEmpty), tags);
      }
      case 34: {
        *label = "Vote";
        const int delta = Int(-2, 3);
        if (delta == 0) *mustBeEmpty = true;
        return AddVotes(board, Notes(board, mustBeEmpty), delta);
      }
      case 35:
        *label = "Reset votes";
        return ResetVotes(board);
      default: {
        *label = "Sort by votes";
        // Mostly a cell whose notes are out of order (random cells seldom are), else any cell.
        if (Chance(70)) {
          std::vector<const Note*> unsorted;
          for (const Note& note : board.notes)
            if (!note.IsFree() && !SortCellByVotes(board, note.stage, note.lane).Empty()) unsorted.push_back(&note);
          if (!unsorted.empty()) {
            const Note* note = unsorted[Index(unsorted)];
            return SortCellByVotes(board, note->stage, note->lane);
          }
        }
        const StageId stage = Pick<StageId>(board.stages, mustBeEmpty);
        return SortCellByVotes(board, stage, Pick<LaneId>(board.lanes, mustBeEmpty));
      }
    }
  }

  // A gesture's update function: the same kind of drag each time, with new random amounts.
  std::function<BoardDiff(const Board&)> GestureStep(const Board& start, int kind) {
    if (m_gestureIds.empty()) {
      bool ignored = false;
      m_gestureIds = Notes(start, &ignored);
      m_gestureStage = Pick<StageId>(start.stages, &ignored);
    }
    switch (kind) {
      case 0: {
        const NoteTarget target = Target(start, nullptr);
        const std::vector<Vec2> offsets = Offsets(m_gestureIds.size());
        return [this, target, offsets](const Board& b) { return MoveNotes(b, m_gestureIds, target, offsets); };
      }
      case 1: {
        const float width = Float(100, 800);
        return [this, width](const Board& b) { return ResizeStage(b, m_gestureStage, width); };
      }
      case 2: {
        const Vec2 delta{Float(-50, 50), Float(-50, 50)};
        return [this, delta](const Board& b) { return NudgeNotes(b, m_gestureIds, delta); };
      }
      case 3: {  // dragging a curve point, across stages too
        const CurveId curve = start.curves.empty() ? CurveId() : start.curves.front().id;
        if (m_gesturePoint < 0) m_gesturePoint = PointIndex(start, curve, &m_ignored);
        const int index = m_gesturePoint;
        const StageId stage = Pick<StageId>(start.stages, &m_ignored);
        const float t = Float(0, 1), value = Float(-1, 1);
        return [=](const Board& b) { return MoveCurvePoint(b, curve, index, stage, t, value); };
      }
      default:
        return [this](const Board& b) {
          std::string label;
          bool ignored = false;
          return Command(b, &label, &ignored);
        };
    }
  }
  void EndGesture() {
    m_gestureIds.clear();
    m_gesturePoint = -1;
  }

 private:
  template <class T>
  size_t Index(const std::vector<T>& items) {
    return size_t(Int(0, int(items.size()) - 1));
  }

  // Mostly an id of `items`; otherwise an id that names nothing of this type (sets *bad).
  template <class IdT, class T>
  IdT Pick(const std::vector<T>& items, bool* bad) {
    if (!items.empty() && Chance(92)) return items[Index(items)].id;
    *bad = true;
    switch (Int(0, 2)) {
      case 0:
        return IdT();
      case 1:
        return IdT(uint64_t(1) << 40);  // never allocated
      default: {
        // A record of another type: a persona's id for stages, lanes and notes, a stage's for
        // curves and personas.
        constexpr bool kJourney = std::is_same_v<IdT, CurveId> || std::is_same_v<IdT, PersonaId>;
        return IdT(kJourney ? m_stageId : m_otherType);
      }
    }
  }

  // Mostly the index of one of the curve's points; otherwise one out of range (sets *bad).
  int PointIndex(const Board& board, CurveId id, bool* bad) {
    const EmotionCurve* curve = board.FindCurve(id);
    const int count = curve ? int(curve->points.size()) : 0;
    if (count > 0 && Chance(92)) return Int(0, count - 1);
    *bad = true;
    return Chance(50) ? -1 : count;
  }

  // Mostly a curve that has points (new curves have none), else as Pick.
  CurveId CurveWithPoints(const Board& board, bool* bad) {
    std::vector<const EmotionCurve*> withPoints;
    for (const EmotionCurve& curve : board.curves)
      if (!curve.points.empty()) withPoints.push_back(&curve);
    if (!withPoints.empty() && Chance(80)) return withPoints[Index(withPoints)]->id;
    return Pick<CurveId>(board.curves, bad);
  }

  // A persona, or none (`nonePercent` of the time, or when Pick gives the empty id: both fine).
  PersonaId MaybePersona(const Board& board, int nonePercent, bool* mustBeEmpty) {
    if (Chance(nonePercent)) return PersonaId();
    bool bad = false;
    const PersonaId id = Pick<PersonaId>(board.personas, &bad);
    if (bad && id) *mustBeEmpty = true;
    return id;
  }

  static size_t PointCount(const Board& board) {
    size_t count = 0;
    for (const EmotionCurve& curve : board.curves) count += curve.points.size();
    return count;
  }

  std::vector<NoteId> Notes(const Board& board, bool* mustBeEmpty) {
    std::vector<NoteId> ids;
    bool anyGood = false;
    const int count = Int(Chance(3) ? 0 : 1, 3);
    for (int i = 0; i < count; ++i) {
      bool bad = false;
      ids.push_back(Pick<NoteId>(board.notes, &bad));
      anyGood = anyGood || !bad;
    }
    if (!anyGood) *mustBeEmpty = true;
    return ids;
  }

  NoteTarget Target(const Board& board, bool* mustBeEmpty) {
    NoteTarget target;
    const int kind = Int(0, 99);
    bool bad = false;
    if (kind < 65) {
      target.stage = Pick<StageId>(board.stages, &bad);
      target.lane = Pick<LaneId>(board.lanes, &bad);
      if (!board.notes.empty() && Chance(50)) target.before = board.notes[Index(board.notes)].id;
    } else if (kind < 95) {
      target.freePos = {Float(-2000, 4000), Float(-500, 3000)};
    } else {
      target.stage = Pick<StageId>(board.stages, &bad);  // half a cell: refused
    }
    // Both ids empty is a free target, however they were picked.
    const bool usable =
        target.IsCell() ? board.FindStage(target.stage) && board.FindLane(target.lane) : !target.stage && !target.lane;
    if (!usable && mustBeEmpty) *mustBeEmpty = true;
    return target;
  }

  std::vector<Vec2> Offsets(size_t count) {
    std::vector<Vec2> offsets;
    if (Chance(50)) return offsets;
    for (size_t i = 0; i < count; ++i) offsets.push_back({Float(-100, 100), Float(-100, 100)});
    return offsets;
  }

  Note RandomNote() {
    Note note;
    note.text = Chance(50) ? "Idea" : "Идея " + std::to_string(Int(0, 99));
    note.color = Chance(70) ? 0 : 0xffcc00;
    note.votes = Int(0, 3);
    note.size = NoteSize(Int(0, 2));
    note.pos = {Float(0, 500), Float(0, 500)};
    if (Chance(30)) note.tags = {"tag"};
    return note;
  }

 private:
  std::mt19937 m_rng;
  uint64_t m_otherType, m_stageId;
  bool m_ignored = false;   // where a wrong id is fine (gestures, stale copies)
  int m_gesturePoint = -1;  // the curve point a gesture drags
  std::vector<NoteId> m_gestureIds;
  StageId m_gestureStage;
};

}  // namespace jb::test
