#include "app/render/export_job.h"

#include <glad/gl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app/platform/fonts.h"
#include "app/platform/gl_context.h"
#include "app/platform/gpu_renderer.h"
#include "app/platform/i18n.h"

namespace jb {

ExportJob::~ExportJob() {
  Cancel();
  if (m_thread.joinable()) m_thread.join();
}

void ExportJob::Start(Board board, const ExportParams& params, const std::string& path, const Fonts& fonts,
                      SharedGlContext* context, GpuRenderer& mainRenderer, bool removeIfFailed) {
  if (m_thread.joinable()) m_thread.join();
  m_progress.tile = 0;
  m_progress.tiles = 0;
  m_progress.encoding = false;
  m_progress.cancel = false;
  m_finished = false;
  m_started = true;
  m_removeIfFailed = removeIfFailed;
  m_outcome = {};
  m_outcome.path = path;
  // The UI's shared data (white pixel, tessellation tables), copied here on the UI thread: the
  // worker never touches the ImGui context.
  m_shared = *ImGui::GetDrawListSharedData();
  if (!context || !context->Ready()) {
    Run(board, params, fonts, mainRenderer);
    return;
  }
  glFlush();  // the font texture's upload is complete before the other context reads it
  m_thread = std::thread([this, context, board = std::move(board), params, &fonts] {
    context->MakeCurrent();
    if (GpuRenderer* renderer = context->Renderer()) {
      renderer->ShareFonts(*fonts.Ui()->ContainerAtlas);  // the window's, rebuilt only between jobs
      Run(board, params, fonts, *renderer);
    } else {
      m_outcome.error = _("The graphics driver could not compile the renderer's shaders for the export.");
    }
    context->Release();
    m_finished = true;
  });
}

void ExportJob::Run(const Board& board, const ExportParams& params, const Fonts& fonts, GpuRenderer& renderer) {
  m_outcome.ok = RenderExportPng(board, params, m_outcome.path, renderer, fonts, m_shared, &m_progress,
                                 &m_outcome.stats, &m_outcome.error);
  m_outcome.cancelled = !m_outcome.ok && m_progress.cancel && m_outcome.error.empty();
  if (!m_outcome.ok && m_removeIfFailed) {
    // Only the empty file reserved for it: never anything that has content.
    struct stat info {};
    if (::lstat(m_outcome.path.c_str(), &info) == 0 && S_ISREG(info.st_mode) && info.st_size == 0)
      ::unlink(m_outcome.path.c_str());
  }
  m_finished = true;
}

std::optional<ExportOutcome> ExportJob::Poll() {
  if (!m_started || !m_finished) return std::nullopt;
  if (m_thread.joinable()) m_thread.join();
  m_started = false;
  return m_outcome;
}

std::string ExportJob::ProgressText() const {
  if (m_progress.encoding) return "encoding";
  const int tiles = m_progress.tiles;
  if (tiles <= 0) return "starting";
  return "tile " + std::to_string(std::min(tiles, m_progress.tile + 1)) + " of " + std::to_string(tiles);
}

}  // namespace jb
