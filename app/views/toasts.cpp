#include "app/views/toasts.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cstdio>

#include "app/platform/i18n.h"
#include "app/views/layout_dump.h"

namespace jb {

namespace {
constexpr size_t kMaxToasts = 5;  // more would climb over the board: the oldest info goes first
}

void Toasts::Push(Toast toast) {
  // The same message again (a key pressed twice) renews the one shown instead of stacking a copy.
  for (auto it = m_toasts.begin(); it != m_toasts.end(); ++it)
    if (it->kind == toast.kind && it->text == toast.text) {
      m_toasts.erase(it);
      break;
    }
  toast.id = m_nextId++;
  m_toasts.push_back(std::move(toast));
  while (m_toasts.size() > kMaxToasts) {
    auto info = std::find_if(m_toasts.begin(), m_toasts.end(), [](const Toast& t) { return t.kind == Toast::Kind::Info; });
    m_toasts.erase(info != m_toasts.end() ? info : m_toasts.begin());
  }
}

void Toasts::Info(const std::string& text, double now, const std::string& action, const std::string& path) {
  if (text.empty()) return;
  Toast toast;
  toast.text = text;
  toast.action = action;
  toast.path = path;
  // One with a button stays a little longer: time to reach for it.
  toast.until = now + kInfoSeconds + (action.empty() ? 0 : 2);
  Push(std::move(toast));
}

void Toasts::Error(const std::string& text) {
  if (text.empty()) return;
  Toast toast;
  toast.kind = Toast::Kind::Error;
  toast.text = text;
  Push(std::move(toast));
}

bool Toasts::DismissErrors() {
  const size_t before = m_toasts.size();
  m_toasts.erase(std::remove_if(m_toasts.begin(), m_toasts.end(), [](const Toast& t) { return t.kind == Toast::Kind::Error; }),
                 m_toasts.end());
  return m_toasts.size() != before;
}

double Toasts::NextFrameIn(double now) const {
  double wait = -1;
  for (const Toast& toast : m_toasts) {
    if (toast.kind == Toast::Kind::Error) continue;  // it waits for its ×: no frames of its own
    const double fadeStart = toast.until - kFadeSeconds;
    double next = now < fadeStart ? fadeStart - now : 1.0 / 30;  // fading: ~30 frames a second, briefly
    if (now >= toast.until) next = 0;
    if (wait < 0 || next < wait) wait = next;
  }
  return wait;
}

const Toast* Toasts::Show(const Rect& area, double now) {
  m_toasts.erase(std::remove_if(m_toasts.begin(), m_toasts.end(),
                                [now](const Toast& t) { return t.kind == Toast::Kind::Info && now >= t.until; }),
                 m_toasts.end());
  const float em = ImGui::GetFontSize();
  const float gap = em * 0.5f;
  float bottom = area.y1 - em;
  const Toast* clicked = nullptr;
  uint64_t dismissed = 0;
  bool actionRecorded = false;
  bool appearing = false;  // a toast's first, measuring frame: it and those above are not yet where they go
  // The newest at the bottom, the older ones above it.
  for (size_t i = m_toasts.size(); i-- > 0;) {
    Toast& toast = m_toasts[i];
    const bool error = toast.kind == Toast::Kind::Error;
    float alpha = 1;
    if (!error && toast.until - now < kFadeSeconds) alpha = std::max(0.0f, float((toast.until - now) / kFadeSeconds));
    char name[32];
    std::snprintf(name, sizeof name, "##toast%llu", static_cast<unsigned long long>(toast.id));
    ImGui::SetNextWindowPos({area.x1 - em, bottom}, ImGuiCond_Always, {1, 1});
    ImGui::SetNextWindowSizeConstraints({em * 14, 0}, {em * 34, FLT_MAX});
    ImGui::SetNextWindowBgAlpha(alpha * 0.97f);
    ImGui::PushStyleVar(ImGuiStyleVar_Alpha, alpha);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {em * 0.9f, em * 0.7f});
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, em * 0.4f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, error ? 2.0f : 1.0f);
    ImGui::PushStyleColor(ImGuiCol_Border, error ? ImVec4{0.80f, 0.15f, 0.15f, 1} : ImGui::GetStyleColorVec4(ImGuiCol_Border));
    ImGui::Begin(name, nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav);
    ImGui::PushTextWrapPos(em * 30);
    if (error) ImGui::PushStyleColor(ImGuiCol_Text, {0.75f, 0.10f, 0.10f, 1});
    ImGui::TextUnformatted(toast.text.c_str());
    if (error) ImGui::PopStyleColor();
    ImGui::PopTextWrapPos();
    if (error) {
      ImGui::SameLine();
      ImGui::PushID(name);
      if (ImGui::SmallButton("×")) dismissed = toast.id;
      ImGui::PopID();
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", _("Dismiss (Esc)"));
      if (!appearing && !ImGui::IsWindowAppearing()) RecordWidget(("toast.close." + std::to_string(i)).c_str());
    }
    if (!toast.action.empty()) {
      ImGui::PushID(name);
      if (ImGui::Button(toast.action.c_str())) {
        m_clicked = toast;
        clicked = &m_clicked;
      }
      ImGui::PopID();
      // The newest one's, under the name the tests have always aimed at.
      if (!actionRecorded && !appearing && !ImGui::IsWindowAppearing())
        RecordWidget(toast.path.empty() ? "toast.action" : "toast.open_folder");
      actionRecorded = true;
    }
    // One under the mouse waits: nobody reaching for its button sees it fade away.
    if (ImGui::IsWindowAppearing()) appearing = true;
    if (!error && ImGui::IsWindowHovered()) toast.until = std::max(toast.until, now + kFadeSeconds + 1.0);
    bottom -= ImGui::GetWindowHeight() + gap;
    ImGui::End();
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(4);
  }
  m_top = bottom + em;  // so that a box placed em above it sits a gap above the stack
  if (dismissed)
    m_toasts.erase(std::remove_if(m_toasts.begin(), m_toasts.end(), [dismissed](const Toast& t) { return t.id == dismissed; }),
                   m_toasts.end());
  return clicked;
}

}  // namespace jb
