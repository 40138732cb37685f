// GLFW events for the window: a count of every event (so the loop knows whether anything happened
// while it slept), the close and focus-loss requests, and the event-accurate input queue.
#include "app/platform/window_events.h"

#include <glad/gl.h>
// glad first: GLFW must not include the system GL header.
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>

#include <algorithm>
#include <cfloat>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <string>
#include <utility>
#include <vector>

namespace jb {

namespace {

// Bumped by every GLFW event (our callbacks run before ImGui's backend chains to them), so the
// loop knows whether anything happened while it slept.
int g_activity = 0;
bool g_closeRequested = false;
bool g_focusLost = false;

void OnAnyEvent() { ++g_activity; }

void InstallActivityCallbacks(GLFWwindow* window) {
  glfwSetScrollCallback(window, [](GLFWwindow*, double, double) { OnAnyEvent(); });
  glfwSetWindowFocusCallback(window, [](GLFWwindow*, int focused) {
    if (!focused) g_focusLost = true;  // the facilitator switched away: a good moment to autosave
    OnAnyEvent();
  });
  glfwSetCursorEnterCallback(window, [](GLFWwindow*, int) { OnAnyEvent(); });
  glfwSetFramebufferSizeCallback(window, [](GLFWwindow*, int, int) { OnAnyEvent(); });
  glfwSetWindowRefreshCallback(window, [](GLFWwindow*) { OnAnyEvent(); });
  glfwSetWindowContentScaleCallback(window, [](GLFWwindow*, float, float) { OnAnyEvent(); });
  // Moved to another monitor: a frame picks up that monitor's UI scale.
  glfwSetWindowPosCallback(window, [](GLFWwindow*, int, int) { OnAnyEvent(); });
  glfwSetWindowCloseCallback(window, [](GLFWwindow* w) {
    // Never close behind the user's back: the app decides (it may ask to save first).
    glfwSetWindowShouldClose(w, GLFW_FALSE);
    g_closeRequested = true;
    OnAnyEvent();
  });
}

// Dear ImGui 1.86 polls the cursor and the buttons once per frame, so a click, a double-click
// or a quick drag that happens within one frame (a busy frame, a fast hand, a touch screen,
// a remote desktop, xdotool) would be lost or seen at the wrong place. Every input event goes
// through one ordered queue instead: a key or button changes at most once per frame, the mouse
// stops moving for the rest of a frame in which a button changed, and ImGui is told the cursor
// and buttons as they were at the last event it was given.
struct InputEvent {
  enum Kind { Move, Button, Key, Char } kind;
  int code = 0, scancode = 0, action = 0, mods = 0;
  double x = 0, y = 0;
  double time = 0;  // glfwGetTime() when it arrived
};
std::deque<InputEvent> g_heldInput;
std::u32string g_typed;  // characters delivered this frame, full code points (ImGui 1.86 keeps 16 bits)
std::vector<int> g_changedThisFrame;  // keys as themselves, mouse buttons as -1 - button
double g_mouseX = -FLT_MAX, g_mouseY = -FLT_MAX;
bool g_buttonDown[ImGuiMouseButton_COUNT] = {};
// ImGui times a double-click by its frame clock. A button changes at most once a frame, so a
// double-click takes four frames, and with slow ones (a busy machine, software rendering on a 4K
// screen) two clicks 80 ms apart were two single clicks. So ImGui is told, for a press delivered
// this frame, the time since the button's last press by when the events arrived.
double g_lastPressTime[ImGuiMouseButton_COUNT] = {-1e9, -1e9, -1e9, -1e9, -1e9};
double g_pressInterval[ImGuiMouseButton_COUNT] = {};
bool g_pressedThisFrame[ImGuiMouseButton_COUNT] = {};

int InputId(const InputEvent& e) { return e.kind == InputEvent::Button ? -1 - e.code : e.code; }

bool Changed(int id) {
  return std::find(g_changedThisFrame.begin(), g_changedThisFrame.end(), id) != g_changedThisFrame.end();
}

bool MustWait(const InputEvent& e) {
  switch (e.kind) {
    case InputEvent::Move:
      return std::any_of(g_changedThisFrame.begin(), g_changedThisFrame.end(), [](int id) { return id < 0; });
    case InputEvent::Button: return Changed(InputId(e));
    // One key change per frame, whichever key: ImGui 1.86 derives Ctrl/Shift from the keys'
    // state, so a Ctrl released in the frame that pressed Q would turn Ctrl+Q into Q.
    case InputEvent::Key:
      return e.action != GLFW_REPEAT &&
             std::any_of(g_changedThisFrame.begin(), g_changedThisFrame.end(), [](int id) { return id >= 0; });
    case InputEvent::Char: return false;
  }
  return false;
}

void Deliver(GLFWwindow* window, const InputEvent& e) {
  // JOURNEYBOARD_TRACE_INPUT=1: every delivered event on stderr, for debugging input timing.
  static const bool trace = std::getenv("JOURNEYBOARD_TRACE_INPUT") != nullptr;
  if (trace)
    std::fprintf(stderr, "input %.3f frame %d kind %d code %d action %d at %.0f,%.0f\n", glfwGetTime(),
                 ImGui::GetFrameCount(), int(e.kind), e.code, e.action, e.x, e.y);
  switch (e.kind) {
    case InputEvent::Move:
      g_mouseX = e.x;
      g_mouseY = e.y;
      break;
    case InputEvent::Button:
      g_changedThisFrame.push_back(InputId(e));
      if (e.code >= 0 && e.code < ImGuiMouseButton_COUNT) {
        g_buttonDown[e.code] = e.action == GLFW_PRESS;
        if (e.action == GLFW_PRESS) {
          g_pressInterval[e.code] = e.time - g_lastPressTime[e.code];
          g_lastPressTime[e.code] = e.time;
          g_pressedThisFrame[e.code] = true;
        }
      }
      ImGui_ImplGlfw_MouseButtonCallback(window, e.code, e.action, e.mods);
      break;
    case InputEvent::Key:
      if (e.action != GLFW_REPEAT) g_changedThisFrame.push_back(InputId(e));
      // A key typed between two clicks makes them two single clicks, not a double-click (ImGui
      // would pair a quick click after typing with the click before it).
      if (e.action == GLFW_PRESS) {
        for (double& time : ImGui::GetIO().MouseClickedTime) time = -FLT_MAX;
        for (double& time : g_lastPressTime) time = -1e9;
      }
      ImGui_ImplGlfw_KeyCallback(window, e.code, e.scancode, e.action, e.mods);
      break;
    case InputEvent::Char:
      g_typed += char32_t(e.code);
      ImGui_ImplGlfw_CharCallback(window, unsigned(e.code));
      break;
  }
}

void SubmitInput(GLFWwindow* window, InputEvent e) {
  OnAnyEvent();
  e.time = glfwGetTime();
  if (!g_heldInput.empty() || MustWait(e)) g_heldInput.push_back(e);
  else Deliver(window, e);
}

// After each frame: a new frame's worth of input. Returns true while input is still held.
bool ReleaseHeldInput(GLFWwindow* window) {
  g_changedThisFrame.clear();
  g_typed.clear();
  while (!g_heldInput.empty() && !MustWait(g_heldInput.front())) {
    Deliver(window, g_heldInput.front());
    g_heldInput.pop_front();
  }
  return !g_heldInput.empty();
}

// After ImGui_ImplGlfw_NewFrame: replace its polled mouse state by the delivered one.
void ApplyDeliveredMouse() {
  ImGuiIO& io = ImGui::GetIO();
  // NewFrame adds DeltaTime to ImGui's time, then measures a press against MouseClickedTime. A
  // negative one is ImGui's or ours saying "no double-click next" (after a double-click, so a
  // third click is a single one; after a key): kept.
  for (int b = 0; b < ImGuiMouseButton_COUNT; ++b)
    if (std::exchange(g_pressedThisFrame[b], false) && io.MouseClickedTime[b] >= 0)
      io.MouseClickedTime[b] = ImGui::GetTime() + io.DeltaTime - g_pressInterval[b];
  if (io.MousePos.x <= -FLT_MAX / 2) return;  // the cursor is outside the window
  io.MousePos = {float(g_mouseX), float(g_mouseY)};
  for (int b = 0; b < ImGuiMouseButton_COUNT; ++b) io.MouseDown[b] = g_buttonDown[b];
}

void InstallInputQueue(GLFWwindow* window) {
  double x = 0, y = 0;
  glfwGetCursorPos(window, &x, &y);
  g_mouseX = x;
  g_mouseY = y;
  glfwSetCursorPosCallback(window, [](GLFWwindow* w, double x, double y) {
    SubmitInput(w, {InputEvent::Move, 0, 0, 0, 0, x, y});
  });
  glfwSetMouseButtonCallback(window, [](GLFWwindow* w, int button, int action, int mods) {
    SubmitInput(w, {InputEvent::Button, button, 0, action, mods});
  });
  glfwSetKeyCallback(window, [](GLFWwindow* w, int key, int scancode, int action, int mods) {
    SubmitInput(w, {InputEvent::Key, key, scancode, action, mods});
  });
  glfwSetCharCallback(window, [](GLFWwindow* w, unsigned c) { SubmitInput(w, {InputEvent::Char, int(c)}); });
}

}  // namespace

int EventCount() { return g_activity; }
bool CloseRequested() { return g_closeRequested; }
bool TakeCloseRequest() { return std::exchange(g_closeRequested, false); }
bool TakeFocusLost() { return std::exchange(g_focusLost, false); }
const std::u32string& TypedThisFrame() { return g_typed; }

void InstallWindowCallbacks(GLFWwindow* window) { InstallActivityCallbacks(window); }
void InstallInputQueueCallbacks(GLFWwindow* window) { InstallInputQueue(window); }
bool NextFrameInput(GLFWwindow* window) { return ReleaseHeldInput(window); }
void ApplyDeliveredMouseState() { ApplyDeliveredMouse(); }

}  // namespace jb
