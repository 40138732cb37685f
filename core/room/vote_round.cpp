#include "core/room/vote_round.h"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <charconv>
#include <climits>
#include <tuple>

#include "core/model/sanitize.h"
#include "core/room/incoming_note.h"

namespace jb {

namespace {

template <typename List, typename IdType>
int IndexOf(const List& list, IdType id) {
  for (size_t i = 0; i < list.size(); ++i)
    if (list[i].id == id) return int(i);
  return INT_MAX;  // free notes after every cell
}

}  // namespace

bool IsPhoneVoterId(std::string_view voter) {
  return voter.size() >= 8 && voter.size() <= kMaxClientIdBytes && std::all_of(voter.begin(), voter.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
         });
}

std::vector<RoundCandidate> RoundCandidates(const Board& board, RoundScope scope, LaneId lane, StageId stage,
                                            const std::vector<NoteId>& selected) {
  std::vector<std::tuple<int, int, size_t>> order;  // stage index, lane index, place in board.notes
  for (size_t i = 0; i < board.notes.size(); ++i) {
    const Note& note = board.notes[i];
    if (note.covered || note.text.empty()) continue;
    const bool in = scope == RoundScope::Lane ? (lane && note.lane == lane && note.stage)
                    : scope == RoundScope::Stage
                        ? (stage && note.stage == stage && note.lane)
                        : std::find(selected.begin(), selected.end(), note.id) != selected.end();
    if (in) order.emplace_back(IndexOf(board.stages, note.stage), IndexOf(board.lanes, note.lane), i);
  }
  std::sort(order.begin(), order.end());
  std::vector<RoundCandidate> candidates;
  for (const auto& [stageIndex, laneIndex, i] : order) {
    if (candidates.size() == kMaxRoundCandidates) break;
    candidates.push_back({board.notes[i].id, board.notes[i].text});
  }
  return candidates;
}

VoteRound::VoteRound(uint64_t number, RoundOptions options, std::vector<RoundCandidate> candidates)
    : m_number(number), m_open(number != 0), m_options(options), m_candidates(std::move(candidates)) {
  m_options.dots = std::clamp(m_options.dots, kMinRoundDots, kMaxRoundDots);
  if (m_candidates.size() > kMaxRoundCandidates) m_candidates.resize(kMaxRoundCandidates);
}

bool VoteRound::IsCandidate(NoteId note) const {
  return std::any_of(m_candidates.begin(), m_candidates.end(),
                     [note](const RoundCandidate& c) { return c.note == note; });
}

VoteRound::Cast VoteRound::Vote(const std::string& voter, NoteId note, const std::string& name) {
  if (!m_open) return Cast::NotOpen;
  if (!IsCandidate(note)) return Cast::NotCandidate;
  const bool room = voter == kRoomVoter;
  if (m_options.named && !room && name.empty()) return Cast::NameNeeded;
  auto found = m_voters.find(voter);
  if (found == m_voters.end() && m_voters.size() >= kMaxRoundVoters) return Cast::TooManyVoters;
  Voter& entry = found != m_voters.end() ? found->second : m_voters[voter];
  if (!room && entry.cast >= m_options.dots) return Cast::NoDotsLeft;
  if (!room && !m_options.severalPerNote && entry.dots[note.value] > 0) return Cast::AlreadyOnNote;
  ++entry.dots[note.value];
  ++entry.cast;
  ++m_dotsCast;
  if (m_options.named && !room) m_names[voter] = name;
  m_dots.push_back({note, voter});
  return Cast::Taken;
}

VoteRound::Cast VoteRound::TakeBack(const std::string& voter, NoteId note) {
  if (!m_open) return Cast::NotOpen;
  if (!IsCandidate(note)) return Cast::NotCandidate;
  const auto found = m_voters.find(voter);
  if (found == m_voters.end()) return Cast::NoDotThere;
  const auto dots = found->second.dots.find(note.value);
  if (dots == found->second.dots.end() || dots->second == 0) return Cast::NoDotThere;
  --dots->second;
  --found->second.cast;
  --m_dotsCast;
  // The latest of this voter's dots on the note goes.
  for (auto it = m_dots.rbegin(); it != m_dots.rend(); ++it)
    if (it->note == note && it->voter == voter) {
      m_dots.erase(std::next(it).base());
      break;
    }
  return Cast::Taken;
}

int VoteRound::DotsLeft(const std::string& voter) const {
  if (voter == kRoomVoter) return -1;
  const auto found = m_voters.find(voter);
  return m_options.dots - (found == m_voters.end() ? 0 : found->second.cast);
}

std::vector<NoteId> VoteRound::DotsOf(const std::string& voter) const {
  std::vector<NoteId> mine;
  const auto found = m_voters.find(voter);
  if (found == m_voters.end()) return mine;
  for (const RoundCandidate& candidate : m_candidates) {
    const auto dots = found->second.dots.find(candidate.note.value);
    if (dots != found->second.dots.end()) mine.insert(mine.end(), size_t(dots->second), candidate.note);
  }
  return mine;
}

std::vector<RoundResult> VoteRound::Results() const {
  std::vector<RoundResult> results;
  if (!Ended()) return results;
  for (const RoundCandidate& candidate : m_candidates) results.push_back({candidate.note, candidate.text, 0, {}});
  for (const Dot& dot : m_dots) {
    auto row =
        std::find_if(results.begin(), results.end(), [&dot](const RoundResult& r) { return r.note == dot.note; });
    ++row->dots;
    if (!m_options.named) continue;
    const auto name = m_names.find(dot.voter);
    row->names.push_back(name != m_names.end() ? name->second : std::string());  // the room's dots have no name
  }
  std::stable_sort(results.begin(), results.end(),
                   [](const RoundResult& a, const RoundResult& b) { return a.dots > b.dots; });
  return results;
}

BoardDiff ApplyRoundVotes(const Board& board, const VoteRound& round) {
  BoardDiff diff = NewDiff(board);
  for (const RoundResult& result : round.Results()) {
    const Note* note = board.FindNote(result.note);
    if (!note || result.dots == 0) continue;
    Note after = *note;
    after.votes = int(std::clamp<int64_t>(int64_t(note->votes) + result.dots, 0, INT_MAX));
    diff.notes.updated.push_back({*note, std::move(after)});
  }
  return diff;
}

std::string ParsePhoneVote(std::string_view body, PhoneVote* vote) {
  if (body.size() > kMaxRoomBodyBytes) return "The vote is too large.";
  rapidjson::Document json;
  json.Parse<rapidjson::kParseIterativeFlag>(body.data(), body.size());
  if (json.HasParseError() || !json.IsObject()) return "The vote could not be read.";
  auto text = [&json](const char* key, std::string* out) {
    const auto found = json.FindMember(key);
    if (found == json.MemberEnd() || found->value.IsNull()) return true;
    if (!found->value.IsString()) return false;
    out->assign(found->value.GetString(), found->value.GetStringLength());
    return true;
  };
  std::string voter, name, note;
  if (!text("voter", &voter) || !text("name", &name) || !text("note", &note)) return "The vote could not be read.";
  if (!IsPhoneVoterId(voter)) return "The vote has no valid voter id.";
  if (!IsValidUtf8(name)) return "The name is not valid UTF-8.";
  RemoveControlChars(name);
  for (char& c : name)
    if (c == '\n' || c == '\t') c = ' ';
  const size_t first = name.find_first_not_of(' ');
  name = first == std::string::npos ? "" : name.substr(first, name.find_last_not_of(' ') - first + 1);
  if (CountCodepoints(name) > kMaxRoomNameChars) return "A name holds at most 60 characters.";
  uint64_t id = 0;
  const auto [at, error] = std::from_chars(note.data(), note.data() + note.size(), id);
  if (error != std::errc() || at != note.data() + note.size() || id == 0) return "The vote names no note.";
  const auto take = json.FindMember("take");
  if (take != json.MemberEnd() && !take->value.IsBool()) return "The vote could not be read.";
  vote->voter = std::move(voter);
  vote->name = std::move(name);
  vote->note = NoteId(id);
  vote->takeBack = take != json.MemberEnd() && take->value.GetBool();
  return "";
}

std::string RoundJson(const VoteRound& round, const std::string& voter) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  auto string = [&writer](const std::string& value) {
    writer.String(value.c_str(), rapidjson::SizeType(value.size()));
  };
  writer.StartObject();
  writer.Key("open");
  writer.Bool(round.Open());
  if (round.Open()) {
    writer.Key("round");
    writer.Uint64(round.Number());
    writer.Key("dots");
    writer.Int(round.Options().dots);
    writer.Key("severalPerNote");
    writer.Bool(round.Options().severalPerNote);
    writer.Key("named");
    writer.Bool(round.Options().named);
    writer.Key("candidates");
    writer.StartArray();
    for (const RoundCandidate& candidate : round.Candidates()) {
      writer.StartObject();
      writer.Key("id");
      string(std::to_string(candidate.note.value));  // a 64-bit id does not fit a JavaScript number
      writer.Key("text");
      string(candidate.text);
      writer.EndObject();
    }
    writer.EndArray();
    writer.Key("left");
    writer.Int(round.DotsLeft(voter));
    writer.Key("mine");
    writer.StartArray();
    for (NoteId note : round.DotsOf(voter)) string(std::to_string(note.value));
    writer.EndArray();
  }
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

const char* CastSentence(VoteRound::Cast cast) {
  switch (cast) {
    case VoteRound::Cast::Taken:
      return "";
    case VoteRound::Cast::NotOpen:
      return "No voting round is open.";
    case VoteRound::Cast::NotCandidate:
      return "That note is not in this round.";
    case VoteRound::Cast::NoDotsLeft:
      return "You have no dots left: take one back first.";
    case VoteRound::Cast::AlreadyOnNote:
      return "One dot per note in this round.";
    case VoteRound::Cast::NoDotThere:
      return "You have no dot on that note.";
    case VoteRound::Cast::NameNeeded:
      return "This round is named: type your name first.";
    case VoteRound::Cast::TooManyVoters:
      return "The round is full.";
  }
  return "";
}

const char* CastReason(VoteRound::Cast cast) {
  switch (cast) {
    case VoteRound::Cast::Taken:
      return "";
    case VoteRound::Cast::NotOpen:
      return "notOpen";
    case VoteRound::Cast::NotCandidate:
      return "notCandidate";
    case VoteRound::Cast::NoDotsLeft:
      return "noDotsLeft";
    case VoteRound::Cast::AlreadyOnNote:
      return "alreadyOnNote";
    case VoteRound::Cast::NoDotThere:
      return "noDotThere";
    case VoteRound::Cast::NameNeeded:
      return "nameNeeded";
    case VoteRound::Cast::TooManyVoters:
      return "full";
  }
  return "";
}

}  // namespace jb
