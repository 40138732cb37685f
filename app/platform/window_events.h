// The window's events: everything GLFW reports goes through here before Dear ImGui sees it.
//  - EventCount() grows with every event, so the main loop can sleep until something happens.
//  - Close requests and focus loss are kept for the app to act on (ask to save; autosave).
//  - Input is event-accurate: Dear ImGui 1.86 polls the cursor and buttons once per frame, so a
//    click, double-click or key chord within one frame would be lost; every event goes through one
//    ordered queue that lets each key or button change at most once per frame.
#pragma once
#include <string>

struct GLFWwindow;

namespace jb {

// Before ImGui_ImplGlfw_InitForOpenGL (ImGui's backend chains to these).
void InstallWindowCallbacks(GLFWwindow* window);
// After ImGui_ImplGlfw_InitForOpenGL: keys, buttons, characters and the cursor go through the queue.
void InstallInputQueueCallbacks(GLFWwindow* window);

int EventCount();
bool CloseRequested();
bool TakeCloseRequest();
bool TakeFocusLost();

// After ImGui_ImplGlfw_NewFrame: the mouse as it was at the last delivered event, and a press's
// time since the button's last one as the events arrived (double-clicks over slow frames).
void ApplyDeliveredMouseState();
// The characters delivered for this frame, as full code points (ImGui 1.86 keeps 16 bits).
const std::u32string& TypedThisFrame();
// After each frame: delivers the next frame's input. True while input is still waiting.
bool NextFrameInput(GLFWwindow* window);

}  // namespace jb
