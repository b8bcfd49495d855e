#include "http/server.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <exception>

#include "http/errors.hpp"
#include "http/representations.hpp"
#include "http/static_files.hpp"

namespace tdkt::http {
namespace {

constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src "
    "'self'; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

void send_json(httplib::Response& res, int status, const Json& body) {
  res.status = status;
  if (status == 204) return;
  res.set_content(body.dump(), "application/json; charset=utf-8");
}

void send_static(httplib::Response& res, std::string_view path) {
  if (auto file = find_static(path)) {
    res.set_content(std::string(file->data), file->content_type);
    res.set_header("Cache-Control", "no-cache");
  } else {
    res.status = 404;
    res.set_content("Không tìm thấy trang.", "text/plain; charset=utf-8");
  }
}

constexpr const char* kSessionCookie = "tdkt_session";

std::string session_cookie(const httplib::Request& req) {
  const auto header = req.get_header_value("Cookie");
  const std::string key = std::string(kSessionCookie) + "=";
  std::size_t position = 0;
  while (position < header.size()) {
    while (position < header.size() && (header[position] == ' ' || header[position] == ';'))
      ++position;
    const auto end = header.find(';', position);
    const auto item = header.substr(position, end == std::string::npos ? std::string::npos : end - position);
    if (item.rfind(key, 0) == 0) return item.substr(key.size());
    if (end == std::string::npos) break;
    position = end + 1;
  }
  return {};
}

std::string session_cookie_header(const std::string& token, bool secure) {
  std::string cookie = std::string(kSessionCookie) + "=" + token + "; Path=/; HttpOnly; SameSite=Strict";
  cookie += token.empty() ? "; Max-Age=0" : "; Max-Age=43200";
  if (secure) cookie += "; Secure";
  return cookie;
}

bool constant_time_equal(const std::string& a, const std::string& b) {
  unsigned char difference = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    difference |= static_cast<unsigned char>(a[i] ^ b[i]);
  }
  return difference == 0;
}

bool is_json(const httplib::Request& req) {
  const auto type = req.get_header_value("Content-Type");
  return type.rfind("application/json", 0) == 0;
}

bool is_spreadsheet(const httplib::Request& req) {
  const auto type = req.get_header_value("Content-Type");
  return type.rfind(kXlsxType, 0) == 0 || type.rfind("application/octet-stream", 0) == 0;
}

// RFC 6266 / 5987: an ASCII fallback and the UTF-8 name, percent-encoded.
std::string attachment_header(const std::string& filename) {
  std::string ascii;
  std::string encoded;
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (const char c : filename) {
    const auto byte = static_cast<unsigned char>(c);
    const bool plain = std::isalnum(byte) != 0 || c == '.' || c == '-' || c == '_';
    ascii += byte < 0x80 && (plain || c == ' ') ? c : '_';
    if (plain) {
      encoded += c;
    } else {
      encoded += '%';
      encoded += kHex[byte >> 4];
      encoded += kHex[byte & 0x0F];
    }
  }
  return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
}

}  // namespace

Server::Server(Services services, ServerOptions options)
    : services_(std::move(services)), options_(options), server_(std::make_unique<httplib::Server>()) {
  const int threads = options_.threads;
  server_->new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<std::size_t>(threads)); };
  server_->set_tcp_nodelay(true);
  server_->set_keep_alive_timeout(options_.keep_alive_seconds);
  server_->set_keep_alive_max_count(1000);
  server_->set_payload_max_length(std::max(options_.max_body_bytes, options_.max_upload_bytes));
  server_->set_read_timeout(10, 0);
  server_->set_write_timeout(10, 0);
  install_routes();
}

Server::~Server() {
  stop();
}

int Server::bind(const std::string& host, int port) {
  if (port == 0) return server_->bind_to_any_port(host);
  return server_->bind_to_port(host, port) ? port : -1;
}

void Server::mount_files(const std::string& prefix, const std::string& directory) {
  server_->set_mount_point(prefix, directory);
}

bool Server::listen() {
  return server_->listen_after_bind();
}

void Server::stop() {
  if (server_ && server_->is_running()) server_->stop();
}

void Server::install_routes() {
  auto& server = *server_;
  server.set_post_routing_handler([](const httplib::Request&, httplib::Response& res) {
    res.set_header("Content-Security-Policy", kContentSecurityPolicy);
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("X-Frame-Options", "DENY");
    res.set_header("Referrer-Policy", "no-referrer");
    res.set_header("Cross-Origin-Opener-Policy", "same-origin");
  });
  server.set_exception_handler([](const httplib::Request& req, httplib::Response& res, const std::exception_ptr& ep) {
    std::string what = "unknown";
    try {
      if (ep) std::rethrow_exception(ep);
    } catch (const std::exception& e) {
      what = e.what();
    } catch (...) {
    }
    std::fprintf(stderr, "tdkt: lỗi khi xử lý %s %s: %s\n", req.method.c_str(), req.path.c_str(), what.c_str());
    send_json(
        res, 500,
        error_body(Error::internal("Lỗi hệ thống khi xử lý yêu cầu; thao tác chưa được thực hiện. Vui lòng thử lại "
                                   "hoặc báo quản trị viên.")));
  });
  server.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    if (req.path.rfind("/api/", 0) == 0) {
      if (res.status == 413) {
        send_json(res, 413, error_body({ErrorCode::kTooLarge, "Nội dung gửi lên quá lớn (tối đa 10 MiB).", ""}));
      } else {
        send_json(res, res.status == 200 ? 404 : res.status,
                  error_body(Error::not_found("Không có địa chỉ API " + req.method + " " + req.path + ".")));
      }
      return;
    }
    res.set_content("Không tìm thấy trang.", "text/plain; charset=utf-8");
  });

  for (auto& route : all_routes()) {
    auto handler = [this, route](const httplib::Request& req, httplib::Response& res) {
      const bool unsafe = route.method != "GET";
      const bool has_body = route.method == "POST" || route.method == "PATCH" || route.method == "PUT";
      if (has_body && route.body == Body::kJson) {
        if (!is_json(req)) {
          send_json(res, 415,
                    error_body({ErrorCode::kUnsupportedMedia,
                                "Nội dung gửi lên phải là JSON (Content-Type: application/json).", ""}));
          return;
        }
        if (req.body.size() > options_.max_body_bytes) {
          send_json(res, 413, error_body({ErrorCode::kTooLarge, "Nội dung gửi lên quá lớn (tối đa 1 MiB).", ""}));
          return;
        }
      }
      if (has_body && route.body == Body::kSpreadsheet && !is_spreadsheet(req)) {
        send_json(res, 415,
                  error_body({ErrorCode::kUnsupportedMedia,
                              "Tệp gửi lên phải là bảng tính Excel (.xlsx), gửi với Content-Type " +
                                  std::string(kXlsxType) + ".",
                              "file"}));
        return;
      }
      HttpRequest http_request{req.method, req.target, req.path, {}, {}, req.body, req.remote_addr, req.remote_addr};
      for (const auto& [name, value] : req.params)
        http_request.query.emplace(name, value);
      for (const auto& [name, value] : req.headers)
        http_request.headers.emplace_back(name, value);
      ApiRequest request{http_request, {}, app::Actor{}, session_cookie(req)};
      if (route.access == Access::kSignedIn) {
        auto actor = services_.accounts.authenticate(request.session_token);
        if (!actor) {
          send_json(res, 401, error_body(actor.error()));
          return;
        }
        request.actor = *actor;
        if (unsafe) {
          if (auto checked = check_csrf(req, request.session_token); !checked) {
            send_json(res, 403, error_body(checked.error()));
            return;
          }
        }
      }
      for (std::size_t i = 1; i < req.matches.size(); ++i)
        request.path_params.push_back(req.matches[i].str());
      ApiResponse response = route.handler(request, services_);
      for (const auto& [name, value] : response.headers) {
        if (name == "X-Tdkt-Session") {
          res.set_header("Set-Cookie", session_cookie_header(value, options_.secure_cookies));
        } else {
          res.set_header(name, value);
        }
      }
      if (response.download) {
        res.status = response.status;
        res.set_header("Content-Disposition", attachment_header(response.download->filename));
        res.set_header("Cache-Control", "no-store");
        res.set_header("Content-Type", response.download->content_type);
        res.body = std::move(response.download->bytes);
        return;
      }
      send_json(res, response.status, response.body);
    };
    const auto pattern = path_regex(route.path);
    if (route.method == "GET") {
      server.Get(pattern, handler);
    } else if (route.method == "POST") {
      server.Post(pattern, handler);
    } else if (route.method == "PUT") {
      server.Put(pattern, handler);
    } else if (route.method == "PATCH") {
      server.Patch(pattern, handler);
    } else if (route.method == "DELETE") {
      server.Delete(pattern, handler);
    }
  }
  install_pages();
}

Status Server::check_csrf(const httplib::Request& req, const std::string& token) {
  const auto origin = req.get_header_value("Origin");
  if (!origin.empty()) {
    const auto host = req.get_header_value("Host");
    if (origin != "http://" + host && origin != "https://" + host) {
      return Error{ErrorCode::kCsrfFailed, "Yêu cầu đến từ một trang khác (" + origin + "); đã bị từ chối.", ""};
    }
  }
  auto expected = services_.accounts.csrf_token(token);
  const auto sent = req.get_header_value("X-CSRF-Token");
  if (!expected || sent.size() != expected->size() || !constant_time_equal(sent, *expected)) {
    return Error{ErrorCode::kCsrfFailed, "Thiếu hoặc sai mã chống giả mạo (CSRF). Hãy tải lại trang rồi thử lại.", ""};
  }
  return {};
}

void Server::install_pages() {
  auto& server = *server_;
  // Pages: the same HTML shell per area; the scripts fetch the JSON API. Every page but the
  // sign-in page needs a session; administration pages need an administrator.
  struct Page {
    std::string pattern;
    std::string file;
    std::optional<domain::Permission> needs;
  };
  const std::vector<Page> pages{
      {"/", "web/index.html", std::nullopt},
      {"/units", "web/units.html", std::nullopt},
      {"/people", "web/people.html", std::nullopt},
      {R"(/people/(\d+))", "web/person.html", std::nullopt},
      {R"(/units/(\d+))", "web/unit.html", std::nullopt},
      {"/documents", "web/documents.html", std::nullopt},
      {R"(/documents/(\d+))", "web/document.html", std::nullopt},
      {"/movements", "web/movements.html", std::nullopt},
      {R"(/movements/(\d+))", "web/movement.html", std::nullopt},
      {"/campaigns", "web/campaigns.html", std::nullopt},
      {R"(/campaigns/(\d+))", "web/campaign.html", std::nullopt},
      {"/audit", "web/audit.html", domain::Permission::kReadAudit},
      {"/rules", "web/rules.html", std::nullopt},
      {"/account", "web/account.html", std::nullopt},
      {"/admin/accounts", "web/admin-accounts.html", domain::Permission::kManageAccounts},
      {"/admin/roles", "web/admin-roles.html", std::nullopt},
      {R"(/movements/(\d+)/targets)", "web/targets.html", std::nullopt},
      {"/grants", "web/grants.html", std::nullopt},
      {"/decisions", "web/decisions.html", domain::Permission::kManageReviews},
      {R"(/decisions/(\d+))", "web/decision.html", domain::Permission::kManageReviews},
      {R"(/proposals/(\d+))", "web/proposal.html", domain::Permission::kManageReviews},
      {R"(/nominations/(\d+)/achievement-report)", "web/achievement-report.html", domain::Permission::kNominate},
      {"/complaints", "web/complaints.html", domain::Permission::kManageComplaints},
      {"/council", "web/council.html", std::nullopt},
      {R"(/sessions/(\d+))", "web/session.html", std::nullopt},
      {"/nominations", "web/nominations.html", domain::Permission::kNominate},
      {"/reviews", "web/reviews.html", domain::Permission::kNominate},
      {R"(/reviews/(\d+))", "web/review.html", domain::Permission::kNominate},
      {R"(/complaints/(\d+))", "web/complaint.html", domain::Permission::kManageComplaints},
      {"/reports", "web/reports.html", domain::Permission::kManageReviews},
      {"/statistics", "web/statistics.html", std::nullopt},
  };
  for (const auto& page : pages) {
    server.Get(page.pattern, [this, page](const httplib::Request& req, httplib::Response& res) {
      auto actor = services_.accounts.authenticate(session_cookie(req));
      if (!actor) {
        res.status = 303;
        res.set_header("Location", "/login?next=" +
                                       httplib::detail::encode_query_param(req.target.empty() ? req.path : req.target));
        return;
      }
      if (page.needs && !domain::allows(actor->role, *page.needs)) {
        send_static(res, "web/forbidden.html");
        res.status = 403;
        return;
      }
      send_static(res, page.file);
    });
  }
  server.Get("/login", [](const httplib::Request&, httplib::Response& res) { send_static(res, "web/login.html"); });
  server.Get(R"(/static/(.+))", [](const httplib::Request& req, httplib::Response& res) {
    send_static(res, "web/" + req.matches[1].str());
  });
}

}  // namespace tdkt::http
