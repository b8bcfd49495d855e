// Holds N idle keep-alive connections open to a server on loopback, for the benchmark of
// bench/run.sh: each connection makes one request (GET /api/v1/health), reads its answer, then
// stays open and silent. Prints "open N" once all are open, and "still open K" when it ends
// (SIGTERM or SIGINT), K being those the server has not closed.
//   tdkt_bench_idle PORT COUNT

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

volatile std::sig_atomic_t g_stop = 0;

void on_signal(int) {
  g_stop = 1;
}

int open_one(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    return -1;
  }
  const std::string request = "GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
  if (::send(fd, request.data(), request.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(request.size())) {
    ::close(fd);
    return -1;
  }
  char buffer[4096];
  std::string answer;
  while (answer.find("\r\n\r\n") == std::string::npos || answer.find('}') == std::string::npos) {
    const auto got = ::recv(fd, buffer, sizeof buffer, 0);
    if (got <= 0) {
      ::close(fd);
      return -1;
    }
    answer.append(buffer, static_cast<std::size_t>(got));
  }
  return fd;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s PORT COUNT\n", argv[0]);
    return 2;
  }
  const int port = std::atoi(argv[1]);
  const int count = std::atoi(argv[2]);
  std::signal(SIGTERM, on_signal);
  std::signal(SIGINT, on_signal);
  std::vector<int> open;
  for (int i = 0; i < count && !g_stop; ++i) {
    const int fd = open_one(port);
    if (fd < 0) {
      std::fprintf(stderr, "could not open connection %d\n", i + 1);
      return 1;
    }
    open.push_back(fd);
  }
  std::printf("open %zu\n", open.size());
  std::fflush(stdout);
  while (!g_stop)
    ::pause();
  int still_open = 0;
  for (const int fd : open) {
    pollfd poll_fd{fd, POLLIN, 0};
    char byte = 0;
    const bool closed = ::poll(&poll_fd, 1, 0) > 0 && ::recv(fd, &byte, 1, MSG_DONTWAIT) <= 0;
    if (!closed) ++still_open;
    ::close(fd);
  }
  std::printf("still open %d\n", still_open);
  return 0;
}
