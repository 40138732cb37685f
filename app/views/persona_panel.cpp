// Personas and emotion curves: who the map is about, and how each of them feels along the way.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "app/platform/i18n.h"
#include "app/views/canvas.h"
#include "app/views/layout_dump.h"
#include "app/views/panels.h"
#include "app/views/side_panel.h"
#include "core/edit/journey_commands.h"

namespace jb {

namespace {

Rgb FromImColor(const float c[3]) {
  auto byte = [](float v) { return Rgb(std::clamp(v, 0.0f, 1.0f) * 255.0f + 0.5f); };
  return (byte(c[0]) << 16) | (byte(c[1]) << 8) | byte(c[2]);
}

// A text field of the persona: each edit updates the whole record, one undo step per field visit.
void PersonaField(Document& document, const Persona& persona, const char* label, std::string Persona::*field,
                  bool multiline) {
  std::string value = persona.*field;
  const float em = ImGui::GetFontSize();
  ImGui::TextDisabled("%s", label);
  ImGui::PushID(label);
  ImGui::SetNextItemWidth(-1);
  const std::string name = std::string("persona.") + label;
  bool changed = multiline ? WrappedTextField("##field", &value, em * 2.2f, name.c_str()) : ImGui::InputText("##field", &value);
  if (!multiline) RecordWidget(name.c_str());
  Persona after = persona;
  after.*field = value;
  TrackFieldEdit(document, changed, N_("Edit persona"), [&](const Board& start) { return UpdatePersona(start, after); });
  ImGui::PopID();
}

// The income: an amount (empty: not known) and its currency, one undo step per field visit.
void IncomeField(Document& document, const Persona& persona) {
  const float em = ImGui::GetFontSize();
  ImGui::TextDisabled("%s", _("Income"));
  ImGui::PushID("income");
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - em * 5);
  std::string amount;
  if (persona.income) amount = std::to_string(int64_t(std::llround(*persona.income)));
  std::string typed = amount;
  const bool changed = ImGui::InputText("##amount", &typed, ImGuiInputTextFlags_CharsDecimal);
  RecordWidget("persona.income");
  Persona after = persona;
  if (typed.empty()) {
    after.income.reset();
  } else {
    char* end = nullptr;
    const double value = std::strtod(typed.c_str(), &end);
    // A half-typed or out-of-range amount keeps the one the persona has.
    if (end && *end == '\0' && std::isfinite(value) && value >= 0 && value <= kMaxJsonNumber) after.income = float(value);
  }
  TrackFieldEdit(document, changed, N_("Edit persona"), [&](const Board& start) { return UpdatePersona(start, after); });
  ImGui::SameLine();
  ImGui::SetNextItemWidth(-1);
  std::string currency = persona.currency;
  const bool currencyChanged = ImGui::InputTextWithHint("##currency", _("currency"), &currency);
  RecordWidget("persona.currency");
  Persona withCurrency = persona;
  withCurrency.currency = currency;
  TrackFieldEdit(document, currencyChanged, N_("Edit persona"),
                 [&](const Board& start) { return UpdatePersona(start, withCurrency); });
  ImGui::PopID();
}

void CurveRow(Document& document, Canvas& canvas, const EmotionCurve& curve) {
  const Board& board = document.board();
  ImGui::PushID(int(curve.id.value));
  float colour[3] = {((curve.color >> 16) & 255) / 255.f, ((curve.color >> 8) & 255) / 255.f, (curve.color & 255) / 255.f};
  bool changed = ImGui::ColorEdit3("##colour", colour, ImGuiColorEditFlags_NoInputs);
  Rgb rgb = FromImColor(colour);
  TrackFieldEdit(document, changed, N_("Curve colour"), [&](const Board& start) { return SetCurveColor(start, curve.id, rgb); });
  ImGui::SameLine();
  if (ImGui::RadioButton("##active", canvas.activeCurve == curve.id)) canvas.activeCurve = curve.id;
  if (ImGui::IsItemHovered()) ImGui::SetTooltip(_("Clicks in the Emotions lane add points to this curve"));
  ImGui::SameLine();
  std::string name = curve.name;
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - ImGui::GetFontSize() * 9);
  changed = ImGui::InputText("##name", &name);
  TrackFieldEdit(document, changed, N_("Rename curve"), [&](const Board& start) { return SetCurveName(start, curve.id, name); });
  ImGui::SameLine();
  bool toBe = curve.toBe;
  const bool toggled = ImGui::Checkbox(_("to-be"), &toBe);
  RecordWidget(("curve." + std::to_string(curve.id.value) + ".to-be").c_str());
  if (toggled)
    document.Apply(SetCurveToBe(board, curve.id, toBe), toBe ? N_("Mark curve to-be") : N_("Mark curve as-is"));
  if (ImGui::IsItemHovered()) ImGui::SetTooltip(_("As-is: the experience today (solid). To-be: the one the team designs (dashed)."));
  ImGui::SameLine();
  if (ImGui::SmallButton("x")) document.Apply(DeleteCurve(board, curve.id), N_("Delete curve"));
  ImGui::PopID();
}

}  // namespace

void ShowPersonaPanel(Document& document, Canvas& canvas, bool* open) {
  if (!BeginSidePanel(_("Personas and curves"), open)) {
    ImGui::End();
    return;
  }
  RecordWindow("panel.personas");
  const Board& board = document.board();
  if (!board.FindPersona(canvas.activePersona) && !board.personas.empty()) canvas.activePersona = board.personas.front().id;

  for (size_t i = 0; i < board.personas.size(); ++i) {
    const Persona& persona = board.personas[i];
    ImGui::PushID(int(persona.id.value));
    std::string label = persona.name.empty() ? std::string(_("(unnamed)")) : persona.name;
    if (ImGui::Selectable(label.c_str(), persona.id == canvas.activePersona)) canvas.SetActivePersona(board, persona.id);
    RecordWidget(("persona.chip." + std::to_string(i + 1)).c_str());
    // A chip to drag: dropped on a note, it ties the note to this persona (Canvas::PersonaDrop).
    // A tooltip, not a line in the panel: text that wraps differently from one frame to the next
    // would move the fields under the pointer.
    if (ImGui::IsItemHovered() && !ImGui::IsMouseDown(ImGuiMouseButton_Left)) ImGui::SetTooltip("%s", _("Drag a persona onto a note: the note is for them."));
    if (ImGui::BeginDragDropSource()) {
      const uint64_t value = persona.id.value;
      ImGui::SetDragDropPayload(Canvas::kPersonaPayload, &value, sizeof value);
      ImGui::TextUnformatted(label.c_str());
      ImGui::EndDragDropSource();
    }
    ImGui::PopID();
  }
  const bool addPersona = ImGui::Button(_("Add persona"));
  RecordWidget("persona.add");
  if (addPersona) {
    Persona persona;
    persona.name = "New persona";
    PersonaId id;
    if (document.Apply(AddPersona(board, persona, &id), N_("Add persona"))) canvas.activePersona = id;
  }
  const Persona* persona = document.board().FindPersona(canvas.activePersona);
  if (persona) {
    ImGui::SameLine();
    const bool deletePersona = ImGui::Button(_("Delete persona"));
    RecordWidget("persona.delete");
    if (deletePersona) {
      document.Apply(DeletePersona(document.board(), persona->id), N_("Delete persona"));
      persona = nullptr;
    }
  }
  ImGui::Separator();
  if (persona) {
    const Persona current = *persona;  // the fields below may change the board
    PersonaField(document, current, _("Name"), &Persona::name, false);
    PersonaField(document, current, _("About them"), &Persona::description, true);
    // The portrait the method asks for, in groups.
    if (ImGui::CollapsingHeader(_("Who"), ImGuiTreeNodeFlags_DefaultOpen)) {
      PersonaField(document, current, _("Age"), &Persona::age, false);
      PersonaField(document, current, _("Gender"), &Persona::gender, false);
      PersonaField(document, current, _("Family (partner, children)"), &Persona::family, false);
      PersonaField(document, current, _("Where they live"), &Persona::home, false);
      PersonaField(document, current, _("What they do"), &Persona::occupation, false);
      IncomeField(document, current);
      PersonaField(document, current, _("Social status"), &Persona::status, false);
    }
    if (ImGui::CollapsingHeader(_("Life"))) {
      PersonaField(document, current, _("Free time and interests"), &Persona::freeTime, true);
      PersonaField(document, current, _("How they decide"), &Persona::decides, true);
    }
    if (ImGui::CollapsingHeader(_("The problem"), ImGuiTreeNodeFlags_DefaultOpen)) {
      PersonaField(document, current, _("Goals"), &Persona::goals, true);
      PersonaField(document, current, _("Needs"), &Persona::needs, true);
      PersonaField(document, current, _("Pains and fears"), &Persona::pains, true);
      PersonaField(document, current, _("What stops them"), &Persona::blockers, true);
      PersonaField(document, current, _("If never solved"), &Persona::ifUnsolved, true);
      PersonaField(document, current, _("Objections"), &Persona::objections, true);
    }
    if (ImGui::CollapsingHeader(_("Market"))) {
      PersonaField(document, current, _("Favourite channels"), &Persona::channels, true);
      PersonaField(document, current, _("What they like in competitors"), &Persona::competitors, true);
    }
    PersonaField(document, current, _("Quote"), &Persona::quote, true);
  } else {
    ImGui::TextWrapped(_("No persona yet: a map describes one persona's path. Add one to give the room a face to design for."));
  }

  ImGui::Separator();
  ImGui::TextUnformatted(_("Emotion curves"));
  ImGui::TextDisabled(_("The selected one takes new points; solid = as-is, dashed = to-be."));
  const std::vector<EmotionCurve> curves = document.board().curves;  // rows may change the board
  for (const EmotionCurve& curve : curves) {
    CurveRow(document, canvas, curve);
    const Persona* owner = document.board().FindPersona(curve.persona);
    ImGui::PushID(int(curve.id.value));
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##persona", owner ? owner->name.c_str() : _("(no persona)"))) {
      for (const Persona& p : document.board().personas)
        if (ImGui::Selectable(p.name.c_str(), p.id == curve.persona))
          document.Apply(SetCurvePersona(document.board(), curve.id, p.id), N_("Curve persona"));
      ImGui::EndCombo();
    }
    ImGui::PopID();
  }
  const bool addCurve = ImGui::Button(_("Add curve"));
  RecordWidget("curves.add");
  if (addCurve) {
    const Board& now = document.board();
    const Persona* owner = now.FindPersona(canvas.activePersona);
    std::string name = (owner ? owner->name : std::string("Customer")) + (now.curves.empty() ? " — as-is" : " — to-be");
    CurveId id;
    if (document.Apply(AddCurve(now, owner ? owner->id : PersonaId{}, name, NextCurveColor(now), !now.curves.empty(), &id),
                       _("Add curve")))
      canvas.activeCurve = id;
  }
  ImGui::End();
}

}  // namespace jb
