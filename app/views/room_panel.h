// Bring the room in (issue 21): File ▸ Invite participants opens the room (app/platform/room_server.h)
// and this panel, which shows the join address large, its QR code (libqrencode, drawn as squares),
// the join code, the facilitator's prompt, how many phones are connected and notes wait, and Stop.
// The Inbox panel lists the waiting notes newest first with their sender: Accept puts one into its
// cell, Accept all all of them, Reject drops one (core/room/inbox.h: nothing waiting is saved).
#pragma once
#include <functional>
#include <string>

#include "app/platform/room_server.h"
#include "app/platform/fonts.h"
#include "core/edit/document.h"
#include "core/room/inbox.h"

namespace jb {

class RoomPanel {
 public:
  RoomServer server;
  Inbox inbox;
  std::string prompt;        // the facilitator's question to the room, shown on every phone
  bool stageChoice = false;  // phones may choose the stage
  bool showInvite = false, showInbox = false;
  // Silent brainstorming: notes from phones skip the inbox and land face down in their cells, to be
  // revealed together (the Inbox panel's "Straight onto the board, face down").
  bool straightOnBoard = false;
  // One sentence for the status line (the room closed, notes accepted).
  std::function<void(const std::string&)> notice;
  // The network the room is open on (Settings::roomNetwork); choosing another in the Invite panel
  // calls `chooseNetwork`, which keeps the choice and opens the room there.
  std::string network;
  std::function<void(const std::string&)> chooseNetwork;
  // The Invite panel's "Voting round..." button: the App opens the round's panel.
  std::function<void()> openRound;

  // Opens the room and both panels; false with one sentence in `error`. `note` as ChooseRoomAddress's.
  bool Open(const RoomOptions& options, const Board& board, std::string* error, std::string* note = nullptr);
  void Close();
  // Once a frame, before the panels: tells the server what phones may choose when the board or
  // the prompt changed, and takes the notes that came in. True when notes arrived.
  bool Poll(const Document& document);
  // Once a frame after Poll: with straightOnBoard, puts what waits onto the board face down, as one
  // undo step; never in the middle of a gesture (Apply would end the facilitator's drag).
  void PlaceStraight(Document& document);
  // The Invite panel; `scale` the UI scale.
  void ShowInvite(float scale, const Fonts& fonts);
  // The Inbox panel. `covered`: accepted notes go face down (cover mode).
  void ShowInbox(Document& document, bool covered, float scale);

 private:
  void ShowNetworkChoice();  // room_network.cpp
  void Accept(Document& document, const std::vector<IncomingNote>& notes, bool covered);
  RoomState StateOf(const Board& board) const;

  uint64_t m_sentChange = ~0ull;  // the document's ChangeCount the server's state was made at
  std::string m_sentPrompt;
  bool m_sentStageChoice = false;
  StageId m_fallbackStage;  // for notes whose phone chose no stage
  std::string m_qrFor;      // the address m_qr encodes
  std::vector<unsigned char> m_qr;  // its modules, row by row (1: dark)
  int m_qrWidth = 0;
  float m_besideQr = 0;  // the Invite panel's height less its code's, as last drawn: the code takes what is left
};

}  // namespace jb
