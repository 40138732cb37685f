// The canvas, part 2: the note editor (in place, word-wrapped, one undo step from entering to
// leaving), rename fields, context menus, the delete confirmation, selection and clipboard.
#include "app/platform/i18n.h"
#include "app/views/canvas.h"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <utility>

#include "app/platform/fonts.h"
#include "app/render/render.h"
#include "app/views/canvas_internal.h"
#include "app/views/layout_dump.h"
#include "app/views/reached_field.h"
#include "core/edit/journey_commands.h"
#include "core/edit/sketch_commands.h"
#include "core/layout/sketch_hit.h"
#include "core/model/limits.h"
#include "core/model/warnings.h"
#include "core/layout/clipboard_text.h"

namespace jb {

using namespace canvas;

// [SECTION] Note editor

void Canvas::BeginNoteEdit(Document& document, NoteId id) {
  const Note* note = document.board().FindNote(id);
  if (!note) return;
  m_editId = id;
  m_editIsNew = false;
  m_edit.SetText(note->text);
  m_editStartTime = ImGui::GetTime();
  m_selection = {id};
  document.BeginGesture(N_("Edit note"));
  m_editing = Editing::Note;
}

void Canvas::BeginNewNote(Document& document, const NoteTarget& target, Vec2 freePos) {
  m_editTarget = target;
  m_editTarget.freePos = freePos;
  m_editIsNew = true;
  m_editCovered = coverMode;  // fixed for this note, whatever the mode does while it is typed
  m_edit.SetText({});
  m_editStartTime = ImGui::GetTime();
  document.BeginGesture(N_("Add note"));
  NoteId id;
  Note note;
  note.covered = m_editCovered;
  document.UpdateGesture([&](const Board& start) { return AddNote(start, note, m_editTarget, &id); });
  m_editId = id;
  m_selection = {id};
  m_editing = Editing::Note;
  if (tool == Tool::Note) tool = Tool::Pan;  // the Add note tool adds one note, then the hand pans again
}

// Keys to TextEdit calls (core/text_edit.h holds the rules); Shift selects, Ctrl moves by words.
void Canvas::HandleNoteEditor(Document& document, const Fonts& fonts, const std::u32string& typed) {
  ImGuiIO& io = ImGui::GetIO();
  if (!document.board().FindNote(m_editId)) {  // gone (undo from a menu): nothing to edit
    if (document.InGesture()) document.CancelGesture();
    m_editing = Editing::None;
    return;
  }
  // A panel's text field took the keyboard (the note editor is not an ImGui field): the note is
  // done, before the keys meant for the field reach it too.
  if (io.WantTextInput || Pressed(GLFW_KEY_ESCAPE, false) || (io.KeyCtrl && Pressed(GLFW_KEY_ENTER, false))) {
    CommitNoteEdit(document);
    return;
  }
  const bool shift = io.KeyShift, ctrl = io.KeyCtrl;
  TextEdit edit = m_edit;
  for (char32_t c : typed) edit.Type(c);
  if (Pressed(GLFW_KEY_ENTER) || Pressed(GLFW_KEY_KP_ENTER)) edit.Insert("\n");
  if (Pressed(GLFW_KEY_BACKSPACE)) edit.Backspace();
  if (Pressed(GLFW_KEY_DELETE)) edit.Delete();
  if (Pressed(GLFW_KEY_LEFT)) {
    if (ctrl) edit.WordLeft(shift);
    else edit.Left(shift);
  }
  if (Pressed(GLFW_KEY_RIGHT)) {
    if (ctrl) edit.WordRight(shift);
    else edit.Right(shift);
  }
  if (Pressed(GLFW_KEY_HOME)) edit.Home(shift);
  if (Pressed(GLFW_KEY_END)) edit.End(shift);
  const bool up = Pressed(GLFW_KEY_UP), down = Pressed(GLFW_KEY_DOWN);
  const int index = document.board().NoteIndex(m_editId);
  if ((up || down) && index >= 0 && index < int(m_layout.notes.size())) {
    // The lines as the note shows them (at its fitted size and width) after this frame's typing.
    const NoteBox& box = m_layout.notes[index];
    float size = box.text.size > 0 ? box.text.size : kMetrics.noteTextSize;
    WrappedText wrapped = WrapText(fonts, edit.text(), size, box.textBox.Width());
    if (up) edit.Up(wrapped, fonts, shift);
    if (down) edit.Down(wrapped, fonts, shift);
  }
  if (ctrl && Pressed(GLFW_KEY_A, false)) edit.SelectAll();
  if (ctrl && (Pressed(GLFW_KEY_C, false) || Pressed(GLFW_KEY_X, false)) && edit.HasSelection()) {
    ImGui::SetClipboardText(edit.SelectedText().c_str());
    if (Pressed(GLFW_KEY_X, false)) edit.Delete();
  }
  // TextEdit keeps the text to the file format's limit (kMaxTextChars); a paste it cut is said.
  if (ctrl && Pressed(GLFW_KEY_V, false)) {
    const char* clip = ImGui::GetClipboardText();
    if (clip && !edit.Insert(NormalizeNewlines(clip)) && notice) {
      notice(Format(_("The pasted text was cut to a note's limit of %s characters."), Thousands(kMaxTextChars).c_str()));
    }
  }
  const bool changed = edit.text() != m_edit.text();
  m_edit = std::move(edit);
  if (!changed) return;
  m_editStartTime = ImGui::GetTime();  // keep the caret visible while typing
  if (m_editIsNew) {
    Note note;
    note.text = m_edit.text();
    note.covered = m_editCovered;
    document.UpdateGesture([&](const Board& start) { return AddNote(start, note, m_editTarget); });
  } else {
    document.UpdateGesture([&](const Board& start) { return SetNoteText(start, m_editId, m_edit.text()); });
  }
}

void Canvas::CommitNoteEdit(Document& document) {
  bool blank = m_edit.text().find_first_not_of(" \n\t") == std::string::npos;
  if (m_editIsNew && blank) {  // an empty new note is discarded
    document.CancelGesture();
    m_selection.clear();
  } else {
    document.CommitGesture();
  }
  m_editing = Editing::None;
}

// [SECTION] Rename fields, context menus, confirmations

void Canvas::ShowRenameField(Document& document) {
  const Board& board = document.board();
  const bool stage = m_editing == Editing::RenameStage, title = m_editing == Editing::RenameTitle;
  const int count = stage ? int(board.stages.size()) : int(board.lanes.size());
  if (!title && (m_renameIndex < 0 || m_renameIndex >= count)) {
    m_editing = Editing::None;
    return;
  }
  Rect r = m_camera.ToScreen(title   ? m_layout.TitleBox()
                             : stage ? m_layout.StageHeader(m_renameIndex)
                                     : m_layout.LaneLabel(m_renameIndex));
  const float height = ImGui::GetFrameHeight();
  ImGui::SetCursorScreenPos({r.x0 + 4, std::min(r.y0 + 4, r.y1 - height)});
  ImGui::SetNextItemWidth(std::max(r.Width() - 8, ImGui::GetFontSize() * 8));
  if (m_renameFocus) {
    ImGui::SetKeyboardFocusHere();
    m_renameFocus = false;
  }
  bool enter = ImGui::InputText("##rename", &m_renameText, ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll);
  bool escape = Pressed(GLFW_KEY_ESCAPE, false);
  if (enter || (ImGui::IsItemDeactivated() && !escape)) {
    if (title) document.Apply(SetBoardTitle(board, m_renameText), N_("Rename board"));
    else if (stage) document.Apply(RenameStage(board, board.stages[m_renameIndex].id, m_renameText), N_("Rename stage"));
    else document.Apply(RenameLane(board, board.lanes[m_renameIndex].id, m_renameText), N_("Rename lane"));
    m_editing = Editing::None;
  } else if (escape) {
    m_editing = Editing::None;
  }
}

void Canvas::ShowPointLabelField(Document& document) {
  const Board& board = document.board();
  int c = -1;
  for (size_t i = 0; i < board.curves.size(); ++i)
    if (board.curves[i].id == m_point.curve) c = int(i);
  if (c < 0 || m_point.index < 0 || m_point.index >= int(board.curves[c].points.size())) {
    m_editing = Editing::None;
    return;
  }
  Vec2 at;
  for (const CurvePointPos& knot : m_layout.curves[c].knots)
    if (knot.point == m_point.index) at = m_camera.ToScreen(knot.pos);
  const float em = ImGui::GetFontSize();
  ImGui::SetCursorScreenPos({at.x - em * 7, at.y + em * 0.8f});
  ImGui::SetNextItemWidth(em * 14);
  if (m_renameFocus) {
    ImGui::SetKeyboardFocusHere();
    m_renameFocus = false;
  }
  bool enter = ImGui::InputTextWithHint("##label", _("label, e.g. waits 2 days for support"), &m_renameText,
                                        ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll);
  bool escape = Pressed(GLFW_KEY_ESCAPE, false);
  if (enter || (ImGui::IsItemDeactivated() && !escape)) {
    document.Apply(SetCurvePointLabel(board, m_point.curve, m_point.index, m_renameText), N_("Label point"));
    m_editing = Editing::None;
  } else if (escape) {
    m_editing = Editing::None;
  }
}

// [SECTION] Free text labels and frame titles

void Canvas::BeginLabelEdit(Document& document, LabelId id, Vec2 pos) {
  const Board& board = document.board();
  m_labelId = LabelId();
  m_labelPos = pos;
  m_renameText.clear();
  if (id) {
    auto it = std::find_if(board.labels.begin(), board.labels.end(), [id](const TextLabel& l) { return l.id == id; });
    if (it == board.labels.end()) return;
    m_labelId = id;
    m_labelPos = it->pos;
    m_renameText = it->text;
    m_selection.clear();
    m_sketches.Clear();
    m_sketches.labels = {id};
  }
  m_renameFocus = true;
  m_editing = Editing::LabelText;
  if (tool == Tool::Text) tool = Tool::Select;  // one label per tap, then the hand selects again
}

void Canvas::BeginFrameTitle(const Board& board, FrameId id) {
  auto it = std::find_if(board.frames.begin(), board.frames.end(), [id](const Frame& f) { return f.id == id; });
  if (it == board.frames.end()) return;
  m_frameId = id;
  m_renameText = it->title;
  m_renameFocus = true;
  m_editing = Editing::FrameTitle;
  if (tool == Tool::Frame) tool = Tool::Select;  // so the next drag on the frame moves it
}

// Multi-line like the note editor's text, but Enter commits (a label is mostly one line) and
// Shift+Enter starts a new line; Esc leaves the label as it was. Empty text adds nothing, and
// clearing an existing label's text removes the label.
void Canvas::ShowLabelField(Document& document) {
  const Board& board = document.board();
  auto it = std::find_if(board.labels.begin(), board.labels.end(), [this](const TextLabel& l) { return l.id == m_labelId; });
  if (m_labelId && it == board.labels.end()) {  // gone (undo from a menu): nothing to edit
    m_editing = Editing::None;
    return;
  }
  const float em = ImGui::GetFontSize();
  const Vec2 at = m_camera.ToScreen(m_labelPos);
  const int lines = 1 + int(std::count(m_renameText.begin(), m_renameText.end(), '\n'));
  const ImVec2 size{em * 18, ImGui::GetTextLineHeight() * float(std::min(lines, 8)) + ImGui::GetStyle().FramePadding.y * 2 + 2};
  // Where the text starts, kept inside the canvas (a label near its right edge).
  const float right = m_camera.screenOrigin.x + m_size.x - size.x - 4;
  ImGui::SetCursorScreenPos({std::max(m_camera.screenOrigin.x, std::min(at.x, right)), at.y});
  if (m_renameFocus) {
    ImGui::SetKeyboardFocusHere();
    m_renameFocus = false;
  }
  // ImGui's multi-line field makes Ctrl+Enter the new line when Enter commits: Shift+Enter is
  // handed to it as that chord.
  ImGuiIO& io = ImGui::GetIO();
  const bool ctrl = io.KeyCtrl;
  const ImGuiKeyModFlags mods = io.KeyMods;
  if (io.KeyShift && (Pressed(GLFW_KEY_ENTER) || Pressed(GLFW_KEY_KP_ENTER))) {
    io.KeyCtrl = true;
    io.KeyMods |= ImGuiKeyModFlags_Ctrl;  // ImGui checks the two agree
  }
  bool enter = ImGui::InputTextMultiline("##labeltext", &m_renameText, size,
                                         ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CtrlEnterForNewLine);
  io.KeyCtrl = ctrl;
  io.KeyMods = mods;
  RecordWidget("canvas.label_text");
  bool escape = Pressed(GLFW_KEY_ESCAPE, false);
  if (enter || (ImGui::IsItemDeactivated() && !escape)) {
    m_editing = Editing::None;
    const bool blank = m_renameText.find_first_not_of(" \n\t") == std::string::npos;
    if (!m_labelId) {
      if (blank) return;
      TextLabel label;
      label.pos = m_labelPos;
      label.text = m_renameText;
      LabelId id;
      if (document.Apply(AddLabel(board, label, &id), N_("Add label"))) {
        m_selection.clear();
        m_sketches.Clear();
        m_sketches.labels = {id};
      }
    } else if (blank) {
      SketchSelection picked;
      picked.labels = {m_labelId};
      document.Apply(DeleteSketch(board, picked), N_("Delete label"));
    } else {
      document.Apply(EditLabel(board, m_labelId, m_renameText), N_("Edit label"));
    }
  } else if (escape) {
    m_editing = Editing::None;
  }
}

void Canvas::ShowFrameTitleField(Document& document) {
  const Board& board = document.board();
  auto it = std::find_if(board.frames.begin(), board.frames.end(), [this](const Frame& f) { return f.id == m_frameId; });
  if (it == board.frames.end()) {
    m_editing = Editing::None;
    return;
  }
  const Rect r = m_camera.ToScreen(it->rect);
  ImGui::SetCursorScreenPos({r.x0 + 4, r.y0 + 4});
  ImGui::SetNextItemWidth(std::max(r.Width() - 8, ImGui::GetFontSize() * 8));
  if (m_renameFocus) {
    ImGui::SetKeyboardFocusHere();
    m_renameFocus = false;
  }
  bool enter = ImGui::InputTextWithHint("##frametitle", _("Title"), &m_renameText,
                                        ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll);
  RecordWidget("canvas.frame_title");
  bool escape = Pressed(GLFW_KEY_ESCAPE, false);
  if (enter || (ImGui::IsItemDeactivated() && !escape)) {
    document.Apply(RenameFrame(board, m_frameId, m_renameText), N_("Rename frame"));
    m_editing = Editing::None;
  } else if (escape) {
    m_editing = Editing::None;
  }
}

void Canvas::FrameAroundSelection(Document& document) {
  const Board& board = document.board();
  bool any = false;
  Rect box;
  auto add = [&](const Rect& r) {
    if (r.Width() <= 0 && r.Height() <= 0) return;  // not shown (a stroke in a hidden lane)
    box = any ? Rect{std::min(box.x0, r.x0), std::min(box.y0, r.y0), std::max(box.x1, r.x1), std::max(box.y1, r.y1)} : r;
    any = true;
  };
  for (NoteId id : m_selection) {
    const int i = board.NoteIndex(id);
    if (i >= 0 && i < int(m_layout.notes.size()) && board.notes[i].IsFree()) add(m_layout.notes[i].rect);
  }
  if (m_fonts) {
    auto addAll = [&](const auto& ids, const auto& records, SketchKind kind) {
      for (auto id : ids)
        for (size_t i = 0; i < records.size(); ++i)
          if (records[i].id == id) add(SketchBounds(board, m_layout, *m_fonts, kind, int(i)));
    };
    addAll(m_sketches.strokes, board.strokes, SketchKind::Stroke);
    addAll(m_sketches.arrows, board.arrows, SketchKind::Arrow);
    addAll(m_sketches.frames, board.frames, SketchKind::Frame);
    addAll(m_sketches.labels, board.labels, SketchKind::Label);
  }
  if (!any) {
    if (notice) notice(_("Select free notes or sketches outside the grid to put a frame around them."));
    return;
  }
  constexpr float kMargin = 24;  // board units around the contents; the title strip above them
  Frame frame;
  frame.rect = {box.x0 - kMargin, box.y0 - kMargin - kFrameTitleHeight, box.x1 + kMargin, box.y1 + kMargin};
  FrameId id;
  if (!document.Apply(AddFrame(board, frame, &id), N_("Frame around selection"))) return;
  m_sketches.frames.push_back(id);
  BeginFrameTitle(document.board(), id);
}

void Canvas::ShowContextMenus(Document& document) {
  const Board& board = document.board();
  if (m_openMenu) {
    m_openMenu = false;
    switch (m_menuHit.kind) {
      case Hit::Note: ImGui::OpenPopup("note menu"); break;
      case Hit::StageHeader:
      case Hit::StageBorder: ImGui::OpenPopup("stage menu"); break;
      case Hit::LaneLabel:
      case Hit::LaneChevron:
      case Hit::LaneBorder: ImGui::OpenPopup("lane menu"); break;
      case Hit::Cell:
      case Hit::Empty: ImGui::OpenPopup("cell menu"); break;
      case Hit::Arrow: m_arrowMenu.Open(board, m_menuHit.index); break;
      case Hit::Stroke:
      case Hit::Frame:
      case Hit::Label: ImGui::OpenPopup("sketch menu"); break;
      default: break;
    }
  }
  m_arrowMenu.Show(document);
  const float em = ImGui::GetFontSize();
  // The palette's swatches: a pick colours the selected notes and sketches (0: each one's default).
  auto swatches = [&] {
    ImGui::TextDisabled(_("Colour"));
    for (size_t c = 0; c < std::size(kPalette); ++c) {
      ImGui::PushID(int(c));
      Rgb rgb = kPalette[c];
      ImVec4 colour = rgb ? ImVec4(((rgb >> 16) & 255) / 255.f, ((rgb >> 8) & 255) / 255.f, (rgb & 255) / 255.f, 1)
                          : ImVec4(1, 1, 1, 1);
      if (c > 0 && c % 5 != 0) ImGui::SameLine();
      bool picked = ImGui::ColorButton(rgb ? "##colour" : "Lane colour", colour, ImGuiColorEditFlags_NoTooltip, {em * 1.6f, em * 1.6f});
      RecordWidget(("menu.colour." + std::to_string(c)).c_str());
      if (!rgb) {  // no colour of its own: white was invisible on the menu; framed and struck through
        ImDrawList& dl = *ImGui::GetWindowDrawList();
        const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
        const ImU32 ink = ImGui::GetColorU32(ImGuiCol_TextDisabled);
        dl.AddRect(a, b, ink, ImGui::GetStyle().FrameRounding, 0, 1.5f);
        dl.AddLine({a.x + 3, b.y - 3}, {b.x - 3, a.y + 3}, ink, 1.5f);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", _("No colour of its own (a note takes its lane's)"));
      }
      if (picked) {
        const char* label = m_sketches.Empty() ? N_("Colour notes") : m_selection.empty() ? N_("Colour sketches") : N_("Colour selection");
        document.Apply(RecolorSelection(board, m_selection, m_sketches, rgb), label);
        ImGui::CloseCurrentPopup();
      }
      ImGui::PopID();
    }
  };
  if (ImGui::BeginPopup("note menu")) {
    swatches();
    ImGui::Separator();
    ImGui::TextDisabled(_("Size"));
    for (NoteSize size : {NoteSize::Small, NoteSize::Medium, NoteSize::Large}) {
      ImGui::SameLine();
      bool picked = ImGui::SmallButton(NoteSizeName(size));
      RecordWidget((std::string("menu.size.") + NoteSizeName(size)).c_str());
      if (picked) {
        document.Apply(SetNotesSize(board, m_selection, size), N_("Resize notes"));
        ImGui::CloseCurrentPopup();
      }
    }
    ImGui::Separator();
    if (ImGui::MenuItem(_("Edit text"))) {
      ImGui::CloseCurrentPopup();
      if (m_menuHit.index < int(board.notes.size())) BeginNoteEdit(document, board.notes[m_menuHit.index].id);
    }
    if (ImGui::MenuItem(_("Duplicate"), "Ctrl+D")) DuplicateSelection(document);
    if (ImGui::MenuItem(_("Copy"), "Ctrl+C")) CopySelection(document);
    if (ImGui::MenuItem(_("Delete"), "Del")) DeleteSelection(document);
    ImGui::EndPopup();
  }
  if (ImGui::BeginPopup("sketch menu")) {  // a stroke, arrow, frame or label, and what is selected with it
    swatches();
    ImGui::Separator();
    const bool erase = ImGui::MenuItem(_("Delete"), "Del");
    RecordWidget("menu.delete");
    if (erase) DeleteSelection(document);
    ImGui::EndPopup();
  }
  if (ImGui::BeginPopup("stage menu")) {
    int s = m_menuHit.index;
    if (s >= 0 && s < int(board.stages.size())) {
      ImGui::TextDisabled("%s", board.stages[s].name.c_str());
      if (ImGui::MenuItem(_("Rename"))) BeginRename(board, true, s);
      bool before = ImGui::MenuItem(_("Add stage before"));
      RecordWidget("menu.add_stage_before");
      bool after = ImGui::MenuItem(_("Add stage after"));
      RecordWidget("menu.add_stage_after");
      if (before) document.Apply(AddStage(board, "New stage", s), N_("Add stage"));
      if (after) document.Apply(AddStage(board, "New stage", s + 1), N_("Add stage"));
      const bool hidden = board.stages[s].hidden;
      const bool hide = ImGui::MenuItem(hidden ? _("Show stage") : _("Hide stage"), "H");
      RecordWidget("menu.hide_stage");
      if (hide) SetStageHidden(document, s, !hidden);
      const bool reached = ImGui::MenuItem(_("Customers reached..."));
      RecordWidget("menu.reached");
      if (reached) {
        m_reachedStage = board.stages[s].id;
        m_reachedText = ReachedFieldText(board.stages[s]);
        m_reachedError.clear();
        m_openReached = true;
      }
      ImGui::Separator();
      bool deleteStage = ImGui::MenuItem(_("Delete stage..."));
      RecordWidget("menu.delete_stage");
      if (deleteStage) {
        m_deleteHit = {Hit::StageHeader, s};
        if (CountNotesInStage(board, board.stages[s].id) > 0) m_confirmDelete = true;
        else document.Apply(DeleteStage(board, board.stages[s].id), N_("Delete stage"));
      }
    }
    ImGui::EndPopup();
  }
  if (ImGui::BeginPopup("lane menu")) {
    int l = m_menuHit.index;
    if (l >= 0 && l < int(board.lanes.size())) {
      const Lane& lane = board.lanes[l];
      ImGui::TextDisabled("%s", lane.name.c_str());
      if (ImGui::MenuItem(_("Rename"))) BeginRename(board, false, l);
      bool kinds = ImGui::BeginMenu(_("Kind"));
      RecordWidget("menu.lane_kind");
      if (kinds) {
        for (int k = 0; k < kLaneKindCount; ++k) {
          LaneKind kind = LaneKind(k);
          bool picked = ImGui::MenuItem(LaneKindLabel(kind), nullptr, lane.kind == kind);
          RecordWidget((std::string("menu.kind.") + LaneKindName(kind)).c_str());
          if (picked) document.Apply(SetLaneKind(board, lane.id, kind), N_("Change lane kind"));
        }
        ImGui::EndMenu();
      }
      bool collapse = ImGui::MenuItem(lane.collapsed ? _("Expand") : _("Collapse"));
      RecordWidget("menu.collapse_lane");
      if (collapse)
        document.Apply(SetLaneCollapsed(board, lane.id, !lane.collapsed), lane.collapsed ? N_("Expand lane") : N_("Collapse lane"));
      const bool hide = ImGui::MenuItem(lane.hidden ? _("Show lane") : _("Hide lane"), "H");
      RecordWidget("menu.hide_lane");
      if (hide) SetLaneHidden(document, l, !lane.hidden);
      bool above = ImGui::MenuItem(_("Add lane above"));
      RecordWidget("menu.add_lane_above");
      bool below = ImGui::MenuItem(_("Add lane below"));
      RecordWidget("menu.add_lane_below");
      if (above) document.Apply(AddLane(board, "New lane", LaneKind::Custom, l), N_("Add lane"));
      if (below) document.Apply(AddLane(board, "New lane", LaneKind::Custom, l + 1), N_("Add lane"));
      ImGui::Separator();
      bool deleteLane = ImGui::MenuItem(_("Delete lane..."));
      RecordWidget("menu.delete_lane");
      if (deleteLane) {
        m_deleteHit = {Hit::LaneLabel, l};
        if (CountNotesInLane(board, lane.id) > 0) m_confirmDelete = true;
        else document.Apply(DeleteLane(board, lane.id), N_("Delete lane"));
      }
    }
    ImGui::EndPopup();
  }
  if (ImGui::BeginPopup("cell menu")) {
    if (ImGui::MenuItem(_("Add note here"))) {
      NoteTarget target;
      if (m_menuHit.kind == Hit::Cell && CellTakesNotes(board, m_menuHit.stage, m_menuHit.lane)) {
        target.stage = board.stages[m_menuHit.stage].id;
        target.lane = board.lanes[m_menuHit.lane].id;
      }
      BeginNewNote(document, target, m_lastMouseWorld);
    }
    if (ImGui::MenuItem(_("Paste"), "Ctrl+V", false, !m_clipboard.empty() || ImGui::GetClipboardText())) Paste(document);
    const bool sort = m_menuHit.kind == Hit::Cell && ImGui::MenuItem(_("Sort by votes"));
    if (m_menuHit.kind == Hit::Cell) RecordWidget("menu.sort_by_votes");
    if (sort)
      document.Apply(SortCellByVotes(board, board.stages[m_menuHit.stage].id, board.lanes[m_menuHit.lane].id),
                     _("Sort by votes"));
    if (ImGui::MenuItem(_("Select all"), "Ctrl+A")) SelectAll(document);
    ImGui::EndPopup();
  }
}

// A small field under the stage's header: a count, a percentage of the first measured stage, or
// nothing. Enter sets it (one undo step); bad text keeps the field open with one sentence, in it and
// on the status line, and changes nothing; Esc leaves it.
void Canvas::ShowReachedField(Document& document) {
  const Board& board = document.board();
  if (m_openReached) {
    m_openReached = false;
    const int s = board.StageIndex(m_reachedStage);
    if (s < 0) return;
    const Rect header = m_camera.ToScreen(m_layout.StageHeader(s));
    ImGui::SetNextWindowPos({std::max(header.x0, 0.0f), header.y1});
    ImGui::OpenPopup("##reached field");
    m_reachedFocus = true;
  }
  if (!ImGui::BeginPopup("##reached field")) return;
  const Stage* stage = board.FindStage(m_reachedStage);
  if (!stage || Pressed(GLFW_KEY_ESCAPE, false)) {
    ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return;
  }
  const float em = ImGui::GetFontSize();
  ImGui::TextUnformatted(Format(_("Customers reached \"%s\""), stage->name.c_str()).c_str());
  if (m_reachedFocus) {
    ImGui::SetKeyboardFocusHere();
    m_reachedFocus = false;
  }
  ImGui::SetNextItemWidth(em * 14);
  const bool enter = ImGui::InputTextWithHint("##reached", _("1200, 1 200 or 45%"), &m_reachedText,
                                              ImGuiInputTextFlags_EnterReturnsTrue);
  RecordWidget("reached.field");
  if (enter) {
    std::string error;
    if (ApplyReachedText(document, m_reachedStage, m_reachedText, &error)) {
      ImGui::CloseCurrentPopup();
    } else {
      m_reachedError = error;
      m_reachedFocus = true;
      if (notice) notice(error);
    }
  }
  if (!m_reachedError.empty()) {
    ImGui::PushTextWrapPos(em * 20);
    ImGui::TextColored({0.84f, 0.27f, 0.25f, 1}, "%s", m_reachedError.c_str());
    ImGui::PopTextWrapPos();
  }
  ImGui::TextDisabled(_("A percentage is of the first measured stage; empty clears it."));
  ImGui::EndPopup();
}

void Canvas::ShowDeleteConfirmation(Document& document) {
  if (m_confirmDelete) {
    ImGui::OpenPopup(_("Delete?"));
    m_confirmDelete = false;
  }
  if (!ImGui::BeginPopupModal(_("Delete?"), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  const Board& board = document.board();
  const bool stage = m_deleteHit.kind == Hit::StageHeader;
  const int count = stage ? int(board.stages.size()) : int(board.lanes.size());
  if (m_deleteHit.index >= count) {
    ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return;
  }
  const std::string& name = stage ? board.stages[m_deleteHit.index].name : board.lanes[m_deleteHit.index].name;
  int notes = stage ? CountNotesInStage(board, board.stages[m_deleteHit.index].id)
                    : CountNotesInLane(board, board.lanes[m_deleteHit.index].id);
  ImGui::TextUnformatted(Format(stage ? TrPlural("Delete the stage \"%s\" and its %d note?", "Delete the stage \"%s\" and its %d notes?", notes)
                                       : TrPlural("Delete the lane \"%s\" and its %d note?", "Delete the lane \"%s\" and its %d notes?", notes),
                                 name.c_str(), notes).c_str());
  ImGui::TextDisabled("Ctrl+Z brings them back.");
  const float em = ImGui::GetFontSize();
  bool confirmed = ImGui::Button(_("Delete"), {em * 8, 0});
  RecordWidget("confirm.delete");
  if (confirmed) {
    if (stage) document.Apply(DeleteStage(board, board.stages[m_deleteHit.index].id), N_("Delete stage"));
    else document.Apply(DeleteLane(board, board.lanes[m_deleteHit.index].id), N_("Delete lane"));
    PruneSelection(document);
    ImGui::CloseCurrentPopup();
  }
  ImGui::SameLine();
  if (ImGui::Button(_("Cancel"), {em * 8, 0}) || Pressed(GLFW_KEY_ESCAPE, false)) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

// [SECTION] Selection and clipboard

bool Canvas::IsSelected(NoteId id) const { return jb::IsSelected(m_selection, id); }

void Canvas::Select(NoteId id, bool additive, bool toggle) { SelectNote(m_selection, id, additive, toggle); }

std::vector<NoteId> Canvas::SelectionInBoardOrder(const Board& board) const {
  return jb::SelectionInBoardOrder(board, m_selection);
}

void Canvas::SelectAll(const Document& document) {
  m_selection.clear();
  for (const Note& note : document.board().notes)
    if (!InHiddenStageOrLane(document.board(), note)) m_selection.push_back(note.id);
}

void Canvas::PruneSelection(const Document& document) {
  const Board& board = document.board();
  m_selection.erase(std::remove_if(m_selection.begin(), m_selection.end(), [&](NoteId id) { return !board.FindNote(id); }),
                    m_selection.end());
  auto prune = [](auto& ids, const auto& records) {
    ids.erase(std::remove_if(ids.begin(), ids.end(),
                             [&](auto id) {
                               return std::none_of(records.begin(), records.end(),
                                                   [&](const auto& record) { return record.id == id; });
                             }),
              ids.end());
  };
  prune(m_sketches.strokes, board.strokes);
  prune(m_sketches.arrows, board.arrows);
  prune(m_sketches.frames, board.frames);
  prune(m_sketches.labels, board.labels);
}

void Canvas::DeleteSelection(Document& document) {
  if (m_selection.empty() && m_sketches.Empty()) return;
  const char* label = m_sketches.Empty() ? (m_selection.size() == 1 ? N_("Delete note") : N_("Delete notes"))
                      : m_selection.empty() ? N_("Delete sketches")
                                            : N_("Delete selection");
  document.Apply(DeleteNotesAndSketch(document.board(), m_selection, m_sketches), label);
  m_selection.clear();
  m_sketches.Clear();
}

void Canvas::CopySelection(const Document& document) {
  const Board& board = document.board();
  m_clipboard.clear();
  m_clipboardText.clear();
  for (NoteId id : SelectionInBoardOrder(board)) {
    const Note* note = board.FindNote(id);
    m_clipboard.push_back(*note);
    if (!m_clipboardText.empty()) m_clipboardText += '\n';
    m_clipboardText += note->text;
  }
  if (!m_clipboard.empty()) ImGui::SetClipboardText(m_clipboardText.c_str());
}

void Canvas::CutSelection(Document& document) {
  CopySelection(document);
  const SketchSelection sketches = std::exchange(m_sketches, {});  // the clipboard holds notes: sketches stay
  DeleteSelection(document);
  m_sketches = sketches;
}

// Pastes into the cell under the mouse (or free at the mouse). Our own notes when the system
// clipboard still holds what we copied; otherwise each line of the clipboard's text (each cell of
// spreadsheet rows) becomes a note, so a list from a document, a chat or a sheet turns into
// stickies at once (core/clipboard_text.h).
void Canvas::Paste(Document& document) {
  const Board& board = document.board();
  std::vector<Note> notes;
  const char* system = ImGui::GetClipboardText();
  if (!m_clipboard.empty() && (!system || m_clipboardText == system)) {
    notes = m_clipboard;
  } else if (system) {
    ClipboardReport report;
    for (std::string& text : ParseClipboardNotes(system, kMaxPastedNotes, &report)) {
      Note note;
      note.text = std::move(text);
      notes.push_back(std::move(note));
    }
    const std::string message = ClipboardMessage(report, notes.size());
    if (!message.empty() && notice) notice(message);
  }
  if (notes.empty()) return;
  NoteTarget target;
  int stage = -1, lane = -1;
  if (m_layout.CellAt(m_lastMouseWorld, &stage, &lane) && CellTakesNotes(board, stage, lane)) {
    target.stage = board.stages[stage].id;
    target.lane = board.lanes[lane].id;
  } else {
    target.freePos = m_lastMouseWorld;
  }
  std::vector<NoteId> ids;
  if (document.Apply(Covering(PasteNotes(board, notes, target, &ids)), notes.size() == 1 ? N_("Paste note") : N_("Paste notes")))
    m_selection = ids;
}

void Canvas::DuplicateSelection(Document& document) {
  std::vector<NoteId> ids;
  if (document.Apply(Covering(DuplicateNotes(document.board(), SelectionInBoardOrder(document.board()), &ids)), N_("Duplicate")))
    m_selection = ids;
}

}  // namespace jb
