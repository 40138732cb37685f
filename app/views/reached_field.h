// A stage's "customers reached" typed in (the stage menu's Customers reached… field and the
// inspector's Stage section): parsed and placed by core (funnel.h ParseReached, ResolveReached),
// applied as one undo step.
#pragma once
#include <string>
#include <string_view>

#include "core/edit/document.h"
#include "core/model/model.h"

namespace jb {

// Sets the stage's reached count from `text` ("1200", "1 200", "45%", "" clears it), with the
// board's first stage set to 100 in the same step when a percentage has nothing else to be of.
// False with one sentence in *error, and nothing changed, when the text is not a count.
bool ApplyReachedText(Document& document, StageId stage, std::string_view text, std::string* error);

// The field's starting text: the stage's count as a plain number, or empty when not measured.
std::string ReachedFieldText(const Stage& stage);

}  // namespace jb
