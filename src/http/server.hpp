#pragma once
// The HTTP transport: an asynchronous HTTP/1.1 server (Boost.Beast on Asio, docs/adr/0010) that
// reads each request within fixed limits, hands complete requests to a bounded pool of worker
// threads, and writes the `Dispatcher`'s answers. Idle connections cost a socket and a few
// kilobytes, never a thread, so a thousand idle keep-alive connections do not slow active ones.

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "http/dispatcher.hpp"
#include "http/router.hpp"

namespace tdkt::http {

// Whether `listen` stops by itself on SIGINT and SIGTERM.
enum class Signals { kIgnored, kStopServer };

struct ServerOptions {
  int threads = 16;                     // worker threads running handlers (database work, documents)
  int io_threads = 2;                   // threads reading and writing sockets
  std::size_t queue_limit = 256;        // requests waiting for a worker; beyond: 503 with Retry-After
  std::size_t max_connections = 10000;  // open connections; beyond: closed at once
  int keep_alive_seconds = 5;           // an idle connection is closed after this long
  int header_seconds = 10;              // the whole request line and headers, from their first byte
  int body_seconds = 60;                // the whole body
  int write_seconds = 60;               // writing the answer
  int shutdown_seconds = 30;            // on stop, requests in flight have this long to finish
  std::size_t header_limit = 16 << 10;  // request line + headers, bytes
  std::size_t max_header_count = 100;
  std::size_t max_body_bytes = 1 << 20;     // JSON bodies
  std::size_t max_upload_bytes = 10 << 20;  // spreadsheets and attached files
  bool secure_cookies = false;              // served over TLS: "__Host-" cookie with Secure
  // Peers whose X-Forwarded-For (last hop) and X-Forwarded-Proto are believed: the reverse
  // proxy's addresses, e.g. {"127.0.0.1"}. Empty: the socket peer is the client.
  std::vector<std::string> trusted_proxies;
  Signals signals = Signals::kIgnored;
};

class Server {
 public:
  Server(Services services, ServerOptions options = {});
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds to host:port (port 0 picks a free one) and returns the port, or -1.
  int bind(const std::string& host, int port);
  // Serves the files of `directory` under `prefix` ("/files/") to signed-in users, read from
  // disk per request.
  void mount_files(const std::string& prefix, const std::string& directory);
  // Serves until stop() (or a signal, see ServerOptions::signals); blocking. Returns false if
  // nothing was bound.
  bool listen();
  // Stops accepting, closes idle connections, lets requests in flight finish (up to
  // shutdown_seconds), then makes listen() return. Thread-safe; may be called more than once.
  void stop();

  class Impl;  // the Beast side, opaque to users

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace tdkt::http
