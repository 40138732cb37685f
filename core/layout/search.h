// Finding things by what a person types: notes on a board (Find, Ctrl+F) and commands by name (the
// command palette, Ctrl+K). Both compare texts folded by utf8proc (libutf8proc-dev), so case,
// accents and look-alike forms do not matter in any script.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/model/model.h"

namespace jb {

// `utf8` as search compares it. Broken UTF-8 is repaired first (as a board's texts are), then:
// Unicode case folding (Клиент → клиент, ß → ss, final ς → σ), compatibility forms (ﬁ → fi,
// full-width Ａ → a), marks stripped, so matching is accent-insensitive in every script (é → e,
// ё → е, and also й → и), default-ignorable characters dropped (soft hyphen, zero-width joiner),
// look-alike dashes and spaces lumped (en dash → -, no-break space → space), control characters
// dropped, and every run of white space (newlines too) one space, none at either end.
std::string FoldForSearch(std::string_view utf8);

// The folded texts of a board's notes, kept between searches: a search after a small change (a
// drag step, another letter of the query) folds only the notes whose texts changed. Folding every
// note of a 50,000-note Cyrillic board takes about a third of a second; looking it up, a few ms.
class NoteFoldCache {
 public:
  // `note`'s text, owner, channel and tags, each folded, with '\n' between them (a fold never
  // leaves a line break, so a query never spans two fields).
  const std::string& Folded(const Note& note);
  // Forgets the notes not asked for since the last Sweep (deleted ones).
  void Sweep();

 private:
  struct Entry {
    std::string text, owner, channel;
    std::vector<std::string> tags;
    std::string folded;
    bool seen = false;
  };
  std::unordered_map<uint64_t, Entry> m_entries;
};

// The notes whose text, a tag, owner or channel holds `query` (both folded; each field on its own),
// in board order: stage by stage from the left, lane by lane from the top within a stage, a cell's
// notes in their order; then the free notes. A query that folds to nothing finds nothing. `cache`
// (may be null) keeps the folded texts for the next search.
std::vector<NoteId> FindNotes(const Board& board, std::string_view query, NoteFoldCache* cache = nullptr);

// The command palette's filter: the indices of `names` that match `query`, best first. Names and
// query are folded and split into words (letters and digits; anything else separates). A name
// matches when every query word begins one of its words ("zo fit" finds "View Zoom to fit", "vot"
// finds "Voting mode"). Names whose words hold the query's words in a row ("zoom to" in "Zoom to
// fit") come before the others; otherwise the names keep their order. An empty query keeps them all.
std::vector<size_t> FilterByWords(const std::vector<std::string>& names, std::string_view query);

}  // namespace jb
