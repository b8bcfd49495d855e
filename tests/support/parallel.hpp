#pragma once
// Many requests at once against a TestServer, each on its own connection with the session of the
// server's signed-in account: what two officers clicking at the same moment do, sixteen times
// over. For tests of numbering and of check-then-insert races.
//
// One thread writes every request right after opening its connection (a few microseconds each,
// all within a millisecond or so), then reads the answers. Threads per request would let a
// scheduler stall a thread between its connect and its write for longer than the test server's
// keep-alive wait (1 s) on a loaded machine, and the server would close the connection unanswered.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/test_server.hpp"

namespace tdkt::testing {

struct ParallelRequest {
  std::string path;  // POST with a JSON body
  std::string body;
};

namespace detail {

// The body of an HTTP/1.1 answer read to the end of the connection: Content-Length or chunked.
inline JsonResponse parse_answer(const std::string& raw) {
  JsonResponse answer;
  const auto head_end = raw.find("\r\n\r\n");
  if (raw.rfind("HTTP/1.", 0) != 0 || head_end == std::string::npos) {
    answer.body = nlohmann::json{{"client_error", "no answer"}, {"received", raw.substr(0, 200)}};
    return answer;
  }
  answer.status = std::stoi(raw.substr(raw.find(' ') + 1, 3));
  std::string body = raw.substr(head_end + 4);
  bool chunked = false;
  for (std::size_t start = raw.find("\r\n") + 2; start < head_end;) {
    const auto end = raw.find("\r\n", start);
    const auto line = raw.substr(start, end - start);
    const auto colon = line.find(':');
    if (colon != std::string::npos) {
      auto name = line.substr(0, colon);
      auto value = line.substr(line.find_first_not_of(' ', colon + 1));
      for (auto& c : name)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (name == "transfer-encoding" && value.find("chunked") != std::string::npos) chunked = true;
      answer.headers.emplace(line.substr(0, colon), value);
    }
    start = end + 2;
  }
  if (chunked) {
    std::string joined;
    for (std::size_t at = 0; at < body.size();) {
      const auto size_end = body.find("\r\n", at);
      if (size_end == std::string::npos) break;
      const auto size = std::stoul(body.substr(at, size_end - at), nullptr, 16);
      if (size == 0) break;
      joined += body.substr(size_end + 2, size);
      at = size_end + 2 + size + 2;
    }
    body = std::move(joined);
  }
  answer.body = nlohmann::json::parse(body, nullptr, false);
  return answer;
}

}  // namespace detail

// Sends `count` POSTs built by `request(i)` at once; returns the answers in order (status 0 and
// what was received in the body when no answer came back within 60 s).
inline std::vector<JsonResponse> post_in_parallel(TestServer& server, int count,
                                                  const std::function<ParallelRequest(int)>& request) {
  const auto size = static_cast<std::size_t>(count);
  std::vector<JsonResponse> answers(size);
  std::vector<std::string> wire(size);
  for (std::size_t i = 0; i < size; ++i) {
    const auto [path, body] = request(static_cast<int>(i));
    wire[i] = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(server.port()) +
              "\r\nCookie: tdkt_session=" + server.session() + "\r\nX-CSRF-Token: " + server.csrf() +
              "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
              "\r\nConnection: close\r\n\r\n" + body;
  }
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(server.port()));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  std::vector<int> sockets(size, -1);
  for (std::size_t i = 0; i < size; ++i) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0 || ::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
      if (fd >= 0) ::close(fd);
      continue;
    }
    std::size_t sent = 0;
    while (sent < wire[i].size()) {
      const auto n = ::send(fd, wire[i].data() + sent, wire[i].size() - sent, MSG_NOSIGNAL);
      if (n <= 0) break;
      sent += static_cast<std::size_t>(n);
    }
    sockets[i] = fd;
  }
  std::vector<std::string> received(size);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  for (;;) {
    std::vector<pollfd> open;
    std::vector<std::size_t> which;
    for (std::size_t i = 0; i < size; ++i) {
      if (sockets[i] >= 0) {
        open.push_back({sockets[i], POLLIN, 0});
        which.push_back(i);
      }
    }
    if (open.empty() || std::chrono::steady_clock::now() > deadline) break;
    if (::poll(open.data(), open.size(), 1000) < 0) break;
    for (std::size_t k = 0; k < open.size(); ++k) {
      if ((open[k].revents & (POLLIN | POLLHUP | POLLERR)) == 0) continue;
      char buffer[65536];
      const auto n = ::recv(open[k].fd, buffer, sizeof buffer, 0);
      if (n > 0) {
        received[which[k]].append(buffer, static_cast<std::size_t>(n));
      } else {
        ::close(open[k].fd);
        sockets[which[k]] = -1;
      }
    }
  }
  for (std::size_t i = 0; i < size; ++i) {
    if (sockets[i] >= 0) ::close(sockets[i]);
    answers[i] = detail::parse_answer(received[i]);
  }
  return answers;
}

// How many answers had `status`.
inline int count_status(const std::vector<JsonResponse>& answers, int status) {
  int count = 0;
  for (const auto& answer : answers)
    count += answer.status == status ? 1 : 0;
  return count;
}

// The answers in short, for failure messages: each status with its count, and the body of every
// answer that is neither 2xx nor 409.
inline std::string describe(const std::vector<JsonResponse>& answers) {
  std::map<int, int> statuses;
  std::string odd;
  for (const auto& answer : answers) {
    ++statuses[answer.status];
    if ((answer.status < 200 || answer.status > 299) && answer.status != 409) odd += "\n  " + answer.body.dump();
  }
  std::string text;
  for (const auto& [status, count] : statuses)
    text += std::to_string(status) + "×" + std::to_string(count) + " ";
  return text + odd;
}

}  // namespace tdkt::testing
