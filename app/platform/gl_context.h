// An OpenGL 3.3+ core context with no window, for rendering PNG exports from the command line.
// Tries EGL on Mesa's surfaceless platform first (works with no X server, in CI, in containers),
// then a hidden GLFW window. GL entry points are loaded through glad either way.
#pragma once
#include <functional>
#include <memory>
#include <string>

namespace jb {

class GpuRenderer;

class HeadlessGl {
 public:
  HeadlessGl() = default;
  HeadlessGl(const HeadlessGl&) = delete;
  HeadlessGl& operator=(const HeadlessGl&) = delete;
  ~HeadlessGl();

  // Returns false with a one-sentence reason in *error.
  bool Create(std::string* error);
  // Create with the wait put to use: the EGL context is made on a helper thread (loading Mesa's
  // driver and LLVM is 100-200 ms of one core) while `meanwhile` runs on this one; `withContext`
  // runs as soon as the context is current, on that helper (or here after the hidden-window
  // fallback, which GLFW wants on the main thread). True: the context is current on this thread.
  bool CreateAlongside(const std::function<void()>& meanwhile, const std::function<void()>& withContext,
                       std::string* error);
  const char* Backend() const { return m_backend; }

 private:
  bool CreateEgl(std::string* error);
  bool CreateGlfw(std::string* error);

  void* m_eglDisplay = nullptr;
  void* m_eglContext = nullptr;
  void* m_glfwWindow = nullptr;
  const char* m_backend = "none";
};

// The hints for a GLFW window that shows the board (the app's, and the benchmark's stand-in for
// it), set before glfwCreateWindow: a 3.3 core, forward-compatible context and a colour buffer
// alone. The board never uses depth or stencil, and with either llvmpipe cannot take its linear
// path, which copies the gesture's scaled view by rows of texels instead of running a shader.
void HintBoardWindow();

// A second GL context sharing the window's objects (textures, programs), on a hidden 1×1 window,
// for a worker thread: the PNG export renders there while the window keeps drawing. Created and
// destroyed on the main thread; made current on the worker. VAOs and framebuffers are not shared:
// the worker creates its own.
class SharedGlContext {
 public:
  SharedGlContext() = default;
  SharedGlContext(const SharedGlContext&) = delete;
  SharedGlContext& operator=(const SharedGlContext&) = delete;
  ~SharedGlContext();

  // `share` is the main GLFWwindow*. False when the driver cannot make one.
  bool Create(void* share);
  bool Ready() const { return m_window != nullptr; }
  // On the worker thread, around its GL work.
  void MakeCurrent();
  void Release();
  // This context's renderer (its VAO and buffers are the context's own), made on first need while
  // current and kept: the next export loads no programs and reuses its targets. Null when the
  // driver cannot compile its shaders.
  GpuRenderer* Renderer();

 private:
  void* m_window = nullptr;
  std::unique_ptr<GpuRenderer> m_renderer;
  bool m_rendererTried = false;
};

}  // namespace jb
