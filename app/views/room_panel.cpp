#include "app/views/room_panel.h"

#include <imgui.h>
#include <imgui_stdlib.h>
#include <qrencode.h>

#include <algorithm>
#include <cmath>

#include "app/platform/i18n.h"
#include "app/views/layout_dump.h"
#include "app/views/panels.h"

namespace jb {

namespace {
// Each phone's note keeps its own lane and, when chosen, stage; this names them for the list.
std::string CellName(const Board& board, const IncomingNote& note, StageId fallback) {
  const Lane* lane = board.FindLane(note.lane);
  const Stage* stage = board.FindStage(note.stage) ? board.FindStage(note.stage) : board.FindStage(fallback);
  return std::string(lane ? lane->name : _("(lane deleted)")) + " · " + (stage ? stage->name : "?");
}
}  // namespace

RoomState RoomPanel::StateOf(const Board& board) const {
  RoomState state;
  state.title = board.meta.title;
  for (const Lane& lane : board.lanes) state.lanes.push_back({lane.id.value, lane.name});
  for (const Stage& stage : board.stages) state.stages.push_back({stage.id.value, stage.name});
  state.stageChoice = stageChoice;
  state.prompt = prompt;
  return state;
}

bool RoomPanel::Open(const RoomOptions& options, const Board& board, std::string* error, std::string* note) {
  if (!server.Start(options, error, note)) return false;
  server.SetState(StateOf(board));
  m_sentChange = ~0ull;  // the next Poll sends it again with the document's count
  showInvite = showInbox = true;
  return true;
}

void RoomPanel::Close() {
  server.Stop();
  showInvite = false;  // the inbox stays: what came in can still be accepted
}

bool RoomPanel::Poll(const Document& document) {
  if (!server.Running()) return false;
  if (document.ChangeCount() != m_sentChange || prompt != m_sentPrompt || stageChoice != m_sentStageChoice) {
    server.SetState(StateOf(document.board()));
    m_sentChange = document.ChangeCount();
    m_sentPrompt = prompt;
    m_sentStageChoice = stageChoice;
  }
  std::vector<IncomingNote> arrived = server.TakeNotes();
  if (arrived.empty()) return false;
  inbox.Add(std::move(arrived));
  return true;
}

void RoomPanel::ShowInvite(float scale, const Fonts& fonts) {
  if (!showInvite) return;
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos({viewport->WorkPos.x + 60 * scale, viewport->WorkPos.y + 40 * scale}, ImGuiCond_FirstUseEver);
  // As tall as what it holds, within the screen: the code shrinks on a short screen so that the
  // buttons at the bottom stay in view.
  const float width = 520 * scale, tallest = viewport->WorkSize.y - 60 * scale;
  ImGui::SetNextWindowSizeConstraints({width, 0}, {width, tallest});
  if (!ImGui::Begin(_("Invite participants"), &showInvite, ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::End();
    return;
  }
  RecordWindow("panel.invite");
  if (!server.Running()) {
    ImGui::TextWrapped("%s", _("The room is closed. File ▸ Invite participants opens it again."));
    ImGui::End();
    return;
  }
  PushTouchFrames();  // run from the board's screen by touch
  const float top = ImGui::GetCursorPosY();
  float qrSide = 0;
  const std::string url = server.JoinUrl();
  ImGui::TextWrapped("%s", _("Open the camera on your phone and point it at the code, or type the address:"));
  // The address large enough to read from the back of the room.
  ImGui::PushFont(fonts.ForPixelSize(ImGui::GetFontSize() * 1.8f, true));
  ImGui::TextWrapped("%s", url.c_str());
  ImGui::PopFont();
  RecordWidget("invite.address");

  if (m_qrFor != url) {
    m_qrFor = url;
    m_qr.clear();
    m_qrWidth = 0;
    if (QRcode* code = QRcode_encodeString(url.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1)) {
      m_qrWidth = code->width;
      m_qr.resize(size_t(code->width) * size_t(code->width));
      for (size_t i = 0; i < m_qr.size(); ++i) m_qr[i] = code->data[i] & 1;  // bit 0: a dark module
      QRcode_free(code);
    }
  }
  if (m_qrWidth > 0) {
    // Black squares on white with a quiet zone of 4 modules, as wide as the panel allows.
    const int modules = m_qrWidth + 8;
    const float room = tallest - 2 * ImGui::GetStyle().WindowPadding.y - ImGui::GetFrameHeight() -
                       (m_besideQr > 0 ? m_besideQr : 480 * scale);
    const float side = std::max(160 * scale, std::min({ImGui::GetContentRegionAvail().x, 420 * scale, room}));
    const float cell = std::max(1.0f, std::floor(side / float(modules)));
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList& dl = *ImGui::GetWindowDrawList();
    const float total = cell * float(modules);
    dl.AddRectFilled(origin, {origin.x + total, origin.y + total}, IM_COL32_WHITE);
    for (int y = 0; y < m_qrWidth; ++y)
      for (int x = 0; x < m_qrWidth; ++x)
        if (m_qr[size_t(y) * size_t(m_qrWidth) + size_t(x)]) {
          const ImVec2 a{origin.x + cell * float(x + 4), origin.y + cell * float(y + 4)};
          dl.AddRectFilled(a, {a.x + cell, a.y + cell}, IM_COL32_BLACK);
        }
    ImGui::Dummy({total, total});
    RecordWidget("invite.qr");
    qrSide = total;
  }
  ImGui::Text(_("Join code: %s"), server.Code().c_str());
  RecordWidget("invite.code");
  ImGui::Text(_("Phones connected: %zu   Notes waiting: %zu"), server.PhonesConnected(), inbox.Waiting().size());
  RecordWidget("invite.counts");
  ShowNetworkChoice();
  // A running round's count shows here too, so closing its panel does not hide it (never where the dots are).
  const int dotsCast = server.WithRound([](const VoteRound& round) { return round.Open() ? round.DotsCast() : -1; });
  if (dotsCast >= 0) {
    ImGui::Text(TrPlural("Voting round open: %d dot cast", "Voting round open: %d dots cast", dotsCast), dotsCast);
    RecordWidget("invite.round_count");
  }
  ImGui::Separator();
  ImGui::TextUnformatted(_("Question for the room (shown on every phone):"));
  ImGui::SetNextItemWidth(-1);
  ImGui::InputTextWithHint("##prompt", _("What annoyed you at Decision?"), &prompt);
  RecordWidget("invite.prompt");
  ImGui::Checkbox(_("Phones choose the stage too"), &stageChoice);
  RecordWidget("invite.stage_choice");
  if (TouchButton(_("Inbox"), "invite.inbox")) showInbox = true;
  ImGui::SameLine();
  if (TouchButton(_("Voting round..."), "invite.round") && openRound) openRound();
  ImGui::SameLine();
  if (TouchButton(_("Stop"), "invite.stop")) {
    Close();
    if (notice) notice(_("The room is closed: phones can no longer send notes."));
  }
  ImGui::PopStyleVar();
  m_besideQr = ImGui::GetCursorPosY() - top - qrSide;
  ImGui::End();
}

void RoomPanel::Accept(Document& document, const std::vector<IncomingNote>& notes, bool covered) {
  std::vector<uint64_t> placed;
  const BoardDiff diff = AcceptIncomingNotes(document.board(), notes, m_fallbackStage, covered, &placed);
  if (!document.Apply(diff, N_("Accept notes from phones"))) {
    if (notice) notice(_("No note could be placed: its lane is no longer on the board."));
    return;
  }
  for (uint64_t seq : placed) inbox.Remove(seq);
  if (notice) notice(Format(TrPlural("%zu note accepted.", "%zu notes accepted.", placed.size()), placed.size()));
}

void RoomPanel::PlaceStraight(Document& document) {
  const std::vector<IncomingNote>& waiting = inbox.Waiting();
  if (!straightOnBoard || waiting.empty() || document.InGesture()) return;
  Accept(document, std::vector<IncomingNote>(waiting.rbegin(), waiting.rend()), /*covered=*/true);
}

void RoomPanel::ShowInbox(Document& document, bool covered, float scale) {
  if (!showInbox) return;
  const Board& board = document.board();
  if (!board.FindStage(m_fallbackStage)) m_fallbackStage = board.stages.empty() ? StageId() : board.stages.front().id;
  // Beside the Invite panel, at the right: both fit a 1280-pixel window side by side.
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos({viewport->WorkPos.x + viewport->WorkSize.x - 480 * scale, viewport->WorkPos.y + 40 * scale},
                          ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize({460 * scale, std::min(560 * scale, viewport->WorkSize.y - 60 * scale)}, ImGuiCond_FirstUseEver);
  if (!ImGui::Begin(_("Inbox"), &showInbox)) {
    ImGui::End();
    return;
  }
  RecordWindow("panel.inbox");
  PushTouchFrames();  // accepted and rejected by touch at the board's screen
  const std::vector<IncomingNote>& waiting = inbox.Waiting();
  ImGui::Text(TrPlural("%zu note waiting", "%zu notes waiting", waiting.size()), waiting.size());
  // Where notes go whose phone chose no stage.
  const Stage* fallback = board.FindStage(m_fallbackStage);
  if (ImGui::BeginCombo(_("Stage for the rest"), fallback ? fallback->name.c_str() : "")) {
    for (const Stage& stage : board.stages) {
      ImGui::PushID(int(stage.id.value));
      if (ImGui::Selectable(stage.name.c_str(), stage.id == m_fallbackStage)) m_fallbackStage = stage.id;
      ImGui::PopID();
    }
    ImGui::EndCombo();
  }
  RecordWidget("inbox.stage");
  ImGui::BeginDisabled(waiting.empty());
  if (TouchButton(_("Accept all"), "inbox.accept_all")) {
    // Oldest first, so each cell reads in the order the room wrote.
    Accept(document, std::vector<IncomingNote>(waiting.rbegin(), waiting.rend()), covered);
  }
  ImGui::EndDisabled();
  ImGui::Checkbox(_("Straight onto the board, face down"), &straightOnBoard);
  RecordWidget("inbox.straight_on");
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("%s", _("Silent brainstorming: notes from phones go into their cells face down, to be revealed together."));
  ImGui::Separator();
  ImGui::BeginChild("##waiting");
  uint64_t accept = 0, reject = 0;
  for (const IncomingNote& note : waiting) {
    ImGui::PushID(int(note.seq));
    ImGui::TextDisabled("%s — %s", note.name.empty() ? _("(no name)") : note.name.c_str(),
                        CellName(board, note, m_fallbackStage).c_str());
    ImGui::TextWrapped("%s", note.text.c_str());
    if (ImGui::Button(_("Accept"), {0, TouchHeight()})) accept = note.seq;
    if (LayoutRecording()) RecordWidget(("inbox.accept." + std::to_string(note.seq)).c_str());
    ImGui::SameLine();
    if (ImGui::Button(_("Reject"), {0, TouchHeight()})) reject = note.seq;
    if (LayoutRecording()) RecordWidget(("inbox.reject." + std::to_string(note.seq)).c_str());
    ImGui::Separator();
    ImGui::PopID();
  }
  ImGui::EndChild();
  ImGui::PopStyleVar();
  ImGui::End();
  if (accept) Accept(document, {*inbox.Find(accept)}, covered);
  if (reject) inbox.Remove(reject);
}

}  // namespace jb
