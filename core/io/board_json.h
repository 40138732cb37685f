// The loader's steps on the parsed JSON (RapidJSON DOM), between parsing and cereal: migrate old
// format versions, check the size limits, fill missing fields. cereal 1.3.2 has no optional
// fields and cannot ask a value's type, so all of this is done on the document it reads from.
// Internal to file_io.cpp (and its tests); <cereal/archives/json.hpp> first so that RapidJSON's
// assertions throw instead of aborting.
#pragma once
#include "core/io/cereal_json.h"

#include <rapidjson/document.h>

#include <string>
#include <vector>

namespace jb::board_json {

// Brings the envelope `document` from `fromVersion` (1 ≤ fromVersion ≤ kFormatVersion) to the
// current version, one step per version, and sets its formatVersion. Damaged parts are left for
// the later steps to report.
void Migrate(rapidjson::Document& document, int fromVersion);

// Counts the records in the "board" object before any of them is built. Empty when within the
// limits, else the reason, as "it has 250,000 notes, and Journeyboard opens boards of up to 200,000".
std::string CheckLimits(const rapidjson::Value& board);

// Whether the "board" object holds at least one of a board's fields (meta, nextId, stages...).
bool HasBoardField(const rapidjson::Value& board);

// Fills missing fields of the "board" object and its records with defaults and drops list items
// that are not objects, with one warning per kind of record. A null counts as missing (no data is
// lost by a default). A plain value of the wrong kind or out of range is converted where that
// keeps its meaning (12 → "12", "20" → 20, "yes" → true, a vote of -2^63 → the least an int
// holds, for RepairBoard to clamp) or else set to its default, with one warning per kind of
// record. Fails only for broken structure (a list that is not a list, a record that is not an
// object); then `failedField` names it, as "notes[3].pos".
bool PrepareBoard(rapidjson::Value& board, rapidjson::Document::AllocatorType& allocator, std::string* failedField,
                  std::vector<std::string>* warnings);

}  // namespace jb::board_json
