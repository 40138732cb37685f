#include "app/platform/gl_context.h"
#include "app/platform/gpu_renderer.h"
#include "app/platform/i18n.h"

#include <glad/egl.h>
#include <glad/gl.h>
// glad's headers come first: GLFW must not pull in the system GL header.
#include <GLFW/glfw3.h>

#include <thread>

namespace jb {

HeadlessGl::~HeadlessGl() {
  if (m_eglContext) {
    auto display = static_cast<EGLDisplay>(m_eglDisplay);
    eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
    eglDestroyContext(display, static_cast<EGLContext>(m_eglContext));
    eglTerminate(display);
    gladLoaderUnloadEGL();
  }
  if (m_glfwWindow) {
    glfwDestroyWindow(static_cast<GLFWwindow*>(m_glfwWindow));
    glfwTerminate();
  }
}

bool HeadlessGl::Create(std::string* error) {
  std::string eglError;
  if (CreateEgl(&eglError)) return true;
  std::string glfwError;
  if (CreateGlfw(&glfwError)) return true;
  *error = Format(_("No OpenGL available for rendering (%s; %s)."), eglError.c_str(), glfwError.c_str());
  return false;
}

bool HeadlessGl::CreateAlongside(const std::function<void()>& meanwhile, const std::function<void()>& withContext,
                                  std::string* error) {
  std::string eglError;
  bool egl = false;
  std::thread starter([&] {
    egl = CreateEgl(&eglError);
    if (!egl) return;
    withContext();
    // A context is current on one thread at a time: let go of it for the caller's thread.
    eglMakeCurrent(static_cast<EGLDisplay>(m_eglDisplay), EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
  });
  try {
    meanwhile();
  } catch (...) {
    starter.join();
    throw;
  }
  starter.join();
  if (egl) {
    if (eglMakeCurrent(static_cast<EGLDisplay>(m_eglDisplay), EGL_NO_SURFACE, EGL_NO_SURFACE,
                       static_cast<EGLContext>(m_eglContext)))
      return true;
    eglError = _("EGL could not hand its context to the main thread");
  }
  std::string glfwError;
  if (CreateGlfw(&glfwError)) {
    withContext();
    return true;
  }
  *error = Format(_("No OpenGL available for rendering (%s; %s)."), eglError.c_str(), glfwError.c_str());
  return false;
}

bool HeadlessGl::CreateEgl(std::string* error) {
  // First load: only the client extensions and eglGetPlatformDisplay are reachable.
  if (!gladLoaderLoadEGL(EGL_NO_DISPLAY)) {
    *error = _("EGL library not found");
    return false;
  }
  if (!GLAD_EGL_EXT_platform_base || !GLAD_EGL_MESA_platform_surfaceless) {
    *error = _("EGL has no surfaceless platform");
    return false;
  }
  EGLDisplay display = eglGetPlatformDisplayEXT(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, nullptr);
  if (display == EGL_NO_DISPLAY || !eglInitialize(display, nullptr, nullptr)) {
    *error = _("EGL surfaceless display unavailable");
    return false;
  }
  gladLoaderLoadEGL(display);  // reload with the display's extensions
  const EGLint configAttribs[] = {EGL_SURFACE_TYPE, EGL_PBUFFER_BIT, EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT,
                                  EGL_RED_SIZE, 8, EGL_GREEN_SIZE, 8, EGL_BLUE_SIZE, 8, EGL_NONE};
  EGLConfig config = nullptr;
  EGLint configCount = 0;
  eglChooseConfig(display, configAttribs, &config, 1, &configCount);  // may be 0: surfaceless needs none
  if (!eglBindAPI(EGL_OPENGL_API)) {
    eglTerminate(display);
    *error = _("EGL cannot bind desktop OpenGL");
    return false;
  }
  const EGLint contextAttribs[] = {EGL_CONTEXT_MAJOR_VERSION, 3, EGL_CONTEXT_MINOR_VERSION, 3,
                                   EGL_CONTEXT_OPENGL_PROFILE_MASK, EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT,
                                   EGL_NONE};
  EGLContext context = eglCreateContext(display, configCount > 0 ? config : EGLConfig(nullptr),
                                        EGL_NO_CONTEXT, contextAttribs);
  if (context == EGL_NO_CONTEXT || !eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, context)) {
    if (context != EGL_NO_CONTEXT) eglDestroyContext(display, context);
    eglTerminate(display);
    *error = _("EGL could not create an OpenGL 3.3 core context");
    return false;
  }
  if (!gladLoadGL(reinterpret_cast<GLADloadfunc>(eglGetProcAddress))) {
    eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
    eglDestroyContext(display, context);
    eglTerminate(display);
    *error = _("OpenGL functions could not be loaded through EGL");
    return false;
  }
  m_eglDisplay = display;
  m_eglContext = context;
  m_backend = "EGL surfaceless";
  return true;
}

bool HeadlessGl::CreateGlfw(std::string* error) {
  if (!glfwInit()) {
    *error = _("no display for a hidden window");
    return false;
  }
  glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  GLFWwindow* window = glfwCreateWindow(64, 64, "journeyboard export", nullptr, nullptr);
  if (!window) {
    glfwTerminate();
    *error = _("a hidden OpenGL 3.3 window could not be created");
    return false;
  }
  glfwMakeContextCurrent(window);
  if (!gladLoadGL(glfwGetProcAddress)) {
    glfwDestroyWindow(window);
    glfwTerminate();
    *error = _("OpenGL functions could not be loaded");
    return false;
  }
  m_glfwWindow = window;
  m_backend = "hidden GLFW window";
  return true;
}

void HintBoardWindow() {
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_DEPTH_BITS, 0);
  glfwWindowHint(GLFW_STENCIL_BITS, 0);
}

SharedGlContext::~SharedGlContext() {
  if (m_renderer) {  // its GL objects are deleted in its own context
    GLFWwindow* current = glfwGetCurrentContext();
    MakeCurrent();
    m_renderer.reset();
    glfwMakeContextCurrent(current);
  }
  if (m_window) glfwDestroyWindow(static_cast<GLFWwindow*>(m_window));
}

GpuRenderer* SharedGlContext::Renderer() {
  if (!m_rendererTried) {
    m_rendererTried = true;
    auto renderer = std::make_unique<GpuRenderer>();
    if (renderer->Init()) m_renderer = std::move(renderer);
  }
  return m_renderer.get();
}

bool SharedGlContext::Create(void* share) {
  // The window's hints (3.3 core, forward compatible) still hold: the same kind of context.
  glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
  glfwWindowHint(GLFW_FOCUS_ON_SHOW, GLFW_FALSE);
  m_window = glfwCreateWindow(1, 1, "journeyboard export", nullptr, static_cast<GLFWwindow*>(share));
  glfwWindowHint(GLFW_VISIBLE, GLFW_TRUE);
  glfwWindowHint(GLFW_FOCUS_ON_SHOW, GLFW_TRUE);
  return m_window != nullptr;
}

void SharedGlContext::MakeCurrent() { glfwMakeContextCurrent(static_cast<GLFWwindow*>(m_window)); }

void SharedGlContext::Release() {
  glFinish();  // the read-backs are done; nothing of ours stays queued in the shared objects
  glfwMakeContextCurrent(nullptr);
}

}  // namespace jb
