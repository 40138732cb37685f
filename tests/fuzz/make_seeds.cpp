// Writes the seed corpora that need the program's own writers: change journals written by
// JournalWriter from real edits of the board fuzz_journal replays onto (check_journal.h), and
// recovery copies written by WriteRecovery. Run by hand when the journal or copy format changes:
//   cmake --build build --target fuzz_make_seeds && build/tests/fuzz_make_seeds tests/fuzz/corpus
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "core/edit/commands.h"
#include "core/edit/journey_commands.h"
#include "core/io/templates.h"
#include "core/session/journal.h"
#include "core/edit/sketch_commands.h"
#include "core/session/recovery.h"
#include "check_journal.h"

namespace fs = std::filesystem;
using namespace jb;

namespace {

using Edit = std::function<BoardDiff(const Board&)>;

// Applies each edit to the target's snapshot and journals it; `undoLast` also journals its revert.
void WriteJournal(const fs::path& file, const std::vector<Edit>& edits, bool undoLast = false) {
  Board board = fuzz::journal::Snapshot();
  std::string error;
  std::optional<JournalWriter> writer = JournalWriter::Create(file.string(), SnapshotId(board), &error);
  if (!writer) {
    std::fprintf(stderr, "%s\n", error.c_str());
    std::exit(1);
  }
  BoardDiff last;
  for (const Edit& edit : edits) {
    last = edit(board);
    ApplyDiff(board, last);
    writer->Append(JournalKind::Apply, last, &error);
  }
  if (undoLast) {
    RevertDiff(board, last);
    writer->Append(JournalKind::Revert, last, &error);
  }
}

std::string Read(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}
void Write(const fs::path& file, const std::string& bytes) { std::ofstream(file, std::ios::binary) << bytes; }

NoteTarget Cell(const Board& b, size_t stage, size_t lane) {
  NoteTarget target;
  target.stage = b.stages.at(stage).id;
  target.lane = b.lanes.at(lane).id;
  return target;
}
Note Text(const std::string& text) {
  Note note;
  note.text = text;
  return note;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: fuzz_make_seeds CORPUS_DIR\n");
    return 2;
  }
  const fs::path journals = fs::path(argv[1]) / "journal", copies = fs::path(argv[1]) / "recovery";
  fs::create_directories(journals);
  fs::create_directories(copies);

  const std::vector<Edit> notes = {
      [](const Board& b) { return AddNote(b, Text("Finds the shop in a search"), Cell(b, 0, 0)); },
      [](const Board& b) { return AddNote(b, Text("Звонок в колл-центр"), Cell(b, 1, 1)); },
      [](const Board& b) { return AddNote(b, Text("Delivery late 😞"), Cell(b, 2, 1)); },
  };
  const std::vector<Edit> mixed = {
      [](const Board& b) { return AddNote(b, Text("new"), Cell(b, 0, 1)); },
      [](const Board& b) { return SetNoteText(b, b.notes.back().id, "new, edited\nover two lines"); },
      [](const Board& b) { return MoveNotes(b, {b.notes.front().id}, Cell(b, 2, 0)); },
      [](const Board& b) {
        NoteTarget free;
        free.freePos = {-300, 900};
        return MoveNotes(b, {b.notes.back().id}, free);
      },
      [](const Board& b) { return NudgeNotes(b, {b.notes.back().id}, {12, -4}); },
      [](const Board& b) { return RenameStage(b, b.stages.front().id, "Поиск"); },
      [](const Board& b) { return AddStage(b, "Returns", 1); },
      [](const Board& b) { return ResizeStage(b, b.stages.back().id, 520); },
      [](const Board& b) { return AddLane(b, "Systems", LaneKind::Custom); },
      [](const Board& b) { return SetLaneKind(b, b.lanes.back().id, LaneKind::Pains); },
      [](const Board& b) { return SetNotesTags(b, {b.notes.front().id}, {"urgent", "q3"}); },
      [](const Board& b) { return DeleteNotes(b, {b.notes.back().id}); },
      [](const Board& b) { return MoveStage(b, b.stages.front().id, 3); },
      [](const Board& b) { return DeleteLane(b, b.lanes.at(1).id); },
  };
  const std::vector<Edit> journey = {
      [](const Board& b) {
        Persona persona;
        persona.name = "Anna, 34";
        persona.quote = "I just want it to work.";
        return AddPersona(b, persona);
      },
      [](const Board& b) { return AddCurve(b, b.personas.back().id, "Anna today", 0xd83b3b, false); },
      [](const Board& b) {
        CurvePoint point;
        point.stage = b.stages.at(1).id;
        point.value = -0.5f;
        point.label = "waits";
        return AddCurvePoint(b, b.curves.back().id, point);
      },
      [](const Board& b) { return MoveCurvePoint(b, b.curves.back().id, 0, b.stages.at(2).id, 0.25f, 0.75f); },
      [](const Board& b) { return SetCurvePointLabel(b, b.curves.back().id, 0, "relieved"); },
      [](const Board& b) { return SetCurveToBe(b, b.curves.back().id, true); },
      [](const Board& b) { return DeletePersona(b, b.personas.front().id); },
  };
  // Journal format 2: hidden stages and lanes, covered notes (added in cover mode, then revealed).
  const std::vector<Edit> workshop = {
      [](const Board& b) { return SetStageHidden(b, b.stages.at(1).id, true); },
      [](const Board& b) { return SetLaneHidden(b, b.lanes.at(0).id, true); },
      [](const Board& b) { return CoverAddedNotes(AddNote(b, Text("face down"), Cell(b, 2, 1))); },
      [](const Board& b) { return CoverAddedNotes(PasteNotes(b, {Text("one"), Text("two")}, Cell(b, 0, 1))); },
      [](const Board& b) { return ShowAllHidden(b); },
      [](const Board& b) { return RevealCovered(b); },
  };
  // Journal format 4: sketches, and deleting a note that takes its arrow along.
  const std::vector<Edit> sketches = {
      [](const Board& b) { return AddNote(b, Text("Card required"), Cell(b, 0, 0)); },
      [](const Board& b) { return AddNote(b, Text("Card-free trial"), Cell(b, 1, 1)); },
      [](const Board& b) {
        Stroke stroke;
        stroke.stage = b.stages.at(0).id;
        stroke.lane = b.lanes.at(0).id;
        stroke.points = {{10, 10}, {200, 20}, {190, 120}, {12, 100}};
        return AddStroke(b, stroke);
      },
      [](const Board& b) {
        Stroke stroke;
        stroke.points = {{-300, -40}, {-100, -60.5f}};
        stroke.highlighter = true;
        stroke.width = 24;
        return AddStroke(b, stroke);
      },
      [](const Board& b) {
        Arrow arrow;
        arrow.from.note = b.notes.at(0).id;
        arrow.to.note = b.notes.at(1).id;
        arrow.label = "fixes";
        return AddArrow(b, arrow);
      },
      [](const Board& b) { return AddFrame(b, {FrameId(), {-400, -200, -50, 0}, "Parking lot", 0}); },
      [](const Board& b) { return AddLabel(b, {LabelId(), {-400, -300}, "Где теряем людей?", 64, 0}); },
      [](const Board& b) {
        SketchSelection picked;
        picked.frames = {b.frames.back().id};
        return MoveSketch(b, picked, {20, 30});
      },
      [](const Board& b) { return SetArrowStyle(b, b.arrows.back().id, true, ArrowHeads::Both, "answers"); },
      [](const Board& b) { return DeleteNotes(b, {b.notes.at(0).id}); },
      [](const Board& b) { return EraseStrokes(b, {b.strokes.front().id, b.strokes.back().id}); },
  };
  std::vector<Edit> longer;
  for (int round = 0; round < 4; ++round) longer.insert(longer.end(), mixed.begin(), mixed.end() - 2);

  WriteJournal(journals / "empty.jbj", {});
  WriteJournal(journals / "notes.jbj", notes);
  WriteJournal(journals / "mixed-undo.jbj", mixed, /*undoLast=*/true);
  WriteJournal(journals / "journey.jbj", journey, /*undoLast=*/true);
  WriteJournal(journals / "long.jbj", longer);
  WriteJournal(journals / "hide-cover.jbj", workshop, /*undoLast=*/true);
  WriteJournal(journals / "sketches.jbj", sketches, /*undoLast=*/true);
  const std::string mixedBytes = Read(journals / "mixed-undo.jbj");
  Write(journals / "torn.jbj", mixedBytes.substr(0, mixedBytes.size() - 7));  // a kill mid-write
  std::string flipped = mixedBytes;
  flipped[kJournalHeaderBytes + 40] ^= 0x10;  // a bad record near the start
  Write(journals / "flipped-early.jbj", flipped);
  std::string foreign = Read(journals / "notes.jbj");
  foreign.replace(0, kJournalHeaderBytes, EncodeJournalHeader(12345));  // another board's journal
  Write(journals / "other-snapshot.jbj", foreign);

  // Recovery copies: written for the untitled board, as the fuzz target reads them.
  const fs::path state = fs::temp_directory_path() / "jb-make-seeds";
  setenv("XDG_STATE_HOME", state.c_str(), 1);
  for (const TemplateInfo& info : Templates()) {
    std::string error;
    if (!WriteRecovery(MakeBoard(info.id), "", &error)) {
      std::fprintf(stderr, "%s\n", error.c_str());
      return 1;
    }
    fs::copy_file(fs::path(RecoveryDir()) / (RecoveryKey("") + ".cjm"), copies / (std::string(info.key) + ".cjm"),
                  fs::copy_options::overwrite_existing);
  }
  if (!WriteRecovery(MakeBoard(Template::Blank), "/home/anna/boards/shop.cjm", nullptr)) return 1;
  fs::copy_file(fs::path(RecoveryDir()) / (RecoveryKey("/home/anna/boards/shop.cjm") + ".cjm"),
                copies / "of-another-board.cjm", fs::copy_options::overwrite_existing);
  fs::remove_all(state);
  std::printf("seeds written to %s and %s\n", journals.c_str(), copies.c_str());
  return 0;
}
