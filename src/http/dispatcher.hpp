#pragma once
// What tdkt answers to a complete request, independent of the transport that read it: the route
// table (JSON API), sign-in and CSRF checks, the pages and their assets, security headers. The
// transport (`http::Server`, Boost.Beast) reads a request within its limits, asks the dispatcher
// how much body the route accepts, runs `handle` on a worker thread and writes the answer.

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "http/request.hpp"
#include "http/router.hpp"

namespace tdkt::http {

struct HttpResponse {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  // The body may be answered in part for a single `Range` (attachments); every other answer
  // ignores `Range`.
  bool ranges = false;

  void set_header(std::string name, std::string value);
  std::string header(const std::string& name) const;
};

// How the session cookie is named and flagged.
enum class CookieSecurity {
  kPlain,  // plain HTTP on loopback or a trusted network: "tdkt_session", no Secure
  kTls,    // served over TLS (directly or by a proxy): "__Host-tdkt_session", Secure
};

struct DispatchOptions {
  std::size_t max_json_bytes = 1 << 20;     // JSON bodies
  std::size_t max_upload_bytes = 10 << 20;  // spreadsheets and attached files
  CookieSecurity cookies = CookieSecurity::kPlain;
  std::string files_prefix;     // "/files/": extra files served from disk to signed-in users
  std::string files_directory;  // empty: none
};

// Where a request's work is done.
enum class Lane {
  kInline,  // in-memory assets: answered on the network thread
  kWorker,  // everything that may touch the database or run long: the bounded worker pool
};

class Dispatcher {
 public:
  Dispatcher(Services services, DispatchOptions options);

  // Serves the files of `directory` under `prefix` ("/files/") to signed-in users. Not
  // thread-safe: call before serving.
  void serve_files(std::string prefix, std::string directory) {
    options_.files_prefix = std::move(prefix);
    options_.files_directory = std::move(directory);
  }

  // The largest body the route of `method path` accepts (0: none), decided from the headers
  // alone, before any byte of the body is read.
  std::size_t body_limit(const std::string& method, const std::string& path) const;
  Lane lane(const std::string& method, const std::string& path) const;

  // Answers a complete request. Never throws: an exception in a handler becomes a 500 JSON
  // error (logged on stderr without the request body). Thread-safe.
  HttpResponse handle(const HttpRequest& request) const;

  // An error answer for the API or a page, as the transport needs it before a handler runs
  // (413, 415, 431, 503, …), with the security headers.
  HttpResponse error(const HttpRequest& request, const Error& error) const;

 private:
  struct CompiledRoute {
    Route route;
    std::vector<std::string> segments;  // "{id}" marks a parameter
  };
  // A page of web/pages.json, composed into the shell.
  struct Page {
    std::string key;
    std::vector<std::string> segments;  // empty: no address of its own (the forbidden page)
    std::optional<domain::Permission> needs;
    bool is_public = false;  // the sign-in page
    std::string html;
  };
  void load_pages();
  const Page* page_named(std::string_view key) const;
  const CompiledRoute* find_route(const std::string& method, const std::string& path, std::vector<std::string>* params,
                                  bool* path_known) const;
  HttpResponse api(const HttpRequest& request) const;
  HttpResponse page(const HttpRequest& request) const;
  HttpResponse file_from_disk(const HttpRequest& request) const;
  Status check_csrf(const HttpRequest& request, const std::string& token) const;
  bool over_tls(const HttpRequest& request) const;
  std::string session_token(const HttpRequest& request) const;
  std::string cookie_header(const HttpRequest& request, const std::string& token) const;

  mutable Services services_;
  DispatchOptions options_;
  std::vector<CompiledRoute> routes_;
  std::vector<Page> pages_;
};

// Adds the headers every answer carries (CSP, nosniff, frame and referrer policies).
void add_security_headers(HttpResponse& response);

}  // namespace tdkt::http
