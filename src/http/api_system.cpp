// /api/v1/health, /api/v1/openapi.json, /api/v1/audit.

#include "http/errors.hpp"
#include "http/representations.hpp"
#include "http/router.hpp"
#include "http/static_files.hpp"

namespace tdkt::http {
namespace {

ApiResponse health(const ApiRequest&, Services& services) {
  Json body = services.health ? services.health() : Json::object();
  body["status"] = "ok";
  return ok(std::move(body));
}

ApiResponse openapi(const ApiRequest&, Services&) {
  auto file = find_static("docs/api/openapi.json");
  if (!file)
    return fail(Error::internal("Thiếu tài liệu OpenAPI trong bản dựng."));
  return ok(Json::parse(file->data));
}

ApiResponse audit(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(id, parse_id(request.query("id"), "id"));
  TDKT_HTTP_TRY(records, services.audit.history(request.query("entity"), *id));
  Json list = Json::array();
  for (const auto& record : *records)
    list.push_back(to_json(record));
  return ok({{"entity", request.query("entity")}, {"id", *id}, {"records", list}});
}

}  // namespace

std::vector<Route> system_routes() {
  return {
      {"GET", "/api/v1/health", health},
      {"GET", "/api/v1/openapi.json", openapi},
      {"GET", "/api/v1/audit", audit},
  };
}

}  // namespace tdkt::http
