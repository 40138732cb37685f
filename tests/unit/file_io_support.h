// Helpers shared by the tests of loading, restoring and saving boards.
#pragma once
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "core/io/file_io.h"
#include "core/io/templates.h"

namespace jb::test {

// A small, valid version 1 file written by hand, keys deliberately in a different order
// from what the writer produces.
inline const std::string kMinimalBoard = R"({
  "board": {
    "notes": [
      {"text": "Hello", "id": 5, "stage": 1, "lane": 2, "pos": {"y": 0, "x": 0}, "size": "M",
       "color": "", "votes": 0, "tags": ["a"], "owner": "", "due": ""}
    ],
    "nextId": 1,
    "meta": {"title": "Hand made", "created": "", "modified": ""},
    "stages": [{"id": 1, "name": "Only stage", "width": 360}],
    "lanes": [{"id": 2, "name": "Notes", "kind": "custom", "height": 150, "color": "", "collapsed": false}],
    "curves": [{"id": 3, "persona": 4, "name": "As-is", "color": "#3B6FD8", "toBe": false,
                "points": [{"stage": 1, "t": 0.5, "value": -0.25, "label": "meh"}]}],
    "personas": [{"id": 4, "name": "P", "description": "", "goals": "", "needs": "", "pains": "",
                  "objections": "", "channels": "", "quote": ""}],
    "someFutureField": {"ignored": [1, 2, 3]}
  },
  "app": "0.0.9",
  "formatVersion": 1,
  "format": "journeyboard"
})";

inline std::string Replace(std::string text, const std::string& from, const std::string& to) {
  const size_t at = text.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, "fixture lacks: " << from);
  return text.replace(at, from.size(), to);
}

inline const Board* AsBoard(const LoadResult& result) {
  const LoadedBoard* loaded = std::get_if<LoadedBoard>(&result);
  return loaded ? &loaded->board : nullptr;
}
const Board* AsBoard(LoadResult&&) = delete;  // the pointer would dangle

// The warnings of a load that succeeded; empty for a failed one.
inline std::vector<std::string> Warnings(const LoadResult& result) {
  const LoadedBoard* loaded = std::get_if<LoadedBoard>(&result);
  return loaded ? loaded->warnings : std::vector<std::string>{};
}

// Whether one of `warnings` contains `part`.
inline bool HasWarning(const std::vector<std::string>& warnings, const std::string& part) {
  return std::any_of(warnings.begin(), warnings.end(),
                     [&](const std::string& w) { return w.find(part) != std::string::npos; });
}

// Loading must fail with this kind; returns the message. Messages are plain sentences that name
// the file and never leak parser jargon.
inline std::string ExpectError(const LoadResult& result, LoadErrorKind kind, const std::string& name = "test.cjm") {
  const LoadError* error = std::get_if<LoadError>(&result);
  REQUIRE_MESSAGE(error != nullptr, "expected a load error");
  CHECK(static_cast<int>(error->kind) == static_cast<int>(kind));
  const std::string& message = error->message;
  CAPTURE(message);
  CHECK(message.find(name) != std::string::npos);
  CHECK(message.back() == '.');
  for (const char* jargon : {"rapidjson", "RapidJSON", "NVP", "assert", "IsObject", "cereal", "exception"})
    CHECK(message.find(jargon) == std::string::npos);
  return message;
}

inline std::string FromJsonError(const std::string& json, LoadErrorKind kind) {
  return ExpectError(BoardFromJson(json, "test.cjm"), kind);
}

inline bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// A template board with fixed timestamps: MakeBoard stamps the current time, so two calls a
// second apart would differ.
inline Board FixedBoard(Template which) {
  Board board = MakeBoard(which);
  board.meta.created = board.meta.modified = "2026-03-01T09:30:00Z";
  return board;
}

// Sorted names in a folder.
inline std::vector<std::string> FolderEntries(const std::filesystem::path& folder) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(folder))
    names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

// Records, while in scope, every step the savers and the change journal take (the hook of
// SetSaveFaultHookForTesting): "create", "write", "fsync", "rename", "fsync folder", "journal
// fdatasync"... `atStep` (optional) runs at each step before the step itself is done, so a test
// can look at the disk at that moment; it returns the errno value to fail the step with, or 0.
class DurableSteps {
 public:
  using AtStep = std::function<int(const std::string& step)>;
  explicit DurableSteps(AtStep atStep = nullptr) {
    s_steps.clear();
    s_atStep = std::move(atStep);
    SetSaveFaultHookForTesting(&Hook);
  }
  ~DurableSteps() {
    SetSaveFaultHookForTesting(nullptr);
    s_atStep = nullptr;
  }
  DurableSteps(const DurableSteps&) = delete;
  DurableSteps& operator=(const DurableSteps&) = delete;

  // The steps since construction or the last Take(), in order; forgets them.
  std::vector<std::string> Take() { return std::exchange(s_steps, {}); }

 private:
  static int Hook(const char* step) {
    s_steps.push_back(step);
    return s_atStep ? s_atStep(step) : 0;
  }
  static inline std::vector<std::string> s_steps;
  static inline AtStep s_atStep;
};

}  // namespace jb::test
