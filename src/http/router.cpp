#include "http/router.hpp"

#include <charconv>
#include <regex>

#include "http/errors.hpp"

namespace tdkt::http {

std::vector<Route> all_routes() {
  std::vector<Route> routes;
  for (auto* group : {&organisation_routes, &people_routes, &system_routes, &account_routes, &rules_routes,
                      &records_routes, &import_routes, &document_routes, &movement_routes, &target_routes,
                      &attachment_routes, &campaign_routes, &grant_history_routes, &complaint_routes, &council_routes,
                      &decision_routes, &nomination_routes, &report_routes, &statistics_routes}) {
    // A handler's app::StoreFailure is answered by Dispatcher::handle, like one thrown before it.
    for (auto& route : (*group)())
      routes.push_back(std::move(route));
  }
  return routes;
}

std::string path_regex(const std::string& openapi_path) {
  static const std::regex kParam(R"(\{[a-z_]+\})");
  return "^" + std::regex_replace(openapi_path, kParam, "([^/]+)") + "$";
}

Result<std::optional<int>> year_param(const ApiRequest& request, const std::string& name) {
  const auto text = request.query(name);
  if (text.empty()) return std::optional<int>();
  int value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size()) {
    return Error::invalid(name, "Năm \"" + text + "\" không hợp lệ: cần một số, ví dụ 2023.");
  }
  return std::optional<int>(value);
}

ApiResponse ok(Json body, int status) {
  return {status, std::move(body), {}, std::nullopt};
}

ApiResponse fail(const Error& error) {
  return {status_for(error.code), error_body(error), {}, std::nullopt};
}

Result<std::int64_t> parse_id(const std::string& text, const std::string& field) {
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size() || value <= 0) {
    return Error::invalid(field, "Mã \"" + text + "\" không hợp lệ: cần một số nguyên dương.");
  }
  return value;
}

Result<CivilDate> as_of(const ApiRequest& request, const app::Clock& clock) {
  if (!request.has_query("as_of") || request.query("as_of").empty()) return clock.today();
  return parse_date_field(request.query("as_of"), "as_of");
}

}  // namespace tdkt::http
