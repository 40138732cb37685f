#include "core/session/save_document.h"

namespace jb {

bool SaveDocument(Document& document, const std::string& path, SaveError* error) {
  const std::string target = path.empty() ? document.path() : path;
  if (target.empty()) {
    if (error) error->message = "Choose a file name to save the board to.";
    return false;
  }
  // The saved state is the last recorded one, so a gesture in flight is not written: were it
  // cancelled, the file would hold a board that no state of the history has.
  bool saved = false;
  if (!document.GestureDiff().Empty()) {
    Board start = document.board();
    RevertDiff(start, document.GestureDiff());
    saved = SaveBoard(start, target, error);
  } else {
    saved = SaveBoard(document.board(), target, error);
  }
  if (!saved) return false;
  document.MarkSaved(target);
  return true;
}

}  // namespace jb
