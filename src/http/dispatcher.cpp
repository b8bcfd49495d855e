#include "http/dispatcher.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "app/ports.hpp"
#include "http/errors.hpp"
#include "http/static_files.hpp"

namespace tdkt::http {
namespace {

constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
constexpr const char* kPlainCookie = "tdkt_session";
constexpr const char* kTlsCookie = "__Host-tdkt_session";
constexpr const char* kNotFoundPage = "Không tìm thấy trang.";

std::vector<std::string> split_path(std::string_view path) {
  std::vector<std::string> segments;
  std::size_t position = 1;  // paths start with '/'
  while (position <= path.size()) {
    const auto end = path.find('/', position);
    segments.emplace_back(
        path.substr(position, end == std::string_view::npos ? std::string_view::npos : end - position));
    if (end == std::string_view::npos) break;
    position = end + 1;
  }
  return segments;
}

bool is_parameter(const std::string& segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

bool all_digits(const std::string& text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Matches a path against a pattern of segments; "{…}" takes any non-empty segment, or only
// digits when `digits_only`.
bool match_segments(const std::vector<std::string>& pattern, const std::vector<std::string>& segments,
                    std::vector<std::string>* params, bool digits_only) {
  if (pattern.size() != segments.size()) return false;
  std::vector<std::string> found;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (is_parameter(pattern[i])) {
      if (segments[i].empty() || (digits_only && !all_digits(segments[i]))) return false;
      found.push_back(segments[i]);
    } else if (pattern[i] != segments[i]) {
      return false;
    }
  }
  if (params) *params = std::move(found);
  return true;
}

void set_json(HttpResponse& response, int status, const Json& body) {
  response.status = status;
  if (status == 204) return;
  response.set_header("Content-Type", "application/json; charset=utf-8");
  response.body = body.dump();
}

void set_static(HttpResponse& response, std::string_view path) {
  if (auto file = find_static(path)) {
    response.status = 200;
    response.set_header("Content-Type", file->content_type);
    response.set_header("Cache-Control", "no-cache");
    response.body = std::string(file->data);
  } else {
    response.status = 404;
    response.set_header("Content-Type", "text/plain; charset=utf-8");
    response.body = kNotFoundPage;
  }
}

bool constant_time_equal(const std::string& a, const std::string& b) {
  unsigned char difference = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    difference |= static_cast<unsigned char>(a[i] ^ b[i]);
  }
  return difference == 0;
}

bool starts_with(const std::string& text, std::string_view prefix) {
  return text.rfind(prefix, 0) == 0;
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

// The cookie's value, if exactly one cookie of that name was sent (two of them — one tossed by a
// sibling site — is refused rather than guessed).
std::string cookie_value(const std::string& header, const std::string& name) {
  const std::string key = name + "=";
  std::string value;
  int seen = 0;
  std::size_t position = 0;
  while (position < header.size()) {
    while (position < header.size() && (header[position] == ' ' || header[position] == ';'))
      ++position;
    const auto end = header.find(';', position);
    const auto item = header.substr(position, end == std::string::npos ? std::string::npos : end - position);
    if (starts_with(item, key)) {
      value = item.substr(key.size());
      ++seen;
    }
    if (end == std::string::npos) break;
    position = end + 1;
  }
  return seen == 1 ? value : std::string();
}

std::optional<std::uint64_t> parse_uint(std::string_view text) {
  std::uint64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

// Answers one `bytes=a-b`, `bytes=a-` or `bytes=-n` range of a stored file with 206, or 416
// when it lies outside the file; anything else (several ranges, other units, malformed) is
// ignored and the whole file is sent.
void apply_range(const HttpRequest& request, HttpResponse& response) {
  response.set_header("Accept-Ranges", "bytes");
  const auto range = request.header("Range");
  if (range.empty() || response.status != 200 || !starts_with(range, "bytes=")) return;
  const std::string spec = range.substr(6);
  if (spec.find(',') != std::string::npos) return;
  const auto dash = spec.find('-');
  if (dash == std::string::npos) return;
  const std::uint64_t size = response.body.size();
  std::uint64_t first = 0;
  std::uint64_t last = 0;
  if (dash == 0) {
    const auto suffix = parse_uint(std::string_view(spec).substr(1));
    if (!suffix) return;
    if (*suffix == 0 || size == 0) {
      first = size;  // unsatisfiable
    } else {
      first = size - std::min(*suffix, size);
      last = size - 1;
    }
  } else {
    const auto from = parse_uint(std::string_view(spec).substr(0, dash));
    if (!from) return;
    first = *from;
    if (dash + 1 == spec.size()) {
      last = size == 0 ? 0 : size - 1;
    } else {
      const auto to = parse_uint(std::string_view(spec).substr(dash + 1));
      if (!to || *to < first) return;
      last = std::min(*to, size == 0 ? 0 : size - 1);
    }
  }
  if (first >= size) {
    response.status = 416;
    response.body.clear();
    response.set_header("Content-Range", "bytes */" + std::to_string(size));
    return;
  }
  response.status = 206;
  response.set_header("Content-Range",
                      "bytes " + std::to_string(first) + "-" + std::to_string(last) + "/" + std::to_string(size));
  response.body = response.body.substr(first, last - first + 1);
}

}  // namespace

void HttpResponse::set_header(std::string name, std::string value) {
  for (auto& [key, existing] : headers) {
    if (key == name && name != "Set-Cookie") {
      existing = std::move(value);
      return;
    }
  }
  headers.emplace_back(std::move(name), std::move(value));
}

std::string HttpResponse::header(const std::string& name) const {
  for (const auto& [key, value] : headers) {
    if (key == name) return value;
  }
  return {};
}

void add_security_headers(HttpResponse& response) {
  response.set_header("Content-Security-Policy", kContentSecurityPolicy);
  response.set_header("X-Content-Type-Options", "nosniff");
  response.set_header("X-Frame-Options", "DENY");
  response.set_header("Referrer-Policy", "no-referrer");
  response.set_header("Cross-Origin-Opener-Policy", "same-origin");
}

namespace {

std::string replace_all(std::string text, std::string_view placeholder, std::string_view value) {
  for (auto at = text.find(placeholder); at != std::string::npos; at = text.find(placeholder, at + value.size())) {
    text.replace(at, placeholder.size(), value);
  }
  return text;
}

std::optional<domain::Permission> permission_named(const std::string& name) {
  for (auto permission : domain::all_permissions()) {
    if (domain::to_string(permission) == name) return permission;
  }
  return std::nullopt;
}

}  // namespace

Dispatcher::Dispatcher(Services services, DispatchOptions options)
    : services_(std::move(services)), options_(std::move(options)) {
  for (auto& route : all_routes()) {
    auto segments = split_path(route.path);
    routes_.push_back({std::move(route), std::move(segments)});
  }
  load_pages();
}

// The page table (web/pages.json) and the shell (web/shell.html), compiled in: each page is
// composed once, here. A table that does not load is a build defect: the process stops.
void Dispatcher::load_pages() {
  const auto table = find_static("web/pages.json");
  const auto shell = find_static("web/shell.html");
  if (!table || !shell) throw std::logic_error("web/pages.json or web/shell.html is missing from the build");
  const auto document = Json::parse(table->data);
  Json menu = Json::array();
  for (const auto& entry : document.at("pages")) {
    if (!entry.contains("nav")) continue;
    menu.push_back({{"href", entry.at("path")}, {"label", entry.at("nav")}, {"needs", entry.value("needs", "")}});
  }
  // "</" cannot end the data block early: the menu's text has none, and '<' is escaped anyway.
  const auto menu_text = replace_all(menu.dump(), "<", "\\u003c");
  for (const auto& entry : document.at("pages")) {
    Page page;
    page.key = entry.at("key").get<std::string>();
    if (entry.contains("path")) page.segments = split_path(entry.at("path").get<std::string>());
    page.is_public = entry.value("public", false);
    if (entry.contains("needs")) {
      page.needs = permission_named(entry.at("needs").get<std::string>());
      if (!page.needs) throw std::logic_error("web/pages.json: unknown permission for page " + page.key);
    }
    std::string scripts;
    for (const auto& script : entry.at("scripts")) {
      if (script.is_string()) {
        scripts += "  <script type=\"module\" src=\"/static/" + script.get<std::string>() + "\"></script>\n";
      } else {
        scripts += "  <script src=\"/static/" + script.at("src").get<std::string>() + "\"></script>\n";
      }
    }
    const auto content = find_static("web/pages/" + page.key + ".html");
    if (!content) throw std::logic_error("web/pages/" + page.key + ".html is missing from the build");
    std::string html(shell->data);
    html = replace_all(std::move(html), "{{title}}", entry.at("title").get<std::string>());
    html = replace_all(std::move(html), "{{scripts}}\n", scripts);
    html = replace_all(std::move(html), "{{key}}", page.key);
    html = replace_all(std::move(html), "{{menu}}", menu_text);
    html = replace_all(std::move(html), "{{content}}", std::string(content->data));
    page.html = std::move(html);
    pages_.push_back(std::move(page));
  }
}

const Dispatcher::Page* Dispatcher::page_named(std::string_view key) const {
  for (const auto& page : pages_) {
    if (page.key == key) return &page;
  }
  return nullptr;
}

bool Dispatcher::over_tls(const HttpRequest& request) const {
  return options_.cookies == CookieSecurity::kTls || request.scheme == "https";
}

const Dispatcher::CompiledRoute* Dispatcher::find_route(const std::string& method, const std::string& path,
                                                        std::vector<std::string>* params, bool* path_known) const {
  const auto segments = split_path(path);
  if (path_known) *path_known = false;
  for (const auto& compiled : routes_) {
    if (!match_segments(compiled.segments, segments, nullptr, false)) continue;
    if (path_known) *path_known = true;
    if (compiled.route.method == method) {
      match_segments(compiled.segments, segments, params, false);
      return &compiled;
    }
  }
  return nullptr;
}

std::size_t Dispatcher::body_limit(const std::string& method, const std::string& path) const {
  constexpr std::size_t kIgnoredBody = 64 << 10;  // a body where none is expected is read and dropped
  if (method == "GET" || method == "HEAD" || method == "DELETE" || method == "OPTIONS") return kIgnoredBody;
  const auto* found = find_route(method, path, nullptr, nullptr);
  if (!found || found->route.body == Body::kJson) return options_.max_json_bytes;
  return options_.max_upload_bytes;
}

Lane Dispatcher::lane(const std::string& method, const std::string& path) const {
  if (method == "GET" && (starts_with(path, "/static/") || path == "/login")) return Lane::kInline;
  return Lane::kWorker;
}

std::string Dispatcher::session_token(const HttpRequest& request) const {
  return cookie_value(request.header("Cookie"), over_tls(request) ? kTlsCookie : kPlainCookie);
}

// Over TLS the cookie is "__Host-" prefixed: the browser then refuses it unless it is Secure,
// has Path=/ and no Domain, so a sibling site cannot set or shadow it.
std::string Dispatcher::cookie_header(const HttpRequest& request, const std::string& token) const {
  const bool tls = over_tls(request);
  std::string cookie =
      std::string(tls ? kTlsCookie : kPlainCookie) + "=" + token + "; Path=/; HttpOnly; SameSite=Strict";
  cookie += token.empty() ? "; Max-Age=0" : "; Max-Age=43200";
  if (tls) cookie += "; Secure";
  return cookie;
}

Status Dispatcher::check_csrf(const HttpRequest& request, const std::string& token) const {
  const auto origin = request.header("Origin");
  if (!origin.empty()) {
    const auto host = request.header("Host");
    if (origin != "http://" + host && origin != "https://" + host) {
      return Error{ErrorCode::kCsrfFailed, "Yêu cầu đến từ một trang khác (" + origin + "); đã bị từ chối.", ""};
    }
  }
  auto expected = services_.accounts.csrf_token(token);
  const auto sent = request.header("X-CSRF-Token");
  if (!expected || sent.size() != expected->size() || !constant_time_equal(sent, *expected)) {
    return Error{ErrorCode::kCsrfFailed, "Thiếu hoặc sai mã chống giả mạo (CSRF). Hãy tải lại trang rồi thử lại.", ""};
  }
  return {};
}

HttpResponse Dispatcher::error(const HttpRequest& request, const Error& error) const {
  HttpResponse response;
  if (starts_with(request.path, "/api/")) {
    set_json(response, status_for(error.code), error_body(error));
  } else {
    response.status = status_for(error.code);
    response.set_header("Content-Type", "text/plain; charset=utf-8");
    response.body = error.message;
  }
  add_security_headers(response);
  return response;
}

HttpResponse Dispatcher::api(const HttpRequest& req) const {
  HttpResponse res;
  std::vector<std::string> params;
  bool path_known = false;
  const auto* found = find_route(req.method, req.path, &params, &path_known);
  if (!found) {
    set_json(res, 404, error_body(Error::not_found("Không có địa chỉ API " + req.method + " " + req.path + ".")));
    return res;
  }
  const Route& route = found->route;
  const bool unsafe = route.method != "GET";
  const bool has_body = route.method == "POST" || route.method == "PATCH" || route.method == "PUT";
  const auto type = req.header("Content-Type");
  if (has_body && route.body == Body::kJson && !starts_with(type, "application/json")) {
    set_json(res, 415,
             error_body({ErrorCode::kUnsupportedMedia,
                         "Nội dung gửi lên phải là JSON (Content-Type: application/json).", ""}));
    return res;
  }
  if (has_body && route.body == Body::kSpreadsheet && !starts_with(type, kXlsxType) &&
      !starts_with(type, "application/octet-stream")) {
    set_json(
        res, 415,
        error_body({ErrorCode::kUnsupportedMedia,
                    "Tệp gửi lên phải là bảng tính Excel (.xlsx), gửi với Content-Type " + std::string(kXlsxType) + ".",
                    "file"}));
    return res;
  }
  ApiRequest request{req, std::move(params), app::Actor{}, session_token(req)};
  if (route.access == Access::kSignedIn) {
    auto actor = services_.accounts.authenticate(request.session_token);
    if (!actor) {
      set_json(res, 401, error_body(actor.error()));
      return res;
    }
    request.actor = *actor;
    if (unsafe) {
      if (auto checked = check_csrf(req, request.session_token); !checked) {
        set_json(res, 403, error_body(checked.error()));
        return res;
      }
    }
  }
  ApiResponse response = route.handler(request, services_);
  for (auto& [name, value] : response.headers) {
    if (name == "X-Tdkt-Session") {
      res.headers.emplace_back("Set-Cookie", cookie_header(req, value));
    } else {
      res.set_header(name, std::move(value));
    }
  }
  if ((response.status == 429 || response.status == 503) && res.header("Retry-After").empty()) {
    res.set_header("Retry-After", "5");
  }
  if (response.download) {
    res.status = response.status;
    res.set_header("Content-Disposition", attachment_header(response.download->filename));
    res.set_header("Cache-Control", "no-store");
    res.set_header("Content-Type", response.download->content_type);
    res.body = std::move(response.download->bytes);
    if (response.download->ranges == Ranges::kHonoured) apply_range(req, res);
    return res;
  }
  set_json(res, response.status, response.body);
  return res;
}

HttpResponse Dispatcher::page(const HttpRequest& req) const {
  HttpResponse res;
  const auto not_found = [&res] {
    res.status = 404;
    res.set_header("Content-Type", "text/plain; charset=utf-8");
    res.body = kNotFoundPage;
    return res;
  };
  if (req.method != "GET" && req.method != "HEAD") return not_found();
  if (starts_with(req.path, "/static/")) {
    set_static(res, "web/" + req.path.substr(8));
    return res;
  }
  const bool from_disk = !options_.files_directory.empty() && starts_with(req.path, options_.files_prefix);
  const auto segments = split_path(req.path);
  const Page* page = nullptr;
  for (const auto& candidate : pages_) {
    if (!candidate.segments.empty() && match_segments(candidate.segments, segments, nullptr, true)) {
      page = &candidate;
      break;
    }
  }
  if (!page && !from_disk) return not_found();
  const auto send_page = [&res](const Page& shown, int status) {
    res.status = status;
    res.set_header("Content-Type", "text/html; charset=utf-8");
    res.set_header("Cache-Control", "no-cache");
    res.body = shown.html;
    return res;
  };
  if (page && page->is_public) return send_page(*page, 200);
  auto actor = services_.accounts.authenticate(session_token(req));
  if (!actor) {
    res.status = 303;
    res.set_header("Location", "/login?next=" + percent_encode(req.target.empty() ? req.path : req.target));
    return res;
  }
  if (from_disk) return file_from_disk(req);
  if (page->needs && !domain::allows(actor->role, *page->needs)) {
    if (const auto* forbidden = page_named("forbidden")) return send_page(*forbidden, 403);
  }
  return send_page(*page, 200);
}

HttpResponse Dispatcher::file_from_disk(const HttpRequest& req) const {
  HttpResponse res;
  namespace fs = std::filesystem;
  const std::string relative = req.path.substr(options_.files_prefix.size());
  std::error_code ec;
  const fs::path root = fs::weakly_canonical(options_.files_directory, ec);
  const fs::path wanted = fs::weakly_canonical(root / relative, ec);
  const auto [root_end, wanted_at] = std::mismatch(root.begin(), root.end(), wanted.begin(), wanted.end());
  if (ec || relative.empty() || relative.find("..") != std::string::npos || root_end != root.end() ||
      !fs::is_regular_file(wanted, ec)) {
    res.status = 404;
    res.set_header("Content-Type", "text/plain; charset=utf-8");
    res.body = kNotFoundPage;
    return res;
  }
  std::ifstream in(wanted, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  res.status = 200;
  const auto name = wanted.filename().string();
  if (auto known = find_static("web/" + name)) {
    res.set_header("Content-Type", known->content_type);
  } else if (name.size() > 5 && name.substr(name.size() - 5) == ".json") {
    res.set_header("Content-Type", "application/json; charset=utf-8");
  } else {
    res.set_header("Content-Type", "application/octet-stream");
  }
  res.set_header("Cache-Control", "no-cache");
  res.body = bytes.str();
  return res;
}

HttpResponse Dispatcher::handle(const HttpRequest& request) const {
  HttpResponse response;
  try {
    response = starts_with(request.path, "/api/") ? api(request) : page(request);
  } catch (const app::StoreFailure& failure) {
    // A failure of the store the client can act on (a unique key taken by a concurrent request,
    // the database unreachable or busy), in a handler or before it (the session check, a page's
    // sign-in check): its own code and message, not a 500, with Retry-After when waiting helps.
    // The unit of work has rolled back; the database's own text goes to the log.
    std::fprintf(stderr, "tdkt: %s %s: %s (%s)\n", request.method.c_str(), request.path.c_str(),
                 std::string(to_string(failure.error().code)).c_str(), failure.what());
    response = HttpResponse{};
    if (starts_with(request.path, "/api/")) {
      set_json(response, status_for(failure.error().code), error_body(failure.error()));
    } else {
      response.status = status_for(failure.error().code);
      response.set_header("Content-Type", "text/plain; charset=utf-8");
      response.body = failure.error().message + " Vui lòng tải lại trang sau ít giây.";
    }
    const auto code = failure.error().code;
    if (code == ErrorCode::kBusy || code == ErrorCode::kOverloaded || code == ErrorCode::kUnavailable) {
      response.set_header("Retry-After", "2");
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "tdkt: lỗi khi xử lý %s %s: %s\n", request.method.c_str(), request.path.c_str(), e.what());
    response = HttpResponse{};
    set_json(
        response, 500,
        error_body(Error::internal("Lỗi hệ thống khi xử lý yêu cầu; thao tác chưa được thực hiện. Vui lòng thử lại "
                                   "hoặc báo quản trị viên.")));
  } catch (...) {
    std::fprintf(stderr, "tdkt: lỗi không xác định khi xử lý %s %s\n", request.method.c_str(), request.path.c_str());
    response = HttpResponse{};
    set_json(response, 500, error_body(Error::internal("Lỗi hệ thống khi xử lý yêu cầu.")));
  }
  add_security_headers(response);
  return response;
}

}  // namespace tdkt::http
