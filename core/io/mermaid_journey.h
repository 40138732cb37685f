// Mermaid's `journey` diagram, the one text format for customer journeys that wikis, GitHub and
// GitLab render:
//
//   journey
//     title My working day
//     section Go to work
//       Make tea: 5: Me
//       Go upstairs: 3: Me, Cat
//
// Reading: sections become stages, tasks notes in a Steps lane (touchpoints), each actor a persona
// with its own emotion curve whose points are the tasks' scores (1..5 onto −1..+1), each point
// remembering its task (CurvePoint::note). Writing is the reverse, so import then export keeps
// what Mermaid holds: sections, tasks, each task's actors and scores, in order.
#pragma once
#include <string>
#include <string_view>

#include "core/io/table_import.h"

namespace jb {

// Whether `text` is a Mermaid journey: after an optional BOM and `---` front matter, its first line
// that is not blank or a %% comment is `journey`; or (Markdown) it holds a ```mermaid (or ~~~)
// fence whose diagram is one (the first such fence is the one read).
bool IsMermaidJourney(std::string_view text);

// Builds the board from a Mermaid journey (bare or inside a Markdown fence). False with one
// sentence naming the line when it is not one that can be read.
bool ReadMermaidJourney(std::string_view text, const TableImportOptions& options, TableImport* out,
                        std::string* error);

// The board as a Mermaid journey (no fence): its touchpoint notes as tasks, per stage; each task's
// actors and scores from the personas' as-is curves (the points bound to the task, else the
// curve's value at the stage), rounded to 1..5. Text holding `:` `#` `;` or line breaks is
// written so that Mermaid still parses it.
std::string WriteMermaidJourney(const Board& board);

}  // namespace jb
