#include "app/views/round_panel.h"

#include <imgui.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <cfloat>

#include "app/platform/i18n.h"
#include "app/views/layout_dump.h"
#include "app/views/panels.h"

namespace jb {

namespace {

// Time limits offered, in minutes (0: none); the timer shows the time left large on the canvas.
constexpr int kRoundMinutes[] = {0, 1, 2, 3, 5, 10};

std::string MinutesLabel(int minutes) {
  return minutes == 0 ? std::string(_("No time limit")) : Format(TrPlural("%d minute", "%d minutes", minutes), minutes);
}

// A choice among the board's lanes or stages, each item recorded for the GUI tests.
template <typename Record, typename IdType>
void ChooseOne(const char* label, const char* widget, const std::vector<Record>& records, IdType* chosen) {
  const auto found =
      std::find_if(records.begin(), records.end(), [chosen](const Record& r) { return r.id == *chosen; });
  if (ImGui::BeginCombo(label, found != records.end() ? found->name.c_str() : "")) {
    for (size_t i = 0; i < records.size(); ++i) {
      ImGui::PushID(int(i));
      if (ImGui::Selectable(records[i].name.c_str(), records[i].id == *chosen)) *chosen = records[i].id;
      if (LayoutRecording()) RecordWidget((std::string(widget) + "." + std::to_string(i)).c_str());
      ImGui::PopID();
    }
    ImGui::EndCombo();
  }
  RecordWidget(widget);
}

}  // namespace

bool RoundPanel::Start(Document& document, RoomServer& server, const std::vector<NoteId>& selection,
                       Countdown& countdown, double now) {
  const Board& board = document.board();
  std::vector<RoundCandidate> candidates = RoundCandidates(board, m_scope, m_lane, m_stage, selection);
  if (candidates.empty()) {
    if (notice)
      notice(m_scope == RoundScope::Selection
                 ? _("Select the notes to vote on first (face-down notes cannot be voted on).")
                 : _("There are no notes to vote on there."));
    return false;
  }
  const size_t count = candidates.size();
  const uint64_t number = ++m_lastNumber;
  server.WithRound([&](VoteRound& round) { round = VoteRound(number, m_options, std::move(candidates)); });
  m_results.clear();
  m_timed = m_minutes > 0;
  if (m_timed) {
    countdown.Set(m_minutes * 60.0);
    countdown.Start(now);
  }
  if (notice)
    notice(Format(TrPlural("Voting round started: %zu note, %d dots each.",
                           "Voting round started: %zu notes, %d dots each.", count),
                  count, std::clamp(m_options.dots, kMinRoundDots, kMaxRoundDots)));
  return true;
}

void RoundPanel::End(Document& document, RoomServer& server) {
  BoardDiff diff;
  const bool ended = server.WithRound([&](VoteRound& round) {
    if (!round.Open()) return false;
    round.End();
    m_results = round.Results();
    diff = ApplyRoundVotes(document.board(), round);
    return true;
  });
  if (!ended) return;
  m_timed = false;
  show = true;  // the ranked list
  document.Apply(std::move(diff), N_("Voting round results"));
  int dots = 0;
  for (const RoundResult& result : m_results) dots += result.dots;
  if (notice) notice(Format(TrPlural("Voting round ended: %d dot.", "Voting round ended: %d dots.", dots), dots));
}

void RoundPanel::Tick(Document& document, RoomServer& server, const Countdown& countdown, double now) {
  if (m_timed && countdown.StateAt(now) == Countdown::State::Finished) End(document, server);
}

bool RoundPanel::RoomDot(RoomServer& server, NoteId note, bool takeBack) {
  const VoteRound::Cast cast = server.WithRound([&](VoteRound& round) {
    return takeBack ? round.TakeBack(std::string(kRoomVoter), note) : round.Vote(std::string(kRoomVoter), note);
  });
  if (cast == VoteRound::Cast::Taken) return true;
  if (notice)
    notice(cast == VoteRound::Cast::NotCandidate ? _("That note is not in this voting round.")
                                                 : _("The room has no dot on that note to take back."));
  return false;
}

void RoundPanel::Show(Document& document, RoomServer& server, const std::vector<NoteId>& selection,
                      Countdown& countdown, double now, float scale, const Fonts& fonts) {
  if (!show) return;
  const Board& board = document.board();
  if (!board.FindLane(m_lane)) m_lane = board.lanes.empty() ? LaneId() : board.lanes.front().id;
  if (!board.FindStage(m_stage)) m_stage = board.stages.empty() ? StageId() : board.stages.front().id;
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos({viewport->WorkPos.x + 80 * scale, viewport->WorkPos.y + 60 * scale}, ImGuiCond_FirstUseEver);
  // As tall as what it holds (never past the screen), so it covers no more of the board than that.
  const float width = 440 * scale;
  ImGui::SetNextWindowSizeConstraints({width, 0}, {width, viewport->WorkSize.y - 80 * scale});
  if (!ImGui::Begin(_("Voting round"), &show, ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::End();
    return;
  }
  RecordWindow("panel.round");
  // Run from the board's screen by touch: every button, box and list a finger's height.
  PushTouchFrames();
  auto finish = [] {  // the padding popped before the window ends, as ImGui checks
    ImGui::PopStyleVar();
    ImGui::End();
  };
  struct Running {
    bool open;
    size_t notes, voters;
    int dots, cast;
  };
  const Running running = server.WithRound([](const VoteRound& round) {
    return Running{round.Open(), round.Candidates().size(), round.Voters(), round.Options().dots, round.DotsCast()};
  });
  if (running.open) {
    ImGui::TextWrapped(TrPlural("A round is open on %zu note, %d dots a person.",
                                "A round is open on %zu notes, %d dots a person.", running.notes),
                       running.notes, running.dots);
    // Only how many dots, never where: the room does not see a running count to follow.
    // Large enough to read from the back of the room.
    ImGui::PushFont(fonts.ForPixelSize(ImGui::GetFontSize() * 1.8f, true));
    ImGui::Text(TrPlural("%d dot cast", "%d dots cast", running.cast), running.cast);
    ImGui::PopFont();
    RecordWidget("round.cast");
    ImGui::Text(TrPlural("by %zu voter", "by %zu voters", running.voters), running.voters);
    if (m_timed) ImGui::TextUnformatted(_("The round ends when the timer does."));
    ImGui::TextWrapped("%s", _("Phones show the notes and their own dots; the Vote tool (V) casts the room's dots. "
                               "The result shows when the round ends."));
    if (TouchButton(_("End round"), "round.end", -FLT_MIN)) End(document, server);
    finish();
    return;
  }

  ImGui::TextUnformatted(_("Vote on:"));
  if (ImGui::RadioButton(_("A lane"), m_scope == RoundScope::Lane)) m_scope = RoundScope::Lane;
  RecordWidget("round.scope.lane");
  ImGui::SameLine();
  if (ImGui::RadioButton(_("A stage"), m_scope == RoundScope::Stage)) m_scope = RoundScope::Stage;
  RecordWidget("round.scope.stage");
  ImGui::SameLine();
  if (ImGui::RadioButton(_("The selection"), m_scope == RoundScope::Selection)) m_scope = RoundScope::Selection;
  RecordWidget("round.scope.selection");
  if (m_scope == RoundScope::Lane) ChooseOne(_("Lane"), "round.lane", board.lanes, &m_lane);
  if (m_scope == RoundScope::Stage) ChooseOne(_("Stage"), "round.stage", board.stages, &m_stage);
  if (m_scope == RoundScope::Selection)
    ImGui::Text(TrPlural("%zu note selected", "%zu notes selected", selection.size()), selection.size());

  // Dots per person: large − and + buttons, easier to hit on a touch screen than a slider.
  ImGui::AlignTextToFramePadding();  // level with the buttons beside it
  ImGui::Text(_("Dots per person: %d"), m_options.dots);
  RecordWidget("round.dots");
  ImGui::SameLine();
  if (TouchButton("-", "round.dots_less", TouchHeight())) m_options.dots = std::max(kMinRoundDots, m_options.dots - 1);
  ImGui::SameLine();
  if (TouchButton("+", "round.dots_more", TouchHeight())) m_options.dots = std::min(kMaxRoundDots, m_options.dots + 1);
  ImGui::Checkbox(_("Several dots on one note"), &m_options.severalPerNote);
  RecordWidget("round.several");
  ImGui::Checkbox(_("Named: each dot keeps the voter's name"), &m_options.named);
  RecordWidget("round.named");
  if (ImGui::BeginCombo(_("Time limit"), MinutesLabel(m_minutes).c_str())) {
    for (int minutes : kRoundMinutes) {
      ImGui::PushID(minutes);
      if (ImGui::Selectable(MinutesLabel(minutes).c_str(), minutes == m_minutes)) m_minutes = minutes;
      if (LayoutRecording()) RecordWidget(("round.time." + std::to_string(minutes)).c_str());
      ImGui::PopID();
    }
    ImGui::EndCombo();
  }
  RecordWidget("round.time");
  if (TouchButton(_("Start round"), "round.start", -FLT_MIN)) Start(document, server, selection, countdown, now);

  if (!m_results.empty()) {
    ImGui::Separator();
    ImGui::TextUnformatted(_("Last round, most dots first:"));
    // A list of its own past a dozen lines or so: the panel stays on the screen.
    const float line = ImGui::GetTextLineHeightWithSpacing();
    ImGui::BeginChild("##results", {0, std::min(float(m_results.size()) * line * 2.2f, line * 14)});
    for (size_t i = 0; i < m_results.size(); ++i) {
      const RoundResult& result = m_results[i];
      ImGui::PushID(int(i));
      ImGui::Text("%zu.  %d", i + 1, result.dots);
      ImGui::SameLine();
      ImGui::TextWrapped("%s", result.text.c_str());
      if (!result.names.empty()) {
        std::string names;
        for (const std::string& name : result.names)
          names += (names.empty() ? "" : ", ") + (name.empty() ? _("the room") : name);
        ImGui::TextDisabled("%s", names.c_str());
      }
      ImGui::PopID();
    }
    ImGui::EndChild();
  }
  finish();
}

std::string RoundPanel::DumpJson(const RoomServer& server) const {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  auto string = [&writer](const std::string& value) {
    writer.String(value.c_str(), rapidjson::SizeType(value.size()));
  };
  server.WithRound([&](const VoteRound& round) {
    writer.StartObject();
    writer.Key("state");
    writer.String(round.Open() ? "open" : round.Ended() ? "ended" : "none");
    writer.Key("number");
    writer.Uint64(round.Number());
    writer.Key("dots");
    writer.Int(round.Options().dots);
    writer.Key("severalPerNote");
    writer.Bool(round.Options().severalPerNote);
    writer.Key("named");
    writer.Bool(round.Options().named);
    writer.Key("timed");
    writer.Bool(m_timed);
    writer.Key("candidates");
    writer.StartArray();
    for (const RoundCandidate& candidate : round.Candidates()) {
      writer.StartObject();
      writer.Key("id");
      writer.Uint64(candidate.note.value);
      writer.Key("text");
      string(candidate.text);
      writer.EndObject();
    }
    writer.EndArray();
    writer.Key("dotsCast");
    writer.Int(round.DotsCast());
    writer.Key("voters");
    writer.Uint64(round.Voters());
    if (round.Ended()) {  // never while open: the dump shows what the screen may show
      writer.Key("results");
      writer.StartArray();
      for (const RoundResult& result : round.Results()) {
        writer.StartObject();
        writer.Key("id");
        writer.Uint64(result.note.value);
        writer.Key("text");
        string(result.text);
        writer.Key("dots");
        writer.Int(result.dots);
        writer.Key("names");
        writer.StartArray();
        for (const std::string& name : result.names) string(name);
        writer.EndArray();
        writer.EndObject();
      }
      writer.EndArray();
    }
    writer.EndObject();
  });
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace jb
