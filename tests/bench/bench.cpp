// journeyboard_bench: what a frame, a save, a load, a PNG export and the start-up cost as the board
// grows (issue 8). It drives the real App headless: the same menu bar, canvas and panels the window
// builds (App::BuildUi), fed through ImGuiIO, drawn by the real GpuRenderer into an FBO of an EGL
// surfaceless context. Not a timed test: tests/bench/check_bench.py only checks that it runs.
//
// [SECTION] Synthetic boards
// [SECTION] Frames
// [SECTION] File, export and start-up
// [SECTION] Report
// [SECTION] main
#include <glad/gl.h>
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <optional>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "app/app.h"
#include "app/platform/gl_context.h"
#include "app/platform/process_memory.h"
#include "app/render/png_export.h"
#include "app/render/render.h"
#include "core/io/file_io.h"
#include "core/layout/ink.h"
#include "core/layout/layout.h"

namespace fs = std::filesystem;

namespace jb {
namespace {

using Clock = std::chrono::steady_clock;

double MsSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// CPU time of the whole process in ms, llvmpipe's rasterizer threads included: on a machine shared
// with builds a frame's wall time waits for the cores, its CPU time much less.
double ProcessCpuMs() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

constexpr int kWidth = 1920, kHeight = 1080;

// [SECTION] Synthetic boards

// Words of a workshop, Latin and Cyrillic mixed, so wrapping and glyph lookup see both scripts.
const char* const kWords[] = {
    "checkout", "delivery", "price", "support", "login", "search", "review", "refund", "app", "call",
    "centre", "waiting", "too", "long", "unclear", "tariff", "promo", "code", "e-mail", "SMS",
    "доставка", "оплата", "корзина", "поддержка", "скидка", "отзыв", "долго", "непонятно", "тариф",
    "звонок", "менеджер", "сайт", "заказ", "возврат", "приложение", "клиент", "ждать", "удобно", "цена",
};

// 10..120 characters (code points) of words.
std::string NoteText(std::mt19937& rng) {
  const int target = std::uniform_int_distribution<int>(10, 120)(rng);
  std::string text;
  int chars = 0;
  while (chars < target) {
    const char* word = kWords[std::uniform_int_distribution<size_t>(0, std::size(kWords) - 1)(rng)];
    if (!text.empty()) {
      text += ' ';
      ++chars;
    }
    for (const char* c = word; *c && chars < target; ++c) {
      text += *c;
      if ((static_cast<unsigned char>(c[1]) & 0xC0) != 0x80) ++chars;  // count code points
    }
  }
  return text;
}

// 8 stages × 8 lanes (one of them the emotions lane), `noteCount` notes spread over the other
// lanes' cells, two emotion curves with a point per stage, one persona.
Board MakeSyntheticBoard(int noteCount) {
  std::mt19937 rng(20260101u + unsigned(noteCount));
  Board board;
  board.meta.title = "Synthetic journey — " + std::to_string(noteCount) + " notes";
  const char* stageNames[] = {"Awareness", "Поиск", "Consideration", "Выбор", "Purchase", "Оплата", "Retention", "Loyalty"};
  for (const char* name : stageNames) board.stages.push_back({StageId{board.NewId()}, name, 360});
  const LaneKind kinds[] = {LaneKind::Goals, LaneKind::Questions, LaneKind::Touchpoints, LaneKind::Emotions,
                            LaneKind::Pains, LaneKind::Delights, LaneKind::Solutions, LaneKind::Actions};
  for (LaneKind kind : kinds) {
    Lane lane;
    lane.id = LaneId{board.NewId()};
    lane.name = LaneKindLabel(kind);
    lane.kind = kind;
    lane.height = kind == LaneKind::Emotions ? 220 : 150;
    board.lanes.push_back(lane);
  }
  Persona persona;
  persona.id = PersonaId{board.NewId()};
  persona.name = "Анна, 34";
  persona.description = "Marketing manager, two kids, orders groceries online twice a week.";
  persona.goals = "Save time; не переплачивать.";
  board.personas.push_back(persona);
  for (int c = 0; c < 2; ++c) {
    EmotionCurve curve;
    curve.id = CurveId{board.NewId()};
    curve.persona = persona.id;
    curve.name = c == 0 ? "As is" : "To be";
    curve.toBe = c == 1;
    curve.color = c == 0 ? 0x3b6fd8 : 0x2e9e57;
    for (const Stage& stage : board.stages)
      curve.points.push_back({stage.id, 0.5f, std::uniform_real_distribution<float>(-1, 1)(rng),
                              c == 0 && stage.id == board.stages[2].id ? "цена!" : ""});
    board.curves.push_back(curve);
  }
  std::vector<int> noteLanes;
  for (int l = 0; l < int(board.lanes.size()); ++l)
    if (board.lanes[l].kind != LaneKind::Emotions) noteLanes.push_back(l);
  for (int i = 0; i < noteCount; ++i) {
    Note note;
    note.id = NoteId{board.NewId()};
    const Stage& stage = board.stages[size_t(i) % board.stages.size()];
    const Lane& lane = board.lanes[noteLanes[size_t(i / 8) % noteLanes.size()]];
    note.stage = stage.id;
    note.lane = lane.id;
    note.text = NoteText(rng);
    if (i % 7 == 0) note.votes = 1 + i % 4;
    if (lane.kind == LaneKind::Touchpoints && i % 3 == 0) {
      note.channel = "site";
      note.metrics.conversion = 38;
    }
    if (lane.kind == LaneKind::Pains) note.severity = 1 + i % 3;
    if (lane.kind == LaneKind::Actions && i % 2 == 0) {
      note.owner = "Anna K.";
      note.due = "2026-12-15";
      note.tags = {"pricing"};
    }
    board.notes.push_back(std::move(note));
  }
  return board;
}

// Sketching over it (issue 16's bench): `strokes` wobbly hand-drawn loops of 200 raw points each,
// simplified as the pen tool does on release, half in cells and half free, one in ten a
// highlighter; and `arrows` between random notes, every other one curved and labelled.
void AddSketches(Board& board, int strokes, int arrows) {
  std::mt19937 rng(7u + unsigned(board.notes.size()));
  std::uniform_real_distribution<float> unit(0, 1);
  std::vector<Vec2> raw;
  for (int s = 0; s < strokes; ++s) {
    Stroke stroke;
    stroke.id = StrokeId{board.NewId()};
    const bool inCell = s % 2 == 0;
    if (inCell) {
      stroke.stage = board.stages[size_t(s) % board.stages.size()].id;
      stroke.lane = board.lanes[size_t(s / 8) % board.lanes.size()].id;
    }
    const Vec2 centre = inCell ? Vec2{60 + 240 * unit(rng), 30 + 90 * unit(rng)}
                               : Vec2{-600 + 4000 * unit(rng), -400 - 300 * unit(rng)};
    const float radius = 20 + 60 * unit(rng);
    raw.clear();
    for (int k = 0; k < 200; ++k) {
      const float a = 6.5f * float(k) / 199, wobble = 1 + 0.08f * std::sin(a * 7) + 0.02f * (unit(rng) - 0.5f);
      raw.push_back({centre.x + radius * wobble * std::cos(a), centre.y + radius * 0.7f * wobble * std::sin(a)});
    }
    SimplifyStroke(raw, 1.0f, &stroke.points);
    stroke.highlighter = s % 10 == 0;
    stroke.width = stroke.highlighter ? 18 : 4;
    stroke.color = stroke.highlighter ? 0xffd43b : 0xd6336c;
    board.strokes.push_back(std::move(stroke));
  }
  if (board.notes.size() < 2) return;
  std::uniform_int_distribution<size_t> pick(0, board.notes.size() - 1);
  for (int a = 0; a < arrows; ++a) {
    Arrow arrow;
    arrow.id = ArrowId{board.NewId()};
    arrow.from.note = board.notes[pick(rng)].id;
    arrow.to.note = board.notes[pick(rng)].id;
    arrow.curved = a % 2 == 0;
    if (a % 2 == 0) arrow.label = "answers";
    board.arrows.push_back(std::move(arrow));
  }
}

// [SECTION] Frames

struct Stats {
  double median = 0, p95 = 0;
};

Stats Summarize(std::vector<double> v) {
  if (v.empty()) return {};
  std::sort(v.begin(), v.end());
  return {v[v.size() / 2], v[std::min(v.size() - 1, v.size() * 95 / 100)]};
}

class Bench {
 public:
  explicit Bench(App& app) : m_app(app) {}

  // One frame as the window builds it; with `gl`, also drawn and finished (in a real window: drawn
  // to its back buffer, swapped and finished). `deltaTime`: the ImGui time the frame advances.
  // Returns its ms.
  double Frame(bool gl, float deltaTime = 1.0f / 60) {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = {float(kWidth), float(kHeight)};
    io.DeltaTime = deltaTime;
    const auto start = Clock::now();
    const double cpuStart = ProcessCpuMs();
    if (m_window) glfwPollEvents();
    ImGui::NewFrame();
    m_app.BuildUi(m_typed);
    ImGui::Render();
    if (gl) {
      if (m_window) glBindFramebuffer(GL_FRAMEBUFFER, 0);
      else m_target.Bind();
      glViewport(0, 0, kWidth, kHeight);
      glClearColor(kBackgroundRgb[0], kBackgroundRgb[1], kBackgroundRgb[2], 1);
      glClear(GL_COLOR_BUFFER_BIT);
      m_app.renderer().Render(*ImGui::GetDrawData(), kWidth, kHeight);
      if (m_window) glfwSwapBuffers(m_window);
      glFinish();
    }
    m_lastFrameCpuMs = ProcessCpuMs() - cpuStart;
    return MsSince(start);
  }

  double LastFrameCpuMs() const { return m_lastFrameCpuMs; }

  // One 1920×1080 target for the GL measurements, in a window's pixel layout (BGRA, as the board
  // cache keeps its pixels: RenderTexture), so its copies cost what they cost in the window; with
  // `window`, its back buffer instead.
  void Init(GLFWwindow* window = nullptr) {
    m_window = window;
    if (!window) m_target.Create(kWidth, kHeight);
  }

  // The gesture path of issue 19 (the path the peer measurement uses): from the view centred on
  // board point `centre` at `zoom`, frame k pans the view by 5 % of its size along sin(2πk/50) in x
  // and sin(2πk/37) in y and zooms it by 10 % along sin(2πk/43) around its centre. The camera is
  // set directly, as a pan or a wheel moves it; whole frames (build + GL + finish) measured.
  // `cpuMs`, when given, gets each frame's process CPU time.
  std::vector<double> Gesture(int frames, Vec2 centre, float zoom, std::vector<double>* cpuMs = nullptr) {
    Canvas& canvas = m_app.canvas();
    const Vec2 size = canvas.size();
    const float viewW = size.x / zoom, viewH = size.y / zoom;
    auto viewAt = [&](int k) {
      const double turn = 2 * M_PI * k;
      const float z = zoom * float(1 + 0.1 * std::sin(turn / 43));
      const Vec2 c{centre.x + 0.05f * viewW * float(std::sin(turn / 50)),
                   centre.y + 0.05f * viewH * float(std::sin(turn / 37))};
      canvas.SetView({c.x - size.x * 0.5f / z, c.y - size.y * 0.5f / z}, z);
    };
    viewAt(0);  // at rest where the path starts: a hand starts from a view drawn crisp
    Frame(true, 0.2f);
    for (int i = 0; i < 2; ++i) Frame(true);
    std::vector<double> ms;
    for (int k = 1; k <= frames; ++k) {
      viewAt(k);
      ms.push_back(Frame(true));
      if (cpuMs) cpuMs->push_back(m_lastFrameCpuMs);
    }
    return ms;
  }

  // The gesture has stopped: one still frame that advances time by 0.2 s on ImGui's clock (0.15 s
  // on App::Now's steady clock without a window: past the cache's rest of about 100 ms either
  // way), then two more.
  // The slowest of the three: the frame that draws the view crisp again (`cpuMs`: its CPU time).
  double CrispAfterRest(double* cpuMs = nullptr) {
    if (!m_window) usleep(150 * 1000);  // App::Now() runs on the wall clock
    double slowest = 0, slowestCpu = 0;
    for (int i = 0; i < 3; ++i) {
      const double ms = Frame(true, i == 0 ? 0.2f : 1.0f / 60);
      if (ms > slowest) {
        slowest = ms;
        slowestCpu = m_lastFrameCpuMs;
      }
    }
    if (cpuMs) *cpuMs = slowestCpu;
    return slowest;
  }

  // The board point at the canvas's centre now.
  Vec2 ViewCentre() {
    const Camera& camera = m_app.canvas().camera();
    const Vec2 size = m_app.canvas().size();
    return camera.ToWorld({camera.screenOrigin.x + size.x * 0.5f, camera.screenOrigin.y + size.y * 0.5f});
  }

  // Centred on `centre` at `zoom`, at rest.
  void ShowAt(Vec2 centre, float zoom) {
    const Vec2 size = m_app.canvas().size();
    m_app.canvas().SetView({centre.x - size.x * 0.5f / zoom, centre.y - size.y * 0.5f / zoom}, zoom);
    Frame(false);
  }

  // The board as the app shows it after opening a file: fitted, nothing selected.
  double Open(Board board) {
    ImGuiIO& io = ImGui::GetIO();
    io.MouseDown[0] = false;
    io.MousePos = {-FLT_MAX, -FLT_MAX};
    m_app.document().Reset(std::move(board), "");
    m_app.canvas().ClearSelection();
    m_app.canvas().RequestFit();
    double first = Frame(false);  // lays the board out
    for (int i = 0; i < 3; ++i) Frame(false);
    return first;
  }

  std::vector<double> Run(int frames, bool gl) {
    std::vector<double> ms;
    for (int i = 0; i < 3; ++i) Frame(gl);
    for (int i = 0; i < frames; ++i) ms.push_back(Frame(gl));
    return ms;
  }

  // Zoomed so that one stage (the fourth, or the last) fills the screen's width, at its top.
  void ZoomToStage() {
    const Layout& layout = m_app.canvas().layout();
    const int s = std::min(3, int(layout.stageX.size()) - 2);
    if (s < 0) return;
    const float width = layout.stageX[s + 1] - layout.stageX[s];
    m_app.canvas().ShowRect({layout.stageX[s], layout.grid.y0, layout.stageX[s + 1], layout.grid.y0 + width * 0.5f});
    Frame(false);
  }

  void Fit() {
    m_app.canvas().RequestFit();
    Frame(false);
  }

  // Fitted view; 100 notes (evenly spread over the board) selected, one of them pressed and moved a
  // few pixels every frame, so the drop target changes on many frames, as under a moving hand.
  std::vector<double> Drag(int frames, bool gl) {
    Fit();
    const Board& board = m_app.document().board();
    if (board.notes.empty()) return {};
    std::vector<NoteId> selection;
    const size_t count = std::min<size_t>(100, board.notes.size());
    for (size_t k = 0; k < count; ++k) selection.push_back(board.notes[k * board.notes.size() / count].id);
    m_app.canvas().SetSelection(selection);
    // Press on a selected note that is on screen.
    const Layout& layout = m_app.canvas().layout();
    const Camera& camera = m_app.canvas().camera();
    std::optional<Vec2> press;
    for (NoteId id : selection) {
      int i = board.NoteIndex(id);
      if (i < 0 || layout.notes[i].hidden) continue;
      const Rect& r = layout.notes[i].rect;
      Vec2 p = camera.ToScreen(Vec2{(r.x0 + r.x1) * 0.5f, (r.y0 + r.y1) * 0.5f});
      if (p.x > 0 && p.y > 40 && p.x < kWidth - 40 && p.y < kHeight - 40) {
        press = p;
        break;
      }
    }
    if (!press) return {};
    return PressAndCircle(*press, frames, gl);
  }

  // At zoom 2 centred on `centre` (board units): the note whose middle is nearest the screen's
  // middle (the view moves to the note nearest `centre` when none is on screen) pressed alone and
  // moved along the same small loop as Drag.
  std::vector<double> DragOne(int frames, Vec2 centre) {
    const Board& board = m_app.document().board();
    if (board.notes.empty()) return {};
    m_app.canvas().ClearSelection();
    ShowAt(centre, 2);
    auto nearest = [&](Vec2 to, bool onScreenOnly) -> std::optional<Vec2> {  // a note's middle, on screen
      const Layout& layout = m_app.canvas().layout();
      const Camera& camera = m_app.canvas().camera();
      std::optional<Vec2> best;
      float bestDistance = 0;
      for (const NoteBox& note : layout.notes) {
        if (note.hidden) continue;
        const Vec2 middle{(note.rect.x0 + note.rect.x1) * 0.5f, (note.rect.y0 + note.rect.y1) * 0.5f};
        const Vec2 p = onScreenOnly ? camera.ToScreen(middle) : middle;
        if (onScreenOnly && !(p.x > 40 && p.y > 60 && p.x < kWidth - 60 && p.y < kHeight - 60)) continue;
        const float distance = (p.x - to.x) * (p.x - to.x) + (p.y - to.y) * (p.y - to.y);
        if (!best || distance < bestDistance) best = p, bestDistance = distance;
      }
      return best;
    };
    std::optional<Vec2> press = nearest({kWidth * 0.5f, kHeight * 0.5f}, true);
    if (!press) {
      const std::optional<Vec2> note = nearest(centre, false);
      if (!note) return {};
      ShowAt(*note, 2);
      press = nearest({kWidth * 0.5f, kHeight * 0.5f}, true);
      if (!press) return {};
    }
    bool moved = false;
    std::vector<double> ms = PressAndCircle(*press, frames, true, &moved, 320);
    if (!moved) return {};  // the press missed the note: no drag was measured
    return ms;
  }

  // Presses at `press`, moves a few pixels every frame along a small loop, releases (`drop` pixels
  // below the press when given: somewhere the note lands changed), and undoes the move (*moved:
  // there was one to undo, so the press did hold the note). The moving frames' ms.
  std::vector<double> PressAndCircle(Vec2 press, int frames, bool gl, bool* moved = nullptr, float drop = 0) {
    std::vector<double> ms;
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = {press.x, press.y};
    Frame(gl);
    io.MouseDown[0] = true;
    Frame(gl);
    for (int i = 0; i < frames + 3; ++i) {
      const float t = float(i) * 0.2f;
      io.MousePos = {press.x + 12 + 10 * std::cos(t), press.y + 10 * std::sin(t)};
      const double frame = Frame(gl);
      if (i >= 3) ms.push_back(frame);
    }
    if (drop > 0) {
      io.MousePos = {press.x, press.y + drop};
      Frame(false);
    }
    io.MouseDown[0] = false;
    Frame(gl);
    const bool undone = m_app.document().Undo();  // back to the board as generated
    if (moved) *moved = undone;
    m_app.canvas().ClearSelection();
    io.MousePos = {-FLT_MAX, -FLT_MAX};
    Frame(false);
    return ms;
  }

  // Fitted view, the Pen chosen, a stroke in progress: pressed at the screen's middle and moved a few
  // pixels every frame along a loop, so its live preview grows by a point a frame. Measured from its
  // 100th point to its (100 + frames)th (200 points at the median with the default 200 frames).
  std::vector<double> Draw(int frames, bool gl) {
    std::vector<double> ms;
    Fit();
    Canvas& canvas = m_app.canvas();
    const Canvas::Tool before = canvas.tool;
    canvas.tool = Canvas::Tool::Pen;
    ImGuiIO& io = ImGui::GetIO();
    const ImVec2 middle{kWidth * 0.5f, kHeight * 0.5f};
    io.MousePos = middle;
    Frame(gl);
    io.MouseDown[0] = true;
    Frame(gl);
    for (int i = 1; i <= frames + 100; ++i) {
      const float t = float(i) * 0.03f;  // about 6 px a frame
      io.MousePos = {middle.x + 200 * std::sin(t), middle.y + 120 * std::sin(2 * t)};
      const double frame = Frame(gl);
      if (i > 100) ms.push_back(frame);
    }
    io.MouseDown[0] = false;
    Frame(gl);
    m_app.document().Undo();  // back to the board as generated
    canvas.tool = before;
    io.MousePos = {-FLT_MAX, -FLT_MAX};
    Frame(false);
    return ms;
  }

 private:
  App& m_app;
  GLFWwindow* m_window = nullptr;
  RenderTexture m_target;
  std::u32string m_typed;
  double m_lastFrameCpuMs = 0;
};

// [SECTION] File, export and start-up

struct Result {
  int notes = 0;
  double firstFrameMs = 0;
  Stats fit, zoomed, drag, draw, glFit, glZoomed;
  double saveMs = 0, loadMs = 0;
  uintmax_t fileBytes = 0;
  std::optional<ExportStats> export3840, export7680;
  std::string exportNote;
  // Issue 19: the gesture path around the fitted view and around zoom 2, with the board cache on
  // and off; the slowest of the three frames after it rests; one note dragged at zoom 2.
  Stats gestureFit, gestureFitNocache, gestureZoomed, gestureZoomedNocache, dragZoomed;
  double crispAfterGesture = 0, crispAfterGestureZoomed = 0;
  double exportCliMs = -1;  // median whole `journeyboard export` process; negative: see the note
  std::string exportCliNote;
  double windowGestureFitMs = -1;  // the fitted gesture path in a real window; negative: see the note
  std::string windowNote;
};

// Runs `argv` with stdout and stderr to /dev/null (or to `out` when given); its exit status, or -1.
// By posix_spawn, which shares this process's memory until the child execs: a fork would mark every
// page of the bench's few hundred MB copy-on-write, and each of its next writes to one would fault
// (on this VM ~10 µs a page), which is what the load measured after it paid (README "Performance").
int RunProcess(const std::vector<std::string>& argv, const fs::path& out = {}) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  const std::string sink = out.empty() ? "/dev/null" : out.string();
  posix_spawn_file_actions_addopen(&actions, 1, sink.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  std::vector<char*> args;
  for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  pid_t child = -1;
  const int failed = posix_spawn(&child, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (failed) return -1;
  int status = 0;
  if (waitpid(child, &status, 0) != child) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// Median wall time of `runs` whole `journeyboard export BOARD -o OUT.png` processes (default width
// 3840), from spawn to exit. With more than one run, the bench process's first export runs once
// untimed before: it fills the private font cache and the page cache, as any export after the first
// finds them. Negative: skipped or failed, see *note.
double MeasureCliExport(const std::string& appPath, const fs::path& board, const fs::path& work, int runs,
                        std::string* note) {
  if (runs <= 0) {
    *note = "not measured with --quick past the first board";
    return -1;
  }
  if (!fs::exists(appPath)) {
    *note = "journeyboard binary not found at " + appPath;
    return -1;
  }
  const std::vector<std::string> argv = {appPath, "export", board.string(), "-o", (work / "cli.png").string()};
  static bool warm = false;
  if (!warm && runs > 1) {
    RunProcess(argv);
    warm = true;
  }
  std::vector<double> times;
  for (int run = 0; run < runs; ++run) {
    const auto start = Clock::now();
    const int code = RunProcess(argv);
    const double ms = MsSince(start);
    if (code != 0) {
      *note = "journeyboard export failed with exit status " + std::to_string(code);
      return -1;
    }
    times.push_back(ms);
  }
  fs::remove(work / "cli.png");
  return Summarize(times).median;
}

// The fitted gesture path in a real GLFW window (swapped every frame, v-sync off), measured by a
// child bench process (`--window-gesture`): a window's context cannot share objects with the EGL
// one. Needs DISPLAY (e.g. xvfb-run). Negative: skipped or failed, see *note.
double MeasureWindowGesture(const fs::path& board, int frames, const fs::path& work, std::string* note) {
  const char* display = std::getenv("DISPLAY");
  if (!display || !*display) {
    *note = "no DISPLAY: the gesture path in a window was not measured (run under xvfb-run)";
    return -1;
  }
  const fs::path out = work / "window.txt";
  const int code = RunProcess({fs::read_symlink("/proc/self/exe").string(), "--window-gesture", board.string(),
                               "--frames", std::to_string(frames)},
                              out);
  std::ifstream in(out);
  std::string line, last;
  double ms = -1;
  while (std::getline(in, line)) {
    if (line.rfind("window_gesture_fit_median_ms ", 0) == 0) ms = std::atof(line.c_str() + 29);
    else if (!line.empty()) last = line;
  }
  if (code != 0 || ms <= 0) {
    *note = "the window could not be measured: " + (last.empty() ? "exit status " + std::to_string(code) : last);
    return -1;
  }
  return ms;
}

// Median of `runs` start-ups of the real binary under a private Xvfb: from fork to the first
// --dump-layout file (written right after the first drawn frame). Negative: skipped, see *note.
double MeasureStartup(const std::string& appPath, const fs::path& work, int runs, std::string* note) {
  if (!fs::exists(appPath)) {
    *note = "journeyboard binary not found at " + appPath;
    return -1;
  }
  if (std::system("command -v Xvfb >/dev/null 2>&1") != 0) {
    *note = "no Xvfb: start-up not measured";
    return -1;
  }
  int fds[2];
  if (pipe(fds) != 0) return -1;
  pid_t xvfb = fork();
  if (xvfb == 0) {
    close(fds[0]);
    int devnull = open("/dev/null", O_WRONLY);
    dup2(devnull, 1);
    dup2(devnull, 2);
    std::string fd = std::to_string(fds[1]);
    execlp("Xvfb", "Xvfb", "-displayfd", fd.c_str(), "-screen", "0", "1920x1080x24", "-nolisten", "tcp", "-noreset",
           static_cast<char*>(nullptr));
    _exit(127);
  }
  close(fds[1]);
  // Xvfb writes its display number to the pipe once it accepts connections.
  char number[32] = {};
  ssize_t got = read(fds[0], number, sizeof number - 1);
  close(fds[0]);
  if (got <= 0) {
    kill(xvfb, SIGTERM);
    waitpid(xvfb, nullptr, 0);
    *note = "Xvfb did not start: start-up not measured";
    return -1;
  }
  const std::string display = ":" + std::string(number, std::strcspn(number, "\n"));
  std::vector<double> times;
  for (int run = 0; run < runs; ++run) {
    const fs::path dump = work / ("startup-" + std::to_string(run) + ".json");
    fs::remove(dump);
    const auto start = Clock::now();
    pid_t app = fork();
    if (app == 0) {
      setenv("DISPLAY", display.c_str(), 1);
      int devnull = open("/dev/null", O_WRONLY);
      dup2(devnull, 1);
      dup2(devnull, 2);
      execl(appPath.c_str(), appPath.c_str(), "--window", "1600x1000", "--dump-layout", dump.c_str(),
            static_cast<char*>(nullptr));
      _exit(127);
    }
    bool seen = false;
    while (MsSince(start) < 20000) {
      if (fs::exists(dump)) {
        seen = true;
        break;
      }
      if (waitpid(app, nullptr, WNOHANG) == app) {
        app = -1;
        break;
      }
      usleep(500);
    }
    const double ms = MsSince(start);
    if (app > 0) {
      kill(app, SIGKILL);
      waitpid(app, nullptr, 0);
    }
    if (seen) times.push_back(ms);
  }
  kill(xvfb, SIGTERM);
  waitpid(xvfb, nullptr, 0);
  if (times.empty()) {
    *note = "the app drew no frame under Xvfb: start-up not measured";
    return -1;
  }
  return Summarize(times).median;
}

// The idle check: a settled board with nothing running asks for no timed frame (the window then
// sleeps in glfwWaitEvents and draws nothing); a running workshop timer asks for one within a
// second, and none once it is reset.
struct IdleCheck {
  double idle = 0, timerRunning = 0, timerReset = 0;  // App::NextTimedFrameIn: seconds, or -1 for none
};

IdleCheck CheckIdle(Bench& bench, App& app) {
  IdleCheck check;
  bench.Open(MakeSyntheticBoard(100));
  check.idle = app.NextTimedFrameIn();
  app.timer().countdown.Set(300);
  app.timer().countdown.Start(app.Now());
  bench.Frame(false);
  check.timerRunning = app.NextTimedFrameIn();
  app.timer().countdown.Reset();
  bench.Frame(false);
  check.timerReset = app.NextTimedFrameIn();
  return check;
}

Result Measure(Bench& bench, App& app, Board board, int frames, int gestureFrames, int cliRuns, const fs::path& work) {
  Result r;
  r.notes = int(board.notes.size());
  const Board copy = board;
  r.firstFrameMs = bench.Open(std::move(board));
  r.fit = Summarize(bench.Run(frames, false));
  bench.ZoomToStage();
  r.zoomed = Summarize(bench.Run(frames, false));
  r.drag = Summarize(bench.Drag(frames, false));
  r.draw = Summarize(bench.Draw(frames, false));
  bench.Fit();
  r.glFit = Summarize(bench.Run(frames, true));
  bench.ZoomToStage();
  r.glZoomed = Summarize(bench.Run(frames, true));

  // Issue 19's gesture path, the cache on and off (app/render/board_cache.h).
  Canvas& canvas = app.canvas();
  const bool cache = canvas.boardCache;
  bench.Fit();
  const Vec2 fitCentre = bench.ViewCentre();
  const float fitZoom = canvas.camera().zoom;
  const Rect& grid = canvas.layout().grid;
  const Vec2 gridCentre{(grid.x0 + grid.x1) * 0.5f, (grid.y0 + grid.y1) * 0.5f};
  for (bool on : {true, false}) {
    canvas.boardCache = on;
    (on ? r.gestureFit : r.gestureFitNocache) = Summarize(bench.Gesture(gestureFrames, fitCentre, fitZoom));
    if (on) r.crispAfterGesture = bench.CrispAfterRest();
    (on ? r.gestureZoomed : r.gestureZoomedNocache) = Summarize(bench.Gesture(gestureFrames, gridCentre, 2));
    if (on) r.crispAfterGestureZoomed = bench.CrispAfterRest();
  }
  canvas.boardCache = cache;
  r.dragZoomed = Summarize(bench.DragOne(gestureFrames, gridCentre));
  bench.Fit();

  const std::string path = (work / "bench.cjm").string();
  SaveError saveError;
  auto start = Clock::now();
  if (!SaveBoard(copy, path, &saveError)) std::fprintf(stderr, "bench: save failed: %s\n", saveError.message.c_str());
  r.saveMs = MsSince(start);
  r.fileBytes = fs::file_size(path);
  r.exportCliMs = MeasureCliExport(JB_APP_PATH, path, work, cliRuns, &r.exportCliNote);
  r.windowGestureFitMs = MeasureWindowGesture(path, gestureFrames, work, &r.windowNote);
  start = Clock::now();
  LoadResult loaded = LoadBoard(path);
  r.loadMs = MsSince(start);
  if (auto* error = std::get_if<LoadError>(&loaded)) std::fprintf(stderr, "bench: load failed: %s\n", error->message.c_str());

  // 3840 px, the budget's figure: the median of five exports after one untimed, as in an app
  // that has exported before (the first pays the first touch of its targets' and bands' memory,
  // and the median of three was the slower of the two after it), as the command line's figure
  // is taken; one under --quick.
  for (int width : {3840, 7680}) {
    std::vector<ExportStats> runs;
    const bool repeated = width == 3840 && cliRuns >= 5;
    for (int run = repeated ? -1 : 0; run < (repeated ? 5 : 1); ++run) {
      ImGuiIO& io = ImGui::GetIO();
      io.DisplaySize = {float(kWidth), float(kHeight)};
      ImGui::NewFrame();
      ExportStats stats;
      std::string error;
      const std::string png = (work / ("bench-" + std::to_string(width) + ".png")).string();
      const bool ok = ExportBoardPng(copy, png, width, app.renderer(), app.fonts(), &stats, &error);
      ImGui::EndFrame();
      fs::remove(png);
      if (!ok) r.exportNote = error;
      else if (run >= 0) runs.push_back(stats);
    }
    if (runs.empty()) continue;
    std::sort(runs.begin(), runs.end(), [](const ExportStats& a, const ExportStats& b) {
      return a.renderMs + a.encodeMs < b.renderMs + b.encodeMs;
    });
    (width == 3840 ? r.export3840 : r.export7680) = runs[runs.size() / 2];
  }
  return r;
}

// --gestures: only issue 19's cached gesture paths and the crisp frames after them, wall and
// process CPU (medians), for quick A/B runs of the composite on a busy machine.
void MeasureGesturesOnly(Bench& bench, App& app, Board board, int frames) {
  const int notes = int(board.notes.size());
  bench.Open(std::move(board));
  bench.Fit();
  const Vec2 fitCentre = bench.ViewCentre();
  const float fitZoom = app.canvas().camera().zoom;
  const Rect& grid = app.canvas().layout().grid;
  const Vec2 gridCentre{(grid.x0 + grid.x1) * 0.5f, (grid.y0 + grid.y1) * 0.5f};
  std::printf("%6d notes |", notes);
  for (const auto& [name, centre, zoom] : {std::tuple{"fit", fitCentre, fitZoom}, std::tuple{"zoomed", gridCentre, 2.0f}}) {
    std::vector<double> cpu;
    const Stats wall = Summarize(bench.Gesture(frames, centre, zoom, &cpu));
    double crispCpu = 0;
    const double crisp = bench.CrispAfterRest(&crispCpu);
    std::printf(" gesture %s %.1f ms (cpu %.1f) crisp %.1f ms (cpu %.1f) |", name, wall.median, Summarize(cpu).median,
                crisp, crispCpu);
  }
  std::printf("\n");
}

// [SECTION] Report

std::string Machine() {
  std::string cpu = "unknown CPU";
  std::ifstream info("/proc/cpuinfo");
  for (std::string line; std::getline(info, line);)
    if (line.rfind("model name", 0) == 0) {
      cpu = line.substr(line.find(':') + 2);
      break;
    }
  const char* renderer = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
  return cpu + ", " + std::to_string(sysconf(_SC_NPROCESSORS_ONLN)) + " cores, " + (renderer ? renderer : "unknown GL");
}

std::string JsonString(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (static_cast<unsigned char>(c) < 0x20) continue;
    out += c;
  }
  return out + "\"";
}

std::string Num(double v) {
  char text[32];
  std::snprintf(text, sizeof text, "%.3f", v);
  return text;
}

void WriteJson(const std::string& path, const std::vector<Result>& results, double startupMs, const std::string& startupNote,
               double peakRssMb, const IdleCheck& idle) {
  std::string json = "{\"machine\": " + JsonString(Machine()) + ", \"results\": [";
  for (size_t i = 0; i < results.size(); ++i) {
    const Result& r = results[i];
    auto exportMs = [](const std::optional<ExportStats>& s) { return s ? Num(s->renderMs + s->encodeMs) : "null"; };
    auto part = [](const std::optional<ExportStats>& s, bool render) {
      return s ? Num(render ? s->renderMs : s->encodeMs) : "null";
    };
    json += std::string(i ? ", " : "") + "{\"notes\": " + std::to_string(r.notes) +
            ", \"frame_cpu_ms_fit_median\": " + Num(r.fit.median) + ", \"frame_cpu_ms_fit_p95\": " + Num(r.fit.p95) +
            ", \"frame_cpu_ms_zoomed_median\": " + Num(r.zoomed.median) +
            ", \"frame_cpu_ms_zoomed_p95\": " + Num(r.zoomed.p95) +
            ", \"frame_cpu_ms_drag_median\": " + Num(r.drag.median) + ", \"frame_cpu_ms_drag_p95\": " + Num(r.drag.p95) +
            ", \"frame_cpu_ms_draw_median\": " + Num(r.draw.median) + ", \"frame_cpu_ms_draw_p95\": " + Num(r.draw.p95) +
            ", \"frame_gl_ms_fit_median\": " + Num(r.glFit.median) + ", \"frame_gl_ms_fit_p95\": " + Num(r.glFit.p95) +
            ", \"frame_gl_ms_zoomed_median\": " + Num(r.glZoomed.median) +
            ", \"first_frame_ms\": " + Num(r.firstFrameMs) + ", \"save_ms\": " + Num(r.saveMs) +
            ", \"load_ms\": " + Num(r.loadMs) + ", \"file_bytes\": " + std::to_string(r.fileBytes) +
            ", \"export_3840_ms\": " + exportMs(r.export3840) + ", \"export_3840_render_ms\": " + part(r.export3840, true) +
            ", \"export_3840_encode_ms\": " + part(r.export3840, false) + ", \"export_7680_ms\": " + exportMs(r.export7680) +
            ", \"export_7680_render_ms\": " + part(r.export7680, true) +
            ", \"export_7680_encode_ms\": " + part(r.export7680, false) +
            (r.exportNote.empty() ? "" : ", \"export_note\": " + JsonString(r.exportNote)) +
            ", \"frame_gl_ms_gesture_fit_median\": " + Num(r.gestureFit.median) +
            ", \"frame_gl_ms_gesture_fit_p95\": " + Num(r.gestureFit.p95) +
            ", \"frame_gl_ms_gesture_fit_nocache_median\": " + Num(r.gestureFitNocache.median) +
            ", \"frame_gl_ms_gesture_zoomed_median\": " + Num(r.gestureZoomed.median) +
            ", \"frame_gl_ms_gesture_zoomed_p95\": " + Num(r.gestureZoomed.p95) +
            ", \"frame_gl_ms_gesture_zoomed_nocache_median\": " + Num(r.gestureZoomedNocache.median) +
            ", \"frame_gl_ms_crisp_after_gesture\": " + Num(r.crispAfterGesture) +
            ", \"frame_gl_ms_crisp_after_gesture_zoomed\": " + Num(r.crispAfterGestureZoomed) +
            ", \"frame_gl_ms_drag_zoomed_median\": " + Num(r.dragZoomed.median) +
            ", \"export_cli_ms\": " + (r.exportCliMs >= 0 ? Num(r.exportCliMs) : "null") +
            (r.exportCliNote.empty() ? "" : ", \"export_cli_note\": " + JsonString(r.exportCliNote)) +
            ", \"frame_window_ms_gesture_fit_median\": " + (r.windowGestureFitMs >= 0 ? Num(r.windowGestureFitMs) : "null") +
            (r.windowNote.empty() ? "" : ", \"window_note\": " + JsonString(r.windowNote)) + "}";
  }
  json += "], \"startup_ms\": " + (startupMs >= 0 ? Num(startupMs) : "null") +
          (startupNote.empty() ? "" : ", \"startup_note\": " + JsonString(startupNote)) +
          ", \"peak_rss_mb\": " + Num(peakRssMb) + ", \"idle_next_frame_s\": " + Num(idle.idle) +
          ", \"timer_next_frame_s\": " + Num(idle.timerRunning) + ", \"timer_reset_next_frame_s\": " + Num(idle.timerReset) +
          "}\n";
  std::ofstream(path) << json;
}

void PrintTable(const std::vector<Result>& results) {
  std::printf("\n%7s | %-17s | %-17s | %-17s | %-17s | %-9s | %-9s | %7s | %7s | %9s | %-15s | %-15s\n", "notes",
              "cpu fit med/p95", "cpu zoom med/p95", "cpu drag med/p95", "cpu draw med/p95", "gl fit", "gl zoom", "save", "load", "file KB",
              "png 3840 r+e", "png 7680 r+e");
  auto exportText = [](const std::optional<ExportStats>& s) {
    char text[40];
    if (s) std::snprintf(text, sizeof text, "%.0f+%.0f", s->renderMs, s->encodeMs);
    else std::snprintf(text, sizeof text, "too tall");
    return std::string(text);
  };
  for (const Result& r : results)
    std::printf("%7d | %7.2f / %7.2f | %7.2f / %7.2f | %7.2f / %7.2f | %7.2f / %7.2f | %9.2f | %9.2f | %7.1f | %7.1f | %9.0f | %-15s | %-15s\n",
                r.notes, r.fit.median, r.fit.p95, r.zoomed.median, r.zoomed.p95, r.drag.median, r.drag.p95, r.draw.median, r.draw.p95,
                r.glFit.median, r.glZoomed.median, r.saveMs, r.loadMs, double(r.fileBytes) / 1024,
                exportText(r.export3840).c_str(), exportText(r.export7680).c_str());
  std::printf("(ms; frames at %dx%d; draw = a pen stroke of about 200 points in progress; gl = CPU + GpuRenderer + glFinish;"
              " png = render + encode)\n", kWidth, kHeight);

  std::printf("\n%7s | %-15s | %-15s | %-9s | %-9s | %-9s | %-9s | %-9s | %-9s\n", "notes", "gesture fit", "gesture zoom",
              "crisp", "crisp zm", "drag zoom", "window", "png r+e", "cli export");
  auto optional = [](double ms) {
    char text[24];
    if (ms >= 0) std::snprintf(text, sizeof text, "%.1f", ms);
    else std::snprintf(text, sizeof text, "-");
    return std::string(text);
  };
  for (const Result& r : results) {
    char fit[40], zoom[40];
    std::snprintf(fit, sizeof fit, "%.1f (%.1f off)", r.gestureFit.median, r.gestureFitNocache.median);
    std::snprintf(zoom, sizeof zoom, "%.1f (%.1f off)", r.gestureZoomed.median, r.gestureZoomedNocache.median);
    std::printf("%7d | %-15s | %-15s | %9.1f | %9.1f | %9.1f | %9s | %9s | %9s\n", r.notes, fit, zoom, r.crispAfterGesture,
                r.crispAfterGestureZoomed, r.dragZoomed.median, optional(r.windowGestureFitMs).c_str(),
                optional(r.export3840 ? r.export3840->renderMs + r.export3840->encodeMs : -1).c_str(),
                optional(r.exportCliMs).c_str());
    if (!r.exportCliNote.empty()) std::printf("        cli export: %s\n", r.exportCliNote.c_str());
    if (!r.windowNote.empty()) std::printf("        window: %s\n", r.windowNote.c_str());
  }
  std::printf("(issue 19; ms, whole frames: build + GL + finish, medians; gesture = pan +-5 %% and zoom +-10 %% along sines,"
              " around the fitted view and zoom 2, board cache on (off); crisp = the slowest of 3 frames after it rests;"
              " drag zoom = one note at zoom 2; window = the fitted gesture swapped in a real window, v-sync off;"
              " cli export = the whole `journeyboard export` process at 3840)\n");
}

// The child of MeasureWindowGesture: the board at `path` fitted in a real 1920×1080 GLFW window,
// v-sync off, the fitted gesture path swapped every frame. Prints its median on stdout.
int RunWindowGesture(const std::string& path, int frames) {
  if (!glfwInit()) {
    std::printf("GLFW could not open the display.\n");
    return 1;
  }
  HintBoardWindow();
  glfwWindowHint(GLFW_RESIZABLE, GLFW_FALSE);
  GLFWwindow* window = glfwCreateWindow(kWidth, kHeight, "journeyboard bench", nullptr, nullptr);
  if (!window) {
    std::printf("No OpenGL 3.3 window could be created.\n");
    glfwTerminate();
    return 1;
  }
  glfwMakeContextCurrent(window);
  glfwSwapInterval(0);
  int code = 1;
  LoadResult loaded = LoadBoard(path);
  if (!gladLoadGL(glfwGetProcAddress)) {
    std::printf("OpenGL functions could not be loaded.\n");
  } else if (auto* error = std::get_if<LoadError>(&loaded)) {
    std::printf("%s\n", error->message.c_str());
  } else {
    ImGui::CreateContext();
    {
      WindowOptions options;
      options.templateKey = "sample";
      App app(nullptr, options);  // headless input, as in the EGL measurements; only the target differs
      if (app.Init()) {
        Bench bench(app);
        bench.Init(window);
        bench.Open(std::move(std::get<LoadedBoard>(loaded).board));
        bench.Fit();
        const std::vector<double> ms = bench.Gesture(frames, bench.ViewCentre(), app.canvas().camera().zoom);
        std::printf("window_gesture_fit_median_ms %.3f\n", Summarize(ms).median);
        code = 0;
      }
    }
    ImGui::DestroyContext();
  }
  glfwDestroyWindow(window);
  glfwTerminate();
  return code;
}

}  // namespace
}  // namespace jb

// [SECTION] main

int main(int argc, char** argv) {
  using namespace jb;
  KeepMemoryInLargePages();  // as the app's main does: the figures are the app's
  std::string boardPath, jsonPath, windowBoard;
  int frames = 200;
  bool quick = false;
  bool room = false;  // Room view (R) on: its layout and larger text
  bool sketch = false;  // 2,000 strokes and 1,000 arrows over every board
  int onlyNotes = 0;
  bool gesturesOnly = false;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--board" && i + 1 < argc) boardPath = argv[++i];
    else if (arg == "--frames" && i + 1 < argc) frames = std::max(1, std::atoi(argv[++i]));
    else if (arg == "--json" && i + 1 < argc) jsonPath = argv[++i];
    else if (arg == "--quick") quick = true;
    else if (arg == "--room") room = true;
    else if (arg == "--sketch") sketch = true;
    else if (arg == "--gestures") gesturesOnly = true;
    else if (arg == "--notes" && i + 1 < argc) onlyNotes = std::atoi(argv[++i]);
    else if (arg == "--window-gesture" && i + 1 < argc) windowBoard = argv[++i];  // MeasureWindowGesture's child
    else {
      std::fprintf(stderr,
                   "usage: journeyboard_bench [--board FILE.cjm] [--frames K] [--quick] [--notes N] [--room] [--sketch]\n"
                   "                          [--json PATH] [--gestures]\n"
                   "  synthetic boards of 100, 1000, 10000, 50000 notes (--quick: up to 1000; --notes: only N);\n"
                   "  --sketch adds 2,000 pen strokes (200 raw points each, simplified) and 1,000 arrows to each;\n"
                   "  --gestures measures only the cached gesture paths and the crisp frames after them (K frames)\n");
      return 2;
    }
  }

  // The gesture path is 100 frames (the peer's); --quick (the smoke test) takes 5 of them and runs
  // the command-line export once, on its first board.
  const int gestureFrames = quick ? 5 : 100;

  // A private settings and recovery folder: no user's recovery prompt, recent list or autosave.
  const fs::path work = fs::temp_directory_path() / ("journeyboard-bench-" + std::to_string(getpid()));
  fs::create_directories(work);
  setenv("XDG_CONFIG_HOME", (work / "config").c_str(), 1);
  setenv("XDG_STATE_HOME", (work / "state").c_str(), 1);
  setenv("XDG_CACHE_HOME", (work / "cache").c_str(), 1);  // the command-line export's font cache
  if (!windowBoard.empty()) {
    const int code = RunWindowGesture(windowBoard, frames);
    std::error_code ec;
    fs::remove_all(work, ec);
    return code;
  }

  std::string startupNote;
  const double startupMs = onlyNotes > 0 || gesturesOnly ? -1 : MeasureStartup(JB_APP_PATH, work, 5, &startupNote);
  if (onlyNotes > 0) startupNote = "not measured with --notes";

  HeadlessGl gl;
  std::string error;
  if (!gl.Create(&error)) {
    std::fprintf(stderr, "journeyboard_bench: %s\n", error.c_str());
    return 1;
  }
  ImGui::CreateContext();
  ImGui::GetIO().DisplaySize = {float(kWidth), float(kHeight)};
  std::vector<Result> results;
  IdleCheck idle;
  int code = 0;
  {
    WindowOptions options;
    options.templateKey = "sample";  // the sample board, as before the start screen: nothing over the board
    App app(nullptr, options);
    if (!app.Init()) {
      code = 1;
    } else {
      Bench bench(app);
      bench.Init();
      app.canvas().SetRoomView(room);  // before the idle check: Room view must idle too
      idle = CheckIdle(bench, app);
      std::vector<Board> boards;
      if (!boardPath.empty()) {
        LoadResult loaded = LoadBoard(boardPath);
        if (auto* loadError = std::get_if<LoadError>(&loaded)) {
          std::fprintf(stderr, "journeyboard_bench: %s\n", loadError->message.c_str());
          code = 1;
        } else {
          boards.push_back(std::move(std::get<LoadedBoard>(loaded).board));
        }
      } else {
        if (onlyNotes > 0) boards.push_back(MakeSyntheticBoard(onlyNotes));
        else
          for (int n : {100, 1000, 10000, 50000})
            if (!quick || n <= 1000) boards.push_back(MakeSyntheticBoard(n));
      }
      for (Board& board : boards) {
        if (sketch) AddSketches(board, 2000, 1000);
        const size_t notes = board.notes.size();
        std::fprintf(stderr, "journeyboard_bench: %zu notes...\n", notes);
        if (gesturesOnly) {
          MeasureGesturesOnly(bench, app, std::move(board), frames);
          continue;
        }
        const int cliRuns = !quick ? 5 : results.empty() ? 1 : 0;
        results.push_back(Measure(bench, app, std::move(board), frames, gestureFrames, cliRuns, work));
      }
    }
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const double peakRssMb = double(usage.ru_maxrss) / 1024;
  if (code == 0 && !gesturesOnly) {
    PrintTable(results);
    if (startupMs >= 0) std::printf("start-up to the first drawn frame (sample board): %.0f ms\n", startupMs);
    else std::printf("start-up: %s\n", startupNote.c_str());
    std::printf("peak resident memory: %.0f MB\n", peakRssMb);
    std::printf("idle: %s; a running timer's next frame in %.2f s; reset: %s\n",
                idle.idle < 0 ? "no timed frames" : "TIMED FRAMES ASKED FOR", idle.timerRunning,
                idle.timerReset < 0 ? "no timed frames" : "TIMED FRAMES ASKED FOR");
    if (!jsonPath.empty()) WriteJson(jsonPath, results, startupMs, startupNote, peakRssMb, idle);
  }
  ImGui::DestroyContext();
  std::error_code ec;
  fs::remove_all(work, ec);
  return code;
}
