// The app's modal dialogs, one file each. Each is called every frame: `requested` opens it (and
// is cleared), and it returns what the facilitator answered; the App does what the answer means.
// Each records its title and text, and its first button, in the layout dump.
#pragma once
#include <string>

#include "core/io/templates.h"
#include "core/model/model.h"

namespace jb {

// recovery_prompt.cpp: "Restore unsaved work on BOARD from WHEN?" Enter restores, Esc discards.
enum class RecoveryAnswer { None, Restore, Discard };
// `note`: what of the work cannot come back (a damaged change log), shown under the question; may be empty.
RecoveryAnswer ShowRecoveryPrompt(bool* requested, const std::string& board, const std::string& when,
                                  const std::string& note);

// unsaved_question.cpp: "Save the changes to NAME first?" Enter saves, N doesn't, Esc cancels.
enum class UnsavedAnswer { None, Save, DontSave, Cancel };
UnsavedAnswer ShowUnsavedQuestion(bool* requested, const std::string& name);

// changed_on_disk.cpp: "NAME was changed by another program since you opened it." asked before a
// save would overwrite it. Save As (Enter) keeps both, Overwrite replaces it, Cancel (Esc) saves nothing.
enum class ChangedOnDiskAnswer { None, SaveAs, Overwrite, Cancel };
ChangedOnDiskAnswer ShowChangedOnDiskQuestion(bool* requested, const std::string& name);

// error_message.cpp: an error or a list of repairs, one OK button (Enter or Esc).
void ShowErrorMessage(bool* requested, const std::string& message);

// new_board_dialog.cpp: the template chooser (Ctrl+N), the start screen's template cards
// (start_screen.h). Returns true when one was chosen.
class TemplateGallery;
class GpuRenderer;
class Fonts;
bool ShowNewBoardDialog(bool* requested, TemplateGallery& gallery, GpuRenderer& renderer, const Fonts& fonts,
                        Template* chosen);

// board_properties.cpp: File ▸ Board properties…: the board's title and language. Returns true
// when OK was pressed (the edited values in *title and *language).
bool ShowBoardProperties(bool* requested, const Board& board, std::string* title, std::string* language);

}  // namespace jb
