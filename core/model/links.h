// Links between notes: an arrow bound to a note at both ends links them (a pain to the solution
// that answers it, a solution to its action item). The inspector lists them; exports will too.
#pragma once
#include <string>
#include <vector>

#include "core/model/model.h"

namespace jb {

struct NoteLink {
  ArrowId arrow;
  NoteId other;   // the note at the arrow's other end
  bool outgoing;  // the arrow leaves the asked note (→), else it comes in (←)
};

// The links of note `id`, in the board's arrow order: arrows bound at both ends to existing notes,
// one end being `id`. An arrow with a free end, or bound to a missing note, links nothing.
std::vector<NoteLink> NoteLinks(const Board& board, NoteId id);

// Every link of the board once, in arrow order: each arrow bound at both ends to two different
// existing notes (NoteLinks' rule), found in one pass, for lists of all links (the exports).
struct BoardLink {
  const Arrow* arrow;
  const Note* from;
  const Note* to;
};
std::vector<BoardLink> BoardLinks(const Board& board);

// A note's text as one short line for a list: its first non-empty line, cut to at most
// `maxChars` code points with "…" (never inside a UTF-8 sequence).
std::string ShortText(const std::string& text, size_t maxChars);

}  // namespace jb
