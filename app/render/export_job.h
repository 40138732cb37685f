// One PNG export off the UI thread: the board is copied, then layout, drawing in tiles, read-back
// and PNG encoding run on a worker thread with its own GL context (SharedGlContext, sharing the
// window's font texture). The UI polls the progress ("tile 3 of 12", "encoding") and may cancel;
// a cancelled export leaves no file. While a job runs the fonts must not be rebuilt (the UI scale
// waits: Busy()).
#pragma once
#include <imgui.h>
#include <imgui_internal.h>  // ImDrawListSharedData, copied for the worker's draw list

#include <optional>
#include <string>
#include <thread>

#include "app/render/png_export.h"

namespace jb {

class SharedGlContext;

struct ExportOutcome {
  bool ok = false;
  bool cancelled = false;
  std::string path, error;  // error: one sentence (empty when cancelled)
  ExportStats stats;
};

class ExportJob {
 public:
  ExportJob() = default;
  ExportJob(const ExportJob&) = delete;
  ExportJob& operator=(const ExportJob&) = delete;
  ~ExportJob();

  // Call on the UI thread between ImGui::NewFrame and Render. With a ready `context` the export
  // runs on a worker; without one (no window: the benchmark) it runs here, to the end, before
  // returning. `removeIfFailed`: `path` is a reserved, empty file (a snapshot's unique name) to
  // delete when the export fails or is cancelled.
  void Start(Board board, const ExportParams& params, const std::string& path, const Fonts& fonts,
             SharedGlContext* context, GpuRenderer& mainRenderer, bool removeIfFailed);
  // A job started and not yet collected by Poll: the fonts are in use.
  bool Busy() const { return m_started; }
  void Cancel() { m_progress.cancel = true; }
  // Once the job has ended: its outcome, once (the worker is joined).
  std::optional<ExportOutcome> Poll();
  // "tile 3 of 12", "encoding", or "starting".
  std::string ProgressText() const;
  const std::string& path() const { return m_outcome.path; }

 private:
  void Run(const Board& board, const ExportParams& params, const Fonts& fonts, GpuRenderer& renderer);

  std::thread m_thread;
  ExportProgress m_progress;
  std::atomic<bool> m_finished{false};
  bool m_started = false, m_removeIfFailed = false;
  ImDrawListSharedData m_shared;
  ExportOutcome m_outcome;
};

}  // namespace jb
