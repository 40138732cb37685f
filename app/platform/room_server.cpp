#include "app/platform/room_server.h"

#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>

#include <fstream>
#include <sstream>

#include "app/platform/i18n.h"
#include "app/platform/network_addresses.h"
#include "app/platform/phone_page.h"  // generated from assets/phone/ (app/platform/CMakeLists.txt)
#include "core/room/join_code.h"
#include "core/room/route_table.h"

namespace jb {

namespace {

constexpr auto kConnectedWindow = std::chrono::seconds(60);  // the page asks for the state every 10 s

// The IPv4 address of interface `name`, or empty.
std::string InterfaceAddress(const std::string& name) {
  for (const NetworkAddress& entry : ListNetworkAddresses())
    if (entry.interface == name) return entry.address;
  return "";
}

void Json(httplib::Response& response, int status, const std::string& body) {
  response.status = status;
  response.set_content(body, "application/json; charset=utf-8");
}

// {"error": sentence}, the sentence escaped as a JSON string.
std::string ErrorJson(const std::string& sentence) {
  std::string out = "{\"error\":\"";
  for (char c : sentence) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"}";
}

// A refused vote: the sentence and a word the page translates ("reason").
std::string RefusalJson(VoteRound::Cast cast) {
  return "{\"error\":\"" + std::string(CastSentence(cast)) + "\",\"reason\":\"" + CastReason(cast) + "\"}";
}

int RefusalStatus(VoteRound::Cast cast) {
  switch (cast) {
    case VoteRound::Cast::NotCandidate:
    case VoteRound::Cast::NameNeeded: return 400;
    case VoteRound::Cast::TooManyVoters: return 503;
    default: return 409;  // the round's state forbids it: no round, no dots left, one per note
  }
}

double SteadySeconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

}  // namespace

std::string ChooseRoomAddress(const std::string& bind, std::string* error, std::string* note) {
  if (bind == "loopback") return "127.0.0.1";
  if (!bind.empty()) {
    in_addr parsed{};
    if (inet_pton(AF_INET, bind.c_str(), &parsed) != 1) {
      *error = Format(_("\"%s\" is not an IPv4 address (like 192.168.1.20)."), bind.c_str());
      return "";
    }
    return bind;
  }
  std::ifstream routes("/proc/net/route");
  std::stringstream table;
  table << routes.rdbuf();
  const std::string address = InterfaceAddress(DefaultRouteInterface(table.str()));
  if (!address.empty()) return address;
  if (note) *note = _("No network with a default route: phones cannot reach this computer, the room is open on it only.");
  return "127.0.0.1";
}

RoomServer::RoomServer() = default;

RoomServer::~RoomServer() { Stop(); }

std::string RoomServer::JoinUrl() const {
  return "http://" + m_address + ":" + std::to_string(m_port) + "/?c=" + m_code;
}

void RoomServer::SetState(RoomState state) {
  std::lock_guard<std::mutex> lock(m_mutex);
  m_state = std::move(state);
}

size_t RoomServer::PhonesConnected() const {
  const auto now = std::chrono::steady_clock::now();
  std::lock_guard<std::mutex> lock(m_mutex);
  size_t count = 0;
  for (const auto& [address, when] : m_lastSeen) count += now - when < kConnectedWindow ? 1 : 0;
  return count;
}

void RoomServer::Seen(const std::string& address) {
  const auto now = std::chrono::steady_clock::now();
  std::unique_lock<std::mutex> lock(m_mutex);
  const auto found = m_lastSeen.find(address);
  const bool arrived = found == m_lastSeen.end() || now - found->second >= kConnectedWindow;
  m_lastSeen[address] = now;
  if (m_lastSeen.size() > 4096)  // bounded: addresses quiet for a minute are not counted anyway
    for (auto it = m_lastSeen.begin(); it != m_lastSeen.end();)
      it = now - it->second >= kConnectedWindow ? m_lastSeen.erase(it) : std::next(it);
  lock.unlock();
  if (!arrived) return;
  m_news = true;
  if (wake) wake();
}

bool RoomServer::Start(const RoomOptions& options, std::string* error, std::string* note) {
  Stop();
  const std::string address = ChooseRoomAddress(options.bind, error, note);
  if (address.empty()) return false;
  if (options.port < 0 || options.port > 65535) {
    *error = _("The port must be a number from 1 to 65535 (0: any free port).");
    return false;
  }
  const std::string code = MakeJoinCode();
  if (code.empty()) {
    *error = _("The system gave no random numbers for the join code: the room stays closed.");
    return false;
  }

  auto server = std::make_unique<httplib::Server>();
  server->set_payload_max_length(kMaxRoomBodyBytes);
  server->set_read_timeout(5);
  server->set_write_timeout(5);
  server->set_keep_alive_max_count(20);
  // No file is ever served: there is no mount point, only the three routes below.
  server->set_pre_routing_handler([this, code](const httplib::Request& request, httplib::Response& response) {
    if (!JoinCodeMatches(request.get_param_value("c"), code)) {
      Json(response, 403, ErrorJson("This room needs the join code from the screen."));
      return httplib::Server::HandlerResponse::Handled;
    }
    Seen(request.remote_addr);
    return httplib::Server::HandlerResponse::Unhandled;
  });
  server->Get("/", [](const httplib::Request&, httplib::Response& response) {
    response.set_content(std::string(kPhonePage, kPhonePageSize), "text/html; charset=utf-8");
    // The page's own inline style and script only; it talks to this server and nothing else, and
    // does not hand the join address (with its code) to anyone as a referrer.
    response.set_header("Content-Security-Policy",
                        "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
                        "connect-src 'self'; img-src data:; base-uri 'none'; form-action 'none'");
    response.set_header("Referrer-Policy", "no-referrer");
  });
  server->Get("/api/state", [this](const httplib::Request&, httplib::Response& response) {
    std::lock_guard<std::mutex> lock(m_mutex);
    Json(response, 200, RoomStateJson(m_state));
  });
  server->Post("/api/note", [this](const httplib::Request& request, httplib::Response& response) {
    IncomingNote note;
    {
      std::lock_guard<std::mutex> lock(m_mutex);
      if (!m_limiter.Allow(request.remote_addr, SteadySeconds())) {
        response.set_header("Retry-After", "2");
        Json(response, 429, ErrorJson("Too many notes at once: this one is sent again in a moment."));
        return;
      }
      const std::string refused = ParseIncomingNote(request.body, m_state, &note);
      if (!refused.empty()) {
        Json(response, 400, ErrorJson(refused));
        return;
      }
    }
    note.receivedAt = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
    switch (m_mailbox.Post(std::move(note))) {
      case RoomMailbox::Posted::Taken:
        Json(response, 200, "{\"ok\":true}");
        m_news = true;
        if (wake) wake();
        break;
      case RoomMailbox::Posted::Repeat: Json(response, 200, "{\"ok\":true,\"repeat\":true}"); break;
      case RoomMailbox::Posted::Full: Json(response, 503, ErrorJson("The room's inbox is full.")); break;
    }
  });
  // Voting: a phone reads the round with its voter id and sees only its own dots; an unknown or
  // malformed id reads the round as a phone that has cast nothing (never the room's dots).
  server->Get("/api/round", [this](const httplib::Request& request, httplib::Response& response) {
    std::string voter = request.get_param_value("v");
    if (!IsPhoneVoterId(voter)) voter.clear();
    std::lock_guard<std::mutex> lock(m_mutex);
    Json(response, 200, RoundJson(m_round, voter));
  });
  server->Post("/api/vote", [this](const httplib::Request& request, httplib::Response& response) {
    PhoneVote vote;
    std::lock_guard<std::mutex> lock(m_mutex);
    if (!m_voteLimiter.Allow(request.remote_addr, SteadySeconds())) {
      response.set_header("Retry-After", "1");
      Json(response, 429, ErrorJson("Too many votes at once: wait a moment."));
      return;
    }
    const std::string refused = ParsePhoneVote(request.body, &vote);
    if (!refused.empty()) {
      Json(response, 400, ErrorJson(refused));
      return;
    }
    const VoteRound::Cast cast = vote.takeBack ? m_round.TakeBack(vote.voter, vote.note)
                                               : m_round.Vote(vote.voter, vote.note, vote.name);
    if (cast != VoteRound::Cast::Taken) {
      Json(response, RefusalStatus(cast), RefusalJson(cast));
      return;
    }
    Json(response, 200, RoundJson(m_round, vote.voter));
    m_news = true;  // the screen's count of dots cast
    if (wake) wake();
  });
  // httplib's own refusals (413 past the body cap, 404 for any other path) get a sentence too.
  server->set_error_handler([](const httplib::Request&, httplib::Response& response) {
    if (!response.body.empty()) return;
    const char* sentence = response.status == 413 ? "The note is too large." : "There is nothing here.";
    Json(response, response.status, ErrorJson(sentence));
  });
  server->set_default_headers({{"Cache-Control", "no-store"}, {"X-Content-Type-Options", "nosniff"}});

  int port = options.port;
  if (port == 0) {
    port = server->bind_to_any_port(address);
    if (port <= 0) {
      *error = Format(_("The room could not listen on %s: no free port."), address.c_str());
      return false;
    }
  } else if (!server->bind_to_port(address, port)) {
    *error = Format(_("The room could not listen on %s:%d (in use, or not this computer's address)."), address.c_str(), port);
    return false;
  }
  m_code = code;
  m_address = address;
  m_port = port;
  m_server = std::move(server);
  m_listening = true;
  m_thread = std::thread([this] {
    m_server->listen_after_bind();
    m_listening = false;
  });
  return true;
}

void RoomServer::Stop() {
  if (!m_server) return;
  // httplib's stop() does nothing before its loop runs: a Stop right after Start waits for it.
  while (m_listening && !m_server->is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  m_server->stop();
  if (m_thread.joinable()) m_thread.join();
  m_server.reset();
  m_code.clear();
  std::lock_guard<std::mutex> lock(m_mutex);
  m_lastSeen.clear();
}

}  // namespace jb
