#include "core/room/incoming_note.h"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <charconv>

#include "core/model/sanitize.h"

namespace jb {

namespace {

// An id as the page sends it: a decimal string (or a small number), 0 when absent or not one.
uint64_t IdField(const rapidjson::Value& object, const char* key) {
  const auto found = object.FindMember(key);
  if (found == object.MemberEnd()) return 0;
  const rapidjson::Value& value = found->value;
  if (value.IsUint64()) return value.GetUint64();
  if (!value.IsString()) return 0;
  uint64_t id = 0;
  const char* begin = value.GetString();
  const char* end = begin + value.GetStringLength();
  const auto [at, error] = std::from_chars(begin, end, id);
  return error == std::errc() && at == end ? id : 0;
}

// A string field, or empty; false when present but not a string.
bool StringField(const rapidjson::Value& object, const char* key, std::string* out) {
  const auto found = object.FindMember(key);
  if (found == object.MemberEnd() || found->value.IsNull()) return true;
  if (!found->value.IsString()) return false;
  out->assign(found->value.GetString(), found->value.GetStringLength());
  return true;
}

bool ClientIdChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

// Leading and trailing spaces, tabs and newlines off.
std::string Trimmed(const std::string& text) {
  const size_t first = text.find_first_not_of(" \t\n");
  if (first == std::string::npos) return "";
  return text.substr(first, text.find_last_not_of(" \t\n") - first + 1);
}

bool Has(const std::vector<RoomChoice>& choices, uint64_t id) {
  return std::any_of(choices.begin(), choices.end(), [id](const RoomChoice& c) { return c.id == id; });
}

}  // namespace

std::string ParseIncomingNote(std::string_view body, const RoomState& state, IncomingNote* note) {
  if (body.size() > kMaxRoomBodyBytes) return "The note is too large.";
  rapidjson::Document json;
  // Iterative: a body of nested brackets cannot exhaust the server thread's stack.
  json.Parse<rapidjson::kParseIterativeFlag>(body.data(), body.size());
  if (json.HasParseError() || !json.IsObject()) return "The note could not be read.";

  std::string text, name, clientId;
  if (!StringField(json, "text", &text) || !StringField(json, "name", &name) ||
      !StringField(json, "clientId", &clientId))
    return "The note could not be read.";
  if (!IsValidUtf8(text) || !IsValidUtf8(name)) return "The note's text is not valid UTF-8.";
  RemoveControlChars(text);
  RemoveControlChars(name);
  for (char& c : name)
    if (c == '\n' || c == '\t') c = ' ';  // a name is one line
  text = Trimmed(text);
  name = Trimmed(name);
  if (text.empty()) return "The note is empty.";
  if (CountCodepoints(text) > kMaxRoomNoteChars) return "A note holds at most 500 characters.";
  if (CountCodepoints(name) > kMaxRoomNameChars) return "A name holds at most 60 characters.";
  if (clientId.empty() || clientId.size() > kMaxClientIdBytes ||
      !std::all_of(clientId.begin(), clientId.end(), ClientIdChar))
    return "The note has no valid client id.";

  const uint64_t lane = IdField(json, "lane");
  if (!Has(state.lanes, lane)) return "Choose a lane that is on the board.";
  const uint64_t stage = IdField(json, "stage");
  if (stage != 0 && (!state.stageChoice || !Has(state.stages, stage))) return "Choose a stage that is on the board.";

  note->text = std::move(text);
  note->name = std::move(name);
  note->clientId = std::move(clientId);
  note->lane = LaneId(lane);
  note->stage = StageId(stage);
  return "";
}

std::string RoomStateJson(const RoomState& state) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  auto choices = [&writer](const char* key, const std::vector<RoomChoice>& list) {
    writer.Key(key);
    writer.StartArray();
    for (const RoomChoice& choice : list) {
      writer.StartObject();
      writer.Key("id");
      const std::string id = std::to_string(choice.id);
      writer.String(id.c_str(), rapidjson::SizeType(id.size()));
      writer.Key("name");
      writer.String(choice.name.c_str(), rapidjson::SizeType(choice.name.size()));
      writer.EndObject();
    }
    writer.EndArray();
  };
  writer.StartObject();
  writer.Key("title");
  writer.String(state.title.c_str(), rapidjson::SizeType(state.title.size()));
  choices("lanes", state.lanes);
  choices("stages", state.stages);
  writer.Key("stageChoice");
  writer.Bool(state.stageChoice);
  writer.Key("prompt");
  writer.String(state.prompt.c_str(), rapidjson::SizeType(state.prompt.size()));
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace jb
