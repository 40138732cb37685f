// The inspector: every field of the selected note, each edit one undo step. Touchpoints get a
// channel and metrics (conversion, CSI, NPS, retention), solutions a value and effort score, pains
// and delights a severity; any note takes an owner and a due date (it becomes someone's action),
// tags and votes.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <sstream>

#include "app/platform/i18n.h"
#include "app/render/render.h"
#include "app/views/canvas.h"
#include "app/views/layout_dump.h"
#include "app/views/panels.h"
#include "app/views/reached_field.h"
#include "app/views/side_panel.h"
#include "core/edit/journey_commands.h"
#include "core/insights/insights.h"
#include "core/model/links.h"

namespace jb {

namespace {

constexpr const char* kChannels[] = {"site", "mobile app", "call centre", "e-mail", "social", "messenger",
                                     "office", "ads", "partner", "chat bot"};

std::string JoinTags(const std::vector<std::string>& tags) {
  std::string joined;
  for (const std::string& tag : tags) joined += (joined.empty() ? "" : ", ") + tag;
  return joined;
}

std::vector<std::string> SplitTags(const std::string& text) {
  std::vector<std::string> tags;
  std::stringstream in(text);
  for (std::string tag; std::getline(in, tag, ',');) {
    size_t begin = tag.find_first_not_of(" #"), end = tag.find_last_not_of(' ');
    if (begin != std::string::npos) tags.push_back(tag.substr(begin, end - begin + 1));
  }
  return tags;
}

// Every field changes one thing of the note as it is on the board the edit starts from (the
// gesture's start), so no stale copy can undo another field's edit.
void Edit(Document& document, NoteId id, bool changed, const char* label, const std::function<void(Note&)>& set) {
  TrackFieldEdit(document, changed, label, [&](const Board& start) {
    const Note* note = start.FindNote(id);
    if (!note) return BoardDiff{};
    Note after = *note;
    set(after);
    return UpdateNote(start, after);
  });
}

// A one-click change (checkbox, radio, preset): one step, from the board as it is now.
void Change(Document& document, NoteId id, const char* label, const std::function<void(Note&)>& set) {
  const Note* note = document.board().FindNote(id);
  if (!note) return;
  Note after = *note;
  set(after);
  document.Apply(UpdateNote(document.board(), after), label);
}

void Metric(Document& document, NoteId id, const char* label, std::optional<float> NoteMetrics::*field, float min,
            float max, const char* format) {
  ImGui::PushID(label);
  const Note* note = document.board().FindNote(id);  // fresh: an earlier widget may have changed it this frame
  bool set = (note->metrics.*field).has_value();
  bool toggled = ImGui::Checkbox("##set", &set);
  RecordWidget((std::string("inspector.metric.") + label).c_str());
  if (toggled) {
    const std::optional<float> initial = set ? std::optional<float>(std::max(min, 0.0f) + (max - std::max(min, 0.0f)) / 2)
                                             : std::nullopt;
    Change(document, id, set ? N_("Set metric") : N_("Clear metric"), [&](Note& n) { n.metrics.*field = initial; });
    ImGui::PopID();
    ImGui::NewLine();  // the value field appears next frame, from the updated note
    return;
  }
  ImGui::SameLine();
  ImGui::BeginDisabled(!set);
  float value = (note->metrics.*field).value_or(0);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
  bool changed = ImGui::DragFloat(label, &value, 0.5f, min, max, format, ImGuiSliderFlags_AlwaysClamp);
  RecordWidget((std::string("inspector.value.") + label).c_str());
  if (set) Edit(document, id, changed, N_("Edit metric"), [&](Note& n) { n.metrics.*field = value; });
  ImGui::EndDisabled();
  ImGui::PopID();
}

// The note's links (arrows to and from other notes): a click selects the other note and glides
// to it, at the zoom the view has.
void ShowLinks(const Document& document, Canvas& canvas, NoteId id) {
  const Board& board = document.board();
  const std::vector<NoteLink> links = NoteLinks(board, id);
  if (links.empty()) return;
  ImGui::Separator();
  ImGui::TextDisabled(_("Links"));
  for (size_t i = 0; i < links.size(); ++i) {
    const Note* other = board.FindNote(links[i].other);
    std::string text = ShortText(other->text, 40);
    if (text.empty()) text = _("(empty note)");
    ImGui::PushID(int(i));
    const bool clicked = ImGui::Selectable(((links[i].outgoing ? "→ " : "← ") + text).c_str());
    RecordWidget(("inspector.link." + std::to_string(i)).c_str());
    ImGui::PopID();
    if (!clicked) continue;
    canvas.SetSelection({links[i].other});
    for (const NoteBox& box : canvas.layout().notes) {
      if (box.id != links[i].other || box.hidden) continue;
      const Camera& camera = canvas.camera();
      const Vec2 half{canvas.size().x * 0.5f / camera.zoom, canvas.size().y * 0.5f / camera.zoom};
      const Vec2 centre{(box.rect.x0 + box.rect.x1) * 0.5f, (box.rect.y0 + box.rect.y1) * 0.5f};
      canvas.GlideTo({centre.x - half.x, centre.y - half.y, centre.x + half.x, centre.y + half.y});
    }
    break;  // the list belongs to the note that was selected
  }
}

// The personas the note concerns: one checkbox each, each click one undo step. None ticked: it
// concerns everyone.
void ShowPersonaTies(Document& document, const Note& note) {
  const Board& board = document.board();
  if (board.personas.empty()) return;
  ImGui::Separator();
  ImGui::TextDisabled("%s", note.personas.empty() ? _("For: everyone") : _("For:"));
  const std::vector<Persona> personas = board.personas;  // a click changes the board
  for (const Persona& persona : personas) {
    bool tied = std::find(note.personas.begin(), note.personas.end(), persona.id) != note.personas.end();
    ImGui::PushID(int(persona.id.value));
    const std::string label = persona.name.empty() ? std::string(_("(unnamed)")) : persona.name;
    const bool clicked = ImGui::Checkbox(label.c_str(), &tied);
    RecordWidget(("inspector.persona." + std::to_string(persona.id.value)).c_str());
    ImGui::PopID();
    if (!clicked) continue;
    const PersonaId id = persona.id;
    Change(document, note.id, tied ? N_("Tie note to persona") : N_("Untie note from persona"), [&](Note& n) {
      n.personas.erase(std::remove(n.personas.begin(), n.personas.end(), id), n.personas.end());
      if (tied) n.personas.push_back(id);
    });
  }
}

// A solution's score for Journey ▸ Opportunities: customer and business value (0..100) and effort
// (1..5), each edit one undo step; Score gives an unscored one the middle of the matrix.
void ShowOpportunity(Document& document, const Note& note) {
  const float em = ImGui::GetFontSize();
  ImGui::Separator();
  ImGui::TextDisabled("%s", _("Opportunity"));
  if (!note.opportunity) {
    const bool clicked = ImGui::Button(_("Score"));
    RecordWidget("inspector.score");
    ImGui::SameLine();
    ImGui::TextDisabled("%s", _("value and effort"));
    if (clicked) Change(document, note.id, N_("Score opportunity"), [](Note& n) { n.opportunity = Opportunity{}; });
    return;
  }
  Opportunity score = *note.opportunity;
  ImGui::SetNextItemWidth(em * 8);
  bool changed = ImGui::DragFloat(Format("%s###customer", _("Customer value")).c_str(), &score.customerValue, 0.5f, 0,
                                  kMaxOpportunityValue, "%.0f", ImGuiSliderFlags_AlwaysClamp);
  RecordWidget("inspector.customer_value");
  Edit(document, note.id, changed, N_("Edit opportunity score"), [&](Note& n) {
    if (n.opportunity) n.opportunity->customerValue = score.customerValue;
  });
  ImGui::SetNextItemWidth(em * 8);
  changed = ImGui::DragFloat(Format("%s###business", _("Business value")).c_str(), &score.businessValue, 0.5f, 0,
                             kMaxOpportunityValue, "%.0f", ImGuiSliderFlags_AlwaysClamp);
  RecordWidget("inspector.business_value");
  Edit(document, note.id, changed, N_("Edit opportunity score"), [&](Note& n) {
    if (n.opportunity) n.opportunity->businessValue = score.businessValue;
  });
  ImGui::SetNextItemWidth(em * 8);
  changed = ImGui::SliderInt(Format("%s###effort", _("Effort (1 small, 5 large)")).c_str(), &score.effort, kMinEffort,
                             kMaxEffort, "%d", ImGuiSliderFlags_AlwaysClamp);
  RecordWidget("inspector.effort");
  Edit(document, note.id, changed, N_("Edit opportunity score"), [&](Note& n) {
    if (n.opportunity) n.opportunity->effort = score.effort;
  });
  const bool clear = ImGui::SmallButton(_("Clear score"));
  RecordWidget("inspector.clear_score");
  ImGui::SameLine();
  char priority[32];
  std::snprintf(priority, sizeof priority, "%.3g", double(OpportunityPriority(score)));
  ImGui::TextDisabled("%s", Format(_("priority %s"), priority).c_str());
  if (clear) Change(document, note.id, N_("Clear opportunity score"), [](Note& n) { n.opportunity.reset(); });
}

// The selected note's stage: how many customers reached it (the funnel strip). Typed, then Enter
// (or leaving the field) sets it, one undo step; bad text changes nothing and says why.
void ShowStageReached(Document& document, Canvas& canvas, const Stage& stage) {
  static StageId shownStage;
  static std::optional<double> shownValue;
  static std::string text, error;
  static bool active = false;  // typing in it (last frame): the board's value does not overwrite the text
  if (!active && (stage.id != shownStage || stage.reached != shownValue)) {  // another stage, or an undo
    shownStage = stage.id;
    shownValue = stage.reached;
    text = ReachedFieldText(stage);
    error.clear();
  }
  ImGui::Separator();
  ImGui::TextDisabled("%s", Format(_("Stage: %s"), stage.name.c_str()).c_str());
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
  const bool enter = ImGui::InputTextWithHint("##reached", _("1200 or 45%"), &text, ImGuiInputTextFlags_EnterReturnsTrue);
  RecordWidget("inspector.reached");
  active = ImGui::IsItemActive();
  if (enter || ImGui::IsItemDeactivatedAfterEdit()) {
    if (ApplyReachedText(document, stage.id, text, &error)) error.clear();
    else if (canvas.notice) canvas.notice(error);
  }
  ImGui::SameLine();
  ImGui::TextDisabled(_("customers reached"));
  if (!error.empty()) ImGui::TextColored({0.84f, 0.27f, 0.25f, 1}, "%s", error.c_str());
}

}  // namespace

void ShowInspector(Document& document, Canvas& canvas, bool* open) {
  const float em = ImGui::GetFontSize();
  if (!BeginSidePanel(_("Inspector"), open)) {
    ImGui::End();
    return;
  }
  const Board& board = document.board();
  const std::vector<NoteId>& selection = canvas.selection();
  if (selection.size() != 1 || !board.FindNote(selection[0])) {
    ImGui::TextWrapped(selection.empty() ? _("Select a note to see and edit its fields.")
                                         : _("%zu notes selected: select one to edit its fields."),
                       selection.size());
    ImGui::End();
    return;
  }
  const Note note = *board.FindNote(selection[0]);  // copies: the fields below change the board
  const Lane* lane = note.IsFree() ? nullptr : board.FindLane(note.lane);
  const Stage* stage = note.IsFree() ? nullptr : board.FindStage(note.stage);
  ImGui::TextDisabled("%s", lane && stage ? (stage->name + " · " + lane->name).c_str() : _("Free note"));

  ImGui::TextDisabled(_("Text"));
  std::string text = note.text;
  bool changed = WrappedTextField("text", &text, em * 3, "inspector.text");
  Edit(document, note.id, changed, N_("Edit note"), [&](Note& n) { n.text = text; });

  const LaneKind kind = lane ? lane->kind : LaneKind::Custom;
  if (kind == LaneKind::Touchpoints || kind == LaneKind::Metrics || !note.channel.empty() ||
      note.metrics.conversion || note.metrics.csi || note.metrics.nps || note.metrics.retention) {
    ImGui::Separator();
    ImGui::TextDisabled(_("Touchpoint"));
    std::string channel = note.channel;
    ImGui::SetNextItemWidth(-em * 3);
    changed = ImGui::InputTextWithHint("##channel", _("channel"), &channel);
    RecordWidget("inspector.channel");
    Edit(document, note.id, changed, N_("Edit channel"), [&](Note& n) { n.channel = channel; });
    ImGui::SameLine();
    if (ImGui::BeginCombo("##channels", nullptr, ImGuiComboFlags_NoPreview)) {
      for (const char* preset : kChannels)
        if (ImGui::Selectable(preset, note.channel == preset))
          Change(document, note.id, N_("Edit channel"), [&](Note& n) { n.channel = preset; });
      ImGui::EndCombo();
    }
    Metric(document, note.id, "Conversion %", &NoteMetrics::conversion, 0, 100, "%.1f %%");
    Metric(document, note.id, "CSI", &NoteMetrics::csi, 0, 100, "%.0f");
    Metric(document, note.id, "NPS", &NoteMetrics::nps, -100, 100, "%+.0f");
    Metric(document, note.id, "Retention %", &NoteMetrics::retention, 0, 100, "%.1f %%");
  }

  if (kind == LaneKind::Solutions || note.opportunity) ShowOpportunity(document, note);

  ImGui::Separator();
  ImGui::TextDisabled(_("Action"));
  std::string owner = note.owner;
  ImGui::SetNextItemWidth(-1);
  changed = ImGui::InputTextWithHint("##owner", _("owner"), &owner);
  RecordWidget("inspector.owner");
  Edit(document, note.id, changed, N_("Edit owner"), [&](Note& n) { n.owner = owner; });
  std::string due = note.due;
  ImGui::SetNextItemWidth(em * 8);
  changed = ImGui::InputTextWithHint("##due", _("YYYY-MM-DD"), &due, ImGuiInputTextFlags_CharsNoBlank);
  RecordWidget("inspector.due");
  // Only well-formed dates reach the board; a half-typed one stays in the field.
  Edit(document, note.id, changed && (due.empty() || IsIsoDate(due)), N_("Edit due date"), [&](Note& n) { n.due = due; });
  ImGui::SameLine();
  if (!note.due.empty() && IsOverdue(note, LocalDateIso())) ImGui::TextColored({0.84f, 0.27f, 0.25f, 1}, _("overdue"));
  else if (!due.empty() && !IsIsoDate(due)) ImGui::TextDisabled(_("use YYYY-MM-DD"));
  else ImGui::TextDisabled(_("due"));

  if (kind == LaneKind::Pains || kind == LaneKind::Delights || note.severity > 0) {
    ImGui::Separator();
    ImGui::TextDisabled(kind == LaneKind::Delights ? _("Strength") : _("Severity"));
    for (int level = 0; level <= 3; ++level) {
      if (level) ImGui::SameLine();
      const char* names[] = {"none", "low", "medium", "high"};
      const char* labels[] = {N_("none"), N_("low"), N_("medium"), N_("high")};
      bool clicked = ImGui::RadioButton(_(labels[level]), note.severity == level);
      RecordWidget((std::string("inspector.severity.") + names[level]).c_str());
      if (clicked && note.severity != level)
        Change(document, note.id, N_("Edit severity"), [&](Note& n) { n.severity = level; });
    }
  }

  ImGui::Separator();
  std::string tags = JoinTags(note.tags);
  // Named beside the field, as "due" and "votes" are: the hint goes once the field has tags.
  const char* tagsLabel = _("tags");
  ImGui::SetNextItemWidth(-(ImGui::CalcTextSize(tagsLabel).x + ImGui::GetStyle().ItemSpacing.x));
  changed = ImGui::InputTextWithHint("##tags", _("tags, comma separated"), &tags);
  RecordWidget("inspector.tags");
  Edit(document, note.id, changed, N_("Edit tags"), [&](Note& n) { n.tags = SplitTags(tags); });
  ImGui::SameLine();
  ImGui::TextDisabled("%s", tagsLabel);
  RecordWidget("inspector.tags_label");
  int votes = note.votes;
  ImGui::SetNextItemWidth(em * 8);
  changed = ImGui::InputInt(_("votes"), &votes);
  RecordWidget("inspector.votes");
  if (changed) Change(document, note.id, N_("Edit votes"), [&](Note& n) { n.votes = std::max(0, votes); });
  if (stage) {
    const Stage* now = document.board().FindStage(note.stage);  // fresh: the fields above may have changed the board
    if (now) ShowStageReached(document, canvas, Stage(*now));
  }
  ShowPersonaTies(document, note);
  ShowLinks(document, canvas, note.id);
  ImGui::End();
}

}  // namespace jb
