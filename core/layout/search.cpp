#include "core/layout/search.h"

#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>
#include <unordered_map>

#include "core/model/sanitize.h"

namespace jb {

namespace {

// Case folding, compatibility forms, marks stripped (decomposed, stripped, composed again),
// ignorables, look-alikes lumped; control characters dropped, line breaks and tabs made spaces.
constexpr auto kFoldOptions =
    utf8proc_option_t(UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK |
                      UTF8PROC_IGNORE | UTF8PROC_LUMP | UTF8PROC_STRIPCC);

bool IsAscii(std::string_view text) {
  for (unsigned char c : text)
    if (c >= 0x80) return false;
  return true;
}

// Every run of spaces one space, none at either end (the fold has made all white space spaces).
void CollapseSpaces(std::string& text) {
  size_t out = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == ' ' && (out == 0 || text[out - 1] == ' ')) continue;
    text[out++] = text[i];
  }
  if (out > 0 && text[out - 1] == ' ') --out;
  text.resize(out);
}

// A word is a run of letters and digits (marks are gone after folding).
std::vector<std::string_view> Words(std::string_view folded) {
  std::vector<std::string_view> words;
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(folded.data());
  const auto size = static_cast<utf8proc_ssize_t>(folded.size());
  utf8proc_ssize_t start = -1;
  for (utf8proc_ssize_t at = 0; at < size;) {
    utf8proc_int32_t code = 0;
    utf8proc_ssize_t length = utf8proc_iterate(bytes + at, size - at, &code);
    if (length <= 0) length = 1;  // folded text is valid UTF-8; never loop forever all the same
    const utf8proc_category_t category = utf8proc_category(code);
    const bool wordChar = category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_NO;
    if (wordChar && start < 0) start = at;
    if (!wordChar && start >= 0) {
      words.push_back(folded.substr(size_t(start), size_t(at - start)));
      start = -1;
    }
    at += length;
  }
  if (start >= 0) words.push_back(folded.substr(size_t(start)));
  return words;
}

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

}  // namespace

std::string FoldForSearch(std::string_view utf8) {
  std::string text(utf8);
  RepairUtf8(text);
  if (IsAscii(text)) {  // most notes: what the fold below gives for ASCII, without its two passes and allocation
    size_t out = 0;
    for (char c : text) {
      if (c >= 'A' && c <= 'Z')
        c = char(c - 'A' + 'a');
      else if (c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r')
        c = ' ';
      else if ((c >= 0 && c < 0x20) || c == 0x7f)
        continue;  // other control characters
      text[out++] = c;
    }
    text.resize(out);
  } else {
    utf8proc_uint8_t* folded = nullptr;
    const utf8proc_ssize_t length = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                                                 static_cast<utf8proc_ssize_t>(text.size()), &folded, kFoldOptions);
    if (length >= 0) text.assign(reinterpret_cast<const char*>(folded), size_t(length));
    std::free(folded);  // utf8proc allocates with malloc; on an error (none after the repair) it is null
  }
  CollapseSpaces(text);
  return text;
}

const std::string& NoteFoldCache::Folded(const Note& note) {
  Entry& entry = m_entries[note.id.value];
  entry.seen = true;
  if (!entry.folded.empty() && entry.text == note.text && entry.owner == note.owner && entry.channel == note.channel &&
      entry.tags == note.tags)
    return entry.folded;
  entry.text = note.text;
  entry.owner = note.owner;
  entry.channel = note.channel;
  entry.tags = note.tags;
  entry.folded = FoldForSearch(note.text) + '\n' + FoldForSearch(note.owner) + '\n' + FoldForSearch(note.channel);
  for (const std::string& tag : note.tags) entry.folded += '\n' + FoldForSearch(tag);
  return entry.folded;
}

void NoteFoldCache::Sweep() {
  for (auto it = m_entries.begin(); it != m_entries.end();) {
    if (!it->second.seen) {
      it = m_entries.erase(it);
    } else {
      it->second.seen = false;
      ++it;
    }
  }
}

std::vector<NoteId> FindNotes(const Board& board, std::string_view query, NoteFoldCache* cache) {
  const std::string needle = FoldForSearch(query);
  if (needle.empty()) return {};
  NoteFoldCache once;
  NoteFoldCache& folds = cache ? *cache : once;
  // Board order: (stage index, lane index, place in Board::notes); free notes after every stage.
  std::unordered_map<uint64_t, size_t> stageIndex, laneIndex;
  for (size_t s = 0; s < board.stages.size(); ++s) stageIndex[board.stages[s].id.value] = s;
  for (size_t l = 0; l < board.lanes.size(); ++l) laneIndex[board.lanes[l].id.value] = l;
  struct Found {
    size_t stage, lane, index;
  };
  std::vector<Found> found;
  for (size_t i = 0; i < board.notes.size(); ++i) {
    const Note& note = board.notes[i];
    if (folds.Folded(note).find(needle) == std::string::npos) continue;
    Found f{board.stages.size(), board.lanes.size(), i};
    if (!note.IsFree()) {
      const auto s = stageIndex.find(note.stage.value);
      const auto l = laneIndex.find(note.lane.value);
      if (s != stageIndex.end()) f.stage = s->second;
      if (l != laneIndex.end()) f.lane = l->second;
    }
    found.push_back(f);
  }
  folds.Sweep();
  std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) {
    if (a.stage != b.stage) return a.stage < b.stage;
    if (a.lane != b.lane) return a.lane < b.lane;
    return a.index < b.index;
  });
  std::vector<NoteId> ids;
  ids.reserve(found.size());
  for (const Found& f : found) ids.push_back(board.notes[f.index].id);
  return ids;
}

std::vector<size_t> FilterByWords(const std::vector<std::string>& names, std::string_view query) {
  const std::string foldedQuery = FoldForSearch(query);
  const std::vector<std::string_view> wanted = Words(foldedQuery);
  std::vector<size_t> inARow, scattered;
  for (size_t i = 0; i < names.size(); ++i) {
    if (wanted.empty()) {
      inARow.push_back(i);
      continue;
    }
    const std::string folded = FoldForSearch(names[i]);
    const std::vector<std::string_view> words = Words(folded);
    bool all = true;
    for (std::string_view w : wanted)
      all = all && std::any_of(words.begin(), words.end(), [w](std::string_view word) { return StartsWith(word, w); });
    if (!all) continue;
    bool row = false;
    for (size_t start = 0; start + wanted.size() <= words.size() && !row; ++start) {
      row = true;
      for (size_t k = 0; k < wanted.size() && row; ++k) row = StartsWith(words[start + k], wanted[k]);
    }
    (row ? inARow : scattered).push_back(i);
  }
  inARow.insert(inARow.end(), scattered.begin(), scattered.end());
  return inARow;
}

}  // namespace jb
