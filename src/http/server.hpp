#pragma once
// The HTTP adapter: the JSON API from the route table, the pages and their assets (compiled in),
// security headers on every response. cpp-httplib, tuned as docs/adr/0001 explains.

#include <httplib.h>

#include <memory>
#include <string>

#include "http/router.hpp"

namespace tdkt::http {

struct ServerOptions {
  int threads = 64;  // one per concurrent connection (cpp-httplib model)
  int keep_alive_seconds = 3;
  std::size_t max_body_bytes = 1 << 20;     // JSON bodies
  std::size_t max_upload_bytes = 10 << 20;  // spreadsheets uploaded for import
  bool secure_cookies = false;              // add "Secure" to the session cookie (behind HTTPS)
};

class Server {
 public:
  Server(Services services, ServerOptions options = {});
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds to host:port (port 0 picks a free one) and returns the port, or -1.
  int bind(const std::string& host, int port);
  // Serves the files of `directory` under `prefix` ("/files/"), read from disk per request.
  void mount_files(const std::string& prefix, const std::string& directory);
  // Serves until stop(); blocking.
  bool listen();
  void stop();

 private:
  void install_routes();
  void install_pages();
  Status check_csrf(const httplib::Request& req, const std::string& token);
  Services services_;
  ServerOptions options_;
  std::unique_ptr<httplib::Server> server_;
};

}  // namespace tdkt::http
