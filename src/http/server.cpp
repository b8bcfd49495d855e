#include "http/server.hpp"

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
  if (status == 204)
    return;
  res.set_content(body.dump(), "application/json; charset=utf-8");
}

void send_static(httplib::Response& res, std::string_view path) {
  if (auto file = find_static(path)) {
    res.set_content(std::string(file->data), file->content_type.c_str());
    res.set_header("Cache-Control", "no-cache");
  } else {
    res.status = 404;
    res.set_content("Không tìm thấy trang.", "text/plain; charset=utf-8");
  }
}

bool is_json(const httplib::Request& req) {
  const auto type = req.get_header_value("Content-Type");
  return type.rfind("application/json", 0) == 0;
}

}  // namespace

Server::Server(Services services, ServerOptions options)
    : services_(std::move(services)),
      options_(options),
      server_(std::make_unique<httplib::Server>()) {
  const int threads = options_.threads;
  server_->new_task_queue = [threads] {
    return new httplib::ThreadPool(static_cast<std::size_t>(threads));
  };
  server_->set_tcp_nodelay(true);
  server_->set_keep_alive_timeout(options_.keep_alive_seconds);
  server_->set_keep_alive_max_count(1000);
  server_->set_payload_max_length(options_.max_body_bytes);
  server_->set_read_timeout(10, 0);
  server_->set_write_timeout(10, 0);
  install_routes();
}

Server::~Server() {
  stop();
}

int Server::bind(const std::string& host, int port) {
  if (port == 0)
    return server_->bind_to_any_port(host);
  return server_->bind_to_port(host, port) ? port : -1;
}

void Server::mount_files(const std::string& prefix, const std::string& directory) {
  server_->set_mount_point(prefix, directory);
}

bool Server::listen() {
  return server_->listen_after_bind();
}

void Server::stop() {
  if (server_ && server_->is_running())
    server_->stop();
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
  server.set_exception_handler([](const httplib::Request& req, httplib::Response& res,
                                  std::exception_ptr ep) {
    std::string what = "unknown";
    try {
      if (ep)
        std::rethrow_exception(ep);
    } catch (const std::exception& e) {
      what = e.what();
    } catch (...) {
    }
    std::fprintf(stderr, "tdkt: lỗi khi xử lý %s %s: %s\n", req.method.c_str(), req.path.c_str(),
                 what.c_str());
    send_json(res, 500,
              error_body(Error::internal(
                  "Lỗi hệ thống khi xử lý yêu cầu; thao tác chưa được thực hiện. Vui lòng thử lại "
                  "hoặc báo quản trị viên.")));
  });
  server.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty())
      return;
    if (req.path.rfind("/api/", 0) == 0) {
      if (res.status == 413) {
        send_json(
            res, 413,
            error_body({ErrorCode::kTooLarge, "Nội dung gửi lên quá lớn (tối đa 1 MiB).", ""}));
      } else {
        send_json(res, res.status == 200 ? 404 : res.status,
                  error_body(Error::not_found("Không có địa chỉ API " + req.method + " " +
                                              req.path + ".")));
      }
      return;
    }
    res.set_content("Không tìm thấy trang.", "text/plain; charset=utf-8");
  });

  for (auto& route : all_routes()) {
    auto handler = [this, route](const httplib::Request& req, httplib::Response& res) {
      if ((route.method == "POST" || route.method == "PATCH") && !is_json(req)) {
        send_json(
            res, 415,
            error_body({ErrorCode::kUnsupportedMedia,
                        "Nội dung gửi lên phải là JSON (Content-Type: application/json).", ""}));
        return;
      }
      ApiRequest request{req, {}, app::Actor{}};
      for (std::size_t i = 1; i < req.matches.size(); ++i)
        request.path_params.push_back(req.matches[i].str());
      const ApiResponse response = route.handler(request, services_);
      send_json(res, response.status, response.body);
    };
    const auto pattern = path_regex(route.path);
    if (route.method == "GET")
      server.Get(pattern, handler);
    else if (route.method == "POST")
      server.Post(pattern, handler);
    else if (route.method == "PATCH")
      server.Patch(pattern, handler);
    else if (route.method == "DELETE")
      server.Delete(pattern, handler);
  }

  // Pages: the same HTML shell per area; the scripts fetch the JSON API.
  server.Get("/", [](const httplib::Request&, httplib::Response& res) {
    send_static(res, "web/index.html");
  });
  server.Get("/people", [](const httplib::Request&, httplib::Response& res) {
    send_static(res, "web/people.html");
  });
  server.Get(R"(/people/(\d+))", [](const httplib::Request&, httplib::Response& res) {
    send_static(res, "web/person.html");
  });
  server.Get(R"(/units/(\d+))", [](const httplib::Request&, httplib::Response& res) {
    send_static(res, "web/unit.html");
  });
  server.Get(R"(/static/(.+))", [](const httplib::Request& req, httplib::Response& res) {
    send_static(res, "web/" + req.matches[1].str());
  });
}

}  // namespace tdkt::http
